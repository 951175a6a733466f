// Trunk post_build step for the editor page (editor.html, bin report-widget-editor), called by
// postbuild.mjs when the staging folder holds the editor's build. The page must work opened
// straight from disk (file://, no server): browsers refuse ES modules and fetch() there, so
//  - the wasm-bindgen glue (target no-modules, a classic script) and the wasm itself (base64)
//    go into one classic script, editor-<hash>.js, which starts the editor;
//  - Trunk's own start-up script and preload links are removed (strict CSP: no inline script);
//  - the widget's stylesheet (for the preview's shadow root) is written under the same
//    content-hashed name the widget build uses, and named in <meta name="rw-widget-css">; the
//    widget's wasm, which prerendered snippets preload, is named in <meta name="rw-widget-wasm">
//    (read from the widget's loader in dist/, which ./run builds first), and the SRI values of its
//    two scripts and its stylesheet, which prerendered snippets carry, in <meta name="rw-widget-sri">: the lines of
//    its report-widget.sri.txt without the comments, read by the same Rust as the CLI reads it;
//  - the Lanshan example payload goes into its <script type="application/json"> element.
// The glue and wasm files themselves are dropped: nothing else loads them.
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loaderFiles } from "./loader-files.mjs";
import { contentHash, widgetStylesheet } from "./minify.mjs";


/** Same escaping as the widget's page build: "<" as \u003c, the text otherwise untouched. */
const scriptSafeJson = (text) => {
  JSON.parse(text);
  return text.trim().replace(/</g, "\\u003c");
};

export function editorPostbuild({ source, staging, files }) {
  const glue = files.find((f) => /^report-widget-editor-[0-9a-f]+\.js$/.test(f));
  const wasm = glue.replace(/\.js$/, "_bg.wasm");
  if (!files.includes(wasm)) throw new Error(`no wasm beside ${glue}`);
  const glueText = readFileSync(join(staging, glue), "utf8");
  if (!/\blet wasm_bindgen\b/.test(glueText)) throw new Error(`${glue} is not a no-modules build`);
  const wasmBase64 = readFileSync(join(staging, wasm)).toString("base64");

  const bundle = `// report-widget editor: wasm-bindgen glue and the editor's WebAssembly in one classic
// script, so dist/editor.html also works opened from disk (file://).
(function () {
"use strict";
${glueText}
var WASM_BASE64 = "${wasmBase64}";
function failed(reason) {
  var root = document.getElementById("editor-root");
  if (!root) return;
  var p = document.createElement("p");
  p.className = "ed-crash";
  p.setAttribute("role", "alert");
  p.textContent = "编辑器无法在此浏览器中运行 / The editor cannot run in this browser: " + String((reason && reason.message) || reason);
  root.textContent = "";
  root.appendChild(p);
}
// The release aborts on panic without running hooks (-Cpanic=immediate-abort): a Rust panic
// arrives as a WebAssembly trap. The editor is then unusable; say so (the work is saved).
var trapShown = false;
function trapped(event) {
  var error = event && (event.error || event.reason);
  if (trapShown || typeof WebAssembly !== "object" || !(error instanceof WebAssembly.RuntimeError)) return;
  trapShown = true;
  var p = document.createElement("p");
  p.className = "ed-crash";
  p.id = "editor-crashed";
  p.setAttribute("role", "alert");
  p.textContent = "编辑器出错了。您的工作已自动保存在此浏览器中：请重新加载页面。 / The editor failed. Your work is saved in this browser: reload the page.";
  document.body.insertBefore(p, document.body.firstChild);
}
window.addEventListener("error", trapped);
window.addEventListener("unhandledrejection", trapped);
if (typeof WebAssembly !== "object") {
  failed("WebAssembly is not available");
  return;
}
var text = atob(WASM_BASE64);
var bytes = new Uint8Array(text.length);
for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
wasm_bindgen({ module_or_path: bytes }).catch(failed);
})();
`;
  const bundleName = `editor-${contentHash(bundle)}.js`;
  writeFileSync(join(staging, bundleName), bundle);
  unlinkSync(join(staging, glue));
  unlinkSync(join(staging, wasm));

  const { name: cssName, bytes: css } = widgetStylesheet(source);
  writeFileSync(join(staging, cssName), css);
  const widgetLoader = join(source, "dist/report-widget.js");
  const widgetWasm = existsSync(widgetLoader) ? loaderFiles(readFileSync(widgetLoader, "utf8")).wasm : null;
  if (!widgetWasm) console.warn("postbuild (editor): no widget build in dist/; prerendered snippets will not preload the wasm");
  const sriFile = join(source, "dist/report-widget.sri.txt");
  // (The comments hold quotes; the value lines are base64 and file names, safe in an attribute.)
  const widgetSri = existsSync(sriFile)
    ? readFileSync(sriFile, "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#")).join("\n")
    : "";

  // Trunk names its page index.html whatever the source was called.
  const trunkPage = join(staging, "index.html");
  let html = readFileSync(trunkPage, "utf8");
  unlinkSync(trunkPage);
  html = html
    // Trunk's start-up for the rust asset: inline scripts and script/preload tags naming the glue.
    .replace(/<script\b[^>]*>[^<]*?(?:import init|wasm_bindgen)[\s\S]*?<\/script>\s*/g, "")
    .replace(/<script\b[^>]*report-widget-editor-[^>]*><\/script>\s*/g, "")
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>\s*/g, "")
    // Subresource integrity needs CORS, which file:// pages do not have.
    .replace(/ integrity="[^"]*"/g, "")
    .replace("__WIDGET_CSS__", `./${cssName}`)
    .replace("__WIDGET_WASM__", widgetWasm ? `./${widgetWasm}` : "")
    .replace("__WIDGET_SRI__", widgetSri)
    .replace("<!-- rw:editor-script -->", `<script src="./${bundleName}" defer></script>`)
    .replace(/<!-- rw:payload ([^ ]+) -->/g, (_, file) => scriptSafeJson(readFileSync(join(source, file), "utf8")));
  if (/wasm_bindgen\(|report-widget-editor-/.test(html)) {
    throw new Error(`editor.html: Trunk's start-up script was not removed:\n${html}`);
  }
  writeFileSync(join(staging, "editor.html"), html);
  console.log(`postbuild (editor): ${bundleName} (${Math.round(bundle.length / 1024)} KiB), ${cssName}`);
}
