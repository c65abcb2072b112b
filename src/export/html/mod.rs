//! The interactive page: one self-contained HTML file (no network access, no library) with
//! the world map and the network of a chosen state, a year slider from the first year the
//! sources cover to the last covered day, a search box that takes the names people write, and
//! the evidence of a state or tie on a click.
//!
//! Every answer on the page is worked out here, by the same rules as the [`WorldMap`]: for
//! each year (on its last day, or the last covered day), every tie between two states with
//! its map key and evidence, the states that were states, the years outside the sources'
//! coverage, what each outline stands for and when each stance was made. The page's script
//! (`page.js`, about 300 hand-written lines) only looks these up; it mirrors one rule, the
//! order in which "not a state", "unknown" and "no tie" are told apart when two states have
//! no tie, and the browser tests check its colours against [`WorldMap`]'s.
//!
//! ```
//! let world = alliance_graph::datasets::world();
//! let page = alliance_graph::export::Page::new(&world, "United States")?.to_string();
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! // Nothing fetched: no script, style or image from elsewhere.
//! assert!(!page.contains("<script src") && !page.contains("<link") && !page.contains("<img"));
//! # Ok::<(), alliance_graph::Error>(())
//! ```
//!
//! [`WorldMap`]: super::WorldMap

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde_json::{json, Value};

use super::map::{holders, outline_path, outlines, tie_key, Frame, MapKey, WIDTH};
use super::svg::{fmt_num, stance_title};
use super::xml_escape;
use crate::error::Result;
use crate::model::CountryId;
use crate::query::ActorRef;
use crate::{AllianceGraph, Day, PartialDate, Strength};

const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = include_str!("page.css");

/// The keys a page colours by, in legend order; the script refers to them by index.
const KEYS: [MapKey; 10] = [
    MapKey::Chosen,
    MapKey::MutualDefense,
    MapKey::DefendedByChosen,
    MapKey::DefendsChosen,
    MapKey::OtherObligation,
    MapKey::Grouping,
    MapKey::Possibly,
    MapKey::NoTie,
    MapKey::Unknown,
    MapKey::NotAState,
];

/// The interactive page of a graph; see the [module docs](self). Written by
/// [`Display`](std::fmt::Display).
#[derive(Debug, Clone)]
pub struct Page {
    title: String,
    data: Value,
    map: String,
}

/// A tie's key (an index into [`KEYS`]) and its evidence (indices of evidence texts).
type KeyAndEvidence = (usize, Vec<usize>);

/// Runs of equal values over the years: `[first, last, value]`, merged while unchanged.
#[derive(Default)]
struct Runs<T: PartialEq> {
    runs: Vec<(usize, usize, T)>,
}

impl<T: PartialEq> Runs<T> {
    fn push(&mut self, year: usize, value: T) {
        if let Some(last) = self.runs.last_mut() {
            if last.1 + 1 == year && last.2 == value {
                last.1 = year;
                return;
            }
        }
        self.runs.push((year, year, value));
    }
}

impl Page {
    /// The page of `graph`, opening on the ties of `chosen` (a state) in the last covered
    /// year.
    pub fn new(graph: &AllianceGraph, chosen: impl ActorRef) -> Result<Self> {
        let chosen = graph.today().resolve_country(chosen)?;
        let states: Vec<&crate::Country> = graph.countries().collect();
        let index: HashMap<CountryId, usize> =
            states.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let days = covered_days(graph);

        let mut alive: Vec<String> = vec![String::new(); states.len()];
        let mut outside = String::new();
        let mut held: Vec<Runs<Vec<usize>>> = outlines().iter().map(|_| Runs::default()).collect();
        let mut ties: BTreeMap<(usize, usize), Runs<KeyAndEvidence>> = BTreeMap::new();
        let mut evidence: Vec<String> = Vec::new();
        let mut evidence_ids: HashMap<String, usize> = HashMap::new();
        let mut stance_from: HashMap<*const crate::Stance, usize> = HashMap::new();
        let key_code = |k: MapKey| KEYS.iter().position(|x| *x == k).unwrap_or(7);

        for (year, day) in days.iter().enumerate() {
            let view = graph.as_of(day.to_partial()?);
            let span = view.span();
            let any = view.with_strength(Strength::Any).prepare();
            outside.push(if view.outside_coverage().is_empty() {
                '0'
            } else {
                '1'
            });
            for (i, c) in states.iter().enumerate() {
                alive[i].push(if c.is_state_during(&span) { '1' } else { '0' });
            }
            for (o, runs) in outlines().iter().zip(held.iter_mut()) {
                let on: Vec<usize> = holders(graph, o, &span)
                    .iter()
                    .filter_map(|(c, _)| index.get(c).copied())
                    .collect();
                runs.push(year, on);
            }
            for (i, c) in states.iter().enumerate() {
                if alive[i].ends_with('0') {
                    continue;
                }
                for ally in any.allies(c.id)? {
                    let Some(&j) = index.get(&ally.country) else {
                        continue;
                    };
                    if j < i {
                        continue;
                    }
                    let key = key_code(tie_key(c.id, ally.country, &ally.evidence));
                    let ids: Vec<usize> = ally
                        .evidence
                        .iter()
                        .map(|e| {
                            let text = template(&e.to_string(), c.id, ally.country);
                            let next = evidence_ids.len();
                            let id = *evidence_ids.entry(text.clone()).or_insert(next);
                            if id == evidence.len() {
                                evidence.push(text);
                            }
                            id
                        })
                        .collect();
                    ties.entry((i, j)).or_default().push(year, (key, ids));
                }
                for said in view.stances_by(c.id)? {
                    stance_from.entry(said.stance as *const _).or_insert(year);
                }
            }
            // Pairs with an open tie and no tie found: unknown, as the map has them.
            for open in view.gaps().open {
                let text = format!("unknown: {open}");
                let next = evidence_ids.len();
                let id = *evidence_ids.entry(text.clone()).or_insert(next);
                if id == evidence.len() {
                    evidence.push(text);
                }
                for (n, a) in open.parties.iter().enumerate() {
                    for b in &open.parties[n + 1..] {
                        let (Some(&x), Some(&y)) = (index.get(a), index.get(b)) else {
                            continue;
                        };
                        let pair = (x.min(y), x.max(y));
                        let runs = ties.entry(pair).or_default();
                        if runs
                            .runs
                            .last()
                            .is_none_or(|r| r.1 != year || r.2 .0 == key_code(MapKey::Unknown))
                        {
                            runs.push(year, (key_code(MapKey::Unknown), vec![id]));
                        }
                    }
                }
            }
        }

        let stances: Vec<Value> = graph
            .stances()
            .filter_map(|s| {
                let from = *stance_from.get(&(s as *const _))?;
                let who = index.get(&s.actor.as_country()?)?;
                let said = crate::query::Said {
                    stance: s,
                    made: crate::Holds::Yes,
                };
                Some(json!([who, from, stance_title(&said)]))
            })
            .collect();
        let keys: Vec<Value> = KEYS
            .iter()
            .map(|k| json!({"key": k.as_str(), "label": k.label(), "colour": k.colour()}))
            .collect();
        let data = json!({
            "title": graph.document().title.clone().unwrap_or_else(|| "alliance-graph".into()),
            "chosen": index[&chosen],
            "years": days.iter().map(|d| d.to_partial().map(|p| p.to_string()).unwrap_or_default()).collect::<Vec<_>>(),
            "outside": outside,
            "states": states.iter().zip(&alive).map(|(c, alive)| json!({
                "id": c.id.as_str(), "name": c.name, "aliases": c.aliases, "alive": alive,
            })).collect::<Vec<_>>(),
            "outlines": held.iter().map(|r| r.runs.iter().map(|(a, b, v)| json!([a, b, v])).collect::<Vec<_>>()).collect::<Vec<_>>(),
            "keys": keys,
            "evidence": evidence,
            "ties": ties.iter().map(|((a, b), r)| json!([a, b, r.runs.iter().map(|(f, t, (k, e))| json!([f, t, k, e])).collect::<Vec<_>>()])).collect::<Vec<_>>(),
            "stances": stances,
        });
        Ok(Page {
            title: format!(
                "Who is allied with whom: {}",
                data["title"].as_str().unwrap_or("")
            ),
            data,
            map: map_markup(),
        })
    }
}

/// The last day of each year from the first covered year to the last covered day: the
/// sources' declared coverage, or 1816 to today when none declares one.
fn covered_days(graph: &AllianceGraph) -> Vec<Day> {
    let coverages: Vec<(Day, Day)> = graph
        .sources()
        .filter_map(|s| s.coverage)
        .map(|c| (c.from.earliest(), c.to.latest()))
        .collect();
    let today = Day::today();
    let first = coverages
        .iter()
        .map(|c| c.0)
        .min()
        .map_or(1816, |d| d.year.max(1816));
    let last = coverages
        .iter()
        .map(|c| c.1)
        .max()
        .unwrap_or(today)
        .min(today);
    (first..=last.year)
        .filter_map(|y| {
            let end = PartialDate::day(y, 12, 31).ok()?.earliest();
            Some(end.min(last))
        })
        .collect()
}

/// An evidence sentence with the two states' ids at its start made placeholders (`{a}` for
/// the first state of the pair, `{b}` for the second), so that one text serves every pair of
/// a treaty with the same dates.
fn template(text: &str, a: CountryId, b: CountryId) -> String {
    let head = text.get(..12.min(text.len())).unwrap_or("");
    let mut out = text.to_string();
    for (id, mark) in [(a.as_str(), "{a}"), (b.as_str(), "{b}")] {
        if let Some(at) = head.find(id) {
            if out.get(at..at + id.len()) == Some(id) {
                out.replace_range(at..at + id.len(), mark);
            }
        }
    }
    out
}

/// The map's outlines as SVG elements, in the order of the page's `outlines` data.
fn map_markup() -> String {
    let frame = Frame::new();
    let mut out = String::new();
    for (i, o) in outlines().iter().enumerate() {
        let (lx, ly) = frame.px_of(o.label);
        match outline_path(&frame, o) {
            Some((d, _)) => out.push_str(&format!(
                r#"<path data-i="{i}" data-outline="{}" d="{d}"><title>{}</title></path>"#,
                o.id,
                xml_escape(o.name)
            )),
            None => out.push_str(&format!(
                r#"<circle data-i="{i}" data-outline="{}" cx="{}" cy="{}" r="2.6"><title>{}</title></circle>"#,
                o.id,
                fmt_num(lx),
                fmt_num(ly),
                xml_escape(o.name)
            )),
        }
        out.push('\n');
    }
    format!(
        r##"<svg id="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 50 {WIDTH} {}" role="img" aria-label="World map"><defs id="patterns"></defs><rect x="0" y="50" width="{WIDTH}" height="{}" fill="#e8f0f6"/><g id="outlines" stroke="#ffffff" stroke-width="0.4">{out}</g><g id="map-ties"></g></svg>"##,
        fmt_num(frame.height() + 12.0),
        fmt_num(frame.height() + 12.0)
    )
}

impl fmt::Display for Page {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `</` inside the data would end the script element early.
        let data = self.data.to_string().replace("</", "<\\/");
        write!(
            f,
            r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1 id="heading"></h1>
<div class="controls">
<label>Search <input id="search" type="search" list="names" placeholder="a state: Britain, Japan, Soviet Union" autocomplete="off"></label>
<datalist id="names"></datalist>
<label>Year <input id="year" type="range" min="0" step="1"></label>
<output id="year-label" for="year"></output>
<span class="views"><button id="show-map" type="button" aria-pressed="true">Map</button><button id="show-network" type="button" aria-pressed="false">Network</button></span>
<label class="among"><input id="among" type="checkbox"> ties among them</label>
</div>
<p id="message" role="status"></p>
</header>
<main>
<section id="views">
{map}
<svg id="network" xmlns="http://www.w3.org/2000/svg" viewBox="-480 -450 960 900" role="img" aria-label="Network of ties" hidden></svg>
</section>
<aside>
<ul id="legend"></ul>
<div id="details"><p>Click a state or a tie for its evidence.</p></div>
</aside>
</main>
<footer>Borders are today's: Natural Earth 1:110m admin 0 (public domain), drawn on the Equal Earth projection. Each year as of its last day. Data: {source}. Made by alliance-graph.</footer>
<script>const DATA = {data};</script>
<script>{SCRIPT}</script>
</body>
</html>
"#,
            title = xml_escape(&self.title),
            map = self.map,
            source = xml_escape(self.data["title"].as_str().unwrap_or("")),
        )
    }
}
