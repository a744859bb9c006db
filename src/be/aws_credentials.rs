//! Where Doris BE's MSK IAM callback takes its AWS credentials from
//! (`aws_msk_iam_auth.cpp`, `_create_credentials_provider`), and the standard AWS
//! sources rlfe reads them from: explicit keys, the environment, the shared
//! credentials and config files. Instance, container and web-identity credentials
//! come from endpoints of the BE host, which rlfe does not call; STS AssumeRole
//! needs STS, which the online preflight reaches only when asked.

use super::msk_iam::AwsCredentials;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// How the BE's callback finds credentials, in its order of priority.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialSource {
    /// `aws.role_arn`: STS AssumeRole on top of a base source.
    AssumeRole {
        /// The role.
        role_arn: String,
        /// `aws.external_id`, when given.
        external_id: Option<String>,
        /// The credentials that call STS.
        base: Box<CredentialSource>,
    },
    /// `aws.access_key` and `aws.secret_key` (never with a session token).
    Static(AwsCredentials),
    /// `aws.profile_name`.
    Profile(String),
    /// `aws.credentials_provider`, upper-cased as the BE matches it.
    Provider(ProviderKind),
    /// No source: the AWS SDK's default chain (only as AssumeRole's base).
    DefaultChain,
}

/// The values of `aws.credentials_provider` (`_create_provider_from_type`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProviderKind {
    /// `ENV`, `ENVIRONMENT`.
    Environment,
    /// `INSTANCE_PROFILE`, `INSTANCEPROFILE`: the EC2 instance metadata service.
    InstanceProfile,
    /// `CONTAINER`, `ECS`: the container credentials endpoint.
    Container,
    /// `SYSTEM_PROPERTIES`, `SYSTEMPROPERTIES`: the default profile.
    SystemProperties,
    /// `WEB_IDENTITY`, `WEBIDENTITY`, `WEB_IDENTITY_TOKEN_FILE`.
    WebIdentity,
    /// `ANONYMOUS`: no credentials, so nothing to sign with.
    Anonymous,
    /// Empty or `DEFAULT`.
    Default,
    /// Anything else: the BE logs it and falls back to the default chain.
    Unknown(String),
}

impl ProviderKind {
    /// The BE's reading of a value.
    pub fn parse(value: &str) -> ProviderKind {
        match value.to_ascii_uppercase().as_str() {
            "ENV" | "ENVIRONMENT" => ProviderKind::Environment,
            "INSTANCE_PROFILE" | "INSTANCEPROFILE" => ProviderKind::InstanceProfile,
            "CONTAINER" | "ECS" => ProviderKind::Container,
            "SYSTEM_PROPERTIES" | "SYSTEMPROPERTIES" => ProviderKind::SystemProperties,
            "WEB_IDENTITY" | "WEBIDENTITY" | "WEB_IDENTITY_TOKEN_FILE" => ProviderKind::WebIdentity,
            "ANONYMOUS" => ProviderKind::Anonymous,
            "" | "DEFAULT" => ProviderKind::Default,
            _ => ProviderKind::Unknown(value.to_string()),
        }
    }
}

/// The BE's choice of source from a job's client properties (`aws.*`, `property.`
/// removed); `None` when the BE installs no callback for want of one (no source, or
/// an external id without a role).
pub fn source_of(props: &BTreeMap<String, String>) -> Option<CredentialSource> {
    let get = |k: &str| props.get(k).map(String::as_str);
    let role = get("aws.role_arn");
    if get("aws.external_id").is_some() && role.is_none() {
        return None;
    }
    let static_keys = match (get("aws.access_key"), get("aws.secret_key")) {
        (Some(a), Some(s)) => Some(CredentialSource::Static(AwsCredentials::new(a, s, None))),
        _ => None,
    };
    let profile = get("aws.profile_name").map(|p| CredentialSource::Profile(p.to_string()));
    let provider =
        get("aws.credentials_provider").map(|p| CredentialSource::Provider(ProviderKind::parse(p)));
    if let Some(role_arn) = role {
        let base = static_keys
            .or(profile)
            .or(provider)
            .unwrap_or(CredentialSource::DefaultChain);
        return Some(CredentialSource::AssumeRole {
            role_arn: role_arn.to_string(),
            external_id: get("aws.external_id").map(str::to_string),
            base: Box::new(base),
        });
    }
    static_keys.or(profile).or(provider)
}

/// The environment credentials are read from: variables and the home directory.
pub trait Environment {
    /// A variable.
    fn var(&self, name: &str) -> Option<String>;
    /// The home directory.
    fn home(&self) -> Option<PathBuf>;
}

/// This process's environment.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProcessEnvironment;

impl Environment for ProcessEnvironment {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }

    fn home(&self) -> Option<PathBuf> {
        std::env::var_os("HOME").map(PathBuf::from)
    }
}

/// An environment given as a map (tests, embedding).
#[derive(Debug, Clone, Default)]
pub struct MapEnvironment {
    /// The variables.
    pub vars: BTreeMap<String, String>,
    /// The home directory.
    pub home: Option<PathBuf>,
}

impl Environment for MapEnvironment {
    fn var(&self, name: &str) -> Option<String> {
        self.vars.get(name).filter(|v| !v.is_empty()).cloned()
    }

    fn home(&self) -> Option<PathBuf> {
        self.home.clone()
    }
}

/// Credentials and where they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The credentials.
    pub credentials: AwsCredentials,
    /// Where from, for messages (`environment`, `profile default (~/.aws/credentials)`).
    pub origin: String,
}

/// Why no credentials were found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    /// Nothing in the sources looked at.
    #[error("no AWS credentials found: {0}")]
    NotFound(String),
    /// A profile that names another way to get credentials rlfe does not run.
    #[error("profile '{profile}' gets its credentials through {what}, which rlfe does not run; export the credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) or use a profile with keys")]
    ProfileKind {
        /// The profile.
        profile: String,
        /// `credential_process`, `sso_session`, `source_profile` …
        what: String,
    },
    /// A source only the BE host can use (instance metadata, container endpoint).
    #[error("{0}")]
    HostOnly(String),
    /// A credentials file could not be read.
    #[error("{path}: {error}")]
    File {
        /// The file.
        path: String,
        /// Why.
        error: String,
    },
    /// A profile section with only half of a key pair.
    #[error("profile '{0}' has aws_access_key_id or aws_secret_access_key but not both")]
    HalfKeys(String),
}

/// The standard AWS sources, as the AWS CLI and SDKs read them: the environment
/// (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), then the
/// profile `profile` (else `AWS_PROFILE`, else `default`).
pub fn from_standard_sources(
    env: &dyn Environment,
    profile: Option<&str>,
) -> Result<Resolved, CredentialError> {
    if profile.is_none() {
        if let Some(r) = from_environment(env) {
            return Ok(r);
        }
    }
    let name = profile
        .map(str::to_string)
        .or_else(|| env.var("AWS_PROFILE"))
        .unwrap_or_else(|| "default".to_string());
    match from_profile(env, &name)? {
        Some(r) => Ok(r),
        None => Err(CredentialError::NotFound(format!(
            "neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment nor keys in profile '{name}' ({}, {})",
            credentials_file(env).map_or("no credentials file".into(), |p| p.display().to_string()),
            config_file(env).map_or("no config file".into(), |p| p.display().to_string()),
        ))),
    }
}

/// `EnvironmentAWSCredentialsProvider`.
pub fn from_environment(env: &dyn Environment) -> Option<Resolved> {
    let id = env.var("AWS_ACCESS_KEY_ID")?;
    let secret = env
        .var("AWS_SECRET_ACCESS_KEY")
        .or_else(|| env.var("AWS_SECRET_KEY"))?;
    let token = env.var("AWS_SESSION_TOKEN");
    Some(Resolved {
        credentials: AwsCredentials::new(&id, &secret, token.as_deref()),
        origin: "environment (AWS_ACCESS_KEY_ID)".into(),
    })
}

fn credentials_file(env: &dyn Environment) -> Option<PathBuf> {
    env.var("AWS_SHARED_CREDENTIALS_FILE")
        .map(PathBuf::from)
        .or_else(|| env.home().map(|h| h.join(".aws").join("credentials")))
}

fn config_file(env: &dyn Environment) -> Option<PathBuf> {
    env.var("AWS_CONFIG_FILE")
        .map(PathBuf::from)
        .or_else(|| env.home().map(|h| h.join(".aws").join("config")))
}

/// A named section of a shared AWS file and its keys.
type Section = (String, BTreeMap<String, String>);

/// The sections of an INI file as the AWS shared files write them: `[name]`, then
/// `key = value` lines; `#` and `;` start comments; indented lines continue a
/// sub-section (`s3 =`), which credentials never use.
fn ini_sections(text: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        if let Some(name) = trimmed.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            out.push((name.trim().to_string(), BTreeMap::new()));
            continue;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        if let (Some((_, section)), Some((k, v))) = (out.last_mut(), trimmed.split_once('=')) {
            section.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    out
}

fn read_sections(path: Option<PathBuf>) -> Result<(String, Vec<Section>), CredentialError> {
    let Some(path) = path else {
        return Ok((String::new(), Vec::new()));
    };
    let shown = path.display().to_string();
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok((shown, ini_sections(&text))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((shown, Vec::new())),
        Err(e) => Err(CredentialError::File {
            path: shown,
            error: e.to_string(),
        }),
    }
}

/// `ProfileConfigFileAWSCredentialsProvider(profile)`: keys from the credentials
/// file's `[profile]`, else the config file's `[profile profile]` (`[default]` for the
/// default profile). `None` when the profile has no keys.
pub fn from_profile(
    env: &dyn Environment,
    profile: &str,
) -> Result<Option<Resolved>, CredentialError> {
    let (cred_path, creds) = read_sections(credentials_file(env))?;
    let (conf_path, conf) = read_sections(config_file(env))?;
    let in_creds = creds.iter().find(|(n, _)| n == profile).map(|(_, s)| s);
    let conf_name = if profile == "default" {
        "default".to_string()
    } else {
        format!("profile {profile}")
    };
    let in_conf = conf
        .iter()
        .find(|(n, _)| *n == conf_name || (profile == "default" && n == "profile default"))
        .map(|(_, s)| s);
    for (section, path) in [(in_creds, &cred_path), (in_conf, &conf_path)] {
        let Some(s) = section else { continue };
        match (s.get("aws_access_key_id"), s.get("aws_secret_access_key")) {
            (Some(id), Some(secret)) if !id.is_empty() && !secret.is_empty() => {
                return Ok(Some(Resolved {
                    credentials: AwsCredentials::new(
                        id,
                        secret,
                        s.get("aws_session_token").map(String::as_str),
                    ),
                    origin: format!("profile {profile} ({path})"),
                }))
            }
            (Some(_), None) | (None, Some(_)) => {
                return Err(CredentialError::HalfKeys(profile.to_string()))
            }
            _ => {}
        }
        for what in [
            "credential_process",
            "sso_session",
            "sso_start_url",
            "source_profile",
            "credential_source",
            "web_identity_token_file",
        ] {
            if s.contains_key(what) {
                return Err(CredentialError::ProfileKind {
                    profile: profile.to_string(),
                    what: what.to_string(),
                });
            }
        }
    }
    Ok(None)
}

/// Credentials for a BE source, read where rlfe can read them. AssumeRole is left to
/// the caller (it needs STS); its base is resolved here.
pub fn resolve(
    source: &CredentialSource,
    env: &dyn Environment,
) -> Result<Resolved, CredentialError> {
    match source {
        CredentialSource::Static(c) => Ok(Resolved {
            credentials: c.clone(),
            origin: format!(
                "aws.access_key and aws.secret_key (Access Key ID: {})",
                c.masked_key_id()
            ),
        }),
        CredentialSource::Profile(p) => from_profile(env, p)?.ok_or_else(|| {
            CredentialError::NotFound(format!("profile '{p}' has no keys on this machine"))
        }),
        CredentialSource::AssumeRole { base, .. } => resolve(base, env),
        CredentialSource::DefaultChain => from_standard_sources(env, None),
        CredentialSource::Provider(kind) => match kind {
            ProviderKind::Environment => from_environment(env).ok_or_else(|| {
                CredentialError::NotFound(
                    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set".into(),
                )
            }),
            ProviderKind::SystemProperties => from_profile(env, "default")?.ok_or_else(|| {
                CredentialError::NotFound("the default profile has no keys".into())
            }),
            ProviderKind::Default | ProviderKind::Unknown(_) => from_standard_sources(env, None),
            ProviderKind::InstanceProfile => Err(CredentialError::HostOnly(
                "aws.credentials_provider INSTANCE_PROFILE reads the EC2 instance metadata service of the BE host; rlfe does not call it: run with the instance role's credentials exported".into(),
            )),
            ProviderKind::Container => Err(CredentialError::HostOnly(
                "aws.credentials_provider CONTAINER reads the container credentials endpoint of the BE host; rlfe does not call it: run with the task role's credentials exported".into(),
            )),
            ProviderKind::WebIdentity => Err(CredentialError::HostOnly(
                "aws.credentials_provider WEB_IDENTITY exchanges the BE host's web identity token with STS; rlfe does not: run with the role's credentials exported".into(),
            )),
            ProviderKind::Anonymous => Err(CredentialError::NotFound(
                "aws.credentials_provider ANONYMOUS gives no credentials, so the BE cannot sign a token (Failed to get AWS credentials)".into(),
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    #[test]
    fn the_bes_priority() {
        assert_eq!(source_of(&props(&[])), None);
        assert_eq!(source_of(&props(&[("aws.external_id", "x")])), None);
        assert_eq!(
            source_of(&props(&[("aws.access_key", "A")])),
            None,
            "a lone key is dropped"
        );
        let s = source_of(&props(&[
            ("aws.role_arn", "arn:aws:iam::1:role/r"),
            ("aws.profile_name", "p"),
        ]))
        .unwrap();
        assert!(
            matches!(s, CredentialSource::AssumeRole { base, .. } if *base == CredentialSource::Profile("p".into()))
        );
        assert_eq!(
            source_of(&props(&[("aws.credentials_provider", "env")])),
            Some(CredentialSource::Provider(ProviderKind::Environment))
        );
    }

    #[test]
    fn profiles_from_the_shared_files() {
        let dir = std::env::temp_dir().join(format!("rlfe-aws-{}", std::process::id()));
        std::fs::create_dir_all(dir.join(".aws")).unwrap();
        std::fs::write(
            dir.join(".aws/credentials"),
            "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n\n[half]\naws_access_key_id = X\n",
        )
        .unwrap();
        std::fs::write(
            dir.join(".aws/config"),
            "[profile dev]\naws_access_key_id=AKIDDEV\naws_secret_access_key=s2\naws_session_token=tok\n[profile sso]\nsso_session = x\n",
        )
        .unwrap();
        let env = MapEnvironment {
            vars: BTreeMap::new(),
            home: Some(dir.clone()),
        };
        let d = from_standard_sources(&env, None).unwrap();
        assert_eq!(d.credentials.access_key_id, "AKIDDEFAULT");
        let dev = from_profile(&env, "dev").unwrap().unwrap();
        assert_eq!(dev.credentials.session_token.unwrap().expose(), "tok");
        assert!(matches!(
            from_profile(&env, "sso"),
            Err(CredentialError::ProfileKind { .. })
        ));
        assert!(matches!(
            from_profile(&env, "half"),
            Err(CredentialError::HalfKeys(_))
        ));
        let mut with_env = env.clone();
        with_env
            .vars
            .insert("AWS_ACCESS_KEY_ID".into(), "AKIDENV".into());
        with_env
            .vars
            .insert("AWS_SECRET_ACCESS_KEY".into(), "s3".into());
        assert_eq!(
            from_standard_sources(&with_env, None)
                .unwrap()
                .credentials
                .access_key_id,
            "AKIDENV"
        );
        std::fs::remove_dir_all(dir).ok();
    }
}
