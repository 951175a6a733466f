//! The structured form, generated from the payload model: report information, rank groups,
//! sections and their entries. Every control edits one JSON pointer, and its `id` is derived
//! from that pointer (`nav::field_id`), so a problem can focus it.

use super::import::{import_panel, ImportState};
use super::Msg;
use crate::editor::doc::{display, kind_of, text_parts, Edit};
use crate::editor::nav::field_id;
use crate::editor::strings::Strings;
use crate::model::{Lang, SectionKind};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What every form component reads: where to send edits, the interface strings, the first
/// problem message per pointer, what references can point to, and the open table import.
/// It changes rarely (after a check, when groups or metrics change), so typing re-renders only
/// the block being edited, which reads its values from its own `DocCtx`.
#[derive(Clone, PartialEq)]
pub struct FormCtx {
    pub send: Callback<Msg>,
    pub t: &'static Strings,
    /// What the checks say about each field, by pointer.
    pub errors: Rc<HashMap<String, FieldNote>>,
    pub import: Option<Rc<ImportState>>,
    pub refs: Rc<Refs>,
    /// A kind change waiting for the person's answer.
    pub kind_question: Option<KindQuestion>,
    /// The element ids the focus is about to go to (a problem's link, F8, an added, moved or
    /// undone entry): a long list shows the page that holds them.
    pub focus_to: Option<Rc<[String]>>,
}

/// Entries of a list shown at a time: a list of thousands (a ranking of every monitoring
/// site) rendered whole took a minute to open and seconds per keystroke.
pub const LIST_PAGE: usize = 200;

/// The index of the entry of `array` ("/sections/6/rows") an element id is in
/// ("f/sections/6/rows/123/label/zh", "up:/sections/6/rows/123").
fn index_in(id: &str, array: &str) -> Option<usize> {
    let at = id.find(&format!("{array}/"))? + array.len() + 1;
    let digits: String = id[at..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// What the checks say about one field, shown under it: an error marks it invalid; a warning
/// (advice on a valid report) only describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldNote {
    pub message: String,
    pub error: bool,
}

/// A section's kind about to change in a way that removes what the section holds.
#[derive(Clone, Debug, PartialEq)]
pub struct KindQuestion {
    pub section: usize,
    pub kind: SectionKind,
    /// How many entries and fields the change removes.
    pub dropped: usize,
}

/// The id of the safe answer to a kind question, focused first.
pub const KIND_KEEP: &str = "kind-keep";

/// A radio button and its label, kept together: where a row of choices wraps, a button never
/// ends a line while its label starts the next.
pub fn radio(name: &str, id: &str, label: &str, checked: bool, onchange: Callback<Event>) -> Html {
    html! {
        <span class="ed-radio">
            <input type="radio" name={name.to_string()} id={id.to_string()} {checked} {onchange} />
            <label for={id.to_string()}>{ label.to_string() }</label>
        </span>
    }
}

/// A second step asked in the page, no native dialog: the question (which names the group the
/// focused answer is in, so a screen reader reads it), the risky answer, then the safe one,
/// which Escape also gives. Its ids start with `name`: `{name}-confirm`, `-question`, `-yes`,
/// `-keep`.
pub fn confirm_row(name: &str, question: &str, yes: (&str, Callback<()>), keep: (&str, Callback<()>)) -> Html {
    let escape = keep.1.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            escape.emit(());
        }
    });
    html! {
        <div class="ed-row ed-confirm" role="group" id={format!("{name}-confirm")} aria-labelledby={format!("{name}-question")} {onkeydown}>
            <span id={format!("{name}-question")}>{ question.to_string() }</span>
            <button type="button" class="ed-btn ed-small ed-danger" id={format!("{name}-yes")} onclick={yes.1.reform(|_| ())}>{ yes.0.to_string() }</button>
            <button type="button" class="ed-btn ed-small" id={format!("{name}-keep")} onclick={keep.1.reform(|_| ())}>{ keep.0.to_string() }</button>
        </div>
    }
}

/// What references in the form can name: groups and metrics, as (id, label) pairs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Refs {
    pub groups: Vec<(String, String)>,
    pub metrics: Vec<(String, String)>,
}

impl Refs {
    pub fn of(doc: &Value) -> Refs {
        let pairs = |list: &[Value]| -> Vec<(String, String)> {
            list.iter().filter_map(|v| Some((v.get("id")?.as_str()?.to_string(), zh_of(v.get("label"))))).collect()
        };
        let metrics = list_of(doc, "/sections")
            .iter()
            .filter(|s| kind_of(s) == Some(SectionKind::Metrics))
            .flat_map(|s| pairs(list_of(s, "/items")))
            .collect();
        Refs { groups: pairs(list_of(doc, "/groups")), metrics }
    }
}

/// One block of the document (report information and groups, or one section): its pointer
/// and its value. Fields read their values from the nearest one.
#[derive(Clone, PartialEq)]
pub struct DocCtx {
    pub base: Rc<str>,
    pub value: Rc<Value>,
}

#[hook]
pub fn use_form() -> FormCtx {
    use_context::<FormCtx>().expect("form components are rendered inside the FormCtx provider")
}

/// The value at an absolute pointer, read from the enclosing block.
#[hook]
fn use_at(ptr: &str) -> Option<Value> {
    let block = use_context::<DocCtx>().expect("fields are rendered inside a DocCtx provider");
    block.at(ptr).cloned()
}

impl DocCtx {
    /// The value at an absolute pointer inside this block.
    fn at(&self, ptr: &str) -> Option<&Value> {
        self.value.pointer(crate::editor::nav::under(ptr, &self.base)?)
    }
}

/// The value of the input, textarea or select an event came from.
pub fn event_value(e: &Event) -> String {
    let Some(target) = e.target() else { return String::new() };
    if let Some(i) = target.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(a) = target.dyn_ref::<HtmlTextAreaElement>() {
        a.value()
    } else if let Some(s) = target.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else {
        String::new()
    }
}

fn edit(send: &Callback<Msg>, edit: Edit) {
    send.emit(Msg::Edit(edit));
}

/// An error or warning line under a control, and the attributes that tie it to the control
/// (`aria-invalid` for an error only: a warning's field is not wrong, and says so in words).
fn error_of(ctx: &FormCtx, ptrs: &[&str], id: &str) -> (Option<AttrValue>, Option<AttrValue>, Html) {
    match ptrs.iter().find_map(|p| ctx.errors.get(*p)) {
        Some(note) => {
            let err_id = format!("e-{id}");
            let line = if note.error {
                html! { <p class="ed-field-error" id={err_id.clone()}>{ &note.message }</p> }
            } else {
                html! { <p class="ed-field-warning" id={err_id.clone()}>{ ctx.t.warning }{ ctx.t.sep }{ &note.message }</p> }
            };
            (note.error.then(|| AttrValue::from("true")), Some(AttrValue::from(err_id)), line)
        }
        None => (None, None, html! {}),
    }
}

/// What describes a control: its error (if any), then its hint (if any), as id references.
fn described_by(error: Option<AttrValue>, hint_id: Option<&String>) -> Option<AttrValue> {
    match (error, hint_id) {
        (Some(e), Some(h)) => Some(AttrValue::from(format!("{e} {h}"))),
        (e, h) => e.or_else(|| h.cloned().map(AttrValue::from)),
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub ptr: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// For numbers: whole numbers only (ranks, months, sizes).
    #[prop_or_default]
    pub integer: bool,
}

fn required_mark(t: &Strings, required: bool) -> Html {
    if required {
        // Said by aria-required on the control: a screen reader would read "star" in its name.
        html! { <span class="ed-req" title={t.required} aria-hidden="true">{ " *" }</span> }
    } else {
        html! {}
    }
}

/// A Text field: Chinese and English side by side.
#[function_component]
pub fn TextField(p: &FieldProps) -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let (zh, en) = text_parts(use_at(&p.ptr).as_ref());
    let ptr_zh = format!("{}/zh", p.ptr);
    let ptr_en = format!("{}/en", p.ptr);
    let id_zh = field_id(&ptr_zh);
    let id_en = field_id(&ptr_en);
    let (inv_zh, desc_zh, err_zh) = error_of(&ctx, &[&p.ptr, &ptr_zh], &id_zh);
    let (inv_en, desc_en, err_en) = error_of(&ctx, &[&ptr_en], &id_en);
    // One hint under the pair describes both controls.
    let hint_id = p.hint.as_ref().map(|_| format!("h-{id_zh}"));
    let desc_zh = described_by(desc_zh, hint_id.as_ref());
    let desc_en = described_by(desc_en, hint_id.as_ref());
    let on = |lang: Lang| {
        let send = ctx.send.clone();
        let ptr = p.ptr.to_string();
        let required = p.required;
        Callback::from(move |e: InputEvent| {
            edit(&send, Edit::SetText { ptr: ptr.clone(), lang, text: event_value(&e), required })
        })
    };
    // A spreadsheet's cells pasted into a one-line name ("受理投诉举报\t1,234\t1,200…"): to the
    // section's table import instead, where the columns are chosen.
    let onpaste = (!p.multiline).then(|| {
        let send = ctx.send.clone();
        let ptr = p.ptr.to_string();
        Callback::from(move |e: Event| {
            let text = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
                .and_then(|d| d.get_data("text/plain").ok())
                // Cells: tabs, and several rows or a figure ("一、\t空气质量", a Word heading,
                // is a title with a tab in it, pasted as usual).
                .filter(|text| {
                    text.contains('\t')
                        && (text.trim_end().contains('\n')
                            || text
                                .split(['\t', '\n'])
                                .any(|cell| crate::editor::mapping::parse_figure(cell).number.is_some()))
                });
            if let Some(text) = text {
                e.prevent_default();
                send.emit(Msg::PastedTable { ptr: ptr.clone(), text });
            }
        })
    });
    let control = |id: String,
                   value: String,
                   oninput: Callback<InputEvent>,
                   invalid,
                   described,
                   lang: &'static str,
                   required: bool| {
        if p.multiline {
            html! { <textarea id={id} class="ed-input" rows="2" lang={lang} value={value} {oninput}
            aria-invalid={invalid} aria-describedby={described} aria-required={required.then_some("true")}/> }
        } else {
            html! { <input id={id} class="ed-input" type="text" lang={lang} value={value} {oninput} onpaste={onpaste.clone()}
            aria-invalid={invalid} aria-describedby={described} aria-required={required.then_some("true")} /> }
        }
    };
    html! {
        <div class={classes!("ed-field", "ed-text", p.multiline.then_some("ed-wide"))}>
            <div class="ed-pair">
                <div class="ed-half">
                    <label for={id_zh.clone()}>{ &*p.label }{ required_mark(t, p.required) }<span class="ed-lang">{ t.lang_zh }</span></label>
                    { control(id_zh, zh, on(Lang::Zh), inv_zh, desc_zh, "zh-CN", p.required) }
                    { err_zh }
                </div>
                <div class="ed-half">
                    <label for={id_en.clone()}><span class="ed-visually-hidden">{ &*p.label }{ " " }</span><span class="ed-lang">{ t.lang_en }</span></label>
                    { control(id_en, en, on(Lang::En), inv_en, desc_en, "en", false) }
                    { err_en }
                </div>
            </div>
            if let (Some(hint), Some(hid)) = (&p.hint, hint_id) { <p class="ed-hint" id={hid}>{ hint }</p> }
        </div>
    }
}

/// A plain string (ids, dates, URLs).
#[function_component]
pub fn StrField(p: &FieldProps) -> Html {
    let ctx = use_form();
    let id = field_id(&p.ptr);
    let value = display(use_at(&p.ptr).as_ref());
    let (invalid, described, err) = error_of(&ctx, &[&p.ptr], &id);
    let hint_id = p.hint.as_ref().map(|_| format!("h-{id}"));
    let described = described_by(described, hint_id.as_ref());
    let oninput = {
        let send = ctx.send.clone();
        let ptr = p.ptr.to_string();
        let required = p.required;
        Callback::from(move |e: InputEvent| {
            let v = event_value(&e);
            let value = if v.is_empty() && !required { None } else { Some(Value::String(v)) };
            edit(&send, Edit::Set { ptr: ptr.clone(), value })
        })
    };
    html! {
        <div class="ed-field">
            <label for={id.clone()}>{ &*p.label }{ required_mark(ctx.t, p.required) }</label>
            <input {id} class="ed-input" type="text" {value} {oninput} spellcheck="false"
                aria-invalid={invalid} aria-describedby={described} aria-required={p.required.then_some("true")} />
            if let (Some(hint), Some(hid)) = (&p.hint, hint_id) { <p class="ed-hint" id={hid}>{ hint }</p> }
            { err }
        </div>
    }
}

/// A number, kept as written.
#[function_component]
pub fn NumField(p: &FieldProps) -> Html {
    let ctx = use_form();
    let id = field_id(&p.ptr);
    let stored = use_at(&p.ptr);
    // The text as typed ("1,23" on the way to "1,2345"), shown while it still means what the
    // document holds: the field must not rewrite itself under the cursor ("1,234" → "1234"
    // as the person types, so that "1,2345" came out as 12345). Leaving the field shows the
    // document's number; an undo shows the document's value at once.
    let typed = use_state(|| None::<String>);
    let value = match &*typed {
        Some(text) if crate::editor::doc::number_from_input(text) == stored => text.clone(),
        _ => display(stored.as_ref()),
    };
    let (invalid, described, err) = error_of(&ctx, &[&p.ptr], &id);
    let oninput = {
        let (send, typed) = (ctx.send.clone(), typed.clone());
        let ptr = p.ptr.to_string();
        Callback::from(move |e: InputEvent| {
            let input = event_value(&e);
            typed.set(Some(input.clone()));
            edit(&send, Edit::SetNumber { ptr: ptr.clone(), input })
        })
    };
    let onblur = Callback::from(move |_: FocusEvent| typed.set(None));
    html! {
        <div class="ed-field ed-num">
            <label for={id.clone()}>{ &*p.label }{ required_mark(ctx.t, p.required) }</label>
            <input {id} class="ed-input" type="text" inputmode={if p.integer { "numeric" } else { "decimal" }}
                {value} {oninput} {onblur} spellcheck="false"
                aria-invalid={invalid} aria-describedby={described} aria-required={p.required.then_some("true")} />
            { err }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub ptr: AttrValue,
    pub label: AttrValue,
    /// (value, label) pairs.
    pub options: Vec<(String, String)>,
    /// The option that means "leave the field out" (shown when it is absent).
    #[prop_or_default]
    pub default: AttrValue,
    #[prop_or_default]
    pub required: bool,
    /// What the choice does, under the select (and in its description).
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

#[function_component]
pub fn SelectField(p: &SelectProps) -> Html {
    let ctx = use_form();
    let id = field_id(&p.ptr);
    let current = use_at(&p.ptr).map(|v| display(Some(&v))).unwrap_or_else(|| p.default.to_string());
    let (invalid, described, err) = error_of(&ctx, &[&p.ptr], &id);
    let hint_id = p.hint.as_ref().map(|_| format!("h-{id}"));
    let described = described_by(described, hint_id.as_ref());
    let mut options = p.options.clone();
    if !options.iter().any(|(v, _)| *v == current) {
        options.push((current.clone(), current.clone()));
    }
    let shown = use_shown_choice(&current);
    let onchange = {
        let send = ctx.send.clone();
        let ptr = p.ptr.to_string();
        let default = p.default.to_string();
        let required = p.required;
        Callback::from(move |e: Event| {
            let v = event_value(&e);
            let value = if v == default && !required { None } else { Some(Value::String(v)) };
            edit(&send, Edit::Set { ptr: ptr.clone(), value })
        })
    };
    html! {
        <div class="ed-field">
            <label for={id.clone()}>{ &*p.label }{ required_mark(ctx.t, p.required) }</label>
            <select {id} class="ed-input" ref={shown} {onchange} aria-invalid={invalid} aria-describedby={described}>
                { for options.into_iter().map(|(v, l)| html! { <option value={v.clone()} selected={v == current}>{ l }</option> }) }
            </select>
            if let (Some(hint), Some(hid)) = (&p.hint, hint_id) { <p class="ed-hint" id={hid}>{ hint }</p> }
            { err }
        </div>
    }
}

/// A select whose choice follows the document (after undo, redo, an edit of the JSON): an
/// option's `selected` attribute stops moving the choice once the person has picked one, so
/// the shown choice is set after every render (also where a choice waits for an answer and the
/// document has not changed).
#[hook]
fn use_shown_choice(current: &str) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        let current = current.to_string();
        // After every render: a choice that made no change (one waiting for an answer) shows
        // the value the document still has.
        use_effect(move || {
            if let Some(select) = node.cast::<HtmlSelectElement>() {
                if select.value() != current {
                    select.set_value(&current);
                }
            }
        });
    }
    node
}

#[derive(Properties, PartialEq)]
pub struct ToolsProps {
    /// The list's pointer.
    pub array: AttrValue,
    pub index: usize,
    pub len: usize,
    /// How the entry is called in button names ("第3项：综合指数").
    pub name: AttrValue,
}

/// Move up, move down, remove: buttons with the entry's name, focus kept on the moved entry.
#[function_component]
pub fn ListTools(p: &ToolsProps) -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let (array, i, len) = (p.array.to_string(), p.index, p.len);
    let at = |kind: &str, index: usize| format!("{kind}:{array}/{index}");
    // After a move, focus stays on the moved entry's same button, also at the end of the list:
    // there the button is unavailable (aria-disabled, still focusable, doing nothing), so that
    // Enter pressed again does not move it back with the other button (focus on a disabled
    // button would be lost, and moving it to the other one turned a third Enter into a move back).
    let after_up = format!("up:{array}/{}", i.saturating_sub(1));
    let after_down = format!("down:{array}/{}", (i + 1).min(len.saturating_sub(1)));
    let (first, last) = (i == 0, i + 1 >= len);
    let send = ctx.send.clone();
    let a = array.clone();
    let (m_up, m_down) = (after_up, after_down);
    let up = {
        let (send, a) = (send.clone(), a.clone());
        Callback::from(move |_| {
            if !first {
                send.emit(Msg::EditFocus(Edit::Move { array: a.clone(), from: i, to: i - 1 }, vec![m_up.clone()]))
            }
        })
    };
    let down = {
        let (send, a) = (send.clone(), a.clone());
        Callback::from(move |_| {
            if !last {
                send.emit(Msg::EditFocus(Edit::Move { array: a.clone(), from: i, to: i + 1 }, vec![m_down.clone()]))
            }
        })
    };
    let remove = {
        // Then on the entry now in its place (or the one before), not on its remove button: a
        // second Enter must not remove that one too.
        let next = if i + 1 < len { i } else { i.saturating_sub(1) };
        let focus = vec![field_id(&format!("{a}/{next}")), format!("add:{a}")];
        let focus = if len == 1 { vec![format!("add:{a}")] } else { focus };
        Callback::from(move |_| send.emit(Msg::EditFocus(Edit::Remove { array: a.clone(), index: i }, focus.clone())))
    };
    html! {
        <div class="ed-tools" role="group" aria-label={p.name.clone()}>
            <button type="button" class="ed-btn ed-small" id={at("up", i)} aria-disabled={first.then_some("true")} onclick={up}
                aria-label={format!("{}{}{}", t.move_up, t.sep, p.name)}>{ "↑ " }{ t.move_up }</button>
            <button type="button" class="ed-btn ed-small" id={at("down", i)} aria-disabled={last.then_some("true")} onclick={down}
                aria-label={format!("{}{}{}", t.move_down, t.sep, p.name)}>{ "↓ " }{ t.move_down }</button>
            <button type="button" class="ed-btn ed-small ed-danger" id={at("rm", i)} onclick={remove}
                aria-label={format!("{}{}{}", t.remove, t.sep, p.name)}>{ t.remove }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AddProps {
    pub array: AttrValue,
    /// The field name of the list (`items`, `rows`, `ranks`…).
    pub list: AttrValue,
    /// Index of the section holding the list, if any.
    #[prop_or_default]
    pub section: Option<usize>,
    pub label: AttrValue,
    /// Where focus goes in the new entry, relative to it (`/label/zh`).
    pub focus: AttrValue,
}

#[function_component]
pub fn AddButton(p: &AddProps) -> Html {
    let ctx = use_form();
    let onclick = {
        let send = ctx.send.clone();
        let (array, list, section, focus) = (p.array.to_string(), p.list.to_string(), p.section, p.focus.to_string());
        Callback::from(move |_| {
            send.emit(Msg::Add { array: array.clone(), list: list.clone(), section, focus: focus.clone() })
        })
    };
    html! {
        <button type="button" class="ed-btn ed-add" id={format!("add:{}", p.array)} {onclick}><span aria-hidden="true">{ "+ " }</span>{ &*p.label }</button>
    }
}

fn list_of<'a>(doc: &'a Value, ptr: &str) -> &'a [Value] {
    doc.pointer(ptr).and_then(Value::as_array).map_or(&[], |v| v.as_slice())
}

fn named(t: &Strings, prefix: String, name: &str) -> String {
    if name.trim().is_empty() {
        prefix
    } else {
        format!("{prefix}{}{name}", t.sep)
    }
}

/// A metric's Chinese label by id (its id if it has none, or there is no such metric).
fn metric_label(refs: &Refs, id: &str) -> String {
    refs.metrics.iter().find(|(m, l)| m == id && !l.is_empty()).map_or_else(|| id.to_string(), |(_, l)| l.clone())
}

fn zh_of(v: Option<&Value>) -> String {
    text_parts(v).0
}

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub doc: Rc<Value>,
}

/// The whole form: one `DocCtx` block for the report information and groups, one per section.
#[function_component]
pub fn Form(p: &FormProps) -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let sections = list_of(&p.doc, "/sections");
    let kind_ref = use_node_ref();
    let add_section = {
        let send = ctx.send.clone();
        let kind_ref = kind_ref.clone();
        Callback::from(move |_| {
            let name = kind_ref.cast::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            let kind = SectionKind::ALL.iter().find(|(n, _)| *n == name).map_or(SectionKind::Metrics, |(_, k)| *k);
            send.emit(Msg::AddSection(kind))
        })
    };
    let head = json!({
        "meta": p.doc.get("meta").cloned().unwrap_or(Value::Null),
        "groups": p.doc.get("groups").cloned().unwrap_or(Value::Null),
    });
    html! {
        <div class="ed-form">
            <ContextProvider<DocCtx> context={DocCtx { base: "".into(), value: Rc::new(head) }}>
                <MetaForm />
                <GroupsForm />
            </ContextProvider<DocCtx>>
            <h2 class="ed-h2">{ t.sections }</h2>
            if sections.is_empty() { <p class="ed-empty">{ t.empty_list }</p> }
            { for sections.iter().enumerate().map(|(i, section)| html! {
                <ContextProvider<DocCtx> context={DocCtx { base: format!("/sections/{i}").into(), value: Rc::new(section.clone()) }}>
                    <SectionForm index={i} len={sections.len()} />
                </ContextProvider<DocCtx>>
            }) }
            // The target of a problem with the sections as a whole (there are none).
            <div class="ed-add-section" id={field_id("/sections")} tabindex="-1">
                <label for="new-section-kind">{ t.new_section_kind }</label>
                <select id="new-section-kind" class="ed-input" ref={kind_ref}>
                    { for SectionKind::ALL.iter().enumerate().map(|(i, (n, k))| html! {
                        <option value={*n} selected={i == 0}>{ t.kind_option(n, *k) }</option>
                    }) }
                </select>
                <button type="button" class="ed-btn ed-add" id="add-section" onclick={add_section}><span aria-hidden="true">{ "+ " }</span>{ t.add_section }</button>
            </div>
        </div>
    }
}

/// The enclosing block's value.
#[hook]
fn use_block() -> DocCtx {
    use_context::<DocCtx>().expect("rendered inside a DocCtx provider")
}

#[function_component]
fn MetaForm() -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let synthetic = use_at("/meta/synthetic").and_then(|v| v.as_bool()).unwrap_or(false);
    let on_synthetic = {
        let send = ctx.send.clone();
        Callback::from(move |e: Event| {
            let checked = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked());
            edit(&send, Edit::Set { ptr: "/meta/synthetic".into(), value: checked.then_some(Value::Bool(true)) })
        })
    };
    html! {
        <fieldset class="ed-box" id="f/meta" tabindex="-1">
            <legend>{ t.meta }</legend>
            <TextField ptr="/meta/title" label={t.title} required=true />
            <TextField ptr="/meta/publisher" label={t.publisher} required=true />
            <div class="ed-grid">
                <StrField ptr="/meta/date" label={t.date} required=true hint={t.date_hint} />
                <StrField ptr="/meta/source_url" label={t.source_url} />
            </div>
            <TextField ptr="/meta/period" label={t.period} />
            <TextField ptr="/meta/note" label={t.note} multiline=true />
            <div class="ed-field ed-check">
                <input type="checkbox" id="f/meta/synthetic" checked={synthetic} onchange={on_synthetic}
                    aria-describedby="synthetic-help" />
                <label for="f/meta/synthetic">{ t.synthetic }</label>
            </div>
            // The widget's own words, which readers will see under the report's title.
            <p class="ed-hint" id="synthetic-help">{ t.synthetic_help.replace("{notice}", crate::i18n::ui(t.lang).synthetic_notice) }</p>
        </fieldset>
    }
}

#[function_component]
fn GroupsForm() -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let block = use_block();
    let groups = list_of(&block.value, "/groups");
    html! {
        <fieldset class="ed-box" id="f/groups" tabindex="-1">
            <legend>{ t.groups }</legend>
            <p class="ed-hint">{ t.groups_help }</p>
            { for groups.iter().enumerate().map(|(i, g)| {
                let ptr = format!("/groups/{i}");
                let name = named(t, t.group_word(i), &zh_of(g.get("label")));
                html! {
                    <fieldset class="ed-item" id={field_id(&ptr)} tabindex="-1">
                        <legend>{ &name }</legend>
                        <ListTools array="/groups" index={i} len={groups.len()} name={name.clone()} />
                        // The name first: it is what the person has in mind, and what a new group
                        // asks for (its id is made up, and can stay).
                        <TextField ptr={format!("{ptr}/label")} label={t.label} required=true hint={t.group_label_hint} />
                        <div class="ed-grid">
                            <StrField ptr={format!("{ptr}/id")} label={t.id} required=true />
                            <NumField ptr={format!("{ptr}/size")} label={t.group_size} required=true integer=true />
                        </div>
                    </fieldset>
                }
            }) }
            <AddButton array="/groups" list="groups" label={t.add_group} focus="/label/zh" />
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct IndexProps {
    index: usize,
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    index: usize,
    len: usize,
}

fn kind_options(t: &Strings) -> Vec<(String, String)> {
    SectionKind::ALL.iter().map(|(n, k)| (n.to_string(), t.kind_option(n, *k))).collect()
}

#[function_component]
fn SectionForm(p: &SectionProps) -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let i = p.index;
    let ptr = format!("/sections/{i}");
    let block = use_block();
    let section = &*block.value;
    let len = p.len;
    let kind = kind_of(section);
    let title = zh_of(section.get("title"));
    let name = named(t, t.section_word(i), &title);
    let kind_id = field_id(&format!("{ptr}/kind"));
    let (kind_invalid, kind_desc, kind_err) = error_of(&ctx, &[&format!("{ptr}/kind")], &kind_id);
    let on_kind = {
        let send = ctx.send.clone();
        Callback::from(move |e: Event| {
            let name = event_value(&e);
            if let Some(kind) = SectionKind::ALL.iter().find(|(n, _)| *n == name).map(|(_, k)| *k) {
                send.emit(Msg::SetKind(i, kind));
            }
        })
    };
    let current_kind = section.get("kind").and_then(Value::as_str).unwrap_or("").to_string();
    let mut kinds = kind_options(t);
    if !kinds.iter().any(|(v, _)| *v == current_kind) {
        kinds.insert(0, (current_kind.clone(), current_kind.clone()));
    }
    let kind_shown = use_shown_choice(&current_kind);
    let body = match kind {
        Some(SectionKind::Metrics) => html! { <><ImportControl index={i} /><EntryList index={i} list="items" /></> },
        Some(SectionKind::CaseStats) => html! { <><ImportControl index={i} /><EntryList index={i} list="items" /></> },
        Some(SectionKind::Ranking) => html! {
            <>
                <GroupSelect ptr={format!("{ptr}/group")} label={t.group} />
                <TextField ptr={format!("{ptr}/row_heading")} label={t.row_heading} hint={t.row_heading_hint} />
                <TextField ptr={format!("{ptr}/value_heading")} label={t.value_heading} hint={t.value_heading_hint} />
                <ImportControl index={i} />
                <EntryList index={i} list="rows" />
            </>
        },
        Some(SectionKind::Calendar) => html! {
            <>
                <div class="ed-grid"><NumField ptr={format!("{ptr}/year")} label={t.year} required=true integer=true /></div>
                <TextField ptr={format!("{ptr}/label")} label={t.marked_label} required=true />
                <EntryList index={i} list="marked" />
                <TextField ptr={format!("{ptr}/source")} label={t.source} multiline=true />
            </>
        },
        Some(SectionKind::Highlights) => html! { <EntryList index={i} list="items" /> },
        Some(SectionKind::Narrative) => html! { <EntryList index={i} list="paragraphs" /> },
        None => html! {},
    };
    let onfocusin = {
        let send = ctx.send.clone();
        Callback::from(move |_: FocusEvent| send.emit(Msg::Follow(i)))
    };
    html! {
        // Named by its summary, so that an entry inside is heard with its section around it.
        <details class="ed-section" open=true {onfocusin} aria-labelledby={field_id(&ptr)}>
            <summary id={field_id(&ptr)}>
                <span class="ed-section-no">{ t.section_word(i) }</span>
                <span class="ed-kind">{ kind.map(|k| t.kind(k)).unwrap_or("?") }</span>
                <span class="ed-section-title">{ &title }</span>
            </summary>
            <div class="ed-section-body">
                <ListTools array="/sections" index={i} len={len} name={name} />
                <div class="ed-grid">
                    <StrField ptr={format!("{ptr}/id")} label={t.id} required=true />
                    <div class="ed-field">
                        <label for={kind_id.clone()}>{ t.kind }</label>
                        <select id={kind_id} class="ed-input" ref={kind_shown} onchange={on_kind} aria-invalid={kind_invalid} aria-describedby={kind_desc}>
                            { for kinds.into_iter().map(|(v, l)| html! { <option value={v.clone()} selected={v == current_kind}>{ l }</option> }) }
                        </select>
                        { kind_err }
                    </div>
                </div>
                if let Some(question) = ctx.kind_question.as_ref().filter(|q| q.section == i) {
                    { confirm_row(
                        "kind",
                        &crate::i18n::fill(t.kind_question, &[("kind", t.kind(question.kind)), ("n", &question.dropped.to_string())]),
                        (t.kind_confirm, ctx.send.reform(|()| Msg::KindConfirm)),
                        (t.kind_keep, ctx.send.reform(|()| Msg::KindCancel)),
                    ) }
                }
                <TextField ptr={format!("{ptr}/title")} label={t.title} required=true />
                <TextField ptr={format!("{ptr}/intro")} label={t.intro} multiline=true />
                { body }
            </div>
        </details>
    }
}

/// A group or metric in a select, by its name as readers see it; by its id too only where the
/// name is missing or shared (the id is programmer's text, and "全市12个县区 (counties)" did
/// not fit the select).
fn choice_name(all: &[(String, String)], id: &str, label: &str) -> String {
    let shared = all.iter().filter(|(_, other)| other == label).count() > 1;
    match (label.trim().is_empty(), shared) {
        (true, _) => id.to_string(),
        (false, true) => format!("{label} ({id})"),
        (false, false) => label.to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct GroupSelectProps {
    ptr: AttrValue,
    label: AttrValue,
}

/// A group reference: the ids defined under "rank groups".
#[function_component]
fn GroupSelect(p: &GroupSelectProps) -> Html {
    let ctx = use_form();
    let mut options = vec![(String::new(), ctx.t.none.to_string())];
    for (id, label) in &ctx.refs.groups {
        options.push((id.clone(), choice_name(&ctx.refs.groups, id, label)));
    }
    html! { <SelectField ptr={p.ptr.clone()} label={p.label.clone()} options={options} default="" required=true /> }
}

#[derive(Properties, PartialEq)]
struct ListProps {
    index: usize,
    list: AttrValue,
}

/// The entries of a section's list, each with its tools, and an add button.
#[function_component]
fn EntryList(p: &ListProps) -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let section_ptr = format!("/sections/{}", p.index);
    let array = format!("{section_ptr}/{}", p.list);
    let block = use_block();
    let kind = kind_of(&block.value);
    let entries = list_of(&block.value, &format!("/{}", p.list));
    // A long list a page at a time. A focus sent into it (each time a new one: the same list of
    // ids seen again in a later render is no new request) shows its page in this very render, so
    // that the element is there to take it; the pager's buttons turn the page.
    let page = use_mut_ref(|| 0usize);
    let seen = use_mut_ref(|| None::<Rc<[String]>>);
    let redraw = use_force_update();
    if let Some(ids) = &ctx.focus_to {
        let new = seen.borrow().as_ref().is_none_or(|s| !Rc::ptr_eq(s, ids));
        if new {
            *seen.borrow_mut() = Some(ids.clone());
            if let Some(k) = ids.iter().find_map(|id| index_in(id, &array)) {
                *page.borrow_mut() = k / LIST_PAGE;
            }
        }
    }
    let pages = entries.len().div_ceil(LIST_PAGE).max(1);
    let current = (*page.borrow()).min(pages - 1);
    let shown =
        if pages > 1 { current * LIST_PAGE..((current + 1) * LIST_PAGE).min(entries.len()) } else { 0..entries.len() };
    // Unavailable at either end, not disabled: the button pressed keeps the focus.
    let pager = (pages > 1).then(|| {
        let go = |to: usize| {
            let (page, redraw) = (page.clone(), redraw.clone());
            Callback::from(move |_| {
                *page.borrow_mut() = to;
                redraw.force_update();
            })
        };
        let status = t
            .list_page
            .replace("{from}", &(shown.start + 1).to_string())
            .replace("{to}", &shown.end.to_string())
            .replace("{n}", &entries.len().to_string());
        // The same pager above and below the entries; only the one above says a new page.
        move |live: bool| {
            html! {
                <div class="ed-row ed-pager" role="group" aria-label={status.clone()}>
                    <button type="button" class="ed-btn ed-small" aria-disabled={(current == 0).then_some("true")} onclick={go(current.saturating_sub(1))}>{ t.list_prev }</button>
                    <span role={live.then_some("status")}>{ status.clone() }</span>
                    <button type="button" class="ed-btn ed-small" aria-disabled={(current + 1 >= pages).then_some("true")} onclick={go((current + 1).min(pages - 1))}>{ t.list_next }</button>
                </div>
            }
        }
    });
    let (add_label, focus) = match (kind, p.list.as_str()) {
        (_, "rows") => (t.add_row, "/label/zh"),
        (_, "marked") => (t.add_month, "/month"),
        (_, "paragraphs") => (t.add_paragraph, "/zh"),
        (Some(SectionKind::Highlights), _) => (t.add_item, "/title/zh"),
        _ => (t.add_item, "/label/zh"),
    };
    html! {
        <div class="ed-list">
            if entries.is_empty() { <p class="ed-empty">{ t.empty_list }</p> }
            { pager.as_ref().map(|p| p(true)).unwrap_or_default() }
            { for entries.iter().enumerate().skip(shown.start).take(shown.len()).map(|(k, e)| {
                let ptr = format!("{array}/{k}");
                html! {
                    <ContextProvider<DocCtx> context={DocCtx { base: ptr.into(), value: Rc::new(e.clone()) }}>
                        <Entry array={array.clone()} index={k} len={entries.len()} list={p.list.clone()} kind={kind} />
                    </ContextProvider<DocCtx>>
                }
            }) }
            { pager.as_ref().map(|p| p(false)).unwrap_or_default() }
            <AddButton array={array.clone()} list={p.list.clone()} section={Some(p.index)} label={add_label} focus={focus} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EntryProps {
    array: AttrValue,
    index: usize,
    len: usize,
    list: AttrValue,
    kind: Option<SectionKind>,
}

/// One entry of a section's list, in a block of its own: typing in it re-renders only it.
#[function_component]
fn Entry(p: &EntryProps) -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let block = use_block();
    let e = &*block.value;
    let (k, kind) = (p.index, p.kind);
    let ptr = format!("{}/{k}", p.array);
    let word = t.list_word(&p.list, k);
    let name = match p.list.as_str() {
        "paragraphs" => word.clone(),
        // "4月" / "Apr", as the widget names it; anything else as typed (the checks name it).
        "marked" => {
            let month = e.get("month").and_then(Value::as_u64).filter(|m| (1..=12).contains(m));
            let said = month.map_or_else(|| display(e.get("month")), |m| crate::format::month(m as u32, t.lang));
            named(t, word.clone(), &said)
        }
        "rows" if e.get("metric").is_some() => {
            named(t, word.clone(), &metric_label(&ctx.refs, &display(e.get("metric"))))
        }
        _ => named(t, word.clone(), &zh_of(e.get("label").or(e.get("title")))),
    };
    let fields = match (kind, p.list.as_str()) {
        (Some(SectionKind::Metrics), "items") => html! { <MetricFields ptr={ptr.clone()} /> },
        (Some(SectionKind::CaseStats), "items") => html! { <CaseFields ptr={ptr.clone()} /> },
        (Some(SectionKind::Highlights), "items") => html! {
            <>
                <TextField ptr={format!("{ptr}/title")} label={t.title} required=true />
                <TextField ptr={format!("{ptr}/text")} label={t.text} required=true multiline=true />
            </>
        },
        (_, "rows") => html! { <RowFields ptr={ptr.clone()} /> },
        (_, "marked") => html! {
            <div class="ed-grid">
                <NumField ptr={format!("{ptr}/month")} label={t.month} required=true integer=true />
                <NumField ptr={format!("{ptr}/reward/value")} label={t.reward} />
                <TextField ptr={format!("{ptr}/reward/unit")} label={t.reward_unit} />
            </div>
        },
        (_, "paragraphs") => {
            html! { <TextField ptr={ptr.clone()} label={word.clone()} required=true multiline=true /> }
        }
        _ => html! {},
    };
    html! {
        <fieldset class="ed-item" id={field_id(&ptr)} tabindex="-1">
            <legend>{ &name }</legend>
            <ListTools array={p.array.clone()} index={k} len={p.len} name={name.clone()} />
            { fields }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct PtrProps {
    ptr: AttrValue,
}

fn qualifier_options(t: &Strings) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), t.none.to_string())];
    out.extend(
        ["more_than", "over", "at_least", "about", "less_than", "nearly"]
            .iter()
            .map(|q| (q.to_string(), t.qualifier_name(q).to_string())),
    );
    out
}

#[function_component]
fn MetricFields(p: &PtrProps) -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let ptr = &p.ptr;
    let directions: Vec<(String, String)> = ["neutral", "higher_is_better", "lower_is_better"]
        .iter()
        .map(|d| (d.to_string(), t.direction_name(d).to_string()))
        .collect();
    // With a change there (a value or a basis typed), the empty choice is a kind still to
    // choose, not "no change".
    let change_given = use_at(&format!("{ptr}/change")).is_some();
    let change_kinds: Vec<(String, String)> = ["", "percent", "points", "absolute"]
        .iter()
        .map(|&k| {
            let name = if k.is_empty() && change_given { t.choose_kind } else { t.change_kind_name(k) };
            (k.to_string(), name.to_string())
        })
        .collect();
    html! {
        <>
            <FigureHead ptr={ptr.clone()} />
            <div class="ed-grid">
                <SelectField ptr={format!("{ptr}/qualifier")} label={t.qualifier} options={qualifier_options(t)} default="" />
                <SelectField ptr={format!("{ptr}/direction")} label={t.direction} options={directions} default="neutral" hint={t.direction_hint} />
            </div>
            <fieldset class="ed-sub" id={field_id(&format!("{ptr}/change"))} tabindex="-1">
                <legend>{ t.change }</legend>
                <div class="ed-grid">
                    <NumField ptr={format!("{ptr}/change/value")} label={t.change_value} />
                    <SelectField ptr={format!("{ptr}/change/kind")} label={t.change_kind} options={change_kinds} default="" />
                </div>
                <Fold within={vec![format!("{ptr}/change/basis"), format!("{ptr}/change/unit")]}
                    problems={vec![format!("{ptr}/change")]} summary={t.more_change}>
                    <TextField ptr={format!("{ptr}/change/basis")} label={t.change_basis} />
                    <TextField ptr={format!("{ptr}/change/unit")} label={t.change_unit} hint={t.change_unit_hint} />
                </Fold>
            </fieldset>
            <RanksFields ptr={format!("{ptr}/ranks")} />
            <TextField ptr={format!("{ptr}/source")} label={t.source} multiline=true />
            <Fold within={vec![format!("{ptr}/bounds"), format!("{ptr}/note")]} summary={t.more_metric}>
                <div class="ed-grid">
                    <NumField ptr={format!("{ptr}/bounds/min")} label={t.bounds_min} />
                    <NumField ptr={format!("{ptr}/bounds/max")} label={t.bounds_max} />
                </div>
                <TextField ptr={format!("{ptr}/note")} label={t.note} />
            </Fold>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FoldProps {
    /// The fields inside: a value in one, or a problem at or under one, opens the fold.
    within: Vec<String>,
    /// Places whose problems are fixed inside (a change's advice about its unit) open it too.
    #[prop_or_default]
    problems: Vec<String>,
    summary: AttrValue,
    children: Html,
}

/// Fields most entries leave empty, folded under a summary naming them, so that an entry is
/// not twice the height of what it says. Open when one has a value or a problem, and kept open
/// once opened (by the person, or by a problem): it must not close under the cursor as a field
/// is emptied or its problem fixed. Focus sent to a field inside (a problem's link, F8) opens
/// it too (`dom::focus_first`).
#[function_component]
fn Fold(p: &FoldProps) -> Html {
    let ctx = use_form();
    let block = use_block();
    let filled = p.within.iter().any(|ptr| block.at(ptr).is_some_and(|v| !v.is_null()));
    let problem = ctx.errors.keys().any(|e| {
        p.within.iter().any(|at| crate::editor::nav::under(e, at).is_some()) || p.problems.iter().any(|at| e == at)
    });
    let opened = use_state(|| filled || problem);
    {
        let opened = opened.clone();
        use_effect_with(problem, move |&problem| {
            if problem {
                opened.set(true);
            }
        });
    }
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                opened.set(d.open());
            }
        })
    };
    html! {
        <details class="ed-fold" open={*opened || problem} {ontoggle}>
            <summary>
                { p.summary.clone() }
                // Closed by the person over fields with values: said, so they are not missed.
                if filled && !(*opened || problem) { { ctx.t.sep }{ ctx.t.fold_filled } }
            </summary>
            { p.children.clone() }
        </details>
    }
}

#[function_component]
fn RanksFields(p: &PtrProps) -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let ranks = use_at(&p.ptr).and_then(|v| v.as_array().cloned()).unwrap_or_default();
    let bases: Vec<(String, String)> =
        ["value", "change"].iter().map(|b| (b.to_string(), t.rank_basis_name(b).to_string())).collect();
    html! {
        <fieldset class="ed-sub" id={field_id(&p.ptr)} tabindex="-1">
            <legend>{ t.ranks }</legend>
            { for ranks.iter().enumerate().map(|(k, _)| {
                let ptr = format!("{}/{k}", p.ptr);
                let name = t.list_word("ranks", k);
                html! {
                    <div class="ed-rank" role="group" aria-label={name.clone()} id={field_id(&ptr)} tabindex="-1">
                        <div class="ed-grid ed-grid-3">
                            <GroupSelect ptr={format!("{ptr}/group")} label={t.group} />
                            <NumField ptr={format!("{ptr}/position")} label={t.position} required=true integer=true />
                            <SelectField ptr={format!("{ptr}/basis")} label={t.rank_basis} options={bases.clone()} default="value" />
                        </div>
                        <ListTools array={p.ptr.clone()} index={k} len={ranks.len()} name={name.clone()} />
                    </div>
                }
            }) }
            <AddButton array={p.ptr.clone()} list="ranks" label={t.add_rank} focus="/group" />
        </fieldset>
    }
}

/// A metric's or a case item's name, value, id and unit, in the order of the reader's words:
/// the name first (a new entry's focus is on it), Tab then going on to the value, and the id,
/// made for it, after.
#[function_component]
fn FigureHead(p: &PtrProps) -> Html {
    let t = use_form().t;
    let ptr = &p.ptr;
    html! {
        <>
            <TextField ptr={format!("{ptr}/label")} label={t.label} required=true />
            <div class="ed-grid">
                <NumField ptr={format!("{ptr}/value")} label={t.value} required=true />
                <StrField ptr={format!("{ptr}/id")} label={t.id} required=true />
            </div>
            <TextField ptr={format!("{ptr}/unit")} label={t.unit} />
        </>
    }
}

#[function_component]
fn CaseFields(p: &PtrProps) -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let ptr = &p.ptr;
    html! {
        <>
            <FigureHead ptr={ptr.clone()} />
            <div class="ed-grid">
                <SelectField ptr={format!("{ptr}/qualifier")} label={t.qualifier} options={qualifier_options(t)} default="" />
                <NumField ptr={format!("{ptr}/resolved")} label={t.resolved} />
            </div>
            <TextField ptr={format!("{ptr}/note")} label={t.note} />
            <TextField ptr={format!("{ptr}/source")} label={t.source} multiline=true />
        </>
    }
}

#[function_component]
fn RowFields(p: &PtrProps) -> Html {
    let ctx = use_form();
    let t = ctx.t;
    let ptr = p.ptr.to_string();
    let row = use_at(&ptr).unwrap_or(Value::Null);
    let metric = row.get("metric").and_then(Value::as_str).map(str::to_string);
    let metric_id = field_id(&format!("{ptr}/metric"));
    let (invalid, described, err) = error_of(&ctx, &[&format!("{ptr}/metric")], &metric_id);
    let mut options = vec![(String::new(), t.row_own.to_string())];
    for (id, label) in &ctx.refs.metrics {
        options.push((id.clone(), choice_name(&ctx.refs.metrics, id, label)));
    }
    let current = metric.clone().unwrap_or_default();
    if !options.iter().any(|(v, _)| *v == current) {
        options.push((current.clone(), current.clone()));
    }
    let shown = use_shown_choice(&current);
    let onchange = {
        let send = ctx.send.clone();
        let ptr = ptr.clone();
        Callback::from(move |e: Event| {
            let v = event_value(&e);
            // A row that names a metric takes everything from it; one that does not has its own.
            let row = if v.is_empty() { json!({ "label": "" }) } else { json!({ "metric": v }) };
            edit(&send, Edit::Set { ptr: ptr.clone(), value: Some(row) })
        })
    };
    html! {
        <>
            <div class="ed-field">
                <label for={metric_id.clone()}>{ t.row_metric }</label>
                <select id={metric_id} class="ed-input" ref={shown} {onchange} aria-invalid={invalid} aria-describedby={described}>
                    { for options.into_iter().map(|(v, l)| html! { <option value={v.clone()} selected={v == current}>{ l }</option> }) }
                </select>
                { err }
            </div>
            if metric.is_none() {
                <TextField ptr={format!("{ptr}/label")} label={t.label} required=true />
                // Three short numbers on one line: a table of imported rows is long enough.
                <div class="ed-grid ed-grid-3">
                    <NumField ptr={format!("{ptr}/value")} label={t.value} />
                    <NumField ptr={format!("{ptr}/value_rank")} label={t.value_rank} integer=true />
                    <NumField ptr={format!("{ptr}/change_rank")} label={t.change_rank} integer=true />
                </div>
                <TextField ptr={format!("{ptr}/unit")} label={t.unit} />
            }
        </>
    }
}

/// The button that opens the table import for a metrics, ranking or case-statistics section,
/// and the import panel itself when it is open for this section.
#[function_component]
fn ImportControl(p: &IndexProps) -> Html {
    let ctx = use_form();
    // The section's entries as they are now (the panel says how many a replace removes).
    let block = use_block();
    let open = ctx.import.as_ref().filter(|s| s.section == p.index);
    let onclick = {
        let send = ctx.send.clone();
        let i = p.index;
        Callback::from(move |_| send.emit(Msg::Import(super::import::ImportMsg::Open(i))))
    };
    match open {
        Some(state) => {
            let list = ImportState::list_name(state.target);
            let existing = block.value.get(list).and_then(Value::as_array).map_or(0, Vec::len);
            import_panel(&ctx, state, existing)
        }
        None => html! {
            <button type="button" class="ed-btn" id={format!("import:{}", p.index)} {onclick}>{ ctx.t.import }</button>
        },
    }
}
