//! The editor page (browser only): its state and messages (the payload being edited, undo and
//! redo, autosave, opening files, the checks, imports) and what each message does; the form is
//! drawn by `form`, the panels around it (problem list, preview, outputs) by `panels`.

mod dom;
mod form;
mod import;
mod panels;
mod preview;

use self::form::{FieldNote, Form, FormCtx, KindQuestion, Refs, KIND_KEEP};
use self::import::{ImportMsg, ImportState};
use crate::editor::doc::{self, Edit};
use crate::editor::history::History;
use crate::editor::json::{self, SyntaxError};
use crate::editor::nav;
use crate::editor::output::{self, PayloadPlace, SnippetSettings};
use crate::editor::pending::PendingImport;
use crate::editor::strings::{strings, Strings};
use crate::editor::{check_editing, open_file, Status};
use crate::i18n::fill;
use crate::model::Lang;
use crate::report::Outcome;
use crate::snippet::BuildFiles;
use crate::validate::{Problem, Severity};
use crate::view::ReportView;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use serde_json::{json, Value};
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Where the work is kept between visits.
const WORK_KEY: &str = "report-widget-editor/work";
const PREFS_KEY: &str = "report-widget-editor/prefs";
/// A table pasted into an import box and not applied yet (`pending::PendingImport`). Its own
/// key, so a large paste the browser refuses to store never costs the work its place.
const IMPORT_KEY: &str = "report-widget-editor/import";
/// The example payload the build puts into the page.
/// The page's example payload (a `<script type="application/json">`), with its name in each
/// language (`data-name-zh`, `data-name-en`) and its file name (`data-file`).
const EXAMPLE_ID: &str = "rw-example";
/// How long typing pauses before the checks and the preview catch up.
const DEBOUNCE_MS: u32 = 300;
const JSON_AREA: &str = "json-text";
/// The safe answer to "replace the report?", focused first.
const REPLACE_KEEP: &str = "replace-keep";
const SNIPPET_AREA: &str = "snippet-text";

/// Mounts the editor on `#editor-root`.
pub fn start() {
    dom::install_panic_hook(strings(Lang::Zh).crashed);
    // The preview's SVG/PNG buttons: this build holds the export code, no loader fetches it.
    crate::embed::exporter::install_local_bridge();
    crate::embed::install_local_collate();
    let Some(root) = dom::document().get_element_by_id("editor-root") else { return };
    root.set_inner_html("");
    yew::Renderer::<EditorApp>::with_root(root).render();
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Form,
    Json,
}

/// Where focus goes after the next render.
enum Focus {
    /// The first of these element ids that exists.
    Ids(Vec<String>),
    /// A line of the JSON text.
    JsonLine(usize),
}

/// What the start buttons put in the place of the current report.
enum Replacement {
    Empty,
    Example(Value),
    /// An opened file: its name, its document, and whether it passed the checks (one that did
    /// not was opened anyway, to fix it here).
    File {
        name: String,
        value: Value,
        valid: bool,
    },
    /// A file that is not JSON, into the JSON tab as text not yet applied, to fix it there.
    Draft {
        name: String,
        text: String,
    },
}

/// A file that could not be opened as it is.
struct OpenFailure {
    name: String,
    problems: Vec<Problem>,
    /// Parsed but invalid: it can still be opened to fix it.
    value: Option<Value>,
    /// Not JSON (a syntax error): its text, which the JSON tab can take to fix it there.
    text: Option<String>,
}

pub enum Msg {
    Edit(Edit),
    /// Adds a new entry at the end of the list at `array` (`list` is its field name; `section`
    /// the index of the section holding it), then focuses `focus` inside the new entry.
    Add {
        array: String,
        list: String,
        section: Option<usize>,
        focus: String,
    },
    AddSection(crate::model::SectionKind),
    /// Turns section `n` into another kind (its id, title and intro stay); asks first when
    /// that removes what the section holds.
    SetKind(usize, crate::model::SectionKind),
    /// The kind change asked about: made, or not.
    KindConfirm,
    KindCancel,
    /// Focus entered section `n` of the form: the preview scrolls to it.
    Follow(usize),
    /// An edit, then focus on the first existing element of these ids.
    EditFocus(Edit, Vec<String>),
    Undo,
    Redo,
    Checked,
    JsonInput(String),
    DropJson,
    Tab(Tab),
    /// To a problem's field: the problem as the list showed it, not its place in the list, which
    /// the check after a pause in typing may have changed by the time of the click.
    GoTo(Box<Problem>),
    GoToJsonError,
    /// To the English field of the first text without English.
    GoToUntranslated,
    /// F8 (`true`) or Shift+F8: the next or previous problem from the focused field.
    NextProblem(bool),
    NewEmpty,
    NewExample,
    /// The replacement asked about (work not downloaded would go): made, or not.
    ReplaceConfirm,
    ReplaceCancel,
    OpenClick,
    OpenChosen(Event),
    Opened(String, Vec<u8>),
    OpenAnyway,
    /// A file that is not JSON, into the JSON tab as text not yet applied, to fix it there.
    OpenInJson,
    OpenCancel,
    /// The discard button: asks first (inline, no native dialog).
    DiscardAsk,
    DiscardCancel,
    /// Discard confirmed.
    Discard,
    DismissNotice,
    UiLang(Lang),
    PreviewLang(Lang),
    Theme(&'static str),
    Import(ImportMsg),
    /// Cells of a spreadsheet (tab-separated) pasted into the text field at `ptr`: they go to
    /// its section's table import, where there is one, instead of into one name.
    PastedTable {
        ptr: String,
        text: String,
    },
    ImportFileChosen(Event),
    OutputToggle(bool),
    FileName(String),
    Place(bool),
    PayloadId(String),
    PayloadUrl(String),
    Base(String),
    SnippetLang(String),
    SnippetTheme(String),
    Prerender(bool),
    Prerendered(PrerenderKey, String),
    Download,
    Copy,
    Copied(bool),
    /// The editor in another tab of this browser saved its work over this one's.
    OtherTabSaved,
}

pub struct EditorApp {
    doc: Rc<Value>,
    /// The page's example, if it has one (the button that loads it shows only then).
    example: Option<ExampleInfo>,
    /// The document's JSON text as the editor writes it.
    text: Rc<String>,
    history: History<Rc<Value>>,
    /// The JSON view's text when it is not `text` (being typed, or with a syntax error).
    json_draft: Option<String>,
    json_error: Option<SyntaxError>,
    status: Rc<Status>,
    /// Whether `status` is older than the document (the check is waiting for typing to pause).
    stale: bool,
    errors: Rc<HashMap<String, FieldNote>>,
    /// Each of `status.problems`' messages, with the places it names put into words.
    messages: Rc<Vec<String>>,
    /// The last valid report and its view, for the preview.
    last_valid: Option<Rc<crate::model::Report>>,
    view: Option<Rc<ReportView>>,
    timer: Option<Timeout>,
    /// The section the preview was last scrolled to.
    followed: Option<usize>,
    /// What the English of texts whose Chinese was edited was written for (`editor::english`):
    /// English left behind is pointed out beside its field. Kept with the work.
    english: crate::editor::english::Watch,
    /// The import box last applied, with the document its rows made: undoing that step opens
    /// the box again.
    applied_import: Option<(Rc<Value>, Rc<ImportState>)>,
    /// A section the form went to that the preview does not show yet (just added, or the
    /// report not valid since): followed once a render of the preview has it.
    to_follow: Option<usize>,
    ui: Lang,
    preview_lang: Lang,
    theme: &'static str,
    tab: Tab,
    focus: Option<Focus>,
    notice: Option<String>,
    notice_discard: bool,
    /// The discard button was pressed: the question and its two answers show in its place.
    confirm_discard: bool,
    /// A new, example or opened report waiting for the person's answer: it would replace
    /// work that was not downloaded (after a reload, undo could not bring it back).
    confirm_replace: Option<Replacement>,
    /// A kind change waiting for the person's answer: it would remove the section's entries.
    kind_question: Option<KindQuestion>,
    open_failure: Option<OpenFailure>,
    /// The name of a file opened into the JSON tab to fix it: the report's once its text parses.
    draft_file_name: Option<String>,
    import: Option<Rc<ImportState>>,
    /// What is kept in local storage of the open import's unapplied text (to write it only
    /// when it changes).
    kept_import: Option<PendingImport>,
    output_open: bool,
    file_name: String,
    /// Started from the example or blank, and its file name not changed by the person: the
    /// Chinese title it started with (the example's, or none). Once the report has another it is
    /// another bureau's or year's report (or a new one), which the example's file name
    /// (`lanshan-2021.json`) or `report.json` no longer names: its name comes from its period
    /// (`report-2022.json`), so that each year's file has its own.
    example_title: Option<String>,
    /// The snippet panel's site-wide choices (kept with the preferences).
    snippet: SnippetSettings,
    payload_id: String,
    /// The snippet's `data-src` as the person typed it; `None` follows the file name.
    payload_url: Option<String>,
    /// The id field being typed in and the id its references point to meanwhile
    /// ([`doc::set_id`]).
    renaming: Option<(String, String)>,
    /// The last prerendered snippet, and what it was made from.
    prerendered: Option<(PrerenderKey, Rc<String>)>,
    prerender_pending: bool,
    /// The text last downloaded, copied or opened: anything else is unsaved.
    exported: Option<Rc<String>>,
    unsaved: Rc<Cell<bool>>,
    stored: bool,
    /// Another tab saved its work in the one place this browser keeps it: only the last save
    /// is kept, so the person is told to download.
    other_tab: bool,
    /// Whether the last copy of the snippet worked, said beside its button until the report
    /// changes (the notice at the top is out of view there).
    copy_said: Option<bool>,
    /// Where focus goes after an undo or redo if the focused element went with it.
    focus_if_lost: Option<Vec<String>>,
    /// After a check: the focused field is scrolled back into view if its messages moved it.
    keep_focus_in_view: bool,
    send: Callback<Msg>,
    _listeners: Vec<EventListener>,
}

/// What a prerendered snippet depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct PrerenderKey {
    text: Rc<String>,
    id: String,
    base: String,
    lang: String,
    theme: String,
}

/// The widget's own server-side rendering of a report (the editor's build has Yew's server
/// renderer: the `editor` feature); `printed`: as on paper, for the snippet's plain copy.
async fn render_report(report: Rc<crate::model::Report>, lang: Lang, theme: &str, printed: bool) -> Option<String> {
    use crate::report::{Widget, WidgetProps};
    let view = Rc::new(ReportView::new(&report, lang));
    let theme = crate::view::Theme { printed, ..crate::view::Theme::parse(theme) };
    Some(
        yew::LocalServerRenderer::<Widget>::with_props(WidgetProps {
            outcome: Outcome::Report(view),
            theme,
            live: false,
        })
        .render()
        .await,
    )
}

fn example() -> Option<Value> {
    dom::element_text(EXAMPLE_ID).and_then(|t| json::parse(&t).ok())
}

/// What the page says about its example: its name in each language ("兰山区示例") and its
/// file name. Read once: the page's example does not change.
struct ExampleInfo {
    zh: String,
    en: String,
    file: String,
}

impl ExampleInfo {
    fn from_page() -> Option<ExampleInfo> {
        dom::document().get_element_by_id(EXAMPLE_ID)?;
        let attribute = |name: &str, otherwise: &str| {
            dom::element_attribute(EXAMPLE_ID, name).unwrap_or_else(|| otherwise.to_string())
        };
        Some(ExampleInfo {
            zh: attribute("data-name-zh", "示例"),
            en: attribute("data-name-en", "the example"),
            file: attribute("data-file", "example.json"),
        })
    }

    fn name(&self, ui: Lang) -> &str {
        if ui == Lang::En {
            &self.en
        } else {
            &self.zh
        }
    }
}

impl EditorApp {
    fn t(&self) -> &'static Strings {
        strings(self.ui)
    }

    /// Replaces the document; `record` makes it an undo step (merged with the previous one
    /// when `key` names the same field typed into moments ago).
    fn set_doc(&mut self, value: Value, key: Option<String>, record: bool) {
        self.set_doc_as(value, key, record, None);
    }

    /// As [`EditorApp::set_doc`], the step said by `label` when it is undone or redone
    /// ("删除第1节 › 第2项“PM2.5浓度”"); without one, by the first place it changed.
    fn set_doc_as(&mut self, value: Value, key: Option<String>, record: bool, label: Option<String>) {
        let old = std::mem::replace(&mut self.doc, Rc::new(value));
        if record {
            self.history.record_labelled(old, key.as_deref(), label, dom::now());
        }
        self.text = Rc::new(json::to_pretty(&self.doc));
        self.drop_json_draft();
        self.changed();
    }

    /// After every change of the document: save, mark unsaved, schedule the checks.
    fn changed(&mut self) {
        // A question about a section asked before the change may no longer fit it.
        self.kind_question = None;
        self.copy_said = None;
        self.save();
        self.unsaved.set(self.exported.as_deref() != Some(&*self.text));
        self.stale = true;
        let send = self.send.clone();
        self.timer = Some(Timeout::new(DEBOUNCE_MS, move || send.emit(Msg::Checked)));
    }

    fn run_check(&mut self) {
        self.timer = None;
        self.stale = false;
        let status = check_editing(&self.doc, self.text.len(), &self.english);
        let t = self.t();
        let messages: Vec<String> = status
            .problems
            .iter()
            .map(|p| {
                let message = nav::pointers_in_words(p.message(self.ui), |at| self.crumbs(t, at));
                if self.ui == Lang::Zh {
                    nav::without_keys(&nav::fields_in_words(&message, |key| t.field_word(key)))
                } else {
                    nav::as_sentence(&message)
                }
            })
            .collect();
        // One note a field: its first error, else its first warning.
        let mut errors: HashMap<String, FieldNote> = HashMap::new();
        for (p, message) in status.problems.iter().zip(&messages) {
            let error = p.severity == Severity::Error;
            let note = errors.entry(p.pointer.clone()).or_insert(FieldNote { message: message.clone(), error });
            if error && !note.error {
                *note = FieldNote { message: message.clone(), error };
            }
        }
        // A repeated id is marked at its first use too: either may be the one just typed.
        for p in &status.problems {
            if let Some(first) = nav::first_use_of_id(&p.pointer, p.message(Lang::En)) {
                let entry = p.pointer.trim_end_matches("/id");
                let said = t.id_also_at.replace("{place}", &self.crumbs(t, entry));
                errors.entry(first.to_string()).or_insert(FieldNote { message: said, error: true });
            }
        }
        self.errors = Rc::new(errors);
        self.messages = Rc::new(messages);
        if let Some(report) = &status.report {
            let report = Rc::new(report.clone());
            // With its text: the preview's CSV files are made from it, as the widget's are.
            let source = Rc::from(self.text.as_str());
            self.view = Some(Rc::new(ReportView::new(&report, self.preview_lang).with_source(source)));
            self.last_valid = Some(report);
        }
        self.status = Rc::new(status);
    }

    fn save(&mut self) {
        let work = json!({
            "doc": *self.text,
            "json_draft": self.json_draft.as_ref().filter(|_| self.json_error.is_some()),
            "clean": self.exported.as_deref() == Some(&*self.text),
            "file_name": self.file_name,
            "example_title": self.example_title,
            "english": self.english.to_value(),
            "saved_at": dom::now(),
        });
        self.stored = dom::store_set(WORK_KEY, &work.to_string());
    }

    /// Keeps the open import box's unapplied text across reloads, or forgets it once the box
    /// is applied, cancelled or closed.
    fn keep_import(&mut self) {
        let pending = self.import.as_ref().and_then(|s| s.pending(&self.doc));
        if pending == self.kept_import {
            return;
        }
        // Too large to keep (see `MAX_KEPT_BYTES`; the panel says so): nothing is kept.
        let kept = match pending.as_ref().and_then(PendingImport::to_stored) {
            Some(stored) => {
                let kept = dom::store_set(IMPORT_KEY, &stored);
                if !kept {
                    // An older text left there must not come back in its place.
                    dom::store_remove(IMPORT_KEY);
                }
                kept
            }
            None => {
                dom::store_remove(IMPORT_KEY);
                true
            }
        };
        // Refused (storage full or turned off): the panel says a reload would lose the table.
        if let Some(state) = self.import.as_mut().filter(|s| s.not_stored == kept) {
            Rc::make_mut(state).not_stored = !kept;
        }
        self.kept_import = pending;
    }

    /// After a change turned `before` into the current document (an undo, a redo, an edit of
    /// the JSON, a list button): the open import box stays, with its text, on its section
    /// wherever that is now, and works out its result again. Undo acts on the report, not on the
    /// box. If the section is gone, the box closes; where the change was not made on that
    /// section in the form, the notice says why, naming it (`action`).
    fn follow_import(&mut self, before: &Value, action: Option<&str>) {
        let Some(state) = self.import.take() else { return };
        match state.follow(before, &self.doc) {
            Some(state) => self.import = Some(Rc::new(state)),
            None => {
                if let Some(action) = action {
                    self.say(self.t().import_closed.replace("{action}", action));
                }
            }
        }
    }

    fn save_prefs(&self) {
        let prefs = json!({
            "ui": self.ui.tag(),
            "preview_lang": self.preview_lang.tag(),
            "theme": self.theme,
            "snippet": self.snippet,
        });
        dom::store_set(PREFS_KEY, &prefs.to_string());
    }

    /// Says `notice` at the top (a live region), without the discard button some notices carry.
    fn say(&mut self, notice: String) {
        self.notice = Some(notice);
        self.notice_discard = false;
    }

    /// A change of what the snippet says: kept for the next visit, and "copied" beside its
    /// button no longer holds.
    fn set_snippet(&mut self, change: impl FnOnce(&mut SnippetSettings)) {
        change(&mut self.snippet);
        self.copy_said = None;
        self.save_prefs();
    }

    fn prerender_key(&self) -> PrerenderKey {
        PrerenderKey {
            text: self.text.clone(),
            id: output::element_id(&self.payload_id),
            base: self.snippet.base.clone(),
            lang: self.snippet.lang.clone(),
            theme: self.snippet.theme.clone(),
        }
    }

    fn prerender_wanted(&self) -> bool {
        self.output_open && self.snippet.inline && self.snippet.prerender
    }

    /// Starts rendering the prerendered snippet when it is wanted and out of date.
    fn want_prerender(&mut self) {
        if !self.prerender_wanted() || self.prerender_pending || self.stale {
            return;
        }
        let Some(report) = self.status.report.clone() else { return };
        let key = self.prerender_key();
        if self.prerendered.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        self.prerender_pending = true;
        let send = self.send.clone();
        let css = dom::meta("rw-widget-css").unwrap_or_default();
        let wasm = dom::meta("rw-widget-wasm").filter(|w| !w.is_empty());
        let integrity = dom::meta("rw-widget-sri").as_deref().and_then(crate::snippet::BuildIntegrity::from_sri_txt);
        wasm_bindgen_futures::spawn_local(async move {
            let lang = Lang::from_code(&key.lang);
            let report = Rc::new(report);
            let html = render_report(report.clone(), lang, &key.theme, false).await.unwrap_or_default();
            let printed = render_report(report, lang, &key.theme, true).await.unwrap_or_default();
            let dist_files = BuildFiles { stylesheet: &css, wasm: wasm.as_deref() };
            let snippet = output::prerendered_snippet(
                &key.text,
                &html,
                &printed,
                &dist_files,
                &key.id,
                &key.base,
                &key.lang,
                Some(&key.theme),
                integrity,
            );
            send.emit(Msg::Prerendered(key, snippet));
        });
    }

    /// The prerendered snippet if it is wanted and ready for the current data.
    fn prerendered_now(&self) -> Option<Rc<String>> {
        let key = self.prerender_key();
        self.prerendered.as_ref().filter(|(k, _)| *k == key && !self.stale).map(|(_, s)| s.clone())
    }

    /// The snippet's `data-src`: what the person typed, else the downloaded file's name under
    /// `reports/`.
    fn payload_url(&self) -> String {
        self.payload_url.clone().unwrap_or_else(|| output::payload_url(&self.file_name()))
    }

    /// The name the payload downloads as: the person's, or the opened file's; for a report
    /// started from the example or blank and given its title, one from its period (see
    /// `example_title`).
    fn file_name(&self) -> String {
        match &self.example_title {
            Some(title) if doc::text_parts(self.doc.pointer("/meta/title")).0 != *title => {
                output::file_name_for_period(&doc::text_parts(self.doc.pointer("/meta/period")).0)
            }
            _ => self.file_name.clone(),
        }
    }

    /// Names the report's file: from here on the name is the person's (or the opened file's).
    fn set_file_name(&mut self, name: String) {
        self.file_name = name;
        self.example_title = None;
    }

    /// A blank report's file: `report.json`, named from its period once it has a title.
    fn name_blank_report(&mut self) {
        self.file_name = "report.json".into();
        self.example_title = Some(String::new());
    }

    fn snippet(&self) -> String {
        if self.prerender_wanted() {
            return self.prerendered_now().map(|s| (*s).clone()).unwrap_or_default();
        }
        let place = if self.snippet.inline {
            PayloadPlace::Inline { id: output::element_id(&self.payload_id) }
        } else {
            PayloadPlace::File { url: self.payload_url() }
        };
        output::embed_snippet(&self.text, &place, &self.snippet.base, &self.snippet.lang, Some(&self.snippet.theme))
    }

    /// Forgets the JSON tab's text not applied, its error, and the name of the file it came from
    /// (which does not name the report).
    fn drop_json_draft(&mut self) {
        self.json_draft = None;
        self.json_error = None;
        self.draft_file_name = None;
    }

    /// Text typed or put into the JSON tab: the report once it parses (one undo step, as any
    /// edit), else kept as it is with its error.
    fn json_input(&mut self, text: String) {
        match json::parse(&text) {
            Ok(value) => {
                if value != *self.doc {
                    let old = std::mem::replace(&mut self.doc, Rc::new(value));
                    self.history.record(old.clone(), Some("json"), dom::now());
                    self.text = Rc::new(json::to_pretty(&self.doc));
                    // An open import box follows its section here too (moved, renumbered,
                    // removed in the JSON), as after an undo.
                    self.follow_import(&old, Some(self.t().json_edit));
                }
                // A file's text opened here to fix it names the report once it is the report.
                if let Some(name) = self.draft_file_name.take() {
                    self.set_file_name(name);
                }
                self.json_error = None;
                self.json_draft = Some(text);
                self.changed();
            }
            Err(e) => {
                self.json_error = Some(e);
                self.json_draft = Some(text);
                self.save();
                self.unsaved.set(true);
            }
        }
    }

    /// Puts `replacement` in the place of the current report, or first asks (in the page) when
    /// that report has changes not downloaded: after a reload, undo could not bring them back.
    fn replace_or_ask(&mut self, replacement: Replacement) {
        if self.unsaved.get() {
            self.confirm_replace = Some(replacement);
            self.focus = Some(Focus::Ids(vec![REPLACE_KEEP.into()]));
        } else {
            self.replace(replacement);
        }
    }

    /// Applies an edit from a list button (add, remove, move) and moves the focus to `ids`
    /// (the first that exists): says what was removed or moved, as a live region, since the
    /// button pressed may be gone.
    fn edit_and_focus(&mut self, edit: Edit, ids: Vec<String>) {
        let mut value = (*self.doc).clone();
        // What a removal takes, named before it goes: said in the notice (a live region),
        // with the way back; the button pressed is gone and no other says so.
        let t = self.t();
        let removed = match &edit {
            Edit::Remove { array, index } => Some(self.crumbs(t, &format!("{array}/{index}"))),
            _ => None,
        };
        // A group still named by ranks: said with its removal, not only by the checks.
        let still_used = match &edit {
            Edit::Remove { array, index } if array == "/groups" => self
                .doc
                .pointer(&format!("/groups/{index}/id"))
                .and_then(Value::as_str)
                .filter(|id| !id.is_empty())
                .map_or(0, |id| doc::group_uses(&self.doc, id)),
            _ => 0,
        };
        if doc::apply(&mut value, &edit) {
            self.english.list_edit(&edit);
            // Said when it is undone or redone, and a move at once: the button pressed
            // keeps the focus, and its new name is not read again.
            let step = match &edit {
                Edit::Remove { .. } => removed.as_ref().map(|what| t.step_remove.replace("{what}", what)),
                Edit::Insert { array, index, .. } => {
                    Some(t.step_add.replace("{what}", &self.crumbs_of(&value, t, &format!("{array}/{index}"))))
                }
                Edit::Move { array, from, to } => {
                    let what = self.crumbs(t, &format!("{array}/{from}"));
                    let step = if to < from { t.step_up } else { t.step_down };
                    // Its new number: "第2项" / "第9节".
                    let now = match array.as_str() {
                        "/sections" => t.section_word(*to),
                        "/groups" => t.group_word(*to),
                        _ => t.list_word(array.rsplit('/').next().unwrap_or(""), *to),
                    };
                    let step = step.replace("{what}", &what);
                    // In one pass: a label in `step` may itself hold "{now}".
                    self.say(fill(t.moved, &[("step", &step), ("now", &now)]));
                    Some(step)
                }
                _ => None,
            };
            if let Some(what) = removed {
                let mut said = t.removed.replace("{what}", &what);
                if still_used > 0 {
                    said.push_str(&t.group_still_used.replace("{n}", &still_used.to_string()));
                }
                self.say(said);
            }
            let before = self.doc.clone();
            self.set_doc_as(value, None, true, step);
            self.history.seal();
            // Lists change shape: an open table import follows its section (moved, or
            // with a row more or less), and closes with it if it was removed, which the
            // person sees for themselves.
            self.follow_import(&before, None);
            // Structural changes show at once (the check still runs after the pause).
            self.run_check();
        }
        self.focus = Some(Focus::Ids(ids));
    }

    /// Undoes (or redoes) one step, says what changed where, and keeps the focus in the page;
    /// `false` when there was no step to take.
    fn step_history(&mut self, undo: bool) -> bool {
        let current = self.doc.clone();
        let on_button = dom::focused_id().as_deref() == Some(if undo { "undo" } else { "redo" });
        let result = if undo { self.history.undo_labelled(current) } else { self.history.redo_labelled(current) };
        if let Ok((previous, step)) = result {
            let before = std::mem::replace(&mut self.doc, previous);
            self.text = Rc::new(json::to_pretty(&self.doc));
            self.drop_json_draft();
            let t = self.t();
            // Said, with the place it changed: the change may be in a field far from
            // the focus, out of view (a live region, so a screen reader hears it too).
            // An import box closed by it says so instead (`follow_import`).
            let done = if undo { t.undone } else { t.redone };
            let changed_at = doc::first_difference(&before, &self.doc);
            // The focused entry may be gone with the step: then focus goes to its place.
            // The button pressed may be disabled by it (the last step undone): then to
            // the other one, which this step enables, not to the page.
            self.focus_if_lost = if on_button {
                Some(vec![(if undo { "redo" } else { "undo" }).to_string()])
            } else {
                changed_at.as_deref().map(nav::candidates)
            };
            let place = step.or_else(|| changed_at.map(|at| self.crumbs(t, &at)));
            self.say(match place.filter(|p| !p.is_empty()) {
                Some(place) => format!("{done}{}{place}", t.sep),
                None => done.to_string(),
            });
            self.follow_import(&before, Some(if undo { t.undo } else { t.redo }));
            // The import undone: its box comes back with its table and choices, to change one.
            // Redone: the table is in the section again, and its box closes (applying it once
            // more would add its rows twice).
            let reopened = match &self.applied_import {
                Some((after, state)) if undo && self.import.is_none() && Rc::ptr_eq(after, &before) => {
                    state.follow(&before, &self.doc)
                }
                _ => None,
            };
            // (Only that table's box: another table pasted meanwhile stays.)
            let redone = !undo
                && self.applied_import.as_ref().is_some_and(|(after, applied)| {
                    Rc::ptr_eq(after, &self.doc)
                        && self
                            .import
                            .as_ref()
                            .is_some_and(|open| open.section == applied.section && open.text == applied.text)
                });
            let also = if let Some(state) = reopened {
                self.import = Some(Rc::new(state));
                Some(t.import_reopened)
            } else if redone {
                self.import = None;
                Some(t.import_closed_redone)
            } else {
                None
            };
            if let Some(also) = also {
                let said = self.notice.take().unwrap_or_default();
                self.say(t.then(&said, also));
            }
            self.changed();
            true
        } else {
            false
        }
    }

    /// A message of the open import box: open or close it, choose a file, or change what it
    /// reads, and apply it (its rows and headings, one undo step, said with their counts).
    /// `false` when nothing on the page changes.
    fn on_import(&mut self, msg: ImportMsg) -> bool {
        match msg {
            ImportMsg::Open(section) => {
                self.import = ImportState::new(section, &self.doc).map(|mut state| {
                    state.refresh(&self.doc);
                    Rc::new(state)
                });
                self.focus = Some(Focus::Ids(vec![format!("paste-{section}")]));
            }
            ImportMsg::Close => {
                if let Some(state) = self.import.take() {
                    self.focus = Some(Focus::Ids(vec![format!("import:{}", state.section)]));
                }
            }
            ImportMsg::ChooseFile => {
                if let Some(state) = &self.import {
                    dom::click(&format!("csv-{}", state.section));
                }
                return false;
            }
            other => {
                let t = self.t();
                let Some(state) = self.import.as_mut() else { return false };
                let state = Rc::make_mut(state);
                // The text switched back in is what the person reads next.
                if matches!(other, ImportMsg::RestoreText) {
                    self.focus = Some(Focus::Ids(vec![format!("paste-{}", state.section)]));
                }
                let had_aside = state.set_aside.is_some();
                let applied = state.update(other, &self.doc);
                state.refresh(&self.doc);
                // Said once, as it happens (the panel's line beside its button is not a live region).
                let newly_aside = !had_aside && state.set_aside.is_some();
                if let Some(edit) = applied {
                    let section = state.section;
                    let array = state.array();
                    let before = self.doc.pointer(&array).and_then(Value::as_array).map_or(0, Vec::len);
                    let replaced = state.replace;
                    // The headings the table gave its columns, set with the rows, and the
                    // words that say so after applying.
                    let headings: Vec<(&str, String, &str)> = [
                        ("row_heading", &state.built.row_heading, t.applied_heading),
                        ("value_heading", &state.built.value_heading, t.applied_value_heading),
                    ]
                    .into_iter()
                    .filter_map(|(key, heading, said)| Some((key, heading.clone()?, said)))
                    .collect();
                    let applied_box = self.import.take();
                    let mut value = (*self.doc).clone();
                    if doc::apply(&mut value, &edit) {
                        // The rows and the headings their table gave them: one step.
                        for (key, heading, _) in &headings {
                            let ptr = format!("/sections/{section}/{key}");
                            doc::apply(&mut value, &Edit::Set { ptr, value: Some(Value::String(heading.clone())) });
                        }
                        let after = value.pointer(&array).and_then(Value::as_array).map_or(0, Vec::len);
                        let added = if replaced { after } else { after - before };
                        let step = t.step_import.replace("{what}", &self.crumbs(t, &format!("/sections/{section}")));
                        self.set_doc_as(value, None, true, Some(step));
                        self.history.seal();
                        self.applied_import = applied_box.map(|state| (self.doc.clone(), state));
                        self.run_check();
                        let numbers = [added.to_string(), before.to_string(), after.to_string()];
                        let counts = [("n", &*numbers[0]), ("old", &*numbers[1]), ("total", &*numbers[2])];
                        let mut said = match (replaced, before) {
                            (_, 0) => fill(t.applied, &counts),
                            (true, _) => fill(t.applied_replaced, &counts),
                            (false, _) => fill(t.applied_appended, &counts),
                        };
                        for (_, heading, words) in &headings {
                            said.push_str(&words.replace("{header}", heading));
                        }
                        self.say(said);
                        let first = if replaced { 0 } else { before };
                        self.focus = Some(Focus::Ids(vec![
                            nav::field_id(&format!("{array}/{first}")),
                            format!("import:{section}"),
                        ]));
                    }
                } else if newly_aside {
                    self.say(t.set_aside.to_string());
                }
            }
        }
        true
    }

    fn replace(&mut self, replacement: Replacement) {
        let t = self.t();
        self.confirm_replace = None;
        // Whatever replaces the report, a failed file's problem list is about a report no longer asked for.
        self.open_failure = None;
        match replacement {
            Replacement::Empty => {
                self.name_blank_report();
                self.replace_with(doc::empty_report(), t.started_empty.to_string(), t.new_empty.to_string());
                self.mark_clean();
                self.focus = Some(Focus::Ids(vec![nav::field_id("/meta/title/zh")]));
                self.tab = Tab::Form;
            }
            Replacement::Example(value) => {
                let (file, name) = match &self.example {
                    Some(example) => (example.file.clone(), example.name(self.ui).to_string()),
                    None => ("example.json".into(), String::new()),
                };
                self.file_name = file;
                self.example_title = Some(doc::text_parts(value.pointer("/meta/title")).0);
                let name = [("name", name.as_str())];
                self.replace_with(value, fill(t.loaded_example, &name), fill(t.new_example, &name));
                self.mark_clean();
            }
            Replacement::Draft { name, text } => {
                // Its own undo step, not merged with JSON typed a moment before; the current work
                // stays the report (and keeps its file name) until the text parses.
                self.history.seal();
                self.draft_file_name = Some(output::file_name(&name));
                self.tab = Tab::Json;
                self.json_input(text);
                self.history.seal();
                self.say(t.opened_in_json.to_string());
                // At the error's line, selected, as the checks' link to it does.
                let text = self.json_draft.clone().unwrap_or_default();
                self.focus = Some(match &self.json_error {
                    Some(e) => Focus::JsonLine(json::line_to_change(&text, e)),
                    None => Focus::Ids(vec![JSON_AREA.to_string()]),
                });
            }
            Replacement::File { name, value, valid } => {
                self.set_file_name(output::file_name(&name));
                self.replace_with(value, t.opened.replace("{name}", &name), t.step_open.replace("{name}", &name));
                if valid {
                    self.mark_clean();
                } else {
                    self.tab = Tab::Form;
                    self.focus = Some(Focus::Ids(vec!["problems-h".into()]));
                }
            }
        }
    }

    /// The work was downloaded or copied: a question about losing it, and the other tab's
    /// warning, no longer hold.
    fn work_is_safe(&mut self) {
        self.confirm_replace = None;
        self.other_tab = false;
    }

    /// The document is what was last opened or started: nothing in it is unsaved.
    fn mark_clean(&mut self) {
        self.exported = Some(self.text.clone());
        self.unsaved.set(false);
        self.save();
    }

    /// Turns section `section` into `kind` (an undo step), focus staying on its kind.
    fn change_kind(&mut self, ctx: &Context<Self>, section: usize, kind: crate::model::SectionKind) -> bool {
        let ptr = format!("/sections/{section}");
        let Some(current) = self.doc.pointer(&ptr) else { return false };
        let value = doc::with_kind(&self.doc, current, kind);
        let focus = vec![nav::field_id(&format!("{ptr}/kind"))];
        Component::update(self, ctx, Msg::EditFocus(Edit::Set { ptr, value: Some(value) }, focus))
    }

    /// Puts `value` in the place of the report: `step` names it for undo ("载入兰山区示例").
    fn replace_with(&mut self, value: Value, notice: String, step: String) {
        // Undo brings back whatever was there, even work restored after a reload (no history yet).
        let had_work =
            *self.doc != value && (self.history.can_undo() || self.unsaved.get() || *self.doc != doc::empty_report());
        self.set_doc_as(value, None, true, Some(step));
        self.history.seal();
        self.import = None;
        self.english = Default::default();
        self.say(if had_work { self.t().then(&notice, self.t().replaced_undo) } else { notice });
        self.run_check();
    }

    /// Opens the import box of the section `pending` belongs to, with its text (on start).
    fn restore_import(&mut self, pending: PendingImport) {
        let Some(section) = pending.section_in(&self.doc) else {
            dom::store_remove(IMPORT_KEY);
            return;
        };
        let t = self.t();
        let said = match &pending.file {
            Some(name) if pending.text.trim().is_empty() => t.import_file_not_kept.replace("{name}", name),
            Some(name) => t.then(&t.import_file_not_kept.replace("{name}", name), t.import_set_aside_back),
            None => t.import_restored.to_string(),
        };
        // A file's name is what is stored until the box changes (it is said once).
        let file_kept = pending.file.is_some().then(|| pending.clone());
        let Some(state) = ImportState::restore(section, &self.doc, pending) else { return };
        self.kept_import = file_kept.or_else(|| state.pending(&self.doc));
        self.import = Some(Rc::new(state));
        self.notice = Some(match &self.notice {
            Some(notice) => t.then(notice, &said),
            None => said,
        });
    }

    fn go_to_problem(&mut self, problem: &Problem) {
        if let Some((line, _)) = problem.position {
            self.tab = Tab::Json;
            self.focus = Some(Focus::JsonLine(line));
            return;
        }
        // The form, unless the field is one the form does not show (an unknown field, say) or
        // the JSON view holds text the form does not (a syntax error there).
        if form_has(&problem.pointer) && self.json_error.is_none() {
            self.tab = Tab::Form;
            self.focus = Some(Focus::Ids(nav::candidates(&problem.pointer)));
        } else {
            // A field the form does not show (an unknown one, say): its line in the JSON text.
            self.tab = Tab::Json;
            let text = self.json_draft.clone().unwrap_or_else(|| (*self.text).clone());
            let line =
                json::locate(&text).map_or(1, |found| json::line_of(&text, json::offset_of(&found, &problem.pointer)));
            self.focus = Some(Focus::JsonLine(line));
        }
    }
}

/// Whether the form has a control for a pointer (used when the JSON tab is showing and the
/// form's elements are not in the page): every known field has one, unknown fields do not.
fn form_has(pointer: &str) -> bool {
    let last = pointer.rsplit('/').next().unwrap_or("");
    const KNOWN: &[&str] = &[
        "schema",
        "meta",
        "title",
        "publisher",
        "date",
        "period",
        "source_url",
        "synthetic",
        "note",
        "groups",
        "id",
        "label",
        "size",
        "sections",
        "intro",
        "kind",
        "items",
        "value",
        "unit",
        "qualifier",
        "direction",
        "bounds",
        "min",
        "max",
        "change",
        "basis",
        "ranks",
        "group",
        "position",
        "source",
        "row_heading",
        "value_heading",
        "rows",
        "metric",
        "value_rank",
        "change_rank",
        "resolved",
        "year",
        "marked",
        "month",
        "reward",
        "text",
        "paragraphs",
        "zh",
        "en",
    ];
    last.parse::<usize>().is_ok() || KNOWN.contains(&last)
}

impl Component for EditorApp {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let send = ctx.link().callback(|m: Msg| m);
        let prefs: Value = dom::store_get(PREFS_KEY).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or(Value::Null);
        let lang_of = |key: &str| Lang::from_code(prefs.get(key).and_then(Value::as_str).unwrap_or("zh"));
        let ui = lang_of("ui");
        let t = strings(ui);
        dom::document().document_element().map(|e| e.set_attribute("lang", ui.tag()));

        // The work kept from the last visit, if any.
        let work: Option<Value> = dom::store_get(WORK_KEY).and_then(|s| serde_json::from_str(&s).ok());
        let restored = work.as_ref().and_then(|w| {
            let text = w.get("doc")?.as_str()?;
            Some((json::parse(text).ok()?, w))
        });
        let mut notice = None;
        let mut notice_discard = false;
        let mut work_restored = false;
        let mut file_name = "report.json".to_string();
        let example_title;
        let mut json_draft = None;
        let mut clean = true;
        let mut english = crate::editor::english::Watch::default();
        let value = match restored {
            Some((value, w)) => {
                let at = w.get("saved_at").and_then(Value::as_f64).map(dom::local_time).unwrap_or_default();
                notice = Some(t.restored.replace("{time}", &at));
                notice_discard = true;
                work_restored = true;
                if let Some(name) = w.get("file_name").and_then(Value::as_str) {
                    file_name = name.to_string();
                }
                example_title = w.get("example_title").and_then(Value::as_str).map(str::to_string);
                json_draft = w.get("json_draft").and_then(Value::as_str).map(str::to_string);
                clean = w.get("clean").and_then(Value::as_bool).unwrap_or(false);
                if let Some(kept) = w.get("english") {
                    english = crate::editor::english::Watch::from_value(kept);
                }
                value
            }
            None => {
                // Saved text that no longer parses (a truncated write, say) is not thrown away:
                // it comes back in the JSON view, with its error, to be fixed.
                if let Some(text) = work.as_ref().and_then(|w| w.get("doc")).and_then(Value::as_str) {
                    json_draft = Some(text.to_string());
                    clean = false;
                }
                // A blank report, named from its period once it has a title.
                example_title = Some(String::new());
                doc::empty_report()
            }
        };
        let text = Rc::new(json::to_pretty(&value));
        let unsaved = Rc::new(Cell::new(!clean));

        let window = gloo::utils::window();
        let mut listeners = Vec::new();
        {
            let unsaved = unsaved.clone();
            let message = t.before_unload;
            listeners.push(EventListener::new(&window, "beforeunload", move |e| {
                if unsaved.get() {
                    e.prevent_default();
                    if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        e.set_return_value(message);
                    }
                }
            }));
        }
        {
            // Fired only in the other tabs of this origin, never in the one that wrote.
            let send = send.clone();
            listeners.push(EventListener::new(&window, "storage", move |e| {
                if e.dyn_ref::<web_sys::StorageEvent>().and_then(|e| e.key()).as_deref() == Some(WORK_KEY) {
                    send.emit(Msg::OtherTabSaved);
                }
            }));
        }
        {
            let send = send.clone();
            // Not passive: the browser's own undo must not run as well as ours.
            let active = gloo::events::EventListenerOptions::enable_prevent_default();
            listeners.push(EventListener::new_with_options(&window, "keydown", active, move |e| {
                let Some(k) = e.dyn_ref::<KeyboardEvent>() else { return };
                // As in code editors: from a field just fixed straight to the next problem.
                if k.key() == "F8" && !(k.ctrl_key() || k.meta_key() || k.alt_key()) {
                    e.prevent_default();
                    send.emit(Msg::NextProblem(!k.shift_key()));
                    return;
                }
                if !(k.ctrl_key() || k.meta_key()) || k.alt_key() {
                    return;
                }
                // Text that is not the document (the JSON being typed, a paste box, the output
                // settings) keeps the browser's own undo.
                let in_json = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
                    el.id() == JSON_AREA
                        || el.id().starts_with("paste-")
                        || el.closest(".ed-output").ok().flatten().is_some()
                });
                let key = k.key().to_lowercase();
                let msg = match key.as_str() {
                    "z" if k.shift_key() => Some(Msg::Redo),
                    "z" => Some(Msg::Undo),
                    "y" => Some(Msg::Redo),
                    _ => None,
                };
                if let Some(msg) = msg {
                    if !in_json {
                        e.prevent_default();
                        send.emit(msg);
                    }
                }
            }));
        }

        let mut app = EditorApp {
            example: ExampleInfo::from_page(),
            doc: Rc::new(value),
            text: text.clone(),
            history: History::default(),
            json_draft: None,
            json_error: None,
            status: Rc::new(Status { report: None, problems: Vec::new() }),
            stale: true,
            errors: Rc::default(),
            messages: Rc::default(),
            last_valid: None,
            view: None,
            timer: None,
            followed: None,
            to_follow: None,
            english,
            applied_import: None,
            ui,
            preview_lang: lang_of("preview_lang"),
            theme: if prefs.get("theme").and_then(Value::as_str) == Some("dark") { "dark" } else { "light" },
            tab: Tab::Form,
            focus: None,
            notice,
            notice_discard,
            confirm_discard: false,
            confirm_replace: None,
            kind_question: None,
            open_failure: None,
            draft_file_name: None,
            import: None,
            kept_import: None,
            output_open: false,
            file_name,
            example_title,
            snippet: SnippetSettings::from_prefs(&prefs, &dom::page_folder()),
            payload_id: "report-payload".into(),
            payload_url: None,
            renaming: None,
            prerendered: None,
            prerender_pending: false,
            exported: clean.then(|| text.clone()),
            unsaved,
            stored: true,
            other_tab: false,
            copy_said: None,
            focus_if_lost: None,
            keep_focus_in_view: false,
            send,
            _listeners: listeners,
        };
        if let Some(draft) = json_draft {
            app.json_error = json::parse(&draft).err();
            app.json_draft = Some(draft);
            app.tab = Tab::Json;
        }
        // A table pasted and not applied before the reload comes back in its import box.
        let pending = dom::store_get(IMPORT_KEY).and_then(|s| PendingImport::from_stored(&s));
        // Only beside the work it was pasted into: after a discard there is none.
        match pending.filter(|_| work_restored) {
            Some(pending) => app.restore_import(pending),
            None => dom::store_remove(IMPORT_KEY),
        }
        app.run_check();
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Edit(edit) => {
                if matches!(&edit, Edit::Set { ptr, .. } if ptr.starts_with("/sections/") && ptr.matches('/').count() == 2)
                {
                    self.import = None;
                }
                match &edit {
                    Edit::SetText { ptr, lang: Lang::Zh, .. } => self.english.chinese_edit(ptr, &self.doc),
                    Edit::SetText { ptr, lang: Lang::En, .. } => self.english.english_edit(ptr),
                    _ => {}
                }
                let mut value = (*self.doc).clone();
                let applied = match &edit {
                    // An id typed in: the references to it follow from one keystroke to the next.
                    Edit::Set { ptr, value: id } => {
                        let from = self.renaming.as_ref().filter(|(at, _)| at == ptr).map(|(_, from)| from.as_str());
                        let (applied, refs_at) = doc::set_id(&mut value, ptr, id.clone(), from);
                        self.renaming = refs_at.map(|from| (ptr.clone(), from));
                        applied
                    }
                    _ => doc::apply(&mut value, &edit),
                };
                if applied && value != *self.doc {
                    self.english.list_edit(&edit);
                    self.set_doc(value, edit.coalesce_key(), true);
                    if !matches!(edit, Edit::Set { .. } | Edit::SetText { .. } | Edit::SetNumber { .. }) {
                        self.history.seal();
                    }
                }
            }
            Msg::Add { array, list, section, focus } => {
                let holder = section.and_then(|s| self.doc.pointer(&format!("/sections/{s}")));
                let item = doc::new_entry(&self.doc, holder, &list);
                let len = self.doc.pointer(&array).and_then(Value::as_array).map_or(0, Vec::len);
                let target = nav::field_id(&format!("{array}/{len}{focus}"));
                return Component::update(
                    self,
                    ctx,
                    Msg::EditFocus(Edit::Insert { array, index: len, item }, vec![target]),
                );
            }
            Msg::AddSection(kind) => {
                let len = self.doc.pointer("/sections").and_then(Value::as_array).map_or(0, Vec::len);
                let item = doc::new_section(&self.doc, kind);
                let target = nav::field_id(&format!("/sections/{len}/title/zh"));
                return Component::update(
                    self,
                    ctx,
                    Msg::EditFocus(Edit::Insert { array: "/sections".into(), index: len, item }, vec![target]),
                );
            }
            Msg::SetKind(section, kind) => {
                let Some(current) = self.doc.pointer(&format!("/sections/{section}")) else { return false };
                let dropped = doc::dropped_by_kind_change(&self.doc, current);
                if dropped > 0 {
                    // The select shows the kind the section still has while the question is open.
                    self.kind_question = Some(KindQuestion { section, kind, dropped });
                    self.focus = Some(Focus::Ids(vec![KIND_KEEP.into()]));
                    return true;
                }
                self.kind_question = None;
                return self.change_kind(ctx, section, kind);
            }
            Msg::KindConfirm => {
                let Some(KindQuestion { section, kind, dropped }) = self.kind_question.take() else { return false };
                let t = self.t();
                self.change_kind(ctx, section, kind);
                self.say(crate::i18n::fill(t.kind_changed, &[("kind", t.kind(kind)), ("n", &dropped.to_string())]));
            }
            Msg::KindCancel => {
                if let Some(question) = self.kind_question.take() {
                    self.focus = Some(Focus::Ids(vec![nav::field_id(&format!("/sections/{}/kind", question.section))]));
                }
            }
            Msg::Follow(index) => {
                if self.followed == Some(index) {
                    self.to_follow = None;
                } else {
                    // The preview's anchor for the section, if the report it shows has this section
                    // there (it may show an earlier state of the report): the anchor the widget
                    // gives it now, by the widget's own rule.
                    let id = self.doc.pointer(&format!("/sections/{index}/id")).and_then(Value::as_str);
                    let anchor = id.and_then(|_| {
                        let sections = self.doc.get("sections")?.as_array()?;
                        let ids = sections.iter().map(|s| s.get("id").and_then(Value::as_str).unwrap_or_default());
                        let wanted = crate::view::section_anchors(ids).into_iter().nth(index)?;
                        let shown = &self.view.as_ref()?.sections.get(index)?.anchor;
                        (*shown == wanted).then_some(wanted)
                    });
                    if id.is_none() || anchor.is_some_and(|anchor| dom::follow_in_preview(&anchor)) {
                        (self.followed, self.to_follow) = (Some(index), None);
                    } else {
                        self.to_follow = Some(index);
                    }
                }
                return false;
            }
            Msg::EditFocus(edit, ids) => self.edit_and_focus(edit, ids),
            Msg::Undo | Msg::Redo => {
                if !self.step_history(matches!(msg, Msg::Undo)) {
                    return false;
                }
            }
            Msg::Checked => {
                self.run_check();
                // The messages it adds above the focused field may push it out of view.
                self.keep_focus_in_view = true;
            }
            Msg::JsonInput(text) => self.json_input(text),
            Msg::DropJson => {
                self.drop_json_draft();
                self.save();
            }
            Msg::Tab(tab) => {
                if tab == Tab::Form && self.json_error.is_none() {
                    // Back to the form: the JSON view will show the editor's own layout again.
                    self.json_draft = None;
                }
                self.tab = tab;
                self.focus = Some(Focus::Ids(vec![format!("tab-{}", if tab == Tab::Form { "form" } else { "json" })]));
            }
            Msg::GoTo(problem) => {
                if self.stale {
                    self.run_check();
                }
                self.go_to_problem(&problem);
            }
            Msg::NextProblem(forward) => {
                if self.stale {
                    self.run_check();
                }
                if self.json_error.is_some() {
                    return Component::update(self, ctx, Msg::GoToJsonError);
                }
                let places: Vec<_> = match self.tab {
                    Tab::Form => self
                        .status
                        .problems
                        .iter()
                        .map(|p| dom::place_from_focus(&nav::candidates(&p.pointer)))
                        .collect(),
                    Tab::Json => vec![None; self.status.problems.len()],
                };
                match nav::next_problem(&places, forward) {
                    Some((i, went_round)) => {
                        // Said, as the person may think the list went on.
                        if went_round {
                            let t = self.t();
                            self.say(if forward { t.wrapped_to_first } else { t.wrapped_to_last }.to_string());
                        }
                        let problem = self.status.problems[i].clone();
                        self.go_to_problem(&problem);
                    }
                    None => {
                        self.say(self.t().no_problems.to_string());
                    }
                }
            }
            Msg::GoToUntranslated => {
                if let Some(ptr) = doc::untranslated(&self.doc).into_iter().next() {
                    self.tab = Tab::Form;
                    let mut ids = vec![nav::field_id(&format!("{ptr}/en"))];
                    ids.extend(nav::candidates(&ptr));
                    self.focus = Some(Focus::Ids(ids));
                }
            }
            Msg::GoToJsonError => {
                if let Some(e) = &self.json_error {
                    self.tab = Tab::Json;
                    let text = self.json_draft.as_deref().unwrap_or(&self.text);
                    self.focus = Some(Focus::JsonLine(json::line_to_change(text, e)));
                }
            }
            Msg::NewEmpty => self.replace_or_ask(Replacement::Empty),
            Msg::NewExample => match example() {
                Some(value) => self.replace_or_ask(Replacement::Example(value)),
                // A page whose example was edited by hand, or never filled in.
                None => {
                    let name = self.example.as_ref().map(|e| e.name(self.ui)).unwrap_or_default();
                    self.say(fill(self.t().example_unreadable, &[("name", name)]));
                }
            },
            Msg::ReplaceConfirm => {
                if let Some(replacement) = self.confirm_replace.take() {
                    self.replace(replacement);
                }
            }
            Msg::ReplaceCancel => {
                // Back to the button that asked.
                let button = match self.confirm_replace.take() {
                    Some(Replacement::Example(_)) => "new-example",
                    // Asked from a failed file's list, which stays until the file is opened or refused.
                    Some(Replacement::File { valid: false, .. }) => "open-anyway",
                    Some(Replacement::Draft { .. }) => "open-in-json",
                    Some(Replacement::File { .. }) => "open-json-button",
                    _ => "new-empty",
                };
                self.focus = Some(Focus::Ids(vec![button.into()]));
            }
            Msg::OpenClick => {
                dom::click("open-json");
                return false;
            }
            Msg::OpenChosen(e) => {
                if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    let send = self.send.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Some((name, bytes)) = dom::read_chosen_file(input).await {
                            send.emit(Msg::Opened(name, bytes));
                        }
                    });
                }
                return false;
            }
            Msg::Opened(name, bytes) => {
                match open_file(&bytes) {
                    Ok((value, status)) if status.report.is_some() => {
                        self.open_failure = None;
                        self.replace_or_ask(Replacement::File { name, value, valid: true });
                    }
                    Ok((value, status)) => {
                        self.open_failure =
                            Some(OpenFailure { name, problems: status.problems, value: Some(value), text: None })
                    }
                    Err(problems) => {
                        // A syntax error has its line; a file too large has none and stays out.
                        let text = problems.iter().any(|p| p.position.is_some()).then(|| {
                            crate::editor::encoding::decode(&bytes, crate::editor::encoding::Choice::Auto).text
                        });
                        self.open_failure = Some(OpenFailure { name, problems, value: None, text })
                    }
                }
                if self.open_failure.is_some() {
                    self.focus = Some(Focus::Ids(vec!["open-failure".into()]));
                }
            }
            Msg::OpenAnyway => {
                // The problem list stays until the file is really opened: keeping one's work at
                // the replace question leaves it, and its buttons, where they were.
                if let Some(OpenFailure { name, value: Some(value), .. }) = &self.open_failure {
                    let replacement = Replacement::File { name: name.clone(), value: value.clone(), valid: false };
                    self.replace_or_ask(replacement);
                }
            }
            Msg::OpenInJson => {
                if self.json_error.is_some() {
                    // Text typed into the JSON tab that does not parse yet is the person's: never
                    // overwritten (the history keeps only text that parses).
                    self.say(self.t().draft_in_the_way.to_string());
                } else if let Some(OpenFailure { name, text: Some(text), .. }) = &self.open_failure {
                    // As any file that replaces the report: asked first if the work has changes
                    // not downloaded; the list stays until then.
                    let replacement = Replacement::Draft { name: name.clone(), text: text.clone() };
                    self.replace_or_ask(replacement);
                }
            }
            Msg::OpenCancel => {
                self.open_failure = None;
                // The replace question for that file, if it was asked, goes with it.
                if matches!(
                    self.confirm_replace,
                    Some(Replacement::File { valid: false, .. } | Replacement::Draft { .. })
                ) {
                    self.confirm_replace = None;
                }
                self.focus = Some(Focus::Ids(vec!["open-json-button".into()]));
            }
            Msg::DiscardAsk => {
                self.confirm_discard = true;
                // The safe answer first: Enter pressed twice by mistake keeps the work.
                self.focus = Some(Focus::Ids(vec!["discard-keep".into()]));
            }
            Msg::DiscardCancel => {
                self.confirm_discard = false;
                self.focus = Some(Focus::Ids(vec!["discard".into()]));
            }
            Msg::Discard => {
                let t = self.t();
                self.confirm_discard = false;
                // Back where the person was; the notice (a live region) says what happened.
                self.focus = Some(Focus::Ids(vec!["discard".into()]));
                self.set_doc(doc::empty_report(), None, true);
                self.history.seal();
                dom::store_remove(WORK_KEY);
                self.exported = Some(self.text.clone());
                self.unsaved.set(false);
                self.name_blank_report();
                self.import = None;
                self.timer = None;
                self.run_check();
                self.say(t.discarded.to_string());
                // Nothing is kept until the next change.
                dom::store_remove(WORK_KEY);
            }
            Msg::DismissNotice => {
                self.notice = None;
                self.focus = Some(Focus::Ids(vec!["tab-form".into()]));
            }
            Msg::UiLang(lang) => {
                self.ui = lang;
                // A message in the other language would stay behind: it is dismissed.
                self.notice = None;
                dom::document().document_element().map(|e| e.set_attribute("lang", lang.tag()));
                self.save_prefs();
                self.run_check();
            }
            Msg::PreviewLang(lang) => {
                self.preview_lang = lang;
                self.save_prefs();
                let source = self.view.as_ref().map_or_else(|| Rc::from(""), |v| v.source.clone());
                self.view = self.last_valid.as_ref().map(|r| Rc::new(ReportView::new(r, lang).with_source(source)));
            }
            Msg::Theme(theme) => {
                self.theme = theme;
                self.save_prefs();
            }
            Msg::PastedTable { ptr, text } => {
                let t = self.t();
                let section =
                    ptr.strip_prefix("/sections/").and_then(|rest| rest.split('/').next()?.parse::<usize>().ok());
                match section.and_then(|i| ImportState::new(i, &self.doc)) {
                    Some(mut state) => {
                        let i = state.section;
                        state.update(ImportMsg::Text(text), &self.doc);
                        state.refresh(&self.doc);
                        self.import = Some(Rc::new(state));
                        self.notice = Some(t.table_to_import.to_string());
                        self.focus = Some(Focus::Ids(vec![format!("paste-{i}")]));
                    }
                    None => self.notice = Some(t.table_not_here.to_string()),
                }
            }
            Msg::Import(msg) => {
                if !self.on_import(msg) {
                    return false;
                }
            }
            Msg::ImportFileChosen(e) => {
                if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    let send = self.send.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Some((name, bytes)) = dom::read_chosen_file(input).await {
                            send.emit(Msg::Import(ImportMsg::File(name, bytes)));
                        }
                    });
                }
                return false;
            }
            Msg::OutputToggle(open) => self.output_open = open,
            Msg::FileName(name) => self.set_file_name(name),
            // A change of what the snippet says: "copied" beside its button no longer holds.
            Msg::PayloadId(id) => (self.payload_id, self.copy_said) = (id, None),
            Msg::PayloadUrl(url) => (self.payload_url, self.copy_said) = (Some(url), None),
            Msg::Place(inline) => self.set_snippet(|s| s.inline = inline),
            Msg::Base(base) => self.set_snippet(|s| s.base = base),
            Msg::SnippetLang(lang) => self.set_snippet(|s| s.lang = lang),
            Msg::SnippetTheme(theme) => self.set_snippet(|s| s.theme = theme),
            Msg::Prerender(on) => self.set_snippet(|s| s.prerender = on),
            Msg::Prerendered(key, snippet) => {
                self.prerender_pending = false;
                self.prerendered = Some((key, Rc::new(snippet)));
            }
            Msg::Download => {
                let name = output::file_name(&self.file_name());
                if dom::download(&name, &self.text, "application/json;charset=utf-8").is_ok() {
                    self.exported = Some(self.text.clone());
                    self.unsaved.set(false);
                    self.work_is_safe();
                    self.save();
                    self.say(self.t().downloaded.replace("{name}", &name));
                }
            }
            Msg::Copy => {
                let snippet = self.snippet();
                if snippet.is_empty() {
                    return false;
                }
                let send = self.send.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = dom::copy_text(&snippet, SNIPPET_AREA).await;
                    send.emit(Msg::Copied(ok));
                });
                return false;
            }
            Msg::Copied(ok) => {
                let t = self.t();
                if ok && self.snippet.inline {
                    self.exported = Some(self.text.clone());
                    self.unsaved.set(false);
                    self.work_is_safe();
                    self.save();
                }
                self.say(if ok { t.copied } else { t.copy_failed }.to_string());
                self.copy_said = Some(ok);
            }
            Msg::OtherTabSaved => {
                if self.other_tab {
                    return false;
                }
                self.other_tab = true;
            }
        }
        self.keep_import();
        self.want_prerender();
        true
    }

    fn rendered(&mut self, _ctx: &Context<Self>, _first: bool) {
        if let Some(index) = self.to_follow {
            // After the preview's own render, which this render may have started. Not from a
            // timeout: Yew's scheduler yields to the browser every 16 ms and continues in a
            // timeout of its own, so the preview's render could come after one queued here (the
            // preview then never followed).
            let send = self.send.clone();
            yew::scheduler::after_dom_work(Box::new(move || send.emit(Msg::Follow(index))));
        }
        if let Some(ids) = self.focus_if_lost.take() {
            if dom::focus_lost() {
                dom::focus_first(&ids);
            }
        }
        if std::mem::take(&mut self.keep_focus_in_view) {
            // After the fields, which take the new messages from context in renders of their own
            // (which Yew may put off past a timeout queued now: see `to_follow` above).
            yew::scheduler::after_dom_work(Box::new(dom::focused_into_view));
        }
        match self.focus.take() {
            Some(Focus::Ids(ids)) => {
                dom::focus_first(&ids);
            }
            Some(Focus::JsonLine(line)) => {
                let text = self.json_draft.clone().unwrap_or_else(|| (*self.text).clone());
                let lines = text.lines().count();
                dom::select_in_textarea(JSON_AREA, json::line_range_utf16(&text, line), line, lines);
            }
            None => {}
        }
    }

    fn view(&self, _ctx: &Context<Self>) -> Html {
        let t = self.t();
        let form_ctx = FormCtx {
            send: self.send.clone(),
            t,
            errors: self.errors.clone(),
            import: self.import.clone(),
            refs: Rc::new(Refs::of(&self.doc)),
            kind_question: self.kind_question.clone(),
            // Only where a list is paged: a change of context renders every field again, which
            // a report of ordinary size need not pay at each focus move (F8 pressed quickly).
            focus_to: match (&self.focus, &self.focus_if_lost) {
                (Some(Focus::Ids(ids)), _) | (_, Some(ids)) if has_paged_list(&self.doc) => Some(ids.clone().into()),
                _ => None,
            },
        };
        html! {
            <div class="ed" lang={self.ui.tag()}>
                // For the keyboard: the side column is hundreds of Tabs after the form's start.
                <nav class="ed-skip" aria-label={t.skip_to}>
                    <a href="#problems-h">{ t.problems }</a>
                    <a href="#preview-h">{ t.preview }</a>
                    <a href="#output-summary">{ t.output }</a>
                </nav>
                { self.header(t) }
                { self.notices(t) }
                <main class="ed-main">
                    <section class="ed-edit" aria-labelledby="edit-h">
                        <h2 class="ed-visually-hidden" id="edit-h">{ t.edit_region }</h2>
                        { self.jump_to_checks(t) }
                        { self.tabs(t) }
                        if self.tab == Tab::Form {
                            <div class="ed-panel" role="tabpanel" id="panel-form" aria-labelledby="tab-form">
                                if self.json_error.is_some() {
                                    <div class="ed-warn" role="status">
                                        <p>{ t.json_broken_form }</p>
                                        <button type="button" class="ed-btn" onclick={self.send.reform(|_| Msg::GoToJsonError)}>{ t.go_to_json }</button>
                                        <button type="button" class="ed-btn" onclick={self.send.reform(|_| Msg::DropJson)}>{ t.drop_json }</button>
                                    </div>
                                }
                                <ContextProvider<FormCtx> context={form_ctx}>
                                    <Form doc={self.doc.clone()} />
                                </ContextProvider<FormCtx>>
                            </div>
                        } else {
                            { self.json_panel(t) }
                        }
                    </section>
                    <aside class="ed-side" aria-label={t.side_region}>
                        { self.problems(t) }
                        // Beside the form, this part scrolls under the checks, never behind
                        // them: what is focused in it is never hidden (editor.css).
                        <div class="ed-side-scroll">
                            { self.preview(t) }
                            { self.output(t) }
                        </div>
                    </aside>
                </main>
            </div>
        }
    }
}

/// Whether a section has a list long enough to be shown a page at a time.
fn has_paged_list(doc: &Value) -> bool {
    doc.get("sections").and_then(Value::as_array).into_iter().flatten().any(|section| {
        ["items", "rows", "marked", "paragraphs"]
            .iter()
            .any(|list| section.get(list).and_then(Value::as_array).is_some_and(|l| l.len() > form::LIST_PAGE))
    })
}
