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
use assay::i18n::Lang;
use assay::io::load_project;
use assay::model::{
    ArcticTerms, ClosureSpread, Convention, GrantSize, PriceForecast, Project, Repayment, Royalty,
    RoyaltyRate, SupportInstrument, SupportKind,
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
        lang: Lang::En,
    };
    let bytes = workbook(project, &options).expect("export");
    let path = dir.join(format!("{name}.xlsx"));
    std::fs::write(&path, bytes).expect("write xlsx");
    path
}

/// A sample project: the current samples in `projects/`, or a fixture in
/// `tests/data/` ("afrikanda-v3", the sample before file format 4;
/// "xlsx-fiscal", every line and relief format 4 added, small enough to
/// check by hand).
fn sample(name: &str) -> Project {
    let path = match name {
        "afrikanda-v3" | "xlsx-fiscal" => format!("tests/data/{name}.ron"),
        other => format!("projects/{other}.ron"),
    };
    load_project(Path::new(&path)).expect("sample")
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

/// Afrikanda (second currency RUB, losses carried forward with a 50% cap,
/// payroll in RUB, property tax, VAT) with commercial debt (`repayment`), a
/// soft loan, a capital grant, a tax holiday, an interest subsidy, an
/// offtake floor, a production and an operating subsidy, and the three
/// reliefs of file format 4 together (property tax, contributions, the
/// Arctic zone resident, whose profit-tax steps overlap the holiday); the
/// mine closes in 2040, mid-horizon, with a closure spread in RUB; the
/// concentrator has a property book life of its own; a second royalty
/// line per tonne of TiO2 from 2030 to 2040; property tax is 0 in 2028 by
/// regional law, VAT is refunded after 2 years; the timing is mid-year.
fn financed(repayment: Repayment, grant: GrantSize) -> Project {
    let mut p = sample("afrikanda");
    p.scenarios.clear();
    p.convention = Convention::MidYear;
    p.financing.debt_share_of_capex = d("0.5");
    p.financing.repayment = repayment;
    p.facilities[0].end_year = Some(2040);
    p.facilities[0].closure_year = None;
    p.facilities[0].closure_spread = Some(ClosureSpread {
        amount_per_year: d("250000000"),
        first_year: 2041,
        years: 3,
    });
    p.facilities[1].property_life_years = Some(7);
    p.fiscal.royalties.push(Royalty {
        name: "TiO2 levy".into(),
        product: Some("Titanium dioxide".into()),
        rate: RoyaltyRate::PerUnit(d("12.5")),
        first_year: Some(2030),
        last_year: Some(2040),
    });
    if let Some(pt) = &mut p.fiscal.property_tax {
        pt.relief_years = Some((2028, 2028));
    }
    if let Some(vat) = &mut p.fiscal.vat {
        vat.refund_lag_years = 2;
    }
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
        instrument(
            "Property relief",
            SupportKind::PropertyTaxRelief {
                reduced_rate: d("0.011"),
            },
            (2029, 2035),
            false,
        ),
        instrument(
            "Contribution relief",
            SupportKind::ContributionRelief {
                reduced_rate: d("0.15"),
            },
            (2028, 2033),
            false,
        ),
        instrument(
            "Arctic",
            SupportKind::ArcticZoneResident(ArcticTerms {
                profit_tax_steps: vec![(2, d("0.13")), (3, d("0.18"))],
                property_tax: (4, d("0.005")),
                contributions: (6, d("0.076")),
            }),
            (2030, 2039),
            false,
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
    if a.ledger.social_funds_cost.iter().any(|x| !x.is_zero()) {
        lines.push((
            "social_funds_cost".into(),
            true,
            a.ledger.social_funds_cost.clone(),
        ));
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
    let got = metric("PV profit tax, property tax and royalties (state's rate)");
    let pv = state.taxes_pv.to_f64().expect("f64");
    assert!(
        (got - pv).abs() <= 0.005,
        "{what}: PV taxes LibreOffice {got}, Assay {pv}"
    );
    checked
}

/// Every ledger cell, budget cost and NPV agrees with the Decimal ledger to
/// the cent: both samples (Afrikanda with every scenario, one Ledger sheet
/// each, with file format 4's payroll, property tax, VAT, the Arctic zone
/// resident and a tax relief), the pre-format-4 Afrikanda with every
/// scenario, the fiscal fixture with every scenario (every format 4 line and
/// relief), and a project with debt, a soft loan, a grant, a tax holiday,
/// the three reliefs, a loss cap and a second currency, in annuity and
/// equal-principal variants.
#[test]
fn every_ledger_cell_agrees_with_assay_to_the_cent() {
    let dir = temp_dir("cent");
    let afrikanda = sample("afrikanda");
    let v3 = sample("afrikanda-v3");
    let fiscal = sample("xlsx-fiscal");
    let parity = sample("import-parity");
    let annuity = financed(Repayment::Annuity, GrantSize::Amount(d("30000000")));
    let equal = financed(
        Repayment::EqualPrincipal,
        GrantSize::ShareOfCapex(d("0.15")),
    );
    let files = [
        export(&afrikanda, Cases::All, &dir, "afrikanda"),
        export(&v3, Cases::All, &dir, "v3"),
        export(&fiscal, Cases::All, &dir, "fiscal"),
        export(&parity, Cases::Base, &dir, "parity"),
        export(&annuity, Cases::Base, &dir, "annuity"),
        export(&equal, Cases::Base, &dir, "equal"),
    ];
    let books = recalc(&files, false);
    let mut checked = 0;
    for (project, book, what) in [
        (&afrikanda, &books[0], "Afrikanda"),
        (&v3, &books[1], "Afrikanda v3"),
        (&fiscal, &books[2], "fiscal fixture"),
    ] {
        checked += check_case(project, book, "", &format!("{what}: base"));
        for (k, s) in project.scenarios.iter().enumerate() {
            let case = s.apply(project);
            let name = format!("{what}: {}", s.name);
            checked += check_case(&case, book, &format!(" {}", k + 2), &name);
        }
    }
    checked += check_case(&parity, &books[3], "", "import parity");
    checked += check_case(&annuity, &books[4], "", "financed, annuity");
    checked += check_case(&equal, &books[5], "", "financed, equal principal");
    // 9 Afrikanda cases x (>= 35 lines x 21 years), as many again for v3,
    // and the rest.
    assert!(checked > 2 * 9 * 35 * 21, "only {checked} cells compared");
    eprintln!("{checked} cells agree with Assay's ledger");
}

/// The fiscal fixture (`tests/data/xlsx-fiscal.ron`, 2026-2031) worked by
/// hand, read from LibreOffice's recalculation of its workbook.
///
/// Base case. Payroll: Plant 10 x 20 = 200 plus Store 100 = 300 a year in
/// the operating years 2027-2030; contributions 30% = 90. Property tax:
/// the Plant's 900 written down over its book life of 4 years (225 a year
/// from 2027, the rest written off at closure in 2030): book 900, 675,
/// 450, 225, 0; averages 787.5, 562.5, 337.5, 112.5; at 2% = 15.75, 11.25,
/// 6.75, and 0 in 2030 (the regional relief year); the Store's 100 of 2030
/// is written off the year it is spent (average 0). VAT 20% on capex: 180
/// in 2026, refunded after 2 years in 2028; 20 in 2030, whose refund would
/// fall in 2032, refunded in the last year, 2031. Royalties: MET 8% of the
/// Oxide's 1,000 = 80; the Levy 2 x 5 t of Concentrate = 10 from 2028; the
/// Fee 1% of all revenue (1,200) = 12 to 2028; 0.5 x 15 t = 7.5: 99.5,
/// 109.5, 97.5, 97.5. Closure: 30 a year from 2029 for 4 years, the last
/// past the horizon. EBITDA = 1,200 - (100 + 300 + 90) - property tax -
/// royalties = 594.75, 589.25, 605.75, 612.5. Depreciation 300, 300, 300
/// (tax life 3), then the Store's 100 in 2030. Taxable income 294.75,
/// 289.25, 275.75, 482.5, -30; tax 20% = 58.95, 57.85, 55.15, 96.5. Cash
/// flow: -900 - 180 = -1,080; 594.75 - 58.95 = 535.8; 589.25 - 57.85 +
/// 180 = 711.4; 605.75 - 55.15 - 30 = 520.6; 612.5 - 96.5 - 100 - 30 - 20
/// = 366; -30 + 20 = -10.
///
/// Scenarios, each relief from 2027: property tax 1% in 2027-2028 gives up
/// (2% - 1%) x 787.5 = 7.875 and x 562.5 = 5.625; contributions 10% in
/// 2027-2030 give up (30% - 10%) x 300 = 60 a year; the Arctic zone
/// resident (profit tax 5% for a year then 10% for a year, property tax 0
/// for a year, contributions 7.6% for 2 years): contributions 22.8, 22.8;
/// property tax 0 in 2027; EBITDA 677.7, 656.45; profit tax 377.7 x 5% =
/// 18.885, 356.45 x 10% = 35.645; budget cost 2027: 15.75 (property) +
/// 67.2 (contributions, (30% - 7.6%) x 300) + 377.7 x 15% = 56.655 (profit
/// tax) = 139.605; 2028: 67.2 + 35.645 = 102.845. All three together: the
/// rates in force are the lowest (property 0% then 1%, contributions 7.6%,
/// 7.6%, 10%, 10%), so EBITDA 677.7, 662.075, 665.75, 672.5 and profit tax
/// 18.885, 36.2075, 67.15, 108.5; each relief is priced alone against
/// those bases: the property relief 7.875, 5.625, the contribution relief
/// 60 a year, the Arctic zone 139.605 and 67.2 + 362.075 x 10% = 103.4075;
/// the social funds give up 60 + 67.2 = 127.2 in 2027-2028, then 60.
#[test]
fn the_fiscal_lines_agree_with_hand_values() {
    let dir = temp_dir("hand");
    let fiscal = sample("xlsx-fiscal");
    let books = recalc(&[export(&fiscal, Cases::All, &dir, "fiscal")], false);
    let book = &books[0];
    let check = |sheet: &str, key: &str, expected: [f64; 6]| {
        let ledger = book
            .get(sheet)
            .unwrap_or_else(|| panic!("no sheet {sheet}"));
        let row = row_with(ledger, 1, key).unwrap_or_else(|| panic!("{sheet}: no row {key}"));
        for (j, e) in expected.iter().enumerate() {
            let got = number(&row[2 + j]).unwrap_or_else(|| panic!("{sheet} {key}: {row:?}"));
            assert!(
                (got - e).abs() <= 1e-9,
                "{sheet}: {key}, year {}: LibreOffice {got}, by hand {e}",
                2026 + j
            );
        }
    };
    let base = "Ledger";
    check(base, "payroll", [0.0, 300.0, 300.0, 300.0, 300.0, 0.0]);
    check(base, "contributions", [0.0, 90.0, 90.0, 90.0, 90.0, 0.0]);
    check(base, "fixed_opex", [0.0, 490.0, 490.0, 490.0, 490.0, 0.0]);
    check(base, "property_tax", [0.0, 15.75, 11.25, 6.75, 0.0, 0.0]);
    check(base, "vat_paid", [180.0, 0.0, 0.0, 0.0, 20.0, 0.0]);
    check(base, "vat_refund", [0.0, 0.0, 180.0, 0.0, 0.0, 20.0]);
    check(base, "royalties", [0.0, 99.5, 109.5, 97.5, 97.5, 0.0]);
    check(base, "closure", [0.0, 0.0, 0.0, 30.0, 30.0, 30.0]);
    check(base, "ebitda", [0.0, 594.75, 589.25, 605.75, 612.5, 0.0]);
    check(base, "depreciation", [0.0, 300.0, 300.0, 300.0, 100.0, 0.0]);
    check(
        base,
        "taxable_income",
        [0.0, 294.75, 289.25, 275.75, 482.5, -30.0],
    );
    check(base, "profit_tax", [0.0, 58.95, 57.85, 55.15, 96.5, 0.0]);
    check(
        base,
        "cash_flow",
        [-1080.0, 535.8, 711.4, 520.6, 366.0, -10.0],
    );
    // Scenario 1, property-tax relief.
    let s = "Ledger 2";
    check(s, "property_tax", [0.0, 7.875, 5.625, 6.75, 0.0, 0.0]);
    check(
        s,
        "budget_cost_property_1",
        [0.0, 7.875, 5.625, 0.0, 0.0, 0.0],
    );
    // Scenario 2, contribution relief.
    let s = "Ledger 3";
    check(s, "contributions", [0.0, 30.0, 30.0, 30.0, 30.0, 0.0]);
    check(
        s,
        "budget_cost_contributions_10",
        [0.0, 60.0, 60.0, 60.0, 60.0, 0.0],
    );
    check(s, "social_funds_cost", [0.0, 60.0, 60.0, 60.0, 60.0, 0.0]);
    // Scenario 3, the Arctic zone resident.
    let s = "Ledger 4";
    check(s, "contributions", [0.0, 22.8, 22.8, 90.0, 90.0, 0.0]);
    check(s, "property_tax", [0.0, 0.0, 11.25, 6.75, 0.0, 0.0]);
    check(s, "ebitda", [0.0, 677.7, 656.45, 605.75, 612.5, 0.0]);
    check(s, "profit_tax", [0.0, 18.885, 35.645, 55.15, 96.5, 0.0]);
    check(
        s,
        "budget_cost_arctic_resident",
        [0.0, 139.605, 102.845, 0.0, 0.0, 0.0],
    );
    check(s, "social_funds_cost", [0.0, 67.2, 67.2, 0.0, 0.0, 0.0]);
    // Scenario 4, all three.
    let s = "Ledger 5";
    check(s, "contributions", [0.0, 22.8, 22.8, 30.0, 30.0, 0.0]);
    check(s, "property_tax", [0.0, 0.0, 5.625, 6.75, 0.0, 0.0]);
    check(s, "ebitda", [0.0, 677.7, 662.075, 665.75, 672.5, 0.0]);
    check(s, "profit_tax", [0.0, 18.885, 36.2075, 67.15, 108.5, 0.0]);
    check(
        s,
        "budget_cost_property_1",
        [0.0, 7.875, 5.625, 0.0, 0.0, 0.0],
    );
    check(
        s,
        "budget_cost_contributions_10",
        [0.0, 60.0, 60.0, 60.0, 60.0, 0.0],
    );
    check(
        s,
        "budget_cost_arctic_resident",
        [0.0, 139.605, 103.4075, 0.0, 0.0, 0.0],
    );
    check(s, "social_funds_cost", [0.0, 127.2, 127.2, 60.0, 60.0, 0.0]);
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
/// back from LibreOffice with formulas shown), for both samples, the fiscal
/// fixture's case with all three reliefs, and the financed project.
#[test]
fn every_ledger_cell_in_a_producing_year_is_a_formula() {
    let dir = temp_dir("formulas");
    let fiscal = sample("xlsx-fiscal");
    let all_three = fiscal
        .scenarios
        .iter()
        .find(|s| s.name == "All three")
        .expect("scenario")
        .apply(&fiscal);
    let projects = [
        sample("afrikanda"),
        sample("import-parity"),
        all_three,
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
        let mut keys: Vec<String> = ledger_lines(p, &a.ledger)
            .into_iter()
            .map(|l| l.key)
            .collect();
        // The budget cost of each instrument too.
        let budget: Vec<String> = keys
            .iter()
            .filter(|k| k.starts_with("support_"))
            .map(|k| k.replacen("support_", "budget_cost_", 1))
            .collect();
        keys.extend(budget);
        for key in &keys {
            let row = row_with(ledger, 1, key).unwrap_or_else(|| panic!("no row {key}"));
            for &j in &producing {
                let cell = &row[2 + j];
                assert!(
                    cell.starts_with('='),
                    "{}: {key} in {} is not a formula: {cell}",
                    p.name,
                    a.ledger.years[j]
                );
                formulas += 1;
            }
        }
        // Every line of the ledger and every budget cost, every producing
        // year.
        assert_eq!(formulas, keys.len() * producing.len());
    }
}

/// A Russian workbook: the sheets carry their Russian names (written out
/// here by hand) and the same formulas recalculate, in LibreOffice, to
/// Assay's ledger and NPV to the cent; the NPV row is labelled in Russian.
#[test]
fn a_russian_workbook_has_russian_sheets_and_the_same_npv() {
    let dir = temp_dir("ru");
    let p = sample("afrikanda");
    let options = XlsxOptions {
        date: "2026-01-01".into(),
        risk: true,
        lang: Lang::Ru,
        ..XlsxOptions::default()
    };
    let path = dir.join("afrikanda-ru.xlsx");
    std::fs::write(&path, workbook(&p, &options).expect("export")).expect("write xlsx");
    let books = recalc(std::slice::from_ref(&path), false);
    let sheets = &books[0];
    let names: Vec<&str> = sheets.keys().map(String::as_str).collect();
    for name in [
        "Исходные данные",
        "Денежные потоки",
        "Показатели",
        "Варианты поддержки",
        "Риски",
    ] {
        assert!(names.contains(&name), "no sheet {name:?} in {names:?}");
    }
    assert_eq!(names.len(), 5, "{names:?}");
    let a = appraise(&p).expect("appraise");
    let ledger = &sheets["Денежные потоки"];
    let mut checked = 0;
    for line in ledger_lines(&p, &a.ledger) {
        let row =
            row_with(ledger, 1, &line.key).unwrap_or_else(|| panic!("no ledger row {}", line.key));
        for (j, v) in line.values.iter().enumerate() {
            let got = number(&row[2 + j]).expect("a number");
            let tol = if line.money { 0.005 } else { 5e-13 };
            let want = v.to_f64().expect("f64");
            assert!((got - want).abs() <= tol, "{} {j}: {got} vs {v}", line.key);
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked} cells");
    // The title block and the row labels are Russian; the NPV recalculates
    // to Assay's to the cent.
    let metrics = &sheets["Показатели"];
    assert!(
        metrics[1][0].starts_with("Вариант: Базовый вариант"),
        "{:?}",
        metrics[1]
    );
    let npv_row = row_with(metrics, 0, "ЧДД проекта").expect("the NPV row in Russian");
    let got = number(&npv_row[1]).expect("NPV");
    let npv = a.metrics.npv.to_f64().expect("npv");
    assert!(
        (got - npv).abs() <= 0.005,
        "NPV LibreOffice {got}, Assay {npv}"
    );
    assert!(
        row_with(ledger, 0, "Денежный поток проекта").is_some(),
        "no Russian label for the project cash flow"
    );
}

/// The column of a sheet whose header (on the year-header row) reads `text`.
fn header_col(sheet: &Sheet, text: &str) -> usize {
    let header = &sheet[assay::export::xlsx::HEADER_ROW as usize];
    header
        .iter()
        .position(|c| c == text)
        .unwrap_or_else(|| panic!("no column {text:?} in {header:?}"))
}

/// The Inputs sheet carries each input's note (its kind and text) and the
/// sources it cites on the input's own row, to the right of the years; a
/// scenario's own note shows on its case's sheet; the Sources sheet lists
/// every source of the project. Afrikanda in English (every case) and in
/// Russian (its Russian file), read back through LibreOffice; the expected
/// texts are written here by hand from `projects/afrikanda*.ron`.
#[test]
fn the_inputs_sheet_carries_notes_and_sources_in_both_languages() {
    let dir = temp_dir("notes");
    let en = sample("afrikanda");
    let ru = sample("afrikanda.ru");
    assert_eq!((en.notes.len(), en.sources.len()), (62, 23));
    assert_eq!(ru.sources.len(), 23);
    let en_path = export(&en, Cases::All, &dir, "afrikanda-notes");
    let ru_path = dir.join("afrikanda-notes-ru.xlsx");
    let options = XlsxOptions {
        date: "2026-01-01".into(),
        lang: Lang::Ru,
        ..XlsxOptions::default()
    };
    std::fs::write(&ru_path, workbook(&ru, &options).expect("export")).expect("write xlsx");
    let books = recalc(&[en_path, ru_path], false);

    // English, base case: the TiO2 price row.
    let inputs = &books[0]["Inputs"];
    let (note, sources) = (header_col(inputs, "Note"), header_col(inputs, "Sources"));
    assert_eq!(note, 2 + 21, "the note follows the 21 model years");
    assert_eq!(sources, note + 1);
    let price = row_with(inputs, 0, "Price: Titanium dioxide").expect("the TiO2 price row");
    assert_eq!(price[note], "reported fact: $2,085-2,210/t (2024), low end");
    assert_eq!(
        price[sources],
        "[price-watch] price-watch.ai TiO2 pigment 2024, price-watch.ai, 2024"
    );
    // The output row shows the notes on its parts (nameplate, ramp-up).
    let output = row_with(inputs, 0, "Output: Rare-earth oxides").expect("the REO output row");
    assert!(
        output[note].contains("assumption: ramp-up 40%, 70%, 90%, then 100%."),
        "{:?}",
        output[note]
    );
    assert!(
        output[note]
            .contains("reported fact: REM about 4 kt/yr (another source 3.345 kt concentrate)"),
        "{:?}",
        output[note]
    );
    assert!(output[sources].contains("[mrc] Mining Russia conference, onsite visits"));
    // A note on a whole section (VAT) sits on its first row.
    let vat = row_with(inputs, 0, "VAT rate on capex").expect("the VAT row");
    assert!(
        vat[note].starts_with("assumption: R [regfollower]: 22% from 2026;"),
        "{:?}",
        vat[note]
    );
    assert_eq!(
        vat[sources],
        "[regfollower] VAT 22% from 1 January 2026, regfollower.com, regfollower.com/?p=75054"
    );
    // Every note of the base case with a text is somewhere on its sheet,
    // once (the notes on no input row follow the inputs).
    let notes_col: Vec<&str> = inputs
        .iter()
        .filter_map(|r| r.get(note).map(String::as_str))
        .collect();
    let mut shown = 0;
    for (path, n) in en
        .notes
        .iter()
        .filter(|(p, _)| !p.starts_with("scenarios["))
    {
        let text = n.text.trim();
        if text.is_empty() {
            continue;
        }
        let hits = notes_col.iter().filter(|c| c.contains(text)).count();
        assert!(hits >= 1, "the note on {path} is not on the Inputs sheet");
        shown += 1;
    }
    assert!(shown > 40, "{shown} notes shown");
    assert!(
        row_with(inputs, 0, "Notes on other fields").is_some(),
        "no table of the notes on other fields"
    );
    // The seed subsidy scenario (the third case): its own note on the
    // subsidy's amount, citing the seed article.
    let case3 = &books[0]["Inputs 3"];
    let amount = row_with(case3, 0, "Amount per year").expect("the subsidy's amount");
    assert_eq!(amount[note], "reported fact");
    assert_eq!(
        amount[sources],
        "[seed] Russia's Rare Earth Industry Faces Challenges in Achieving Self-Sufficiency \
         (seed article), kept as shared/reference/seed-article-russia-rare-earths.txt"
    );
    // The base case has no subsidy row with that note.
    assert!(row_with(inputs, 0, "Amount per year").is_none());

    // The sources below the inputs: every title, once, 23 rows, each with
    // its key beside it and its publisher in the Note column.
    let check_sources = |inputs: &Sheet, note: usize, heading: &str, p: &Project| {
        let at = inputs
            .iter()
            .position(|r| r[0] == heading)
            .unwrap_or_else(|| panic!("no heading {heading:?}"));
        // The heading, the column headers, then one row a source.
        let rows = &inputs[at + 2..];
        let rows: Vec<&Vec<String>> = rows.iter().take_while(|r| !r[0].is_empty()).collect();
        assert_eq!(rows.len(), 23, "{heading}");
        for s in &p.sources {
            let hits: Vec<_> = rows.iter().filter(|r| r[0] == s.title).collect();
            assert_eq!(hits.len(), 1, "{heading}: source {:?}", s.title);
            assert_eq!(hits[0][1], s.key);
            assert_eq!(hits[0][note], s.publisher);
        }
    };
    check_sources(inputs, note, "Sources (23), cited in the notes by key", &en);

    // Russian: the same TiO2 price row, in Russian words.
    let inputs = &books[1]["Исходные данные"];
    let (note, sources) = (
        header_col(inputs, "Примечание"),
        header_col(inputs, "Источники"),
    );
    let price = row_with(inputs, 0, "Цена: Диоксид титана").expect("the TiO2 price row");
    assert_eq!(
        price[note],
        "опубликованные данные: 2 085–2 210 долл./т (2024), нижняя граница"
    );
    assert_eq!(
        price[sources],
        "[price-watch] price-watch.ai: пигментный TiO2, 2024, price-watch.ai, 2024"
    );
    let output = row_with(inputs, 0, "Выпуск: Оксиды РЗМ").expect("the REO output row");
    assert!(
        output[note].contains("допущение: освоение мощности 40 %, 70 %, 90 %, затем 100 %."),
        "{:?}",
        output[note]
    );
    assert!(row_with(inputs, 0, "Примечания к другим полям").is_some());
    check_sources(
        inputs,
        note,
        "Источники (23); примечания ссылаются на них по ключу",
        &ru,
    );
}
