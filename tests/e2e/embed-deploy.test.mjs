// Deployment: dist/ copied as it is under a sub-path of a portal (no rebuild) works; the widget
// requests nothing but its own files and the data-src JSON; file names are cache-friendly; the
// published SRI value pins the loader and the loader pins the rest.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../www/tools/serve.mjs";
import { checkLowMemoryUnused } from "../../www/tools/minify.mjs";
import {
  ARTIFACTS,
  DIST,
  LANSHAN,
  WATER,
  hostText,
  launch,
  payloadScript,
  portalPage,
  prerenderedSnippet,
  recordEventDetails,
  settled,
  states,
  widgetFiles,
} from "./support.mjs";

const SUB = "/static/rw/1.0/";
let browser, site, server, origin;

// A portal's document root: the widget under /static/rw/1.0/ (dist/ copied as built), a report
// under /static/reports/, and article pages two folders deep.
before(async () => {
  browser = await launch();
  site = mkdtempSync(join(tmpdir(), "rw-site-"));
  cpSync(DIST, join(site, SUB), { recursive: true });
  mkdirSync(join(site, "static/reports"), { recursive: true });
  writeFileSync(join(site, "static/reports/lanshan-2021.json"), LANSHAN);
  writeFileSync(join(site, "static/reports/water.json"), WATER);
  mkdirSync(join(site, "news/2022"), { recursive: true });
  const hosts = `
<div id="inline" data-report-widget data-payload="lanshan"></div>
${payloadScript("lanshan", LANSHAN)}
<div id="src" data-report-widget data-src="../../static/reports/water.json" data-lang="en"></div>`;
  writeFileSync(join(site, "news/2022/absolute.html"), portalPage({ base: SUB, body: hosts }));
  writeFileSync(join(site, "news/2022/relative.html"), portalPage({ base: `../..${SUB}`, body: hosts }));
  server = await serve({ root: site });
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  if (site) rmSync(site, { recursive: true, force: true });
});

/** Opens `path` with every request checked: the widget's own files under `prefix`, the page
 * and `extra` paths are served; anything else is aborted and reported. */
async function openStrictly(path, { prefix = SUB, extra = [], context: options = {} } = {}) {
  const files = widgetFiles();
  const allowed = new Set([
    path,
    `${prefix}${files.loader}`,
    `${prefix}${files.wasm}`,
    `${prefix}${files.styles}`,
    ...extra,
  ]);
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const outside = [];
  const requested = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const name = url.origin === origin ? url.pathname : url.href;
    requested.push(name);
    if (allowed.has(name)) return route.continue();
    outside.push(`${route.request().resourceType()} ${name}`);
    return route.abort("blockedbyclient");
  });
  page.on("websocket", (ws) => outside.push(`websocket ${ws.url()}`));
  await page.addInitScript(recordEventDetails);
  await page.goto(`${origin}${path}`);
  return { page, context, outside, requested };
}

/** A file the server does not have (a deployment that left it out). */
const notFound = (req, res) => {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
};

/** A new page of `server` at `path`, recording console errors and the widget's events. */
async function watchedPage(server, path, gotoOptions) {
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  await page.addInitScript(recordEventDetails);
  await page.goto(`http://127.0.0.1:${server.address().port}${path}`, gotoOptions);
  return { page, consoleErrors };
}

for (const variant of ["absolute", "relative"]) {
  test(`dist/ copied under ${SUB} works from a page two folders deep (${variant} loader URL), requesting nothing else`, async () => {
    const { page, context, outside, requested } = await openStrictly(`/news/2022/${variant}.html`, {
      extra: ["/static/reports/water.json"],
    });
    assert.deepEqual(await settled(page), ["ready", "ready"]);
    assert.ok((await hostText(page, "inline")).includes("5020余人次"));
    assert.ok((await hostText(page, "src")).length > 200, "the data-src report (relative to the page) is shown");
    await page.waitForTimeout(300); // anything late (beacons, prefetches) would show up now
    assert.deepEqual(outside, [], "no request outside the widget's files and its data-src JSON");
    const files = widgetFiles();
    for (const file of [files.loader, files.wasm, files.styles]) {
      assert.equal(requested.filter((r) => r === `${SUB}${file}`).length, 1, `${file} is fetched exactly once`);
    }
    assert.ok(!requested.some((r) => r.endsWith("report-widget-nomodule.js")), "browsers with modules never fetch the nomodule script");
    assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker?.getRegistrations())?.length ?? 0), 0);
    await context.close();
  });
}

test("the demo page requests only its own files (run fails on anything else)", async () => {
  const demo = serve({ root: DIST });
  const demoServer = await demo;
  const demoOrigin = `http://127.0.0.1:${demoServer.address().port}`;
  const files = widgetFiles();
  const demoCss = readdirSync(DIST).find((f) => /^demo-[0-9a-f]+\.css$/.test(f));
  const allowed = new Set(["/index.html", `/${demoCss}`, ...[files.loader, files.wasm, files.styles].map((f) => `/${f}`)]);
  const context = await browser.newContext();
  const page = await context.newPage();
  const outside = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin === demoOrigin && allowed.has(url.pathname)) return route.continue();
    outside.push(url.href);
    return route.abort("blockedbyclient");
  });
  await page.goto(`${demoOrigin}/index.html`);
  assert.deepEqual(await settled(page), ["ready"]);
  await page.waitForTimeout(300);
  assert.deepEqual(outside, []);
  await context.close();
  await new Promise((r) => demoServer.close(r));
});

test("a data-src on another origin is refused without any request to it", async () => {
  const other = `http://localhost:${server.address().port}/static/reports/water.json`;
  writeFileSync(
    join(site, "news/2022/cross.html"),
    portalPage({ base: SUB, body: `<div id="x" data-report-widget data-src="${other}" data-lang="en"></div>` })
  );
  const { page, context, outside } = await openStrictly("/news/2022/cross.html");
  assert.deepEqual(await settled(page), ["error"]);
  assert.match(await hostText(page, "x"), /data-src/);
  assert.deepEqual(outside, [], "the browser never sent the cross-origin request");
  await context.close();
});

test("a server that sends .wasm as application/octet-stream still works", async () => {
  const { wasm } = widgetFiles();
  const plain = await serve({
    root: site,
    routes: {
      [`${SUB}${wasm}`]: { body: readFileSync(join(DIST, wasm)), type: "application/octet-stream" },
    },
  });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${plain.address().port}/news/2022/absolute.html`);
  assert.deepEqual(await settled(page), ["ready", "ready"]);
  await page.close();
  await new Promise((r) => plain.close(r));
});

// Trunk writes its 64-bit content hash in hex without leading zeros, so its names carry 8–16 digits.
test("file names: stable for the loader and the nomodule script, content-hashed for the rest", () => {
  for (const file of readdirSync(DIST).filter((f) => /\.(js|wasm|css)$/.test(f))) {
    const stable = ["report-widget.js", "report-widget-nomodule.js"].includes(file);
    assert.ok(stable || /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(file), `${file} has a content hash in its name`);
  }
});

test("the published SRI value pins the loader, and the loader pins the files it loads", async () => {
  const sri = readFileSync(join(DIST, "report-widget.sri.txt"), "utf8");
  const values = Object.fromEntries(
    sri.split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split(/\s+/).reverse())
  );
  for (const file of ["report-widget.js", "report-widget-nomodule.js"]) {
    const actual = `sha384-${createHash("sha384").update(readFileSync(join(DIST, file))).digest("base64")}`;
    assert.equal(values[file], actual, `report-widget.sri.txt has ${file}'s hash`);
  }

  // The snippet with integrity= works…
  const withIntegrity = portalPage({ base: SUB, body: `<div id="w" data-report-widget data-src="/static/reports/lanshan-2021.json"></div>` })
    .replace('src="/static/rw/1.0/report-widget.js"', `src="/static/rw/1.0/report-widget.js" integrity="${values["report-widget.js"]}"`)
    .replace('src="/static/rw/1.0/report-widget-nomodule.js"', `src="/static/rw/1.0/report-widget-nomodule.js" integrity="${values["report-widget-nomodule.js"]}"`);
  assert.match(withIntegrity, /integrity="sha384-/);
  writeFileSync(join(site, "news/2022/sri.html"), withIntegrity);
  const ok = await openStrictly("/news/2022/sri.html", { extra: ["/static/reports/lanshan-2021.json"] });
  assert.deepEqual(await settled(ok.page), ["ready"]);
  assert.deepEqual(ok.outside, []);
  await ok.context.close();

  // …and a tampered wasm on the server is refused: the host says the report's files could not
  // be loaded. (The wasm-bindgen glue is inside the loader, which the page pins with its own
  // integrity=.) Also when a prerendered snippet preloaded the wasm without integrity=: the
  // loader's request, which reuses that download, still checks it, and the server's report stays.
  const prerendered = prerenderedSnippet({ base: SUB, id: "lanshan-prerendered" }).replace(
    "<div data-report-widget ",
    '<div id="w" data-report-widget '
  );
  assert.match(prerendered, /<link rel="preload" href="\/static\/rw\/1\.0\/report-widget-web-[0-9a-f]+_bg\.wasm"/);
  writeFileSync(join(site, "news/2022/sri-prerendered.html"), portalPage({ base: SUB, body: prerendered }).replace(
    'src="/static/rw/1.0/report-widget.js"', `src="/static/rw/1.0/report-widget.js" integrity="${values["report-widget.js"]}"`
  ));
  // A wasm missing on the server (a deployment that copied only some files) is said the same way.
  const files = widgetFiles();
  const wasmPath = `${SUB}${files.wasm}`;
  const broken = {
    tampered: { body: Buffer.concat([readFileSync(join(DIST, files.wasm)), Buffer.from([0])]), type: "application/wasm" },
    missing: notFound,
  };
  for (const [how, route] of Object.entries(broken)) {
    const brokenServer = await serve({ root: site, routes: { [wasmPath]: route } });
    for (const path of ["/news/2022/sri.html", "/news/2022/sri-prerendered.html"]) {
      const { page, consoleErrors } = await watchedPage(brokenServer, path);
      assert.deepEqual(await settled(page), ["error"], `${path}: a ${how} wasm is not run`);
      // Not "this browser cannot": the files are at fault, and a reload may fetch good ones.
      assert.match(await hostText(page, "w"), /交互式报告的文件未能加载。请刷新页面。/);
      if (path.includes("prerendered")) assert.ok((await hostText(page, "w")).includes("5020余人次"), "the server's report stays");
      if (how === "tampered") assert.ok(consoleErrors.some((e) => /integrity/i.test(e)), `${path}: the console names the integrity check: ${consoleErrors.join(" / ")}`);
      assert.ok(consoleErrors.some((e) => /Deploy the six files of one build together/.test(e)), `${path}: the console says what to check: ${consoleErrors.join(" / ")}`);
      // So does the error event, for a page's own listener (it had only "Failed to fetch").
      const detail = await page.evaluate(() => window.__rwDetails.find((e) => e.name === "report-widget:error")?.detail);
      assert.match(detail?.message ?? "", /could not be loaded \(.+\)\. Deploy the six files of one build together/, `${path}: ${JSON.stringify(detail)}`);
      await page.screenshot({ path: join(ARTIFACTS, `embed-${how}-wasm${path.includes("prerendered") ? "-prerendered" : ""}.png`) });
      await page.close();
    }
    await new Promise((r) => brokenServer.close(r));
  }
});

test("a stylesheet changed or missing on the server is refused, and the host says the files could not be loaded, its report working below", async () => {
  const values = Object.fromEntries(
    readFileSync(join(DIST, "report-widget.sri.txt"), "utf8").split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split(/\s+/).reverse())
  );
  const files = widgetFiles();
  const css = readFileSync(join(DIST, files.styles));
  assert.equal(values[files.styles], `sha384-${createHash("sha384").update(css).digest("base64")}`, "report-widget.sri.txt has the stylesheet's hash");
  // The prerendered snippet links the stylesheet with it, as the loader does for a report it renders.
  const prerendered = prerenderedSnippet({ base: SUB, id: "lanshan-styles" }).replace("<div data-report-widget ", '<div id="w" data-report-widget ');
  assert.ok(prerendered.includes(`href="${SUB}${files.styles}" integrity="${values[files.styles]}" crossorigin="anonymous"`), "pinned");
  writeFileSync(join(site, "news/2022/styles-prerendered.html"), portalPage({ base: SUB, body: prerendered }));
  writeFileSync(join(site, "news/2022/styles.html"), portalPage({ base: SUB, body: `<div id="w" data-report-widget data-src="/static/reports/lanshan-2021.json"></div>` }));
  const cssPath = `${SUB}${files.styles}`;
  const routes = {
    // A site's own rule appended to the file: it would restyle (or hide) the report's figures.
    changed: { body: Buffer.concat([css, Buffer.from(".rw-title{color:#f0f}")]), type: "text/css" },
    missing: notFound,
    // Slow, not broken: a prerendered report's stylesheet still loading when the widget is
    // ready is waited for (the page's load event), not taken for a failure.
    slow: (req, res) => setTimeout(() => {
      res.writeHead(200, { "content-type": "text/css" });
      res.end(css);
    }, 1500),
  };
  for (const [how, route] of Object.entries(routes)) {
    const brokenServer = await serve({ root: site, routes: { [cssPath]: route } });
    for (const path of ["/news/2022/styles.html", "/news/2022/styles-prerendered.html"]) {
      const { page, consoleErrors } = await watchedPage(brokenServer, path, { waitUntil: "load" });
      await page.waitForTimeout(300);
      const events = await page.evaluate(() => window.__rwDetails.map((e) => e.name));
      if (how === "slow") {
        assert.deepEqual(await states(page), { w: "ready" }, `${path}: a slow stylesheet is no failure`);
        assert.ok(!events.includes("report-widget:error"), `${path}: ${events}`);
        assert.ok(await page.$eval("#w", (h) => h.shadowRoot.querySelector("link[rel=stylesheet]").sheet !== null));
        await page.close();
        continue;
      }
      await page.waitForFunction(() => document.getElementById("w").getAttribute("data-state") === "error");
      const text = await hostText(page, "w");
      assert.match(text, /交互式报告的文件未能加载。请刷新页面。/, `${path}, ${how}`);
      assert.ok(text.includes("5020余人次"), `${path}: the report stays below the message`);
      // The widget runs: the report's controls still work (a sort reorders the ranking).
      const sort = await page.evaluateHandle(() => document.getElementById("w").shadowRoot.querySelector(".rw-ranking .rw-sort"));
      await sort.click();
      assert.ok(await sort.evaluate((b) => b.closest("th").hasAttribute("aria-sort")), `${path}: a sort button still sorts`);
      const title = await page.$eval("#w", (h) => getComputedStyle(h.shadowRoot.querySelector(".rw-title")).color);
      assert.notEqual(title, "rgb(255, 0, 255)", `${path}: the changed stylesheet is not applied`);
      const detail = await page.evaluate(() => window.__rwDetails.find((e) => e.name === "report-widget:error")?.detail);
      assert.match(detail?.message ?? "", /stylesheet .*report-widget-[0-9a-f]+\.css could not be loaded/, `${path}: ${JSON.stringify(detail)}`);
      assert.ok(consoleErrors.some((e) => /report-widget: the widget's stylesheet/.test(e)), `${path}: ${consoleErrors.join(" / ")}`);
      if (how === "changed") await page.screenshot({ path: join(ARTIFACTS, `embed-changed-stylesheet${path.includes("prerendered") ? "-prerendered" : ""}.png`) });
      // A language switch draws the report again: the host is in error again, with one message.
      const errorsBefore = await page.evaluate(() => window.__rwDetails.filter((e) => e.name === "report-widget:error").length);
      await page.$eval("#w", (h) => h.setAttribute("data-lang", "en"));
      await page.waitForFunction((n) => window.__rwDetails.filter((e) => e.name === "report-widget:error").length > n, errorsBefore);
      assert.equal(await page.getAttribute("#w", "data-state"), "error");
      const alerts = await page.$eval("#w", (h) => [...h.shadowRoot.querySelectorAll("[role=alert]")].map((a) => a.textContent));
      assert.deepEqual(alerts, ["The interactive report's files could not be loaded. Please reload the page."], `${path}: one message, in English`);
      await page.close();
    }
    await new Promise((r) => brokenServer.close(r));
  }
});

test("a host moved in the page, then switched to English at once, keeps its stylesheet: no failure is said", async () => {
  // Moving a host reconnects its stylesheet's link, which has no sheet until it is read again:
  // the check after the switch's ready waits for it.
  writeFileSync(join(site, "news/2022/moved.html"), portalPage({ base: SUB, body: `<div id="w" data-report-widget data-src="/static/reports/lanshan-2021.json"></div><div id="elsewhere"></div>` }));
  const page = await browser.newPage();
  await page.addInitScript(recordEventDetails);
  await page.goto(`${origin}/news/2022/moved.html`, { waitUntil: "load" });
  await page.waitForFunction(() => document.getElementById("w").getAttribute("data-state") === "ready");
  await page.evaluate(() => {
    const host = document.getElementById("w");
    document.getElementById("elsewhere").appendChild(host);
    host.setAttribute("data-lang", "en");
  });
  await page.waitForTimeout(3500);
  assert.equal(await page.getAttribute("#w", "data-state"), "ready");
  assert.deepEqual(await page.evaluate(() => window.__rwDetails.filter((e) => e.name === "report-widget:error")), []);
  assert.match(await hostText(page, "w"), /more than 5,020/, "shown in English");
  await page.close();
});

test("states and events on the sub-path page", async () => {
  const { page, context } = await openStrictly(`/news/2022/absolute.html`, { extra: ["/static/reports/water.json"] });
  await settled(page);
  assert.deepEqual(await states(page), { inline: "ready", src: "ready" });
  const events = await page.evaluate(() => window.__rwDetails.map((e) => `${e.id}:${e.name}`).sort());
  assert.deepEqual(events, ["inline:report-widget:ready", "src:report-widget:ready"]);
  await context.close();
});

test("a page that includes the loader twice (two URLs) still mounts each host once", async () => {
  const twice = portalPage({ base: SUB, body: `<div id="w" data-report-widget data-src="/static/reports/lanshan-2021.json"></div>` }).replace(
    "</body>",
    `<script type="module" src="${SUB}report-widget.js?again"></script>\n</body>`
  );
  writeFileSync(join(site, "news/2022/twice.html"), twice);
  const page = await browser.newPage();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.addInitScript(recordEventDetails);
  await page.goto(`${origin}/news/2022/twice.html`);
  assert.deepEqual(await settled(page), ["ready"]);
  await page.waitForTimeout(300);
  const events = await page.evaluate(() => window.__rwDetails.map((e) => e.name));
  assert.deepEqual(events, ["report-widget:ready"], "announced once");
  assert.equal(await page.$eval("#w", (h) => h.shadowRoot.querySelectorAll(".rw").length), 1);
  assert.ok(warnings.some((w) => /is ignored, the page already loaded/.test(w)), warnings.join(" / "));
  await page.close();
});

test("a data-src file saved as GBK (an old CMS) is refused with its line, not shown garbled", async () => {
  // The water report with its publisher's name in GBK bytes ("某县水务局" → "兰山" in GBK).
  const at = WATER.indexOf("某县水务局");
  const gbk = Buffer.concat([Buffer.from(WATER.slice(0, at)), Buffer.from([0xc0, 0xbc, 0xc9, 0xbd]), Buffer.from(WATER.slice(at + 5))]);
  writeFileSync(join(site, "static/reports/water-gbk.json"), gbk);
  const line = WATER.slice(0, at).split("\n").length;
  writeFileSync(
    join(site, "news/2022/gbk.html"),
    portalPage({ base: SUB, body: `<div id="gbk" data-report-widget data-src="../../static/reports/water-gbk.json"></div>` })
  );
  const { page, context } = await openStrictly("/news/2022/gbk.html", { extra: ["/static/reports/water-gbk.json"] });
  assert.deepEqual(await settled(page), ["error"]);
  const detail = await page.evaluate(() => window.__rwDetails.find((e) => e.name === "report-widget:error").detail);
  assert.deepEqual(detail.problems.map((p) => p.path), ["data-src"]);
  assert.match(detail.problems[0].message, new RegExp(`line ${line}: the file is not UTF-8 text \\(saved as GBK, or as UTF-16, "Unicode"\\?\\): save it as UTF-8`));
  assert.match(await hostText(page, "gbk"), new RegExp(`第 ${line} 行：文件不是 UTF-8 文本`));
  await context.close();
});

test("a relative data-src that is not there names the address it was looked for at (the page's folder, not the widget's)", async () => {
  // The usual mistake on a sub-path: the payload is beside the widget, data-src is written as if
  // read from there, and the browser reads it from the page's own folder.
  writeFileSync(
    join(site, "news/2022/missing.html"),
    portalPage({ base: SUB, body: `<div id="missing" data-report-widget data-src="reports/water.json"></div>` })
  );
  const { page, context } = await openStrictly("/news/2022/missing.html", { extra: ["/news/2022/reports/water.json"] });
  assert.deepEqual(await settled(page), ["error"]);
  const detail = await page.evaluate(() => window.__rwDetails.find((e) => e.name === "report-widget:error").detail);
  assert.deepEqual(detail.problems.map((p) => p.path), ["data-src"]);
  const looked = String.raw`http://127\.0\.0\.1:\d+/news/2022/reports/water\.json`;
  assert.match(detail.problems[0].message, new RegExp(String.raw`^data-src="reports/water\.json": the file could not be loaded \(HTTP 404 ${looked}\)$`));
  assert.match(await hostText(page, "missing"), new RegExp(`无法加载数据文件（HTTP 404 ${looked}）`));
  await context.close();
});

test("a data-src address answered by a web page (a CMS's own \"not found\" page, status 200) says so, not a JSON syntax error", async () => {
  writeFileSync(join(site, "static/reports/moved.json"), "\n<!doctype html>\n<html><head><title>页面不存在</title></head><body><h1>404</h1></body></html>\n");
  writeFileSync(
    join(site, "news/2022/moved.html"),
    portalPage({ base: SUB, body: `<div id="moved" data-report-widget data-src="../../static/reports/moved.json"></div>` })
  );
  const { page, context } = await openStrictly("/news/2022/moved.html", { extra: ["/static/reports/moved.json"] });
  assert.deepEqual(await settled(page), ["error"]);
  const detail = await page.evaluate(() => window.__rwDetails.find((e) => e.name === "report-widget:error").detail);
  assert.deepEqual(detail.problems.map((p) => p.path), ["data-src"]);
  assert.match(detail.problems[0].message, /^data-src="\.\.\/\.\.\/static\/reports\/moved\.json": the file is a web page \(HTML\), not JSON: is the address right\?/);
  assert.match(await hostText(page, "moved"), /文件是网页（HTML），不是 JSON 数据：地址是否正确？/);
  await context.close();
});

test("no data segment of the built wasm files starts in the lowest kilobyte of memory, as wasm-opt's --low-memory-unused assumes", () => {
  // Rust puts the stack first and data above it; the build checks each module it packs and
  // fails otherwise. Here: the files as shipped, then small modules at the edges.
  const shipped = readdirSync(DIST).filter((f) => f.endsWith(".wasm"));
  assert.equal(shipped.length, 2, `the widget's and the on-demand module's: ${shipped}`);
  for (const name of shipped) {
    assert.ok(checkLowMemoryUnused(readFileSync(join(DIST, name))) > 0, `${name} has data segments, all above 1 KiB`);
  }
  // A memory, then a data section with one segment: flags, [memory index,] i32.const offset, end, one byte.
  const module = (segment) =>
    Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0, 5, 3, 1, 0, 1, 11, segment.length + 3, 1, ...segment, 1, 42]);
  const active = (...offset) => module([0, 0x41, ...offset, 0x0b]);
  assert.throws(() => checkLowMemoryUnused(active(16)), /starts at 16, below 1024/);
  assert.throws(() => checkLowMemoryUnused(active(0xff, 0x07)), /starts at 1023, below 1024/);
  assert.equal(checkLowMemoryUnused(active(0x80, 0x08)), 1, "1024 is above");
  assert.equal(checkLowMemoryUnused(active(0x7f)), 1, "i32.const -1 is the top of memory, 4294967295");
  assert.equal(checkLowMemoryUnused(module([2, 0, 0x41, 0x80, 0x80, 0xc0, 0x00, 0x0b])), 1, "1 MiB, with a memory index");
  assert.throws(() => checkLowMemoryUnused(module([2, 0, 0x41, 0x10, 0x0b])), /starts at 16/);
  assert.throws(() => checkLowMemoryUnused(module([1])), /passive/);
  assert.throws(() => checkLowMemoryUnused(Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0])), /no data segment/);
});
