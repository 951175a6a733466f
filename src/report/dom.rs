//! The few browser calls the components make, from callbacks and effects (so native rendering
//! stays a pure function of props and state): downloads, chart images (handed to the export
//! module), scrolling, the URL hash, window events, and the reader's remembered large-text
//! choice. Natively they do nothing. One is made while rendering: the collation ranks of a
//! sort by label, a query of the browser's `Intl.Collator` with no effect on the page, read in
//! the ranking's memo of its order (never on the first render, which is unsorted, so the
//! server's HTML and hydration agree).

use yew::NodeRef;

/// Sent on the window when the reader switches large text, so the page's other reports follow.
pub const LARGE_TEXT_EVENT: &str = "report-widget:large-text";

/// Keeps a window event listener alive; dropping it removes the listener.
pub struct Listener {
    #[cfg(target_arch = "wasm32")]
    _inner: gloo::events::EventListener,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Listener;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{
        Blob, BlobPropertyBag, CanvasRenderingContext2d, Element, HtmlAnchorElement, HtmlCanvasElement, HtmlElement,
        HtmlImageElement, ScrollIntoViewOptions, ScrollLogicalPosition, Url,
    };
    use yew::{Callback, NodeRef};

    fn blob(text: &str, mime: &str) -> Option<Blob> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        Blob::new_with_str_sequence_and_options(&parts, &options).ok()
    }

    /// Where the reader's large-text choice is kept, in the site's local storage: one choice for
    /// every report of the site, written only when the reader presses the button.
    const LARGE_TEXT_KEY: &str = "report-widget:large-text";

    /// The site's local storage, when the browser lets the page have it (a sandboxed frame or
    /// a reader's privacy settings may refuse it: then nothing is remembered).
    fn storage() -> Option<web_sys::Storage> {
        gloo::utils::window().local_storage().ok().flatten()
    }

    pub fn remembered_large() -> Option<bool> {
        match storage()?.get_item(LARGE_TEXT_KEY).ok()??.as_str() {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }

    pub fn remember_large(on: bool) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(LARGE_TEXT_KEY, if on { "1" } else { "0" });
        }
        if let Ok(event) = web_sys::Event::new(super::LARGE_TEXT_EVENT) {
            let _ = gloo::utils::window().dispatch_event(&event);
        }
    }

    fn later(ms: i32, f: impl FnOnce() + 'static) {
        let f = Closure::once_into_js(f);
        let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms);
    }

    fn save(name: &str, blob: &Blob) {
        let Ok(url) = Url::create_object_url_with_blob(blob) else { return };
        let Some(a) =
            gloo::utils::document().create_element("a").ok().and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
        else {
            return;
        };
        a.set_href(&url);
        a.set_download(name);
        a.click();
        later(30_000, move || {
            let _ = Url::revoke_object_url(&url);
        });
    }

    pub fn download_text(name: &str, mime: &str, text: &str) {
        if let Some(b) = blob(text, mime) {
            save(name, &b);
        }
    }

    pub fn download_png(name: String, svg: &str, width: u32, height: u32) -> js_sys::Promise {
        use wasm_bindgen_futures::JsFuture;
        let svg = blob(svg, "image/svg+xml;charset=utf-8");
        // Rejected with what stopped it: said in the console by the loader, and beside the
        // downloads by the chart.
        let refused = |why: &str| JsValue::from(js_sys::Error::new(why));
        wasm_bindgen_futures::future_to_promise(async move {
            let url = svg
                .and_then(|b| Url::create_object_url_with_blob(&b).ok())
                .ok_or_else(|| refused("the chart's SVG could not be made into a file"))?;
            let img = HtmlImageElement::new_with_width_and_height(width, height)?;
            img.set_src(&url);
            // A page whose Content-Security-Policy has no img-src blob: refuses the image (the
            // likely reason): the reader is told, not left with a button that did nothing.
            let decoded = JsFuture::from(img.decode()).await;
            let _ = Url::revoke_object_url(&url);
            decoded.map_err(|_| {
                refused("the chart could not be drawn as a PNG image (is img-src blob: missing from the Content-Security-Policy?)")
            })?;
            let canvas: HtmlCanvasElement = gloo::utils::document().create_element("canvas")?.dyn_into()?;
            canvas.set_width(width * 2);
            canvas.set_height(height * 2);
            let ctx: CanvasRenderingContext2d =
                canvas.get_context("2d")?.ok_or_else(|| refused("no canvas to draw on"))?.dyn_into()?;
            ctx.scale(2.0, 2.0)?;
            ctx.draw_image_with_html_image_element(&img, 0.0, 0.0)?;
            // toBlob's callback is the promise's own resolve; a canvas that cannot be read rejects.
            let png = JsFuture::from(js_sys::Promise::new(&mut |resolve, reject| {
                if let Err(e) = canvas.to_blob(&resolve) {
                    let _ = reject.call1(&JsValue::NULL, &e);
                }
            }))
            .await?;
            let png: Blob = png.dyn_into().map_err(|_| refused("the canvas gave no PNG image"))?;
            save(&name, &png);
            Ok(JsValue::TRUE)
        })
    }

    pub fn export_image(
        chart: &crate::view::ChartView,
        hidden: &[bool],
        credit: &str,
        lang: crate::model::Lang,
        png: bool,
        failed: Callback<()>,
    ) {
        crate::embed::exporter::request(chart, hidden, credit, lang, png, failed)
    }

    pub fn export_csv(source: &str, lang: crate::model::Lang, table: &str, order: &[usize], failed: Callback<()>) {
        crate::embed::exporter::request_csv(source, lang, table, order, failed)
    }

    pub fn location_hash() -> Option<String> {
        gloo::utils::window().location().hash().ok().filter(|h| !h.is_empty())
    }

    pub fn collation_ranks(rows: &[crate::view::RankingRowView], lang: crate::model::Lang) -> Option<Vec<u32>> {
        crate::embed::collation_ranks(rows.iter().map(|r| r.label.as_str()), lang).filter(|r| r.len() == rows.len())
    }

    /// Writes `#anchor` into the address bar without an event, scroll or history entry,
    /// and only when the page does not use the hash itself (empty, or one of ours).
    pub fn replace_hash(anchor: &str) {
        let window = gloo::utils::window();
        let current = window.location().hash().unwrap_or_default();
        if !(current.is_empty() || current == "#" || current.starts_with("#rw-")) {
            return;
        }
        let Ok(history) = window.history() else { return };
        let state = history.state().unwrap_or(JsValue::NULL);
        // The page's own address with the new hash: a bare "#anchor" would resolve against a
        // `<base href>` the page may have, and put another page's address in the bar.
        let href = window.location().href().unwrap_or_default();
        let mut url = href.split('#').next().unwrap_or_default().to_string();
        url.push('#');
        url.push_str(anchor);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }

    /// Scrolls the section `anchor` (inside the element of `root`) into view and moves the
    /// keyboard focus to its heading button.
    pub fn go_to_section(root: &NodeRef, anchor: &str) {
        let Some(root) = root.cast::<Element>() else { return };
        let mut selector = String::from("#");
        selector.push_str(anchor);
        let Some(section) = root.query_selector(&selector).ok().flatten() else { return };
        section.scroll_into_view();
        selector.push_str(" .rw-section-toggle");
        if let Some(button) =
            root.query_selector(&selector).ok().flatten().and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    }

    /// Scrolls a chart's active item (inside the element of `plot`) and its tooltip into view
    /// as little as needed: at 400 % zoom a chart is taller than the screen, and the arrow keys,
    /// which the chart takes, cannot scroll the page.
    pub fn reveal_active(plot: &NodeRef) {
        let Some(plot) = plot.cast::<Element>() else { return };
        // After the render the key's dispatch queued, even where Yew's scheduler had yielded
        // in the middle of a pass and draws it in a later task (`after_dom_work`, a patch).
        yew::scheduler::after_dom_work(Box::new(move || {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Nearest);
            for selector in ["[data-active]", "[data-active] .rw-tip"] {
                if let Some(element) = plot.query_selector(selector).ok().flatten() {
                    element.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        }));
    }

    pub fn target_attribute(e: &yew::events::MouseEvent, attribute: &str) -> Option<String> {
        let mut selector = String::from("[");
        selector.push_str(attribute);
        selector.push(']');
        e.target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest(&selector).ok().flatten())
            .and_then(|el| el.get_attribute(attribute))
    }

    pub fn on_window(event: &'static str, key: Option<&'static str>, callback: Callback<()>) -> Option<Listener> {
        let window = gloo::utils::window();
        Some(Listener {
            _inner: gloo::events::EventListener::new(&window, event, move |e| {
                if key.is_none_or(|key| e.unchecked_ref::<web_sys::KeyboardEvent>().key() == key) {
                    callback.emit(())
                }
            }),
        })
    }

    pub fn focus_first_in(e: &yew::events::MouseEvent, container: &str) {
        if let Some(first) = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest(container).ok().flatten())
            .and_then(|parent| parent.query_selector("button").ok().flatten())
            .and_then(|first| first.dyn_into::<HtmlElement>().ok())
        {
            let _ = first.focus();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Listener;
    use yew::{Callback, NodeRef};

    pub fn export_image(
        _chart: &crate::view::ChartView,
        _hidden: &[bool],
        _credit: &str,
        _lang: crate::model::Lang,
        _png: bool,
        _failed: Callback<()>,
    ) {
    }
    pub fn export_csv(_source: &str, _lang: crate::model::Lang, _table: &str, _order: &[usize], _failed: Callback<()>) {
    }
    pub fn location_hash() -> Option<String> {
        None
    }
    pub fn collation_ranks(_rows: &[crate::view::RankingRowView], _lang: crate::model::Lang) -> Option<Vec<u32>> {
        None
    }
    pub fn replace_hash(_anchor: &str) {}
    pub fn remembered_large() -> Option<bool> {
        None
    }
    pub fn remember_large(_on: bool) {}
    pub fn go_to_section(_root: &NodeRef, _anchor: &str) {}
    pub fn on_window(_event: &'static str, _key: Option<&'static str>, _callback: Callback<()>) -> Option<Listener> {
        None
    }
    pub fn focus_first_in(_e: &yew::events::MouseEvent, _container: &str) {}
    pub fn reveal_active(_plot: &NodeRef) {}
    pub fn target_attribute(_e: &yew::events::MouseEvent, _attribute: &str) -> Option<String> {
        None
    }
}

/// Saves `text` as a file named `name` (a Blob behind an object URL; no server involved): for
/// the export module, which makes the CSV files and chart images.
#[cfg(target_arch = "wasm32")]
pub fn download_text(name: &str, mime: &str, text: &str) {
    imp::download_text(name, mime, text)
}

/// Draws an SVG document on a canvas at twice its size and saves it as a PNG file (for the
/// export module: the components ask for images through `export_image`): a promise of true,
/// rejected with the reason where no image could be drawn.
#[cfg(target_arch = "wasm32")]
pub fn download_png(name: String, svg: &str, width: u32, height: u32) -> js_sys::Promise {
    imp::download_png(name, svg, width, height)
}

/// Saves the chart as shown now (without the `hidden` items) as an SVG or PNG image, with the
/// `credit` line, in the report's language `lang`; made by the export module the loader fetches
/// on demand (`embed::exporter`). `failed` hears if no file could be made.
pub fn export_image(
    chart: &crate::view::ChartView,
    hidden: &[bool],
    credit: &str,
    lang: crate::model::Lang,
    png: bool,
    failed: yew::Callback<()>,
) {
    imp::export_image(chart, hidden, credit, lang, png, failed)
}

/// Saves the table `table` of the payload `source` (a ranking's rows in `order`) as a CSV
/// file, made by the export module the loader fetches on demand (as chart images are);
/// `failed` hears if no file could be made.
pub fn export_csv(source: &str, lang: crate::model::Lang, table: &str, order: &[usize], failed: yew::Callback<()>) {
    imp::export_csv(source, lang, table, order, failed)
}

/// Each row label's rank in the reading order of `lang` (pinyin for Chinese), for sorting a
/// ranking by its labels; `None` where the browser cannot tell (the rows then sort by character
/// code).
pub fn collation_ranks(rows: &[crate::view::RankingRowView], lang: crate::model::Lang) -> Option<Vec<u32>> {
    imp::collation_ranks(rows, lang)
}

/// The page's URL hash (`#rw-air`), if any.
pub fn location_hash() -> Option<String> {
    imp::location_hash()
}

/// Shows `#anchor` in the address bar, quietly, when the host page is not using the hash.
pub fn replace_hash(anchor: &str) {
    imp::replace_hash(anchor)
}

pub fn go_to_section(root: &NodeRef, anchor: &str) {
    imp::go_to_section(root, anchor)
}

/// The reader's large-text choice as kept for the site (made in any of its reports), if any.
pub fn remembered_large() -> Option<bool> {
    imp::remembered_large()
}

/// Keeps the reader's large-text choice for the site's other pages and later visits, and tells
/// the page's other reports ([`LARGE_TEXT_EVENT`]).
pub fn remember_large(on: bool) {
    imp::remember_large(on)
}

/// The value of `attribute` on a mouse event's target or its nearest ancestor that has it:
/// which chart item (`data-i`) is under the pointer, which export button (`data-export`) or
/// section link (`href`) in a block of static markup was clicked.
pub fn target_attribute(e: &yew::events::MouseEvent, attribute: &str) -> Option<String> {
    imp::target_attribute(e, attribute)
}

/// Calls `callback` on every `event` of the window (of a keyboard event, only for `key`, such as
/// "Escape", if given) while the returned guard lives.
pub fn on_window(event: &'static str, key: Option<&'static str>, callback: yew::Callback<()>) -> Option<Listener> {
    imp::on_window(event, key, callback)
}

/// Moves the keyboard focus to the first button of the clicked element's `container` (a
/// selector): a button that removes itself must not drop the focus to the page (WCAG 2.4.3).
pub fn focus_first_in(e: &yew::events::MouseEvent, container: &str) {
    imp::focus_first_in(e, container)
}

/// Scrolls a chart's active item and its tooltip into view, as little as needed.
pub fn reveal_active(plot: &NodeRef) {
    imp::reveal_active(plot)
}
