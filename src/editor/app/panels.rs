//! The editor page's parts around the form: the header with its start and undo buttons, the
//! confirmations, notices, tabs, the JSON panel, the problem list, the preview and the outputs.

use super::form::{confirm_row, event_value, radio};
use super::preview::Preview;
use super::{dom, EditorApp, Msg, Replacement, Tab, JSON_AREA, SNIPPET_AREA};
use crate::editor::doc;
use crate::editor::json::SyntaxError;
use crate::editor::nav::{self, Crumb};
use crate::editor::output::BaseProblem;
use crate::editor::strings::Strings;
use crate::i18n::fill;
use crate::model::Lang;
use crate::report::Outcome;
use crate::validate::Severity;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

impl EditorApp {
    pub(super) fn header(&self, t: &'static Strings) -> Html {
        let on_ui = self.send.reform(|e: Event| Msg::UiLang(Lang::from_code(&event_value(&e))));
        html! {
            <header class="ed-bar">
                <div class="ed-bar-title">
                    <h1>{ t.app_title }</h1>
                    <p class="ed-lead">{ t.app_lead }</p>
                </div>
                <div class="ed-bar-tools">
                    <div class="ed-row" role="group" aria-label={t.start_group}>
                        <button type="button" class="ed-btn" id="new-empty" onclick={self.send.reform(|_| Msg::NewEmpty)}>{ t.new_empty }</button>
                        if let Some(example) = &self.example {
                            <button type="button" class="ed-btn" id="new-example" onclick={self.send.reform(|_| Msg::NewExample)}>{ fill(t.new_example, &[("name", example.name(self.ui))]) }</button>
                        }
                        <button type="button" class="ed-btn" id="open-json-button" onclick={self.send.reform(|_| Msg::OpenClick)}>{ t.open_json }</button>
                        <input type="file" id="open-json" accept=".json,application/json" hidden=true onchange={self.send.reform(Msg::OpenChosen)} />
                    </div>
                    <div class="ed-row">
                        <button type="button" class="ed-btn" id="undo" disabled={!self.history.can_undo()} aria-keyshortcuts="Control+Z"
                            onclick={self.send.reform(|_| Msg::Undo)}><span aria-hidden="true">{ "↶ " }</span>{ t.undo }</button>
                        <button type="button" class="ed-btn" id="redo" disabled={!self.history.can_redo()} aria-keyshortcuts="Control+Y Control+Shift+Z"
                            onclick={self.send.reform(|_| Msg::Redo)}><span aria-hidden="true">{ "↷ " }</span>{ t.redo }</button>
                        <label for="ui-lang">{ t.ui_language }</label>
                        <select id="ui-lang" class="ed-input ed-narrow" onchange={on_ui}>
                            <option value="zh" selected={self.ui == Lang::Zh} lang="zh-CN">{ "中文" }</option>
                            <option value="en" selected={self.ui == Lang::En} lang="en">{ "English" }</option>
                        </select>
                    </div>
                    <div class="ed-row ed-save" id="save-state">
                        <span class="ed-status">
                            { if self.stored { t.saved_here } else { t.not_saved } }
                            if self.unsaved.get() { { " · " }<span id="unsaved">{ t.unsaved_changes }</span> }
                        </span>
                        <span role="status" id="other-tab">if self.other_tab { { t.other_tab } }</span>
                        if !self.confirm_discard {
                            <button type="button" class="ed-btn ed-small ed-danger" id="discard" onclick={self.send.reform(|_| Msg::DiscardAsk)}>{ t.discard }</button>
                        }
                    </div>
                    if self.confirm_discard { { self.discard_confirm(t) } }
                    if self.confirm_replace.is_some() { { self.replace_confirm(t) } }
                </div>
            </header>
        }
    }

    /// The discard button's second step, in its place: the question (which names the group the
    /// focused answer is in, so a screen reader reads it), confirm, or keep (Escape too).
    pub(super) fn discard_confirm(&self, t: &'static Strings) -> Html {
        confirm_row(
            "discard",
            t.discard_question,
            (t.discard_confirm, self.send.reform(|()| Msg::Discard)),
            (t.keep_work, self.send.reform(|()| Msg::DiscardCancel)),
        )
    }

    /// A start button's second step when the report has changes not downloaded, below the
    /// start buttons: the question, replace, or keep (Escape too; focused first).
    pub(super) fn replace_confirm(&self, t: &'static Strings) -> Html {
        let question = match &self.confirm_replace {
            Some(Replacement::Empty) => t.replace_with_empty,
            Some(Replacement::Example(_)) => t.replace_with_example,
            Some(Replacement::File { .. } | Replacement::Draft { .. }) => t.replace_with_file,
            None => return html! {},
        };
        confirm_row(
            "replace",
            &crate::i18n::fill(t.replace_question, &[("what", question)]),
            (t.replace_confirm, self.send.reform(|()| Msg::ReplaceConfirm)),
            (t.keep_work, self.send.reform(|()| Msg::ReplaceCancel)),
        )
    }

    pub(super) fn notices(&self, t: &'static Strings) -> Html {
        html! {
            <>
                // The live region holds the words only: its buttons' names ("知道了") would be
                // read after every notice.
                <div class={classes!("ed-notices", self.notice.is_none().then_some("ed-none"))}>
                    <div class="ed-notice">
                        <p role="status" id="notice">
                            if let Some(notice) = &self.notice { <span id="notice-text">{ notice }</span> }
                        </p>
                        if self.notice.is_some() {
                            <div class="ed-row" id="notice-tools">
                                if self.notice_discard {
                                    <button type="button" class="ed-btn ed-small ed-danger" onclick={self.send.reform(|_| Msg::DiscardAsk)}>{ t.discard_restored }</button>
                                }
                                <button type="button" class="ed-btn ed-small" onclick={self.send.reform(|_| Msg::DismissNotice)}>{ t.dismiss }</button>
                            </div>
                        }
                    </div>
                </div>
                if let Some(failure) = &self.open_failure {
                    <div class="ed-alert" role="alert" id="open-failure" tabindex="-1">
                        <p><strong>{ t.open_failed.replace("{name}", &failure.name) }</strong></p>
                        <p>{ t.open_failed_lead }</p>
                        <ol class="ed-problem-list">
                            // A file that parsed names each place as the checks do ("报告信息 › 日期"),
                            // not by its pointer.
                            { for failure.problems.iter().take(30).map(|p| {
                                let place = failure.value.as_ref().filter(|_| p.position.is_none())
                                    .map(|v| self.crumbs_of(v, t, &p.pointer)).filter(|c| !c.is_empty());
                                html! {
                                    <li>
                                        if let Some(place) = place { { place }{ t.sep } } else { <code>{ p.location_in(self.ui) }</code>{ " " } }
                                        { p.message(self.ui) }
                                    </li>
                                }
                            }) }
                        </ol>
                        <div class="ed-row">
                            if failure.value.is_some() {
                                <button type="button" class="ed-btn" id="open-anyway" onclick={self.send.reform(|_| Msg::OpenAnyway)}>{ t.open_anyway }</button>
                            }
                            if failure.text.is_some() {
                                <button type="button" class="ed-btn" id="open-in-json" onclick={self.send.reform(|_| Msg::OpenInJson)}>{ t.open_in_json }</button>
                            }
                            <button type="button" class="ed-btn ed-primary" id="open-cancel" onclick={self.send.reform(|_| Msg::OpenCancel)}>{ t.keep_current }</button>
                        </div>
                    </div>
                }
            </>
        }
    }

    pub(super) fn tabs(&self, t: &'static Strings) -> Html {
        let tab = |which: Tab, id: &'static str, panel: &'static str, label: &'static str| {
            let selected = self.tab == which;
            let send = self.send.clone();
            let onkeydown = Callback::from(move |e: KeyboardEvent| {
                let other = if which == Tab::Form { Tab::Json } else { Tab::Form };
                let to = match e.key().as_str() {
                    "ArrowLeft" | "ArrowRight" => other,
                    "Home" => Tab::Form,
                    "End" => Tab::Json,
                    _ => return,
                };
                e.prevent_default();
                send.emit(Msg::Tab(to));
            });
            html! {
                <button type="button" role="tab" class="ed-tab" {id} aria-selected={if selected { "true" } else { "false" }}
                    aria-controls={selected.then_some(panel)} tabindex={if selected { "0" } else { "-1" }}
                    onclick={self.send.reform(move |_| Msg::Tab(which))} {onkeydown}>{ label }</button>
            }
        };
        html! {
            <div class="ed-tabs" role="tablist" aria-label={t.edit_region}>
                { tab(Tab::Form, "tab-form", "panel-form", t.tab_form) }
                { tab(Tab::Json, "tab-json", "panel-json", t.tab_json) }
            </div>
        }
    }

    pub(super) fn json_panel(&self, t: &'static Strings) -> Html {
        let text = self.json_draft.clone().unwrap_or_else(|| (*self.text).clone());
        let oninput = self.send.reform(|e: InputEvent| Msg::JsonInput(event_value(&e)));
        html! {
            <div class="ed-panel" role="tabpanel" id="panel-json" aria-labelledby="tab-json">
                <label for={JSON_AREA}>{ t.json_label }</label>
                <p class="ed-hint" id="json-help">{ t.json_help }</p>
                if let Some(e) = &self.json_error {
                    <p class="ed-field-error" id="json-error" role="status">
                        { fill(t.json_broken, &[("line", &e.line.to_string()), ("message", &syntax_message(e, t.lang))]) }
                    </p>
                }
                <textarea id={JSON_AREA} class="ed-input ed-json" value={text} {oninput} spellcheck="false" wrap="off"
                    aria-describedby={if self.json_error.is_some() { "json-help json-error" } else { "json-help" }}
                    aria-invalid={self.json_error.as_ref().map(|_| "true")}/>
            </div>
        }
    }

    pub(super) fn crumbs(&self, t: &'static Strings, pointer: &str) -> String {
        self.crumbs_of(&self.doc, t, pointer)
    }

    /// [`EditorApp::crumbs`] in another version of the document (one about to replace it).
    pub(super) fn crumbs_of(&self, report: &serde_json::Value, t: &'static Strings, pointer: &str) -> String {
        // A month calendar's `label` is what its marks mean, and the form calls it so.
        let calendar = |index: usize| {
            report.pointer(&format!("/sections/{index}")).and_then(doc::kind_of)
                == Some(crate::model::SectionKind::Calendar)
        };
        let mut in_calendar = false;
        nav::breadcrumb(report, pointer)
            .into_iter()
            .map(|c| match c {
                Crumb::Meta => t.meta.to_string(),
                Crumb::Group { index, name } => label_with(t, t.group_word(index), &name),
                Crumb::Section { index, name } => {
                    in_calendar = calendar(index);
                    label_with(t, t.section_word(index), &name)
                }
                Crumb::Entry { list, index, name } => {
                    in_calendar = false;
                    label_with(t, t.list_word(&list, index), &name)
                }
                Crumb::Field(f) if in_calendar && f == "label" => t.marked_label.to_string(),
                Crumb::Field(f) => t.field_word(&f),
            })
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// Errors and warnings in the checks. A syntax error in the JSON tab is listed first and
    /// counts as one: the checks below it are of the last good version.
    fn problem_counts(&self) -> (usize, usize) {
        (self.status.errors() + usize::from(self.json_error.is_some()), self.status.warnings())
    }

    /// Above the form on a narrow screen, where the checks come only after the whole form: how
    /// many there are, and a link to them.
    pub(super) fn jump_to_checks(&self, t: &'static Strings) -> Html {
        html! {
            <p class="ed-jump"><a href="#problems-h" id="jump-to-checks">{ self.checks_summary(t) }<span aria-hidden="true">{ " ↓" }</span></a></p>
        }
    }

    /// "检查结果：错误 1 · 提醒 0" / "Checks: no problems".
    fn checks_summary(&self, t: &'static Strings) -> String {
        let said = match self.problem_counts() {
            (0, 0) => t.no_problems_short.to_string(),
            (errors, warnings) => t.counts(errors, warnings),
        };
        format!("{}{}{said}", t.problems, t.sep)
    }

    pub(super) fn problems(&self, t: &'static Strings) -> Html {
        let status = &self.status;
        // Each row keyed by what it says, so that a row under the pointer keeps its problem
        // when the list changes after a pause in typing; the same words twice are told apart by
        // how many came before (one pass: the list can hold thousands).
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        let keys: Vec<String> = status
            .problems
            .iter()
            .map(|p| {
                let n = seen.entry((p.pointer.as_str(), p.en.as_str())).or_default();
                *n += 1;
                format!("{}|{}|{n}", p.pointer, p.en)
            })
            .collect();
        let (errors, warnings) = self.problem_counts();
        let count = match (errors, warnings) {
            (0, 0) => String::new(),
            _ => format!(" ({})", t.counts(errors, warnings)),
        };
        html! {
            <section class="ed-problems" aria-labelledby="problems-h">
                <h2 class="ed-h2" id="problems-h" tabindex="-1">{ t.problems }{ count }</h2>
                // Said when the counts change (a field just made invalid is not re-read by a
                // screen reader while it has the focus); the same words again are not repeated.
                <p class="ed-visually-hidden" role="status" id="checks-said">{ self.checks_summary(t) }</p>
                if errors + warnings > 0 {
                    <p class="ed-hint" id="problem-keys">
                        <span class="ed-keys">{ t.problem_keys }</span>
                        // Advice (the warnings about a figure's English, an empty section…)
                        // needs a valid report: the count of warnings is not final yet.
                        if errors > 0 { { t.warnings_after_errors } }
                    </p>
                }
                if let Some(e) = &self.json_error {
                    <ol class="ed-problem-list" id="json-problems">
                        <li class="ed-problem ed-error">
                            <a href={format!("#{JSON_AREA}")} onclick={self.send.reform(|e: MouseEvent| { e.prevent_default(); Msg::GoToJsonError })}>
                                <span class="ed-sev">{ t.error }</span>
                                <span class="ed-where">{ t.json_line.replace("{line}", &e.line.to_string()) }</span>
                                <span class="ed-msg">{ syntax_message(e, t.lang) }</span>
                            </a>
                        </li>
                    </ol>
                }
                if status.problems.is_empty() && self.json_error.is_none() {
                    <p class="ed-ok" id="no-problems">{ t.no_problems }</p>
                } else {
                    <ol class="ed-problem-list" id="problem-list">
                        { for status.problems.iter().zip(keys).zip(self.messages.iter()).map(|((p, key), message)| {
                            let error = p.severity == Severity::Error;
                            let clicked = p.clone();
                            let target = nav::candidates(&p.pointer).into_iter().next().unwrap_or_else(|| JSON_AREA.to_string());
                            let where_ = match p.position {
                                Some((line, _)) => t.json_line.replace("{line}", &line.to_string()),
                                None => self.crumbs(t, &p.pointer),
                            };
                            html! {
                                <li {key} class={classes!("ed-problem", if error { "ed-error" } else { "ed-warning" })} data-pointer={p.pointer.clone()}>
                                    <a href={format!("#{target}")} onclick={self.send.reform(move |e: MouseEvent| { e.prevent_default(); Msg::GoTo(Box::new(clicked.clone())) })}>
                                        <span class="ed-sev">{ if error { t.error } else { t.warning } }</span>
                                        <span class="ed-where">{ where_ }</span>
                                        <span class="ed-msg">{ message.clone() }</span>
                                    </a>
                                </li>
                            }
                        }) }
                    </ol>
                }
            </section>
        }
    }

    pub(super) fn preview(&self, t: &'static Strings) -> Html {
        let stylesheet = dom::meta("rw-widget-css").unwrap_or_default();
        // The preview's language is the editor's own choice: the page shows the one the snippet
        // names, which a person looking at the English preview may not expect.
        let not_the_page = (self.preview_lang == Lang::En) != (self.snippet.lang == "en");
        html! {
            <section class="ed-preview" aria-labelledby="preview-h">
                <h2 class="ed-h2" id="preview-h" tabindex="-1">{ t.preview }</h2>
                <div class="ed-row">
                    <fieldset class="ed-radios" aria-describedby={not_the_page.then_some("preview-lang-hint")}>
                        <legend>{ t.preview_language }</legend>
                        { radio("preview-lang", "preview-zh", "中文", self.preview_lang == Lang::Zh, self.send.reform(|_| Msg::PreviewLang(Lang::Zh))) }
                        { radio("preview-lang", "preview-en", "English", self.preview_lang == Lang::En, self.send.reform(|_| Msg::PreviewLang(Lang::En))) }
                    </fieldset>
                    <fieldset class="ed-radios">
                        <legend>{ t.preview_theme }</legend>
                        { radio("preview-theme", "theme-light", t.theme_light, self.theme == "light", self.send.reform(|_| Msg::Theme("light"))) }
                        { radio("preview-theme", "theme-dark", t.theme_dark, self.theme == "dark", self.send.reform(|_| Msg::Theme("dark"))) }
                    </fieldset>
                </div>
                if not_the_page {
                    <p class="ed-hint" id="preview-lang-hint">{ if self.snippet.lang == "en" { t.preview_not_page_en } else { t.preview_not_page_zh } }</p>
                }
                if let Some(view) = &self.view {
                    if self.status.report.is_none() {
                        <p class="ed-warn" id="preview-stale">{ t.preview_stale }</p>
                    }
                    <Preview outcome={Outcome::Report(view.clone())} theme={self.theme} stylesheet={stylesheet} label={t.preview} />
                } else {
                    { self.preview_waiting(t) }
                }
            </section>
        }
    }

    /// In the preview's place until the report has had a version without errors: what it waits
    /// for, in the editor's words (the widget's own problem panel speaks JSON to webmasters).
    fn preview_waiting(&self, t: &'static Strings) -> Html {
        let (errors, _) = self.problem_counts();
        let first = self.status.problems.iter().find(|p| p.severity == Severity::Error).cloned();
        let go = match (&self.json_error, first) {
            (Some(_), _) => Some(self.send.reform(|_| Msg::GoToJsonError)),
            (None, Some(p)) => Some(self.send.reform(move |_| Msg::GoTo(Box::new(p.clone())))),
            (None, None) => None,
        };
        html! {
            <div class="ed-preview-waiting" id="preview-waiting">
                <p>{ if errors == 0 { t.checking.to_string() } else { t.preview_waiting.replace("{n}", &errors.to_string()) } }</p>
                if let Some(onclick) = go {
                    <button type="button" class="ed-btn" id="preview-first-error" {onclick}>{ t.go_first_error }</button>
                }
            </div>
        }
    }

    pub(super) fn output(&self, t: &'static Strings) -> Html {
        let ontoggle = self.send.reform(|e: Event| {
            let open =
                e.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
            Msg::OutputToggle(open)
        });
        let errors = self.status.errors();
        // Texts an English widget shows in Chinese (said beside the language choice).
        let untranslated = if self.snippet.lang == "en" { doc::untranslated(&self.doc).len() } else { 0 };
        let described_input = |id: &'static str,
                               label: &'static str,
                               value: String,
                               msg: fn(String) -> Msg,
                               help: Option<&'static str>| {
            html! {
                <div class="ed-field">
                    <label for={id}>{ label }</label>
                    <input {id} class="ed-input" type="text" {value} spellcheck="false" aria-describedby={help}
                        oninput={self.send.reform(move |e: InputEvent| msg(event_value(&e)))} />
                </div>
            }
        };
        let text_input = |id, label, value, msg| described_input(id, label, value, msg, None);
        let base_problem = crate::editor::output::base_problem(&self.snippet.base);
        html! {
            <details class="ed-output" open={self.output_open} {ontoggle} id="output">
                <summary id="output-summary"><h2 class="ed-h2 ed-inline">{ t.output }</h2></summary>
                if errors > 0 { <p class="ed-warn" id="export-errors">{ t.has_errors_export.replace("{n}", &errors.to_string()) }</p> }
                <div class="ed-row ed-end">
                    { text_input("file-name", t.file_name, self.file_name(), Msg::FileName) }
                    <button type="button" class="ed-btn ed-primary" id="download" onclick={self.send.reform(|_| Msg::Download)}>{ t.download }</button>
                </div>
                <fieldset class="ed-box">
                    <legend>{ t.snippet }</legend>
                    <div class="ed-radios" role="radiogroup" aria-label={t.snippet_place}>
                        { radio("place", "place-inline", t.snippet_inline, self.snippet.inline, self.send.reform(|_| Msg::Place(true))) }
                        { radio("place", "place-file", t.snippet_file, !self.snippet.inline, self.send.reform(|_| Msg::Place(false))) }
                    </div>
                    if self.snippet.inline {
                        { text_input("payload-id", t.payload_id, self.payload_id.clone(), Msg::PayloadId) }
                        <div class="ed-field ed-check">
                            <input type="checkbox" id="prerender" checked={self.snippet.prerender} aria-describedby="prerender-help"
                                onchange={self.send.reform(|e: Event| Msg::Prerender(
                                    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked())))} />
                            <label for="prerender">{ t.prerender }</label>
                        </div>
                        <p class="ed-hint" id="prerender-help">{ t.prerender_help }</p>
                    } else {
                        { described_input("payload-url", t.payload_url, self.payload_url(), Msg::PayloadUrl, Some("payload-url-help")) }
                        // The browser reads the address from the page, not from the widget's
                        // folder: at /xxgk/2024/page.html, reports/x.json is /xxgk/2024/reports/x.json.
                        <p class="ed-hint" id="payload-url-help">{ t.payload_url_help }</p>
                        // The tick is gone with this choice: said, as it may have been ticked.
                        <p class="ed-hint" id="prerender-inline-only">{ t.prerender_inline_only }</p>
                    }
                    // A snippet that would load nothing from its address is said at once (the
                    // widget would only stay blank on the portal's page).
                    // One input either way, so typing keeps its focus; the live region is always
                    // there, so that what comes into it is said.
                    { described_input("widget-base", t.widget_base, self.snippet.base.clone(), Msg::Base,
                        Some(if base_problem.is_some() { "widget-base-warning widget-base-help" } else { "widget-base-help" })) }
                    <p class="ed-field-warning" id="widget-base-warning" role="status">{ match base_problem {
                        Some(BaseProblem::LocalPath) => t.base_local_path.to_string(),
                        Some(BaseProblem::FileUrl) => t.base_file_url.to_string(),
                        // Not the address itself: a live region would read it again at every key.
                        Some(BaseProblem::NoScheme) => t.base_no_scheme.to_string(),
                        Some(BaseProblem::BadScheme) => t.base_bad_scheme.to_string(),
                        None => String::new(),
                    } }</p>
                    <p class="ed-hint" id="widget-base-help">{ t.widget_base_help }</p>
                    <p class="ed-hint" id="needs-server">{ t.needs_server }</p>
                    <div class="ed-field">
                        <label for="snippet-lang">{ t.snippet_lang }</label>
                        <select id="snippet-lang" class="ed-input ed-narrow" aria-describedby={(untranslated > 0).then_some("snippet-untranslated")} onchange={self.send.reform(|e: Event| Msg::SnippetLang(event_value(&e)))}>
                            <option value="zh" selected={self.snippet.lang == "zh"}>{ "中文" }</option>
                            <option value="en" selected={self.snippet.lang == "en"}>{ "English" }</option>
                        </select>
                    </div>
                    if untranslated > 0 {
                        <p class="ed-hint" id="snippet-untranslated">{ t.untranslated.replace("{n}", &untranslated.to_string()) }</p>
                        <button type="button" class="ed-btn ed-small" id="go-untranslated" onclick={self.send.reform(|_| Msg::GoToUntranslated)}>{ t.go_untranslated }</button>
                    }
                    <div class="ed-field">
                        <label for="snippet-theme">{ t.snippet_theme }</label>
                        <select id="snippet-theme" class="ed-input ed-narrow" onchange={self.send.reform(|e: Event| Msg::SnippetTheme(event_value(&e)))}>
                            <option value="" selected={self.snippet.theme.is_empty()}>{ t.theme_system }</option>
                            <option value="light" selected={self.snippet.theme == "light"}>{ t.theme_light }</option>
                            <option value="dark" selected={self.snippet.theme == "dark"}>{ t.theme_dark }</option>
                        </select>
                    </div>
                    // Present while prerendering is ticked, so that "ready" is said as well.
                    if self.prerender_wanted() {
                        <p class="ed-status" id="prerender-state" role="status">
                            { match (self.prerendered_now().is_some(), self.status.report.is_some()) {
                                (true, _) => t.prerendered_ready,
                                (false, false) => t.prerender_needs_valid,
                                (false, true) => t.prerendering,
                            } }
                        </p>
                    }
                    <button type="button" class="ed-btn ed-primary" id="copy-snippet" onclick={self.send.reform(|_| Msg::Copy)}
                        disabled={self.prerender_wanted() && self.prerendered_now().is_none()}>{ t.copy }</button>
                    // Said by the notice at the top too (a live region): here for the eye only.
                    if let Some(ok) = self.copy_said {
                        <span class="ed-status" id="copy-state">{ if ok { t.copied } else { t.copy_failed } }</span>
                    }
                    <label for={SNIPPET_AREA}>{ t.snippet_text }</label>
                    <textarea id={SNIPPET_AREA} class="ed-input ed-snippet" readonly=true rows="6" spellcheck="false" wrap="off"
                        value={if self.output_open { self.snippet() } else { String::new() }}/>
                </fieldset>
            </details>
        }
    }
}

/// What a syntax error in the JSON tab says, in the interface's language.
fn syntax_message(e: &SyntaxError, lang: Lang) -> String {
    let (zh, en) = e.described();
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn label_with(t: &Strings, prefix: String, name: &str) -> String {
    if name.trim().is_empty() {
        prefix
    } else if t.lang == Lang::En {
        format!("{prefix} “{name}”")
    } else {
        format!("{prefix}“{name}”")
    }
}
