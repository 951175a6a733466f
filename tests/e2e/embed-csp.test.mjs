// The widget on a portal page sent with the strict Content-Security-Policy of issue 5
// (no inline script, no inline style, no eval; WebAssembly allowed by 'wasm-unsafe-eval'):
// every instance renders and the page reports not a single CSP violation.
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
  payloadScript,
  portalPage,
  recordCspViolations,
  recordEventDetails,
  settled,
} from "./support.mjs";

const page = portalPage({
  title: "strict CSP",
  body: `
<h1>信息公开</h1>
<div id="inline-zh" data-report-widget data-payload="lanshan" data-lang="zh"></div>
${payloadScript("lanshan", LANSHAN)}
<div id="src-en" data-report-widget data-src="/water.json" data-lang="en" data-theme="light"></div>
<div id="missing" data-report-widget data-payload="no-such-element"></div>`,
});

const session = browserAndDist({
  headers: { "content-security-policy": STRICT_CSP },
  routes: {
    "/csp.html": { body: page },
    "/water.json": { body: WATER, type: "application/json; charset=utf-8" },
  },
});

test("under the strict CSP every instance renders, with zero violations", async () => {
  const tab = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const consoleCsp = [];
  tab.on("console", (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && consoleCsp.push(m.text()));
  await tab.addInitScript(recordCspViolations);
  await tab.addInitScript(recordEventDetails);
  const response = await tab.goto(`${session.server.url}/csp.html`);
  assert.equal(response.headers()["content-security-policy"], STRICT_CSP, "the page really is sent with the policy");

  const hostStates = await settled(tab);
  assert.deepEqual(hostStates, ["ready", "ready", "error"]);
  assert.ok((await hostText(tab, "inline-zh")).includes("5020余人次"));
  assert.ok((await hostText(tab, "src-en")).length > 200, "the data-src instance shows its report");
  assert.match(await hostText(tab, "missing"), /no-such-element/, "the host with a wrong data-payload says so");

  // Give late work (effects, observers) a moment, then count violations.
  await tab.waitForTimeout(300);
  assert.deepEqual(await tab.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(consoleCsp, []);

  // Where violations would come from, checked directly: no style attribute or <style> element
  // anywhere (document or shadow roots), and nothing inline in the document.
  const inline = await tab.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll("[data-report-widget]")].map((h) => h.shadowRoot)];
    return roots.flatMap((root) =>
      [...root.querySelectorAll("[style], style, script:not([src]):not([type='application/json'])")].map(
        (el) => `${el.tagName} ${el.getAttribute("style") || ""}`
      )
    );
  });
  assert.deepEqual(inline, []);
  await tab.screenshot({ path: join(ARTIFACTS, "embed-csp.png"), fullPage: true });
  await tab.close();
});

test("the CSP page's instances are interactive: the source note opens", async () => {
  const tab = await session.browser.newPage();
  await tab.addInitScript(recordCspViolations);
  await tab.goto(`${session.server.url}/csp.html`);
  await settled(tab);
  const summary = tab.locator("#inline-zh .rw-source summary").first();
  await summary.click();
  assert.equal(await tab.locator("#inline-zh .rw-source").first().evaluate((d) => d.open), true);
  assert.deepEqual(await tab.evaluate(() => window.__cspViolations), []);
  await tab.close();
});
