//! The map drawn as SVG: the globe, the outlines in their keys' colours (striped where one
//! outline shows several states), the changed states outlined, labels where they fit, then
//! the legend, the notes and the sources under the map.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

use super::{equal_earth, holders, outlines, Colouring, MapKey, Outline, WorldMap};
use crate::export::svg::{fmt_num, text_width, Rect, FONT};
use crate::export::xml_escape;
use crate::model::CountryId;

/// The map's width in pixels.
pub(crate) const WIDTH: f64 = 1000.0;
const MARGIN: f64 = 10.0;
/// The latitudes the map shows: the inhabited world (Antarctica is not drawn).
const NORTH: f64 = 84.0;
const SOUTH: f64 = -58.0;
const TOP: f64 = 56.0;
const LABEL_SIZE: f64 = 8.5;
const NOTE_SIZE: f64 = 10.5;

/// Map coordinates in pixels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    scale: f64,
    north: f64,
}

impl Frame {
    pub(crate) fn new() -> Self {
        Frame {
            scale: (WIDTH - 2.0 * MARGIN) / (2.0 * equal_earth(180.0, 0.0).0),
            north: equal_earth(0.0, NORTH).1,
        }
    }

    /// The pixel of a longitude and latitude in degrees.
    pub(crate) fn px(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = equal_earth(lon, lat);
        (
            WIDTH / 2.0 + x * self.scale,
            TOP + (self.north - y) * self.scale,
        )
    }

    /// The pixel of a point in hundredths of a degree.
    pub(crate) fn px_of(&self, (lon, lat): (i16, i16)) -> (f64, f64) {
        self.px(f64::from(lon) / 100.0, f64::from(lat) / 100.0)
    }

    pub(crate) fn height(&self) -> f64 {
        self.px(0.0, SOUTH).1 - TOP
    }
}

/// An outline's path data and its box; `None` for a dot.
pub(crate) fn outline_path(frame: &Frame, outline: &Outline) -> Option<(String, Rect)> {
    if outline.rings.is_empty() {
        return None;
    }
    let mut d = String::new();
    let mut bounds = Rect {
        x0: f64::MAX,
        y0: f64::MAX,
        x1: f64::MIN,
        y1: f64::MIN,
    };
    for ring in outline.rings {
        let mut points: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
        for &p in *ring {
            let (x, y) = frame.px_of(p);
            // Points closer than a third of a pixel add bytes and nothing visible.
            if points
                .last()
                .is_none_or(|&(px, py)| (x - px).abs() + (y - py).abs() > 0.35)
            {
                points.push((x, y));
            }
        }
        if points.len() < 3 {
            continue;
        }
        for (i, (x, y)) in points.iter().enumerate() {
            bounds = Rect {
                x0: bounds.x0.min(*x),
                y0: bounds.y0.min(*y),
                x1: bounds.x1.max(*x),
                y1: bounds.y1.max(*y),
            };
            let _ = write!(
                d,
                "{}{},{}",
                if i == 0 { "M" } else { " " },
                fmt_num(*x),
                fmt_num(*y)
            );
        }
        d.push('Z');
    }
    (!d.is_empty()).then_some((d, bounds))
}

/// Black or white text, whichever reads on `fill` (a `#rrggbb` colour).
fn text_colour(fill: &str) -> &'static str {
    let channel =
        |i: usize| f64::from(u8::from_str_radix(&fill[i..i + 2], 16).unwrap_or(255)) / 255.0;
    let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    if luminance < 0.45 {
        "#ffffff"
    } else {
        "#1a1a1a"
    }
}

/// `text` broken into lines no wider than `width` at `size`.
fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, false) > width && !line.is_empty() {
            lines.push(word.to_string());
        } else {
            *line = candidate;
        }
    }
    lines
}

/// One outline as drawn on the map's date.
struct Drawn<'a> {
    outline: &'a Outline,
    /// The states on it, with their keys, and the holding's source for each not its own.
    states: Vec<(CountryId, MapKey, Option<&'static str>)>,
}

impl Drawn<'_> {
    fn keys(&self) -> Vec<MapKey> {
        let mut keys: Vec<MapKey> = self.states.iter().map(|s| s.1).collect();
        keys.dedup();
        keys
    }
}

impl fmt::Display for WorldMap<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let graph = self.view.graph();
        let name = |c: &CountryId| graph.country(c).map_or(c.to_string(), |c| c.name.clone());
        let span = self.view.span();
        let frame = Frame::new();
        let drawn: Vec<Drawn<'_>> = outlines()
            .iter()
            .map(|o| Drawn {
                outline: o,
                states: holders(graph, o, &span)
                    .into_iter()
                    .filter_map(|(c, source)| Some((c, self.key_of(&c)?, source)))
                    .collect(),
            })
            .collect();

        let mut body = String::new();
        let mut patterns = String::new();
        let mut stripes: BTreeMap<Vec<MapKey>, String> = BTreeMap::new();
        let mut labels: Vec<(f64, String, f64, f64, &'static str, bool)> = Vec::new();
        let mut changed_paths = String::new();
        let changed: BTreeSet<CountryId> = self.changed().iter().copied().collect();
        for d in &drawn {
            let keys = d.keys();
            let fill = match keys.as_slice() {
                [] => MapKey::NotAState.colour().to_string(),
                [one] => one.colour().to_string(),
                many => {
                    let n = stripes.len();
                    let id = stripes.entry(many.to_vec()).or_insert_with(|| {
                        let id = format!("stripes-{n}");
                        let width = 5.0 * many.len() as f64;
                        let _ = write!(
                            patterns,
                            r#"<pattern id="{id}" patternUnits="userSpaceOnUse" width="{w}" height="{w}" patternTransform="rotate(45)">"#,
                            w = fmt_num(width)
                        );
                        for (i, k) in many.iter().enumerate() {
                            let _ = write!(
                                patterns,
                                r#"<rect x="{}" y="0" width="5" height="{}" fill="{}"/>"#,
                                5 * i,
                                fmt_num(width),
                                k.colour()
                            );
                        }
                        patterns.push_str("</pattern>\n");
                        id
                    });
                    format!("url(#{id})")
                }
            };
            let ids: Vec<&str> = d.states.iter().map(|s| s.0.as_str()).collect();
            let key_names: Vec<String> = if keys.is_empty() {
                vec![MapKey::NotAState.as_str()]
            } else {
                keys.iter().map(|k| k.as_str()).collect()
            };
            let mut tooltip: Vec<String> = Vec::new();
            if d.states.is_empty() {
                tooltip.push(format!(
                    "{}: no state of the data on this date",
                    d.outline.name
                ));
            }
            for (c, key, source) in &d.states {
                tooltip.push(format!("{}: {}", name(c), self.key_label(*key)));
                if let Some(e) = self.entries.get(c) {
                    tooltip.extend(e.evidence.iter().take(6).map(|l| format!("  {l}")));
                    if e.evidence.len() > 6 {
                        tooltip.push(format!("  and {} more", e.evidence.len() - 6));
                    }
                }
                if let Some(source) = source {
                    tooltip.push(format!("  drawn on {}'s outline: {source}", d.outline.name));
                }
            }
            let (lx, ly) = frame.px_of(d.outline.label);
            let attrs = format!(
                r#"id="o-{}" data-states="{}" data-key="{}" data-label="{},{}" fill="{fill}""#,
                d.outline.id,
                ids.join(" "),
                key_names.join(" "),
                fmt_num(lx),
                fmt_num(ly)
            );
            let title = format!("<title>{}</title>", xml_escape(&tooltip.join("\n")));
            match outline_path(&frame, d.outline) {
                Some((path, bounds)) => {
                    let _ = writeln!(body, r#"<path {attrs} d="{path}">{title}</path>"#);
                    if d.states.iter().any(|s| changed.contains(&s.0)) {
                        let _ = writeln!(changed_paths, r#"<path d="{path}"/>"#);
                    }
                    if let [(c, key, None)] = d.states.as_slice() {
                        if labelled(*key) {
                            let area = (bounds.x1 - bounds.x0) * (bounds.y1 - bounds.y0);
                            let bold = *key == MapKey::Chosen;
                            let width = text_width(&name(c), LABEL_SIZE, bold);
                            if bold || width <= 1.5 * (bounds.x1 - bounds.x0) {
                                let priority = if bold { f64::MAX } else { area };
                                // A label that runs out of its state (onto the sea, onto
                                // a neighbour) is dark: white reads only on the state's own
                                // dark fill.
                                let (h, half) = (LABEL_SIZE * 0.5, width / 2.0 + 1.0);
                                let fits =
                                    [(-half, -h), (half, -h), (-half, h), (half, h), (0.0, 0.0)]
                                        .iter()
                                        .all(|(dx, dy)| {
                                            covers(&frame, d.outline, lx + dx, ly + dy)
                                        });
                                let colour = if fits {
                                    text_colour(key.colour())
                                } else {
                                    "#1a1a1a"
                                };
                                labels.push((priority, name(c), lx, ly, colour, bold));
                            }
                        }
                    }
                }
                None => {
                    let _ = writeln!(
                        body,
                        r##"<circle {attrs} cx="{}" cy="{}" r="2.6" stroke="#333333" stroke-width="0.6">{title}</circle>"##,
                        fmt_num(lx),
                        fmt_num(ly)
                    );
                    if d.states.iter().any(|s| changed.contains(&s.0)) {
                        let _ = writeln!(
                            changed_paths,
                            r#"<circle cx="{}" cy="{}" r="4"/>"#,
                            fmt_num(lx),
                            fmt_num(ly)
                        );
                    }
                }
            }
        }

        // Labels: the chosen state first, then by size; one that would overlap another is
        // left out (the tooltip still names the state).
        labels.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut placed: Vec<Rect> = Vec::new();
        let mut label_svg = String::new();
        for (_, text, x, y, fill, bold) in labels {
            let w = text_width(&text, LABEL_SIZE, bold);
            let r = Rect {
                x0: x - w / 2.0 - 1.0,
                y0: y - LABEL_SIZE * 0.55 - 1.0,
                x1: x + w / 2.0 + 1.0,
                y1: y + LABEL_SIZE * 0.5 + 1.0,
            };
            if placed.iter().any(|p| p.overlaps(&r)) {
                continue;
            }
            placed.push(r);
            let weight = if bold { r#" font-weight="bold""# } else { "" };
            let _ = writeln!(
                label_svg,
                r#"<text x="{}" y="{}" font-size="{LABEL_SIZE}" text-anchor="middle" fill="{fill}"{weight}>{}</text>"#,
                fmt_num(x),
                fmt_num(y + LABEL_SIZE * 0.35),
                xml_escape(&text)
            );
        }

        // The legend: the keys of the states of the data, in the key's order, with counts.
        let mut counts: BTreeMap<MapKey, usize> = BTreeMap::new();
        for e in self.entries.values() {
            *counts.entry(e.key).or_default() += 1;
        }
        let mut y = TOP + frame.height() + 22.0;
        let mut legend = String::new();
        let column = (WIDTH - 2.0 * MARGIN) / 3.0;
        // (key name, colour, stroke, words, count, full row): the keys three to a row, then
        // the changed states on a row of their own (the scenario's words are long).
        let mut items: Vec<(String, String, &str, String, usize, bool)> = counts
            .iter()
            .map(|(k, n)| {
                (
                    k.as_str(),
                    k.colour().to_string(),
                    r##"stroke="#666666""##,
                    self.key_label(*k),
                    *n,
                    false,
                )
            })
            .collect();
        if let Some((what, c)) = &self.changed {
            items.push((
                "changed".into(),
                "none".into(),
                r##"stroke="#000000" stroke-width="1.6""##,
                format!("outlined: changed by {what}"),
                c.len(),
                true,
            ));
        }
        let mut slot = 0usize;
        for (key, colour, stroke, label, n, full) in &items {
            if *full {
                slot = slot.div_ceil(3) * 3;
            }
            let (x, row_y) = (
                MARGIN + column * (slot % 3) as f64,
                y + 18.0 * (slot / 3) as f64,
            );
            let width = if *full { WIDTH - 2.0 * MARGIN } else { column } - 50.0;
            slot += if *full { 3 } else { 1 };
            let _ = writeln!(
                legend,
                r##"<g class="legend-item" data-key="{key}"><rect x="{}" y="{}" width="12" height="12" fill="{colour}" {stroke}/><text x="{}" y="{}" font-size="11" fill="#1a1a1a">{} ({n})</text></g>"##,
                fmt_num(x),
                fmt_num(row_y - 10.0),
                fmt_num(x + 17.0),
                fmt_num(row_y),
                xml_escape(&fit(label, width))
            );
        }
        y += 18.0 * slot.div_ceil(3) as f64 + 6.0;

        // Notes: what the outlines stand for on this date, and what is not drawn.
        let mut notes: Vec<String> = vec![
            "Borders are today's: Natural Earth 1:110m admin 0 (public domain); states too small \
             for that scale are dots at their capitals. Hover over a state for the evidence."
                .to_string(),
        ];
        let mut held: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        let mut striped: Vec<String> = Vec::new();
        for d in &drawn {
            for (c, _, source) in &d.states {
                if source.is_some() && d.states.len() == 1 {
                    held.entry(name(c)).or_default().push(d.outline.name);
                }
            }
            if d.states.len() > 1 {
                let names: Vec<String> = d.states.iter().map(|s| name(&s.0)).collect();
                striped.push(format!("{} ({})", d.outline.name, names.join(", ")));
            }
        }
        if !held.is_empty() {
            let parts: Vec<String> = held
                .iter()
                .map(|(holder, outlines)| format!("{} as {holder}", outlines.join(", ")))
                .collect();
            notes.push(format!(
                "Drawn as the state that held the territory on this date: {}.",
                parts.join("; ")
            ));
        }
        if !striped.is_empty() {
            notes.push(format!(
                "Striped, one of today's outlines held by several states then: {}.",
                striped.join("; ")
            ));
        }
        let on_map: BTreeSet<CountryId> = drawn
            .iter()
            .flat_map(|d| d.states.iter().map(|s| s.0))
            .collect();
        let missing: Vec<String> = graph
            .countries()
            .filter(|c| c.is_state_during(&span) && !on_map.contains(&c.id))
            .map(|c| c.name.clone())
            .collect();
        if !missing.is_empty() {
            notes.push(format!("Not drawn (no outline): {}.", missing.join(", ")));
        }
        let covering: Vec<&str> = graph
            .sources()
            .filter(|s| s.coverage.is_some())
            .map(|s| s.title.as_str())
            .collect();
        let data = graph
            .document()
            .title
            .clone()
            .unwrap_or_else(|| "the loaded data".into());
        notes.push(if covering.is_empty() {
            format!("Data: {data}.")
        } else {
            format!(
                "Data: {data}; sources covering their span: {}.",
                covering.join("; ")
            )
        });
        let mut note_svg = String::new();
        for note in &notes {
            for line in wrap(note, NOTE_SIZE, WIDTH - 2.0 * MARGIN) {
                let _ = writeln!(
                    note_svg,
                    r##"<text x="{MARGIN}" y="{}" font-size="{NOTE_SIZE}" fill="#444444">{}</text>"##,
                    fmt_num(y),
                    xml_escape(&line)
                );
                y += NOTE_SIZE * 1.35;
            }
            y += 3.0;
        }
        let height = (y + 6.0).ceil();

        // The globe's edge: the meridians at ±180°.
        let mut globe = String::new();
        for (i, lat) in (-90..=90).step_by(5).enumerate() {
            let (x, y) = frame.px(180.0, f64::from(lat));
            let _ = write!(
                globe,
                "{}{},{}",
                if i == 0 { "M" } else { " " },
                fmt_num(x),
                fmt_num(y)
            );
        }
        for lat in (-90..=90).rev().step_by(5) {
            let (x, y) = frame.px(-180.0, f64::from(lat));
            let _ = write!(globe, " {},{}", fmt_num(x), fmt_num(y));
        }
        globe.push('Z');

        writeln!(
            f,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{}">"#,
            xml_escape(FONT)
        )?;
        writeln!(f, "<title>{}</title>", xml_escape(&self.title()))?;
        writeln!(
            f,
            r#"<defs><clipPath id="map-area"><rect x="0" y="{TOP}" width="{WIDTH}" height="{}"/></clipPath>"#,
            fmt_num(frame.height())
        )?;
        f.write_str(&patterns)?;
        writeln!(f, "</defs>")?;
        writeln!(
            f,
            r##"<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>"##
        )?;
        writeln!(
            f,
            r##"<text x="{MARGIN}" y="26" font-size="19" font-weight="bold" fill="#1a1a1a">{}</text>"##,
            xml_escape(&self.title())
        )?;
        writeln!(
            f,
            r##"<text x="{MARGIN}" y="44" font-size="12" fill="#444444">{}</text>"##,
            xml_escape(&self.subtitle())
        )?;
        writeln!(
            f,
            r##"<path id="globe" d="{globe}" fill="#e8f0f6" stroke="#b9c8d4" stroke-width="0.8" clip-path="url(#map-area)"/>"##
        )?;
        writeln!(
            f,
            r##"<g id="outlines" stroke="#ffffff" stroke-width="0.4" stroke-linejoin="round">"##
        )?;
        f.write_str(&body)?;
        writeln!(f, "</g>")?;
        if !changed_paths.is_empty() {
            writeln!(
                f,
                r##"<g id="changed" fill="none" stroke="#000000" stroke-width="1.6" stroke-linejoin="round">"##
            )?;
            f.write_str(&changed_paths)?;
            writeln!(f, "</g>")?;
        }
        writeln!(f, r#"<g id="labels">"#)?;
        f.write_str(&label_svg)?;
        writeln!(f, "</g>")?;
        writeln!(f, r#"<g id="legend">"#)?;
        f.write_str(&legend)?;
        writeln!(f, "</g>")?;
        writeln!(f, r#"<g id="notes">"#)?;
        f.write_str(&note_svg)?;
        writeln!(f, "</g>")?;
        writeln!(f, "</svg>")
    }
}

/// Whether the pixel (x, y) lies inside the outline (even-odd over its rings).
fn covers(frame: &Frame, outline: &Outline, x: f64, y: f64) -> bool {
    let mut inside = false;
    for ring in outline.rings {
        let points: Vec<(f64, f64)> = ring.iter().map(|&p| frame.px_of(p)).collect();
        for (i, &(x0, y0)) in points.iter().enumerate() {
            let (x1, y1) = points[(i + 1) % points.len()];
            if (y0 > y) != (y1 > y) && x < x0 + (y - y0) * (x1 - x0) / (y1 - y0) {
                inside = !inside;
            }
        }
    }
    inside
}

/// Whether states of this key are labelled: those the map is about, not the background.
fn labelled(key: MapKey) -> bool {
    !matches!(
        key,
        MapKey::NoTie | MapKey::Silent | MapKey::NotAState | MapKey::Unknown | MapKey::OtherBloc
    )
}

/// `text` cut with an ellipsis to fit `width` at the legend's size.
fn fit(text: &str, width: f64) -> String {
    if text_width(text, 11.0, false) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for ch in text.chars() {
        if text_width(&format!("{out}{ch}..."), 11.0, false) > width {
            break;
        }
        out.push(ch);
    }
    format!("{}...", out.trim_end())
}

impl WorldMap<'_> {
    /// The legend's words for a key on this map (blocs by their names, the chosen state by
    /// its name).
    pub(crate) fn key_label(&self, key: MapKey) -> String {
        match (key, &self.colouring) {
            (MapKey::Bloc(i), _) => self
                .bloc_names
                .get(usize::from(i))
                .cloned()
                .unwrap_or_else(|| key.label()),
            (MapKey::Chosen, Colouring::TiesOf(c)) => self
                .view
                .graph()
                .country(c)
                .map_or(c.to_string(), |c| c.name.clone()),
            (MapKey::DefendedByChosen | MapKey::DefendsChosen, Colouring::TiesOf(c)) => {
                let name = self
                    .view
                    .graph()
                    .country(c)
                    .map_or(c.to_string(), |c| c.name.clone());
                if key == MapKey::DefendedByChosen {
                    format!("{name} owes it defense, one-sided")
                } else {
                    format!("it owes {name} defense, one-sided")
                }
            }
            _ => key.label(),
        }
    }

    fn subtitle(&self) -> String {
        match &self.colouring {
            Colouring::TiesOf(_) => {
                "Each state by its strongest tie to the state in purple: treaties in force and \
                 groupings, by the tie rules"
                    .to_string()
            }
            Colouring::Blocs => {
                "Each state by its bloc: states joined by a chain of ties".to_string()
            }
            Colouring::StancesOn(_) => "Each state by the last thing it said on record".to_string(),
        }
    }
}
