// Trunk post_build hook: packages the widget in Trunk's staging folder.
//  - report-widget.js: the stable-named loader (www/loader.js with the widget's wasm-bindgen glue
//    bundled in, and the content-hashed file names and their SRI hashes filled in, so pinning
//    the loader pins the whole widget)
//  - report-widget-web-<hash>_bg.wasm: the widget's WebAssembly, named by its final bytes
//  - report-widget-nomodule.js: the stable-named message for browsers without ES modules
//  - report-widget-<hash>.css: the widget stylesheet, content-hashed for long-lived caching
//  - report-widget-export-<hash>.js and _bg.wasm: the on-demand module (chart images, the
//    messages of a payload's problems), which ./run builds into target/export-dist first; the
//    loader fetches it on the first chart image or for a payload with problems
//  - report-widget.sri.txt: the SRI (integrity=) values of the two stable-named scripts and of
//    the stylesheet (which a prerendered snippet links)
//  - index.html: Trunk's injected inline start-up script is removed (the page uses the same
//    external loader a portal does, and strict CSP forbids inline scripts); a
//    `<!-- rw:prerender FILE id=ID lang=LANG -->` directive becomes the prerendered embed
//    snippet made by the native command-line tool (`report-widget prerender`), and a
//    `<!-- rw:payload FILE -->` directive the payload text.
// It prints the files' sizes (raw and gzip) at the end.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  bundleLoader,
  checkLowMemoryUnused,
  contentHash,
  minifyGlue,
  minifyWasmNames,
  trustedInnerHtml,
  widgetStylesheet,
} from "./minify.mjs";

const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("postbuild.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)");

const files = readdirSync(staging);
// The editor page is a build of its own (`trunk build editor.html`, see ./run): its own step.
if (files.some((f) => /^report-widget-editor-[0-9a-f]+\.js$/.test(f))) {
  const { editorPostbuild } = await import("./editor-postbuild.mjs");
  editorPostbuild({ source, staging, files });
  process.exit(0);
}
const trunkGlue = files.find((f) => /^report-widget-web-[0-9a-f]+\.js$/.test(f));
if (!trunkGlue) throw new Error(`no wasm-bindgen glue in ${staging}: ${files.join(", ")}`);
const trunkWasm = trunkGlue.replace(/\.js$/, "_bg.wasm");
if (!files.includes(trunkWasm)) throw new Error(`no wasm beside ${trunkGlue}`);

/** The SRI value browsers check in integrity="..." (sha384, as the SRI spec recommends). */
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** Minifies a wasm-bindgen module (short wasm names, minified glue) and writes its wasm to the
 * staging folder as `<prefix>-<hash>_bg.wasm` and, unless the glue is bundled elsewhere, its
 * glue as `<prefix>-<hash>.js`. Named by the final bytes: Trunk's own name comes from
 * wasm-bindgen's output, which stays the same when only wasm-opt's options or this minification
 * change, and a long-cached file must never change under its name. Returns the names and the
 * bytes. */
function packModule(glueText, wasmBytes, prefix, module, { writeGlue = true } = {}) {
  // Both modules are optimized with wasm-opt's --low-memory-unused (index.html, run).
  checkLowMemoryUnused(wasmBytes);
  const short = minifyWasmNames(wasmBytes, glueText, module);
  const glue = Buffer.from(minifyGlue(short.glue));
  const hash = contentHash(short.wasm, glue);
  const names = { glue: `${prefix}-${hash}.js`, wasm: `${prefix}-${hash}_bg.wasm` };
  if (writeGlue) writeFileSync(join(staging, names.glue), glue);
  writeFileSync(join(staging, names.wasm), short.wasm);
  return { ...names, glueBytes: glue, wasmBytes: short.wasm };
}

// The widget's glue goes into the loader (below), so only its wasm is a file of its own.
const widget = packModule(trustedInnerHtml(readFileSync(join(staging, trunkGlue), "utf8")), readFileSync(join(staging, trunkWasm)), "report-widget-web", undefined, { writeGlue: false });
for (const name of [trunkGlue, trunkWasm]) if (name !== widget.wasm) rmSync(join(staging, name));
const { wasm } = widget;
const { name: cssName, bytes: css } = widgetStylesheet(source);
writeFileSync(join(staging, cssName), css);

// The on-demand module (./run builds it into target/export-dist before this build).
const exportDir = join(source, "target/export-dist");
const exportIn = { glue: join(exportDir, "report-widget-export.js"), wasm: join(exportDir, "report-widget-export_bg.wasm") };
if (!existsSync(exportIn.glue) || !existsSync(exportIn.wasm)) {
  throw new Error(`${exportDir} has no on-demand module: build with ./run build, which makes it before the widget`);
}
const exporter = packModule(readFileSync(exportIn.glue, "utf8"), readFileSync(exportIn.wasm), "report-widget-export", "./report-widget-export_bg.js");

const fill = (text, values) =>
  text.replace(/__([A-Z_]+)__/g, (whole, key) => {
    if (!(key in values)) throw new Error(`www/loader.js: unknown placeholder ${whole}`);
    return values[key];
  });
const loader = "// report-widget loader (minified; source: www/loader.js, with the widget's wasm-bindgen glue)\n" + await bundleLoader(fill(readFileSync(join(source, "www/loader.js"), "utf8"), {
  WASM: `./${wasm}`,
  STYLES: `./${cssName}`,
  WASM_SRI: sri(widget.wasmBytes),
  STYLES_SRI: sri(css),
  EXPORT_GLUE: `./${exporter.glue}`,
  EXPORT_WASM: `./${exporter.wasm}`,
  EXPORT_GLUE_SRI: sri(exporter.glueBytes),
  EXPORT_WASM_SRI: sri(exporter.wasmBytes),
}), widget.glueBytes.toString("utf8"));
writeFileSync(join(staging, "report-widget.js"), loader);
const nomodule = readFileSync(join(source, "www/nomodule.js"));
writeFileSync(join(staging, "report-widget-nomodule.js"), nomodule);
writeFileSync(
  join(staging, "report-widget.sri.txt"),
  [
    "# Subresource Integrity values of this build's stable-named scripts and of its stylesheet (see docs/embedding.md):",
    '#   <script type="module" src=".../report-widget.js" integrity="VALUE"></script>',
    `${sri(Buffer.from(loader))}  report-widget.js`,
    `${sri(nomodule)}  report-widget-nomodule.js`,
    // For the link of a prerendered snippet (report-widget prerender); the loader carries it too.
    `${sri(css)}  ${cssName}`,
    "",
  ].join("\n")
);

/** Payload text for a <script type="application/json"> element, byte for byte except "<":
 * in valid JSON "<" occurs only inside strings, where \u003c means the same, so "</script>"
 * in a label cannot end the element. Never re-serialized: that would turn 6.0 into 6. */
const scriptSafeJson = (text) => {
  JSON.parse(text); // refuse to build a demo around a payload that is not even JSON
  return text.trim().replace(/</g, "\\u003c");
};

/** The prerendered snippet from the native CLI (same components, rendered on the server side).
 * The CLI is a native build: the wasm build's toolchain and flags must not reach it. */
const prerender = (args) => {
  const env = { ...process.env };
  for (const name of ["RUSTUP_TOOLCHAIN", "RUSTFLAGS", "CARGO_UNSTABLE_BUILD_STD", "CARGO_BUILD_TARGET"]) delete env[name];
  const options = Object.fromEntries(args.trim().split(/\s+/).slice(1).map((kv) => kv.split("=")));
  return execFileSync(
    "cargo",
    ["run", "--quiet", "--locked", "--bin", "report-widget", "--", "prerender", args.trim().split(/\s+/)[0],
      "--id", options.id || "report-widget-payload", "--lang", options.lang || "zh",
      // This build's files, and their SRI values (report-widget.sri.txt, written above): the
      // demo shows the pinned snippet the command gives a webmaster.
      "--base", "./", "--dist", staging],
    { cwd: source, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20 }
  );
};

for (const page of files.filter((f) => f.endsWith(".html"))) {
  const path = join(staging, page);
  let html = readFileSync(path, "utf8");
  html = html
    .replace(/<script type="module"[^>]*>[^<]*?import init[\s\S]*?<\/script>\s*/g, "")
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>\s*/g, "")
    .replace(/<!-- rw:prerender ([^>]+?) -->/g, (_, args) => prerender(args))
    .replace(/<!-- rw:payload ([^ ]+) -->/g, (_, file) =>
      scriptSafeJson(readFileSync(join(source, file), "utf8"))
    );
  if (/import init/.test(html)) throw new Error(`${page}: Trunk's inline start-up script was not removed`);
  writeFileSync(path, html);
}
const size = (name) => {
  const bytes = readFileSync(join(staging, name));
  return `  ${name.padEnd(48)} ${String(bytes.length).padStart(8)} B  ${String(gzipSync(bytes, { level: 9 }).length).padStart(7)} B gzip`;
};
console.log(
  [`postbuild: report-widget.js (with the glue) -> ${wasm}, ${cssName}`]
    .concat(["report-widget.js", "report-widget-nomodule.js", wasm, cssName].map(size))
    .concat(["  on demand (the first SVG or PNG export, a payload's problems):"], [exporter.glue, exporter.wasm].map(size))
    .join("\n")
);
