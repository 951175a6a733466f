//! The editor page's entry point (`dist/editor.html`): a WebAssembly build of its own, so the
//! editor's code never reaches the embed widget's files. It needs the `editor` feature (which
//! editor.html asks for); without it, and natively, it does nothing.

fn main() {
    #[cfg(all(target_arch = "wasm32", feature = "editor"))]
    report_widget::editor::app::start();
}
