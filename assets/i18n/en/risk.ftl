# risk: en. The Risk view (src/app/risk): drivers, sensitivity, Monte Carlo.

## The view

risk-sensitivity-of-base = Sensitivity of the base case: each driver on its own, everything else as entered
risk-sensitivity-of-scenario = Sensitivity of the scenario “{ $name }”: each driver on its own, everything else as entered
risk-stale = Showing the last valid model: the project has problems (see the drivers and Results).
risk-no-sensitivity-yet = No sensitivity yet.
risk-no-sensitivity = No sensitivity: { $why }
risk-run-going = A run is going: wait for it or cancel it first.
risk-run-problems = The project has problems: fix them to run Monte Carlo.
risk-run-no-thread = Could not start the run: { $why }
risk-none = none
risk-list-sep = {", "}

## Drivers

risk-drivers-heading = Drivers
risk-drivers-base-only = Drivers, correlations, trials and seed belong to the base case: a scenario cannot override them, and edits here change the base case's.
risk-defaults-note = This project has no risk section: sensitivity uses these default drivers, each at { $low } and { $high } of the values entered; Monte Carlo draws them from the triangular distributions shown, independently, with { $trials } trials (seed 42).
risk-col-driver = Driver
risk-col-distribution = Distribution
risk-acts-on-tip = Acts on: { $target }
risk-edit-drivers = Edit these drivers
risk-edit-drivers-tip = Write these drivers into the project's risk section, where you can change them, add others and correlate them (one undoable edit). Once they are the project's own, the tornado takes each driver's P10 and P90.
risk-edit-drivers-undo = edit the risk drivers
risk-driver-p10-tip = P10: 10% of the draws of this driver come out below this value
risk-driver-p90-tip = P90: 90% of the draws of this driver come out below this value
risk-no-name = (no name)
risk-add-driver = Add driver
risk-add-driver-undo = add risk driver
risk-new-driver = New driver
risk-new-driver-n = New driver { $n }
risk-remove-driver = Remove driver
risk-remove-driver-tip = Remove the selected driver and its correlations (undoable)
risk-remove-driver-undo = remove risk driver
risk-driver-name = Driver name
risk-acts-on = Acts on
risk-unit-years = years
risk-unit-multiplier = × value entered
risk-unit-pct-year = % a year
risk-param-value = Value
risk-param-low = Low
risk-param-high = High
risk-param-mode = Mode
risk-param-mean = Mean
risk-param-sd = Standard deviation
risk-param-median = Median
risk-param-sigma = Sigma (sd of the log)
risk-path-note = With a path, the level is drawn once for the whole life; each year the price then wanders around that level (log-Ornstein–Uhlenbeck), pulled back with the half-life, its yearly spread the volatility.
risk-discrete-value = Value { $n }
risk-discrete-probability = Probability { $n }
risk-add-value = Add value
risk-add-value-undo = add a discrete value
risk-remove-value = Remove last value
risk-remove-value-undo = remove a discrete value
risk-price-path = Price path
risk-price-path-text = mean-reverting year by year (log-OU)
risk-half-life = Half-life
risk-volatility = Volatility
risk-density-x = Multiplier of the value entered
risk-density-x-delay = Start delay, years
risk-probability = Probability
risk-density = Density
risk-correlations = Correlations
risk-correlations-tip = Rank (Spearman) correlations between drivers, imposed on the draws by Iman–Conover: 0.6 between two prices means they tend to be high or low together.
risk-with = with
risk-rho = Rank correlation ρ
risk-rho-range = -1 to 1
risk-remove-correlation = Remove this correlation
risk-remove-correlation-undo = remove correlation
risk-add-correlation = Add correlation
risk-add-correlation-undo = add correlation
risk-trials = Trials
risk-trials-unit = Monte Carlo draws, 1 to { $max }
risk-seed = Seed
risk-seed-unit = the same seed gives the same results
risk-remove-section = Remove the risk section
risk-remove-section-tip = Drop these drivers and go back to the default drivers at ±{ $range } (undoable)
risk-remove-section-undo = remove the risk section

## Distributions (kinds in the picker, then a distribution in words)

risk-kind-fixed = fixed
risk-kind-uniform = uniform
risk-kind-triangular = triangular
risk-kind-pert = PERT
risk-kind-normal = normal (truncated at 0)
risk-kind-lognormal = lognormal
risk-kind-discrete = discrete values
risk-dist-fixed = fixed { $value }
risk-dist-uniform = uniform({ $low }, { $high })
risk-dist-triangular = triangular({ $low }, { $mode }, { $high })
risk-dist-pert = PERT({ $low }, { $mode }, { $high })
risk-dist-normal = normal({ $mean }, sd { $sd })
risk-dist-lognormal = lognormal(median { $median }, σ { $sigma })
risk-dist-discrete = discrete({ $values })

## What a driver acts on

risk-target-price = price of { $name }
risk-target-all-prices = every selling price
risk-target-benchmark = benchmark (import) price of { $name }
risk-target-capex = initial capex, every facility
risk-target-facility-capex = initial capex of { $name }
risk-target-sustaining = sustaining capex
risk-target-fixed-opex = fixed opex
risk-target-variable-cost = variable cost per unit
risk-target-output = output of { $name }
risk-target-all-output = every product's output
risk-target-exchange-rate = exchange rate
risk-target-start-delay = start delay, whole years
risk-target-missing = { $target } (not in this project)

## Sensitivity

risk-unit-m = M { $cur }
risk-npv-axis = NPV ({ $unit })
risk-sens-note = NPV as entered: { $npv } { $cur }. { $drivers } Computed in { $millis } ms.
risk-sens-default-drivers = No risk section: the default drivers, each at 0.8 and 1.2 of the values entered.
risk-sens-own-drivers = Low and high are each driver's P10 and P90.
risk-tornado-title = Tornado: NPV with each driver at its low and high
risk-tornado-subtitle = Bars run from the NPV as entered to the NPV with one driver moved; hover for values.
risk-no-drivers = No drivers.
risk-tornado-bar-low = { $driver } at its low ({ $at }): NPV { $npv } { $cur }
risk-tornado-bar-high = { $driver } at its high ({ $at }): NPV { $npv } { $cur }
risk-tornado-low = Driver at its low (P10)
risk-tornado-high = Driver at its high (P90)
risk-npv-as-entered = NPV as entered { $npv }
risk-spider-title = Spider: NPV against each driver's multiplier
risk-spider-subtitle = One driver moved at a time from 0.5 to 1.5 of its value (a start delay: years on the same axis); hover for values.
risk-spider-x = Multiplier of the value entered (years for a delay)
risk-spider-hover = × { $x }: NPV { $npv } { $unit }
risk-switching-heading = Switching values: how far each driver may move before NPV turns
risk-switching-tip = The multiplier of each driver, alone, at which NPV = 0: solved, not interpolated. “none in 0.01–100” where no multiplier in that range changes the sign.
risk-col-low = Low
risk-col-high = High
risk-col-npv-low = NPV low
risk-col-npv-high = NPV high
risk-col-switching = Switching value (NPV = 0)
risk-overrun-heading = Cost overruns: breakeven price and the subsidy that closes the gap
risk-overrun-tip = Every capex line (initial and sustaining) or every opex line (fixed and variable) scaled by the multiplier, everything else as entered: the main product's breakeven price and the level subsidy a year (non-taxable, at the benchmark price) that brings NPV to 0.
risk-overrun-capex = Capex overrun
risk-overrun-opex = Opex overrun
risk-overrun-breakeven = Breakeven, { $unit }
risk-overrun-subsidy-year = Subsidy, { $cur } a year
risk-overrun-subsidy-unit = Subsidy, { $unit }
risk-overrun-breakeven-name = { $what } × { $x }: breakeven { $value }
risk-overrun-year-name = { $what } × { $x }: subsidy a year { $value }

## Monte Carlo

risk-mc-heading = Monte Carlo
risk-mc-no-run = No run yet. Run draws every driver together (with its correlations) and appraises each draw: the spread of NPV, the chance of a loss, and, with every funding option, each option's chance of keeping the investor whole.
risk-mc-stale = Inputs changed since this run: the figures below are of the model as it was. Run again to update them.
risk-mc-ran = { $trials } trials, seed { $seed }; ran in { $seconds } s.
risk-mc-ran-options = { $trials } trials, seed { $seed }, every funding option on the same draws; ran in { $seconds } s.
risk-run = Run
risk-run-tip = Run { $trials } trials with seed { $seed } on a worker thread
risk-run-busy = A Monte Carlo run is going (one at a time): wait for it or cancel it
risk-every-option = every funding option too
risk-every-option-tip = Also run the base case and each scenario on the same draws (common random numbers): each option's chance of viability and its budget cost. Takes about one run per option.
risk-running = Monte Carlo running on a worker thread
risk-cancel = Cancel
risk-cancelled = Run cancelled after { $done } of { $total } { $n ->
        [one] trial
       *[other] trials
    }.
risk-failed = Run failed: { $why }
risk-stopped = the run stopped unexpectedly
risk-summary-heading = NPV over the simulated futures
risk-fig-mean = Mean NPV
risk-fig-mean-tip = The average NPV over the simulated futures
risk-fig-sd = Standard deviation
risk-fig-sd-tip = How widely NPV spreads around its mean
risk-fig-se = Standard error of the mean
risk-fig-se-tip = How far the mean above may be from the mean of infinitely many trials (sd / √trials): more trials shrink it
risk-fig-p5 = P5
risk-fig-p5-tip = P5: 5% of the simulated futures come out below this NPV
risk-fig-p10 = P10
risk-fig-p10-tip = P10: 10% of the simulated futures come out below this NPV
risk-fig-p50 = P50
risk-fig-p50-tip = P50 (median): half of the simulated futures come out below this NPV
risk-fig-p90 = P90
risk-fig-p90-tip = P90: 90% of the simulated futures come out below this NPV (10% above)
risk-fig-p95 = P95
risk-fig-p95-tip = P95: 95% of the simulated futures come out below this NPV
risk-fig-pneg = P(NPV < 0)
risk-fig-pneg-tip = P(NPV < 0): the share of simulated futures in which the project loses money at the discount rate
risk-fig-irr = IRR P10 / P50 / P90
risk-fig-irr-tip = The project IRR over the futures that have one
risk-fig-no-irr = Share without an IRR
risk-fig-no-irr-tip = The share of simulated futures whose cash flow has no IRR (e.g. it never pays back)
risk-fig-unit-cost = Unit cost P10 / P50 / P90
risk-fig-unit-cost-tip = The main product's levelized unit cost over the simulated futures
risk-drives-heading = What drives NPV
risk-drives-tip = Each driver's rank correlation with NPV over the trials (signed: + means a higher draw gives a higher NPV), and its share of the variance: its squared correlation over the sum of all drivers' squares.
risk-col-rank-correlation = Rank correlation
risk-col-share-variance = Share of variance
risk-options-heading = Funding options on the same draws
risk-options-tip = Every option is run on the same draws (common random numbers), so the differences are the options', not chance's. Budget cost at the state's rate; efficiency = (mean investor NPV − mean investor NPV of the same option without support) / mean PV budget cost.
risk-col-option = Funding option
risk-col-investor-p50 = Investor NPV P50
risk-col-viability-tip = The share of simulated futures in which the investor at least gets the discount rate back
risk-col-budget-p90-tip = P90 of the budget cost: in 10% of the futures the budget pays more (an offtake floor shows its tail here)
risk-charts-empty = Monte Carlo charts appear here after a run.
risk-charts-stale = Inputs changed since this run: the charts are of the model as it was.
risk-hist-title = NPV histogram
risk-hist-subtitle = Share of trials per bin of NPV, { $unit }; hover for values.
risk-hist-y = Share of trials, %
risk-hist-trials = Trials
risk-hist-hover = NPV { $from } to { $to } { $unit }
    { $share } of trials
risk-scurve-title = S-curve: chance NPV is at most x
risk-scurve-y = Share of futures at or below, %
risk-scurve-hover = { $share } of futures have NPV ≤ { $npv } { $unit }
risk-scurve-line = Cumulative share
risk-contrib-title = Contribution to variance
risk-contrib-subtitle = Bar: each driver's rank correlation with NPV (signed); hover for its share of the variance.
risk-contrib-bar = rank correlation { $rho }, { $share } of the variance
risk-contrib-x = Rank correlation with NPV
risk-options-chart-title = Funding options: chance of viability against budget cost
risk-options-chart-subtitle = P(investor NPV ≥ 0) against mean PV budget cost ({ $unit }, state's rate); hover for values.
risk-options-chart-x = Mean PV budget cost ({ $unit })
risk-options-chart-hover = { $viability } { $share }, mean budget cost { $cost } { $unit }
