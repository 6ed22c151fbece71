//! Text entries: what a person types into a field, parsed into the model's
//! numbers, and the model's numbers written back as text.
//!
//! Money and quantities are [`Decimal`]. A field accepts digits grouped with
//! spaces, `_`, `'` or commas (`1 234 567.8`, `1,234,567.8`), a leading sign
//! and `.` for decimals. Commas only group thousands: `12,5` is refused as a
//! decimal comma ("write 12.5") rather than read as 125. Percent fields take `12.5` or `12.5%`
//! and store 0.125. Every refusal says why, in words for the field.
//!
//! Nothing here imports egui: the view calls [`parse`] and shows the error in
//! place, and the model never sees a wrong entry.

use rust_decimal::Decimal;

use crate::i18n::lang;
use crate::i18n::num::pct_in;
use crate::model::validate::max_amount;
use crate::report::group;
use crate::t;

/// What a field holds, which fixes how it is parsed, checked and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Money or a quantity that may not be negative.
    Amount,
    /// A money amount that may be negative.
    SignedAmount,
    /// A rate shown in percent, stored as a fraction (10 -> 0.10); between
    /// -99% and 1000%.
    Rate,
    /// A share shown in percent, stored as a fraction; 0% to 100%.
    Share,
    /// A strictly positive number (an exchange rate).
    Positive,
}

impl Kind {
    /// Whether the field is shown in percent.
    pub fn is_percent(self) -> bool {
        matches!(self, Kind::Rate | Kind::Share)
    }
}

/// Parses a plain number as the language in force writes it
/// (`i18n::num::parse`), with the refusal worded for the field.
pub fn parse_number(text: &str) -> Result<Decimal, String> {
    crate::i18n::num::parse(text).map_err(|e| e.message())
}

/// Parses and checks an entry of the given kind; the result is what the
/// model stores (a fraction for percent fields).
pub fn parse(kind: Kind, text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    let (number_text, had_percent) = match trimmed.strip_suffix('%') {
        Some(rest) => (rest, true),
        None => (trimmed, false),
    };
    if had_percent && !kind.is_percent() {
        return Err(t!("app-entry-not-percent"));
    }
    let value = parse_number(number_text)?;
    let max = max_amount();
    match kind {
        Kind::Amount => {
            if value < Decimal::ZERO {
                return Err(t!("app-entry-negative"));
            }
            if value > max {
                return Err(t!("app-entry-at-most", max = group(max, 0)));
            }
            Ok(value)
        }
        Kind::SignedAmount => {
            if value.abs() > max {
                return Err(t!("app-entry-between", max = group(max, 0)));
            }
            Ok(value)
        }
        Kind::Positive => {
            if value <= Decimal::ZERO {
                return Err(t!("app-entry-positive"));
            }
            if value > max {
                return Err(t!("app-entry-at-most", max = group(max, 0)));
            }
            Ok(value)
        }
        Kind::Rate => {
            if value <= Decimal::from(-99) || value > Decimal::from(1000) {
                return Err(t!(
                    "app-entry-rate-range",
                    low = pct_in(lang(), -0.99, 0),
                    high = pct_in(lang(), 10.0, 0)
                ));
            }
            Ok(value / Decimal::ONE_HUNDRED)
        }
        Kind::Share => {
            if value < Decimal::ZERO || value > Decimal::ONE_HUNDRED {
                return Err(t!(
                    "app-entry-share-range",
                    low = pct_in(lang(), 0.0, 0),
                    high = pct_in(lang(), 1.0, 0)
                ));
            }
            Ok(value / Decimal::ONE_HUNDRED)
        }
    }
}

/// Parses a field's text, reading the text the field shows for `current`
/// as that value: a field never refuses its own display (in Russian 1.125
/// shows as `1,125`, which typed afresh could be 1.125 or 1125 and is
/// refused; retyped over 1.125 it is that value).
pub fn parse_shown(kind: Kind, text: &str, current: Option<Decimal>) -> Result<Decimal, String> {
    match current {
        Some(v) if format(kind, v) == text.trim() => Ok(v),
        _ => parse(kind, text),
    }
}

/// A model value as the text its field shows: thousands grouped with commas,
/// as many decimals as the value has (none for whole numbers); percent
/// fields show the percentage without the sign (0.125 -> "12.5").
pub fn format(kind: Kind, value: Decimal) -> String {
    let shown = if kind.is_percent() {
        value.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(value)
    } else {
        value
    };
    let shown = shown.normalize();
    group(shown, shown.scale())
}

/// Splits text pasted from a spreadsheet (cells separated by tabs, rows by
/// newlines) into cells, in reading order; a trailing empty line is dropped.
pub fn split_pasted(text: &str) -> Vec<String> {
    let mut cells = Vec::new();
    for line in text.trim_end_matches(['\n', '\r']).lines() {
        for cell in line.trim_end_matches('\r').split('\t') {
            cells.push(cell.trim().to_string());
        }
    }
    cells
}

/// Whether pasted text holds more than one cell.
pub fn is_multi_cell(text: &str) -> bool {
    text.trim_end_matches(['\n', '\r']).contains(['\t', '\n'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("test literal")
    }

    #[test]
    fn parses_grouped_numbers() {
        let cases = [
            ("1 234 567.8", "1234567.8"),
            ("1,234,567.8", "1234567.8"),
            ("1_234", "1234"),
            ("-42", "-42"),
            ("\u{2212}42", "-42"),
            ("1e3", "1000"),
            ("  7 ", "7"),
            ("123,456", "123456"),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), Ok(d(want)), "input {text:?}");
        }
    }

    #[test]
    fn refuses_ambiguous_or_wrong_text() {
        for text in ["", "12,5", "1,23,456", "abc", "1.2.3", "12x", "1,234.5,6"] {
            assert!(
                parse_number(text).is_err(),
                "input {text:?} should be refused"
            );
        }
        // Issue 10: a decimal comma is named as the slip it is.
        let why = parse_number("12,5").expect_err("refused");
        assert_eq!(why, "decimal comma in a number: write 12.5, not 12,5");
        let why = parse_number("-0,10").expect_err("refused");
        assert_eq!(why, "decimal comma in a number: write -0.10, not -0,10");
        let why = parse_number("1,23,456").expect_err("refused");
        assert!(why.contains("groups thousands"), "{why}");
    }

    #[test]
    fn kinds_check_their_ranges() {
        assert_eq!(parse(Kind::Rate, "12.5%"), Ok(d("0.125")));
        assert_eq!(parse(Kind::Rate, "10"), Ok(d("0.10")));
        assert_eq!(parse(Kind::Share, "40"), Ok(d("0.4")));
        assert!(parse(Kind::Share, "140").is_err());
        assert!(parse(Kind::Rate, "-100").is_err());
        assert!(parse(Kind::Amount, "-1").is_err());
        assert!(parse(Kind::Amount, "5%").is_err());
        assert_eq!(parse(Kind::SignedAmount, "-1,000"), Ok(d("-1000")));
        assert!(parse(Kind::Positive, "0").is_err());
        assert!(parse(Kind::Amount, "1e30").is_err());
    }

    #[test]
    fn formats_for_reading_and_round_trips() {
        assert_eq!(format(Kind::Amount, d("1680000000")), "1,680,000,000");
        assert_eq!(format(Kind::Amount, d("11.50")), "11.5");
        assert_eq!(format(Kind::Rate, d("0.10")), "10");
        assert_eq!(format(Kind::Share, d("0.025")), "2.5");
        for (kind, v) in [
            (Kind::Amount, "1234567.891"),
            (Kind::Rate, "0.0725"),
            (Kind::SignedAmount, "-5"),
        ] {
            let value = d(v);
            assert_eq!(parse(kind, &format(kind, value)), Ok(value), "{kind:?} {v}");
        }
    }

    #[test]
    fn splits_spreadsheet_paste() {
        assert_eq!(split_pasted("1\t2\t3\n"), vec!["1", "2", "3"]);
        assert_eq!(split_pasted("1\r\n2\r\n3\r\n"), vec!["1", "2", "3"]);
        assert!(is_multi_cell("1\t2"));
        assert!(!is_multi_cell("12\n"));
    }
}
