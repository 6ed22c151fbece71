//! Field paths as users see them: `facilities[0].capex[2027]` becomes
//! `Facility 1 "Open-pit mine" › Initial capex › 2027`.
//!
//! A path is the machine address of a field (0-based indexes, field names as
//! in the file); [`user_place`] words it with the names the window shows,
//! 1-based, with the item's name. The path itself stays in JSON output and
//! finds the field in the window.

use super::{Project, Scenario};

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

/// The label the window gives a field.
fn label(field: &str, parent: Option<&str>) -> String {
    let known = match (parent, field) {
        (Some("second_currency"), "rate") => "Exchange rate",
        (Some("second_currency"), "code") => "Currency code",
        (Some("facilities"), "start_year") => "First operating year",
        (Some("facilities"), "end_year") => "Last operating year",
        (Some("support"), "first_year") => "First year",
        (Some("support"), "last_year") => "Last year",
        (Some("support" | "financing"), "rate") => "Interest rate",
        (_, "name") => "Name",
        (_, "currency") => "Reporting currency",
        (_, "horizon_years") => "Horizon",
        (_, "first_year") => "First year",
        (_, "discount_rate") => "Discount rate",
        (_, "state_discount_rate") => "State's discount rate",
        (_, "second_currency") => "Second currency",
        (_, "capex") => "Initial capex",
        (_, "sustaining_capex_per_year") => "Sustaining capex",
        (_, "fixed_opex_per_year") => "Fixed opex",
        (_, "tax_life_years") => "Tax depreciation life",
        (_, "closure_cost") => "Closure cost",
        (_, "closure_year") => "Closure year",
        (_, "salvage_value") => "Salvage value",
        (_, "products") => "Products",
        (_, "facilities") => "Facilities",
        (_, "support") => "Support instruments",
        (_, "scenarios") => "Scenarios",
        (_, "output") => "Output",
        (_, "nameplate_per_year") => "Nameplate output",
        (_, "start_year") => "Start year",
        (_, "end_year") => "End year",
        (_, "ramp_up") => "Ramp-up",
        (_, "variable_cost_per_unit") => "Variable cost",
        (_, "price") => "Price",
        (_, "benchmark_price") => "Benchmark (import) price",
        (_, "base_price") => "Base price",
        (_, "escalation_rate") => "Escalation rate",
        (_, "fiscal") => "Fiscal terms",
        (_, "royalty") => "Royalty",
        (_, "profit_tax_rate") => "Profit tax rate",
        (_, "loss_offset_cap") => "Loss offset cap",
        (_, "working_capital_share") => "Working capital",
        (_, "amount_per_year") => "Amount per year",
        (_, "product") => "Product",
        (_, "amount_per_unit") => "Amount per unit",
        (_, "floor_price") => "Floor price",
        (_, "size") => "Size",
        (_, "amount") => "Amount",
        (_, "tenor_years") => "Tenor",
        (_, "grace_years") => "Grace period",
        (_, "rate_points") => "Rate points",
        (_, "reduced_rate") => "Reduced tax rate",
        (_, "financing") => "Financing",
        (_, "debt_share_of_capex") => "Debt share of capex",
        (_, "price_factor") => "Price factor",
        (_, "risk") => "Risk",
        (_, "trials") => "Trials",
        (_, "seed") => "Seed",
        (_, "target") => "Target",
        (_, "distribution") => "Distribution",
        (_, "low") => "Low",
        (_, "mode") => "Most likely",
        (_, "high") => "High",
        (_, "mean") => "Mean",
        (_, "sd") => "Standard deviation",
        (_, "median") => "Median",
        (_, "sigma") => "Sigma",
        (_, "path") => "Price path",
        (_, "half_life_years") => "Half-life",
        (_, "volatility") => "Volatility",
        (_, "royalties") => "Royalties",
        (_, "contribution_rate") => "Contribution rate",
        (_, "property_tax") => "Property tax",
        (_, "relief_years") => "Regional relief years",
        (_, "vat") => "VAT on capex",
        (_, "refund_lag_years") => "VAT refund lag",
        (_, "payroll") => "Payroll",
        (_, "headcount") => "Headcount",
        (_, "wage_per_year") => "Wage per head",
        (_, "property_life_years") => "Property-tax book life",
        (_, "closure_spread") => "Closure over several years",
        (_, "profit_tax_steps") => "Profit tax steps",
        (_, "contributions") => "Contributions",
        (_, "rate") => "Rate",
        _ => "",
    };
    if known.is_empty() {
        // A field this table does not know: its name, readable.
        let mut s = field.replace('_', " ");
        if let Some(first) = s.get(..1) {
            let up = first.to_uppercase();
            s.replace_range(..1, &up);
        }
        s
    } else {
        known.to_string()
    }
}

/// What one item of a list is called, with its name when it has one.
fn item(list: &str, index: i64, project: &Project, scenario: Option<&Scenario>) -> String {
    let n = index.saturating_add(1);
    let at = |names: Vec<&str>| {
        usize::try_from(index)
            .ok()
            .and_then(|i| names.get(i).copied())
            .map(|name| format!(" \"{name}\""))
            .unwrap_or_default()
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
        "facilities" => format!(
            "Facility {n}{}",
            at(facilities.iter().map(|f| f.name.as_str()).collect())
        ),
        "products" => format!(
            "Product {n}{}",
            at(products.iter().map(|p| p.name.as_str()).collect())
        ),
        "support" => format!(
            "Support instrument {n}{}",
            at(support.iter().map(|s| s.name.as_str()).collect())
        ),
        "scenarios" => format!(
            "Scenario {n}{}",
            at(project.scenarios.iter().map(|s| s.name.as_str()).collect())
        ),
        "ramp_up" => format!("Ramp-up year {n}"),
        "drivers" => format!(
            "Driver {n}{}",
            at(project
                .risk
                .as_ref()
                .map(|r| r.drivers.iter().map(|d| d.name.as_str()).collect())
                .unwrap_or_default())
        ),
        "correlations" => format!("Correlation {n}"),
        "royalties" => format!(
            "Royalty {n}{}",
            at(scenario
                .and_then(|s| s.fiscal.as_ref())
                .unwrap_or(&project.fiscal)
                .royalties
                .iter()
                .map(|r| r.name.as_str())
                .collect())
        ),
        _ => format!("{} {n}", label(list, None)),
    }
}

/// The place a field path names, as users see it: 1-based, with names, the
/// parts joined by ` › `. A year key stays a year. An empty path is empty;
/// a path that does not parse is returned as it is.
pub fn user_place(project: &Project, path: &str) -> String {
    if path.is_empty() {
        return String::new();
    }
    let Some(steps) = steps(path) else {
        return path.to_string();
    };
    let mut parts: Vec<String> = Vec::new();
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
                    parts.push(label(f, section));
                    list = Some(f);
                    if matches!(f, "second_currency" | "fiscal" | "financing") {
                        section = Some(f);
                    }
                }
            }
            Step::Index(i) => match list {
                Some(
                    "facilities" | "products" | "support" | "scenarios" | "ramp_up" | "drivers"
                    | "correlations" | "royalties",
                ) => {
                    let l = list.unwrap_or_default();
                    if matches!(l, "ramp_up" | "royalties") {
                        parts.pop();
                    }
                    parts.push(item(l, i, project, scenario));
                    if l == "scenarios" {
                        scenario = usize::try_from(i)
                            .ok()
                            .and_then(|k| project.scenarios.get(k));
                    }
                    list = None;
                }
                // A year key of a series.
                _ => parts.push(i.to_string()),
            },
        }
    }
    if parts.is_empty() {
        // A whole list ("facilities"): its own label.
        return label(path, None);
    }
    parts.join(" › ")
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
