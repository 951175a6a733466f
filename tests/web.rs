//! Component and embedding tests in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::sleep;
use report_widget::embed;
use report_widget::model::Lang;
use report_widget::report::{Outcome, Widget, WidgetProps};
use report_widget::validate;
use report_widget::view::ReportView;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const LANSHAN: &str = include_str!("../www/reports/lanshan-2021.json");

fn document() -> web_sys::Document {
    gloo::utils::document()
}

fn fresh_div() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// Waits (up to 5 s) until `check` holds; Yew renders asynchronously.
async fn eventually(what: &str, check: impl Fn() -> bool) {
    for _ in 0..250 {
        if check() {
            return;
        }
        sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for {what}");
}

fn shadow_text(host: &Element) -> String {
    host.shadow_root().and_then(|s| s.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_report_component_renders_cards_ranks_and_charts() {
    let report = validate::load(LANSHAN).unwrap();
    let root = fresh_div();
    let view = Rc::new(ReportView::new(&report, Lang::Zh));
    yew::Renderer::<Widget>::with_root_and_props(root.clone(), WidgetProps { outcome: Outcome::Report(view), on_rendered: None })
        .render();
    eventually("the report", || root.query_selector(".rw-card").ok().flatten().is_some()).await;
    let text = root.text_content().unwrap_or_default();
    for expected in ["4.73", "五区第1名", "同比改善8.2%", "5020余人次", "1813.4469万元", "98.9%"] {
        assert!(text.contains(expected), "missing {expected}");
    }
    let cards = root.query_selector_all(".rw-card").unwrap().length();
    assert_eq!(cards, 8 + 3 + 8, "a card for every metric");
    let charts = root.query_selector_all("svg.rw-bars[role=img]").unwrap().length();
    assert!(charts >= 3, "bar charts for units shared by several case items, found {charts}");
    // A pollutant's decrease is shown as good news, a flat value as neutral.
    let pm25 = root.query_selector("[data-metric=pm25] .rw-change").unwrap().unwrap();
    assert!(pm25.class_list().contains("rw-good"));
    let no2 = root.query_selector("[data-metric=no2] .rw-change").unwrap().unwrap();
    assert!(no2.class_list().contains("rw-neutral"));
}

#[wasm_bindgen_test]
async fn a_host_with_an_inline_payload_becomes_ready_in_its_shadow_root() {
    let script = document().create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_id("web-test-payload");
    script.set_text_content(Some(LANSHAN));
    document().body().unwrap().append_child(&script).unwrap();
    let host = fresh_div();
    host.set_attribute("data-report-widget", "").unwrap();
    host.set_attribute("data-payload", "web-test-payload").unwrap();
    host.set_attribute("data-lang", "en").unwrap();
    embed::mount(host.clone(), Rc::from("data:text/css,"));
    eventually("data-state=ready", || host.get_attribute("data-state").as_deref() == Some("ready")).await;
    let text = shadow_text(&host);
    assert!(text.contains("1st of 5 districts"), "English follows data-lang");
    assert!(host.children().length() == 0, "nothing is added to the host's light DOM");
}

#[wasm_bindgen_test]
async fn a_broken_payload_shows_its_error_inside_the_widget() {
    let script = document().create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_id("web-test-broken");
    script.set_text_content(Some("{\"schema\": \"report-widget/1\", \"meta\": "));
    document().body().unwrap().append_child(&script).unwrap();
    let host = fresh_div();
    host.set_attribute("data-report-widget", "").unwrap();
    host.set_attribute("data-payload", "web-test-broken").unwrap();
    let detail = Rc::new(std::cell::RefCell::new(None::<wasm_bindgen::JsValue>));
    let seen = detail.clone();
    let listener = gloo::events::EventListener::new(&host, "report-widget:error", move |e| {
        let e: &web_sys::CustomEvent = e.unchecked_ref();
        *seen.borrow_mut() = Some(e.detail());
    });
    embed::mount(host.clone(), Rc::from("data:text/css,"));
    eventually("data-state=error", || host.get_attribute("data-state").as_deref() == Some("error")).await;
    drop(listener);
    assert!(shadow_text(&host).contains("JSON"), "the error names the problem: {}", shadow_text(&host));
    let detail = detail.borrow().clone().expect("an error event with detail");
    let problems = js_sys::Reflect::get(&detail, &"problems".into()).unwrap();
    let first = js_sys::Reflect::get(&problems, &0.into()).unwrap();
    assert_eq!(js_sys::Reflect::get(&first, &"line".into()).unwrap().as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
async fn a_host_without_a_payload_source_says_so() {
    let host = fresh_div();
    host.set_attribute("data-report-widget", "").unwrap();
    embed::mount(host.clone(), Rc::from("data:text/css,"));
    eventually("data-state=error", || host.get_attribute("data-state").as_deref() == Some("error")).await;
    assert!(shadow_text(&host).contains("data-payload"));
}
