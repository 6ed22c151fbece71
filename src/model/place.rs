//! Field paths as users see them: `facilities[0].capex[2027]` becomes
//! `Facility 1 "Open-pit mine" › Initial capex › 2027`.
//!
//! A path is the machine address of a field (0-based indexes, field names as
//! in the file); [`place_of`] reads it into a typed [`Place`]: the section,
//! the item (1-based, with its name), the field and the year. The model
//! words nothing: `report::problems` words a place in the language in force
//! ([`user_place`] is a shortcut to it). The path itself stays in JSON
//! output and finds the field in the window.

use super::{Project, Scenario};

/// Where a problem is, as users see it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Place {
    /// Nowhere in particular (a count of further problems).
    #[default]
    Nowhere,
    /// A field, a list or an item: its parts in order, outermost first.
    Field(Vec<Part>),
    /// A path that does not read as one, shown as it is.
    Unreadable(String),
    /// A note on the field at the place inside.
    NoteOn(Box<Place>),
    /// An entry of the source list: 1-based, with its key when it has one.
    Source {
        /// 1-based.
        number: usize,
        /// The entry's key, for a key used twice.
        key: Option<String>,
    },
    /// The base case as a whole (an appraisal that fails).
    BaseCase,
    /// A place in the file's text, 1-based.
    FileAt {
        /// Line.
        line: usize,
        /// Column, in characters.
        column: usize,
    },
}

/// One part of a [`Place::Field`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Part {
    /// A field, by its name in the file (`capex`), with the section it is
    /// in where the window labels it apart (`facilities`, `support`,
    /// `financing`, `second_currency`, `fiscal`).
    Field {
        /// The field's name in the file.
        name: String,
        /// The section the field is in, if any.
        section: Option<String>,
    },
    /// One item of a list, 1-based, with its name when it has one.
    Item {
        /// Which list.
        list: List,
        /// 1-based position.
        number: i64,
        /// The item's name.
        name: Option<String>,
    },
    /// A year key of a series (or another index kept as it is).
    Year(i64),
}

/// The lists whose items a place names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    /// `facilities`.
    Facility,
    /// `products`.
    Product,
    /// `support`.
    Support,
    /// `scenarios`.
    Scenario,
    /// `ramp_up`: a year of a ramp-up.
    RampUpYear,
    /// `risk.drivers`.
    Driver,
    /// `risk.correlations`.
    Correlation,
    /// `fiscal.royalties`.
    Royalty,
}

impl List {
    fn of(name: &str) -> Option<List> {
        Some(match name {
            "facilities" => List::Facility,
            "products" => List::Product,
            "support" => List::Support,
            "scenarios" => List::Scenario,
            "ramp_up" => List::RampUpYear,
            "drivers" => List::Driver,
            "correlations" => List::Correlation,
            "royalties" => List::Royalty,
            _ => return None,
        })
    }
}

/// Every field name of the file format a place can name; each has its label
/// in the bundles (`validate-field-<name>`, underscores as hyphens).
pub const FIELDS: &[&str] = &[
    "name",
    "currency",
    "horizon_years",
    "first_year",
    "discount_rate",
    "state_discount_rate",
    "second_currency",
    "capex",
    "sustaining_capex_per_year",
    "fixed_opex_per_year",
    "tax_life_years",
    "closure_cost",
    "closure_year",
    "salvage_value",
    "products",
    "facilities",
    "support",
    "scenarios",
    "output",
    "nameplate_per_year",
    "start_year",
    "end_year",
    "ramp_up",
    "variable_cost_per_unit",
    "price",
    "benchmark_price",
    "base_price",
    "escalation_rate",
    "fiscal",
    "royalty",
    "profit_tax_rate",
    "loss_offset_cap",
    "working_capital_share",
    "amount_per_year",
    "product",
    "amount_per_unit",
    "floor_price",
    "size",
    "amount",
    "tenor_years",
    "grace_years",
    "rate_points",
    "reduced_rate",
    "financing",
    "debt_share_of_capex",
    "price_factor",
    "risk",
    "trials",
    "seed",
    "target",
    "distribution",
    "low",
    "mode",
    "high",
    "mean",
    "sd",
    "median",
    "sigma",
    "path",
    "half_life_years",
    "volatility",
    "royalties",
    "contribution_rate",
    "property_tax",
    "relief_years",
    "vat",
    "refund_lag_years",
    "payroll",
    "headcount",
    "wage_per_year",
    "property_life_years",
    "closure_spread",
    "profit_tax_steps",
    "contributions",
    "rate",
    "code",
    "last_year",
    "drivers",
    "correlations",
    "notes",
    "sources",
];

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step<'a> {
    Field(&'a str),
    Index(i64),
}

/// Splits `a[1].b.c[2027]` into its steps; `None` for a path that does not
/// read as one (then it is shown as it is).
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(k) => (&part[..k], &part[k..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            out.push(Step::Field(name));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let (n, after) = r.split_once(']')?;
            out.push(Step::Index(n.parse().ok()?));
            rest = after;
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

/// The name an item has, if the list has one at `index`.
fn item_name(
    list: List,
    index: i64,
    project: &Project,
    scenario: Option<&Scenario>,
) -> Option<String> {
    let at = |names: Vec<&str>| {
        usize::try_from(index)
            .ok()
            .and_then(|i| names.get(i).map(|n| n.to_string()))
    };
    let facilities = scenario
        .and_then(|s| s.facilities.as_ref())
        .unwrap_or(&project.facilities);
    let products = scenario
        .and_then(|s| s.products.as_ref())
        .unwrap_or(&project.products);
    let support = scenario
        .and_then(|s| s.support.as_ref())
        .unwrap_or(&project.support);
    match list {
        List::Facility => at(facilities.iter().map(|f| f.name.as_str()).collect()),
        List::Product => at(products.iter().map(|p| p.name.as_str()).collect()),
        List::Support => at(support.iter().map(|s| s.name.as_str()).collect()),
        List::Scenario => at(project.scenarios.iter().map(|s| s.name.as_str()).collect()),
        List::Driver => at(project
            .risk
            .as_ref()
            .map(|r| r.drivers.iter().map(|d| d.name.as_str()).collect())
            .unwrap_or_default()),
        List::Royalty => at(scenario
            .and_then(|s| s.fiscal.as_ref())
            .unwrap_or(&project.fiscal)
            .royalties
            .iter()
            .map(|r| r.name.as_str())
            .collect()),
        List::RampUpYear | List::Correlation => None,
    }
}

/// The place a field path names: 1-based, with names. A year key stays a
/// year. An empty path is [`Place::Nowhere`]; a path that does not parse is
/// [`Place::Unreadable`].
pub fn place_of(project: &Project, path: &str) -> Place {
    if path.is_empty() {
        return Place::Nowhere;
    }
    let Some(steps) = steps(path) else {
        return Place::Unreadable(path.to_string());
    };
    let mut parts: Vec<Part> = Vec::new();
    let mut scenario: Option<&Scenario> = None;
    // The list an index belongs to, and the section a field is in.
    let mut list: Option<&str> = None;
    let mut section: Option<&str> = None;
    for step in steps {
        match step {
            Step::Field(f) => {
                if matches!(
                    f,
                    "facilities"
                        | "products"
                        | "support"
                        | "scenarios"
                        | "drivers"
                        | "correlations"
                ) {
                    list = Some(f);
                    section = Some(f);
                } else {
                    parts.push(Part::Field {
                        name: f.to_string(),
                        section: section.map(str::to_string),
                    });
                    list = Some(f);
                    if matches!(f, "second_currency" | "fiscal" | "financing") {
                        section = Some(f);
                    }
                }
            }
            Step::Index(i) => match list.and_then(List::of) {
                Some(l) => {
                    if matches!(l, List::RampUpYear | List::Royalty) {
                        parts.pop();
                    }
                    parts.push(Part::Item {
                        list: l,
                        number: i.saturating_add(1),
                        name: item_name(l, i, project, scenario),
                    });
                    if l == List::Scenario {
                        scenario = usize::try_from(i)
                            .ok()
                            .and_then(|k| project.scenarios.get(k));
                    }
                    list = None;
                }
                // A year key of a series.
                None => parts.push(Part::Year(i)),
            },
        }
    }
    if parts.is_empty() {
        // A whole list ("facilities"): its own label.
        parts.push(Part::Field {
            name: path.to_string(),
            section: None,
        });
    }
    Place::Field(parts)
}

/// [`place_of`] worded in the language in force (by `report::problems`).
pub fn user_place(project: &Project, path: &str) -> String {
    crate::report::problems::place_text(&place_of(project, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_in_the_window() {
        let project = crate::io::default_project().expect("the sample loads");
        // The sample's facilities, in file order: "Open-pit mine" first.
        assert_eq!(
            user_place(&project, "facilities[0].capex[2027]"),
            "Facility 1 \"Open-pit mine\" › Initial capex › 2027"
        );
        assert_eq!(
            user_place(&project, "financing.rate"),
            "Financing › Interest rate"
        );
        assert_eq!(
            user_place(&project, "products[1].output.ramp_up[0]"),
            format!(
                "Product 2 \"{}\" › Output › Ramp-up year 1",
                project.products[1].name
            )
        );
        assert_eq!(user_place(&project, "discount_rate"), "Discount rate");
        assert_eq!(user_place(&project, "weird[x"), "weird[x");
        assert_eq!(user_place(&project, ""), "");
    }
}
