// The host API of docs/embedding.md where the page or its server gets things wrong, on a portal
// page with a careless stylesheet and a script of its own, under the strict CSP: a data-src the
// server answers with an HTTP error (404, 500) turns that host into a readable error, with the
// documented event, and leaves the page and its other widgets working; data-payload wins over
// data-src, whose file is then never requested; the events carry the documented detail; a
// data-payload that names the wrong element or none, and a data-src file that stops arriving,
// are named as such.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  ARTIFACTS,
  LANSHAN,
  STRICT_CSP,
  WATER,
  browserAndDist,
  hostText,
  isRendered,
  payloadScript,
  portalPage,
  recordCspViolations,
  recordEventDetails,
  settled,
  states,
  waitForState,
} from "./support.mjs";

// What a portal's theme does to every element (the widget's shadow root keeps it out).
const PORTAL_CSS = `
body { font: 15px/1.2 SimSun, serif; color: #333; }
div { border: 3px solid #f0f !important; padding: 10px !important; background: #ffe !important; }
[data-report-widget] { display: inline !important; }
p { color: #c00 !important; margin: 40px !important; }
`;

// The portal's own script (a file: the CSP allows no inline script). It listens where
// docs/embedding.md says a page can, on the document, and runs a control of its own.
const PORTAL_JS = `
window.portalSaw = [];
for (const name of ["report-widget:ready", "report-widget:error"]) {
  document.addEventListener(name, (e) => {
    window.portalSaw.push({
      name,
      id: e.target.id,
      bubbles: e.bubbles,
      composed: e.composed,
      atDocumentBy: e.eventPhase === Event.BUBBLING_PHASE ? "bubbling" : String(e.eventPhase),
      detail: e.detail === null ? null : JSON.parse(JSON.stringify(e.detail)),
    });
  });
}
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("portal-toggle").addEventListener("click", () => {
    const panel = document.getElementById("portal-panel");
    panel.hidden = !panel.hidden;
  });
});
`;

const PAGE = portalPage({
  title: "信息公开 - 年度报告",
  head: '<link rel="stylesheet" href="/portal.css">\n<script src="/portal.js"></script>',
  body: `
<h1>信息公开</h1>
<button id="portal-toggle" type="button">栏目导航</button>
<nav id="portal-panel" hidden><a href="#">政策文件</a></nav>
<div id="not-found" data-report-widget data-src="/reports/moved.json" data-lang="en-GB">
  <p id="not-found-fallback">Annual report 2021: download the PDF.</p>
</div>
<div id="server-error" data-report-widget data-src="/reports/broken.json">
  <p id="server-error-fallback">2021年度报告：下载全文（PDF）</p>
</div>
<div id="both" data-report-widget data-payload="lanshan" data-src="/reports/not-this-one.json" data-lang="en"></div>
${payloadScript("lanshan", LANSHAN)}
<div id="fine" data-report-widget data-src="/reports/water.json" data-lang="en"></div>`,
});

// A host whose data-payload names the wrong element (a section of the page) or no element, one
// whose payload sits in a <pre> instead of a script (read: its text is the payload), and one
// whose data-src server sends the headers and part of the file, then nothing more.
const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const SOURCES = portalPage({
  title: "payload sources gone wrong",
  body: `
<div id="wrong-element" data-report-widget data-payload="annual-report" data-lang="en"></div>
<section id="annual-report"><h2>2021年度报告</h2><p>全文见附件。</p></section>
<div id="no-element" data-report-widget data-payload="report-2012"></div>
<div id="in-pre" data-report-widget data-payload="water-in-pre" data-lang="en"></div>
<pre id="water-in-pre" hidden>${escapeHtml(WATER)}</pre>
<div id="blank-payload" data-report-widget data-payload=" " data-src="/reports/water.json" data-lang="en"></div>
<p>A CMS template left the payload field empty; the paragraph after the host has no id.</p>
<div id="both-blank" data-report-widget data-payload="" data-src="" data-lang="en"></div>
<div id="stalled" data-report-widget data-src="/reports/stalled.json" data-lang="en">
  <p id="stalled-fallback">Annual report 2021: download the PDF.</p>
</div>
<div id="outer" data-report-widget data-src="/reports/water.json" data-lang="en">
  <div id="nested" data-report-widget data-src="/reports/water.json" data-lang="en"></div>
</div>`,
});
// Responses that never end, destroyed when the test is over (the server waits for them).
const stalledResponses = [];

const session = browserAndDist({
  headers: { "content-security-policy": STRICT_CSP },
  routes: {
    "/sources.html": { body: SOURCES },
    "/reports/stalled.json": (req, res) => {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.write(WATER.slice(0, 300));
      stalledResponses.push(res);
    },
    "/contract.html": { body: PAGE },
    "/portal.css": { body: PORTAL_CSS, type: "text/css" },
    "/portal.js": { body: PORTAL_JS, type: "text/javascript" },
    "/reports/water.json": { body: WATER, type: "application/json; charset=utf-8" },
    // A valid report: were it fetched for the host that also names data-payload, it would show.
    "/reports/not-this-one.json": { body: WATER, type: "application/json; charset=utf-8" },
    // What servers answer for a file that is not there (their own HTML page), or when they fail.
    "/reports/moved.json": (req, res) => {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8", "content-security-policy": STRICT_CSP });
      res.end("<!doctype html><html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><hr>nginx</body></html>");
    },
    "/reports/broken.json": (req, res) => {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "content-security-policy": STRICT_CSP });
      res.end("Internal Server Error");
    },
  },
});

async function openContract() {
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(String(e)));
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.addInitScript(recordCspViolations);
  await page.goto(`${session.server.url}/contract.html`);
  assert.deepEqual(await settled(page), ["error", "error", "ready", "ready"]);
  return { page, uncaught, requested };
}

/** The text the host's shadow root shows on screen (rendered, not merely in the DOM). */
const shownText = (page, id) => page.$eval(`#${id}`, (h) => h.shadowRoot.querySelector(".rw-root").innerText);

test("a data-src answered with HTTP 404 or 500: that host says so, in its language, with the error event; the page and its other widgets keep working", async () => {
  const { page, uncaught, requested } = await openContract();
  assert.deepEqual(await states(page), { "not-found": "error", "server-error": "error", both: "ready", fine: "ready" });

  // The message is on screen inside the widget, names the file and the status, in the host's
  // language; the page's fallback content stays below it.
  const notFound = await shownText(page, "not-found");
  assert.match(notFound, /This report cannot be shown/, notFound);
  assert.match(notFound, /data-src="\/reports\/moved\.json": the file could not be loaded \(HTTP 404 http:\/\/127\.0\.0\.1:\d+\/reports\/moved\.json\)/, notFound);
  // The message names its place; the list does not put the attribute's name before it again.
  assert.doesNotMatch(notFound, /data-src\s*data-src=/, notFound);
  const serverError = await shownText(page, "server-error");
  assert.match(serverError, /无法显示此报告/, serverError);
  assert.match(serverError, /data-src="\/reports\/broken\.json"：无法加载数据文件（HTTP 500 http:\/\/127\.0\.0\.1:\d+\/reports\/broken\.json）/, serverError);
  assert.doesNotMatch(serverError, /could not be loaded/, "the Chinese host's message is in Chinese");
  assert.equal(await isRendered(page, "#not-found-fallback"), true, "the fallback stays visible below the message");
  assert.equal(await isRendered(page, "#server-error-fallback"), true, "the fallback stays visible below the message");

  // One error event per failing host, seen by the portal's listener on the document: it bubbles
  // and is composed; its detail has the message, the problem (at data-src, no line or column)
  // and the host's language as a BCP 47 tag ("en-GB" on the host is "en").
  const saw = await page.evaluate(() => window.portalSaw);
  const errors = saw.filter((e) => e.name === "report-widget:error");
  assert.deepEqual(errors.map((e) => e.id).sort(), ["not-found", "server-error"], JSON.stringify(saw));
  for (const e of saw) assert.deepEqual([e.bubbles, e.composed, e.atDocumentBy], [true, true, "bubbling"], `${e.id} ${e.name}`);
  const detail = (id) => errors.find((e) => e.id === id).detail;
  assert.equal(detail("not-found").lang, "en");
  assert.equal(detail("server-error").lang, "zh-CN");
  assert.match(detail("not-found").message, /^data-src="\/reports\/moved\.json": the file could not be loaded \(HTTP 404 http:\/\/127\.0\.0\.1:\d+\/reports\/moved\.json\)$/);
  assert.match(detail("server-error").message, /^data-src="\/reports\/broken\.json": the file could not be loaded \(HTTP 500 http:\/\/127\.0\.0\.1:\d+\/reports\/broken\.json\)$/);
  assert.deepEqual(detail("server-error").problems, [
    {
      path: "data-src",
      line: null,
      column: null,
      // The address asked for, resolved, after the status.
      message: `data-src="/reports/broken.json": the file could not be loaded (HTTP 500 ${session.server.url}/reports/broken.json)`,
      message_zh: `data-src="/reports/broken.json"：无法加载数据文件（HTTP 500 ${session.server.url}/reports/broken.json）`,
    },
  ]);
  assert.deepEqual(detail("not-found").problems.map((p) => [p.path, p.line, p.column]), [["data-src", null, null]]);

  // Each file was asked for once (no retry storm on a failing server).
  assert.equal(requested.filter((p) => p === "/reports/moved.json").length, 1, requested.join(" "));
  assert.equal(requested.filter((p) => p === "/reports/broken.json").length, 1, requested.join(" "));

  // The page keeps working: the other widgets render, its own control responds, nothing uncaught,
  // no CSP violation.
  assert.match(await hostText(page, "fine"), /water-affairs bureau/);
  await page.click("#portal-toggle");
  assert.equal(await isRendered(page, "#portal-panel"), true, "the portal's own script still runs");
  assert.deepEqual(uncaught, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await page.screenshot({ path: join(ARTIFACTS, "embed-contract-http-errors.png"), fullPage: true });
  await page.close();
});

test("report-widget:ready's detail is null, as documented", async () => {
  const { page } = await openContract();
  const ready = (await page.evaluate(() => window.portalSaw)).filter((e) => e.name === "report-widget:ready");
  assert.deepEqual(ready.map((e) => [e.id, e.detail]).sort(), [["both", null], ["fine", null]]);
  await page.close();
});

test("a host with both data-payload and data-src shows the data-payload report and never requests the data-src file", async () => {
  const { page, uncaught, requested } = await openContract();
  const both = await hostText(page, "both");
  assert.match(both, /more than 5,020 person-times/, "the inline (Lanshan) report, in English");
  assert.doesNotMatch(both, /water-affairs bureau/, "not the data-src file's report");
  assert.deepEqual(requested.filter((p) => p === "/reports/not-this-one.json"), [], "the data-src file is never requested");

  // The same host without its data-payload does use data-src: the address works, and the test
  // would have seen a request for it.
  const fetched = page.waitForRequest((r) => new URL(r.url()).pathname === "/reports/not-this-one.json");
  await page.evaluate(() => document.getElementById("both").removeAttribute("data-payload"));
  await fetched;
  await page.waitForFunction(() => document.getElementById("both").shadowRoot.textContent.includes("water-affairs bureau"));
  await waitForState(page, "both", "ready");
  assert.deepEqual(uncaught, []);
  await page.close();
});

test("data-payload naming the wrong element or none, blank attributes, and a data-src file that stops half-way: each host says so; a payload in a <pre> is read, a blank data-payload leaves data-src in charge", async () => {
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  try {
    const uncaught = [];
    page.on("pageerror", (e) => uncaught.push(String(e)));
    await page.addInitScript(recordEventDetails);
    // Before the page loads: a nested host says so as soon as the loader mounts it.
    const consoleErrors = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    // The page's timers are the test's to move (the fake clock also runs at the real pace): the
    // widget's 60-second limit on the file passes at once, after the other hosts have settled.
    await page.clock.install();
    await page.goto(`${session.server.url}/sources.html`);
    for (const [id, state] of [["wrong-element", "error"], ["no-element", "error"], ["in-pre", "ready"], ["blank-payload", "ready"], ["both-blank", "error"], ["outer", "ready"], ["nested", "error"]]) {
      await waitForState(page, id, state);
    }
    assert.equal(await page.getAttribute("#stalled", "data-state"), "loading");

    // The wrong element is named by its tag, not reported as broken JSON.
    const wrong = await hostText(page, "wrong-element");
    assert.match(wrong, /data-payload="annual-report": the element with this id is a <section> holding no JSON object, not the <script type="application\/json"> that holds the report's payload/, wrong);
    assert.doesNotMatch(wrong, /JSON syntax|line 1/i, wrong);
    const missing = await hostText(page, "no-element");
    assert.match(missing, /data-payload="report-2012"：页面上没有此 id 的元素/, missing);
    assert.match(await hostText(page, "in-pre"), /water-affairs bureau/);
    // A blank data-payload counts as absent: data-src is used (not the element after the host).
    assert.match(await hostText(page, "blank-payload"), /water-affairs bureau/);
    const blank = await hostText(page, "both-blank");
    assert.match(blank, /the host element has neither a data-payload nor a data-src attribute \(or both are empty\)/, blank);

    // 45 s of the 60 (15 s to spare for the real time the page took to get here), then past them.
    await page.clock.fastForward(45_000);
    assert.equal(await page.getAttribute("#stalled", "data-state"), "loading", "still loading before the limit");
    await page.clock.fastForward(16_000);
    await waitForState(page, "stalled", "error");
    const stalled = await hostText(page, "stalled");
    assert.match(stalled, /data-src="\/reports\/stalled\.json": the file did not finish loading within 60 seconds \(the connection or the server stopped\): reload the page; if this happens again, check that the server sends the whole file/, stalled);
    assert.equal(await isRendered(page, "#stalled-fallback"), true, "the fallback stays visible below the message");

    // The error events name the attribute to mend, in both languages.
    const details = await page.evaluate(() => window.__rwDetails);
    const problems = (id) => details.find((d) => d.id === id && d.name === "report-widget:error").detail.problems;
    assert.deepEqual(problems("wrong-element").map((p) => [p.path, p.line, p.column]), [["data-payload", null, null]]);
    assert.equal(
      problems("wrong-element")[0].message_zh,
      'data-payload="annual-report"：此 id 的元素是 <section>，其中没有 JSON 对象，不是存放报告数据的 <script type="application/json">'
    );
    assert.deepEqual(problems("stalled").map((p) => p.path), ["data-src"]);
    // A host inside another one cannot be seen (the other's report takes its place): it said
    // ready at 0×0, and the page's author never learnt why it did not show.
    assert.equal(problems("nested")[0].message, "this host is inside another report-widget host, whose report hides it: move it out");
    assert.equal(problems("nested")[0].message_zh, "此宿主元素在另一个 report-widget 宿主元素之内，被其报告遮住：请移到其外");
    assert.ok(consoleErrors.some((m) => m.includes("inside another report-widget host")), consoleErrors.join("\n"));
    assert.match(await hostText(page, "outer"), /water-affairs bureau/, "the outer host shows its report");
    assert.equal(
      problems("stalled")[0].message_zh,
      'data-src="/reports/stalled.json"：数据文件 60 秒内未能完整加载（连接或服务器中断）：请刷新页面；如果再次出现，请检查服务器能否完整发送该文件'
    );
    assert.deepEqual(uncaught, []);
    await page.screenshot({ path: join(ARTIFACTS, "embed-contract-sources.png"), fullPage: true });
  } finally {
    for (const res of stalledResponses) res.destroy();
    await page.close();
  }
});
