//! Help: the Help menu's window (a guided tour, "How Assay computes"
//! rendered from `docs/CONVENTIONS.md`, or `docs/CONVENTIONS.ru.md` in
//! Russian, a glossary of the terms on screen, About) and the welcome strip
//! shown on first start, every word from help.ftl (the glossary's terms from
//! core.ftl's `term-*`).
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
use crate::i18n::Lang;
use crate::t;

/// The conventions page, as shipped with the program.
pub const CONVENTIONS: &str = include_str!("../../docs/CONVENTIONS.md");

/// The conventions page in Russian (the same formulas, terms as in
/// docs/GLOSSARY.md).
pub const CONVENTIONS_RU: &str = include_str!("../../docs/CONVENTIONS.ru.md");

/// The conventions page's markdown in `lang`.
pub fn conventions_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => CONVENTIONS,
        Lang::Ru => CONVENTIONS_RU,
    }
}

/// The conventions page of `lang` as the window shows it, parsed once.
pub fn conventions_blocks(lang: Lang) -> &'static [Block] {
    static EN: std::sync::OnceLock<Vec<Block>> = std::sync::OnceLock::new();
    static RU: std::sync::OnceLock<Vec<Block>> = std::sync::OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
    };
    cell.get_or_init(|| {
        parse_markdown(conventions_text(lang))
            .iter()
            .map(display_block)
            .collect()
    })
}

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
    pub fn title(self) -> String {
        match self {
            HelpPage::GettingStarted => t!("help-page-getting-started"),
            HelpPage::HowItComputes => t!("help-page-how-it-computes"),
            HelpPage::Glossary => t!("help-page-glossary"),
            HelpPage::About => t!("help-page-about"),
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
}

impl Default for HelpState {
    fn default() -> Self {
        HelpState {
            page: None,
            step: 0,
            welcome: true,
            welcome_never: false,
        }
    }
}

/// How many steps the guided tour has.
pub const TOUR_STEPS: usize = 7;

/// Step `k` (0-based) of the guided tour: its title and what to look at,
/// in the language in force.
pub fn tour_step(k: usize) -> (String, String) {
    match k {
        0 => (t!("help-tour-1-title"), t!("help-tour-1-body")),
        1 => (t!("help-tour-2-title"), t!("help-tour-2-body")),
        2 => (t!("help-tour-3-title"), t!("help-tour-3-body")),
        3 => (t!("help-tour-4-title"), t!("help-tour-4-body")),
        4 => (t!("help-tour-5-title"), t!("help-tour-5-body")),
        5 => (t!("help-tour-6-title"), t!("help-tour-6-body")),
        _ => (t!("help-tour-7-title"), t!("help-tour-7-body")),
    }
}

/// A glossary entry: the shared term (core.ftl) and what it means here
/// (help.ftl).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlossaryTerm {
    /// The inputs as entered.
    BaseCase,
    /// The import price.
    BenchmarkPrice,
    /// NPV zero at a flat price.
    BreakevenPrice,
    /// Investor's NPV per unit of budget cost.
    BudgetEfficiency,
    /// The rate future cash is discounted at.
    DiscountRate,
    /// Earnings before interest, tax, depreciation and amortisation.
    Ebitda,
    /// The NPV of the equity cash flow.
    InvestorNpv,
    /// Internal rate of return.
    Irr,
    /// The yearly table.
    Ledger,
    /// Modified IRR.
    Mirr,
    /// Net present value.
    Npv,
    /// Years to a lasting positive cumulative cash flow.
    Payback,
    /// Support's cost to the budget.
    PvBudgetCost,
    /// Constant money of the first year.
    RealMoney,
    /// The subsidy that breaks even at the import price.
    RequiredSupport,
    /// Levelized unit cost.
    UnitCost,
}

impl GlossaryTerm {
    /// Every entry.
    pub const ALL: [GlossaryTerm; 16] = [
        GlossaryTerm::BaseCase,
        GlossaryTerm::BenchmarkPrice,
        GlossaryTerm::BreakevenPrice,
        GlossaryTerm::BudgetEfficiency,
        GlossaryTerm::DiscountRate,
        GlossaryTerm::Ebitda,
        GlossaryTerm::InvestorNpv,
        GlossaryTerm::Irr,
        GlossaryTerm::Ledger,
        GlossaryTerm::Mirr,
        GlossaryTerm::Npv,
        GlossaryTerm::Payback,
        GlossaryTerm::PvBudgetCost,
        GlossaryTerm::RealMoney,
        GlossaryTerm::RequiredSupport,
        GlossaryTerm::UnitCost,
    ];

    /// The term as the window names it, capitalised ("Investor's NPV").
    pub fn term(self) -> String {
        let term = match self {
            GlossaryTerm::BaseCase => t!("term-base-case"),
            GlossaryTerm::BenchmarkPrice => t!("term-benchmark-price"),
            GlossaryTerm::BreakevenPrice => t!("term-breakeven-price"),
            GlossaryTerm::BudgetEfficiency => t!("term-budget-efficiency"),
            GlossaryTerm::DiscountRate => t!("term-discount-rate"),
            GlossaryTerm::Ebitda => t!("term-ebitda"),
            GlossaryTerm::InvestorNpv => t!("term-investor-npv"),
            GlossaryTerm::Irr => t!("term-irr"),
            GlossaryTerm::Ledger => t!("term-ledger"),
            GlossaryTerm::Mirr => t!("term-mirr"),
            GlossaryTerm::Npv => t!("term-npv"),
            GlossaryTerm::Payback => t!("term-payback"),
            GlossaryTerm::PvBudgetCost => t!("term-pv-budget-cost"),
            GlossaryTerm::RealMoney => t!("term-real-money"),
            GlossaryTerm::RequiredSupport => t!("term-required-support"),
            GlossaryTerm::UnitCost => t!("term-unit-cost"),
        };
        crate::i18n::capitalised(&term)
    }

    /// What the term means in Assay.
    pub fn meaning(self) -> String {
        match self {
            GlossaryTerm::BaseCase => t!("help-glossary-base-case"),
            GlossaryTerm::BenchmarkPrice => t!("help-glossary-benchmark-price"),
            GlossaryTerm::BreakevenPrice => t!("help-glossary-breakeven-price"),
            GlossaryTerm::BudgetEfficiency => t!("help-glossary-budget-efficiency"),
            GlossaryTerm::DiscountRate => t!("help-glossary-discount-rate"),
            GlossaryTerm::Ebitda => t!("help-glossary-ebitda"),
            GlossaryTerm::InvestorNpv => t!("help-glossary-investor-npv"),
            GlossaryTerm::Irr => t!("help-glossary-irr"),
            GlossaryTerm::Ledger => t!("help-glossary-ledger"),
            GlossaryTerm::Mirr => t!("help-glossary-mirr"),
            GlossaryTerm::Npv => t!("help-glossary-npv"),
            GlossaryTerm::Payback => t!("help-glossary-payback"),
            GlossaryTerm::PvBudgetCost => t!("help-glossary-pv-budget-cost"),
            GlossaryTerm::RealMoney => t!("help-glossary-real-money"),
            GlossaryTerm::RequiredSupport => t!("help-glossary-required-support"),
            GlossaryTerm::UnitCost => t!("help-glossary-unit-cost"),
        }
    }
}

/// The glossary in the language in force: (term, meaning), in the
/// language's alphabetical order of the terms.
pub fn glossary_entries() -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = GlossaryTerm::ALL
        .into_iter()
        .map(|g| (g.term(), g.meaning()))
        .collect();
    // Russian alphabetises ё with е.
    entries.sort_by_key(|(term, _)| {
        term.to_lowercase()
            .chars()
            .map(|c| if c == 'ё' { 'е' } else { c })
            .collect::<String>()
    });
    entries
}

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
        } else if trimmed.len() > 1 && trimmed.starts_with('|') && trimmed.ends_with('|') {
            // A table row starts and ends with a pipe; a line that only
            // starts with one (`|ρ| in the row...`) continues its text.
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
        .button(t!("help-menu-welcome"))
        .on_hover_text(t!("help-menu-welcome-hover"))
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
    egui::Window::new(t!("help-window-title"))
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
                    HelpPage::HowItComputes => {
                        markdown_ui(ui, conventions_blocks(crate::i18n::lang()))
                    }
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
    let step = state.help.step.min(TOUR_STEPS - 1);
    let (title, body) = tour_step(step);
    ui.label(
        RichText::new(t!(
            "help-tour-step",
            n = (step + 1).to_string(),
            of = TOUR_STEPS.to_string()
        ))
        .weak(),
    );
    ui.heading(title);
    ui.add_space(4.0);
    ui.add(egui::Label::new(body).wrap());
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(step > 0, egui::Button::new(t!("help-tour-back")))
            .clicked()
        {
            state.help.step = step - 1;
        }
        if ui
            .add_enabled(
                step + 1 < TOUR_STEPS,
                egui::Button::new(t!("help-tour-next")),
            )
            .clicked()
        {
            state.help.step = step + 1;
        }
    });
    ui.add_space(10.0);
    ui.separator();
    ui.label(RichText::new(t!("help-tour-all-steps")).weak());
    for k in 0..TOUR_STEPS {
        if ui.selectable_label(k == step, tour_step(k).0).clicked() {
            state.help.step = k;
        }
    }
}

fn glossary(ui: &mut Ui) {
    ui.label(RichText::new(t!("help-glossary-intro")).weak());
    ui.add_space(4.0);
    for (term, meaning) in glossary_entries() {
        ui.label(RichText::new(term).strong());
        ui.add(egui::Label::new(meaning).wrap());
        ui.add_space(4.0);
    }
}

/// The About page's lines: name, version and licence from Cargo.toml.
pub fn about_lines() -> Vec<String> {
    vec![
        t!("help-about-name", version = env!("CARGO_PKG_VERSION")),
        t!("help-about-description"),
        t!("help-about-licence", licence = env!("CARGO_PKG_LICENSE")),
    ]
}

fn about(ui: &mut Ui) {
    let lines = about_lines();
    for (k, line) in lines.iter().enumerate() {
        let t = RichText::new(line);
        ui.add(egui::Label::new(if k == 0 { t.heading() } else { t }).wrap());
    }
    ui.add_space(6.0);
    ui.label(RichText::new(t!("help-about-built-with")).weak());
}

/// The welcome strip (first start, until dismissed): what the sample is
/// and where to begin.
pub fn welcome(state: &mut AppState, ui: &mut Ui) {
    use super::command::{Command, PendingAction};
    let sample = state.doc.path().is_none() && state.doc.project().name == "Afrikanda"; // i18n-exempt: the sample's name (data)
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t!("help-welcome-title")).strong());
        if sample {
            ui.label(t!("help-welcome-sample"));
        } else {
            ui.label(t!("help-welcome-other"));
        }
        ui.label(t!("help-welcome-begin"));
        if ui.button(t!("help-welcome-open")).clicked() {
            state.send(Command::Guarded(PendingAction::Open));
        }
        ui.menu_button(t!("help-welcome-template"), |ui| template_menu(state, ui));
        if ui.button(t!("help-welcome-tour")).clicked() {
            state.help.page = Some(HelpPage::GettingStarted);
        }
        ui.separator();
        if ui
            .button(t!("help-welcome-close"))
            .on_hover_text(t!("help-welcome-close-hover"))
            .clicked()
        {
            state.help.welcome = false;
        }
        if ui
            .button(t!("help-welcome-never"))
            .on_hover_text(t!("help-welcome-never-hover"))
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

    /// The Russian page is a full translation: the same headings, bullets
    /// and tables (rows and columns) as the English one, in the same order.
    #[test]
    fn the_russian_conventions_page_matches_the_english_one() {
        fn shape(blocks: &[Block]) -> Vec<String> {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Heading(l, _) => format!("h{l}"),
                    Block::Paragraph(_) => "p".to_string(),
                    Block::Bullet(_) => "-".to_string(),
                    Block::Table(rows) => format!(
                        "table {}",
                        rows.iter()
                            .map(|r| r.len().to_string())
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                })
                .collect()
        }
        let en = parse_markdown(CONVENTIONS);
        let ru = parse_markdown(CONVENTIONS_RU);
        assert_eq!(shape(&ru), shape(&en));
        assert_eq!(ru[0], Block::Heading(1, "Соглашения Assay".into()));
        assert!(ru.contains(&Block::Heading(2, "Время и дисконтирование".into())));
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
