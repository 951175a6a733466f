// The editor page (dist/editor.html) on the release build: building a report through the form,
// problems that lead to their fields, undo/redo, autosave across reloads, keyboard use,
// accessibility, both preview languages and themes, strict CSP and file:// use.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ARTIFACTS, DIST, ROOT, STRICT_CSP, browserAndDist, serveDist } from "./support.mjs";
import {
  LANSHAN, byId, editorPage, focusedId, lanshanSection, loadExample, noProblems, open, pasteIntoImport, previewShows,
  previewText, problems,
} from "./editor-support.mjs";

const session = browserAndDist();

const editorUrl = () => `${session.server.url}/editor.html`;

test("the editor ships as its own files; the widget's files do not carry it", () => {
  const files = readdirSync(DIST);
  const html = readFileSync(join(DIST, "editor.html"), "utf8");
  const script = html.match(/<script src="\.\/(editor-[0-9a-f]{16}\.js)" defer><\/script>/);
  assert.ok(script, "editor.html loads one classic script");
  assert.ok(files.includes(script[1]));
  assert.ok(!files.some((f) => f.startsWith("report-widget-editor")), "no separate editor glue or wasm in dist/");
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?![^>]*application\/json)[^>]*>/, "no inline script");
  assert.doesNotMatch(html, /\sstyle=/, "no inline style");
  assert.doesNotMatch(html, /integrity=/, "no SRI (it cannot work from file://)");
  const css = html.match(/<meta name="rw-widget-css" content="\.\/(report-widget-[0-9a-f]{16}\.css)">/);
  assert.ok(css && files.includes(css[1]), "the preview uses the widget's own stylesheet");
  // The widget: its loader and wasm say nothing about the editor.
  const wasm = files.find((f) => /^report-widget-web-[0-9a-f]+_bg\.wasm$/.test(f));
  const widgetBytes = readFileSync(join(DIST, wasm)).toString("latin1");
  for (const marker of ["encoding_rs", "data-name-zh", "report-widget-editor"]) {
    assert.ok(!widgetBytes.includes(marker), `the widget's wasm does not contain ${marker}`);
  }
  assert.doesNotMatch(readFileSync(join(DIST, "report-widget.js"), "utf8"), /editor/);
  assert.doesNotMatch(readFileSync(join(DIST, "index.html"), "utf8"), /editor-/);
});

test("a small report is built from an empty one through the form only", async () => {
  const page = await editorPage(session.browser, editorUrl());
  // A first visit starts empty; the checks already say what is missing.
  assert.equal(await byId(page, "f/meta/title/zh").inputValue(), "");
  await page.waitForSelector('#problem-list li[data-pointer="/meta/title"]');
  // Nor is a date made up: today's would look right and be wrong for a report signed earlier.
  assert.equal(await byId(page, "f/meta/date").inputValue(), "");
  assert.match(await page.textContent('#problem-list li[data-pointer="/meta/date"]'), /日期不能为空/);
  // No version without errors yet: the preview says what it waits for, in the editor's words
  // (not the widget's problem panel with its JSON paths), and leads to the first error.
  assert.match(await page.textContent("#preview-waiting"), /数据还有 3 个错误，改正后这里显示报告的预览/);
  assert.equal(await page.$("#preview"), null, "no widget until there is a report to show");
  await page.click("#preview-first-error");
  assert.equal(await focusedId(page), "f/meta/title/zh");
  await byId(page, "f/meta/title/zh").fill("某县水务局2023年度工作报告");
  await byId(page, "f/meta/title/en").fill("County water bureau 2023");
  await byId(page, "f/meta/publisher/zh").fill("某县水务局");
  await byId(page, "f/meta/date").fill("2024-01-15");
  // The synthetic tick says, in the widget's own words, what readers would then see.
  assert.equal(await byId(page, "f/meta/synthetic").getAttribute("aria-describedby"), "synthetic-help");
  assert.match(await page.textContent("#synthetic-help"), /^真实报告不要勾选。勾选后，组件在报告标题下注明：“合成数据：此报告为测试或基准生成，不是真实数据。”$/);
  // Valid now, but with nothing to show: advised, not "ready to publish"; the advice leads to
  // where a section is added.
  const noSections = '#problem-list li[data-pointer="/sections"]';
  await page.waitForSelector(noSections);
  assert.match(await page.textContent(noSections), /报告还没有章节/);
  assert.equal(await page.$("#no-problems"), null);
  await page.click(`${noSections} a`);
  assert.equal(await focusedId(page), "f/sections");
  // The Chinese interface names section types in words, not by the payload's keys.
  const kinds = await page.$$eval("#new-section-kind option", (os) => os.map((o) => o.textContent));
  assert.ok(kinds.includes("指标卡片") && kinds.every((k) => !/[a-z]/.test(k)), kinds.join(" "));
  // A group, a metrics section with one figure, and a ranking table that refers to it.
  await page.click('[id="add:/groups"]');
  assert.equal(await focusedId(page), "f/groups/0/label/zh", "focus goes to the new group's name");
  await page.keyboard.type("全市六县");
  await byId(page, "f/groups/0/id").press("End");
  await page.keyboard.type("-counties");
  // The English name is read after the count ("1st of 5 districts"): the hint says to leave it out.
  const described = (await byId(page, "f/groups/0/label/en").getAttribute("aria-describedby")).split(" ");
  assert.match(await byId(page, described.find((id) => id.startsWith("h-"))).textContent(), /“districts”显示为“1st of 5 districts”/);
  await byId(page, "f/groups/0/size").fill("6");
  await page.selectOption("#new-section-kind", "metrics");
  await page.click("#add-section");
  assert.equal(await focusedId(page), "f/sections/0/title/zh", "focus goes to the new section's title");
  await page.keyboard.type("供水保障");
  await page.click('[id="add:/sections/0/items"]');
  assert.equal(await focusedId(page), "f/sections/0/items/0/label/zh");
  await page.keyboard.type("农村自来水普及率");
  // No figure is made up for a new item: its value is empty, and the checks ask for it.
  assert.equal(await byId(page, "f/sections/0/items/0/value").inputValue(), "");
  await page.waitForSelector('#problem-list li[data-pointer="/sections/0/items/0/value"]');
  await byId(page, "f/sections/0/items/0/id").fill("rural-tap-water");
  await byId(page, "f/sections/0/items/0/value").fill("98.50");
  await byId(page, "f/sections/0/items/0/unit/zh").fill("%");
  await page.selectOption('[id="f/sections/0/items/0/direction"]', "higher_is_better");
  await byId(page, "f/sections/0/items/0/change/value").fill("1.2");
  await page.selectOption('[id="f/sections/0/items/0/change/kind"]', "points");
  await page.click('[id="add:/sections/0/items/0/ranks"]');
  // A group is chosen by its name (its id, programmer's text, made the select too narrow).
  const groupNames = await page.$$eval('[id="f/sections/0/items/0/ranks/0/group"] option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(groupNames.slice(1), ["全市六县"]);
  await page.selectOption('[id="f/sections/0/items/0/ranks/0/group"]', "group-counties");
  await byId(page, "f/sections/0/items/0/ranks/0/position").fill("2");
  await page.selectOption("#new-section-kind", "ranking");
  await page.click("#add-section");
  await page.keyboard.type("全市排名");
  // A section with no rows yet is advised about; the advice leads to its add button.
  const noRows = '#problem-list li[data-pointer="/sections/1/rows"]';
  await page.waitForSelector(noRows);
  assert.match(await page.textContent(noRows), /第2节“全市排名” › 内容\s*本节还没有内容/);
  await page.click(`${noRows} a`);
  assert.equal(await focusedId(page), "add:/sections/1/rows");
  await page.click('[id="add:/sections/1/rows"]');
  await page.selectOption('[id="f/sections/1/rows/0/metric"]', "rural-tap-water");
  await noProblems(page);
  // The first column's heading: "指标" unless the ranking names its rows otherwise.
  const firstHeading = () =>
    page.$eval("#preview", (h) => h.shadowRoot.querySelector(".rw-ranking thead th")?.textContent.replace(/[↕▲▼]/g, ""));
  await page.waitForFunction(() => document.querySelector("#preview")?.shadowRoot?.querySelector(".rw-ranking thead th"));
  assert.equal(await firstHeading(), "指标");
  const rowHeading = byId(page, "f/sections/1/row_heading/zh");
  assert.match(await byId(page, await rowHeading.getAttribute("aria-describedby")).textContent(), /不填则为“指标”/);
  await rowHeading.fill("考核指标");
  await page.waitForFunction(() =>
    document.querySelector("#preview").shadowRoot.querySelector(".rw-ranking thead th").textContent.startsWith("考核指标"));
  await noProblems(page);
  // The group renamed: cleared, then typed key by key; the rank and the ranking follow it.
  await byId(page, "f/groups/0/id").fill("");
  await byId(page, "f/groups/0/id").pressSequentially("six-counties");
  await noProblems(page);
  await previewShows(page, "98.50%");
  const text = await previewText(page);
  for (const shown of ["某县水务局2023年度工作报告", "供水保障", "农村自来水普及率", "1.2个百分点", "全市六县第2名", "全市排名"]) {
    assert.ok(text.includes(shown), `the preview shows ${shown}: ${text}`);
  }
  // The JSON view holds the same payload, numbers as typed.
  await page.click("#tab-json");
  const json = await page.inputValue("#json-text");
  assert.match(json, /"value": 98\.50,/);
  assert.match(json, /"row_heading": "考核指标",/);
  assert.deepEqual(JSON.parse(json).sections[1].rows, [{ metric: "rural-tap-water" }]);
  assert.equal(JSON.parse(json).sections[0].items[0].ranks[0].group, "six-counties");
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: join(ARTIFACTS, "editor-built-from-empty.png"), fullPage: false });
  await page.context().close();
});

test("on a phone the checks, below the whole form, are one link away; the snippet says it needs a web site", async () => {
  const page = await editorPage(session.browser, editorUrl(), { viewport: { width: 390, height: 844 } });
  await page.waitForSelector('#problem-list li[data-pointer="/meta/title"]');
  const link = page.locator("#jump-to-checks");
  assert.match(await link.textContent(), /^检查结果：错误 3 · 提醒 0/);
  const below = await page.$eval("#problems-h", (h) => h.getBoundingClientRect().top);
  assert.ok(below > 844, `the checks start below the first screen (${below} px)`);
  await link.click();
  assert.equal(await focusedId(page), "problems-h", "the link takes the focus to the checks");
  const top = await page.$eval("#problems-h", (h) => h.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 844, `the checks are in view (${top} px)`);
  await loadExample(page);
  await page.waitForSelector("#no-problems");
  assert.match(await link.textContent(), /^检查结果：没有问题/);
  // Opened from disk, the plain snippet is blank: the editor says so where the snippet is made.
  await page.click("#output summary");
  assert.match(await page.textContent("#needs-server"), /http:\/\/ 或 https:\/\/.*file:\/\/.*一片空白/);
  await page.setViewportSize({ width: 1366, height: 768 });
  assert.equal(await link.isVisible(), false, "beside the form on a wide screen, no link is needed");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a month calendar's fields are named in the checks as the form names them", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await page.selectOption("#new-section-kind", "calendar");
  await page.click("#add-section");
  const label = '#problem-list li[data-pointer="/sections/0/label"]';
  await page.waitForSelector(label);
  // Its `label` says what the marks mean: "名称" named a field the form does not show.
  // The section has no title yet: named by its number, not by the id the editor gave it.
  assert.match(await page.textContent(label), /第1节 › 标记的含义\s*文字不能为空/);
  await page.click(`${label} a`);
  assert.equal(await focusedId(page), "f/sections/0/label/zh");
  // A marked month's entry is named by its month, as the widget says it.
  await page.click('[id="add:/sections/0/marked"]');
  await byId(page, "f/sections/0/marked/0/month").fill("4");
  await page.waitForFunction(() => document.querySelector('[id="f/sections/0/marked/0"] legend').textContent === "第1个月份：4月");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an error in the list leads to its field, and fixing it clears it", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await noProblems(page);
  const field = byId(page, "f/sections/0/items/0/value");
  await field.fill("4.7x");
  await page.waitForSelector('#problem-list li[data-pointer="/sections/0/items/0/value"]');
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  const described = await field.getAttribute("aria-describedby");
  assert.match(await byId(page, described).textContent(), /数字|number/);
  await page.screenshot({ path: join(ARTIFACTS, "editor-error.png") });
  // Somewhere else first, then the problem's link.
  await byId(page, "f/meta/title/zh").focus();
  await page.click('#problem-list li[data-pointer="/sections/0/items/0/value"] a');
  assert.equal(await focusedId(page), "f/sections/0/items/0/value", "the click lands on the field");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("4.70");
  await noProblems(page);
  await previewShows(page, "4.70");
  assert.equal(await field.getAttribute("aria-invalid"), null);

  // A click on a problem while the check after typing is pending goes to that problem, not to
  // the one the new check puts in its place in the list.
  const second = byId(page, "f/sections/0/items/1/value");
  const secondValue = await second.inputValue();
  await second.fill("x");
  await page.waitForSelector('#problem-list li[data-pointer="/sections/0/items/1/value"]');
  await field.fill("y");
  await page.click('#problem-list li[data-pointer="/sections/0/items/1/value"] a');
  assert.equal(await focusedId(page), "f/sections/0/items/1/value", "the clicked problem's field");
  await page.waitForSelector('#problem-list li[data-pointer="/sections/0/items/0/value"]');
  await field.fill("4.70");
  await second.fill(secondValue);
  await noProblems(page);

  // A problem in a folded section unfolds it; an emptied label focuses its Chinese text.
  await byId(page, "f/sections/5/items/5/label/zh").fill("");
  await page.waitForSelector('#problem-list li[data-pointer="/sections/5/items/5/label"]');
  await page.click('[id="f/sections/5"]'); // the section's summary: folds "enforcement"
  assert.equal(await page.$eval('[id="f/sections/5"]', (s) => s.parentElement.open), false);
  await page.click('#problem-list li[data-pointer="/sections/5/items/5/label"] a');
  assert.equal(await focusedId(page), "f/sections/5/items/5/label/zh");
  assert.ok(await page.$eval('[id="f/sections/5"]', (s) => s.parentElement.open), "the section was unfolded");
  await page.keyboard.type("处罚金额");
  await noProblems(page);

  // An unknown field has no form control: its line in the JSON view.
  await page.click("#tab-json");
  const json = await page.inputValue("#json-text");
  await page.fill("#json-text", json.replace('"id": "good-days",', '"id": "good-days",\n          "lable": "typo",'));
  await page.waitForSelector('#problem-list li[data-pointer="/sections/0/items/1/lable"]');
  await page.click("#tab-form");
  await page.click('#problem-list li[data-pointer="/sections/0/items/1/lable"] a');
  assert.equal(await focusedId(page), "json-text");
  const line = await page.$eval("#json-text", (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(line.trim().replace(/,$/, ""), '"lable": "typo"', "the line of the unknown field is selected");

  // A syntax error: listed with its line; clicking selects that line; the form keeps the last good data.
  const broken = (await page.inputValue("#json-text")).replace('"value": 231,', '"value": 231');
  await page.fill("#json-text", broken);
  await page.waitForSelector("#json-problems li");
  assert.match(await page.textContent("#json-problems"), /JSON/);
  // The count in the heading counts it: a reader of the count alone must not think it clean.
  const listed = await page.$$eval(".ed-problem.ed-error", (rows) => rows.length);
  const counted = Number((await page.textContent("#problems-h")).match(/错误 (\d+)|(\d+) error/i).slice(1).find(Boolean));
  assert.equal(counted, listed, "every error listed is counted");
  await page.click("#json-problems a");
  const bad = await page.$eval("#json-text", (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.match(bad, /"(unit|value)"/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("F8 goes from the field just fixed to the next problem, Shift+F8 back; a repeated id is marked at both entries", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await noProblems(page);
  assert.equal(await page.$("#problem-keys"), null, "no key hint without problems");
  // Three problems, far apart in the form.
  await byId(page, "f/meta/title/zh").fill("");
  await byId(page, "f/sections/0/items/1/value").fill("x");
  await byId(page, "f/sections/5/items/5/label/zh").fill("");
  await page.waitForSelector('#problem-list li[data-pointer="/sections/5/items/5/label"]');
  assert.match(await page.textContent("#problem-keys"), /F8/);
  // In English, the count reads as English and a field's message as a sentence.
  await page.selectOption("#ui-lang", "en");
  await page.waitForFunction(() => /\(3 errors · 0 warnings\)$/.test(document.querySelector("#problems-h").textContent));
  const titleError = await byId(page, "f/meta/title/zh").getAttribute("aria-describedby");
  assert.equal(await byId(page, titleError).textContent(), "The text must not be empty");
  // Its place in words, a space before each quoted name as English writes it.
  assert.match(await page.textContent('#problem-list li[data-pointer="/sections/0/items/1/value"]'), /Section 1 “[^”]+” › \S+ 2 “/);
  await page.selectOption("#ui-lang", "zh");
  await page.waitForFunction(() => /\(错误 3 · 提醒 0\)$/.test(document.querySelector("#problems-h").textContent));
  // The title fixed, F8 goes on to the value, then to the label (unfolding nothing by hand).
  await byId(page, "f/meta/title/zh").fill("临沂市生态环境局兰山分局关于2021年度法治政府建设情况的报告");
  await page.keyboard.press("F8");
  assert.equal(await focusedId(page), "f/sections/0/items/1/value");
  await page.keyboard.press("F8");
  assert.equal(await focusedId(page), "f/sections/5/items/5/label/zh");
  // Past the last, round to the first, and said; Shift+F8 goes back, round to the last.
  await page.keyboard.press("F8");
  assert.equal(await focusedId(page), "f/sections/0/items/1/value");
  assert.equal(await page.textContent("#notice-text"), "已回到第一个问题。");
  await page.keyboard.press("Shift+F8");
  assert.equal(await focusedId(page), "f/sections/5/items/5/label/zh");
  assert.equal(await page.textContent("#notice-text"), "已回到最后一个问题。");
  await page.keyboard.type("处罚金额");
  await byId(page, "f/sections/0/items/1/value").fill("231");
  await noProblems(page);

  // An id typed that an entry further down already has: the check lists it at the later entry,
  // and the form marks both, each saying where the other is.
  const earlier = byId(page, "f/sections/3/items/0/id");
  await earlier.fill("enterprises-inspected");
  await page.waitForSelector('#problem-list li[data-pointer="/sections/5/items/1/id"]');
  await page.waitForFunction(() => document.querySelector('[id="f/sections/3/items/0/id"]').getAttribute("aria-invalid") === "true");
  const said = await byId(page, await earlier.getAttribute("aria-describedby")).textContent();
  assert.match(said, /^第6节“环境执法” › 第2项“.+”也用了这个 id/, said);
  assert.equal(await byId(page, "f/sections/5/items/1/id").getAttribute("aria-invalid"), "true");
  await earlier.fill("monitored-river-sections");
  await noProblems(page);
  assert.equal(await earlier.getAttribute("aria-invalid"), null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("on an office PC's 1024 × 768 screen, the keyboard reaches the side column at once, nothing hides the focus, and advice is not an error", async () => {
  const page = await editorPage(session.browser, editorUrl(), { viewport: { width: 1024, height: 768 } });
  await loadExample(page);
  await noProblems(page);
  // Undone, loading the example is said as that (not as the first field it changed).
  await page.click("#undo");
  assert.match(await page.textContent("#notice-text"), /^已撤销：载入兰山区示例/);
  // The last step undone disables the button clicked: the focus goes to the other, not the page.
  assert.equal(await focusedId(page), "redo");
  await page.click("#redo");
  assert.match(await page.textContent("#notice-text"), /^已重做：载入兰山区示例/);
  assert.equal(await focusedId(page), "undo");
  await noProblems(page);
  // Each section is a group named by its summary (an entry inside is heard in its section).
  assert.equal(await page.getByRole("group", { name: /^第1节\s*指标卡片\s*空气质量/ }).count(), 1);
  // Skip links: the first Tab stops on a fresh page, shown when focused, each leading to its part.
  await open(page, editorUrl());
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), "#problems-h");
  assert.ok((await page.evaluate(() => document.activeElement.getBoundingClientRect().left)) >= 0, "seen when focused");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), "#output-summary");
  await page.keyboard.press("Enter");
  assert.equal(await focusedId(page), "output-summary");
  await page.keyboard.press("Enter"); // opens the download and embed panel
  // Back up through the panel: every control focused is clear of the checks at the column's top.
  await page.focus("#snippet-lang");
  const checksBottom = await page.$eval(".ed-problems", (p) => p.getBoundingClientRect().bottom);
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press("Shift+Tab");
    const [id, top] = await page.evaluate(() => [document.activeElement.id, document.activeElement.getBoundingClientRect().top]);
    assert.ok(top >= checksBottom - 1, `${id} at ${top} px is under the checks (to ${checksBottom} px)`);
  }
  await page.keyboard.press("Shift+Tab");

  // An English unit that starts with a number: the advice is at the English, as a warning.
  const unitEn = byId(page, "f/sections/0/items/1/unit/en");
  await unitEn.fill("10,000 days");
  // Before the check, Tab on to the qualifier, placed at the bottom of the window: the message
  // the check adds above must not push it out of view.
  await page.evaluate(() => {
    const next = document.getElementById("f/sections/0/items/1/qualifier");
    window.scrollBy(0, next.getBoundingClientRect().bottom - window.innerHeight + 2);
  });
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), "f/sections/0/items/1/qualifier");
  const advice = '#problem-list li[data-pointer="/sections/0/items/1/unit/en"]';
  await page.waitForSelector(advice);
  await page.waitForFunction(() => document.activeElement.getBoundingClientRect().bottom <= window.innerHeight + 1);
  assert.match(await page.textContent(advice), /英文视图显示为“231 10,000 days”/);
  assert.equal(await unitEn.getAttribute("aria-invalid"), null, "advice: the field is not invalid");
  const note = byId(page, await unitEn.getAttribute("aria-describedby"));
  assert.equal(await note.getAttribute("class"), "ed-field-warning");
  assert.match(await note.textContent(), /^提醒：单位的英文/);
  await page.click(`${advice} a`);
  assert.equal(await focusedId(page), "f/sections/0/items/1/unit/en");
  await unitEn.fill("days");
  await noProblems(page);

  // A move is said, with the entry's new place (the button keeps the focus, its new name is
  // not read again); undone, the step is named, not the first field it changed.
  await page.click('[id="f/sections/0/items/0"] button[aria-label^="下移"]');
  await page.waitForFunction(() => /^已下移第1节“空气质量（2021年1-12月）” › 第1项“综合指数”，现为第2项。/.test(document.querySelector("#notice-text")?.textContent || ""));
  await page.keyboard.press("Control+Z");
  await page.waitForFunction(() => (document.querySelector("#notice-text")?.textContent || "").startsWith("已撤销：下移第1节“空气质量（2021年1-12月）” › 第1项“综合指数”"));
  // The checks' counts are said in a live region, once per change.
  assert.equal(await page.getAttribute("#checks-said", "role"), "status");
  assert.equal(await page.textContent("#checks-said"), "检查结果：没有问题");
  await byId(page, "f/sections/0/items/0/value").fill("98.5%");
  await page.waitForFunction(() => document.querySelector("#checks-said").textContent === "检查结果：错误 1 · 提醒 0");
  await byId(page, "f/sections/0/items/0/value").fill("4.73");
  await noProblems(page);

  // An undo that removes the focused entry leaves the focus at its place, not on the page.
  await page.click('[id="add:/sections/0/items"]');
  const added = await focusedId(page);
  assert.match(added, /^f\/sections\/0\/items\/8\//);
  await page.keyboard.type("新指标");
  await byId(page, "f/sections/0/items/8/value").focus();
  await page.keyboard.type("5");
  await page.keyboard.press("Control+Z");
  await page.keyboard.press("Control+Z");
  await page.keyboard.press("Control+Z");
  await page.waitForFunction(() => !document.getElementById("f/sections/0/items/8"));
  const after = await page.evaluate(() => document.activeElement.tagName + "#" + document.activeElement.id);
  assert.notEqual(after.split("#")[0], "BODY", after);
  assert.match(await page.textContent("#notice-text"), /^已撤销：添加第1节“空气质量（2021年1-12月）” › 第9项/);

  // A text's Chinese and English fields: side by side where both have room to type in…
  // Both boxes are read in one task: measured in two round trips, a scroll between them (the
  // page settling after the window or the text size changed) once put them 18,000 px apart.
  const pairBoxes = async () => {
    const { zh, en } = await page.evaluate(() => {
      const box = (id) => {
        const { x, y, width, height } = document.getElementById(id).getBoundingClientRect();
        return { x, y, width, height };
      };
      return { zh: box("f/meta/title/zh"), en: box("f/meta/title/en") };
    });
    return { zh, en, stacked: en.y >= zh.y + zh.height && Math.abs(en.x - zh.x) < 1 };
  };
  const wideBoxes = await pairBoxes();
  assert.equal(wideBoxes.stacked, false, JSON.stringify(wideBoxes));
  assert.ok(Math.abs(wideBoxes.en.y - wideBoxes.zh.y) < 1, JSON.stringify(wideBoxes));

  // A phone with the text at 200 %: the form fits its width, nothing scrolls sideways, and the
  // two fields of a text are one under the other, each as wide as the form.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `the page is ${wide} px wide in a 390 px window`);
  const phoneBoxes = await pairBoxes();
  assert.ok(phoneBoxes.stacked, JSON.stringify(phoneBoxes));
  assert.ok(phoneBoxes.zh.width > 250, JSON.stringify(phoneBoxes));
  // A pasted table's column choices are seen whole in the import's box, which the sections'
  // padding (in rem, doubled with the text) once squeezed to 198 px.
  const s = lanshanSection("air-ranks");
  await pasteIntoImport(page, s, "区县\t综合指数\t排名\r\n兰山区\t4.73\t1\r\n");
  const fit = await page.$eval(`[id="mapping-${s}"]`, (table) => {
    const box = table.parentElement.getBoundingClientRect();
    return { box: [box.left, box.right], selects: [...table.querySelectorAll("select")].map((x) => [x.getBoundingClientRect().left, x.getBoundingClientRect().right]) };
  });
  assert.ok(fit.box[1] - fit.box[0] > 300, JSON.stringify(fit));
  assert.ok(fit.selects.every(([l, r]) => l >= fit.box[0] && r <= fit.box[1]), JSON.stringify(fit));
  // The preview is as wide as the widget would be on the phone, less a little (263 px before).
  const previewWidth = await page.$eval("#preview", (h) => h.getBoundingClientRect().width);
  assert.ok(previewWidth > 330, `the preview is ${previewWidth} px wide in a 390 px window`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a change of 1 is advised to take its own unit, and the English preview then reads in the singular", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await page.check("#preview-en");
  await previewShows(page, "up 3 days year on year");
  // A metric's rarely used fields are folded while empty (the entry was twice as tall), open
  // where one has a value (the third water figure has a note).
  const folded = (id) => byId(page, id).evaluate((el) => !el.closest("details").open);
  assert.ok(await folded("f/sections/0/items/1/change/unit/en"));
  assert.ok(await folded("f/sections/0/items/1/bounds/min"));
  assert.equal(await folded("f/sections/3/items/2/note/zh"), false);
  // Closed by hand over a value, its summary says so.
  const noteFold = byId(page, "f/sections/3/items/2/note/zh").locator("xpath=ancestor::details[1]/summary");
  assert.equal(await noteFold.textContent(), "上下限、备注");
  await noteFold.click();
  assert.equal(await noteFold.textContent(), "上下限、备注：已填写");
  await noteFold.click();
  assert.match(await byId(page, "f/sections/0/items/1/bounds/min").evaluate((el) => el.closest("details").querySelector("summary").textContent), /上下限、备注/);
  await byId(page, "f/sections/0/items/1/change/value").fill("1");
  await previewShows(page, "up 1 days year on year");
  const advice = '#problem-list li[data-pointer="/sections/0/items/1/change"]';
  await page.waitForSelector(advice);
  assert.match(await page.textContent(advice), /提醒/);
  assert.match(await page.textContent(advice), /单数/);
  // The field for it says what it is for, and its hint describes both of its controls.
  const unitEn = byId(page, "f/sections/0/items/1/change/unit/en");
  const hint = await unitEn.getAttribute("aria-describedby");
  assert.match(await byId(page, hint).textContent(), /up 1 days/);
  assert.equal(await byId(page, "f/sections/0/items/1/change/unit/zh").getAttribute("aria-describedby"), hint);
  // The advice opens the fold its fix is in, and it stays open once the advice is followed.
  assert.equal(await folded("f/sections/0/items/1/change/unit/en"), false);
  await byId(page, "f/sections/0/items/1/change/unit/zh").fill("天");
  await unitEn.fill("day");
  await noProblems(page);
  assert.equal(await folded("f/sections/0/items/1/change/unit/en"), false);
  await previewShows(page, "up 1 day year on year");
  assert.ok((await previewText(page)).includes("231 days"), "the figure keeps its plural");
  // Every Text's two controls stand on one line, even where one label wraps (the English
  // interface's "Compared with (default: year on year)" does in this column).
  await page.selectOption("#ui-lang", "en");
  const misaligned = await page.$$eval('.ed-pair .ed-input[id$="/zh"]', (zhs) =>
    zhs
      .map((zh) => [zh, document.getElementById(zh.id.replace(/\/zh$/, "/en"))])
      .filter(([zh]) => zh.getClientRects().length > 0) // not in a closed fold
      .filter(([zh, en]) => en && Math.abs(zh.getBoundingClientRect().top - en.getBoundingClientRect().top) > 0.5)
      .map(([zh]) => zh.id)
  );
  assert.deepEqual(misaligned, []);
  const basis = byId(page, "f/sections/0/items/1/change/basis/zh");
  assert.ok((await basis.evaluate((el) => el.labels[0].getBoundingClientRect().height)) > 30, "that label does wrap");
  await page.click("#tab-json");
  assert.match(await page.inputValue("#json-text"), /"kind": "absolute",\s*"unit": \{\s*"zh": "天",\s*"en": "day"\s*\}/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("undo and redo, by keyboard and by button; typing in one field is one step", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const title = byId(page, "f/sections/0/title/zh");
  const before = await title.inputValue();
  await title.focus();
  await page.keyboard.press("End");
  await page.keyboard.type("（修订）");
  assert.equal(await title.inputValue(), `${before}（修订）`);
  await page.keyboard.press("Control+Z");
  assert.equal(await title.inputValue(), before, "the whole word is one step");
  await page.keyboard.press("Control+Y");
  assert.equal(await title.inputValue(), `${before}（修订）`);
  await page.keyboard.press("Control+Shift+Z"); // nothing left to redo
  await page.click('[id="rm:/sections/0/items/0"]');
  assert.equal(await byId(page, "f/sections/0/items/0/id").inputValue(), "good-days");
  await page.click("#undo");
  assert.equal(await byId(page, "f/sections/0/items/0/id").inputValue(), "composite-index");
  await page.click("#redo");
  assert.equal(await byId(page, "f/sections/0/items/0/id").inputValue(), "good-days");
  await page.click("#undo");
  await page.click("#undo");
  assert.equal(await title.inputValue(), before);
  // Choices (selects) follow undo and redo too, not only the document under them.
  const [direction, qualifier] = ["direction", "qualifier"].map((f) => byId(page, `f/sections/0/items/0/${f}`));
  const was = [await direction.inputValue(), await qualifier.inputValue()];
  const other = [was[0] === "neutral" ? "higher_is_better" : "neutral", was[1] === "more_than" ? "over" : "more_than"];
  await direction.selectOption(other[0]);
  await qualifier.selectOption(other[1]);
  await page.click("#undo");
  await page.click("#undo");
  assert.deepEqual([await direction.inputValue(), await qualifier.inputValue()], was);
  await page.click("#redo");
  await page.click("#redo");
  assert.deepEqual([await direction.inputValue(), await qualifier.inputValue()], other);
  await page.click("#undo");
  await page.click("#undo");
  // Loading something else is undoable too (undone, the example has no changes to ask about).
  await page.click("#new-empty");
  assert.equal(await byId(page, "f/meta/title/zh").inputValue(), "");
  await page.click("#undo");
  assert.equal(await title.inputValue(), before);
  await page.context().close();
});

test("a number field keeps the text as typed until the person leaves it", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const value = byId(page, "f/sections/0/items/0/value");
  await value.fill("");
  await value.focus();
  // One key at a time: "1,234" on the way must not become "1234" under the cursor, or the
  // next key would make 12345 of a mistyped "1,2345".
  await page.keyboard.type("1,2345", { delay: 30 });
  assert.equal(await value.inputValue(), "1,2345");
  await page.waitForSelector('#problem-list li[data-pointer="/sections/0/items/0/value"]');
  await value.fill("");
  await page.keyboard.type("1,234", { delay: 30 });
  assert.equal(await value.inputValue(), "1,234", "as typed while typing");
  await page.keyboard.press("Tab");
  assert.equal(await value.inputValue(), "1234", "the number it means once left");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("items and sections move and go by keyboard, focus following them", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await byId(page, "down:/sections/0/items/0").focus();
  await page.keyboard.press("Enter");
  assert.equal(await focusedId(page), "down:/sections/0/items/1", "focus stays on the moved item");
  assert.equal(await byId(page, "f/sections/0/items/0/id").inputValue(), "good-days");
  assert.equal(await byId(page, "f/sections/0/items/1/id").inputValue(), "composite-index");
  await page.keyboard.press("Shift+Tab"); // its "move up"
  await page.keyboard.press("Space");
  assert.equal(await focusedId(page), "up:/sections/0/items/0", "at the top, focus stays on its button");
  assert.equal(await byId(page, "up:/sections/0/items/0").getAttribute("aria-disabled"), "true", "now unavailable");
  assert.equal(await byId(page, "f/sections/0/items/0/id").inputValue(), "composite-index");
  // Pressed again, it does nothing (it used to hand the focus to "move down", which a third
  // press then used to move the entry back).
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  assert.equal(await focusedId(page), "up:/sections/0/items/0");
  assert.equal(await byId(page, "f/sections/0/items/0/id").inputValue(), "composite-index");
  // Sections: the last one up by one.
  const last = JSON.parse(await page.evaluate(() => localStorage.getItem("report-widget-editor/work"))).doc;
  const n = JSON.parse(last).sections.length;
  await byId(page, `up:/sections/${n - 1}`).focus();
  await page.keyboard.press("Enter");
  assert.equal(await byId(page, `f/sections/${n - 2}/id`).inputValue(), "outlook");
  await page.waitForFunction(() => {
    const titles = [...document.querySelector("#preview").shadowRoot.querySelectorAll("h3")].map((e) => e.textContent);
    return titles.indexOf("不足与2022年计划") < titles.indexOf("重要举措");
  });
  // Remove by keyboard: the notice says what went and how to get it back; focus goes to the
  // item now in its place, not to its remove button (a second Enter removed that one too).
  await byId(page, "rm:/sections/0/items/0").focus();
  await page.keyboard.press("Enter");
  assert.equal(await focusedId(page), "f/sections/0/items/0");
  assert.equal(await byId(page, "f/sections/0/items/0/id").inputValue(), "good-days");
  assert.match(await page.textContent("#notice-text"), /已删除第1节“空气质量（2021年1-12月）” › 第1项“综合指数”。需要时可点“撤销”（Ctrl\+Z）找回。/);
  await page.keyboard.press("Enter");
  assert.equal(await byId(page, "f/sections/0/items/0/id").inputValue(), "good-days", "Enter again removes nothing");
  await page.keyboard.press("Control+z");
  assert.equal(await byId(page, "f/sections/0/items/0/id").inputValue(), "composite-index");
  // An undo says what it undid and where: it may be far from the focus, out of view.
  assert.equal(await page.textContent("#notice-text"), "已撤销：删除第1节“空气质量（2021年1-12月）” › 第1项“综合指数”");
  await page.keyboard.press("Control+y");
  assert.match(await page.textContent("#notice-text"), /^已重做：删除第1节“空气质量（2021年1-12月）” › 第1项“综合指数”/);
  // The tabs follow the arrow keys.
  await byId(page, "tab-form").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await focusedId(page), "tab-json");
  assert.ok(await page.isVisible("#json-text"));
  await page.keyboard.press("ArrowLeft");
  assert.equal(await focusedId(page), "tab-form");
  await page.context().close();
});

test("work is kept across reloads, leaving asks first, and discard is explicit", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await byId(page, "f/meta/title/zh").fill("兰山区2021年度报告（草稿）");
  await byId(page, "f/sections/0/items/6/change/value").fill("-6.0");
  await page.waitForSelector("#unsaved");
  // Leaving with changes not downloaded: the browser asks (beforeunload); we accept.
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    d.accept();
  });
  await page.reload();
  await page.waitForSelector("#tab-form");
  assert.deepEqual(dialogs, ["beforeunload"]);
  assert.equal(await byId(page, "f/meta/title/zh").inputValue(), "兰山区2021年度报告（草稿）");
  assert.equal(await byId(page, "f/sections/0/items/6/change/value").inputValue(), "-6.0", "6.0 stays 6.0");
  assert.match(await page.textContent("#notice-text"), /恢复|restored/);
  // The notice's way to start over is named apart from the header's button, which Tab reaches next.
  const discardNames = await page.$$eval("button", (bs) => bs.map((b) => b.textContent).filter((n) => /放弃|重新开始/.test(n)));
  assert.deepEqual(discardNames, ["放弃已保存的工作", "不要恢复的内容，重新开始"]);
  await previewShows(page, "兰山区2021年度报告（草稿）");
  // A fresh tab of the same site (a crash, a closed browser) finds it too.
  const second = await page.context().newPage();
  await open(second, editorUrl());
  assert.equal(await byId(second, "f/meta/title/zh").inputValue(), "兰山区2021年度报告（草稿）");
  await second.close();
  // Text typed into the JSON view that does not parse yet is kept too, with its error.
  await page.click("#tab-json");
  const draft = (await page.inputValue("#json-text")).replace('"date": "2022-03-03",', '"date": "2022-03-03"');
  await page.fill("#json-text", draft);
  await page.waitForSelector("#json-error");
  await page.reload();
  await page.waitForSelector("#json-error");
  assert.equal(await page.inputValue("#json-text"), draft, "the unapplied JSON text came back as typed");
  assert.equal(await page.getAttribute("#tab-json", "aria-selected"), "true");
  await page.click("#tab-form");
  await page.click(".ed-warn button:last-child"); // discard the JSON changes
  assert.equal(await page.$("#json-problems"), null);
  // Discard: explicit (asked first), undoable in the session, and gone after a reload.
  await page.click("#discard");
  await page.click("#discard-yes");
  assert.equal(await byId(page, "f/meta/title/zh").inputValue(), "");
  await page.click("#undo");
  assert.equal(await byId(page, "f/meta/title/zh").inputValue(), "兰山区2021年度报告（草稿）");
  await page.click("#discard");
  await page.click("#discard-yes");
  await page.reload();
  await page.waitForSelector("#tab-form");
  assert.equal(await byId(page, "f/meta/title/zh").inputValue(), "");
  assert.equal(await page.$("#notice-text"), null, "nothing to restore");
  // Saved text that does not parse (a truncated write) comes back as JSON text to fix.
  await page.evaluate(() =>
    localStorage.setItem("report-widget-editor/work", JSON.stringify({ doc: '{"schema": "report-widget/1", "meta": {', saved_at: Date.now() }))
  );
  await page.reload();
  await page.waitForSelector("#json-error");
  assert.equal(await page.inputValue("#json-text"), '{"schema": "report-widget/1", "meta": {');
  await page.context().close();
});

test("discard asks first, in the page, by keyboard too; keeping the work is the focused answer", async () => {
  const page = await editorPage(session.browser, editorUrl());
  // No native dialog (window.confirm): the editor asks in the page. Leaving with changes
  // (beforeunload) is the one the browser shows.
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    d.accept();
  });
  await loadExample(page);
  const title = byId(page, "f/meta/title/zh");
  await title.fill("兰山区2021年度报告（草稿）");
  await page.waitForSelector("#unsaved");
  await page.focus("#discard");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#discard-confirm");
  // The question stands in the button's place; focus is on its safe answer, and the group the
  // answer is in is named by the question (what a screen reader reads on entering it).
  assert.equal(await page.$("#discard"), null);
  assert.equal(await focusedId(page), "discard-keep");
  assert.equal(await page.getAttribute("#discard-confirm", "role"), "group");
  const question = await page.$eval("#discard-confirm", (g) => document.getElementById(g.getAttribute("aria-labelledby")).textContent);
  assert.match(question, /确认放弃？.*空白报告/);
  assert.equal(await title.inputValue(), "兰山区2021年度报告（草稿）", "nothing discarded yet");
  await page.locator(".ed-bar").screenshot({ path: join(ARTIFACTS, "editor-discard-confirm.png") });
  // Enter again keeps the work (a double press is no discard); focus goes back to the button.
  await page.keyboard.press("Enter");
  await page.waitForSelector("#discard");
  assert.equal(await focusedId(page), "discard");
  assert.equal(await page.$("#discard-confirm"), null);
  assert.equal(await title.inputValue(), "兰山区2021年度报告（草稿）");
  // Escape keeps it too.
  await page.keyboard.press("Enter");
  await page.waitForSelector("#discard-confirm");
  await page.keyboard.press("Escape");
  await page.waitForSelector("#discard");
  assert.equal(await focusedId(page), "discard");
  assert.equal(await title.inputValue(), "兰山区2021年度报告（草稿）");
  // Confirmed (Shift+Tab to the confirm button, Enter): discarded, said in the live notice,
  // focus back on the discard button.
  await page.keyboard.press("Enter");
  await page.waitForSelector("#discard-confirm");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await focusedId(page), "discard-yes");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#discard");
  assert.equal(await title.inputValue(), "");
  assert.match(await page.textContent("#notice-text"), /已放弃/);
  assert.equal(await page.getAttribute("#notice", "role"), "status");
  assert.equal(await page.textContent("#notice"), await page.textContent("#notice-text"), "the live region says the words only");
  assert.equal(await focusedId(page), "discard");
  // The restored-work notice's discard button asks the same question.
  await page.click("#undo");
  await title.fill("兰山区2021年度报告（第二稿）");
  await page.reload();
  await page.waitForSelector("#tab-form");
  await page.click("#notice-tools .ed-danger");
  await page.waitForSelector("#discard-confirm");
  assert.equal(await focusedId(page), "discard-keep");
  await page.click("#discard-keep");
  assert.equal(await title.inputValue(), "兰山区2021年度报告（第二稿）");
  // English too.
  await page.selectOption("#ui-lang", "en");
  await page.click("#discard");
  assert.match(await page.textContent("#discard-confirm"), /Discard\?.*Yes, discard.*Keep my work/);
  assert.deepEqual(dialogs.filter((d) => d !== "beforeunload"), [], "no native dialog asked");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("work not downloaded is not replaced without asking; a section's type change that removes entries asks too", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  // Just loaded: nothing to lose, no question.
  await page.click("#new-empty");
  assert.equal(await page.$("#replace-confirm"), null);
  await loadExample(page);
  const title = byId(page, "f/meta/title/zh");
  await title.fill("兰山区2021年度报告（草稿）");
  await page.waitForSelector("#unsaved");
  // The edits were not downloaded: each start button asks, the safe answer focused.
  for (const button of ["#new-empty", "#new-example"]) {
    await page.click(button);
    await page.waitForSelector("#replace-confirm");
    assert.equal(await focusedId(page), "replace-keep");
    assert.match(await page.textContent("#replace-question"), /尚未下载.*刷新或关闭页面后就找不回了/);
    assert.equal(await title.inputValue(), "兰山区2021年度报告（草稿）", "nothing replaced yet");
    await page.keyboard.press("Escape");
    await page.waitForSelector("#replace-confirm", { state: "detached" });
    assert.equal(await focusedId(page), button.slice(1), "back on the button that asked");
  }
  // Opening a file asks the same, after the file is read.
  await page.setInputFiles("#open-json", { name: "other.json", mimeType: "application/json", buffer: Buffer.from(readFileSync(join(ROOT, "www/reports/lanshan-2021.json"))) });
  await page.waitForSelector("#replace-confirm");
  assert.match(await page.textContent("#replace-question"), /打开的文件会替换当前报告/);
  await page.click("#replace-keep");
  assert.equal(await title.inputValue(), "兰山区2021年度报告（草稿）");
  // A file with problems, opened anyway: the same question; keeping one's work keeps the
  // file's problem list too, with focus back on the button that asked.
  const invalid = JSON.parse(readFileSync(join(ROOT, "www/reports/lanshan-2021.json"), "utf8"));
  invalid.meta.date = "2022/03/03";
  await page.setInputFiles("#open-json", { name: "invalid.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(invalid)) });
  await page.waitForSelector("#open-anyway");
  await page.click("#open-anyway");
  await page.waitForSelector("#replace-confirm");
  await page.click("#replace-keep");
  await page.waitForSelector("#replace-confirm", { state: "detached" });
  assert.match(await page.textContent("#open-failure"), /invalid\.json.*报告信息 › 成文日期/s, "the problem list is still there");
  assert.equal(await focusedId(page), "open-anyway");
  assert.equal(await title.inputValue(), "兰山区2021年度报告（草稿）");
  // Keeping the current report from the list while the question is open ends both.
  await page.click("#open-anyway");
  await page.waitForSelector("#replace-confirm");
  await page.click("#open-cancel");
  await page.waitForSelector("#replace-confirm", { state: "detached" });
  assert.equal(await page.$("#open-failure"), null);
  assert.equal(await title.inputValue(), "兰山区2021年度报告（草稿）");
  // Replaced after all: the list goes with the question.
  await page.setInputFiles("#open-json", { name: "invalid.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(invalid)) });
  await page.waitForSelector("#open-anyway");
  await page.click("#open-anyway");
  await page.click("#replace-yes");
  await page.waitForSelector("#open-failure", { state: "detached" });
  assert.equal(await byId(page, "f/meta/date").inputValue(), "2022/03/03");
  await page.click("#undo");
  assert.equal(await title.inputValue(), "兰山区2021年度报告（草稿）");
  // Downloaded, the work is safe in the file: replacing no longer asks.
  await page.click("#output summary");
  await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  await page.waitForSelector("#unsaved", { state: "detached" });
  await page.click("#new-empty");
  assert.equal(await page.$("#replace-confirm"), null);
  assert.equal(await title.inputValue(), "");
  await page.click("#undo");
  assert.equal(await title.inputValue(), "兰山区2021年度报告（草稿）");
  // Downloaded and reloaded (no history yet, nothing unsaved), the notice still says that undo
  // brings the report back.
  await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  await page.waitForSelector("#unsaved", { state: "detached" });
  await page.reload();
  await page.waitForSelector("#tab-form");
  await page.click("#new-empty");
  assert.equal(await page.$("#replace-confirm"), null);
  assert.match(await page.textContent("#notice-text"), /已新建空白报告。.*“撤销”找回/);
  await page.click("#undo");
  assert.equal(await title.inputValue(), "兰山区2021年度报告（草稿）");

  // A section's type: the first section holds 8 figures a ranking has no place for. An arrow
  // key on the select (which changes it at once) asks; the select keeps showing the type the
  // section still has.
  const kind = byId(page, "f/sections/0/kind");
  const cards = () => page.$$eval('[id^="f/sections/0/items/"][id$="/label/zh"]', (l) => l.length);
  assert.equal(await cards(), 8);
  await kind.focus();
  await page.keyboard.press("ArrowDown");
  await page.waitForSelector("#kind-confirm");
  assert.equal(await focusedId(page), "kind-keep");
  assert.match(await page.textContent("#kind-question"), /会删除本节现有的 8 项内容/);
  assert.equal(await kind.inputValue(), "metrics", "the select shows the type the section has");
  const box = await page.locator("#kind-confirm").boundingBox();
  await page.screenshot({ path: join(ARTIFACTS, "editor-kind-question.png"), clip: { x: 0, y: Math.max(0, box.y - 160), width: 1280, height: 300 } });
  await page.keyboard.press("Enter");
  await page.waitForSelector("#kind-confirm", { state: "detached" });
  assert.equal(await focusedId(page), "f/sections/0/kind");
  assert.equal(await cards(), 8, "kept");
  // Changed on purpose: the notice says what went, and undo brings it back.
  await page.selectOption('[id="f/sections/0/kind"]', "ranking");
  await page.click("#kind-yes");
  await page.waitForFunction(() => /删除了 8 项内容/.test(document.querySelector("#notice-text")?.textContent || ""));
  assert.equal(await kind.inputValue(), "ranking");
  assert.equal(await cards(), 0);
  await page.click("#undo");
  assert.equal(await kind.inputValue(), "metrics");
  assert.equal(await cards(), 8);
  // A section with nothing in it changes type without a question.
  await page.selectOption("#new-section-kind", "metrics");
  await page.click("#add-section");
  const last = (await page.$$(".ed-section")).length - 1;
  await page.selectOption(`[id="f/sections/${last}/kind"]`, "narrative");
  assert.equal(await page.$("#kind-confirm"), null);
  assert.equal(await byId(page, `f/sections/${last}/kind`).inputValue(), "narrative");
  // English too.
  await page.selectOption("#ui-lang", "en");
  await page.selectOption('[id="f/sections/0/kind"]', "narrative");
  assert.match(await page.textContent("#kind-confirm"), /removes 8 of this section's entries or fields.*Change the type.*Keep the type/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a second tab editing too: the first is told that this browser keeps only the last save", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const other = await page.context().newPage();
  await other.goto(editorUrl());
  await other.waitForSelector("#tab-form");
  assert.equal(await page.textContent("#other-tab"), "");
  await byId(other, "f/meta/title/zh").fill("另一份报告");
  await page.waitForFunction(() => /另一个标签页.*请下载本页的报告/.test(document.querySelector("#other-tab").textContent));
  assert.equal(await page.getAttribute("#other-tab", "role"), "status", "announced");
  assert.equal(await other.textContent("#other-tab"), "", "the tab that saved last is not told");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the preview saves chart images itself (the editor page has no loader)", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const svg = page.locator("#preview #rw-enforcement figure.rw-chart >> nth=0").locator(".rw-export-svg");
  const [download] = await Promise.all([page.waitForEvent("download"), svg.click()]);
  assert.equal(download.suggestedFilename(), "环境执法（件）.svg");
  assert.ok(readFileSync(await download.path(), "utf8").includes("290余件"));
  await page.context().close();
});

test("after a contents link in the preview, typing in the form keeps the focus there", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  // The link writes #rw-enforcement into the editor's address bar, as on a portal page.
  await page.locator('#preview .rw-toc a[href="#rw-enforcement"]').click();
  assert.equal(new URL(page.url()).hash, "#rw-enforcement");
  const title = byId(page, "f/meta/title/zh");
  await title.focus();
  await page.keyboard.type("（草稿）");
  await previewShows(page, "（草稿）");
  // A new payload in the preview does not follow the hash again (that would move the focus).
  await page.keyboard.type("二");
  await previewShows(page, "（草稿）二");
  assert.equal(await focusedId(page), await title.getAttribute("id"));
  assert.ok((await title.inputValue()).endsWith("（草稿）二"));
  await page.context().close();
});

test("English left as it was when its Chinese is edited is pointed out until either is made to match", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await noProblems(page);
  // Last year's report as the start of this year's: the title typed anew, in Chinese only.
  const zh = byId(page, "f/meta/title/zh");
  const before = await zh.inputValue();
  await zh.fill("2022年法治政府建设情况报告");
  const advice = '#problem-list li[data-pointer="/meta/title/en"]';
  await page.waitForSelector(advice);
  assert.match(await page.textContent(advice), new RegExp(`原为“${before.replace(/[()（）]/g, ".")}”.*英文未改`));
  // Beside the English field too, as advice (the report can still be published).
  const en = byId(page, "f/meta/title/en");
  const ids = ((await en.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  const said = await Promise.all(ids.map((id) => byId(page, id).textContent()));
  assert.ok(said.some((text) => /英文未改/.test(text)), `the English field is described by the advice: ${said.join(" | ")}`);
  // Kept with the work: a reload does not forget it.
  await page.reload();
  await page.waitForSelector("#tab-form");
  await page.waitForSelector(advice);
  // The English updated: nothing left to say.
  await byId(page, "f/meta/title/en").fill("Report on building law-based government in 2022");
  await noProblems(page);
  // A typo fixed in another text's Chinese (its last character) is no new meaning: nothing said.
  const publisher = byId(page, "f/meta/publisher/zh");
  const name = await publisher.inputValue();
  await publisher.fill(name.slice(0, -1) + "居");
  await previewShows(page, name.slice(0, -1) + "居");
  await noProblems(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the preview follows both languages and both themes", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  // Editing a section brings it into view in the preview (the side column scrolls, not the
  // form), just below the checks, which stay at the column's top.
  await byId(page, "f/sections/5/items/0/value").focus();
  await page.waitForFunction(() => {
    const checks = document.querySelector(".ed-problems").getBoundingClientRect();
    const side = document.querySelector(".ed-side").getBoundingClientRect().top;
    const anchor = document.querySelector("#preview").shadowRoot.getElementById("rw-enforcement");
    return Math.abs(checks.top - side) < 2 && Math.abs(anchor.getBoundingClientRect().top - checks.bottom) < 60;
  });
  // A section just added is not in the preview until it has a title (the report is not valid
  // without one): the preview goes to it once it is there, without the form leaving it first.
  const sections = JSON.parse(LANSHAN).sections.length;
  await page.selectOption("#new-section-kind", "metrics");
  await page.click("#add-section");
  assert.equal(await focusedId(page), `f/sections/${sections}/title/zh`);
  const id = await byId(page, `f/sections/${sections}/id`).inputValue();
  await page.keyboard.type("新加的一节");
  await previewShows(page, "新加的一节");
  await page.waitForFunction((anchor) => {
    const side = document.querySelector(".ed-side-scroll").getBoundingClientRect();
    const top = document.querySelector("#preview").shadowRoot.getElementById(anchor).getBoundingClientRect().top;
    return top >= side.top && top < side.bottom - 40;
  }, `rw-${id}`);
  await page.check("#preview-en");
  await previewShows(page, "more than 5,020 person-times");
  // The page itself shows the snippet's language, which is still Chinese: said under the choice.
  assert.match(await page.textContent("#preview-lang-hint"), /只是预览.*现为中文/);
  await page.check("#theme-dark");
  assert.equal(await page.getAttribute("#preview", "data-theme"), "dark");
  const bg = await page.$eval("#preview", (h) => getComputedStyle(h.shadowRoot.querySelector(".rw")).backgroundColor);
  assert.equal(bg, "rgb(13, 17, 23)", "the widget's dark palette");
  await page.screenshot({ path: join(ARTIFACTS, "editor-preview-en-dark.png") });
  await page.check("#theme-light");
  await page.check("#preview-zh");
  await previewShows(page, "5020余人次");
  assert.equal(await page.$("#preview-lang-hint"), null);
  // A trap in the editor's WebAssembly (a Rust panic in the release) says so, and that the work is saved.
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("unreachable") })));
  assert.match(await page.textContent("#editor-crashed"), /已自动保存|saved in this browser/);
  // The interface itself in English.
  await page.selectOption("#ui-lang", "en");
  assert.equal(await page.textContent("#tab-form"), "Form");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.context().close();
});

test("the editor is accessible (axe, wcag2a/aa, 21a/aa), in both interface languages", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await page.addScriptTag({ content: readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8") });
  const run = () =>
    page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    });
  assert.deepEqual(await run(), [], "Lanshan loaded, form tab");
  // With a problem, the table import open, the outputs open, the JSON tab, English, dark.
  await byId(page, "f/sections/0/items/0/value").fill("x");
  await page.waitForSelector("#problem-list");
  await page.click('[id="import:1"]');
  await page.fill("#paste-1", "指标\t排名\n扬尘治理\t2\n");
  await page.click("#output summary");
  await page.check("#theme-dark");
  await page.click("#discard");
  await page.waitForSelector("#discard-confirm");
  assert.deepEqual(await run(), [], "problem, import, outputs, dark preview, discard asked");
  await page.selectOption("#ui-lang", "en");
  await page.click("#tab-json");
  assert.deepEqual(await run(), [], "English, JSON tab");
  await page.context().close();
});

test("strict CSP: nothing inline, nothing refused", async () => {
  const strict = await serveDist({ headers: { "content-security-policy": `${STRICT_CSP}; base-uri 'none'; object-src 'none'` } });
  const page = await editorPage(session.browser);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await open(page, `${strict.url}/editor.html`);
  await loadExample(page);
  await page.check("#theme-dark");
  await page.click('[id="import:1"]');
  await page.click("#output summary");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.equal(await page.$$eval("[style]", (els) => els.length), 0, "no style attributes in the page");
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await strict.close();
});

test("opened from disk (file://, no server) it works offline", async () => {
  const page = await editorPage(session.browser);
  await open(page, pathToFileURL(join(DIST, "editor.html")).href);
  await loadExample(page);
  await noProblems(page);
  const styled = await page.$eval("#preview", (h) => getComputedStyle(h.shadowRoot.querySelector(".rw-card")).borderRadius);
  assert.equal(styled, "6px", "the widget's stylesheet loaded in the preview");
  await byId(page, "f/meta/title/zh").fill("离线编辑");
  await previewShows(page, "离线编辑");
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: join(ARTIFACTS, "editor-file-url.png") });
  await page.context().close();
});

test("a syntax error in the JSON view names the likely mistake: a full-width comma, typographic quotes", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await page.click("#tab-json");
  const text = await page.inputValue("#json-text");
  assert.ok(text.includes('"schema": "report-widget/1",'), "the JSON view shows the payload");
  await page.fill("#json-text", text.replace('"schema": "report-widget/1",', '"schema": "report-widget/1"，'));
  await page.waitForSelector("#json-error");
  assert.match(await page.textContent("#json-error"), /“，”是全角字符（中文输入法），JSON 需要半角的“,”/);
  assert.match(await page.textContent("#json-problems"), /“，”是全角字符/, "the problem list says it too");
  await page.fill("#json-text", text.replace('"schema": "report-widget/1"', '“schema”: "report-widget/1"'));
  await page.waitForFunction(() => /中文引号/.test(document.querySelector("#json-error")?.textContent ?? ""));
  // A comma after the last item, placed at the bracket on the next line (as the widget places
  // it): the message names the comma's line, and going to the error selects that line.
  const lines = text.split("\n");
  const last = lines.findIndex((l) => l.startsWith('  "sections"')) - 1; // the line closing "groups"
  assert.match(lines[last], /^  \],?$/);
  const broken = [...lines.slice(0, last - 1), `${lines[last - 1]},`, ...lines.slice(last)].join("\n");
  await page.fill("#json-text", broken);
  await page.waitForFunction(() => /多了一个逗号/.test(document.querySelector("#json-problems")?.textContent ?? ""));
  assert.match(await page.textContent("#json-problems"), new RegExp(`JSON 第 ${last + 1} 行.*多了一个逗号（在第 ${last} 行末尾）`));
  await page.click("#json-problems a");
  const selected = await page.$eval("#json-text", (t) => t.value.slice(0, t.selectionStart).split("\n").length);
  assert.equal(selected, last, "the comma's line is selected");
  await page.context().close();
});

test("the preview sorts a ranking's Chinese labels by pinyin, as the widget does", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await page.click("#tab-json");
  const payload = JSON.parse(await page.inputValue("#json-text"));
  const ranking = payload.sections.find((s) => s.id === "air-ranks");
  ranking.rows = ["罗庄区", "兰山区", "河东区"].map((zh, i) => ({ label: { zh, en: zh }, value_rank: i + 1 }));
  await page.fill("#json-text", JSON.stringify(payload, null, 2));
  await previewShows(page, "罗庄区");
  const table = page.locator("#preview .rw-ranking");
  await table.locator("thead th >> nth=0").locator("button").click();
  // By character code: 兰山 (U+5170), 河东 (U+6CB3), 罗庄 (U+7F57).
  assert.deepEqual(await table.locator("tbody th").allTextContents(), ["河东区", "兰山区", "罗庄区"]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
