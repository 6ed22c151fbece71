# editors: en
# The input editors (src/app/editors): labels, hints, choices and units.

## Shared

editors-no-name = (no name)
editors-unit-years = { $n ->
    [one] year
   *[other] years
}
editors-unit-per-year = { $what } a year
editors-unit-pct-year = % a year
editors-unit-carried = { $unit }; a year with no entry takes the latest earlier one
editors-unit-rate-real = % a year, real
editors-unit-rate-nominal = % a year, nominal
editors-unit-state-rate-real = % a year, real; for the budget cost of support
editors-unit-state-rate-nominal = % a year, nominal; for the budget cost of support
editors-to-horizon-end = to the end of the horizon
editors-interest-rate = Interest rate
editors-tenor = Tenor
editors-grace = Grace
editors-grace-unit = { $n ->
    [one] interest-only year
   *[other] interest-only years
}

## Lists (the selector is the list's noun: facility, product, support)

editors-list-add = { $list ->
    [facility] Add facility
    [product] Add product
   *[support] Add support instrument
}
editors-list-duplicate = { $list ->
    [facility] Duplicate facility
    [product] Duplicate product
   *[support] Duplicate support instrument
}
editors-list-remove = { $list ->
    [facility] Remove facility
    [product] Remove product
   *[support] Remove support instrument
}
editors-list-up = { $list ->
    [facility] Move facility up
    [product] Move product up
   *[support] Move support instrument up
}
editors-list-down = { $list ->
    [facility] Move facility down
    [product] Move product down
   *[support] Move support instrument down
}

## The scenario banner over an editor

editors-banner-editing = Editing scenario “{ $name }”
editors-banner-general = Name, years, currencies, the state's discount rate and the convention are shared by every case: a change here changes the base case. The investor's discount rate becomes this scenario's own once you change it.
editors-banner-inherited = This section is as in the base case. Changing it copies it into “{ $name }”; the base case stays as it is.
editors-banner-price-factor = Prices are shown as entered; this scenario multiplies every selling price by { $factor }.
editors-banner-overrides = This scenario overrides the { $part }: what you see is its own, and edits change only it.
editors-revert-to-base = Revert to base
editors-revert-hover = Drop this scenario's { $part } and take the base case's again (undoable)

## A scenario's overridable parts

editors-part-price-factor = price factor
editors-part-products = products
editors-part-facilities = facilities
editors-part-fiscal = fiscal terms
editors-part-support = support instruments
editors-part-financing = financing
editors-part-discount-rate = discount rate

## General

editors-general-project = Project
editors-general-name = Name
editors-general-description = Description
editors-general-currency = Reporting currency
editors-general-money = Money
editors-money-real = real (constant money of the first year)
editors-money-nominal = nominal (money of the day)
editors-general-model-years = Model years
editors-general-first-year = First model year (Y0)
editors-general-horizon = Horizon
editors-general-years-note = Model years { $first }–{ $last }; a cash flow of year Y sits at t = Y − Y0 (+ the convention's offset).
editors-general-discounting = Discounting
editors-general-investor-rate = Investor's discount rate
editors-general-state-rate = State's discount rate
editors-general-convention = Convention
editors-convention-start = start of year: t = Y − Y0
editors-convention-mid = mid-year: t = Y − Y0 + 0.5
editors-convention-end = end of year: t = Y − Y0 + 1
editors-general-second-currency = Second currency
editors-general-second-currency-check = some cost lines are entered in a second currency
editors-general-currency-code = Currency code
editors-general-exchange-rate = Exchange rate
editors-general-exchange-unit = { $second } per { $reporting }; a year with no entry takes the latest earlier one

## Facilities

editors-second-currency-unset = second currency (not set)
editors-second-currency-none = second currency
editors-currency-reporting = { $code } (reporting)
editors-currency-second = { $code } (second; converted by year)
editors-facility-name = Facility name
editors-facility-costs-in = Costs entered in
editors-facility-capex = Initial capex
editors-facility-operation = Operation
editors-facility-first-year = First operating year
editors-facility-last-year = Last operating year
editors-facility-fixed-opex = Fixed opex
editors-facility-sustaining-capex = Sustaining capex
editors-facility-tax-life = Tax depreciation life
editors-facility-tax-life-unit = { $n ->
    [one] year, straight line from the first operating year
   *[other] years, straight line from the first operating year
}
editors-facility-closure = Closure
editors-facility-closure-cost = Closure cost
editors-facility-closure-year = Closure year
editors-facility-closure-year-none = the last operating year
editors-facility-salvage = Salvage value
editors-facility-salvage-unit = { $cur }, received in the closure year
editors-facility-book-life-on = Property-tax book life
editors-facility-book-life-check = differs from the tax depreciation life
editors-facility-book-life = Book life
editors-facility-book-life-unit = { $n ->
    [one] year, straight line, for the property-tax base
   *[other] years, straight line, for the property-tax base
}
editors-payroll = Payroll
editors-payroll-check = staff costs on their own line, with insurance contributions
editors-payroll-currency = Payroll entered in
editors-payroll-sized-as = Payroll sized as
editors-payroll-by-headcount = headcount x wage
editors-payroll-by-amount = an amount a year
editors-payroll-headcount = Headcount
editors-payroll-people = people
editors-payroll-wage = Wage per head
editors-payroll-wage-unit = { $cur } a year, gross, before contributions
editors-spread-on = Closure over several years
editors-spread-check = an amount a year from a start year (thorium storage)
editors-spread-amount = Closure per year
editors-spread-amount-unit = { $cur } a year, deductible when paid
editors-spread-from = Closure paid from
editors-spread-years = Closure years

## Products & prices

editors-product-name = Product name
editors-product-unit = Unit of output
editors-product-main = Main product
editors-product-main-check = breakeven price and unit cost are for this product
editors-product-variable-cost = Variable cost
editors-product-variable-cost-in = Variable cost in
editors-product-output = Output
editors-product-selling-price = Selling price
editors-product-benchmark = Benchmark (import) price
editors-product-import-price = Import price
editors-output-entered-as = Output entered as
editors-output-ramp = nameplate capacity with a ramp-up
editors-output-table = a quantity for each year
editors-output-nameplate = Nameplate capacity
editors-output-first-year = First producing year
editors-output-last-year = Last producing year
editors-ramp-label = Ramp-up, share of nameplate by year of operation
editors-ramp-unit = %; after the last entry, 100%
editors-ramp-add = Add a ramp-up year
editors-ramp-add-undo = add ramp-up year
editors-ramp-remove = Remove the last ramp-up year
editors-ramp-remove-undo = remove ramp-up year
editors-price-entered-as = { $label } entered as
editors-price-table = a price for chosen years (carried forward)
editors-price-escalating = a base price with yearly escalation
editors-price-base = { $label }, base
editors-price-base-year = { $label }, base year
editors-price-escalation = { $label }, escalation
editors-price-escalation-unit = % a year (0 for flat real prices)
editors-price-summary = { $label } in { $first }: { $first_price } { $unit }; in { $last }: { $last_price } { $unit }

## Fiscal terms

editors-royalties = Royalties / mineral extraction tax
editors-royalty-name = Royalty { $n } name
editors-royalty-every-product = every product
editors-royalty-product = Royalty { $n } charged on
editors-royalty-kind = Royalty { $n } charged as
editors-royalty-share = a share of revenue
editors-royalty-per-unit-kind = an amount per unit of output
editors-royalty-rate = Royalty { $n } rate
editors-royalty-rate-unit = % of revenue
editors-royalty-per-unit = Royalty { $n } per unit
editors-royalty-per-unit-unit = { $cur } per unit of output
editors-royalty-from = Royalty { $n } from
editors-royalty-from-none = the first model year
editors-royalty-to = Royalty { $n } to
editors-royalty-to-none = the last model year
editors-royalty-remove = Remove royalty { $n }
editors-royalty-add = Add a royalty line
editors-royalty-default-name = Royalty { $n }
editors-contributions = Insurance contributions
editors-contribution-rate = Contribution rate
editors-contribution-rate-unit = % of each facility's payroll (Russia: about 30%)
editors-property-tax = Property tax
editors-property-tax-check = rate x average book value of each facility
editors-property-tax-rate = Property tax rate
editors-property-tax-rate-unit = % of average book value a year (at most 2.2%)
editors-relief-from = Regional relief from
editors-relief-none = no regional relief
editors-relief-to = Regional relief to
editors-vat = VAT on capex
editors-vat-check = paid on initial and sustaining capex, refunded later
editors-vat-rate = VAT rate
editors-vat-rate-unit = % of capex
editors-vat-lag = VAT refund lag
editors-vat-lag-unit = { $n ->
    [one] year from payment to refund (0 = the same year)
   *[other] years from payment to refund (0 = the same year)
}
editors-profit-tax = Profit tax
editors-profit-tax-rate = Profit tax rate
editors-profit-tax-rate-unit = % of positive taxable profit
editors-tax-losses = Tax losses
editors-tax-losses-check = carry forward
editors-loss-cap-on = Loss offset cap
editors-loss-cap-check = carried losses may offset only part of a year's base
editors-loss-cap = Cap
editors-loss-cap-unit = % of the year's positive base (Russia: 50%)
editors-working-capital = Working capital
editors-working-capital-unit = % of the year's revenue, held

## Support instruments

editors-support-none = No support instruments: the base case has no state support. Add one to see what it does to NPV, IRR and the price gap.
editors-support-name = Instrument name
editors-support-kind = Kind
editors-support-kind-operating = operating subsidy (amount a year)
editors-support-kind-production = production subsidy (per unit)
editors-support-kind-offtake = guaranteed offtake price (floor)
editors-support-kind-grant = capital grant
editors-support-kind-loan = concessional loan
editors-support-kind-interest = interest-rate subsidy
editors-support-kind-tax = profit-tax relief
editors-support-kind-property = property-tax relief
editors-support-kind-contribution = insurance-contribution relief
editors-support-kind-arctic = Arctic zone resident (bundle)
editors-support-title-operating = operating subsidy
editors-support-title-production = production subsidy
editors-support-title-offtake = guaranteed offtake price
editors-support-title-grant = capital grant
editors-support-title-loan = concessional loan
editors-support-title-interest = interest-rate subsidy
editors-support-title-tax = profit-tax relief
editors-support-title-property = property-tax relief
editors-support-title-contribution = insurance-contribution relief
editors-support-title-arctic = Arctic zone resident
editors-support-first-year = First year
editors-support-last-year = Last year
editors-support-taxable = Taxable
editors-support-taxable-check = payments to the project are taxable income
editors-support-amount = Amount
editors-support-unit = unit
editors-support-product = Product
editors-support-floor = Floor price
editors-support-floor-unit = { $unit }; the state pays the shortfall below it
editors-support-financing-note = A financing instrument: it leaves the project cash flow unchanged and acts on the equity cash flow.
editors-grant-sized-as = Grant sized as
editors-grant-by-share = a share of initial capex
editors-grant-by-amount = a total amount
editors-grant-share = Share
editors-grant-share-unit = % of each year's initial capex in the instrument's years
editors-grant-amount-unit = { $cur } in all, pro rata to capex
editors-grant-depreciation = Depreciation
editors-grant-depreciation-check = the grant reduces the depreciable base
editors-loan-amount-unit = { $cur }, drawn in the first year
editors-loan-tenor-unit = { $n ->
    [one] year from the draw to the last repayment
   *[other] years from the draw to the last repayment
}
editors-interest-points = Rate points paid
editors-interest-points-unit = percentage points of the commercial debt's rate
editors-relief-profit-rate = Reduced profit tax rate
editors-relief-profit-rate-unit = % (0 for a tax holiday)
editors-relief-property-rate = Reduced property tax rate
editors-relief-property-rate-unit = % of average book value (0 for an exemption)
editors-relief-contribution-rate = Reduced contribution rate
editors-relief-contribution-rate-unit = % of payroll; the social funds bear the cost
editors-arctic-step-rate = Profit tax, step { $n }
editors-arctic-step-rate-unit = % (federal and regional parts together)
editors-arctic-step-years = Step { $n } years
editors-arctic-property-rate = Property tax rate (Arctic)
editors-arctic-property-rate-unit = % of average book value
editors-arctic-property-years = Property tax relief years
editors-arctic-years-unit = { $n ->
    [one] year from the first year
   *[other] years from the first year
}
editors-arctic-contribution-rate = Contribution rate (Arctic)
editors-arctic-contribution-years = Contribution relief years

## Financing

editors-financing-debt = Commercial debt
editors-financing-share = Debt share
editors-financing-share-unit = % of each year's initial capex (0 for all equity)
editors-financing-rate-unit = % a year; also the market rate a soft loan is measured against
editors-financing-tenor-unit = { $n ->
    [one] year from the end of drawdown to the last repayment
   *[other] years from the end of drawdown to the last repayment
}
editors-financing-repayment = Repayment
editors-repayment-annuity = annuity (level payments)
editors-repayment-equal = equal principal
editors-financing-note = Debt leaves the project cash flow (NPV, IRR) unchanged; it changes the equity cash flow, equity NPV and IRR and the DSCR.

## Scenarios

editors-scenarios-intro = A scenario is a set of changes to the base case: whole sections (facilities, products, fiscal terms, support instruments, financing, the investor's discount rate) and a price factor. Select a case here or in the outline: the editors and results then show it. While a scenario is selected, changing a section copies that section into the scenario and changes the copy; the base case stays as it is.
editors-scenarios-base = Base case
editors-scenarios-new = New scenario
editors-scenarios-new-hover = A scenario with no changes: the base case's current inputs
editors-scenarios-duplicate = Duplicate scenario
editors-scenarios-duplicate-hover = A copy of the selected scenario with all its changes
editors-scenarios-delete = Delete scenario
editors-scenarios-delete-hover = Delete the selected scenario (Undo brings it back)
editors-scenarios-base-selected = The base case is selected: edits change the base case, and every scenario that does not override the section edited. { $n ->
    [one] { $shown } scenario.
   *[other] { $shown } scenarios.
}
editors-scenarios-scenario = Scenario
editors-scenarios-name = Scenario name
editors-scenarios-description = Scenario description
editors-scenarios-price-factor = Price factor
editors-scenarios-price-factor-unit = × every selling price (1: as entered; 0.8 a low deck)
editors-scenarios-changes = Changes from the base case
editors-scenarios-no-changes = None yet: this scenario is the base case's inputs. Open a section in the outline and change it while this scenario is selected.
editors-scenarios-open = Open { $section }
editors-scenarios-revert = Revert { $part } to base
editors-scenarios-revert-hover = Drop this change and take the base case's again (undoable)
editors-change-price-factor = price factor: every selling price × { $factor }
editors-change-discount-rate = discount rate: { $rate }
editors-change-support-none = support instruments: none
editors-change-support = support instruments: { $names }
editors-change-products = products: { $n }
editors-change-facilities = facilities: { $n }
