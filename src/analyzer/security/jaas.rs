//! Java JAAS configuration strings (`sasl.jaas.config`), parsed with nom:
//! `<LoginModuleClass> <flag> [<name>=<value> …];`

use nom::branch::alt;
use nom::bytes::complete::{escaped_transform, is_not, tag, take_while1};
use nom::character::complete::{char, multispace0, multispace1};
use nom::combinator::{all_consuming, map, opt, value};
use nom::multi::many0;
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

/// A parsed JAAS entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jaas {
    /// The login module class.
    pub module: String,
    /// The control flag (`required`, …).
    pub flag: String,
    /// The options, in order.
    pub options: Vec<(String, String)>,
}

impl Jaas {
    /// An option's value.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The AWS MSK IAM login module.
    pub fn is_msk_iam(&self) -> bool {
        self.module == "software.amazon.msk.auth.iam.IAMLoginModule"
    }

    /// The PLAIN or SCRAM login module.
    pub fn is_plain_or_scram(&self) -> bool {
        self.module.ends_with("PlainLoginModule") || self.module.ends_with("ScramLoginModule")
    }

    /// The Kerberos login module.
    pub fn is_kerberos(&self) -> bool {
        self.module.ends_with("Krb5LoginModule")
    }
}

/// JAAS options that hold secrets; shown as `******`.
pub const SECRET_OPTIONS: &[&str] = &[
    "password",
    "awsRoleSecretAccessKey",
    "awsRoleSessionToken",
    "awsRoleAccessKeyId",
    "clientSecret",
];

/// IAMLoginModule options and the canonical keys they map to.
pub const IAM_OPTION_KEYS: &[(&str, &str)] = &[
    ("awsRoleArn", "aws.role_arn"),
    ("awsRoleExternalId", "aws.external_id"),
    ("awsProfileName", "aws.profile_name"),
    ("awsRoleAccessKeyId", "aws.access_key"),
    ("awsRoleSecretAccessKey", "aws.secret_key"),
    ("awsRoleSessionToken", "aws.session_key"),
    ("awsStsRegion", "aws.region"),
];

fn class_name(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_alphanumeric() || c == '.' || c == '_' || c == '$').parse(i)
}

fn quoted(i: &str) -> IResult<&str, String> {
    delimited(
        char('"'),
        map(
            opt(escaped_transform(
                is_not("\\\""),
                '\\',
                alt((value("\\", tag("\\")), value("\"", tag("\"")))),
            )),
            Option::unwrap_or_default,
        ),
        char('"'),
    )
    .parse(i)
}

fn bare(i: &str) -> IResult<&str, String> {
    map(
        take_while1(|c: char| !c.is_whitespace() && c != ';' && c != '"'),
        str::to_string,
    )
    .parse(i)
}

fn option(i: &str) -> IResult<&str, (String, String)> {
    let (i, name) = preceded(
        multispace1,
        take_while1(|c: char| c.is_alphanumeric() || c == '_' || c == '.' || c == '-'),
    )
    .parse(i)?;
    let (i, _) = delimited(multispace0, char('='), multispace0).parse(i)?;
    let (i, v) = alt((quoted, bare)).parse(i)?;
    Ok((i, (name.to_string(), v)))
}

fn entry(i: &str) -> IResult<&str, Jaas> {
    let (i, _) = multispace0.parse(i)?;
    let (i, module) = class_name(i)?;
    let (i, flag) = preceded(
        multispace1,
        alt((
            tag("required"),
            tag("requisite"),
            tag("sufficient"),
            tag("optional"),
        )),
    )
    .parse(i)?;
    let (i, options) = many0(option).parse(i)?;
    let (i, _) = (multispace0, char(';'), multispace0).parse(i)?;
    Ok((
        i,
        Jaas {
            module: module.to_string(),
            flag: flag.to_string(),
            options,
        },
    ))
}

/// Parses a JAAS value; the trailing `;` is required.
pub fn parse(value: &str) -> Option<Jaas> {
    all_consuming(entry).parse(value).ok().map(|(_, j)| j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iam_and_plain() {
        let j = parse(r#"software.amazon.msk.auth.iam.IAMLoginModule required awsRoleArn="arn:aws:iam::123456789012:role/R" awsDebugCreds=true;"#).unwrap();
        assert!(j.is_msk_iam());
        assert_eq!(
            j.option("awsRoleArn"),
            Some("arn:aws:iam::123456789012:role/R")
        );
        assert_eq!(j.option("awsDebugCreds"), Some("true"));
        let j = parse(r#"org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p\"q";"#).unwrap();
        assert!(j.is_plain_or_scram());
        assert_eq!(j.option("password"), Some("p\"q"));
        assert!(parse("software.amazon.msk.auth.iam.IAMLoginModule required;").is_some());
        assert!(parse("software.amazon.msk.auth.iam.IAMLoginModule required").is_none());
        assert!(parse("X maybe;").is_none());
    }
}
