//! Browser helpers for the editor page: local storage, files in and out, the clipboard, focus.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement, Storage, Url};

pub fn document() -> web_sys::Document {
    gloo::utils::document()
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

/// The folder this page is served from ([`crate::editor::output::editor_folder`]).
pub fn page_folder() -> String {
    let location = gloo::utils::window().location();
    let (protocol, path) = (location.protocol().unwrap_or_default(), location.pathname().unwrap_or_default());
    crate::editor::output::editor_folder(&protocol, &path)
}

/// `YYYY-MM-DD HH:MM` in local time.
pub fn local_time(ms: f64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

fn storage() -> Option<Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

pub fn store_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// False when the browser refuses (private mode, quota, file:// in some browsers).
pub fn store_set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn store_remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The text of an element (the example payload the build puts into the page).
pub fn element_text(id: &str) -> Option<String> {
    document().get_element_by_id(id).and_then(|e| e.text_content())
}

/// An attribute of the element with this id.
pub fn element_attribute(id: &str, attribute: &str) -> Option<String> {
    document().get_element_by_id(id).and_then(|e| e.get_attribute(attribute))
}

/// The `content` of `<meta name=…>`.
pub fn meta(name: &str) -> Option<String> {
    document().query_selector(&format!("meta[name=\"{name}\"]")).ok().flatten().and_then(|m| m.get_attribute("content"))
}

/// Offers `text` as a file download.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let a: HtmlElement = document().create_element("a")?.dyn_into()?;
    a.set_attribute("href", &url)?;
    a.set_attribute("download", name)?;
    a.set_attribute("hidden", "")?;
    let body = document().body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Revoke later: the download may not have started yet.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The first file chosen in a file input, with its bytes; the input is reset so choosing the
/// same file again fires `change` again.
pub async fn read_chosen_file(input: HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = input.files()?.item(0)?;
    input.set_value("");
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some((file.name(), Uint8Array::new(&buffer).to_vec()))
}

/// Clicks a (hidden) file input by id.
pub fn click(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        el.click();
    }
}

/// Writes text to the clipboard; if the browser refuses, selects it in the textarea `fallback`
/// and tries the older copy command. True if copied.
pub async fn copy_text(text: &str, fallback: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    if JsFuture::from(clipboard.write_text(text)).await.is_ok() {
        return true;
    }
    let Some(area) = document().get_element_by_id(fallback).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    let _ = area.focus();
    area.select();
    document().dyn_into::<web_sys::HtmlDocument>().ok().and_then(|d| d.exec_command("copy").ok()).unwrap_or(false)
}

/// Opens every closed `<details>` around an element.
fn reveal(el: &Element) {
    let mut at = el.parent_element();
    while let Some(parent) = at {
        if let Some(details) = parent.dyn_ref::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
        at = parent.parent_element();
    }
}

/// The focused element, if the focus is on one (not on the page's body).
fn focused() -> Option<Element> {
    document().active_element().filter(|a| a.tag_name() != "BODY")
}

/// Where the first element that exists among `ids` is against the focused one, in document
/// order (`Greater`: after it; `Equal`: the focused element or one holding it); `None` when
/// none exists. With nothing focused, everything is after.
pub fn place_from_focus(ids: &[String]) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    let el = ids.iter().find_map(|id| document().get_element_by_id(id))?;
    let Some(focused) = focused() else { return Some(Ordering::Greater) };
    let bits = focused.compare_document_position(&el);
    Some(if focused == el || bits & web_sys::Node::DOCUMENT_POSITION_CONTAINS != 0 {
        Ordering::Equal
    } else if bits & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0 {
        Ordering::Greater
    } else {
        Ordering::Less
    })
}

/// The focused element's id, if something is focused.
pub fn focused_id() -> Option<String> {
    focused().map(|el| el.id())
}

/// Whether the focus is nowhere (on the body): its element was removed; or is about to be: a
/// button just disabled keeps the focus until the browser's next rendering step moves it to the
/// page.
pub fn focus_lost() -> bool {
    focused().is_none_or(|el| el.matches(":disabled").unwrap_or(false))
}

/// Scrolls the focused element back into view if it is out of it (the least scroll).
pub fn focused_into_view() {
    let Some(el) = focused() else { return };
    let rect = el.get_bounding_client_rect();
    let height = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    // A box taller than the window (the JSON text) is left where the person has it.
    if rect.height() < height && (rect.bottom() > height || rect.top() < 0.0) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Focuses the first element that exists among `ids` (opening folded sections around it and
/// scrolling it into view). Returns whether one was found.
pub fn focus_first(ids: &[String]) -> bool {
    for id in ids {
        if let Some(el) = document().get_element_by_id(id) {
            reveal(&el);
            if let Ok(html) = el.dyn_into::<HtmlElement>() {
                let _ = html.focus();
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                html.scroll_into_view_with_scroll_into_view_options(&options);
                return true;
            }
        }
    }
    false
}

/// Focuses the JSON textarea and selects `range` (UTF-16 offsets), scrolled into view.
pub fn select_in_textarea(id: &str, range: (u32, u32), line: usize, lines: usize) {
    let Some(area) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) else {
        return;
    };
    let _ = area.focus();
    let _ = area.set_selection_range(range.0, range.1);
    let height = area.scroll_height() as f64;
    let per_line = if lines > 0 { height / lines as f64 } else { 16.0 };
    area.set_scroll_top(((line.saturating_sub(4)) as f64 * per_line) as i32);
}

/// Shows a message in place of the editor when something went badly wrong.
pub fn install_panic_hook(message: &'static str) {
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        let doc = document();
        if let (Ok(banner), Some(body)) = (doc.create_element("p"), doc.body()) {
            let _ = banner.set_attribute("class", "ed-crash");
            let _ = banner.set_attribute("role", "alert");
            banner.set_text_content(Some(message));
            let _ = body.prepend_with_node_1(&banner);
        }
    }));
}

/// Scrolls the side column so the preview shows the section whose anchor is `anchor` (inside
/// the preview's shadow root). Nothing happens where the column does not scroll by itself
/// (narrow screens, where the preview sits below the form). `false` when the preview does not
/// have that section (yet).
pub fn follow_in_preview(anchor: &str) -> bool {
    let doc = document();
    let (Some(side), Some(host)) =
        (doc.query_selector(".ed-side-scroll").ok().flatten(), doc.get_element_by_id("preview"))
    else {
        return true;
    };
    let Some(target) = host.shadow_root().and_then(|root| root.get_element_by_id(anchor)) else { return false };
    if side.scroll_height() <= side.client_height() + 1 {
        return true;
    }
    let offset = target.get_bounding_client_rect().top() - side.get_bounding_client_rect().top();
    side.set_scroll_top((side.scroll_top() as f64 + offset - 8.0).max(0.0) as i32);
    true
}
