//! The import panel: filling a ranking or case-statistics section from a table pasted from a
//! spreadsheet or read from a `.csv` file, with the column mapping and the result shown before
//! anything changes (its state is `editor::import`).

use super::form::{event_value, radio, FormCtx};
use super::Msg;
use crate::editor::doc::{display, text_parts};
use crate::editor::encoding::Choice;
pub use crate::editor::import::{ImportMsg, ImportState};
use crate::editor::mapping::{self, Field, Note, ShownNote};
use serde_json::Value;
use yew::prelude::*;

fn fill(template: &str, pairs: &[(&str, String)]) -> String {
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    crate::i18n::fill(template, &pairs)
}

/// A readable one-line summary of an entry the table makes.
fn summary(ctx: &FormCtx, entry: &Value) -> String {
    let t = ctx.t;
    let mut parts = Vec::new();
    if let Some(m) = entry.get("metric") {
        parts.push(format!("{}: {}", t.row_metric, display(Some(m))));
    }
    let (zh, en) = text_parts(entry.get("label"));
    if !zh.is_empty() || !en.is_empty() {
        parts.push(if en.is_empty() { zh } else { format!("{zh} / {en}") });
    }
    // The figure as the widget will show it (“超过20万人次”), in the editor's language.
    let (unit, unit_en) = text_parts(entry.get("unit"));
    let value = entry.get("value").map(|v| display(Some(v))).unwrap_or_default();
    let qualifier = named(entry.get("qualifier"), crate::validate::decode::QUALIFIERS);
    let figure = match crate::model::Decimal::parse(&value) {
        Some(number) => {
            // A blank English unit falls back to the Chinese, as in the widget.
            let unit = (!unit.is_empty()).then(|| crate::model::Text::bilingual(&unit, &unit_en));
            let lang = ctx.t.lang;
            crate::format::figure(&number, qualifier, unit.as_ref(), lang).text(lang)
        }
        None => format!("{value}{unit}"),
    };
    if !figure.is_empty() {
        parts.push(figure);
    }
    if let Some(change) = entry.get("change") {
        parts.push(change_words(ctx, entry, change));
    }
    for (key, word) in
        [("resolved", t.resolved), ("value_rank", t.value_rank), ("change_rank", t.change_rank), ("id", "id")]
    {
        if let Some(v) = entry.get(key) {
            parts.push(format!("{word}: {}", display(Some(v))));
        }
    }
    parts.join(" · ")
}

/// What a payload's name (`value`, a string) means by one of the validator's tables of names
/// (`validate::decode::QUALIFIERS`, `DIRECTIONS`…); `None` for another value.
fn named<T: Copy>(value: Option<&Value>, names: &[(&str, T)]) -> Option<T> {
    let name = value.and_then(Value::as_str)?;
    names.iter().find(|(n, _)| *n == name).map(|(_, meaning)| *meaning)
}

/// A metric's year-on-year change in the widget's own words (“同比增加12.4%”, “同比持平”,
/// “up 3 cases year on year”), so that the person checks what readers will read; a change
/// the widget could not show yet stays as the table had it.
fn change_words(ctx: &FormCtx, entry: &Value, change: &Value) -> String {
    use crate::validate::decode::{CHANGE_KINDS, DIRECTIONS};
    let value = display(change.get("value"));
    let kind = named(change.get("kind"), CHANGE_KINDS);
    let Some((number, kind)) = crate::model::Decimal::parse(&value).zip(kind) else {
        return format!("{}: {value}", ctx.t.change);
    };
    let direction = named(entry.get("direction"), DIRECTIONS).unwrap_or(crate::model::Direction::Neutral);
    let text = |v: Option<&Value>| {
        let (zh, en) = text_parts(v);
        (!zh.is_empty()).then(|| crate::model::Text::bilingual(&zh, &en))
    };
    let unit = text(change.get("unit")).or_else(|| text(entry.get("unit")));
    let basis = text(change.get("basis"));
    let lang = ctx.t.lang;
    crate::format::change(&number, kind, direction, unit.as_ref(), basis.as_ref(), lang).phrase
}

/// The line of the text a data row `r` starts on (blank lines and a cell's own line breaks
/// counted, so it is the line the person sees in the box or the file).
fn sheet_line(state: &ImportState, r: usize) -> usize {
    let at = r + usize::from(state.header);
    state.lines.get(at).copied().unwrap_or(at + 1)
}

/// The note of one unit read from the cells of several rows: the rows' lines (the first and
/// the last of more than three), how many, and one of the cells.
fn units_note_text(ctx: &FormCtx, unit: &str, rows: &[usize], example: &str, state: &ImportState) -> String {
    let t = ctx.t;
    if let [row] = rows {
        let note = Note::Unit { row: *row, cell: example.to_string(), unit: unit.to_string() };
        return note_text(ctx, &note, state);
    }
    let lines: Vec<String> = rows.iter().map(|r| sheet_line(state, *r).to_string()).collect();
    let rows_text = match lines.as_slice() {
        [first, .., last] if lines.len() > 3 => format!("{first}–{last}"),
        _ => lines.join(t.name_list_sep),
    };
    fill(
        t.note_units,
        &[
            ("rows", rows_text),
            ("n", rows.len().to_string()),
            ("cell", example.to_string()),
            ("unit", unit.to_string()),
        ],
    )
}

/// A note on a data row, with the row's line.
fn note_text(ctx: &FormCtx, note: &Note, state: &ImportState) -> String {
    let t = ctx.t;
    let row = |r: &usize| sheet_line(state, *r).to_string();
    match note {
        Note::Qualifier { row: r, cell, qualifier } => {
            let value = mapping::parse_figure(cell).number.unwrap_or_default();
            fill(
                t.note_qualifier,
                &[
                    ("row", row(r)),
                    ("cell", cell.clone()),
                    ("value", value),
                    ("q", t.qualifier_name(qualifier).to_string()),
                ],
            )
        }
        Note::Unit { row: r, cell, unit } => {
            fill(t.note_unit, &[("row", row(r)), ("cell", cell.clone()), ("unit", unit.clone())])
        }
        Note::UnitOnSome { row: r, cell, unit, without } => fill(
            t.note_unit_on_some,
            &[("row", row(r)), ("cell", cell.clone()), ("unit", unit.clone()), ("n", without.to_string())],
        ),
        Note::UnitConflict { row: r, cell, column } => {
            fill(t.note_unit_conflict, &[("row", row(r)), ("cell", cell.clone()), ("unit", column.clone())])
        }
        Note::QualifierDropped { row: r, cell } => {
            let value = mapping::parse_figure(cell).number.unwrap_or_default();
            fill(t.note_qualifier_dropped, &[("row", row(r)), ("cell", cell.clone()), ("value", value)])
        }
        Note::NotANumber { row: r, cell, .. } => fill(t.note_nan, &[("row", row(r)), ("cell", cell.clone())]),
        Note::DecimalComma { row: r, cell, reading } => {
            fill(t.note_decimal_comma, &[("row", row(r)), ("cell", cell.clone()), ("reading", reading.clone())])
        }
        Note::NotACount { row: r, cell } => fill(t.note_not_a_count, &[("row", row(r)), ("cell", cell.clone())]),
        Note::NotARank { row: r, cell } => fill(t.note_not_a_rank, &[("row", row(r)), ("cell", cell.clone())]),
        Note::Tie { row: r, cell, rank } => {
            fill(t.note_tie, &[("row", row(r)), ("cell", cell.clone()), ("rank", rank.to_string())])
        }
        Note::NoFigure { row: r, cell } => fill(t.note_no_figure, &[("row", row(r)), ("cell", cell.clone())]),
        Note::RankBeyondGroup { row: r, field, rank, size } => fill(
            t.note_rank_beyond_group,
            &[
                ("row", row(r)),
                ("column", t.field(*field).to_string()),
                ("rank", rank.to_string()),
                ("size", size.to_string()),
            ],
        ),
        Note::HeaderUnit { header, unit } => {
            fill(t.note_header_unit, &[("header", header.clone()), ("unit", unit.clone())])
        }
        Note::TotalRow { row: r, cell } => fill(t.note_total_row, &[("row", row(r)), ("cell", cell.clone())]),
        Note::AverageRow { row: r, cell } => fill(t.note_average_row, &[("row", row(r)), ("cell", cell.clone())]),
        Note::ChangeKind { row: r, cell } => fill(t.note_change_kind, &[("row", row(r)), ("cell", cell.clone())]),
        Note::ChangeNotRead { row: r, cell } => {
            fill(t.note_change_not_read, &[("row", row(r)), ("cell", cell.clone())])
        }
        Note::ColumnNotImported { column, header } => {
            let name = header.clone().unwrap_or_else(|| fill(t.column, &[("n", (column + 1).to_string())]));
            fill(t.note_column_not_imported, &[("column", name)])
        }
        Note::RowHeading { header } => fill(t.note_row_heading, &[("header", header.clone())]),
        Note::HeadingKept { kept, header, appending } => fill(
            if *appending { t.note_heading_kept_added } else { t.note_heading_kept },
            &[("kept", kept.clone()), ("header", header.clone())],
        ),
        Note::ValueHeading { header, heading } => {
            fill(t.note_value_heading, &[("header", header.clone()), ("heading", heading.clone())])
        }
        Note::KeptEnglish { count } => fill(t.note_kept_english, &[("n", count.to_string())]),
        Note::KeptMetrics { count } => fill(t.note_kept_metrics, &[("n", count.to_string())]),
        Note::MetricsRestated { names } => {
            let list = names.join(t.name_list_sep);
            fill(t.note_metrics_restated, &[("n", names.len().to_string()), ("names", list)])
        }
        Note::MetricsDropped { names, referenced } => {
            let mut text =
                fill(t.note_metrics_dropped, &[("n", names.len().to_string()), ("names", names.join(t.name_list_sep))]);
            if !referenced.is_empty() {
                text.push_str(&fill(t.note_metrics_referenced, &[("names", referenced.join(t.name_list_sep))]));
            }
            text
        }
        Note::TitleLine { cell } => fill(t.note_title_line, &[("cell", cell.clone())]),
    }
}

/// How many table rows the mapping preview shows.
const PREVIEW_ROWS: usize = 12;

/// The panel; `existing` is how many entries the section holds now.
pub fn import_panel(ctx: &FormCtx, state: &ImportState, existing: usize) -> Html {
    let t = ctx.t;
    let i = state.section;
    let send = ctx.send.clone();
    let msg = move |m: ImportMsg| Msg::Import(m);
    let on_text = send.reform(move |e: InputEvent| msg(ImportMsg::Text(event_value(&e))));
    // A paste replaces the box's text: the browser's own paste, over the whole text selected,
    // so that Ctrl+Z takes it back as after any paste (set by the editor, the text had no undo;
    // written through `insertText`, a 5,000-row sheet took minutes). Its `input` event reaches
    // `on_text`.
    let on_paste = Callback::from(|e: Event| {
        if let Some(box_) =
            e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(t).ok())
        {
            box_.select();
        }
    });
    let on_choose = send.reform(|_| Msg::Import(ImportMsg::ChooseFile));
    let on_restore = send.reform(|_| Msg::Import(ImportMsg::RestoreText));
    let on_file = send.reform(|e: Event| Msg::ImportFileChosen(e));
    let on_encoding = send.reform(|e: Event| Msg::Import(ImportMsg::Encoding(event_value(&e))));
    let on_header = send.reform(|e: Event| {
        let on = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
            .is_some_and(|i| i.checked());
        Msg::Import(ImportMsg::Header(on))
    });
    let on_replace = |on: bool| send.reform(move |_| Msg::Import(ImportMsg::Replace(on)));
    let on_apply = send.reform(|_| Msg::Import(ImportMsg::Apply));
    let on_cancel = send.reform(|_| Msg::Import(ImportMsg::Close));
    let fields = mapping::fields_for(state.target);
    let built = &state.built;
    let width = state.width();
    let header_row = if state.header { state.rows.first() } else { None };
    let region = format!("import-{i}");
    html! {
        <div class="ed-import" role="region" aria-labelledby={format!("{region}-h")} id={region.clone()}>
            <h3 class="ed-h3" id={format!("{region}-h")}>{ t.import_title }</h3>
            <p class="ed-hint">{ t.paste_help }</p>
            <label for={format!("paste-{i}")}>{ t.paste_here }</label>
            <textarea id={format!("paste-{i}")} class="ed-input ed-paste" rows="4" value={state.text.clone()}
                oninput={on_text} onpaste={on_paste} spellcheck="false"/>
            <div class="ed-row">
                <button type="button" class="ed-btn" id={format!("csv-button-{i}")} onclick={on_choose}>{ t.choose_csv }</button>
                <input type="file" id={format!("csv-{i}")} accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" hidden=true onchange={on_file} />
                <label for={format!("encoding-{i}")}>{ t.encoding }</label>
                <select id={format!("encoding-{i}")} class="ed-input ed-narrow" onchange={on_encoding}>
                    { for Choice::ALL.iter().map(|(name, c)| html! {
                        <option value={*name} selected={*c == state.choice}>{ if *c == Choice::Auto { t.encoding_auto } else { c.name_label() } }</option>
                    }) }
                </select>
                if let (Some((name, _)), Some((enc, _))) = (&state.file, &state.decoded) {
                    <span class="ed-status" id={format!("decoded-{i}")}>{ fill(t.read_as, &[("name", name.clone()), ("enc", enc.label().to_string())]) }</span>
                }
            </div>
            if state.decoded.is_some_and(|(_, errors)| errors) { <p class="ed-warn" role="status">{ t.decode_errors }</p> }
            if let Some(name) = &state.workbook {
                <p class="ed-warn" role="alert" id={format!("workbook-{i}")}>{ fill(t.workbook, &[("name", name.clone())]) }</p>
            }
            // Said in the notice (a live region) when it happens; here, with its button.
            if state.set_aside.is_some() {
                <p class="ed-hint" id={format!("set-aside-{i}")}>
                    { t.set_aside }{ " " }
                    <button type="button" class="ed-btn" id={format!("restore-pasted-{i}")} onclick={on_restore}>{ t.restore_pasted }</button>
                </p>
            }
            if state.rows.is_empty() {
                <p class="ed-empty">{ t.no_table }</p>
            } else {
                <div class="ed-field ed-check">
                    <input type="checkbox" id={format!("header-{i}")} checked={state.header} onchange={on_header} />
                    <label for={format!("header-{i}")}>{ t.header_row }</label>
                </div>
                // On its side: a row per column of the sheet (its name, what it is, then its first
                // values). Six columns with their choices side by side need about 800 px, more
                // than the form's half of a 1024-1366 px window; a row each, every column and its
                // choice show, and only values that do not fit scroll, inside the box.
                <div class="ed-table-wrap">
                    <table class="ed-map" id={format!("mapping-{i}")}>
                        <caption>{ t.mapping }</caption>
                        <tbody>
                            { for (0..width).map(|c| {
                                let id = format!("map-{i}-{c}");
                                let current = state.mapping.get(c).copied().unwrap_or(Field::Ignore);
                                let on_map = send.reform(move |e: Event| Msg::Import(ImportMsg::Map(c, event_value(&e))));
                                let head = header_row.map(|r| r[c].clone()).unwrap_or_default();
                                html! {
                                    <tr>
                                        <th scope="row">
                                            <label for={id.clone()} class="ed-col-name">
                                                { fill(t.column, &[("n", (c + 1).to_string())]) }
                                                if !head.is_empty() { <span class="ed-col-head">{ head }</span> }
                                            </label>
                                            <select {id} class="ed-input" onchange={on_map}>
                                                { for fields.iter().map(|f| html! {
                                                    <option value={f.key()} selected={*f == current}>{ t.field(*f) }</option>
                                                }) }
                                            </select>
                                        </th>
                                        { for state.body().iter().take(PREVIEW_ROWS).map(|r| html! {
                                            <td>{ r.get(c).cloned().unwrap_or_default() }</td>
                                        }) }
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
                if !built.notes.is_empty() {
                    <ul class="ed-notes">
                        { for mapping::notes_to_show(&built.notes).into_iter().map(|shown| match shown {
                            // Marked by weight and its marker as well as colour (WCAG 1.4.1).
                            ShownNote::One(n) => html! {
                                <li class={n.needs_check().then_some("ed-note-check")}>{ note_text(ctx, n, state) }</li>
                            },
                            ShownNote::Units { unit, rows, example } => html! {
                                <li>{ units_note_text(ctx, unit, &rows, example, state) }</li>
                            },
                        }) }
                    </ul>
                }
                <p id={format!("result-{i}-h")}>{ fill(t.result, &[("n", built.entries.len().to_string())]) }</p>
                <ol class="ed-result" id={format!("result-{i}")} aria-labelledby={format!("result-{i}-h")}>
                    { for built.entries.iter().take(PREVIEW_ROWS).map(|e| html! { <li>{ summary(ctx, e) }</li> }) }
                    if built.entries.len() > PREVIEW_ROWS { <li>{ "…" }</li> }
                </ol>
                // Into an empty section replacing and adding are the same: no choice to make.
                if existing > 0 {
                    <fieldset class="ed-radios" aria-describedby={format!("mode-{i}-effect")}>
                        <legend>{ fill(t.import_existing, &[("n", existing.to_string())]) }</legend>
                        { radio(&format!("mode-{i}"), &format!("replace-{i}"), t.replace_rows, state.replace, on_replace(true)) }
                        { radio(&format!("mode-{i}"), &format!("append-{i}"), t.append_rows, !state.replace, on_replace(false)) }
                    </fieldset>
                    // What applying does to the entries already there, in numbers; said again
                    // (a live region) when the choice changes.
                    <p class={if state.replace { "ed-effect ed-effect-replace" } else { "ed-effect" }}
                        id={format!("mode-{i}-effect")} aria-live="polite">
                        { fill(if state.replace { t.replace_effect } else { t.append_effect }, &[
                            ("n", existing.to_string()),
                            ("m", built.entries.len().to_string()),
                            ("total", (existing + built.entries.len()).to_string()),
                        ]) }
                    </p>
                }
            }
            if state.too_big_to_keep() {
                <p class="ed-hint" id={format!("paste-{i}-not-kept")}>{ t.import_not_kept }</p>
            }
            if state.aside_too_big_to_keep() {
                <p class="ed-hint" id={format!("set-aside-{i}-not-kept")}>{ t.set_aside_not_kept }</p>
            }
            // Beside the apply button: applying is what keeps the table now.
            if state.not_stored {
                <p class="ed-warn" id={format!("paste-{i}-not-stored")} role="status">{ t.import_not_stored }</p>
            }
            <div class="ed-row">
                <button type="button" class="ed-btn ed-primary" id={format!("apply-{i}")} disabled={built.entries.is_empty()} onclick={on_apply}>{ t.apply }</button>
                <button type="button" class="ed-btn" id={format!("cancel-{i}")} onclick={on_cancel}>{ t.cancel }</button>
            </div>
        </div>
    }
}

trait ChoiceLabel {
    fn name_label(&self) -> &'static str;
}

impl ChoiceLabel for Choice {
    fn name_label(&self) -> &'static str {
        match self {
            Choice::Auto => "auto",
            Choice::Utf8 => "UTF-8",
            Choice::Gbk => "GBK (GB18030)",
        }
    }
}
