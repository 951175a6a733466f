// What a built loader (dist/report-widget.js) names: its content-hashed files (relative to the
// loader) and their SRI values, read from the loader's `FILES` and `INTEGRITY` objects, whose
// keys survive minification (see www/loader.js). Builds from before those keys read
// `WASM = "./…"`, `STYLES = …` and so on, and builds from before the glue was bundled into the
// loader also name `GLUE`; both are still read, so `bench/run.mjs --ab` can compare with them.
// Used by the editor's post-build step, the benchmark and the tests.

/** The files and SRI values a built loader's text names; a name it lacks is null (an SRI value, ""). */
export function loaderFiles(loaderText) {
  const oldFile = (name) => new RegExp(`\\b${name} ?= ?"\\./([^"]+)"`).exec(loaderText)?.[1] ?? null;
  const file = (key, oldName) => new RegExp(`\\b${key}: ?"\\./([^"]+)"`).exec(loaderText)?.[1] ?? oldFile(oldName);
  const sri = (key) => new RegExp(`\\b${key}: ?"(sha384-[^"]+)"`).exec(loaderText)?.[1] ?? "";
  return {
    wasm: file("wasm", "WASM"),
    styles: file("styles", "STYLES"),
    glue: oldFile("GLUE"),
    exportGlue: file("exportGlue", "EXPORT_GLUE"),
    exportWasm: file("exportWasm", "EXPORT_WASM"),
    integrity: { wasm: sri("wasm"), styles: sri("styles"), exportGlue: sri("exportGlue"), exportWasm: sri("exportWasm") },
  };
}
