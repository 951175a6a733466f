// Where the widget spends its CPU time while starting: loads a page N times in headless Chromium
// with the V8 sampling profiler on, using a copy of the release wasm that keeps its function
// names, and prints the functions with the most self time (and the totals per crate).
//
//   node bench/profile.mjs [--loads 5] [--page lanshan | lanshan-client | ranking-1000 | metrics-1000 ...]
//   (lanshan is the demo as built: prerendered, so it profiles hydration; lanshan-client is the
//   same page without the prerendered report, as the benchmark's client-only twin)
//
// Needs a release build (./run build): it re-runs wasm-bindgen (--keep-debug) and wasm-opt -Oz -g
// on target/wasm32-unknown-unknown/release/report-widget-web.wasm into bench/out/prof/, so the
// profiled code is the release code with names. Not part of ./run bench (profiling slows pages).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { loaderFiles } from "../www/tools/loader-files.mjs";
import { bundleLoader, trustedInnerHtml } from "../www/tools/minify.mjs";
import { serve } from "../www/tools/serve.mjs";
import { payload as synthPayload } from "./synth.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const PROF = join(ROOT, "bench/out/prof");
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const LOADS = Number(option("--loads", 5));
const PAGE = option("--page", "lanshan");

mkdirSync(PROF, { recursive: true });
const wasmIn = join(ROOT, "target/wasm32-unknown-unknown/release/report-widget-web.wasm");
const bin = (name) => join(ROOT, "node_modules/.bin", name);
// wasm-bindgen-cli is where ./run installs it (cargo's bin folder), as in ./run's PATH.
const env = { ...process.env, PATH: `${join(process.env.HOME || "", ".cargo/bin")}:${process.env.PATH}` };
execFileSync("wasm-bindgen", ["--target", "web", "--keep-debug", "--out-dir", PROF, wasmIn], { stdio: "inherit", env });
execFileSync(bin("wasm-opt"), ["-Oz", "-g", join(PROF, "report-widget-web_bg.wasm"), "-o", join(PROF, "report-widget-web_bg.wasm")], { stdio: "inherit" });

const demo = readFileSync(join(DIST, "index.html"), "utf8");
let page = demo
  // The demo pins the loader (integrity=): the profiling copy is another file.
  .replace(/src="\.\/report-widget\.js"(?: integrity="[^"]+")?/, 'src="./prof-loader.js"')
  .replace(/(<link rel="preload" href=")[^"]+_bg\.wasm"/, '$1./prof/report-widget-web_bg.wasm"');
if (PAGE !== "lanshan") {
  // The client-only twin and synthetic payloads: the page without the demo's prerender.
  page = page.replace(/<template shadowrootmode[\s\S]*?(<\/div>\s*<script type="application\/json")/, "$1");
}
if (PAGE !== "lanshan" && PAGE !== "lanshan-client") {
  const [kind, n] = PAGE.split("-");
  const json = JSON.stringify(synthPayload(kind, Number(n))).replace(/</g, "\\u003c");
  page = page.replace(/(<script type="application\/json" id="[^"]+">)[\s\S]*?(<\/script>)/, (_, a, b) => `${a}${json}${b}`);
}
// The loader bundles the glue, and the profiled glue and wasm (names kept) are other files than
// the release's: bundle www/loader.js again with the profiled glue, pointing at the profiled wasm
// (no SRI pin) and at the release's other files.
const built = loaderFiles(readFileSync(join(DIST, "report-widget.js"), "utf8"));
const filled = {
  WASM: "./prof/report-widget-web_bg.wasm",
  STYLES: `./${built.styles}`,
  STYLES_SRI: built.integrity.styles,
  EXPORT_GLUE: `./${built.exportGlue}`,
  EXPORT_WASM: `./${built.exportWasm}`,
  EXPORT_GLUE_SRI: built.integrity.exportGlue,
  EXPORT_WASM_SRI: built.integrity.exportWasm,
};
const loaderSource = readFileSync(join(ROOT, "www/loader.js"), "utf8").replace(/__([A-Z_]+)__/g, (_, key) => filled[key] ?? "");
const loader = await bundleLoader(loaderSource, trustedInnerHtml(readFileSync(join(PROF, "report-widget-web.js"), "utf8")), { keepNames: true });
const routes = {
  "/profile.html": { body: page },
  "/prof-loader.js": { type: "text/javascript", body: loader },
  "/prof/report-widget-web_bg.wasm": { type: "application/wasm", body: readFileSync(join(PROF, "report-widget-web_bg.wasm")) },
};
const server = await serve({ root: DIST, routes });
const url = `http://127.0.0.1:${server.address().port}/profile.html`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });

const self = new Map();
let totalUs = 0;
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext();
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  await p.goto(url);
  await p.waitForFunction(() => ["ready", "error"].includes(document.querySelector("[data-report-widget]")?.getAttribute("data-state")), null, { timeout: 300000, polling: 50 });
  const { profile } = await cdp.send("Profiler.stop");
  if (i === 0) writeFileSync(join(PROF, `${PAGE}.cpuprofile`), JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, k) => {
    const dt = profile.timeDeltas[k] || 0;
    const f = byId.get(id).callFrame;
    const name = f.functionName || `(anonymous ${f.url.split("/").pop()}:${f.lineNumber})`;
    if (name === "(idle)" || name === "(program)") return;
    self.set(name, (self.get(name) || 0) + dt);
    totalUs += dt;
  });
  await context.close();
}
await browser.close();
server.close();

const ms = (us) => (us / 1000 / LOADS).toFixed(2);
const crate = (name) => {
  const m = name.match(/^(?:<)?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  if (name.startsWith("(")) return name.replace(/ .*/, "");
  return m ? m[1] : /^[a-z_]+$/.test(name) ? "(js or wasm import)" : "(other)";
};
const byCrate = new Map();
for (const [name, us] of self) byCrate.set(crate(name), (byCrate.get(crate(name)) || 0) + us);
console.log(`\nCPU self time per load (ms, mean of ${LOADS} loads of ${PAGE}; busy total ${ms(totalUs)} ms)\n`);
console.log("by crate / category:");
for (const [name, us] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms(us).padStart(9)}  ${name}`);
console.log("\ntop functions:");
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms(us).padStart(9)}  ${name.slice(0, 160)}`);
console.log(`\nfirst profile: bench/out/prof/${PAGE}.cpuprofile (open in Chromium DevTools, Performance panel)`);
