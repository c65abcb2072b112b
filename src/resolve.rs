//! Name resolution: from what people write ("Britain", "Washington DC", "quad") to an actor.
//!
//! Names are compared after folding case, dropping dots and collapsing white space, so
//! "U.S." and "us" are the same name. Ids, names, acronyms and aliases are all searched. A
//! name that no actor has is an error listing the closest names; a name two actors share is
//! an error listing both.

use crate::error::ErrorKind;
use crate::error::{Candidate, Error, Result};
use crate::model::ActorId;
use crate::model::Document;
use crate::util::FastMap;

/// The lookup table from folded names to the actors that carry them.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameIndex {
    /// Folded name -> (name as written, actor), deduplicated by actor.
    by_name: FastMap<String, Vec<(String, ActorId)>>,
    /// Each actor's own name, to say which actors an ambiguous name could mean.
    main: FastMap<ActorId, String>,
}

/// Folds a name for comparison: lowercase, no dots, single spaces.
pub(crate) fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        let start = out.len();
        if start > 0 {
            out.push(' ');
        }
        // Final sigma folds as any sigma: 'Σ' lowercases to 'σ' one character at a time.
        out.extend(
            word.chars()
                .filter(|&c| c != '.')
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'ς' { 'σ' } else { c }),
        );
        // A word of dots only leaves nothing: no space for it either.
        if out.len() == start + usize::from(start > 0) {
            out.truncate(start);
        }
    }
    out
}

impl NameIndex {
    pub(crate) fn new(doc: &Document) -> Self {
        let mut index = NameIndex::default();
        for c in &doc.countries {
            let actor = ActorId::Country(c.id);
            index.main.insert(actor.clone(), c.name.clone());
            index.add(c.id.as_str(), &actor);
            index.add(&c.name, &actor);
            for a in &c.aliases {
                index.add(a, &actor);
            }
        }
        for g in &doc.groupings {
            let actor = ActorId::Grouping(g.id.clone());
            index.main.insert(actor.clone(), g.name.clone());
            index.add(g.id.as_str(), &actor);
            index.add(&g.name, &actor);
            if let Some(acr) = &g.acronym {
                index.add(acr, &actor);
            }
            for a in &g.aliases {
                index.add(a, &actor);
            }
        }
        index
    }

    fn add(&mut self, name: &str, actor: &ActorId) {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        let entry = self.by_name.entry(key).or_default();
        if !entry.iter().any(|(_, a)| a == actor) {
            entry.push((name.to_string(), actor.clone()));
        }
    }

    /// The actor called `name`; where several are, those for which `existed` holds are
    /// preferred, and one such is the answer.
    pub(crate) fn resolve(
        &self,
        name: &str,
        existed: impl Fn(&ActorId) -> bool,
    ) -> Result<ActorId> {
        let found = self.by_name.get(&fold(name)).map(Vec::as_slice);
        let preferred: Vec<(String, ActorId)> = match found {
            Some(many) if many.len() > 1 => {
                many.iter().filter(|(_, a)| existed(a)).cloned().collect()
            }
            _ => Vec::new(),
        };
        let found = match preferred.len() {
            0 => found,
            _ => Some(preferred.as_slice()),
        };
        // An exact id wins over the names that fold like it.
        if let Some((_, actor)) = found
            .into_iter()
            .flatten()
            .find(|(_, a)| a.as_str() == name)
        {
            return Ok(actor.clone());
        }
        match found {
            Some([(_, actor)]) => Ok(actor.clone()),
            Some(many) if !many.is_empty() => Err(Error::from(ErrorKind::AmbiguousActor {
                name: name.to_string(),
                candidates: many
                    .iter()
                    .map(|(n, a)| Candidate::new(self.main.get(a).unwrap_or(n).clone(), a))
                    .collect(),
            })),
            _ => Err(Error::from(ErrorKind::UnknownActor {
                name: name.to_string(),
                candidates: self.closest(name),
            })),
        }
    }

    /// Up to three names closest to `name`, best first.
    fn closest(&self, name: &str) -> Vec<Candidate> {
        let key = fold(name);
        if key.chars().count() > MAX_SUGGESTION_INPUT {
            return Vec::new();
        }
        let mut scored: Vec<(f64, &String, &ActorId)> = self
            .by_name
            .iter()
            // A name much longer or shorter than the query cannot be 70 % similar: skip it
            // unmeasured (a 10 MB name in a dataset costs nothing per typo).
            .filter(|(k, _)| k.len() <= 2 * key.len() + 16 && key.len() <= 2 * k.len() + 16)
            .flat_map(|(k, v)| {
                let key = &key;
                v.iter().map(move |(n, a)| (similarity(key, k), n, a))
            })
            .filter(|(s, _, _)| *s >= 0.7)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let best = scored.first().map_or(0.0, |s| s.0);
        let mut out: Vec<Candidate> = Vec::new();
        // Only names nearly as close as the best one: a clear typo gets one suggestion.
        for (_, n, a) in scored.into_iter().filter(|s| s.0 >= best - 0.05) {
            if !out.iter().any(|c| c.id == a.as_str()) {
                out.push(Candidate::new(n.clone(), a));
            }
            if out.len() == 3 {
                break;
            }
        }
        out
    }
}

/// Names longer than this get no suggestions: no name is that long, and edit distance on a
/// huge input would cost time for nothing.
const MAX_SUGGESTION_INPUT: usize = 100;

fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_damerau_levenshtein(a, b)
}

/// The known id closest to `id`, if any is close enough to be a likely typo.
pub(crate) fn closest<'k>(id: &str, known: impl Iterator<Item = &'k str>) -> Option<&'k str> {
    let key = fold(id);
    if key.chars().count() > MAX_SUGGESTION_INPUT {
        return None;
    }
    known
        .map(|k| (similarity(&key, &fold(k)), k))
        .filter(|(s, _)| *s >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("  U.S.  of   America "), "us of america");
        assert_eq!(fold("Washington D.C."), fold("washington dc"));
        assert_eq!(fold("a . b ..  C"), "a b c");
        assert_eq!(fold(" . "), "");
        assert_eq!(fold("ΟΔΟΣ"), fold("οδος"));
    }

    proptest::proptest! {
        /// The one-pass fold gives what lowercasing, dropping dots and joining the words
        /// one step at a time gives (Greek sigma aside: every form of it folds to 'σ').
        #[test]
        fn folding_in_one_pass_is_folding_step_by_step(name in "[a-zA-Z .\t\u{a0}\u{3000}\u{c9}\u{130}-]{0,24}") {
            let lower = name.to_lowercase().replace('.', "");
            let steps = lower.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(fold(&name), steps);
        }
    }
}
