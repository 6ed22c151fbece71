//! The words for the model's typed values: validation problems
//! ([`ProblemKind`]) at their places ([`Place`]), file errors
//! ([`FileError`], [`ParseProblem`]), and the model's own names (support
//! kinds, conventions, scenario sections, note kinds), in the language in
//! force. The model and `io` word nothing; their `Display`s come here.
//!
//! Numbers in these messages are bounds and values as a file writes them:
//! plain in English (`1000000000000000`, `0.0001`), grouped with a decimal
//! comma in Russian (`1 000 000 000 000 000`, `0,0001`). Years are never
//! grouped.

use rust_decimal::Decimal;

use crate::i18n::num::entry_text;
use crate::i18n::units::years;
use crate::i18n::{Lang, lang, text_in};
use crate::io::format::NumberProblem;
use crate::io::{FileError, Items, ParseProblem};
use crate::model::notes::NoteKind;
use crate::model::place::{List, Part, Place};
use crate::model::validate::{Feature, Problem, ProblemKind};
use crate::model::{Convention, Section, SupportKind};
use crate::t;

/// A bound or a value as the message shows it (see the module's note).
fn number(d: Decimal) -> String {
    match lang() {
        Lang::En => d.to_string(),
        Lang::Ru => entry_text(Lang::Ru, d),
    }
}

/// A count as text, for display beside its plural selector.
fn count(n: usize) -> String {
    number(Decimal::from(n))
}

/// A problem at its place: `Facility 1 "Open-pit mine" › Initial capex ›
/// 2027: must not be negative`. With no place, the path stands in; with
/// neither, the message alone.
pub fn problem_text(p: &Problem) -> String {
    let message = kind_text(&p.kind);
    let place = match &p.place {
        Place::Nowhere => p.path.clone(),
        place => place_text(place),
    };
    if place.is_empty() {
        message
    } else {
        t!("validate-at", place = place, message = message)
    }
}

/// What is wrong, in the language in force.
pub fn kind_text(kind: &ProblemKind) -> String {
    use ProblemKind as K;
    match kind {
        K::Negative => t!("validate-negative"),
        K::AtMost { max } => t!("validate-at-most", max = number(*max)),
        K::Between { low, high } => {
            t!("validate-between", low = number(*low), high = number(*high))
        }
        K::AboveZeroAtMost { max } => t!("validate-above-zero-at-most", max = number(*max)),
        K::AboveZeroAtMostYears { max } => t!(
            "validate-above-zero-at-most-years",
            years = years(crate::i18n::num::to_f64(*max))
        ),
        K::AboveZero => t!("validate-above-zero"),
        K::AtMostYears { max } => t!("validate-at-most-years", years = years(f64::from(*max))),
        K::Share => t!("validate-share"),
        K::Rate => t!("validate-rate"),
        K::EscalationRate => t!("validate-escalation-rate"),
        K::Volatility => t!("validate-volatility"),
        K::YearOutside { year, first, last } => t!(
            "validate-year-outside",
            year = year.to_string(),
            first = first.to_string(),
            last = last.to_string()
        ),
        K::YearsOutside {
            count: n,
            year,
            first,
            last,
        } => t!(
            "validate-years-outside",
            count = *n,
            shown = count(*n),
            year = year.to_string(),
            first = first.to_string(),
            last = last.to_string()
        ),
        K::CalendarYear => t!("validate-calendar-year"),
        K::NoPrice => t!("validate-no-price"),
        K::NoExchangeRate => t!("validate-no-exchange-rate"),
        K::EscalatesPast { max, year } => t!(
            "validate-escalates-past",
            max = number(*max),
            year = year.to_string()
        ),
        K::Empty => t!("validate-empty"),
        K::ExchangeRate {
            low,
            high,
            second,
            reporting,
        } => t!(
            "validate-exchange-rate",
            low = number(*low),
            high = number(*high),
            second = crate::i18n::units::currency(second),
            reporting = crate::i18n::units::currency(reporting)
        ),
        K::SecondCurrencyUnset => t!("validate-second-currency-unset"),
        K::UsedTwice { name } => t!("validate-used-twice", name = name),
        K::EndBeforeStart => t!("validate-end-before-start"),
        K::LastBeforeFirst => t!("validate-last-before-first"),
        K::RangeReversed => t!("validate-range-reversed"),
        K::NoProducts => t!("validate-no-products"),
        K::MainProducts { marked } => {
            t!(
                "validate-main-products",
                count = *marked,
                shown = count(*marked)
            )
        }
        K::UnknownProduct { name } => t!("validate-unknown-product", name = name),
        K::UnknownFacility { name } => t!("validate-unknown-facility", name = name),
        K::UnknownDriver { name } => t!("validate-unknown-driver", name = name),
        K::GraceNotBelowTenor => t!("validate-grace-not-below-tenor"),
        K::PathNotPrice => t!("validate-path-not-price"),
        K::SelfCorrelation => t!("validate-self-correlation"),
        K::CorrelationRange => t!("validate-correlation-range"),
        K::PairTwice => t!("validate-pair-twice"),
        K::NoSecondCurrency => t!("validate-no-second-currency"),
        K::DelayWholeYears { max } => t!("validate-delay-whole-years", max = max.to_string()),
        K::DelayDistribution => t!("validate-delay-distribution"),
        K::LowModeHigh => t!("validate-low-mode-high"),
        K::LowBelowHigh => t!("validate-low-below-high"),
        K::NoPoints => t!("validate-no-points"),
        K::Probability => t!("validate-probability"),
        K::ProbabilitiesSum { sum } => t!("validate-probabilities-sum", sum = number(*sum)),
        K::HeadcountTimesWage { max } => {
            t!("validate-headcount-times-wage", max = number(*max))
        }
        K::SourceWithoutKey => t!("validate-source-without-key"),
        K::SourceKeyTwice => t!("validate-source-key-twice"),
        K::NoteOnNothing => t!("validate-note-on-nothing"),
        K::UnknownSource { key } => t!("validate-unknown-source", key = key),
        K::NeedsVersion { feature, version } => {
            let version = version.to_string();
            match feature {
                Feature::Scenarios => t!("validate-scenarios-need-version", version = version),
                Feature::Risk => t!("validate-risk-needs-version", version = version),
                Feature::Notes => t!("validate-notes-need-version", version = version),
                Feature::Field => t!("validate-field-needs-version", version = version),
            }
        }
        K::RoyaltiesAreLines => t!("validate-royalties-are-lines"),
        K::More { count: n } => t!("validate-more", count = *n, shown = count(*n)),
        K::MoreWithNotes { count: n } => {
            t!("validate-more-with-notes", count = *n, shown = count(*n))
        }
        K::Worded(text) => text.clone(),
    }
}

/// A place as users see it: its parts joined by ` › `.
pub fn place_text(place: &Place) -> String {
    match place {
        Place::Nowhere => String::new(),
        Place::Field(parts) => parts.iter().map(part_text).collect::<Vec<_>>().join(" › "),
        Place::Unreadable(path) => path.clone(),
        Place::NoteOn(inner) => t!("validate-place-note", place = place_text(inner)),
        Place::Source { number, key: None } => {
            t!("validate-place-source", n = number.to_string())
        }
        Place::Source {
            number,
            key: Some(key),
        } => t!(
            "validate-place-source-key",
            n = number.to_string(),
            key = key
        ),
        Place::BaseCase => t!("validate-place-base-case"),
        Place::FileAt { line, column } => t!(
            "validate-place-file-at",
            line = line.to_string(),
            column = column.to_string()
        ),
    }
}

fn part_text(part: &Part) -> String {
    match part {
        Part::Field { name, section } => field_text(name, section.as_deref()),
        Part::Item { list, number, name } => {
            let n = number.to_string();
            let item = match list {
                List::Facility => t!("validate-item-facility", n = n),
                List::Product => t!("validate-item-product", n = n),
                List::Support => t!("validate-item-support", n = n),
                List::Scenario => t!("validate-item-scenario", n = n),
                List::RampUpYear => t!("validate-item-ramp-up-year", n = n),
                List::Driver => t!("validate-item-driver", n = n),
                List::Correlation => t!("validate-item-correlation", n = n),
                List::Royalty => t!("validate-item-royalty", n = n),
            };
            match name {
                Some(name) => t!("validate-item-named", item = item, name = name),
                None => item,
            }
        }
        Part::Year(y) => y.to_string(),
    }
}

/// The label the window gives a field: by the section it is in where that
/// changes it, else by its name (`validate-field-<name>`); a field the
/// bundles do not know shows its name, readable.
pub fn field_text(name: &str, section: Option<&str>) -> String {
    match (section, name) {
        (Some("second_currency"), "rate") => return t!("validate-field-exchange-rate"),
        (Some("second_currency"), "code") => return t!("validate-field-currency-code"),
        (Some("facilities"), "start_year") => return t!("validate-field-first-operating-year"),
        (Some("facilities"), "end_year") => return t!("validate-field-last-operating-year"),
        (Some("support" | "financing"), "rate") => return t!("validate-field-interest-rate"),
        _ => {}
    }
    let key = format!("validate-field-{}", name.replace('_', "-"));
    let lang = lang();
    if crate::i18n::has(lang, &key) {
        return text_in(lang, &key, &[]);
    }
    let mut s = name.replace('_', " ");
    if let Some(first) = s.get(..1) {
        let up = first.to_uppercase();
        s.replace_range(..1, &up);
    }
    s
}

// ------------------------------------------------------------ file errors

/// Why a file could not be read or written.
pub fn file_error_text(e: &FileError) -> String {
    match e {
        FileError::Io { path, message } => t!(
            "files-io",
            path = path.display().to_string(),
            message = message
        ),
        FileError::TooLarge { path, bytes, max } => t!(
            "files-io",
            path = path.display().to_string(),
            message = too_large_text(*bytes, *max)
        ),
        FileError::Parse {
            line,
            column,
            message,
            ..
        } => t!(
            "files-parse",
            line = line.to_string(),
            column = column.to_string(),
            message = parse_problem_text(message)
        ),
        FileError::TooMany {
            what,
            count: n,
            max,
        } => {
            let (n, shown, max) = (*n, count(*n), count(*max));
            match what {
                Items::Scenarios => t!(
                    "files-too-many-scenarios",
                    count = n,
                    shown = shown,
                    max = max
                ),
                Items::Facilities => t!(
                    "files-too-many-facilities",
                    count = n,
                    shown = shown,
                    max = max
                ),
                Items::Products => t!(
                    "files-too-many-products",
                    count = n,
                    shown = shown,
                    max = max
                ),
                Items::SupportInstruments => {
                    t!(
                        "files-too-many-support",
                        count = n,
                        shown = shown,
                        max = max
                    )
                }
            }
        }
        FileError::TooNew { found, supported } => t!(
            "files-too-new",
            found = found.to_string(),
            supported = supported.to_string()
        ),
        FileError::BadVersion(v) => t!("files-bad-version", version = v.to_string()),
        FileError::Invalid(problems) => {
            let mut lines = vec![t!(
                "files-invalid",
                count = problems.len(),
                shown = count(problems.len())
            )];
            lines.extend(problems.iter().map(|p| format!("  {}", problem_text(p))));
            lines.join("\n")
        }
        FileError::Serialize(message) => t!("files-serialize", message = message),
    }
}

/// A file over the size limit.
pub fn too_large_text(bytes: u64, max: u64) -> String {
    t!(
        "files-too-large",
        bytes = number(Decimal::from(bytes)),
        max = number(Decimal::from(max))
    )
}

/// What is wrong in a file's text.
pub fn parse_problem_text(p: &ParseProblem) -> String {
    let within = |outer: &Option<String>| match outer {
        Some(outer) => t!("files-in-struct", outer = outer),
        None => String::new(),
    };
    let one_of = |names: &[String]| {
        if names.is_empty() {
            t!("files-expected-none")
        } else {
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    match p {
        ParseProblem::Nesting { max } => t!("files-nesting", max = max.to_string()),
        ParseProblem::NotUtf8 => t!("files-not-utf8"),
        ParseProblem::DecimalComma { before, after } => {
            t!("files-decimal-comma", before = before, after = after)
        }
        ParseProblem::Number(n) => match n {
            NumberProblem::NaN => t!("files-nan"),
            NumberProblem::TooLarge => t!("files-number-too-large"),
            NumberProblem::OutOfRange(v) => t!("files-number-out-of-range", value = v),
            NumberProblem::IntegerTooLarge(v) => t!("files-integer-too-large", value = v),
            NumberProblem::NotDecimal(v) => t!("files-not-decimal", text = v),
        },
        ParseProblem::NotANumber { found } => t!("files-not-a-number", found = found),
        ParseProblem::UnknownField {
            field,
            outer,
            expected,
        } => t!(
            "files-unknown-field",
            field = field,
            within = within(outer),
            expected = one_of(expected)
        ),
        ParseProblem::MissingField { field, outer } => {
            t!("files-missing-field", field = field, within = within(outer))
        }
        ParseProblem::DuplicateField { field, outer } => {
            t!(
                "files-duplicate-field",
                field = field,
                within = within(outer)
            )
        }
        ParseProblem::UnknownVariant {
            variant,
            outer,
            expected,
        } => t!(
            "files-unknown-variant",
            variant = variant,
            within = within(outer),
            expected = one_of(expected)
        ),
        ParseProblem::Eof => t!("files-eof"),
        ParseProblem::ExpectedComma => t!("files-expected-comma"),
        ParseProblem::UnexpectedChar(c) => t!("files-unexpected-char", char = format!("{c:?}")),
        ParseProblem::TrailingCharacters => t!("files-trailing"),
        ParseProblem::Syntax(message) => t!("files-syntax", message = message),
    }
}

// ------------------------------------------------------ the model's names

/// A support instrument's kind: "capital grant", "капитальный грант".
pub fn support_kind_text(kind: &SupportKind) -> String {
    match kind {
        SupportKind::OperatingSubsidy { .. } => t!("validate-support-operating-subsidy"),
        SupportKind::ProductionSubsidy { .. } => t!("validate-support-production-subsidy"),
        SupportKind::OfftakeFloor { .. } => t!("validate-support-offtake-floor"),
        SupportKind::CapitalGrant { .. } => t!("validate-support-capital-grant"),
        SupportKind::ConcessionalLoan { .. } => t!("validate-support-concessional-loan"),
        SupportKind::InterestSubsidy { .. } => t!("validate-support-interest-subsidy"),
        SupportKind::TaxRelief { .. } => t!("validate-support-tax-relief"),
        SupportKind::PropertyTaxRelief { .. } => t!("validate-support-property-tax-relief"),
        SupportKind::ContributionRelief { .. } => t!("validate-support-contribution-relief"),
        SupportKind::ArcticZoneResident(_) => t!("validate-support-arctic-zone"),
    }
}

/// The discounting convention, as a report describes it.
pub fn convention_text(c: Convention) -> String {
    match c {
        Convention::StartOfYear => t!("validate-convention-start"),
        Convention::MidYear => t!("validate-convention-mid"),
        Convention::EndOfYear => t!("validate-convention-end"),
    }
}

/// A section a scenario overrides: "fiscal terms".
pub fn section_text(s: Section) -> String {
    match s {
        Section::PriceFactor => t!("validate-section-price-factor"),
        Section::Products => t!("validate-section-products"),
        Section::Facilities => t!("validate-section-facilities"),
        Section::Fiscal => t!("validate-section-fiscal"),
        Section::Support => t!("validate-section-support"),
        Section::Financing => t!("validate-section-financing"),
        Section::DiscountRate => t!("validate-section-discount-rate"),
    }
}

/// What kind of figure a note says an input is: "reported fact".
pub fn note_kind_text(k: NoteKind) -> String {
    match k {
        NoteKind::Reported => t!("validate-note-kind-reported"),
        NoteKind::Derived => t!("validate-note-kind-derived"),
        NoteKind::Assumption => t!("validate-note-kind-assumption"),
    }
}

/// Every problem's text in `lang` (for callers that word apart from the
/// language in force, e.g. a worker thread).
pub fn problem_text_in(lang: Lang, p: &Problem) -> String {
    let _scope = crate::i18n::Scope::enter(lang);
    problem_text(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::place::FIELDS;

    #[test]
    fn every_field_a_place_can_name_has_its_label() {
        for name in FIELDS {
            let key = format!("validate-field-{}", name.replace('_', "-"));
            for lang in Lang::ALL {
                assert!(
                    crate::i18n::has(lang, &key),
                    "{key} missing in {}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn places_in_russian() {
        let project = crate::io::default_project().expect("the sample loads");
        let _ru = crate::i18n::Scope::enter(Lang::Ru);
        let place = |path: &str| place_text(&crate::model::place::place_of(&project, path));
        assert_eq!(
            place("facilities[0].capex[2027]"),
            "Объект 1 «Open-pit mine» › Капитальные вложения › 2027"
        );
        assert_eq!(
            place("financing.rate"),
            "Финансирование › Процентная ставка"
        );
        assert_eq!(
            place("second_currency.rate[2030]"),
            "Вторая валюта › Курс › 2030"
        );
        assert_eq!(place("weird[x"), "weird[x");
        assert_eq!(place(""), "");
    }
}
