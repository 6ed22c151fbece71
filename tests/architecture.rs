//! The invariant of ARCHITECTURE.md: the model, the engine, the file format,
//! the reports, the exports and the command line never import a GUI crate.

use std::path::Path;

const GUI_CRATES: [&str; 5] = ["egui", "eframe", "egui_plot", "egui_extras", "rfd"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn engine_side_never_imports_gui_crates() {
    let mut files = Vec::new();
    for dir in [
        "src/model",
        "src/engine",
        "src/io",
        "src/report",
        "src/export",
    ] {
        rust_files(Path::new(dir), &mut files);
    }
    for f in ["src/report.rs", "src/cli.rs", "src/lib.rs"] {
        files.push(f.into());
    }
    assert!(files.len() >= 10, "found {} files", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for krate in GUI_CRATES {
                let used = code.contains(&format!("{krate}::"))
                    || code.contains(&format!("use {krate}"))
                    || code.contains(&format!("extern crate {krate}"));
                assert!(
                    !used,
                    "{}:{}: imports {krate}: {line}",
                    file.display(),
                    n + 1
                );
            }
        }
    }
}
