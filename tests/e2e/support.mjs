// Shared helpers for the end-to-end tests: a server for dist/, a headless Chromium from
// Debian's package (Playwright cannot download browsers here), and shadow-DOM readers.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { inflateSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "../../www/tools/serve.mjs";
import { loaderFiles } from "../../www/tools/loader-files.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "tests/e2e/artifacts");
mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Serves dist/ (and extra routes) on an ephemeral 127.0.0.1 port; returns { url, close }. */
export async function serveDist(options = {}) {
  const server = await serve({ root: DIST, ...options });
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** A test file's browser and server: registers node:test hooks that launch headless Chromium
 * (or `launchBrowser`'s engine) and serve dist/ with `serveOptions` (as `serveDist` takes them;
 * a function is called in the hook, for options that need the build) before the file's first
 * test, and close both after its last. Returns `{ browser, server }`, filled in by that hook. */
export function browserAndDist(serveOptions = {}, { launchBrowser = launch } = {}) {
  const session = { browser: null, server: null };
  before(async () => {
    session.browser = await launchBrowser();
    session.server = await serveDist(typeof serveOptions === "function" ? serveOptions() : serveOptions);
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** Text inside every widget host's shadow root, joined; without the folded source sentences,
 * so a figure counts as shown only where the widget itself shows it. A no-break space (which
 * keeps a unit on its number's line) reads as a space, as a reader reads it. */
export function shadowText(page, selector = "[data-report-widget]") {
  return page.$$eval(selector, (hosts) =>
    hosts
      .map((h) => {
        if (!h.shadowRoot) return "";
        const copy = document.createElement("div");
        for (const child of h.shadowRoot.children) copy.appendChild(child.cloneNode(true));
        copy.querySelectorAll(".rw-source").forEach((s) => s.remove());
        return copy.textContent.replace(/\u00a0/g, " ");
      })
      .join("\n")
  );
}

/** Controls shown in a host's shadow root that only the running widget can work: buttons, chart
 * groups and anything announced as expanded or collapsed (a wide table's scroll frame and a
 * source sentence's disclosure work without it, and are not counted). Each as "tag.class". */
export function controlsShown(page, selector = "[data-report-widget]") {
  return page.$eval(selector, (host) =>
    [...host.shadowRoot.querySelectorAll("button, [tabindex]:not(.rw-table-wrap), [aria-expanded]")]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
  );
}

/** What the Tab key reaches inside a host's shadow root, in order, from the top of the page to
 * where the focus leaves the report again: each stop as "tag.class". */
export async function tabStopsIn(page, selector = "[data-report-widget]") {
  const stops = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.$eval(selector, (host) => {
      const inside = host.shadowRoot.activeElement;
      return inside && `${inside.tagName.toLowerCase()}.${inside.className}`;
    });
    if (stop) stops.push(stop);
    else if (stops.length) break; // out of the report again
  }
  return stops;
}

/** Waits until every host has left the loading state; returns their states. */
export async function settled(page, selector = "[data-report-widget]", timeout = 20000) {
  await page.waitForFunction(
    (sel) => {
      const hosts = [...document.querySelectorAll(sel)];
      return hosts.length > 0 && hosts.every((h) => ["ready", "error"].includes(h.getAttribute("data-state")));
    },
    selector,
    { timeout }
  );
  return page.$$eval(selector, (hosts) => hosts.map((h) => h.getAttribute("data-state")));
}

/** Init script: records every report-widget event that reaches the document, in order. */
export function recordEvents() {
  window.__rwEvents = [];
  for (const name of ["report-widget:ready", "report-widget:error"]) {
    document.addEventListener(name, (e) => window.__rwEvents.push([name, e.target.tagName]));
  }
}

// ---------------------------------------------------------------------------------------------
// Embedding on portal pages (tests/e2e/embed-*.test.mjs)

export const LANSHAN = readFileSync(join(ROOT, "www/reports/lanshan-2021.json"), "utf8");
export const WATER = readFileSync(join(ROOT, "docs/examples/water-affairs-example.json"), "utf8");
/** A payload cut off in the middle: the widget must say where (line and column). */
export const TRUNCATED = readFileSync(join(ROOT, "tests/payloads/broken/truncated-json.json"), "utf8");

/** The strict Content-Security-Policy of issue 5, as a portal would send it. */
export { STRICT_CSP } from "../../www/tools/serve.mjs";

/** The files dist/report-widget.js loads, read from the built loader itself (the widget's
 * wasm-bindgen glue is bundled into the loader). */
export function widgetFiles() {
  const { wasm, styles } = loaderFiles(readFileSync(join(DIST, "report-widget.js"), "utf8"));
  if (!wasm || !styles) throw new Error("dist/report-widget.js names no wasm or no stylesheet");
  return { loader: "report-widget.js", wasm, styles };
}

/** A portal page with the embed snippet: `body` holds the hosts (and payload scripts). The
 * page itself has no inline script or style, so it can be served under the strict CSP.
 * `loaderAttributes: "async"` writes the loader's tag as some CMS optimisers rewrite it. */
export function portalPage({ body, head = "", base = "/", title = "portal page", lang = "zh-CN", loaderAttributes = "" }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${title}</title>
${head}
</head>
<body>
${body}
<script type="module"${loaderAttributes ? ` ${loaderAttributes}` : ""} src="${base}report-widget.js"></script>
<script nomodule defer src="${base}report-widget-nomodule.js"></script>
</body>
</html>`;
}

/** `<script type="application/json" id=…>` with the payload, "<" escaped as the build does. */
export function payloadScript(id, json) {
  return `<script type="application/json" id="${id}">${json.trim().replace(/</g, "\\u003c")}</script>`;
}

/** Init script: records every CSP violation the page reports (they are composed events, so
 * violations inside shadow roots reach the document too). */
export function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener(
    "securitypolicyviolation",
    (e) => window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} ${e.sample || ""}`),
    true
  );
}

/** Init script: records every report-widget event with its host's id and detail. */
export function recordEventDetails() {
  window.__rwDetails = [];
  for (const name of ["report-widget:ready", "report-widget:error"]) {
    document.addEventListener(name, (e) =>
      window.__rwDetails.push({ name, id: e.target.id, detail: e.detail && JSON.parse(JSON.stringify(e.detail)) })
    );
  }
}

/** State of each host, by id. */
export function states(page, selector = "[data-report-widget]") {
  return page.$$eval(selector, (hosts) => Object.fromEntries(hosts.map((h) => [h.id, h.getAttribute("data-state")])));
}

/** Adds a host for the widget at the end of the page's body: a `<div id data-report-widget>`
 * with `attributes` (Playwright and puppeteer pages alike). */
export function addHost(page, id, attributes) {
  return page.evaluate(
    ([id, attributes]) => {
      const host = document.createElement("div");
      host.id = id;
      host.setAttribute("data-report-widget", "");
      for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
      document.body.append(host);
    },
    [id, attributes]
  );
}

/** Waits until the host `id` has `state`. */
export function waitForState(page, id, state, timeout = 20000) {
  return page.waitForFunction(
    ([id, state]) => document.getElementById(id)?.getAttribute("data-state") === state,
    [id, state],
    { timeout }
  );
}

/** The text a reader sees in a host's shadow root (without the folded source sentences; a
 * no-break space as a space). */
export function hostText(page, id) {
  return page.$eval(`#${id}`, (h) => {
    if (!h.shadowRoot) return "";
    const copy = document.createElement("div");
    for (const child of h.shadowRoot.children) copy.appendChild(child.cloneNode(true));
    copy.querySelectorAll(".rw-source").forEach((s) => s.remove());
    return copy.textContent.replace(/\u00a0/g, " ");
  });
}

/** Checks that the report in `host` (a Playwright locator for one host) is run by the widget,
 * not merely on screen (a prerendered report shows, and its <details> source notes open,
 * without it). A click on the label column's header of the first ranking table sorts it
 * (aria-sort ascending, then descending, the rows reordered; the label column, as every row has
 * a label but not every row a value), and a click on the first section's heading folds that
 * section (aria-expanded). `label` names the host in failure messages. */
export async function assertLive(host, label = "the report") {
  const report = host.locator(".rw-root:not([hidden])");
  const header = report.locator(".rw-ranking table thead th").first();
  const firstRow = () => report.locator(".rw-ranking table tbody tr").first().textContent();
  assert.equal(await header.getAttribute("aria-sort"), null, `${label}: the ranking starts unsorted`);
  // Yew re-renders in the microtasks after the click's listener, before the click resolves.
  await header.locator("button").click({ timeout: 10000 });
  assert.equal(await header.getAttribute("aria-sort"), "ascending", `${label}: after one click on the label header`);
  const ascending = await firstRow();
  await header.locator("button").click({ timeout: 10000 });
  assert.equal(await header.getAttribute("aria-sort"), "descending", `${label}: after two clicks on the label header`);
  assert.notEqual(await firstRow(), ascending, `${label}: sorting reorders the rows`);
  const toggle = report.locator(".rw-section-toggle").first();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true", `${label}: the first section starts open`);
  await toggle.click({ timeout: 10000 });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false", `${label}: after a click on the first section's heading`);
}

/** Whether an element is rendered at all (has a box). For light-DOM fallback content inside a
 * host this says whether the shadow root shows it (through a <slot>) or hides it. */
export function isRendered(page, selector) {
  return page.$eval(selector, (el) => el.getClientRects().length > 0);
}

/** How many hosts the widget has mounted (the loader's `instances()` export; importing the
 * loader again returns the module instance the page runs). */
export function instanceCount(page) {
  return page.evaluate(async () => {
    const loader = [...document.scripts].find((s) => /report-widget\.js$/.test(s.src));
    return (await import(loader.src)).instances();
  });
}

// ---------------------------------------------------------------------------------------------
// PNG comparison without dependencies: screenshots of the same widget on two pages must be
// pixel-identical; when they are not, say how many pixels differ and where.

function decodePng(buffer) {
  if (buffer.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let offset = 8;
  let width, height, colorType, bitDepth, interlace;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("latin1", offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colorType = data[9];
      interlace = data[12];
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[colorType];
  if (bitDepth !== 8 || !channels || interlace) throw new Error(`unsupported PNG (type ${colorType}, depth ${bitDepth})`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      pixels[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** null when both PNGs show the same pixels, otherwise a sentence saying how they differ. */
export function pngDifference(a, b) {
  if (a.equals(b)) return null;
  const x = decodePng(a);
  const y = decodePng(b);
  if (x.width !== y.width || x.height !== y.height) {
    return `sizes differ: ${x.width}×${x.height} vs ${y.width}×${y.height}`;
  }
  let count = 0;
  let box = [Infinity, Infinity, -1, -1];
  for (let row = 0; row < x.height; row++) {
    for (let col = 0; col < x.width; col++) {
      const i = (row * x.width + col) * x.channels;
      const j = (row * y.width + col) * y.channels;
      if (x.pixels[i] !== y.pixels[j] || x.pixels[i + 1] !== y.pixels[j + 1] || x.pixels[i + 2] !== y.pixels[j + 2]) {
        count++;
        box = [Math.min(box[0], col), Math.min(box[1], row), Math.max(box[2], col), Math.max(box[3], row)];
      }
    }
  }
  return count === 0 ? null : `${count} pixels differ, within x ${box[0]}–${box[2]}, y ${box[1]}–${box[3]}`;
}

// ---------------------------------------------------------------------------------------------
// Chromium 92 (the engine of office browsers on UOS / Kylin), installed by ./run test into
// .tools/chromium92 from the npm package chrome-aws-lambda@10.1.0, driven by puppeteer-core@10.1.0
// (Playwright cannot drive an engine that old).

export const CHROMIUM92 = join(ROOT, ".tools/chromium92");

export async function launchChromium92() {
  const executablePath = join(CHROMIUM92, "chrome/chromium");
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium 92 is not installed (${executablePath} is missing): ./run test installs it (step ensure_chromium92)`
    );
  }
  const puppeteer = createRequire(join(CHROMIUM92, "package.json"))("puppeteer-core");
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    env: { ...process.env, LD_LIBRARY_PATH: join(CHROMIUM92, "chrome/lib") },
    args: ["--no-sandbox", "--disable-gpu", "--single-process", "--no-zygote", "--disable-background-networking", "--no-first-run"],
  });
  // In --single-process mode this old engine does not always exit on close(); a leftover one
  // spins and starves (or hangs) the next launch. Close politely, then make sure it is gone.
  const close = browser.close.bind(browser);
  browser.close = async () => {
    const child = browser.process();
    await Promise.race([close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    if (child && child.exitCode === null) child.kill("SIGKILL");
  };
  return browser;
}

/** `snippet::markup_digest` (FNV-1a, 64 bits, U+00A0 counted as `&nbsp;`) of a prerendered
 * report's markup: what the widget compares with the browser's reading of it before hydrating. */
export function markupDigest(markup) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(markup.replaceAll("\u00a0", "&nbsp;"))) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/** Runs the command-line tool (`report-widget ARGS…`); returns its exit status and output. */
export function runCli(...args) {
  return spawnSync("cargo", ["run", "--quiet", "--offline", "--bin", "report-widget", "--", ...args], { cwd: ROOT, encoding: "utf8" });
}

/** The embed snippet with the report server-rendered into a declarative shadow root, as
 * `report-widget prerender` writes it for dist/ served at `base`. */
export function prerenderedSnippet({ base = "/", lang = "zh", id = "prerendered-payload", payload = "www/reports/lanshan-2021.json" } = {}) {
  return execFileSync(
    "cargo",
    ["run", "--quiet", "--bin", "report-widget", "--", "prerender", payload,
      "--dist", DIST, "--base", base, "--lang", lang, "--id", id],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }
  );
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core's WCAG 2.1 A/AA rules on the report-widget hosts of a page and returns the
 * violations as text. axe is injected as an inline script, so the page's context must bypass
 * its CSP. Fewer than `minTexts` texts inside shadow roots checked for contrast (their targets
 * are [host, inner] pairs) means axe did not look into the widget: reported as a violation. */
export async function widgetAxeViolations(page, minTexts) {
  // Evaluated by DevTools, not added as a script: a page's CSP would refuse an inline script.
  await page.evaluate(`${AXE};0`);
  return page.evaluate(async (min) => {
    const result = await window.axe.run(
      { include: [["[data-report-widget]"]] },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }
    );
    const contrast = result.passes.find((r) => r.id === "color-contrast");
    const inside = contrast ? contrast.nodes.filter((n) => Array.isArray(n.target[0]) || n.target.length > 1).length : 0;
    if (inside < min) return [`axe checked only ${inside} texts inside the widget`];
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(" | ")}`);
  }, minTexts);
}
