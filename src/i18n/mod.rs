//! Every word the user reads, in the user's language.
//!
//! The text lives in Project Fluent bundles, one per language
//! (`assets/i18n/<lang>/*.ftl`, compiled in), one file per area of the
//! program so that areas can be worded and translated apart. Code names a
//! message by its key and gives its variables; it never builds an English
//! sentence itself. The engine and the model return typed values (problems,
//! notes, levels); the modules that show them to people (`report`, `cli`,
//! `app`, `export`) word them here.
//!
//! The language in force is per thread ([`lang`], [`set_lang`], [`Scope`]):
//! the window sets it each frame from the user's choice, the command line
//! from `--lang` or the environment, and a worker that words text (an
//! export) enters a [`Scope`] with the language it was given. A thread that
//! never sets it speaks English, so library users and tests see stable text.
//!
//! Numbers are formatted and read by [`num`], which follows the language's
//! conventions (`-20 389 344` and `9,14 %` in Russian, `-20,389,344` and
//! `9.14%` in English) and refuses an entry that could mean two things.
//! Machine outputs (JSON, CSV for tools) do not go through here.

use std::cell::Cell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub mod num;
pub mod units;

/// A language Assay speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the default where nothing says otherwise.
    #[default]
    En,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    /// The language's code: `en`, `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language by its code (`en`, `ru`, or a locale such as
    /// `ru_RU.UTF-8` or `en-GB`); `None` for a language Assay lacks.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        let primary = lower.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match primary {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides (as POSIX
    /// orders them); Russian for a `ru` locale, English otherwise.
    pub fn from_env() -> Lang {
        Lang::from_env_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests).
    pub fn from_env_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| get(name))
            .find(|value| !value.trim().is_empty())
            .and_then(|value| Lang::from_code(&value))
            .unwrap_or_default()
    }

    /// The language's own name, as a menu shows it ("English", "Русский").
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Ru => 1,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language in force on this thread.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the language in force on this thread.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language in force until this value is dropped, then the one before.
#[must_use = "the language reverts when the scope is dropped"]
pub struct Scope {
    before: Lang,
}

impl Scope {
    /// Speaks `lang` on this thread until the scope ends.
    pub fn enter(lang: Lang) -> Scope {
        let before = self::lang();
        set_lang(lang);
        Scope { before }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        set_lang(self.before);
    }
}

/// The bundles' files: an area name, then its English and Russian text.
/// Keys are unique across areas; each area prefixes its keys with its name
/// (`compare-...`), except `core`, which holds the shared terms.
pub const RESOURCES: &[(&str, &str, &str)] = &[
    (
        "core",
        include_str!("../../assets/i18n/en/core.ftl"),
        include_str!("../../assets/i18n/ru/core.ftl"),
    ),
    (
        "app",
        include_str!("../../assets/i18n/en/app.ftl"),
        include_str!("../../assets/i18n/ru/app.ftl"),
    ),
    (
        "editors",
        include_str!("../../assets/i18n/en/editors.ftl"),
        include_str!("../../assets/i18n/ru/editors.ftl"),
    ),
    (
        "compare",
        include_str!("../../assets/i18n/en/compare.ftl"),
        include_str!("../../assets/i18n/ru/compare.ftl"),
    ),
    (
        "risk",
        include_str!("../../assets/i18n/en/risk.ftl"),
        include_str!("../../assets/i18n/ru/risk.ftl"),
    ),
    (
        "help",
        include_str!("../../assets/i18n/en/help.ftl"),
        include_str!("../../assets/i18n/ru/help.ftl"),
    ),
    (
        "report",
        include_str!("../../assets/i18n/en/report.ftl"),
        include_str!("../../assets/i18n/ru/report.ftl"),
    ),
    (
        "engine",
        include_str!("../../assets/i18n/en/engine.ftl"),
        include_str!("../../assets/i18n/ru/engine.ftl"),
    ),
    (
        "validate",
        include_str!("../../assets/i18n/en/validate.ftl"),
        include_str!("../../assets/i18n/ru/validate.ftl"),
    ),
    (
        "files",
        include_str!("../../assets/i18n/en/files.ftl"),
        include_str!("../../assets/i18n/ru/files.ftl"),
    ),
    (
        "export",
        include_str!("../../assets/i18n/en/export.ftl"),
        include_str!("../../assets/i18n/ru/export.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [build(Lang::En), build(Lang::Ru)])
}

/// One language's bundle from every area. A file that does not parse, or
/// a key defined twice, keeps what can be read; `tests/i18n.rs` fails on
/// either, so a release never carries one.
fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Placeables are not wrapped in bidi isolation marks: both languages
    // run left to right, and the marks would show in terminals and PDFs.
    bundle.set_use_isolating(false);
    for (_, en, ru) in RESOURCES {
        let text = match lang {
            Lang::En => *en,
            Lang::Ru => *ru,
        };
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// A message variable: text (names, numbers already formatted by [`num`])
/// or a number (for plural selection: `{ $n -> [one] ... }`).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, shown as is.
    Text(String),
    /// A number, for plural rules (shown as Fluent formats it: prefer a
    /// formatted `Text` beside it for display).
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<f64> for Arg {
    fn from(x: f64) -> Arg {
        Arg::Number(x)
    }
}
impl From<i64> for Arg {
    fn from(x: i64) -> Arg {
        Arg::Number(x as f64)
    }
}
impl From<i32> for Arg {
    fn from(x: i32) -> Arg {
        Arg::Number(f64::from(x))
    }
}
impl From<u32> for Arg {
    fn from(x: u32) -> Arg {
        Arg::Number(f64::from(x))
    }
}
impl From<usize> for Arg {
    fn from(x: usize) -> Arg {
        Arg::Number(x as f64)
    }
}

/// Whether the bundle of `lang` has a message `key`.
pub fn has(lang: Lang, key: &str) -> bool {
    bundles()[lang.index()].has_message(key)
}

/// The message `key` in `lang` with `args`. A key missing from the bundle
/// shows as the key itself (never a panic); `tests/i18n.rs` checks that
/// every key the code names exists in both languages.
pub fn text_in(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let bundle = &bundles()[lang.index()];
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(x) => fluent_args.set(*name, FluentValue::from(*x)),
        }
    }
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    out.into_owned()
}

/// The message `key` with `args`, in the language in force.
pub fn text(key: &str, args: &[(&str, Arg)]) -> String {
    text_in(lang(), key, args)
}

/// `text` with its first letter in capitals: a term (`term-*` are in
/// lower case, as in running text) used as a label or a heading.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The message `key` in the language in force:
/// `t!("compare-title")`, `t!("unit-years", n = 3, shown = "3")`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_by_code_and_environment() {
        assert_eq!(Lang::from_code("ru_RU.UTF-8"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de_DE"), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_env_vars(env(&[("LANG", "ru_RU.UTF-8")])),
            Lang::Ru
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "ru_RU.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LC_ALL", ""), ("LANG", "ru_RU.UTF-8")])),
            Lang::Ru
        );
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "C")])), Lang::En);
    }

    #[test]
    fn scope_restores_the_language() {
        set_lang(Lang::En);
        {
            let _ru = Scope::enter(Lang::Ru);
            assert_eq!(lang(), Lang::Ru);
        }
        assert_eq!(lang(), Lang::En);
    }

    #[test]
    fn missing_key_shows_itself() {
        assert_eq!(text_in(Lang::Ru, "no-such-key", &[]), "no-such-key");
    }
}
