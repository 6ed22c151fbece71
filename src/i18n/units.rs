//! Units and currencies as the user's language writes them.
//!
//! A project stores its currency as a code (`USD`) and each product's unit
//! as the user typed it (`kg`, `t`). These are shown translated where the
//! bundle knows them (`currency-USD = долл.`, `unit-kg = кг`) and as stored
//! otherwise, since a unit the user invented is their data.

use super::{Arg, Lang, has, lang, text_in};

/// The currency's label: `USD` in English, `долл.` in Russian.
pub fn currency_in(lang: Lang, code: &str) -> String {
    let key = format!("currency-{}", code.trim());
    if is_identifier(&key) && has(lang, &key) {
        text_in(lang, &key, &[])
    } else {
        code.to_string()
    }
}

/// A physical unit's label: `kg` / `кг`, `t` / `т`.
pub fn unit_in(lang: Lang, unit: &str) -> String {
    let key = format!("unit-{}", unit.trim());
    if is_identifier(&key) && has(lang, &key) {
        text_in(lang, &key, &[])
    } else {
        unit.to_string()
    }
}

/// Money per unit: `USD/kg`, `долл./кг`.
pub fn per_unit_in(lang: Lang, currency: &str, unit: &str) -> String {
    format!("{}/{}", currency_in(lang, currency), unit_in(lang, unit))
}

/// [`currency_in`] in the language in force.
pub fn currency(code: &str) -> String {
    currency_in(lang(), code)
}

/// [`unit_in`] in the language in force.
pub fn unit(u: &str) -> String {
    unit_in(lang(), u)
}

/// [`per_unit_in`] in the language in force.
pub fn per_unit(currency: &str, unit: &str) -> String {
    per_unit_in(lang(), currency, unit)
}

/// A count of years with the plural the language asks for: `1 year`,
/// `3 years`; `1 год`, `3 года`, `5 лет`, `2,5 года`.
pub fn years_in(lang: Lang, n: f64) -> String {
    let shown = super::num::float_in(lang, n, if n.fract() == 0.0 { 0 } else { 1 });
    text_in(
        lang,
        "core-years",
        &[("n", Arg::Number(n)), ("shown", Arg::Text(shown))],
    )
}

/// [`years_in`] in the language in force.
pub fn years(n: f64) -> String {
    years_in(lang(), n)
}

/// Whether `key` is a Fluent message identifier (a unit such as `m³` or
/// `oz t` is not, and is shown as stored).
fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
