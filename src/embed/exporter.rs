//! Files on demand: chart images (SVG, PNG) and CSV files are made by a second, small
//! WebAssembly module (`report-widget-export`), which the loader fetches on the first such
//! download, so their code is not part of every reader's first download. This module is both ends of the
//! hand-over: the widget packs what a chart shows into a plain object and gives it to the
//! loader's bridge (`window["report-widget:export"]`); the export module unpacks it and saves
//! the file. (The editor page, whose one build holds everything, installs a bridge that
//! exports directly.)

use crate::charts::export::chart_svg;
use crate::model::Lang;
use crate::view::{ChartItem, ChartKind, ChartView, TableView};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The window property through which the widget asks the on-demand module for a CSV file or a
/// chart image.
pub const BRIDGE: &str = "report-widget:export";

/// One chart image to make: the chart, which items the reader hid, the credit line, the
/// report's language, and PNG (else SVG).
pub struct Request {
    pub chart: ChartView,
    pub hidden: Vec<bool>,
    pub credit: String,
    pub lang: Lang,
    pub png: bool,
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// A chart kind's name in a request, both ways.
const KINDS: [(ChartKind, &str); 3] =
    [(ChartKind::Bars, "bars"), (ChartKind::Completion, "completion"), (ChartKind::Months, "months")];

/// What `chart_svg` reads of a chart, as a plain object (numbers stay numbers: no float
/// formatting in the widget's wasm).
fn pack(chart: &ChartView, hidden: &[bool], credit: &str, lang: Lang, png: bool) -> Object {
    let request = Object::new();
    set(&request, "file", &JsValue::from_str(&chart.file));
    let kind = KINDS.iter().find(|(k, _)| *k == chart.kind).map_or("", |(_, name)| name);
    set(&request, "kind", &JsValue::from_str(kind));
    set(&request, "title", &JsValue::from_str(&chart.title));
    set(&request, "summary", &JsValue::from_str(&chart.summary));
    set(&request, "note", &chart.note.as_deref().map_or(JsValue::NULL, JsValue::from_str));
    let headers: Array = chart.table.headers.iter().map(|h| JsValue::from_str(h)).collect();
    set(&request, "headers", &headers);
    let items: Array = chart
        .items
        .iter()
        .map(|item| {
            let packed = Object::new();
            set(&packed, "label", &JsValue::from_str(&item.label));
            set(&packed, "value", &JsValue::from_f64(item.value));
            set(&packed, "text", &JsValue::from_str(&item.value_text));
            set(&packed, "marked", &JsValue::from_bool(item.marked));
            JsValue::from(packed)
        })
        .collect();
    set(&request, "items", &items);
    let hidden: Array = hidden.iter().map(|&h| JsValue::from_bool(h)).collect();
    set(&request, "hidden", &hidden);
    set(&request, "credit", &JsValue::from_str(credit));
    set(&request, "lang", &JsValue::from_str(lang.tag()));
    set(&request, "format", &JsValue::from_str(if png { "png" } else { "svg" }));
    request
}

/// Asks the loader's bridge for the image of `chart` as it is shown now; `failed` is called
/// if no file could be made (the export module could not be loaded, or refused the request),
/// so the chart can say so. Without a bridge (a page that mounted the widget some other way)
/// the page's author also gets a console message saying why.
pub fn request(chart: &ChartView, hidden: &[bool], credit: &str, lang: Lang, png: bool, failed: yew::Callback<()>) {
    send(&pack(chart, hidden, credit, lang, png), failed)
}

/// Asks the loader's bridge to save a table of the payload `source` as a CSV file: `table` is a
/// ranking's element id or a chart's id, `order` a ranking's rows in the reader's order (empty:
/// the payload's). The export module reads the payload again and writes the rows
/// (`ReportView::csv_of`), so the widget's own wasm builds none. `failed` as for `request`.
pub fn request_csv(source: &str, lang: Lang, table: &str, order: &[usize], failed: yew::Callback<()>) {
    let request = Object::new();
    set(&request, "format", &JsValue::from_str("csv"));
    set(&request, "payload", &JsValue::from_str(source));
    set(&request, "lang", &JsValue::from_str(lang.tag()));
    set(&request, "table", &JsValue::from_str(table));
    let order: Array = order.iter().map(|&i| JsValue::from_f64(i as f64)).collect();
    set(&request, "order", &order);
    send(&request, failed)
}

fn send(request: &Object, failed: yew::Callback<()>) {
    let Some(bridge) = super::loader_bridge(BRIDGE) else {
        gloo::console::error!("report-widget: downloads need the loader, report-widget.js");
        return failed.emit(());
    };
    // The loader's bridge answers with a promise of true or false, the editor's at once.
    let answer = bridge.call1(&JsValue::NULL, request).unwrap_or(JsValue::FALSE);
    wasm_bindgen_futures::spawn_local(async move {
        let done = match answer.dyn_into::<js_sys::Promise>() {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok_and(|v| v.is_truthy()),
            Err(answer) => answer.is_truthy(),
        };
        if !done {
            failed.emit(());
        }
    });
}

fn text(source: &JsValue, key: &str) -> Option<String> {
    Reflect::get(source, &JsValue::from_str(key)).ok()?.as_string()
}

fn list(source: &JsValue, key: &str) -> Vec<JsValue> {
    Reflect::get(source, &JsValue::from_str(key)).ok().map(|a| Array::from(&a).to_vec()).unwrap_or_default()
}

/// The request `pack` made; `None` if it is not one.
pub fn unpack(value: &JsValue) -> Option<Request> {
    let kind_name = text(value, "kind")?;
    let kind = KINDS.iter().find(|(_, name)| *name == kind_name)?.0;
    let items = list(value, "items")
        .iter()
        .map(|item| {
            Some(ChartItem {
                label: text(item, "label")?,
                value: Reflect::get(item, &JsValue::from_str("value")).ok()?.as_f64()?,
                value_text: text(item, "text")?,
                detail: String::new(),
                marked: Reflect::get(item, &JsValue::from_str("marked")).ok()?.as_bool()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let chart = ChartView {
        id: String::new(),
        file: text(value, "file")?,
        kind,
        title: text(value, "title")?,
        summary: text(value, "summary")?,
        items,
        table: TableView {
            headers: list(value, "headers").iter().filter_map(JsValue::as_string).collect(),
            ..TableView::default()
        },
        legend: false,
        note: text(value, "note"),
    };
    Some(Request {
        chart,
        hidden: list(value, "hidden").iter().map(|h| h.as_bool().unwrap_or(false)).collect(),
        credit: text(value, "credit").unwrap_or_default(),
        lang: Lang::from_code(&text(value, "lang").unwrap_or_default()),
        png: text(value, "format").as_deref() == Some("png"),
    })
}

/// Makes and saves the file a request asks for: true, or for a PNG image, drawn once the
/// browser has read the SVG, a promise of true rejected with the reason where it could not be
/// drawn. False if `value` is not a request.
pub fn run(value: &JsValue) -> JsValue {
    if text(value, "format").as_deref() == Some("csv") {
        return JsValue::from_bool(save_csv(value).is_some());
    }
    let Some(request) = unpack(value) else { return JsValue::FALSE };
    let doc = chart_svg(&request.chart, &request.hidden, &request.credit, request.lang);
    let file = &request.chart.file;
    if request.png {
        return crate::report::download_png(format!("{file}.png"), &doc.svg, doc.width, doc.height).into();
    }
    crate::report::download_text(&format!("{file}.svg"), "image/svg+xml;charset=utf-8", &doc.svg);
    JsValue::TRUE
}

/// Saves the CSV file a request names (`request_csv`); `None` if it names none.
#[cfg(feature = "messages")]
fn save_csv(value: &JsValue) -> Option<()> {
    let report = crate::validate::load(&text(value, "payload")?).ok()?;
    let lang = Lang::from_code(&text(value, "lang")?);
    let order: Vec<usize> = list(value, "order").iter().filter_map(JsValue::as_f64).map(|i| i as usize).collect();
    let (file, rows) = crate::view::ReportView::new(&report, lang).csv_of(&text(value, "table")?, &order)?;
    crate::report::download_text(&format!("{file}.csv"), "text/csv;charset=utf-8", &crate::format::csv(&rows));
    Some(())
}

/// The widget's own wasm makes no files (the export module does).
#[cfg(not(feature = "messages"))]
fn save_csv(_value: &JsValue) -> Option<()> {
    None
}

/// Installs a bridge that exports in this very module (the editor page, whose one build holds
/// the export code anyway).
pub fn install_local_bridge() {
    let bridge = Closure::<dyn Fn(JsValue) -> JsValue>::new(|value: JsValue| run(&value));
    let _ = Reflect::set(&gloo::utils::window(), &JsValue::from_str(BRIDGE), bridge.as_ref());
    bridge.forget();
}
