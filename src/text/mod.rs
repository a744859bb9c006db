//! The leaf layer: positions in source text, line indexing, masking byte ranges, Doris's literal decoding,
//! edit distances for did-you-mean help, and small hash maps. Nothing here knows SQL
//! statements, diagnostics or Doris.

mod distance;
pub(crate) mod hash;
mod lines;
mod literal;
pub mod mask;
mod script;
mod span;

pub use distance::{did_you_mean, NearMissIndex, NearWords};
pub use lines::LineIndex;
pub use literal::decode_string_literal;
pub use script::{InvalidByte, Script};
pub use span::{Location, Span};

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
