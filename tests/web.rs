//! Component and embedding tests in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

#[allow(dead_code)] // the native tests' helpers come along
mod common;

use gloo::timers::future::sleep;
use report_widget::embed;
use report_widget::model::Lang;
use report_widget::report::{Outcome, Widget, WidgetProps};
use report_widget::validate;
use report_widget::view::{ReportView, Theme};
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
    yew::Renderer::<Widget>::with_root_and_props(
        root.clone(),
        WidgetProps { outcome: Outcome::Report(view), theme: Theme::default(), live: true },
    )
    .render();
    eventually("the report", || root.query_selector(".rw-card").ok().flatten().is_some()).await;
    let text = root.text_content().unwrap_or_default();
    for expected in ["4.73", "五区第1名", "同比改善8.2%", "5020余人次", "1813.4469万元", "98.9%"] {
        assert!(text.contains(expected), "missing {expected}");
    }
    let cards = root.query_selector_all(".rw-card").unwrap().length();
    assert_eq!(cards, 8 + 3 + 8, "a card for every metric");
    let charts = root.query_selector_all(".rw-bars[role=list]").unwrap().length();
    assert!(charts >= 3, "bar charts for units shared by several case items, found {charts}");
    // Rendered live, a chart's name says how its keys work (a prerendered one does not).
    let plot = root.query_selector(".rw-plot").unwrap().unwrap();
    assert!(plot.get_attribute("aria-label").unwrap_or_default().contains("方向键"));
    // A pollutant's decrease is shown as good news, a flat value as neutral.
    let pm25 = root.query_selector("[data-metric=pm25] .rw-change").unwrap().unwrap();
    assert!(pm25.get_attribute("data-tone").as_deref() == Some("good"));
    let no2 = root.query_selector("[data-metric=no2] .rw-change").unwrap().unwrap();
    assert!(no2.get_attribute("data-tone").as_deref() == Some("neutral"));
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

// ---- Interactions of the visuals --------------------------------------------------------

use web_sys::HtmlElement;

/// Renders `payload` in `lang` with `theme` into a fresh element and waits for it.
/// The reader's large-text choice as the widget keeps it (the tests share one page's storage).
fn remembered_large() -> Option<String> {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("report-widget:large-text").unwrap()
}

async fn mount_report(payload: &str, lang: Lang, theme: Theme) -> Element {
    // Every test starts from a reader who has not chosen large text (the choice is remembered).
    web_sys::window().unwrap().local_storage().unwrap().unwrap().remove_item("report-widget:large-text").unwrap();
    let report = validate::load(payload).expect("a valid payload");
    let root = fresh_div();
    let view = Rc::new(ReportView::new(&report, lang));
    yew::Renderer::<Widget>::with_root_and_props(
        root.clone(),
        WidgetProps { outcome: Outcome::Report(view), theme, live: true },
    )
    .render();
    eventually("the report", || root.query_selector(".rw-card").ok().flatten().is_some()).await;
    root
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().expect("an HTML element").click();
}

/// The text an element shows, a no-break space read as a space.
fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default().replace('\u{a0}', " ")
}

fn key(el: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

fn ranking_labels(root: &Element) -> Vec<String> {
    all(root, ".rw-ranking tbody th").iter().map(text).collect()
}

#[wasm_bindgen_test]
async fn every_text_of_the_payload_is_written_as_text_in_the_browser() {
    // Static parts of the report are written as one HTML string (`markup`): payload text in
    // them must stay text there too.
    let root = mount_report(&common::with_hostile_texts(LANSHAN), Lang::Zh, Theme::default()).await;
    assert_eq!(root.query_selector_all("img").unwrap().length(), 0, "no payload text becomes an element");
    // Nor ends an attribute early, which would leave stray attributes behind.
    let stray: Vec<String> = all(&root, "*")
        .iter()
        .flat_map(|e| e.get_attribute_names().iter().filter_map(|n| n.as_string()).collect::<Vec<_>>())
        .filter(|n| !n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .collect();
    assert_eq!(stray, Vec::<String>::new());
    let shown = root.text_content().unwrap_or_default().matches(common::HOSTILE).count();
    let given = common::with_hostile_texts(LANSHAN).matches("onerror").count();
    assert!(shown >= given, "each of the {given} texts is shown as written, found {shown}");
}

#[wasm_bindgen_test]
async fn clicking_column_headings_sorts_the_ranking_with_aria_sort() {
    let root = mount_report(LANSHAN, Lang::Zh, Theme::default()).await;
    assert_eq!(ranking_labels(&root), ["综合指数", "PM2.5浓度", "PM10浓度", "O3浓度"]);
    assert!(all(&root, ".rw-ranking th[aria-sort]").is_empty(), "unsorted at first");
    let headers = all(&root, ".rw-ranking thead th");
    click(&one(&headers[1], "button"));
    eventually("ascending", || headers[1].get_attribute("aria-sort").as_deref() == Some("ascending")).await;
    assert_eq!(ranking_labels(&root), ["综合指数", "PM2.5浓度", "PM10浓度", "O3浓度"]);
    click(&one(&headers[1], "button"));
    eventually("descending", || headers[1].get_attribute("aria-sort").as_deref() == Some("descending")).await;
    assert_eq!(ranking_labels(&root), ["O3浓度", "PM10浓度", "PM2.5浓度", "综合指数"]);
    // Another column: it alone carries aria-sort.
    click(&one(&headers[4], "button"));
    eventually("change rank", || headers[4].get_attribute("aria-sort").as_deref() == Some("ascending")).await;
    assert_eq!(headers[1].get_attribute("aria-sort"), None);
    assert_eq!(
        ranking_labels(&root),
        ["综合指数", "PM10浓度", "O3浓度", "PM2.5浓度"],
        "rank 4 for improvement comes last"
    );
    assert_eq!(text(&one(&root, ".rw-ranking tbody tr:last-child td:last-child")), "4 / 5");
}

#[wasm_bindgen_test]
async fn the_table_view_legend_sections_and_large_text_toggle() {
    let root = mount_report(LANSHAN, Lang::Zh, Theme::default()).await;
    // Table view.
    let figure = one(&root, "#rw-enforcement figure");
    let toggle = one(&figure, ".rw-table-toggle");
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("false"));
    click(&toggle);
    eventually("table view", || figure.get_attribute("data-view").as_deref() == Some("table")).await;
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("true"));
    let rows: Vec<String> = all(&figure, "table.rw-data tbody th").iter().map(text).collect();
    let bars: Vec<String> = all(&figure, ".rw-row-label").iter().map(text).collect();
    assert_eq!(rows, bars, "the table has the chart's items");
    click(&toggle);
    eventually("chart view", || figure.get_attribute("data-view").as_deref() == Some("chart")).await;

    // Legend: hiding the largest bar rescales the others.
    let widths = |f: &Element| -> Vec<String> {
        all(f, ".rw-mark-fill").iter().map(|r| r.get_attribute("width").unwrap_or_default()).collect()
    };
    assert_eq!(widths(&figure)[0], "100%", "520 is the longest");
    let chip = one(&figure, ".rw-chip");
    click(&chip);
    eventually("one bar fewer", || all(&figure, ".rw-row").len() == 2).await;
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(widths(&figure)[1], "100%", "290 is now the longest");
    // Every item hidden: the plot says so, and no longer tells of the arrow keys.
    let plot = one(&figure, ".rw-plot");
    let named = plot.get_attribute("aria-label").unwrap_or_default();
    assert!(named.contains("方向键"), "{named}");
    for chip in all(&figure, ".rw-chip[aria-pressed=true]") {
        click(&chip);
    }
    eventually("every bar hidden", || all(&figure, ".rw-row").is_empty()).await;
    assert!(!plot.get_attribute("aria-label").unwrap_or_default().contains("方向键"));
    assert!(plot.query_selector(".rw-plot-hint").unwrap().is_none());
    assert_eq!(text(&one(&figure, ".rw-empty")), "所有项目均已隐藏。请在图例中选择要显示的项目。");
    let show_all = one(&figure, ".rw-chip-all");
    click(&show_all);
    eventually("all bars", || all(&figure, ".rw-row").len() == 3).await;
    assert!(plot.get_attribute("aria-label").unwrap_or_default().contains("方向键"));

    // Folding a section.
    let section_toggle = one(&root, "#rw-outreach .rw-section-toggle");
    click(&section_toggle);
    eventually("folded", || section_toggle.get_attribute("aria-expanded").as_deref() == Some("false")).await;
    assert!(one(&root, "#rw-outreach .rw-section-body").has_attribute("hidden"));

    // Large text.
    let large = one(&root, ".rw-large-toggle");
    click(&large);
    eventually("large text", || one(&root, "article.rw").get_attribute("data-large").as_deref() == Some("on")).await;
    assert_eq!(large.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(remembered_large().as_deref(), Some("1"), "kept for the site's other reports");
    click(&large);
    eventually("large text off", || one(&root, "article.rw").get_attribute("data-large").as_deref() == Some("off"))
        .await;

    // An amount in 万元 in yuan, on demand.
    let yuan_button = one(&root, ".rw-link-btn");
    let yuan = one(&root, ".rw-yuan");
    assert!(yuan.has_attribute("data-folded"));
    // Folded, out of a screen reader's way too, as the button's state says.
    assert_eq!(yuan.get_attribute("aria-hidden").as_deref(), Some("true"));
    click(&yuan_button);
    eventually("value in yuan", || !yuan.has_attribute("data-folded")).await;
    assert_eq!(yuan_button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(yuan.get_attribute("aria-hidden"), None);
    assert_eq!(text(&yuan), "18134469元（按报告数字计算）");
}

#[wasm_bindgen_test]
async fn a_chart_that_gains_an_item_in_new_props_starts_with_a_legend_of_its_size() {
    // The editor's preview gives the widget each edit of the report as new props.
    let view_of = |payload: &str| Rc::new(ReportView::new(&validate::load(payload).expect("valid"), Lang::Zh));
    let root = fresh_div();
    let props = |view| WidgetProps { outcome: Outcome::Report(view), theme: Theme::default(), live: true };
    let mut app = yew::Renderer::<Widget>::with_root_and_props(root.clone(), props(view_of(LANSHAN))).render();
    eventually("the report", || root.query_selector(".rw-card").ok().flatten().is_some()).await;
    let figure = || one(&root, "#rw-enforcement figure");
    click(&one(&figure(), ".rw-chip"));
    eventually("one bar fewer", || all(&figure(), ".rw-row").len() == 2).await;

    let mut payload: serde_json::Value = serde_json::from_str(LANSHAN).unwrap();
    let enforcement =
        payload["sections"].as_array_mut().unwrap().iter_mut().find(|s| s["id"] == "enforcement").unwrap();
    let items = enforcement["items"].as_array_mut().unwrap();
    let mut added = items.iter().find(|i| i["id"] == "penalty-cases").unwrap().clone();
    (added["id"], added["label"]) = ("added".into(), "新增一项".into());
    items.push(added);
    app.update(props(view_of(&payload.to_string())));
    eventually("four items", || all(&figure(), ".rw-chip:not(.rw-chip-all)").len() == 4).await;
    assert_eq!(all(&figure(), ".rw-row").len(), 4, "every item shows, as in a new chart");
    let chips = all(&figure(), ".rw-chip:not(.rw-chip-all)");
    assert!(chips.iter().all(|c| c.get_attribute("aria-pressed").as_deref() == Some("true")));
    click(&chips[3]);
    eventually("the new item hides", || chips[3].get_attribute("aria-pressed").as_deref() == Some("false")).await;
    assert_eq!(all(&figure(), ".rw-row").len(), 3);
    // The arrow keys reach the last item shown.
    let plot = one(&figure(), ".rw-plot");
    plot.dyn_ref::<web_sys::HtmlElement>().unwrap().focus().unwrap();
    key(&plot, "End");
    eventually("the last item shown is the keys' item", || {
        root.query_selector("#rw-enforcement .rw-row[data-active]")
            .ok()
            .flatten()
            .and_then(|r| r.get_attribute("data-i"))
            == Some("2".into())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_chart_image_that_cannot_be_made_is_said_beside_the_buttons() {
    // Mounted without the loader, so no export module answers: the reader is told, in a live
    // region that was there before.
    let root = mount_report(LANSHAN, Lang::Zh, Theme::default()).await;
    let figure = one(&root, "#rw-enforcement figure");
    let status = one(&figure, ".rw-export-status");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(text(&status), "");
    click(&one(&figure, ".rw-export-svg"));
    eventually("the failure is said", || text(&status) == "文件未能生成，请稍后重试。").await;
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_tooltip_and_escape_closes_it() {
    let root = mount_report(LANSHAN, Lang::En, Theme::default()).await;
    let plot = one(&root, "#rw-first-months .rw-plot");
    plot.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    eventually("focus shows the first month", || {
        root.query_selector("#rw-first-months [data-active]").ok().flatten().is_some()
    })
    .await;
    let active = || text(&one(&root, "#rw-first-months [data-active] .rw-tip"));
    assert!(active().starts_with("January 2021: no"), "{}", active());
    for _ in 0..3 {
        key(&plot, "ArrowRight");
    }
    eventually("April", || active().starts_with("April 2021")).await;
    assert!(active().ends_with("reward 1,000,000"), "{}", active());
    assert_eq!(text(&one(&plot, "[aria-live]")), active(), "announced to screen readers");
    key(&plot, "ArrowLeft");
    eventually("March", || active().starts_with("March 2021")).await;
    key(&plot, "End");
    eventually("December", || active().starts_with("December 2021")).await;
    key(&plot, "Escape");
    eventually("closed", || root.query_selector("#rw-first-months [data-active]").ok().flatten().is_none()).await;
}

#[wasm_bindgen_test]
async fn numbers_follow_the_locale() {
    let en = mount_report(LANSHAN, Lang::En, Theme::default()).await;
    let t = text(&en);
    for expected in [
        "1,813.4469 × 10,000 yuan",
        "18,134,469 yuan (computed from the report's figures)",
        "more than 200,000",
        "366 / 370 (98.9%)",
        "Download",
    ] {
        assert!(t.contains(expected), "English shows {expected}");
    }
    let zh = mount_report(LANSHAN, Lang::Zh, Theme::default()).await;
    let t = text(&zh);
    for expected in ["1813.4469万元", "超过20万", "366 / 370（98.9%）", "各奖励100万", "目录"] {
        assert!(t.contains(expected), "Chinese shows {expected}");
    }
}

#[wasm_bindgen_test]
async fn a_change_is_good_or_bad_by_the_figures_direction() {
    // PM2.5 (lower is better) rises, good days (higher is better) fall, NO2 stays flat.
    let payload = LANSHAN.replacen("\"value\": -10.2,", "\"value\": 5.0,", 1).replacen(
        "\"value\": 3,\n            \"kind\": \"absolute\"",
        "\"value\": -3,\n            \"kind\": \"absolute\"",
        1,
    );
    let root = mount_report(&payload, Lang::Zh, Theme::default()).await;
    let change = |id: &str| one(&root, &format!("[data-metric={id}] .rw-change"));
    let pm25 = change("pm25");
    assert!(pm25.get_attribute("data-tone").as_deref() == Some("bad"), "a pollutant's rise is bad news");
    assert!(text(&pm25).contains("▲") && text(&pm25).contains("同比恶化5.0%"));
    let days = change("good-days");
    assert!(days.get_attribute("data-tone").as_deref() == Some("bad"), "fewer good days is bad news");
    assert!(text(&days).contains("▼") && text(&days).contains("同比减少3天"));
    let no2 = change("no2");
    assert!(no2.get_attribute("data-tone").as_deref() == Some("neutral") && text(&no2).contains("同比持平"));
    let co = change("co");
    assert!(co.get_attribute("data-tone").as_deref() == Some("good") && text(&co).contains("▼"));
    let summary = text(&one(&root, "[data-metric=pm25] .rw-card-summary"));
    assert!(summary.contains("比上年上升5.0%，情况变差"), "{summary}");
    let section = text(&one(&root, "#rw-air .rw-section-summary"));
    assert_eq!(section, "与上年相比，8项指标中5项好转、2项变差、1项持平。");
    // The ranking table says the same.
    let ranking_change = one(&root, ".rw-ranking tbody tr:nth-child(2) .rw-change");
    assert!(ranking_change.get_attribute("data-tone").as_deref() == Some("bad"));
}

#[wasm_bindgen_test]
async fn the_theme_prop_sets_the_look_and_the_toggle_state() {
    let root = mount_report(LANSHAN, Lang::Zh, Theme::parse("dark large")).await;
    let article = one(&root, "article.rw");
    assert!(
        article.get_attribute("data-scheme").as_deref() == Some("dark")
            && article.get_attribute("data-large").as_deref() == Some("on")
    );
    assert_eq!(one(&root, ".rw-large-toggle").get_attribute("aria-pressed").as_deref(), Some("true"));
}

#[derive(yew::Properties, PartialEq)]
struct KeyedItemsProps {
    keys: Vec<&'static str>,
}

#[yew::function_component]
fn KeyedItems(props: &KeyedItemsProps) -> yew::Html {
    yew::html! { <ul>{ for props.keys.iter().map(|k| yew::html! { <li key={*k}>{ *k }</li> }) }</ul> }
}

/// The vendored Yew matches a keyed list's moved children by a linear search instead of a hash
/// set (vendor/README.md, patch 9): every reordering keeps each kept child's own DOM node.
#[wasm_bindgen_test]
async fn keyed_children_keep_their_nodes_when_the_list_is_reordered() {
    let root = fresh_div();
    let first = vec!["a", "b", "c", "d", "e", "f", "g"];
    let mut app =
        yew::Renderer::<KeyedItems>::with_root_and_props(root.clone(), KeyedItemsProps { keys: first.clone() })
            .render();
    let items = || all(&root, "li");
    eventually("the first render", || items().len() == first.len()).await;
    let mut nodes: Vec<(String, Element)> = items().into_iter().map(|li| (text(&li), li)).collect();
    let orders: [&[&'static str]; 7] = [
        &["g", "f", "e", "d", "c", "b", "a"], // reversed
        &["f", "e", "d", "c", "b", "a", "g"], // the first moved to the end
        &["f", "c", "d", "e", "b", "a", "g"], // two swapped in the middle
        &["x", "f", "d", "y", "b", "g"],      // some removed, some added, the rest moved
        &["g", "b", "y", "d", "f", "x"],      // reversed again
        &["b", "g"],                          // most removed
        &["a", "b", "c", "d", "e", "f", "g"], // back to the start
    ];
    for order in orders {
        let keys = order.to_vec();
        app.update(KeyedItemsProps { keys: keys.clone() });
        let texts = || items().iter().map(text).collect::<Vec<_>>();
        eventually(&format!("the order {keys:?}"), || texts() == keys).await;
        for li in items() {
            let key = text(&li);
            if let Some((_, before)) = nodes.iter().find(|(k, _)| *k == key) {
                assert!(before.is_same_node(Some(&li)), "{key} got a new node in {keys:?}");
            }
        }
        nodes = items().into_iter().map(|li| (text(&li), li)).collect();
    }
    app.destroy();
}

#[derive(yew::Properties, PartialEq)]
struct BuiltTagProps {
    attributes: Vec<(&'static str, &'static str)>,
}

/// A tag built in code, not by `html!`: its attributes are an `IndexMap`.
#[yew::function_component]
fn BuiltTag(props: &BuiltTagProps) -> yew::Html {
    let mut tag = yew::virtual_dom::VTag::new("p");
    for (name, value) in &props.attributes {
        tag.add_attribute(name, *value);
    }
    tag.into()
}

/// The vendored Yew compares two such tags' attributes as lists (vendor/README.md, patch 10):
/// a changed value is set, a new one added, a missing one removed.
#[wasm_bindgen_test]
async fn attributes_of_a_tag_built_in_code_are_set_changed_and_removed() {
    let root = fresh_div();
    let props = |attributes: &[(&'static str, &'static str)]| BuiltTagProps { attributes: attributes.to_vec() };
    let mut app =
        yew::Renderer::<BuiltTag>::with_root_and_props(root.clone(), props(&[("title", "a"), ("lang", "zh")])).render();
    let attributes = || {
        root.query_selector("p").unwrap().map(|p| {
            let names = p.get_attribute_names();
            let mut pairs: Vec<String> = (0..names.length())
                .map(|i| {
                    let name = names.get(i).as_string().unwrap();
                    format!("{name}={}", p.get_attribute(&name).unwrap())
                })
                .collect();
            pairs.sort();
            pairs.join(" ")
        })
    };
    eventually("the first render", || attributes().as_deref() == Some("lang=zh title=a")).await;
    app.update(props(&[("title", "b"), ("dir", "ltr")]));
    eventually("title changed, lang removed, dir added", || attributes().as_deref() == Some("dir=ltr title=b")).await;
    app.update(props(&[]));
    eventually("every attribute removed", || attributes().as_deref() == Some("")).await;
    app.destroy();
}

#[derive(yew::Properties, PartialEq)]
struct SlowProps {
    label: &'static str,
    /// How long its render keeps the thread busy, to push Yew's scheduler past its 16 ms.
    render_ms: f64,
    /// How long its first effect keeps the thread busy before it updates the other app.
    effect_ms: f64,
}

fn busy(ms: f64) {
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < ms {}
}

thread_local! {
    /// The app an effect updates (the editor's live preview is a second app it updates).
    static OTHER_APP: std::cell::RefCell<Option<yew::AppHandle<Slow>>> = Default::default();
    /// What `after_dom_work` saw: the other app's text.
    static SEEN: std::cell::RefCell<Vec<String>> = Default::default();
}

#[yew::function_component]
fn Slow(props: &SlowProps) -> yew::Html {
    busy(props.render_ms);
    let effect_ms = props.effect_ms;
    yew::use_effect_with((), move |_| {
        if effect_ms > 0.0 {
            busy(effect_ms);
            update_other_app_then_record_it();
        }
    });
    yew::html! { <p>{ props.label }</p> }
}

/// Updates the other app to "new", then has `after_dom_work` record its text in `SEEN`.
fn update_other_app_then_record_it() {
    OTHER_APP.with(|app| {
        let mut app = app.borrow_mut();
        let app = app.as_mut().expect("the other app is mounted");
        app.update(SlowProps { label: "new", render_ms: 0.0, effect_ms: 0.0 });
    });
    let root = document().get_element_by_id("other-app").unwrap();
    yew::scheduler::after_dom_work(Box::new(move || SEEN.with(|s| s.borrow_mut().push(text(&root)))));
}

/// Mounts the app that another one updates, and waits for its first render.
async fn other_app() -> Element {
    SEEN.with(|s| s.borrow_mut().clear());
    // The other app of an earlier test, destroyed, left its empty root behind, under the id.
    if let Some(earlier) = document().get_element_by_id("other-app") {
        earlier.remove();
    }
    let root = fresh_div();
    root.set_id("other-app");
    let app = yew::Renderer::<Slow>::with_root_and_props(
        root.clone(),
        SlowProps { label: "old", render_ms: 0.0, effect_ms: 0.0 },
    )
    .render();
    OTHER_APP.with(|a| *a.borrow_mut() = Some(app));
    eventually("the other app", || text(&root) == "old").await;
    root
}

/// The vendored Yew's `after_dom_work` (vendor/README.md, patch 13), which the widget's `ready`
/// waits for: an update made while the scheduler has yielded in the middle of a long pass is
/// drawn before it runs (a task queued behind the update ran first: a language switched twice
/// in a row announced the report in the old language).
#[wasm_bindgen_test]
async fn after_dom_work_waits_for_an_update_made_while_yew_has_yielded() {
    let other = other_app().await;
    let in_gap = Rc::new(std::cell::RefCell::new(String::new()));
    {
        // Queued before the long pass starts, this runs where the pass yields.
        let in_gap = in_gap.clone();
        gloo::timers::callback::Timeout::new(0, move || {
            *in_gap.borrow_mut() = text(&other);
            update_other_app_then_record_it();
        })
        .forget();
    }
    let slow = yew::Renderer::<Slow>::with_root_and_props(
        fresh_div(),
        SlowProps { label: "slow", render_ms: 40.0, effect_ms: 0.0 },
    )
    .render();
    eventually("the callback", || SEEN.with(|s| !s.borrow().is_empty())).await;
    assert_eq!(*in_gap.borrow(), "old", "the update came while the pass had yielded");
    assert_eq!(SEEN.with(|s| s.borrow().clone()), ["new"]);
    slow.destroy();
    OTHER_APP.with(|a| a.borrow_mut().take()).unwrap().destroy();
}

/// `after_dom_work` from an effect that updates another app (the editor's live preview): the
/// pass may yield right after the effect, with that update queued; the callback waits for it.
#[wasm_bindgen_test]
async fn after_dom_work_waits_for_an_update_queued_by_an_effect() {
    other_app().await;
    let slow = yew::Renderer::<Slow>::with_root_and_props(
        fresh_div(),
        SlowProps { label: "slow", render_ms: 0.0, effect_ms: 40.0 },
    )
    .render();
    eventually("the callback", || SEEN.with(|s| !s.borrow().is_empty())).await;
    assert_eq!(SEEN.with(|s| s.borrow().clone()), ["new"]);
    slow.destroy();
    OTHER_APP.with(|a| a.borrow_mut().take()).unwrap().destroy();
}
