// The prerendered demo (issue 7): every figure is readable before and without WebAssembly, and
// when the widget arrives it hydrates the server's markup in place: same pixels, same nodes, no
// errors, and interactive afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ARTIFACTS,
  DIST,
  LANSHAN,
  WATER,
  browserAndDist,
  controlsShown,
  payloadScript,
  pngDifference,
  portalPage,
  prerenderedSnippet,
  serveDist,
  settled,
  tabStopsIn,
  widgetAxeViolations,
  widgetFiles,
} from "./support.mjs";
import { readFileSync } from "node:fs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Labels and titles straight from the payload: the prerendered page must show them all. */
function payloadTexts() {
  const payload = JSON.parse(LANSHAN);
  const zh = (t) => (typeof t === "string" ? t : t.zh);
  const texts = [zh(payload.meta.title)];
  for (const section of payload.sections) {
    texts.push(zh(section.title));
    for (const item of section.items || []) texts.push(zh(item.label ?? item.title));
  }
  return texts;
}
const FIGURES = ["4.73", "五区第1名", "同比改善8.2%", "同比增加3天", "同比持平", "同比改善6.0%", "5020余人次",
  "1813.4469万元", "290余件", "超过20万", "366 / 370", "98.9%", "100万"];

/** The visible text of the host's shadow root (what a reader sees, not folded details). */
const visibleText = (page) => page.$eval("[data-report-widget]", (h) => h.shadowRoot.querySelector(".rw-root").innerText);

/** Appended to every Chinese text of the Lanshan payload: markup, quotes, an entity, a
 * no-break space (which the browser serializes as `&nbsp;`), and carriage returns (text pasted
 * from Windows, which the browser's parser reads as line feeds). */
const HOSTILE = "<img src=x onerror=\"window.__pwned=1\">\"'&amp;\u00a0甲\r\n乙\r丙";

/** A portal page whose host has only the payload, so the widget renders the report itself. */
const clientOnlyPage = (json, lang) =>
  portalPage({ body: `<div data-report-widget data-payload="p" data-lang="${lang}"></div>${payloadScript("p", json)}`, lang: lang === "en" ? "en" : "zh-CN" });

/** The Lanshan payload with `HOSTILE` in every Chinese text, in a file for the command-line tool. */
function hostilePayloadFile() {
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) k === "zh" && typeof x === "string" ? (v[k] = x + HOSTILE) : walk(x);
  };
  const payload = JSON.parse(LANSHAN);
  walk(payload);
  const file = join(mkdtempSync(join(tmpdir(), "rw-hostile-")), "hostile.json");
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

/** The Lanshan payload with the English of every other text dropped (a report translated
 * half-way), in a file for the command-line tool. */
function halfTranslatedPayloadFile() {
  let seen = 0;
  const walk = (v) => {
    for (const [k, x] of Object.entries(v)) {
      if (x && typeof x === "object" && typeof x.zh === "string" && typeof x.en === "string") {
        if (seen++ % 2 === 0) v[k] = x.zh;
      } else if (x && typeof x === "object") walk(x);
    }
  };
  const payload = JSON.parse(LANSHAN);
  walk(payload);
  const file = join(mkdtempSync(join(tmpdir(), "rw-half-")), "half-translated.json");
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

// The demo as built, another bureau's report prerendered in English on a portal page, the
// Lanshan report with hostile texts, and the Lanshan report half translated, in English.
const HOSTILE_FILE = hostilePayloadFile();
const HALF_FILE = halfTranslatedPayloadFile();
const session = browserAndDist(() => ({
  routes: {
    "/lanshan-client.html": { body: clientOnlyPage(LANSHAN, "zh") },
    "/water-en-client.html": { body: clientOnlyPage(WATER, "en") },
    "/hostile-client.html": { body: clientOnlyPage(readFileSync(HOSTILE_FILE, "utf8"), "zh") },
    "/water-en.html": {
      body: portalPage({ body: prerenderedSnippet({ lang: "en", payload: "docs/examples/water-affairs-example.json" }), lang: "en" }),
    },
    "/hostile.html": { body: portalPage({ body: prerenderedSnippet({ payload: HOSTILE_FILE }) }) },
    "/half-en-client.html": { body: clientOnlyPage(readFileSync(HALF_FILE, "utf8"), "en") },
    "/half-en.html": { body: portalPage({ body: prerenderedSnippet({ lang: "en", payload: HALF_FILE }), lang: "en" }) },
  },
}));

/** Init script: once the server's report is parsed, marks every node of the host's shadow
 * root, so that after hydration the nodes the widget kept can be told from new ones. */
function markServerNodes() {
  document.addEventListener("DOMContentLoaded", () => {
    const root = document.querySelector("[data-report-widget]")?.shadowRoot;
    if (!root) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let marked = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) (n.__server = true), marked++;
    window.__marked = marked;
  });
}

/** A page in a fresh context whose server nodes are marked (`markServerNodes`), and what it logs
 * as errors or warnings. */
/** Holds the widget's wasm back in `context` until the returned function is called: the
 * server's report stays as the browser first laid it out. */
async function holdWasm(context) {
  let release;
  const held = new Promise((r) => (release = r));
  await context.route(`**/${widgetFiles().wasm}`, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

async function watchedPage(viewport) {
  const context = await session.browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript(markServerNodes);
  const logged = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && logged.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => logged.push(`pageerror: ${e}`));
  return { context, page, logged };
}

/** After hydration: how many of the host's elements and texts are the server's, and which are new. */
const keptAndNew = (page) =>
  page.$eval("[data-report-widget]", (h) => {
    const walker = document.createTreeWalker(h.shadowRoot, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    const fresh = [];
    let kept = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.__server) kept++;
      else fresh.push(n.nodeType === 1 ? `<${n.localName} class="${n.getAttribute("class") || ""}">` : `text ${JSON.stringify(n.data)}`);
    }
    return { kept, fresh: fresh.slice(0, 10), marked: window.__marked };
  });

test("with JavaScript disabled, the demo shows every figure and table", async () => {
  const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${session.server.url}/index.html`);
  const text = await visibleText(page);
  for (const t of [...payloadTexts(), ...FIGURES]) assert.ok(text.includes(t), `without JavaScript the page shows ${t}`);
  const tables = await page.$eval("[data-report-widget]", (h) => h.shadowRoot.querySelectorAll("table").length);
  assert.ok(tables >= 1, "the ranking table is there");
  assert.equal(await page.$eval("[data-report-widget]", (h) => h.getAttribute("data-state")), null, "no script ran");
  // No control that needs the script is shown (the stylesheet's `scripting: none`): buttons
  // hidden, and a section's heading, a column's heading and a chart shown as their content,
  // so the keyboard reaches only what works (source disclosures, a wide table's frame).
  assert.deepEqual(await controlsShown(page), [], "no control shown");
  const tabStops = await tabStopsIn(page);
  assert.ok(tabStops.includes("summary."), `the source disclosures stay (${tabStops})`);
  assert.deepEqual([...new Set(tabStops)].filter((s) => s !== "summary." && !s.startsWith("div.rw-table-wrap")), []);
  // Nor a group a screen reader would name with nothing in it (the legend's, the options').
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const groups = nodes.filter((n) => !n.ignored && n.role?.value === "group").map((n) => n.name?.value ?? "");
  assert.ok(!groups.some((name) => name.startsWith("图例") || name === "显示选项"), JSON.stringify(groups));
  // A chart is named by its title, without the arrow keys' instructions, which need the script.
  assert.ok(groups.some((name) => name.includes("五区排名第一")), JSON.stringify(groups));
  assert.ok(!groups.some((name) => name.includes("方向键")), JSON.stringify(groups));
  await page.screenshot({ path: join(ARTIFACTS, "prerender-no-js.png"), fullPage: true });
  await context.close();
});

test("an engine without declarative shadow DOM and without script shows the plain copy: every figure, no dead controls", async () => {
  // Internet Explorer in a domestic browser's compatibility mode, old Firefox and Safari: the
  // template stays inert, so the host's light-DOM copy is what shows. Here, the demo with the
  // template's attributes taken away, in Chromium with JavaScript off.
  const demo = readFileSync(join(DIST, "index.html"), "utf8");
  const inert = demo.replace('<template shadowrootmode="open" shadowroot="open" hidden>', "<template hidden>");
  assert.notEqual(inert, demo);
  const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  await context.route("**/no-dsd.html", (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: inert }));
  const page = await context.newPage();
  await page.goto(`${session.server.url}/no-dsd.html`);
  const copy = page.locator("[data-report-widget] > .rw-fallback");
  assert.equal(await page.$eval("[data-report-widget]", (h) => h.shadowRoot), null, "no shadow root: the copy shows");
  const text = await copy.evaluate((c) => c.innerText);
  for (const t of [...payloadTexts(), ...FIGURES]) assert.ok(text.includes(t), `the plain copy shows ${t}`);
  // Without the widget, a button would do nothing and a drawing would be unstyled shapes.
  assert.equal(await copy.locator("button, svg, [class~=rw-control], [class~=rw-chart-part]").count(), 0);
  const sections = JSON.parse(LANSHAN).sections.length;
  assert.equal(await copy.locator("h3").count(), sections, "every section keeps its heading");
  assert.equal(await copy.locator("figure table").count(), await copy.locator("figure").count(), "every chart keeps its figures as a table");
  // Side by side pieces are set apart: a case's label, count and progress.
  assert.match(text, /市突出生态环境举报热线交办信访 370件 已办结 366 \/ 370/);
  await page.screenshot({ path: join(ARTIFACTS, "prerender-no-dsd-no-js.png"), fullPage: true });

  // Internet Explorer does not know <template> either: it parses the content as ordinary
  // elements and would show the report twice. The template's `hidden` keeps it to the copy.
  // An unknown element stands in for IE's unknown <template>.
  const unknown = demo.replace(/<template shadowrootmode="open" shadowroot="open" hidden>([\s\S]*?)<\/template>/, "<x-template hidden>$1</x-template>");
  assert.notEqual(unknown, demo);
  await context.route("**/no-template.html", (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: unknown }));
  await page.goto(`${session.server.url}/no-template.html`);
  const title = JSON.parse(LANSHAN).meta.title.zh;
  const shown = await page.evaluate(() => document.body.innerText);
  assert.equal(shown.split(title).length - 1, 1, "the report shows once");
  assert.equal(await page.locator("x-template .rw-title").count(), 1, "the template's content is in the DOM, as in IE");
  await context.close();
});

test("with WebAssembly refused by the page's CSP, every figure is still there", async () => {
  const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:";
  const blocked = await serveDist({ headers: { "content-security-policy": csp } });
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${blocked.url}/index.html`);
  assert.deepEqual(await settled(page), ["error"], "the widget says it cannot run");
  const text = await visibleText(page);
  for (const t of [...payloadTexts(), ...FIGURES]) assert.ok(text.includes(t), `under the CSP the page shows ${t}`);
  // Nothing invites a click that cannot work: no button, no "click a heading to sort".
  const invitations = () =>
    page.evaluate(() => {
      const root = document.querySelector("[data-report-widget]").shadowRoot;
      return [...root.querySelectorAll(".rw-btn, .rw-caption-hint, .rw-toc, .rw-plot-hint")]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => el.textContent.trim());
    });
  assert.deepEqual(await invitations(), [], "no control offered where the widget cannot run");
  // Nor a Tab stop or a button that does nothing: a sort button, a section's toggle and a
  // chart's keyboard group (its arrow keys need the widget) become their content. What the
  // keyboard still reaches works without the widget: a source sentence's disclosure, and a
  // wide table's scroll frame.
  const tabStops = await tabStopsIn(page);
  assert.ok(tabStops.includes("summary."), `the source disclosures stay (${tabStops})`);
  assert.deepEqual(
    [...new Set(tabStops)].filter((s) => s !== "summary." && !s.startsWith("div.rw-table-wrap")),
    [],
    "nothing else takes the keyboard"
  );
  const cdp = await page.context().newCDPSession(page);
  const exposed = (await cdp.send("Accessibility.getFullAXTree")).nodes.filter((n) => !n.ignored);
  const dead = exposed.filter((n) => n.role?.value === "button" || n.properties?.some((p) => p.name === "expanded" && n.role?.value !== "DisclosureTriangle"));
  assert.deepEqual(dead.map((n) => `${n.role.value} ${n.name?.value}`), [], "no button, nothing announced as expanded");
  const headings = exposed.filter((n) => n.role?.value === "heading").map((n) => n.name?.value);
  assert.ok(headings.includes("水与土壤") && headings.includes("空气质量（2021年1-12月）"), `the sections' headings keep their names (${headings})`);
  const columns = exposed.filter((n) => n.role?.value === "columnheader").map((n) => n.name?.value);
  assert.ok(columns.includes("指标"), `a ranking's column headings keep their names (${columns})`);
  assert.ok(exposed.some((n) => n.role?.value === "list" && /^条形图：/.test(n.name?.value ?? "")), "a bar chart is still read as a list");
  assert.deepEqual(await widgetAxeViolations(page, 50), [], "axe (WCAG 2.1 A/AA) on the report left in place");
  await page.screenshot({ path: join(ARTIFACTS, "prerendered-wasm-refused.png"), fullPage: true });
  await page.close();
  await blocked.close();
});

test("a prerendered report whose loader never runs (a CMS dropped type=\"module\") soon hides its buttons; its headings stay, inert", async () => {
  const demo = readFileSync(join(DIST, "index.html"), "utf8");
  const stripped = demo.replace(/<script type="module" (src="\.\/report-widget\.js")/, "<script $1");
  assert.notEqual(stripped, demo);
  const server = await serveDist({ routes: { "/stripped.html": { body: stripped } } });
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Animation.enable");
  await page.goto(`${server.url}/stripped.html`);
  const offered = () =>
    page.evaluate(() =>
      [...document.querySelector("[data-report-widget]").shadowRoot.querySelectorAll(".rw-btn, .rw-caption-hint, .rw-toc, .rw-chip")]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
        .map((el) => el.textContent.trim())
    );
  assert.ok((await offered()).length > 10, "at first the server's report shows its controls, as before the widget takes over");
  // Ten seconds later no data-state has come: the loader never ran. (The animations' clock is
  // sped up here.)
  await cdp.send("Animation.setPlaybackRate", { playbackRate: 20 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector("[data-report-widget]").shadowRoot.querySelector(".rw-btn")).visibility === "hidden", null, { timeout: 10000 });
  assert.equal(await page.getAttribute("[data-report-widget]", "data-state"), null);
  assert.deepEqual(await offered(), [], "no button left");
  const text = await visibleText(page);
  for (const t of FIGURES) assert.ok(text.includes(t), `every figure stays: ${t}`);
  const tabStops = await tabStopsIn(page);
  assert.ok(!tabStops.some((s) => s.startsWith("button.rw-btn") || s.startsWith("button.rw-chip")), `no button in the Tab order (${tabStops})`);
  await page.screenshot({ path: join(ARTIFACTS, "prerendered-loader-never-ran.png") });
  await page.close();
  await server.close();
});

test("hydration keeps the server's nodes and pixels, logs nothing, and leaves a live widget", async () => {
  const { context, page, logged } = await watchedPage({ width: 1280, height: 900 });
  // Hold the wasm back until the server's report has been photographed and its root marked.
  const release = await holdWasm(context);
  await page.goto(`${session.server.url}/index.html`);
  await page.waitForLoadState("load");
  await sleep(300);
  const before = await page.locator("[data-report-widget]").screenshot();
  await page.$eval("[data-report-widget]", (h) => (h.shadowRoot.querySelector(".rw-root").__server = true));
  release();
  assert.deepEqual(await settled(page), ["ready"]);
  await sleep(300);
  const after = await page.locator("[data-report-widget]").screenshot();
  writeFileSync(join(ARTIFACTS, "prerender-before-hydration.png"), before);
  writeFileSync(join(ARTIFACTS, "prerender-after-hydration.png"), after);
  assert.equal(pngDifference(before, after), null, "the same pixels before and after hydration");
  const roots = await page.$eval("[data-report-widget]", (h) =>
    [...h.shadowRoot.querySelectorAll(".rw-root")].map((r) => ({ server: r.__server === true, hidden: r.hidden }))
  );
  assert.deepEqual(roots, [{ server: true, hidden: false }], "hydrated in place: the server's root, and only it");
  assert.deepEqual(logged, [], "no hydration mismatch, error or warning");
  const nodes = await keptAndNew(page);
  assert.deepEqual(nodes.fresh, [], "hydration adds no element or text of its own");
  assert.ok(nodes.kept > 1500, `the server's nodes are kept: ${JSON.stringify(nodes)}`);

  // The hydrated report is live: sorting, section toggles and the large-text switch work.
  const host = page.locator("[data-report-widget]");
  const table = host.locator(".rw-ranking table").first();
  const valueHeader = table.locator("thead th").nth(1);
  const values = async () =>
    (await table.locator("tbody tr td:nth-of-type(1)").allTextContents()).map((t) => parseFloat(t.replace(/[^\d.]/g, "")));
  const ordered = (xs, dir) => xs.every((x, i) => i === 0 || (dir > 0 ? xs[i - 1] <= x : xs[i - 1] >= x));
  const unsorted = await values();
  assert.ok(unsorted.length === 4 && unsorted.every(Number.isFinite), `the ranking's four values: ${unsorted}`);
  await valueHeader.locator("button").click();
  assert.equal(await valueHeader.getAttribute("aria-sort"), "ascending");
  assert.ok(ordered(await values(), 1), `ascending after one click: ${await values()}`);
  await valueHeader.locator("button").click();
  assert.equal(await valueHeader.getAttribute("aria-sort"), "descending");
  assert.ok(ordered(await values(), -1), `descending after two clicks: ${await values()}`);
  const toggle = host.locator(".rw-section-toggle").first();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "false", "a section folds");
  const large = host.locator("button[aria-pressed]").first();
  assert.equal(await large.getAttribute("aria-pressed"), "false");
  await large.click();
  assert.equal(await large.getAttribute("aria-pressed"), "true", "the large-text switch works");
  assert.deepEqual(logged, [], "nothing logged while interacting");
  await context.close();
});

test("a source note opened while the wasm is on its way stays open, with the focus, when the report is hydrated", async () => {
  const { context, page, logged } = await watchedPage({ width: 1280, height: 900 });
  const release = await holdWasm(context);
  await page.goto(`${session.server.url}/index.html`);
  await page.waitForLoadState("load");
  await page.$eval("[data-report-widget]", (h) => (h.shadowRoot.querySelector(".rw-root").__server = true));
  // A keyboard reader opens the first source note (a <details> works without script). In the
  // shadow root: the host's light DOM holds the plain copy too.
  await page.$eval("[data-report-widget]", (h) => h.shadowRoot.querySelector("details.rw-source summary").focus());
  await page.keyboard.press("Enter");
  const state = () =>
    page.$eval("[data-report-widget]", (h) => ({
      open: h.shadowRoot.querySelector("details.rw-source").open,
      focused: h.shadowRoot.activeElement?.tagName ?? null,
      server: h.shadowRoot.querySelector(".rw-root").__server === true,
    }));
  assert.deepEqual(await state(), { open: true, focused: "SUMMARY", server: true });
  release();
  assert.deepEqual(await settled(page), ["ready"]);
  await sleep(200);
  assert.deepEqual(await state(), { open: true, focused: "SUMMARY", server: true }, "hydrated in place, the note open");
  assert.deepEqual(logged, [], "not taken for a changed report");
  // And it still closes.
  await page.keyboard.press("Enter");
  assert.equal((await state()).open, false);
  await context.close();
});

test("large text the reader chose on an earlier page applies once the prerendered report is hydrated", async () => {
  const { context, page, logged } = await watchedPage({ width: 1280, height: 900 });
  await page.addInitScript(() => localStorage.setItem("report-widget:large-text", "1"));
  await page.goto(`${session.server.url}/index.html`);
  assert.deepEqual(await settled(page), ["ready"]);
  const look = await page.$eval("[data-report-widget]", (h) => ({
    large: h.shadowRoot.querySelector(".rw").getAttribute("data-large"),
    pressed: h.shadowRoot.querySelector(".rw-large-toggle").getAttribute("aria-pressed"),
  }));
  assert.deepEqual(look, { large: "on", pressed: "true" });
  assert.deepEqual(logged, [], "hydration matched the server's markup first: no mismatch logged");
  const nodes = await keptAndNew(page);
  assert.deepEqual(nodes.fresh, [], "the switch changes attributes, not nodes");
  await context.close();
});

test("a hydrated report is exactly the report the widget renders from the payload alone", async () => {
  // Hydration adopts the server's nodes and never removes what the client would not have
  // rendered (an attribute, a static block's text), so the server's markup must already be the
  // client's. Comments (Yew's hydration markers) and the prerender's own key and digest are
  // left out of the comparison.
  const markup = async (path) => {
    const page = await session.browser.newPage({ viewport: { width: 1024, height: 900 } });
    await page.goto(`${session.server.url}${path}`);
    assert.deepEqual(await settled(page), ["ready"], path);
    const html = await page.$eval("[data-report-widget]", (h) => h.shadowRoot.querySelector(".rw-root").innerHTML);
    await page.close();
    return html.replace(/<!--[\s\S]*?-->/g, "").replace(/ data-rw-(?:key|digest)="[^"]*"/g, "");
  };
  for (const [hydrated, rendered] of [["/index.html", "/lanshan-client.html"], ["/water-en.html", "/water-en-client.html"], ["/hostile.html", "/hostile-client.html"], ["/half-en.html", "/half-en-client.html"]]) {
    const [a, b] = [await markup(hydrated), await markup(rendered)];
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    assert.ok(a === b, `${hydrated} and ${rendered} differ at ${at}:\n${a.slice(at - 120, at + 120)}\n${b.slice(at - 120, at + 120)}`);
    assert.ok(a.length > 5000, `${hydrated}: a whole report (${a.length} characters)`);
  }
});

test("another bureau's report, prerendered in English, hydrates keeping every node", async () => {
  const { context, page, logged } = await watchedPage({ width: 1024, height: 900 });
  await page.goto(`${session.server.url}/water-en.html`);
  assert.deepEqual(await settled(page), ["ready"]);
  assert.deepEqual(logged, [], "no hydration mismatch, error or warning");
  const nodes = await keptAndNew(page);
  assert.deepEqual(nodes.fresh, [], "hydration adds no element or text of its own");
  assert.equal(nodes.kept, nodes.marked, "and removes none");
  // Live after hydration: the first chart switches to its table and back.
  const toggle = page.locator("[data-report-widget] .rw-table-toggle").first();
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  await context.close();
});

/** The report's texts by the language they are marked with: Chinese characters must be under
 * lang="zh-CN", and English words under the report's lang="en". */
const textLanguages = (page) =>
  page.$eval("[data-report-widget]", (h) => {
    const walker = document.createTreeWalker(h.shadowRoot.querySelector(".rw-root"), NodeFilter.SHOW_TEXT);
    const found = { zh: 0, en: 0, wrong: [] };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.data.trim()) continue;
      const lang = n.parentElement.closest("[lang]").getAttribute("lang");
      const chinese = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(n.data);
      if (chinese) found.zh++;
      else found.en++;
      if ((chinese && lang !== "zh-CN") || (!chinese && /[a-z]{3}/i.test(n.data) && lang !== "en")) found.wrong.push(`${lang}: ${n.data}`);
    }
    return found;
  });

test("in English, a text left in Chinese is marked as Chinese (WCAG 3.1.2), prerendered and hydrated or rendered by the widget", async () => {
  for (const path of ["/half-en.html", "/half-en-client.html"]) {
    const { context, page, logged } = await watchedPage({ width: 1024, height: 900 });
    await page.goto(`${session.server.url}${path}`);
    assert.deepEqual(await settled(page), ["ready"], path);
    assert.deepEqual(logged, [], `${path}: no hydration mismatch, error or warning`);
    const texts = await textLanguages(page);
    assert.deepEqual(texts.wrong, [], `${path}: texts under the wrong language`);
    assert.ok(texts.zh > 50 && texts.en > 50, `${path}: both languages are there (${texts.zh} Chinese, ${texts.en} English texts)`);
    assert.deepEqual(await widgetAxeViolations(page, 50), [], `${path}: axe (WCAG 2.1 A/AA, valid-lang among them)`);
    if (path === "/half-en.html") {
      const nodes = await keptAndNew(page);
      assert.deepEqual(nodes.fresh, [], "hydrated keeping every node");
      assert.equal(nodes.kept, nodes.marked);
    }
    // Re-rendered: a table sorted (Chinese and English row labels change places), a chart's
    // item hidden and its table shown, a figure in focus.
    const host = page.locator("[data-report-widget]");
    await host.locator(".rw-sort").first().click();
    await host.locator(".rw-sort").first().click();
    await host.locator(".rw-chip").first().click();
    await host.locator(".rw-table-toggle").first().click();
    await host.locator(".rw-plot").first().focus();
    await page.keyboard.press("ArrowDown");
    assert.deepEqual((await textLanguages(page)).wrong, [], `${path}: after sorting, toggling and moving the focus`);
    assert.deepEqual(logged, [], `${path}: nothing logged`);
    await context.close();
  }
});

test("texts with markup, quotes, entities and no-break spaces: the browser reads the report back as written, so it hydrates", async () => {
  const { context, page, logged } = await watchedPage({ width: 1024, height: 900 });
  await page.goto(`${session.server.url}/hostile.html`);
  assert.deepEqual(await settled(page), ["ready"]);
  assert.deepEqual(logged, [], "the digest matched: no warning, no error");
  const nodes = await keptAndNew(page);
  assert.deepEqual(nodes.fresh, [], "hydrated, not rendered afresh");
  assert.equal(nodes.kept, nodes.marked);
  const title = await page.$eval("[data-report-widget]", (h) => h.shadowRoot.querySelector("h2").textContent);
  // As the browser's parser reads it: a carriage return is a line feed.
  assert.ok(title.endsWith(HOSTILE.replace(/\r\n?/g, "\n")), `the title keeps its text: ${JSON.stringify(title)}`);
  assert.equal(await page.$eval("[data-report-widget]", (h) => h.shadowRoot.querySelectorAll("img").length), 0);
  // No text ended an attribute early (which would leave stray attributes behind).
  const strayAttributes = await page.$eval("[data-report-widget]", (h) =>
    [...h.shadowRoot.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => !/^[a-zA-Z][a-zA-Z0-9-]*$/.test(n))
  );
  assert.deepEqual(strayAttributes, []);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});
