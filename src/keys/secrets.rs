//! Which property keys hold secrets, and how they are masked.
//!
//! One classification serves every stage and every rendering (Display, Debug, JSON,
//! SHOW, diagnostics, the REPL), so they cannot disagree. The set is Doris's own
//! (audit-log masking) plus every librdkafka, Java and AWS secret and their aliases,
//! applied everywhere, also where Doris prints secrets (SHOW, client properties).

pub use crate::text::mask::MASK;

/// Doris's general sensitive keys, compared ignoring case.
const DORIS_SENSITIVE: &[&str] = &[
    "password",
    "kerberos_keytab_content",
    "bos_secret_accesskey",
    "jdbc.password",
    "elasticsearch.password",
    "ai.api_key",
    "s3.access_key",
    "aws_access_key",
    "access_key",
    "glue.access_key",
    "aws.glue.access-key",
    "client.credentials-provider.glue.access_key",
    "iceberg.rest.access-key-id",
    "s3.access-key-id",
    "s3.secret_key",
    "aws_secret_key",
    "secret_key",
    "glue.secret_key",
    "aws.glue.secret-key",
    "client.credentials-provider.glue.secret_key",
    "iceberg.rest.secret-access-key",
    "s3.secret-access-key",
    "gs.access_key",
    "gs.secret_key",
    "azure.account_name",
    "azure.access_key",
    "azure.account_key",
    "azure.secret_key",
    "azure.oauth2_client_secret",
    "oss.access_key",
    "oss.secret_key",
    "oss.session_token",
    "dlf.access_key",
    "dlf.catalog.accesskeyid",
    "dlf.secret_key",
    "dlf.catalog.secret_key",
    "dlf.catalog.accesskeysecret",
    "dlf.session_token",
    "dlf.catalog.sessiontoken",
    "dlf.catalog.securitytoken",
    "fs.oss.accesskeyid",
    "fs.oss.accesskeysecret",
    "fs.oss.securitytoken",
    "s3.session_token",
    "s3.session-token",
    "session_token",
    "aws_token",
    "oss.hdfs.access_key",
    "oss.hdfs.secret_key",
    "cos.access_key",
    "cos.secret_key",
    "obs.access_key",
    "obs.secret_key",
    "minio.access_key",
    "minio.secret_key",
    "minio.session_token",
    "iceberg.rest.oauth2.token",
    "iceberg.rest.oauth2.credential",
    "iceberg.rest.session-token",
    "mc.secret_key",
];

/// Client-level secrets (after `property.` is stripped): librdkafka, Java and AWS keys
/// with their aliases.
const CLIENT_SECRETS: &[&str] = &[
    "sasl.password",
    "ssl.key.password",
    "ssl.keystore.password",
    "ssl.key.pem",
    "ssl_key",
    "ssl.keystore.key",
    "basic.auth.user.info",
    "sasl.oauthbearer.config",
    "sasl.oauthbearer.client.secret",
    "sasl.oauthbearer.client.credentials.client.secret",
    "sasl.oauthbearer.assertion.private.key.passphrase",
    "sasl.oauthbearer.assertion.private.key.pem",
    "sasl.jaas.config",
    "ssl.truststore.password",
    "aws.access_key",
    "aws.secret_key",
    "aws.session_key",
    "aws.session_token",
    "aws.session.token",
    "aws.access.key",
    "aws.secret.key",
    "aws.credentials.access_key_id",
    "aws.credentials.secret_access_key",
    "aws.credentials.session_token",
    "kafka_sasl_password",
];

/// Last segments (split on `.` and `_`) that mark a secret.
const SECRET_SEGMENTS: &[&str] = &["password", "passwd", "passphrase", "secret", "token"];

/// Endings that mark a secret.
const SECRET_SUFFIXES: &[&str] = &[
    "secret_key",
    "secret.key",
    "access_key",
    "access.key",
    "session_key",
];

/// Key spellings compared as one: Unicode compatibility forms folded (fullwidth
/// `ｐａｓｓｗｏｒｄ` is `password`), invisible characters (zero-width spaces and joiners,
/// soft hyphens, direction marks) removed, ASCII letters lower-cased.
pub fn normalize_key(key: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    // One pass for the common case: ASCII without capitals is its own normal form.
    if !needs_folding(key.as_bytes()) {
        return key.into();
    }
    if key.is_ascii() {
        return key.to_ascii_lowercase().into();
    }
    let mut folded: String = key.nfkc().filter(|c| !is_invisible(*c)).collect();
    folded.make_ascii_lowercase();
    folded.into()
}

/// Whether some byte is not ASCII or is a capital letter, tested eight bytes at a time.
fn needs_folding(bytes: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const EACH: u64 = 0x0101_0101_0101_0101;
    // For bytes under 0x80 nothing carries between bytes: a byte's high bit is set in
    // `from_a` when it is at least `A`, in `past_z` when it is past `Z`. A byte of 0x80
    // or more is the answer on its own, whatever its carry does to the next.
    let word = |x: u64| {
        let from_a = x.wrapping_add(EACH * (0x80 - u64::from(b'A')));
        let past_z = x.wrapping_add(EACH * (0x80 - u64::from(b'Z') - 1));
        (x | (from_a & !past_z)) & HIGH != 0
    };
    let chunks = bytes.chunks_exact(8);
    let rest = chunks.remainder();
    let mut last = [0u8; 8];
    for (slot, b) in last.iter_mut().zip(rest) {
        *slot = *b;
    }
    chunks
        .map(|c| {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(c);
            u64::from_le_bytes(eight)
        })
        .chain(std::iter::once(u64::from_le_bytes(last)))
        .fold(false, |any, x| any | word(x))
}

/// Characters that draw nothing: a key spelt with them looks like the key without them.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// True when the value of `key` (as written, with or without `property.`, in any
/// spelling [`normalize_key`] folds) is a secret.
pub fn is_secret_key(key: &str) -> bool {
    let known = known_verdicts();
    // The vocabulary is lower-case ASCII, which normalising leaves as it is: a key
    // found as written needs no normalising.
    if let Some(secret) = known.get(key) {
        return *secret;
    }
    let lower = normalize_key(key);
    // A key already in its normal form was just looked up.
    if let std::borrow::Cow::Owned(owned) = &lower {
        if let Some(secret) = known.get(owned.as_str()) {
            return *secret;
        }
    }
    // Every listed secret key is known, bare and behind `property.`: a key not found is
    // not listed.
    classify_unlisted(&lower)
}

/// The verdicts of the known vocabulary, computed once: librdkafka's and the BE's AWS
/// client keys (bare and behind `property.`), Doris's job and source keys, and every
/// listed secret key (both ways too), since [`is_secret_key`] relies on finding those.
fn known_verdicts() -> &'static crate::text::hash::FastMap<String, bool> {
    static KNOWN: std::sync::OnceLock<crate::text::hash::FastMap<String, bool>> =
        std::sync::OnceLock::new();
    KNOWN.get_or_init(|| {
        let client = super::librdkafka::catalogue()
            .iter()
            .map(|p| p.name.as_str())
            .chain(super::aws::CANONICAL_AWS_KEYS.iter().copied())
            .chain(DORIS_SENSITIVE.iter().copied())
            .chain(CLIENT_SECRETS.iter().copied());
        let doris = super::kafka::KafkaKey::ALL
            .iter()
            .map(|k| k.as_str())
            .chain(super::job::JobKey::ALL.iter().map(|k| k.as_str()));
        client
            .flat_map(|k| [k.to_string(), format!("property.{k}")])
            .chain(doris.map(str::to_string))
            .map(|k| {
                let secret = classify(&k);
                (k, secret)
            })
            .collect()
    })
}

/// [`is_secret_key`] for a normalised key.
fn classify(lower: &str) -> bool {
    let client = lower.strip_prefix("property.").unwrap_or(lower);
    is_listed(lower, client) || classify_unlisted(lower)
}

/// [`classify`] for a normalised key that is not a listed secret key: by its last
/// segment, its ending, or as a near miss of a secret key.
fn classify_unlisted(lower: &str) -> bool {
    let client = lower.strip_prefix("property.").unwrap_or(lower);
    if client == "aws.credentials_provider" || client.ends_with(".location") {
        return false;
    }
    // Every secret segment and ending ends in one of a few letters: most keys end in
    // none of them and skip both lists.
    if ends_like_a_secret(client) {
        let last = memchr::memrchr2(b'.', b'_', client.as_bytes())
            .and_then(|i| client.get(i + 1..))
            .unwrap_or(client);
        if SECRET_SEGMENTS.contains(&last) || SECRET_SUFFIXES.iter().any(|s| client.ends_with(s)) {
            return true;
        }
    }
    // Only an unknown key can be a misspelt secret key (the cheaper test first: few
    // keys are near a secret one).
    is_near_secret(client)
        && super::librdkafka::lookup(client).is_none()
        && super::kafka::KafkaKey::parse(client).is_none()
        && super::job::JobKey::parse(client).is_none()
        && !super::aws::CANONICAL_AWS_KEYS.contains(&client)
}

/// Whether `key` ends in a letter some secret segment or ending ends in.
fn ends_like_a_secret(key: &str) -> bool {
    static LAST_BYTES: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    let table = LAST_BYTES.get_or_init(|| {
        let mut table = [false; 256];
        for word in SECRET_SEGMENTS.iter().chain(SECRET_SUFFIXES) {
            if let Some(slot) = word
                .bytes()
                .last()
                .and_then(|b| table.get_mut(usize::from(b)))
            {
                *slot = true;
            }
        }
        table
    });
    key.bytes()
        .last()
        .and_then(|b| table.get(usize::from(b)))
        .is_some_and(|hit| *hit)
}

/// One hashed set for both lists (no client secret starts with `property.`). `client`
/// is `lower` without its `property.` prefix, or `lower` itself: then one lookup does.
fn is_listed(lower: &str, client: &str) -> bool {
    static EXACT: std::sync::OnceLock<crate::text::hash::FastSet<&'static str>> =
        std::sync::OnceLock::new();
    let exact = EXACT.get_or_init(|| {
        DORIS_SENSITIVE
            .iter()
            .chain(CLIENT_SECRETS)
            .copied()
            .collect()
    });
    exact.contains(lower) || (client.len() != lower.len() && exact.contains(client))
}

/// True when `key`, written as a bare word (not quoted), names a secret: a listed
/// secret key (`password`, `secret_key`) or a dotted key [`is_secret_key`] accepts
/// (`aws.secret_key`). Single words the patterns would catch (`token`, `secret`) are
/// more often names than keys.
pub fn is_secret_word(word: &str) -> bool {
    // Nearly every word is an ASCII keyword or name without a dot: only the few listed
    // keys without a dot can match it, and most words are ruled out by their length.
    if word.is_ascii() && !word.contains('.') {
        let (lengths, dotless) = dotless_listed();
        let fits = u32::try_from(word.len())
            .ok()
            .and_then(|n| lengths.checked_shr(n))
            .is_some_and(|bits| bits & 1 == 1);
        return fits && dotless.iter().any(|k| k.eq_ignore_ascii_case(word));
    }
    is_secret_word_general(word)
}

/// [`is_secret_word`] for any word: normalised, then looked up.
fn is_secret_word_general(word: &str) -> bool {
    let lower = normalize_key(word);
    let client = lower.strip_prefix("property.").unwrap_or(&lower);
    is_listed(&lower, client) || (lower.contains('.') && is_secret_key(&lower))
}

/// The listed secret keys without a dot, and a mask of their lengths (bit `n` for a
/// length `n` under 64; none is longer, a test checks).
fn dotless_listed() -> &'static (u64, Vec<&'static str>) {
    static DOTLESS: std::sync::OnceLock<(u64, Vec<&'static str>)> = std::sync::OnceLock::new();
    DOTLESS.get_or_init(|| {
        let keys: Vec<&'static str> = DORIS_SENSITIVE
            .iter()
            .chain(CLIENT_SECRETS)
            .copied()
            .filter(|k| !k.contains('.'))
            .collect();
        let lengths = keys
            .iter()
            .filter_map(|k| 1u64.checked_shl(u32::try_from(k.len()).ok()?))
            .fold(0, |mask, bit| mask | bit);
        (lengths, keys)
    })
}

/// A key one or two edits away from a secret key (`sasl.pasword`): its value is masked
/// too, since it was meant to be a secret.
fn is_near_secret(client: &str) -> bool {
    const NEAR: &[&str] = &[
        "sasl.password",
        "ssl.key.password",
        "ssl.keystore.password",
        "aws.secret_key",
        "aws.access_key",
        "sasl.jaas.config",
    ];
    if client.len() <= 6 {
        return false;
    }
    static NEAR_WORDS: std::sync::OnceLock<crate::text::NearWords<'static>> =
        std::sync::OnceLock::new();
    NEAR_WORDS
        .get_or_init(|| crate::text::NearWords::new(NEAR))
        .any_within(client, 2)
}

/// The value as it may be shown: the mask for a secret key, else the value.
pub fn display_value<'a>(key: &str, value: &'a str) -> &'a str {
    if is_secret_key(key) {
        MASK
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The segment and ending tests without the last-byte gate in front of them.
    fn ends_in_a_secret_word(client: &str) -> bool {
        let last = client.rsplit(['.', '_']).next().unwrap_or(client);
        SECRET_SEGMENTS.contains(&last) || SECRET_SUFFIXES.iter().any(|s| client.ends_with(s))
    }

    #[test]
    fn the_last_byte_gate_passes_every_secret_segment_and_ending() {
        for w in SECRET_SEGMENTS.iter().chain(SECRET_SUFFIXES) {
            for key in [w.to_string(), format!("sasl.{w}"), format!("x_{w}")] {
                assert!(ends_like_a_secret(&key), "{key}");
                assert!(classify_unlisted(&key), "{key}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// A key the gate stops ends in no secret segment or ending.
        #[test]
        fn the_last_byte_gate_stops_no_secret_word(
            head in "[a-z._]{0,12}",
            tail in "(password|passwd|passphrase|secret|token|key|[a-z0-9_.]{0,3})",
        ) {
            let key = format!("{head}{tail}");
            if !ends_like_a_secret(&key) {
                proptest::prop_assert!(!ends_in_a_secret_word(&key), "{key}");
            }
        }
    }

    #[test]
    fn listed_words_fit_the_fast_paths_length_mask() {
        // The fast path compares ignoring ASCII case and masks lengths under 64.
        for w in DORIS_SENSITIVE.iter().chain(CLIENT_SECRETS) {
            assert!(w.len() < 64, "{w}");
            assert_eq!(normalize_key(w), *w, "{w} is not in its normal form");
        }
        assert!(dotless_listed().1.contains(&"password"));
    }

    #[test]
    fn needs_folding_sees_every_byte_value_at_every_position() {
        for b in 0..=255u8 {
            for at in 0..17 {
                let mut bytes = vec![b'a'; 17];
                bytes[at] = b;
                let expected = !b.is_ascii() || b.is_ascii_uppercase();
                assert_eq!(needs_folding(&bytes), expected, "{b:#x} at {at}");
                assert_eq!(
                    needs_folding(&bytes[..=at]),
                    expected,
                    "{b:#x} ending at {at}"
                );
            }
        }
    }

    #[test]
    fn every_listed_secret_key_is_known_both_ways() {
        // `is_secret_key` skips the listed test for a key it does not find.
        for k in DORIS_SENSITIVE.iter().chain(CLIENT_SECRETS) {
            assert_eq!(known_verdicts().get(*k), Some(&true), "{k}");
            assert_eq!(
                known_verdicts().get(&format!("property.{k}")),
                Some(&true),
                "{k}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn needs_folding_tests_each_byte(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), ascii in proptest::prelude::any::<bool>()) {
            // Mostly ASCII, where the carries matter; any bytes too.
            let bytes: Vec<u8> = if ascii { bytes.iter().map(|b| b & 0x7f).collect() } else { bytes };
            let bytewise = bytes.iter().any(|b| !b.is_ascii() || b.is_ascii_uppercase());
            proptest::prop_assert_eq!(needs_folding(&bytes), bytewise, "{:?}", bytes);
        }

        #[test]
        fn secret_word_fast_path_agrees_with_the_general_one(
            word in "(?i)(password|secret_key|access_key|token|passwd|create|[a-z_]{1,70})",
        ) {
            proptest::prop_assert_eq!(is_secret_word(&word), is_secret_word_general(&word));
        }

        #[test]
        fn secret_word_fast_path_agrees_on_every_listed_key(
            which in 0usize..DORIS_SENSITIVE.len() + CLIENT_SECRETS.len(),
            upper in proptest::prelude::any::<u64>(),
            cut in 0usize..3,
        ) {
            let key = DORIS_SENSITIVE.iter().chain(CLIENT_SECRETS).nth(which).unwrap();
            // The key in a random case, whole or with its last bytes cut.
            let word: String = key
                .chars()
                .take(key.len() - cut.min(key.len() - 1))
                .enumerate()
                .map(|(i, c)| if upper >> (i % 64) & 1 == 1 { c.to_ascii_uppercase() } else { c })
                .collect();
            proptest::prop_assert_eq!(is_secret_word(&word), is_secret_word_general(&word));
            proptest::prop_assert_eq!(is_secret_word(&word), cut == 0 || is_secret_word_general(&word));
        }

        /// The lookups in front of the classification (known verdicts, the unlisted
        /// path for a key not found) answer as the whole classification of the
        /// normalised key does.
        #[test]
        fn the_fast_paths_agree_with_the_whole_classification(
            which in 0usize..DORIS_SENSITIVE.len() + CLIENT_SECRETS.len(),
            prefixed in proptest::prelude::any::<bool>(),
            upper in proptest::prelude::any::<u64>(),
            tail in "(|[._]?(password|token|secret_key|key|id|location)|[a-z0-9._]{1,8})",
            other in "[a-zA-Z0-9._]{1,30}",
            listed in proptest::prelude::any::<bool>(),
        ) {
            let base = if listed {
                DORIS_SENSITIVE.iter().chain(CLIENT_SECRETS).nth(which).unwrap().to_string()
            } else {
                other
            };
            let key: String = format!("{}{base}{tail}", if prefixed { "property." } else { "" })
                .chars()
                .enumerate()
                .map(|(i, c)| if upper >> (i % 64) & 1 == 1 { c.to_ascii_uppercase() } else { c })
                .collect();
            proptest::prop_assert_eq!(is_secret_key(&key), classify(&normalize_key(&key)), "{}", key);
        }
    }

    #[test]
    fn classifies_secret_keys() {
        for k in [
            "property.sasl.password",
            "aws.secret_key",
            "property.aws.secret_key",
            "aws.access_key",
            "AWS.SECRET_KEY",
            "property.sasl.jaas.config",
            "property.ssl.key.password",
            "aws.secret.key",
            "aws.credentials.secret_access_key",
            "property.sasl.pasword",
            "property.sasl.oauthbearer.client.secret",
            "password",
            "property.my.api.token",
            "property.ssl.keystore.key",
            "basic.auth.user.info",
            "property.sasl.ｐａｓｓｗｏｒｄ",
            "ｐａｓｓｗｏｒｄ",
            "pass\u{200B}word",
            "property.sasl.pass\u{00AD}word",
            "PROPERTY.SASL.PASSWORD",
        ] {
            assert!(is_secret_key(k), "{k} should be secret");
        }
        for k in [
            "kafka_broker_list",
            "property.sasl.username",
            "aws.region",
            "aws.role_arn",
            "aws.credentials_provider",
            "property.ssl.key.location",
            "property.group.id",
            "property.security.protocol",
        ] {
            assert!(!is_secret_key(k), "{k} should not be secret");
        }
    }
}

/// A secret text (a password, a key, a token): Debug and Display print the mask;
/// only [`Secret::expose`] gives the text.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(text: impl Into<String>) -> Self {
        Secret(text.into())
    }

    /// The secret itself, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(MASK)
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(MASK)
    }
}
