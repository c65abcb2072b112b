//! The layout: where each state and grouping goes (an ellipse, an order that keeps ties short and few crossing, a refinement), and where labels fit.

use super::*;

/// Node positions.
#[derive(Debug, Clone)]
pub(super) struct Placement {
    pub(super) country: Vec<P>,
    pub(super) grouping: Vec<P>,
}

impl Placement {
    pub(super) fn at(&self, e: End) -> P {
        match e {
            End::Country(i) => self.country[i],
            End::Grouping(i) => self.grouping[i],
        }
    }
}

/// The ellipse the countries sit on, sampled by arc length.
#[derive(Debug, Clone)]
pub(super) struct Ellipse {
    pub(super) rx: f64,
    pub(super) ry: f64,
    /// Points around the ellipse from the top, clockwise, and the arc length up to each.
    pub(super) samples: Vec<(P, f64)>,
}

impl Ellipse {
    pub(super) fn new(perimeter: f64) -> Ellipse {
        // Perimeter of an ellipse with rx = 1.45 ry, approximately 2π·sqrt((rx²+ry²)/2).
        let ratio: f64 = 1.45;
        let ry = perimeter / (std::f64::consts::TAU * ((ratio * ratio + 1.0) / 2.0).sqrt());
        let rx = ratio * ry;
        const SAMPLES: usize = 3600;
        let point = |t: f64| P {
            x: rx * t.cos(),
            y: ry * t.sin(),
        };
        let start = -std::f64::consts::FRAC_PI_2;
        let mut samples = Vec::with_capacity(SAMPLES + 1);
        let mut prev = point(start);
        let mut length = 0.0;
        for k in 0..=SAMPLES {
            let p = point(start + std::f64::consts::TAU * k as f64 / SAMPLES as f64);
            length += prev.dist(p);
            samples.push((p, length));
            prev = p;
        }
        Ellipse { rx, ry, samples }
    }

    pub(super) fn perimeter(&self) -> f64 {
        self.samples.last().map_or(0.0, |s| s.1)
    }

    /// The point at a fraction (0 to 1) of the way around, by arc length.
    pub(super) fn at(&self, fraction: f64) -> P {
        let want = fraction.rem_euclid(1.0) * self.perimeter();
        let k = self.samples.partition_point(|s| s.1 < want);
        self.samples[k.min(self.samples.len() - 1)].0
    }
}

pub(super) fn segments_cross(a: P, b: P, c: P, d: P) -> bool {
    let orient = |p: P, q: P, r: P| (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

/// The distance from `p` to the segment `a`–`b`.
pub(super) fn point_segment_distance(p: P, a: P, b: P) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    if len2 < 1e-12 {
        return p.dist(a);
    }
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0);
    p.dist(P {
        x: a.x + t * dx,
        y: a.y + t * dy,
    })
}

/// Whether the segment `a`–`b` passes through the rectangle (Liang–Barsky clipping).
pub(super) fn segment_hits_rect(a: P, b: P, r: &Rect) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.x - r.x0),
        (dx, r.x1 - a.x),
        (-dy, a.y - r.y0),
        (dy, r.y1 - a.y),
    ] {
        if p.abs() < 1e-12 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// How an edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// A straight line (memberships).
    Straight,
    /// A curve bowing toward the centre (treaty ties), so that ties between neighbours on the
    /// ellipse stay apart.
    Bow,
    /// A curve bending to the left of its direction (stances), so that two stances in
    /// opposite directions stay apart.
    Bend,
}

/// The control point of an edge's quadratic curve from `a` to `b`.
pub(super) fn control(shape: Shape, a: P, b: P) -> P {
    let mid = P {
        x: (a.x + b.x) / 2.0,
        y: (a.y + b.y) / 2.0,
    };
    let len = a.dist(b).max(1.0);
    let (nx, ny) = ((b.y - a.y) / len, -(b.x - a.x) / len);
    match shape {
        Shape::Straight => mid,
        Shape::Bend => {
            let bend = (0.14 * len).min(60.0);
            P {
                x: mid.x + nx * bend,
                y: mid.y + ny * bend,
            }
        }
        Shape::Bow => {
            // Toward the centre (the origin), by a share of the length.
            let toward = if nx * -mid.x + ny * -mid.y >= 0.0 {
                1.0
            } else {
                -1.0
            };
            let bow = (0.12 * len).min(50.0) * toward;
            P {
                x: mid.x + nx * bow,
                y: mid.y + ny * bow,
            }
        }
    }
}

/// An edge as a polyline for crossing counts: the ends and, for curves, the curve's middle.
pub(super) fn polyline(shape: Shape, a: P, b: P) -> Vec<P> {
    if shape == Shape::Straight {
        return vec![a, b];
    }
    let c = control(shape, a, b);
    let m = P {
        x: 0.25 * a.x + 0.5 * c.x + 0.25 * b.x,
        y: 0.25 * a.y + 0.5 * c.y + 0.25 * b.y,
    };
    vec![a, m, b]
}

pub(super) struct Layout<'s> {
    pub(super) scene: &'s Scene,
    pub(super) ellipse: Ellipse,
    /// The share of the ellipse each country takes: less for a state tied only to one
    /// grouping (NATO's many members), so that the states with many ties get room.
    pub(super) weight: Vec<f64>,
    /// Every edge as a pair of ends, for crossing counts and grouping placement.
    pub(super) edges: Vec<(End, End)>,
    /// How each edge is drawn.
    pub(super) shapes: Vec<Shape>,
}

impl<'s> Layout<'s> {
    pub(super) fn new(scene: &'s Scene) -> Self {
        let mut edges: Vec<(End, End)> = Vec::new();
        edges.extend(
            scene
                .ties
                .iter()
                .map(|t| (End::Country(t.a), End::Country(t.b))),
        );
        edges.extend(
            scene
                .members
                .iter()
                .map(|m| (End::Country(m.country), End::Grouping(m.grouping))),
        );
        edges.extend(scene.stances.iter().map(|s| (s.from, s.to)));
        let mut shapes = vec![Shape::Bow; scene.ties.len()];
        shapes.extend(std::iter::repeat_n(Shape::Straight, scene.members.len()));
        shapes.extend(std::iter::repeat_n(Shape::Bend, scene.stances.len()));
        let mut degree = vec![(0usize, 0usize); scene.countries.len()];
        for &(a, b) in &edges {
            for (e, other) in [(a, b), (b, a)] {
                if let End::Country(c) = e {
                    match other {
                        End::Grouping(_) => degree[c].0 += 1,
                        End::Country(_) => degree[c].1 += 1,
                    }
                }
            }
        }
        let weight: Vec<f64> = degree
            .iter()
            .map(|&(groupings, countries)| match (groupings, countries) {
                (0, 0) => 0.8,
                (1, 0) => 0.7,
                _ => 1.3,
            })
            .collect();
        let total: f64 = weight.iter().sum();
        // About 95 px of perimeter per unit of weight, and never smaller than a slide's middle.
        let ellipse = Ellipse::new((total * 95.0).max(1500.0));
        Layout {
            scene,
            ellipse,
            weight,
            edges,
            shapes,
        }
    }

    /// Positions for countries in `order` (order[k] = the country in the k-th place).
    pub(super) fn place(&self, order: &[usize]) -> Placement {
        let mut country = vec![P { x: 0.0, y: 0.0 }; order.len()];
        let total: f64 = self.weight.iter().sum::<f64>().max(1e-9);
        let mut before = 0.0;
        for &c in order {
            let w = self.weight[c];
            country[c] = self.ellipse.at((before + w / 2.0) / total);
            before += w;
        }
        let mut sums = vec![(0.0, 0.0, 0usize); self.scene.groupings.len()];
        for &(a, b) in &self.edges {
            if let (End::Country(c), End::Grouping(g)) | (End::Grouping(g), End::Country(c)) =
                (a, b)
            {
                sums[g].0 += country[c].x;
                sums[g].1 += country[c].y;
                sums[g].2 += 1;
            }
        }
        let pull = 0.55;
        let mut grouping: Vec<P> = sums
            .iter()
            .map(|&(x, y, n)| {
                if n == 0 {
                    P { x: 0.0, y: 0.0 }
                } else {
                    P {
                        x: pull * x / n as f64,
                        y: pull * y / n as f64,
                    }
                }
            })
            .collect();
        self.separate(&mut grouping);
        Placement { country, grouping }
    }

    pub(super) fn grouping_rect(&self, pl: &Placement, g: usize) -> Rect {
        let (n, p) = (&self.scene.groupings[g], pl.grouping[g]);
        Rect {
            x0: p.x - n.w / 2.0,
            y0: p.y - n.h / 2.0,
            x1: p.x + n.w / 2.0,
            y1: p.y + n.h / 2.0,
        }
    }

    /// Pushes grouping boxes apart until none overlap (with a margin), keeping them inside
    /// the inner part of the ellipse.
    pub(super) fn separate(&self, pos: &mut [P]) {
        let gs = &self.scene.groupings;
        let margin = 18.0;
        for _ in 0..200 {
            let mut moved = false;
            for i in 0..pos.len() {
                for j in i + 1..pos.len() {
                    let need_x = (gs[i].w + gs[j].w) / 2.0 + margin;
                    let need_y = (gs[i].h + gs[j].h) / 2.0 + margin;
                    let dx = pos[j].x - pos[i].x;
                    let dy = pos[j].y - pos[i].y;
                    let (ox, oy) = (need_x - dx.abs(), need_y - dy.abs());
                    if ox > 0.0 && oy > 0.0 {
                        moved = true;
                        // Separate along the axis that needs the smaller move.
                        if ox * 0.6 < oy {
                            let s = if dx > 0.0 || (dx == 0.0 && i < j) {
                                1.0
                            } else {
                                -1.0
                            };
                            pos[i].x -= s * ox / 2.0;
                            pos[j].x += s * ox / 2.0;
                        } else {
                            let s = if dy > 0.0 || (dy == 0.0 && i < j) {
                                1.0
                            } else {
                                -1.0
                            };
                            pos[i].y -= s * oy / 2.0;
                            pos[j].y += s * oy / 2.0;
                        }
                    }
                }
            }
            for (p, g) in pos.iter_mut().zip(gs) {
                let lim_x = (self.ellipse.rx * 0.72 - g.w / 2.0).max(0.0);
                let lim_y = (self.ellipse.ry * 0.72 - g.h / 2.0).max(0.0);
                p.x = p.x.clamp(-lim_x, lim_x);
                p.y = p.y.clamp(-lim_y, lim_y);
            }
            if !moved {
                break;
            }
        }
    }

    pub(super) fn cost(&self, order: &[usize]) -> f64 {
        self.cost_of(&self.place(order))
    }

    /// Moves each grouping box to the nearby spot where its lines cross and graze least,
    /// keeping boxes apart and inside the ellipse.
    pub(super) fn refine(&self, pl: &mut Placement) {
        let gs = &self.scene.groupings;
        let mut best = self.cost_of(pl);
        for _ in 0..3 {
            let mut improved = false;
            for g in 0..gs.len() {
                let home = pl.grouping[g];
                let mut best_here = home;
                for dx in -4..=4 {
                    for dy in -4..=4 {
                        let p = P {
                            x: home.x + f64::from(dx) * 25.0,
                            y: home.y + f64::from(dy) * 20.0,
                        };
                        let lim_x = (self.ellipse.rx * 0.72 - gs[g].w / 2.0).max(0.0);
                        let lim_y = (self.ellipse.ry * 0.72 - gs[g].h / 2.0).max(0.0);
                        if p.x.abs() > lim_x || p.y.abs() > lim_y {
                            continue;
                        }
                        pl.grouping[g] = p;
                        let r = self.grouping_rect(pl, g).grow(18.0);
                        if (0..gs.len()).any(|o| o != g && self.grouping_rect(pl, o).overlaps(&r)) {
                            continue;
                        }
                        let c = self.cost_of(pl);
                        if c + 1e-9 < best {
                            best = c;
                            best_here = p;
                            improved = true;
                        }
                    }
                }
                pl.grouping[g] = best_here;
            }
            if !improved {
                break;
            }
        }
    }

    pub(super) fn cost_of(&self, pl: &Placement) -> f64 {
        let lines: Vec<(End, End, Vec<P>)> = self
            .edges
            .iter()
            .zip(&self.shapes)
            .map(|(&(a, b), &shape)| (a, b, polyline(shape, pl.at(a), pl.at(b))))
            .collect();
        let rects: Vec<Rect> = (0..self.scene.groupings.len())
            .map(|g| self.grouping_rect(pl, g).grow(4.0))
            .collect();
        let mut crossings = 0usize;
        let mut near = 0usize;
        let mut length = 0.0;
        for (i, s) in lines.iter().enumerate() {
            let segs: Vec<(P, P)> = s.2.windows(2).map(|w| (w[0], w[1])).collect();
            length += segs.iter().map(|(a, b)| a.dist(*b)).sum::<f64>();
            for t in &lines[i + 1..] {
                if s.0 == t.0 || s.0 == t.1 || s.1 == t.0 || s.1 == t.1 {
                    continue;
                }
                let crossed = segs
                    .iter()
                    .any(|(a, b)| t.2.windows(2).any(|w| segments_cross(*a, *b, w[0], w[1])));
                if crossed {
                    crossings += 1;
                }
            }
            // A line that grazes a state it does not join, or runs through a grouping's box,
            // reads as a tie it is not.
            for (c, p) in pl.country.iter().enumerate() {
                if s.0 != End::Country(c)
                    && s.1 != End::Country(c)
                    && segs
                        .iter()
                        .any(|(a, b)| point_segment_distance(*p, *a, *b) < NODE_R + 18.0)
                {
                    near += 1;
                }
            }
            for (g, r) in rects.iter().enumerate() {
                if s.0 != End::Grouping(g)
                    && s.1 != End::Grouping(g)
                    && segs.iter().any(|(a, b)| segment_hits_rect(*a, *b, r))
                {
                    near += 1;
                }
            }
        }
        (crossings + 2 * near) as f64 * 1000.0 + length
    }

    /// The order of countries on the ellipse: dataset order improved by swaps and moves.
    pub(super) fn order(&self) -> Vec<usize> {
        let n = self.scene.countries.len();
        let mut order: Vec<usize> = (0..n).collect();
        if n > 60 || self.edges.len() > 400 {
            return order;
        }
        let mut best = self.cost(&order);
        for _ in 0..30 {
            let mut improved = false;
            for i in 0..n {
                for j in i + 1..n {
                    order.swap(i, j);
                    let c = self.cost(&order);
                    if c + 1e-9 < best {
                        best = c;
                        improved = true;
                    } else {
                        order.swap(i, j);
                    }
                }
            }
            for i in 0..n {
                for j in 0..n {
                    if i == j {
                        continue;
                    }
                    let item = order.remove(i);
                    order.insert(j, item);
                    let c = self.cost(&order);
                    if c + 1e-9 < best {
                        best = c;
                        improved = true;
                    } else {
                        let item = order.remove(j);
                        order.insert(i, item);
                    }
                }
            }
            if !improved {
                break;
            }
        }
        order
    }
}

/// Places country labels outside their circles, nudging each until its box overlaps no
/// placed label and no node.
pub(super) fn place_labels(scene: &Scene, pl: &Placement) -> Vec<Label> {
    let mut obstacles: Vec<Rect> = Vec::new();
    for p in &pl.country {
        obstacles.push(Rect {
            x0: p.x - NODE_R,
            y0: p.y - NODE_R,
            x1: p.x + NODE_R,
            y1: p.y + NODE_R,
        });
    }
    for (g, p) in scene.groupings.iter().zip(&pl.grouping) {
        obstacles.push(Rect {
            x0: p.x - g.w / 2.0,
            y0: p.y - g.h / 2.0,
            x1: p.x + g.w / 2.0,
            y1: p.y + g.h / 2.0,
        });
    }
    let mut placed: Vec<Rect> = Vec::new();
    let mut labels = Vec::new();
    for (c, p) in scene.countries.iter().zip(&pl.country) {
        let len = (p.x * p.x + p.y * p.y).sqrt().max(1e-9);
        let (ux, uy) = (p.x / len, p.y / len);
        let anchor = if ux > 0.3 {
            "start"
        } else if ux < -0.3 {
            "end"
        } else {
            "middle"
        };
        let candidate = |push: f64, shift: f64| -> Label {
            let d = NODE_R + LABEL_GAP + push;
            let (mut x, mut y) = (p.x + ux * d, p.y + uy * d);
            match anchor {
                "middle" if uy < 0.0 => y -= 0.25 * LABEL_SIZE,
                "middle" => y += 0.8 * LABEL_SIZE,
                _ => {
                    y += 0.3 * LABEL_SIZE;
                    // Leave room for the circle beside the text.
                    x += ux.signum() * 1.0;
                }
            }
            Label {
                text: c.name.clone(),
                x,
                y: y + shift,
                size: LABEL_SIZE,
                bold: false,
                anchor,
                fill: "#1b2631",
                halo: true,
            }
        };
        let h = LABEL_SIZE * 1.1;
        let mut chosen = None;
        'search: for step in 0..200 {
            let push = f64::from(step / 5) * 5.0;
            let shift = match step % 5 {
                0 => 0.0,
                1 => -h * 0.5,
                2 => h * 0.5,
                3 => -h,
                _ => h,
            };
            let l = candidate(push, shift);
            let r = l.rect().grow(1.5);
            if placed.iter().any(|o| o.overlaps(&r)) || obstacles.iter().any(|o| o.overlaps(&r)) {
                continue 'search;
            }
            chosen = Some(l);
            break;
        }
        // Beyond every candidate, move straight out until free (always terminates: the
        // placed boxes are finite).
        let l = chosen.unwrap_or_else(|| {
            let mut push = 1000.0;
            loop {
                let l = candidate(push, 0.0);
                let r = l.rect().grow(1.5);
                if !placed.iter().any(|o| o.overlaps(&r))
                    && !obstacles.iter().any(|o| o.overlaps(&r))
                {
                    break l;
                }
                push += 20.0;
            }
        });
        placed.push(l.rect());
        labels.push(l);
    }
    labels
}
