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
app-override = { $part ->
    [price_factor] price factor
    [products] products
    [facilities] facilities
    [fiscal] fiscal terms
    [support] support instruments
    [financing] financing
   *[discount_rate] discount rate
}
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
