//! Rendering: the laid-out scene written as SVG, section by section (`Canvas`: memberships,
//! ties, stances, groupings, countries, legend, frame; then `write_svg`). A little over 600
//! lines: the legend, which explains every line and shape the picture uses, is a third of it.

use super::*;

/// The style of a treaty line: colour, width, dash pattern, legend text.
pub(super) fn tie_style(o: Option<Obligation>) -> (&'static str, f64, &'static str, &'static str) {
    match o {
        Some(Obligation::Defense) => ("#1f4e9c", 3.5, "", "defense"),
        Some(Obligation::Offense) => ("#6a3d9a", 3.0, "", "offense"),
        Some(Obligation::Neutrality) => ("#2c7fb8", 2.5, "", "neutrality"),
        Some(Obligation::NonAggression) => ("#1a9e8f", 2.5, "", "non-aggression"),
        Some(Obligation::Consultation) => ("#7f8c8d", 2.0, "7 4", "consultation"),
        None => (
            "#9aa3ab",
            2.0,
            "1 5",
            "cooperation, no obligation (access agreement)",
        ),
    }
}

pub(super) fn stance_style(s: StanceStyle) -> (&'static str, f64, &'static str, &'static str) {
    match s {
        StanceStyle::Proposal => ("#2e7d32", 2.2, "", "proposes"),
        StanceStyle::Support => ("#2e7d32", 2.0, "9 4", "supports (or on a condition)"),
        StanceStyle::Hedge => ("#8c6d1f", 2.0, "2 4", "hedges (too early, not now)"),
        StanceStyle::Refusal => ("#d62728", 2.2, "5 4", "refuses"),
        StanceStyle::Invited => ("#2e7d32", 1.8, "1 5", "invited to join, silent so far"),
    }
}

pub(super) fn marker_id(color: &str) -> String {
    format!("arrow-{}", color.trim_start_matches('#'))
}

/// Where the segment from `from` toward the centre of a `w`×`h` box at `c` enters the box.
pub(super) fn clip_to_box(from: P, c: P, w: f64, h: f64, pad: f64) -> P {
    let (dx, dy) = (from.x - c.x, from.y - c.y);
    let (hw, hh) = (w / 2.0 + pad, h / 2.0 + pad);
    let tx = if dx.abs() > 1e-9 {
        hw / dx.abs()
    } else {
        f64::INFINITY
    };
    let ty = if dy.abs() > 1e-9 {
        hh / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = tx.min(ty).min(1.0);
    P {
        x: c.x + dx * t,
        y: c.y + dy * t,
    }
}

/// Moves `to` back toward `from` by `by`.
pub(super) fn shorten(from: P, to: P, by: f64) -> P {
    let d = from.dist(to);
    if d <= by {
        return to;
    }
    P {
        x: to.x + (from.x - to.x) * by / d,
        y: to.y + (from.y - to.y) * by / d,
    }
}

/// The `stroke-dasharray` attribute for a dash pattern; nothing for a solid line.
fn dash_attr(dash: &str) -> String {
    if dash.is_empty() {
        String::new()
    } else {
        format!(r#" stroke-dasharray="{dash}""#)
    }
}

pub(crate) fn fmt_num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

pub(super) struct Drawing {
    pub(super) body: String,
    pub(super) labels: Vec<Label>,
    pub(super) bounds: Rect,
}

impl Drawing {
    pub(super) fn include(&mut self, r: Rect) {
        self.bounds = self.bounds.union(&r);
    }
}

/// The picture being drawn, with the scene and placement it is drawn from: each section of
/// the picture is one method.
struct Canvas<'s> {
    scene: &'s Scene,
    pl: &'s Placement,
    d: Drawing,
    used_colors: BTreeSet<&'static str>,
    /// The labels placed by the layout; they join the drawing once the sections are drawn.
    labels: Vec<Label>,
}

impl Canvas<'_> {
    /// Where a line from `from` meets the end `e`, `pad` short of its edge.
    fn end_point(&self, from: P, e: End, pad: f64) -> P {
        match e {
            End::Country(i) => shorten(from, self.pl.country[i], NODE_R + pad),
            End::Grouping(i) => {
                let g = &self.scene.groupings[i];
                clip_to_box(from, self.pl.grouping[i], g.w, g.h, pad)
            }
        }
    }

    /// The memberships, a thin line from each member to its grouping.
    fn memberships(&mut self) {
        let _ = writeln!(self.d.body, r#"<g id="memberships" fill="none">"#);
        for m in &self.scene.members {
            let a = self.pl.country[m.country];
            let b = self.end_point(a, End::Grouping(m.grouping), 0.0);
            let dash = if m.full {
                ""
            } else {
                r#" stroke-dasharray="4 3""#
            };
            let _ = writeln!(
                self.d.body,
                r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#b3bcc6" stroke-width="1.4"{dash}><title>{}</title></line>"##,
                fmt_num(a.x),
                fmt_num(a.y),
                fmt_num(b.x),
                fmt_num(b.y),
                xml_escape(&m.title)
            );
        }
        let _ = writeln!(self.d.body, "</g>");
    }

    /// The treaty ties, weakest first so that the strongest are drawn on top.
    fn ties(&mut self) {
        let mut ties: Vec<&TieLine> = self.scene.ties.iter().collect();
        ties.sort_by(|x, y| {
            y.strongest
                .map_or(9, |o| o as u8)
                .cmp(&x.strongest.map_or(9, |o| o as u8))
        });
        let _ = writeln!(
            self.d.body,
            r#"<g id="treaties" fill="none" stroke-linecap="round">"#
        );
        for t in ties {
            let (color, width, dash, _) = tie_style(t.strongest);
            let (from, to) = match t.one_sided {
                Some((by, to)) => (by, to),
                None => (t.a, t.b),
            };
            let (a, mut b) = (self.pl.country[from], self.pl.country[to]);
            let ctrl = control(Shape::Bow, a, b);
            let mut marker = String::new();
            if t.one_sided.is_some() {
                b = shorten(ctrl, b, NODE_R + 2.0 + width * 2.5);
                self.used_colors.insert(color);
                marker = format!(r#" marker-end="url(#{})""#, marker_id(color));
            }
            let dash = dash_attr(dash);
            let _ = writeln!(
                self.d.body,
                r#"<path d="M {} {} Q {} {} {} {}" stroke="{color}" stroke-width="{}"{dash}{marker}><title>{}</title></path>"#,
                fmt_num(a.x),
                fmt_num(a.y),
                fmt_num(ctrl.x),
                fmt_num(ctrl.y),
                fmt_num(b.x),
                fmt_num(b.y),
                fmt_num(width),
                xml_escape(&t.title)
            );
        }
        let _ = writeln!(self.d.body, "</g>");
    }

    /// The stances, as curves bending to the left of their direction.
    fn stances(&mut self) {
        let _ = writeln!(
            self.d.body,
            r#"<g id="stances" fill="none" stroke-linecap="round">"#
        );
        for s in &self.scene.stances {
            let (color, width, dash, _) = stance_style(s.style);
            self.used_colors.insert(color);
            let (a0, b0) = (self.pl.at(s.from), self.pl.at(s.to));
            let ctrl = control(Shape::Bend, a0, b0);
            let a = self.end_point(ctrl, s.from, 2.0);
            let b = self.end_point(ctrl, s.to, 2.0 + width * 2.5);
            let dash = dash_attr(dash);
            let _ = writeln!(
                self.d.body,
                r#"<path d="M {} {} Q {} {} {} {}" stroke="{color}" stroke-width="{}"{dash} marker-end="url(#{})"><title>{}</title></path>"#,
                fmt_num(a.x),
                fmt_num(a.y),
                fmt_num(ctrl.x),
                fmt_num(ctrl.y),
                fmt_num(b.x),
                fmt_num(b.y),
                fmt_num(width),
                marker_id(color),
                xml_escape(&s.title)
            );
        }
        let _ = writeln!(self.d.body, "</g>");
    }

    /// The groupings, as rounded boxes.
    fn groupings(&mut self) {
        let _ = writeln!(self.d.body, r#"<g id="groupings">"#);
        for (g, p) in self.scene.groupings.iter().zip(&self.pl.grouping) {
            let dash = if g.proposed {
                r#" stroke-dasharray="6 4""#
            } else {
                ""
            };
            let fill = if g.proposed { "#ffffff" } else { "#eef3fb" };
            let _ = writeln!(
                self.d.body,
                r##"<rect x="{}" y="{}" width="{}" height="{}" rx="9" fill="{fill}" stroke="#1f4e9c" stroke-width="1.8"{dash}><title>{}</title></rect>"##,
                fmt_num(p.x - g.w / 2.0),
                fmt_num(p.y - g.h / 2.0),
                fmt_num(g.w),
                fmt_num(g.h),
                xml_escape(&format!("{} ({}), {}", g.label, g.id, g.sub))
            );
            self.labels.push(Label {
                text: g.label.clone(),
                x: p.x,
                y: p.y - 3.0,
                size: 14.0,
                bold: true,
                anchor: "middle",
                fill: "#12325e",
                halo: false,
            });
            self.labels.push(Label {
                text: g.sub.clone(),
                x: p.x,
                y: p.y + 12.5,
                size: 10.5,
                bold: false,
                anchor: "middle",
                fill: "#4a5a6a",
                halo: false,
            });
        }
        let _ = writeln!(self.d.body, "</g>");
    }

    /// The states, as circles.
    fn countries(&mut self) {
        let _ = writeln!(self.d.body, r#"<g id="countries">"#);
        for (c, p) in self.scene.countries.iter().zip(&self.pl.country) {
            let (fill, stroke) = if c.nuclear {
                ("#1b2631", "#1b2631")
            } else {
                ("#ffffff", "#1b2631")
            };
            let nuclear = if c.nuclear { ", nuclear-armed" } else { "" };
            let _ = writeln!(
                self.d.body,
                r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}" stroke="{stroke}" stroke-width="2"><title>{} ({}){nuclear}</title></circle>"#,
                fmt_num(p.x),
                fmt_num(p.y),
                fmt_num(NODE_R),
                xml_escape(&c.name),
                c.id
            );
        }
        let _ = writeln!(self.d.body, "</g>");
    }

    /// The legend, right of the graph: what each line and shape means, for what the picture
    /// shows. Returns the legend's own lines; its labels join the drawing's.
    fn legend(&mut self) -> String {
        let graph_bounds = self.d.bounds;
        let d = &mut self.d;
        let mut legend = String::new();
        let lx = graph_bounds.x1 + 50.0;
        let mut ly = graph_bounds.y0 + 10.0;
        let section = |d: &mut Drawing, ly: &mut f64, title: &str| {
            *ly += 8.0;
            d.labels.push(Label {
                text: title.to_string(),
                x: lx,
                y: *ly,
                size: 12.5,
                bold: true,
                anchor: "start",
                fill: "#1b2631",
                halo: false,
            });
            *ly += 20.0;
        };
        let entry = |d: &mut Drawing, ly: &mut f64, text: &str| {
            d.labels.push(Label {
                text: text.to_string(),
                x: lx + 50.0,
                y: *ly + 4.0,
                size: 12.0,
                bold: false,
                anchor: "start",
                fill: "#1b2631",
                halo: false,
            });
            *ly += 22.0;
        };
        section(d, &mut ly, "Actors");
        let _ = writeln!(
            legend,
            r##"<circle cx="{}" cy="{}" r="{}" fill="#ffffff" stroke="#1b2631" stroke-width="2"/>"##,
            fmt_num(lx + 20.0),
            fmt_num(ly),
            fmt_num(NODE_R)
        );
        entry(d, &mut ly, "state");
        if self.scene.countries.iter().any(|c| c.nuclear) {
            let _ = writeln!(
                legend,
                r##"<circle cx="{}" cy="{}" r="{}" fill="#1b2631" stroke="#1b2631" stroke-width="2"/>"##,
                fmt_num(lx + 20.0),
                fmt_num(ly),
                fmt_num(NODE_R)
            );
            entry(d, &mut ly, "nuclear-armed state");
        }
        for (proposed, text) in [(false, "grouping, active"), (true, "grouping, proposed")] {
            if !self.scene.groupings.iter().any(|g| g.proposed == proposed) {
                continue;
            }
            let dash = if proposed {
                r#" stroke-dasharray="6 4""#
            } else {
                ""
            };
            let fill = if proposed { "#ffffff" } else { "#eef3fb" };
            let _ = writeln!(
                legend,
                r##"<rect x="{}" y="{}" width="40" height="18" rx="6" fill="{fill}" stroke="#1f4e9c" stroke-width="1.8"{dash}/>"##,
                fmt_num(lx),
                fmt_num(ly - 9.0)
            );
            entry(d, &mut ly, text);
        }
        let line = |legend: &mut String,
                    ly: f64,
                    color: &str,
                    width: f64,
                    dash: &str,
                    marker: bool| {
            let dash = dash_attr(dash);
            let x2 = if marker { lx + 32.0 } else { lx + 40.0 };
            let marker = if marker {
                format!(r#" marker-end="url(#{})""#, marker_id(color))
            } else {
                String::new()
            };
            let _ = writeln!(
                legend,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{color}" stroke-width="{}" stroke-linecap="round"{dash}{marker}/>"#,
                fmt_num(lx),
                fmt_num(ly),
                fmt_num(x2),
                fmt_num(ly),
                fmt_num(width)
            );
        };
        let strengths: BTreeSet<Option<u8>> = self
            .scene
            .ties
            .iter()
            .map(|t| t.strongest.map(|o| o as u8))
            .collect();
        if !self.scene.ties.is_empty() {
            section(d, &mut ly, "Treaty ties, by strongest obligation");
            for o in Obligation::ALL.iter().map(|o| Some(*o)).chain([None]) {
                if !strengths.contains(&o.map(|o| o as u8)) {
                    continue;
                }
                let (color, width, dash, text) = tie_style(o);
                line(&mut legend, ly, color, width, dash, false);
                entry(d, &mut ly, text);
                if o.is_some()
                    && self
                        .scene
                        .ties
                        .iter()
                        .any(|t| t.strongest == o && t.one_sided.is_some())
                {
                    line(&mut legend, ly, color, width, dash, true);
                    self.used_colors.insert(color);
                    entry(d, &mut ly, &format!("{text}, one-sided: to the state owed"));
                }
            }
        }
        if !self.scene.members.is_empty() {
            section(d, &mut ly, "Groupings");
            let _ = writeln!(
                legend,
                r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#b3bcc6" stroke-width="1.4"/>"##,
                fmt_num(lx),
                fmt_num(ly),
                fmt_num(lx + 40.0),
                fmt_num(ly)
            );
            entry(d, &mut ly, "member");
            if self.scene.members.iter().any(|m| !m.full) {
                let _ = writeln!(
                    legend,
                    r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#b3bcc6" stroke-width="1.4" stroke-dasharray="4 3"/>"##,
                    fmt_num(lx),
                    fmt_num(ly),
                    fmt_num(lx + 40.0),
                    fmt_num(ly)
                );
                entry(d, &mut ly, "partner or observer");
            }
        }
        let styles: BTreeSet<StanceStyle> = self.scene.stances.iter().map(|s| s.style).collect();
        if !styles.is_empty() {
            section(d, &mut ly, "Stated positions (latest)");
            for s in [
                StanceStyle::Proposal,
                StanceStyle::Support,
                StanceStyle::Hedge,
                StanceStyle::Refusal,
                StanceStyle::Invited,
            ] {
                if !styles.contains(&s) {
                    continue;
                }
                let (color, width, dash, text) = stance_style(s);
                line(&mut legend, ly, color, width, dash, true);
                entry(d, &mut ly, text);
            }
        }
        d.include(Rect {
            x0: lx,
            y0: graph_bounds.y0,
            x1: lx + 40.0,
            y1: ly,
        });
        for l in &d.labels {
            let r = l.rect();
            d.bounds = d.bounds.union(&r);
        }

        legend
    }

    /// The title above and the footnote below.
    fn frame(&mut self, view: &View<'_>) {
        let d = &mut self.d;
        let graph = view.graph();
        let doc = graph.document();
        let title = format!("Who is allied with whom, as of {}", view.date());
        let sub = doc
            .title
            .clone()
            .or_else(|| doc.name.clone())
            .unwrap_or_else(|| "alliance-graph".into());
        let top = d.bounds.y0;
        let left = d.bounds.x0;
        d.labels.push(Label {
            text: title,
            x: left,
            y: top - 38.0,
            size: 22.0,
            bold: true,
            anchor: "start",
            fill: "#1b2631",
            halo: false,
        });
        d.labels.push(Label {
            text: sub,
            x: left,
            y: top - 14.0,
            size: 13.0,
            bold: false,
            anchor: "start",
            fill: "#4a5a6a",
            halo: false,
        });
        let bottom = d.bounds.y1;
        let foot = [
            "Ties in force on the date; a pair tied by several treaties is drawn at its strongest obligation. Groupings tie their full members while active.",
            "Stated positions: each actor's latest on each grouping by the date, from the sources cited. Hover a line or shape for its evidence.",
        ];
        for (k, text) in foot.iter().enumerate() {
            d.labels.push(Label {
                text: (*text).to_string(),
                x: left,
                y: bottom + 30.0 + 16.0 * k as f64,
                size: 11.0,
                bold: false,
                anchor: "start",
                fill: "#5d6d7e",
                halo: false,
            });
        }
        for l in &d.labels {
            let r = l.rect();
            d.bounds = d.bounds.union(&r);
        }
    }
}

/// The document: the drawing's sections, its legend and labels, in one SVG element.
fn write_svg(
    f: &mut fmt::Formatter<'_>,
    view: &View<'_>,
    c: &Canvas<'_>,
    legend: &str,
) -> fmt::Result {
    let (d, used_colors) = (&c.d, &c.used_colors);
    let b = d.bounds.grow(24.0);
    let (w, h) = (b.x1 - b.x0, b.y1 - b.y0);
    writeln!(
        f,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="{} {} {} {}" font-family="{}">"#,
        w.ceil(),
        h.ceil(),
        fmt_num(b.x0),
        fmt_num(b.y0),
        w.ceil(),
        h.ceil(),
        xml_escape(FONT)
    )?;
    writeln!(
        f,
        "<title>{}</title>",
        xml_escape(&format!("Who is allied with whom, as of {}", view.date()))
    )?;
    writeln!(f, "<defs>")?;
    for color in used_colors.iter() {
        writeln!(
            f,
            r#"<marker id="{}" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="3.2" markerHeight="3.2" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="{color}"/></marker>"#,
            marker_id(color)
        )?;
    }
    writeln!(f, "</defs>")?;
    writeln!(
        f,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff"/>"##,
        fmt_num(b.x0),
        fmt_num(b.y0),
        w.ceil(),
        h.ceil()
    )?;
    f.write_str(&d.body)?;
    writeln!(f, r#"<g id="legend">"#)?;
    f.write_str(legend)?;
    writeln!(f, "</g>")?;
    writeln!(f, r#"<g id="labels">"#)?;
    for l in &d.labels {
        let weight = if l.bold { r#" font-weight="bold""# } else { "" };
        // The halo is its own text drawn first, not `paint-order`: renderers that ignore that
        // property (cairosvg, some editors) would paint the white stroke over the letters.
        if l.halo {
            writeln!(
                f,
                r##"<text class="halo" x="{}" y="{}" font-size="{}" text-anchor="{}" fill="none" stroke="#ffffff" stroke-width="4" stroke-linejoin="round"{weight} aria-hidden="true">{}</text>"##,
                fmt_num(l.x),
                fmt_num(l.y),
                fmt_num(l.size),
                l.anchor,
                xml_escape(&l.text)
            )?;
        }
        writeln!(
            f,
            r#"<text x="{}" y="{}" font-size="{}" text-anchor="{}" fill="{}"{weight}>{}</text>"#,
            fmt_num(l.x),
            fmt_num(l.y),
            fmt_num(l.size),
            l.anchor,
            l.fill,
            xml_escape(&l.text)
        )?;
    }
    writeln!(f, "</g>")?;
    writeln!(f, "</svg>")
}

impl fmt::Display for Svg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scene = &self.scene;
        let layout = Layout::new(scene);
        let order = layout.order();
        let mut pl = layout.place(&order);
        layout.refine(&mut pl);
        let labels = place_labels(scene, &pl);

        let d = Drawing {
            body: String::new(),
            labels: Vec::new(),
            bounds: Rect {
                x0: -layout.ellipse.rx,
                y0: -layout.ellipse.ry,
                x1: layout.ellipse.rx,
                y1: layout.ellipse.ry,
            },
        };
        let mut c = Canvas {
            scene,
            pl: &pl,
            d,
            used_colors: BTreeSet::new(),
            labels,
        };
        c.memberships();
        c.ties();
        c.stances();
        c.groupings();
        c.countries();
        let labels = std::mem::take(&mut c.labels);
        for l in &labels {
            c.d.include(l.rect());
        }
        c.d.labels = labels;

        let legend = c.legend();
        c.frame(&self.view);
        write_svg(f, &self.view, &c, &legend)
    }
}
