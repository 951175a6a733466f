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
  assertLive,
  browserAndDist,
  controlsShown,
  hostText,
  payloadScript,
  portalPage,
  prerenderedSnippet,
  recordCspViolations,
  recordEventDetails,
  settled,
  widgetAxeViolations,
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

// The same policy with Trusted Types required: HTML may be written only through a policy. The
// widget writes its static markup through one named "report-widget" (www/tools/minify.mjs).
const TRUSTED_TYPES = `${STRICT_CSP}; require-trusted-types-for 'script'`;
const csp = (policy) => ({ "content-security-policy": policy });

// The prerendered snippet is made by the command-line tool from the build, so in the hook.
const session = browserAndDist(() => {
  const prerendered = portalPage({ title: "prerendered", body: prerenderedSnippet() });
  return {
    headers: csp(STRICT_CSP),
    routes: {
      "/csp.html": { body: page },
      "/water.json": { body: WATER, type: "application/json; charset=utf-8" },
      "/trusted-types.html": { body: page, headers: csp(TRUSTED_TYPES) },
      // As docs/embedding.md gives it: the widget's policy named.
      "/trusted-types-prerendered.html": { body: prerendered, headers: csp(`${TRUSTED_TYPES}; trusted-types report-widget`) },
      "/trusted-types-not-allowed.html": { body: prerendered, headers: csp(`${TRUSTED_TYPES}; trusted-types some-other-policy`) },
    },
  };
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
  // The three instances (two reports, one message) under the policy: WCAG 2.1 A/AA by axe.
  assert.deepEqual(await widgetAxeViolations(tab, 50), []);
  await tab.screenshot({ path: join(ARTIFACTS, "embed-csp.png"), fullPage: true });
  await tab.close();
});

test("the CSP page's instances are interactive: a ranking sorts, a section folds", async () => {
  const tab = await session.browser.newPage();
  await tab.addInitScript(recordCspViolations);
  await tab.goto(`${session.server.url}/csp.html`);
  await settled(tab);
  // Controls the widget's own code handles (a <details> would open without it).
  for (const id of ["inline-zh", "src-en"]) await assertLive(tab.locator(`#${id}`), id);
  assert.deepEqual(await tab.evaluate(() => window.__cspViolations), []);
  await tab.close();
});

/** Hides the first legend item of the first chart in the host `host` (a selector) and prints: both write static
 * markup again after the first render (the chart's rows, the source notes opened for print). */
async function hideAnItemAndPrint(tab, host) {
  const chart = tab.locator(`${host} .rw-chart:has(.rw-legend)`).first();
  const rows = async () => chart.locator(".rw-row").count();
  const before = await rows();
  await chart.locator(".rw-chip").first().click();
  assert.equal(await rows(), before - 1, "the hidden item's bar is gone");
  await tab.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await tab.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector(".rw-source[open]"), host);
}

test("where the page requires Trusted Types, the widget renders and updates through its policy", async () => {
  const tab = await session.browser.newPage();
  await tab.addInitScript(recordCspViolations);
  await tab.goto(`${session.server.url}/trusted-types.html`);
  assert.deepEqual(await settled(tab), ["ready", "ready", "error"]);
  assert.ok((await hostText(tab, "inline-zh")).includes("5020余人次"));
  await hideAnItemAndPrint(tab, "#inline-zh");
  assert.deepEqual(await tab.evaluate(() => window.__cspViolations), []);
  await tab.close();
});

test("a prerendered report hydrates under Trusted Types and stays live", async () => {
  const tab = await session.browser.newPage();
  await tab.addInitScript(recordCspViolations);
  await tab.goto(`${session.server.url}/trusted-types-prerendered.html`);
  assert.deepEqual(await settled(tab), ["ready"]);
  await hideAnItemAndPrint(tab, "[data-report-widget]");
  assert.deepEqual(await tab.evaluate(() => window.__cspViolations), []);
  await tab.close();
});

test("a Trusted Types policy that does not allow the widget's: the report stays, and the widget says why", async () => {
  const tab = await session.browser.newPage();
  await tab.goto(`${session.server.url}/trusted-types-not-allowed.html`);
  assert.deepEqual(await settled(tab), ["error"]);
  const text = await tab.$eval("[data-report-widget]", (h) => h.shadowRoot.textContent);
  assert.match(text, /trusted-types/, "the notice names what to change");
  assert.ok(text.includes("5020余人次"), "the prerendered report is still there");
  assert.deepEqual(await controlsShown(tab), [], "its controls, which need the widget, are plain content");
  await tab.close();
});
