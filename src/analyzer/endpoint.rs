//! Amazon MSK endpoint shapes (provisioned, public, multi-VPC, serverless, ZooKeeper)
//! and AWS identifier syntax (regions, partitions, role ARNs), parsed with nom.

use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::char;
use nom::combinator::{all_consuming, opt, recognize};
use nom::multi::many1;
use nom::{IResult, Parser};
use serde::Serialize;

/// What a broker host is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndpointKind {
    /// A provisioned MSK cluster's private broker.
    Provisioned,
    /// A provisioned cluster's public broker (`b-N-public…`).
    Public,
    /// A multi-VPC private connectivity endpoint.
    MultiVpc,
    /// An MSK Serverless cluster.
    Serverless,
    /// An MSK ZooKeeper node.
    ZooKeeper,
    /// An `amazonaws.com` host that is not an MSK endpoint shape.
    AwsLooking,
    /// Anything else: a self-managed Kafka.
    Other,
}

/// A classified broker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Endpoint {
    /// The host name.
    pub host: String,
    /// The port as written; librdkafka's default 9092 when absent.
    pub port: u16,
    /// What the host is.
    pub kind: EndpointKind,
    /// The region the host name names.
    pub region: Option<String>,
    /// The MSK cluster name the host name names.
    pub cluster_name: Option<String>,
    /// The MSK cluster id the host name names.
    pub cluster_id: Option<String>,
    /// `iam`, `scram` or `tls` for multi-VPC endpoints.
    pub multi_vpc_auth: Option<String>,
}

impl Endpoint {
    /// An Amazon MSK endpoint.
    pub fn is_msk(&self) -> bool {
        matches!(
            self.kind,
            EndpointKind::Provisioned
                | EndpointKind::Public
                | EndpointKind::MultiVpc
                | EndpointKind::Serverless
                | EndpointKind::ZooKeeper
        )
    }

    /// Everything after the first label: shared by the brokers of one cluster.
    pub fn cluster_suffix(&self) -> &str {
        self.host.split_once('.').map_or("", |(_, s)| s)
    }
}

/// `[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}`, the whole input.
pub(crate) fn is_region(s: &str) -> bool {
    fn region(i: &str) -> IResult<&str, &str> {
        recognize((
            take_while_m_n(2, 4, |c: char| c.is_ascii_lowercase()),
            many1((char('-'), take_while1(|c: char| c.is_ascii_lowercase()))),
            char('-'),
            take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        ))
        .parse(i)
    }
    all_consuming(region).parse(s).is_ok()
}

/// The AWS partition of a region.
pub(crate) fn partition_of(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else {
        "aws"
    }
}

/// The AWS regions rlfe knows.
pub(crate) const KNOWN_REGIONS: &[&str] = &[
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-south-1",
    "eu-south-2",
    "eu-north-1",
    "il-central-1",
    "me-south-1",
    "me-central-1",
    "mx-central-1",
    "sa-east-1",
    "cn-north-1",
    "cn-northwest-1",
    "us-gov-east-1",
    "us-gov-west-1",
];

/// The regions MSK Serverless is listed in.
pub(crate) const SERVERLESS_REGIONS: &[&str] = &[
    "us-east-2",
    "us-east-1",
    "us-west-2",
    "ca-central-1",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "eu-central-1",
    "eu-north-1",
    "eu-west-1",
    "eu-west-3",
    "eu-west-2",
];

/// Classifies one broker `host[:port]`.
pub(crate) fn classify(host: &str, port: Option<u16>) -> Endpoint {
    let mut lower = host.to_ascii_lowercase();
    if lower.ends_with('.') {
        lower.pop();
    }
    let mut ep = Endpoint {
        host: host.to_string(),
        port: port.unwrap_or(9092),
        kind: EndpointKind::Other,
        region: None,
        cluster_name: None,
        cluster_id: None,
        multi_vpc_auth: None,
    };
    let mut labels = dot_labels(&lower);
    // Strip the domain: amazonaws.com or amazonaws.com.cn, then an optional vpce label.
    let domain_labels = if lower.ends_with(".amazonaws.com.cn") {
        3
    } else if lower.ends_with(".amazonaws.com") {
        2
    } else {
        return ep;
    };
    labels.truncate(labels.len().saturating_sub(domain_labels));
    if labels.last() == Some(&"vpce") {
        labels.pop();
    }
    let Some(region) = labels.pop().filter(|r| is_region(r)) else {
        return ep;
    };
    ep.region = Some(region.to_string());
    // The labels before the region must end with the kafka* label.
    let Some(kafka) = labels
        .pop()
        .filter(|l| matches!(*l, "kafka" | "kafka-beta" | "kafka-serverless"))
    else {
        ep.kind = EndpointKind::AwsLooking;
        return ep;
    };
    let mut rest = labels;
    if rest.is_empty() {
        ep.kind = EndpointKind::AwsLooking;
        return ep;
    }
    let first = rest.remove(0);
    ep.kind = if kafka == "kafka-serverless" || first.starts_with("boot-") {
        EndpointKind::Serverless
    } else if first.starts_with("z-") {
        EndpointKind::ZooKeeper
    } else if first.ends_with("-public") {
        EndpointKind::Public
    } else {
        EndpointKind::Provisioned
    };
    if rest.last().is_some_and(|l| {
        l.strip_prefix('c')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }) {
        rest.pop();
    }
    if rest.len() >= 2 {
        ep.cluster_id = rest.pop().map(str::to_string);
    }
    if rest.len() >= 2 && matches!(rest.first(), Some(&("iam" | "scram" | "tls"))) {
        ep.multi_vpc_auth = Some(rest.remove(0).to_string());
        if ep.kind == EndpointKind::Provisioned {
            ep.kind = EndpointKind::MultiVpc;
        }
    }
    if let (Some(name), false) = (rest.first(), ep.kind == EndpointKind::Serverless) {
        // Keep the case as written in the host: the name is the label after the first.
        let written = host
            .split('.')
            .nth(1 + usize::from(ep.multi_vpc_auth.is_some()));
        ep.cluster_name = Some(written.unwrap_or(name).to_string());
    }
    ep
}

/// The dot-separated labels of a host name. A byte walk: `str::split` searches for
/// each dot anew, which cost more than the classification itself on short labels.
fn dot_labels(host: &str) -> Vec<&str> {
    let mut labels = Vec::with_capacity(8);
    let mut start = 0;
    for (i, b) in host.bytes().enumerate() {
        if b == b'.' {
            labels.push(host.get(start..i).unwrap_or_default());
            start = i + 1;
        }
    }
    labels.push(host.get(start..).unwrap_or_default());
    labels
}

/// A parsed IAM role ARN: partition, account, path and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RoleArn {
    /// The AWS partition (`aws`, `aws-cn`, `aws-us-gov`).
    pub partition: String,
    /// The 12-digit account.
    pub account: String,
    /// The role path.
    pub path: String,
    /// The role name.
    pub name: String,
}

/// What an ARN-looking value is, when it is not a role ARN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ArnProblem {
    /// An IAM user ARN.
    User,
    /// An STS assumed-role session ARN.
    AssumedRole {
        /// The account.
        account: String,
        /// The role name.
        role: String,
    },
    /// A policy ARN.
    Policy,
    /// Not an IAM ARN.
    Malformed,
}

/// `arn:(aws|aws-cn|aws-us-gov):iam::<12 digits>:role/[path/]<name>`
pub(crate) fn parse_role_arn(s: &str) -> Result<RoleArn, ArnProblem> {
    fn partition(i: &str) -> IResult<&str, &str> {
        nom::branch::alt((tag("aws-us-gov"), tag("aws-cn"), tag("aws"))).parse(i)
    }
    fn account(i: &str) -> IResult<&str, &str> {
        take_while_m_n(12, 12, |c: char| c.is_ascii_digit()).parse(i)
    }
    let head = (tag("arn:"), partition, tag(":iam::"), account, char(':')).parse(s);
    if let Ok((rest, (_, part, _, acct, _))) = head {
        if let Some(role) = rest.strip_prefix("role/") {
            let (path, name) = match role.rsplit_once('/') {
                Some((p, n)) => (format!("{p}/"), n),
                None => (String::new(), role),
            };
            let name_ok = !name.is_empty()
                && name.len() <= 64
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c));
            let path_ok = path.len() <= 512 && path.chars().all(|c| ('!'..='~').contains(&c));
            if name_ok && path_ok {
                return Ok(RoleArn {
                    partition: part.to_string(),
                    account: acct.to_string(),
                    path,
                    name: name.to_string(),
                });
            }
            return Err(ArnProblem::Malformed);
        }
        if rest.starts_with("user/") {
            return Err(ArnProblem::User);
        }
        return Err(ArnProblem::Malformed);
    }
    let sts = (
        tag("arn:"),
        partition,
        tag(":sts::"),
        account,
        tag(":assumed-role/"),
    )
        .parse(s);
    if let Ok((rest, (_, _, _, acct, _))) = sts {
        let role = rest.split('/').next().unwrap_or("").to_string();
        return Err(ArnProblem::AssumedRole {
            account: acct.to_string(),
            role,
        });
    }
    let policy: IResult<&str, _> = (
        tag("arn:"),
        partition,
        tag(":iam::"),
        opt(tag("aws")),
        char(':'),
        tag("policy/"),
    )
        .parse(s);
    if policy.is_ok() {
        return Err(ArnProblem::Policy);
    }
    Err(ArnProblem::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions() {
        for r in ["us-east-1", "us-gov-west-1", "cn-north-1", "ap-southeast-7"] {
            assert!(is_region(r), "{r}");
        }
        for r in ["US-EAST-1", "us_east_1", "useast1", "us-east", "us-east-"] {
            assert!(!is_region(r), "{r}");
        }
    }

    #[test]
    fn classifies_msk_hosts() {
        let e = classify(
            "b-1.myTestCluster.123z8u.c2.kafka.us-west-1.amazonaws.com",
            Some(9098),
        );
        assert_eq!(e.kind, EndpointKind::Provisioned);
        assert_eq!(e.region.as_deref(), Some("us-west-1"));
        assert_eq!(e.cluster_name.as_deref(), Some("myTestCluster"));
        assert_eq!(e.cluster_id.as_deref(), Some("123z8u"));
        let e = classify(
            "b-1.msk-cluster.xxx.kafka.us-east-1.amazonaws.com",
            Some(9098),
        );
        assert_eq!(
            (e.kind, e.cluster_name.as_deref()),
            (EndpointKind::Provisioned, Some("msk-cluster"))
        );
        let e = classify(
            "b-2-public.myTestCluster.v4ni96.c2.kafka-beta.us-east-1.amazonaws.com",
            Some(9198),
        );
        assert_eq!(e.kind, EndpointKind::Public);
        let e = classify(
            "b-1.iam.mycluster.abc123.c19.kafka.us-east-1.amazonaws.com",
            Some(14001),
        );
        assert_eq!(
            (e.kind, e.multi_vpc_auth.as_deref()),
            (EndpointKind::MultiVpc, Some("iam"))
        );
        let e = classify(
            "boot-abcd1234.c2.kafka-serverless.us-east-1.amazonaws.com",
            Some(9098),
        );
        assert_eq!(e.kind, EndpointKind::Serverless);
        let e = classify(
            "z-1.test-cluster.2skv42.c1.kafka.us-east-1.amazonaws.com",
            Some(2181),
        );
        assert_eq!(e.kind, EndpointKind::ZooKeeper);
        let e = classify("b-1.my-msk.us-east-1.amazonaws.com", Some(9098));
        assert_eq!(
            (e.kind, e.region.as_deref()),
            (EndpointKind::AwsLooking, Some("us-east-1"))
        );
        assert_eq!(classify("kafka1", None).kind, EndpointKind::Other);
        assert_eq!(classify("kafka1", None).port, 9092);
    }

    #[test]
    fn role_arns() {
        let a = parse_role_arn("arn:aws:iam::123456789012:role/MyRole").unwrap();
        assert_eq!(
            (a.account.as_str(), a.name.as_str()),
            ("123456789012", "MyRole")
        );
        let a = parse_role_arn("arn:aws-cn:iam::123456789012:role/path/to/R").unwrap();
        assert_eq!(
            (a.partition.as_str(), a.path.as_str()),
            ("aws-cn", "path/to/")
        );
        assert_eq!(
            parse_role_arn("arn:aws:iam::123456789012:user/bob"),
            Err(ArnProblem::User)
        );
        assert!(matches!(
            parse_role_arn("arn:aws:sts::123456789012:assumed-role/R/s"),
            Err(ArnProblem::AssumedRole { .. })
        ));
        assert_eq!(
            parse_role_arn("arn:aws:iam::aws:policy/ReadOnly"),
            Err(ArnProblem::Policy)
        );
        assert_eq!(
            parse_role_arn("arn:aws:iam::12345:role/R"),
            Err(ArnProblem::Malformed)
        );
    }
}
