// The demo page (dist/index.html) on the release build, in headless Chromium: the Lanshan
// report reaches data-state="ready" and shows its figures with their units and qualifiers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loaderFiles } from "../../www/tools/loader-files.mjs";
import { ARTIFACTS, DIST, browserAndDist, recordEvents, serveDist, settled, shadowText, widgetFiles } from "./support.mjs";

const session = browserAndDist();

test("dist has the embed contract's files", () => {
  const loader = readFileSync(join(DIST, "report-widget.js"), "utf8");
  // The loader names the content-hashed files that are really there, each with its SRI hash.
  // The names stay readable in the minified loader, as keys: a webmaster can see what it loads.
  assert.match(loader, /\bwasm: ?"\.\/report-widget-web-[0-9a-f]{16}_bg\.wasm"/);
  const files = loaderFiles(loader);
  for (const name of ["wasm", "styles", "exportGlue", "exportWasm"]) {
    const file = files[name];
    assert.ok(file && existsSync(join(DIST, file)), `the loader's ${name} (${file}) is in dist/`);
  }
  assert.match(loader, /wasm: ?"sha384-[A-Za-z0-9+\/=]{64}", ?styles: ?"sha384-/);
  // The widget's wasm-bindgen glue is bundled into the loader, not a file of its own.
  assert.match(loader, /export ?\{[^}]*\binstances\b/);
  assert.ok(!readdirSync(DIST).some((f) => /^report-widget-web-[0-9a-f]+\.js$/.test(f)), "no separate widget glue in dist/");
  const payload = JSON.parse(readFileSync(join(DIST, "reports/lanshan-2021.json"), "utf8"));
  assert.equal(payload.schema, "report-widget/1");
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  // Pinned, as report-widget prerender --dist writes it: the loader, and the stylesheet's link.
  assert.match(html, /<script type="module" src="\.\/report-widget\.js" integrity="sha384-[A-Za-z0-9+\/=]{64}"><\/script>/);
  assert.match(html, /<link rel="stylesheet" href="\.\/report-widget-[0-9a-f]{16}\.css" integrity="sha384-[A-Za-z0-9+\/=]{64}" crossorigin="anonymous">/);
  assert.doesNotMatch(html, /import init/, "no inline start-up script");
});

test("the demo shows the Lanshan report, ready, with units and qualifiers", async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && errors.push(m.text()));
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.addInitScript(recordEvents);
  await page.goto(`${session.server.url}/index.html`);
  assert.deepEqual(await settled(page), ["ready"]);
  assert.deepEqual(await page.evaluate(() => window.__rwEvents), [["report-widget:ready", "DIV"]]);
  // The prerendered snippet preloads the wasm; the loader's request reuses that download.
  const { wasm } = widgetFiles();
  assert.match(readFileSync(join(DIST, "index.html"), "utf8"), new RegExp(`<link rel="preload" href="\\./${wasm}" as="fetch" crossorigin="anonymous">`));
  assert.equal(requests.filter((r) => r === `/${wasm}`).length, 1, "the wasm is downloaded once");
  const text = await shadowText(page);
  for (const figure of [
    "4.73", "五区第1名", "同比改善8.2%", "231天", "同比增加3天", "44μg/m³", "1.3mg/m³", "同比持平",
    "同比改善6.0%", "五区第5名", "5020余人次", "8110余家次", "274件", "1813.4469万元", "290余件", "36份",
    "超过20万", "670余条", "366 / 370", "98.9%", "奖励 100万",
  ]) {
    assert.ok(text.includes(figure), `the widget shows ${figure}`);
  }
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(ARTIFACTS, "demo-1280.png"), fullPage: true });
  await page.close();
});

test("the same page in English follows data-lang", async () => {
  const page = await session.browser.newPage({ viewport: { width: 390, height: 800 } });
  const html = readFileSync(join(DIST, "index.html"), "utf8").replace('data-lang="zh"', 'data-lang="en"');
  const en = await serveDist({ routes: { "/en.html": { body: html } } });
  await page.goto(`${en.url}/en.html`);
  assert.deepEqual(await settled(page), ["ready"]);
  const text = await shadowText(page);
  for (const figure of ["1st of 5 districts", "more than 5,020 person-times", "more than 200,000", "improved 8.2% year on year"]) {
    assert.ok(text.includes(figure), `the English widget shows ${figure}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, "demo-en-390.png"), fullPage: true });
  await page.close();
  await en.close();
});

test("a payload with an unknown field renders, and the warning is logged once", async () => {
  const { portalPage, payloadScript, WATER } = await import("./support.mjs");
  const typo = WATER.replace('"qualifier": "over"', '"qualifier": "over", "untis": "次"');
  const page = await session.browser.newPage();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  const typoServer = await serveDist({
    routes: { "/typo.html": { body: portalPage({ body: `<div data-report-widget data-payload="p"></div>${payloadScript("p", typo)}` }) } },
  });
  // Closed whatever happens: a server left open keeps the whole file from ending (a time-out).
  try {
    await page.goto(`${typoServer.url}/typo.html`);
    assert.deepEqual(await settled(page), ["ready"]);
    // The report does not wait for its warnings' messages (from the on-demand module): on a
    // busy machine they come after ready.
    const logged = () => warnings.filter((w) => w.includes("report-widget"));
    for (let waited = 0; logged().length === 0 && waited < 20000; waited += 100) await page.waitForTimeout(100);
    await page.waitForTimeout(300); // a second line would have come with the first
    const ours = logged();
    assert.equal(ours.length, 1, `one warning: ${ours}`);
    // Its place in words too, counting from 1 (the pointer's numbers count from 0).
    assert.match(ours[0], /\/sections\/0\/items\/1\/untis: Section 1 “[^”]+” › Item 2 “[^”]+”: unknown field "untis" \(ignored\); did you mean "unit"\?/);
  } finally {
    await page.close();
    await typoServer.close();
  }
});

test("the whole report is in the accessibility tree, below the fold too", async () => {
  // Rendering shortcuts such as content-visibility: auto drop the sections a reader has not
  // scrolled to from Chromium's accessibility tree (BENCHMARKS.md); a screen reader must get
  // every heading and figure from the first moment.
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${session.server.url}/index.html`);
  assert.deepEqual(await settled(page), ["ready"]);
  const titles = await page.$eval("[data-report-widget]", (host) =>
    [...host.shadowRoot.querySelectorAll(".rw-section-title")].map((h) => h.textContent.trim())
  );
  assert.ok(titles.length >= 8, `the demo has its sections (${titles})`);
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const exposed = nodes.filter((n) => !n.ignored);
  const headings = new Set(exposed.filter((n) => n.role?.value === "heading").map((n) => n.name?.value.trim()));
  for (const title of titles) assert.ok(headings.has(title), `the heading "${title}" is in the accessibility tree`);
  // A card's label, figure, qualifier and unit are separate text nodes, one after the other.
  const texts = exposed.filter((n) => n.role?.value === "StaticText").map((n) => n.name?.value ?? "").join("");
  // Figures from the last sections of the report, far below a 720 px viewport.
  for (const figure of ["处罚金额1813.4469万元", "发布原创微信动态670余条", "2022年工作计划：进一步强化执法监管"]) {
    assert.ok(texts.includes(figure), `${figure} is in the accessibility tree`);
  }
  // A bar chart is a list named by its summary, each bar's label and value read as seen: the
  // summary names only the highest and the lowest, and the middle one is read too.
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const textOf = (n) =>
    n.role?.value === "StaticText" ? n.name?.value ?? "" : (n.childIds ?? []).map((id) => byId.get(id)).filter(Boolean).map(textOf).join("");
  const charts = exposed.filter((n) => n.role?.value === "list" && /^(办结率)?条形图：/.test(n.name?.value ?? ""));
  assert.ok(charts.length >= 3, `the bar charts are named lists (${charts.length})`);
  const enforcement = charts.find((n) => n.name.value.startsWith("条形图：环境执法（件）"));
  const bars = (enforcement.childIds ?? []).map((id) => byId.get(id)).filter((n) => n && !n.ignored);
  assert.deepEqual(
    bars.map((n) => [n.role.value, textOf(n)]),
    [
      ["listitem", "妥善解决举报热线信访520件"],
      ["listitem", "行政处罚案件274件"],
      ["listitem", "下达违法行为限期改正通知书290余件"],
    ]
  );
  await page.close();
});
