//! Numbers as the user writes and reads them.
//!
//! Display: English groups thousands with `,` and marks decimals with `.`
//! (`-20,389,344`, `9.14%`); Russian groups with a narrow no-break space
//! (U+202F) and marks decimals with `,` (`-20 389 344`, `9,14 %`, a
//! no-break space before `%`).
//!
//! Entry ([`parse_in`]):
//! - both languages drop spaces (plain, no-break, narrow, thin), `_` and `'`
//!   between digits, take `−` (U+2212) as a minus, and an exponent (`1e6`);
//! - English: `,` groups thousands (`1,250.5`) and must group them in threes;
//!   a lone comma that cannot be a group (`12,5`) is named as a decimal
//!   comma, with the number to write instead;
//! - Russian: `,` or `.` marks decimals (`1 250,5`, `1250,5`, `1250.5`);
//!   a lone comma followed by exactly three digits after one to three digits
//!   with no grouping spaces (`1,250`) could be an English thousands comma,
//!   so it is refused with both readings shown; `,` and `.` together, or
//!   several commas, are refused with how to write the number.
//!
//! Nothing ambiguous is ever read silently.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Arg, Lang, lang, text_in};

/// The thousands separator of `lang`.
pub fn group_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ",",
        Lang::Ru => "\u{202f}",
    }
}

/// The decimal mark of `lang`.
pub fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::En => '.',
        Lang::Ru => ',',
    }
}

/// `d` rounded to `dp` decimals, thousands grouped, in `lang`:
/// `group_in(En, -20389344.4, 0)` is `-20,389,344`.
pub fn group_in(lang: Lang, d: Decimal, dp: u32) -> String {
    let s = format!("{:.*}", dp as usize, d.round_dp(dp));
    group_text(lang, &s)
}

/// Groups a plain number's text (`-1234.5`, as Rust prints it) for `lang`.
fn group_text(lang: Lang, s: &str) -> String {
    let (sign, body) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let sep = group_separator(lang);
    let mut out = String::with_capacity(s.len() + s.len() / 3 * sep.len());
    out.push_str(sign);
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(decimal_mark(lang));
        out.push_str(f);
    }
    out
}

/// [`group_in`] in the language in force.
pub fn group(d: Decimal, dp: u32) -> String {
    group_in(lang(), d, dp)
}

/// Money to the cent, grouped: `1,234,567.89` / `1 234 567,89`.
pub fn money(d: Decimal) -> String {
    group(d.round_dp(2), 2)
}

/// An `f64` rounded to `dp` decimals and grouped in `lang`; "n/a" style
/// text for a value that is not finite is the caller's to choose, this
/// prints Rust's `NaN`/`inf` as they are.
pub fn float_in(lang: Lang, x: f64, dp: usize) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    let s = format!("{x:.dp$}");
    // `-0.00` reads as a sign error; a rounded zero has none.
    let s = if s.starts_with('-') && s.trim_start_matches(['-', '0', '.']).is_empty() {
        s[1..].to_string()
    } else {
        s
    };
    group_text(lang, &s)
}

/// [`float_in`] in the language in force.
pub fn float(x: f64, dp: usize) -> String {
    float_in(lang(), x, dp)
}

/// A fraction as a percentage with `dp` decimals: `pct_in(En, 0.0914, 2)`
/// is `9.14%`, in Russian `9,14 %`.
pub fn pct_in(lang: Lang, x: f64, dp: usize) -> String {
    let number = float_in(lang, x * 100.0, dp);
    match lang {
        Lang::En => format!("{number}%"),
        Lang::Ru => format!("{number}\u{a0}%"),
    }
}

/// A fraction as a percentage with 2 decimals, in the language in force.
pub fn pct(x: f64) -> String {
    pct_in(lang(), x, 2)
}

/// A rate the model holds as a `Decimal` fraction, as [`pct`] shows it.
pub fn pct_of(d: Decimal) -> String {
    pct(to_f64(d))
}

/// Money in millions with 2 decimals: `-20.39M` / `-20,39 млн`.
pub fn millions_in(lang: Lang, d: Decimal) -> String {
    let m = group_in(lang, d / Decimal::from(1_000_000), 2);
    text_in(lang, "num-millions", &[("n", Arg::Text(m))])
}

/// [`millions_in`] in the language in force.
pub fn millions(d: Decimal) -> String {
    millions_in(lang(), d)
}

/// Why an entry is not read as a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number at all.
    NotANumber {
        /// What was typed.
        text: String,
    },
    /// English: a decimal comma (`12,5`); `meant` is the number written
    /// with a point.
    DecimalComma {
        /// What was typed.
        text: String,
        /// The same number with `.` for decimals.
        meant: String,
    },
    /// English: commas that do not group thousands (`1,23,456`).
    BadGrouping {
        /// What was typed.
        text: String,
    },
    /// Russian: both `,` and `.`, or several commas (`1,250.5`,
    /// `1,250,000`).
    MixedMarks {
        /// What was typed.
        text: String,
    },
    /// The text could mean two numbers (`1,250` in Russian: 1.25 or 1250).
    Ambiguous {
        /// What was typed.
        text: String,
        /// The reading with a decimal comma.
        decimal: Decimal,
        /// The reading with a thousands comma.
        thousands: Decimal,
    },
}

impl NumberError {
    /// The message in `lang`, with the typed text and, for an ambiguous
    /// entry, both readings written as `lang` writes them.
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            NumberError::Empty => text_in(lang, "num-error-empty", &[]),
            NumberError::NotANumber { text } => {
                text_in(lang, "num-error-not-a-number", &[("text", text.into())])
            }
            NumberError::DecimalComma { text, meant } => text_in(
                lang,
                "num-error-decimal-comma",
                &[("text", text.into()), ("meant", meant.into())],
            ),
            NumberError::BadGrouping { text } => {
                text_in(lang, "num-error-bad-grouping", &[("text", text.into())])
            }
            NumberError::MixedMarks { text } => {
                text_in(lang, "num-error-mixed-marks", &[("text", text.into())])
            }
            NumberError::Ambiguous {
                text,
                decimal,
                thousands,
            } => text_in(
                lang,
                "num-error-ambiguous",
                &[
                    ("text", text.into()),
                    // Written with a point, which Russian entry reads as a
                    // decimal mark whatever follows it.
                    ("decimal", decimal.normalize().to_string().into()),
                    ("thousands", entry_text(lang, *thousands).into()),
                ],
            ),
        }
    }

    /// The message in the language in force.
    pub fn message(&self) -> String {
        self.message_in(lang())
    }
}

/// A value as a field shows it for entry: every decimal it has, grouped.
pub fn entry_text(lang: Lang, d: Decimal) -> String {
    let d = d.normalize();
    group_in(lang, d, d.scale())
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '_' | '\''
    )
}

/// Reads a number as `lang` writes it (see the module's rules).
pub fn parse_in(lang: Lang, text: &str) -> Result<Decimal, NumberError> {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{202f}');
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let had_spaces = trimmed.chars().any(is_space);
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !is_space(*c))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    let not_a_number = || NumberError::NotANumber {
        text: trimmed.to_string(),
    };
    let body = cleaned.trim_start_matches(['-', '+']);
    let sign = &cleaned[..cleaned.len() - body.len()];
    if sign.len() > 1 {
        return Err(not_a_number());
    }
    let commas = body.matches(',').count();
    let points = body.matches('.').count();
    let plain = match lang {
        Lang::En => {
            if commas > 0 {
                check_english_commas(body, sign, trimmed)?;
            }
            body.replace(',', "")
        }
        Lang::Ru => {
            if commas > 0 && points > 0 || commas > 1 {
                return Err(NumberError::MixedMarks {
                    text: trimmed.to_string(),
                });
            }
            if commas == 1 {
                let (int, frac) = body.split_once(',').unwrap_or((body, ""));
                let thousands_shaped = !had_spaces
                    && (1..=3).contains(&int.len())
                    && !int.starts_with('0')
                    && frac.len() == 3
                    && int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit());
                if thousands_shaped {
                    let decimal = read_plain(&format!("{sign}{int}.{frac}"));
                    let thousands = read_plain(&format!("{sign}{int}{frac}"));
                    if let (Some(decimal), Some(thousands)) = (decimal, thousands) {
                        return Err(NumberError::Ambiguous {
                            text: trimmed.to_string(),
                            decimal,
                            thousands,
                        });
                    }
                }
                body.replace(',', ".")
            } else {
                body.to_string()
            }
        }
    };
    read_plain(&format!("{sign}{plain}")).ok_or_else(not_a_number)
}

/// [`parse_in`] in the language in force.
pub fn parse(text: &str) -> Result<Decimal, NumberError> {
    parse_in(lang(), text)
}

/// A plain number with `.` decimals and an optional exponent.
fn read_plain(s: &str) -> Option<Decimal> {
    if s.is_empty() || !s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse::<Decimal>()
        .ok()
        .or_else(|| Decimal::from_scientific(s).ok())
}

/// English: commas may only group thousands in the whole-number part.
fn check_english_commas(body: &str, sign: &str, original: &str) -> Result<(), NumberError> {
    let whole = body.split('.').next().unwrap_or_default();
    let frac_has_comma = body.split('.').skip(1).any(|f| f.contains(','));
    let mut groups = whole.split(',');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit()));
    let rest_ok = groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    // The known slip: one comma, no point, and not three digits after it
    // (`12,5`, `0,10`): a decimal comma, named as such.
    if let Some((int, frac)) = body.split_once(',')
        && !body.contains('.')
        && !frac.contains(',')
        && frac.len() != 3
        && !int.is_empty()
        && !frac.is_empty()
        && int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
    {
        return Err(NumberError::DecimalComma {
            text: original.to_string(),
            meant: format!("{sign}{int}.{frac}"),
        });
    }
    if frac_has_comma || !first_ok || !rest_ok {
        return Err(NumberError::BadGrouping {
            text: original.to_string(),
        });
    }
    Ok(())
}

/// A `Decimal` as an `f64` for display arithmetic (charts, bars, cells):
/// the one Decimal → f64 conversion for showing a value; 0 where it does
/// not fit (a chart that must leave a gap instead says so itself).
pub fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}
