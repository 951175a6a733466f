// The visuals on the release build (dist/), in headless Chromium: keyboard-only use of every
// control, sorting, tooltips on focus and hover, table views, legends, exports (CSV with BOM,
// SVG, PNG), section links that leave the host's hash alone, print, themes, axe-core with
// zero WCAG 2.1 A/AA violations, and screenshots at 320/768/1280 px in light, dark and
// large-text modes (tests/e2e/artifacts/visuals-*.png).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, DIST, WATER, browserAndDist, payloadScript, portalPage, settled, widgetAxeViolations } from "./support.mjs";

const INDEX = readFileSync(join(DIST, "index.html"), "utf8");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'";

/** The demo page with other host attributes (data-lang, data-theme) and an optional host-page script. */
function page(attrs = {}, extraBody = "") {
  let html = INDEX.replace(
    'data-lang="zh"',
    Object.entries({ "data-lang": "zh", ...attrs })
      .map(([k, v]) => `${k}="${v}"`)
      .join(" ")
  );
  return html.replace("</body>", `${extraBody}</body>`);
}

/** Another bureau's report whose every label and title is one long unbroken word: a Chinese
 * phrase with no punctuation followed by a URL. */
function longWordsPayload() {
  const long = "这是一个没有任何标点符号的非常非常非常非常非常非常非常长的指标名称https://www.example.gov.cn/a/very/long/path/without/any/break/points.html";
  const relabel = (node) => {
    if (Array.isArray(node)) return node.forEach(relabel);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === "label" || key === "title") && value && typeof value === "object" && "zh" in value) node[key] = { zh: long, en: long.replace(/^[^h]+/, "Supercalifragilisticexpialidocious-") };
      else relabel(value);
    }
  };
  const payload = JSON.parse(WATER);
  relabel(payload);
  return JSON.stringify(payload);
}
/** Another bureau's ranking of districts by name (synthetic, as the water example is). */
function districtsPayload() {
  const payload = JSON.parse(WATER);
  const ranking = payload.sections.find((section) => section.kind === "ranking");
  ranking.rows = ["罗庄区", "兰山区", "河东区", "兰山区", "Alpha"].map((zh, i) => ({ label: { zh, en: zh }, value_rank: i + 1 }));
  return JSON.stringify(payload);
}
const districtsPage = portalPage({ body: `<div data-report-widget data-payload="districts" data-lang="zh"></div>${payloadScript("districts", districtsPayload())}` });

/** Another bureau's cards with long figures: ten digits and more, with and without decimals,
 * qualifiers and units (synthetic, as the water example is). */
function longFiguresPayload() {
  const payload = JSON.parse(WATER);
  const metrics = payload.sections.find((section) => section.kind === "metrics");
  const [share, tests] = metrics.items;
  metrics.items = [
    { ...tests, id: "records", value: 1234567890.123, qualifier: undefined, unit: { zh: "条", en: "records" } },
    { ...tests, id: "budget", value: 1200000000, qualifier: "nearly", unit: { zh: "元", en: "yuan" } },
    { ...tests, id: "visits", value: 98765432.5, unit: { zh: "人次", en: "person-times" } },
    share,
  ];
  return JSON.stringify(payload);
}
const longFiguresPage = (lang) =>
  portalPage({ body: `<div data-report-widget data-payload="figures" data-lang="${lang}"></div>${payloadScript("figures", longFiguresPayload())}` });

const longWordsPage = (lang) =>
  portalPage({ body: `<div data-report-widget data-payload="long" data-lang="${lang}"></div>${payloadScript("long", longWordsPayload())}` });

const session = browserAndDist({
  headers: { "content-security-policy": CSP },
  routes: {
    "/zh.html": { body: page(), headers: { "content-security-policy": CSP } },
    "/en.html": { body: page({ "data-lang": "en" }), headers: { "content-security-policy": CSP } },
    // A portal that kept its own policy, without the img-src blob: that PNG images need.
    "/no-blob.html": { body: page(), headers: { "content-security-policy": CSP.replace(" blob:", "") } },
    "/dark.html": { body: page({ "data-theme": "dark" }), headers: { "content-security-policy": CSP } },
    "/light.html": { body: page({ "data-theme": "light" }), headers: { "content-security-policy": CSP } },
    "/large.html": { body: page({ "data-theme": "large" }), headers: { "content-security-policy": CSP } },
    "/en-large.html": { body: page({ "data-lang": "en", "data-theme": "large" }), headers: { "content-security-policy": CSP } },
    "/long-zh.html": { body: longWordsPage("zh") },
    "/districts.html": { body: districtsPage, headers: { "content-security-policy": CSP } },
    "/long-en.html": { body: longWordsPage("en") },
    "/figures-zh.html": { body: longFiguresPage("zh") },
    "/figures-en.html": { body: longFiguresPage("en") },
    "/router.html": {
      // A host page that routes by its own hash and counts hashchange events.
      body: page({}, '<script src="./router.js"></script>'),
      headers: { "content-security-policy": CSP },
    },
    // A CMS page in a sub-folder whose <base href> points elsewhere (here, at the site's root,
    // where the widget's files are).
    "/news/base.html": { body: page().replace("<head>", '<head>\n<base href="/">'), headers: { "content-security-policy": CSP } },
    "/router.js": {
      type: "text/javascript",
      body: "window.__hashchanges = 0; addEventListener('hashchange', function () { window.__hashchanges++; });",
    },
  },
});

async function open(path, { width = 1280, height = 900, colorScheme = "light", reducedMotion = "no-preference", forcedColors = "none", contrast = "no-preference" } = {}) {
  const context = await session.browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion, forcedColors, contrast, acceptDownloads: true });
  const p = await context.newPage();
  p.errors = [];
  p.on("pageerror", (e) => p.errors.push(String(e)));
  p.on("console", (m) => m.type() === "error" && p.errors.push(m.text()));
  await p.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await p.goto(`${session.server.url}${path}`);
  assert.deepEqual(await settled(p), ["ready"]);
  return p;
}

/** Describes the deeply focused element (inside the shadow root). */
function focused(p) {
  return p.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      cls: el.getAttribute("class") || "",
      text: (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 60),
      outline: cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2,
      inWidget: el.getRootNode() !== document,
    };
  });
}

const root = (p) => p.locator("[data-report-widget]");

test("a keyboard-only walk reaches every control, each with a visible focus ring", async () => {
  const p = await open("/zh.html");
  const seen = [];
  for (let i = 0; i < 400; i++) {
    await p.keyboard.press("Tab");
    const f = await focused(p);
    if (!f || !f.inWidget) break;
    seen.push(f);
  }
  const count = (cls) => seen.filter((f) => f.cls.split(" ").includes(cls)).length;
  assert.ok(seen.length > 60, `many stops (${seen.length})`);
  assert.equal(count("rw-large-toggle"), 1);
  assert.equal(seen.filter((f) => f.tag === "a").length, 9, "a contents link per section");
  assert.equal(count("rw-section-toggle"), 9);
  assert.equal(count("rw-sort"), 5, "every column of the ranking sorts");
  assert.equal(count("rw-table-toggle"), 6, "a table view per chart");
  assert.equal(count("rw-export-png"), 6);
  assert.equal(count("rw-plot"), 6, "every chart takes the focus");
  assert.ok(count("rw-chip") >= 15, "legend entries");
  assert.ok(seen.some((f) => f.cls.includes("rw-link-btn")), "the exact-figure button");
  assert.ok(seen.filter((f) => f.tag === "summary").length > 30, "every source sentence opens");
  const unringed = seen.filter((f) => !f.outline);
  assert.deepEqual(unringed, [], "every stop shows a focus ring");

  // Shift+Tab goes back.
  await p.keyboard.press("Shift+Tab");
  assert.deepEqual(await focused(p), seen[seen.length - 1]);
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("controls work from the keyboard: sort, table view, legend, sections, large text", async () => {
  const p = await open("/zh.html");
  const w = root(p);
  // Sort by value with Enter, then reverse with Space; a screen reader hears the new order
  // (the focus stays on the button, and a change of aria-sort is not announced).
  const valueSort = w.locator("th >> nth=1").locator("button");
  const said = w.locator(".rw-ranking .rw-sr[role=status]");
  assert.equal(await said.textContent(), " ", "unsorted: nothing to say (a space, for hydration)");
  await valueSort.focus();
  await p.keyboard.press("Enter");
  assert.equal(await w.locator("th >> nth=1").getAttribute("aria-sort"), "ascending");
  assert.equal(await said.textContent(), "已按数值升序排列");
  await p.keyboard.press("Space");
  assert.equal(await w.locator("th >> nth=1").getAttribute("aria-sort"), "descending");
  assert.equal(await said.textContent(), "已按数值降序排列");
  assert.equal(await valueSort.evaluate((el) => el.getRootNode().activeElement === el), true, "the focus stays on the button");
  const firstRow = await w.locator(".rw-ranking tbody tr >> nth=0").locator("th").textContent();
  assert.equal(firstRow, "O3浓度");
  assert.equal(await w.locator(".rw-ranking th[aria-sort]").count(), 1, "aria-sort on the sorted column only");
  // Another column sorted the same way is said too: the column is named.
  await w.locator("th >> nth=3").locator("button").focus();
  await p.keyboard.press("Enter");
  await p.keyboard.press("Enter");
  assert.equal(await said.textContent(), "已按数值排名降序排列");

  // Table view with the keyboard.
  const chart = w.locator("figure.rw-chart >> nth=1");
  await chart.locator(".rw-table-toggle").focus();
  await p.keyboard.press("Enter");
  assert.equal(await chart.locator(".rw-table-toggle").getAttribute("aria-pressed"), "true");
  assert.ok(await chart.locator("table.rw-data").isVisible());
  assert.ok(!(await chart.locator(".rw-plot").isVisible()));

  // Legend: hide the first item from the keyboard.
  const enforcement = w.locator("#rw-enforcement figure.rw-chart >> nth=0");
  // Every legend has the same name: each is described by its own chart's title.
  const described = await w.locator(".rw-legend").evaluateAll((groups) =>
    groups.map((g) => g.getRootNode().getElementById(g.getAttribute("aria-describedby"))?.closest("figure") === g.closest("figure"))
  );
  assert.ok(described.length >= 2 && described.every(Boolean), `each legend described by its chart's caption: ${described}`);
  const chip = enforcement.locator(".rw-chip >> nth=0");
  await chip.focus();
  await p.keyboard.press("Space");
  assert.equal(await chip.getAttribute("aria-pressed"), "false");
  assert.equal(await enforcement.locator(".rw-row").count(), 2);
  // A screen reader reads the bars shown, as a list of two (the legend says which is hidden).
  assert.equal(await enforcement.locator(".rw-bars[role=list] > [role=listitem]").count(), 2);
  // The list's name, the chart's summary, says which item the legend hides.
  const hiddenLabel = (await chip.textContent()).replace("✓", "").trim();
  const listName = () => enforcement.locator(".rw-bars[role=list]").getAttribute("aria-label");
  assert.ok((await listName()).endsWith(`图例隐藏了1项：${hiddenLabel}。`), await listName());
  // "Show all" goes away once pressed: the focus moves to the legend's first button, not to the page.
  await enforcement.locator(".rw-chip-all").focus();
  await p.keyboard.press("Enter");
  assert.equal(await enforcement.locator(".rw-chip-all").count(), 0);
  assert.equal(await enforcement.locator(".rw-row").count(), 3);
  assert.ok(!(await listName()).includes("图例隐藏"), await listName());
  assert.equal(await chip.evaluate((el) => el.getRootNode().activeElement === el), true, "focus on the first item's button");
  assert.equal(await enforcement.locator(".rw-bars[role=list] > [role=listitem]").count(), 3);

  // Fold a section and unfold it.
  const toggle = w.locator("#rw-outreach .rw-section-toggle");
  await toggle.focus();
  await p.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.ok(!(await w.locator("#rw-outreach .rw-section-body").isVisible()));
  await p.keyboard.press("Enter");
  assert.ok(await w.locator("#rw-outreach .rw-section-body").isVisible());

  // Large text.
  const large = w.locator(".rw-large-toggle");
  await large.focus();
  await p.keyboard.press("Enter");
  assert.equal(await large.getAttribute("aria-pressed"), "true");
  assert.equal(await w.locator("article.rw").evaluate((el) => getComputedStyle(el).fontSize), "20px");
  await p.keyboard.press("Enter");
  assert.equal(await w.locator("article.rw").evaluate((el) => getComputedStyle(el).fontSize), "16px");

  // An amount's value in yuan and a contents link, from the keyboard.
  const yuan = w.locator(".rw-link-btn");
  await yuan.focus();
  await p.keyboard.press("Enter");
  assert.equal(await yuan.getAttribute("aria-expanded"), "true");
  assert.equal(await w.locator(".rw-yuan").textContent(), "18134469元（按报告数字计算）");
  await w.locator('.rw-toc a[href="#rw-first-months"]').focus();
  await p.keyboard.press("Enter");
  assert.equal((await focused(p)).text, "月度考核第一", "the focus moves to the section");
  assert.equal(new URL(p.url()).hash, "#rw-first-months");
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("sorting by mouse orders rows and sets aria-sort", async () => {
  const p = await open("/en.html");
  const w = root(p);
  const rows = () => w.locator(".rw-ranking tbody th").allTextContents();
  assert.deepEqual(await rows(), ["Composite air-quality index", "PM2.5 concentration", "PM10 concentration", "O3 concentration"]);
  const change = w.locator(".rw-ranking thead th >> nth=2");
  await change.locator("button").click();
  assert.equal(await change.getAttribute("aria-sort"), "ascending");
  assert.deepEqual(await rows(), ["O3 concentration", "Composite air-quality index", "PM2.5 concentration", "PM10 concentration"]);
  await change.locator("button").click();
  assert.equal(await change.getAttribute("aria-sort"), "descending");
  assert.equal((await rows())[0], "PM10 concentration");
  const rank = w.locator(".rw-ranking thead th >> nth=3");
  await rank.locator("button").click();
  assert.equal(await change.getAttribute("aria-sort"), null, "only one column is sorted");
  assert.equal(await rank.getAttribute("aria-sort"), "ascending");
  assert.deepEqual(await rows(), ["Composite air-quality index", "PM10 concentration", "PM2.5 concentration", "O3 concentration"]);
  await p.context().close();
});

test("Chinese labels sort by pinyin (河东 he, 兰山 lan, 罗庄 luo), not by character code; equal labels keep their order", async () => {
  const p = await open("/districts.html");
  const table = root(p).locator(".rw-ranking");
  const rows = () => table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => `${tr.querySelector("th").textContent}${tr.querySelector(".rw-rank-text").textContent.split(" ")[0]}`));
  const label = table.locator("thead th >> nth=0");
  await label.locator("button").click();
  assert.equal(await label.getAttribute("aria-sort"), "ascending");
  // By character code it would be Alpha, 兰山 (U+5170), 河东 (U+6CB3), 罗庄 (U+7F57). Chinese
  // collation (CLDR) puts Han characters before Latin letters.
  assert.deepEqual(await rows(), ["河东区3", "兰山区2", "兰山区4", "罗庄区1", "Alpha5"]);
  await label.locator("button").click();
  assert.deepEqual(await rows(), ["Alpha5", "罗庄区1", "兰山区2", "兰山区4", "河东区3"], "descending; the two 兰山区 rows keep the payload's order");
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("tooltips show on keyboard focus, follow the arrow keys, close with Escape, and show on hover", async () => {
  const p = await open("/zh.html");
  const w = root(p);
  const months = w.locator("#rw-first-months .rw-plot");
  // Focusing the plot shows its keyboard hint over the months, covering nothing: not the
  // chart's own controls above it. (Measured from the chart's caption: focusing scrolls the page.)
  const offset = () => months.evaluate((plot) => {
    const caption = plot.closest("figure").querySelector("figcaption").getBoundingClientRect();
    return plot.querySelector(".rw-month").getBoundingClientRect().top - caption.top;
  });
  const covered = () => months.evaluate((plot) => {
    const hint = plot.querySelector(".rw-plot-hint").getBoundingClientRect();
    return [...plot.closest("figure").querySelectorAll(".rw-tools button, .rw-month")]
      .map((el) => el.getBoundingClientRect())
      .filter((b) => b.width && b.left < hint.right && b.right > hint.left && b.top < hint.bottom && b.bottom > hint.top).length;
  });
  await months.focus();
  assert.ok(await months.locator(".rw-plot-hint").isVisible(), "the keyboard hint shows");
  assert.equal(await covered(), 0, "the hint covers no control and no month");
  const focusedOffset = await offset();
  const visibleTips = () => w.locator("#rw-first-months .rw-tip").evaluateAll((tips) => tips.filter((t) => getComputedStyle(t).display !== "none").map((t) => t.textContent));
  assert.deepEqual(await visibleTips(), ["2021年1月：否（全市大气污染防治考核五区排名第一）"]);
  // The hint stays while the keys are used: the months do not move under them.
  for (let i = 0; i < 3; i++) await p.keyboard.press("ArrowRight");
  assert.ok(await months.locator(".rw-plot-hint").isVisible(), "the hint stays");
  assert.equal(await offset(), focusedOffset, "the months stay where they were");
  assert.deepEqual(await visibleTips(), ["2021年4月：全市大气污染防治考核五区排名第一；奖励 100万"]);
  assert.equal(await months.locator("[aria-live]").textContent(), "2021年4月：全市大气污染防治考核五区排名第一；奖励 100万", "announced");
  await p.keyboard.press("End");
  assert.match((await visibleTips())[0], /^2021年12月/);
  await p.keyboard.press("Escape");
  assert.deepEqual(await visibleTips(), []);
  // The hint goes with the focus and comes back with it.
  await p.keyboard.press("Shift+Tab");
  assert.equal(await months.locator(".rw-plot-hint").isVisible(), false, "gone with the focus");
  await p.keyboard.press("Tab");
  assert.ok(await months.locator(".rw-plot-hint").isVisible(), "shown again on the next focus");
  // The tooltip stays inside the widget (no overflow past its right edge).
  await p.keyboard.press("Home");
  const box = await w.locator("#rw-first-months [data-active] .rw-tip").boundingBox();
  const frame = await w.locator("article.rw").boundingBox();
  assert.ok(box.x + box.width <= frame.x + frame.width, "inside the widget");

  // Hover a bar: its tooltip shows.
  await p.keyboard.press("Tab");
  const bar = w.locator("#rw-enforcement .rw-row >> nth=1").locator(".rw-row-bar");
  await bar.hover();
  const tip = w.locator("#rw-enforcement .rw-row >> nth=1").locator(".rw-tip");
  assert.ok(await tip.isVisible());
  assert.equal(await tip.textContent(), "行政处罚案件：274件");
  // WCAG 1.4.13: the pointer can move onto the tooltip (across the gap below the bar) and it stays…
  const tipBox = await tip.boundingBox();
  const barBox = await bar.boundingBox();
  await p.mouse.move(tipBox.x + 10, barBox.y + barBox.height / 2);
  await p.mouse.move(tipBox.x + 10, tipBox.y + tipBox.height / 2, { steps: 8 });
  assert.ok(await tip.isVisible(), "hoverable");
  // …Escape closes it wherever the focus is, and it stays closed while the pointer stays…
  await p.evaluate(() => document.activeElement?.blur());
  await p.keyboard.press("Escape");
  const anyTip = () => w.locator("#rw-enforcement .rw-tip").evaluateAll((tips) => tips.some((t) => getComputedStyle(t).display !== "none"));
  await p.waitForTimeout(200);
  assert.equal(await anyTip(), false, "dismissible, and the item it covered does not open its own");
  await bar.hover({ position: { x: 3, y: 3 } });
  assert.equal(await anyTip(), false, "closed while the pointer stays in the plot");
  // Leaving the plot and coming back shows tooltips again.
  await p.mouse.move(5, 5);
  const first = w.locator("#rw-enforcement .rw-row >> nth=0");
  await first.locator(".rw-row-bar").hover();
  assert.ok(await first.locator(".rw-tip").isVisible());
  await p.mouse.move(5, 5);
  assert.ok(!(await w.locator("#rw-enforcement .rw-tip").first().isVisible()));
  await p.context().close();
});

test("the table view holds the chart's data", async () => {
  const p = await open("/en.html");
  const fig = root(p).locator("#rw-inspection figure.rw-chart >> nth=0");
  const labels = await fig.locator(".rw-row-label").allTextContents();
  const values = await fig.locator(".rw-row-value").allTextContents();
  await fig.locator(".rw-table-toggle").click();
  const cells = await fig.locator("table.rw-data tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  assert.deepEqual(cells.map((r) => r[0]), labels);
  assert.deepEqual(
    cells.map((r) => `${r[1]} / ${r[2]} (${r[3]})*`),
    values,
    "resolved / total (rate) as in the bars"
  );
  assert.ok(cells.some((r) => r[3] === "98.9%"));
  await p.context().close();
});

async function download(p, locator) {
  const [d] = await Promise.all([p.waitForEvent("download"), locator.click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

test("CSV, SVG and PNG downloads are made in the browser, under a strict CSP", async () => {
  const p = await open("/zh.html");
  const w = root(p);
  const csv = await download(p, w.locator(".rw-ranking .rw-btn"));
  assert.equal(csv.name, "五区排名.csv");
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
  const text = csv.bytes.toString("utf8").slice(1);
  const lines = text.split("\r\n");
  // As a chart's CSV: the figure as shown, then its digits and unit for a spreadsheet.
  assert.equal(lines[0], "指标,数值,数字,单位,同比变化,数值排名,改善幅度排名,参与排名数");
  assert.equal(lines[1], "综合指数,4.73,4.73,,同比改善8.2%,1,1,5");
  assert.equal(lines[3], "PM10浓度,77μg/m³,77,μg/m³,同比改善10.5%,1,1,5");
  assert.equal(lines.length, 6, "header, 4 rows, final CRLF");
  // In the reader's order: the export module makes the file from the payload and the order.
  const valueSort = w.locator(".rw-ranking th button.rw-sort >> nth=1");
  await valueSort.click();
  await valueSort.click();
  assert.equal(await w.locator(".rw-ranking th >> nth=1").getAttribute("aria-sort"), "descending");
  const sorted = (await download(p, w.locator(".rw-ranking .rw-btn"))).bytes.toString("utf8").slice(1).split("\r\n");
  assert.deepEqual(sorted.slice(1, 5).map((l) => l.split(",")[0]), ["O3浓度", "PM10浓度", "PM2.5浓度", "综合指数"]);

  // A chart's CSV has plain numbers beside the formatted ones, and a hedge in a column of its
  // own: the number column alone read 290余 as exactly 290.
  const fig = w.locator("#rw-enforcement figure.rw-chart >> nth=0");
  const chartCsv = (await download(p, fig.locator(".rw-export-csv"))).bytes.toString("utf8");
  assert.ok(chartCsv.startsWith("\ufeff指标,数值,限定词,数字,单位\r\n"), chartCsv);
  assert.ok(chartCsv.includes("下达违法行为限期改正通知书,290余件,余,290,件\r\n"), chartCsv);

  const svg = await download(p, fig.locator(".rw-export-svg"));
  assert.equal(svg.name, "环境执法（件）.svg");
  const svgText = svg.bytes.toString("utf8");
  assert.match(svgText, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svgText.includes("<title id=\"rw-t\">环境执法（件）</title>") && svgText.includes("290余件"));
  // Drawn by a browser (the layout only estimates text widths): every text inside the image.
  const viewer = await p.context().newPage();
  await viewer.setContent(svgText);
  const { drawn, outside } = await viewer.evaluate(() => {
    const width = document.querySelector("svg").width.baseVal.value;
    const texts = [...document.querySelectorAll("text")].map((t) => ({ text: t.textContent, box: t.getBBox() }));
    return {
      drawn: texts.filter(({ text, box }) => text.trim() && box.width > 0).length,
      outside: texts
        .filter(({ box }) => box.x < -0.5 || box.x + box.width > width + 0.5)
        .map(({ text, box }) => `${text}: ${Math.round(box.x)}…${Math.round(box.x + box.width)} of ${width}`),
    };
  });
  assert.ok(drawn >= 6, `the image's texts are drawn (${drawn})`);
  assert.deepEqual(outside, [], "no text of the image runs out of it");
  await viewer.close();

  const png = await download(p, fig.locator(".rw-export-png"));
  assert.equal(png.name, "环境执法（件）.png");
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG file");
  assert.equal(png.bytes.readUInt32BE(16), 1440, "drawn at twice the SVG's width");
  assert.ok(png.bytes.length > 5000, "with content");

  assert.deepEqual(await p.evaluate(() => window.__csp), [], "no CSP violation");
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("files come from the export module, fetched on the first download only; a failure is said beside the button", async () => {
  // Requests are recorded from the start of the load (open() waits for ready).
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const p = await context.newPage();
  const fetched = [];
  p.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  const errors = [];
  p.on("pageerror", (e) => errors.push(String(e)));
  p.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  // The first two attempts find the module unreachable (a flaky link); the next one gets it.
  let refused = 0;
  await p.route(/report-widget-export-[0-9a-f]+_bg\.wasm$/, (route) => (refused++ < 2 ? route.abort() : route.continue()));
  await p.goto(`${session.server.url}/zh.html`);
  assert.deepEqual(await settled(p), ["ready"]);
  const exportModule = () => fetched.filter((f) => /report-widget-export-/.test(f));
  assert.deepEqual(exportModule(), [], "not part of the first download");

  const w = root(p);
  const said = async (status, expected) => {
    for (let i = 0; i < 200 && (await status.textContent()).trim() !== expected; i++) await p.waitForTimeout(100);
    return (await status.textContent()).trim();
  };
  // A table's CSV file first: refused, and said beside its button.
  await w.locator(".rw-ranking .rw-tools .rw-btn").click();
  const tableStatus = w.locator(".rw-ranking .rw-export-status");
  assert.equal(await tableStatus.getAttribute("role"), "status");
  assert.equal(await said(tableStatus, "文件未能生成，请稍后重试。"), "文件未能生成，请稍后重试。");
  const fig = w.locator("#rw-enforcement figure.rw-chart >> nth=0");
  await fig.locator(".rw-export-svg").click();
  // The browser reports the refused request itself; ours says what it meant.
  const ours = () => errors.filter((e) => !e.startsWith("Failed to load resource"));
  for (let i = 0; i < 200 && ours().length < 2; i++) await p.waitForTimeout(100);
  assert.equal(ours().length, 2, `one message for each failed download: ${JSON.stringify(errors)}`);
  assert.match(ours()[0], /^report-widget: the file could not be made \(/);
  assert.equal(await p.locator("[data-report-widget]").getAttribute("data-state"), "ready", "the widget is unharmed");
  // The reader is told too, beside the buttons (a live region), in the widget's language.
  const status = fig.locator(".rw-export-status");
  assert.equal(await status.getAttribute("role"), "status");
  const statusText = async (expected) => {
    for (let i = 0; i < 200 && (await status.textContent()).trim() !== expected; i++) await p.waitForTimeout(100);
    return (await status.textContent()).trim();
  };
  assert.equal(await statusText("文件未能生成，请稍后重试。"), "文件未能生成，请稍后重试。");

  const svg = await download(p, fig.locator(".rw-export-svg"));
  assert.equal(svg.name, "环境执法（件）.svg");
  assert.ok(svg.bytes.toString("utf8").includes("290余件"));
  assert.equal(await statusText(""), "", "the message goes with the next attempt");
  const png = await download(p, fig.locator(".rw-export-png"));
  assert.equal(png.name, "环境执法（件）.png");
  const wasmFetches = exportModule().filter((f) => f.endsWith(".wasm"));
  assert.equal(wasmFetches.length, 3, `the two refused fetches and one more, reused for the PNG: ${exportModule()}`);
  assert.equal(ours().length, 2, `nothing else logged: ${JSON.stringify(errors)}`);
  // The table's next attempt gets the file, and its message goes.
  const csv = await download(p, w.locator(".rw-ranking .rw-tools .rw-btn"));
  assert.equal(csv.name, "五区排名.csv");
  assert.equal(await said(tableStatus, ""), "");
  await context.close();
});

test("a PNG image the page's policy refuses (no img-src blob:) is said beside the downloads and in the console", async () => {
  const p = await open("/no-blob.html");
  const errors = [];
  p.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const fig = root(p).locator("#rw-enforcement figure.rw-chart >> nth=0");
  await fig.locator(".rw-export-png").click();
  const status = fig.locator(".rw-export-status");
  await p.waitForFunction((el) => el.textContent.trim() !== "", await status.elementHandle(), { timeout: 20000 });
  assert.equal((await status.textContent()).trim(), "文件未能生成，请稍后重试。");
  assert.ok(errors.some((e) => /^report-widget: the file could not be made \(.*img-src blob:/.test(e)), `the console names the directive: ${JSON.stringify(errors)}`);
  // SVG needs no image: it is still made.
  const svg = await download(p, fig.locator(".rw-export-svg"));
  assert.equal(svg.name, "环境执法（件）.svg");
  await p.context().close();
});

test("section links show #rw-… quietly, and leave a host's own hash alone", async () => {
  const p = await open("/router.html");
  const w = root(p);
  await w.locator('.rw-toc a[href="#rw-enforcement"]').click();
  assert.equal(new URL(p.url()).hash, "#rw-enforcement");
  assert.equal(await p.evaluate(() => window.__hashchanges), 0, "no hashchange for the host's router");
  assert.equal((await focused(p)).text, "环境执法");
  const top = await w.locator("#rw-enforcement").evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 40, `scrolled to the section (${top})`);

  // A host that uses the hash itself keeps it.
  await p.evaluate(() => history.replaceState(null, "", "#/news/42"));
  await w.locator('.rw-toc a[href="#rw-outreach"]').click();
  assert.equal(new URL(p.url()).hash, "#/news/42");
  assert.equal(await p.evaluate(() => window.__hashchanges), 0);
  assert.equal((await focused(p)).text, "普法宣传与学法");
  await p.context().close();

  // Under a <base href> the address keeps the page's own path: a bare "#rw-…" would resolve
  // against the base and put another page's address in the bar.
  const b = await open("/news/base.html");
  await root(b).locator('.rw-toc a[href="#rw-enforcement"]').click();
  assert.equal(new URL(b.url()).pathname, "/news/base.html");
  assert.equal(new URL(b.url()).hash, "#rw-enforcement");
  await b.context().close();

  // Opening a link to a folded section scrolls to it.
  const q = await open("/zh.html#rw-first-months");
  await q.waitForFunction(() => {
    const host = document.querySelector("[data-report-widget]");
    const s = host.shadowRoot.querySelector("#rw-first-months");
    return s && Math.abs(s.getBoundingClientRect().top) < 40;
  });
  await q.context().close();
});

test("print shows every section, chart and table, without the controls", async () => {
  const p = await open("/zh.html");
  const w = root(p);
  await w.locator("#rw-outreach .rw-section-toggle").click();
  const fig = w.locator("#rw-enforcement figure.rw-chart >> nth=0");
  await fig.locator(".rw-chip >> nth=0").click();
  await p.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await p.emulateMedia({ media: "print" });
  assert.ok(await w.locator("#rw-outreach .rw-section-body").isVisible(), "folded sections print");
  assert.equal(await fig.locator(".rw-row").count(), 3, "hidden legend items print");
  assert.ok(await fig.locator("table.rw-data").isVisible(), "tables print beside the charts");
  assert.ok(await fig.locator(".rw-plot").isVisible());
  assert.ok(await w.locator(".rw-yuan").isVisible(), "the value in yuan prints");
  assert.ok(await w.locator(".rw-source blockquote >> nth=0").isVisible(), "source sentences print");
  for (const control of [".rw-large-toggle", ".rw-toc", ".rw-export-csv >> nth=0", ".rw-legend >> nth=0", ".rw-link-btn"]) {
    assert.ok(!(await w.locator(control).isVisible()), `${control} is not printed`);
  }
  await p.pdf({ path: join(ARTIFACTS, "visuals-print.pdf") }).catch(() => {});
  await p.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await p.emulateMedia({ media: "screen" });
  assert.equal(await fig.locator(".rw-row").count(), 2, "after printing the reader's choices return");
  await p.context().close();
});

for (const [name, path, colorScheme] of [
  ["Chinese, light", "/zh.html", "light"],
  ["English, dark by preference", "/en.html", "dark"],
  ["dark by data-theme", "/dark.html", "light"],
  ["large text by data-theme", "/large.html", "light"],
]) {
  test(`axe-core finds no WCAG 2.1 A/AA violation: ${name}`, async () => {
    // axe's script is inline: this page runs without the CSP header.
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme, bypassCSP: true });
    const p = await context.newPage();
    await p.goto(`${session.server.url}${path}`);
    await settled(p);
    assert.deepEqual(await widgetAxeViolations(p, 50), []);
    // And with table views, a tooltip and a sorted column.
    const w = root(p);
    await w.locator(".rw-sort >> nth=1").click();
    await w.locator(".rw-chip >> nth=0").click();
    await w.locator(".rw-link-btn").click();
    for (const t of await w.locator(".rw-table-toggle").all()) await t.click();
    await w.locator("#rw-first-months .rw-table-toggle").click();
    await w.locator("#rw-first-months .rw-plot").focus();
    await p.keyboard.press("ArrowRight");
    assert.deepEqual(await widgetAxeViolations(p, 50), []);
    await context.close();
  });
}

test("on a phone, table rows are cards: every column shows without scrolling sideways, under its name", async () => {
  for (const path of ["/zh.html", "/en.html"]) {
    const p = await open(path, { width: 320, height: 900 });
    const w = root(p);
    const fig = w.locator("#rw-inspection figure.rw-chart >> nth=0");
    await fig.locator(".rw-table-toggle").click();
    for (const frame of [w.locator(".rw-ranking .rw-table-wrap"), fig.locator(".rw-table-wrap")]) {
      const [scroll, client] = await frame.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      assert.equal(scroll, client, `${path}: nothing off to the side`);
    }
    // Each figure is shown under its column's name (generated from data-label, silent to
    // screen readers, which still get the table's headers).
    const first = w.locator(".rw-ranking tbody tr >> nth=0");
    const labels = await first.locator("td").evaluateAll((cells) =>
      cells.map((c) => [c.dataset.label, getComputedStyle(c, "::before").content])
    );
    assert.equal(labels.length, 4);
    for (const [label, content] of labels) assert.ok(content.startsWith(`"${label}"`), `${label} shown: ${content}`);
    const cdp = await p.context().newCDPSession(p);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const roles = nodes.filter((n) => !n.ignored).map((n) => n.role?.value);
    assert.ok(roles.includes("table") && roles.includes("columnheader") && roles.includes("rowheader"), "still a table");
    await w.locator(".rw-ranking").screenshot({ path: join(ARTIFACTS, `visuals-ranking-cards-320${path.replace(/\W/g, "-")}.png`) });
    await p.context().close();
  }
});

test("on a tablet in English, the ranking's ranks stay in sight: the change's phrase wraps instead", async () => {
  const p = await open("/en.html", { width: 768, height: 900 });
  const frame = root(p).locator(".rw-ranking .rw-table-wrap");
  const [scroll, client] = await frame.evaluate((e) => [e.scrollWidth, e.clientWidth]);
  assert.equal(scroll, client, "nothing off to the side");
  // Figures and ranks themselves stay on one line.
  const lines = await root(p).locator(".rw-ranking td.rw-rank").evaluateAll((cells) =>
    cells.map((c) => Math.round(c.querySelector(".rw-rank-text").getBoundingClientRect().height))
  );
  assert.ok(lines.length > 0 && lines.every((h) => h === lines[0]), `one line each: ${lines}`);
  await p.context().close();
});

test("a ranking wider than its scroll frame keeps its caption inside the frame, wrapped, at either end of the scroll", async () => {
  // English in large text at 800 px: the table is a table (not cards) and a little too wide.
  const p = await open("/en-large.html", { width: 800, height: 900 });
  const frame = root(p).locator(".rw-ranking .rw-table-wrap");
  const boxes = () =>
    frame.evaluate((f) => {
      const [a, c] = [f.getBoundingClientRect(), f.querySelector("caption").getBoundingClientRect()];
      return { frame: [a.left, a.right], caption: [c.left, c.right], table: f.scrollWidth, client: f.clientWidth };
    });
  const start = await boxes();
  assert.ok(start.table > start.client, `the table overflows its frame: ${JSON.stringify(start)}`);
  await frame.evaluate((f) => (f.scrollLeft = f.scrollWidth));
  for (const at of [start, await boxes()]) {
    assert.ok(at.caption[0] >= at.frame[0] - 1 && at.caption[1] <= at.frame[1] + 1, `the caption lies inside its frame: ${JSON.stringify(at)}`);
  }
  // The keyboard scrolls it from a sort button too (the frame is a Tab stop of its own for
  // where the widget cannot run, and the buttons are text).
  await frame.evaluate((f) => (f.scrollLeft = 0));
  await frame.locator("th button >> nth=0").focus();
  for (let i = 0; i < 3; i++) await p.keyboard.press("ArrowRight");
  // Keyboard scrolling is animated (smooth): waited for, not read at once.
  const scrolled = await frame.evaluate(async (f) => {
    for (let i = 0; i < 40 && f.scrollLeft === 0; i++) await new Promise((r) => setTimeout(r, 50));
    return f.scrollLeft;
  });
  assert.ok(scrolled > 0, "scrolled by the arrow keys");
  await p.context().close();
});

test("on a phone in large text, a figure keeps its unit on its line (\"more than\" may wrap before them)", async () => {
  const p = await open("/en.html", { width: 320, height: 900 });
  const w = root(p);
  await w.locator(".rw-large-toggle").click();
  const apart = await w.locator(".rw-card-value").evaluateAll((values) =>
    values
      .filter((v) => v.querySelector(".rw-unit"))
      .filter((v) => {
        const number = v.querySelector(".rw-num").getBoundingClientRect();
        const unit = v.querySelector(".rw-unit").getClientRects()[0];
        return unit.top >= number.bottom - 1;
      })
      .map((v) => v.textContent)
  );
  assert.ok((await w.locator(".rw-card-value .rw-unit").count()) > 10);
  assert.deepEqual(apart, [], "no unit starts the line below its number");
  // Case statistics: the figure is one text; the number's last digit and the unit's first
  // letter are on one line (a long unit may still wrap inside, as "person-times" does).
  const split = await w.locator(".rw-case-value").evaluateAll((values) =>
    values
      .filter((v) => {
        const text = v.firstChild;
        const at = text.data.search(/\d\D[^\d\s×]/);
        if (at < 0) return false;
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 3);
        const tops = [...range.getClientRects()].map((r) => Math.round(r.top));
        return new Set(tops).size > 1;
      })
      .map((v) => v.textContent)
  );
  assert.ok((await w.locator(".rw-case-value").count()) > 10);
  assert.deepEqual(split, [], "no case figure is split between its number and its unit");
  await p.context().close();
});

test("a card's long figure stays whole on its line, at 1280 and 360 px and in large text; a unit that does not fit goes below it whole", async () => {
  for (const lang of ["zh", "en"]) {
    for (const [width, large] of [[1280, false], [360, false], [360, true]]) {
      const p = await open(`/figures-${lang}.html`, { width, height: 900 });
      const w = root(p);
      if (large) {
        await w.locator(".rw-large-toggle").click();
        await w.locator('.rw-large-toggle[aria-pressed="true"]').waitFor();
      }
      const cards = await w.locator(".rw-card-value").evaluateAll((values) =>
        values.map((v) => {
          // The line tops of a text node's characters: more than one means it broke.
          const tops = (node) => {
            const range = document.createRange();
            range.selectNodeContents(node);
            return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
          };
          const unit = v.querySelector(".rw-unit");
          return { text: v.textContent, number: tops(v.querySelector(".rw-num")), unit: unit ? tops(unit) : 1 };
        })
      );
      assert.equal(cards.length, 4);
      for (const card of cards) {
        assert.deepEqual([card.number, card.unit], [1, 1], `${lang} ${width} px${large ? " large" : ""}: ${card.text} is on one line, its unit too`);
      }
      if (lang === "en" && width === 360 && large) await w.locator(".rw-cards").screenshot({ path: join(ARTIFACTS, "visuals-long-figures-360-en-large.png") });
      await p.context().close();
    }
  }
});

test("on a phone in large text, no English word of the report breaks inside itself; ranking cards take one figure a row", async () => {
  for (const large of [false, true]) {
    const p = await open("/en.html", { width: 320, height: 900 });
    const w = root(p);
    if (large) await w.locator(".rw-large-toggle").click();
    // Every run of letters that the layout put on more than one line ("improv/ed").
    const broken = await w.locator(".rw").evaluate((rw) => {
      const out = [];
      const walker = document.createTreeWalker(rw, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/[A-Za-z]{2,}/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          if (new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1) out.push(m[0]);
        }
      }
      return out;
    });
    assert.deepEqual(broken, [], large ? "large text" : "normal text");
    const columns = await w.locator(".rw-ranking tbody tr >> nth=0").evaluate((tr) => getComputedStyle(tr).gridTemplateColumns.split(" ").length);
    assert.equal(columns, large ? 1 : 2, "figures a row on a ranking card");
    if (large) await w.locator(".rw-ranking").first().screenshot({ path: join(ARTIFACTS, "visuals-ranking-cards-320-en-large.png") });
    await p.context().close();
  }
});

for (const width of [320, 768, 1280]) {
  for (const [mode, path, colorScheme] of [
    ["light", "/zh.html", "light"],
    ["dark", "/zh.html", "dark"],
    ["large", "/large.html", "light"],
  ]) {
    test(`screenshot ${width}px ${mode}: no horizontal page scroll`, async () => {
      const p = await open(path, { width, height: 900, colorScheme, reducedMotion: "reduce" });
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, "no horizontal scroll");
      // Nothing inside the widget sticks out of it (tables scroll inside their own frame).
      const outside = await p.evaluate(() => {
        const host = document.querySelector("[data-report-widget]");
        const frame = host.getBoundingClientRect();
        const out = [];
        for (const el of host.shadowRoot.querySelectorAll("*")) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || el.closest(".rw-table-wrap") || el.matches(".rw-sr, .rw-sr *")) continue;
          if (r.right > frame.right + 1 || r.left < frame.left - 1) out.push(`${el.tagName}.${el.getAttribute("class")}`);
        }
        return out.slice(0, 5);
      });
      assert.deepEqual(outside, []);
      await root(p).locator("#rw-first-months .rw-plot").focus();
      await p.screenshot({ path: join(ARTIFACTS, `visuals-${width}-${mode}.png`), fullPage: true });
      assert.deepEqual(p.errors, []);
      await p.context().close();
    });
  }
}

test("long unbroken words and URLs in a payload wrap at 320 px: nothing pushes the page sideways", async () => {
  for (const path of ["/long-zh.html", "/long-en.html"]) {
    for (const theme of ["", "large"]) {
      const p = await open(path, { width: 320, height: 700 });
      if (theme) await p.$eval("[data-report-widget]", (host, t) => host.setAttribute("data-theme", t), theme);
      const widths = await p.evaluate(() => {
        const host = document.querySelector("[data-report-widget]");
        // Wide tables scroll inside their own frame; nothing else may reach past the page.
        const sticking = [...host.shadowRoot.querySelectorAll("*")]
          .filter((e) => !e.parentElement?.closest(".rw-table-wrap") && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((e) => e.tagName + "." + (e.getAttribute("class") || ""));
        return { page: document.documentElement.scrollWidth, sticking };
      });
      assert.deepEqual(widths, { page: 320, sticking: [] }, `${path} ${theme}`);
      if (path.endsWith("en.html") && !theme) await p.screenshot({ path: join(ARTIFACTS, "visuals-long-words-320.png"), fullPage: true });
      await p.context().close();
    }
  }
});

test("200% zoom (a 1280 px window is 640 CSS px): everything reflows, nothing scrolls sideways", async () => {
  const context = await session.browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  const p = await context.newPage();
  await p.goto(`${session.server.url}/zh.html`);
  await settled(p);
  assert.equal(await p.evaluate(() => document.documentElement.scrollWidth), 640);
  await p.screenshot({ path: join(ARTIFACTS, "visuals-zoom200.png") });
  await context.close();
});

test("400% zoom (320 × 256 CSS px): a tall chart's keyboard hint shows on focus, and the arrow keys keep the active item and its tooltip on screen", async () => {
  const context = await session.browser.newContext({ viewport: { width: 320, height: 256 } });
  const p = await context.newPage();
  await p.goto(`${session.server.url}/zh.html`);
  await settled(p);
  // The chart with the most bars, taller than the screen; focus reaches it by Tab from just before it.
  const index = await p.evaluate(() => {
    const plots = [...document.querySelector("[data-report-widget]").shadowRoot.querySelectorAll(".rw-plot")];
    const tallest = plots.reduce((a, b) => (b.querySelectorAll(".rw-row").length > a.querySelectorAll(".rw-row").length ? b : a));
    const before = document.createElement("button");
    tallest.before(before);
    before.focus();
    return plots.indexOf(tallest);
  });
  await p.keyboard.press("Tab");
  const onScreen = (selector) =>
    p.evaluate(
      ([i, selector]) => {
        const plot = document.querySelector("[data-report-widget]").shadowRoot.querySelectorAll(".rw-plot")[i];
        const box = plot.querySelector(selector).getBoundingClientRect();
        return box.top >= -1 && box.bottom <= innerHeight + 1 ? "on screen" : `at ${Math.round(box.top)}…${Math.round(box.bottom)} of ${innerHeight}`;
      },
      [index, selector]
    );
  assert.equal(await onScreen(".rw-plot-hint"), "on screen", "the hint over the chart's items");
  const rows = await p.evaluate((i) => document.querySelector("[data-report-widget]").shadowRoot.querySelectorAll(".rw-plot")[i].querySelectorAll(".rw-row").length, index);
  assert.ok(rows >= 4, `a tall chart (${rows} bars)`);
  // A pointer left resting on the plot: the items that scrolling brings under it do not take
  // the tooltip from the keys' item.
  await p.mouse.move(160, 200);
  const active = () =>
    p.evaluate((i) => document.querySelector("[data-report-widget]").shadowRoot.querySelectorAll(".rw-plot")[i].querySelector("[data-active]")?.dataset.i, index);
  const keys = [...Array(rows - 1).fill("ArrowDown"), "Home", "End", "ArrowUp"];
  const expected = [...Array(rows - 1).keys()].map((k) => k + 1).concat([0, rows - 1, rows - 2]);
  for (const [n, key] of keys.entries()) {
    await p.keyboard.press(key);
    await p.waitForTimeout(50);
    assert.equal(await active(), String(expected[n]), `the keys' item after ${key} (#${n + 1})`);
    assert.equal(await onScreen("[data-active]"), "on screen", `the active item after ${key}`);
    assert.equal(await onScreen("[data-active] .rw-tip"), "on screen", `its tooltip after ${key}`);
  }
  // Once the focus has left the chart, the pointer's item shows again.
  await p.keyboard.press("Tab");
  await p.locator(".rw-plot").nth(index).locator(".rw-row").nth(1).hover();
  await p.waitForTimeout(50);
  assert.equal(await active(), "1", "the item under the pointer");
  await p.screenshot({ path: join(ARTIFACTS, "visuals-zoom400-chart-keys.png") });
  await context.close();
});

test("motion follows prefers-reduced-motion", async () => {
  const duration = async (reducedMotion) => {
    const p = await open("/zh.html", { reducedMotion });
    const d = await root(p).locator(".rw-mark-fill >> nth=0").evaluate((el) => getComputedStyle(el).transitionDuration);
    await p.context().close();
    return d;
  };
  assert.equal(await duration("reduce"), "0s");
  assert.notEqual(await duration("no-preference"), "0s");
});

test("forced colours (Windows high contrast): the section chevrons stay triangles, the bars stay drawn", async () => {
  for (const colorScheme of ["dark", "light"]) {
    const p = await open("/zh.html", { colorScheme, forcedColors: "active" });
    // The chevron is drawn with borders; forced colours would paint its transparent ones too.
    const chevron = await root(p).locator(".rw-chevron >> nth=0").evaluate((el) => {
      const cs = getComputedStyle(el);
      return { left: cs.borderLeftColor, right: cs.borderRightColor, top: cs.borderTopColor };
    });
    assert.equal(chevron.left, "rgba(0, 0, 0, 0)", `${colorScheme}: the chevron's side borders stay transparent`);
    assert.equal(chevron.right, "rgba(0, 0, 0, 0)");
    assert.notEqual(chevron.top, "rgba(0, 0, 0, 0)");
    // The bars are SVG: their fill is not forced away, and differs from the track's.
    const fills = await root(p).locator(".rw-row-bar >> nth=0").evaluate((bar) => [
      getComputedStyle(bar.querySelector(".rw-mark-fill")).fill,
      getComputedStyle(bar.querySelector(".rw-mark-track")).fill,
    ]);
    assert.notEqual(fills[0], fills[1], `${colorScheme}: a bar is distinguishable from its track`);
    // A ticked legend box is filled with the system highlight, an unticked one is not: backgrounds
    // are otherwise forced away, which left a thin outline round the tick.
    const chips = root(p).locator(".rw-chip:not(.rw-chip-all)");
    await chips.nth(1).click();
    const boxes = await chips.evaluateAll((all) => all.slice(0, 2).map((c) => getComputedStyle(c.querySelector(".rw-chip-box")).backgroundColor));
    const highlight = await p.evaluate(() => {
      const probe = document.body.appendChild(document.createElement("span"));
      probe.style.cssText = "forced-color-adjust: none; background: Highlight";
      const color = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return color;
    });
    assert.equal(boxes[0], highlight, `${colorScheme}: a ticked box is filled with Highlight`);
    assert.notEqual(boxes[1], highlight, `${colorScheme}: an unticked box is not`);
    // A pressed button (table view, large text) is filled the same way: forced colours took its
    // tinted background and inset shadow, which left bold text as its only sign.
    const toggle = root(p).locator(".rw-table-toggle >> nth=0");
    await toggle.click();
    assert.equal(await toggle.evaluate((b) => getComputedStyle(b).backgroundColor), highlight, `${colorScheme}: pressed`);
    await toggle.click();
    assert.notEqual(await toggle.evaluate((b) => getComputedStyle(b).backgroundColor), highlight, `${colorScheme}: not pressed`);
    await p.screenshot({ path: join(ARTIFACTS, `visuals-forced-colors-${colorScheme}.png`), fullPage: true });
    assert.deepEqual(p.errors, []);
    await p.context().close();
  }
});

test("forced colours over a host-pinned theme: bars and rank squares take the system's colours, not the pinned palette", async () => {
  for (const [path, colorScheme] of [["/zh.html", "dark"], ["/dark.html", "light"]]) {
    // /dark.html pins the dark palette, read with a light high-contrast theme; /zh.html follows
    // the reader's dark one. Either way the SVG fills must take the system's colours.
    const p = await open(path, { colorScheme, forcedColors: "active" });
    const system = await p.evaluate(() => {
      const probe = document.body.appendChild(document.createElement("span"));
      const out = {};
      for (const name of ["Highlight", "CanvasText", "Canvas"]) {
        probe.style.cssText = `forced-color-adjust: none; color: ${name}`;
        out[name] = getComputedStyle(probe).color;
      }
      probe.remove();
      return out;
    });
    const fills = await root(p).locator(".rw").evaluate((rw) => {
      const fill = (sel) => getComputedStyle(rw.querySelector(sel)).fill;
      const stroke = (sel) => getComputedStyle(rw.querySelector(sel)).stroke;
      return {
        bar: fill(".rw-mark-fill:not([data-open])"),
        track: fill(".rw-mark-track"),
        trackEdge: stroke(".rw-mark-track"),
        rankOn: fill(".rw-rank-cell[data-on]"),
        rankOff: stroke(".rw-rank-cell:not([data-on])"),
      };
    });
    assert.deepEqual(fills, {
      bar: system.Highlight, track: system.Canvas, trackEdge: system.CanvasText, rankOn: system.Highlight, rankOff: system.CanvasText,
    }, `${path} read in forced colours (${colorScheme})`);
    await root(p).locator("#rw-air-ranks").screenshot({ path: join(ARTIFACTS, `visuals-forced-colors-ranks-${colorScheme}.png`) });
    await p.context().close();
  }
});

/** The widget's palette and size as computed: muted text, body text, border width, font size. */
function palette(p) {
  return root(p).locator(".rw").evaluate((rw) => {
    const cs = getComputedStyle(rw);
    return { text: cs.getPropertyValue("--rw-text").trim(), muted: cs.getPropertyValue("--rw-muted").trim(), border: cs.getPropertyValue("--rw-border-width").trim(), size: cs.fontSize };
  });
}

test("text follows the reader's own default font size (the browser setting), not a fixed 16 px", async () => {
  const p = await open("/zh.html");
  const cdp = await p.context().newCDPSession(p);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 24, fixed: 20 } });
  const size = () => root(p).locator("article.rw").evaluate((el) => getComputedStyle(el).fontSize);
  assert.equal(await size(), "24px");
  await root(p).locator(".rw-large-toggle").click();
  assert.equal(await size(), "30px", "large text scales from it");
  await p.context().close();
});

test("a month's tooltip opens under its own row, so the pointer reaches it without crossing other months (WCAG 1.4.13)", async () => {
  // At 900 px the strip wraps to two rows of six; at 360 px to four rows of three.
  for (const width of [900, 360]) {
    const p = await open("/zh.html", { width });
    const w = root(p);
    const jan = w.locator("#rw-first-months .rw-month >> nth=0");
    await jan.scrollIntoViewIfNeeded();
    const janBox = await jan.boundingBox();
    // The first month of the next row (July at 900 px, April at 360 px).
    const boxes = await w.locator("#rw-first-months .rw-month").evaluateAll((ms) => ms.map((m) => m.getBoundingClientRect().toJSON()));
    const next = boxes.find((b) => b.y > boxes[0].y + boxes[0].height);
    assert.ok(next, `${width} px: the strip wraps`);
    await p.mouse.move(janBox.x + janBox.width / 2, janBox.y + janBox.height / 2);
    const shown = () => w.locator("#rw-first-months .rw-tip").evaluateAll((tips) => tips.filter((t) => getComputedStyle(t).display !== "none").map((t) => t.textContent));
    assert.deepEqual(await shown(), ["2021年1月：否（全市大气污染防治考核五区排名第一）"]);
    const tip = await w.locator("#rw-first-months .rw-month >> nth=0").locator(".rw-tip").boundingBox();
    assert.ok(tip.y < next.y + next.height / 2, `${width} px: the tooltip opens over the next row's top half`);
    // Straight down onto it: every step shows January's tooltip only.
    const x = janBox.x + janBox.width / 2;
    for (let y = janBox.y + janBox.height / 2; y <= tip.y + tip.height / 2; y += 4) {
      await p.mouse.move(x, y);
      assert.deepEqual(await shown(), ["2021年1月：否（全市大气污染防治考核五区排名第一）"], `${width} px, pointer at y=${y}`);
    }
    await p.context().close();
  }
});

test("on a phone, a focused bar chart's keyboard hint and its first tooltip do not cover each other", async () => {
  const p = await open("/zh.html", { width: 360, height: 740 });
  const plots = root(p).locator(".rw-plot:has(.rw-row-bar)");
  const count = await plots.count();
  assert.ok(count >= 2, `${count} bar charts`);
  for (let i = 0; i < count; i++) {
    await plots.nth(i).focus();
    const boxes = await plots.nth(i).evaluate((plot) => {
      const box = (el) => el && el.getBoundingClientRect();
      const visible = [...plot.querySelectorAll(".rw-tip")].find((t) => getComputedStyle(t).display !== "none");
      return { hint: box(plot.querySelector(".rw-plot-hint")), tip: box(visible) };
    });
    assert.ok(boxes.hint && boxes.hint.height > 0 && boxes.tip, `chart ${i}: hint and tooltip show`);
    const apart = boxes.tip.top >= boxes.hint.bottom - 1 || boxes.tip.bottom <= boxes.hint.top + 1;
    assert.ok(apart, `chart ${i}: hint ${JSON.stringify(boxes.hint)} and tooltip ${JSON.stringify(boxes.tip)} overlap`);
    if (i === 0) await p.screenshot({ path: join(ARTIFACTS, "visuals-phone-chart-hint.png") });
  }
  // Once the keys are used the hint goes, and a bar's tooltip opens over its own row again.
  await p.keyboard.press("ArrowDown");
  const last = plots.nth(count - 1);
  const [tip, bar] = await last.evaluate((plot) => [plot.querySelector("[data-active] .rw-tip"), plot.querySelector("[data-active] .rw-mark")].map((el) => el.getBoundingClientRect().top));
  assert.ok(tip < bar, "above its bar");
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("a focused chart's keyboard hint covers none of its legend's chips or downloads, wide or narrow; its lines break between phrases", async () => {
  for (const width of [1280, 360, 320]) {
    const p = await open("/zh.html", { width, height: 900 });
    const plots = root(p).locator(".rw-plot");
    for (let i = 0; i < (await plots.count()); i++) {
      await plots.nth(i).focus();
      const covered = await plots.nth(i).evaluate((plot) => {
        const hint = plot.querySelector(".rw-plot-hint")?.getBoundingClientRect();
        if (!hint || !hint.height) return ["no hint"];
        return [...plot.closest("figure").querySelectorAll(".rw-chip, .rw-tools button")]
          .filter((el) => {
            const b = el.getBoundingClientRect();
            return b.width && b.left < hint.right && b.right > hint.left && b.top < hint.bottom && b.bottom > hint.top;
          })
          .map((el) => el.textContent.trim());
      });
      assert.deepEqual(covered, [], `${width} px, chart ${i}`);
    }
    // Its lines break between phrases, not inside one: "关闭提示框" stayed split, "框" alone on
    // the second line, on a 360 px phone.
    await plots.first().focus();
    const phrases = await plots.first().evaluate((plot) => {
      const text = plot.querySelector(".rw-plot-hint").firstChild;
      return ["聚焦图表后", "用方向键逐项查看", "关闭提示框"].map((phrase) => {
        const range = document.createRange();
        const at = text.data.indexOf(phrase);
        range.setStart(text, at);
        range.setEnd(text, at + phrase.length);
        return `${phrase}: ${new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size} line(s)`;
      });
    });
    assert.deepEqual(phrases, ["聚焦图表后: 1 line(s)", "用方向键逐项查看: 1 line(s)", "关闭提示框: 1 line(s)"], `${width} px`);
    await p.context().close();
  }
});

test("forced colours: a tooltip keeps an edge", async () => {
  const p = await open("/zh.html");
  await p.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
  await root(p).locator("#rw-enforcement .rw-plot >> nth=0").focus();
  const tip = root(p).locator("#rw-enforcement [data-active] .rw-tip");
  const border = await tip.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.borderTopWidth, s.borderTopStyle, s.borderTopColor === s.backgroundColor];
  });
  assert.deepEqual(border, ["1px", "solid", false]);
  await p.context().close();
});

test("the reader's large-text switch brings its high contrast in a palette the host forces too", async () => {
  for (const path of ["/dark.html", "/zh.html"]) {
    const p = await open(path);
    const before = await palette(p);
    assert.notEqual(before.muted, before.text, `${path}: secondary text is muted by default`);
    await root(p).locator(".rw-btn", { hasText: "大字模式" }).click();
    const after = await palette(p);
    assert.deepEqual(after, { text: before.text, muted: before.text, border: "2px", size: "20px" }, path);
    await p.context().close();
  }
});

test("the palette follows the reader's colour scheme unless the host pins one", async () => {
  const background = async (path, colorScheme) => {
    const p = await open(path, { colorScheme });
    const colour = await root(p).locator(".rw").evaluate((rw) => getComputedStyle(rw).backgroundColor);
    await p.context().close();
    return colour;
  };
  const [light, dark] = ["rgb(255, 255, 255)", "rgb(13, 17, 23)"];
  assert.equal(await background("/zh.html", "light"), light);
  assert.equal(await background("/zh.html", "dark"), dark);
  assert.equal(await background("/light.html", "dark"), light, "data-theme=light on a dark system");
  assert.equal(await background("/dark.html", "light"), dark, "data-theme=dark on a light system");
});

test("a system asking for more contrast (prefers-contrast: more) gets the high-contrast palette, at the normal size", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const p = await open("/zh.html", { colorScheme, contrast: "more" });
    const { text, muted, border, size } = await palette(p);
    assert.deepEqual({ muted, border, size }, { muted: text, border: "2px", size: "16px" }, colorScheme);
    await p.context().close();
  }
});
