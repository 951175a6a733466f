//! The chart export module: a second WebAssembly build that the loader fetches only when a
//! reader first saves a chart as SVG or PNG (`embed::exporter`), so that code stays out of
//! every reader's first download.
// No `main` in WebAssembly: the loader calls `export_chart` (see report-widget-web.rs).
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
mod entry {
    use wasm_bindgen::prelude::*;

    /// Makes and saves the chart image a request from the widget asks for. False if `request`
    /// is not one.
    #[wasm_bindgen]
    pub fn export_chart(request: JsValue) -> bool {
        report_widget::embed::exporter::run(&request)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
