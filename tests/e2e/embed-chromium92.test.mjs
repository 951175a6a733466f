// Chromium 92: the engine of the office browsers on UOS and Kylin (Chromium 90–93). The release
// build (std rebuilt for the WebAssembly MVP) must run there: the demo reaches ready, several
// instances and a host added later work, and the on-demand module makes chart images and
// describes a payload's problems. Under the strict CSP Chrome 92 refuses to compile
// WebAssembly (it does not know 'wasm-unsafe-eval'): there each host shows its fallback content
// and the message, never a blank box.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ARTIFACTS,
  LANSHAN,
  STRICT_CSP,
  TRUNCATED,
  WATER,
  browserAndDist,
  controlsShown,
  launchChromium92,
  payloadScript,
  portalPage,
  prerenderedSnippet,
  ROOT,
} from "./support.mjs";

// A payload that parses but breaks two rules: its problems are described by the on-demand module.
const RANKS = readFileSync(join(ROOT, "tests/payloads/broken/rank-out-of-range.json"), "utf8");

const HOSTS = `
<div id="with-fallback" data-report-widget data-payload="lanshan">
  <p id="fallback">2021年：空气质量综合指数4.73，五区第1名；优良天数231天。</p>
</div>
${payloadScript("lanshan", LANSHAN)}
<div id="empty-en" data-report-widget data-src="/water.json" data-lang="en"></div>`;

const THREE = portalPage({
  body: `
<div id="a" data-report-widget data-payload="lanshan"></div>
${payloadScript("lanshan", LANSHAN)}
<div id="b" data-report-widget data-src="/water.json" data-lang="en" data-theme="light"></div>
<div id="c" data-report-widget data-payload="broken"></div>
<script type="application/json" id="broken">${TRUNCATED}</script>`,
});

const session = browserAndDist(
  () => {
    const prerendered = prerenderedSnippet({ base: "/" });
    return {
      routes: {
        "/prerendered.html": { body: portalPage({ body: prerendered }) },
        "/prerendered-strict.html": { body: portalPage({ body: prerendered }), headers: { "content-security-policy": STRICT_CSP } },
        "/water.json": { body: WATER, type: "application/json; charset=utf-8" },
        "/three.html": { body: THREE },
        "/ranks.html": { body: portalPage({ body: `<div id="r" data-report-widget data-payload="ranks" data-lang="en"></div>${payloadScript("ranks", RANKS)}` }) },
        "/strict.html": { body: portalPage({ body: HOSTS }), headers: { "content-security-policy": STRICT_CSP } },
      },
    };
  },
  { launchBrowser: launchChromium92 }
);

async function open(path) {
  const page = await session.browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${session.server.url}${path}`);
  return { page, errors };
}

/** Waits until every host has left the loading state (a larger wasm takes a while to compile
 * on this engine); returns the states in page order. */
async function settled92(page) {
  await page.waitForFunction(
    () => {
      const hosts = [...document.querySelectorAll("[data-report-widget]")];
      return hosts.length > 0 && hosts.every((h) => ["ready", "error"].includes(h.getAttribute("data-state")));
    },
    { timeout: 60000 }
  );
  return page.$$eval("[data-report-widget]", (hosts) => hosts.map((h) => h.getAttribute("data-state")));
}

const shadowText = (page, id) => page.$eval(`#${id}`, (h) => (h.shadowRoot ? h.shadowRoot.textContent : ""));

test("Chromium 92 is the engine under test", async () => {
  assert.match(await session.browser.version(), /Chrome\/92\./);
});

test("Chromium 92: the demo reaches data-state=ready and shows the report", async () => {
  const { page, errors } = await open("/index.html");
  assert.deepEqual(await settled92(page), ["ready"]);
  const text = await page.$eval("[data-report-widget]", (h) => h.shadowRoot.textContent);
  for (const figure of ["4.73", "五区第1名", "5020余人次", "1813.4469万元", "98.9%"]) {
    assert.ok(text.includes(figure), `the widget shows ${figure}`);
  }
  assert.deepEqual(errors, []);
  // This engine, too, reuses the prerendered snippet's preload of the wasm for the loader's request.
  const wasmLoads = await page.evaluate(() => performance.getEntriesByType("resource").filter((r) => /_bg\.wasm$/.test(r.name)).length);
  assert.equal(wasmLoads, 1, "the wasm is downloaded once");
  await page.screenshot({ path: join(ARTIFACTS, "chromium92-demo.png"), fullPage: true });
  // At 320 px (400 % zoom) this engine, without container queries, keeps the ranking a table in
  // its scroll frame: the change's phrase wraps a few characters a line, not one or two.
  await page.setViewport({ width: 320, height: 800 });
  const change = await page.$eval("[data-report-widget]", (h) => {
    const box = h.shadowRoot.querySelector(".rw-ranking td.rw-change").getBoundingClientRect();
    return { width: box.width, em: parseFloat(getComputedStyle(h.shadowRoot.querySelector(".rw-ranking td")).fontSize) };
  });
  assert.ok(change.width >= 5 * change.em, `the change column is ${change.width} px wide at ${change.em} px text`);
  // In English and large text the table is more than twice as wide as its frame; its caption
  // stays inside the frame, wrapped, also when the frame is scrolled to the table's end.
  await page.$eval("[data-report-widget]", (h) => {
    h.setAttribute("data-theme", "large");
    h.setAttribute("data-lang", "en");
  });
  await page.waitForFunction(() => {
    const h = document.querySelector("[data-report-widget]");
    return h.getAttribute("data-state") === "ready" && /Ranks among/.test(h.shadowRoot.textContent);
  });
  const boxes = async () =>
    page.$eval("[data-report-widget]", (h) => {
      const frame = h.shadowRoot.querySelector(".rw-ranking .rw-table-wrap");
      const [f, c] = [frame.getBoundingClientRect(), frame.querySelector("caption").getBoundingClientRect()];
      return { frame: [f.left, f.right], caption: [c.left, c.right], table: frame.scrollWidth };
    });
  const before = await boxes();
  assert.ok(before.table > 2 * (before.frame[1] - before.frame[0]), JSON.stringify(before));
  await page.$eval("[data-report-widget]", (h) => {
    const frame = h.shadowRoot.querySelector(".rw-ranking .rw-table-wrap");
    frame.scrollLeft = frame.scrollWidth;
  });
  for (const at of [before, await boxes()]) {
    assert.ok(at.caption[0] >= at.frame[0] - 1 && at.caption[1] <= at.frame[1] + 1, `the caption lies inside its frame: ${JSON.stringify(at)}`);
  }
  await page.close();
});

test("Chromium 92: a chart saved as SVG, by the export module loaded on demand", async () => {
  const { page, errors } = await open("/index.html");
  assert.deepEqual(await settled92(page), ["ready"]);
  // Record what the widget saves (its download link's name and file) instead of a download.
  await page.evaluate(() => {
    window.__saved = [];
    HTMLAnchorElement.prototype.click = function () {
      const name = this.download;
      fetch(this.href).then((r) => r.text()).then((text) => window.__saved.push({ name, text }));
    };
  });
  const loaded = () => page.evaluate(() => performance.getEntriesByType("resource").filter((r) => /report-widget-export-/.test(r.name)).length);
  assert.equal(await loaded(), 0, "not part of the first download");
  await page.evaluate(() => {
    const root = document.querySelector("[data-report-widget]").shadowRoot;
    root.querySelector("#rw-enforcement .rw-export-svg").click();
  });
  await page.waitForFunction(() => window.__saved.length > 0, { timeout: 20000 });
  const [saved] = await page.evaluate(() => window.__saved);
  assert.equal(saved.name, "环境执法（件）.svg");
  assert.ok(saved.text.startsWith("<svg") && saved.text.includes("290余件"));
  assert.equal(await loaded(), 2, "the export module's glue and wasm");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Chromium 92: a payload's problems, described by the module loaded on demand", async () => {
  const { page, errors } = await open("/ranks.html");
  assert.deepEqual(await settled92(page), ["error"]);
  const text = await shadowText(page, "r");
  assert.ok(text.includes("/sections/0/items/0/ranks/0/position"), `the panel says where: ${text}`);
  assert.ok(text.includes("rank 7 must be between 1 and 6"), `and what, in the tool's words: ${text}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Chromium 92: three instances (one bad payload) and a host added later", async () => {
  const { page, errors } = await open("/three.html");
  assert.deepEqual(await settled92(page), ["ready", "ready", "error"]);
  assert.match(await shadowText(page, "c"), /12/, "the bad payload's error says where (line 12)");
  await page.evaluate(() => {
    const host = document.createElement("div");
    host.id = "later";
    host.setAttribute("data-report-widget", "");
    host.setAttribute("data-src", "/water.json");
    document.body.appendChild(host);
  });
  await page.waitForFunction(() => document.getElementById("later").getAttribute("data-state") === "ready", { timeout: 20000 });
  // A removed host is released: state gone, shadow root emptied but for a slot for its own content.
  const released = await page.evaluate(() => {
    const host = document.getElementById("a");
    host.remove();
    return new Promise((r) => setTimeout(() => r([host.getAttribute("data-state"), [...host.shadowRoot.childNodes].map((n) => n.nodeName)]), 100));
  });
  assert.deepEqual(released, [null, ["SLOT"]]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Chromium 92 under the strict CSP: fallback and message, never a blank box", async () => {
  const { page } = await open("/strict.html");
  assert.deepEqual(await settled92(page), ["error", "error"]);
  assert.match(await shadowText(page, "with-fallback"), /此浏览器无法运行交互式报告/);
  assert.match(await shadowText(page, "empty-en"), /cannot run in this browser/);
  const fallbackShown = await page.$eval("#fallback", (el) => el.getClientRects().length > 0);
  assert.equal(fallbackShown, true, "the page's fallback content stays visible");
  const heights = await page.$$eval("[data-report-widget]", (hs) => hs.map((h) => h.getBoundingClientRect().height));
  assert.ok(heights.every((h) => h > 10), `no blank box: heights ${heights}`);
  await page.screenshot({ path: join(ARTIFACTS, "chromium92-strict-csp.png"), fullPage: true });
  await page.close();
});

// Chromium 92 attaches the declarative shadow root by its old attribute name (`shadowroot`),
// which `report-widget prerender` writes beside the current one.
const reportsShown = (page) =>
  page.$eval("[data-report-widget]", (h) =>
    [...h.shadowRoot.querySelectorAll(".rw-root")].filter((r) => r.getClientRects().length > 0 && r.querySelector("article.rw")).length
  );

test("Chromium 92, prerendered host: the live render replaces the server's report", async () => {
  const page = await session.browser.newPage();
  const errors = [];
  const warnings = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(`${session.server.url}/prerendered.html`);
  assert.deepEqual(await settled92(page), ["ready"]);
  assert.equal(await reportsShown(page), 1);
  assert.deepEqual(errors, []);
  // This engine too reads the server's markup back as written (the digest matches), so the
  // report is hydrated rather than rendered afresh.
  assert.deepEqual(warnings, []);
  await page.close();
});

test("Chromium 92 under the strict CSP, prerendered host: the server's full report stays, with the message", async () => {
  const { page } = await open("/prerendered-strict.html");
  assert.deepEqual(await settled92(page), ["error"]);
  assert.equal(await reportsShown(page), 1, "the server-rendered report is still on screen");
  const text = await page.$eval("[data-report-widget]", (h) => h.shadowRoot.textContent);
  assert.match(text, /此浏览器无法运行交互式报告/);
  assert.ok(text.includes("5020余人次"));
  // Its controls, which need the widget, are plain content here too (the loader unwraps them).
  assert.deepEqual(await controlsShown(page), [], "no control that cannot work");
  const headings = await page.$eval("[data-report-widget]", (h) => [...h.shadowRoot.querySelectorAll(".rw-section-title")].map((t) => t.textContent.trim()));
  assert.ok(headings.includes("水与土壤"), `the headings keep their text (${headings})`);
  await page.screenshot({ path: join(ARTIFACTS, "chromium92-strict-csp-prerendered.png") });
  await page.close();
});
