//! report-widget: turns the figures of a government annual report into interactive,
//! accessible visuals. One library serves the browser widget, the command-line tool and the
//! tests; a payload flows one way: parse → validate → view model → components.

pub mod charts;
// In WebAssembly only for the editor page's own build (feature `editor`): the widget's build
// never compiles it.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod editor;
pub mod format;
pub mod i18n;
pub mod markup;
pub mod model;
pub mod report;
pub mod snippet;
pub mod validate;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod embed;

#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;

/// The allocator of every WebAssembly build (the widget, the export module, the editor, the
/// browser tests): talc, which is smaller than std's dlmalloc (2 KB gzip less in the widget's
/// wasm) and reuses freed memory as well (BENCHMARKS.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
