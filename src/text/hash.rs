//! Hash maps and sets keyed by short strings (property keys), with foldhash: several
//! times cheaper than SipHash on such keys, and randomly seeded, so keys written to
//! collide on one run do not collide on the next.

pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type FastSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// Calls `on_repeat(i, first)` for each of the `n` keys (`key(i)`) that repeats an
/// earlier one, `first` being where it first appeared. Short lists (nearly all
/// statements) are scanned, which costs less than hashing; long ones are hashed, so
/// the cost stays linear.
pub(crate) fn for_each_repeat<'a>(
    n: usize,
    key: impl Fn(usize) -> &'a str,
    mut on_repeat: impl FnMut(usize, usize),
) {
    const SCAN_UP_TO: usize = 16;
    if n <= SCAN_UP_TO {
        for i in 0..n {
            let k = key(i);
            if let Some(first) = (0..i).find(|j| key(*j) == k) {
                on_repeat(i, first);
            }
        }
        return;
    }
    let mut first_of: FastMap<&str, usize> = FastMap::default();
    for i in 0..n {
        let first = *first_of.entry(key(i)).or_insert(i);
        if first != i {
            on_repeat(i, first);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::for_each_repeat;

    #[test]
    fn repeats_are_found_in_short_and_long_lists() {
        for n in [0usize, 1, 5, 16, 17, 100] {
            // Keys cycle through 7 names: every key from the 8th on repeats.
            let names: Vec<String> = (0..n).map(|i| format!("k{}", i % 7)).collect();
            let mut found = Vec::new();
            for_each_repeat(n, |i| names[i].as_str(), |i, first| found.push((i, first)));
            let expected: Vec<(usize, usize)> = (7..n).map(|i| (i, i % 7)).collect();
            assert_eq!(found, expected, "n = {n}");
        }
    }
}
