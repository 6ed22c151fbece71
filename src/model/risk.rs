//! The risk section of a project: uncertain drivers, their distributions and
//! their rank correlations, for sensitivity analysis and Monte Carlo.
//!
//! A [`Driver`] multiplies the values entered for its [`RiskTarget`] in every
//! year by a draw from its [`Distribution`] (one draw for the whole life, or a
//! mean-reverting path year by year where a [`PricePath`] is given). The one
//! exception is [`RiskTarget::StartDelayYears`], whose draw is a whole number
//! of years by which production, opex and revenue start later. Plain data;
//! the engine (`engine::risk`) gives it meaning, `docs/CONVENTIONS.md` defines
//! it.

use rust_decimal::Decimal;

/// Most Monte Carlo trials one run may ask for.
pub const MAX_TRIALS: u32 = 1_000_000;

/// Longest start delay a driver may draw, in years.
pub const MAX_DELAY_YEARS: u32 = 20;

/// Trials a new risk section starts with.
pub const DEFAULT_TRIALS: u32 = 10_000;

/// The uncertain drivers of a project and how they move together.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    /// Monte Carlo trials (1..=[`MAX_TRIALS`]).
    pub trials: u32,
    /// Seed of the random numbers: the same seed gives the same results.
    pub seed: u64,
    /// The drivers, each with a unique name.
    pub drivers: Vec<Driver>,
    /// Rank correlations between pairs of drivers, by name.
    pub correlations: Vec<Correlation>,
}

impl Default for Risk {
    fn default() -> Self {
        Risk {
            trials: DEFAULT_TRIALS,
            seed: 42,
            drivers: Vec::new(),
            correlations: Vec::new(),
        }
    }
}

/// One uncertain input.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    /// Name, unique within the risk section (correlations refer to it).
    pub name: String,
    /// What it multiplies (or delays).
    pub target: RiskTarget,
    /// The multiplier's distribution (whole years for a start delay).
    pub distribution: Distribution,
    /// A price driver may also follow a mean-reverting path year by year
    /// around its drawn level.
    pub path: Option<PricePath>,
}

/// What a driver acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RiskTarget {
    /// The selling price of one product (by name).
    Price(String),
    /// Every product's selling price.
    AllPrices,
    /// The benchmark (import) price of one product (by name).
    BenchmarkPrice(String),
    /// Initial capex of every facility.
    Capex,
    /// Initial capex of one facility (by name).
    FacilityCapex(String),
    /// Sustaining capex of every facility.
    SustainingCapex,
    /// Fixed opex of every facility.
    FixedOpex,
    /// Variable cost per unit of every product.
    VariableCost,
    /// The output of one product (by name).
    Output(String),
    /// The output of every product.
    AllOutput,
    /// The exchange rate (second-currency units per reporting unit): a
    /// multiplier above 1 makes second-currency costs cheaper.
    ExchangeRate,
    /// Whole years by which production, opex and revenue start later;
    /// capex does not move.
    StartDelayYears,
}

impl RiskTarget {
    /// Whether the target is a selling price (the only kind that may follow a
    /// mean-reverting path).
    pub fn is_price(&self) -> bool {
        matches!(self, RiskTarget::Price(_) | RiskTarget::AllPrices)
    }
}

/// A distribution of a multiplier (or of whole years, for a delay).
#[derive(Debug, Clone, PartialEq)]
pub enum Distribution {
    /// Always this value.
    Fixed(Decimal),
    /// Uniform between low and high.
    Uniform {
        /// Lowest value.
        low: Decimal,
        /// Highest value.
        high: Decimal,
    },
    /// Triangular.
    Triangular {
        /// Lowest value.
        low: Decimal,
        /// Most likely value.
        mode: Decimal,
        /// Highest value.
        high: Decimal,
    },
    /// PERT: a beta distribution on [low, high] with the given mode (λ = 4).
    Pert {
        /// Lowest value.
        low: Decimal,
        /// Most likely value.
        mode: Decimal,
        /// Highest value.
        high: Decimal,
    },
    /// Normal, truncated at 0.
    Normal {
        /// Mean before truncation.
        mean: Decimal,
        /// Standard deviation before truncation.
        sd: Decimal,
    },
    /// Lognormal: median × exp(sigma × Z).
    Lognormal {
        /// Median.
        median: Decimal,
        /// Standard deviation of the logarithm.
        sigma: Decimal,
    },
    /// Given values with their probabilities (summing to 1).
    Discrete(Vec<(Decimal, Decimal)>),
}

/// A mean-reverting (log-Ornstein–Uhlenbeck) path of a price multiplier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PricePath {
    /// Years for a deviation from the drawn level to halve.
    pub half_life_years: Decimal,
    /// Yearly volatility of the logarithm of the price.
    pub volatility: Decimal,
}

/// A rank correlation between two drivers.
#[derive(Debug, Clone, PartialEq)]
pub struct Correlation {
    /// First driver's name.
    pub first: String,
    /// Second driver's name.
    pub second: String,
    /// Spearman rank correlation, in [-1, 1].
    pub rho: Decimal,
}
