//! The least-privilege IAM policy for an MSK IAM job's consumer role
//! (kafka-security.md §7): Connect on the cluster, DescribeTopic and ReadData on the
//! topic, DescribeGroup and AlterGroup on the group, with a wildcard wherever a value
//! cannot be known, each wildcard explained.

use super::endpoint::{self, EndpointKind};
use crate::analyzer::job::{AuthMode, RoutineLoadJob};
use serde::Serialize;

/// A policy document with what it assumes and what goes with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IamPolicy {
    /// The policy JSON, 2-space indented.
    pub document: String,
    pub assumptions: Vec<String>,
    /// Companion documents (trust policy, cross-account, ACLs), as advice.
    pub notes: Vec<String>,
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
    let endpoints: Vec<endpoint::Endpoint> = src
        .brokers
        .iter()
        .map(|b| endpoint::classify(&b.host, b.port))
        .collect();
    let region = match src.custom.get("aws.region") {
        Some(r) => r.to_string(),
        None => match endpoints.iter().find_map(|e| e.region.clone()) {
            Some(r) => {
                assumptions.push(format!("region {r} is taken from the broker host name"));
                r
            }
            None => {
                assumptions.push("the region is unknown: replace <region>".into());
                "<region>".into()
            }
        },
    };
    let partition = if endpoint::is_region(&region) {
        endpoint::partition_of(&region)
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
            ));
            r.account.clone()
        }
        None => {
            assumptions.push(
                "the account is unknown: replace <account-id> with the cluster's account".into(),
            );
            "<account-id>".into()
        }
    };
    let cluster = match endpoints
        .iter()
        .find(|e| {
            matches!(
                e.kind,
                EndpointKind::Provisioned | EndpointKind::Public | EndpointKind::MultiVpc
            )
        })
        .and_then(|e| e.cluster_name.clone())
    {
        Some(n) => {
            assumptions.push(format!(
                "cluster name {n} is taken from the hostname; verify its exact spelling and case"
            ));
            n
        }
        None => {
            assumptions.push("the cluster name is unknown (serverless and non-MSK hosts carry none), so * is used".into());
            "*".into()
        }
    };
    assumptions.push(
        "the cluster UUID is unknown, so * is used (it also matches a future re-creation of the cluster)".into(),
    );
    let group = group_of(job);
    if src.custom.get("group.id").is_none() || job_group_generated(job) {
        assumptions.push(format!(
            "group {group} covers Doris's generated group.id (<job>_<random UUID>)"
        ));
    }
    let base = format!("arn:{partition}:kafka:{region}:{account}:");
    let statements = [
        (
            "MskConnect",
            vec!["kafka-cluster:Connect"],
            format!("{base}cluster/{cluster}/*"),
        ),
        (
            "MskReadTopic",
            vec!["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"],
            format!("{base}topic/{cluster}/*/{}", src.topic),
        ),
        (
            "MskConsumerGroup",
            vec!["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"],
            format!("{base}group/{cluster}/*/{group}"),
        ),
    ];
    let mut doc = String::from("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
    for (i, (sid, actions, resource)) in statements.iter().enumerate() {
        let actions: Vec<String> = actions.iter().map(|a| json_string(a)).collect();
        doc.push_str(&format!(
            "    {{\n      \"Sid\": {},\n      \"Effect\": \"Allow\",\n      \"Action\": [{}],\n      \"Resource\": {}\n    }}{}\n",
            json_string(sid),
            actions.join(", "),
            json_string(resource),
            if i + 1 < statements.len() { "," } else { "" }
        ));
    }
    doc.push_str("  ]\n}");
    if let Some(r) = src.custom.get("aws.role_arn") {
        let condition = if src.custom.get("aws.external_id").is_some() {
            ", with the condition \"StringEquals\": {\"sts:ExternalId\": \"<the aws.external_id value>\"}"
        } else {
            ""
        };
        notes.push(format!(
            "trust policy: the role {r} must trust the BE hosts' base identity (<be-principal-arn>: instance profile, container role or the user behind static keys) for sts:AssumeRole{condition}"
        ));
    }
    notes.push("cross-account: if the cluster belongs to another account, use that account in the ARNs, have the owner grant the same actions to the role in a cluster policy, and connect through multi-VPC private connectivity (same region only)".into());
    Ok(IamPolicy {
        document: doc,
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
