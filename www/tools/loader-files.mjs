// What a built loader (dist/report-widget.js) names: its content-hashed files (relative to the
// loader) and their SRI values, read from the names the loader keeps (`WASM`, `STYLES`,
// `INTEGRITY`, …; see www/loader.js). Builds from before the glue was bundled into the loader
// also name `GLUE`. Used by the editor's post-build step, the benchmark and the tests.

/** The files and SRI values a built loader's text names; a name it lacks is null (an SRI value, ""). */
export function loaderFiles(loaderText) {
  const file = (name) => new RegExp(`\\b${name} ?= ?"\\./([^"]+)"`).exec(loaderText)?.[1] ?? null;
  const sri = (key) => new RegExp(`\\b${key}: ?"(sha384-[^"]+)"`).exec(loaderText)?.[1] ?? "";
  return {
    wasm: file("WASM"),
    styles: file("STYLES"),
    glue: file("GLUE"),
    exportGlue: file("EXPORT_GLUE"),
    exportWasm: file("EXPORT_WASM"),
    integrity: { wasm: sri("wasm"), styles: sri("styles"), exportGlue: sri("exportGlue"), exportWasm: sri("exportWasm") },
  };
}
