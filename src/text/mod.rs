//! The leaf layer: positions in source text, line indexing, masking byte ranges, Doris's literal decoding,
//! edit distances for did-you-mean help, finding many words at once, and small hash maps. Nothing here knows SQL
//! statements, diagnostics or Doris.

mod distance;
mod find;
pub(crate) mod hash;
mod lines;
mod literal;
pub mod mask;
mod script;
mod span;

pub use distance::{did_you_mean, NearMissIndex, NearWords};
pub use find::WordFinder;
pub use lines::LineIndex;
pub use literal::decode_string_literal;
pub use script::{InvalidByte, Script};
pub use span::{Location, Span};

/// `text` with every space removed (Java's `replaceAll(" ", "")`, which Doris applies to
/// list-valued properties). Most texts have none: they are found so by one vectorised
/// search and copied, without `replace`'s pattern machinery.
pub fn without_spaces(text: &str) -> String {
    if memchr::memchr(b' ', text.as_bytes()).is_some() {
        text.replace(' ', "")
    } else {
        text.to_string()
    }
}

/// Where a `/* … */` comment starting at `start` ends (comments nest, as in Doris's
/// lexer), and whether it is closed; an unclosed one runs to the end.
pub(crate) fn block_comment_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let (mut i, mut depth) = (start, 0usize);
    while i < bytes.len() {
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b'/'), Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (Some(b'*'), Some(b'/')) => {
                depth = depth.saturating_sub(1);
                i += 2;
                if depth == 0 {
                    return (i, true);
                }
            }
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

#[cfg(test)]
mod tests {
    #[test]
    fn removes_every_space_and_only_spaces() {
        assert_eq!(super::without_spaces(" a, b ,c "), "a,b,c");
        assert_eq!(super::without_spaces("a\tb"), "a\tb");
        assert_eq!(super::without_spaces("k1:9092,k2:9092"), "k1:9092,k2:9092");
        assert_eq!(super::without_spaces(""), "");
    }
}
