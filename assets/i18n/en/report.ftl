# report: the text reports, the ledger lines and the command line (src/report.rs, src/report/*.rs, src/cli.rs).

## Ledger lines

report-line-revenue-of = Revenue: { $name }
report-line-revenue = Revenue
report-line-support-of = Support: { $name }
report-line-operating-support = Operating support
report-line-fixed-opex = Fixed opex
report-line-payroll = {"  "}of which payroll
report-line-contributions = {"  "}of which insurance contributions
report-line-variable-opex = Variable opex
report-line-property-tax = Property tax
report-line-royalties = Royalties / MET
report-line-ebitda = EBITDA
report-line-depreciation = Depreciation
report-line-interest = Interest
report-line-interest-subsidy = Interest subsidy
report-line-taxable-income = Taxable income
report-line-losses-used = Losses used
report-line-profit-tax = Profit tax (company)
report-line-profit-tax-unlevered = Profit tax (project)
report-line-capex = Capex
report-line-sustaining-capex = Sustaining capex
report-line-capital-grants = Capital grants
report-line-working-capital-change = Working capital increase
report-line-vat-paid = VAT paid on capex
report-line-vat-refund = VAT refunded
report-line-closure = Closure
report-line-salvage = Salvage
report-line-cash-flow = Project cash flow
report-line-discount-factor = Discount factor
report-line-discounted-cash-flow = Discounted cash flow
report-line-cumulative-cash-flow = Cumulative cash flow
report-line-cumulative-discounted-cash-flow = Cumulative discounted cash flow
report-line-debt-draws = Debt draws
report-line-debt-repayment = Debt repayment
report-line-debt-service = Debt service
report-line-equity-cash-flow = Equity cash flow

## The text report

report-none = none
report-never = never
report-no-root = no root
report-none-because = none ({ $why })
report-money-real = real
report-money-nominal = nominal
report-heading = Model years { $first }..{ $last }, { $basis } money in { $currency }; discount rate { $rate } ({ $basis }), convention { $convention }.
report-irr-roots = { $irr } (non-conventional flow: roots { $roots })
report-years-from = { $shown } { $n ->
    [one] year
   *[other] years
} from { $first }
report-payback = Payback
report-discounted-payback = Discounted payback
report-pi = Profitability index
report-peak-funding = Peak funding
report-main-product = Main product: { $name } (per { $unit })
report-unit-cost = Levelized unit cost
report-unit-cost-build-up = capital { $capital }, opex { $opex }, royalties and taxes { $taxes }, less by-products { $credit }
report-breakeven-price = Breakeven price
report-benchmark-price = Benchmark (import) price
report-price-gap = Price gap
report-required-support = Required support
report-required-support-value = { $per_year } a year, or { $per_unit } (level, non-taxable, at the benchmark price)
report-equity-npv = Equity NPV
report-equity-irr = Equity IRR
report-min-dscr = Minimum DSCR
report-col-year = year
report-col-revenue = revenue
report-col-ebitda = EBITDA
report-col-capex = capex
report-col-cash-flow = cash flow
report-col-cumulative = cumulative
report-notes = Notes:
report-how-found = { $method }.
report-assumptions = Assumptions and sources:
report-sources = Sources:

## Compare

report-compare-heading = { $name }: investor at { $investor }, state at { $state } ({ $convention }; { $basis } money in { $currency })
report-project-npv = Project NPV
report-project-irr = Project IRR
report-investor-npv = Investor (equity) NPV
report-investor-irr = Investor (equity) IRR
report-payback-years = Payback, years
report-social-funds = {"  "}of which social funds
report-taxes-pv = PV taxes and royalties
report-net-fiscal = Net fiscal effect (PV)
report-budget-efficiency = Budget efficiency
report-cost-per-tonne = Budget cost per t replaced
report-not-appraised = { $name }: not appraised: { $error }
report-required-intro = Least support of each kind for { $target } (base case), ranked by PV budget cost at the state's rate:
report-efficiency-defined = Budget efficiency = increase in the investor's NPV (equity NPV; project NPV without debt) per unit of PV budget cost.

## Sensitivity and Monte Carlo (src/report/risk.rs)

report-risk-no-delay-switch = none within { $years }
report-risk-no-switch = none in { $low }–{ $high }
report-risk-sensitivity-title = { $name }: sensitivity of NPV
report-risk-npv-as-entered = NPV as entered: { $npv } { $currency }
report-risk-default-drivers = No risk section: default drivers, each at 1 - range and 1 + range.
report-risk-file-drivers = Low and high are each driver's P10 and P90.
report-risk-low = low
report-risk-high = high
report-risk-npv-low = NPV low ({ $currency })
report-risk-npv-high = NPV high ({ $currency })
report-risk-npv-zero-at = NPV = 0 at
report-risk-capex-overrun = Capex overrun (initial and sustaining)
report-risk-opex-overrun = Opex overrun (fixed and variable)
report-risk-overrun-heading = { $title }: breakeven price and the level subsidy that closes the gap
report-risk-col-breakeven = breakeven { $unit }
report-risk-col-subsidy-year = subsidy { $currency } a year
report-risk-col-subsidy-unit = subsidy { $unit }
report-risk-mc-title = { $name }: Monte Carlo, { $trials } { $n ->
    [one] trial
   *[other] trials
}, seed { $seed }
report-risk-row-npv = NPV ({ $currency })
report-risk-row-unit-cost = Unit cost ({ $unit })
report-risk-mean = mean
report-risk-sd = sd
report-risk-se-mean = se of mean
report-risk-prob-negative = P(NPV < 0) = { $share }: the share of simulated futures in which the project loses money at the discount rate.
report-risk-without-irr = { $share } of trials have no IRR.
report-risk-drivers = What drives NPV (rank correlation; share of variance):
report-risk-options = Funding options on the same draws:
report-risk-prob-investor = P(investor NPV >= 0)
report-risk-investor-p = Investor NPV { $p }
report-risk-budget-mean = PV budget cost, mean
report-risk-budget-p90 = PV budget cost, P90
report-risk-could-not-run = { $name }: could not run: { $error }

## The command line (src/cli.rs)

report-cli-upgraded = { $file }: written at format version { $version } ({ $notes } note(s), { $sources } source(s))
report-cli-upgraded-problems = { $file }: { $count } { $n ->
    [one] problem
   *[other] problems
} to fix, kept as they were; `assay check` lists them
report-cli-export-where = export: say where to write, e.g. --xlsx OUT.xlsx or --pdf OUT.pdf
report-cli-wrote = wrote { $file }
report-cli-target-not-number = --target { $text }: "{ $rest }" is not a number (irr=0.12 means 12%)
report-cli-target-range = --target { $text }: the hurdle must be above -0.99 and at most 10
report-cli-target-use = --target { $text }: use `npv` or `irr=0.12`
report-cli-no-case = { $file }: no case could be appraised:
report-cli-range = --range { $range }: give a share between 0 and 1 (0.2 means ±20%)
report-cli-trials = --trials { $trials }: give 1 to { $max }
report-cli-valid = { $file }: valid ({ $facilities } facilities, { $products } products, { $support } support instruments, { $scenarios } scenarios)
report-cli-problems = { $file }: { $count } { $n ->
    [one] problem
   *[other] problems
} to fix:
report-cli-csv-quote = a quoted field is not closed
report-cli-csv-empty = the file is empty
report-cli-csv-at-line = line { $line }: { $error }
report-cli-csv-no-column = the header has no column `{ $column }`
report-cli-csv-too-many-fields = { $fields } fields, but the header has { $header }; a decimal is written with a point (-100.5), not a comma
report-cli-csv-no-value = no value in column `{ $column }`
report-cli-csv-bad-year = year "{ $year }" is not a whole number
report-cli-csv-bad-flow = cash_flow "{ $value }" is not a number
report-cli-csv-no-rows = no rows after the header
report-cli-csv-too-many-rows = { $rows } rows; a series has at most 1000 years
report-cli-csv-year-twice = year { $year } appears twice
report-cli-csv-year-gap = year { $year } follows { $previous }; years must be consecutive
report-cli-cumulative-overflows = the cumulative cash flow overflows
report-cli-rate-comma = --rate { $rate }: decimal comma in a number: write { $fixed }, not { $text }
report-cli-rate-not-number = --rate "{ $rate }" is not a number (0.10 means 10%)
report-cli-rate-range = --rate { $rate } must be above -0.99 and at most 10
report-cli-series-heading = { $count } { $n ->
    [one] year
   *[other] years
} from { $first }, discount rate { $rate }, convention { $convention }
report-cli-years = { $shown } { $n ->
    [one] year
   *[other] years
}
report-cli-note = note: { $note }
