# Shared terms, units and number messages (src/i18n). Every other area uses
# these rather than its own wording of the same term.

## Numbers

num-millions = { $n }M
num-error-empty = enter a number
num-error-not-a-number = "{ $text }" is not a number: use digits and '.' for decimals, e.g. 1,234,567.8
num-error-decimal-comma = decimal comma in a number: write { $meant }, not { $text }
num-error-bad-grouping = "{ $text }": ',' only groups thousands (1,234,567.8); use '.' for decimals
num-error-mixed-marks = "{ $text }" has both ',' and '.': write 1234567.8 or 1,234,567.8
num-error-ambiguous = "{ $text }" could mean { $decimal } (a decimal) or { $thousands } (a whole number): write { $decimal } or { $thousands }

## Counts

core-years = { $n ->
    [one] { $shown } year
   *[other] { $shown } years
}

## Currencies and units (a code or unit not listed shows as stored)

currency-USD = USD
currency-RUB = RUB
currency-CNY = CNY
currency-EUR = EUR
unit-kg = kg
unit-t = t
unit-g = g
unit-year = year
# The unit shown for a project without a main product.
unit-fallback = unit

## Terms (docs/GLOSSARY.md pairs each with its Russian term)

term-npv = NPV
term-npv-full = net present value
term-investor-npv = investor's NPV
term-irr = IRR
term-irr-full = internal rate of return
term-mirr = MIRR
term-mirr-full = modified internal rate of return
term-payback = payback
term-pi = PI
term-pi-full = profitability index
term-discount-rate = discount rate
term-breakeven-price = breakeven price
term-unit-cost = unit cost (levelized)
term-benchmark-price = benchmark (import) price
term-required-support = required support
term-pv-budget-cost = PV budget cost
term-budget-efficiency = budget efficiency
term-ebitda = EBITDA
term-cash-flow = cash flow
term-ledger = ledger
term-base-case = base case
term-scenario = scenario
term-funding-option = funding option
term-real-money = real money (constant prices of the first year)
term-nominal-money = nominal money
term-capex = capital expenditure (capex)
term-opex = operating costs (opex)
term-working-capital = working capital
term-depreciation = depreciation
term-loss-carry-forward = loss carry-forward
term-profit-tax = profit tax
term-property-tax = property tax
term-vat = VAT
term-social-contributions = social insurance contributions
term-mineral-extraction-tax = mineral extraction tax (MET)
term-royalty = royalty
term-grant = capital grant
term-operating-subsidy = operating subsidy
term-soft-loan = soft loan
term-interest-subsidy = interest-rate subsidy
term-tax-holiday = tax holiday
term-offtake-guarantee = offtake price guarantee
term-arctic-zone = Arctic zone resident
term-sensitivity = sensitivity
term-tornado = tornado chart
term-switching-value = switching value
term-monte-carlo = Monte Carlo simulation
term-driver = risk driver
