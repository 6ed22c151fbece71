//! Labelled fields with units, and per-year grids, for the editors.
//!
//! Every field is a row of a three-column grid: label, input, unit (and any
//! message). A field never changes the project itself: it raises a
//! [`Command::Edit`] carrying the field's path and a closure that sets the
//! value. Text typed into a number field is kept in [`Entries`] while the
//! field is edited; text that does not parse (or is out of the field's
//! range) stays in the field in red, with the reason under it, and never
//! reaches the model. Validation problems whose path names the field are
//! shown next to it as well.

use std::collections::HashMap;

use egui::{Color32, Id, RichText, TextEdit, Ui};
use rust_decimal::Decimal;

use crate::t;

use super::command::{Command, Edit};
use super::entry::{self, Kind};
use super::notes::{NoteScope, field_note};
use crate::model::validate::Problem;
use crate::model::{Project, YearSeries};

/// Width of a number field, points.
pub const NUMBER_WIDTH: f32 = 150.0;
/// Width of one year's cell in a grid, points.
pub const CELL_WIDTH: f32 = 116.0;

/// Text being typed into a number field.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// What is in the field.
    pub text: String,
    /// Why it is refused, when it is.
    pub error: Option<String>,
}

/// Text of the fields being edited, by field path.
#[derive(Debug, Clone, Default)]
pub struct Entries {
    map: HashMap<String, Entry>,
}

impl Entries {
    /// The entry of a field, if it is being edited.
    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.map.get(path)
    }

    /// Forgets every entry (after undo, a load, a structural edit).
    pub fn clear(&mut self) {
        self.map.clear();
    }

    /// Whether no field holds typed text.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Every refused entry: (path, reason).
    pub fn errors(&self) -> impl Iterator<Item = (&str, &str)> {
        self.map
            .iter()
            .filter_map(|(p, e)| e.error.as_deref().map(|why| (p.as_str(), why)))
    }
}

/// Colour for refusals and problems.
pub fn error_color(ui: &Ui) -> Color32 {
    ui.visuals().error_fg_color
}

/// The id of a field, from its path (stable across frames).
pub fn field_id(path: &str) -> Id {
    Id::unique(("assay-field", path))
}

/// What the editors need to raise edits: the typed text, the command queue
/// and the current validation problems.
pub struct Form<'a> {
    /// Typed text by path.
    pub entries: &'a mut Entries,
    /// Commands raised.
    pub out: &'a mut Vec<Command>,
    /// Validation problems of the project.
    pub problems: &'a [Problem],
    /// The notes the fields show (marker, hover, context menu).
    pub notes: NoteScope<'a>,
}

impl Form<'_> {
    fn edit(&mut self, label: &str, path: &str, apply: impl FnOnce(&mut Project) + 'static) {
        self.out.push(Command::Edit(Edit::field(
            label.to_lowercase(),
            path,
            apply,
        )));
    }

    /// A button that applies an edit when clicked (adding or removing an
    /// item of a list), labelled for accessibility by its text.
    pub fn action(
        &mut self,
        ui: &mut Ui,
        text: &str,
        path: &str,
        apply: impl FnOnce(&mut Project) + 'static,
    ) {
        if ui.button(text).clicked() {
            self.edit(text, path, apply);
            self.out.push(Command::EndEdit);
        }
    }

    /// Keeps refused text in its field, with the reason.
    fn refuse(&mut self, path: &str, text: String, why: String) {
        self.entries.map.insert(
            path.to_string(),
            Entry {
                text,
                error: Some(why),
            },
        );
    }

    /// After a typed field is drawn: ends the undo step when it loses focus;
    /// once it is left with valid text, shows the model's value again
    /// (formatted), while refused text stays until it is fixed. Returns the
    /// refusal, if any.
    fn settle(&mut self, response: &egui::Response, path: &str) -> Option<String> {
        if response.lost_focus() {
            self.out.push(Command::EndEdit);
        }
        if !response.has_focus() && self.entries.get(path).is_some_and(|e| e.error.is_none()) {
            self.entries.map.remove(path);
        }
        self.entries.get(path).and_then(|e| e.error.clone())
    }

    /// The note marker, hover and context menu of the field at `path`
    /// (every kind of field calls this once, on its input).
    fn note(&mut self, ui: &Ui, response: &egui::Response, path: &str, label: &str) {
        field_note(ui, response, self.notes, path, label, self.out);
    }

    /// Problems whose path is `path` or inside it.
    pub fn problems_at(&self, path: &str) -> Vec<&Problem> {
        self.problems
            .iter()
            .filter(|p| {
                p.path == path
                    || p.path
                        .strip_prefix(path)
                        .is_some_and(|rest| rest.starts_with('[') || rest.starts_with('.'))
            })
            .collect()
    }

    /// Unit and messages in the third column, ending the row.
    fn tail(&self, ui: &mut Ui, path: &str, unit: &str, refusal: Option<&str>) {
        ui.horizontal_wrapped(|ui| {
            if !unit.is_empty() {
                ui.label(RichText::new(unit).weak());
            }
            let color = error_color(ui);
            if let Some(why) = refusal {
                ui.label(RichText::new(why).color(color));
            }
            for p in self.problems_at(path) {
                ui.label(RichText::new(p.message()).color(color));
            }
        });
        ui.end_row();
    }

    /// A number field: money, a quantity or a percentage, per `kind`.
    #[allow(clippy::too_many_arguments)]
    pub fn number(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        kind: Kind,
        value: Decimal,
        unit: &str,
        set: impl FnOnce(&mut Project, Decimal) + 'static,
    ) {
        let name = ui.label(label);
        let refusal = self.number_input(
            ui,
            path,
            label,
            kind,
            Some(value),
            NUMBER_WIDTH,
            Some(name.id),
            set,
        );
        self.tail(ui, path, unit, refusal.as_deref());
    }

    /// The right-aligned text box of a number: the text being typed (or a
    /// refused entry, shown red and outlined), else the value formatted.
    /// Returns the response and the text now in the box.
    fn number_edit(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        kind: Kind,
        value: Option<Decimal>,
        width: f32,
    ) -> (egui::Response, String) {
        let entry = self.entries.get(path);
        let mut text = entry.map_or_else(
            || value.map(|v| entry::format(kind, v)).unwrap_or_default(),
            |e| e.text.clone(),
        );
        // A refused entry, or a value in the model with a problem (from a
        // file, say): both show red and outlined, as if just typed.
        let refused = entry.is_some_and(|e| e.error.is_some())
            || (entry.is_none() && self.problems.iter().any(|p| p.path == path));
        let mut edit = TextEdit::singleline(&mut text)
            .id(field_id(path))
            .desired_width(width)
            .align(egui::Align2::RIGHT_CENTER);
        if refused {
            edit = edit.text_color(error_color(ui));
        }
        let response = ui.add(edit);
        self.note(ui, &response, path, label);
        if refused {
            ui.painter().rect_stroke(
                response.rect.expand(1.0),
                2.0,
                egui::Stroke::new(1.5, error_color(ui)),
                egui::StrokeKind::Outside,
            );
        }
        (response, text)
    }

    /// The text input of a number field; returns the refusal to show.
    #[allow(clippy::too_many_arguments)]
    fn number_input(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        kind: Kind,
        value: Option<Decimal>,
        width: f32,
        labelled_by: Option<Id>,
        set: impl FnOnce(&mut Project, Decimal) + 'static,
    ) -> Option<String> {
        let (response, text) = self.number_edit(ui, path, label, kind, value, width);
        let response = match labelled_by {
            Some(l) => response.labelled_by(l),
            None => response.accessible_name(label),
        };
        let mut set = Some(set);
        if response.changed() {
            match entry::parse_shown(kind, &text, value) {
                Ok(v) => {
                    self.entries
                        .map
                        .insert(path.to_string(), Entry { text, error: None });
                    if Some(v) != value
                        && let Some(set) = set.take()
                    {
                        self.edit(label, path, move |p| set(p, v));
                    }
                }
                Err(why) => self.refuse(path, text, why),
            }
        }
        self.settle(&response, path)
    }

    /// A one-line text field.
    pub fn text(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: &str,
        set: impl FnOnce(&mut Project, String) + 'static,
    ) {
        self.text_field(ui, path, label, value, false, set);
    }

    /// A multi-line text field.
    pub fn multiline(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: &str,
        set: impl FnOnce(&mut Project, String) + 'static,
    ) {
        self.text_field(ui, path, label, value, true, set);
    }

    fn text_field(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: &str,
        multiline: bool,
        set: impl FnOnce(&mut Project, String) + 'static,
    ) {
        let name = ui.label(label);
        let mut text = value.to_string();
        let edit = if multiline {
            TextEdit::multiline(&mut text)
                .desired_rows(3)
                .desired_width(2.0 * NUMBER_WIDTH + 150.0)
        } else {
            TextEdit::singleline(&mut text).desired_width(2.0 * NUMBER_WIDTH)
        };
        let response = ui.add(edit.id(field_id(path))).labelled_by(name.id);
        self.note(ui, &response, path, label);
        if response.changed() {
            self.edit(label, path, move |p| set(p, text));
        }
        if response.lost_focus() {
            self.out.push(Command::EndEdit);
        }
        self.tail(ui, path, "", None);
    }

    /// A calendar year.
    pub fn year(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: i32,
        set: impl FnOnce(&mut Project, i32) + 'static,
    ) {
        let name = ui.label(label);
        self.year_input(ui, path, label, value, name.id, set);
        self.tail(ui, path, &crate::i18n::units::unit("year"), None);
    }

    fn year_input(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: i32,
        name: Id,
        set: impl FnOnce(&mut Project, i32) + 'static,
    ) {
        let mut v = value;
        let response = ui
            .add(egui::DragValue::new(&mut v).range(1000..=9000).speed(0.1))
            .labelled_by(name);
        self.note(ui, &response, path, label);
        if v != value {
            self.edit(label, path, move |p| set(p, v));
        }
        if response.lost_focus() || response.drag_stopped() {
            self.out.push(Command::EndEdit);
        }
    }

    /// An optional year: a checkbox for "none" (`none_text`), else a year.
    #[allow(clippy::too_many_arguments)]
    pub fn optional_year(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: Option<i32>,
        default: i32,
        none_text: &str,
        set: impl Fn(&mut Project, Option<i32>) + Clone + 'static,
    ) {
        let name = ui.label(label);
        ui.horizontal(|ui| {
            let mut none = value.is_none();
            if ui.checkbox(&mut none, none_text).changed() {
                let new = if none {
                    None
                } else {
                    Some(value.unwrap_or(default))
                };
                let set = set.clone();
                self.edit(label, path, move |p| set(p, new));
            }
            if let Some(year) = value {
                let set = set.clone();
                self.year_input(ui, path, label, year, name.id, move |p, y| set(p, Some(y)));
            }
        });
        let unit = if value.is_some() {
            crate::i18n::units::unit("year")
        } else {
            String::new()
        };
        self.tail(ui, path, &unit, None);
    }

    /// A whole number of years (or another count).
    #[allow(clippy::too_many_arguments)]
    pub fn count(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: u32,
        max: u32,
        unit: &str,
        set: impl FnOnce(&mut Project, u32) + 'static,
    ) {
        let name = ui.label(label);
        let mut v = value;
        let response = ui
            .add(egui::DragValue::new(&mut v).range(0..=max).speed(0.1))
            .labelled_by(name.id);
        self.note(ui, &response, path, label);
        if v != value {
            self.edit(label, path, move |p| set(p, v));
        }
        if response.lost_focus() || response.drag_stopped() {
            self.out.push(Command::EndEdit);
        }
        self.tail(ui, path, unit, None);
    }

    /// A yes/no setting.
    pub fn check(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: bool,
        text: &str,
        set: impl FnOnce(&mut Project, bool) + 'static,
    ) {
        let name = ui.label(label);
        let mut v = value;
        let response = ui.checkbox(&mut v, text).labelled_by(name.id);
        self.note(ui, &response, path, label);
        if response.changed() {
            self.out.push(Command::Edit(Edit::Field {
                label: label.to_lowercase(),
                path: path.to_string(),
                merge: false,
                apply: Box::new(move |p| set(p, v)),
            }));
        }
        self.tail(ui, path, "", None);
    }

    /// A choice among a few values.
    #[allow(clippy::too_many_arguments)]
    pub fn choice<T: PartialEq + Copy + 'static>(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        value: T,
        options: &[(T, &str)],
        unit: &str,
        set: impl FnOnce(&mut Project, T) + 'static,
    ) {
        let name = ui.label(label);
        let current = options
            .iter()
            .find(|(v, _)| *v == value)
            .map_or("", |(_, n)| *n);
        let mut chosen = value;
        let response = egui::ComboBox::from_id_salt(("assay-choice", path))
            .selected_text(current)
            .width(NUMBER_WIDTH + 60.0)
            .show_ui(ui, |ui| {
                for (v, n) in options {
                    ui.selectable_value(&mut chosen, *v, *n);
                }
            })
            .response;
        response.labelled_by(name.id);
        // The note sits on the label: a combo box's own popup shares the
        // id a context menu on it would use.
        let name = name.interact(egui::Sense::click());
        self.note(ui, &name, path, label);
        if chosen != value {
            self.out.push(Command::Edit(Edit::Field {
                label: label.to_lowercase(),
                path: path.to_string(),
                merge: false,
                apply: Box::new(move |p| set(p, chosen)),
            }));
        }
        self.tail(ui, path, unit, None);
    }

    /// A value per year over `years`, as cells under year headers, wrapped
    /// into rows to fit the width. An empty cell is no entry (zero, or the previous
    /// year's value for forecasts that carry forward). Pasting cells copied
    /// from a spreadsheet (tabs / newlines) into a cell fills that year and
    /// the following ones.
    #[allow(clippy::too_many_arguments)]
    pub fn series(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        series: &YearSeries,
        years: std::ops::RangeInclusive<i32>,
        kind: Kind,
        unit: &str,
        set: impl Fn(&mut Project, i32, Option<Decimal>) + Clone + 'static,
    ) {
        let mut all: Vec<i32> = years.collect();
        // Entries outside the model years stay visible so they can be fixed.
        for &y in series.keys() {
            if !all.contains(&y) {
                all.push(y);
            }
        }
        all.sort_unstable();

        ui.horizontal_wrapped(|ui| {
            // The whole series' note sits on its name.
            let name =
                ui.add(egui::Label::new(RichText::new(label).strong()).sense(egui::Sense::click()));
            self.note(ui, &name, path, label);
            ui.label(RichText::new(unit).weak());
            ui.label(RichText::new(t!("app-series-paste-hint")).weak().small());
        });
        self.paste_into_series(ui, path, label, &all, kind, set.clone());

        // The years wrap into as many rows as the width needs, so the whole
        // schedule is in view without scrolling sideways.
        // A cell is the text box (its width and inner margins) and the spacing.
        let per_row = ((ui.available_width() + 4.0) / (CELL_WIDTH + 20.0))
            .floor()
            .max(1.0) as usize;
        let mut refusals: Vec<(i32, String)> = Vec::new();
        // A grid cell is as narrow as its column allows; give the columns
        // the cell width.
        egui::Grid::new(("assay-series-grid", path))
            .spacing([4.0, 2.0])
            .min_col_width(CELL_WIDTH)
            .show(ui, |ui| {
                for chunk in all.chunks(per_row) {
                    for y in chunk {
                        ui.label(RichText::new(y.to_string()).small().weak());
                    }
                    ui.end_row();
                    for &y in chunk {
                        let cell_path = format!("{path}[{y}]");
                        let cell_label = format!("{label} {y}");
                        let value = series.get(&y).copied();
                        let refusal = self.cell_input(
                            ui,
                            &cell_path,
                            &cell_label,
                            kind,
                            value,
                            set.clone(),
                            y,
                        );
                        if let Some(why) = refusal {
                            refusals.push((y, why));
                        }
                    }
                    ui.end_row();
                }
            });
        let color = error_color(ui);
        for (y, why) in refusals {
            ui.label(RichText::new(format!("{y}: {why}")).color(color));
        }
        for p in self.problems_at(path) {
            // A year of this grid reads as the refusals do: `2027: why`.
            let text = match p
                .path
                .strip_prefix(path)
                .and_then(|r| r.strip_prefix('['))
                .and_then(|r| r.strip_suffix(']'))
            {
                Some(year) => format!("{year}: {}", p.message()),
                None => p.to_string(),
            };
            ui.label(RichText::new(text).color(color));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn cell_input(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        kind: Kind,
        value: Option<Decimal>,
        set: impl Fn(&mut Project, i32, Option<Decimal>) + 'static,
        year: i32,
    ) -> Option<String> {
        let (response, text) = self.number_edit(ui, path, label, kind, value, CELL_WIDTH);
        let response = response.accessible_name(label);
        if response.changed() {
            let parsed = if text.trim().is_empty() {
                Ok(None)
            } else {
                entry::parse_shown(kind, &text, value).map(Some)
            };
            match parsed {
                Ok(v) => {
                    self.entries
                        .map
                        .insert(path.to_string(), Entry { text, error: None });
                    if v != value {
                        self.edit(label, path, move |p| set(p, year, v));
                    }
                }
                Err(why) => self.refuse(path, text, why),
            }
        }
        self.settle(&response, path)
    }

    /// Takes a multi-cell paste aimed at a focused cell of this grid and
    /// turns it into one edit filling consecutive years.
    fn paste_into_series(
        &mut self,
        ui: &mut Ui,
        path: &str,
        label: &str,
        years: &[i32],
        kind: Kind,
        set: impl Fn(&mut Project, i32, Option<Decimal>) + 'static,
    ) {
        let focused = years
            .iter()
            .position(|y| ui.memory(|m| m.has_focus(field_id(&format!("{path}[{y}]")))));
        let Some(start) = focused else {
            return;
        };
        let pasted = ui.input_mut(|i| {
            let at = i
                .events
                .iter()
                .position(|e| matches!(e, egui::Event::Paste(t) if entry::is_multi_cell(t)))?;
            match i.events.remove(at) {
                egui::Event::Paste(t) => Some(t),
                _ => None,
            }
        });
        let Some(text) = pasted else {
            return;
        };
        let cells = entry::split_pasted(&text);
        let mut values = Vec::new();
        for (k, cell) in cells.iter().enumerate() {
            let Some(&year) = years.get(start + k) else {
                break;
            };
            let v = if cell.is_empty() {
                None
            } else {
                match entry::parse(kind, cell) {
                    Ok(v) => Some(v),
                    Err(why) => {
                        let cell_path = format!("{path}[{year}]");
                        self.entries.map.insert(
                            cell_path,
                            Entry {
                                text: cell.clone(),
                                error: Some(t!(
                                    "app-paste-cell-error",
                                    n = (k + 1).to_string(),
                                    why = why
                                )),
                            },
                        );
                        return;
                    }
                }
            };
            values.push((year, v));
        }
        let n = values.len();
        self.out.push(Command::Edit(Edit::Field {
            label: t!("app-paste-undo", n = n, field = label.to_lowercase()),
            path: path.to_string(),
            merge: false,
            apply: Box::new(move |p| {
                for (year, v) in values {
                    set(p, year, v);
                }
            }),
        }));
        // The focused cell must show the pasted value, not its old text.
        self.entries.clear();
    }
}

/// Sets or clears a year's value in a series.
pub fn set_year(series: &mut YearSeries, year: i32, value: Option<Decimal>) {
    match value {
        Some(v) => {
            series.insert(year, v);
        }
        None => {
            series.remove(&year);
        }
    }
}

/// A small heading over a group of fields.
pub fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).strong().size(15.0));
    ui.add_space(2.0);
}

/// Below this width (points) a form puts each label above its field.
pub const NARROW_FORM: f32 = 520.0;

/// Whether a form in `ui` is drawn narrow: label above field.
pub fn is_narrow(ui: &Ui) -> bool {
    ui.available_width() < NARROW_FORM
}

/// A grid for rows of fields: label, field, unit side by side; when the
/// space is narrow ([`is_narrow`]), one under the other, so nothing is cut
/// (`end_row` then just starts the next field).
pub fn form_grid(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui)) {
    if is_narrow(ui) {
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            add(ui);
        });
        return;
    }
    egui::Grid::new(("assay-form", id))
        .num_columns(3)
        .spacing([12.0, 6.0])
        .min_col_width(90.0)
        .show(ui, add);
}
