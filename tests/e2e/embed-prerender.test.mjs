// A host that arrives with the report already rendered by the server (`report-widget
// prerender`: a declarative shadow root plus a light-DOM copy): the server's report stays on
// screen, styled, until the live render replaces it in one step; where the widget cannot run,
// the server's report stays, with the message above it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, STRICT_CSP, browserAndDist, portalPage, prerenderedSnippet, recordCspViolations, settled, widgetFiles } from "./support.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// The snippet is made by the command-line tool from the build, so in the hook, not at import.
const session = browserAndDist(() => {
  const snippet = prerenderedSnippet({ base: "/" });
  return {
    routes: {
      "/prerendered.html": { body: portalPage({ body: snippet }) },
      "/prerendered-no-wasm-csp.html": {
        body: portalPage({ body: snippet }),
        headers: { "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" },
      },
      "/prerendered-strict.html": { body: portalPage({ body: snippet }), headers: { "content-security-policy": STRICT_CSP } },
      // What some CMS editors do to pasted HTML: drop its comments, or indent every tag.
      "/prerendered-no-comments.html": { body: portalPage({ body: snippet.replace(/<!--[\s\S]*?-->/g, "") }) },
      // Markup that no build of the widget wrote (a heading's tag changed by hand), under the
      // right key and markers: hydration fails on it.
      "/prerendered-altered.html": {
        body: portalPage({ body: snippet.replace(/<h3 ([^>]*)>([\s\S]*?)<\/h3>/, "<h4 $1>$2</h4>") }),
      },
      "/prerendered-reindented.html": {
        body: portalPage({ body: snippet.replace(/<template[\s\S]*<\/template>/, (t) => t.replace(/></g, ">\n  <")) }),
      },
    },
  };
});

/** What the host's shadow root shows: how many reports, and whether the server's is among them. */
const shadowState = (page) =>
  page.$eval("[data-report-widget]", (h) => ({
    state: h.getAttribute("data-state"),
    reports: [...h.shadowRoot.querySelectorAll(".rw-root")].filter((r) => !r.hidden && r.querySelector("article.rw")).length,
    serverReport: !!h.shadowRoot.querySelector(".rw-root[data-rw-prerendered]"),
    lightCopyShown: !!h.querySelector(".rw-fallback") && h.querySelector(".rw-fallback").getClientRects().length > 0,
    text: h.shadowRoot.textContent.includes("5020余人次"),
  }));

test("the server's report shows while the widget loads, then the live render replaces it", async () => {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(recordCspViolations);
  // Hold the wasm back for a moment so the loading phase can be looked at.
  await context.route(`**/${widgetFiles().wasm}`, async (route) => {
    await sleep(1500);
    await route.continue();
  });
  await page.goto(`${session.server.url}/prerendered.html`);
  await page.waitForLoadState("domcontentloaded");
  await sleep(500); // the wasm is still on its way: only the server's report is there
  assert.deepEqual(await shadowState(page), { state: null, reports: 1, serverReport: false, lightCopyShown: false, text: true });
  // From the moment the widget takes the host over until its render is complete, the server's
  // report stays on screen (and no second report appears beside it).
  await page.waitForFunction(() => document.querySelector("[data-report-widget]").hasAttribute("data-state"));
  const during = await shadowState(page);
  assert.equal(during.reports, 1, `one report on screen while the widget renders: ${JSON.stringify(during)}`);
  assert.deepEqual(await settled(page), ["ready"]);
  assert.deepEqual(await shadowState(page), { state: "ready", reports: 1, serverReport: false, lightCopyShown: false, text: true });
  // The live report is interactive.
  await page.locator("[data-report-widget] .rw-root .rw-source summary").first().click();
  assert.equal(await page.locator("[data-report-widget] .rw-root .rw-source").first().evaluate((d) => d.open), true);
  await page.screenshot({ path: join(ARTIFACTS, "embed-prerendered.png") });
  await context.close();
});

test("where WebAssembly may not run (CSP without wasm-unsafe-eval), the server's report stays, with the message", async () => {
  const page = await session.browser.newPage();
  await page.goto(`${session.server.url}/prerendered-no-wasm-csp.html`);
  assert.deepEqual(await settled(page), ["error"]);
  const shown = await shadowState(page);
  assert.equal(shown.reports, 1, "the server's report is still shown");
  assert.equal(shown.text, true);
  const alert = await page.$eval("[data-report-widget]", (h) => h.shadowRoot.querySelector("[role=alert]").textContent);
  assert.match(alert, /此浏览器无法运行交互式报告/);
  await page.screenshot({ path: join(ARTIFACTS, "embed-prerendered-no-wasm.png") });
  await page.close();
});

test("a snippet whose markup a CMS changed (comments dropped, tags indented) is rendered afresh", async () => {
  for (const name of ["prerendered-no-comments", "prerendered-reindented"]) {
    const page = await session.browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${session.server.url}/${name}.html`);
    assert.deepEqual(await settled(page), ["ready"], name);
    const shown = await shadowState(page);
    assert.equal(shown.reports, 1, `${name}: one report on screen`);
    assert.equal(shown.text, true, `${name}: the report's figures`);
    assert.deepEqual(errors, [], `${name}: hydration was not attempted on changed markup`);
    await page.close();
  }
});

test("markup that hydration cannot follow: the server's report stays, styled, under a notice", async () => {
  const page = await session.browser.newPage();
  await page.goto(`${session.server.url}/prerendered-altered.html`);
  assert.deepEqual(await settled(page), ["error"]);
  const shown = await shadowState(page);
  assert.equal(shown.reports, 1, "the server's report is still in the shadow root");
  assert.equal(shown.text, true);
  const alert = await page.$eval("[data-report-widget]", (h) => h.shadowRoot.querySelector("[role=alert]").textContent);
  assert.match(alert, /可能无法再交互/);
  await page.close();
});
