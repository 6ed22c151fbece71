//! The PDF report read back by poppler (`pdftotext`, `pdffonts`, `pdfinfo`;
//! Debian `poppler-utils`, installed by `.ci/run`): the figures are those the
//! text report and the compare command print, the sections are there, the
//! pages are A4, and the fonts (with Cyrillic) are embedded. Without poppler
//! these tests fail with a message saying what to install.

use std::path::{Path, PathBuf};
use std::process::Command;

use assay::engine::appraise::appraise;
use assay::engine::compare::{SolverConfig, solve_required};
use assay::export::Cases;
use assay::export::pdf::{PdfOptions, report};
use assay::i18n::{Lang, Scope};
use assay::io::load_project;
use assay::model::Project;
use assay::report::{group, millions, money, pct, required_level_text, text_report};

fn tool(name: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{name} is needed to read the PDF report back and was not found on PATH: install \
                 the Debian package poppler-utils (.ci/run does)"
            )
        })
}

fn run(name: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(tool(name))
        .args(args)
        .arg(file)
        .args(if name == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .expect("run poppler");
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write_report(project: &Project, cases: Cases, name: &str) -> PathBuf {
    write_report_in(project, cases, name, Lang::En)
}

fn write_report_in(project: &Project, cases: Cases, name: &str, lang: Lang) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("assay-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let bytes = report(
        project,
        &PdfOptions {
            cases,
            date: "2026-01-01".into(),
            lang,
        },
    )
    .expect("report");
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).expect("write");
    path
}

fn sample(name: &str) -> Project {
    load_project(Path::new(&format!("projects/{name}.ron"))).expect("sample")
}

/// Collapses runs of white space, as text extraction breaks lines.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The NPV, IRR, breakeven and ranking figures appear exactly as `assay
/// report` and `assay compare` print them; every section has its heading.
#[test]
fn the_report_prints_the_figures_and_sections_of_the_text_reports() {
    let p = sample("afrikanda");
    let file = write_report(&p, Cases::Base, "afrikanda");
    let text = squash(&run("pdftotext", &[], &file));
    let a = appraise(&p).expect("appraise");
    let m = &a.metrics;
    let cur = &p.currency;
    let mut expected = vec![
        format!("{} {cur}", money(m.npv)),
        pct(m.irr.primary.expect("irr")),
        format!(
            "{} {cur}/kg",
            group(m.breakeven_price.expect("breakeven"), 2)
        ),
    ];
    for r in solve_required(&p, &SolverConfig::default()) {
        expected.push(required_level_text(&r, cur, "kg"));
        if let Some(c) = r.budget_cost_pv {
            expected.push(format!("{} {cur}", millions(c)));
        }
    }
    for e in &expected {
        assert!(text.contains(&squash(e)), "the report lacks {e:?}");
    }
    for heading in [
        "Investment appraisal report",
        "Summary",
        "Key figures",
        "Charts",
        "Yearly ledger",
        "Funding options",
        "Least support of each kind",
        "Sensitivity",
        "Assumptions and sources",
        "Conventions, in brief",
    ] {
        assert!(text.contains(heading), "no heading {heading:?}");
    }
    let info = run("pdfinfo", &[], &file);
    assert!(info.contains("595.28 x 841.89 pts (A4)"), "{info}");
}

/// Cyrillic text comes out as written (the font is embedded and maps back
/// to Unicode), and every font in the file is embedded.
#[test]
fn cyrillic_names_survive_and_fonts_are_embedded() {
    let mut p = sample("import-parity");
    p.name = "Африканда: редкоземельные металлы".into();
    let file = write_report(&p, Cases::Base, "cyrillic");
    let text = run("pdftotext", &[], &file);
    assert!(text.contains("Африканда: редкоземельные металлы"), "{text}");
    let fonts = run("pdffonts", &[], &file);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        assert!(row.contains("DejaVuSans"), "{row}");
        // Columns: name type encoding emb sub uni object ID.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "not embedded: {row}");
    }
}

/// The same report in Russian: Russian headings (written out here by
/// hand), the figures exactly as the Russian text report prints them, the
/// notes register with every source, and the fonts (with Cyrillic)
/// embedded.
#[test]
fn the_russian_report_has_russian_headings_figures_and_sources() {
    let p = sample("afrikanda");
    let file = write_report_in(&p, Cases::Base, "afrikanda-ru", Lang::Ru);
    let text = squash(&run("pdftotext", &[], &file));
    for heading in [
        "Отчёт об оценке инвестиционного проекта",
        "Резюме",
        "Основные показатели",
        "Графики",
        "Денежные потоки по годам",
        "Варианты поддержки",
        "Минимальная поддержка каждого вида",
        "Чувствительность",
        "Допущения и источники",
        "Источники",
        "Правила расчёта, кратко",
    ] {
        assert!(text.contains(heading), "no heading {heading:?}");
    }
    // Nothing of the English headings is left.
    for english in ["Summary", "Key figures", "Yearly ledger", "Funding options"] {
        assert!(
            !text.contains(english),
            "English {english:?} in the Russian report"
        );
    }
    // The figures as the Russian text report prints them: each is found in
    // the text report and in the PDF.
    let _ru = Scope::enter(Lang::Ru);
    let a = appraise(&p).expect("appraise");
    let m = &a.metrics;
    let printed = squash(&text_report(&p, &a));
    let figures = [
        money(m.npv),
        pct(m.irr.primary.expect("irr")),
        group(m.breakeven_price.expect("breakeven"), 2),
    ];
    for f in &figures {
        let f = squash(f);
        assert!(printed.contains(&f), "the text report lacks {f:?}");
        assert!(text.contains(&f), "the Russian PDF lacks {f:?}");
    }
    // By hand: NPV -52.73M (README) written -52 733 325,53 (narrow spaces,
    // a decimal comma), the IRR with a decimal comma and a spaced percent
    // sign.
    assert_eq!(figures[0], "-52\u{202f}733\u{202f}325,53");
    assert!(
        figures[1].ends_with("\u{a0}%") && figures[1].contains(','),
        "{}",
        figures[1]
    );
    // Units in Russian: the breakeven in долл./кг.
    assert!(
        text.contains(&format!("{} долл./кг", squash(&figures[2]))),
        "no долл./кг"
    );
    // The register: every note (62) and source (23) of the file, e.g. this
    // source's title, and the date as Russians write it.
    assert_eq!((p.notes.len(), p.sources.len()), (62, 23));
    assert!(
        text.contains("62 примечания к исходным данным"),
        "no notes count"
    );
    assert!(text.contains("23 источника"), "no sources count");
    assert!(
        text.contains("Industrial Development Fund loan terms"),
        "the sources register lacks a source"
    );
    assert!(
        text.contains("[frprf.ru]"),
        "the sources register lacks a key"
    );
    assert!(text.contains("Дата: 01.01.2026"), "no Russian date");
    let fonts = run("pdffonts", &[], &file);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        assert!(row.contains("DejaVuSans"), "{row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
    }
}
