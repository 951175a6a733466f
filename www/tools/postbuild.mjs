// Trunk post_build hook: packages the widget in Trunk's staging folder.
//  - report-widget.js: the stable-named loader (www/loader.js with the hashed names filled in)
//  - report-widget-<hash>.css: the widget stylesheet, content-hashed for long-lived caching
//  - index.html: Trunk's injected inline start-up script is removed (the page uses the same
//    external loader a portal does, and strict CSP forbids inline scripts); the demo payload
//    is put into its <script type="application/json"> element.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
const glue = files.find((f) => /^report-widget-web-[0-9a-f]+\.js$/.test(f));
if (!glue) throw new Error(`no wasm-bindgen glue in ${staging}: ${files.join(", ")}`);
if (!files.includes(glue.replace(/\.js$/, "_bg.wasm"))) throw new Error(`no wasm beside ${glue}`);

const css = readFileSync(join(source, "www/report-widget.css"));
const cssName = `report-widget-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
writeFileSync(join(staging, cssName), css);

const loader = readFileSync(join(source, "www/loader.js"), "utf8")
  .replace("__GLUE__", `./${glue}`)
  .replace("__STYLES__", `./${cssName}`);
writeFileSync(join(staging, "report-widget.js"), loader);

/** Payload text for a <script type="application/json"> element, byte for byte except "<":
 * in valid JSON "<" occurs only inside strings, where \u003c means the same, so "</script>"
 * in a label cannot end the element. Never re-serialized: that would turn 6.0 into 6. */
const scriptSafeJson = (text) => {
  JSON.parse(text); // refuse to build a demo around a payload that is not even JSON
  return text.trim().replace(/</g, "\\u003c");
};

for (const page of files.filter((f) => f.endsWith(".html"))) {
  const path = join(staging, page);
  let html = readFileSync(path, "utf8");
  html = html
    .replace(/<script type="module"[^>]*>[^<]*?import init[\s\S]*?<\/script>\s*/g, "")
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>\s*/g, "")
    .replace(/<!-- rw:payload ([^ ]+) -->/g, (_, file) =>
      scriptSafeJson(readFileSync(join(source, file), "utf8"))
    );
  if (/import init/.test(html)) throw new Error(`${page}: Trunk's inline start-up script was not removed`);
  writeFileSync(path, html);
}
console.log(`postbuild: report-widget.js -> ${glue}, ${cssName}`);
