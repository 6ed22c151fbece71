//! Notes and sources: where a figure comes from, kept as data.
//!
//! A [`Note`] sits on one input, addressed by the same field path as
//! validation uses (`facilities[0].capex[2027]`,
//! `scenarios[2].support[0].amount_per_year`, `risk.drivers[0].distribution`).
//! It says what kind of figure the input is ([`NoteKind`]: a reported fact,
//! derived from others, or an assumption), why, and which [`Source`]s of the
//! project's list it cites, by key. [`Notes`] is ordered by path, so a saved
//! file lists them in a stable order and diffs stay small.
//!
//! Notes addressed by index must follow their item when a list changes:
//! [`remap_list`] moves them for a removal, a duplicate or a swap (the
//! window's structural edits call it). [`check_notes`] finds a note on an
//! item that does not exist and a cited key that is not in the source list.

use std::collections::BTreeMap;

use super::Project;
use super::place::Place;
use super::validate::{Problem, ProblemKind};

/// What kind of figure an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NoteKind {
    /// Reported by a cited source, as published.
    Reported,
    /// Derived from reported figures (a conversion, a ratio, a sum).
    Derived,
    /// An assumption of the author's.
    #[default]
    Assumption,
}

impl NoteKind {
    /// Every kind, for pickers.
    pub const ALL: [NoteKind; 3] = [NoteKind::Reported, NoteKind::Derived, NoteKind::Assumption];

    /// How people read the kind ("reported fact"), in the language in
    /// force (worded by `report::problems`).
    pub fn label(self) -> String {
        crate::report::problems::note_kind_text(self)
    }

    /// The kind in JSON and CSV (`reported`, `derived`, `assumption`).
    pub fn key(self) -> &'static str {
        match self {
            NoteKind::Reported => "reported",
            NoteKind::Derived => "derived",
            NoteKind::Assumption => "assumption",
        }
    }
}

/// A note on one input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Note {
    /// Reported, derived or assumed.
    pub kind: NoteKind,
    /// What the figure is and why, in the author's words.
    pub text: String,
    /// Keys of the sources cited, in the order written.
    pub sources: Vec<String>,
}

/// One entry of the project's source list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    /// Short key notes cite, e.g. `rbc-2025`.
    pub key: String,
    /// Title of the document or page.
    pub title: String,
    /// Publisher or site, and date, as text.
    pub publisher: String,
    /// Web address, if there is one.
    pub address: Option<String>,
}

/// Notes by field path, in path order.
pub type Notes = BTreeMap<String, Note>;

/// A change to a list that moves items, for [`remap_list`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListChange {
    /// Item `i` was removed; later items move up one.
    Remove(usize),
    /// A copy of item `i` was inserted after it; later items move down one.
    Duplicate(usize),
    /// Items `i` and `j` swapped places.
    Swap(usize, usize),
}

/// Splits `path` as `list[i]rest` where `rest` is empty or starts with `.`
/// or `[`: the index and the rest.
fn item_of<'a>(path: &'a str, list: &str) -> Option<(usize, &'a str)> {
    let rest = path.strip_prefix(list)?.strip_prefix('[')?;
    let (index, rest) = rest.split_once(']')?;
    if !(rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')) {
        return None;
    }
    Some((index.parse().ok()?, rest))
}

/// Moves the notes of the items of `list` (a path such as `facilities` or
/// `scenarios[2].support`) so each stays on its item after `change`: a
/// removed item's notes go, a duplicate gets a copy of its original's.
pub fn remap_list(notes: &mut Notes, list: &str, change: ListChange) {
    let moved: Vec<(String, usize, String)> = notes
        .keys()
        .filter_map(|k| item_of(k, list).map(|(i, rest)| (k.clone(), i, rest.to_string())))
        .collect();
    let mut taken: Vec<(usize, String, Note)> = Vec::new();
    for (key, i, rest) in moved {
        if let Some(note) = notes.remove(&key) {
            taken.push((i, rest, note));
        }
    }
    for (i, rest, note) in taken {
        let put = |notes: &mut Notes, j: usize, note: Note| {
            notes.insert(format!("{list}[{j}]{rest}"), note);
        };
        match change {
            ListChange::Remove(r) if i == r => {}
            ListChange::Remove(r) if i > r => put(notes, i - 1, note),
            ListChange::Duplicate(d) if i == d => {
                put(notes, i + 1, note.clone());
                put(notes, i, note);
            }
            ListChange::Duplicate(d) if i > d => put(notes, i + 1, note),
            ListChange::Swap(a, b) if i == a => put(notes, b, note),
            ListChange::Swap(a, b) if i == b => put(notes, a, note),
            _ => put(notes, i, note),
        }
    }
}

/// Removes every note at `prefix` or inside it (`scenarios[1].facilities`
/// when a scenario gives its facilities back to the base).
pub fn remove_under(notes: &mut Notes, prefix: &str) {
    notes.retain(|k, _| {
        !(k == prefix
            || k.strip_prefix(prefix)
                .is_some_and(|r| r.starts_with('.') || r.starts_with('[')))
    });
}

/// Whether the item a note's path names exists: its first field is a field
/// of a project, and every list index on the way (`facilities[3]`,
/// `scenarios[1].support[0]`, `risk.drivers[2]`) names an item that is
/// there (a whole list, `facilities`, is a target too). The field inside an
/// item is not checked: a misspelt field name keeps its note, which the
/// report lists with its path as written.
pub fn target_exists(project: &Project, path: &str) -> bool {
    let head = path
        .split(['.', '['])
        .next()
        .unwrap_or_default()
        .to_string();
    let lists = |p: &Project, list: &str| match list {
        "facilities" => Some(p.facilities.len()),
        "products" => Some(p.products.len()),
        "support" => Some(p.support.len()),
        _ => None,
    };
    if let Some(len) = lists(project, &head) {
        // The list itself, or one of its items.
        return path == head || item_of(path, &head).is_some_and(|(i, _)| i < len);
    }
    match head.as_str() {
        "scenarios" => {
            let Some((i, rest)) = item_of(path, "scenarios") else {
                return false;
            };
            let Some(s) = project.scenarios.get(i) else {
                return false;
            };
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            let list_len = |list: &str| match list {
                "facilities" => s.facilities.as_ref().map(Vec::len),
                "products" => s.products.as_ref().map(Vec::len),
                "support" => s.support.as_ref().map(Vec::len),
                _ => None,
            };
            let field = rest.split(['.', '[']).next().unwrap_or_default();
            match field {
                "facilities" | "products" | "support" => item_of(rest, field)
                    .is_some_and(|(j, _)| list_len(field).is_some_and(|n| j < n)),
                "fiscal" => s.fiscal.is_some(),
                "financing" => s.financing.is_some(),
                "discount_rate" => s.discount_rate.is_some(),
                "price_factor" => s.price_factor.is_some(),
                "name" | "description" => true,
                _ => false,
            }
        }
        "risk" => match path.strip_prefix("risk.") {
            Some(rest) if rest.starts_with("drivers") => {
                let drivers = project.risk.as_ref().map_or(0, |r| r.drivers.len());
                item_of(rest, "drivers").is_some_and(|(i, _)| i < drivers)
            }
            Some(_) => project.risk.is_some(),
            None => path == "risk",
        },
        "name"
        | "description"
        | "currency"
        | "money_basis"
        | "first_year"
        | "horizon_years"
        | "discount_rate"
        | "state_discount_rate"
        | "convention"
        | "fiscal"
        | "financing" => true,
        "second_currency" => project.second_currency.is_some(),
        _ => false,
    }
}

/// The path of a note's problem: `notes[facilities[0].capex]`.
pub fn problem_path(note_path: &str) -> String {
    format!("notes[{note_path}]")
}

/// Problems with the notes and the source list: a note on no item, a cited
/// key not in the list, a source with no key or a key used twice. Each
/// names the note (or source) as users see it.
pub fn check_notes(project: &Project) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut keys = std::collections::HashSet::new();
    for (i, s) in project.sources.iter().enumerate() {
        let path = format!("sources[{i}].key");
        let number = i + 1;
        if s.key.trim().is_empty() {
            problems.push(Problem {
                path,
                place: Place::Source { number, key: None },
                kind: ProblemKind::SourceWithoutKey,
            });
        } else if !keys.insert(s.key.as_str()) {
            problems.push(Problem {
                path,
                place: Place::Source {
                    number,
                    key: Some(s.key.clone()),
                },
                kind: ProblemKind::SourceKeyTwice,
            });
        }
    }
    for (path, note) in &project.notes {
        let place = || Place::NoteOn(Box::new(super::place::place_of(project, path)));
        if !target_exists(project, path) {
            problems.push(Problem {
                path: problem_path(path),
                place: Place::NoteOn(Box::new(Place::Unreadable(path.clone()))),
                kind: ProblemKind::NoteOnNothing,
            });
            continue;
        }
        for key in &note.sources {
            if !keys.contains(key.as_str()) {
                problems.push(Problem {
                    path: problem_path(path),
                    place: place(),
                    kind: ProblemKind::UnknownSource { key: key.clone() },
                });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(keys: &[&str]) -> Notes {
        keys.iter()
            .map(|k| {
                (
                    k.to_string(),
                    Note {
                        text: k.to_string(),
                        ..Note::default()
                    },
                )
            })
            .collect()
    }

    fn texts(n: &Notes) -> Vec<(String, String)> {
        n.iter().map(|(k, v)| (k.clone(), v.text.clone())).collect()
    }

    #[test]
    fn a_removal_drops_the_item_notes_and_moves_later_ones_up() {
        let mut n = notes(&[
            "facilities[0].capex",
            "facilities[1].capex[2027]",
            "fiscal.vat",
        ]);
        remap_list(&mut n, "facilities", ListChange::Remove(0));
        assert_eq!(
            texts(&n),
            vec![
                (
                    "facilities[0].capex[2027]".into(),
                    "facilities[1].capex[2027]".into()
                ),
                ("fiscal.vat".into(), "fiscal.vat".into()),
            ]
        );
    }

    #[test]
    fn duplicate_and_swap_follow_their_items() {
        let mut n = notes(&["support[0].amount", "support[1].amount"]);
        remap_list(&mut n, "support", ListChange::Duplicate(0));
        assert_eq!(
            texts(&n),
            vec![
                ("support[0].amount".into(), "support[0].amount".into()),
                ("support[1].amount".into(), "support[0].amount".into()),
                ("support[2].amount".into(), "support[1].amount".into()),
            ]
        );
        remap_list(&mut n, "support", ListChange::Swap(1, 2));
        assert_eq!(n["support[1].amount"].text, "support[1].amount");
        assert_eq!(n["support[2].amount"].text, "support[0].amount");
    }

    #[test]
    fn a_scenario_list_is_remapped_apart_from_the_base() {
        let mut n = notes(&["facilities[1].capex", "scenarios[0].facilities[1].capex"]);
        remap_list(&mut n, "scenarios[0].facilities", ListChange::Remove(0));
        assert!(n.contains_key("facilities[1].capex"));
        assert_eq!(
            n["scenarios[0].facilities[0].capex"].text,
            "scenarios[0].facilities[1].capex"
        );
        // `facilities10` is not an item of `facilities`.
        assert_eq!(item_of("facilities10[0]", "facilities"), None);
    }

    #[test]
    fn note_problems_are_capped_with_a_count() {
        let mut p = Project::default();
        for i in 0..250 {
            p.notes
                .insert(format!("facilities[{i}].capex"), Note::default());
        }
        let problems = crate::model::validate::validate(&p);
        let on_notes: Vec<_> = problems
            .iter()
            .filter(|x| {
                x.path.starts_with("notes[") || matches!(x.kind, ProblemKind::MoreWithNotes { .. })
            })
            .collect();
        assert_eq!(on_notes.len(), 201);
        assert_eq!(on_notes[200].message(), "and 50 more problem(s) with notes");
    }
}
