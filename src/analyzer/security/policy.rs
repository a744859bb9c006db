//! The least-privilege IAM policy for an MSK IAM job's consumer role
//! (kafka-security.md §7): Connect on the cluster, DescribeTopic and ReadData on the
//! topic, DescribeGroup and AlterGroup on the group, with a wildcard wherever a value
//! cannot be known, each wildcard explained.

use super::endpoint::{self, EndpointKind};
use crate::analyzer::job::{AuthMode, RoutineLoadJob};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// A policy with what it assumes and what goes with it. The JSON document is rendered
/// from the typed statements when asked for ([`IamPolicy::document`]), so planning a
/// job does not pay for text nobody reads; serialised, it carries the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamPolicy {
    pub statements: Vec<PolicyStatement>,
    pub assumptions: Vec<Cow<'static, str>>,
    /// Companion documents (trust policy, cross-account, ACLs), as advice.
    pub notes: Vec<Cow<'static, str>>,
}

/// One `Allow` statement of the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyStatement {
    pub sid: &'static str,
    pub actions: &'static [&'static str],
    pub resource: String,
}

impl IamPolicy {
    /// The policy JSON, 2-space indented.
    pub fn document(&self) -> String {
        let mut doc = String::from("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
        for (i, s) in self.statements.iter().enumerate() {
            let actions: Vec<String> = s.actions.iter().map(|a| json_string(a)).collect();
            doc.push_str(&format!(
                "    {{\n      \"Sid\": {},\n      \"Effect\": \"Allow\",\n      \"Action\": [{}],\n      \"Resource\": {}\n    }}{}\n",
                json_string(s.sid),
                actions.join(", "),
                json_string(&s.resource),
                if i + 1 < self.statements.len() { "," } else { "" }
            ));
        }
        doc.push_str("  ]\n}");
        doc
    }
}

impl Serialize for IamPolicy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("IamPolicy", 3)?;
        st.serialize_field("document", &self.document())?;
        st.serialize_field("assumptions", &self.assumptions)?;
        st.serialize_field("notes", &self.notes)?;
        st.end()
    }
}

/// The policy for a job, or `None` when the job does not use MSK IAM (with the
/// advice that applies instead).
pub fn for_job(job: &RoutineLoadJob) -> Result<IamPolicy, String> {
    let src = &job.source;
    if !matches!(src.auth, AuthMode::MskIam { .. }) {
        return Err(match &src.auth {
            AuthMode::Scram { .. } | AuthMode::Ssl { client_certificate: true } => format!(
                "job {} does not use IAM, so no IAM policy applies: grant Kafka ACLs READ on topic '{}' and READ on group '{}' to the SCRAM user or User:CN=<dn>; while allow.everyone.if.no.acl.found is true (the MSK default), resources without ACLs are open to everyone",
                job.name, src.topic, group_of(job)
            ),
            _ => format!("job {} does not use MSK IAM authentication, so no IAM policy applies", job.name),
        });
    }
    let mut assumptions = Vec::new();
    let mut notes = Vec::new();
    let endpoints = || src.brokers.iter().map(|b| &b.endpoint);
    let region = match src.custom.get("aws.region") {
        Some(r) => r,
        None => match endpoints().find_map(|e| e.region.as_deref()) {
            Some(r) => {
                assumptions.push(format!("region {r} is taken from the broker host name").into());
                r
            }
            None => {
                assumptions.push("the region is unknown: replace <region>".into());
                "<region>"
            }
        },
    };
    let partition = if endpoint::is_region(region) {
        endpoint::partition_of(region)
    } else {
        "aws"
    };
    let role = src
        .custom
        .get("aws.role_arn")
        .and_then(|a| endpoint::parse_role_arn(a).ok());
    let account = match &role {
        Some(r) => {
            assumptions.push(format!(
                "account {} is taken from aws.role_arn and assumes the cluster is in the same account",
                r.account
            ).into());
            r.account.as_str()
        }
        None => {
            assumptions.push(
                "the account is unknown: replace <account-id> with the cluster's account".into(),
            );
            "<account-id>"
        }
    };
    let cluster = match endpoints()
        .find(|e| {
            matches!(
                e.kind,
                EndpointKind::Provisioned | EndpointKind::Public | EndpointKind::MultiVpc
            )
        })
        .and_then(|e| e.cluster_name.as_deref())
    {
        Some(n) => {
            assumptions.push(
                format!(
                "cluster name {n} is taken from the hostname; verify its exact spelling and case"
            )
                .into(),
            );
            n
        }
        None => {
            assumptions.push("the cluster name is unknown (serverless and non-MSK hosts carry none), so * is used".into());
            "*"
        }
    };
    assumptions.push(
        "the cluster UUID is unknown, so * is used (it also matches a future re-creation of the cluster)".into(),
    );
    let group = group_of(job);
    if src.custom.get("group.id").is_none() || job_group_generated(job) {
        assumptions.push(
            format!("group {group} covers Doris's generated group.id (<job>_<random UUID>)").into(),
        );
    }
    let base = format!("arn:{partition}:kafka:{region}:{account}:");
    let statements = vec![
        PolicyStatement {
            sid: "MskConnect",
            actions: &["kafka-cluster:Connect"],
            resource: format!("{base}cluster/{cluster}/*"),
        },
        PolicyStatement {
            sid: "MskReadTopic",
            actions: &["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"],
            resource: format!("{base}topic/{cluster}/*/{}", src.topic),
        },
        PolicyStatement {
            sid: "MskConsumerGroup",
            actions: &["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"],
            resource: format!("{base}group/{cluster}/*/{group}"),
        },
    ];
    if let Some(r) = src.custom.get("aws.role_arn") {
        let condition = if src.custom.get("aws.external_id").is_some() {
            ", with the condition \"StringEquals\": {\"sts:ExternalId\": \"<the aws.external_id value>\"}"
        } else {
            ""
        };
        notes.push(format!(
            "trust policy: the role {r} must trust the BE hosts' base identity (<be-principal-arn>: instance profile, container role or the user behind static keys) for sts:AssumeRole{condition}"
        ).into());
    }
    notes.push("cross-account: if the cluster belongs to another account, use that account in the ARNs, have the owner grant the same actions to the role in a cluster policy, and connect through multi-VPC private connectivity (same region only)".into());
    Ok(IamPolicy {
        statements,
        assumptions,
        notes,
    })
}

fn job_group_generated(job: &RoutineLoadJob) -> bool {
    job.source.generated_group_id
}

fn group_of(job: &RoutineLoadJob) -> String {
    match job.source.custom.get("group.id") {
        Some(g) if !job_group_generated(job) => g.to_string(),
        _ => format!("{}_*", job.name),
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}
