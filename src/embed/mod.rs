//! Embedding glue (browser only): finds `data-report-widget` hosts, reads each payload,
//! renders into the host's open shadow root, and reports progress through `data-state` and
//! the `report-widget:ready` / `report-widget:error` events.

mod host;

pub use host::EmbedError;

use crate::model::Lang;
use crate::report::{Outcome, Widget, WidgetProps};
use crate::validate::{self, Problem};
use crate::view::ReportView;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::Callback;

/// The attribute that marks a host element.
pub const HOST_SELECTOR: &str = "[data-report-widget]";

/// Starts every host on the page. `stylesheet_url` is the widget's stylesheet, resolved by
/// the loader relative to its own URL so any deployment folder works.
pub fn boot(stylesheet_url: String) {
    host::install_panic_hook();
    let Some(document) = gloo::utils::window().document() else { return };
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else { return };
    let stylesheet: Rc<str> = stylesheet_url.into();
    for i in 0..hosts.length() {
        if let Some(el) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            mount(el, stylesheet.clone());
        }
    }
}

/// Mounts one host. Never throws: every failure ends in `data-state="error"` with a message.
pub fn mount(host: Element, stylesheet: Rc<str>) {
    if host.has_attribute("data-rw-mounted") {
        return;
    }
    let _ = host.set_attribute("data-rw-mounted", "");
    host::set_state(&host, "loading");
    let lang = Lang::from_code(&host.get_attribute("data-lang").unwrap_or_default());
    wasm_bindgen_futures::spawn_local(async move {
        let root = match host::prepare_shadow(&host, &stylesheet).await {
            Ok(root) => root,
            Err(err) => {
                host::show_plain_error(&host, &err.to_string());
                host::announce_error(&host, &err, lang);
                return;
            }
        };
        let outcome = match host::read_payload(&host).await {
            Ok(text) => validate::load(&text).map_err(EmbedError::Payload),
            Err(err) => Err(err),
        };
        let (outcome, error) = match outcome {
            Ok(report) => (Outcome::Report(Rc::new(ReportView::new(&report, lang))), None),
            Err(err) => {
                let problems: Vec<Problem> = err.problems();
                (Outcome::Problems { problems: Rc::new(problems), lang }, Some(err))
            }
        };
        let announced = host.clone();
        let on_rendered = Callback::from(move |()| match &error {
            None => host::announce_ready(&announced),
            Some(err) => host::announce_error(&announced, err, lang),
        });
        let theme = crate::view::Theme::parse(&host.get_attribute("data-theme").unwrap_or_default());
        yew::Renderer::<Widget>::with_root_and_props(root, WidgetProps { outcome, on_rendered: Some(on_rendered), theme })
            .render();
    });
}
