//! The browser entry point: Trunk compiles this to WebAssembly; the loader
//! (`report-widget.js`) calls `boot` with the URL of the widget's stylesheet and its SRI hash.
// No `main` in WebAssembly: the loader calls `boot`, and std's start-up code (`lang_start`,
// which sets up stdout) would only add to the wasm.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
mod entry {
    use wasm_bindgen::prelude::*;

    /// Mounts every `data-report-widget` host on the page, now and whenever one is added.
    /// `stylesheet_integrity` is empty when the stylesheet is not pinned.
    #[wasm_bindgen]
    pub fn boot(stylesheet_url: String, stylesheet_integrity: String) {
        let integrity = Some(stylesheet_integrity).filter(|s| !s.is_empty());
        report_widget::embed::boot(report_widget::embed::Stylesheet { href: stylesheet_url, integrity });
    }

    /// How many hosts are mounted right now (for diagnostics and the end-to-end tests: a removed
    /// host must not stay counted).
    #[wasm_bindgen]
    pub fn instances() -> u32 {
        report_widget::embed::instance_count() as u32
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
