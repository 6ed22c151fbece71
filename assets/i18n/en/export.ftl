# export: the Excel workbook and the PDF report (src/export).

## Errors

export-error-unknown-case = no case named "{ $name }" (the base case is "base"; { $n ->
    [0] the project has no scenarios
   *[other] scenarios: { $scenarios }
})
export-error-xlsx = writing the workbook: { $detail }
export-error-pdf = writing the PDF: { $detail }
export-error-pdf-no-case = no case to report
export-error-pdf-font = the embedded font could not be read { $detail }
export-error-pdf-page-size = a page size the PDF writer refused

## Shared words

export-base-case = Base case
export-none = none
export-yes = yes
export-no = no
export-no-root = no root
export-not-appraised = not appraised: { $reason }
export-main-product = main product
export-by-product = by-product
export-product = Product: { $name }
export-facility = Facility: { $name }
export-output = Output: { $name }
export-price = Price: { $name }
export-profit-tax-rate = Profit tax rate
export-commercial-debt = Commercial debt
export-funding = Funding options
export-exchange-rate = Exchange rate ({ $second } per { $reporting })

## Sheet names (at most 31 characters, none of [ ] : * ? / \)

export-sheet-inputs = Inputs
export-sheet-ledger = Ledger
export-sheet-metrics = Metrics
export-sheet-funding = Funding options
export-sheet-risk = Risk

## The title block of each sheet

export-title-sheet = { $project }: { $sheet }
export-title-case = Case: { $case }
export-title-convention = Convention: { $convention }
export-title-exported = Exported by Assay { $version } on { $date }
export-title-every-case = base case and every scenario

## Column headers

export-col-input = Input
export-col-unit = Unit
export-col-note = Note
export-col-sources = Sources
export-col-source-key = Key
export-col-source-title = Title
export-col-source-publisher = Publisher and date
export-col-source-address = Address
export-col-line = Line
export-col-key = Key
export-col-metric = Metric
export-col-spreadsheet = Spreadsheet
export-col-assay = Assay
export-col-case = Case
export-col-project-npv = Project NPV
export-col-project-irr = Project IRR
export-col-investor-npv = Investor NPV
export-col-investor-irr = Investor IRR
export-col-pv-taxes = PV taxes
export-col-pv-taxes-royalties = PV taxes and royalties
export-col-net-fiscal = Net fiscal effect (PV)
export-col-efficiency = Efficiency
export-col-instrument = Instrument
export-col-level = Level
export-col-level-words = Level in words
export-col-how-solved = How Assay solved it
export-col-driver = Driver
export-col-low = Low
export-col-high = High
export-col-npv-low = NPV low
export-col-npv-high = NPV high
export-col-switching = Switching value
export-col-switching-npv = Switching value (NPV = 0)
export-col-figure = Figure
export-col-mean = Mean
export-col-sd = sd
export-col-rank-correlation = Rank correlation with NPV
export-col-variance-share = Share of variance

## Units column of the Inputs sheet

export-unit-year = year
export-unit-per-year = a year
export-unit-years = years
export-unit-flag = flag
export-unit-people = people
export-unit-formula = formula

## Inputs sheet

export-in-general = General
# A note in the Note column: its kind (reported fact, derived, assumption)
# and the author's text.
export-in-note = { $kind }: { $text }
# A note on a part of the row's input (the output's ramp-up on the output
# row): the part, then the note.
export-in-note-on = { $part }: { $note }
export-in-other-notes = Notes on other fields
export-in-sources-heading = Sources ({ $count }), cited in the notes by key
export-in-currency = Currency (reporting)
export-in-money = Money
export-in-first-year = First model year
export-in-discount-rate = Investor's discount rate
export-in-state-rate = State's discount rate
export-in-offset = Timing offset (0 start, 0.5 mid, 1 end of year)
export-in-second-currency = Second currency
export-in-fiscal = Fiscal terms
export-in-loss-cf = Losses carried forward (1 yes, 0 no)
export-in-loss-cap = Share of a year's base losses may offset (100% = no cap)
export-in-wc-share = Working capital, share of revenue
export-in-contribution-rate = Insurance contributions, share of payroll
export-in-property-rate = Property tax rate (of the average book value)
export-in-property-relief-from = Property tax 0 by regional law from
export-in-property-relief-to = Property tax 0 by regional law to
export-in-vat-rate = VAT rate on capex
export-in-vat-lag = VAT refunded after
export-in-debt-share = Debt, share of initial capex
export-in-debt-rate = Debt interest rate (also the market rate)
export-in-debt-tenor = Debt tenor, grace included
export-in-debt-grace = Debt grace years
export-in-debt-equal = Repayment (1 equal principal, 0 annuity)
export-in-royalty = Royalty { $number }: { $name }
export-in-charged-on = Charged on
export-in-every-product = every product
export-in-share-of-revenue = Share of revenue
export-in-amount-per-output = Amount per unit of output
export-in-from-year = From year
export-in-to-year = To year
export-in-first-model-year = the first model year
export-in-last-model-year = the last model year
export-in-main-product = Product: { $name } (main product)
export-in-benchmark = Benchmark import price: { $name }
export-in-variable-cost = Variable cost per unit: { $name }
export-in-capex = Initial capex: { $name }
export-in-sustaining = Sustaining capex per operating year
export-in-fixed-opex = Fixed opex per operating year
export-in-start = First operating year
export-in-end = Last operating year
export-in-tax-life = Tax life (straight line)
export-in-closure-cost = Closure cost
export-in-closure-year = Closure year
export-in-salvage = Salvage value
export-in-spread-amount = Closure spread: amount per year
export-in-spread-first = Closure spread: first year
export-in-spread-years = Closure spread: number of years
export-in-headcount = Payroll: headcount
export-in-wage = Payroll: gross wage per head per year
export-in-wages = Payroll: gross wages per year
export-in-property-life = Book life for property tax
export-in-start-index = Depreciation from model year index
export-in-closure-index = Closure model year index (99999 = after the horizon)
export-in-support = Support: { $name } ({ $kind })
export-in-first = First year
export-in-last = Last year
export-in-taxable = Taxable income
export-in-amount-per-year = Amount per year
export-in-product = Product
export-in-amount-per-unit = Amount per unit
export-in-floor = Floor price
export-in-grant-share = Share of each year's initial capex
export-in-grant-amount = Amount, pro rata to capex
export-in-reduces-base = Reduces the depreciable base
export-in-loan-amount = Amount drawn in the first year
export-in-loan-rate = Interest rate
export-in-loan-tenor = Tenor, grace included
export-in-loan-grace = Grace years
export-in-rate-points = Rate points paid
export-in-reduced-profit = Reduced profit tax rate
export-in-reduced-property = Reduced property tax rate
export-in-reduced-contribution = Reduced insurance contribution rate
export-in-arctic-step = Profit tax, step { $number }
export-in-arctic-years = { $what }: years from the first year
export-in-arctic-rate = { $what }: rate

## Ledger sheet: lines and sections

export-led-intro = Every cell below is a formula on { $inputs } and the lines above; column B is the key of the line in `assay report --format csv`.
export-led-timing = Timing
export-led-capex = Capex
export-led-t = Model year index t (year - first year)
export-led-output = Output: { $name } ({ $unit })
export-led-revenue-of = Revenue: { $name }
export-led-unit-cost = Variable cost per unit in { $currency }
export-led-variable-opex-of = Variable opex: { $name }
export-led-capex-of = Capex: { $name }
export-led-other-fixed-opex-of = Fixed opex without payroll: { $name }
export-led-fixed-opex-of = Fixed opex: { $name }
export-led-payroll-of = Payroll: { $name }
export-led-sustaining-of = Sustaining capex: { $name }
export-led-closure-of = Closure: { $name }
export-led-salvage-of = Salvage: { $name }
export-led-debt-first-repayment = Debt: first repayment year index
export-led-debt-draws = Debt: draws
export-led-debt-interest = Debt: interest
export-led-debt-balance-first = Debt: balance at the first repayment
export-led-debt-annuity = Debt: level payment (annuity)
export-led-debt-principal = Debt: principal repaid
export-led-debt-balance = Debt: closing balance
export-led-support-of = Support: { $name }
export-led-rates = Tax and contribution rates
export-led-rate-without = { $levy ->
    [property] Property tax rate
    [contribution] Insurance contribution rate
   *[profit] Profit tax rate
} without relief
export-led-rate-alone = { $levy ->
    [property] Property tax rate
    [contribution] Insurance contribution rate
   *[profit] Profit tax rate
} with { $name } alone
export-led-rate-in-force = { $levy ->
    [property] Property tax rate
    [contribution] Insurance contribution rate
   *[profit] Profit tax rate
} in force
export-led-loan-draw = Loan draw: { $name }
export-led-loan-interest = Loan interest: { $name }
export-led-loan-principal = Loan principal: { $name }
export-led-loan-balance = Loan balance: { $name }
export-led-interest-forgone = Interest forgone by the state: { $name }
export-led-grants = Capital grants
export-led-grants-taxable = Capital grants: taxable part
export-led-base-reduction = Share of capex taken out of the depreciable base
export-led-operations = Operations
export-led-revenue = Revenue
export-led-operating-support = Operating support
export-led-operating-support-taxable = Operating support: taxable part
export-led-other-fixed-opex = Fixed opex without payroll
export-led-payroll = Payroll
export-led-fixed-opex = Fixed opex
export-led-variable-opex = Variable opex
export-led-property-tax = Property tax
export-led-ebitda = EBITDA
export-led-sustaining = Sustaining capex
export-led-closure = Closure
export-led-salvage = Salvage
export-led-royalty-of = Royalty: { $name }
export-led-royalties = Royalties / MET
export-led-vat-paid = VAT paid on capex
export-led-vat-refund = VAT refunded
export-led-interest = Interest
export-led-interest-subsidy = Interest subsidy
export-led-interest-subsidy-taxable = Interest subsidy: taxable part
export-led-wc-and-tax = Working capital and tax
export-led-wc = Working capital held
export-led-wc-change = Working capital increase
export-led-taxable-unlevered = Taxable income (project, no interest)
export-led-taxable = Taxable income
export-led-depreciation-of = Depreciation: { $name }
export-led-spend = Depreciable spend: { $name }
export-led-charged-from = Charged from year index
export-led-property-base-of = Property tax base: { $name }
export-led-depreciation = Depreciation
export-led-property-base = Property tax base (average book value)
export-led-charge = { $book ->
    [property] Yearly charge on this year's spend (property book)
   *[tax] Yearly charge on this year's spend
}
export-led-charge-in-force = { $book ->
    [property] Charge in force (property book)
   *[tax] Charge in force
}
export-led-write-down = { $book ->
    [property] Write-down (property book): { $name }
   *[tax] Depreciation: { $name }
}
export-led-book-value = { $book ->
    [property] Book value (property book): { $name }
   *[tax] Book value: { $name }
}
export-led-losses-used = Losses used { $basis }
export-led-profit-tax = Profit tax { $basis }
export-led-loss-pool = Loss pool at year end { $basis }
export-led-basis-project = (project, no interest)
export-led-basis-company = (company)
export-led-basis-no-relief = (company, no relief)
export-led-basis-alone = (company, with { $name } alone)
export-led-cash-flow-section = Cash flow
export-led-cash-flow = Project cash flow
export-led-equity = Equity cash flow
export-led-discount-factor = Discount factor
export-led-discounted = Discounted cash flow
export-led-cumulative = Cumulative cash flow
export-led-cumulative-discounted = Cumulative discounted cash flow
export-led-debt-draws-all = Debt draws
export-led-debt-repayment = Debt repayment
export-led-debt-service = Debt service
export-led-cfads = Cash flow available for debt service
export-led-state = The state's view
export-led-budget-cost-of = Budget cost: { $name }
export-led-given-up = { $levy ->
    [property] Property tax
    [contribution] Insurance contributions
   *[profit] Profit tax
} given up: { $name }
export-led-budget-cost = Budget cost, all instruments
export-led-social-funds = Contributions the social funds give up
export-led-taxes-and-royalties = Profit tax (company), property tax and royalties
export-led-state-discount-factor = State's discount factor

## Ledger sheet: cell comments on how a line is computed

export-note-revenue = output x price
export-note-payroll = gross wages in the operating years, converted and rounded to 6 places as Assay does
export-note-closure-spread = the closure cost in the closure year, plus the spread's amount in each of its years
export-note-debt-first-repayment = the year after the last capex year, plus the grace years
export-note-debt-interest = interest on the opening balance: a draw bears interest from the next year
export-note-offtake = the top-up: MAX(0, floor - price) x output
export-note-loan = a concessional loan pays the project nothing: it acts on the equity cash flow (rows below)
export-note-interest-subsidy = rate points x opening debt balance = interest x points / debt rate, at most the interest
export-note-tax-relief = a tax relief pays nothing: it lowers the tax rate (row 'Profit tax rate in force')
export-note-relief = a relief pays nothing: it lowers the rates in force (section 'Tax and contribution rates')
export-note-rate-in-force = the lowest of the rate without relief and the rates with each relief alone
export-note-grant-amount = the amount pro rata to each year's capex within the grant's years
export-note-loan-principal = equal principal after the grace years; the last model year repays what is still owed
export-note-interest-forgone = budget cost: (market rate - loan rate) x opening balance; the market rate is the debt rate
export-note-base-reduction = grants that reduce the depreciable base: their cash over the year's capex, at most 100%
export-note-contributions = payroll x the contribution rate in force, to 6 places as Assay keeps it
export-note-fixed-opex = fixed opex without payroll + payroll + insurance contributions
export-note-property-tax = average book value x the property tax rate in force, to 6 places as Assay keeps it
export-note-ebitda = revenue + operating support - fixed opex - variable opex - property tax - royalties
export-note-royalty-share = share x revenue (of its product, or of every product) in its years
export-note-royalty-unit = amount x output (of its product, or of every product) in its years
export-note-vat-paid = (capex + sustaining capex) x VAT rate, to 6 places as Assay keeps it
export-note-vat-refund = VAT paid lag years earlier; the last model year also refunds what would fall after the horizon
export-note-wc = share x revenue; released in full in the last model year
export-note-taxable = EBITDA - non-taxable operating support + taxable grants + salvage - depreciation - closure
export-note-property-base = average of the opening and closing book value, from the first operating year to the closure year
export-note-depreciation = the charge in force, at most the book value; the closure year writes off what remains
export-note-losses-used = losses carried forward offset at most the capped share of a positive base
export-note-cash-flow = EBITDA - project tax - capex - sustaining capex - working-capital increase - closure + salvage + capital grants - VAT paid + VAT refunded
export-note-equity = project cash flow + (project tax - company tax) + draws - interest - principal + interest subsidy
export-note-discount-factor = (1 + rate)^-(t + timing offset), to 12 places as Assay keeps it
export-note-given-up-property = (rate without relief - rate with this relief alone) x the property tax base, to 6 places
export-note-given-up-contributions = (rate without relief - rate with this relief alone) x payroll, to 6 places; the social funds' cost
export-note-given-up-profit = company tax at the normal rates minus company tax with this relief alone
export-note-relief-cost = what this relief gives up: property tax, contributions and profit tax

## Metrics sheet

export-metric-npv = { term-npv } (project)
export-metric-npv-equity = { term-npv } (equity, the investor's)
export-metric-irr-primary = { term-irr } (project), primary root
export-metric-irr = { term-irr } (project)
export-metric-irr-other = { term-irr } (project), another root
export-metric-mirr = { term-mirr } (finance and reinvestment at the discount rate)
export-metric-last-negative = Last year index with a negative cumulative (-1 for none)
export-metric-payback = Payback, years from the first year
export-metric-budget-cost = PV budget cost (state's rate)
export-metric-taxes = PV profit tax, property tax and royalties (state's rate)
export-metric-breakeven = Breakeven price of the main product ({ $per_unit })
export-metric-benchmark = Benchmark import price ({ $per_unit })
export-metric-unit-cost = Levelized unit cost ({ $per_unit })
export-metric-required = Required support at the benchmark price ({ $currency } a year)
export-note-irr-seeded = IRR() seeded with Assay's primary root (the root nearest the discount rate)
export-note-irr-none = Assay found no IRR: { $reason }
export-note-irr-other = Not a closed formula: Assay scans ln(1+r) on a 512-step grid with Brent's method on each sign change and checks each root on the Decimal ledger (docs/CONVENTIONS.md)
export-note-breakeven = Not a closed formula: regula falsi (Illinois) on [0, 2 x the highest price] for the flat price with NPV = 0, checked on the Decimal ledger (docs/CONVENTIONS.md)
export-note-benchmark = The output-weighted PV average of the benchmark price
export-note-unit-cost = PV(capex, closure - salvage, working capital, opex, royalties and project tax - by-product revenue) / PV(main output)
export-note-required = Level non-taxable subsidy in every producing year with NPV = 0 at the benchmark price: -NPV / sum of the producing years' discount factors, in Decimal

## Funding options and Risk sheets

export-least-support = Least support of each kind for { $target } (base case), ranked by PV budget cost at the state's rate
export-note-solver = Not a closed formula: Brent's method on the Decimal ledger (whole years for the holiday). { $note }
export-no-sensitivity = No sensitivity: { $reason }
export-tornado-default = Tornado: default drivers at 1 - 20% and 1 + 20%
export-tornado-drivers = Tornado: each driver at its P10 and P90
export-no-monte-carlo = No Monte Carlo: { $reason }
export-monte-carlo-title = Monte Carlo: { $trials_shown } { $trials ->
    [one] trial
   *[other] trials
}, seed { $seed }
export-mc-npv = NPV ({ $currency })
export-mc-unit-cost = Unit cost ({ $per_unit })
export-mc-investor-npv = Investor NPV ({ $currency })
export-mc-budget-cost = PV budget cost ({ $currency })
export-mc-taxes = PV taxes and royalties ({ $currency })
export-mc-prob-negative = P(NPV < 0)

## PDF report

export-pdf-footer = { $footer }   ·   page { $page } of { $pages }
export-pdf-title = Investment appraisal report
export-pdf-case = Case: { $case }
export-pdf-date = Date: { $date }
export-pdf-prepared = Prepared with Assay { $version }
export-pdf-basis = { $basis } in { $currency }; discount rate { $rate }; { $convention }
export-pdf-summary = Summary
export-pdf-key-figures = Key figures
export-pdf-col-figure = Figure
export-pdf-col-value = Value
export-pdf-sentence-npv-benchmark = At the prices entered (benchmark import price { $benchmark }), the project { $outcome ->
    [loses] loses
   *[earns] earns
} { $amount } in present value at { $rate }.
export-pdf-sentence-npv = At the prices entered the project { $outcome ->
    [loses] loses
   *[earns] earns
} { $amount } in present value at { $rate }.
export-pdf-sentence-breakeven = It breaks even at a main-product price of { $price }.
export-pdf-sentence-subsidy = Selling at the benchmark price, it needs a level subsidy of { $amount } a year to break even.
export-pdf-sentence-cheapest = The cheapest support that makes the base case viable: { $instrument }, { $level } (PV budget cost { $cost }).
export-pdf-charts = Charts
export-chart-millions = { $currency } millions
export-chart-cash-flow = Project cash flow
export-chart-yearly = yearly
export-chart-cumulative = cumulative
export-chart-price = Price: { $product }
export-chart-price-line = price
export-chart-benchmark = import benchmark
export-chart-breakeven = breakeven
export-chart-npv-profile = NPV against the discount rate
export-chart-project-npv = project NPV
export-chart-unit-cost = Unit cost build-up
export-chart-capital = capital
export-chart-opex = opex
export-chart-taxes = taxes
export-chart-by-products = by-prod.
export-chart-total = total
export-chart-taxes-legend = taxes = royalties and project tax
export-pdf-ledger = Yearly ledger
export-pdf-ledger-continued = Yearly ledger (continued)
export-pdf-ledger-units = { $currency } millions; discount factors as factors
export-pdf-funding-intro = The base case and every scenario, from the investor's side (at the project's discount rate) and the state's (at { $state_rate }). Amounts in { $currency } millions.
export-pdf-least-support = Least support of each kind
export-pdf-least-support-intro = For { $target } on the base case, ranked by PV budget cost at the state's rate.
export-pdf-sensitivity = Sensitivity
export-pdf-sensitivity-default = Each default driver at 1 - 20% and 1 + 20%, all else as entered; NPV at the investor's rate.
export-pdf-sensitivity-drivers = Each driver at its P10 and P90, all else as entered; NPV at the investor's rate.
export-pdf-assumptions = Assumptions and sources
export-pdf-no-notes = The project file has no notes on its inputs and no sources.
export-pdf-notes-intro = What the project file records of its inputs: { $notes ->
    [one] one note
   *[other] { $notes } notes
}, each on the field it describes (whether the figure is reported, derived or assumed, what it is, and the sources cited), and { $sources ->
    [one] one source
   *[other] { $sources } sources
}.
export-pdf-col-field = Field
export-pdf-col-note = Note
export-pdf-sources = Sources
export-pdf-col-source = Source: key, title, publisher and date, address
export-pdf-project = Project
export-pdf-scenario = Scenario: { $name }
export-pdf-main-inputs = Main inputs
export-pdf-model-years = Model years
export-pdf-discount-rates = Discount rate (investor / state)
export-pdf-capex-of = Capex: { $name } ({ $currency })
export-pdf-product-of = Product: { $name } ({ $unit })
export-pdf-conventions = Conventions, in brief
export-pdf-convention-timing = Timing: { $convention }.
export-pdf-convention-money = Money is exact decimal arithmetic; amounts converted from a second currency and straight-line depreciation charges are rounded to a millionth, discount factors to 12 places.
export-pdf-convention-cash-flow = Project cash flow = EBITDA - project profit tax - capex - sustaining capex - increase in working capital - closure + salvage + capital grants. The investor's (equity) cash flow adds debt and loan draws and subtracts interest and principal.
export-pdf-convention-losses = Losses carried forward offset at most the capped share of a year's positive tax base. Depreciation is straight line over the tax life; the closure year writes off what remains.
export-pdf-convention-irr = IRR: every root is found and checked on the exact ledger; the primary root is the one nearest the discount rate. Breakeven price: the flat main-product price with NPV = 0. Required support: the level non-taxable subsidy with NPV = 0 at the benchmark price.
export-pdf-convention-budget = Budget cost: cash paid by the state, interest given up on concessional loans, tax given up by reliefs; its present value is at the state's discount rate.
