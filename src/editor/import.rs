//! The import box's state: a table pasted or read from a `.csv` file (UTF-8 or GBK), its
//! columns mapped to a ranking's or a case chart's fields, and what applying it would make,
//! worked out against the document. Plain data and methods, tested natively; the panel that
//! shows it is `app::import`.

use crate::editor::doc::{ids, kind_of, metric_referenced, text_parts, Edit};
use crate::editor::encoding::{self, Choice, Encoding};
use crate::editor::mapping::{self, Built, Field, Note, Target};
use crate::editor::pending::{self, Columns, PendingImport, SetAside};
use crate::editor::table;
use serde_json::Value;
use std::collections::HashSet;

/// One section's import box.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportState {
    pub section: usize,
    pub target: Target,
    pub text: String,
    /// A chosen file: its name and bytes (decoded again when the encoding changes).
    pub file: Option<(String, Vec<u8>)>,
    pub choice: Choice,
    pub decoded: Option<(Encoding, bool)>,
    pub rows: Vec<Vec<String>>,
    /// The line of the text each row starts on, for the notes.
    pub lines: Vec<usize>,
    /// The sheet's title lines above the table, left out (`mapping::title_lines`).
    pub titles: Vec<String>,
    pub header: bool,
    pub mapping: Vec<Field>,
    pub replace: bool,
    /// Text pasted, typed or edited in the box that a chosen file's text replaced, or that the
    /// box's text was last swapped with (`ImportMsg::RestoreText`).
    pub set_aside: Option<SetAside>,
    /// A spreadsheet workbook chosen as the file: named in the panel and not read, so the
    /// box keeps what it had.
    pub workbook: Option<String>,
    /// What applying would produce (kept up to date by `refresh`).
    pub built: Built,
    /// The browser refused to keep the pasted text (storage full or turned off): the panel
    /// says so, as a reload would lose it.
    pub not_stored: bool,
}

/// What the person does in the box.
pub enum ImportMsg {
    Open(usize),
    Close,
    Text(String),
    ChooseFile,
    File(String, Vec<u8>),
    /// Swaps the box's text with the text kept aside (`ImportState::set_aside`).
    RestoreText,
    Encoding(String),
    Header(bool),
    Map(usize, String),
    Replace(bool),
    Apply,
}

impl ImportState {
    pub fn new(section: usize, doc: &Value) -> Option<ImportState> {
        let target = Target::of_section(doc.pointer(&format!("/sections/{section}")).and_then(kind_of)?)?;
        Some(ImportState {
            section,
            target,
            text: String::new(),
            file: None,
            choice: Choice::Auto,
            decoded: None,
            rows: Vec::new(),
            lines: Vec::new(),
            titles: Vec::new(),
            header: false,
            mapping: Vec::new(),
            // Replace by default: re-importing an updated sheet is the common case, and adding
            // its rows after the old ones silently doubled every row. Where the section has
            // rows the panel says how many go, and one undo step brings them back.
            replace: true,
            set_aside: None,
            workbook: None,
            built: Built {
                entries: Vec::new(),
                notes: Vec::new(),
                row_heading: None,
                value_heading: None,
                rows: Vec::new(),
            },
            not_stored: false,
        })
    }

    /// The box of section `section` as it was before a reload: the kept text, read with the
    /// person's column choices if they still fit the table, else read again as on a paste.
    /// (Of a chosen file, the kept text is what the file's text had replaced in the box.)
    pub fn restore(section: usize, doc: &Value, kept: PendingImport) -> Option<ImportState> {
        let mut state = ImportState::new(section, doc)?;
        state.text = kept.text;
        state.set_aside = kept.set_aside;
        state.reparse();
        if let Some(columns) = kept.columns.filter(|c| c.fit(state.target, state.width())) {
            state.header = columns.header;
            state.mapping = columns.mapping;
        }
        state.refresh(doc);
        Some(state)
    }

    /// The same box after a change (an undo, a redo, an edit of the JSON, a list button) turned
    /// `before` into `after`: on its section, wherever that is now (found by its id, else its
    /// index), with the text, file and choices as they were, and the result worked out again
    /// against `after`. `None` when no section a table can fill is left there. Should the
    /// section have become the other kind a table fills, its columns are read again for that
    /// kind's fields.
    pub fn follow(&self, before: &Value, after: &Value) -> Option<ImportState> {
        let id = before.pointer(&format!("/sections/{}/id", self.section)).and_then(Value::as_str).unwrap_or_default();
        let section = pending::find_section(after, self.section, id)?;
        // Found at its index only (its id is gone): the section renamed, not another section that
        // moved there when this one was removed (one whose id was elsewhere before).
        let found = after.pointer(&format!("/sections/{section}/id")).and_then(Value::as_str).unwrap_or_default();
        let elsewhere_before = before.get("sections").and_then(Value::as_array).is_some_and(|sections| {
            sections
                .iter()
                .enumerate()
                .any(|(i, s)| i != self.section && s.get("id").and_then(Value::as_str) == Some(found))
        });
        if found != id && elsewhere_before {
            return None;
        }
        let mut state = ImportState::new(section, after)?;
        if state.target == self.target {
            state = ImportState { section, ..self.clone() };
        } else {
            state.text = self.text.clone();
            state.file = self.file.clone();
            state.choice = self.choice;
            state.replace = self.replace;
            state.not_stored = self.not_stored;
            // Columns chosen for the other kind's fields would not fit: read again on return.
            state.set_aside = self.set_aside.clone().map(|aside| SetAside { columns: None, ..aside });
            state.workbook = self.workbook.clone();
            state.decode();
        }
        state.refresh(after);
        Some(state)
    }

    /// The field of the section that holds the entries a table makes.
    pub fn list_name(target: Target) -> &'static str {
        match target {
            Target::Ranking => "rows",
            Target::CaseStats | Target::Metrics => "items",
        }
    }

    pub fn array(&self) -> String {
        format!("/sections/{}/{}", self.section, Self::list_name(self.target))
    }

    /// How many columns the table has (rows are padded to the widest).
    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }

    fn reparse(&mut self) {
        let mut table = table::parse(&self.text, table::detect_delimiter(&self.text));
        let titles = mapping::title_lines(&table.rows);
        self.titles = table
            .rows
            .drain(..titles)
            .map(|row| row.into_iter().map(|c| c.trim().to_string()).find(|c| !c.is_empty()).unwrap_or_default())
            .collect();
        table.lines.drain(..titles);
        (self.rows, self.lines) = (table.rows, table.lines);
        self.header = mapping::guess_header(&self.rows);
        self.mapping = mapping::guess_mapping(self.target, &self.rows, self.header);
    }

    fn decode(&mut self) {
        if let Some((_, bytes)) = &self.file {
            let d = encoding::decode(bytes, self.choice);
            self.decoded = Some((d.encoding, d.had_errors));
            self.text = d.text;
        }
        self.reparse();
    }

    /// The person's column choices, as kept with a text.
    fn columns(&self) -> Columns {
        Columns { header: self.header, mapping: self.mapping.clone() }
    }

    /// What to keep across reloads while it is not applied: pasted or typed text with the
    /// column choices and the text kept aside; of a chosen file only its name (the file is still
    /// there to choose again), with the text kept aside in the box in its place.
    pub fn pending(&self, doc: &Value) -> Option<PendingImport> {
        let id = doc.pointer(&format!("/sections/{}/id", self.section)).and_then(Value::as_str).unwrap_or_default();
        let kept = PendingImport {
            section: self.section,
            section_id: id.to_string(),
            text: String::new(),
            file: None,
            columns: None,
            set_aside: None,
        };
        // A file's text is not kept: the pasted text it replaced goes back in the box instead.
        let aside_in_box = |aside: Option<&SetAside>| {
            let (text, columns) = aside.map_or((String::new(), None), |a| (a.text.clone(), a.columns.clone()));
            PendingImport { text, columns, ..kept.clone() }
        };
        if let Some((name, _)) = &self.file {
            return Some(PendingImport { file: Some(name.clone()), ..aside_in_box(self.set_aside.as_ref()) });
        }
        if self.text.trim().is_empty() {
            return self.set_aside.as_ref().map(|aside| aside_in_box(Some(aside)));
        }
        Some(PendingImport {
            text: self.text.clone(),
            columns: Some(self.columns()),
            set_aside: self.set_aside.clone(),
            ..kept
        })
    }

    /// Whether the box's table is over `MAX_KEPT_BYTES`, so a reload would lose it.
    pub fn too_big_to_keep(&self) -> bool {
        self.file.is_none() && self.text.len() > pending::MAX_KEPT_BYTES
    }

    /// Whether the text kept aside would not be kept across a reload: with the box's table it
    /// is over `MAX_KEPT_BYTES` (the box's table is kept first).
    pub fn aside_too_big_to_keep(&self) -> bool {
        let text = if self.file.is_some() { 0 } else { self.text.len() };
        !self.too_big_to_keep() && self.set_aside.as_ref().is_some_and(|a| !pending::aside_fits(text, a.text.len()))
    }

    /// The table's data rows (without the header).
    pub fn body(&self) -> &[Vec<String>] {
        if self.header && !self.rows.is_empty() {
            &self.rows[1..]
        } else {
            &self.rows
        }
    }

    /// Works out again what applying would produce, against the current document.
    pub fn refresh(&mut self, doc: &Value) {
        self.built = self.build(doc);
    }

    fn build(&self, doc: &Value) -> Built {
        let mut taken: HashSet<String> = ids(doc);
        if self.replace {
            for e in doc.pointer(&self.array()).and_then(Value::as_array).into_iter().flatten() {
                if let Some(id) = e.get("id").and_then(Value::as_str) {
                    taken.remove(id);
                }
            }
        }
        let base = doc
            .pointer(&format!("/sections/{}/id", self.section))
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .unwrap_or("item")
            .to_string();
        let header = self.rows.first().filter(|_| self.header).map(Vec::as_slice);
        let mut built = mapping::build(self.target, header, self.body(), &self.mapping, &taken, &base);
        built.notes.splice(0..0, self.titles.iter().map(|cell| Note::TitleLine { cell: cell.clone() }));
        if self.replace {
            let replaced = doc.pointer(&self.array()).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
            // Key figures are referred to by rankings, by id: the figures the table gives again
            // keep theirs, and what it does not give.
            if self.target == Target::Metrics {
                let kept = mapping::keep_metrics(&mut built.entries, replaced);
                if kept.matched > 0 {
                    built.notes.push(Note::KeptMetrics { count: kept.matched });
                }
                if !kept.restated.is_empty() {
                    built.notes.push(Note::MetricsRestated { names: kept.restated });
                }
                if !kept.dropped.is_empty() {
                    // A ranking's rows name figures by id: removing one leaves them naming nothing.
                    let name = |item: &Value| text_parts(item.get("label")).0;
                    let dropped: Vec<&Value> = kept.dropped.iter().filter_map(|&i| replaced.get(i)).collect();
                    let names = dropped.iter().map(|item| name(item)).collect();
                    let referenced = dropped
                        .iter()
                        .filter(|item| {
                            item.get("id").and_then(Value::as_str).is_some_and(|id| metric_referenced(doc, id))
                        })
                        .map(|item| name(item))
                        .collect();
                    built.notes.push(Note::MetricsDropped { names, referenced });
                }
            }
            let count = mapping::keep_english(&mut built.entries, replaced);
            if count > 0 {
                built.notes.push(Note::KeptEnglish { count });
            }
        }
        // The headings the section has (the person's), and whether the rows only add to others.
        let has_rows = doc.pointer(&self.array()).and_then(Value::as_array).is_some_and(|rows| !rows.is_empty());
        let kept = |key: &str| doc.pointer(&format!("/sections/{}/{key}", self.section)).map(|v| text_parts(Some(v)).0);
        mapping::keep_headings(
            &mut built,
            kept("row_heading").as_deref(),
            kept("value_heading").as_deref(),
            has_rows && !self.replace,
        );
        // A rank beyond the section's group, said before applying (the checks say it after).
        if let (Target::Ranking, Some(size)) = (self.target, mapping::group_size(doc, self.section)) {
            mapping::note_ranks_beyond_group(&mut built, size);
        }
        built
    }

    /// Handles a message; returns the edit to apply when the person applies the table.
    pub fn update(&mut self, msg: ImportMsg, doc: &Value) -> Option<Edit> {
        match msg {
            ImportMsg::Text(text) => {
                // A text set aside stays: the person may be fixing a cell of the file's text.
                self.text = text;
                (self.file, self.decoded, self.workbook) = (None, None, None);
                self.reparse();
            }
            // Not read (the panel says what to do instead): the box keeps what it had.
            ImportMsg::File(name, bytes) if encoding::is_workbook(&bytes) => self.workbook = Some(name),
            ImportMsg::File(name, bytes) => {
                // Text pasted, typed or edited in the box (not a file's, which can be chosen
                // again) is kept aside, the latest in place of any kept before.
                if self.file.is_none() && !self.text.trim().is_empty() {
                    let columns = Some(self.columns());
                    self.set_aside = Some(SetAside { text: std::mem::take(&mut self.text), columns });
                }
                self.workbook = None;
                self.file = Some((name, bytes));
                self.decode();
            }
            // The two texts swap: what the box holds now is kept aside in turn.
            ImportMsg::RestoreText => {
                if let Some(SetAside { text, columns }) = self.set_aside.take() {
                    let now = SetAside { text: std::mem::replace(&mut self.text, text), columns: Some(self.columns()) };
                    self.set_aside = Some(now).filter(|now| !now.text.trim().is_empty());
                    (self.file, self.decoded, self.workbook) = (None, None, None);
                    self.reparse();
                    if let Some(columns) = columns.filter(|c| c.fit(self.target, self.width())) {
                        (self.header, self.mapping) = (columns.header, columns.mapping);
                    }
                }
            }
            ImportMsg::Encoding(name) => {
                self.choice = Choice::from_name(&name);
                self.decode();
            }
            ImportMsg::Header(on) => {
                self.header = on;
                self.mapping = mapping::guess_mapping(self.target, &self.rows, self.header);
            }
            ImportMsg::Map(col, key) => {
                let field = Field::from_key(&key);
                if field != Field::Ignore {
                    // One column per field: a column that had it gives it up.
                    for f in self.mapping.iter_mut().filter(|f| **f == field) {
                        *f = Field::Ignore;
                    }
                }
                if let Some(slot) = self.mapping.get_mut(col) {
                    *slot = field;
                }
            }
            ImportMsg::Replace(on) => self.replace = on,
            ImportMsg::Apply => {
                let built = self.build(doc);
                let mut entries = if self.replace {
                    Vec::new()
                } else {
                    doc.pointer(&self.array()).and_then(Value::as_array).cloned().unwrap_or_default()
                };
                entries.extend(built.entries);
                return Some(Edit::Set { ptr: self.array(), value: Some(Value::Array(entries)) });
            }
            ImportMsg::Open(_) | ImportMsg::Close | ImportMsg::ChooseFile => {}
        }
        None
    }
}
