//! The browser entry point: Trunk compiles this to WebAssembly; the loader
//! (`report-widget.js`) calls `boot` with the URL of the widget's stylesheet.

#[cfg(target_arch = "wasm32")]
mod entry {
    use wasm_bindgen::prelude::*;

    /// Mounts every `data-report-widget` host on the page.
    #[wasm_bindgen]
    pub fn boot(stylesheet_url: String) {
        report_widget::embed::boot(stylesheet_url);
    }
}

fn main() {}
