//! Record positions grouped by a key: the graph's indices of stances by target and by actor.

use std::hash::Hash;

use crate::util::FastMap;

/// The positions of records grouped by a key, each group in record order. One list holds
/// every position, group after group, and a map gives each key its group: a million stances
/// take 4 bytes each and a few per key, where a vector per key (each grown with room to
/// spare, each its own allocation) took about three times as much.
#[derive(Debug, Clone)]
pub(crate) struct Grouped<K> {
    /// Each key's group number.
    groups: FastMap<K, u32>,
    /// Where each group starts in `positions`; one more entry than there are groups.
    starts: Vec<u32>,
    positions: Vec<u32>,
}

impl<K: Hash + Eq + Clone> Grouped<K> {
    /// The positions of `keys` (one per record, in record order) grouped by key; a key is
    /// cloned once, when first seen.
    pub(crate) fn new<'a>(keys: impl ExactSizeIterator<Item = &'a K>) -> Self
    where
        K: 'a,
    {
        let mut groups: FastMap<K, u32> = FastMap::default();
        let mut sizes: Vec<u32> = Vec::new();
        let group_of: Vec<u32> = keys
            .map(|k| {
                let g = match groups.get(k) {
                    Some(&g) => g,
                    None => {
                        let g = sizes.len() as u32;
                        groups.insert(k.clone(), g);
                        sizes.push(0);
                        g
                    }
                };
                sizes[g as usize] += 1;
                g
            })
            .collect();
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        starts.push(0);
        for size in &sizes {
            starts.push(starts[starts.len() - 1] + size);
        }
        // Each group filled in record order, from its start.
        let mut next = sizes;
        next.copy_from_slice(&starts[..starts.len() - 1]);
        let mut positions = vec![0; group_of.len()];
        for (i, &g) in group_of.iter().enumerate() {
            positions[next[g as usize] as usize] = i as u32;
            next[g as usize] += 1;
        }
        Grouped {
            groups,
            starts,
            positions,
        }
    }

    /// The positions of the records with `key`, in record order; empty for a key of none.
    pub(crate) fn get(&self, key: &K) -> &[u32] {
        match self.groups.get(key) {
            Some(&g) => {
                let g = g as usize;
                &self.positions[self.starts[g] as usize..self.starts[g + 1] as usize]
            }
            None => &[],
        }
    }

    /// Every key with records.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &K> + '_ {
        self.groups.keys()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_keep_record_order() {
        let keys = ["b", "a", "b", "c", "a", "b"];
        let grouped = Grouped::new(keys.iter());
        assert_eq!(grouped.get(&"a"), [1, 4]);
        assert_eq!(grouped.get(&"b"), [0, 2, 5]);
        assert_eq!(grouped.get(&"c"), [3]);
        assert!(grouped.get(&"d").is_empty());
        let mut all: Vec<&&str> = grouped.keys().collect();
        all.sort();
        assert_eq!(all, [&"a", &"b", &"c"]);
        let none = Grouped::<u8>::new([].iter());
        assert!(none.get(&0).is_empty() && none.keys().next().is_none());
    }
}
