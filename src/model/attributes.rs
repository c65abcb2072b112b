//! A treaty's further coded provisions, by name.

use std::fmt;
use std::sync::Arc;

/// Further coded provisions of a treaty, by name: one value per name, in name order (ATOP's
/// `pubsecr`, `milaid`, ...). Names and values are shared text (`Arc<str>`): an importer or a
/// file read hands the same name and the same common value ("0", "1") to every treaty that
/// has it, so a thousand treaties with eighty provisions each hold each name once.
/// Serialized as a JSON object, as a map would be.
///
/// ```
/// use alliance_graph::Attributes;
/// let mut a: Attributes = [("milaid", "1"), ("pubsecr", "0")].into_iter().collect();
/// assert_eq!(a.get("pubsecr"), Some("0"));
/// a.insert("pubsecr", "1");
/// a.retain(|_, value| value != "0");
/// assert_eq!(a.iter().collect::<Vec<_>>(), [("milaid", "1"), ("pubsecr", "1")]);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Attributes(Vec<(Arc<str>, Arc<str>)>);

impl Attributes {
    /// No attributes.
    pub fn new() -> Self {
        Attributes::default()
    }

    /// The value of `name`, if the treaty has it.
    pub fn get(&self, name: &str) -> Option<&str> {
        let i = self.find(name).ok()?;
        Some(&self.0[i].1)
    }

    /// Whether the treaty has `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Sets `name` to `value`, giving back the value it replaces.
    pub fn insert(
        &mut self,
        name: impl Into<Arc<str>>,
        value: impl Into<Arc<str>>,
    ) -> Option<Arc<str>> {
        let (name, value) = (name.into(), value.into());
        match self.find(&name) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (name, value));
                None
            }
        }
    }

    /// Removes `name`, giving back its value.
    pub fn remove(&mut self, name: &str) -> Option<Arc<str>> {
        let i = self.find(name).ok()?;
        Some(self.0.remove(i).1)
    }

    /// Keeps the attributes for which `keep(name, value)` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &str) -> bool) {
        self.0.retain(|(n, v)| keep(n, v));
    }

    /// Every attribute, by name.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> + '_ {
        self.0.iter().map(|(n, v)| (&**n, &**v))
    }

    /// The number of attributes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn find(&self, name: &str) -> std::result::Result<usize, usize> {
        self.0.binary_search_by(|(n, _)| (**n).cmp(name))
    }

    /// From pairs already sorted by name without repeats (an importer's, built in order).
    #[cfg(feature = "atop")]
    pub(crate) fn from_sorted(pairs: Vec<(Arc<str>, Arc<str>)>) -> Self {
        debug_assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0));
        Attributes(pairs)
    }
}

/// Collected in name order; where a name repeats, its last value is kept (as a map's insert
/// would).
impl<N: Into<Arc<str>>, V: Into<Arc<str>>> FromIterator<(N, V)> for Attributes {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(pairs: I) -> Self {
        let mut all: Vec<(Arc<str>, Arc<str>)> = pairs
            .into_iter()
            .map(|(n, v)| (n.into(), v.into()))
            .collect();
        // Stable: repeats stay in the order given, and the last of each is kept.
        all.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(Arc<str>, Arc<str>)> = Vec::with_capacity(all.len());
        for pair in all {
            match out.last_mut() {
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => out.push(pair),
            }
        }
        Attributes(out)
    }
}

impl fmt::Debug for Attributes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl serde::Serialize for Attributes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> serde::Deserialize<'de> for Attributes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Attributes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of attribute names and their text values")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Attributes, A::Error> {
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some((n, v)) = map.next_entry::<SharedText, SharedText>()? {
                    pairs.push((n.0, v.0));
                }
                Ok(pairs.into_iter().collect())
            }
        }
        d.deserialize_map(Visit)
    }
}

/// Text read from a file, shared with equal text read in the same document (see
/// `ids::intern`).
struct SharedText(Arc<str>);

impl<'de> serde::Deserialize<'de> for SharedText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_str(crate::util::StrVisitor(|s: &str| {
            Ok(SharedText(super::ids::intern(s)))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_keep_name_order_and_the_last_of_a_repeat() {
        let a: Attributes = [("b", "1"), ("a", "2"), ("b", "3")].into_iter().collect();
        assert_eq!(a.iter().collect::<Vec<_>>(), [("a", "2"), ("b", "3")]);
        assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"a":"2","b":"3"}"#);
        let back: Attributes = serde_json::from_str(r#"{"b":"3","a":"2","b":"4"}"#).unwrap();
        assert_eq!(back.get("b"), Some("4"));
        assert_eq!(back.len(), 2);
        let mut c = a.clone();
        assert_eq!(c.insert("a", "5").as_deref(), Some("2"));
        assert_eq!(c.insert("c", "6"), None);
        assert_eq!(c.remove("b").as_deref(), Some("3"));
        assert!(c.contains_key("c") && !c.contains_key("b"));
        assert_eq!(format!("{c:?}"), r#"{"a": "5", "c": "6"}"#);
        let e = serde_json::from_str::<Attributes>(r#"{"a": 1}"#).unwrap_err();
        assert!(e.to_string().contains("a string"), "{e}");
    }
}
