//! What happens if the widget's Rust code ever panics.
//!
//! Render paths are written not to panic; this is the net under them. The release build aborts
//! at once on panic (`-Cpanic=immediate-abort`, to save the size of panic messages): the
//! WebAssembly instance traps, and the loader (`www/loader.js`) marks every host, sets the
//! `report-widget:failed` flag on the global object and watches for hosts added afterwards.
//! Builds that run panic hooks (tests, debug builds) use the hook below, which does the same from
//! Rust: hosts still loading get a message (and keep the page's fallback content), hosts already
//! showing a report keep it with a notice above, and every one of them switches to
//! `data-state="error"` and dispatches `report-widget:error`.

use super::host;
use super::HOST_SELECTOR;
use crate::model::Lang;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Set once a panic has happened: the instance is about to trap and must not start new work.
static POISONED: AtomicBool = AtomicBool::new(false);

/// Whether the widget's code has failed, by a panic seen here or a trap the loader saw
/// (nothing more may be mounted or rendered).
pub fn poisoned() -> bool {
    POISONED.load(Ordering::Relaxed)
        || js_sys::Reflect::get(&js_sys::global(), &"report-widget:failed".into()).is_ok_and(|v| v.is_truthy())
}

/// Installs the hook through Yew: a hook set with `std::panic::set_hook` would be replaced by
/// Yew's console-only default the first time a host renders.
pub fn install() {
    // The release build (`-Cpanic=immediate-abort`) runs no hook at all: its panics trap, and
    // the loader does the work of `on_panic`. Leaving the hook out there saves its code.
    #[cfg(not(panic = "immediate-abort"))]
    yew::set_custom_panic_hook(Box::new(|info| on_panic(&info.to_string())));
}

/// Switches every host that is not already in error to the error state, with a message.
/// Touches only the DOM (never the instance registry, which may be mid-borrow when a panic hits).
pub fn on_panic(message: &str) {
    POISONED.store(true, Ordering::Relaxed);
    gloo::console::error!("report-widget: internal error:", message.to_string());
    let Some(document) = gloo::utils::window().document() else { return };
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else { return };
    for i in 0..hosts.length() {
        let Some(el) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let state = el.get_attribute("data-state");
        if state.as_deref() == Some("error") {
            continue;
        }
        let lang = Lang::from_code(&el.get_attribute("data-lang").unwrap_or_default());
        if state.as_deref() == Some("ready") || shows_prerendered(&el) {
            host::show_plain_error(&el, stale_notice(lang), lang, host::Keep::Report);
        } else {
            host::show_plain_error(&el, failed_message(lang), lang, host::Keep::Nothing);
        }
        host::announce_failure(&el, &format!("internal error: {message}"), lang);
    }
}

/// Whether the host still shows a complete server-rendered report (kept, with a notice).
fn shows_prerendered(el: &Element) -> bool {
    let selector = format!(".rw-root[{}] > *", host::PRERENDERED_MARK);
    el.shadow_root().and_then(|s| s.query_selector(&selector).ok().flatten()).is_some()
}

/// Marks a host found after the panic (the loader's own net does the same for hosts it sees).
pub fn refuse(el: &Element) {
    if el.get_attribute("data-state").as_deref() == Some("error") {
        return;
    }
    let lang = Lang::from_code(&el.get_attribute("data-lang").unwrap_or_default());
    host::show_plain_error(el, failed_message(lang), lang, host::Keep::Nothing);
    host::announce_failure(el, "internal error: the widget stopped after an earlier failure", lang);
}

/// The words the loader (www/loader.js, `failed`) shows where the wasm itself failed: one message
/// for one failure, whichever side saw it.
pub fn failed_message(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The report could not be shown: the report widget hit an internal error. Please reload the page.",
        _ => "报告组件出现内部错误，无法显示报告。请刷新页面。",
    }
}

/// As the loader's `stale`.
fn stale_notice(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The report widget hit an internal error; what is shown below may no longer respond. Please reload the page.",
        _ => "报告组件出现内部错误，以下内容可能无法再交互。请刷新页面。",
    }
}
