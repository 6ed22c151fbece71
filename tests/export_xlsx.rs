//! The Excel export recalculated by a real spreadsheet engine: LibreOffice
//! headless (Debian `libreoffice-calc-nogui`; `.ci/run` installs it).
//!
//! LibreOffice is the independent check: it computes every ledger cell from
//! the workbook's formulas and inputs, and the test compares each with
//! Assay's Decimal ledger (`engine::appraise`) to the cent. Without
//! LibreOffice these tests fail with a message saying what to install.
//!
//! LibreOffice runs with a throwaway profile that forces a full
//! recalculation on load (`OOXMLRecalcMode` = always), and the workbook
//! stores no results for its formulas; `the_engine_recalculates_...` proves
//! both by planting wrong cached values and seeing them replaced.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use assay::engine::appraise::appraise;
use assay::engine::compare::scenario_result;
use assay::engine::ledger::price_series;
use assay::export::Cases;
use assay::export::xlsx::{XlsxOptions, workbook};
use assay::io::load_project;
use assay::model::{
    Convention, GrantSize, PriceForecast, Project, Repayment, SupportInstrument, SupportKind,
};
use assay::report::ledger_lines;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// A sheet as LibreOffice wrote it: rows of cells.
type Sheet = Vec<Vec<String>>;

fn soffice() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["soffice", "libreoffice"] {
            let p = dir.join(name);
            if p.is_file() {
                return p;
            }
        }
    }
    panic!(
        "LibreOffice is needed to recalculate the exported workbook and was not found on PATH: \
         install the Debian package libreoffice-calc-nogui (`apt-get install -y \
         --no-install-recommends libreoffice-calc-nogui`; .ci/run does)"
    );
}

fn temp_dir(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let k = N.fetch_add(1, Ordering::SeqCst);
    let d = std::env::temp_dir().join(format!("assay-xlsx-{}-{tag}-{k}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Recalculates each workbook in LibreOffice (one run for all) and returns,
/// per workbook, its sheets by name. With `formulas`, formula cells come
/// back as their formula text (`=...`) instead of their value.
fn recalc(files: &[PathBuf], formulas: bool) -> Vec<BTreeMap<String, Sheet>> {
    let exe = soffice();
    let dir = temp_dir("lo");
    let profile = dir.join("profile");
    std::fs::create_dir_all(profile.join("user")).expect("profile");
    // Always recalculate on load, whatever the file says about itself.
    std::fs::write(
        profile.join("user/registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .expect("profile settings");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).expect("out dir");
    // CSV: comma, double quote, UTF-8, US English, values not as shown (full
    // precision), formulas or values, every sheet to its own file.
    let filter = format!(
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,{},false,-1",
        formulas
    );
    let status = Command::new(&exe)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            &filter,
            "--outdir",
        ])
        .arg(&out)
        .args(files)
        .output()
        .expect("run LibreOffice");
    assert!(
        status.status.success(),
        "LibreOffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    files
        .iter()
        .map(|f| {
            let stem = f.file_stem().expect("stem").to_string_lossy().into_owned();
            let mut sheets = BTreeMap::new();
            for entry in std::fs::read_dir(&out).expect("read out") {
                let p = entry.expect("entry").path();
                let name = p.file_name().expect("name").to_string_lossy().into_owned();
                if let Some(sheet) = name
                    .strip_prefix(&format!("{stem}-"))
                    .and_then(|s| s.strip_suffix(".csv"))
                {
                    let text = std::fs::read_to_string(&p).expect("csv");
                    sheets.insert(sheet.to_string(), parse_csv(&text));
                }
            }
            assert!(!sheets.is_empty(), "LibreOffice wrote no sheet for {stem}");
            sheets
        })
        .collect()
}

/// CSV with double-quoted fields ("" inside for a quote).
fn parse_csv(text: &str) -> Sheet {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn number(cell: &str) -> Option<f64> {
    let c = cell.trim();
    match c.strip_suffix('%') {
        Some(p) => p.parse::<f64>().ok().map(|x| x / 100.0),
        None => c.parse().ok(),
    }
}

/// The row of a sheet whose column `col` reads `text`.
fn row_with<'a>(sheet: &'a Sheet, col: usize, text: &str) -> Option<&'a Vec<String>> {
    sheet.iter().find(|r| r.get(col).is_some_and(|c| c == text))
}

fn export(project: &Project, cases: Cases, dir: &Path, name: &str) -> PathBuf {
    let options = XlsxOptions {
        cases,
        date: "2026-01-01".into(),
        risk: false,
        monte_carlo: None,
    };
    let bytes = workbook(project, &options).expect("export");
    let path = dir.join(format!("{name}.xlsx"));
    std::fs::write(&path, bytes).expect("write xlsx");
    path
}

/// A sample project. "afrikanda" is the sample as it was before file
/// format 4 (`tests/data/afrikanda-v3.ron`): the workbook's formulas do not
/// yet cover the Russian taxes format 4 added (payroll, property tax, VAT),
/// and refuses a case that uses them (see
/// `the_workbook_refuses_lines_it_does_not_reproduce`).
fn sample(name: &str) -> Project {
    let path = match name {
        "afrikanda" => "tests/data/afrikanda-v3.ron".to_string(),
        other => format!("projects/{other}.ron"),
    };
    load_project(Path::new(&path)).expect("sample")
}

/// The current Afrikanda uses property tax, payroll and VAT: the workbook
/// says so instead of writing formulas that would disagree with Assay.
#[test]
fn the_workbook_refuses_lines_it_does_not_reproduce() {
    let p = load_project(Path::new("projects/afrikanda.ron")).expect("sample");
    let options = assay::export::xlsx::XlsxOptions {
        cases: Cases::Base,
        date: "2026-12-01".into(),
        risk: false,
        monte_carlo: None,
    };
    let e = assay::export::xlsx::workbook(&p, &options).expect_err("refused");
    assert!(
        e.to_string()
            .contains("payroll and insurance contributions"),
        "{e}"
    );
}

fn instrument(
    name: &str,
    kind: SupportKind,
    years: (i32, i32),
    taxable: bool,
) -> SupportInstrument {
    SupportInstrument {
        name: name.into(),
        kind,
        first_year: years.0,
        last_year: years.1,
        taxable,
    }
}

fn d(x: &str) -> Decimal {
    x.parse().expect("decimal")
}

/// Afrikanda (second currency RUB, losses carried forward with a 50% cap)
/// with commercial debt (`repayment`), a soft loan, a capital grant, a tax
/// holiday, an interest subsidy, an offtake floor, a production and an
/// operating subsidy; the mine closes in 2040, mid-horizon, and the timing
/// is mid-year.
fn financed(repayment: Repayment, grant: GrantSize) -> Project {
    let mut p = sample("afrikanda");
    p.scenarios.clear();
    p.convention = Convention::MidYear;
    p.financing.debt_share_of_capex = d("0.5");
    p.financing.repayment = repayment;
    p.facilities[0].end_year = Some(2040);
    p.facilities[0].closure_year = None;
    p.support = vec![
        instrument(
            "Soft loan",
            SupportKind::ConcessionalLoan {
                amount: d("50000000"),
                rate: d("0.03"),
                tenor_years: 7,
                grace_years: 2,
            },
            (2027, 2034),
            false,
        ),
        instrument(
            "Grant",
            SupportKind::CapitalGrant {
                size: grant,
                reduces_depreciable_base: true,
            },
            (2026, 2027),
            true,
        ),
        instrument(
            "Holiday",
            SupportKind::TaxRelief {
                reduced_rate: d("0"),
            },
            (2029, 2031),
            false,
        ),
        instrument(
            "Interest subsidy",
            SupportKind::InterestSubsidy {
                rate_points: d("0.03"),
            },
            (2027, 2034),
            true,
        ),
        instrument(
            "Offtake",
            SupportKind::OfftakeFloor {
                product: "Rare-earth oxides".into(),
                floor_price: d("13"),
            },
            (2028, 2045),
            false,
        ),
        instrument(
            "TiO2 subsidy",
            SupportKind::ProductionSubsidy {
                product: "Titanium dioxide".into(),
                amount_per_unit: d("10"),
            },
            (2028, 2035),
            true,
        ),
        instrument(
            "Operating subsidy",
            SupportKind::OperatingSubsidy {
                amount_per_year: d("5000000"),
            },
            (2028, 2032),
            true,
        ),
    ];
    p
}

/// Compares every line of a case's ledger, its budget costs and its metrics
/// with LibreOffice's recalculation; returns how many cells agreed.
fn check_case(
    project: &Project,
    sheets: &BTreeMap<String, Sheet>,
    suffix: &str,
    what: &str,
) -> usize {
    let a = appraise(project).expect("appraise");
    let ledger = sheets
        .get(&format!("Ledger{suffix}"))
        .expect("Ledger sheet");
    let mut checked = 0;
    let mut lines: Vec<(String, bool, Vec<Decimal>)> = ledger_lines(project, &a.ledger)
        .into_iter()
        .map(|l| (l.key, l.money, l.values.to_vec()))
        .collect();
    for (s, costs) in a.ledger.budget_cost_by_instrument.iter().enumerate() {
        let key = lines[project.products.len() + 1 + s]
            .0
            .replacen("support_", "budget_cost_", 1);
        lines.push((key, true, costs.clone()));
    }
    for (key, money, values) in &lines {
        let row = row_with(ledger, 1, key).unwrap_or_else(|| panic!("{what}: no Ledger row {key}"));
        for (j, v) in values.iter().enumerate() {
            let cell = row.get(2 + j).map_or("", |c| c.as_str());
            let got = number(cell)
                .unwrap_or_else(|| panic!("{what}: {key} year {j}: not a number: {cell:?}"));
            let expected = v.to_f64().expect("f64");
            let tol = if *money { 0.005 } else { 5e-13 };
            assert!(
                (got - expected).abs() <= tol,
                "{what}: {key}, year {}: LibreOffice {got}, Assay {v}, tolerance {tol}",
                a.ledger.years[j]
            );
            checked += 1;
        }
    }
    let metrics = sheets
        .get(&format!("Metrics{suffix}"))
        .expect("Metrics sheet");
    let metric = |label: &str| {
        row_with(metrics, 0, label)
            .and_then(|r| number(&r[1]))
            .unwrap_or_else(|| panic!("{what}: metric {label}"))
    };
    let npv = a.metrics.npv.to_f64().expect("npv");
    let got = metric("NPV (project)");
    assert!(
        (got - npv).abs() <= 0.005,
        "{what}: NPV LibreOffice {got}, Assay {npv}"
    );
    let equity = assay::engine::compare::investor_npv(&a.ledger)
        .expect("equity")
        .to_f64()
        .expect("f64");
    let got = metric("NPV (equity, the investor's)");
    assert!(
        (got - equity).abs() <= 0.005,
        "{what}: equity NPV LibreOffice {got}, Assay {equity}"
    );
    if let Some(irr) = a.metrics.irr.primary {
        let got = metric("IRR (project), primary root");
        assert!(
            (got - irr).abs() <= 1e-9,
            "{what}: IRR LibreOffice {got}, Assay {irr}"
        );
    }
    if let Some(mirr) = a.metrics.mirr {
        let got = metric("MIRR (finance and reinvestment at the discount rate)");
        assert!(
            (got - mirr).abs() <= 1e-9,
            "{what}: MIRR LibreOffice {got}, Assay {mirr}"
        );
    }
    if let Some(pb) = a.metrics.payback_years {
        let got = metric("Payback, years from the first year");
        assert!(
            (got - pb).abs() <= 1e-9,
            "{what}: payback LibreOffice {got}, Assay {pb}"
        );
    }
    let state = scenario_result(
        assay::engine::compare::CaseName::Scenario("case".into()),
        Vec::new(),
        project,
    )
        .expect("state view")
        .state;
    let got = metric("PV budget cost (state's rate)");
    let pv = state.budget_cost_pv.to_f64().expect("f64");
    assert!(
        (got - pv).abs() <= 0.005,
        "{what}: PV budget cost LibreOffice {got}, Assay {pv}"
    );
    let got = metric("PV profit tax and royalties (state's rate)");
    let pv = state.taxes_pv.to_f64().expect("f64");
    assert!(
        (got - pv).abs() <= 0.005,
        "{what}: PV taxes LibreOffice {got}, Assay {pv}"
    );
    checked
}

/// Every ledger cell, budget cost and NPV agrees with the Decimal ledger to
/// the cent: both samples (Afrikanda with every scenario, one Ledger sheet
/// each) and a project with debt, a soft loan, a grant, a tax holiday, a
/// loss cap and a second currency, in annuity and equal-principal variants.
#[test]
fn every_ledger_cell_agrees_with_assay_to_the_cent() {
    let dir = temp_dir("cent");
    let afrikanda = sample("afrikanda");
    let parity = sample("import-parity");
    let annuity = financed(Repayment::Annuity, GrantSize::Amount(d("30000000")));
    let equal = financed(
        Repayment::EqualPrincipal,
        GrantSize::ShareOfCapex(d("0.15")),
    );
    let files = [
        export(&afrikanda, Cases::All, &dir, "afrikanda"),
        export(&parity, Cases::Base, &dir, "parity"),
        export(&annuity, Cases::Base, &dir, "annuity"),
        export(&equal, Cases::Base, &dir, "equal"),
    ];
    let books = recalc(&files, false);
    let mut checked = 0;
    checked += check_case(&afrikanda, &books[0], "", "Afrikanda base");
    for (k, s) in afrikanda.scenarios.iter().enumerate() {
        let case = s.apply(&afrikanda);
        checked += check_case(&case, &books[0], &format!(" {}", k + 2), &s.name);
    }
    checked += check_case(&parity, &books[1], "", "import parity");
    checked += check_case(&annuity, &books[2], "", "financed, annuity");
    checked += check_case(&equal, &books[3], "", "financed, equal principal");
    // 9 Afrikanda cases x (>= 30 lines x 21 years), and the rest.
    assert!(checked > 9 * 30 * 21, "only {checked} cells compared");
}

/// Reads every file of a zip archive.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).expect("entry");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("read entry");
            (f.name().expect("entry name").to_string(), data)
        })
        .collect()
}

fn rezip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in files {
        w.start_file(name.as_str(), options).expect("start");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

fn text_of<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    let data = &files.iter().find(|(n, _)| n == name).expect(name).1;
    std::str::from_utf8(data).expect("utf-8")
}

/// The sheet row (1-based) whose column A holds `label` (a shared string).
fn label_row(files: &[(String, Vec<u8>)], sheet: &str, label: &str) -> u32 {
    let strings = text_of(files, "xl/sharedStrings.xml");
    let index = strings
        .split("<si>")
        .skip(1)
        .position(|s| s.contains(&format!(">{label}</t>")))
        .unwrap_or_else(|| panic!("no string {label}"));
    let xml = text_of(files, sheet);
    let needle = format!("t=\"s\"><v>{index}</v>");
    let at = xml
        .find(&needle)
        .unwrap_or_else(|| panic!("no cell with {label}"));
    let start = xml[..at].rfind("<c r=\"A").expect("cell start") + 7;
    let digits: String = xml[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().expect("row")
}

/// Replaces the cell `r` of a sheet with `replacement`.
fn replace_cell(files: &mut [(String, Vec<u8>)], sheet: &str, r: &str, replacement: &str) {
    let xml = text_of(files, sheet).to_string();
    let start = xml
        .find(&format!("<c r=\"{r}\""))
        .unwrap_or_else(|| panic!("no cell {r}"));
    let end = start + xml[start..].find("</c>").expect("cell end") + 4;
    let new = format!("{}{replacement}{}", &xml[..start], &xml[end..]);
    let slot = files.iter_mut().find(|(n, _)| n == sheet).expect(sheet);
    slot.1 = new.into_bytes();
}

fn column(year_index: usize) -> String {
    assay::export::xlsx::col_name(assay::export::xlsx::FIRST_COL + year_index as u16)
}

/// Changing an input cell in the workbook (the REO price of one year, the
/// concentrator's capex of one year) moves NPV exactly as Assay's appraisal
/// of the same change; and a wrong result planted in the NPV cell and in a
/// ledger cell is replaced by the recalculated one.
#[test]
fn a_changed_input_moves_npv_as_assay_does_and_cached_values_are_not_read() {
    let dir = temp_dir("input");
    let base = sample("afrikanda");
    let bytes = workbook(
        &base,
        &XlsxOptions {
            date: "2026-01-01".into(),
            ..XlsxOptions::default()
        },
    )
    .expect("export");
    let mut files = unzip(&bytes);
    let inputs = "xl/worksheets/sheet1.xml";
    let (price_year, new_price) = (2030, d("14.25"));
    let (capex_year, new_capex) = (2027, d("5000000000"));
    let j_price = (price_year - base.first_year) as usize;
    let j_capex = (capex_year - base.first_year) as usize;
    let price_row = label_row(&files, inputs, "Price: Rare-earth oxides");
    let capex_row = label_row(&files, inputs, "Initial capex: Concentrator");
    for (col, row, value) in [
        (column(j_price), price_row, new_price),
        (column(j_capex), capex_row, new_capex),
    ] {
        let r = format!("{col}{row}");
        replace_cell(
            &mut files,
            inputs,
            &r,
            &format!("<c r=\"{r}\"><v>{value}</v></c>"),
        );
    }
    // Wrong cached results: NPV (Metrics B7) and the first year's revenue.
    let metrics = "xl/worksheets/sheet3.xml";
    let npv_row = label_row(&files, metrics, "NPV (project)");
    let npv_cell = format!("B{npv_row}");
    let xml = text_of(&files, metrics).to_string();
    let f_start = xml.find(&format!("<c r=\"{npv_cell}\"")).expect("npv cell");
    let formula = &xml[f_start..];
    let formula = &formula[formula.find("<f>").expect("f")..formula.find("</f>").expect("/f") + 4];
    replace_cell(
        &mut files,
        metrics,
        &npv_cell,
        &format!("<c r=\"{npv_cell}\">{formula}<v>12345</v></c>"),
    );
    let path = dir.join("changed.xlsx");
    std::fs::write(&path, rezip(&files)).expect("write");

    let mut changed = base.clone();
    let reo = changed.product_index("Rare-earth oxides").expect("REO");
    let years: Vec<i32> = (base.first_year..=base.last_year()).collect();
    let mut prices = price_series(&changed.products[reo].price, &years).expect("prices");
    prices[j_price] = new_price;
    changed.products[reo].price = PriceForecast::Table(years.iter().copied().zip(prices).collect());
    let conc = changed
        .facilities
        .iter()
        .position(|f| f.name == "Concentrator")
        .expect("conc");
    changed.facilities[conc].capex.insert(capex_year, new_capex);
    let expected = appraise(&changed).expect("appraise").metrics.npv;
    let before = appraise(&base).expect("appraise").metrics.npv;
    assert!(
        (expected - before).abs() > d("1000000"),
        "the change must matter"
    );

    let books = recalc(&[path], false);
    let metrics = &books[0]["Metrics"];
    let got = row_with(metrics, 0, "NPV (project)")
        .and_then(|r| number(&r[1]))
        .expect("npv");
    let expected = expected.to_f64().expect("f64");
    assert!(
        (got - expected).abs() <= 0.005,
        "NPV after the change: LibreOffice {got}, Assay {expected} (before: {before}; 12345 is the planted cached value)"
    );
    // The whole changed ledger agrees too.
    check_case(&changed, &books[0], "", "changed Afrikanda");
}

/// A formula whose stored result is wrong comes back right: the conversion
/// recalculates rather than reading cached values. Also the exported
/// workbook stores no result for any formula.
#[test]
fn the_engine_recalculates_rather_than_reading_cached_values() {
    let dir = temp_dir("cache");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_number(0, 0, 2).expect("a1");
    ws.write_number(0, 1, 3).expect("b1");
    ws.write_formula(
        0,
        2,
        rust_xlsxwriter::Formula::new("=A1*B1").set_result("999"),
    )
    .expect("c1");
    let planted = dir.join("planted.xlsx");
    wb.save(&planted).expect("save");
    let books = recalc(&[planted], false);
    let sheet = books[0].values().next().expect("sheet");
    assert_eq!(
        sheet[0][2], "6",
        "LibreOffice read the cached 999 instead of computing 6"
    );

    let bytes = workbook(&sample("import-parity"), &XlsxOptions::default()).expect("export");
    let files = unzip(&bytes);
    let ledger = text_of(&files, "xl/worksheets/sheet2.xml");
    let formulas = ledger.matches("<f>").count();
    let empty = ledger.matches("</f><v></v>").count();
    assert!(formulas > 100, "only {formulas} formulas");
    assert_eq!(formulas, empty, "a formula in Ledger stores a result");
}

/// Every cell of every ledger line in a producing year is a formula (read
/// back from LibreOffice with formulas shown), for both samples and the
/// financed project.
#[test]
fn every_ledger_cell_in_a_producing_year_is_a_formula() {
    let dir = temp_dir("formulas");
    let projects = [
        sample("afrikanda"),
        sample("import-parity"),
        financed(Repayment::Annuity, GrantSize::ShareOfCapex(d("0.2"))),
    ];
    let files: Vec<PathBuf> = projects
        .iter()
        .enumerate()
        .map(|(k, p)| export(p, Cases::Base, &dir, &format!("f{k}")))
        .collect();
    let books = recalc(&files, true);
    for (p, book) in projects.iter().zip(&books) {
        let a = appraise(p).expect("appraise");
        let ledger = &book["Ledger"];
        let main = p.main_product_index().expect("main");
        let producing: Vec<usize> = (0..a.ledger.years.len())
            .filter(|&j| a.ledger.revenue_by_product[main][j] > Decimal::ZERO)
            .collect();
        assert!(!producing.is_empty());
        let mut formulas = 0;
        for line in ledger_lines(p, &a.ledger) {
            let row =
                row_with(ledger, 1, &line.key).unwrap_or_else(|| panic!("no row {}", line.key));
            for &j in &producing {
                let cell = &row[2 + j];
                assert!(
                    cell.starts_with('='),
                    "{}: {} in {} is not a formula: {cell}",
                    p.name,
                    line.key,
                    a.ledger.years[j]
                );
                formulas += 1;
            }
        }
        // Every line of the ledger, every producing year.
        assert_eq!(formulas, ledger_lines(p, &a.ledger).len() * producing.len());
    }
}
