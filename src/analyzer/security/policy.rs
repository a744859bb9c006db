//! The least-privilege IAM policy for an MSK IAM job's consumer role
//!: Connect on the cluster, DescribeTopic and ReadData on the
//! topic, DescribeGroup and AlterGroup on the group, with a wildcard wherever a value
//! cannot be known, each wildcard explained.

use crate::analyzer::endpoint::{self, EndpointKind};
use crate::analyzer::model::{AuthMode, DataSource, KafkaSource, KinesisSource, RoutineLoadJob};
use serde::{Serialize, Serializer};

/// The least-privilege policy of an MSK IAM job, as the facts it is made of: where
/// each ARN part comes from decides an assumption. The document, its statements, the
/// assumptions and the notes are rendered from them when asked for, so planning a job
/// does not pay for text nobody reads; serialised, it carries all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamPolicy {
    /// The AWS partition.
    pub partition: &'static str,
    /// The cluster's region.
    pub region: Derived,
    /// The cluster's account.
    pub account: Derived,
    /// The cluster name.
    pub cluster: Derived,
    /// The topic.
    pub topic: String,
    /// The consumer group (`<job>_*` when Doris generates it).
    pub group: String,
    /// Whether Doris generates the group id.
    pub group_generated: bool,
    /// The role the BE assumes, when given.
    pub role_arn: Option<String>,
    /// Whether an external id is given.
    pub external_id: bool,
}

/// A value of the policy and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Derived {
    /// Written in the statement (`aws.region`).
    Given(String),
    /// Taken from the broker host name or the role ARN.
    Inferred(String),
    /// Not knowable: a placeholder or a wildcard is used.
    Unknown,
}

/// One `Allow` statement of the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyStatement {
    /// The statement id.
    pub sid: &'static str,
    /// The allowed actions.
    pub actions: &'static [&'static str],
    /// The resource ARN.
    pub resource: String,
}

impl Derived {
    fn or<'a>(&'a self, placeholder: &'a str) -> &'a str {
        match self {
            Derived::Given(v) | Derived::Inferred(v) => v,
            Derived::Unknown => placeholder,
        }
    }
}

impl IamPolicy {
    /// The policy's Allow statements.
    pub fn statements(&self) -> Vec<PolicyStatement> {
        let base = format!(
            "arn:{}:kafka:{}:{}:",
            self.partition,
            self.region.or("<region>"),
            self.account.or("<account-id>")
        );
        let cluster = self.cluster.or("*");
        vec![
            PolicyStatement {
                sid: "MskConnect",
                actions: &["kafka-cluster:Connect"],
                resource: format!("{base}cluster/{cluster}/*"),
            },
            PolicyStatement {
                sid: "MskReadTopic",
                actions: &["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"],
                resource: format!("{base}topic/{cluster}/*/{}", self.topic),
            },
            PolicyStatement {
                sid: "MskConsumerGroup",
                actions: &["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"],
                resource: format!("{base}group/{cluster}/*/{}", self.group),
            },
        ]
    }

    /// What the policy assumes, one sentence each.
    pub fn assumptions(&self) -> Vec<String> {
        let mut out = Vec::new();
        match &self.region {
            Derived::Inferred(r) => {
                out.push(format!("region {r} is taken from the broker host name"))
            }
            Derived::Unknown => out.push("the region is unknown: replace <region>".into()),
            Derived::Given(_) => {}
        }
        match &self.account {
            Derived::Given(a) | Derived::Inferred(a) => out.push(format!(
                "account {a} is taken from aws.role_arn and assumes the cluster is in the same account"
            )),
            Derived::Unknown => out.push(
                "the account is unknown: replace <account-id> with the cluster's account".into(),
            ),
        }
        match &self.cluster {
            Derived::Given(n) | Derived::Inferred(n) => out.push(format!(
                "cluster name {n} is taken from the hostname; verify its exact spelling and case"
            )),
            Derived::Unknown => out.push("the cluster name is unknown (serverless and non-MSK hosts carry none), so * is used".into()),
        }
        out.push(
            "the cluster UUID is unknown, so * is used (it also matches a future re-creation of the cluster)".into(),
        );
        if self.group_generated {
            out.push(format!(
                "group {} covers Doris's generated group.id (<job>_<random UUID>)",
                self.group
            ));
        }
        out
    }

    /// Companion documents (trust policy, cross-account), as advice.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(r) = &self.role_arn {
            let condition = if self.external_id {
                ", with the condition \"StringEquals\": {\"sts:ExternalId\": \"<the aws.external_id value>\"}"
            } else {
                ""
            };
            notes.push(format!(
                "trust policy: the role {r} must trust the BE hosts' base identity (<be-principal-arn>: instance profile, container role or the user behind static keys) for sts:AssumeRole{condition}"
            ));
        }
        notes.push("cross-account: if the cluster belongs to another account, use that account in the ARNs, have the owner grant the same actions to the role in a cluster policy, and connect through multi-VPC private connectivity (same region only)".into());
        notes
    }

    /// The policy JSON, 2-space indented.
    pub fn document(&self) -> String {
        policy_document(&self.statements())
    }
}

/// A policy document of Allow statements, 2-space indented.
fn policy_document(statements: &[PolicyStatement]) -> String {
    {
        let mut doc = String::from("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
        for (i, s) in statements.iter().enumerate() {
            let actions: Vec<String> = s.actions.iter().map(|a| json_string(a)).collect();
            doc.push_str(&format!(
                "    {{\n      \"Sid\": {},\n      \"Effect\": \"Allow\",\n      \"Action\": [{}],\n      \"Resource\": {}\n    }}{}\n",
                json_string(s.sid),
                actions.join(", "),
                json_string(&s.resource),
                if i + 1 < statements.len() { "," } else { "" }
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
        st.serialize_field("assumptions", &self.assumptions())?;
        st.serialize_field("notes", &self.notes())?;
        st.end()
    }
}

/// The policy for a job, or `None` when the job does not use MSK IAM (with the
/// advice that applies instead).
pub fn for_job(job: &RoutineLoadJob) -> Result<IamPolicy, String> {
    let src = match &job.source {
        DataSource::Kafka(k) => k,
        DataSource::Kinesis(_) => {
            return Err(format!(
            "job {} reads from Kinesis: its policy grants the Kinesis read actions (KinesisPolicy)",
            job.name
        ))
        }
    };
    if !matches!(src.auth, AuthMode::MskIam { .. }) {
        return Err(match &src.auth {
            AuthMode::Scram { .. } | AuthMode::Ssl { client_certificate: true } => format!(
                "job {} does not use IAM, so no IAM policy applies: grant Kafka ACLs READ on topic '{}' and READ on group '{}' to the SCRAM user or User:CN=<dn>; while allow.everyone.if.no.acl.found is true (the MSK default), resources without ACLs are open to everyone",
                job.name, src.topic, group_of(job, src)
            ),
            _ => format!("job {} does not use MSK IAM authentication, so no IAM policy applies", job.name),
        });
    }
    let mut endpoints = src.brokers.iter().map(|b| &b.endpoint);
    let region = match src.custom.get("aws.region") {
        Some(r) => Derived::Given(r.to_string()),
        None => match endpoints.clone().find_map(|e| e.region.as_deref()) {
            Some(r) => Derived::Inferred(r.to_string()),
            None => Derived::Unknown,
        },
    };
    let partition = match &region {
        Derived::Given(r) | Derived::Inferred(r) if endpoint::is_region(r) => {
            endpoint::partition_of(r)
        }
        _ => "aws",
    };
    let role_arn = src.custom.get("aws.role_arn");
    let account = match role_arn.and_then(|a| endpoint::parse_role_arn(a).ok()) {
        Some(r) => Derived::Inferred(r.account),
        None => Derived::Unknown,
    };
    let cluster = match endpoints
        .find(|e| {
            matches!(
                e.kind,
                EndpointKind::Provisioned | EndpointKind::Public | EndpointKind::MultiVpc
            )
        })
        .and_then(|e| e.cluster_name.as_deref())
    {
        Some(n) => Derived::Inferred(n.to_string()),
        None => Derived::Unknown,
    };
    Ok(IamPolicy {
        partition,
        region,
        account,
        cluster,
        topic: src.topic.clone(),
        group: group_of(job, src),
        group_generated: src.custom.get("group.id").is_none() || src.generated_group_id,
        role_arn: role_arn.map(str::to_string),
        external_id: src.custom.get("aws.external_id").is_some(),
    })
}

fn group_of(job: &RoutineLoadJob, src: &KafkaSource) -> String {
    match src.custom.get("group.id") {
        Some(g) if !src.generated_group_id => g.to_string(),
        _ => format!("{}_*", job.name),
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// The least-privilege IAM policy for reading a Kinesis job's stream: the read
/// actions Doris BE's Kinesis consumer calls, on the stream's ARN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KinesisPolicy {
    /// The AWS partition.
    pub partition: &'static str,
    /// The stream's region.
    pub region: String,
    /// The stream's account, when the role ARN names one.
    pub account: Derived,
    /// The stream.
    pub stream: String,
    /// The role the BE assumes, when given.
    pub role_arn: Option<String>,
    /// Whether an external id is given.
    pub external_id: bool,
}

/// The actions the BE's Kinesis consumer calls (shard discovery, iterators, reads).
pub const KINESIS_READ_ACTIONS: &[&str] = &[
    "kinesis:DescribeStream",
    "kinesis:DescribeStreamSummary",
    "kinesis:ListShards",
    "kinesis:GetShardIterator",
    "kinesis:GetRecords",
];

impl KinesisPolicy {
    /// The policy of a Kinesis source.
    pub fn for_source(src: &KinesisSource) -> KinesisPolicy {
        let partition = if endpoint::is_region(&src.region) {
            endpoint::partition_of(&src.region)
        } else {
            "aws"
        };
        let role_arn = src.custom.get("aws.role_arn").map(str::to_string);
        let account = match role_arn
            .as_deref()
            .and_then(|a| endpoint::parse_role_arn(a).ok())
        {
            Some(r) => Derived::Inferred(r.account),
            None => Derived::Unknown,
        };
        KinesisPolicy {
            partition,
            region: src.region.clone(),
            account,
            stream: src.stream.clone(),
            role_arn,
            external_id: src.custom.get("aws.external.id").is_some(),
        }
    }

    /// The policy's Allow statement.
    pub fn statements(&self) -> Vec<PolicyStatement> {
        vec![PolicyStatement {
            sid: "KinesisReadStream",
            actions: KINESIS_READ_ACTIONS,
            resource: format!(
                "arn:{}:kinesis:{}:{}:stream/{}",
                self.partition,
                self.region,
                self.account.or("<account-id>"),
                self.stream
            ),
        }]
    }

    /// What the policy assumes.
    pub fn assumptions(&self) -> Vec<String> {
        vec![match &self.account {
            Derived::Given(a) | Derived::Inferred(a) => format!(
                "account {a} is taken from aws.role_arn and assumes the stream is in the same account"
            ),
            Derived::Unknown => {
                "the account is unknown: replace <account-id> with the stream's account".into()
            }
        }]
    }

    /// Companion documents, as advice.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(r) = &self.role_arn {
            let condition = if self.external_id {
                ", with the condition \"StringEquals\": {\"sts:ExternalId\": \"<the property.aws.external.id value>\"}"
            } else {
                ""
            };
            notes.push(format!("trust policy: the role {r} must trust the BE hosts' base identity for sts:AssumeRole{condition}"));
        }
        notes.push(
            "a stream encrypted with a customer-managed KMS key also needs kms:Decrypt on that key"
                .into(),
        );
        notes
    }

    /// The policy JSON, 2-space indented.
    pub fn document(&self) -> String {
        policy_document(&self.statements())
    }
}

impl Serialize for KinesisPolicy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("KinesisPolicy", 3)?;
        st.serialize_field("document", &self.document())?;
        st.serialize_field("assumptions", &self.assumptions())?;
        st.serialize_field("notes", &self.notes())?;
        st.end()
    }
}
