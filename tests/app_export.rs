//! File → Export in the window: the menu item routes to the file dialog
//! (on a worker), the fallback path field writes the workbook of the case
//! shown, and the status line reports it.

mod app_support;

use app_support::*;
use assay::app::Dialog;
use assay::app::files::FileEvent;

fn sheet_names(path: &std::path::Path) -> Vec<String> {
    use std::io::Read;
    let bytes = std::fs::read(path).expect("read xlsx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    archive
        .by_name("xl/workbook.xml")
        .expect("workbook.xml")
        .read_to_string(&mut xml)
        .expect("read");
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
    // The sample before file format 4: the workbook's formulas do not yet
    // cover format 4's taxes (see tests/export_xlsx.rs).
    let v3 = assay::io::load_project(std::path::Path::new("tests/data/afrikanda-v3.ron"))
        .expect("fixture");
    let mut h = harness(assay::app::AppState::new(v3, None));
    h.run();
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
