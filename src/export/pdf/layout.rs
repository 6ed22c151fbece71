//! Page layout: a display list of pages (text, lines, rectangles,
//! polylines), the cursor that flows text and tables down a page and onto
//! the next, and the krilla renderer.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use crate::export::{ExportError, PdfProblem};
use crate::t;

/// DejaVu Sans (Bitstream Vera licence: free to embed and redistribute with
/// its notice, `assets/fonts/LICENSE-DejaVu.txt`); it covers Latin and
/// Cyrillic.
static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points.
pub const A4: (f32, f32) = (595.28, 841.89);
/// Page margin in points.
pub const MARGIN: f32 = 48.0;

/// An RGB colour.
pub type Rgb = (u8, u8, u8);
/// Text and rules.
pub const BLACK: Rgb = (20, 20, 20);
/// Secondary text and grid lines.
pub const GREY: Rgb = (120, 120, 120);
/// Light grid.
pub const LIGHT: Rgb = (215, 215, 215);

/// One drawing operation, in points from the page's top left.
#[derive(Debug, Clone)]
pub enum Op {
    /// Text with its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    /// A filled rectangle.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A polyline (a line when two points), optionally dashed.
    Line {
        points: Vec<(f32, f32)>,
        width: f32,
        color: Rgb,
        dashed: bool,
    },
}

/// A page: its size and what is drawn on it.
#[derive(Debug, Clone)]
pub struct Page {
    /// Width and height in points.
    pub size: (f32, f32),
    /// The drawing.
    pub ops: Vec<Op>,
}

/// Text alignment in a table cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Flush right (numbers).
    Right,
}

/// The document being laid out.
pub struct Doc {
    /// Pages so far; the last is the one being filled.
    pub pages: Vec<Page>,
    /// The cursor: the top of the next line, in points from the page top.
    pub y: f32,
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Doc {
    /// An empty document.
    pub fn new() -> Result<Doc, ExportError> {
        let face = |data: &'static [u8]| {
            ttf_parser::Face::parse(data, 0)
                .map_err(|e| ExportError::Pdf(PdfProblem::Font(e.to_string())))
        };
        Ok(Doc {
            pages: Vec::new(),
            y: MARGIN,
            regular: face(REGULAR)?,
            bold: face(BOLD)?,
        })
    }

    /// Starts a page (portrait or landscape A4).
    pub fn new_page(&mut self, landscape: bool) {
        let size = if landscape { (A4.1, A4.0) } else { A4 };
        self.pages.push(Page {
            size,
            ops: Vec::new(),
        });
        self.y = MARGIN;
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.new_page(false);
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// The current page's size.
    pub fn size(&mut self) -> (f32, f32) {
        self.page().size
    }

    /// Width of the text area.
    pub fn text_width(&mut self) -> f32 {
        self.size().0 - 2.0 * MARGIN
    }

    /// Moves to a new page of the same orientation unless `h` points fit.
    pub fn ensure(&mut self, h: f32) {
        let (w, page_h) = self.size();
        if self.y + h > page_h - MARGIN {
            self.new_page(w > page_h);
        }
    }

    /// Adds an operation to the current page.
    pub fn push(&mut self, op: Op) {
        self.page().ops.push(op);
    }

    /// Width of `text` at `size` points.
    pub fn measure(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold { &self.bold } else { &self.regular };
        let upem = f32::from(face.units_per_em());
        let units: f32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(upem / 2.0, f32::from)
            })
            .sum();
        units / upem * size
    }

    /// Text at a point (baseline).
    pub fn text_at(&mut self, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        self.text_colored(x, y, size, bold, BLACK, text);
    }

    /// Coloured text at a point (baseline).
    pub fn text_colored(&mut self, x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: &str) {
        self.push(Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text: text.to_string(),
        });
    }

    /// Text ending at `right` (baseline `y`).
    pub fn text_right(&mut self, right: f32, y: f32, size: f32, bold: bool, text: &str) {
        let w = self.measure(text, size, bold);
        self.text_at(right - w, y, size, bold, text);
    }

    /// Lines of `text` that fit `width` at `size`, broken at spaces.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            // No-break spaces (in `-20 389 344` and `9,14 %`) hold their
            // words together.
            let breaks = |c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
            for word in para
                .split(breaks)
                .filter(|w| !w.is_empty())
                .flat_map(|w| self.split_long(w, size, bold, width))
            {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if !line.is_empty() && self.measure(&candidate, size, bold) > width {
                    lines.push(std::mem::replace(&mut line, word.to_string()));
                } else {
                    line = candidate;
                }
            }
            lines.push(line);
        }
        lines
    }

    /// A word wider than `width` (a web address) in pieces that fit, else
    /// the word itself.
    fn split_long(&self, word: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        if self.measure(word, size, bold) <= width {
            return vec![word.to_string()];
        }
        let mut pieces = Vec::new();
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if piece.chars().count() > 1 && self.measure(&piece, size, bold) > width {
                piece.pop();
                pieces.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        pieces.push(piece);
        pieces
    }

    /// A heading, starting a new page when less than a few lines are left.
    pub fn heading(&mut self, text: &str, size: f32) {
        self.ensure(size * 4.0);
        self.y += size * 1.2;
        self.text_at(MARGIN, self.y, size, true, text);
        self.y += size * 0.7;
    }

    /// A paragraph, wrapped to the text width, flowing onto the next page.
    pub fn para(&mut self, text: &str, size: f32) {
        let width = self.text_width();
        for line in self.wrap(&single_full_stops(text), size, false, width) {
            self.ensure(size * 1.45);
            self.y += size * 1.45;
            self.text_at(MARGIN, self.y, size, false, &line);
        }
        self.y += size * 0.6;
    }

    /// A table: a header row, then rows; `widths` in points, `align` per
    /// column. Rows flow onto the next page with the header repeated.
    pub fn table(
        &mut self,
        header: &[&str],
        rows: &[Vec<String>],
        widths: &[f32],
        align: &[Align],
        size: f32,
    ) {
        let line_h = size * 1.55;
        let header_row: Vec<String> = header.iter().map(|h| h.to_string()).collect();
        self.ensure(line_h * 3.0);
        self.table_row(&header_row, widths, align, size, true);
        for row in rows {
            if self.y + line_h > self.size().1 - MARGIN {
                let landscape = self.size().0 > self.size().1;
                self.new_page(landscape);
                self.table_row(&header_row, widths, align, size, true);
            }
            self.table_row(row, widths, align, size, false);
        }
        self.y += size;
    }

    /// A table whose cells wrap (flush left): each row as tall as its
    /// longest cell, never split across pages; the header repeats on each
    /// page. For text that must be read whole (the notes register).
    pub fn table_wrapped(
        &mut self,
        header: &[&str],
        rows: &[Vec<String>],
        widths: &[f32],
        size: f32,
    ) {
        let line_h = size * 1.4;
        let header_row: Vec<String> = header.iter().map(|h| h.to_string()).collect();
        let align = vec![Align::Left; widths.len()];
        self.ensure(line_h * 4.0);
        self.table_row(&header_row, widths, &align, size, true);
        for row in rows {
            let cells: Vec<Vec<String>> = row
                .iter()
                .enumerate()
                .map(|(k, cell)| {
                    let w = widths.get(k).copied().unwrap_or(60.0) - 6.0;
                    self.wrap(cell, size, false, w)
                })
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let h = lines as f32 * line_h + size * 0.8;
            if self.y + h > self.size().1 - MARGIN {
                let landscape = self.size().0 > self.size().1;
                self.new_page(landscape);
                self.table_row(&header_row, widths, &align, size, true);
            }
            let top = self.y;
            let mut x = MARGIN;
            for (k, cell) in cells.iter().enumerate() {
                for (i, line) in cell.iter().enumerate() {
                    let y = top + size * 0.3 + line_h * (i + 1) as f32;
                    self.text_at(x, y, size, false, line);
                }
                x += widths.get(k).copied().unwrap_or(60.0);
            }
            self.y = top + h;
            let total: f32 = widths.iter().sum();
            self.push(Op::Line {
                points: vec![
                    (MARGIN, self.y - size * 0.1),
                    (MARGIN + total, self.y - size * 0.1),
                ],
                width: 0.3,
                color: LIGHT,
                dashed: false,
            });
        }
        self.y += size;
    }

    /// `text` shortened with "…" until it fits `width` (at least one
    /// character is kept).
    fn clip(&self, text: &str, size: f32, bold: bool, width: f32) -> String {
        if self.measure(text, size, bold) <= width {
            return text.to_string();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while chars.len() > 1 {
            chars.pop();
            let candidate: String = chars.iter().collect::<String>() + "…";
            if self.measure(&candidate, size, bold) <= width {
                return candidate;
            }
        }
        chars.iter().collect::<String>() + "…"
    }

    fn table_row(
        &mut self,
        row: &[String],
        widths: &[f32],
        align: &[Align],
        size: f32,
        header: bool,
    ) {
        let line_h = size * 1.55;
        self.y += line_h;
        let mut x = MARGIN;
        for (k, cell) in row.iter().enumerate() {
            let w = widths.get(k).copied().unwrap_or(60.0);
            let a = align.get(k).copied().unwrap_or(Align::Left);
            let text = self.clip(cell, size, header, w - 4.0);
            match a {
                Align::Left => self.text_at(x, self.y, size, header, &text),
                Align::Right => self.text_right(x + w - 4.0, self.y, size, header, &text),
            }
            x += w;
        }
        let total: f32 = widths.iter().sum();
        let color = if header { GREY } else { LIGHT };
        self.push(Op::Line {
            points: vec![
                (MARGIN, self.y + size * 0.45),
                (MARGIN + total, self.y + size * 0.45),
            ],
            width: if header { 0.8 } else { 0.3 },
            color,
            dashed: false,
        });
    }

    /// Draws every page with krilla; a footer with `footer` and the page
    /// number on each page but the first.
    pub fn render(mut self, footer: &str) -> Result<Vec<u8>, ExportError> {
        let total = self.pages.len();
        for (k, page) in self.pages.iter_mut().enumerate().skip(1) {
            let h = page.size.1;
            page.ops.push(Op::Text {
                x: MARGIN,
                y: h - MARGIN / 2.0,
                size: 7.5,
                bold: false,
                color: GREY,
                text: t!(
                    "export-pdf-footer",
                    footer = footer,
                    page = (k + 1).to_string(),
                    pages = total.to_string()
                ),
            });
        }
        let no_font = || ExportError::Pdf(PdfProblem::Font(String::new()));
        let regular = Font::new(REGULAR.into(), 0).ok_or_else(no_font)?;
        let bold = Font::new(BOLD.into(), 0).ok_or_else(no_font)?;
        let mut document = Document::new();
        for page in &self.pages {
            let settings = PageSettings::from_wh(page.size.0, page.size.1)
                .ok_or(ExportError::Pdf(PdfProblem::PageSize))?;
            let mut p = document.start_page_with(settings);
            let mut surface = p.surface();
            for op in &page.ops {
                draw(&mut surface, op, &regular, &bold);
            }
            surface.finish();
            p.finish();
        }
        document
            .finish()
            .map_err(|e| ExportError::Pdf(PdfProblem::Writer(format!("{e:?}"))))
    }
}

/// One full stop where a sentence ends on an abbreviation that has its
/// own (`млн долл.` then `.`): exactly two dots before a space or the end
/// become one (an ellipsis and `2026..2045` stay).
fn single_full_stops(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (k, c) in chars.iter().enumerate() {
        let doubled = *c == '.'
            && chars.get(k + 1) == Some(&'.')
            && (k == 0 || chars[k - 1] != '.')
            && chars.get(k + 2).is_none_or(|n| n.is_whitespace());
        if !doubled {
            out.push(*c);
        }
    }
    out
}

fn color(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn draw(surface: &mut Surface, op: &Op, regular: &Font, bold: &Font) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold: b,
            color: c,
            text,
        } => {
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: color(*c),
                ..Fill::default()
            }));
            let font = if *b { bold } else { regular };
            surface.draw_text(
                Point::from_xy(*x, *y),
                font.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Op::Rect {
            x,
            y,
            w,
            h,
            color: c,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x, *y);
            pb.line_to(x + w, *y);
            pb.line_to(x + w, y + h);
            pb.line_to(*x, y + h);
            pb.close();
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: color(*c),
                    ..Fill::default()
                }));
                surface.draw_path(&path);
            }
        }
        Op::Line {
            points,
            width,
            color: c,
            dashed,
        } => {
            let mut pb = PathBuilder::new();
            for (k, (x, y)) in points.iter().enumerate() {
                if k == 0 {
                    pb.move_to(*x, *y);
                } else {
                    pb.line_to(*x, *y);
                }
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: color(*c),
                    width: *width,
                    opacity: NormalizedF32::ONE,
                    dash: dashed.then(|| StrokeDash {
                        array: vec![4.0, 3.0],
                        offset: 0.0,
                    }),
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_full_stop_after_an_abbreviation() {
        use super::single_full_stops as f;
        assert_eq!(f("Суммы в млн долл.."), "Суммы в млн долл.");
        assert_eq!(f("субсидия 7 долл.. Далее"), "субсидия 7 долл. Далее");
        assert_eq!(f("wait... then"), "wait... then");
        assert_eq!(f("2026..2045 years"), "2026..2045 years");
    }
}
