// Browsers that cannot run the widget: no WebAssembly, no ES modules, or a CSP that forbids
// compiling WebAssembly (every engine before Chrome 97 under the strict policy). Each host shows
// a short readable message, the page author's fallback content inside the host stays visible,
// and no host is ever a blank box. (Chromium 92 itself: embed-chromium92.test.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  ARTIFACTS,
  LANSHAN,
  browserAndDist,
  hostText,
  isRendered,
  payloadScript,
  portalPage,
  recordEventDetails,
  settled,
  waitForState,
  widgetFiles,
} from "./support.mjs";

const HOSTS = `
<div id="with-fallback" data-report-widget data-payload="lanshan">
  <p id="fallback">2021年：空气质量综合指数4.73，五区第1名。<a href="/reports/lanshan-2021.json">数据文件</a></p>
</div>
${payloadScript("lanshan", LANSHAN)}
<div id="empty-en" data-report-widget data-payload="lanshan" data-lang=" en "></div>`;
// (Spaces around data-lang's value do not count, as the widget reads it.)

// What an old browser sees: the nomodule script runs (it is a classic script there), the
// module loader does not.
const NO_MODULES = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>old browser</title></head>
<body>${HOSTS}
<script defer src="/report-widget-nomodule.js"></script>
</body></html>`;

const session = browserAndDist({
  routes: {
    "/hosts.html": { body: portalPage({ body: HOSTS }) },
    "/no-modules.html": { body: NO_MODULES },
    "/csp-without-wasm.html": {
      body: portalPage({ body: HOSTS }),
      headers: { "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" },
    },
  },
});

async function expectMessages(page, { message, messageEn }) {
  assert.deepEqual(await settled(page), ["error", "error"]);
  const withFallback = await hostText(page, "with-fallback");
  assert.match(withFallback, message);
  assert.equal(await isRendered(page, "#fallback"), true, "the page's fallback content stays visible");
  assert.match(await hostText(page, "empty-en"), messageEn, "an empty host shows the message in its language");
  for (const id of ["with-fallback", "empty-en"]) {
    const height = await page.$eval(`#${id}`, (h) => h.getBoundingClientRect().height);
    assert.ok(height > 10, `#${id} is not an empty box (${height}px)`);
  }
  const events = await page.evaluate(() => window.__rwDetails.map((e) => `${e.id}:${e.name}`).sort());
  assert.deepEqual(events, ["empty-en:report-widget:error", "with-fallback:report-widget:error"]);
}

test("no WebAssembly: a short message in every host, the fallback stays, hosts added later too", async () => {
  const page = await session.browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.addInitScript(recordEventDetails);
  await page.goto(`${session.server.url}/hosts.html`);
  await expectMessages(page, { message: /此浏览器无法运行交互式报告/, messageEn: /cannot run in this browser/ });
  const { wasm } = widgetFiles();
  assert.ok(!requests.includes(`/${wasm}`), "nothing more is downloaded");
  await page.evaluate(() => {
    const host = document.createElement("div");
    host.id = "later";
    host.setAttribute("data-report-widget", "");
    document.body.appendChild(host);
  });
  await waitForState(page, "later", "error");
  assert.match(await hostText(page, "later"), /无法运行/);
  await page.screenshot({ path: join(ARTIFACTS, "embed-no-wasm.png"), fullPage: true });
  await page.close();
});

test("no ES modules: the nomodule script puts the message first in each host and keeps the fallback", async () => {
  const page = await session.browser.newPage();
  // This engine has modules; make report-widget-nomodule.js see an engine without them.
  await page.addInitScript(() => {
    delete HTMLScriptElement.prototype.noModule;
  });
  await page.addInitScript(recordEventDetails);
  await page.goto(`${session.server.url}/no-modules.html`);
  assert.deepEqual(await settled(page), ["error", "error"]);
  const first = await page.$$eval("[data-report-widget]", (hosts) =>
    hosts.map((h) => ({ shadow: !!h.shadowRoot, first: h.firstElementChild.textContent, role: h.firstElementChild.getAttribute("role") }))
  );
  assert.deepEqual(first, [
    { shadow: false, first: "此浏览器版本过旧，无法显示交互式报告。", role: "alert" },
    { shadow: false, first: "The interactive report needs a newer browser.", role: "alert" },
  ]);
  assert.equal(await isRendered(page, "#fallback"), true);
  const events = await page.evaluate(() => window.__rwDetails.map((e) => `${e.id}:${e.name}:${e.detail.lang}`).sort());
  assert.deepEqual(events, ["empty-en:report-widget:error:en", "with-fallback:report-widget:error:zh-CN"], "the documented detail, lang too");
  await page.screenshot({ path: join(ARTIFACTS, "embed-no-modules.png"), fullPage: true });
  await page.close();
});

test("the nomodule script does nothing in a browser that has modules", async () => {
  const page = await session.browser.newPage();
  await page.goto(`${session.server.url}/no-modules.html`);
  await page.waitForLoadState("load");
  await page.waitForTimeout(200);
  const hosts = await page.$$eval("[data-report-widget]", (hs) => hs.map((h) => [h.getAttribute("data-state"), h.children.length]));
  assert.deepEqual(hosts, [[null, 1], [null, 0]]);
  await page.close();
});

test("a CSP without 'wasm-unsafe-eval': the message and the fallback, never a blank box", async () => {
  const page = await session.browser.newPage();
  const stylesheets = [];
  page.on("request", (r) => /\/report-widget-[0-9a-f]+\.css$/.test(r.url()) && stylesheets.push(r.url()));
  await page.addInitScript(recordEventDetails);
  await page.goto(`${session.server.url}/csp-without-wasm.html`);
  await expectMessages(page, { message: /此浏览器无法运行交互式报告/, messageEn: /cannot run in this browser/ });
  // The loader opened each host with the stylesheet's link while the wasm was being compiled;
  // the message keeps that link rather than making (and maybe fetching) another.
  const links = await page.$$eval("[data-report-widget]", (hosts) =>
    hosts.map((h) => [...h.shadowRoot.querySelectorAll("link")].map((l) => l.hasAttribute("data-rw-early")))
  );
  assert.deepEqual(links, [[true], [true]], "each host keeps its one early stylesheet link");
  assert.equal(stylesheets.length, 1, `one request for the stylesheet: ${stylesheets}`);
  await page.screenshot({ path: join(ARTIFACTS, "embed-csp-without-wasm.png"), fullPage: true });
  await page.close();
});
