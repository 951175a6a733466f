// Long ranking tables in the browser (issue 6): a synthetic 10,000-row payload renders one
// page of rows, tells assistive technology the table's full size, pages and sorts across all
// rows, can show every row on request, and exports every row to CSV.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { rankingPayload } from "../../bench/synth.mjs";
import { STRICT_CSP, browserAndDist, payloadScript, portalPage, settled, widgetAxeViolations } from "./support.mjs";

const page = (n) =>
  portalPage({
    title: `synthetic ${n}-row ranking`,
    body: `<div data-report-widget data-payload="p"></div>\n${payloadScript("p", JSON.stringify(rankingPayload(n)))}`,
  });

const headers = { "content-security-policy": STRICT_CSP };
const session = browserAndDist({
  routes: { "/rows-10000.html": { body: page(10000), headers }, "/rows-120.html": { body: page(120), headers } },
});

async function open(path) {
  const p = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const logged = [];
  p.on("console", (m) => ["error", "warning"].includes(m.type()) && logged.push(m.text()));
  p.on("pageerror", (e) => logged.push(String(e)));
  await p.goto(`${session.server.url}${path}`);
  assert.deepEqual(await settled(p, "[data-report-widget]", 60000), ["ready"]);
  return { p, logged, table: p.locator("[data-report-widget] .rw-ranking table"), pager: p.locator("[data-report-widget] .rw-pager") };
}

const labels = (table) => table.locator("tbody th").allTextContents();

test("a 10,000-row table shows one page, announces its size, and pages and sorts across all rows", async () => {
  const { p, logged, table, pager } = await open("/rows-10000.html");
  assert.equal(await table.locator("tbody tr").count(), 50, "one page of rows in the DOM");
  assert.equal(await table.getAttribute("aria-rowcount"), "10001");
  assert.equal(await table.locator("tbody tr").first().getAttribute("aria-rowindex"), "2");
  assert.equal(await pager.locator('[role="status"]').textContent(), "第1–50行，共10000行");
  assert.equal(await pager.getByRole("button", { name: "上一页" }).isDisabled(), true);

  await pager.getByRole("button", { name: "下一页" }).click();
  assert.equal(await pager.locator('[role="status"]').textContent(), "第51–100行，共10000行");
  assert.equal((await labels(table))[0], "站点 51");
  assert.equal(await table.locator("tbody tr").first().getAttribute("aria-rowindex"), "52");
  // From the keyboard: the pressed button becomes inactive but keeps the focus (a disabled
  // button would drop it to the top of the page).
  const last = pager.getByRole("button", { name: "末页" });
  await last.focus();
  await p.keyboard.press("Enter");
  assert.equal(await pager.locator('[role="status"]').textContent(), "第9951–10000行，共10000行");
  assert.equal(await last.getAttribute("aria-disabled"), "true");
  assert.equal(await last.evaluate((el) => el.getRootNode().activeElement === el), true, "the focus stays");
  await p.keyboard.press("Enter");
  assert.equal(await pager.locator('[role="status"]').textContent(), "第9951–10000行，共10000行", "an inactive button does nothing");
  assert.equal((await labels(table)).at(-1), "站点 10000");

  // The rows are sites, and their column says so; no row has a year-on-year change: no column
  // of dashes for it.
  assert.deepEqual(
    (await table.locator("thead th").allTextContents()).map((t) => t.replace(/[↕▲▼]/g, "")),
    ["站点", "数值", "数值排名", "改善幅度排名"]
  );
  assert.equal(await table.locator(".rw-missing").count(), 0);

  // Sorting orders all 10,000 rows and starts again on the first page.
  const rankHeader = table.locator("thead th").nth(2);
  await rankHeader.locator("button").click();
  assert.equal(await rankHeader.getAttribute("aria-sort"), "ascending");
  assert.equal(await pager.locator('[role="status"]').textContent(), "第1–50行，共10000行");
  const ranks = (await table.locator('tbody tr td[data-label="数值排名"] .rw-rank-text').allTextContents()).map((t) => parseInt(t));
  assert.deepEqual(ranks, Array.from({ length: 50 }, (_, i) => i + 1), "ranks 1–50 of the whole table on page one");
  assert.deepEqual(logged, []);
  await p.close();
});

test("every row on request, and every row in the CSV export, whatever the page", async () => {
  const { p, logged, table, pager } = await open("/rows-120.html");
  await pager.getByRole("button", { name: "下一页" }).click();
  const [download] = await Promise.all([p.waitForEvent("download"), p.locator("[data-report-widget] .rw-ranking .rw-tools .rw-btn").click()]);
  const lines = readFileSync(await download.path(), "utf8").slice(1).trimEnd().split("\r\n");
  assert.equal(lines.length, 121, "the heading and all 120 rows, not just the page shown");
  const showAll = pager.getByRole("button", { name: "显示全部120行" });
  await showAll.focus();
  await p.keyboard.press("Enter");
  assert.equal(await table.locator("tbody tr").count(), 120);
  // No page buttons while all rows show (they would be Tab stops that do nothing); the focus
  // stays on the button just pressed, now "分页显示".
  assert.equal(await pager.locator(".rw-page-btn").count(), 0, "no paging while all rows show");
  const focused = () => p.$eval("[data-report-widget]", (h) => h.shadowRoot.activeElement?.textContent ?? null);
  assert.equal(await focused(), "分页显示");
  await p.keyboard.press("Enter");
  assert.equal(await table.locator("tbody tr").count(), 50);
  assert.equal(await pager.locator(".rw-page-btn").count(), 4);
  assert.match(await focused(), /^显示全部120行/);
  assert.deepEqual(logged, []);
  await p.close();
});

test("a paged table passes axe-core's WCAG 2.1 A/AA rules, on page two", async () => {
  // axe is injected as an inline script: this context ignores the page's CSP for it.
  const context = await session.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  await p.goto(`${session.server.url}/rows-120.html`);
  assert.deepEqual(await settled(p), ["ready"]);
  await p.locator("[data-report-widget] .rw-pager").getByRole("button", { name: "下一页" }).click();
  const violations = await widgetAxeViolations(p, 10);
  assert.deepEqual(violations, []);
  await context.close();
});
