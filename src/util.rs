//! Small helpers several layers share, with no dependency on any of them: the fast hash
//! map of the indices, and the string visitor of the id and date parsers.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::Result;

/// A small, fast, non-cryptographic hasher (the Firefox/rustc "Fx" hash) for the graph's
/// internal indices, whose keys are ids from the dataset, not from an attacker racing a
/// server. SipHash was a fifth of the load time of a million-stance file.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub(crate) type FastSet<T> = std::collections::HashSet<T, BuildHasherDefault<FxHasher>>;

/// Equal values as one shared allocation: each distinct value (a text, by default) is
/// allocated once, and handed out as often as it is asked for.
#[derive(Debug)]
pub(crate) struct Interner<K = std::sync::Arc<str>>(FastSet<K>);

impl<K> Default for Interner<K> {
    fn default() -> Self {
        Interner(FastSet::default())
    }
}

impl<K: std::hash::Hash + Eq + Clone> Interner<K> {
    /// The shared copy of `value`, made with `share` the first time it is asked for.
    pub(crate) fn share<Q>(&mut self, value: &Q, share: impl FnOnce(&Q) -> K) -> K
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        match self.0.get(value) {
            Some(shared) => shared.clone(),
            None => {
                let shared = share(value);
                self.0.insert(shared.clone());
                shared
            }
        }
    }
}

impl Interner {
    /// The shared copy of `s`.
    pub(crate) fn get(&mut self, s: &str) -> std::sync::Arc<str> {
        self.share(s, |s| std::sync::Arc::from(s))
    }
}

/// Deserializes a string through a checking constructor, without first copying it into an
/// owned `String` (a streaming reader hands out a borrowed buffer for every string).
pub(crate) struct StrVisitor<F>(pub(crate) F);

impl<'de, T, F: FnOnce(&str) -> Result<T>> serde::de::Visitor<'de> for StrVisitor<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> std::result::Result<T, E> {
        (self.0)(s).map_err(E::custom)
    }
}
