// docs/embedding.md says what a portal pastes and which CSP header it sends: both are run here as
// written (with the placeholders filled in), so the documentation cannot drift from the build.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, LANSHAN, ROOT, STRICT_CSP, isRendered, launch, recordCspViolations, serveDist, settled } from "./support.mjs";

const DOC = readFileSync(join(ROOT, "docs/embedding.md"), "utf8");
/** The fenced code blocks of the doc written in `lang` ("" for plain blocks), in order. */
const blocks = (lang) => [...DOC.matchAll(/^```(\w*)\n([\s\S]*?)\n```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]);
const loaderSri = readFileSync(join(DIST, "report-widget.sri.txt"), "utf8").match(/^(sha384-\S+)\s+report-widget\.js$/m)[1];

let browser, server;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the documented CSP header is the one the tests use", () => {
  const header = blocks("").find((b) => b.startsWith("Content-Security-Policy:"));
  assert.equal(header, `Content-Security-Policy: ${STRICT_CSP}`);
});

test("the documented snippets work as written, under the documented CSP, from /static/rw/1.0/", async () => {
  const [inline, src] = blocks("html");
  assert.match(inline, /integrity="sha384-…value from report-widget\.sri\.txt…"/);
  const page = (snippet) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>docs</title></head><body>
${snippet
  .replace("{ \"schema\": \"report-widget/1\", … }", LANSHAN.trim().replace(/</g, "\\u003c"))
  .replace("sha384-…value from report-widget.sri.txt…", loaderSri)}
</body></html>`;
  server = await serveDist({
    prefix: "/static/rw/1.0/",
    headers: { "content-security-policy": STRICT_CSP },
    routes: {
      "/inline.html": { body: page(inline) },
      "/src.html": { body: page(src) },
      "/static/reports/2021.json": { body: LANSHAN, type: "application/json" },
    },
  });
  for (const [path, lang] of [["/inline.html", "zh"], ["/src.html", "en"]]) {
    const tab = await browser.newPage();
    await tab.addInitScript(recordCspViolations);
    await tab.goto(`${server.url}${path}`);
    assert.deepEqual(await settled(tab), ["ready"], `${path} is ready`);
    const text = await tab.$eval("[data-report-widget]", (h) => h.shadowRoot.textContent);
    assert.ok(text.includes(lang === "zh" ? "5020余人次" : "more than 5,020 person-times"), `${path} shows the report`);
    if (path === "/inline.html") {
      assert.equal(await isRendered(tab, "[data-report-widget] > p"), false, "the report replaced the fallback");
    }
    assert.deepEqual(await tab.evaluate(() => window.__cspViolations), []);
    await tab.close();
  }
});
