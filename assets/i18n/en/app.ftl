# app: the window's shell (src/app: mod, view, results, charts, files, state,
# command, recovery, notes, widgets, entry, scenario).

## Outline sections and lower tabs

app-section-general = General
app-section-facilities = Facilities
app-section-products = Products & prices
app-section-fiscal = Fiscal terms
app-section-support = Support instruments
app-section-financing = Financing
app-section-sources = Sources
app-section-scenarios = Scenarios
app-section-compare = Compare funding options
app-section-risk = Risk
app-tab-ledger = Ledger
app-tab-cash-flow = Cash flow
app-tab-prices = Prices
app-tab-npv-profile = NPV profile
app-tab-unit-cost = Unit cost

## Window, start-up

app-title = { $name }{ $mark } — Assay
app-title-not-saved = { $name } (not saved to a file)
app-error-example-unreadable = The built-in example could not be read
app-error-could-not-open = Could not open { $path }
app-error-could-not-save = Could not save { $path }
app-error-could-not-export = Could not export { $path }
app-error-syntax-hint = A file with a syntax error cannot be opened: fix this line in a text editor.
app-no-window = assay: could not open the window: { $error }
app-no-window-cli = assay: the command line still works: assay report FILE.ron (see assay --help)

## Menus

app-menu-file = File
app-menu-new = New
app-menu-new-from-template = New from template
app-menu-open = Open…
app-menu-open-recent = Open recent
app-menu-no-recent = No recent files
app-menu-save = Save
app-menu-save-as = Save As…
app-menu-export = Export
app-menu-export-xlsx = Excel workbook…
app-menu-export-pdf = PDF report…
app-menu-quit = Quit
app-menu-edit = Edit
app-menu-undo = Undo
app-menu-undo-named = Undo { $what }
app-menu-redo = Redo
app-menu-redo-named = Redo { $what }
app-menu-view = View
app-menu-language = Language (Язык)
app-menu-theme = Theme
app-menu-theme-system = Follow the system
app-menu-theme-light = Light
app-menu-theme-dark = Dark
app-menu-panels = Panels (drag an edge to resize)
app-menu-outline = Outline
app-menu-results-cards = Results cards
app-menu-lower-panel = Lower panel
app-menu-help = Help
app-undo-hint = Undo ({ $keys })
app-redo-hint = Redo ({ $keys } or { $other })
app-hide-outline = Hide outline
app-show-outline = Show outline
app-outline-hint = The outline on the left (also View → Panels)
app-hide-cards = Hide cards
app-show-cards = Show cards
app-cards-hint = The results cards on the right (also View → Panels)

## Status line

app-status-no-file = built-in example / not saved to a file
app-status-unsaved = unsaved changes
app-status-saved = saved

## Outline and cases

app-cases-heading = Case shown and edited
app-base-case = Base case
app-base-case-hint = The inputs as entered
app-no-name = (no name)
app-scenario-no-changes = No changes from the base case yet.
app-scenario-overrides = Overrides: { $list }.
app-scenario-new = New
app-scenario-new-hint = New scenario from the current inputs (no changes yet)
app-scenario-duplicate = Duplicate
app-scenario-duplicate-hint = Copy the selected scenario
app-scenario-delete = Delete
app-scenario-delete-hint = Delete the selected scenario (Undo brings it back)
app-outline-heading = Project outline
app-outline-problems = { $n ->
    [one] { $n } problem
   *[other] { $n } problems
}
app-outline-problems-hint = problems in this section
app-overridden = overridden
app-overridden-hint = “{ $name }” overrides: { $list }
app-outline-main-product = { $name } (main)
app-stale-lower = showing the last valid model

## Dialogs

app-ok = OK
app-save = Save
app-open = Open
app-discard = Discard
app-cancel = Cancel
app-export = Export
app-dialog-unchanged = The project you had open is unchanged.
app-unsaved-heading = Unsaved changes
app-export-pdf-title = Export a PDF report
app-export-xlsx-title = Export an Excel workbook
app-no-file-dialog = No file dialog could be opened on this desktop (no XDG desktop portal and no zenity). Type the file's path instead:
app-export-pdf-hint = /path/to/report.pdf
app-export-xlsx-hint = /path/to/workbook.xlsx
app-export-path = Export path
app-path-save-title = Save as
app-path-open-title = Open
app-path-hint = /path/to/project.ron
app-file-path = File path
app-recovery-heading = Unsaved work was recovered
app-recovery-newer = A recovery copy of { $path } is newer than the saved file.
app-recovery-newer-unsaved = A recovery copy of a project not saved to a file is newer than the saved file.
app-recovery-copy-time = Recovery copy: { $time }
app-recovery-saved-time = Saved file: { $time }
app-recovery-saved-none = Saved file: none
app-recovery-restore = Restore
app-recovery-open-saved = Open the saved file
app-recovery-start-without = Start without it

## Edits (the Undo menu names them), new items, the unsaved-changes guard

app-list-noun = { $list ->
    [facilities] facility
    [products] product
   *[support] support instrument
}
app-undo-add = add { $list ->
    [facilities] facility
    [products] product
   *[support] support instrument
}
app-undo-remove = remove { $list ->
    [facilities] facility
    [products] product
   *[support] support instrument
}
app-undo-duplicate = duplicate { $list ->
    [facilities] facility
    [products] product
   *[support] support instrument
}
app-undo-move = move { $list ->
    [facilities] facility
    [products] product
   *[support] support instrument
}
app-undo-new-scenario = new scenario
app-undo-duplicate-scenario = duplicate scenario
app-undo-delete-scenario = delete scenario
app-undo-revert = revert { $part } to the base
app-undo-in-scenario = { $what } in “{ $name }”
app-new-facility = New facility
app-new-product = New product
app-new-operating-subsidy = New operating subsidy
app-new-scenario = New scenario
app-copy-name = { $name } (copy)
app-unsaved-before-new = “{ $name }” has changes that are not saved. Save them before starting a new project?
app-unsaved-before-open = “{ $name }” has changes that are not saved. Save them before opening another project?
app-unsaved-before-open-path = “{ $name }” has changes that are not saved. Save them before opening { $path }?
app-unsaved-before-close = “{ $name }” has changes that are not saved. Save them before closing?
app-status-new-project = New project
app-status-new-from-template = New project from the template “{ $name }”: its figures are placeholders
app-status-opened = Opened { $path }
app-status-opened-problems = Opened { $path }: { $n ->
    [one] { $n } problem
   *[other] { $n } problems
} to fix

## Templates (File → New from template). Their names and descriptions are
## worded in the language in force when a project is created from them.

app-template-blank = Blank project
app-template-mine-plant = Mine + processing plant
app-template-plant-only = Processing plant buying its feed
app-template-blank-hint = One plant and one product, round placeholder figures to replace
app-template-mine-plant-hint = A mine and a plant on one site, royalty on revenue; placeholder figures
app-template-plant-only-hint = One plant; the feed it buys is its variable cost per unit; placeholder figures
app-template-assumptions = Every figure here is a placeholder assumption, not data: replace each with your own (capex, opex, output, prices, taxes) before reading the results.
app-template-untitled = Untitled
app-template-blank-description = Template: one plant and one product. Assumptions: capex { $capex } { $usd } in { $year }, fixed opex { $opex } { $usd } a year, { $output } t a year at { $price } { $usd }/t, variable cost { $variable } { $usd }/t, profit tax 25%. { $assumptions }
app-template-plant = Plant
app-template-main-product = Main product
app-template-mine-plant-name = Mine and plant
app-template-mine-plant-description = Template: an open-pit mine feeding a processing plant on the same site, built over two years from { $year }, producing from { $producing }. Assumptions: capex, opex, output of { $output } t a year ramping up over three years, a flat price of { $price } { $usd }/t against an import price of { $import } { $usd }/t, royalty 6% of revenue, profit tax 25%. { $assumptions }
app-template-mine = Open-pit mine (assumption)
app-template-processing-plant = Processing plant (assumption)
app-template-main-product-assumption = Main product (assumption)
app-template-royalty = Royalty (assumption)
app-template-plant-name = Processing plant
app-template-plant-description = Template: a single processing plant that buys its feed, built in { $year }, producing from { $producing }. Assumptions: capex, opex, { $output } t a year of product, feed bought at { $feed } { $usd } per t of product (in the variable cost per unit, with reagents and power at { $reagents }), a flat price of { $price } { $usd }/t against an import price of { $import } { $usd }/t, no royalty (the plant mines nothing), profit tax 25%. { $assumptions }

## File jobs

app-job-dialog = a file dialog is open
app-job-saving = saving
app-job-exporting-report = exporting the report
app-job-exporting-workbook = exporting the workbook
app-job-wait = Wait: { $running }; one file job runs at a time
app-job-no-thread = could not start a worker thread: { $error }
app-dialog-open-title = Open an Assay project
app-dialog-save-title = Save the Assay project as
app-filter-project = Assay project
app-filter-all = All files
app-filter-pdf = PDF report
app-filter-xlsx = Excel workbook
app-autosave-failed = assay: autosave failed: { $error }
app-autosave-no-thread = assay: autosave could not start: { $error }
app-status-restored = Restored the recovery copy: save to keep it
app-status-exported = Exported { $path }
app-status-drop-ron = Drop an Assay project file (.ron) to open it
app-recovery-file-header = Assay recovery copy of { $path }
app-recovery-file-header-unsaved = Assay recovery copy of (a project not saved to a file)
app-time-utc = { $date } { $time } UTC
app-time-before-1970 = before 1970
app-timing-first-frame = assay: first frame after { $ms } ms

## Results: metric names and definitions (the cards, "more figures", and
## the Compare view through app::results::definition)

app-metric-npv = { term-npv }
app-metric-irr = { term-irr }
app-metric-payback = Payback
app-metric-unit-cost = Unit cost vs import price
app-metric-breakeven = Breakeven price
app-metric-required-support = Required support
app-metric-mirr = { term-mirr }
app-metric-pi = Profitability index
app-metric-peak-funding = Peak funding
app-metric-npv-at-benchmark = NPV at the import price
app-metric-equity-npv = Equity NPV
app-metric-equity-irr = Equity IRR
app-metric-min-dscr = Minimum DSCR
app-the-main-product = the main product
app-def-npv = Net present value of the project (unlevered, after tax) cash flow: NPV = Σ CF_t / (1 + r)^t, with CF_t the net cash flow of year t.
app-def-irr =
    Internal rate of return: a rate r > −1 at which NPV(r) = 0. Every root in (−99%, 1000%) is reported; a cash flow that changes sign more than once may have several and is flagged non-conventional. Where there is no root, none is shown: never a number that is not a root. Each root is checked on the Decimal ledger.
    The convention shifts every year by the same offset, so it does not move the roots.
app-def-payback = Years from Y0 ({ $year }) until the cumulative undiscounted cash flow turns non-negative for good, interpolated linearly inside the year; never if it does not. Discounted payback: the same on the discounted cash flow.
app-def-unit-cost =
    Levelized unit cost of { $main }, before support (support is not netted off; a profit-tax relief is in the tax counted): PV(all costs: capex, opex, royalties, taxes, closure) less PV(by-product revenue), divided by PV(output of { $main }); same discounting as NPV.
    Import price: the benchmark (import) price of { $main }, averaged over the years weighted by the PV of output.
app-def-breakeven =
    Breakeven price: the flat real price of { $main } over the whole life at which NPV = 0, all else as entered (found by a bracketing root finder, checked on the Decimal ledger; none when no price in a wide bracket reaches NPV = 0).
    Price gap = breakeven − benchmark import price, absolute and as a share of the import price.
app-def-required-support = Required support: the smallest level annual operating subsidy over the producing years (not taxable) that brings NPV to 0 when { $main } sells at the benchmark import price; and the equivalent subsidy per { $unit } of { $main }. Zero when NPV is not negative at the import price.
app-def-mirr = Modified IRR: (FV of positive flows at the reinvestment rate / PV of negative flows at the finance rate)^(1/(n−1)) − 1; both rates are the discount rate.
app-def-pi = 1 + NPV / PV(capital expenditure), same discounting as NPV.
app-def-peak-funding = The most negative cumulative undiscounted cash flow: the money the sponsors must find.
app-def-npv-at-benchmark = NPV when the main product sells at the benchmark import price.
app-def-equity-npv = The investor's NPV: the NPV of the equity cash flow (after debt service and concessional loans) at the project discount rate. Without debt the equity cash flow equals the project cash flow, so this is the project NPV; with commercial debt or a concessional loan it is the equity NPV. A soft loan or an interest subsidy leaves the project NPV unchanged and shows only here.
app-def-equity-irr = IRR of the equity cash flow (the project IRR without debt).
app-def-min-dscr = Smallest cash flow available for debt service / debt service, over the years with debt service.
app-def-after-support = After support: the same cost less the PV of the cash support pays the project (operating support, capital grants), per unit of PV output. A capital grant can raise the figure before support: when it reduces the depreciable base, depreciation falls and the tax counted in the cost rises.
app-several-roots-link = What do several roots mean?
app-several-roots-text = The cash flow changes sign more than once (for example, investment, then profits, then a large closure cost), so NPV can cross zero at more than one discount rate: each crossing is an IRR. No single one of them is "the" return, and none says on its own whether the project pays. Here NPV at the discount rate and MIRR (one rate, with reinvestment and finance at the discount rate) are the reliable guides; the NPV profile chart shows where NPV crosses zero.
app-convention = Discount rate r = { $rate } ({ $basis ->
    [real] real
   *[nominal] nominal
} money, { $currency }); convention { $convention }.
app-convention-short = { $convention ->
    [start] start of year
    [mid] mid-year
   *[end] end of year
}

## Results: the cards

app-none = none
app-never = never
app-irr-roots = non-conventional cash flow: roots { $roots }
app-irr-non-conventional = non-conventional cash flow (sign changes more than once)
app-irr-none = no IRR: { $why }
app-card-npv-detail = at { $rate }, { $convention }
app-card-payback-detail = from { $year }; discounted: { $discounted }
app-card-unit-cost-detail = before support; import price { $import }
app-card-gap-share = gap { $gap } ({ $share }) over the import price
app-card-gap = gap { $gap } over the import price
app-card-no-gap = no price gap
app-card-per-year = { $amount } a year
app-card-required-per-unit = or { $amount } of { $main }
app-card-after-support = after support: { $cost }

## Results: the panel, problems, the ledger

app-results-heading = Results
app-results-scenario = scenario “{ $name }”
app-results-summary = { $name }: { $first }–{ $last }, { $basis } { $currency } at { $rate }, { $convention }. Main product: { $main } (per { $unit }).
app-results-notes = How the figures were found ({ $n ->
    [one] { $n } note
   *[other] { $n } notes
})
app-stale = last valid result
app-stale-hint = An entry is refused or the project has a problem (listed in red): the figures are those of the last valid model until it is fixed.
app-not-computed-engine = Not computed: the engine refused the project (see above)
app-not-computed = Not computed: { $n ->
    [one] { $n } problem
   *[other] { $n } problems
} to fix
app-problems-last-valid = The project has { $n ->
    [one] { $n } problem
   *[other] { $n } problems
}; the results below are from the last valid model:
app-problems-no-results = The project has { $n ->
    [one] { $n } problem
   *[other] { $n } problems
}; there are no results yet:
app-refused = { $place }: not used: { $why }
app-ledger-caption = Yearly ledger, { $currency } whole units ({ $basis } money); costs are positive numbers on their lines, the cash flow lines carry the sign.
app-ledger-line = Line
app-ledger-unit = Unit
app-ledger-factor = factor
app-ledger-total = Total
app-ledger-overflow = overflow

## Charts

app-chart-year = Year
app-chart-millions = { $currency } million
app-chart-millions-basis = { $unit } ({ $basis })
app-chart-percent = { $n }%
app-chart-cash-flow-title = Project cash flow by year
app-chart-cash-flow-sub = Net project cash flow (after tax, before financing), { $basis } { $unit }; bars by year, line cumulative. Hover for values.
app-chart-project-cash-flow = Project cash flow
app-chart-cumulative = Cumulative cash flow
app-chart-import-same = Import (benchmark) price: same as the selling price
app-chart-import-equal-in = Import (benchmark) price: equal to the selling price in { $equal } of { $n ->
    [one] { $n } year
   *[other] { $n } years
}
app-chart-import = Import (benchmark) price
app-chart-prices-title = { $main }: price, import price and breakeven
app-chart-prices-sub = { $unit }, { $basis } money. Breakeven: the flat price at which NPV = 0. Hover for values.
app-chart-from-zero = y-axis from zero
app-chart-from-zero-hint = Start the price axis at zero (otherwise it is fitted to the prices)
app-chart-selling-price = Selling price
app-chart-breakeven = Breakeven price { $price } { $unit }
app-chart-npv-title = NPV profile
app-chart-npv-sub = NPV of the project cash flow at each discount rate, { $unit }; convention { $convention }. IRR roots are where the curve crosses zero.
app-chart-roots-outside = Roots outside the plotted range: { $roots }.
app-chart-rate-axis = Discount rate, % a year
app-chart-npv-hover = rate { $rate }: NPV { $npv } { $unit }
app-chart-rate-hover = rate { $rate }
app-chart-discount-rate = Discount rate { $rate }
app-chart-npv-at-rate = NPV at the discount rate: { $npv } { $unit }
app-chart-irr-root = IRR { $rate }
app-chart-step-capital = Capital recovery
app-chart-step-opex = Opex
app-chart-step-taxes = Royalties & taxes
app-chart-step-credit = By-product credit
app-chart-step-total = Unit cost
app-chart-step-hover = { $step }: { $delta } { $unit }
    running total { $total } { $unit }
app-chart-unit-cost-title = { $main }: unit-cost build-up vs import price
app-chart-unit-cost-sub = Levelized, { $unit }: each part is its PV over the PV of output (same discounting as NPV). By-products are a credit. Hover for values.
app-chart-no-unit-cost = No unit cost: the main product has no output.
app-chart-import-price = Import price
app-chart-no-results = No results yet: the project has never been valid.

## Notes and sources

app-undo-note = note
app-undo-remove-note = remove note
app-note-edit = Edit note…
app-note-remove = Remove note
app-note-add = Add note…
app-note-unknown-source = [{ $key }] is not in the source list
app-note-editor-title = Note on { $place }
app-note-text = Note text
app-note-no-sources = No sources yet: add them in the Sources section.
app-note-sources-cited = Sources cited
app-note-save = Save note
app-sources-intro = Notes cite these by key. Right-click a field to add a note.
app-source-add = Add source
app-undo-add-source = add source
app-notes-heading = Notes
app-source-key = Key
app-source-title = Title
app-source-publisher = Publisher or site, date
app-source-address = Address
app-source-remove = Remove source [{ $key }]
app-undo-remove-source = remove source
app-undo-source-field = source { $field }
app-notes-none = No notes yet.
app-remove = Remove

## Fields

app-series-paste-hint = (paste a row or column from a spreadsheet into a cell to fill from that year)
app-entry-not-percent = this field is not a percentage; enter a plain number
app-entry-negative = must not be negative
app-entry-at-most = must be at most { $max }
app-entry-between = must be between -{ $max } and { $max }
app-entry-positive = must be greater than zero
app-entry-rate-range = must be above { $low } and at most { $high }
app-entry-share-range = must be between { $low } and { $high }
app-paste-cell-error = pasted cell { $n }: { $why }
app-paste-undo = { $n ->
    [one] paste { $n } cell into { $field }
   *[other] paste { $n } cells into { $field }
}
