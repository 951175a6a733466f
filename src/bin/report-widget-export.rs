//! The on-demand module: a second WebAssembly build that the loader fetches only when a reader
//! first saves a table as CSV or a chart as SVG or PNG (`embed::exporter`), or when a payload has problems whose
//! messages the widget's own build leaves out (`embed::messages`), so that code stays out of
//! every reader's first download.
// No `main` in WebAssembly: the loader calls the exports (see report-widget-web.rs).
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
mod entry {
    use wasm_bindgen::prelude::*;

    /// Makes and saves the file (a CSV table, a chart image) a request from the widget asks for:
    /// true, or a promise of it (a PNG image) rejected with the reason it could not be drawn.
    /// False if `request` is not one.
    #[wasm_bindgen]
    pub fn export_chart(request: JsValue) -> JsValue {
        report_widget::embed::exporter::run(&request)
    }

    /// The messages of the problems of a payload, which the widget's own build leaves out
    /// (`embed::messages`): one `[pointer, zh, en]` array per problem.
    #[wasm_bindgen]
    pub fn describe_problems(text: String) -> js_sys::Array {
        report_widget::embed::messages::answer(&text)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
