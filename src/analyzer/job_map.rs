//! The order in which Doris FE walks its routine-load jobs when it looks them up without
//! a database: `RoutineLoadManager.idToRoutineLoadJob` is a Java `ConcurrentHashMap`
//! keyed by job id (fe/fe-core/src/main/java/org/apache/doris/load/routineload/
//! RoutineLoadManager.java), so the walk follows its table: bins in index order, and
//! within a bin the order its inserts, resizes and tree bins leave. `getJob` then moves
//! stopped and cancelled jobs to the end by swapping (`sortRoutineLoadJob`), which
//! reorders the active ones too. Both are reproduced here for jobs that are never
//! removed (rlfe keeps every job of a session).

/// `ConcurrentHashMap`'s constants (OpenJDK).
const INITIAL_CAPACITY: usize = 16;
const TREEIFY_THRESHOLD: usize = 8;
const UNTREEIFY_THRESHOLD: usize = 6;
const MIN_TREEIFY_CAPACITY: usize = 64;

/// `Long.hashCode` spread as `ConcurrentHashMap.spread` does.
fn spread(id: i64) -> u32 {
    // Long.hashCode: the low and high halves xor-ed, as an int (bit pattern kept).
    let bits = id as u64;
    let h = ((bits ^ (bits >> 32)) & 0xffff_ffff) as u32;
    (h ^ (h >> 16)) & 0x7fff_ffff
}

#[derive(Debug, Clone)]
enum Bin {
    /// A linked bin: nodes in list order.
    List(Vec<(u32, usize)>),
    /// A tree bin: nodes in the order of its `first` list.
    Tree(Vec<(u32, usize)>),
}

#[derive(Debug)]
struct Table {
    bins: Vec<Bin>,
    size: usize,
    size_ctl: usize,
}

impl Table {
    fn new() -> Self {
        Table {
            bins: vec![Bin::List(Vec::new()); INITIAL_CAPACITY],
            size: 0,
            size_ctl: INITIAL_CAPACITY - (INITIAL_CAPACITY >> 2),
        }
    }

    fn n(&self) -> usize {
        self.bins.len()
    }

    /// `putVal` for a new key, then `addCount`.
    fn insert(&mut self, hash: u32, item: usize) {
        let i = hash as usize & (self.n() - 1);
        let mut treeify = false;
        if let Some(bin) = self.bins.get_mut(i) {
            match bin {
                // putTreeVal links the new node in front of `first`.
                Bin::Tree(nodes) => nodes.insert(0, (hash, item)),
                Bin::List(nodes) => {
                    // binCount is the number of nodes walked before appending.
                    treeify = nodes.len() >= TREEIFY_THRESHOLD;
                    nodes.push((hash, item));
                }
            }
        }
        if treeify {
            self.treeify_bin(i);
        }
        self.size += 1;
        while self.size >= self.size_ctl {
            self.transfer();
        }
    }

    /// `treeifyBin`: a small table grows instead (`tryPresize(n << 1)`).
    fn treeify_bin(&mut self, i: usize) {
        if self.n() < MIN_TREEIFY_CAPACITY {
            let size = self.n() << 1;
            let c = (size + (size >> 1) + 1).next_power_of_two();
            while c > self.size_ctl {
                self.transfer();
            }
        } else if let Some(bin) = self.bins.get_mut(i) {
            if let Bin::List(nodes) = bin {
                *bin = Bin::Tree(std::mem::take(nodes));
            }
        }
    }

    /// `transfer`: every bin split into the low and high bins of a table twice as large.
    fn transfer(&mut self) {
        let n = self.n();
        let mut next = vec![Bin::List(Vec::new()); 2 * n];
        for (i, bin) in self.bins.iter().enumerate() {
            let bit = |h: u32| h as usize & n != 0;
            let (lo, hi) = match bin {
                Bin::List(nodes) => {
                    // The tail run of nodes going to one side is moved as it is; the
                    // nodes before it are pushed in front, one by one.
                    let Some(&(first_hash, _)) = nodes.first() else {
                        continue;
                    };
                    let mut run_bit = bit(first_hash);
                    let mut last_run = 0;
                    for (k, &(h, _)) in nodes.iter().enumerate().skip(1) {
                        if bit(h) != run_bit {
                            run_bit = bit(h);
                            last_run = k;
                        }
                    }
                    let tail: Vec<(u32, usize)> = nodes.get(last_run..).unwrap_or(&[]).to_vec();
                    let (mut lo, mut hi) = if run_bit {
                        (Vec::new(), tail)
                    } else {
                        (tail, Vec::new())
                    };
                    for &node in nodes.get(..last_run).unwrap_or(&[]) {
                        if bit(node.0) {
                            hi.insert(0, node);
                        } else {
                            lo.insert(0, node);
                        }
                    }
                    (Bin::List(lo), Bin::List(hi))
                }
                Bin::Tree(nodes) => {
                    let (lo, hi): (Vec<_>, Vec<_>) = nodes.iter().partition(|&&(h, _)| !bit(h));
                    let side = |v: Vec<(u32, usize)>| {
                        if v.len() <= UNTREEIFY_THRESHOLD {
                            Bin::List(v)
                        } else {
                            Bin::Tree(v)
                        }
                    };
                    (side(lo), side(hi))
                }
            };
            if let Some(slot) = next.get_mut(i) {
                *slot = lo;
            }
            if let Some(slot) = next.get_mut(i + n) {
                *slot = hi;
            }
        }
        self.bins = next;
        self.size_ctl = (2 * n) - (n >> 1);
    }

    fn order(&self) -> Vec<usize> {
        self.bins
            .iter()
            .flat_map(|b| match b {
                Bin::List(v) | Bin::Tree(v) => v.iter().map(|&(_, item)| item),
            })
            .collect()
    }
}

/// The positions of `ids` (inserted in this order, none removed) in the order Doris's
/// job map walks them.
pub fn walk_order(ids: &[i64]) -> Vec<usize> {
    let mut table = Table::new();
    for (item, &id) in ids.iter().enumerate() {
        table.insert(spread(id), item);
    }
    table.order()
}

/// `sortRoutineLoadJob`: final jobs to the end by swapping the first final one with the
/// last active one, repeatedly.
pub fn history_last(list: &mut [usize], is_final: impl Fn(usize) -> bool) {
    if list.is_empty() {
        return;
    }
    let final_at = |list: &[usize], k: usize| list.get(k).is_some_and(|&x| is_final(x));
    let (mut i, mut j) = (0, list.len() - 1);
    while i < j {
        while !final_at(list, i) && i < j {
            i += 1;
        }
        while final_at(list, j) && i < j {
            j -= 1;
        }
        if i < j {
            list.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_walk_in_bin_order() {
        // 16 bins: 10001 → bin 1 … 10015 → bin 15, 10016 → bin 0.
        let ids: Vec<i64> = (10_001..=10_005).collect();
        assert_eq!(walk_order(&ids), vec![0, 1, 2, 3, 4]);
        assert_eq!(
            walk_order(&[10_017, 10_001]),
            vec![0, 1],
            "one bin: insertion order"
        );
        assert_eq!(
            walk_order(&[10_015, 10_016]),
            vec![1, 0],
            "10016 is in bin 0"
        );
    }

    #[test]
    fn a_resize_reverses_the_nodes_before_the_tail_run() {
        // Java: ids 0, 16, 32, 48 share bin 0 of 16; at the 12th insert the table grows
        // to 32. The last run of bin 0 is [48] (high); the nodes before it are pushed in
        // front of their side: bin 0 becomes [32, 0] and bin 16 [16, 48].
        let mut ids = vec![0i64, 16, 32, 48];
        ids.extend(1..=8);
        let order = walk_order(&ids);
        let pos = |id: i64| order.iter().position(|&k| ids[k] == id).unwrap();
        assert!(
            pos(32) < pos(0) && pos(0) < pos(1) && pos(8) < pos(16) && pos(16) < pos(48),
            "{order:?}"
        );
    }

    /// The walk agrees with the JDK's own ConcurrentHashMap: id sets that stay in one
    /// table, that resize, that collide into long bins (tree bins at 64 bins and more,
    /// a presize below), run through `java` when the machine has it.
    #[test]
    fn agrees_with_the_jdks_concurrent_hash_map() {
        let Some(java) = std::env::var_os("PATH").and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join("java"))
                .find(|j| j.is_file())
        }) else {
            assert!(
                std::env::var("RLFE_REQUIRE_SERVICES").is_err(),
                "no java on PATH (RLFE_REQUIRE_SERVICES=1: a skip fails)"
            );
            eprintln!("skipped: no java on PATH");
            return;
        };
        let mut cases: Vec<Vec<i64>> = vec![
            (10_001..10_011).collect(),
            (10_001..10_500).collect(),
            (0..40).map(|k| 10_000 + 64 * k).collect(),
            (0..12).map(|k| 7 + 16 * k).collect(),
            (0..300).map(|k| 1_700_000_000_000 + 977 * k).collect(),
            (0..200)
                .map(|k| (k * 2_654_435_761_i64) ^ (k << 33))
                .collect(),
            (0..30).map(|k| -5 - 32 * k).collect(),
        ];
        cases.push(
            (0..100)
                .map(|k| if k % 3 == 0 { 128 * k } else { k })
                .collect(),
        );
        let dir = std::env::temp_dir().join(format!("rlfe-chm-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let src = dir.join("Walk.java");
        std::fs::write(
            &src,
            r#"import java.util.concurrent.ConcurrentHashMap;
public class Walk {
    public static void main(String[] args) throws Exception {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            ConcurrentHashMap<Long, Integer> m = new ConcurrentHashMap<>();
            String[] ids = line.trim().split(" ");
            for (int i = 0; i < ids.length; i++) m.put(Long.parseLong(ids[i]), i);
            StringBuilder out = new StringBuilder();
            for (Integer v : m.values()) out.append(v).append(' ');
            System.out.println(out.toString().trim());
        }
    }
}
"#,
        )
        .unwrap();
        let input: String = cases
            .iter()
            .map(|c| c.iter().map(i64::to_string).collect::<Vec<_>>().join(" ") + "\n")
            .collect();
        use std::io::Write;
        let mut child = std::process::Command::new(java)
            .arg(&src)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), cases.len());
        for (case, line) in cases.iter().zip(lines) {
            let java: Vec<usize> = line.split(' ').map(|v| v.parse().unwrap()).collect();
            assert_eq!(walk_order(case), java, "ids {case:?}");
        }
    }

    #[test]
    fn history_last_swaps_like_doris() {
        let finals = [true, false, false];
        let mut list = vec![0, 1, 2];
        history_last(&mut list, |k| finals[k]);
        assert_eq!(list, vec![2, 1, 0]);
    }
}
