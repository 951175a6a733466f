// A payload's problems, described on demand (issue 6): the widget's own wasm leaves the
// validator's messages out, and the on-demand module describes a payload's problems when it has
// any (src/embed/messages.rs). Readers and page authors must see exactly what the command-line
// tool says; a page whose payload is valid must not load anything more; and where the module
// cannot be loaded, every problem is still listed where it is.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, browserAndDist, hostText, portalPage, recordEventDetails, runCli, settled, states } from "./support.mjs";

const BROKEN = join(ROOT, "tests/payloads/broken");
// Every payload of the corpus, syntax errors too (the module names the likely mistake).
const CORPUS = readdirSync(BROKEN)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ""), json: readFileSync(join(BROKEN, f), "utf8") }));

/** What `report-widget validate` says about a payload: its problems in order, warnings marked
 * (asked once per payload and language). */
const told = new Map();
function cliProblems(name, lang = "en") {
  const key = `${lang} ${name}`;
  if (!told.has(key)) told.set(key, runCli("validate", "--lang", lang, join(BROKEN, `${name}.json`)).stdout);
  const prefix = `${join(BROKEN, name)}.json: `;
  const warned = lang === "zh" ? "提醒：" : "warning: ";
  return told
    .get(key)
    .split("\n")
    .filter((l) => l.startsWith(prefix) && !l.endsWith(": ok"))
    .map((l) => {
      const rest = l.slice(prefix.length);
      const at = rest.indexOf(": ");
      const message = rest.slice(at + 2);
      return { path: rest.slice(0, at), warning: message.startsWith(warned), message: message.replace(warned, "") };
    });
}

// Each payload exactly as in its file (not trimmed: a syntax error's line and column are the tool's).
const hosts = (lang) =>
  CORPUS.map(
    ({ name, json }) =>
      `<div id="${name}" data-report-widget data-payload="p-${name}" data-lang="${lang}"></div><script type="application/json" id="p-${name}">${json.replace(/</g, "\\u003c")}</script>`
  ).join("\n");

const session = browserAndDist({
  routes: {
    "/corpus-en.html": { body: portalPage({ title: "broken payloads", body: hosts("en"), lang: "en" }) },
    "/corpus-zh.html": { body: portalPage({ title: "broken payloads", body: hosts("zh") }) },
  },
});

const ON_DEMAND = /report-widget-export-[0-9a-f]+(_bg\.wasm|\.js)$/;

async function open(path, { refuseOnDemand = false } = {}) {
  const context = await session.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  const console = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  page.on("console", (m) => console.push({ type: m.type(), text: m.text() }));
  if (refuseOnDemand) await context.route(ON_DEMAND, (route) => route.abort());
  await page.addInitScript(recordEventDetails);
  await page.goto(`${session.server.url}${path}`);
  await settled(page);
  return { context, page, requests, console };
}

test("every problem of a payload is described in the error event exactly as the command-line tool describes it", async () => {
  const { context, page, requests, console } = await open("/corpus-en.html");
  const details = Object.fromEntries((await page.evaluate(() => window.__rwDetails)).map((e) => [e.id, e]));
  for (const { name } of CORPUS) {
    const expected = cliProblems(name);
    assert.ok(expected.length > 0, `${name}: the tool reports something`);
    const errors = expected.filter((p) => !p.warning);
    if (errors.length === 0) continue; // valid with warnings: the next test
    const event = details[name];
    assert.equal(event?.name, "report-widget:error", `${name}: an error event`);
    // The event lists the errors, what keeps the report away, in the tool's order; the
    // warnings found on the way go to the console, as for a valid payload.
    assert.deepEqual(
      // A syntax error's place is its line and column (the tool prints them as its path).
      event.detail.problems.map((p) => ({ path: p.line ? `line ${p.line}, column ${p.column}` : p.path, message: p.message })),
      errors.map(({ path, message }) => ({ path, message })),
      `${name}: the same errors and messages as the command-line tool`
    );
    assert.ok(event.detail.message.includes(errors[0].message), `${name}: the event's message names the first error`);
    const logged = console.filter((m) => m.type === "warning" && m.text.includes("the payload has warnings"));
    for (const { path, message } of expected.filter((p) => p.warning)) {
      assert.ok(logged.some((m) => m.text.includes(`${path}: ${message}`)), `${name}: the warning at ${path} is logged`);
    }
    for (const p of event.detail.problems) assert.ok(p.message_zh.length > 0, `${name} ${p.path}: a Chinese message too`);
    const panel = await hostText(page, name);
    assert.ok(panel.includes(errors[0].message), `${name}: the panel shows the first message: ${panel.slice(0, 300)}`);
  }
  assert.ok(requests.filter((r) => ON_DEMAND.test(r)).length === 2, "the on-demand module (glue and wasm) is fetched once for all hosts");
  assert.deepEqual(console.filter((m) => m.type === "error" && !m.text.startsWith("report-widget:")), [], "no other error");
  await context.close();
});

test("a valid payload's warnings reach the console with their messages; the report does not wait for them", async () => {
  const { context, page, console } = await open("/corpus-en.html");
  assert.equal((await states(page))["unknown-fields"], "ready");
  const expected = cliProblems("unknown-fields");
  assert.ok(expected.length >= 2 && expected.every((p) => p.warning));
  // Other hosts on the page log theirs too (an invalid payload's warnings): this host's has its last path.
  const ours = `${expected.at(-1).path}: `;
  const logged = () =>
    console.filter((m) => m.type === "warning" && m.text.includes("the payload has warnings") && m.text.includes(ours)).map((m) => m.text);
  for (let waited = 0; logged().length === 0 && waited < 20000; waited += 100) await page.waitForTimeout(100);
  const warnings = logged();
  assert.equal(warnings.length, 1, `one warning for the host: ${JSON.stringify(console)}`);
  for (const { path, message } of expected) assert.ok(warnings[0].includes(`${path}: ${message}`), `${path}: ${message} in ${warnings[0]}`);
  await context.close();
});

test("in Chinese, the panel lists each problem's Chinese message", async () => {
  const { context, page } = await open("/corpus-zh.html");
  const details = Object.fromEntries((await page.evaluate(() => window.__rwDetails)).map((e) => [e.id, e]));
  // Every payload's errors, in the words the command-line tool uses in Chinese.
  for (const { name } of CORPUS) {
    const errors = cliProblems(name, "zh").filter((p) => !p.warning);
    if (errors.length === 0) continue;
    const event = details[name];
    assert.deepEqual(
      event.detail.problems.map((p) => p.message_zh),
      errors.map((p) => p.message),
      `${name}: the same Chinese messages as \`validate --lang zh\``
    );
    const panel = await hostText(page, name);
    for (const { message } of errors.slice(0, 20)) assert.ok(panel.includes(message), `${name}: the panel shows "${message}"`);
  }
  const event = details["duplicate-ids"];
  assert.equal(event.name, "report-widget:error");
  const panel = await hostText(page, "duplicate-ids");
  for (const p of event.detail.problems) {
    assert.match(p.message_zh, /重复/, `a Chinese message: ${p.message_zh}`);
    assert.ok(panel.includes(p.message_zh), `the panel shows "${p.message_zh}": ${panel}`);
  }
  // A syntax error names the likely mistake, in Chinese too.
  const comma = details["full-width-comma"].detail.problems[0].message_zh;
  assert.equal(comma, "JSON 语法错误：“，”是全角字符（中文输入法），JSON 需要半角的“,”");
  const commaPanel = await hostText(page, "full-width-comma");
  assert.ok(commaPanel.includes(comma), "the panel shows it");
  // The place beside each message is in Chinese too.
  assert.ok(commaPanel.includes("第 6 行第 25 列 JSON"), `the place in Chinese: ${commaPanel}`);
  assert.doesNotMatch(commaPanel, /line \d/);
  // Other syntax errors are in Chinese too, not the JSON reader's English.
  // A text that ends too soon says why that happens, a "</script>" in an inline payload first.
  assert.equal(
    details["truncated-json"].detail.problems[0].message_zh,
    "JSON 语法错误：文本在对象结束之前就结束了（缺少右花括号 }）。文件可能不完整；若数据直接写在网页的 <script> 里，数据中的“</script>”会让脚本提前结束：请写成“<\\/script>”（report-widget prerender 生成的代码片段已处理）"
  );
  await context.close();
});

test("without the on-demand module, every problem is still listed where it is, with a short message", async () => {
  const { context, page, console } = await open("/corpus-en.html", { refuseOnDemand: true });
  const details = Object.fromEntries((await page.evaluate(() => window.__rwDetails)).map((e) => [e.id, e]));
  const event = details["rank-out-of-range"];
  assert.equal(event.name, "report-widget:error", "the error is still announced");
  assert.deepEqual(
    event.detail.problems.map((p) => p.path),
    cliProblems("rank-out-of-range").map((p) => p.path),
    "at the same places"
  );
  for (const p of event.detail.problems) {
    assert.match(p.message, /could not be loaded/);
    assert.match(p.message_zh, /未能加载/);
  }
  const panel = await hostText(page, "rank-out-of-range");
  assert.ok(panel.includes("/sections/0/items/0/ranks/0/position"), `the panel names the place: ${panel}`);
  // A syntax error keeps the widget's own message: that it is one, at the tool's line and
  // column (what the reader expected, and the likely mistake, are the module's words).
  const truncated = details["truncated-json"].detail.problems;
  assert.deepEqual(truncated.map((p) => [p.message, p.message_zh]), [["JSON syntax error", "JSON 语法错误"]]);
  assert.deepEqual([truncated[0].line, truncated[0].column], [12, 1], "its place");
  assert.match(cliProblems("truncated-json")[0].path, /^line 12, column 1$/, "the tool's place");
  assert.equal(details["full-width-comma"].detail.problems[0].message, "JSON syntax error");
  assert.equal((await states(page))["unknown-fields"], "ready", "a valid payload is shown all the same");
  assert.ok(
    console.some((m) => m.type === "error" && m.text.includes("messages of the payload's problems could not be loaded")),
    "the page's author is told why"
  );
  await context.close();
});

test("a page whose payloads are valid loads nothing on demand", async () => {
  const { context, page, requests } = await open("/index.html");
  assert.deepEqual(Object.values(await states(page)), ["ready"]);
  await page.waitForTimeout(300);
  assert.deepEqual(requests.filter((r) => ON_DEMAND.test(r)), [], "no request for the on-demand module");
  await context.close();
});
