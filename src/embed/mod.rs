//! Embedding glue (browser only): finds `data-report-widget` hosts, reads each payload,
//! renders into the host's open shadow root, and reports progress through `data-state` and
//! the `report-widget:ready` / `report-widget:error` events.
//!
//! Hosts can come and go at any time (CMS tabs, lazily loaded content): a MutationObserver
//! mounts hosts added later and releases removed ones (their Yew app is destroyed, a pending
//! `data-src` request aborted, the shadow root emptied but for a slot for the host's own
//! content). Every instance lives in a registry
//! keyed by its host element, so a host is never mounted twice and work for a host that has
//! gone is dropped.

pub mod exporter;
mod host;
pub mod messages;
mod observe;
pub mod panic;

pub use host::{EmbedError, Stylesheet};

use crate::model::{Lang, Report};
use crate::report::{Outcome, Widget, WidgetProps};
use crate::validate::{self, PayloadError, Problem, Severity};
use crate::view::ReportView;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, Element};
use yew::AppHandle;

/// The attribute that marks a host element.
pub const HOST_SELECTOR: &str = "[data-report-widget]";

struct Instance {
    id: u64,
    host: Element,
    /// Set once the report (or its error panel) is rendered.
    rendered: Option<Rendered>,
    /// Aborts the `data-src` request if the host goes away before it answers.
    abort: Option<AbortController>,
}

/// A rendered instance's Yew app and what it shows, with the report behind it (`None` for an
/// error panel), to render it again in another theme or language (`rerender`).
struct Rendered {
    app: AppHandle<Widget>,
    outcome: Outcome,
    report: Option<Rc<Report>>,
}

#[derive(Default)]
struct Registry {
    next_id: u64,
    instances: Vec<Instance>,
    /// The stylesheet given to `boot`, used for hosts the observer finds later.
    stylesheet: Option<Stylesheet>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

// The registry is only ever borrowed for a few statements and never across a call into Yew or
// the DOM that could call back into this module (a render runs effects synchronously, which
// announce `ready` and look the instance up again).
fn with_registry<R>(f: impl FnOnce(&mut Registry) -> R) -> R {
    REGISTRY.with(|r| f(&mut r.borrow_mut()))
}

fn is_current(id: u64) -> bool {
    with_registry(|r| r.instances.iter().any(|i| i.id == id))
}

/// The loader's function `window[name]`, through which the widget reaches its on-demand module
/// (`exporter`, `messages`); `None` on a page that mounted the widget without the loader.
fn loader_bridge(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&gloo::utils::window(), &JsValue::from_str(name)).ok()?.dyn_into().ok()
}

/// The window property through which the widget asks for the reading order of labels.
const COLLATE_BRIDGE: &str = "report-widget:collate";

/// Each of `labels`' rank in the collation order of `lang` (pinyin for Chinese), equal labels
/// ranked equal, from the loader's `window["report-widget:collate"]` (`Intl.Collator`: the
/// wasm has no collation tables); `None` without the loader or `Intl`.
pub fn collation_ranks<'a>(labels: impl Iterator<Item = &'a str>, lang: Lang) -> Option<Vec<u32>> {
    let collate = loader_bridge(COLLATE_BRIDGE)?;
    let labels: js_sys::Array = labels.map(JsValue::from_str).collect();
    let ranks = collate.call2(&JsValue::NULL, &labels, &JsValue::from_str(lang.tag())).ok()?;
    Some(ranks.dyn_into::<js_sys::Uint32Array>().ok()?.to_vec())
}

/// The editor page has no loader: its preview gets `window["report-widget:collate"]` from here,
/// with the loader's answer (each label's rank in `Intl.Collator`'s order, equal labels ranked
/// equal), so that a ranking sorted by its labels reads as readers will see it.
#[cfg(feature = "editor")]
pub fn install_local_collate() {
    use std::cmp::Ordering;
    let collate =
        Closure::<dyn Fn(js_sys::Array, String) -> js_sys::Uint32Array>::new(|labels: js_sys::Array, lang: String| {
            // As the loader's: numbers in labels by their value ("站点 2" before "站点 10").
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str("numeric"), &JsValue::TRUE);
            let collator = js_sys::Intl::Collator::new(&js_sys::Array::of1(&JsValue::from_str(&lang)), &options);
            let compare = collator.compare();
            let labels = labels.to_vec();
            let cmp = |a: usize, b: usize| {
                let sign =
                    compare.call2(&JsValue::NULL, &labels[a], &labels[b]).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
                sign.partial_cmp(&0.0).unwrap_or(Ordering::Equal)
            };
            let mut order: Vec<usize> = (0..labels.len()).collect();
            order.sort_by(|&a, &b| cmp(a, b));
            let mut ranks = vec![0u32; labels.len()];
            let mut rank = 0;
            for (i, &row) in order.iter().enumerate() {
                if i > 0 && cmp(order[i - 1], row) != Ordering::Equal {
                    rank += 1;
                }
                ranks[row] = rank;
            }
            js_sys::Uint32Array::from(&ranks[..])
        });
    let _ = js_sys::Reflect::set(&gloo::utils::window(), &JsValue::from_str(COLLATE_BRIDGE), collate.as_ref());
    collate.forget();
}

/// Whether `host` is mounted (rendered, or on its way).
pub fn is_mounted(host: &Element) -> bool {
    with_registry(|r| r.instances.iter().any(|i| i.host == *host))
}

/// How many hosts are mounted right now.
pub fn instance_count() -> usize {
    with_registry(|r| r.instances.len())
}

/// Starts the widget on the page: mounts every host present now and every host added later.
/// The loader resolves `stylesheet` relative to its own URL, so any deployment folder works.
pub fn boot(stylesheet: Stylesheet) {
    panic::install();
    with_registry(|r| r.stylesheet = Some(stylesheet.clone()));
    let Some(document) = gloo::utils::window().document() else { return };
    // Observe first, then scan: a host inserted in between is seen by one or the other, and
    // mounting is idempotent.
    if let Err(err) = observe::start(&document) {
        gloo::console::warn!("report-widget: hosts added later will not mount by themselves:", err);
    }
    let Ok(hosts) = document.query_selector_all(HOST_SELECTOR) else { return };
    for i in 0..hosts.length() {
        if let Some(el) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            mount(el, stylesheet.clone());
        }
    }
}

/// The stylesheet `boot` was given (hosts found later are mounted with it).
fn boot_stylesheet() -> Option<Stylesheet> {
    with_registry(|r| r.stylesheet.clone())
}

/// Mounts one host, unless it already is. Never throws: every failure ends in
/// `data-state="error"` with a message inside the host.
pub fn mount(host: Element, stylesheet: impl Into<Stylesheet>) {
    if panic::poisoned() {
        return panic::refuse(&host);
    }
    let stylesheet = stylesheet.into();
    let registered = with_registry(|r| {
        if r.instances.iter().any(|i| i.host == host) {
            return None;
        }
        r.next_id += 1;
        let id = r.next_id;
        let abort = AbortController::new().ok();
        r.instances.push(Instance { id, host: host.clone(), rendered: None, abort: abort.clone() });
        Some((id, abort))
    });
    let Some((id, abort)) = registered else { return };
    host::set_state(&host, "loading");
    wasm_bindgen_futures::spawn_local(run(id, host, stylesheet, abort));
}

/// Releases a host: destroys its Yew app, aborts its pending request, empties its shadow root
/// (`host::clear`) and removes `data-state`. Does nothing for a host that is not mounted.
pub fn release(host: &Element) {
    release_keeping(host, false);
}

/// [`release`]; with `keep_report`, a rendered report stays on screen as a still copy
/// (`host::freeze`), or the still copy of an earlier remount that has not been replaced yet
/// stays, instead of the shadow root being emptied. An error panel is not kept: the page's
/// fallback content shows below the next one, as on a first mount.
fn release_keeping(host: &Element, keep_report: bool) {
    let taken = with_registry(|r| {
        let at = r.instances.iter().position(|i| i.host == *host)?;
        Some(r.instances.swap_remove(at))
    });
    let Some(instance) = taken else { return };
    if let Some(abort) = &instance.abort {
        abort.abort();
    }
    let frozen = keep_report
        && match &instance.rendered {
            Some(Rendered { outcome: Outcome::Report(_), .. }) => host::freeze(&instance.host),
            Some(_) => false,
            None => host::keep_previous(&instance.host),
        };
    if let Some(rendered) = instance.rendered {
        rendered.app.destroy();
    }
    match frozen {
        true => {
            let _ = instance.host.remove_attribute("data-state");
        }
        false => host::clear(&instance.host),
    }
}

/// Releases a host and mounts it again (its `data-src` or `data-payload` changed; its
/// `data-lang`, where `rerender` cannot show its report again).
/// The report shown stays until the new one replaces it: emptied at once, the host would shrink
/// to a loading line, and the page would lose the reader's place.
fn remount(host: Element) {
    release_keeping(&host, true);
    if let Some(stylesheet) = boot_stylesheet() {
        mount(host, stylesheet);
    }
}

/// Renders a mounted host's report again, in place, in the theme its `data-theme` now asks for
/// (a page's own dark-mode or large-text switch: the stylesheet follows the attribute by itself,
/// but the report also carries the theme, the colour scheme it forces and the large-text
/// button's state) and, with `relang`, in the language its `data-lang` now asks for. In place,
/// the reader's sorts, folds and hidden chart items stay, and the browser's scroll anchoring
/// keeps what is at the top of the screen where it was, where that is not text drawn anew. A
/// host still loading picks the attributes up when it renders. Returns false, and changes
/// nothing, where there is no report to show in another language (an error panel, a host still
/// loading): the host is then mounted again.
fn rerender(host: &Element, relang: bool) -> bool {
    if panic::poisoned() {
        return !relang; // mounted again, a failed widget refuses (`mount`)
    }
    // Yew is called with the registry released, and the app put back afterwards.
    let taken = with_registry(|r| {
        let instance = r.instances.iter_mut().find(|i| i.host == *host)?;
        Some((instance.id, instance.rendered.take()?))
    });
    let Some((id, Rendered { mut app, mut outcome, report })) = taken else { return !relang };
    if relang {
        let lang = lang_of(host);
        // `zh-CN` after `zh` is the same report; an error panel has none to show again.
        let same = matches!(&outcome, Outcome::Report(view) if view.lang == lang);
        // The payload text the shown view was made from, for the new view's CSV files.
        let source = match &outcome {
            Outcome::Report(shown) => shown.source.clone(),
            Outcome::Problems { .. } => Rc::from(""),
        };
        match &report {
            Some(report) if !same => {
                outcome = Outcome::Report(Rc::new(ReportView::new(report, lang).with_source(source)))
            }
            _ => {
                keep_app(id, app, outcome, report.clone());
                return same;
            }
        }
    }
    app.update(WidgetProps { outcome: outcome.clone(), theme: host_theme(host), live: true });
    keep_app(id, app, outcome, report);
    if relang {
        // Once Yew has drawn the report in the new language (no error: the language that
        // an error's message would take is not read).
        announce_after_render(id, host.clone(), None, None, Lang::Zh);
    }
    true
}

/// Releases every mounted host that is no longer in the document.
fn release_disconnected() {
    let gone: Vec<Element> =
        with_registry(|r| r.instances.iter().filter(|i| !i.host.is_connected()).map(|i| i.host.clone()).collect());
    for host in gone {
        release(&host);
    }
}

/// Hydrates a host whose shadow root holds the report prerendered from this very payload, in
/// this language, by this widget version: the server's markup stays and becomes interactive,
/// with no blank moment and no swap. Returns false (and touches nothing) for any other host,
/// which is then rendered afresh.
fn hydrate(id: u64, host: &Element, lang: Lang) -> bool {
    // Most hosts hold no prerendered report: their payload is read once, by `run` (a 700 KB
    // text crossed into the wasm twice, and was hashed for nothing).
    let Some(root) = host::prerendered_root(host) else { return false };
    let Some(text) = host::inline_payload(host) else { return false };
    let key = crate::snippet::hydration_key(&text, lang.tag());
    let Some(root) = host::hydratable_root(host, root, &key) else { return false };
    // A payload that fails validation shows its error panel: rendered afresh, not hydrated.
    let Ok(checked) = validate::load_checked(&text) else { return false };
    log_warnings(host, &text, checked.warnings);
    let report = Rc::new(checked.report);
    let outcome = Outcome::Report(Rc::new(ReportView::new(&report, lang).with_source(text.into())));
    let app = yew::Renderer::<Widget>::with_root_and_props(
        root,
        WidgetProps { outcome: outcome.clone(), theme: host_theme(host), live: true },
    )
    .hydrate();
    announce_after_render(id, host.clone(), None, None, lang);
    keep_app(id, app, outcome, Some(report));
    true
}

/// The theme a host asks for with `data-theme`.
fn host_theme(host: &Element) -> crate::view::Theme {
    crate::view::Theme::parse(&host.get_attribute("data-theme").unwrap_or_default())
}

/// Announces `ready` (or the error) as soon as Yew has put the render into the DOM.
///
/// Yew runs this once no DOM work is queued (`after_dom_work`, a patch to its scheduler): at
/// the end of the pass that draws the render just scheduled, or where that pass yields to the
/// browser, before the render's effects. A task queued behind the render came too early where
/// Yew had yielded in the middle of an earlier render (a language switched twice in a row):
/// `ready` announced the report in the old language. An effect of the first render would run
/// later: Yew yields to the event loop before effects when a render took over 16 ms, as a
/// first render does, which delayed `ready` by 30–40 ms (BENCHMARKS.md). The report's own
/// effects (following the page's `#hash`) do not change what `ready` promises: the report is
/// there.
fn announce_after_render(id: u64, host: Element, shadow: Option<host::Shadow>, error: Option<EmbedError>, lang: Lang) {
    yew::scheduler::after_dom_work(Box::new(move || {
        if !is_current(id) || panic::poisoned() {
            return;
        }
        if let Some(shadow) = &shadow {
            shadow.finish(error.is_none());
        }
        match &error {
            None => {
                host::drop_prerendered_copy(&host);
                host::announce_ready(&host)
            }
            Some(err) => host::announce_error(&host, err, lang),
        }
    }));
}

/// A host's `data-lang`; a language the widget has no text in is shown in Chinese, and the page's
/// author is told in the console.
fn lang_of(host: &Element) -> Lang {
    let code = host.get_attribute("data-lang").unwrap_or_default();
    Lang::parse(&code).unwrap_or_else(|| {
        gloo::console::warn!("report-widget: data-lang must be zh or en (showing Chinese):", code, host);
        Lang::Zh
    })
}

/// Logs a valid payload's warnings (unknown fields, likely typos) once, for the page's author,
/// as soon as their messages are there (`messages`); the report does not wait for them.
fn log_warnings(host: &Element, text: &str, warnings: Vec<Problem>) {
    if warnings.is_empty() {
        return;
    }
    let (host, text) = (host.clone(), text.to_string());
    wasm_bindgen_futures::spawn_local(async move { log_described(&host, &messages::describe(&text, warnings).await) });
}

/// Logs warnings that have their messages, one line each.
fn log_described(host: &Element, warnings: &[Problem]) {
    if warnings.is_empty() {
        return;
    }
    let lines: Vec<String> = warnings.iter().map(|w| format!("{}: {}", w.location(), w.en)).collect();
    gloo::console::warn!("report-widget: the payload has warnings:", lines.join("\n"), host);
}

/// Keeps a rendered app's handle (and what it shows) so `release` can destroy it and
/// `rerender` render it again; destroys it at once if the host went away meanwhile.
fn keep_app(id: u64, app: AppHandle<Widget>, outcome: Outcome, report: Option<Rc<Report>>) {
    let orphan = with_registry(|r| match r.instances.iter_mut().find(|i| i.id == id) {
        Some(instance) => {
            instance.rendered = Some(Rendered { app, outcome, report });
            instance.abort = None;
            None
        }
        None => Some(app),
    });
    if let Some(app) = orphan {
        app.destroy();
    }
}

async fn run(id: u64, host: Element, stylesheet: Stylesheet, abort: Option<AbortController>) {
    if panic::poisoned() {
        return; // the panic hook has marked this host already
    }
    let lang = lang_of(&host);
    if !host::markup_allowed() {
        // A prerendered report stays readable, with the reason above it.
        let err = EmbedError::TrustedTypes;
        let keep = if host::mark_prerendered(&host) { host::Keep::Report } else { host::Keep::Nothing };
        host::show_plain_error(&host, &err.message(lang), lang, keep);
        host::announce_error(&host, &err, lang);
        return;
    }
    // Inside another host, whose report takes the place of everything in it: it would reach
    // `ready` at 0×0, and the page's author would never learn why it does not show.
    let mut outer = host.parent_element();
    while let Some(element) = outer {
        if element.has_attribute("data-report-widget") {
            return host::announce_error(&host, &EmbedError::Nested, lang);
        }
        outer = element.parent_element();
    }
    if hydrate(id, &host, lang) {
        return;
    }
    let shadow = match host::prepare_shadow(&host, &stylesheet, lang) {
        Ok(shadow) => shadow,
        Err(err) => {
            host::show_plain_error(&host, &err.message(lang), lang, host::Keep::Nothing);
            host::announce_error(&host, &err, lang);
            return;
        }
    };
    // The payload is read, checked and turned into a view while the stylesheet loads (a
    // `data-src` file is fetched alongside it); only the render waits for the stylesheet.
    let text = host::read_payload(&host, abort.as_ref()).await;
    if !is_current(id) || panic::poisoned() {
        return; // released while the payload loaded (the request was aborted), or the widget failed
    }
    let outcome = match text {
        Err(err) => Err(err),
        Ok(text) => match validate::load_checked(&text) {
            Ok(checked) => {
                log_warnings(&host, &text, checked.warnings);
                Ok((checked.report, Rc::from(text)))
            }
            // The error panel and event wait for the problems' messages (for a syntax error, the
            // likely mistake behind it: a typographic quote, a full-width comma…). They list the
            // errors, what keeps the report away; the warnings go to the console, as for a valid
            // payload (an error names the misspelt field behind it: "lable" for "label").
            Err(err @ (PayloadError::Invalid(_) | PayloadError::Syntax { .. })) => {
                let described = messages::describe(&text, err.problems()).await;
                let (errors, warnings): (Vec<_>, Vec<_>) =
                    described.into_iter().partition(|p| p.severity == Severity::Error);
                log_described(&host, &warnings);
                Err(EmbedError::Payload(PayloadError::Invalid(errors)))
            }
            Err(err) => Err(EmbedError::Payload(err)),
        },
    };
    if !is_current(id) || panic::poisoned() {
        return; // released while the messages loaded, or the widget failed meanwhile
    }
    let (outcome, report, error) = match outcome {
        Ok((report, source)) => {
            let report = Rc::new(report);
            (Outcome::Report(Rc::new(ReportView::new(&report, lang).with_source(source))), Some(report), None)
        }
        Err(err) => {
            let problems: Vec<Problem> = err.problems();
            (Outcome::Problems { problems: Rc::new(problems), lang }, None, Some(err))
        }
    };
    shadow.stylesheet_loaded().await;
    if !is_current(id) || panic::poisoned() {
        return; // released while the stylesheet loaded, or the widget failed meanwhile
    }
    let root = shadow.root.clone();
    let app = yew::Renderer::<Widget>::with_root_and_props(
        root,
        WidgetProps { outcome: outcome.clone(), theme: host_theme(&host), live: true },
    )
    .render();
    announce_after_render(id, host, Some(shadow), error, lang);
    keep_app(id, app, outcome, report);
}
