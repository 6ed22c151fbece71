# engine: the engine's typed notes and errors in words (src/report/words.rs).

engine-with-method = { $plain } ({ $method })
engine-base-case = Base case
engine-equity-irr = equity IRR
engine-not-computable = not computable
engine-list-separator = {", "}

## Kinds of support the solvers size

engine-kind-subsidy-per-year = Operating subsidy per year
engine-kind-subsidy-per-unit = Subsidy per unit of main product
engine-kind-grant-share = Capital grant, share of capex
engine-kind-soft-loan-rate = Soft loan, highest rate that works
engine-kind-tax-holiday-years = Profit-tax holiday, years
engine-kind-offtake-floor = Guaranteed offtake floor price
engine-kind-property-tax-years = Property-tax exemption, years
engine-kind-contribution-rate = Insurance contributions, highest rate that works

## Default risk drivers (named by key; English shows the key)

engine-driver-price = price:{ $product }
engine-driver-benchmark = benchmark:{ $product }
engine-driver-capex = capex
engine-driver-fixed-opex = fixed_opex
engine-driver-variable-cost = variable_cost
engine-driver-output = output
engine-driver-fx = fx

## Targets and levels

engine-target-npv = investor NPV = 0 at the discount rate
engine-target-irr = investor IRR = { $hurdle }
engine-level-unreachable = cannot reach the target
engine-level-per-year = { $amount } { $currency } a year
engine-level-of-capex = { $share } of capex
engine-level-a-year = { $rate } a year
engine-level-contributions = contributions at { $rate }

## Solver notes: what was found, in plain words

engine-reach-npv = breaks even
engine-reach-irr = reaches an IRR of { $hurdle }
engine-found-subsidy-per-year = Smallest operating subsidy at which the investor { $reach }: { $level }.
engine-found-subsidy-per-unit = Smallest subsidy per unit of the main product at which the investor { $reach }: { $level }.
engine-found-grant-share = Smallest capital grant at which the investor { $reach }: { $level }.
engine-found-soft-loan-rate = Highest loan rate at which the investor still { $reach }: { $level }.
engine-found-tax-holiday-years = Shortest profit-tax holiday at which the investor { $reach }: { $level }.
engine-found-offtake-floor = Lowest guaranteed floor price at which the investor { $reach }: { $level }.
engine-found-property-tax-years = Shortest property-tax exemption at which the investor { $reach }: { $level }.
engine-found-contribution-rate = Highest insurance contribution rate at which the investor still { $reach }: { $level }.
engine-found-npv = { $at ->
    [rate] At that rate
    [price] At that price
   *[support] With it
} the investor's NPV is { $npv }{ $rounding }.
engine-found-npv-at-hurdle = { $at ->
    [rate] At that rate
    [price] At that price
   *[support] With it
} the investor's NPV at { $hurdle } is { $npv }{ $rounding }.
engine-rounding = (rounding)
engine-found-none-needed = No support needed: without it the investor's NPV is already { $npv }.
engine-found-market-rate = No concession needed: a loan at the market rate of { $rate } already suffices; the investor's NPV is { $npv }.
engine-found-normal-rate = No relief needed: at the normal rate of { $rate } the investor's NPV is { $npv }.
engine-not-solved = Not solved: { $error }.
engine-short-loan = Even at 0% a loan of { $share } of capex over { $tenor } leaves the investor's NPV at { $npv }.
engine-short-no-property-tax = The project pays no property tax, so there is none to relieve.
engine-short-no-payroll = No facility has a payroll, so there are no contributions to relieve.
engine-short-holiday-years = Even { $years } of holiday (every producing year) leave the investor's NPV at { $npv }.
engine-short-property-tax-years = Even { $years } of property-tax exemption (every producing year) leave the investor's NPV at { $npv }.
engine-short-grant = Even a grant of 100% of capex leaves the investor's NPV at { $npv }.
engine-short-contributions = Even 0% contributions over the producing years leave the investor's NPV at { $npv }.
engine-short-no-level = No level up to { $high } reaches the target.

## Methods (shown on hover)

engine-method-none-needed = No support, checked on the Decimal ledger
engine-method-market-rate = The market rate, checked on the Decimal ledger
engine-method-normal-rate = The normal rate, checked on the Decimal ledger
engine-method-brent-loan-rate = Brent's method on the loan rate, checked on the Decimal ledger
engine-method-brent-contribution-rate = Brent's method on the contribution rate, checked on the Decimal ledger
engine-method-brent-grant-share = Brent's method on the grant share, checked on the Decimal ledger
engine-method-brent-subsidy = Brent's method on the subsidy, checked on the Decimal ledger
engine-method-brent-floor-price = Brent's method on the floor price, checked on the Decimal ledger
engine-method-whole-years = Each whole number of years tried in turn, checked on the Decimal ledger
engine-method-breakeven = Regula falsi on prices from 0 to { $high }, checked on the Decimal ledger

## Appraisal notes

engine-root-npv = the Decimal NPV there is { $npv }
engine-root-npv-not-computable = the Decimal NPV there is not computable ({ $error })
engine-root-kept-sign = { $irr }: root { $root } kept: { $npv } (tolerance { $tol }), but it changes sign within ±{ $width }.
engine-root-kept-slope = { $irr }: root { $root } kept: { $npv } (tolerance { $tol }), but by its slope a root is within ±{ $width }.
engine-root-dropped = { $irr }: root { $root } dropped: { $npv } (tolerance { $tol }), with no sign change within ±{ $width }.
engine-root-not-checked = { $irr }: root { $root } not checked: { $error }.
engine-non-conventional = { $irr }: non-conventional cash flow, { $count } { $n ->
    [one] root
   *[other] roots
}: { $roots }.
engine-irr-missing = { $irr }: { $why }.
engine-irr-none-checked = no root passed the Decimal check
engine-npv-implausible = NPV { $npv } is beyond { $limit }: check the rates, units and prices entered.
engine-mirr-missing = MIRR: { $error }.
engine-pi-no-capex = Profitability index: no capital expenditure.
engine-unit-cost-no-output = Unit cost: the main product has no output.
engine-required-never-produced = Required support: the main product is never produced.
engine-required-none = Required support: none, NPV is not negative at the benchmark price.
engine-breakeven-never-produced = Breakeven price: the main product is never produced.
engine-breakeven-overflow-at-zero = Breakeven price: the ledger overflowed at a price of 0.
engine-breakeven-not-negative-at-zero = Breakeven price: none, NPV is not negative even at a price of 0.
engine-breakeven-no-price = Breakeven price: no price up to { $high } brings NPV to 0.
engine-breakeven-found = Breakeven price: { $price }. At that price the project's NPV is { $npv } (rounding).
engine-breakeven-check-failed = Breakeven price: none; at { $price } the Decimal NPV is { $npv }, beyond the tolerance { $tol }.

## Errors

engine-error-overflow = a calculation overflowed: an input is too large
engine-error-overflow-at = a calculation overflowed: { $cause }
engine-error-division-by-zero = division by zero in a ledger line
engine-error-invalid = the project is not valid: { $why }
engine-invalid-discount-rate = discount rate { $rate } must be above -1
engine-invalid-no-main-product = exactly one main product is needed
engine-invalid-never-produced = the main product is never produced
engine-invalid-cannot-appraise = the project cannot be appraised
engine-invalid-npv-only-view = this prepared project is the NPV-only view; it has no full ledger
engine-invalid-no-second-currency = a cost line is in the second currency, but none is set
engine-invalid-no-product = no product { $name }
engine-invalid-driver-target = { $path }: "{ $name }" names no product or facility of this case
engine-invalid-correlation = the correlation of "{ $first }" and "{ $second }" cannot hold together with the others (the correlation matrix is not positive definite): lower it or one of the others
engine-invalid-trials = trials must be between 1 and { $max }
engine-overflow-price = { $place } in { $year }: the price is too large
engine-overflow-output = { $place } in { $year }: too large
engine-overflow-revenue = { $place } in { $year }: output × price is too large
engine-overflow-variable-cost = { $place } in { $year }: output × variable cost is too large
engine-overflow-discounting = { $place } { $rate }: discounting { $year } multiplies its cash flow by { $factor }, past the largest number
engine-overflow-discount-factor = { $place } { $rate }: the discount factor for { $year } is past the largest number
engine-finance-empty = the cash-flow series is empty
engine-finance-non-finite = the cash flow at index { $index } is not a finite number
engine-finance-no-sign-change = the cash flows never change sign, so there is no internal rate of return
engine-finance-no-root = no root found between { $low } and { $high }
engine-finance-rate-out-of-range = rate { $rate } is out of range: it must be a finite number greater than -1
engine-finance-mirr-undefined = MIRR is undefined: { $why }
engine-finance-did-not-converge = the root finder did not converge in { $iterations } iterations
engine-finance-overflow = arithmetic overflow
engine-finance-function-not-finite = the function is not finite at x = { $x }
engine-finance-invalid-argument = invalid argument: { $what }
engine-mirr-too-few-periods = it needs at least two periods
engine-mirr-no-positive = the flows have no positive value
engine-mirr-no-negative = the flows have no negative value
engine-arg-time-not-finite = time must be finite
engine-arg-offset-too-large = offset is too large
engine-arg-offset-not-half-years = a Decimal offset must be a whole or half number of years
engine-arg-offset-not-finite = timing offset must be finite
engine-arg-npv-not-finite = NPV must be finite
engine-arg-pv-capex = PV of capital expenditure must be a finite positive amount
engine-arg-bracket = bracket ends must be finite
engine-arg-tolerance = tolerance must be a finite positive number
engine-arg-no-scan-interval = the scan needs at least one interval
engine-arg-scan-ends = scan ends must be finite with low < high
