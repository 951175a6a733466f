//! Watches the page for hosts that appear, disappear or change after start-up.

use super::HOST_SELECTOR;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

/// Host attributes whose change means "show a different report": the host is mounted again
/// (for `data-lang`, only where its report cannot be shown again in place: `super::rerender`).
const REMOUNT_ON: [&str; 3] = ["data-lang", "data-src", "data-payload"];
/// The host attribute whose change means "the same report in another theme": rendered again.
const RETHEME_ON: &str = "data-theme";

/// Starts one observer on the whole document for the page's lifetime (it is never
/// disconnected, so its callback is deliberately leaked).
pub fn start(document: &Document) -> Result<(), JsValue> {
    let callback = Closure::<dyn FnMut(Array, MutationObserver)>::new(|records: Array, _: MutationObserver| {
        on_mutations(&records);
    });
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
    callback.forget();
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    init.set_attributes(true);
    // A page that sets an attribute to the value it already has (a language switcher that sets
    // data-lang on every click) changes nothing: the old value tells.
    init.set_attribute_old_value(true);
    let filter = Array::new();
    filter.push(&"data-report-widget".into());
    for name in REMOUNT_ON {
        filter.push(&name.into());
    }
    filter.push(&RETHEME_ON.into());
    init.set_attribute_filter(&filter);
    observer.observe_with_options(document, &init)
}

fn on_mutations(records: &Array) {
    let mut added: Vec<Element> = Vec::new();
    let mut removed_any = false;
    let mut remount: Vec<Element> = Vec::new();
    let mut retheme: Vec<Element> = Vec::new();
    let mut relang: Vec<Element> = Vec::new();
    // Ids of `<script>` elements added, or whose text changed: a payload that arrived after
    // its host (a page that adds the host first and its payload in a later task).
    let mut payloads: Vec<String> = Vec::new();
    for record in records.iter() {
        let record: MutationRecord = record.unchecked_into();
        match record.type_().as_str() {
            "childList" => {
                let nodes = record.added_nodes();
                for i in 0..nodes.length() {
                    if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        collect_hosts(&el, &mut added);
                        note_script(&el, &mut payloads);
                    }
                }
                if let Some(target) = record.target().and_then(|n| n.dyn_into::<Element>().ok()) {
                    note_script(&target, &mut payloads);
                }
                removed_any |= record.removed_nodes().length() > 0;
            }
            "attributes" => {
                let Some(el) = record.target().and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
                let name = record.attribute_name().unwrap_or_default();
                if name == "data-report-widget" {
                    if el.has_attribute("data-report-widget") {
                        added.push(el);
                    } else {
                        super::release(&el);
                    }
                } else if !el.has_attribute("data-report-widget")
                    || !super::is_mounted(&el)
                    || record.old_value() == el.get_attribute(&name)
                {
                    continue;
                } else if name == RETHEME_ON {
                    if !retheme.contains(&el) {
                        retheme.push(el);
                    }
                } else if name == "data-lang" {
                    if !relang.contains(&el) {
                        relang.push(el);
                    }
                } else if !remount.contains(&el) {
                    remount.push(el);
                }
            }
            _ => {}
        }
    }
    // Removals first: a host moved within the page (removed and inserted in one go) is still
    // connected and keeps its rendered report.
    if removed_any {
        super::release_disconnected();
    }
    if !payloads.is_empty() {
        // A host that failed for want of its payload (or is still reading an earlier, empty
        // one) starts again once it is there. A report on show is left alone.
        let waiting = "[data-report-widget][data-payload]:not([data-state=ready])";
        if let Ok(hosts) = gloo::utils::document().query_selector_all(waiting) {
            for host in (0..hosts.length()).filter_map(|i| hosts.item(i)?.dyn_into::<Element>().ok()) {
                let id = host.get_attribute("data-payload").unwrap_or_default();
                if payloads.iter().any(|p| *p == id.trim()) && !remount.contains(&host) && super::is_mounted(&host) {
                    remount.push(host);
                }
            }
        }
    }
    // A host in another language is shown again in place where it can be (its theme too);
    // mounted again where it cannot (an error panel, a host still loading).
    for host in relang {
        if host.is_connected() && !remount.contains(&host) && !super::rerender(&host, true) {
            remount.push(host);
        }
    }
    for host in retheme {
        // A host rendered again above, or mounted again below, takes its new theme anyway.
        if host.is_connected() && !remount.contains(&host) {
            super::rerender(&host, false);
        }
    }
    for host in remount {
        if host.is_connected() {
            super::remount(host);
        }
    }
    if let Some(stylesheet) = super::boot_stylesheet() {
        for host in added {
            if host.is_connected() {
                super::mount(host, stylesheet.clone());
            }
        }
    }
}

/// The id of `el` if it is a `<script>` with one (where an inline payload lives).
fn note_script(el: &Element, into: &mut Vec<String>) {
    let id = el.id();
    if el.local_name() == "script" && !id.is_empty() {
        into.push(id);
    }
}

/// `el` itself if it is a host, and every host inside it.
fn collect_hosts(el: &Element, into: &mut Vec<Element>) {
    if el.matches(HOST_SELECTOR).unwrap_or(false) {
        into.push(el.clone());
    }
    if el.child_element_count() == 0 {
        return;
    }
    if let Ok(inner) = el.query_selector_all(HOST_SELECTOR) {
        for i in 0..inner.length() {
            if let Some(host) = inner.item(i).and_then(|n: Node| n.dyn_into::<Element>().ok()) {
                into.push(host);
            }
        }
    }
}
