//! The conflict picture: the two sides of a war, round by round, and the obligations that
//! bind states to them, coloured by whether their conditions hold.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use super::render::fmt_num;
use super::text::{text_width, FONT};
use super::xml_escape;
use crate::model::CountryId;
use crate::query::{Conflict, Duty, DutyKind, Judgement, Side};
use crate::View;

/// The most states the picture draws; the rest are counted in its footnote.
pub const CONFLICT_MAX_STATES: usize = 80;

/// A picture of a [`Conflict`]: the attacking side on the left and the attacked side on the
/// right, each state in the round it joined (nuclear-armed states filled dark); the states
/// outside the war that owe a belligerent defense or offense in a third column. Lines are
/// the duties: the one that brought each state in, and those of the states outside toward
/// the first belligerents; green when their conditions are met, amber dashed when the data
/// cannot decide, grey dotted when not met, red for a promise the attack breaks. Every line
/// has a `<title>` with the duty and its evidence.
///
/// ```
/// let graph = alliance_graph::datasets::asian_nato();
/// let view = graph.as_of("2024-12-31".parse()?);
/// let war = view.conflict(&["China"], &["Japan"])?;
/// let svg = alliance_graph::export::ConflictPicture::new(&war, &view).to_string();
/// assert!(svg.contains("If China attacks Japan"));
/// assert!(svg.contains("undecidable"));
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ConflictPicture<'c, 'g> {
    conflict: &'c Conflict<'g>,
    view: View<'g>,
}

impl<'c, 'g> ConflictPicture<'c, 'g> {
    /// The picture of `conflict`, with names and nuclear status from `view` (the view it was
    /// asked on).
    pub fn new(conflict: &'c Conflict<'g>, view: &View<'g>) -> Self {
        ConflictPicture {
            conflict,
            view: *view,
        }
    }

    fn name(&self, c: CountryId) -> String {
        self.view
            .graph()
            .country(&c)
            .map_or(c.to_string(), |x| x.name.clone())
    }
}

/// The colour, dash and word of a duty's line.
fn line_style(d: &Duty) -> (&'static str, &'static str, &'static str) {
    match (&d.kind, &d.judgement) {
        (DutyKind::Broken, _) => ("#d62728", "", "a promise the attack breaks"),
        (_, Judgement::Met(_)) => ("#2e7d32", "", "conditions met"),
        (_, Judgement::Undecidable(_)) => {
            ("#c99a06", "6 4", "conditions undecidable from the data")
        }
        (_, Judgement::NotMet(_)) => ("#9aa3ab", "2 4", "conditions not met"),
    }
}

const ROW: f64 = 26.0;
const COL: f64 = 330.0;
const SIZE: f64 = 12.0;

impl fmt::Display for ConflictPicture<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = self.conflict;
        // Who is drawn where: the belligerents by side and round, then the states outside
        // with a duty to defend or join a first belligerent.
        let mut columns: [Vec<(CountryId, usize)>; 3] = Default::default();
        for b in &w.belligerents {
            let col = match b.side {
                Side::Attacking => 0,
                Side::Attacked => 1,
            };
            columns[col].push((b.country, b.round));
        }
        let first: Vec<CountryId> = w.attackers.iter().chain(&w.targets).copied().collect();
        let outside: Vec<&Duty> = w
            .duties
            .iter()
            .filter(|d| w.sides_of(d.state).is_empty() && first.contains(&d.toward))
            .filter(|d| matches!(d.kind, DutyKind::Defend | DutyKind::JoinAttack))
            .collect();
        for d in &outside {
            if !columns[2].iter().any(|(c, _)| *c == d.state) {
                columns[2].push((d.state, 0));
            }
        }
        let total: usize = columns.iter().map(Vec::len).sum();
        let mut left_out = 0;
        for col in columns.iter_mut().rev() {
            let room = CONFLICT_MAX_STATES.saturating_sub(total - left_out - col.len());
            if col.len() > room {
                left_out += col.len() - room;
                col.truncate(room.max(1));
            }
        }
        // Places: each column top to bottom, a gap before each new round.
        let top = 78.0;
        // Each drawn state: its box's left edge, baseline and width.
        let mut at: BTreeMap<(CountryId, usize), (f64, f64, f64)> = BTreeMap::new();
        let box_width = |c: CountryId| {
            text_width(&format!("{} ({c})", self.name(c)), SIZE, false).min(190.0) + 14.0
        };
        let mut height: f64 = top;
        let mut body = String::new();
        for (i, col) in columns.iter().enumerate() {
            let x = 40.0 + COL * i as f64;
            let mut y = top;
            let mut last_round = None;
            for &(c, round) in col {
                if i < 2 && last_round != Some(round) {
                    let _ = writeln!(
                        body,
                        r##"<text x="{}" y="{}" font-size="10" fill="#666">round {round}</text>"##,
                        fmt_num(x),
                        fmt_num(y + 4.0)
                    );
                    y += 16.0;
                    last_round = Some(round);
                }
                at.insert((c, i), (x, y, box_width(c)));
                y += ROW;
            }
            height = height.max(y);
        }
        let pos = |c: CountryId, prefer: usize| -> Option<(f64, f64, f64)> {
            at.get(&(c, prefer))
                .or_else(|| (0..3).find_map(|i| at.get(&(c, i))))
                .copied()
        };
        // Lines first, under the boxes: each belligerent's way in, and the outside duties.
        let mut drawn: Vec<&Duty> = w
            .belligerents
            .iter()
            .filter_map(|b| b.via.map(|i| &w.duties[i]))
            .collect();
        drawn.extend(outside.iter().copied());
        drawn.extend(w.duties.iter().filter(|d| d.kind == DutyKind::Broken));
        let mut styles_used: Vec<(&str, &str, &str)> = Vec::new();
        for d in drawn {
            let from_col = match w.sides_of(d.state).first() {
                Some(Side::Attacking) => 0,
                Some(Side::Attacked) => 1,
                None => 2,
            };
            let to_col = match w.sides_of(d.toward).first() {
                Some(Side::Attacking) => 0,
                _ => 1,
            };
            let (Some((x1, y1, w1)), Some((x2, y2, w2))) =
                (pos(d.state, from_col), pos(d.toward, to_col))
            else {
                continue;
            };
            let (color, dash, word) = line_style(d);
            if !styles_used.contains(&(color, dash, word)) {
                styles_used.push((color, dash, word));
            }
            // Within a column, a curve out to the right from the boxes' right edges; across
            // columns, from the edge facing the other box.
            let (ax, bx) = if from_col == to_col {
                (x1 + w1, x2 + w2)
            } else if x1 < x2 {
                (x1 + w1, x2)
            } else {
                (x1, x2 + w2)
            };
            let (ay, by) = (y1 - 4.0, y2 - 4.0);
            let cx = if from_col == to_col {
                ax.max(bx) + 40.0 + (ay - by).abs() * 0.15
            } else {
                (ax + bx) / 2.0
            };
            let cy = (ay + by) / 2.0 - if from_col == to_col { 0.0 } else { 10.0 };
            let dash_attr = if dash.is_empty() {
                String::new()
            } else {
                format!(r#" stroke-dasharray="{dash}""#)
            };
            let _ = writeln!(
                body,
                r#"<path d="M {} {} Q {} {} {} {}" fill="none" stroke="{color}" stroke-width="1.6"{dash_attr}><title>{}</title></path>"#,
                fmt_num(ax),
                fmt_num(ay),
                fmt_num(cx),
                fmt_num(cy),
                fmt_num(bx),
                fmt_num(by),
                xml_escape(&d.to_string())
            );
        }
        for ((c, _), (x, y, width)) in &at {
            let nuclear = self.view.is_nuclear_armed(*c);
            let (fill, text_fill) = if nuclear {
                ("#263238", "#ffffff")
            } else {
                ("#eef2f5", "#111111")
            };
            let label = format!("{} ({c})", self.name(*c));
            let _ = writeln!(
                body,
                r##"<rect x="{}" y="{}" width="{}" height="18" rx="4" fill="{fill}" stroke="#607d8b"/><text x="{}" y="{}" font-size="{}" fill="{text_fill}">{}</text>"##,
                fmt_num(*x),
                fmt_num(y - 13.0),
                fmt_num(*width),
                fmt_num(x + 7.0),
                fmt_num(*y),
                fmt_num(SIZE),
                xml_escape(&label)
            );
        }
        let names = |ids: &[CountryId]| {
            ids.iter()
                .map(|c| self.name(*c))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let title = format!(
            "If {} attack{} {}, on {}",
            names(&w.attackers),
            if w.attackers.len() == 1 { "s" } else { "" },
            names(&w.targets),
            w.date
        );
        let width = 40.0 + COL * 3.0;
        let mut legend = String::new();
        let ly = height + 16.0;
        let mut lx = 40.0;
        for (color, dash, word) in &styles_used {
            let dash_attr = if dash.is_empty() {
                String::new()
            } else {
                format!(r#" stroke-dasharray="{dash}""#)
            };
            let _ = writeln!(
                legend,
                r##"<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="{color}" stroke-width="2"{dash_attr}/><text x="{3}" y="{4}" font-size="10" fill="#333">{5}</text>"##,
                fmt_num(lx),
                fmt_num(ly),
                fmt_num(lx + 24.0),
                fmt_num(lx + 30.0),
                fmt_num(ly + 4.0),
                xml_escape(word)
            );
            lx += 30.0 + text_width(word, 10.0, false) + 18.0;
        }
        let foot = format!(
            "Filled dark: nuclear-armed. Each state's line is the duty that brought it in; third column: states outside the war bound to a first belligerent.{}",
            if left_out > 0 {
                format!(" {left_out} more state(s) not drawn.")
            } else {
                String::new()
            }
        );
        let total_h = ly + 30.0;
        writeln!(
            f,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" font-family="{}">"#,
            width.ceil(),
            total_h.ceil(),
            width.ceil(),
            total_h.ceil(),
            xml_escape(FONT)
        )?;
        writeln!(f, "<title>{}</title>", xml_escape(&title))?;
        writeln!(
            f,
            r##"<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>"##,
            width.ceil(),
            total_h.ceil()
        )?;
        writeln!(
            f,
            r##"<text x="40" y="26" font-size="16" font-weight="bold" fill="#111">{}</text>"##,
            xml_escape(&title)
        )?;
        for (i, head) in ["Attacking side", "Attacked side", "Bound, outside the war"]
            .iter()
            .enumerate()
        {
            writeln!(
                f,
                r##"<text x="{}" y="54" font-size="12" font-weight="bold" fill="#37474f">{head}</text>"##,
                fmt_num(40.0 + COL * i as f64)
            )?;
        }
        f.write_str(&body)?;
        writeln!(f, r#"<g id="legend">"#)?;
        f.write_str(&legend)?;
        writeln!(
            f,
            r##"<text x="40" y="{}" font-size="10" fill="#555">{}</text>"##,
            fmt_num(ly + 22.0),
            xml_escape(&foot)
        )?;
        writeln!(f, "</g>")?;
        writeln!(f, "</svg>")
    }
}
