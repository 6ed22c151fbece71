//! File → Export in the window: the menu item routes to the file dialog
//! (on a worker), the fallback path field writes the workbook of the case
//! shown, and the status line reports it.

mod app_support;

use app_support::*;
use assay::app::Dialog;
use assay::app::files::FileEvent;

/// A file of the workbook's zip archive, as text.
fn zip_text(path: &std::path::Path, name: &str) -> String {
    use std::io::Read;
    let bytes = std::fs::read(path).expect("read xlsx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    archive
        .by_name(name)
        .expect(name)
        .read_to_string(&mut xml)
        .expect("read");
    xml
}

fn sheet_names(path: &std::path::Path) -> Vec<String> {
    let xml = zip_text(path, "xl/workbook.xml");
    xml.split("<sheet name=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or("").to_string())
        .collect()
}

/// With no native dialog the window offers a path field, prefilled with
/// the project's name; exporting there writes the workbook (`.xlsx` added)
/// and says so. The menu item itself starts the dialog route.
#[test]
fn the_export_menu_routes_to_the_dialog_and_the_path_field() {
    // The embedded Afrikanda, with file format 4's payroll, property tax
    // and VAT (tests/export_xlsx.rs checks the workbook's figures).
    let mut h = afrikanda_harness();
    h.state_mut()
        .file_event(FileEvent::NoExportDialog { pdf: false });
    h.run();
    assert!(shows(&h, "Export an Excel workbook"));
    let suggested = std::env::current_dir().expect("cwd").join("afrikanda.xlsx");
    assert_eq!(
        field_text(&h, "Export path"),
        suggested.display().to_string()
    );

    let dir = temp_dir("export");
    let target = dir.join("book");
    type_into(&mut h, "Export path", &target.display().to_string());
    click(&mut h, "Export");
    step_until(&mut h, |s| {
        s.files.busy().is_none()
            && s.status
                .as_deref()
                .is_some_and(|m| m.starts_with("Exported"))
    });
    let written = dir.join("book.xlsx");
    assert_eq!(
        sheet_names(&written),
        ["Inputs", "Ledger", "Metrics", "Funding options", "Risk"]
    );
    assert!(shows(&h, &format!("Exported {}", written.display())));
    // The format 4 lines are in the Ledger (their keys in column B).
    let strings = zip_text(&written, "xl/sharedStrings.xml");
    for key in [
        "payroll",
        "contributions",
        "property_tax",
        "vat_paid",
        "vat_refund",
    ] {
        assert!(
            strings.contains(&format!(">{key}</t>")),
            "no Ledger line {key} in the workbook"
        );
    }

    // The menu: File → Export → Excel workbook… opens the save dialog on a
    // worker (or, where no dialog can be shown, the path field again).
    click(&mut h, "File");
    click(&mut h, "Export");
    click(&mut h, "Excel workbook…");
    let s = h.state();
    let dialog_open = s.files.busy() == Some(assay::app::files::FileJob::Dialog);
    let fallback = matches!(s.dialog, Some(Dialog::ExportPath { .. }));
    assert!(
        dialog_open || fallback,
        "busy {:?}, dialog {:?}",
        s.files.busy(),
        s.dialog
    );
}
