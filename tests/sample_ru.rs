//! Issue 11: the Russian twin of the Afrikanda sample
//! (`projects/afrikanda.ru.ron`) is the same project with its names,
//! descriptions, notes and sources in Russian and every number identical:
//! the base case and every scenario appraise to the same figures, exactly
//! (Decimal equality; the f64 metrics bit for bit, being the same
//! computation), and the Compare view's figures and the solvers' levels are
//! the same. The file passes `assay check`.
//!
//! Also here: validation problems and file errors worded in Russian, the
//! expected strings written out by hand.

use std::path::Path;
use std::process::Command;

use assay::engine::appraise::{Appraisal, appraise};
use assay::engine::compare::{SolverConfig, compare_scenarios, solve_required};
use assay::i18n::{Lang, Scope};
use assay::io::{self, FileError};
use assay::model::Project;

fn load(name: &str) -> Project {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("projects")
        .join(name);
    io::load_project(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn same_figures(case: &str, en: &Appraisal, ru: &Appraisal) {
    let (a, b) = (&en.metrics, &ru.metrics);
    assert_eq!(a.npv, b.npv, "{case}: NPV");
    assert_eq!(a.irr.roots, b.irr.roots, "{case}: IRR");
    assert_eq!(a.irr.primary, b.irr.primary, "{case}: IRR");
    assert_eq!(a.mirr, b.mirr, "{case}: MIRR");
    assert_eq!(a.payback_years, b.payback_years, "{case}: payback");
    assert_eq!(
        a.discounted_payback_years, b.discounted_payback_years,
        "{case}: discounted payback"
    );
    assert_eq!(a.profitability_index, b.profitability_index, "{case}: PI");
    assert_eq!(a.breakeven_price, b.breakeven_price, "{case}: breakeven");
    assert_eq!(
        a.levelized_unit_cost, b.levelized_unit_cost,
        "{case}: unit cost"
    );
    assert_eq!(
        a.unit_cost_build_up, b.unit_cost_build_up,
        "{case}: unit cost build-up"
    );
    assert_eq!(a.peak_funding, b.peak_funding, "{case}: peak funding");
    assert_eq!(
        a.npv_at_benchmark, b.npv_at_benchmark,
        "{case}: NPV at benchmark"
    );
    assert_eq!(
        a.required_subsidy_per_year, b.required_subsidy_per_year,
        "{case}: required subsidy"
    );
    // Every line of every year.
    assert_eq!(en.ledger, ru.ledger, "{case}: ledger");
}

#[test]
fn the_russian_twin_appraises_to_the_same_figures() {
    let en = load("afrikanda.ron");
    let ru = load("afrikanda.ru.ron");
    // Its words are Russian, its shape the same.
    assert_eq!(ru.name, "Африканда");
    assert_eq!(ru.facilities[0].name, "Карьер");
    assert_eq!(ru.products[0].name, "Оксиды РЗМ");
    assert_eq!(en.scenarios.len(), ru.scenarios.len());
    assert_eq!(en.notes.len(), ru.notes.len());
    assert_eq!(en.sources.len(), ru.sources.len());
    assert!(en.scenarios.len() >= 8, "{}", en.scenarios.len());

    let base_en = appraise(&en).expect("the English base appraises");
    let base_ru = appraise(&ru).expect("the Russian base appraises");
    same_figures("base case", &base_en, &base_ru);
    for (s_en, s_ru) in en.scenarios.iter().zip(&ru.scenarios) {
        assert_ne!(s_en.name, s_ru.name, "the scenario names are translated");
        let a = appraise(&s_en.apply(&en)).expect("scenario appraises");
        let b = appraise(&s_ru.apply(&ru)).expect("scenario appraises");
        same_figures(&s_en.name, &a, &b);
    }
}

#[test]
fn the_russian_twin_compares_the_same() {
    let en = load("afrikanda.ron");
    let ru = load("afrikanda.ru.ron");
    let a = compare_scenarios(&en);
    let b = compare_scenarios(&ru);
    assert_eq!(a.len(), b.len());
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        let (x, y) = (
            x.as_ref().expect("English case compares"),
            y.as_ref().expect("Russian case compares"),
        );
        assert_eq!(x.investor_npv, y.investor_npv, "{name}: investor NPV");
        assert_eq!(x.investor_irr, y.investor_irr, "{name}: investor IRR");
        let (s, t) = (&x.state, &y.state);
        assert_eq!(s.budget_cost_pv, t.budget_cost_pv, "{name}: PV budget cost");
        let costs =
            |v: &[(String, rust_decimal::Decimal)]| v.iter().map(|p| p.1).collect::<Vec<_>>();
        assert_eq!(
            costs(&s.budget_cost_pv_by_instrument),
            costs(&t.budget_cost_pv_by_instrument),
            "{name}: by instrument"
        );
        assert_eq!(
            s.social_funds_cost_pv, t.social_funds_cost_pv,
            "{name}: social funds"
        );
        assert_eq!(s.taxes_pv, t.taxes_pv, "{name}: taxes");
        assert_eq!(s.net_fiscal_pv, t.net_fiscal_pv, "{name}: net fiscal");
        assert_eq!(
            s.budget_efficiency, t.budget_efficiency,
            "{name}: budget efficiency"
        );
        assert_eq!(
            s.budget_cost_per_tonne_replaced, t.budget_cost_per_tonne_replaced,
            "{name}: per tonne replaced"
        );
        assert_eq!(
            x.appraisal.metrics.npv, y.appraisal.metrics.npv,
            "{name}: NPV"
        );
    }
    // The solvers' least support of each kind, in the same order.
    let config = SolverConfig::default();
    let r_en = solve_required(&en, &config);
    let r_ru = solve_required(&ru, &config);
    assert_eq!(r_en.len(), r_ru.len());
    for (x, y) in r_en.iter().zip(&r_ru) {
        assert_eq!(x.kind, y.kind);
        assert_eq!(x.level, y.level, "{:?}: level", x.kind);
        assert_eq!(
            x.budget_cost_pv, y.budget_cost_pv,
            "{:?}: PV budget cost",
            x.kind
        );
    }
}

#[test]
fn the_russian_twin_passes_assay_check() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/afrikanda.ru.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_assay"))
        .arg("check")
        .arg(&path)
        .output()
        .expect("run assay check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("valid"), "{stdout}");
    // In process too: validation and every case's appraisal.
    assert!(assay::cli::check_project(&load("afrikanda.ru.ron")).is_empty());
}

// ------------------------------------------- problems and file errors in ru

#[test]
fn a_negative_capex_in_russian_names_its_place_in_russian() {
    let text = io::DEFAULT_PROJECT_RON.replace(
        "capex: {2026: 6720000000, 2027: 10080000000}",
        "capex: {2026: 6720000000, 2027: -10080000000}",
    );
    let e = io::parse_project(&text).expect_err("invalid");
    let _ru = Scope::enter(Lang::Ru);
    assert!(
        e.lines().iter().any(|l| l
            == "Объект 3 «Chemical-metallurgical complex» › Капитальные вложения › 2027: не может быть отрицательным"),
        "{:?}",
        e.lines()
    );
    assert!(e.to_string().starts_with("1 ошибка:\n"), "{e}");
}

#[test]
fn the_russian_twin_speaks_russian_in_its_places() {
    let mut p = load("afrikanda.ru.ron");
    p.products[0].variable_cost_per_unit = -p.products[0].variable_cost_per_unit;
    p.discount_rate = rust_decimal::Decimal::from(3);
    let problems = assay::model::validate::validate(&p);
    let _ru = Scope::enter(Lang::Ru);
    let lines: Vec<String> = problems.iter().map(|x| x.to_string()).collect();
    assert!(
        lines.contains(
            &"Продукт 1 «Оксиды РЗМ» › Переменные затраты: не может быть отрицательным".to_string()
        ),
        "{lines:?}"
    );
    assert!(
        lines.contains(
            &"Норма дисконта: должно быть больше -0,5 и не больше 1 (0,10 означает 10 %)"
                .to_string()
        ),
        "{lines:?}"
    );
}

#[test]
fn the_cap_counts_the_rest_with_russian_plurals() {
    use assay::model::place::Place;
    use assay::model::validate::{Problem, ProblemKind};
    let more = |count| Problem {
        path: String::new(),
        place: Place::Nowhere,
        kind: ProblemKind::More { count },
    };
    let _ru = Scope::enter(Lang::Ru);
    assert_eq!(more(1).to_string(), "и ещё 1 ошибка");
    assert_eq!(more(3).to_string(), "и ещё 3 ошибки");
    assert_eq!(more(5).to_string(), "и ещё 5 ошибок");
    assert_eq!(more(21).to_string(), "и ещё 21 ошибка");
    assert_eq!(more(800).to_string(), "и ещё 800 ошибок");
    assert_eq!(more(1500).to_string(), "и ещё 1\u{202f}500 ошибок");
    drop(_ru);
    assert_eq!(more(800).to_string(), "and 800 more problem(s)");
    assert_eq!(more(1).to_string(), "and 1 more problem");
}

#[test]
fn years_outside_the_model_in_russian() {
    let text = io::DEFAULT_PROJECT_RON.replace(
        "capex: {2026: 6720000000, 2027: 10080000000}",
        "capex: {2026: 6720000000, 2027: 10080000000, 1990: 1, 1991: 1, 1992: 1, 1993: 1, 1994: 1}",
    );
    let e = io::parse_project(&text).expect_err("invalid");
    let _ru = Scope::enter(Lang::Ru);
    assert!(
        e.lines().iter().any(|l| l
            == "Объект 3 «Chemical-metallurgical complex» › Капитальные вложения › 1990: 5 лет (первый — 1990) вне расчётного периода 2026–2046"),
        "{:?}",
        e.lines()
    );
}

#[test]
fn file_errors_in_russian() {
    let _ru = Scope::enter(Lang::Ru);
    // A decimal comma, named with what to write in the file.
    let text = io::DEFAULT_PROJECT_RON.replace("discount_rate: 0.10", "discount_rate: 0,10");
    let e = io::parse_project(&text).expect_err("decimal comma");
    let FileError::Parse { line, column, .. } = &e else {
        panic!("expected a parse error, got {e:?}");
    };
    assert_eq!(
        e.to_string(),
        format!(
            "строка {line}, столбец {column}: десятичная запятая в числе: в файле пишите 0.10, а не 0,10"
        )
    );
    // A newer file.
    let text = io::DEFAULT_PROJECT_RON.replace("version: 4,", "version: 9,");
    let e = io::parse_project(&text).expect_err("too new");
    assert_eq!(
        e.to_string(),
        "файл записан в формате версии 9 более новой версией Assay; эта сборка читает версии до 4. Обновите Assay, чтобы открыть его."
    );
    // Notes in a version 3 file.
    let text = io::DEFAULT_PROJECT_RON.replace("version: 4,", "version: 3,");
    let e = io::parse_project(&text).expect_err("notes need version 4");
    assert_eq!(
        e.lines(),
        vec!["Примечания и источники: примечания и источники требуют формата версии 4; укажите version: 4".to_string()]
    );
    // An unknown field.
    let text = io::DEFAULT_PROJECT_RON
        .replace("horizon_years: 21,", "horizon_years: 21, horizon_yeers: 5,");
    let e = io::parse_project(&text).expect_err("unknown field");
    let shown = e.to_string();
    assert!(
        shown.contains("неизвестное поле `horizon_yeers` в `Project`; допустимые поля: `version`"),
        "{shown}"
    );
}
