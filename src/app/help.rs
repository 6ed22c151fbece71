//! Help: the Help menu's window (a guided tour, "How Assay computes"
//! rendered from `docs/CONVENTIONS.md`, a glossary of the terms on screen,
//! About) and the welcome strip shown on first start.
//!
//! The markdown of CONVENTIONS.md is parsed here without egui
//! ([`parse_markdown`] into [`Block`]s, [`spans`] for bold and code inside a
//! line), so tests can check what the window will show; [`window`] draws it.
//! Only the subset the file uses is understood: `#` headings, paragraphs,
//! `- ` bullets with continuation lines, pipe tables, `**bold**` and
//! `` `code` ``; anything else shows as plain text.

use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

use super::AppState;

/// The conventions page, as shipped with the program.
pub const CONVENTIONS: &str = include_str!("../../docs/CONVENTIONS.md");

/// The Help window's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpPage {
    /// The guided tour, step by step.
    GettingStarted,
    /// The conventions and definitions (CONVENTIONS.md).
    HowItComputes,
    /// The terms on screen.
    Glossary,
    /// Version and licence.
    About,
}

impl HelpPage {
    /// Every page, in menu order.
    pub const ALL: [HelpPage; 4] = [
        HelpPage::GettingStarted,
        HelpPage::HowItComputes,
        HelpPage::Glossary,
        HelpPage::About,
    ];

    /// Menu and tab title.
    pub fn title(self) -> &'static str {
        match self {
            HelpPage::GettingStarted => "Getting started",
            HelpPage::HowItComputes => "How Assay computes",
            HelpPage::Glossary => "Glossary",
            HelpPage::About => "About Assay",
        }
    }
}

/// The Help window and the welcome strip.
#[derive(Debug, Clone)]
pub struct HelpState {
    /// The page open in the Help window (closed when `None`).
    pub page: Option<HelpPage>,
    /// The tour's step shown (0-based).
    pub step: usize,
    /// Whether the welcome strip is shown (first start, until dismissed).
    pub welcome: bool,
    /// "Don't show again" was chosen: persisted by the window.
    pub welcome_never: bool,
    /// Markdown blocks of CONVENTIONS.md, parsed once.
    conventions: Vec<Block>,
}

impl Default for HelpState {
    fn default() -> Self {
        HelpState {
            page: None,
            step: 0,
            welcome: true,
            welcome_never: false,
            conventions: parse_markdown(CONVENTIONS)
                .iter()
                .map(display_block)
                .collect(),
        }
    }
}

/// One step of the guided tour: a title and what to look at.
pub const TOUR: [(&str, &str); 7] = [
    (
        "1. The outline (left)",
        "The outline on the left lists the cases (the base case and each scenario) and the parts of the project: General, Facilities, Products & prices, Fiscal terms, Support instruments, Financing. Click a part to edit it; a red count says how many problems it has. The panel can be hidden from the View menu and resized by dragging its edge.",
    ),
    (
        "2. The editors (middle)",
        "Each part opens an editor. Type a figure and the results change at once; Ctrl+Z undoes. Amounts accept separators (1,000,000 or 1 000 000) and percentages (25%). A wrong entry stays red with the reason and is not used until it is fixed. Per-year grids take a row or column pasted from a spreadsheet.",
    ),
    (
        "3. The cards (right)",
        "The cards give the headline figures: NPV, IRR (every root), payback, unit cost against the import price, breakeven price and the support required to break even at the import price. Hover a card for its definition and the discounting convention.",
    ),
    (
        "4. The ledger and charts (bottom)",
        "Below: the yearly ledger (every line of the cash flow by year) and four charts: cash flow, the main product's price against the import and breakeven prices, NPV against the discount rate, and the unit-cost build-up. Hover a chart for values.",
    ),
    (
        "5. Scenarios",
        "A scenario changes some inputs of the base case (a grant, a lower price). Select it in the outline: the editors then edit the scenario only, and the results are the scenario's. \"New\" under the cases starts one from the current inputs.",
    ),
    (
        "6. Compare funding options",
        "\"Compare funding options\" puts the base case and every scenario side by side: what each does for the investor (NPV of the equity cash flow) and what it costs the budget (at the state's discount rate). Below, the least support of each kind that lets the investor break even, ranked by budget cost.",
    ),
    (
        "7. Risk",
        "\"Risk\" varies the uncertain inputs (prices, capex, output, delay): a tornado and spider chart show which matter most, and a Monte Carlo run gives the chance that the investor's NPV is positive. Runs go in the background and can be cancelled.",
    ),
];

/// The glossary: the terms on screen and what they mean here.
pub const GLOSSARY: [(&str, &str); 16] = [
    (
        "Base case",
        "The project's inputs as entered; scenarios change some of them.",
    ),
    (
        "Benchmark (import) price",
        "The price at which the product could be imported: the yardstick the unit cost and breakeven price are measured against.",
    ),
    (
        "Breakeven price",
        "The flat price of the main product over the whole life at which NPV is zero, all else as entered.",
    ),
    (
        "Budget efficiency",
        "How much the investor's NPV rises for each unit of PV budget cost.",
    ),
    (
        "Discount rate",
        "The return the money could earn elsewhere; future cash is divided by (1 + rate) for each year.",
    ),
    (
        "EBITDA",
        "Revenue plus operating support, less operating costs and royalties: earnings before interest, tax, depreciation and amortisation.",
    ),
    (
        "Investor's NPV",
        "The NPV of the equity cash flow (after debt service and concessional loans). Without debt it equals the project NPV.",
    ),
    (
        "IRR",
        "Internal rate of return: the discount rate at which NPV is zero. A cash flow that changes sign several times can have several; then NPV and MIRR are the reliable guides.",
    ),
    (
        "Ledger",
        "The yearly table of every cash-flow line: revenue, costs, tax, capex, support, debt.",
    ),
    (
        "MIRR",
        "Modified IRR: one rate even when the cash flow changes sign several times, with reinvestment and finance at the discount rate.",
    ),
    (
        "NPV",
        "Net present value: the sum of each year's cash flow divided by (1 + discount rate) for each year from the first. Above zero, the project earns more than the discount rate.",
    ),
    (
        "Payback",
        "Years until the cumulative cash flow turns positive for good.",
    ),
    (
        "PV budget cost",
        "What the state's support costs the budget, discounted at the state's rate.",
    ),
    (
        "Real money",
        "Amounts in constant money of the first year (inflation removed); the discount rate is then a real rate too.",
    ),
    (
        "Required support",
        "The smallest yearly operating subsidy that lets the project break even when the main product sells at the import price.",
    ),
    (
        "Unit cost (levelized)",
        "PV of all costs, less by-product revenue, divided by PV of the main product's output. Before support: grants and reliefs are not netted off.",
    ),
];

/// One block of markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading and its level (1 for `#`).
    Heading(u8, String),
    /// A paragraph, its lines joined with spaces.
    Paragraph(String),
    /// A bullet, its continuation lines joined.
    Bullet(String),
    /// A table: the header row, then the body rows (the `|---|` row dropped).
    Table(Vec<Vec<String>>),
}

/// Parses the markdown subset CONVENTIONS.md uses into blocks.
pub fn parse_markdown(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let flush = |current: &mut Option<Block>, blocks: &mut Vec<Block>| {
        if let Some(b) = current.take() {
            blocks.push(b);
        }
    };
    for raw in text.lines() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            flush(&mut current, &mut blocks);
        } else if let Some(h) = heading(trimmed) {
            flush(&mut current, &mut blocks);
            blocks.push(h);
        } else if trimmed.starts_with('|') {
            let cells: Vec<String> = trimmed
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            let rule = cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')));
            match &mut current {
                Some(Block::Table(rows)) => {
                    if !rule {
                        rows.push(cells);
                    }
                }
                _ => {
                    flush(&mut current, &mut blocks);
                    current = Some(Block::Table(vec![cells]));
                }
            }
        } else if let Some(rest) = trimmed.strip_prefix("- ") {
            flush(&mut current, &mut blocks);
            current = Some(Block::Bullet(rest.to_string()));
        } else {
            match &mut current {
                Some(Block::Bullet(t)) | Some(Block::Paragraph(t)) => {
                    t.push(' ');
                    t.push_str(trimmed);
                }
                _ => {
                    flush(&mut current, &mut blocks);
                    current = Some(Block::Paragraph(trimmed.to_string()));
                }
            }
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}

fn heading(line: &str) -> Option<Block> {
    let level = line.chars().take_while(|c| *c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = line.get(level..)?.strip_prefix(' ')?;
    Some(Block::Heading(level as u8, rest.trim().to_string()))
}

/// How a span of a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Plain text.
    Plain,
    /// `**bold**`.
    Strong,
    /// `` `code` ``.
    Code,
}

/// Splits a line into plain, bold and code spans (markers removed). An
/// unmatched marker is kept as text.
pub fn spans(text: &str) -> Vec<(Span, String)> {
    let mut out: Vec<(Span, String)> = Vec::new();
    let mut rest = text;
    let mut plain = String::new();
    while !rest.is_empty() {
        let (marker, kind) = if rest.starts_with("**") {
            ("**", Span::Strong)
        } else if rest.starts_with('`') {
            ("`", Span::Code)
        } else {
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                plain.push(c);
            }
            rest = chars.as_str();
            continue;
        };
        let after = &rest[marker.len()..];
        match after.find(marker) {
            Some(end) if end > 0 => {
                if !plain.is_empty() {
                    out.push((Span::Plain, std::mem::take(&mut plain)));
                }
                out.push((kind, after[..end].to_string()));
                rest = &after[end + marker.len()..];
            }
            _ => {
                plain.push_str(marker);
                rest = after;
            }
        }
    }
    if !plain.is_empty() {
        out.push((Span::Plain, plain));
    }
    out
}

/// The plain text of a line (markers removed), as the window shows it.
pub fn plain_text(text: &str) -> String {
    spans(text).into_iter().map(|(_, t)| t).collect()
}

/// Replaces the few characters of CONVENTIONS.md that egui's bundled fonts
/// cannot draw (superscripts, ∓, √) by their ASCII spelling, so the page
/// never shows a missing-glyph box.
pub fn displayable(text: &str) -> String {
    let mut out = text.replace("⁻¹", "^-1").replace("ᵀ", "^T");
    for (from, to) in [("⁻", "^-"), ("∓", "-/+"), ("√", "sqrt")] {
        out = out.replace(from, to);
    }
    out
}

fn rich_line(ui: &Ui, text: &str) -> LayoutJob {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let mono = egui::TextStyle::Monospace.resolve(ui.style());
    let color = ui.visuals().text_color();
    let strong = ui.visuals().strong_text_color();
    let mut job = LayoutJob::default();
    for (kind, t) in spans(text) {
        let format = match kind {
            Span::Plain => TextFormat::simple(body.clone(), color),
            Span::Strong => TextFormat::simple(body.clone(), strong),
            Span::Code => TextFormat {
                background: ui.visuals().code_bg_color,
                ..TextFormat::simple(mono.clone(), color)
            },
        };
        job.append(&t, 0.0, format);
    }
    job
}

fn display_block(block: &Block) -> Block {
    match block {
        Block::Heading(l, t) => Block::Heading(*l, displayable(t)),
        Block::Paragraph(t) => Block::Paragraph(displayable(t)),
        Block::Bullet(t) => Block::Bullet(displayable(t)),
        Block::Table(rows) => Block::Table(
            rows.iter()
                .map(|r| r.iter().map(|c| displayable(c)).collect())
                .collect(),
        ),
    }
}

fn markdown_ui(ui: &mut Ui, blocks: &[Block]) {
    for (k, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading(level, text) => {
                ui.add_space(if *level <= 1 { 4.0 } else { 8.0 });
                let t = RichText::new(plain_text(text)).strong();
                ui.label(if *level <= 1 {
                    t.heading()
                } else {
                    t.size(17.0)
                });
            }
            Block::Paragraph(text) => {
                ui.add(egui::Label::new(rich_line(ui, text)).wrap());
                ui.add_space(4.0);
            }
            Block::Bullet(text) => {
                ui.horizontal_top(|ui| {
                    ui.label("•");
                    ui.add(egui::Label::new(rich_line(ui, text)).wrap());
                });
                ui.add_space(2.0);
            }
            Block::Table(rows) => {
                let columns = rows.first().map_or(0, Vec::len).max(1);
                let width = ui.available_width();
                egui::Grid::new(("assay-help-table", k))
                    .striped(true)
                    .num_columns(columns)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        for (r, row) in rows.iter().enumerate() {
                            for (c, cell) in row.iter().enumerate() {
                                // The last column takes what is left and wraps.
                                let w = if c + 1 == columns {
                                    (width * 0.6).max(200.0)
                                } else {
                                    (width * 0.35 / (columns.max(2) - 1) as f32).max(90.0)
                                };
                                ui.scope(|ui| {
                                    ui.set_max_width(w);
                                    let job = rich_line(ui, cell);
                                    if r == 0 {
                                        ui.strong(plain_text(cell));
                                    } else {
                                        ui.add(egui::Label::new(job).wrap());
                                    }
                                });
                            }
                            ui.end_row();
                        }
                    });
                ui.add_space(6.0);
            }
        }
    }
}

/// The Help menu's entries (the menu bar calls it inside "Help").
pub fn menu(state: &mut AppState, ui: &mut Ui) {
    for page in HelpPage::ALL {
        let mut button = egui::Button::new(page.title());
        if page == HelpPage::GettingStarted {
            button = button.shortcut_text("F1");
        }
        if ui.add(button).clicked() {
            state.help.page = Some(page);
            ui.close();
        }
    }
    ui.separator();
    if ui
        .button("Show the welcome strip")
        .on_hover_text("The note shown on first start")
        .clicked()
    {
        state.help.welcome = true;
        state.help.welcome_never = false;
        ui.close();
    }
}

/// The Help window, when a page is open.
pub fn window(state: &mut AppState, ctx: &egui::Context) {
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F1)) {
        state.help.page = match state.help.page {
            Some(_) => None,
            None => Some(HelpPage::GettingStarted),
        };
    }
    let Some(page) = state.help.page else {
        return;
    };
    let mut open = true;
    let screen = ctx.content_rect();
    let size = egui::vec2(
        (screen.width() - 80.0).clamp(320.0, 760.0),
        (screen.height() - 120.0).clamp(240.0, 640.0),
    );
    let mut pick = page;
    egui::Window::new("Help")
        .id(egui::Id::unique("assay-help"))
        .open(&mut open)
        .default_size(size)
        .max_size(egui::vec2(screen.width() - 20.0, screen.height() - 40.0))
        .collapsible(false)
        .resizable(true)
        .scroll([false, false])
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                for p in HelpPage::ALL {
                    ui.selectable_value(&mut pick, p, p.title());
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt(("assay-help-scroll", page_key(page)))
                .auto_shrink([false, false])
                .show(ui, |ui| match page {
                    HelpPage::GettingStarted => tour(state, ui),
                    HelpPage::HowItComputes => markdown_ui(ui, &state.help.conventions),
                    HelpPage::Glossary => glossary(ui),
                    HelpPage::About => about(ui),
                });
        });
    state.help.page = if open { Some(pick) } else { None };
}

fn page_key(page: HelpPage) -> usize {
    HelpPage::ALL.iter().position(|p| *p == page).unwrap_or(0)
}

fn tour(state: &mut AppState, ui: &mut Ui) {
    let step = state.help.step.min(TOUR.len() - 1);
    let (title, body) = TOUR[step];
    ui.label(RichText::new(format!("Step {} of {}", step + 1, TOUR.len())).weak());
    ui.heading(title);
    ui.add_space(4.0);
    ui.add(egui::Label::new(body).wrap());
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(step > 0, egui::Button::new("Back"))
            .clicked()
        {
            state.help.step = step - 1;
        }
        if ui
            .add_enabled(step + 1 < TOUR.len(), egui::Button::new("Next"))
            .clicked()
        {
            state.help.step = step + 1;
        }
    });
    ui.add_space(10.0);
    ui.separator();
    ui.label(RichText::new("All steps").weak());
    for (k, (t, _)) in TOUR.iter().enumerate() {
        if ui.selectable_label(k == step, *t).clicked() {
            state.help.step = k;
        }
    }
}

fn glossary(ui: &mut Ui) {
    ui.label(
        RichText::new("The terms on screen, in the sense Assay uses them. Hover a card or a row for its exact definition.")
            .weak(),
    );
    ui.add_space(4.0);
    for (term, meaning) in GLOSSARY {
        ui.label(RichText::new(term).strong());
        ui.add(egui::Label::new(meaning).wrap());
        ui.add_space(4.0);
    }
}

/// The About page's lines: name, version and licence from Cargo.toml.
pub fn about_lines() -> Vec<String> {
    vec![
        format!("Assay {}", env!("CARGO_PKG_VERSION")),
        env!("CARGO_PKG_DESCRIPTION").to_string(),
        format!("Licence: {}", env!("CARGO_PKG_LICENSE")),
    ]
}

fn about(ui: &mut Ui) {
    let lines = about_lines();
    for (k, line) in lines.iter().enumerate() {
        let t = RichText::new(line);
        ui.add(egui::Label::new(if k == 0 { t.heading() } else { t }).wrap());
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Built with egui, egui_plot and rust_decimal.").weak());
}

/// The welcome strip (first start, until dismissed): what the sample is
/// and where to begin.
pub fn welcome(state: &mut AppState, ui: &mut Ui) {
    use super::command::{Command, PendingAction};
    let sample = state.doc.path().is_none() && state.doc.project().name == "Afrikanda";
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Welcome to Assay.").strong());
        if sample {
            ui.label(
                "This is the Afrikanda sample (Murmansk region): a mine, a concentrator and a chemical plant for titanium dioxide, rare earths and niobium/tantalum, with illustrative figures.",
            );
        } else {
            ui.label("Results update as you type; hover any card for its definition.");
        }
        ui.label("To begin:");
        if ui.button("Open a project…").clicked() {
            state.send(Command::Guarded(PendingAction::Open));
        }
        ui.menu_button("New from template", |ui| template_menu(state, ui));
        if ui.button("Getting started (F1)").clicked() {
            state.help.page = Some(HelpPage::GettingStarted);
        }
        ui.separator();
        if ui
            .button("Close")
            .on_hover_text("Hide until next start")
            .clicked()
        {
            state.help.welcome = false;
        }
        if ui
            .button("Don't show again")
            .on_hover_text("Help → Show the welcome strip brings it back")
            .clicked()
        {
            state.help.welcome = false;
            state.help.welcome_never = true;
        }
    });
}

/// The templates as menu entries (File → New from template, and the
/// welcome strip).
pub fn template_menu(state: &mut AppState, ui: &mut Ui) {
    use super::command::{Command, PendingAction};
    for t in super::state::Template::ALL {
        if ui.button(t.title()).on_hover_text(t.hint()).clicked() {
            state.send(Command::Guarded(PendingAction::NewFrom(t)));
            ui.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_bullets_and_tables_are_parsed() {
        let md = "# Title\n\nA paragraph\nin two lines.\n\n- one\n  continued\n- two\n\n| a | b |\n|---|---:|\n| x | `y` |\n";
        assert_eq!(
            parse_markdown(md),
            vec![
                Block::Heading(1, "Title".into()),
                Block::Paragraph("A paragraph in two lines.".into()),
                Block::Bullet("one continued".into()),
                Block::Bullet("two".into()),
                Block::Table(vec![
                    vec!["a".into(), "b".into()],
                    vec!["x".into(), "`y`".into()]
                ]),
            ]
        );
    }

    #[test]
    fn bold_and_code_spans_lose_their_markers() {
        assert_eq!(
            spans("the **IRR** is `r` and ** alone"),
            vec![
                (Span::Plain, "the ".into()),
                (Span::Strong, "IRR".into()),
                (Span::Plain, " is ".into()),
                (Span::Code, "r".into()),
                (Span::Plain, " and ** alone".into()),
            ]
        );
        assert_eq!(plain_text("`NPV()` over"), "NPV() over");
    }

    #[test]
    fn the_conventions_page_has_its_sections() {
        let blocks = parse_markdown(CONVENTIONS);
        let headings: Vec<&str> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(2, t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert!(headings.contains(&"Time and discounting"), "{headings:?}");
        assert!(headings.contains(&"Support instruments"), "{headings:?}");
        assert!(blocks.iter().any(
            |b| matches!(b, Block::Table(rows) if rows[0] == ["instrument", "effect on the project", "budget cost (per year)"])
        ));
    }
}
