//! Hash maps and sets keyed by short strings (property keys), with foldhash: several
//! times cheaper than SipHash on such keys, and randomly seeded, so keys written to
//! collide on one run do not collide on the next.

pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type FastSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;
