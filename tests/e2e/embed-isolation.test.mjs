// Isolation both ways. A portal stylesheet of the worst kind (global resets, inherited fonts,
// colours and spacing, `div { border … !important; background … !important }`, rules aimed at
// the host element and its pseudo-elements) must not change a single pixel of the widget; and
// the widget's stylesheet must not change a single property of the page around it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, LANSHAN, WATER, browserAndDist, payloadScript, pngDifference, portalPage, settled } from "./support.mjs";

// The page's own layout, the same on both pages: a white fixed-width column at a fixed place,
// so the widget gets the same width and position and any difference is the widget's. (Where a
// page puts the widget is the page's business; what the widget looks like is not.)
const PAGE_CSS = `#column { position: absolute; left: 0; top: 0; width: 960px; margin: 0; padding: 0; border: 0; background: #fff; }`;

// What old CMS templates and careless portal themes really ship, and worse. (One thing is left
// out on purpose: text-decoration on an ancestor, which CSS draws through every in-flow
// descendant, shadow trees included; see docs/embedding.md.)
const HOSTILE_CSS = `
* { margin: 0; padding: 0; box-sizing: content-box; -webkit-tap-highlight-color: red; }
body {
  font: italic bold 21px/3 "Times New Roman", SimSun, serif; color: #c00; background: #eef;
  letter-spacing: 3px; word-spacing: 12px; text-align: right; text-transform: uppercase;
  text-indent: 2em; white-space: nowrap; font-variant: small-caps; text-shadow: 1px 1px 0 #0f0;
  font-stretch: condensed; font-kerning: none; font-feature-settings: "smcp"; font-synthesis: none;
  -webkit-text-stroke: 1px blue; word-break: break-all;
  list-style: square inside; border-collapse: separate; border-spacing: 10px; caption-side: bottom;
  empty-cells: hide; cursor: wait; hyphens: auto; tab-size: 20; text-rendering: geometricPrecision;
  -webkit-font-smoothing: none; quotes: "<" ">"; visibility: visible; font-size-adjust: 0.3;
  overflow-wrap: anywhere; line-break: anywhere; text-underline-offset: 5px; accent-color: red;
  color-scheme: dark; print-color-adjust: exact; paint-order: stroke; image-rendering: pixelated;
}
#column { font-family: "Courier New", monospace; color: #06f; line-height: 0.8; letter-spacing: -1px; }
div {
  border: 5px dashed #f0f !important; background: #ff0 linear-gradient(45deg, red, blue) !important;
  padding: 13px !important; margin: 9px !important; color: #00f !important; font-family: serif !important;
  font-size: 30px !important; line-height: 40px !important; text-align: center !important;
  letter-spacing: 4px !important; word-spacing: 9px !important; text-transform: lowercase !important;
  width: 300px; height: 120px; min-height: 700px; overflow: hidden; float: left; position: relative;
  top: 5px; left: 5px; box-shadow: 0 0 10px #000; border-radius: 20px; opacity: 0.8;
  transform: rotate(1deg); filter: blur(0.5px) grayscale(1); outline: 4px solid lime;
  zoom: 1.25; columns: 2; clip-path: inset(10px); mix-blend-mode: difference; contain: strict;
  writing-mode: vertical-rl; direction: rtl; unicode-bidi: bidi-override; content-visibility: auto;
}
div::before { content: "HOSTILE BEFORE " !important; display: block !important; font-size: 40px; }
div::after { content: "HOSTILE AFTER" !important; display: block !important; }
div::first-line { color: lime !important; font-size: 25px !important; letter-spacing: 9px; }
div::first-letter { font-size: 300% !important; color: orange; float: left; }
[data-report-widget] { display: inline !important; visibility: visible; pointer-events: none; }
p, h1, h2, h3, ul, ol, li, dl, dt, dd, table, th, td, caption, span, code, details, summary, figure,
figcaption, blockquote, article, section, header, svg, rect, text {
  color: #f00 !important; font-size: 9px !important; margin: 30px !important; background: #0f0 !important;
  display: inline !important; border: 2px solid #000 !important; fill: red !important;
}
table { border-collapse: separate !important; }
a { color: red; }
`;

const SNIPPET = `
<div id="widget" data-report-widget data-payload="lanshan" data-lang="zh"></div>
${payloadScript("lanshan", LANSHAN)}`;

const pageWith = (extraHead, body = SNIPPET) =>
  portalPage({
    title: "isolation",
    head: `<link rel="stylesheet" href="/page.css">${extraHead}`,
    body: `<main id="column">${body}</main>`,
  });

const quirks = (html) => html.replace("<!doctype html>", '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">');

const session = browserAndDist({
  routes: {
    "/page.css": { body: PAGE_CSS, type: "text/css" },
    "/hostile.css": { body: HOSTILE_CSS, type: "text/css" },
    "/root-font.css": { body: "html { font-size: 62.5%; } body { font-size: 1.4rem; }", type: "text/css" },
    "/clean.html": { body: pageWith("") },
    "/hostile.html": { body: pageWith('<link rel="stylesheet" href="/hostile.css">') },
    "/root-font.html": { body: pageWith('<link rel="stylesheet" href="/root-font.css">') },
    // Quirks mode: many older portal templates have no doctype, or HTML 4.01 without its URL.
    "/quirks.html": { body: quirks(pageWith("")) },
    "/quirks-dark-large.html": { body: quirks(pageWith("", SNIPPET.replace('data-lang="zh"', 'data-lang="zh" data-theme="dark large"'))) },
    "/dark-large.html": { body: pageWith("", SNIPPET.replace('data-lang="zh"', 'data-lang="zh" data-theme="dark large"')) },
    // Old portal layouts that size a column by its content: a layout table, a flex row.
    "/layouts.html": {
      body: portalPage({
        head: "<style>.row, .bare-row { display: flex; width: 760px; gap: 10px } .content { flex: 1 } .nav { width: 200px; flex: none }</style>",
        body: `<table id="layout-table" width="760"><tr><td class="nav">栏目导航</td><td>
<div id="in-table" data-report-widget data-payload="water" data-lang="en"></div></td></tr></table>
<div class="row"><aside class="nav">栏目导航</aside><section class="content">
<div id="in-flex" data-report-widget data-payload="water" data-lang="en"></div></section></div>
<div class="bare-row"><h2>栏目</h2><div id="in-row" data-report-widget data-payload="water" data-lang="en"></div></div>
${payloadScript("water", WATER)}`,
      }),
    },
    // A page's language switch: two hosts, one `hidden`, under rules that hit every host.
    "/hidden.html": {
      body: portalPage({
        head: '<link rel="stylesheet" href="/hostile.css">',
        body: `<div id="in-zh" data-report-widget data-payload="water" data-lang="zh"></div>
<div id="in-en" data-report-widget data-payload="water" data-lang="en" hidden></div>
${payloadScript("water", WATER)}`,
      }),
    },
    // A CMS's scrolling box (a tab panel, a "more" area) that is not positioned, inside one that is.
    "/scroll-box.html": {
      body: portalPage({
        body: `<div id="panel" style="position: relative"><h2>栏目</h2>
<div id="box" style="height: 300px; overflow: auto"><div id="in-box" data-report-widget data-payload="lanshan"></div></div>
<p>页脚</p></div>
${payloadScript("lanshan", LANSHAN)}`,
      }),
    },
    // Boxes the page sizes by their content and gives no width: the host's own width decides.
    "/shrink-to-fit.html": {
      body: portalPage({
        body: `<table id="auto-table"><tr><td><div id="in-auto-cell" data-report-widget data-payload="water"></div></td></tr></table>
<table id="auto-table-nav"><tr><td>栏目导航</td><td><div id="beside-nav" data-report-widget data-payload="water"></div></td></tr></table>
<div style="float: left"><div id="in-float" data-report-widget data-payload="water"></div></div><div style="clear: both"></div>
<div style="display: inline-block"><div id="in-inline-block" data-report-widget data-payload="water"></div></div>
<div style="position: relative; height: 3em"><div style="position: absolute; top: 0; left: 0"><div id="in-popup" data-report-widget data-payload="water"></div></div></div>
${payloadScript("water", WATER)}`,
      }),
    },
  },
});

test("a content-sized column (a layout table's cell, a flex item) or a flex row holding the host itself keeps its width: the widget's rankings become cards in it, as on a phone", async () => {
  const tab = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  await tab.goto(`${session.server.url}/layouts.html`);
  assert.deepEqual(await settled(tab, "[data-report-widget]", 30000), ["ready", "ready", "ready"]);
  const sizes = await tab.evaluate(() => {
    const width = (el) => Math.round(el.getBoundingClientRect().width);
    const frames = (host) => [...document.getElementById(host).shadowRoot.querySelectorAll(".rw-ranking .rw-table-wrap")];
    return {
      page: document.documentElement.scrollWidth,
      table: width(document.getElementById("layout-table")),
      nav: width(document.querySelector("#layout-table .nav")),
      flex: width(document.getElementById("in-flex")),
      // The host itself a flex item beside a heading (a portal's `div { display: flex }`).
      row: width(document.getElementById("in-row")),
      rowHeading: width(document.querySelector(".bare-row h2")),
      // The English ranking was wider than the column, squeezed to a word a line and scrolled
      // in its frame; by the widget's own width (a container query, not the screen's), a row
      // is a card as on a phone: nothing to scroll.
      cards: ["in-table", "in-flex"].flatMap(frames).map((f) => getComputedStyle(f.querySelector("tbody tr")).display),
      scrolls: ["in-table", "in-flex"].flatMap(frames).map((f) => f.scrollWidth > f.clientWidth),
    };
  });
  const said = JSON.stringify(sizes);
  assert.equal(sizes.page, 1100, `the page does not scroll sideways: ${said}`);
  assert.equal(sizes.table, 760, `the layout table keeps its width: ${said}`);
  assert.ok(sizes.nav >= 190, `the navigation cell is not crushed: ${said}`);
  assert.equal(sizes.flex, 550, `the flex item keeps its share: ${said}`);
  assert.ok(sizes.row >= 600 && sizes.row + sizes.rowHeading + 10 <= 760, `the host in a row takes the room its heading leaves: ${said}`);
  assert.deepEqual(sizes.cards, ["grid", "grid"], said);
  assert.deepEqual(sizes.scrolls, [false, false], said);
  await tab.close();
});

test("a box the page sizes by its content (a table cell or float without a width, an inline-block, a pop-up) holds a report as wide as a reading column, never wider than the screen", async () => {
  for (const [viewport, least, most] of [[1100, 700, 800], [360, 250, 360]]) {
    const tab = await session.browser.newPage({ viewport: { width: viewport, height: 900 } });
    await tab.goto(`${session.server.url}/shrink-to-fit.html`);
    assert.deepEqual(await settled(tab, "[data-report-widget]", 30000), ["ready", "ready", "ready", "ready", "ready"]);
    const sizes = await tab.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      nav: Math.round(document.querySelector("#auto-table-nav td").getBoundingClientRect().width),
      hosts: Object.fromEntries(
        [...document.querySelectorAll("[data-report-widget]")].map((h) => [h.id, Math.round(h.getBoundingClientRect().width)]),
      ),
    }));
    const said = JSON.stringify(sizes);
    // Was 2 px each: a size container adds no width of its own to its box.
    for (const width of Object.values(sizes.hosts)) assert.ok(width >= least && width <= most, `${viewport} px: ${said}`);
    // It asks for no width where there is none: beside a navigation cell on a phone, the
    // table shares out the screen's width; nothing scrolls sideways.
    assert.ok(sizes.hosts["beside-nav"] + sizes.nav <= viewport, said);
    assert.equal(sizes.page, viewport, said);
    if (viewport === 1100) await tab.screenshot({ path: join(ARTIFACTS, "shrink-to-fit-1100.png"), fullPage: true });
    await tab.close();
  }
});

async function widgetShot(path, name) {
  const tab = await session.browser.newPage({ viewport: { width: 1200, height: 900 } });
  await tab.goto(`${session.server.url}${path}`);
  assert.deepEqual(await settled(tab), ["ready"], `${path}: the widget is ready`);
  // Fonts and the stylesheet are in once the state is ready; wait for the fonts to settle too.
  await tab.evaluate(() => document.fonts.ready);
  const shot = await tab.locator("#widget").screenshot({ path: join(ARTIFACTS, `${name}.png`), animations: "disabled" });
  const box = await tab.locator("#widget").boundingBox();
  await tab.close();
  return { shot, box };
}

test("in a page's scrolling box, the widget's text for screen readers stays in the box: the page gets no empty scrolling below it", async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${session.server.url}/scroll-box.html`);
  assert.deepEqual(await settled(page), ["ready"]);
  const sizes = await page.evaluate(() => ({
    page: document.scrollingElement.scrollHeight,
    box: document.querySelector("#box").scrollHeight,
    window: innerHeight,
  }));
  assert.ok(sizes.box > 3000, `the report scrolls in its box (${sizes.box} px)`);
  assert.equal(sizes.page, sizes.window, `the page itself does not scroll (${JSON.stringify(sizes)})`);
  await page.close();
});

test("a host with the `hidden` attribute is not shown, and is when the page takes the attribute off (a language switch between two hosts), whatever the page's other rules on hosts", async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${session.server.url}/hidden.html`);
  assert.deepEqual(await settled(page), ["ready", "ready"]);
  const shown = () =>
    page.evaluate(() =>
      ["in-zh", "in-en"].map((id) => {
        const box = document.getElementById(id).getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      }),
    );
  assert.deepEqual(await shown(), [true, false], "the hidden host takes no room");
  await page.evaluate(() => {
    document.getElementById("in-zh").hidden = true;
    document.getElementById("in-en").hidden = false;
  });
  assert.deepEqual(await shown(), [false, true], "the switch shows the other report");
  const english = await page.evaluate(() => document.getElementById("in-en").shadowRoot.querySelector("h2").textContent);
  assert.match(english, /[A-Za-z]/, `the shown host is the English report (${english})`);
  await page.close();
});

test("hostile portal CSS changes not one pixel of the widget", async () => {
  const clean = await widgetShot("/clean.html", "isolation-clean");
  const hostile = await widgetShot("/hostile.html", "isolation-hostile");
  assert.ok(clean.box.height > 400, `the widget has its full height (${clean.box.height}px)`);
  assert.equal(hostile.box.width, clean.box.width, "the host keeps its width");
  assert.equal(hostile.box.height, clean.box.height, "the host keeps its height");
  const difference = pngDifference(clean.shot, hostile.shot);
  assert.equal(difference, null, `screenshots differ (tests/e2e/artifacts/isolation-*.png): ${difference}`);
});

test("a host page in quirks mode shows the widget exactly as a standards-mode page does, tables included", async () => {
  // Quirks mode stops tables inheriting colour, size and line height, inside shadow roots too:
  // black 16 px figures on the dark palette, and no large text in tables.
  const tab = await session.browser.newPage();
  await tab.goto(`${session.server.url}/quirks.html`);
  assert.equal(await tab.evaluate(() => document.compatMode), "BackCompat", "the page is in quirks mode");
  await tab.close();
  const a = await widgetShot("/clean.html", "isolation-standards");
  const b = await widgetShot("/quirks.html", "isolation-quirks");
  assert.equal(b.box.height, a.box.height, "the same height");
  const difference = pngDifference(a.shot, b.shot);
  assert.equal(difference, null, `screenshots differ (tests/e2e/artifacts/isolation-*.png): ${difference}`);
  // Dark and large: every table's text as the report's own, not the browser's black 16 px.
  // (Elsewhere quirks mode may round a line a pixel differently; the tables are what it broke.)
  const tablesVsReport = async (path) => {
    const tab = await session.browser.newPage();
    await tab.goto(`${session.server.url}${path}`);
    assert.deepEqual(await settled(tab), ["ready"]);
    const styles = await tab.locator("#widget").evaluate((host) => {
      const pick = (el) => { const cs = getComputedStyle(el); return [cs.color, cs.fontSize, cs.lineHeight, cs.fontFamily].join(" | "); };
      const tables = [...host.shadowRoot.querySelectorAll("table")];
      return { report: pick(host.shadowRoot.querySelector("article.rw")), tables: [...new Set(tables.map(pick))], count: tables.length };
    });
    await tab.close();
    return styles;
  };
  const quirks = await tablesVsReport("/quirks-dark-large.html");
  assert.ok(quirks.count >= 5, `${quirks.count} tables`);
  assert.deepEqual(quirks.tables, [quirks.report], "tables take the report's colour, size, line height and font");
  assert.deepEqual(quirks, await tablesVsReport("/dark-large.html"), "as on a standards-mode page");
});

test("the widget's own styles do not leak onto the page", async () => {
  // Page content around the widget, with the elements the widget's stylesheet styles inside
  // its shadow root (tables, lists, details, headings…): their computed styles must be the same
  // with and without the widget on the page.
  const around = `
<h2 class="rw-title">页面标题</h2><p class="rw-meta">页面正文 <code>code</code></p>
<table class="rw-table"><caption>表</caption><tr><th>甲</th><td>1</td></tr></table>
<ul class="rw-cards"><li class="rw-card">一</li></ul>
<details class="rw-source"><summary>来源</summary><blockquote>原文</blockquote></details>
<div class="rw"><span class="rw-num">42</span></div>`;
  const read = async (body) => {
    const tab = await session.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await tab.goto(`${session.server.url}/clean.html`);
    await tab.evaluate((html) => {
      document.getElementById("column").insertAdjacentHTML("afterbegin", `<section id="around">${html}</section>`);
    }, body);
    await settled(tab);
    const styles = await tab.evaluate(() => {
      const props = ["color", "background-color", "font-family", "font-size", "line-height", "margin", "padding",
        "border-top-width", "border-top-style", "display", "list-style-type", "border-collapse", "box-sizing", "grid-template-columns"];
      return [...document.querySelectorAll("#around *")].map((el) => {
        const cs = getComputedStyle(el);
        return `${el.tagName}.${el.className}: ${props.map((p) => cs.getPropertyValue(p)).join(" | ")}`;
      });
    });
    const documentSheets = await tab.evaluate(() => [...document.styleSheets].map((s) => s.href));
    const headTags = await tab.evaluate(() => [...document.head.children].map((e) => e.outerHTML));
    await tab.close();
    return { styles, documentSheets, headTags };
  };
  const withWidget = await read(around);
  // The same page, but the widget never starts: its host is renamed before the loader runs.
  const tab = await session.browser.newPage({ viewport: { width: 1200, height: 900 } });
  await tab.route("**/report-widget.js", (route) => route.fulfill({ body: "", contentType: "text/javascript" }));
  await tab.goto(`${session.server.url}/clean.html`);
  await tab.evaluate((html) => {
    document.getElementById("column").insertAdjacentHTML("afterbegin", `<section id="around">${html}</section>`);
  }, around);
  const withoutStyles = await tab.evaluate(() => {
    const props = ["color", "background-color", "font-family", "font-size", "line-height", "margin", "padding",
      "border-top-width", "border-top-style", "display", "list-style-type", "border-collapse", "box-sizing", "grid-template-columns"];
    return [...document.querySelectorAll("#around *")].map((el) => {
      const cs = getComputedStyle(el);
      return `${el.tagName}.${el.className}: ${props.map((p) => cs.getPropertyValue(p)).join(" | ")}`;
    });
  });
  const withoutSheets = await tab.evaluate(() => [...document.styleSheets].map((s) => s.href));
  const withoutHead = await tab.evaluate(() => [...document.head.children].map((e) => e.outerHTML));
  await tab.close();
  assert.deepEqual(withWidget.styles, withoutStyles, "page elements look the same with the widget running");
  assert.deepEqual(withWidget.documentSheets, withoutSheets, "the widget adds no stylesheet to the document");
  assert.deepEqual(withWidget.headTags, withoutHead, "the widget leaves <head> as it was");
});

test(
  "a page that shrinks the root font size (html { font-size: 62.5% }) does not shrink the widget",
  async () => {
    const clean = await widgetShot("/clean.html", "isolation-clean");
    const shrunk = await widgetShot("/root-font.html", "isolation-root-font");
    const difference = pngDifference(clean.shot, shrunk.shot);
    if (difference) writeFileSync(join(ARTIFACTS, "isolation-root-font.txt"), difference);
    assert.equal(difference, null, `screenshots differ: ${difference}`);
  }
);
