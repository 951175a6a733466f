//! The editor page's entry point (`dist/editor.html`): a WebAssembly build of its own, so the
//! editor's code never reaches the embed widget's files. Natively it does nothing.

fn main() {
    #[cfg(target_arch = "wasm32")]
    report_widget::editor::app::start();
}
