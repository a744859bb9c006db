//! Finding many words at once in a text: an Aho–Corasick automaton that keeps, for
//! each state, only the longest word ending there, which is all a mask needs (the
//! longest word ending at a byte covers every shorter one ending there).
//!
//! Written here rather than taken from the `aho-corasick` crate: that crate's
//! construction reorders its states with a remapping whose cost grows faster than
//! linearly with the number of words (10,000 words: 22 ms, 40,000: 309 ms), and a
//! statement may carry tens of thousands of secret values. Building this one is
//! linear in the words' bytes and a search is linear in the text.

use super::hash::FastMap;
use std::ops::Range;

/// The words to find, compiled.
#[derive(Default)]
pub struct WordFinder {
    /// The trie's edges: (state, byte) → state. State 0 is the root.
    next: FastMap<(u32, u8), u32>,
    /// Each state's failure link: the longest proper suffix of its path that is
    /// also a path of the trie.
    fail: Vec<u32>,
    /// The length of the longest word that ends at each state (its own word or one
    /// found along its failure links), 0 for none.
    longest: Vec<u32>,
}

impl std::fmt::Debug for WordFinder {
    // The words may be secrets: only the automaton's size is shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WordFinder({} states)", self.fail.len())
    }
}

impl WordFinder {
    /// An automaton that finds every given word (empty words are ignored).
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut f = WordFinder {
            next: FastMap::default(),
            fail: vec![0],
            longest: vec![0],
        };
        // Children in the order they were made, for the breadth-first walk below.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        for w in words {
            let mut state = 0u32;
            for &b in w.as_bytes() {
                state = match f.next.get(&(state, b)) {
                    Some(&s) => s,
                    None => {
                        let s = f.fail.len() as u32;
                        f.next.insert((state, b), s);
                        f.fail.push(0);
                        f.longest.push(0);
                        children.push(Vec::new());
                        if let Some(c) = children.get_mut(state as usize) {
                            c.push((b, s));
                        }
                        s
                    }
                };
            }
            if let Some(l) = f.longest.get_mut(state as usize) {
                *l = (*l).max(w.len() as u32);
            }
        }
        // Failure links, shallowest states first: a state's link is found from its
        // parent's, which is already known.
        let mut queue = std::collections::VecDeque::new();
        queue.push_back(0u32);
        while let Some(parent) = queue.pop_front() {
            let kids = children
                .get_mut(parent as usize)
                .map(std::mem::take)
                .unwrap_or_default();
            for (b, child) in kids {
                let link = if parent == 0 {
                    0
                } else {
                    f.step(f.fail.get(parent as usize).copied().unwrap_or(0), b)
                };
                let inherited = f.longest.get(link as usize).copied().unwrap_or(0);
                if let Some(l) = f.fail.get_mut(child as usize) {
                    *l = link;
                }
                if let Some(l) = f.longest.get_mut(child as usize) {
                    *l = (*l).max(inherited);
                }
                queue.push_back(child);
            }
        }
        f
    }

    /// True when there is no word to find.
    pub fn is_empty(&self) -> bool {
        self.fail.len() <= 1
    }

    /// The state after reading byte `b` in `state`: its edge, or its failure links'.
    fn step(&self, mut state: u32, b: u8) -> u32 {
        loop {
            if let Some(&s) = self.next.get(&(state, b)) {
                return s;
            }
            if state == 0 {
                return 0;
            }
            state = self.fail.get(state as usize).copied().unwrap_or(0);
        }
    }

    /// Where the words occur in `text`, as byte ranges sorted by where they end; of
    /// the words ending at one byte only the longest is given (it covers the others).
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        if self.is_empty() {
            return found;
        }
        let mut state = 0;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            state = self.step(state, b);
            let len = self.longest.get(state as usize).copied().unwrap_or(0) as usize;
            if len > 0 {
                found.push(i + 1 - len..i + 1);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::WordFinder;
    use proptest::prelude::*;

    /// Every occurrence of every word, the slow way.
    fn naive(words: &[String], text: &str) -> Vec<bool> {
        let mut covered = vec![false; text.len()];
        for w in words.iter().filter(|w| !w.is_empty()) {
            let mut from = 0;
            while let Some(i) = text.get(from..).and_then(|t| t.find(w.as_str())) {
                covered[from + i..from + i + w.len()].fill(true);
                from += i + 1;
            }
        }
        covered
    }

    fn covered(ranges: &[std::ops::Range<usize>], len: usize) -> Vec<bool> {
        let mut covered = vec![false; len];
        for r in ranges {
            covered[r.clone()].fill(true);
        }
        covered
    }

    #[test]
    fn finds_overlapping_and_nested_words() {
        let words = ["he", "she", "hers", "his"];
        let f = WordFinder::new(words);
        assert_eq!(f.find_in("ushers"), vec![1..4, 2..6]);
        assert!(f.find_in("nothing").is_empty());
        assert!(WordFinder::new([""]).is_empty());
        assert_eq!(format!("{f:?}"), "WordFinder(10 states)");
    }

    proptest! {
        // The bytes the automaton's ranges cover are exactly those some occurrence of
        // some word covers (a small alphabet makes overlaps common).
        #[test]
        fn covers_what_the_exhaustive_search_covers(
            words in prop::collection::vec("[abc]{0,5}", 0..8),
            text in "[abcd]{0,40}",
        ) {
            let f = WordFinder::new(words.iter().map(String::as_str));
            prop_assert_eq!(covered(&f.find_in(&text), text.len()), naive(&words, &text));
        }
    }
}
