//! The stance timeline: how positions on a target moved over time, one row per actor.

use std::fmt::{self, Write as _};

use super::render::fmt_num;
use super::text::{text_width, FONT};
use super::xml_escape;
use crate::error::Result;
use crate::model::{ActorId, Evidence, StanceKind};
use crate::query::{ActorRef, Said};
use crate::{Day, Holds, View};

/// A picture of how positions on a target (usually a proposed grouping) moved up to a
/// view's date: one row per actor that spoke on it, each stance a mark spanning the days its
/// date allows (a day, a month, a range), coloured by what was said; between stances, a band
/// in the colour of the position held. Marks are solid for statements on record, lighter for
/// reported ones, outlined for speculation; a contested stance has a red ring, one only
/// possibly made by the date a dashed outline. Every mark has a `<title>` with the stance.
///
/// ```
/// let graph = alliance_graph::datasets::asian_nato();
/// let view = graph.as_of("2024-12-31".parse()?);
/// let svg = alliance_graph::export::StanceTimeline::new(&view, "asian-nato")?.to_string();
/// assert!(svg.contains("Positions on Asian NATO"));
/// assert!(svg.contains("hedge"));
/// # Ok::<(), alliance_graph::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct StanceTimeline<'g> {
    view: View<'g>,
    title: String,
    rows: Vec<(ActorId, String, Vec<Said<'g>>)>,
}

/// The colour and word of each kind of stance.
fn kind_style(kind: StanceKind) -> (&'static str, &'static str) {
    match kind {
        StanceKind::Proposal => ("#1b5e20", "proposal"),
        StanceKind::Support => ("#43a047", "support"),
        StanceKind::ConditionalSupport => ("#9ccc65", "conditional support"),
        StanceKind::Hedge => ("#c99a06", "hedge (too early, not now)"),
        StanceKind::Refusal => ("#d62728", "refusal"),
        StanceKind::Request => ("#5c6bc0", "request"),
        StanceKind::Invitation => ("#26a69a", "invitation"),
    }
}

const ROW: f64 = 30.0;
const PLOT_W: f64 = 720.0;
const SIZE: f64 = 12.0;

impl<'g> StanceTimeline<'g> {
    /// The timeline of the positions on `target` up to `view`'s date.
    pub fn new(view: &View<'g>, target: impl ActorRef) -> Result<Self> {
        let id = view.resolve(&target)?;
        let graph = view.graph();
        let name = graph.name_of(&id).unwrap_or(id.as_str()).to_string();
        let rows = view
            .position_histories(&id)?
            .into_iter()
            .map(|(actor, said)| {
                let label = graph.name_of(&actor).unwrap_or(actor.as_str()).to_string();
                (actor, label, said)
            })
            .collect();
        Ok(StanceTimeline {
            view: *view,
            title: format!("Positions on {name}, up to {}", view.date()),
            rows,
        })
    }
}

impl fmt::Display for StanceTimeline<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let asked_last = self.view.span().last;
        let days = self.rows.iter().flat_map(|(_, _, s)| s.iter());
        let first = days.clone().map(|s| s.date.earliest()).min();
        // The axis runs to the date asked (positions are held until then), or to the last
        // stance when the date asked is open-ended.
        let last_said = days.map(|s| s.date.latest().min(asked_last)).max();
        let last = if asked_last == Day::MAX {
            last_said.unwrap_or(asked_last)
        } else {
            asked_last
        };
        let first = first.unwrap_or(last);
        // A month of margin on each side, so that the first and last marks are whole.
        let (t0, t1) = (first.unix_days() - 30, last.unix_days() + 30);
        let left = self
            .rows
            .iter()
            .map(|(_, l, _)| text_width(l, SIZE, false))
            .fold(80.0_f64, f64::max)
            + 24.0;
        let x = |d: Day| left + (d.unix_days() - t0) as f64 / (t1 - t0).max(1) as f64 * PLOT_W;
        let top = 56.0;
        let height = top + ROW * self.rows.len().max(1) as f64 + 56.0;
        let mut body = String::new();
        // The axis: a tick a month, a quarter or a year (or more), as the span allows.
        let axis_y = top + ROW * self.rows.len().max(1) as f64 + 6.0;
        let _ = writeln!(
            body,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#555" stroke-width="1"/>"##,
            fmt_num(left),
            fmt_num(axis_y),
            fmt_num(left + PLOT_W),
            fmt_num(axis_y)
        );
        let (y0, y1) = (Day::from_unix_days(t0).year, Day::from_unix_days(t1).year);
        let months = (t1 - t0) / 30;
        // Months between ticks: at most about fourteen ticks.
        let step: i32 = match months {
            ..=15 => 1,
            16..=45 => 3,
            _ => 12 * ((y1 - y0) / 14 + 1),
        };
        let mut tick = Day {
            year: y0,
            month: 1,
            day: 1,
        };
        while tick.unix_days() <= t1 {
            if tick.unix_days() >= t0 {
                let tx = x(tick);
                let text = if step < 12 {
                    format!("{}-{:02}", tick.year, tick.month)
                } else {
                    tick.year.to_string()
                };
                let _ = writeln!(
                    body,
                    r##"<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#ddd" stroke-width="1"/><text x="{0}" y="{3}" font-size="10" text-anchor="middle" fill="#333">{4}</text>"##,
                    fmt_num(tx),
                    fmt_num(top - 4.0),
                    fmt_num(axis_y + 4.0),
                    fmt_num(axis_y + 16.0),
                    xml_escape(&text)
                );
            }
            let next = i32::from(tick.month) - 1 + step;
            tick = Day {
                year: tick.year + next / 12,
                month: (next % 12 + 1) as u8,
                day: 1,
            };
        }
        for (i, (actor, label, said)) in self.rows.iter().enumerate() {
            let cy = top + ROW * i as f64 + ROW / 2.0;
            let _ = writeln!(
                body,
                r##"<text x="{}" y="{}" font-size="{}" text-anchor="end" fill="#111">{}<title>{}</title></text>"##,
                fmt_num(left - 10.0),
                fmt_num(cy + 4.0),
                fmt_num(SIZE),
                xml_escape(label),
                xml_escape(actor.as_str())
            );
            // The position held between stances: a thin band to the next stance or the date.
            for (j, s) in said.iter().enumerate() {
                let from = s.date.latest().min(asked_last);
                let to = said.get(j + 1).map_or(last, |n| n.date.earliest());
                if to > from {
                    let _ = writeln!(
                        body,
                        r#"<rect x="{}" y="{}" width="{}" height="4" fill="{}" opacity="0.45"/>"#,
                        fmt_num(x(from)),
                        fmt_num(cy - 2.0),
                        fmt_num(x(to) - x(from)),
                        kind_style(s.kind).0
                    );
                }
            }
            for s in said {
                let color = kind_style(s.kind).0;
                let (a, b) = (s.date.earliest(), s.date.latest().min(asked_last));
                let w = (x(b) - x(a)).max(6.0);
                let (fill, opacity) = match s.evidence {
                    Evidence::OnRecord => (color, "1"),
                    Evidence::Reported => (color, "0.55"),
                    Evidence::Speculated => ("#ffffff", "1"),
                };
                let mut stroke = format!(r#" stroke="{color}" stroke-width="1.5""#);
                if matches!(s.made, Holds::Possibly(_)) {
                    stroke.push_str(r#" stroke-dasharray="3 2""#);
                }
                let mut title = format!(
                    "{} {} ({}; {}; source: {})",
                    s.actor, s.kind, s.date, s.evidence, s.source
                );
                if let Some(r) = s.reported_as {
                    let _ = write!(title, "; the source calls it {r}");
                }
                if let Holds::Possibly(d) = s.made {
                    let _ = write!(title, "; possibly: {d}");
                }
                if let Some(q) = s.quote().or(s.summary()) {
                    let _ = write!(title, "\n{q}");
                }
                for c in s.contradicted_by() {
                    let _ = write!(title, "\nCONTESTED by {c}");
                }
                let _ = writeln!(
                    body,
                    r#"<rect x="{}" y="{}" width="{}" height="14" rx="3" fill="{fill}" fill-opacity="{opacity}"{stroke}><title>{}</title></rect>"#,
                    fmt_num(x(a) - if w == 6.0 { 3.0 } else { 0.0 }),
                    fmt_num(cy - 7.0),
                    fmt_num(w),
                    xml_escape(&title)
                );
                if s.is_contested() {
                    let _ = writeln!(
                        body,
                        r##"<circle cx="{}" cy="{}" r="10" fill="none" stroke="#b71c1c" stroke-width="1.5"/>"##,
                        fmt_num(x(a) + w / 2.0 - if w == 6.0 { 3.0 } else { 0.0 }),
                        fmt_num(cy)
                    );
                }
            }
        }
        // The legend: the kinds drawn, then the marks' meanings.
        let mut kinds: Vec<StanceKind> = self
            .rows
            .iter()
            .flat_map(|(_, _, s)| s.iter().map(|s| s.kind))
            .collect();
        kinds.sort();
        kinds.dedup();
        let mut legend = String::new();
        let mut lx = left;
        let ly = height - 8.0;
        let mut entries: Vec<(String, String)> = kinds
            .iter()
            .map(|k| {
                let (c, w) = kind_style(*k);
                (
                    format!(
                        r#"<rect x="{{x}}" y="{}" width="12" height="10" rx="2" fill="{c}"/>"#,
                        fmt_num(ly - 9.0)
                    ),
                    w.to_string(),
                )
            })
            .collect();
        entries.push((
            format!(r##"<rect x="{{x}}" y="{}" width="12" height="10" rx="2" fill="#888" fill-opacity="0.55" stroke="#888"/>"##, fmt_num(ly - 9.0)),
            "reported".into(),
        ));
        entries.push((
            format!(r##"<rect x="{{x}}" y="{}" width="12" height="10" rx="2" fill="#fff" stroke="#888"/>"##, fmt_num(ly - 9.0)),
            "speculated".into(),
        ));
        entries.push((
            format!(r##"<circle cx="{{cx}}" cy="{}" r="6" fill="none" stroke="#b71c1c" stroke-width="1.5"/>"##, fmt_num(ly - 4.0)),
            "contested".into(),
        ));
        for (shape, word) in entries {
            let _ = writeln!(
                legend,
                "{}",
                shape
                    .replace("{x}", &fmt_num(lx))
                    .replace("{cx}", &fmt_num(lx + 6.0))
            );
            let _ = writeln!(
                legend,
                r##"<text x="{}" y="{}" font-size="10" fill="#333">{}</text>"##,
                fmt_num(lx + 16.0),
                fmt_num(ly),
                xml_escape(&word)
            );
            lx += 16.0 + text_width(&word, 10.0, false) + 14.0;
        }
        let width = (left + PLOT_W + 24.0).max(lx + 12.0);
        writeln!(
            f,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" font-family="{}">"#,
            width.ceil(),
            height.ceil(),
            width.ceil(),
            height.ceil(),
            xml_escape(FONT)
        )?;
        writeln!(f, "<title>{}</title>", xml_escape(&self.title))?;
        writeln!(
            f,
            r##"<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>"##,
            width.ceil(),
            height.ceil()
        )?;
        writeln!(
            f,
            r##"<text x="{}" y="24" font-size="16" font-weight="bold" fill="#111">{}</text>"##,
            fmt_num(left),
            xml_escape(&self.title)
        )?;
        if self.rows.is_empty() {
            writeln!(
                f,
                r##"<text x="{}" y="{}" font-size="12" fill="#555">No stance on it by this date.</text>"##,
                fmt_num(left),
                fmt_num(top + 16.0)
            )?;
        }
        f.write_str(&body)?;
        writeln!(f, r#"<g id="legend">"#)?;
        f.write_str(&legend)?;
        writeln!(f, "</g>")?;
        writeln!(f, "</svg>")
    }
}
