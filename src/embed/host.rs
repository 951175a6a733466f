//! One host element: its shadow root, its payload source, its state and events.

use crate::model::Lang;
use crate::validate::{PayloadError, Problem};
use js_sys::{Array, Object, Promise, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, CustomEvent, CustomEventInit, Element, RequestInit, RequestMode, Response, ShadowRoot,
    ShadowRootInit, ShadowRootMode,
};

/// How long a `data-src` file may take to arrive in full. A server or proxy that stops sending
/// half-way would otherwise leave the host loading for ever. A total, not a check that bytes
/// still arrive (the browser reads the body as one text): a report's payload is tens of
/// kilobytes, and even the 2 MB limit, compressed as servers send JSON, arrives within it on
/// a slow mobile link.
const FETCH_TIMEOUT_SECONDS: i32 = 60;

/// Why an instance could not show its report.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// The host names neither `data-payload` nor `data-src`.
    #[error("the host element has neither a data-payload nor a data-src attribute (or both are empty)")]
    NoSource,
    /// `data-payload` names an element id that is not on the page.
    #[error("data-payload=\"{0}\": no element with this id is on the page")]
    PayloadElementMissing(String),
    /// `data-payload` names an element that is not the payload's script and holds no JSON (the
    /// host's own id, a section of the page).
    #[error("data-payload=\"{id}\": the element with this id is a <{tag}> holding no JSON object, not the <script type=\"application/json\"> that holds the report's payload")]
    PayloadElementNotScript { id: String, tag: String },
    /// The `data-src` file could not be fetched.
    #[error("data-src=\"{url}\": the file could not be loaded ({detail})")]
    Fetch { url: String, detail: String },
    /// The `data-src` file did not arrive in full in time: the server or the connection stopped.
    #[error("data-src=\"{0}\": the file did not finish loading within {FETCH_TIMEOUT_SECONDS} seconds (the connection or the server stopped): reload the page; if this happens again, check that the server sends the whole file")]
    TimedOut(String),
    /// The `data-src` file is not UTF-8 text (a GBK file from an old CMS): its Chinese would
    /// show garbled.
    #[error("data-src=\"{url}\": line {line}: the file is not UTF-8 text (saved as GBK, or as UTF-16, \"Unicode\"?): save it as UTF-8")]
    NotUtf8 { url: String, line: usize },
    /// The `data-src` file is a web page, not JSON: a wrong address, answered by the server's
    /// own "not found" page (many CMSs answer such requests with a page, and status 200).
    #[error("data-src=\"{0}\": the file is a web page (HTML), not JSON: is the address right?")]
    NotJson(String),
    /// The shadow root could not be created on the host.
    #[error("the widget cannot attach to this element ({0}): use a <div>")]
    Attach(String),
    /// The host is inside another host, whose report takes the place of everything in it.
    #[error("this host is inside another report-widget host, whose report hides it: move it out")]
    Nested,
    /// The payload was read but is not a valid report.
    #[error("{0}")]
    Payload(PayloadError),
    /// The page's Trusted Types policy refuses the widget's markup.
    #[error("this page requires Trusted Types (require-trusted-types-for) and its trusted-types directive does not allow the policy \"report-widget\": add report-widget to it")]
    TrustedTypes,
}

impl EmbedError {
    /// The message of the error's first problem, in `lang`: what a reader sees when the widget
    /// cannot render its own error panel.
    pub fn message(&self, lang: Lang) -> String {
        self.problems().first().map_or_else(|| self.to_string(), |p| p.message(lang).to_string())
    }

    /// The problems to list inside the widget and in the error event.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            EmbedError::Payload(e) => e.problems(),
            EmbedError::NoSource => vec![Problem::error(
                "data-payload / data-src",
                "宿主元素缺少 data-payload 或 data-src 属性（或两者为空），无法找到报告数据",
                self.to_string(),
            )],
            EmbedError::PayloadElementMissing(id) => vec![Problem::error(
                "data-payload",
                format!("data-payload=\"{id}\"：页面上没有此 id 的元素"),
                self.to_string(),
            )],
            EmbedError::PayloadElementNotScript { id, tag } => vec![Problem::error(
                "data-payload",
                format!("data-payload=\"{id}\"：此 id 的元素是 <{tag}>，其中没有 JSON 对象，不是存放报告数据的 <script type=\"application/json\">"),
                self.to_string(),
            )],
            EmbedError::Fetch { url, detail } => vec![Problem::error(
                "data-src",
                format!("data-src=\"{url}\"：无法加载数据文件（{detail}）"),
                self.to_string(),
            )],
            EmbedError::TimedOut(url) => vec![Problem::error(
                "data-src",
                format!("data-src=\"{url}\"：数据文件 {FETCH_TIMEOUT_SECONDS} 秒内未能完整加载（连接或服务器中断）：请刷新页面；如果再次出现，请检查服务器能否完整发送该文件"),
                self.to_string(),
            )],
            EmbedError::NotUtf8 { url, line } => vec![Problem::error(
                "data-src",
                format!("data-src=\"{url}\"：第 {line} 行：文件不是 UTF-8 文本（是否存成了 GBK 或 UTF-16（“Unicode”）？），请另存为 UTF-8"),
                self.to_string(),
            )],
            EmbedError::NotJson(url) => vec![Problem::error(
                "data-src",
                format!("data-src=\"{url}\"：文件是网页（HTML），不是 JSON 数据：地址是否正确？"),
                self.to_string(),
            )],
            EmbedError::Attach(detail) => vec![Problem::error(
                "data-report-widget",
                format!("无法在此元素上显示组件（{detail}）：请改用 <div>"),
                self.to_string(),
            )],
            EmbedError::Nested => vec![Problem::error(
                "data-report-widget",
                "此宿主元素在另一个 report-widget 宿主元素之内，被其报告遮住：请移到其外",
                self.to_string(),
            )],
            EmbedError::TrustedTypes => vec![Problem::error(
                "Content-Security-Policy",
                "本页面要求 Trusted Types（require-trusted-types-for），其 trusted-types 指令未允许名为“report-widget”的策略：请将 report-widget 加入该指令",
                self.to_string(),
            )],
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// An element written to with `innerHTML` through the same glue as Yew's own writes (and so
    /// through the glue's Trusted Types policy, `www/tools/minify.mjs`), catching what the page
    /// refuses.
    type HtmlSink;
    #[wasm_bindgen(method, setter = innerHTML, catch)]
    fn try_set_inner_html(this: &HtmlSink, html: &str) -> Result<(), JsValue>;
}

/// Whether the page lets the widget write its static markup (`crate::markup`): always, except
/// on a page that requires Trusted Types and does not allow the widget's policy. Asked once.
pub fn markup_allowed() -> bool {
    thread_local! {
        static ALLOWED: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
    }
    ALLOWED.with(|allowed| {
        *allowed.get().get_or_insert_with(|| {
            gloo::utils::document()
                .create_element("template")
                .is_ok_and(|probe| probe.unchecked_ref::<HtmlSink>().try_set_inner_html("").is_ok())
        })
    })
}

/// Whether the host's shadow root holds a prerendered report; marks it as the server's, as
/// rendering afresh beside it does (the loader then keeps it, should the widget fail).
pub fn mark_prerendered(host: &Element) -> bool {
    host.shadow_root().is_some_and(|shadow| !prerendered(&shadow).is_empty())
}

/// Removes every child of the shadow root (without `innerHTML`, which a Trusted Types page
/// refuses).
fn empty(shadow: &ShadowRoot) {
    while let Some(child) = shadow.first_child() {
        let _ = shadow.remove_child(&child);
    }
}

fn js_error_text(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// The widget's stylesheet: a file next to the loader, linked inside every shadow root (strict
/// CSP allows `style-src 'self'` files, never inline styles). `integrity` is its SRI hash, which
/// the loader carries so that pinning the loader with `integrity=` pins the whole widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stylesheet {
    pub href: String,
    pub integrity: Option<String>,
}

impl From<std::rc::Rc<str>> for Stylesheet {
    fn from(href: std::rc::Rc<str>) -> Self {
        Stylesheet { href: href.to_string(), integrity: None }
    }
}

pub fn set_state(host: &Element, state: &str) {
    let _ = host.set_attribute("data-state", state);
}

/// Whether the page put content of its own inside the host (a static fallback: a summary, a
/// table, a link to the PDF). Whitespace between tags does not count.
fn has_fallback(host: &Element) -> bool {
    host.child_element_count() > 0 || host.text_content().is_some_and(|t| !t.trim().is_empty())
}

/// What the host shows until its report is rendered, so the box is never blank.
enum Placeholder {
    /// A `<slot>` that keeps the page's own fallback content (light DOM) visible.
    Slot(Element),
    /// A short "loading" note, for a host the page left empty.
    Loading(Element),
    /// The report as the server rendered it into a declarative shadow root (`report-widget
    /// prerender`): kept, styled as it is, until the live render replaces it.
    Prerendered(Vec<Element>),
}

/// Marks a prerendered `.rw-root` once the widget has taken its host over, so that a failure
/// afterwards knows the content is a complete report (kept) and not a half-drawn one (replaced).
pub const PRERENDERED_MARK: &str = "data-rw-prerendered";
/// Marks the still copy of a report shown before the host was mounted again (`freeze`); also
/// written out in `keep_previous`'s selector.
const PREVIOUS_MARK: &str = "data-rw-previous";

/// A prepared shadow root: the element Yew renders into, and what is shown meanwhile.
pub struct Shadow {
    pub root: Element,
    placeholder: Placeholder,
    /// Settles when the widget stylesheet has loaded (or failed to).
    stylesheet: Promise,
}

impl Shadow {
    /// Waits for the widget stylesheet, so the first render is never seen unstyled. A
    /// stylesheet that fails to load (or fails its integrity check) still ends the wait: the
    /// report then shows unstyled rather than never.
    pub async fn stylesheet_loaded(&self) {
        let _ = JsFuture::from(self.stylesheet.clone()).await;
    }

    /// The host shows a report it rendered before, as a still copy (`freeze`): it is being
    /// mounted again.
    fn replaces_report(&self) -> bool {
        matches!(&self.placeholder, Placeholder::Prerendered(nodes) if nodes.iter().any(|n| n.has_attribute(PREVIOUS_MARK)))
    }

    /// Called once the first render is in the DOM. A report replaces the placeholder; an error
    /// panel comes first and keeps the page's fallback content (or the prerendered report)
    /// visible below it, since the reader still gets that.
    pub fn finish(&self, report_shown: bool) {
        let replacing = self.replaces_report();
        match &self.placeholder {
            Placeholder::Loading(note) => note.remove(),
            Placeholder::Slot(slot) => {
                if report_shown {
                    slot.remove();
                }
            }
            Placeholder::Prerendered(nodes) => {
                // A still copy of the report shown before a remount (`freeze`) never stays
                // below an error: it may be another report than the one asked for.
                if report_shown || replacing {
                    nodes.iter().for_each(|n| n.remove());
                } else if let (Some(parent), Some(first)) = (self.root.parent_node(), nodes.first()) {
                    let _ = parent.insert_before(&self.root, Some(first));
                }
                let _ = self.root.remove_attribute("hidden");
            }
        }
    }
}

/// The `.rw-root` of a report prerendered by the server, if the host's shadow root holds one:
/// found before the payload is read for its key, which most hosts need not do.
pub fn prerendered_root(host: &Element) -> Option<Element> {
    host.shadow_root()?.query_selector(".rw-root[data-rw-key]").ok().flatten()
}

/// The prerendered `root`, if it was made for exactly `key` (see `snippet::hydration_key`),
/// ready to be hydrated in place: its markup must still be what the server wrote
/// (`snippet::markup_digest`). A CMS that strips HTML comments (the markers hydration follows)
/// or re-indents the snippet, a hand-edited figure, a browser extension that translated the
/// page: such a report is rendered afresh from the payload instead, as hydrating it would fail
/// half-way (a trap, which stops every widget on the page) or keep text the payload does not say.
pub fn hydratable_root(host: &Element, root: Element, key: &str) -> Option<Element> {
    if root.get_attribute("data-rw-key").as_deref() != Some(key) {
        return None;
    }
    // A source note the reader opened while the wasm was on its way (a <details> needs none)
    // is theirs, not a change to the report: closed for the comparison and opened again at
    // once, so hydration keeps it open, with the focus on its summary. Taken for a change, the
    // report was rendered afresh: the note shut and the focus fell to the page's top.
    let mut opened = Vec::new();
    while let Some(note) = root.query_selector("details[open]").ok().flatten() {
        let _ = note.remove_attribute("open");
        opened.push(note);
    }
    let intact = root
        .get_attribute("data-rw-digest")
        .is_some_and(|digest| digest == crate::snippet::markup_digest(&root.inner_html()));
    for note in opened {
        let _ = note.set_attribute("open", "");
    }
    if !intact {
        gloo::console::warn!(
            "report-widget: the prerendered report in this host is not the markup the server wrote (edited by hand, the CMS or a browser extension?): rendered afresh from the payload.",
            host.clone()
        );
    }
    intact.then_some(root)
}

/// Removes the light-DOM copy of a prerendered report (`.rw-fallback`, for engines without
/// declarative shadow DOM) once the live widget shows the report: it is no longer needed, and a
/// second, unrendered copy of every control would only confuse tools that read the DOM.
pub fn drop_prerendered_copy(host: &Element) {
    if let Ok(Some(copy)) = host.query_selector(":scope > .rw-fallback") {
        copy.remove();
    }
}

/// The inline payload text of a host (`data-payload`), when it has one on the page.
pub fn inline_payload(host: &Element) -> Option<String> {
    payload_element(host, &source(host, "data-payload")?)?.text_content()
}

/// A host's `data-payload` or `data-src`, trimmed; a blank one counts as absent (a CMS template
/// that leaves one of the two fields empty), so the other is used.
fn source(host: &Element, name: &str) -> Option<String> {
    host.get_attribute(name).map(|value| value.trim().to_string()).filter(|value| !value.is_empty())
}

/// The element that holds a host's inline payload: the one with that id right after the host,
/// where the snippet puts it (so two snippets pasted with the same id each find their own
/// report, not both the first), else the page's element with that id.
fn payload_element(host: &Element, id: &str) -> Option<Element> {
    host.next_element_sibling().filter(|next| next.id() == id).or_else(|| gloo::utils::document().get_element_by_id(id))
}

/// The children of a shadow root that holds a server-rendered report (a `.rw-root` with
/// content), or nothing.
fn prerendered(shadow: &ShadowRoot) -> Vec<Element> {
    let Ok(Some(old_root)) = shadow.query_selector(".rw-root") else { return Vec::new() };
    if old_root.child_element_count() == 0 {
        return Vec::new();
    }
    // The server's report, kept under a notice if the widget fails; not a still copy of the
    // report shown before a remount, which may be another report than the one asked for.
    if !old_root.has_attribute(PREVIOUS_MARK) {
        let _ = old_root.set_attribute(PRERENDERED_MARK, "");
    }
    let children = shadow.children();
    (0..children.length()).filter_map(|i| children.item(i)).collect()
}

fn shadow_of(host: &Element) -> Result<ShadowRoot, EmbedError> {
    match host.shadow_root() {
        Some(existing) => Ok(existing),
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|e| EmbedError::Attach(js_error_text(&e))),
    }
}

fn stylesheet_link(stylesheet: &Stylesheet) -> Result<Element, EmbedError> {
    let link = gloo::utils::document().create_element("link").map_err(|e| EmbedError::Attach(js_error_text(&e)))?;
    let _ = link.set_attribute("rel", "stylesheet");
    if let Some(integrity) = &stylesheet.integrity {
        let _ = link.set_attribute("integrity", integrity);
        // SRI needs a CORS-mode request; for the usual same-origin files this changes nothing.
        let _ = link.set_attribute("crossorigin", "anonymous");
    }
    let _ = link.set_attribute("href", &stylesheet.href);
    Ok(link)
}

/// Opens (or reuses) the host's shadow root, links the stylesheet and returns where to render;
/// the caller renders once `Shadow::stylesheet_loaded` has returned (so the report never
/// flashes unstyled). A shadow root that already holds a prerendered report keeps it on screen
/// meanwhile; any other content is cleared.
pub fn prepare_shadow(host: &Element, stylesheet: &Stylesheet, lang: Lang) -> Result<Shadow, EmbedError> {
    let shadow = shadow_of(host)?;
    let prerendered = prerendered(&shadow);
    // The stylesheet link the loader put first while the wasm compiled (`linkStylesEarly` in
    // www/loader.js) stays where it is: replaced or moved, it would be fetched a second time
    // once the page has loaded. `data-rw-done` marks it loaded (or failed) already.
    let early = shadow.first_element_child().filter(|first| first.has_attribute("data-rw-early"));
    if prerendered.is_empty() {
        while let Some(last) = shadow.last_child() {
            if early.as_ref().is_some_and(|link| AsRef::<JsValue>::as_ref(link) == AsRef::<JsValue>::as_ref(&last)) {
                break;
            }
            let _ = shadow.remove_child(&last);
        }
    }
    let document = gloo::utils::document();
    let attach_error = |e: JsValue| EmbedError::Attach(js_error_text(&e));
    let link = match &early {
        Some(link) => link.clone(),
        None => stylesheet_link(stylesheet)?,
    };
    let loaded = Promise::new(&mut |resolve, _reject| {
        // Failing to load resolves too (see `Shadow::stylesheet_loaded`). The listener is the
        // promise's own `resolve`, not a Rust closure: `load` fires again each time the host is
        // moved in the page, and a one-shot Rust closure would throw on the second call.
        if link.has_attribute("data-rw-done") {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &resolve);
    });
    let root = document.create_element("div").map_err(attach_error)?;
    let _ = root.set_attribute("class", "rw-root");
    if early.is_none() {
        shadow.append_child(&link).map_err(attach_error)?;
    }
    shadow.append_child(&root).map_err(attach_error)?;
    let placeholder = if !prerendered.is_empty() {
        // The live render goes into a hidden root and is swapped in when complete.
        let _ = root.set_attribute("hidden", "");
        Placeholder::Prerendered(prerendered)
    } else if has_fallback(host) {
        let slot = document.create_element("slot").map_err(attach_error)?;
        shadow.append_child(&slot).map_err(attach_error)?;
        Placeholder::Slot(slot)
    } else {
        let note = document.create_element("p").map_err(attach_error)?;
        let _ = note.set_attribute("class", "rw-loading");
        let _ = note.set_attribute("role", "status");
        let _ = note.set_attribute("lang", lang.tag());
        note.set_text_content(Some(match lang {
            Lang::En => "Loading the report…",
            _ => "正在加载报告…",
        }));
        shadow.append_child(&note).map_err(attach_error)?;
        Placeholder::Loading(note)
    };
    Ok(Shadow { root, placeholder, stylesheet: loaded })
}

/// Before a host showing its report is mounted again: the report is replaced by a still copy,
/// without listeners, that stays on screen until the new render replaces it, as a
/// prerendered report does (`prepare_shadow`, `Shadow::finish`). The stylesheet link stays
/// with the copy (no longer marked as the loader's early link, so that the new render links its
/// own). False where there is nothing to copy.
pub fn freeze(host: &Element) -> bool {
    let Some(shadow) = host.shadow_root() else { return false };
    let Ok(Some(live)) = shadow.query_selector(".rw-root") else { return false };
    let Ok(copy) = live.clone_node_with_deep(true) else { return false };
    let copy: Element = copy.unchecked_into();
    // Not a server's report to hydrate (`hydratable_root`).
    let _ = copy.remove_attribute("data-rw-key");
    let _ = copy.set_attribute(PREVIOUS_MARK, "");
    // Its controls do nothing now: out of the Tab order and the pointer's reach where `inert`
    // is known.
    let _ = copy.set_attribute("inert", "");
    if shadow.insert_before(&copy, Some(&live)).is_err() {
        return false;
    }
    live.remove();
    if let Some(first) = shadow.first_element_child() {
        let _ = first.remove_attribute("data-rw-early");
    }
    true
}

/// For a host mounted again before its last remount's render came in: that remount's still copy
/// stays (with the stylesheet link before it), and what was added after it (the hidden new
/// root, its link, a loading note) goes. False where there is no such copy.
pub fn keep_previous(host: &Element) -> bool {
    let Some(copy) = host.shadow_root().and_then(|s| s.query_selector("[data-rw-previous]").ok().flatten()) else {
        return false;
    };
    while let Some(next) = copy.next_element_sibling() {
        next.remove();
    }
    true
}

/// Empties a released host: its shadow root (the report, listeners' targets) and its state.
pub fn clear(host: &Element) {
    if let Some(shadow) = host.shadow_root() {
        empty(&shadow);
        // The shadow root stays (it cannot be removed): a slot shows the page's own content of
        // the host again, as before the widget came (a page that took data-report-widget away).
        if let Ok(slot) = gloo::utils::document().create_element("slot") {
            let _ = shadow.append_child(&slot);
        }
    }
    let _ = host.remove_attribute("data-state");
}

/// Reads the payload text named by `data-payload` (an element id, which wins when both are
/// given) or `data-src` (a same-origin URL, relative to the page). `abort` aborts the request
/// when the host is removed meanwhile, or when the file has not arrived in full in time.
pub async fn read_payload(host: &Element, abort: Option<&AbortController>) -> Result<String, EmbedError> {
    if let Some(id) = source(host, "data-payload") {
        let el = payload_element(host, &id).ok_or_else(|| EmbedError::PayloadElementMissing(id.clone()))?;
        let text = el.text_content().unwrap_or_default();
        // Any element whose text is a payload is read; one that is not a script and holds text
        // but no JSON object is the wrong element, which a JSON syntax error would not say. (An
        // empty one is reported as an empty payload.)
        let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if el.local_name() != "script" && !start.is_empty() && !start.starts_with('{') {
            return Err(EmbedError::PayloadElementNotScript { id, tag: el.local_name() });
        }
        return Ok(text);
    }
    let Some(url) = source(host, "data-src") else {
        return Err(EmbedError::NoSource);
    };
    let timed_out = Rc::new(Cell::new(false));
    if let Some(abort) = abort {
        let (timed_out, abort) = (timed_out.clone(), abort.clone());
        let on_timeout = Closure::once_into_js(move || {
            timed_out.set(true);
            abort.abort();
        });
        // Left to run after the file arrived: aborting a finished request does nothing.
        let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.unchecked_ref(),
            FETCH_TIMEOUT_SECONDS * 1000,
        );
    }
    let fetch_error = |detail: String| match timed_out.get() {
        true => EmbedError::TimedOut(url.clone()),
        false => EmbedError::Fetch { url: url.clone(), detail },
    };
    let init = RequestInit::new();
    // Same origin only: the widget never talks to another server (no CDN, no telemetry).
    init.set_mode(RequestMode::SameOrigin);
    init.set_signal(abort.map(|a| a.signal()).as_ref());
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(&url, &init))
        .await
        .map_err(|e| fetch_error(js_error_text(&e)))?;
    let response: Response = response.dyn_into().map_err(|_| fetch_error("not a response".into()))?;
    if !response.ok() {
        // The address asked for, resolved: a relative data-src is read from the page's folder,
        // not the widget's, which is the usual mistake on a portal's sub-path.
        return Err(fetch_error(format!("HTTP {} {}", response.status(), response.url())));
    }
    let text = response.text().map_err(|e| fetch_error(js_error_text(&e)))?;
    let text = JsFuture::from(text).await.map_err(|e| fetch_error(js_error_text(&e)))?;
    let text = text.as_string().ok_or_else(|| fetch_error("the response is not text".into()))?;
    // The browser reads the file as UTF-8 and puts U+FFFD where the bytes are not: a GBK file
    // would show garbled Chinese, so it is refused with the line where that starts. (A file
    // whose text has U+FFFD itself is refused too: the text cannot tell the two apart.)
    if let Some(at) = text.find('\u{FFFD}') {
        return Err(EmbedError::NotUtf8 { url: url.clone(), line: text[..at].matches('\n').count() + 1 });
    }
    if text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).starts_with('<') {
        return Err(EmbedError::NotJson(url));
    }
    Ok(text)
}

fn dispatch(host: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

pub fn announce_ready(host: &Element) {
    set_state(host, "ready");
    dispatch(host, "report-widget:ready", &JsValue::NULL);
}

/// The `detail` of `report-widget:error`: `{ message, problems: [{ path, line, column, message,
/// message_zh }], lang }`.
fn error_detail(message: &str, problems: &[Problem], lang: Lang) -> Object {
    let list = Array::new();
    for p in problems {
        let item = Object::new();
        let _ = Reflect::set(&item, &"path".into(), &p.pointer.as_str().into());
        let (line, column) = match p.position {
            Some((l, c)) => (JsValue::from(l as u32), JsValue::from(c as u32)),
            None => (JsValue::NULL, JsValue::NULL),
        };
        let _ = Reflect::set(&item, &"line".into(), &line);
        let _ = Reflect::set(&item, &"column".into(), &column);
        let _ = Reflect::set(&item, &"message".into(), &p.en.as_str().into());
        let _ = Reflect::set(&item, &"message_zh".into(), &p.zh.as_str().into());
        list.push(&item);
    }
    let detail = Object::new();
    let _ = Reflect::set(&detail, &"message".into(), &message.into());
    let _ = Reflect::set(&detail, &"problems".into(), &list);
    let _ = Reflect::set(&detail, &"lang".into(), &lang.tag().into());
    detail
}

/// Sets the error state, logs once to the console and dispatches `report-widget:error`.
pub fn announce_error(host: &Element, err: &EmbedError, lang: Lang) {
    set_state(host, "error");
    let detail = error_detail(&err.to_string(), &err.problems(), lang);
    gloo::console::error!("report-widget:", err.to_string(), detail.clone());
    dispatch(host, "report-widget:error", &detail);
}

/// Which report, if any, a message written without Yew leaves in place.
#[derive(Clone, Copy)]
pub enum Keep {
    /// Nothing: the message replaces what the shadow root shows, and a `<slot>` below it lets
    /// the page's own fallback content show (rendering could not start).
    Nothing,
    /// The report the host shows (rendered, or prerendered by the server): the message goes
    /// above it (the report stays readable, though it may no longer respond).
    Report,
}

/// Last-resort message written without Yew (rendering could not start, or the widget's code
/// failed), as an alert after the stylesheet link, so that it is styled like the widget, in
/// `lang` (a screen reader then reads it in that language whatever the page's language).
pub fn show_plain_error(host: &Element, message: &str, lang: Lang, keep: Keep) {
    let Ok(alert) = gloo::utils::document().create_element("p") else { return };
    let _ = alert.set_attribute("role", "alert");
    let _ = alert.set_attribute("class", "rw-alert");
    let _ = alert.set_attribute("lang", lang.tag());
    alert.set_text_content(Some(message));
    let Ok(shadow) = shadow_of(host) else {
        let _ = host.insert_before(&alert, host.first_child().as_ref());
        return;
    };
    let children = shadow.children();
    let content: Vec<Element> =
        (0..children.length()).filter_map(|i| children.item(i)).filter(|c| c.tag_name() != "LINK").collect();
    match (keep, content.first()) {
        (Keep::Report, Some(report)) => {
            let _ = shadow.insert_before(&alert, Some(report));
        }
        _ => {
            content.iter().for_each(Element::remove);
            let _ = shadow.append_child(&alert);
            if let Ok(slot) = gloo::utils::document().create_element("slot") {
                let _ = shadow.append_child(&slot);
            }
        }
    }
}

/// Sets `error` and dispatches `report-widget:error` with a message and no problem list (the
/// widget failed, not the payload).
pub fn announce_failure(host: &Element, message: &str, lang: Lang) {
    set_state(host, "error");
    dispatch(host, "report-widget:error", &error_detail(message, &[], lang));
}
