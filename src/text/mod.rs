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

pub use distance::did_you_mean;
pub(crate) use distance::within_distance;
pub use lines::LineIndex;
pub use literal::decode_string_literal;
pub use script::{InvalidByte, Script};
pub use span::{Location, Span};
