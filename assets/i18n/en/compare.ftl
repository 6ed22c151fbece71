# compare: en. The Compare view (src/app/compare.rs). Metric names come
# from the shared terms in core.ftl.

## Heading and state

compare-rates = Investor's discount rate { $rate } ({ $basis }, { $cur }) · state's discount rate { $state_rate } for the budget cost and taxes · { $convention }
compare-rates-tip = The investor's NPV and IRR are the equity's where there is debt or a loan, at the investor's rate (a scenario may override it). The state's view (budget cost, taxes, net fiscal effect) is at the state's rate. Convention: { $convention }.
compare-basis-real = real money
compare-basis-nominal = nominal money
compare-convention-start = start-of-year discounting
compare-convention-mid = mid-year discounting
compare-convention-end = end-of-year discounting
compare-comparing = Comparing the scenarios…
compare-has-problems = The project has problems (see Results): fix them to compare the scenarios.
compare-stale = Showing the last valid model: the project has problems.
compare-updating = Updating…
compare-show = Show:
compare-tick-one = Tick a scenario to compare.
compare-a-scenario = A scenario

## Cases (columns)

compare-base-tip = The base case: the inputs as entered, no scenario's changes.
compare-scenario-tip = { $description }
    Overrides: { $overrides }.
compare-override-nothing = nothing (the base case's inputs)
compare-not-appraised-because = Not appraised: { $why }
compare-not-appraised = not appraised
compare-case-not-appraised = { $name }: not appraised: { $why }
compare-main-product = the main product

## Metrics (rows)

compare-metric = Metric
compare-row-discount-rate = Investor's { term-discount-rate }
compare-row-project-npv = Project { term-npv }
compare-row-project-irr = Project { term-irr }
compare-row-investor-npv = Investor (equity) { term-npv }
compare-row-investor-irr = Investor (equity) { term-irr }
compare-row-social-funds = of which social funds
compare-row-taxes = PV taxes and royalties
compare-row-net-fiscal = Net fiscal effect
compare-row-cost-per-tonne = Budget cost per tonne replaced
compare-row-viability = P(investor { term-npv } ≥ 0)
compare-row-investor-p10 = Investor { term-npv } P10
compare-row-investor-p90 = Investor { term-npv } P90
compare-row-budget-mean = { term-pv-budget-cost }, mean
compare-row-budget-p90 = { term-pv-budget-cost }, P90
compare-none = none
compare-never = never

## Units

compare-unit-millions = { $cur } million
compare-unit-millions-state = { $cur } million, state's rate
compare-unit-millions-mc = { $cur } million, MC
compare-unit-pct-year = % a year
compare-unit-rate = % a year, { $basis }
compare-unit-years = years
compare-unit-efficiency = { $cur } of investor NPV per { $cur }
compare-unit-viability = % of futures, Monte Carlo

## Definitions (the rows' tooltips)

compare-def-discount-rate = The rate at which the project and equity NPVs are taken: the project's, or the scenario's own where it overrides it.
compare-def-project-npv = Financing and loans do not enter it; { $basis }.
compare-def-budget-cost = The PV at the state's discount rate of each support instrument's budget cost, summed: what a subsidy, a grant or an offtake top-up pays; the interest a concessional loan gives up ((market rate − loan rate) × opening balance); the tax and insurance contributions a relief gives up.
compare-def-social-funds = The part of the PV budget cost that is insurance contributions given up (a contribution relief, the Arctic zone regime): a cost to the social funds rather than to the budget proper.
compare-def-taxes = The PV at the state's discount rate of the company's profit tax, the property tax and the royalties / MET the project pays.
compare-def-net-fiscal = Net fiscal effect = PV taxes and royalties − PV budget cost, at the state's discount rate.
compare-def-efficiency = Budget efficiency = (investor NPV of the scenario − investor NPV of the same scenario with no support instruments) / PV budget cost: how much the investor gains for each unit the budget spends. None (–) when the support costs nothing.
compare-def-per-tonne = PV budget cost / PV of { $product }'s output in tonnes, both at the state's discount rate: a levelized cost per tonne of imports replaced (for an offtake floor, the average top-up per tonne). Units t, kg and kt are converted; another unit gives none (–).
compare-def-viability = Monte Carlo, { $trials } trials on the same draws for every option (the Risk view's drivers): the share of simulated futures in which the investor's NPV is at least 0.
compare-def-investor-p10 = P10: 10% of the simulated futures come out below this investor NPV.
compare-def-investor-p90 = P90: 90% of the simulated futures come out below this investor NPV.
compare-def-budget-mean = The average PV budget cost (state's rate) over the simulated futures.
compare-def-budget-p90 = P90 of the PV budget cost (state's rate): in 10% of the futures the budget pays more (an offtake floor shows its tail here).

## The best value of a row

compare-best-tip = Best in this row ({ $meaning }).
compare-best-highest = highest
compare-best-efficiency = highest: the most investor NPV for each unit of budget
compare-best-lowest-cost = lowest budget cost among the options that cost the budget something

## Monte Carlo rows

compare-run-risk = Run risk for every option
compare-run-risk-tip = Monte Carlo of every option on the same { $trials } draws (the Risk view's drivers): adds each option's chance of viability and budget-cost spread to the table
compare-run-risk-busy = A Monte Carlo run is going (one at a time): wait for it or cancel it
compare-risk-rows-note = The last five rows: Monte Carlo, { $trials } trials (seed { $seed }), every option on the same draws.
compare-risk-rows-hidden = The Monte Carlo rows are hidden: inputs changed since the last run.

## The solvers' ranking

compare-case-base = base case
compare-case-scenario = scenario “{ $name }”
compare-ranking-heading = Least support of each kind to reach the target
compare-ranking-for = for the { $case } (the case selected in the outline), ranked by PV budget cost
compare-ranking-about = For the case selected in the outline ({ $case }), as entered with any support it already has. Each kind alone, at the least generous level that reaches the target, ranked by the PV of its budget cost at the state's rate ({ $rate }).
compare-col-instrument = Instrument
compare-col-least-level = Least level
compare-col-cost = PV budget cost, { $cur } million
compare-col-how-found = How found
compare-rank-cost-name = { $kind } PV budget cost: { $cost }
compare-soft-loan-note = Soft loan: { $share }% of initial capex, a tenor of { $tenor_shown } { $tenor ->
        [one] year
       *[other] years
    } with { $grace_shown } grace { $grace ->
        [one] year
       *[other] years
    }; the level is the highest rate that still reaches the target, up to the commercial debt rate. Found in { $millis } ms.
compare-target = Target:
compare-target-npv = investor NPV = 0
compare-target-irr = investor IRR = hurdle rate
compare-hurdle = Hurdle rate

## Charts

compare-no-comparison = No comparison yet.
compare-bars = Bars:
compare-bars-investor-tip = NPV of the equity cash flow: what the investor gets, loans included
compare-bars-project-tip = NPV of the project cash flow: financing and loans do not enter it
compare-chart-title = { $npv } and PV budget cost by scenario
compare-chart-subtitle = { $unit }, { $basis }; NPV at the investor's rate, budget cost at the state's. Hover for values.
compare-chart-empty = No scenario to show.
compare-ranking-chart-title = PV budget cost to reach the target ({ $case })
compare-ranking-chart-subtitle = { $unit } at the state's rate; { $target }. Hover for the level.
compare-unreachable = Cannot reach the target: { $kinds }
compare-none-reaches = No kind of support reaches the target.
compare-short-subsidy-year = Subsidy/year
compare-short-subsidy-unit = Subsidy/unit
compare-short-grant = Grant
compare-short-soft-loan = Soft loan
compare-short-tax-holiday = Tax holiday
compare-short-offtake = Offtake floor
compare-short-property-tax = Property-tax exemption
compare-short-contributions = Contribution relief
