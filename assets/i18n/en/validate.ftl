# validate: en
# Validation problems and the places they are at (src/model/validate.rs,
# src/model/place.rs, worded by src/report/problems.rs), and the model's own
# names: support kinds, conventions, scenario sections, note kinds.

## A problem at its place

validate-at = { $place }: { $message }

## What is wrong

validate-negative = must not be negative
validate-at-most = must be at most { $max }
validate-between = must be between { $low } and { $high }
validate-above-zero-at-most = must be above 0 and at most { $max }
validate-above-zero-at-most-years = must be above 0 and at most { $years }
validate-above-zero = must be above 0
validate-at-most-years = at most { $years }
validate-share = must be between 0 and 1 (0.25 means 25%)
validate-rate = must be above -0.5 and at most 1 (0.10 means 10%)
validate-escalation-rate = must be above -1 and at most 1 (0.02 means 2% a year)
validate-volatility = must be between 0 and 2 (0.25 means 25% a year)
validate-year-outside = year { $year } is outside the model years { $first }..{ $last }
validate-years-outside = { $count ->
   *[other] { $shown } years (the first { $year }) are outside the model years { $first }..{ $last }
}
validate-calendar-year = must be a calendar year between 1000 and 9000
validate-no-price = needs at least one year's price
validate-no-exchange-rate = needs at least one year's rate
validate-escalates-past = the price escalates past { $max } by { $year }; lower the rate or the base price
validate-empty = must not be empty
validate-exchange-rate = must be between { $low } and { $high } { $second } per { $reporting }
validate-second-currency-unset = a cost line is entered in the second currency, but no second currency is set
validate-used-twice = "{ $name }" is used twice
validate-end-before-start = must not be before start_year
validate-last-before-first = must not be before first_year
validate-range-reversed = the last year must not be before the first
validate-no-products = needs at least one product
validate-main-products = exactly one product must be the main product ({ $count ->
    [one] { $shown } is marked
   *[other] { $shown } are marked
})
validate-unknown-product = no product named "{ $name }"
validate-unknown-facility = no facility is named "{ $name }"
validate-unknown-driver = no driver is named "{ $name }"
validate-grace-not-below-tenor = must be less than tenor_years
validate-path-not-price = only a selling price can follow a path
validate-self-correlation = a driver cannot be correlated with itself
validate-correlation-range = the correlation must be between -1 and 1
validate-pair-twice = this pair is given twice
validate-no-second-currency = the project has no second currency
validate-delay-whole-years = a start delay is a whole number of years, 0 to { $max }
validate-delay-distribution = a start delay takes Fixed or Discrete whole years
validate-low-mode-high = needs low <= mode <= high, with low < high
validate-low-below-high = needs low < high
validate-no-points = needs at least one (value, probability) pair
validate-probability = a probability must be between 0 and 1
validate-probabilities-sum = probabilities must sum to 1 (they sum to { $sum })
validate-headcount-times-wage = headcount x wage must be at most { $max }
validate-source-without-key = a source needs a key for notes to cite
validate-source-key-twice = another source has this key
validate-note-on-nothing = no such field in this project: remove the note or fix its path
validate-unknown-source = cites [{ $key }], which is not in the source list
validate-scenarios-need-version = scenarios need format version { $version }; set version: { $version }
validate-risk-needs-version = a risk section needs format version { $version }; set version: { $version }
validate-notes-need-version = notes and sources need format version { $version }; set version: { $version }
validate-field-needs-version = this field needs format version { $version }; set version: { $version }
validate-royalties-are-lines = from version 4 royalties are lines: write royalties: [RoyaltyLine(name: "MET", rate: ShareOfRevenue(0.08))]
validate-more = { $count ->
    [one] and { $shown } more problem
   *[other] and { $shown } more problem(s)
}
validate-more-with-notes = { $count ->
    [one] and { $shown } more problem with notes
   *[other] and { $shown } more problem(s) with notes
}

## Places

validate-item-named = { $item } "{ $name }"
validate-item-facility = Facility { $n }
validate-item-product = Product { $n }
validate-item-support = Support instrument { $n }
validate-item-scenario = Scenario { $n }
validate-item-ramp-up-year = Ramp-up year { $n }
validate-item-driver = Driver { $n }
validate-item-correlation = Correlation { $n }
validate-item-royalty = Royalty { $n }
validate-place-note = Note on { $place }
validate-place-source = Source { $n }
validate-place-source-key = Source { $n } [{ $key }]
validate-place-base-case = Base case
validate-place-file-at = line { $line }, column { $column }

## Field labels, as the window gives them (by the field's name in the file)

validate-field-exchange-rate = Exchange rate
validate-field-currency-code = Currency code
validate-field-first-operating-year = First operating year
validate-field-last-operating-year = Last operating year
validate-field-interest-rate = Interest rate
validate-field-name = Name
validate-field-currency = Reporting currency
validate-field-horizon-years = Horizon
validate-field-first-year = First year
validate-field-last-year = Last year
validate-field-discount-rate = Discount rate
validate-field-state-discount-rate = State's discount rate
validate-field-second-currency = Second currency
validate-field-capex = Initial capex
validate-field-sustaining-capex-per-year = Sustaining capex
validate-field-fixed-opex-per-year = Fixed opex
validate-field-tax-life-years = Tax depreciation life
validate-field-closure-cost = Closure cost
validate-field-closure-year = Closure year
validate-field-salvage-value = Salvage value
validate-field-products = Products
validate-field-facilities = Facilities
validate-field-support = Support instruments
validate-field-scenarios = Scenarios
validate-field-output = Output
validate-field-nameplate-per-year = Nameplate output
validate-field-start-year = Start year
validate-field-end-year = End year
validate-field-ramp-up = Ramp-up
validate-field-variable-cost-per-unit = Variable cost
validate-field-price = Price
validate-field-benchmark-price = Benchmark (import) price
validate-field-base-price = Base price
validate-field-escalation-rate = Escalation rate
validate-field-fiscal = Fiscal terms
validate-field-royalty = Royalty
validate-field-profit-tax-rate = Profit tax rate
validate-field-loss-offset-cap = Loss offset cap
validate-field-working-capital-share = Working capital
validate-field-amount-per-year = Amount per year
validate-field-product = Product
validate-field-amount-per-unit = Amount per unit
validate-field-floor-price = Floor price
validate-field-size = Size
validate-field-amount = Amount
validate-field-tenor-years = Tenor
validate-field-grace-years = Grace period
validate-field-rate-points = Rate points
validate-field-reduced-rate = Reduced tax rate
validate-field-financing = Financing
validate-field-debt-share-of-capex = Debt share of capex
validate-field-price-factor = Price factor
validate-field-risk = Risk
validate-field-trials = Trials
validate-field-seed = Seed
validate-field-target = Target
validate-field-distribution = Distribution
validate-field-low = Low
validate-field-mode = Most likely
validate-field-high = High
validate-field-mean = Mean
validate-field-sd = Standard deviation
validate-field-median = Median
validate-field-sigma = Sigma
validate-field-path = Price path
validate-field-half-life-years = Half-life
validate-field-volatility = Volatility
validate-field-royalties = Royalties
validate-field-contribution-rate = Contribution rate
validate-field-property-tax = Property tax
validate-field-relief-years = Regional relief years
validate-field-vat = VAT on capex
validate-field-refund-lag-years = VAT refund lag
validate-field-payroll = Payroll
validate-field-headcount = Headcount
validate-field-wage-per-year = Wage per head
validate-field-property-life-years = Property-tax book life
validate-field-closure-spread = Closure over several years
validate-field-profit-tax-steps = Profit tax steps
validate-field-contributions = Contributions
validate-field-rate = Rate
validate-field-code = Code
validate-field-drivers = Drivers
validate-field-correlations = Correlations
validate-field-notes = Notes and sources
validate-field-sources = Sources

## The model's own names

validate-support-operating-subsidy = operating subsidy
validate-support-production-subsidy = production subsidy
validate-support-offtake-floor = guaranteed offtake price
validate-support-capital-grant = capital grant
validate-support-concessional-loan = concessional loan
validate-support-interest-subsidy = interest-rate subsidy
validate-support-tax-relief = profit-tax relief
validate-support-property-tax-relief = property-tax relief
validate-support-contribution-relief = insurance-contribution relief
validate-support-arctic-zone = Arctic zone resident
validate-convention-start = start-of-year: year Y discounted over (Y - Y0) years, first year undiscounted
validate-convention-mid = mid-year: year Y discounted over (Y - Y0 + 0.5) years
validate-convention-end = end-of-year: year Y discounted over (Y - Y0 + 1) years
validate-section-price-factor = price factor
validate-section-products = products
validate-section-facilities = facilities
validate-section-fiscal = fiscal terms
validate-section-support = support instruments
validate-section-financing = financing
validate-section-discount-rate = discount rate
validate-note-kind-reported = reported fact
validate-note-kind-derived = derived
validate-note-kind-assumption = assumption
