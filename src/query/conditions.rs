//! **The condition rule**, written once: whether an obligation's conditions hold in a
//! conflict (an attack by some states on others), judged from the data alone.
//!
//! A condition is either one of ATOP's coded conditions, recognised by its code in the
//! record (`"defense: only in specific locations (defcoloc=1)"`), or a treaty's own words for
//! a limit. Each is judged **met**, **not met** or **undecidable from the data**:
//!
//! | condition | ATOP code | judged |
//! | --- | --- | --- |
//! | none | | met: the obligation is unconditional |
//! | against specific adversaries | `defcoadv`, `offcoadv`, `neucoadv`, `concoadv` | met when a state on the other side is a named adversary; not met when the adversaries are named and none is on the other side; undecidable when they are not named (see below) |
//! | only if the ally is attacked | `neucoatt` | met when the ally is on the attacked side; not met when it is only on the attacking side |
//! | only in specific locations | `*coloc` | undecidable: holds if the attack is where the treaty says |
//! | only in specific conflicts | `*cocon` | undecidable: holds if this is the conflict the treaty names |
//! | a specified number of adversaries | `*conum` | undecidable: holds if the attackers number what the treaty specifies |
//! | non-compliance with demands | `*codem` | undecidable: holds if the adversary refused the demands the treaty names |
//! | no provocation by the ally | `*conpr` | undecidable: holds if the ally did not provoke the attack |
//! | at an ally's request | `concoreq` | undecidable: holds if the ally asks |
//! | "conditional", nothing more | `defcon`, `offcon`, `neucon`, `concon` | undecidable when no specific condition is coded beside it (ATOP says conditional, not on what); otherwise the specific ones decide |
//! | the treaty's own words | | undecidable: holds if what the words say is true |
//!
//! **Named adversaries** come from the treaty record's [`against`](crate::TreatyObligation::against)
//! (the treaty text, with its source) or else from ATOP's `statthr1`/`statthr2` (the states the
//! alliance names as threats, by COW code). ATOP records at most two: when it names two and
//! neither is on the other side, the treaty may name more, so the answer is undecidable, not
//! "not met". Adversaries named only as a class ("a European Power") are undecidable, with the
//! words. An adversary condition is never judged met without a named state.
//!
//! An obligation's conditions combine: **not met** if one is not met, else **undecidable** if
//! one is (each saying what would have to be true), else **met**.

use std::fmt;

use crate::model::{Adversaries, CountryId};
use crate::AllianceGraph;

/// Whether an obligation's conditions hold in a conflict.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "status", content = "because", rename_all = "kebab-case")]
pub enum Judgement {
    /// The conditions hold (or there are none): why.
    Met(Vec<String>),
    /// A condition fails: which, and why.
    NotMet(Vec<String>),
    /// The data cannot say: what would have to be true, one item per condition.
    Undecidable(Vec<String>),
}

impl Judgement {
    /// `met`, `not met` or `undecidable`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Judgement::Met(_) => "met",
            Judgement::NotMet(_) => "not met",
            Judgement::Undecidable(_) => "undecidable",
        }
    }

    /// Whether the conditions hold.
    pub fn is_met(&self) -> bool {
        matches!(self, Judgement::Met(_))
    }

    /// The reasons given.
    pub fn reasons(&self) -> &[String] {
        match self {
            Judgement::Met(r) | Judgement::NotMet(r) | Judgement::Undecidable(r) => r,
        }
    }

    /// The better of two judgements of the same duty (met over undecidable over not met):
    /// a duty owed under several clauses binds when one of them does.
    pub(crate) fn or(self, other: Judgement) -> Judgement {
        let rank = |j: &Judgement| match j {
            Judgement::Met(_) => 2,
            Judgement::Undecidable(_) => 1,
            Judgement::NotMet(_) => 0,
        };
        if rank(&other) > rank(&self) {
            other
        } else {
            self
        }
    }
}

impl fmt::Display for Judgement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_str())?;
        if !self.reasons().is_empty() {
            write!(f, ": {}", self.reasons().join("; "))?;
        }
        Ok(())
    }
}

/// The conflict an obligation is judged in, as seen from the ally it is owed to.
pub(crate) struct Situation<'a> {
    /// The states on the other side from the ally (its enemies).
    pub(crate) enemies: &'a [CountryId],
    /// Whether the ally is on the attacked side.
    pub(crate) ally_attacked: bool,
}

/// One condition, as the rule reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Condition<'t> {
    /// ATOP's general flag (`defcon` ...): conditional, not saying on what.
    General(&'t str),
    /// Only against specific adversaries.
    Adversary(&'t str),
    /// Only if the ally is attacked (`neucoatt`).
    AllyAttacked(&'t str),
    /// A coded condition the data cannot decide: its code, and what would have to be true.
    Open(&'t str, &'static str),
    /// The treaty's own words.
    Words(&'t str),
}

fn read(text: &str) -> Condition<'_> {
    // ATOP's coded conditions end with "(code=1)"; the code is a three-letter obligation
    // prefix (def, off, neu, con) and the kind of condition.
    let code = text
        .rsplit_once('(')
        .and_then(|(_, c)| c.strip_suffix("=1)"))
        .filter(|c| c.len() > 3 && c.bytes().all(|b| b.is_ascii_lowercase()));
    let Some(code) = code else {
        return Condition::Words(text);
    };
    match &code[3..] {
        "con" => Condition::General(code),
        "coadv" => Condition::Adversary(code),
        "coatt" => Condition::AllyAttacked(code),
        "coloc" => Condition::Open(code, "the attack is in the locations the treaty names"),
        "cocon" => Condition::Open(code, "this is the conflict the treaty names"),
        "conum" => Condition::Open(code, "the attackers number what the treaty specifies"),
        "codem" => Condition::Open(code, "the adversary refused the demands the treaty names"),
        "conpr" => Condition::Open(code, "the ally did not provoke the attack"),
        "coreq" => Condition::Open(code, "the ally asks for it"),
        _ => Condition::Words(text),
    }
}

/// What the rule reads of an obligation: its conditions, the adversaries its text names, and
/// its treaty's coded attributes (ATOP's `statthr1`, `statthr2`).
pub(crate) struct Terms<'t> {
    pub(crate) conditions: &'t [String],
    pub(crate) against: Option<&'t Adversaries>,
    pub(crate) attributes: Option<&'t crate::Attributes>,
}

impl Terms<'_> {
    /// Whether the judgement depends on who the enemies are (an adversary condition), so
    /// that it may change as the other side grows.
    pub(crate) fn turns_on_enemies(&self) -> bool {
        self.conditions
            .iter()
            .any(|c| matches!(read(c), Condition::Adversary(_)))
    }
}

/// Judges an obligation's terms in situation `s` (see the [module docs](self)).
pub(crate) fn judge(graph: &AllianceGraph, terms: &Terms<'_>, s: &Situation<'_>) -> Judgement {
    let conditions: Vec<Condition<'_>> = terms.conditions.iter().map(|c| read(c)).collect();
    let (mut met, mut not_met, mut open) = (Vec::new(), Vec::new(), Vec::new());
    let specific = conditions
        .iter()
        .any(|c| !matches!(c, Condition::General(_)));
    for c in &conditions {
        match c {
            Condition::General(code) => {
                if !specific {
                    open.push(format!(
                        "ATOP codes it conditional ({code}=1) without saying on what"
                    ));
                }
            }
            Condition::Adversary(code) => adversary(
                graph,
                terms,
                s.enemies,
                code,
                &mut met,
                &mut not_met,
                &mut open,
            ),
            Condition::AllyAttacked(code) => {
                if s.ally_attacked {
                    met.push(format!("the ally is attacked ({code}=1)"));
                } else {
                    not_met.push(format!(
                        "only if the ally is attacked ({code}=1), and the ally is an attacker"
                    ));
                }
            }
            Condition::Open(code, needs) => open.push(format!("holds if {needs} ({code}=1)")),
            Condition::Words(words) => open.push(format!("holds if: {words}")),
        }
    }
    if !not_met.is_empty() {
        Judgement::NotMet(not_met)
    } else if !open.is_empty() {
        Judgement::Undecidable(open)
    } else if met.is_empty() {
        Judgement::Met(vec!["unconditional".into()])
    } else {
        Judgement::Met(met)
    }
}

/// The adversary condition: the named adversaries against the enemies.
fn adversary(
    graph: &AllianceGraph,
    terms: &Terms<'_>,
    enemies: &[CountryId],
    code: &str,
    met: &mut Vec<String>,
    not_met: &mut Vec<String>,
    open: &mut Vec<String>,
) {
    // The treaty text first (with its source), else ATOP's named threats.
    let (named, from, complete): (Vec<CountryId>, String, bool) = match terms.against {
        Some(a) if !a.states.is_empty() => (
            a.states.clone(),
            format!(
                "the treaty names {} [source: {}]",
                list(&a.states),
                a.source
            ),
            true,
        ),
        Some(a) => {
            open.push(format!(
                "holds if the attacker is {} ({code}=1) [source: {}]",
                a.text.as_deref().unwrap_or("an adversary the treaty names"),
                a.source
            ));
            return;
        }
        None => {
            let named: Vec<CountryId> = ["statthr1", "statthr2"]
                .iter()
                .filter_map(|k| terms.attributes?.get(k))
                .filter_map(|v| v.parse::<u16>().ok())
                .filter(|&c| c != 0)
                .filter_map(|c| graph.country_by_cow(c))
                .collect();
            let complete = named.len() < 2;
            (
                named.clone(),
                format!("ATOP names {} as the threat (statthr)", list(&named)),
                complete,
            )
        }
    };
    if named.is_empty() {
        open.push(format!(
            "holds if the attacker is one of the specific adversaries the treaty names; ATOP flags the limit ({code}=1) without naming them"
        ));
        return;
    }
    let hits: Vec<CountryId> = enemies
        .iter()
        .copied()
        .filter(|e| named.contains(e))
        .collect();
    if !hits.is_empty() {
        met.push(format!("{} is a named adversary: {from}", list(&hits)));
    } else if complete {
        not_met.push(format!("only against {} ({code}=1): {from}", list(&named)));
    } else {
        open.push(format!(
            "holds if the attacker is among the adversaries the treaty names; ATOP records two ({}) and may not list them all",
            list(&named)
        ));
    }
}

fn list(ids: &[CountryId]) -> String {
    ids.iter()
        .map(CountryId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_atop_codes_and_words() {
        assert_eq!(
            read("defense: only in specific locations (defcoloc=1)"),
            Condition::Open(
                "defcoloc",
                "the attack is in the locations the treaty names"
            )
        );
        assert_eq!(
            read("defense: conditional (defcon=1)"),
            Condition::General("defcon")
        );
        assert_eq!(
            read("consultation: conditional (concon=1)"),
            Condition::General("concon")
        );
        assert_eq!(
            read("neutrality: only if the ally is attacked (neucoatt=1)"),
            Condition::AllyAttacked("neucoatt")
        );
        let words = "armed attack in the Pacific Area (Art. IV)";
        assert_eq!(read(words), Condition::Words(words));
        assert_eq!(read("see (Art. 5=1)"), Condition::Words("see (Art. 5=1)"));
        // Every coded condition the data cannot decide, with what would have to be true.
        for (code, needs) in [
            ("defcocon", "this is the conflict the treaty names"),
            ("offconum", "the attackers number what the treaty specifies"),
            (
                "defcodem",
                "the adversary refused the demands the treaty names",
            ),
            ("defconpr", "the ally did not provoke the attack"),
            ("concoreq", "the ally asks for it"),
        ] {
            let text = format!("a condition ({code}=1)");
            assert_eq!(read(&text), Condition::Open(code, needs), "{code}");
        }
        assert_eq!(
            read("defense: only against specific adversaries (defcoadv=1)"),
            Condition::Adversary("defcoadv")
        );
        // Too short or not lowercase to be a code: the treaty's words, never a slice panic.
        for text in ["x (ab=1)", "x (DEFcon=1)", "x (def=1)"] {
            assert_eq!(read(text), Condition::Words(text), "{text}");
        }
    }

    #[test]
    fn the_better_of_two_judgements_and_their_words() {
        let met = || Judgement::Met(vec!["attacked".into()]);
        let open = || Judgement::Undecidable(vec!["where".into()]);
        let not = || Judgement::NotMet(vec!["not named".into()]);
        assert_eq!(not().or(open()), open());
        assert_eq!(open().or(not()), open());
        assert_eq!(open().or(met()), met());
        assert_eq!(met().or(open()), met());
        // Of two equal ranks, the first is kept.
        let other = Judgement::Undecidable(vec!["when".into()]);
        assert_eq!(open().or(other), open());
        assert_eq!(met().to_string(), "met: attacked");
        assert_eq!(Judgement::Met(Vec::new()).to_string(), "met");
        assert_eq!(not().to_string(), "not met: not named");
    }

    const ADVERSARY: &str = "defense: only against specific adversaries (defcoadv=1)";

    fn terms<'t>(conditions: &'t [String], against: Option<&'t Adversaries>) -> Terms<'t> {
        Terms {
            conditions,
            against,
            attributes: None,
        }
    }

    #[test]
    fn only_an_adversary_condition_turns_on_the_enemies() {
        let adversary = [ADVERSARY.to_string()];
        let located = ["defense: only in specific locations (defcoloc=1)".to_string()];
        let words = ["if the attack is on the mainland".to_string()];
        assert!(terms(&adversary, None).turns_on_enemies());
        assert!(!terms(&located, None).turns_on_enemies());
        assert!(!terms(&words, None).turns_on_enemies());
        assert!(!terms(&[], None).turns_on_enemies());
    }

    #[test]
    fn a_treaty_naming_a_class_of_adversaries_is_judged_by_its_words() {
        let graph = crate::GraphBuilder::new().build().unwrap();
        let source = crate::model::SourceId::new("treaty-text").unwrap();
        let enemies = [CountryId::new("DEU").unwrap()];
        let s = Situation {
            enemies: &enemies,
            ally_attacked: true,
        };
        let conditions = [ADVERSARY.to_string()];
        // The text names a class of states, no state: the data cannot decide.
        let mut class = Adversaries::new(Vec::new(), source.clone());
        class.text = Some("any European power".into());
        assert_eq!(
            judge(&graph, &terms(&conditions, Some(&class)), &s),
            Judgement::Undecidable(vec![
                "holds if the attacker is any European power (defcoadv=1) [source: treaty-text]"
                    .into()
            ])
        );
        // The text names Germany: met against Germany, not met against France.
        let named = Adversaries::new(enemies.to_vec(), source);
        assert_eq!(
            judge(&graph, &terms(&conditions, Some(&named)), &s),
            Judgement::Met(vec![
                "DEU is a named adversary: the treaty names DEU [source: treaty-text]".into()
            ])
        );
        let france = [CountryId::new("FRA").unwrap()];
        let against_france = Situation {
            enemies: &france,
            ally_attacked: true,
        };
        assert_eq!(
            judge(&graph, &terms(&conditions, Some(&named)), &against_france),
            Judgement::NotMet(vec![
                "only against DEU (defcoadv=1): the treaty names DEU [source: treaty-text]".into()
            ])
        );
    }

    #[cfg(feature = "datasets")]
    #[test]
    fn atop_names_at_most_two_threats_so_two_may_not_be_all() {
        let world = crate::datasets::world();
        let conditions = [ADVERSARY.to_string()];
        let coded = |threats: &[&str]| -> crate::Attributes {
            ["statthr1", "statthr2"]
                .iter()
                .zip(threats)
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let judge_against = |attributes: &crate::Attributes, enemy: &str| {
            let enemies = [CountryId::new(enemy).unwrap()];
            let terms = Terms {
                conditions: &conditions,
                against: None,
                attributes: Some(attributes),
            };
            let s = Situation {
                enemies: &enemies,
                ally_attacked: true,
            };
            judge(&world, &terms, &s)
        };
        // COW 255 is Germany, 365 Russia.
        let one = coded(&["255"]);
        assert_eq!(
            judge_against(&one, "FRA"),
            Judgement::NotMet(vec![
                "only against DEU (defcoadv=1): ATOP names DEU as the threat (statthr)".into()
            ])
        );
        assert!(judge_against(&one, "DEU").is_met());
        // Two named: ATOP has room for no more, so a third may be meant.
        let two = coded(&["255", "365"]);
        assert_eq!(
            judge_against(&two, "FRA"),
            Judgement::Undecidable(vec![
                "holds if the attacker is among the adversaries the treaty names; ATOP records two (DEU, RUS) and may not list them all".into()
            ])
        );
        assert!(judge_against(&two, "RUS").is_met());
        // A zero code names no one.
        let none = coded(&["0"]);
        assert!(matches!(
            judge_against(&none, "FRA"),
            Judgement::Undecidable(_)
        ));
    }
}
