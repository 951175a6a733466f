//! One host element: its shadow root, its payload source, its state and events.

use crate::model::Lang;
use crate::validate::{PayloadError, Problem};
use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CustomEvent, CustomEventInit, Element, RequestInit, RequestMode, Response, ShadowRootInit, ShadowRootMode};

/// Why an instance could not show its report.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// The host names neither `data-payload` nor `data-src`.
    #[error("the host element has neither a data-payload nor a data-src attribute")]
    NoSource,
    /// `data-payload` names an element id that is not on the page.
    #[error("data-payload=\"{0}\": no element with this id is on the page")]
    PayloadElementMissing(String),
    /// The `data-src` file could not be fetched.
    #[error("data-src=\"{url}\": the file could not be loaded ({detail})")]
    Fetch { url: String, detail: String },
    /// The shadow root could not be created on the host.
    #[error("the widget cannot attach to this element: {0}")]
    Attach(String),
    /// The payload was read but is not a valid report.
    #[error("{0}")]
    Payload(PayloadError),
}

impl EmbedError {
    /// The problems to list inside the widget and in the error event.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            EmbedError::Payload(e) => e.problems(),
            EmbedError::NoSource => vec![Problem::error(
                "data-payload / data-src",
                "宿主元素缺少 data-payload 或 data-src 属性，无法找到报告数据",
                self.to_string(),
            )],
            EmbedError::PayloadElementMissing(id) => vec![Problem::error(
                "data-payload",
                format!("data-payload=\"{id}\"：页面上没有此 id 的元素"),
                self.to_string(),
            )],
            EmbedError::Fetch { url, detail } => vec![Problem::error(
                "data-src",
                format!("data-src=\"{url}\"：无法加载数据文件（{detail}）"),
                self.to_string(),
            )],
            EmbedError::Attach(detail) => vec![Problem::error("data-report-widget", format!("无法在此元素上显示组件：{detail}"), self.to_string())],
        }
    }
}

fn js_error_text(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

pub fn set_state(host: &Element, state: &str) {
    let _ = host.set_attribute("data-state", state);
}

/// Opens (or reuses) the host's shadow root, links the stylesheet, waits until it has loaded
/// (so the report never flashes unstyled) and returns the element to render into.
pub async fn prepare_shadow(host: &Element, stylesheet: &str) -> Result<Element, EmbedError> {
    let shadow = match host.shadow_root() {
        Some(existing) => existing,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|e| EmbedError::Attach(js_error_text(&e)))?,
    };
    shadow.set_inner_html("");
    let document = gloo::utils::document();
    let link = document.create_element("link").map_err(|e| EmbedError::Attach(js_error_text(&e)))?;
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", stylesheet);
    let loaded = Promise::new(&mut |resolve, _reject| {
        // A stylesheet that fails to load still resolves: the report shows unstyled rather than never.
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let _ = link.add_event_listener_with_callback("load", done.unchecked_ref());
        let _ = link.add_event_listener_with_callback("error", done.unchecked_ref());
    });
    let root = document.create_element("div").map_err(|e| EmbedError::Attach(js_error_text(&e)))?;
    let _ = root.set_attribute("class", "rw-root");
    let _ = shadow.append_child(&link);
    let _ = shadow.append_child(&root);
    let _ = JsFuture::from(loaded).await;
    Ok(root)
}

/// Reads the payload text named by `data-payload` (an element id) or `data-src` (a URL).
pub async fn read_payload(host: &Element) -> Result<String, EmbedError> {
    if let Some(id) = host.get_attribute("data-payload") {
        let el = gloo::utils::document().get_element_by_id(id.trim());
        return el.and_then(|e| e.text_content()).ok_or(EmbedError::PayloadElementMissing(id));
    }
    let Some(url) = host.get_attribute("data-src") else {
        return Err(EmbedError::NoSource);
    };
    let fetch_error = |detail: String| EmbedError::Fetch { url: url.clone(), detail };
    let init = RequestInit::new();
    init.set_mode(RequestMode::SameOrigin);
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(&url, &init))
        .await
        .map_err(|e| fetch_error(js_error_text(&e)))?;
    let response: Response = response.dyn_into().map_err(|_| fetch_error("not a response".into()))?;
    if !response.ok() {
        return Err(fetch_error(format!("HTTP {}", response.status())));
    }
    let text = response.text().map_err(|e| fetch_error(js_error_text(&e)))?;
    let text = JsFuture::from(text).await.map_err(|e| fetch_error(js_error_text(&e)))?;
    text.as_string().ok_or_else(|| fetch_error("the response is not text".into()))
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

/// Sets the error state, logs once to the console and dispatches `report-widget:error` whose
/// `detail` is `{ message, problems: [{ path, line, column, message, message_zh }] }`.
pub fn announce_error(host: &Element, err: &EmbedError, lang: Lang) {
    set_state(host, "error");
    let problems = Array::new();
    for p in err.problems() {
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
        problems.push(&item);
    }
    let detail = Object::new();
    let _ = Reflect::set(&detail, &"message".into(), &err.to_string().into());
    let _ = Reflect::set(&detail, &"problems".into(), &problems);
    let _ = Reflect::set(&detail, &"lang".into(), &lang.tag().into());
    gloo::console::error!("report-widget:", err.to_string(), problems.clone());
    dispatch(host, "report-widget:error", &detail);
}

/// Last-resort message written without Yew (used when rendering itself cannot start).
pub fn show_plain_error(host: &Element, message: &str) {
    let document = gloo::utils::document();
    if let Ok(p) = document.create_element("p") {
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(&format!("报告组件无法显示 / The report widget failed: {message}")));
        match host.shadow_root() {
            Some(shadow) => {
                shadow.set_inner_html("");
                let _ = shadow.append_child(&p);
            }
            None => {
                host.set_text_content(None);
                let _ = host.append_child(&p);
            }
        }
    }
}

/// If Rust ever panics, every host that is not already in error switches to `error` with a
/// message, instead of being left blank or half-drawn.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        gloo::console::error!("report-widget panicked:", message.clone());
        let Ok(hosts) = gloo::utils::document().query_selector_all(super::HOST_SELECTOR) else { return };
        for i in 0..hosts.length() {
            let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            if host.get_attribute("data-state").as_deref() == Some("error") {
                continue;
            }
            show_plain_error(&host, "internal error");
            set_state(&host, "error");
            let init = CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&JsValue::from_str(&message));
            if let Ok(event) = CustomEvent::new_with_event_init_dict("report-widget:error", &init) {
                let _ = host.dispatch_event(&event);
            }
        }
    }));
}
