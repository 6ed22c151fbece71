# help: en
# The Help window (src/app/help.rs): the tour, the glossary's meanings (the
# terms themselves are core.ftl's term-*), About, the welcome strip.

help-page-getting-started = Getting started
help-page-how-it-computes = How Assay computes
help-page-glossary = Glossary
help-page-about = About Assay
help-window-title = Help
help-menu-welcome = Show the welcome strip
help-menu-welcome-hover = The note shown on first start

## The guided tour

help-tour-step = Step { $n } of { $of }
help-tour-back = Back
help-tour-next = Next
help-tour-all-steps = All steps
help-tour-1-title = 1. The outline (left)
help-tour-1-body = The outline on the left lists the cases (the base case and each scenario) and the parts of the project: General, Facilities, Products & prices, Fiscal terms, Support instruments, Financing. Click a part to edit it; a red count says how many problems it has. The panel can be hidden from the View menu and resized by dragging its edge.
help-tour-2-title = 2. The editors (middle)
help-tour-2-body = Each part opens an editor. Type a figure and the results change at once; Ctrl+Z undoes. Amounts accept separators (1,000,000 or 1 000 000) and percentages (25%). A wrong entry stays red with the reason and is not used until it is fixed. Per-year grids take a row or column pasted from a spreadsheet.
help-tour-3-title = 3. The cards (right)
help-tour-3-body = The cards give the headline figures: NPV, IRR (every root), payback, unit cost against the import price, breakeven price and the support required to break even at the import price. Hover a card for its definition and the discounting convention.
help-tour-4-title = 4. The ledger and charts (bottom)
help-tour-4-body = Below: the yearly ledger (every line of the cash flow by year) and four charts: cash flow, the main product's price against the import and breakeven prices, NPV against the discount rate, and the unit-cost build-up. Hover a chart for values.
help-tour-5-title = 5. Scenarios
help-tour-5-body = A scenario changes some inputs of the base case (a grant, a lower price). Select it in the outline: the editors then edit the scenario only, and the results are the scenario's. "New" under the cases starts one from the current inputs.
help-tour-6-title = 6. Compare funding options
help-tour-6-body = "Compare funding options" puts the base case and every scenario side by side: what each does for the investor (NPV of the equity cash flow) and what it costs the budget (at the state's discount rate). Below, the least support of each kind that lets the investor break even, ranked by budget cost.
help-tour-7-title = 7. Risk
help-tour-7-body = "Risk" varies the uncertain inputs (prices, capex, output, delay): a tornado and spider chart show which matter most, and a Monte Carlo run gives the chance that the investor's NPV is positive. Runs go in the background and can be cancelled.

## The glossary

help-glossary-intro = The terms on screen, in the sense Assay uses them. Hover a card or a row for its exact definition.
help-glossary-base-case = The project's inputs as entered; scenarios change some of them.
help-glossary-benchmark-price = The price at which the product could be imported: the yardstick the unit cost and breakeven price are measured against.
help-glossary-breakeven-price = The flat price of the main product over the whole life at which NPV is zero, all else as entered.
help-glossary-budget-efficiency = How much the investor's NPV rises for each unit of PV budget cost.
help-glossary-discount-rate = The return the money could earn elsewhere; future cash is divided by (1 + rate) for each year.
help-glossary-ebitda = Revenue plus operating support, less operating costs and royalties: earnings before interest, tax, depreciation and amortisation.
help-glossary-investor-npv = The NPV of the equity cash flow (after debt service and concessional loans). Without debt it equals the project NPV.
help-glossary-irr = Internal rate of return: the discount rate at which NPV is zero. A cash flow that changes sign several times can have several; then NPV and MIRR are the reliable guides.
help-glossary-ledger = The yearly table of every cash-flow line: revenue, costs, tax, capex, support, debt.
help-glossary-mirr = Modified IRR: one rate even when the cash flow changes sign several times, with reinvestment and finance at the discount rate.
help-glossary-npv = Net present value: the sum of each year's cash flow divided by (1 + discount rate) for each year from the first. Above zero, the project earns more than the discount rate.
help-glossary-payback = Years until the cumulative cash flow turns positive for good.
help-glossary-pv-budget-cost = What the state's support costs the budget, discounted at the state's rate.
help-glossary-real-money = Amounts in constant money of the first year (inflation removed); the discount rate is then a real rate too.
help-glossary-required-support = The smallest yearly operating subsidy that lets the project break even when the main product sells at the import price.
help-glossary-unit-cost = PV of all costs, less by-product revenue, divided by PV of the main product's output. Before support: grants and reliefs are not netted off.

## About

help-about-name = Assay { $version }
help-about-description = Investment appraisal for mining and processing projects: NPV, IRR, breakeven against import prices, and what each form of state support buys.
help-about-licence = Licence: { $licence }
help-about-built-with = Built with egui, egui_plot and rust_decimal.

## The welcome strip

help-welcome-title = Welcome to Assay.
help-welcome-sample = This is the Afrikanda sample (Murmansk region): a mine, a concentrator and a chemical plant for titanium dioxide, rare earths and niobium/tantalum, with illustrative figures.
help-welcome-other = Results update as you type; hover any card for its definition.
help-welcome-begin = To begin:
help-welcome-open = Open a project…
help-welcome-template = New from template
help-welcome-tour = Getting started (F1)
help-welcome-close = Close
help-welcome-close-hover = Hide until next start
help-welcome-never = Don't show again
help-welcome-never-hover = Help → Show the welcome strip brings it back
