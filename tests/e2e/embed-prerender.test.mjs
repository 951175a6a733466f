// A host that arrives with the report already rendered by the server (`report-widget
// prerender`: a declarative shadow root plus a light-DOM copy): the server's report stays on
// screen, styled, until the live render replaces it in one step; where the widget cannot run,
// the server's report stays, with the message above it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, STRICT_CSP, assertLive, browserAndDist, controlsShown,
  markupDigest, portalPage, prerenderedSnippet, recordCspViolations, settled, widgetFiles } from "./support.mjs";

const alterHeading = (snippet) => snippet.replace(/<h3 ([^>]*)>([\s\S]*?)<\/h3>/, "<h4 $1>$2</h4>");

/** The snippet with its digest recomputed over the markup it now holds. */
function forgeDigest(snippet) {
  return snippet.replace(/data-rw-digest="[0-9a-f]{16}">([\s\S]*?)<\/div><\/template>/, (_, markup) => `data-rw-digest="${markupDigest(markup)}">${markup}</div></template>`);
}
// The snippet is made by the command-line tool from the build, so in the hook, not at import.
/** A route that sends `html` in two parts, `pauseMs` apart, cut inside the host's prerendered
 * report: a slow server or link. The loader's tag is `async` and in <head> (what some CMS
 * optimisers make of it), so it runs, and its wasm is instantiated, while the host is still
 * half-parsed. */
function streamedInTwo(html, headers = {}, pauseMs = 1000) {
  const loader = html.match(/<script type="module" async src="[^"]+"><\/script>\n/)[0];
  const page = html.replace(loader, "").replace("</head>", `${loader}</head>`);
  const cut = page.indexOf("<template") + 2000;
  return (req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
    res.write(page.slice(0, cut));
    setTimeout(() => res.end(page.slice(cut)), pauseMs);
  };
}
const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

const session = browserAndDist(() => {
  const snippet = prerenderedSnippet({ base: "/" });
  return {
    routes: {
      // 3 s between the parts: time enough, on a busy machine, for the loader to run first.
      "/prerendered-streamed.html": streamedInTwo(portalPage({ body: snippet, loaderAttributes: "async" }), {}, 3000),
      "/prerendered-streamed-no-wasm-csp.html": streamedInTwo(portalPage({ body: snippet, loaderAttributes: "async" }), {
        "content-security-policy": NO_WASM_CSP,
      }),
      // The same tag where the snippet puts it, with the page arriving at once.
      "/prerendered-async.html": { body: portalPage({ body: snippet, loaderAttributes: "async" }) },
      "/prerendered.html": { body: portalPage({ body: snippet }) },
      "/prerendered-no-wasm-csp.html": {
        body: portalPage({ body: snippet }),
        headers: { "content-security-policy": NO_WASM_CSP },
      },
      "/prerendered-strict.html": { body: portalPage({ body: snippet }), headers: { "content-security-policy": STRICT_CSP } },
      // What some CMS editors do to pasted HTML: drop its comments, or indent every tag.
      "/prerendered-no-comments.html": { body: portalPage({ body: snippet.replace(/<!--[\s\S]*?-->/g, "") }) },
      // Markup changed after prerendering, under the right key and markers: a figure edited by
      // hand, a heading's tag changed (which Yew's hydration cannot follow).
      "/prerendered-edited.html": { body: portalPage({ body: snippet.replace("5020余人次", "5021余人次") }) },
      "/prerendered-altered.html": { body: portalPage({ body: alterHeading(snippet) }) },
      // The same beside an intact report on one page.
      "/prerendered-two.html": {
        body: portalPage({ body: alterHeading(snippet) + prerenderedSnippet({ base: "/", id: "second-payload" }) }),
      },
      // The altered markup with a digest forged to match it: nothing the widget can check
      // before hydrating, so hydration fails on it (what any failure inside the widget does).
      "/prerendered-forged.html": { body: portalPage({ body: forgeDigest(alterHeading(snippet)) }) },
      // The payload changed after prerendering into one the widget refuses.
      "/prerendered-bad-payload.html": { body: portalPage({ body: snippet.replace('"schema": "report-widget/1"', '"schema": "report-widget/9"') }) },
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
  // Hold the wasm back until the loading phase has been looked at.
  let release;
  const held = new Promise((r) => (release = r));
  const wasmRequested = page.waitForRequest((r) => r.url().endsWith(`/${widgetFiles().wasm}`));
  await context.route(`**/${widgetFiles().wasm}`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${session.server.url}/prerendered.html`, { waitUntil: "domcontentloaded" });
  // The page is parsed and the loader has run (a module script runs before DOMContentLoaded);
  // the wasm is asked for and held: only the server's report is there.
  await wasmRequested;
  assert.deepEqual(await shadowState(page), { state: null, reports: 1, serverReport: false, lightCopyShown: false, text: true });
  // From the moment the widget takes the host over until its render is complete, the server's
  // report stays on screen, and no second report appears beside it: the number of reports shown
  // is recorded after every change to the shadow root (each batch of DOM changes, finer than
  // any frame), from before the wasm arrives until ready.
  await page.$eval("[data-report-widget]", (h) => {
    const shown = () => [...h.shadowRoot.querySelectorAll(".rw-root")].filter((r) => !r.hidden && r.querySelector("article.rw")).length;
    window.__reportsShown = [shown()];
    new MutationObserver(() => window.__reportsShown.push(shown())).observe(h.shadowRoot, { subtree: true, childList: true, attributes: true });
  });
  release();
  assert.deepEqual(await settled(page), ["ready"]);
  const seen = await page.evaluate(() => window.__reportsShown);
  assert.ok(seen.length > 1, "the render was watched");
  assert.deepEqual([...new Set(seen)], [1], `one report on screen at every moment of the render: ${seen}`);
  assert.deepEqual(await shadowState(page), { state: "ready", reports: 1, serverReport: false, lightCopyShown: false, text: true });
  await assertLive(page.locator("[data-report-widget]"), "the live report");
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

test("a loader made async (by a CMS) that runs while the host is still arriving waits for it, then hydrates (or keeps the report, with the message)", async () => {
  for (const name of ["prerendered-streamed", "prerendered-async"]) {
    const page = await session.browser.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("console", (m) => ["warning", "error"].includes(m.type()) && problems.push(m.text()));
    await page.goto(`${session.server.url}/${name}.html`);
    assert.deepEqual(await settled(page), ["ready"], name);
    if (name === "prerendered-streamed") {
      // The case under test: the loader ran while the host was still arriving.
      const order = await page.evaluate(() => ({
        loader: performance.getEntriesByName("report-widget:loader-start")[0]?.startTime,
        parsed: performance.getEntriesByType("navigation")[0].domInteractive,
      }));
      assert.ok(order.loader !== undefined && order.loader < order.parsed, `the loader started before the page was parsed: ${JSON.stringify(order)}`);
    }
    assert.deepEqual(await shadowState(page), { state: "ready", reports: 1, serverReport: false, lightCopyShown: false, text: true }, name);
    // Hydrated (a report rendered afresh says why in the console), and nothing else logged.
    assert.deepEqual(problems, [], name);
    await assertLive(page.locator("[data-report-widget]"), name);
    await page.close();
  }
  // Where the wasm may not run, the loader knows before the host is parsed; the message waits
  // for it, so the server's report still gets its shadow root.
  const page = await session.browser.newPage();
  await page.goto(`${session.server.url}/prerendered-streamed-no-wasm-csp.html`);
  assert.deepEqual(await settled(page), ["error"]);
  const shown = await shadowState(page);
  assert.equal(shown.reports, 1, "the server's report is shown");
  assert.equal(shown.text, true);
  assert.match(await page.$eval("[data-report-widget]", (h) => h.shadowRoot.querySelector("[role=alert]").textContent), /此浏览器无法运行交互式报告/);
  await page.close();
});

test("a snippet whose markup a CMS changed (comments dropped, tags indented) is rendered afresh", async () => {
  for (const name of ["prerendered-no-comments", "prerendered-reindented"]) {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const errors = [];
    const warnings = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    // The wasm held back until the server's heading is marked: afresh means a new heading.
    let marked;
    const headingMarked = new Promise((resolve) => (marked = resolve));
    await context.route(`**/${widgetFiles().wasm}`, async (route) => {
      await headingMarked;
      await route.continue();
    });
    await page.goto(`${session.server.url}/${name}.html`, { waitUntil: "domcontentloaded" });
    await page.$eval("[data-report-widget]", (h) => (h.shadowRoot.querySelector("h2").__server = true));
    marked();
    assert.deepEqual(await settled(page), ["ready"], name);
    const shown = await shadowState(page);
    assert.equal(shown.reports, 1, `${name}: one report on screen`);
    assert.equal(shown.text, true, `${name}: the report's figures`);
    const server = await page.$eval("[data-report-widget]", (h) =>
      [...h.shadowRoot.querySelectorAll(".rw-root:not([hidden]) h2")].map((h2) => !!h2.__server)
    );
    assert.deepEqual(server, [false], `${name}: rendered afresh, not hydrated`);
    assert.deepEqual(errors, [], `${name}: hydration was not attempted on changed markup`);
    assert.ok(warnings.some((w) => /not the markup the server wrote/.test(w)), `${name}: the console says why: ${warnings}`);
    await context.close();
  }
});

test("a report changed after prerendering is rendered afresh from the payload, beside others that hydrate", async () => {
  for (const name of ["prerendered-edited", "prerendered-altered"]) {
    const page = await session.browser.newPage();
    const errors = [];
    const warnings = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(`${session.server.url}/${name}.html`);
    assert.deepEqual(await settled(page), ["ready"], name);
    const shown = await shadowState(page);
    assert.equal(shown.reports, 1, `${name}: one report on screen`);
    // The payload's figure, not the one typed into the markup.
    assert.equal(shown.text, true, `${name}: the payload's figures`);
    assert.equal(await page.$eval("[data-report-widget]", (h) => h.shadowRoot.textContent.includes("5021余人次")), false, name);
    assert.equal(await page.$eval("[data-report-widget]", (h) => !!h.shadowRoot.querySelector("[role=alert]")), false, `${name}: no notice`);
    assert.deepEqual(errors, [], `${name}: hydration was not attempted`);
    assert.ok(warnings.some((w) => /not the markup the server wrote/.test(w)), `${name}: the console says why: ${warnings}`);
    await page.close();
  }
  // Two reports on one page, one changed: the other still hydrates (its server nodes stay), and
  // both respond.
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // The wasm held back until the server's headings are marked.
  let marked;
  const headingsMarked = new Promise((resolve) => (marked = resolve));
  await context.route(`**/${widgetFiles().wasm}`, async (route) => {
    await headingsMarked;
    await route.continue();
  });
  await page.goto(`${session.server.url}/prerendered-two.html`, { waitUntil: "domcontentloaded" });
  await page.$$eval("[data-report-widget]", (hosts) => hosts.forEach((h) => (h.shadowRoot.querySelector("h2").__server = true)));
  marked();
  await page.waitForFunction(() => [...document.querySelectorAll("[data-report-widget]")].every((h) => h.getAttribute("data-state") === "ready"));
  const kept = await page.$$eval("[data-report-widget]", (hosts) =>
    hosts.map((h) => [...h.shadowRoot.querySelectorAll(".rw-root:not([hidden]) h2")].map((h2) => !!h2.__server))
  );
  assert.deepEqual(kept, [[false], [true]], "the changed report was rendered afresh, the intact one hydrated");
  for (const at of [0, 1]) await assertLive(page.locator("[data-report-widget]").nth(at), `report ${at + 1}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a failure while hydrating: the server's report stays, styled, under a notice", async () => {
  const page = await session.browser.newPage();
  await page.goto(`${session.server.url}/prerendered-forged.html`);
  assert.deepEqual(await settled(page), ["error"]);
  const shown = await shadowState(page);
  assert.equal(shown.reports, 1, "the server's report is still in the shadow root");
  assert.equal(shown.text, true);
  const alert = await page.$eval("[data-report-widget]", (h) => h.shadowRoot.querySelector("[role=alert]").textContent);
  assert.match(alert, /可能无法再交互/);
  assert.deepEqual(await controlsShown(page), [], "its controls, which need the widget, are plain content");
  await page.close();
});

test("a prerendered report whose payload now has problems: the problems first, the server's report below, without its controls", async () => {
  const page = await session.browser.newPage();
  await page.goto(`${session.server.url}/prerendered-bad-payload.html`);
  assert.deepEqual(await settled(page), ["error"]);
  const panel = await page.$eval("[data-report-widget]", (h) => h.shadowRoot.querySelector(".rw-error").textContent);
  assert.match(panel, /\/schema/, "the panel names the problem's place");
  const shown = await shadowState(page);
  assert.equal(shown.text, true, "the server's report is still below");
  assert.deepEqual(await controlsShown(page), [], "no control that cannot work");
  await page.close();
});
