//! The command line: `assay report`, `assay cashflows`, `assay check`,
//! `assay upgrade`, over
//! the same engine as the window. Every failure is a message on stderr and a
//! non-zero exit, never a panic.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value, json};

use crate::engine::compare::{self, SolverConfig, Target};
use crate::engine::{self, appraise, finance};
use crate::export;
use crate::i18n::{self, Lang};
use crate::io;
use crate::model::Convention;
use crate::model::Project;
use crate::model::place::Place;
use crate::model::validate::{Problem, ProblemKind, validate};
use crate::report;

/// Assay: investment appraisal for mining and processing projects.
#[derive(Debug, Parser)]
#[command(name = "assay", version, about)]
pub struct Cli {
    /// A project file to open in the window.
    pub file: Option<PathBuf>,
    /// Language of text output: `ru` or `en` (default: the environment's,
    /// `LC_ALL`, `LC_MESSAGES` or `LANG`). JSON stays English with dot
    /// decimals; with `--lang ru`, CSV is for Russian Excel (`;` between
    /// fields, comma decimals).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// What to do; with none, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Appraise a project file and print the report.
    Report {
        /// The project file (.ron).
        project: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Appraise a bare cash-flow series from a CSV with columns `year` and
    /// `cash_flow` (other columns are ignored).
    Cashflows {
        /// The CSV file.
        csv: PathBuf,
        /// Discount rate, e.g. 0.10 for 10%.
        #[arg(long)]
        rate: String,
        /// Discounting convention.
        #[arg(long, value_enum, default_value_t = ConventionArg::Start)]
        convention: ConventionArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SeriesFormat::Text)]
        format: SeriesFormat,
    },
    /// Compare the base case and every scenario: the investor's and the
    /// state's view, and the least support of each kind that makes it pay.
    Compare {
        /// The project file (.ron).
        project: PathBuf,
        /// What the solvers aim at: `npv` (investor NPV = 0) or `irr=0.12`
        /// (investor IRR = 12%).
        #[arg(long, default_value = "npv")]
        target: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// NPV sensitivity: tornado (each driver at its P10 and P90, or at
    /// 1 ∓ range without a risk section), switching values, and the
    /// breakeven price and required support under capex and opex overruns.
    Sensitivity {
        /// The project file (.ron).
        project: PathBuf,
        /// Range of the default drivers when the file has no risk section
        /// (0.2 means ±20%).
        #[arg(long, default_value = "0.2")]
        range: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Monte Carlo: NPV, IRR and unit cost over the drawn futures, and with
    /// --scenarios each funding option on the same draws.
    Risk {
        /// The project file (.ron).
        project: PathBuf,
        /// Trials (default: the file's, or 10,000).
        #[arg(long)]
        trials: Option<u32>,
        /// Seed (default: the file's, or 42).
        #[arg(long)]
        seed: Option<u64>,
        /// Also run every scenario on the same draws.
        #[arg(long)]
        scenarios: bool,
        /// Output format (csv: one row per trial).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Export a project's appraisal: an Excel workbook whose ledger is live
    /// formulas (inputs, ledger, metrics, funding options, risk).
    Export {
        /// The project file (.ron).
        project: PathBuf,
        /// Where to write the workbook (.xlsx).
        #[arg(long)]
        xlsx: Option<PathBuf>,
        /// Where to write the PDF report (A4; the base case or `--case`).
        #[arg(long)]
        pdf: Option<PathBuf>,
        /// One case: `base` or a scenario's name (default: the base case).
        #[arg(long, conflicts_with = "all_cases")]
        case: Option<String>,
        /// Every case, each with its own Inputs, Ledger and Metrics sheets.
        #[arg(long)]
        all_cases: bool,
        /// Leave out the tornado on the Risk sheet.
        #[arg(long)]
        no_risk: bool,
        /// Also run a Monte Carlo of this many trials (with the file's seed)
        /// and summarise it on the Risk sheet.
        #[arg(long)]
        trials: Option<u32>,
    },
    /// Validate a project file and appraise every case, as `report` and
    /// `compare` would, printing every problem once.
    Check {
        /// The project file (.ron).
        project: PathBuf,
        /// Output format (`json` gives each problem's field path too).
        #[arg(long, value_enum, default_value_t = SeriesFormat::Text)]
        format: SeriesFormat,
    },
    /// Rewrite a project file of any supported version at the current
    /// version, notes and sources kept, through the window's atomic save.
    Upgrade {
        /// The project file (.ron).
        project: PathBuf,
        /// Where to write (default: the file itself, in place).
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

/// Languages on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Russian.
    Ru,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Ru => Lang::Ru,
        }
    }
}

/// Report formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Readable summary.
    Text,
    /// JSON object.
    Json,
    /// Yearly ledger, one row a year.
    Csv,
}

/// Formats for a bare series.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SeriesFormat {
    /// Readable summary.
    Text,
    /// JSON object.
    Json,
}

/// Discounting conventions on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ConventionArg {
    /// t = Y - Y0.
    Start,
    /// t = Y - Y0 + 0.5.
    Mid,
    /// t = Y - Y0 + 1.
    End,
}

impl From<ConventionArg> for Convention {
    fn from(c: ConventionArg) -> Self {
        match c {
            ConventionArg::Start => Convention::StartOfYear,
            ConventionArg::Mid => Convention::MidYear,
            ConventionArg::End => Convention::EndOfYear,
        }
    }
}

fn fail(lines: &[String]) -> ExitCode {
    for l in lines {
        eprintln!("assay: {l}");
    }
    ExitCode::FAILURE
}

/// Runs a subcommand in the language asked for (`--lang`), else the
/// environment's; prints to stdout, errors to stderr. An explicit
/// `--lang ru` also makes CSV output the kind Russian Excel opens.
pub fn run(command: Command, lang: Option<LangArg>) -> ExitCode {
    let chosen = lang.map_or_else(Lang::from_env, Lang::from);
    let _scope = i18n::Scope::enter(chosen);
    let csv = if lang == Some(LangArg::Ru) {
        CsvStyle::Excel
    } else {
        CsvStyle::Tools
    };
    match command {
        Command::Report { project, format } => report_cmd(&project, format, csv),
        Command::Cashflows {
            csv,
            rate,
            convention,
            format,
        } => cashflows_cmd(&csv, &rate, convention.into(), format),
        Command::Check { project, format } => check_cmd(&project, format),
        Command::Upgrade { project, output } => upgrade_cmd(&project, output.as_deref()),
        Command::Export {
            project,
            xlsx,
            pdf,
            case,
            all_cases,
            no_risk,
            trials,
        } => export_cmd(
            &project,
            (xlsx.as_deref(), pdf.as_deref()),
            case,
            all_cases,
            (!no_risk, trials),
        ),
        Command::Sensitivity {
            project,
            range,
            format,
        } => sensitivity_cmd(&project, &range, format, csv),
        Command::Risk {
            project,
            trials,
            seed,
            scenarios,
            format,
        } => risk_cmd(&project, trials, seed, scenarios, format, csv),
        Command::Compare {
            project,
            target,
            format,
        } => compare_cmd(&project, &target, format, csv),
    }
}

/// Who a CSV is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvStyle {
    /// Tools: `,` between fields, dot decimals, English keys (as always).
    Tools,
    /// People with a Russian Excel (`--lang ru`): `;` between fields and
    /// comma decimals; the ledger's header in Russian words.
    Excel,
}

fn print_csv(text: &str, style: CsvStyle) {
    match style {
        CsvStyle::Tools => print!("{text}"),
        CsvStyle::Excel => print!("{}", report::excel_csv(text)),
    }
}

/// Reads any supported version (bad values included: they are kept, to be
/// fixed later) and writes the current version with `io::save_project`.
fn upgrade_cmd(path: &Path, output: Option<&Path>) -> ExitCode {
    let project = match io::load_unvalidated(path) {
        Ok(p) => p,
        Err(e) => return fail_file(path, &e),
    };
    let target = output.unwrap_or(path);
    if let Err(e) = io::save_project(target, &project) {
        return fail(&[e.to_string()]);
    }
    println!(
        "{}",
        crate::t!(
            "report-cli-upgraded",
            file = target.display().to_string(),
            version = io::format::CURRENT_VERSION.to_string(),
            notes = project.notes.len().to_string(),
            sources = project.sources.len().to_string()
        )
    );
    let problems = validate(&project);
    if !problems.is_empty() {
        eprintln!(
            "assay: {}",
            crate::t!(
                "report-cli-upgraded-problems",
                file = target.display().to_string(),
                n = problems.len(),
                count = problems.len().to_string()
            )
        );
    }
    ExitCode::SUCCESS
}

fn export_cmd(
    path: &Path,
    (xlsx, pdf): (Option<&Path>, Option<&Path>),
    case: Option<String>,
    all_cases: bool,
    (risk, trials): (bool, Option<u32>),
) -> ExitCode {
    if xlsx.is_none() && pdf.is_none() {
        return fail(&[crate::t!("report-cli-export-where")]);
    }
    let project = match io::load_project(path) {
        Ok(p) => p,
        Err(e) => return fail_file(path, &e),
    };
    let cases = match (case, all_cases) {
        (_, true) => export::Cases::All,
        (Some(name), false) => export::Cases::Named(name),
        (None, false) => export::Cases::Base,
    };
    let date = export::today_utc();
    let mut outputs: Vec<(&Path, Result<Vec<u8>, export::ExportError>)> = Vec::new();
    if let Some(out) = xlsx {
        let monte_carlo = trials.map(|trials| engine::risk::monte_carlo::McConfig {
            trials,
            ..engine::risk::monte_carlo::McConfig::of(&project)
        });
        let options = export::xlsx::XlsxOptions {
            cases: cases.clone(),
            date: date.clone(),
            risk,
            monte_carlo,
            lang: crate::i18n::lang(),
        };
        outputs.push((out, export::xlsx::workbook(&project, &options)));
    }
    if let Some(out) = pdf {
        let lang = crate::i18n::lang();
        let options = export::pdf::PdfOptions { cases, date, lang };
        outputs.push((out, export::pdf::report(&project, &options)));
    }
    for (out, bytes) in outputs {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => return fail(&[format!("{}: {e}", path.display())]),
        };
        if let Err(e) = io::write_atomic_bytes(out, &bytes) {
            return fail(&[e.to_string()]);
        }
        println!(
            "{}",
            crate::t!("report-cli-wrote", file = out.display().to_string())
        );
    }
    ExitCode::SUCCESS
}

fn report_cmd(path: &Path, format: Format, csv: CsvStyle) -> ExitCode {
    let project = match io::load_project(path) {
        Ok(p) => p,
        Err(e) => return fail_file(path, &e),
    };
    let a = match appraise::appraise(&project) {
        Ok(a) => a,
        Err(e) => return fail(&[format!("{}: {e}", path.display())]),
    };
    match format {
        Format::Text => print!("{}", report::text_report(&project, &a)),
        Format::Csv => match csv {
            CsvStyle::Tools => print!("{}", report::csv_report(&project, &a)),
            CsvStyle::Excel => print!("{}", report::csv_report_for_people(&project, &a)),
        },
        Format::Json => match serde_json::to_string_pretty(&report::json_report(&project, &a)) {
            Ok(s) => println!("{s}"),
            Err(e) => return fail(&[e.to_string()]),
        },
    }
    ExitCode::SUCCESS
}

/// Parses `npv` or `irr=0.12`.
pub fn parse_target(text: &str) -> Result<Target, String> {
    let t = text.trim().to_ascii_lowercase();
    if t == "npv" {
        return Ok(Target::NpvZero);
    }
    if let Some(rest) = t.strip_prefix("irr=") {
        let h: Decimal = rest
            .parse()
            .map_err(|_| crate::t!("report-cli-target-not-number", text = text, rest = rest))?;
        if h <= Decimal::new(-99, 2) || h > Decimal::from(10) {
            return Err(crate::t!("report-cli-target-range", text = text));
        }
        return Ok(Target::Irr(h));
    }
    Err(crate::t!("report-cli-target-use", text = text))
}

fn compare_cmd(path: &Path, target: &str, format: Format, csv: CsvStyle) -> ExitCode {
    let target = match parse_target(target) {
        Ok(t) => t,
        Err(e) => return fail(&[e]),
    };
    let project = match io::load_project(path) {
        Ok(p) => p,
        Err(e) => return fail_file(path, &e),
    };
    let config = SolverConfig {
        target,
        ..SolverConfig::default()
    };
    let scenarios = compare::compare_scenarios(&project);
    // A run that produced no figure is an error, not an empty table.
    if scenarios.iter().all(|(_, r)| r.is_err()) {
        let mut lines = vec![crate::t!(
            "report-cli-no-case",
            file = path.display().to_string()
        )];
        for (name, r) in &scenarios {
            if let Err(e) = r {
                lines.push(format!("  {name}: {e}"));
            }
        }
        return fail(&lines);
    }
    let base = Project {
        scenarios: Vec::new(),
        ..project.clone()
    };
    let required = compare::solve_required(&base, &config);
    match format {
        Format::Json => {
            let v = report::compare_json(&project, &scenarios, &required, &config);
            match serde_json::to_string_pretty(&v) {
                Ok(s) => println!("{s}"),
                Err(e) => return fail(&[e.to_string()]),
            }
        }
        Format::Csv => print_csv(&report::compare_csv(&scenarios, &required), csv),
        Format::Text => print!(
            "{}",
            report::compare_text(
                &project,
                &scenarios,
                &required,
                &config,
                report::layout::terminal_width(),
            )
        ),
    }
    ExitCode::SUCCESS
}

fn print_json(v: &Value) -> ExitCode {
    match serde_json::to_string_pretty(v) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&[e.to_string()]),
    }
}

fn sensitivity_cmd(path: &Path, range: &str, format: Format, csv: CsvStyle) -> ExitCode {
    let range = match range.trim().parse::<f64>() {
        Ok(r) if r > 0.0 && r < 1.0 => r,
        _ => {
            return fail(&[crate::t!("report-cli-range", range = range)]);
        }
    };
    let project = match io::load_project(path) {
        Ok(p) => p,
        Err(e) => return fail(&[format!("{}: {}", path.display(), e)]),
    };
    let base = Project {
        scenarios: Vec::new(),
        ..project
    };
    let s = match crate::engine::risk::sensitivity::sensitivity(&base, range) {
        Ok(s) => s,
        Err(e) => return fail(&[format!("{}: {e}", path.display())]),
    };
    match format {
        Format::Text => print!(
            "{}",
            report::risk::sensitivity_text(&base, &s, report::layout::terminal_width())
        ),
        Format::Csv => print_csv(&report::risk::sensitivity_csv(&s), csv),
        Format::Json => return print_json(&report::risk::sensitivity_json(&s)),
    }
    ExitCode::SUCCESS
}

fn risk_cmd(
    path: &Path,
    trials: Option<u32>,
    seed: Option<u64>,
    scenarios: bool,
    format: Format,
    csv: CsvStyle,
) -> ExitCode {
    use crate::engine::risk::monte_carlo::{McConfig, Progress, monte_carlo};
    let project = match io::load_project(path) {
        Ok(p) => p,
        Err(e) => return fail(&[format!("{}: {}", path.display(), e)]),
    };
    let mut config = McConfig::of(&project);
    if let Some(t) = trials {
        if t == 0 || t > crate::model::risk::MAX_TRIALS {
            return fail(&[crate::t!(
                "report-cli-trials",
                trials = t.to_string(),
                max = report::group(Decimal::from(crate::model::risk::MAX_TRIALS), 0)
            )]);
        }
        config.trials = t;
    }
    if let Some(s) = seed {
        config.seed = s;
    }
    config.scenarios = scenarios;
    let r = match monte_carlo(&project, &config, &Progress::default()) {
        Ok(r) => r,
        Err(e) => return fail(&[format!("{}: {e}", path.display())]),
    };
    match format {
        Format::Text => print!(
            "{}",
            report::risk::risk_text(&project, &r, report::layout::terminal_width())
        ),
        Format::Csv => print_csv(&report::risk::risk_csv(&r), csv),
        Format::Json => return print_json(&report::risk::risk_json(&r)),
    }
    ExitCode::SUCCESS
}

/// Every problem of a project that parses: validation, then, when that
/// passes, the appraisal of the base case and of each scenario (the same
/// runs `report` and `compare` make), so `check` never calls a file valid
/// that `report` then refuses.
pub fn check_project(project: &Project) -> Vec<Problem> {
    let problems = validate(project);
    if !problems.is_empty() {
        return problems;
    }
    let mut out = Vec::new();
    let base = appraise::appraise(project).err().map(|e| e.to_string());
    if let Some(message) = &base {
        out.push(Problem {
            path: String::new(),
            place: Place::BaseCase,
            kind: ProblemKind::Worded(message.clone()),
        });
    }
    // The risk section runs as `assay risk` would: its drivers name
    // something, its correlations can hold together.
    if project.risk.is_some()
        && let Err(e) = crate::engine::risk::monte_carlo::check_risk(project)
    {
        let message = match e {
            crate::engine::EngineError::Invalid(m) => report::words::invalid(&m),
            other => other.to_string(),
        };
        out.push(Problem::placed(
            project,
            "risk.correlations",
            ProblemKind::Worded(message),
        ));
    }
    for (i, s) in project.scenarios.iter().enumerate() {
        if let Err(e) = appraise::appraise(&s.apply(project)) {
            // The base's failure inherited is reported once, at the base.
            let message = e.to_string();
            if base.as_ref() != Some(&message) {
                let path = format!("scenarios[{i}]");
                out.push(Problem::placed(
                    project,
                    &path,
                    ProblemKind::Worded(message),
                ));
            }
        }
    }
    out
}

fn check_cmd(path: &Path, format: SeriesFormat) -> ExitCode {
    // JSON is for tools: its places and messages in English.
    let _json_english = matches!(format, SeriesFormat::Json).then(|| i18n::Scope::enter(Lang::En));
    let (project, problems) = match io::load_unvalidated(path) {
        Ok(p) => {
            let problems = check_project(&p);
            (Some(p), problems)
        }
        Err(e) if matches!(format, SeriesFormat::Text) => return fail_file(path, &e),
        // For tools, a file that does not load is one problem, in JSON too.
        Err(e) => {
            let place = match &e {
                io::FileError::Parse { line, column, .. } => Place::FileAt {
                    line: *line,
                    column: *column,
                },
                _ => Place::Nowhere,
            };
            let message = match &e {
                io::FileError::Parse { message, .. } => message.to_string(),
                other => other.to_string(),
            };
            let problem = Problem {
                path: String::new(),
                place,
                kind: ProblemKind::Worded(message),
            };
            (None, vec![problem])
        }
    };
    if let SeriesFormat::Json = format {
        let v = json!({
            "file": path.display().to_string(),
            "valid": problems.is_empty(),
            "problems": problems.iter().map(|p| json!({
                "path": p.path,
                "place": p.place_text(),
                "message": p.message(),
            })).collect::<Vec<_>>(),
        });
        match serde_json::to_string_pretty(&v) {
            Ok(s) => println!("{s}"),
            Err(e) => return fail(&[e.to_string()]),
        }
        return if problems.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    if let (true, Some(project)) = (problems.is_empty(), &project) {
        println!(
            "{}",
            crate::t!(
                "report-cli-valid",
                file = path.display().to_string(),
                facilities = project.facilities.len().to_string(),
                products = project.products.len().to_string(),
                support = project.support.len().to_string(),
                scenarios = project.scenarios.len().to_string()
            )
        );
        return ExitCode::SUCCESS;
    }
    let mut lines = vec![problems_heading(path, problems.len())];
    lines.extend(problems.iter().map(|p| format!("  {p}")));
    fail(&lines)
}

/// `FILE: 3 problems to fix:`.
fn problems_heading(path: &Path, n: usize) -> String {
    crate::t!(
        "report-cli-problems",
        file = path.display().to_string(),
        n = n,
        count = n.to_string()
    )
}

/// A file error on stderr: the file named once, then each line.
fn fail_file(path: &Path, e: &io::FileError) -> ExitCode {
    if let io::FileError::Invalid(problems) = e {
        let mut all = vec![problems_heading(path, problems.len())];
        all.extend(problems.iter().map(|p| format!("  {p}")));
        return fail(&all);
    }
    if let io::FileError::Io { .. } = e {
        // The message names the file already.
        return fail(&[e.to_string()]);
    }
    let mut lines = e.lines().into_iter();
    let first = lines.next().unwrap_or_default();
    let mut all = vec![format!("{}: {first}", path.display())];
    all.extend(lines);
    fail(&all)
}

/// A bare series read from CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// First year.
    pub first_year: i32,
    /// One flow per consecutive year.
    pub flows: Vec<Decimal>,
}

/// Splits one CSV record, honouring double quotes ("a,b" and "" escapes).
fn split_csv(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) if cur.is_empty() => quoted = true,
            ('"', true) => {
                if chars.peek() == Some(&'"') {
                    cur.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            (',', false) => fields.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    if quoted {
        return Err(crate::t!("report-cli-csv-quote"));
    }
    fields.push(cur);
    Ok(fields)
}

/// Parses a cash-flow CSV: a header with `year` and `cash_flow`, one row a
/// year, consecutive years in any order. Errors name the line.
pub fn parse_series_csv(text: &str) -> Result<Series, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines
        .next()
        .ok_or_else(|| crate::t!("report-cli-csv-empty"))?;
    let at_line =
        |n: usize, e: String| crate::t!("report-cli-csv-at-line", line = n.to_string(), error = e);
    let header = split_csv(header.trim_start_matches('\u{feff}')).map_err(|e| at_line(1, e))?;
    let find = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let no_column = |name: &str| at_line(1, crate::t!("report-cli-csv-no-column", column = name));
    let year_col = find("year").ok_or_else(|| no_column("year"))?;
    let cf_col = find("cash_flow").ok_or_else(|| no_column("cash_flow"))?;
    let mut rows: Vec<(i32, Decimal, usize)> = Vec::new();
    for (i, line) in lines {
        let n = i + 1;
        let fields = split_csv(line).map_err(|e| at_line(n, e))?;
        if fields.len() > header.len() {
            // `2026,-100,5` is most often a decimal comma; never drop a column.
            return Err(at_line(
                n,
                crate::t!(
                    "report-cli-csv-too-many-fields",
                    fields = fields.len().to_string(),
                    header = header.len().to_string()
                ),
            ));
        }
        let get = |col: usize, name: &str| {
            fields
                .get(col)
                .map(|s| s.trim())
                .ok_or_else(|| at_line(n, crate::t!("report-cli-csv-no-value", column = name)))
        };
        let y = get(year_col, "year")?;
        let year: i32 = y
            .parse()
            .map_err(|_| at_line(n, crate::t!("report-cli-csv-bad-year", year = y)))?;
        let v = get(cf_col, "cash_flow")?;
        // Thousands separators: every kind of space (plain, no-break,
        // narrow no-break, thin: Unicode White_Space) and `_`.
        let clean: String = v
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '_')
            .collect();
        let flow = clean
            .parse::<Decimal>()
            .or_else(|_| Decimal::from_scientific(&clean))
            .map_err(|_| at_line(n, crate::t!("report-cli-csv-bad-flow", value = v)))?;
        rows.push((year, flow, n));
    }
    if rows.is_empty() {
        return Err(crate::t!("report-cli-csv-no-rows"));
    }
    if rows.len() > 1000 {
        return Err(crate::t!(
            "report-cli-csv-too-many-rows",
            rows = rows.len().to_string()
        ));
    }
    rows.sort_by_key(|r| r.0);
    for w in rows.windows(2) {
        if w[1].0 == w[0].0 {
            return Err(at_line(
                w[1].2,
                crate::t!("report-cli-csv-year-twice", year = w[1].0.to_string()),
            ));
        }
        if w[1].0 != w[0].0 + 1 {
            return Err(at_line(
                w[1].2,
                crate::t!(
                    "report-cli-csv-year-gap",
                    year = w[1].0.to_string(),
                    previous = w[0].0.to_string()
                ),
            ));
        }
    }
    Ok(Series {
        first_year: rows[0].0,
        flows: rows.into_iter().map(|r| r.1).collect(),
    })
}

/// Metrics of a bare series, as far as they apply: the `metrics` object.
pub fn series_metrics(
    series: &Series,
    rate: Decimal,
    convention: Convention,
) -> Result<Value, String> {
    let offset = convention.offset_years();
    let npv = finance::npv_decimal(rate, &series.flows, offset).map_err(|e| e.to_string())?;
    let f: Vec<f64> = series
        .flows
        .iter()
        .map(|d| d.to_f64().unwrap_or(f64::NAN))
        .collect();
    let r = rate.to_f64().unwrap_or(f64::NAN);
    let off = convention.offset_f64();
    let mut notes = Vec::new();
    // The engine's IRR: every root, each confirmed on the Decimal NPV.
    let report = appraise::irr_report(&series.flows, r, appraise::IrrOf::Project, &mut notes)
        .map_err(|e| e.to_string())?;
    if let Some(why) = &report.none_reason {
        notes.push(appraise::AppraisalNote::IrrMissing {
            irr: appraise::IrrOf::Project,
            why: why.clone(),
        });
    }
    let (irr, irrs) = (report.primary, report.roots);
    let mirr = finance::mirr(&f, r, r)
        .map_err(|e| notes.push(appraise::AppraisalNote::MirrMissing(e)))
        .ok();
    let payback = finance::payback(&f, off).map_err(|e| e.to_string())?;
    let disc = finance::discounted(&f, r, off).map_err(|e| e.to_string())?;
    let dpayback = finance::payback(&disc, off).map_err(|e| e.to_string())?;
    let mut cum = Decimal::ZERO;
    let mut min_cum = Decimal::ZERO;
    for d in &series.flows {
        cum = cum
            .checked_add(*d)
            .ok_or_else(|| crate::t!("report-cli-cumulative-overflows"))?;
        min_cum = min_cum.min(cum);
    }
    let mut m = Map::new();
    let n = |d: Decimal| d.to_f64().map_or(Value::Null, |x| json!(x));
    let o = |x: Option<f64>| {
        x.filter(|v| v.is_finite())
            .map_or(Value::Null, |v| json!(v))
    };
    m.insert("npv".into(), n(npv));
    m.insert("irr".into(), o(irr));
    m.insert("irrs".into(), json!(irrs));
    m.insert("mirr".into(), o(mirr));
    m.insert("payback_years".into(), o(payback));
    m.insert("discounted_payback_years".into(), o(dpayback));
    m.insert("peak_funding".into(), n(-min_cum));
    // The notes in the language in force (the caller chooses: English for
    // JSON), worded as the reports word them; a bare series has no currency.
    let units = report::words::Units::default();
    let notes: Vec<String> = notes
        .iter()
        .map(|n| report::words::appraisal_note(n, &units).one_line())
        .collect();
    m.insert("notes".into(), json!(notes));
    Ok(Value::Object(m))
}

fn cashflows_cmd(
    path: &Path,
    rate: &str,
    convention: Convention,
    format: SeriesFormat,
) -> ExitCode {
    let rate: Decimal = match rate.trim().parse() {
        Ok(r) => r,
        Err(_) if rate.trim().matches(',').count() == 1 => {
            let fixed = rate.trim().replace(',', ".");
            return fail(&[crate::t!(
                "report-cli-rate-comma",
                rate = rate,
                fixed = fixed,
                text = rate.trim()
            )]);
        }
        Err(_) => {
            return fail(&[crate::t!("report-cli-rate-not-number", rate = rate)]);
        }
    };
    if rate <= Decimal::new(-99, 2) || rate > Decimal::from(10) {
        return fail(&[crate::t!("report-cli-rate-range", rate = rate.to_string())]);
    }
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return fail(&[format!("{}: {e}", path.display())]),
    };
    let series = match parse_series_csv(&text) {
        Ok(s) => s,
        Err(e) => return fail(&[format!("{}: {e}", path.display())]),
    };
    // JSON is for tools: its notes in English.
    let json_english = matches!(format, SeriesFormat::Json).then(|| i18n::Scope::enter(Lang::En));
    let metrics = match series_metrics(&series, rate, convention) {
        Ok(m) => m,
        Err(e) => return fail(&[format!("{}: {e}", path.display())]),
    };
    drop(json_english);
    match format {
        SeriesFormat::Json => {
            let v = json!({
                "convention": convention.key(),
                "convention_description": convention.describe(),
                "discount_rate": rate.to_f64(),
                "first_year": series.first_year,
                "years": series.flows.len(),
                "metrics": metrics,
            });
            match serde_json::to_string_pretty(&v) {
                Ok(s) => println!("{s}"),
                Err(e) => return fail(&[e.to_string()]),
            }
        }
        SeriesFormat::Text => {
            let get = |k: &str| metrics.get(k).cloned().unwrap_or(Value::Null);
            let f = |v: Value, pct: bool| match v.as_f64() {
                Some(x) if pct => report::pct(x),
                Some(x) => i18n::num::float(x, 2),
                None => crate::t!("report-none"),
            };
            let years = |v: Value| match v.as_f64() {
                Some(y) => crate::t!("report-cli-years", n = y, shown = i18n::num::float(y, 2)),
                None => crate::t!("report-never"),
            };
            println!(
                "{}",
                crate::t!(
                    "report-cli-series-heading",
                    n = series.flows.len(),
                    count = series.flows.len().to_string(),
                    first = series.first_year.to_string(),
                    rate = crate::i18n::num::pct_of(rate),
                    convention = convention.describe()
                )
            );
            let roots: Vec<String> = get("irrs")
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_f64())
                        .map(report::pct)
                        .collect()
                })
                .unwrap_or_default();
            let irr = if roots.len() > 1 {
                crate::t!(
                    "report-irr-roots",
                    irr = f(get("irr"), true),
                    roots = report::words::list(roots)
                )
            } else {
                f(get("irr"), true)
            };
            let rows = [
                (crate::t!("term-npv"), f(get("npv"), false)),
                (crate::t!("term-irr"), irr),
                (crate::t!("term-mirr"), f(get("mirr"), true)),
                (crate::t!("report-payback"), years(get("payback_years"))),
                (
                    crate::t!("report-discounted-payback"),
                    years(get("discounted_payback_years")),
                ),
                (
                    crate::t!("report-peak-funding"),
                    f(get("peak_funding"), false),
                ),
            ];
            let width = rows
                .iter()
                .map(|(l, _)| l.chars().count() + 1)
                .max()
                .unwrap_or(0)
                .max(20);
            for (label, value) in rows {
                let pad = width.saturating_sub(label.chars().count());
                println!("{label}{:pad$}{value}", "");
            }
            if let Some(notes) = get("notes").as_array() {
                for n in notes {
                    println!(
                        "{}",
                        crate::t!("report-cli-note", note = n.as_str().unwrap_or_default())
                    );
                }
            }
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_is_global_and_a_file_still_opens_the_window() {
        let cli = Cli::try_parse_from(["assay", "project.ron"]).expect("parses");
        assert_eq!(cli.file, Some(PathBuf::from("project.ron")));
        assert!(cli.command.is_none());
        for args in [
            &["assay", "--lang", "ru", "report", "p.ron"][..],
            &["assay", "report", "p.ron", "--lang", "ru"][..],
        ] {
            let cli = Cli::try_parse_from(args).expect("parses");
            assert_eq!(cli.lang, Some(LangArg::Ru), "{args:?}");
            assert!(
                matches!(cli.command, Some(Command::Report { .. })),
                "{args:?}"
            );
        }
        let cli = Cli::try_parse_from(["assay", "--lang", "en", "p.ron"]).expect("parses");
        assert_eq!(
            (cli.lang, cli.file),
            (Some(LangArg::En), Some(PathBuf::from("p.ron")))
        );
        assert!(Cli::try_parse_from(["assay", "report", "p.ron", "--lang", "de"]).is_err());
    }
}
