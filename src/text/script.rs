//! A script as read from a file, a pipe or a client: decoded once, so that every later
//! stage sees the same text and the same line numbers an editor shows.
//!
//! - a leading byte-order mark is dropped (editors do not show it);
//! - a lone CR (old Mac line endings) is read as a line break, so CR, CRLF and LF all
//!   number lines alike (a CR before an LF stays, as part of that line end);
//! - bytes that are not UTF-8 are each replaced by U+FFFD and remembered, so the
//!   statement they fall in can fail alone with their location.

use std::borrow::Cow;

/// A byte that is not part of valid UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidByte {
    /// The byte's offset in the decoded text (where its U+FFFD is).
    pub offset: usize,
    /// The byte's offset in the input.
    pub input_offset: usize,
    /// The byte.
    pub byte: u8,
}

/// A decoded script.
#[derive(Debug, Clone)]
pub struct Script<'a> {
    text: Cow<'a, str>,
    invalid: Vec<InvalidByte>,
}

const BOM: &str = "\u{feff}";

impl<'a> Script<'a> {
    /// A script from text: the byte-order mark dropped, lone CRs made line breaks
    /// (without a copy when there is neither).
    pub fn new(text: &'a str) -> Self {
        let text = text.strip_prefix(BOM).unwrap_or(text);
        Script {
            text: normalize_line_ends(Cow::Borrowed(text)),
            invalid: Vec::new(),
        }
    }

    /// A script from bytes: as [`Script::new`], with each byte that is not UTF-8
    /// replaced by U+FFFD and listed in [`Script::invalid`].
    pub fn from_bytes(bytes: &'a [u8]) -> Self {
        let (bytes, mut input_offset) = match bytes.strip_prefix(BOM.as_bytes()) {
            Some(rest) => (rest, BOM.len()),
            None => (bytes, 0),
        };
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Script::new(text);
        }
        let mut text = String::with_capacity(bytes.len() + 16);
        let mut invalid = Vec::new();
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            input_offset += chunk.valid().len();
            for &byte in chunk.invalid() {
                invalid.push(InvalidByte {
                    offset: text.len(),
                    input_offset,
                    byte,
                });
                text.push(char::REPLACEMENT_CHARACTER);
                input_offset += 1;
            }
        }
        Script {
            text: normalize_line_ends(Cow::Owned(text)),
            invalid,
        }
    }

    /// The same script with its text replaced by one of the same length (lines blanked
    /// by a reader, say): the invalid bytes stay where they were.
    pub fn with_text(&self, text: String) -> Script<'static> {
        debug_assert_eq!(text.len(), self.text.len());
        Script {
            text: Cow::Owned(text),
            invalid: self.invalid.clone(),
        }
    }

    /// The decoded text: what statements, spans and diagnostics refer to.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The bytes that were not UTF-8, in order.
    pub fn invalid(&self) -> &[InvalidByte] {
        &self.invalid
    }
}

/// Lone CRs replaced by LFs (same length, so offsets stay).
fn normalize_line_ends(text: Cow<'_, str>) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // Most scripts hold no `\r` at all: one memchr pass tells.
    if !bytes.contains(&b'\r') {
        return text;
    }
    let lone = |i: usize| bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return text;
    }
    let fixed: Vec<u8> = bytes
        .iter()
        .enumerate()
        .map(|(i, b)| if lone(i) { b'\n' } else { *b })
        .collect();
    // Only an ASCII byte was replaced by another, so the text is still UTF-8.
    match String::from_utf8(fixed) {
        Ok(s) => Cow::Owned(s),
        Err(_) => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_the_bom_and_reads_every_line_end() {
        assert_eq!(Script::new("\u{feff}SHOW x").text(), "SHOW x");
        assert_eq!(Script::new("a\rb\r\nc\nd\r").text(), "a\nb\r\nc\nd\n");
        assert!(matches!(Script::new("plain").text, Cow::Borrowed(_)));
    }

    #[test]
    fn remembers_invalid_bytes() {
        let s = Script::from_bytes(b"\xEF\xBB\xBFab\xFFc\xC3");
        assert_eq!(s.text(), "ab\u{fffd}c\u{fffd}");
        assert_eq!(
            s.invalid(),
            [
                InvalidByte {
                    offset: 2,
                    input_offset: 5,
                    byte: 0xFF
                },
                InvalidByte {
                    offset: 6,
                    input_offset: 7,
                    byte: 0xC3
                },
            ]
        );
    }
}
