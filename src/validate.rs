//! Validation: every way the records of a dataset can fail to fit together, and the checks
//! that find them. (About 730 lines: one issue type per problem, each with its message, and
//! the checker that finds them.)
//!
//! [`GraphBuilder::build`](crate::GraphBuilder::build) runs every check and reports all the
//! issues it finds in one [`ErrorKind::Invalid`](crate::ErrorKind::Invalid), not just the first, so a
//! data file can be fixed in one pass. [`GraphBuilder::issues`](crate::GraphBuilder::issues)
//! lists them without building.

use std::fmt;

use crate::model::{
    ActorId, Citation, CountryId, Document, GroupingId, Membership, SourceId, Stance, Target,
    Treaty, TreatyId,
};
use crate::util::FastMap;
use crate::PartialDate;

/// Which record an issue is about: its kind, its position in the input (1-based, in the order
/// records were added or appear in the file) and its id or a description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// "source", "country", "grouping", "membership", "treaty" or "stance".
    pub kind: &'static str,
    /// 1-based position among the records of that kind.
    pub index: usize,
    /// The record's id, or for memberships and stances a short description.
    pub label: String,
}

impl fmt::Display for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} #{} ({})", self.kind, self.index, self.label)
    }
}

/// One problem with a dataset, naming the record, the field and the offending value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Issue {
    /// A name, alias or grouping id equal to another actor's id: that actor could no longer
    /// be named.
    #[error(
        "{record}: {field} '{value}' is the id of {other}, which could then no longer be named"
    )]
    ShadowsId {
        /// The record holding the name.
        record: Record,
        /// The field.
        field: &'static str,
        /// The name.
        value: String,
        /// The actor whose id it is.
        other: String,
    },
    /// A control character in a name (it would reach the terminal or break an export).
    #[error("{record}: field `{field}` holds the control character {code}")]
    ControlCharacter {
        /// The record.
        record: Record,
        /// The field.
        field: &'static str,
        /// The character, as `U+XXXX`.
        code: String,
    },
    /// Two states share a COW code, which names one state.
    #[error("{record}: COW code {code} is also that of country #{first}")]
    SharedCowCode {
        /// The later record.
        record: Record,
        /// The code.
        code: u16,
        /// 1-based position of the first country with it.
        first: usize,
    },
    /// More problems than a check keeps ([`MAX_ISSUES`]): how many more were found.
    #[error("and {more} more problem(s), not listed")]
    More {
        /// How many.
        more: usize,
    },
    /// Two records of the same kind share an id.
    #[error("{record}: duplicate {kind} id '{id}' (first used by {kind} #{first})")]
    DuplicateId {
        /// The later record.
        record: Record,
        /// The id's kind.
        kind: &'static str,
        /// The id.
        id: String,
        /// 1-based position of the first record with that id.
        first: usize,
    },
    /// A reference to an id that no record defines.
    #[error("{record}: field `{field}` names unknown {kind} '{id}'{}", suggestion.as_ref().map_or(String::new(), |s| format!("; did you mean '{s}'?")))]
    UnknownReference {
        /// The record holding the reference.
        record: Record,
        /// The field.
        field: &'static str,
        /// What kind of id was expected.
        kind: &'static str,
        /// The id given.
        id: String,
        /// The closest defined id.
        suggestion: Option<String>,
    },
    /// An end date before the start date.
    #[error("{record}: `{end_field}` {end} is before `{start_field}` {start}")]
    EndBeforeStart {
        /// The record.
        record: Record,
        /// The start's field.
        start_field: &'static str,
        /// The start.
        start: PartialDate,
        /// The end's field.
        end_field: &'static str,
        /// The end.
        end: PartialDate,
    },
    /// A tie or stance from a country to itself.
    #[error("{record}: {country} is tied to itself ({detail})")]
    SelfTie {
        /// The record.
        record: Record,
        /// The country.
        country: CountryId,
        /// Where the self-reference is.
        detail: String,
    },
    /// A treaty that ties nobody, or an alliance without obligations.
    #[error("{record}: empty treaty: {reason}")]
    EmptyTreaty {
        /// The treaty.
        record: Record,
        /// What is missing.
        reason: String,
    },
    /// An obligation owed by or to a state that is not a party to the treaty.
    #[error("{record}: obligation `{obligation}` lists {country} in `{field}`, but {country} is not a party")]
    NotAParty {
        /// The treaty.
        record: Record,
        /// The obligation.
        obligation: crate::Obligation,
        /// `by` or `to`.
        field: &'static str,
        /// The state.
        country: CountryId,
    },
    /// A required text field that is empty.
    #[error("{record}: field `{field}` is empty")]
    Empty {
        /// The record.
        record: Record,
        /// The field.
        field: &'static str,
    },
    /// Part of the file that could not be read as the format requires: a syntax error (with
    /// its line and column), or one record of the wrong shape. Reported by
    /// [`io::json::check_str`](crate::io::json::check_str), which reads each record on its
    /// own so that every such problem is found in one run.
    #[error("{}: {message}", malformed_place(record.as_ref(), *line, *column))]
    Malformed {
        /// The record, when the problem is inside one.
        record: Option<Record>,
        /// 1-based line, for a syntax error.
        line: Option<u64>,
        /// 1-based column, for a syntax error.
        column: Option<u64>,
        /// What is wrong.
        message: String,
    },
    /// A grouping status history out of date order.
    #[error("{record}: status '{status}' since {since} comes after a later change ({previous}); list the history oldest first")]
    StatusOutOfOrder {
        /// The grouping.
        record: Record,
        /// The out-of-order status.
        status: crate::GroupingStatus,
        /// Its date.
        since: PartialDate,
        /// The date of the change before it in the list.
        previous: PartialDate,
    },
}

impl Issue {
    /// The record the issue is about, to renumber it.
    #[cfg(feature = "json")]
    pub(crate) fn record_mut(&mut self) -> Option<&mut Record> {
        match self {
            Issue::Malformed { record, .. } => record.as_mut(),
            Issue::More { .. } => None,
            Issue::ShadowsId { record, .. }
            | Issue::ControlCharacter { record, .. }
            | Issue::SharedCowCode { record, .. }
            | Issue::DuplicateId { record, .. }
            | Issue::UnknownReference { record, .. }
            | Issue::EndBeforeStart { record, .. }
            | Issue::SelfTie { record, .. }
            | Issue::EmptyTreaty { record, .. }
            | Issue::NotAParty { record, .. }
            | Issue::Empty { record, .. }
            | Issue::StatusOutOfOrder { record, .. } => Some(record),
        }
    }
}

fn malformed_place(record: Option<&Record>, line: Option<u64>, column: Option<u64>) -> String {
    match (record, line, column) {
        (Some(r), _, _) => r.to_string(),
        (None, Some(l), Some(c)) => format!("line {l}, column {c}"),
        (None, Some(l), None) => format!("line {l}"),
        _ => "the file".to_string(),
    }
}

impl Issue {
    /// The record the issue is about, if it is about one.
    pub fn record(&self) -> Option<&Record> {
        match self {
            Issue::Malformed { record, .. } => record.as_ref(),
            Issue::More { .. } => None,
            Issue::ShadowsId { record, .. }
            | Issue::ControlCharacter { record, .. }
            | Issue::SharedCowCode { record, .. }
            | Issue::DuplicateId { record, .. }
            | Issue::UnknownReference { record, .. }
            | Issue::EndBeforeStart { record, .. }
            | Issue::SelfTie { record, .. }
            | Issue::EmptyTreaty { record, .. }
            | Issue::NotAParty { record, .. }
            | Issue::Empty { record, .. }
            | Issue::StatusOutOfOrder { record, .. } => Some(record),
        }
    }
}

/// Short description of a stance target, for record labels.
pub(crate) fn target_label(t: &Target) -> String {
    t.to_string()
}

/// Every problem with a document's records, in record order; empty when they are valid.
pub(crate) fn check(doc: &Document) -> Vec<Issue> {
    check_with(
        doc,
        &crate::graph::position_map(doc.treaties.iter().map(|t| t.id.clone())),
    )
}

/// [`check`], given the position of each treaty id (the first of a repeated one), which the
/// graph keeps as an index: made once for both.
pub(crate) fn check_with(doc: &Document, treaties: &FastMap<TreatyId, u32>) -> Vec<Issue> {
    Checker::new(doc, treaties).run()
}

/// Runs every validation check over a document's records.
struct Checker<'d> {
    doc: &'d Document,
    treaties: &'d FastMap<TreatyId, u32>,
    countries: FastMap<CountryId, usize>,
    groupings: FastMap<&'d GroupingId, usize>,
    sources: FastMap<&'d SourceId, usize>,
    issues: Vec<Issue>,
    /// Problems found past [`MAX_ISSUES`], counted, not kept.
    more: usize,
}

/// The most problems a check keeps: past them it counts ([`Issue::More`]), so that a small
/// file of a million bad records cannot exhaust the memory.
pub const MAX_ISSUES: usize = 1000;

impl<'d> Checker<'d> {
    fn issue(&mut self, issue: Issue) {
        if self.issues.len() < MAX_ISSUES {
            self.issues.push(issue);
        } else {
            self.more += 1;
        }
    }

    fn new(doc: &'d Document, treaties: &'d FastMap<TreatyId, u32>) -> Self {
        // Room for every id at once: growing a map is a third of its cost.
        Checker {
            doc,
            treaties,
            countries: FastMap::with_capacity_and_hasher(doc.countries.len(), Default::default()),
            groupings: FastMap::with_capacity_and_hasher(doc.groupings.len(), Default::default()),
            sources: FastMap::with_capacity_and_hasher(doc.sources.len(), Default::default()),
            issues: Vec::new(),
            more: 0,
        }
    }

    fn run(mut self) -> Vec<Issue> {
        let doc = self.doc;
        for (i, s) in doc.sources.iter().enumerate() {
            let record = Rec::id("source", i, s.id.as_str());
            if let Some(first) = self.sources.insert(&s.id, i) {
                self.sources.insert(&s.id, first);
                self.duplicate(record.make(), "source", s.id.as_str(), first);
            }
            self.non_empty(&record, "title", &s.title);
        }
        for (i, c) in doc.countries.iter().enumerate() {
            let record = Rec::id("country", i, c.id.as_str());
            if let Some(first) = self.countries.insert(c.id, i) {
                self.countries.insert(c.id, first);
                self.duplicate(record.make(), "country", c.id.as_str(), first);
            }
            self.non_empty(&record, "name", &c.name);
            if let Some(n) = &c.nuclear_armed {
                self.source_ref(&record, "nuclear_armed.source", &n.source);
            }
        }
        for (i, g) in doc.groupings.iter().enumerate() {
            let record = Rec::id("grouping", i, g.id.as_str());
            if let Some(first) = self.groupings.insert(&g.id, i) {
                self.groupings.insert(&g.id, first);
                self.duplicate(record.make(), "grouping", g.id.as_str(), first);
            }
        }
        for (i, g) in doc.groupings.iter().enumerate() {
            let record = Rec::id("grouping", i, g.id.as_str());
            self.non_empty(&record, "name", &g.name);
            if g.status.is_empty() {
                self.issue(Issue::Empty {
                    record: record.make(),
                    field: "status",
                });
            }
            for pair in g.status.windows(2) {
                if pair[1].since < pair[0].since {
                    self.issue(Issue::StatusOutOfOrder {
                        record: record.make(),
                        status: pair[1].status,
                        since: pair[1].since,
                        previous: pair[0].since,
                    });
                }
            }
            for change in &g.status {
                self.source_ref(&record, "status.source", &change.source);
            }
        }
        for (i, m) in doc.memberships.iter().enumerate() {
            let record = Rec::membership(i, m);
            self.country_ref(&record, "country", m.country);
            self.grouping_ref(&record, "grouping", &m.grouping);
            self.order(&record, ("start", m.start), ("end", m.end));
            self.source_ref(&record, "source", &m.source);
            self.citations(&record, &m.corroborated_by, &m.contradicted_by);
        }
        // The graph's own map of treaty positions (the first of a repeated id), made once.
        let treaty_ids = self.treaties;
        for (i, t) in doc.treaties.iter().enumerate() {
            let record = Rec::id("treaty", i, t.id.as_str());
            match treaty_ids.get(&t.id) {
                Some(&first) if first as usize != i => {
                    self.duplicate(record.make(), "treaty", t.id.as_str(), first as usize)
                }
                _ => {}
            }
            self.treaty(&record, t);
        }
        for (i, g) in doc.groupings.iter().enumerate() {
            if let Some(t) = g.treaty.as_ref().filter(|t| !treaty_ids.contains_key(t)) {
                let record = Rec::id("grouping", i, g.id.as_str());
                let known = doc.treaties.iter().map(|t| t.id.as_str());
                self.unknown(&record, "treaty", "treaty", t.as_str(), known);
            }
        }
        for (i, s) in doc.stances.iter().enumerate() {
            let record = Rec::stance(i, s);
            self.stance(&record, s);
        }
        self.reachable();
        if self.more > 0 {
            self.issues.push(Issue::More { more: self.more });
        }
        self.issues
    }

    /// Every actor stays nameable, and names print as they are: no alias, acronym or
    /// grouping id equal to another actor's id; no control characters in names; one state
    /// per COW code.
    fn reachable(&mut self) {
        let doc = self.doc;
        let fold = crate::resolve::fold;
        let mut ids: FastMap<String, String> = FastMap::default();
        for c in &doc.countries {
            ids.insert(fold(c.id.as_str()), c.id.to_string());
        }
        for g in &doc.groupings {
            ids.entry(fold(g.id.as_str()))
                .or_insert_with(|| g.id.to_string());
        }
        let mut cow: FastMap<u16, usize> = FastMap::default();
        for (i, c) in doc.countries.iter().enumerate() {
            let record = Rec::id("country", i, c.id.as_str());
            let names =
                std::iter::once(("name", &c.name)).chain(c.aliases.iter().map(|a| ("aliases", a)));
            for (field, name) in names {
                self.printable(&record, field, name);
                if field == "aliases" {
                    self.not_an_id(&record, field, name, c.id.as_str(), &ids);
                }
            }
            if let Some(code) = c.cow_code {
                if let Some(&first) = cow.get(&code) {
                    self.issue(Issue::SharedCowCode {
                        record: record.make(),
                        code,
                        first: first + 1,
                    });
                } else {
                    cow.insert(code, i);
                }
            }
        }
        for (i, g) in doc.groupings.iter().enumerate() {
            let record = Rec::id("grouping", i, g.id.as_str());
            // A grouping whose slug is a country's id ("jpn") hides that country.
            if let Some(other) = ids.get(&fold(g.id.as_str())) {
                if other != g.id.as_str() {
                    self.issue(Issue::ShadowsId {
                        record: record.make(),
                        field: "id",
                        value: g.id.to_string(),
                        other: other.clone(),
                    });
                }
            }
            let names = std::iter::once(("name", &g.name))
                .chain(g.acronym.iter().map(|a| ("acronym", a)))
                .chain(g.aliases.iter().map(|a| ("aliases", a)));
            for (field, name) in names {
                self.printable(&record, field, name);
                self.not_an_id(&record, field, name, g.id.as_str(), &ids);
            }
        }
    }

    fn printable(&mut self, record: &Rec<'_>, field: &'static str, text: &str) {
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            self.issue(Issue::ControlCharacter {
                record: record.make(),
                field,
                code: format!("U+{:04X}", c as u32),
            });
        }
    }

    fn not_an_id(
        &mut self,
        record: &Rec<'_>,
        field: &'static str,
        name: &str,
        own: &str,
        ids: &FastMap<String, String>,
    ) {
        if let Some(other) = ids.get(&crate::resolve::fold(name)) {
            if other != own {
                self.issue(Issue::ShadowsId {
                    record: record.make(),
                    field,
                    value: name.to_string(),
                    other: other.clone(),
                });
            }
        }
    }

    fn treaty(&mut self, record: &Rec<'_>, t: &Treaty) {
        self.non_empty(record, "name", &t.name);
        let mut seen: Vec<CountryId> = Vec::new();
        for (i, p) in t.parties.iter().enumerate() {
            let c = p.country();
            self.country_ref(record, "parties", c);
            if let crate::Party::Spell { joined, left, .. } = p {
                self.order(record, ("parties.joined", *joined), ("parties.left", *left));
            }
            // A state may be listed again only for a later, separate spell (re-entry).
            let overlapping = t.parties[..i]
                .iter()
                .any(|q| q.country() == c && q.period().span().overlaps(&p.period().span()));
            if overlapping {
                self.issue(Issue::SelfTie {
                    record: record.make(),
                    country: c,
                    detail: format!("{c} is listed twice in `parties` for overlapping spells"),
                });
            }
            if !seen.contains(&c) {
                seen.push(c);
            }
        }
        if seen.len() < 2 {
            self.issue(Issue::EmptyTreaty {
                record: record.make(),
                reason: format!("a treaty needs at least two parties, it has {}", seen.len()),
            });
        }
        if t.kind == crate::TreatyKind::Alliance && t.obligations.is_empty() {
            self.issue(Issue::EmptyTreaty {
                record: record.make(),
                reason: "an alliance needs at least one obligation (use kind \"access\" or \"other\" for a treaty without one)".into(),
            });
        }
        for o in &t.obligations {
            for (field, list) in [("by", &o.by), ("to", &o.to)] {
                for c in list.iter().flatten() {
                    if !seen.contains(c) {
                        self.issue(Issue::NotAParty {
                            record: record.make(),
                            obligation: o.kind,
                            field,
                            country: *c,
                        });
                    }
                }
            }
            if let (Some([a]), Some([b])) = (o.by.as_deref(), o.to.as_deref()) {
                if a == b {
                    self.issue(Issue::SelfTie {
                        record: record.make(),
                        country: *a,
                        detail: format!("obligation `{}` is owed by {a} only to itself", o.kind),
                    });
                }
            }
            if let Some(against) = &o.against {
                for c in &against.states {
                    self.country_ref(record, "obligations.against.states", *c);
                }
                self.source_ref(record, "obligations.against.source", &against.source);
            }
            if matches!(o.by.as_deref(), Some([])) || matches!(o.to.as_deref(), Some([])) {
                self.issue(Issue::EmptyTreaty {
                    record: record.make(),
                    reason: format!("obligation `{}` has an empty `by` or `to` list", o.kind),
                });
            }
            self.order(
                record,
                ("obligations.from", o.from),
                ("obligations.until", o.until),
            );
        }
        self.order(record, ("signed", t.signed), ("in_force", t.in_force));
        self.order(record, ("signed", t.signed), ("ended", t.ended));
        self.order(record, ("in_force", t.in_force), ("ended", t.ended));
        if t.sources.is_empty() {
            self.issue(Issue::Empty {
                record: record.make(),
                field: "sources",
            });
        }
        for s in &t.sources {
            self.source_ref(record, "sources", s);
        }
        self.citations(record, &t.corroborated_by, &t.contradicted_by);
    }

    fn citations(
        &mut self,
        record: &Rec<'_>,
        corroborated: &[Citation],
        contradicted: &[Citation],
    ) {
        for c in corroborated {
            self.source_ref(record, "corroborated_by.source", &c.source);
        }
        for c in contradicted {
            self.source_ref(record, "contradicted_by.source", &c.source);
        }
    }

    fn stance(&mut self, record: &Rec<'_>, s: &Stance) {
        match &s.actor {
            ActorId::Country(c) => self.country_ref(record, "actor", *c),
            ActorId::Grouping(g) => self.grouping_ref(record, "actor", g),
        }
        match &s.target {
            Target::Grouping(g) => self.grouping_ref(record, "target.grouping", g),
            Target::Country(c) => {
                self.country_ref(record, "target.country", *c);
                if s.actor == ActorId::Country(*c) {
                    self.issue(Issue::SelfTie {
                        record: record.make(),
                        country: *c,
                        detail: "a stance's target is its own actor".into(),
                    });
                }
            }
            Target::Membership { country, grouping } => {
                self.country_ref(record, "target.membership.country", *country);
                self.grouping_ref(record, "target.membership.grouping", grouping);
            }
        }
        if let Some(sp) = s.speaker() {
            self.non_empty(record, "speaker.name", &sp.name);
        }
        if let Some(q) = s.quote() {
            self.non_empty(record, "quote", q);
        }
        self.source_ref(record, "source", &s.source);
        self.citations(record, s.corroborated_by(), s.contradicted_by());
    }

    fn duplicate(&mut self, record: Record, kind: &'static str, id: &str, first: usize) {
        self.issue(Issue::DuplicateId {
            record,
            kind,
            id: id.to_string(),
            first: first + 1,
        });
    }

    fn non_empty(&mut self, record: &Rec<'_>, field: &'static str, value: &str) {
        if value.trim().is_empty() {
            self.issue(Issue::Empty {
                record: record.make(),
                field,
            });
        }
    }

    fn order(
        &mut self,
        record: &Rec<'_>,
        (start_field, start): (&'static str, Option<crate::PartialDate>),
        (end_field, end): (&'static str, Option<crate::PartialDate>),
    ) {
        if let (Some(start), Some(end)) = (start, end) {
            if end.latest() < start.earliest() {
                self.issue(Issue::EndBeforeStart {
                    record: record.make(),
                    start_field,
                    start,
                    end_field,
                    end,
                });
            }
        }
    }

    fn country_ref(&mut self, record: &Rec<'_>, field: &'static str, id: CountryId) {
        if !self.countries.contains_key(&id) {
            let known = self.doc.countries.iter().map(|c| c.id.as_str());
            self.unknown(record, field, "country", id.as_str(), known);
        }
    }

    fn grouping_ref(&mut self, record: &Rec<'_>, field: &'static str, id: &GroupingId) {
        if !self.groupings.contains_key(id) {
            let known = self.doc.groupings.iter().map(|g| g.id.as_str());
            self.unknown(record, field, "grouping", id.as_str(), known);
        }
    }

    fn source_ref(&mut self, record: &Rec<'_>, field: &'static str, id: &SourceId) {
        if !self.sources.contains_key(id) {
            let known = self.doc.sources.iter().map(|s| s.id.as_str());
            self.unknown(record, field, "source", id.as_str(), known);
        }
    }

    fn unknown<'k>(
        &mut self,
        record: &Rec<'_>,
        field: &'static str,
        kind: &'static str,
        id: &str,
        known: impl Iterator<Item = &'k str>,
    ) {
        self.issue(Issue::UnknownReference {
            record: record.make(),
            field,
            kind,
            id: id.to_string(),
            // Suggestions cost a scan of the known ids; past a hundred problems they stop
            // helping and would make a badly broken file slow to check.
            suggestion: if self.issues.len() < 100 {
                crate::resolve::closest(id, known).map(str::to_string)
            } else {
                None
            },
        });
    }
}

/// The record a check is about, made into a [`Record`] (with its label text) only when an
/// issue is found: a valid million-stance file formats no labels.
struct Rec<'a> {
    kind: &'static str,
    index: usize,
    label: Label<'a>,
}

enum Label<'a> {
    Id(&'a str),
    Membership(&'a Membership),
    Stance(&'a Stance),
}

impl<'a> Rec<'a> {
    fn id(kind: &'static str, index: usize, id: &'a str) -> Self {
        Rec {
            kind,
            index,
            label: Label::Id(id),
        }
    }

    fn membership(index: usize, m: &'a Membership) -> Self {
        Rec {
            kind: "membership",
            index,
            label: Label::Membership(m),
        }
    }

    fn stance(index: usize, s: &'a Stance) -> Self {
        Rec {
            kind: "stance",
            index,
            label: Label::Stance(s),
        }
    }

    fn make(&self) -> Record {
        Record {
            kind: self.kind,
            index: self.index + 1,
            label: match self.label {
                Label::Id(id) => id.to_string(),
                Label::Membership(m) => format!("{} in {}", m.country, m.grouping),
                Label::Stance(s) => {
                    format!("{} {} on {}", s.actor, s.kind, target_label(&s.target))
                }
            },
        }
    }
}
