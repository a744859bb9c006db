//! Users and `mysql_native_password`. Passwords are kept only as MySQL keeps them
//! (`SHA1(SHA1(password))`); a client proves it knows the password with a token bound
//! to the connection's random scramble.

use sha1::{Digest, Sha1};
use std::collections::BTreeMap;
use std::path::Path;

/// The users a gateway accepts.
#[derive(Clone, Default)]
pub struct Users {
    /// User name → `SHA1(SHA1(password))`, or `None` for an empty password.
    users: BTreeMap<String, Option<[u8; 20]>>,
}

impl std::fmt::Debug for Users {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.users.keys()).finish()
    }
}

fn sha1(parts: &[&[u8]]) -> [u8; 20] {
    let mut h = Sha1::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

impl Users {
    /// Doris's default: `root` with an empty password.
    pub fn root() -> Users {
        let mut u = Users::default();
        u.add("root", "");
        u
    }

    /// Adds (or replaces) a user.
    pub fn add(&mut self, name: &str, password: &str) {
        let stored = (!password.is_empty()).then(|| sha1(&[&sha1(&[password.as_bytes()])]));
        self.users.insert(name.to_string(), stored);
    }

    /// Reads `user:password` lines (`#` starts a comment; a line without `:` is a user
    /// with an empty password).
    pub fn from_file(path: &Path) -> Result<Users, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut u = Users::default();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, pw) = line.split_once(':').unwrap_or((line, ""));
            u.add(name.trim(), pw);
        }
        if u.users.is_empty() {
            return Err(format!("{}: no users", path.display()));
        }
        Ok(u)
    }

    /// Whether `token` (the client's auth response) proves `user`'s password against
    /// `scramble`.
    pub fn verify(&self, user: &str, scramble: &[u8], token: &[u8]) -> bool {
        match self.users.get(user) {
            None => false,
            Some(None) => token.is_empty(),
            Some(Some(stored)) => {
                if token.len() != 20 {
                    return false;
                }
                // token = SHA1(pw) XOR SHA1(scramble + SHA1(SHA1(pw))).
                let mask = sha1(&[scramble, stored]);
                let mut candidate = [0u8; 20];
                for (i, c) in candidate.iter_mut().enumerate() {
                    *c = token.get(i).copied().unwrap_or(0) ^ mask.get(i).copied().unwrap_or(0);
                }
                sha1(&[&candidate]) == *stored
            }
        }
    }
}

/// The token a client computes (tests, and the upstream client's check of its own use).
pub fn client_token(password: &str, scramble: &[u8]) -> Vec<u8> {
    if password.is_empty() {
        return Vec::new();
    }
    let h1 = sha1(&[password.as_bytes()]);
    let h2 = sha1(&[&h1]);
    let mask = sha1(&[scramble, &h2]);
    h1.iter().zip(mask.iter()).map(|(a, b)| a ^ b).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_password_tokens_verify_and_wrong_ones_do_not() {
        let mut u = Users::root();
        u.add("etl", "s3cret");
        let scramble = b"0123456789abcdefghij";
        assert!(u.verify("root", scramble, &[]));
        assert!(!u.verify("root", scramble, &client_token("x", scramble)));
        assert!(u.verify("etl", scramble, &client_token("s3cret", scramble)));
        assert!(!u.verify("etl", scramble, &client_token("s3cre", scramble)));
        assert!(!u.verify(
            "etl",
            b"another-scramble-xyz",
            &client_token("s3cret", scramble)
        ));
        assert!(!u.verify("nobody", scramble, &[]));
        assert!(!format!("{u:?}").contains("s3cret"));
    }
}
