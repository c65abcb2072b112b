//! Text metrics: how wide a label is, and the boxes labels and shapes take.

/// The font size of country labels, in pixels.
pub(super) const LABEL_SIZE: f64 = 13.0;

/// The radius of a country's circle.
pub(super) const NODE_R: f64 = 8.0;

/// The distance between a country's circle and its label.
pub(super) const LABEL_GAP: f64 = 5.0;

/// The font families the picture asks for; the widths are estimated for the widest of them.
pub(crate) const FONT: &str = "Helvetica, Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";

/// The estimated advance width of `text` in pixels at `font_size`, bold or not.
///
/// The widths are those of DejaVu Sans (bold: DejaVu Sans Bold), rounded up; Helvetica and
/// Arial are narrower, so the estimate is an upper bound for them.
pub(crate) fn text_width(text: &str, font_size: f64, bold: bool) -> f64 {
    let em: f64 = text.chars().map(char_width).sum();
    em * font_size * if bold { 1.12 } else { 1.0 }
}

/// The width of a character in DejaVu Sans, in ems (rounded up).
pub(super) fn char_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '\'' | '|' => 0.28,
        '.' | ',' | ':' | ';' | '!' | ' ' => 0.33,
        'I' | 'J' => 0.30,
        'f' | 't' => 0.40,
        'r' => 0.42,
        '(' | ')' | '[' | ']' | '-' => 0.40,
        's' | 'z' | 'c' => 0.56,
        'v' | 'x' | 'y' | 'k' => 0.60,
        'a' | 'e' | 'o' => 0.62,
        'b' | 'd' | 'g' | 'h' | 'n' | 'p' | 'q' | 'u' => 0.64,
        'w' => 0.82,
        'm' => 0.98,
        '0'..='9' => 0.64,
        'L' => 0.56,
        'F' | 'P' => 0.61,
        'E' | 'T' | 'Y' | 'S' | 'Z' => 0.64,
        'B' | 'K' | 'A' | 'R' | 'V' | 'X' | 'C' => 0.71,
        'U' | 'N' | 'H' | 'D' | 'G' | 'O' | 'Q' => 0.79,
        'M' => 0.87,
        'W' => 1.0,
        '\u{2013}' => 0.5,
        '\u{2014}' => 1.0,
        '\u{00B7}' | '\u{2019}' | '\u{2018}' => 0.33,
        c if (c as u32) >= 0x1100 => 1.0,
        _ => 0.72,
    }
}

/// A rectangle: `x0 <= x1`, `y0 <= y1`, in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    /// Left.
    pub(crate) x0: f64,
    /// Top.
    pub(crate) y0: f64,
    /// Right.
    pub(crate) x1: f64,
    /// Bottom.
    pub(crate) y1: f64,
}

impl Rect {
    /// Whether the two rectangles share interior points.
    pub(crate) fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    pub(super) fn grow(&self, by: f64) -> Rect {
        Rect {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }

    pub(super) fn union(&self, other: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }
}

/// The box the layout reserves for a one-line `<text>` element: `x`, `y` are its position
/// (`y` the baseline), `anchor` its `text-anchor` (`start`, `middle` or `end`). It spans the
/// [`text_width`] horizontally and from 0.8 em above the baseline to 0.25 em below.
pub(crate) fn text_box(
    text: &str,
    x: f64,
    y: f64,
    font_size: f64,
    bold: bool,
    anchor: &str,
) -> Rect {
    let w = text_width(text, font_size, bold);
    let x0 = match anchor {
        "middle" => x - w / 2.0,
        "end" => x - w,
        _ => x,
    };
    Rect {
        x0,
        y0: y - 0.8 * font_size,
        x1: x0 + w,
        y1: y + 0.25 * font_size,
    }
}

/// A piece of text in the picture.
#[derive(Debug, Clone)]
pub(super) struct Label {
    pub(super) text: String,
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) size: f64,
    pub(super) bold: bool,
    pub(super) anchor: &'static str,
    pub(super) fill: &'static str,
    pub(super) halo: bool,
}

impl Label {
    pub(super) fn rect(&self) -> Rect {
        text_box(
            &self.text,
            self.x,
            self.y,
            self.size,
            self.bold,
            self.anchor,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_boxes_of_a_label() {
        let w = text_width("Japan", 13.0, false);
        assert!(w > 30.0 && w < 45.0, "{w}");
        assert!(text_width("Japan", 13.0, true) > w);
        let b = text_box("Japan", 100.0, 50.0, 13.0, false, "middle");
        assert!(b.x0 < 100.0 && b.x1 > 100.0 && b.y1 > 50.0 && b.y0 < 40.0);
        assert!((b.x1 - b.x0 - w).abs() < 1e-9);
    }
}
