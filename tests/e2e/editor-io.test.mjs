// The editor's inputs and outputs on the release build: a table pasted from a spreadsheet, a
// GBK-encoded CSV, opening good and broken files, downloading the payload (then validated by
// the command-line tool), and the embed snippet, safe against "</script>" in a label.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, ROOT, browserAndDist, markupDigest, runCli, serveDist, settled, shadowText } from "./support.mjs";
import {
  FIXTURES, LANSHAN, byId, editorPage, focusedId, lanshanSection, loadExample, noProblems, open, paste, pasteIntoImport,
  previewShows, previewText,
} from "./editor-support.mjs";

const session = browserAndDist();

const editorUrl = () => `${session.server.url}/editor.html`;

test("a sheet of six columns maps on an office PC's 1024 px screen: every column and its choice in view, nothing to scroll", async () => {
  // The form has about half of the window: a column per line, not six side by side.
  for (const width of [1024, 1280]) {
    const page = await editorPage(session.browser, editorUrl(), { viewport: { width, height: 800 } });
    await loadExample(page);
    const s = lanshanSection("air-ranks");
    await pasteIntoImport(page, s, "序号\t区县\t综合指数\t同比（%）\t排名\t备注\r\n1\t兰山区\t4.73\t-5.2\t1\t较上年改善\r\n2\t罗庄区\t4.95\t-3.8\t2\t\r\n3\t河东区\t5.02\t-2.1\t3\tPM2.5 偏高\r\n");
    const fit = await page.$eval(`[id="mapping-${s}"]`, (table) => {
      const wrap = table.parentElement.getBoundingClientRect();
      const selects = [...table.querySelectorAll("th select")].map((el) => el.getBoundingClientRect());
      return {
        scrolls: table.parentElement.scrollWidth > table.parentElement.clientWidth,
        selects: selects.length,
        inside: selects.every((r) => r.left >= wrap.left && r.right <= wrap.right),
        // A select shows its choice in full.
        clipped: [...table.querySelectorAll("th select")].filter((el) => el.scrollWidth > el.clientWidth + 1).length,
      };
    });
    assert.deepEqual(fit, { scrolls: false, selects: 6, inside: true, clipped: 0 }, `${width} px`);
    if (width === 1024) await page.screenshot({ path: join(ARTIFACTS, "editor-mapping-1024.png") });
    await page.context().close();
  }
});

test("a table pasted from a spreadsheet fills a ranking section, shown first, then applied", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("air-ranks");
  await page.click(`[id="import:${s}"]`);
  assert.equal(await focusedId(page), `paste-${s}`, "focus goes to the paste box");
  // What Excel puts on the clipboard: tab-separated cells, a header row, \r\n line ends.
  const tsv = "指标\t数值\t单位\t排名\t改善排名\r\n扬尘治理达标率\t96.0\t%\t第2名\t1\r\n秸秆禁烧\t\t\t3\t\r\n";
  // A paste replaces what was typed in the box, and Ctrl+Z takes it back, as in any text box.
  await page.keyboard.type("区县");
  await paste(page, byId(page, `paste-${s}`), tsv);
  await page.waitForSelector(`[id="mapping-${s}"]`);
  assert.equal(await byId(page, `paste-${s}`).inputValue(), tsv.replaceAll("\r\n", "\n"));
  await page.keyboard.press("Control+Z");
  await page.waitForFunction((id) => document.getElementById(id).value === "区县", `paste-${s}`);
  await page.keyboard.press("Control+Shift+Z");
  await page.waitForSelector(`[id="mapping-${s}"]`);
  const mapped = await page.$$eval(`[id="mapping-${s}"] th select`, (sel) => sel.map((x) => x.value));
  assert.deepEqual(mapped, ["label", "value", "unit", "value_rank", "change_rank"]);
  assert.ok(await page.isChecked(`[id="header-${s}"]`), "the header row was recognised");
  const result = await page.$$eval(`[id="result-${s}"] li`, (lis) => lis.map((li) => li.textContent));
  assert.equal(result.length, 2);
  assert.match(result[0], /扬尘治理达标率.*96\.0%/);
  // Nothing has changed yet.
  assert.ok(!(await previewText(page)).includes("扬尘治理达标率"));
  await page.screenshot({ path: join(ARTIFACTS, "editor-paste-mapping.png") });
  // The person says the second numeric column is not the rank by improvement after all.
  await page.selectOption(`[id="map-${s}-4"]`, "ignore");
  await page.check(`[id="append-${s}"]`);
  await page.click(`[id="apply-${s}"]`);
  await previewShows(page, "扬尘治理达标率");
  await noProblems(page);
  const text = await previewText(page);
  assert.ok(text.includes("秸秆禁烧") && text.includes("96.0%"), text);
  assert.ok(text.includes("综合指数"), "appended after the rows that were there");
  assert.match(await page.textContent("#notice-text"), /2/);
  assert.equal(await focusedId(page), `f/sections/${s}/rows/4`, "focus goes to the first new row");
  assert.equal(await byId(page, `f/sections/${s}/rows/4/value_rank`).inputValue(), "2");
  assert.equal(await byId(page, `f/sections/${s}/rows/4/change_rank`).inputValue(), "", "the column was skipped");
  // One undo step takes it all back.
  await page.click("#undo");
  await page.waitForFunction(() => !document.querySelector("#preview").shadowRoot.textContent.includes("扬尘治理达标率"));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a long sheet pasted into the import box is read at once, and Ctrl+Z takes it back", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("air-ranks");
  const rows = Array.from({ length: 5000 }, (_, i) => `站点${i + 1}\t${(i % 97) + 0.5}\t${(i % 5) + 1}`);
  const sheet = ["站点\t数值\t排名", ...rows].join("\r\n");
  await pasteIntoImport(page, s, sheet);
  assert.equal((await byId(page, `paste-${s}`).inputValue()).split("\n").length, 5001);
  await page.keyboard.press("Control+Z");
  await page.waitForFunction((id) => document.getElementById(id).value === "", `paste-${s}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a sheet of counties heads the ranking's first and value columns with its own headers, in the same undo step", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("air-ranks");
  await pasteIntoImport(page, s, "区县\t综合指数\t排名\r\n兰山区\t4.73\t1\r\n罗庄区\t4.95\t2\r\n合计\t\t\r\n");
  const notes = await page.$$eval(".ed-notes li", (lis) => lis.map((li) => li.textContent));
  assert.ok(notes.some((n) => n.includes("首列标题") && n.includes("区县")), `said before it is applied: ${notes}`);
  assert.ok(notes.some((n) => n.includes("数值列标题") && n.includes("综合指数")), `said before it is applied: ${notes}`);
  // What is only said (the heading) reads as text; what was left out (the total) is to check,
  // and comes first.
  const toCheck = await page.$$eval(".ed-notes li", (lis) =>
    lis.map((li) => [li.textContent.slice(0, 8), li.classList.contains("ed-note-check"), getComputedStyle(li).fontWeight]),
  );
  assert.deepEqual(
    toCheck,
    [["第 4 行“合计", true, "600"], ["表头“区县”：应", false, "400"], ["表头“综合指数”", false, "400"]],
    JSON.stringify(toCheck),
  );
  await page.click(`[id="apply-${s}"]`);
  await previewShows(page, "罗庄区");
  assert.match(await page.textContent("#notice-text"), /首列标题已设为“区县”。数值列标题已设为“综合指数”。/);
  // The report's one ranking table.
  const headings = () =>
    page.$eval("#preview", (h) => [...h.shadowRoot.querySelectorAll(".rw-ranking thead th")].map((th) => th.textContent));
  const firstHeading = async () => (await headings())[0];
  assert.match(await firstHeading(), /^区县/);
  assert.match((await headings())[1], /^综合指数/);
  assert.equal(await byId(page, `f/sections/${s}/row_heading/zh`).inputValue(), "区县");
  assert.equal(await byId(page, `f/sections/${s}/value_heading/zh`).inputValue(), "综合指数");
  await noProblems(page);
  // One undo takes back the rows and the heading together.
  await page.click("#undo");
  await page.waitForFunction(() => !document.querySelector("#preview").shadowRoot.textContent.includes("罗庄区"));
  assert.equal(await byId(page, `f/sections/${s}/row_heading/zh`).inputValue(), "");
  assert.equal(await byId(page, `f/sections/${s}/value_heading/zh`).inputValue(), "");
  assert.match(await firstHeading(), /^指标/);
  assert.match((await headings())[1], /^数值/);
  // The undone import's box is open again, with its sheet; cancelled here.
  assert.match(await page.inputValue(`[id="paste-${s}"]`), /罗庄区/);
  await page.click(`[id="cancel-${s}"]`);
  // Added under the indicators, the counties do not rename their column: no note, no heading.
  const rowsBefore = JSON.parse(LANSHAN).sections.find((x) => x.id === "air-ranks").rows.length;
  await pasteIntoImport(page, s, "区县\t综合指数\t排名\r\n兰山区\t4.73\t1\r\n罗庄区\t4.95\t2\r\n");
  await page.check(`[id="append-${s}"]`);
  assert.ok(!(await page.$$eval(".ed-notes li", (lis) => lis.map((li) => li.textContent))).some((n) => n.includes("列标题")));
  await page.click(`[id="apply-${s}"]`);
  await previewShows(page, "罗庄区");
  // The notice says they were added after the rows there, and how many there are now.
  assert.match(await page.textContent("#notice-text"), new RegExp(`已从表格填入 2 条，加在原有的 ${rowsBefore} 条之后，现共 ${rowsBefore + 2} 条。`));
  assert.equal(await byId(page, `f/sections/${s}/row_heading/zh`).inputValue(), "");
  assert.match(await firstHeading(), /^指标/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a sheet of another kind of figure replacing the rows keeps the value column's heading, and asks to look at it", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("air-ranks");
  await pasteIntoImport(page, s, "区县\t综合指数\t排名\r\n兰山区\t4.73\t1\r\n罗庄区\t4.95\t2\r\n");
  await page.click(`[id="apply-${s}"]`);
  await previewShows(page, "罗庄区");
  assert.equal(await byId(page, `f/sections/${s}/value_heading/zh`).inputValue(), "综合指数");
  await pasteIntoImport(page, s, "区县\t污水处理率（%）\t排名\r\n兰山区\t98.5\t1\r\n罗庄区\t97.2\t2\r\n");
  const notes = await page.$$eval(".ed-notes li", (lis) => lis.map((li) => [li.textContent, li.classList.contains("ed-note-check")]));
  const kept = notes.find(([text]) => text.includes("数值列标题仍是已填写的“综合指数”"));
  assert.ok(kept && kept[0].startsWith("表头“污水处理率（%）”") && kept[1], `a note to check: ${JSON.stringify(notes)}`);
  await page.click(`[id="apply-${s}"]`);
  await previewShows(page, "97.2");
  assert.equal(await byId(page, `f/sections/${s}/value_heading/zh`).inputValue(), "综合指数", "the heading given stays");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("re-importing a sheet replaces the section's rows by default, says how many first, and undoes", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("air-ranks");
  const rows = () => page.$$eval(`[id^="f/sections/${s}/rows/"][id$="/metric"]`, (els) => els.length);
  assert.equal(await rows(), 4);
  const tsv = "指标\t数值\t单位\t排名\r\n扬尘治理达标率\t96.0\t%\t2\r\n秸秆禁烧\t100\t%\t3\r\n";
  const importTable = async () => {
    await pasteIntoImport(page, s, tsv);
  };
  await importTable();
  // The section has rows: the choice is explicit, replacing is the default, and the panel says
  // in numbers what each choice does to the rows already there.
  assert.ok(await page.isChecked(`[id="replace-${s}"]`), "replace is the default");
  assert.ok(!(await page.isChecked(`[id="append-${s}"]`)));
  assert.match(await page.textContent(`[id="import-${s}"] legend`), /本节已有 4 条/);
  const effect = byId(page, `mode-${s}-effect`);
  assert.match(await effect.textContent(), /现有的 4 条将被删除，换成表格中的 2 条.*撤销/);
  assert.equal(await effect.getAttribute("aria-live"), "polite");
  assert.match(
    await page.$eval(`[id="import-${s}"] fieldset`, (f) => document.getElementById(f.getAttribute("aria-describedby")).textContent),
    /4 条/,
    "the radios are described by what they do"
  );
  await page.check(`[id="append-${s}"]`);
  assert.match(await effect.textContent(), /现有的 4 条保留，表格中的 2 条排在其后，共 6 条/);
  await page.check(`[id="replace-${s}"]`);
  await byId(page, `replace-${s}`).scrollIntoViewIfNeeded();
  await page.locator(`[id="import-${s}"]`).screenshot({ path: join(ARTIFACTS, "editor-import-replace.png") });
  await page.click(`[id="apply-${s}"]`);
  await previewShows(page, "扬尘治理达标率");
  assert.equal(await rows(), 2, "the 4 rows were replaced");
  assert.match(await page.textContent("#notice-text"), /填入 2 条，替换了原有的 4 条/);
  // The same sheet again (an updated version, say): still 2 rows, never 4.
  await importTable();
  assert.ok(await page.isChecked(`[id="replace-${s}"]`));
  assert.match(await effect.textContent(), /现有的 2 条将被删除/);
  await page.click(`[id="apply-${s}"]`);
  await page.waitForFunction(() => /替换了原有的 2 条/.test(document.querySelector("#notice-text")?.textContent || ""));
  assert.equal(await rows(), 2, "re-importing does not duplicate the rows");
  await noProblems(page);
  // Each apply is one undo step: twice back to the rows the section had. The first undo opens
  // the box again with its table, to change a column's choice and apply once more.
  await page.click("#undo");
  await page.waitForSelector(`[id="paste-${s}"]`);
  assert.match(await page.inputValue(`[id="paste-${s}"]`), /扬尘治理达标率\t96\.0/);
  assert.match(await page.textContent("#notice-text"), /已撤销：.*。“从表格填入”已重新打开/);
  // Redone, the rows are back and the box closes: applying it again would add them twice.
  await page.click("#redo");
  await page.waitForFunction((id) => !document.getElementById(id), `paste-${s}`);
  assert.equal(await rows(), 2);
  assert.match(await page.textContent("#notice-text"), /“从表格填入”已关闭/);
  await page.click("#undo");
  await page.waitForSelector(`[id="paste-${s}"]`);
  await page.click("#undo");
  assert.equal(await rows(), 4);
  await page.waitForFunction(() => !document.querySelector("#preview").shadowRoot.textContent.includes("扬尘治理达标率"));
  // An empty section has nothing to replace or keep: no choice is asked.
  await page.click("#new-empty");
  await page.selectOption("#new-section-kind", "ranking");
  await page.click("#add-section");
  await pasteIntoImport(page, 0, tsv);
  assert.equal(await page.$('[id="replace-0"]'), null);
  assert.equal(await page.$('[id="mode-0-effect"]'), null);
  await page.click('[id="apply-0"]');
  await page.waitForSelector('[id="f/sections/0/rows/1/metric"]');
  assert.match(await page.textContent("#notice-text"), /已从表格填入 2 条。/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a table pasted but not applied comes back in its import box after a reload", async () => {
  const page = await editorPage(session.browser, editorUrl());
  page.on("dialog", (d) => d.accept());
  await loadExample(page);
  await byId(page, "f/meta/title/zh").fill("兰山区2021年度报告（草稿）");
  const s = lanshanSection("inspection");
  const csv = "指标,数值,单位\n双随机抽查企业,1200余,家次\n";
  await page.click(`[id="import:${s}"]`);
  // Typed into the box, not pasted: kept all the same.
  await byId(page, `paste-${s}`).fill(csv);
  await page.waitForSelector(`[id="mapping-${s}"]`);
  await page.reload();
  await page.waitForSelector(`[id="paste-${s}"]`);
  assert.equal(await page.inputValue(`[id="paste-${s}"]`), csv, "the box holds the text as typed");
  const mapped = await page.$$eval(`[id="mapping-${s}"] th select`, (sel) => sel.map((x) => x.value));
  assert.deepEqual(mapped, ["label", "value", "unit"], "read again as before");
  assert.match(await page.textContent("#notice-text"), /恢复.*尚未应用的表格也已恢复/);
  assert.equal(await byId(page, "f/meta/title/zh").inputValue(), "兰山区2021年度报告（草稿）");
  assert.ok(!(await previewText(page)).includes("双随机抽查企业"), "still not applied");
  // Cancelling the import forgets it.
  await page.click(`[id="cancel-${s}"]`);
  await page.reload();
  await page.waitForSelector("#tab-form");
  assert.equal(await page.$(`[id="paste-${s}"]`), null, "cancelled: nothing comes back");
  assert.doesNotMatch(await page.textContent("#notice-text"), /表格/);
  // Applied: nothing comes back either.
  await pasteIntoImport(page, s, csv);
  await page.click(`[id="apply-${s}"]`);
  await previewShows(page, "双随机抽查企业");
  await page.reload();
  await page.waitForSelector("#tab-form");
  assert.equal(await page.$(`[id="paste-${s}"]`), null, "applied: nothing comes back");
  // A pasted table is kept beside the work only: after a discard neither comes back.
  await pasteIntoImport(page, s, csv);
  await page.click("#discard");
  await page.click("#discard-yes");
  await page.reload();
  await page.waitForSelector("#tab-form");
  assert.equal(await page.$(`[id="paste-${s}"]`), null);
  assert.equal(await page.evaluate(() => localStorage.getItem("report-widget-editor/import")), null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an open import box follows its section through the form's list buttons (move, remove a row), and closes with it", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("air-ranks");
  const sheet = "指标\t数值\t单位\t排名\r\n道路保洁\t98\t%\t1\r\n工地围挡\t95\t%\t4\r\n";
  await pasteIntoImport(page, s, sheet);
  assert.match(await page.textContent(`[id="import-${s}"] legend`), /本节已有 4 条/);
  // A row of the same section removed while the box is open: the box stays, counting 3.
  await page.click(`[id="rm:/sections/${s}/rows/0"]`);
  await page.waitForFunction((s) => document.querySelector(`[id="import-${s}"] legend`)?.textContent.includes("本节已有 3 条"), s);
  assert.equal(await page.inputValue(`[id="paste-${s}"]`), sheet.replace(/\r\n/g, "\n"), "the pasted text is still there");
  // The section moved up: the box moves with it.
  await page.click(`[id="up:/sections/${s}"]`);
  const moved = s - 1;
  await page.waitForSelector(`[id="import-${moved}"]`);
  assert.equal(await page.inputValue(`[id="paste-${moved}"]`), sheet.replace(/\r\n/g, "\n"));
  // The section removed: the box goes with it.
  await page.click(`[id="rm:/sections/${moved}"]`);
  await page.waitForFunction(() => !document.querySelector('[id^="import-"] textarea'));
  await page.close();
});

test("an open import box follows its section through edits of the JSON, and closes with it", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("air-ranks");
  const sheet = "指标\t数值\t单位\t排名\r\n道路保洁\t98\t%\t1\r\n";
  await pasteIntoImport(page, s, sheet);
  // In the JSON, the section moves to the top.
  await page.click("#tab-json");
  const payload = JSON.parse(await page.inputValue("#json-text"));
  const [section] = payload.sections.splice(s, 1);
  payload.sections.unshift(section);
  await page.fill("#json-text", JSON.stringify(payload, null, 2));
  await page.click("#tab-form");
  await page.waitForSelector('[id="import-0"]');
  assert.equal(await page.inputValue('[id="paste-0"]'), sheet.replace(/\r\n/g, "\n"), "the box moved with its section, its text kept");
  assert.equal(await page.$(`[id="import-${s}"]`), null);
  // In the JSON, the section is removed: the box closes, and the notice says why.
  await page.click("#tab-json");
  payload.sections.shift();
  await page.fill("#json-text", JSON.stringify(payload, null, 2));
  await page.click("#tab-form");
  await page.waitForFunction(() => !document.querySelector('[id^="import-"] textarea'));
  assert.match(await page.textContent("#notice-text"), /“编辑 JSON”后，表格导入所属的节已不存在/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("undo and redo keep an open import box and its text, worked out again; it closes only with its section", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("air-ranks");
  const rows = () => page.$$eval(`[id^="f/sections/${s}/rows/"][id$="/metric"]`, (els) => els.length);
  const mapping = () => page.$$eval(`[id="mapping-${s}"] th select`, (sel) => sel.map((x) => x.value));
  const existing = (n) =>
    page.waitForFunction(
      ([s, n]) => document.querySelector(`[id="import-${s}"] legend`)?.textContent.includes(`本节已有 ${n} 条`),
      [s, n]
    );
  // A first sheet applied: the section's 4 rows become 2.
  const first = "指标\t数值\t单位\t排名\r\n扬尘治理达标率\t96.0\t%\t2\r\n秸秆禁烧\t100\t%\t3\r\n";
  await pasteIntoImport(page, s, first);
  await page.click(`[id="apply-${s}"]`);
  await previewShows(page, "扬尘治理达标率");
  assert.equal(await rows(), 2);
  // A second sheet pasted, a column and adding chosen by hand, not applied.
  const second = "指标\t数值\t单位\t排名\r\n道路保洁\t98\t%\t1\r\n工地围挡\t95\t%\t4\r\n餐饮油烟\t90\t%\t5\r\n";
  // As the box holds it (a textarea's value has \n line ends).
  const held = second.replace(/\r\n/g, "\n");
  await pasteIntoImport(page, s, second);
  await page.selectOption(`[id="map-${s}-3"]`, "ignore");
  await page.check(`[id="append-${s}"]`);
  const effect = byId(page, `mode-${s}-effect`);
  assert.match(await effect.textContent(), /现有的 2 条保留，表格中的 3 条排在其后，共 5 条/);
  // Undo (the button) acts on the report: the first sheet goes, the 4 rows are back. The box
  // stays as the person left it, its numbers worked out again against the 4 rows.
  await page.click("#undo");
  await existing(4);
  assert.equal(await rows(), 4);
  assert.equal(await page.inputValue(`[id="paste-${s}"]`), held, "the pasted text is still there");
  assert.deepEqual(await mapping(), ["label", "value", "unit", "ignore"], "so are the columns as chosen");
  assert.ok(await page.isChecked(`[id="append-${s}"]`));
  assert.match(await effect.textContent(), /现有的 4 条保留，表格中的 3 条排在其后，共 7 条/);
  await page.locator(`[id="import-${s}"]`).screenshot({ path: join(ARTIFACTS, "editor-import-after-undo.png") });
  // Redo by keyboard, from a column's menu: 2 rows again, the box still open.
  await byId(page, `map-${s}-0`).focus();
  await page.keyboard.press("Control+Y");
  await existing(2);
  assert.equal(await rows(), 2);
  assert.equal(await page.inputValue(`[id="paste-${s}"]`), held);
  assert.match(await effect.textContent(), /共 5 条/);
  assert.ok(!(await previewText(page)).includes("道路保洁"), "still not applied");
  const kept = () => page.evaluate(() => localStorage.getItem("report-widget-editor/import"));
  assert.match(await kept(), /道路保洁/, "still kept for a reload");
  // Undone back past loading the example: the empty report has no section for the box. It
  // closes, and the notice says why.
  await page.keyboard.press("Control+Z");
  await existing(4);
  await page.keyboard.press("Control+Z");
  await page.waitForSelector(`[id="import-${s}"]`, { state: "detached" });
  assert.match(await page.textContent("#notice-text"), /“撤销”后，表格导入所属的节已不存在，导入框已关闭/);
  assert.equal(await kept(), null, "nothing left to restore");
  await page.locator("#notice").screenshot({ path: join(ARTIFACTS, "editor-import-closed-by-undo.png") });
  // Redo brings the example back; the box stays closed.
  await page.click("#redo");
  await page.waitForSelector(`[id="import:${s}"]`);
  assert.equal(await page.$(`[id="import-${s}"]`), null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an import box whose section turns back into the other table kind on undo reads its columns again", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("inspection");
  const items = JSON.parse(LANSHAN).sections[s].items.length;
  const mapping = () => page.$$eval(`[id="mapping-${s}"] th select`, (sel) => sel.map((x) => x.value));
  // The case statistics made a ranking (one step, asked first: the items go), and a table
  // pasted for it.
  await page.selectOption(`[id="f/sections/${s}/kind"]`, "ranking");
  await page.click("#kind-yes");
  await page.click(`[id="import:${s}"]`);
  const csv = "事项,数量,已办结\n投诉处理,120,118\n";
  await byId(page, `paste-${s}`).fill(csv);
  await page.waitForSelector(`[id="mapping-${s}"]`);
  assert.deepEqual(await mapping(), ["label", "value", "ignore"], "a ranking has no resolved count");
  // Undone: case statistics again. The text stays; its columns are read for the fields the
  // section has now.
  await page.click("#undo");
  await page.waitForFunction(
    ([s, n]) => document.querySelector(`[id="import-${s}"] legend`)?.textContent.includes(`本节已有 ${n} 条`),
    [s, items]
  );
  assert.equal(await page.inputValue(`[id="paste-${s}"]`), csv);
  assert.deepEqual(await mapping(), ["label", "value", "resolved"]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the columns chosen in the import box come back after a reload; a table kept before they were is read again", async () => {
  const page = await editorPage(session.browser, editorUrl());
  page.on("dialog", (d) => d.accept());
  await loadExample(page);
  const s = lanshanSection("inspection");
  const csv = "指标,数值,单位\n双随机抽查企业,1200余,家次\n";
  const mapping = () => page.$$eval(`[id="mapping-${s}"] th select`, (sel) => sel.map((x) => x.value));
  const result = () => page.textContent(`[id="result-${s}-h"]`);
  const reload = async () => {
    await page.reload();
    await page.waitForSelector(`[id="mapping-${s}"]`);
  };
  await page.click(`[id="import:${s}"]`);
  await byId(page, `paste-${s}`).fill(csv);
  await page.waitForSelector(`[id="mapping-${s}"]`);
  assert.deepEqual(await mapping(), ["label", "value", "unit"], "the guess");
  assert.ok(await page.isChecked(`[id="header-${s}"]`));
  // The person reads the first row as data and the third column as a note.
  await page.uncheck(`[id="header-${s}"]`);
  for (const [c, field] of ["label", "value", "note"].entries()) {
    await page.selectOption(`[id="map-${s}-${c}"]`, field);
  }
  assert.match(await result(), /2 条/);
  await reload();
  assert.equal(await page.inputValue(`[id="paste-${s}"]`), csv);
  assert.ok(!(await page.isChecked(`[id="header-${s}"]`)), "the first row is still data");
  assert.deepEqual(await mapping(), ["label", "value", "note"], "the columns as chosen, not guessed again");
  assert.match(await result(), /2 条/);
  await page.locator(`[id="import-${s}"]`).screenshot({ path: join(ARTIFACTS, "editor-import-columns-restored.png") });
  const store = (value) =>
    page.evaluate((v) => localStorage.setItem("report-widget-editor/import", JSON.stringify(v)), value);
  // What the version before this one kept (no columns) still comes back, read as on a paste.
  await store({ section: s, section_id: "inspection", text: csv });
  await reload();
  assert.equal(await page.inputValue(`[id="paste-${s}"]`), csv);
  assert.ok(await page.isChecked(`[id="header-${s}"]`));
  assert.deepEqual(await mapping(), ["label", "value", "unit"]);
  // Choices made for a table of another width (the text was changed outside the box): guessed.
  await store({ section: s, section_id: "inspection", text: csv, header: false, mapping: ["label", "note"] });
  await reload();
  assert.ok(await page.isChecked(`[id="header-${s}"]`));
  assert.deepEqual(await mapping(), ["label", "value", "unit"]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("when the browser refuses to keep a pasted table, the import box says so", async () => {
  const page = await editorPage(session.browser);
  page.on("dialog", (d) => d.accept());
  // Storage full (or turned off) for the pasted table only, while `failImport` is set.
  await page.context().addInitScript(() => {
    window.failImport = true;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === "report-widget-editor/import" && window.failImport) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return setItem.call(this, key, value);
    };
  });
  await open(page, editorUrl());
  await loadExample(page);
  const s = lanshanSection("air-ranks");
  const line = `[id="paste-${s}-not-stored"]`;
  const kept = () => page.evaluate(() => localStorage.getItem("report-widget-editor/import"));
  const tsv = "指标\t数值\r\n扬尘治理达标率\t96.0\r\n";
  await page.click(`[id="import:${s}"]`);
  await paste(page, byId(page, `paste-${s}`), tsv);
  await page.waitForSelector(line);
  assert.equal(await page.textContent(line), "此浏览器未能保存粘贴的表格，刷新页面前请先应用。");
  assert.equal(await page.getAttribute(line, "role"), "status");
  assert.equal(await kept(), null);
  await page.locator(`[id="import-${s}"]`).screenshot({ path: join(ARTIFACTS, "editor-import-not-stored.png") });
  await page.selectOption("#ui-lang", "en");
  await page.waitForFunction((l) => /could not keep/.test(document.querySelector(l)?.textContent || ""), line);
  assert.equal(await page.textContent(line), "This browser could not keep the pasted table; apply it before reloading the page.");
  // Storage works again: the next change is kept, and the line goes.
  await page.evaluate(() => (window.failImport = false));
  await byId(page, `paste-${s}`).fill(`${tsv}秸秆禁烧\t100\r\n`);
  await page.waitForSelector(line, { state: "detached" });
  assert.match(await kept(), /秸秆禁烧/);
  // Refused again: the line is back, and the older text is not left to come back instead.
  await page.evaluate(() => (window.failImport = true));
  await byId(page, `paste-${s}`).fill(`${tsv}道路保洁\t98\r\n`);
  await page.waitForSelector(line);
  assert.equal(await kept(), null);
  // The work itself was kept: it comes back without the table (the init script refuses again).
  await page.reload();
  await page.waitForSelector("#tab-form");
  await previewShows(page, "4.73");
  assert.equal(await page.$(`[id="paste-${s}"]`), null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a GBK-encoded CSV fills a case-statistics section with its Chinese intact", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("enforcement");
  await page.click(`[id="import:${s}"]`);
  await page.setInputFiles(`[id="csv-${s}"]`, join(FIXTURES, "case-stats-gbk.csv"));
  await page.waitForSelector(`[id="decoded-${s}"]`);
  // A reload before applying: a chosen file is not kept (browsers do not keep it), but its box
  // comes back open, and the notice says to choose the file again (it closed without a word).
  await page.reload();
  await page.waitForSelector("#tab-form");
  await page.waitForSelector(`[id="paste-${s}"]`);
  assert.match(await page.textContent("#notice-text"), /选择的文件“case-stats-gbk\.csv”没有应用，也没有保留.*请再选择一次/);
  assert.equal(await page.inputValue(`[id="paste-${s}"]`), "");
  await page.setInputFiles(`[id="csv-${s}"]`, join(FIXTURES, "case-stats-gbk.csv"));
  await page.waitForSelector(`[id="decoded-${s}"]`);
  assert.match(await page.textContent(`[id="decoded-${s}"]`), /GBK/);
  assert.match(await page.inputValue(`[id="paste-${s}"]`), /出动执法人员,5020余,人次/);
  const mapped = await page.$$eval(`[id="mapping-${s}"] th select`, (sel) => sel.map((x) => x.value));
  assert.deepEqual(mapped, ["label", "value", "unit", "resolved", "note"]);
  assert.match(await page.textContent(".ed-notes"), /5020余/, "the qualifier read from 5020余 is pointed out");
  // The rows to be made read as the widget will show them, not as codes ("[over] 5020").
  const made = await page.$$eval(`[id="result-${s}"] li`, (lis) => lis.map((li) => li.textContent));
  // An updated sheet costs no translation: rows whose Chinese is unchanged keep their English.
  assert.match(made[0], /出动执法人员 \/ Enforcement staff dispatched · 5020余人次/);
  assert.match(await page.textContent(".ed-notes"), /保留已填写的英文/);
  // Ctrl+Z in the paste box is the box's own undo, never an undo of the report.
  await byId(page, `paste-${s}`).focus();
  await page.keyboard.press("Control+Z");
  assert.match(await byId(page, "f/meta/title/zh").inputValue(), /兰山分局/);
  // Chosen by hand as UTF-8, the same file is visibly wrong; back to detection, right again.
  await page.selectOption(`[id="encoding-${s}"]`, "utf-8");
  assert.match(await page.inputValue(`[id="paste-${s}"]`), /\uFFFD/);
  await page.selectOption(`[id="encoding-${s}"]`, "auto");
  assert.match(await page.textContent(`[id="decoded-${s}"]`), /GBK/);
  await page.click(`[id="replace-${s}"]`);
  await page.click(`[id="apply-${s}"]`);
  await previewShows(page, "出动执法人员");
  await noProblems(page);
  const text = await previewText(page);
  for (const shown of ["5020余人次", "8110余家次", "1234件", "行政处罚案件", "274 / 274"]) {
    assert.ok(text.includes(shown), `${shown} in ${text}`);
  }
  assert.equal(await byId(page, `f/sections/${s}/items/0/label/zh`).inputValue(), "出动执法人员");
  assert.equal(await byId(page, `f/sections/${s}/items/0/label/en`).inputValue(), "Enforcement staff dispatched");
  assert.equal(await byId(page, `f/sections/${s}/items/2/note/zh`).inputValue(), '含"12345"热线');
  assert.equal(await page.$eval(`[id="f/sections/${s}/items/0/qualifier"]`, (e) => e.value), "over");
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: join(ARTIFACTS, "editor-gbk-import.png") });
  await page.context().close();
});

test("spreadsheet cells pasted into a name go to the section's table import, not into the name", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("enforcement");
  const name = byId(page, `f/sections/${s}/items/0/label/zh`);
  const before = await name.inputValue();
  // What a person copies from a spreadsheet and pastes into the first field they see.
  await paste(page, name, "受理投诉举报\t1,234\t1,200\r\n立案查处\t约300\t\r\n");
  await page.waitForSelector(`[id="mapping-${s}"]`);
  assert.equal(await name.inputValue(), before, "the name is untouched (it had the cells, tabs and all)");
  assert.match(await page.inputValue(`[id="paste-${s}"]`), /受理投诉举报\t1,234/);
  assert.match(await page.textContent("#notice"), /已放进本节的“从表格填入”/);
  assert.equal(await focusedId(page), `paste-${s}`);
  // Where there is no table import (the report's title), nothing is filled in, and it says why.
  const title = byId(page, "f/meta/title/zh");
  const titleBefore = await title.inputValue();
  await paste(page, title, "甲\t12\n乙\t7\n");
  await page.waitForFunction(() => /没有填入/.test(document.querySelector("#notice")?.textContent ?? ""));
  assert.equal(await title.inputValue(), titleBefore);
  // A title copied from Word with a tab after its numbering is a title, pasted as usual.
  await title.fill("");
  await paste(page, title, "一、\t空气质量");
  assert.match(await title.inputValue(), /^一、\s*空气质量$/);
  await page.context().close();
});

test("an Excel workbook chosen as the CSV file is named as one, with what to do, and imports nothing", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("enforcement");
  await page.click(`[id="import:${s}"]`);
  // The first bytes of an .xlsx (a zip); read as GBK it was garbage with advice to change the encoding.
  const xlsx = Buffer.concat([Buffer.from("504b030414000600080000002100", "hex"), Buffer.alloc(200, 7)]);
  await page.setInputFiles(`[id="csv-${s}"]`, { name: "案件统计.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: xlsx });
  await page.waitForSelector(`[id="workbook-${s}"]`);
  assert.match(await page.textContent(`[id="workbook-${s}"]`), /“案件统计\.xlsx”是 Excel \/ WPS 工作簿.*复制后粘贴/);
  assert.equal(await page.$(`[id="mapping-${s}"]`), null, "no columns to map");
  assert.equal(await page.$(".ed-warn:has-text('编码')"), null, "no advice to change the encoding");
  assert.equal(await page.inputValue(`[id="paste-${s}"]`), "");
  await page.context().close();
});

test("a chosen file never loses the table pasted before it: a workbook leaves it, a CSV sets it aside", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("enforcement");
  const pasted = "项目\t数量\t单位\n受理投诉举报\t1,234\t件\n立案查处\t300余\t件\n";
  await pasteIntoImport(page, s, pasted);
  // The person's own column choice, to be kept with the text.
  await page.selectOption(`[id="map-${s}-2"]`, "ignore");
  const xlsx = Buffer.concat([Buffer.from("504b030414000600080000002100", "hex"), Buffer.alloc(200, 7)]);
  await page.setInputFiles(`[id="csv-${s}"]`, { name: "案件统计.xlsx", mimeType: "application/vnd.ms-excel", buffer: xlsx });
  await page.waitForSelector(`[id="workbook-${s}"]`);
  assert.equal(await page.inputValue(`[id="paste-${s}"]`), pasted, "a workbook is not read, and empties nothing");
  assert.equal(await page.inputValue(`[id="map-${s}-2"]`), "ignore");
  // A CSV file's text takes the box; the pasted table is set aside, and the panel says so.
  await page.setInputFiles(`[id="csv-${s}"]`, join(FIXTURES, "case-stats-gbk.csv"));
  await page.waitForSelector(`[id="set-aside-${s}"]`);
  assert.equal(await page.$(`[id="workbook-${s}"]`), null, "the workbook's warning is over");
  assert.match(await page.inputValue(`[id="paste-${s}"]`), /出动执法人员/);
  assert.match(await page.textContent(`[id="set-aside-${s}"]`), /框中先前的内容已暂存/);
  assert.match(await page.textContent("#notice-text"), /框中先前的内容已暂存/, "said as it happens");
  // A reload (the file is not kept): the pasted table comes back in the box, and the notice says both.
  await page.reload();
  await page.waitForSelector(`[id="paste-${s}"]`);
  assert.equal(await page.inputValue(`[id="paste-${s}"]`), pasted);
  assert.equal(await page.inputValue(`[id="map-${s}-2"]`), "ignore", "with the person's column choices");
  assert.match(await page.textContent("#notice-text"), /“case-stats-gbk\.csv”没有应用.*选择文件前粘贴在框中的内容已放回/);
  // Chosen again, and the pasted table brought back with one click, focus in its box.
  await page.setInputFiles(`[id="csv-${s}"]`, join(FIXTURES, "case-stats-gbk.csv"));
  await page.waitForSelector(`[id="set-aside-${s}"]`);
  // A cell of the file's text fixed in the box: the pasted table stays set aside.
  await byId(page, `paste-${s}`).focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\n罚没款\t12\t万元");
  assert.match(await page.textContent(`[id="set-aside-${s}"]`), /已暂存/);
  await page.locator(`[id="import-${s}"]`).screenshot({ path: join(ARTIFACTS, "editor-import-set-aside.png") });
  await page.click(`[id="restore-pasted-${s}"]`);
  await page.waitForFunction(([id, text]) => document.getElementById(id).value === text, [`paste-${s}`, pasted]);
  assert.equal(await page.inputValue(`[id="map-${s}-2"]`), "ignore");
  assert.equal(await page.$(`[id="decoded-${s}"]`), null, "no file is named as read any more");
  assert.equal(await focusedId(page), `paste-${s}`);
  // The two texts swapped: the file's (edited) text is kept aside in turn, one click away.
  await page.click(`[id="restore-pasted-${s}"]`);
  await page.waitForFunction((id) => /罚没款\t12\t万元/.test(document.getElementById(id).value), `paste-${s}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a broken file shows its errors and never replaces the current work", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const title = await byId(page, "f/meta/title/zh").inputValue();
  await page.setInputFiles("#open-json", {
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{\n  "schema": "report-widget/1",\n  "meta": {\n    "title": "x",\n}\n'),
  });
  await page.waitForSelector("#open-failure");
  assert.match(await page.textContent("#open-failure"), /broken\.json/);
  assert.match(await page.textContent("#open-failure"), /第 5 行第 \d+ 列/);
  assert.equal(await page.$("#open-anyway"), null, "not JSON at all: nothing to open as a report");
  assert.equal(await byId(page, "f/meta/title/zh").inputValue(), title, "the current work is untouched");
  await page.click("#open-cancel");
  assert.equal(await page.$("#open-failure"), null);
  assert.equal(await focusedId(page), "open-json-button");
  // …but its text can go to the JSON tab to be fixed there: the current work stays the report
  // until it parses, then is replaced by it, one undo step back.
  await page.setInputFiles("#open-json", {
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{\n  "schema": "report-widget/1",\n  "meta": {\n    "title": "x",\n}\n'),
  });
  await page.click("#open-in-json");
  await page.waitForSelector("#json-error");
  assert.equal(await page.getAttribute("#tab-json", "aria-selected"), "true");
  assert.match(await page.inputValue("#json-text"), /"title": "x",\n\}/);
  assert.equal(await focusedId(page), "json-text");
  assert.match(await page.textContent("#notice-text"), /已放入 JSON 页/);
  await page.click("#tab-form");
  assert.equal(await byId(page, "f/meta/title/zh").inputValue(), title, "the form is still the current report");
  await page.click("#tab-json");
  await page.fill("#json-text", LANSHAN.replace(title, "修正后的报告"));
  await page.waitForFunction(() => !document.querySelector("#json-error"));
  await page.click("#tab-form");
  assert.equal(await byId(page, "f/meta/title/zh").inputValue(), "修正后的报告");
  await page.click("#undo");
  assert.equal(await byId(page, "f/meta/title/zh").inputValue(), title, "undo brings the work back");
  // Valid JSON that breaks the format's rules: listed too, and can be opened on purpose to fix it.
  const invalid = JSON.parse(LANSHAN);
  invalid.meta.date = "2022/03/03";
  invalid.sections[0].items[0].ranks[0].position = 9;
  await page.setInputFiles("#open-json", { name: "invalid.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(invalid)) });
  await page.waitForSelector("#open-anyway");
  // Each place named as the checks name it, not by its JSON pointer.
  const listed = await page.$$eval("#open-failure li", (lis) => lis.map((li) => li.textContent));
  assert.ok(listed.some((l) => l.startsWith("报告信息 › ")), JSON.stringify(listed));
  assert.ok(listed.some((l) => /^第1节“[^”]+” › 第1项“[^”]+” › /.test(l)), JSON.stringify(listed));
  assert.ok(listed.every((l) => !l.includes("/meta/date")), JSON.stringify(listed));
  assert.equal(await byId(page, "f/meta/date").inputValue(), "2022-03-03", "still the current work");
  await page.click("#open-anyway");
  await page.waitForSelector('#problem-list li[data-pointer="/meta/date"]');
  assert.equal(await byId(page, "f/meta/date").inputValue(), "2022/03/03");
  await page.click("#undo");
  assert.equal(await byId(page, "f/meta/date").inputValue(), "2022-03-03", "and undo brings the previous work back");
  // A good file opens at once.
  await page.setInputFiles("#open-json", { name: "lanshan-2021.json", mimeType: "application/json", buffer: Buffer.from(LANSHAN) });
  await page.waitForFunction(() => /lanshan-2021\.json/.test(document.querySelector("#notice-text")?.textContent || ""));
  assert.equal(await page.$("#open-failure"), null);
  await page.context().close();
});

test("the downloaded payload passes the command-line validator, numbers as written", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await page.click("#output summary");
  // Untouched, the example comes out byte for byte.
  let [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(download.suggestedFilename(), "lanshan-2021.json");
  let path = join(ARTIFACTS, "editor-download-unchanged.json");
  await download.saveAs(path);
  assert.equal(readFileSync(path, "utf8"), LANSHAN);
  assert.equal(await page.$("#unsaved"), null);
  // Edited: a figure with a trailing zero, an English label, a renamed file.
  await byId(page, "f/sections/0/items/0/value").fill("4.70");
  await byId(page, "f/sections/0/items/1/label/en").fill("Good-air days");
  await page.waitForSelector("#unsaved");
  await page.fill("#file-name", "兰山 2021 修订");
  [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(download.suggestedFilename(), "兰山 2021 修订.json");
  path = join(ARTIFACTS, "editor-download.json");
  await download.saveAs(path);
  const text = readFileSync(path, "utf8");
  assert.match(text, /"value": 4\.70,/);
  assert.match(text, /"value": -6\.0,/);
  assert.equal(JSON.parse(text).sections[0].items[1].label.en, "Good-air days");
  const cli = runCli("validate", path);
  assert.equal(cli.status, 0, `report-widget validate: ${cli.stdout}${cli.stderr}`);
  assert.equal(await page.$("#unsaved"), null, "downloaded: nothing unsaved");
  await page.context().close();
});

test("a label with </script>, embedded with the copied snippet, shows as text", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const hostile = "兰山</script><script>window.__pwned = 1</script><b>粗体</b>";
  await byId(page, "f/meta/title/zh").fill(hostile);
  await noProblems(page);
  await page.click("#output summary");
  await page.fill("#widget-base", "./");
  await page.fill("#payload-id", "lanshan payload");
  await page.click("#copy-snippet");
  await page.waitForFunction(() => /复制|copied/i.test(document.querySelector("#notice-text")?.textContent || ""));
  // Said beside the button too, where the reader is looking (the notice is at the top), until
  // what the snippet says changes.
  assert.match(await page.textContent("#copy-state"), /已复制/);
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(snippet, await page.inputValue("#snippet-text"), "what was copied is what is shown");
  assert.match(snippet, /^<div data-report-widget data-payload="lanshan-payload" data-lang="zh"><\/div>\n<script type="application\/json" id="lanshan-payload">/);
  assert.equal(snippet.match(/<\/script>/g).length, snippet.match(/<script/g).length, "the label cannot end the script element");
  assert.ok(snippet.includes("\\u003c/script>\\u003cscript>window.__pwned"));
  await page.fill("#payload-id", "lanshan-payload-2");
  await page.waitForSelector("#copy-state", { state: "detached" });
  await page.fill("#payload-id", "lanshan payload");
  // A portal page made of nothing but the snippet.
  const portal = await serveDist({ routes: { "/portal.html": { body: `<!doctype html><meta charset="utf-8"><title>portal</title>\n${snippet}` } } });
  const reader = await session.browser.newPage();
  await reader.goto(`${portal.url}/portal.html`);
  assert.deepEqual(await settled(reader), ["ready"]);
  const shown = await shadowText(reader);
  assert.ok(shown.includes(hostile), `the label is shown as text: ${shown.slice(0, 200)}`);
  assert.equal(await reader.evaluate(() => window.__pwned), undefined, "no script ran");
  assert.equal(await reader.$$eval("[data-report-widget]", (h) => h[0].shadowRoot.querySelectorAll("b").length), 0);
  await reader.close();
  await portal.close();
  // The widget's own dark colours, chosen for the snippet.
  await page.selectOption("#snippet-theme", "dark");
  assert.match(await page.inputValue("#snippet-text"), /^<div data-report-widget data-payload="lanshan-payload" data-lang="zh" data-theme="dark"><\/div>/);
  // An English widget: the editor says how many texts it would show in Chinese.
  assert.equal(await page.$("#snippet-untranslated"), null, "the example is translated throughout");
  await page.selectOption("#snippet-lang", "en");
  assert.equal(await page.$("#snippet-untranslated"), null);
  await byId(page, "f/meta/title/en").fill("");
  await byId(page, "f/meta/publisher/en").fill("");
  await page.waitForSelector("#snippet-untranslated");
  assert.match(await page.textContent("#snippet-untranslated"), /^有 2 处文字没有英文/);
  assert.equal(await page.getAttribute("#snippet-lang", "aria-describedby"), "snippet-untranslated");
  // The button goes to the first such text's English field.
  await page.click("#go-untranslated");
  await page.waitForFunction(() => ["f/meta/title/en", "f/meta/publisher/en"].includes(document.activeElement?.id));
  await page.selectOption("#snippet-lang", "zh");
  assert.equal(await page.$("#snippet-untranslated"), null, "a Chinese widget shows the Chinese anyway");
  // The data-src form of the snippet: the downloaded file's name under reports/, until an
  // address is typed.
  // Retitled (above), the example is another report: the example's file name no longer names
  // it, and until the person gives one the name comes from the report's period (2021年度).
  await page.check("#place-file");
  assert.equal(await page.inputValue("#file-name"), "report-2021.json");
  assert.equal(await page.inputValue("#payload-url"), "reports/report-2021.json");
  await byId(page, "f/meta/title/zh").fill(JSON.parse(LANSHAN).meta.title.zh);
  assert.equal(await page.inputValue("#file-name"), "lanshan-2021.json");
  assert.equal(await page.inputValue("#payload-url"), "reports/lanshan-2021.json");
  await page.fill("#file-name", "县水利局 2023");
  assert.equal(await page.inputValue("#payload-url"), "reports/县水利局%202023.json");
  await byId(page, "f/meta/title/zh").fill("县水利局2023年度报告");
  assert.equal(await page.inputValue("#file-name"), "县水利局 2023", "a name the person gave stays");
  assert.match(await page.inputValue("#snippet-text"), /data-src="reports\/县水利局%202023\.json"/);
  await page.fill("#payload-url", "/reports/lanshan.json");
  await page.fill("#file-name", "lanshan-2021.json");
  assert.equal(await page.inputValue("#payload-url"), "/reports/lanshan.json", "a typed address stays");
  assert.equal(
    await page.inputValue("#snippet-text"),
    '<div data-report-widget data-src="/reports/lanshan.json" data-lang="zh" data-theme="dark"></div>\n<script type="module" src="./report-widget.js"></script>\n<script nomodule defer src="./report-widget-nomodule.js"></script>\n'
  );
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the prerendered snippet is rendered in the editor, equals the command line's, and reads without script", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await page.click("#output summary");
  await page.fill("#widget-base", "./");
  await page.fill("#payload-id", "lanshan-2021");
  await page.check("#prerender");
  await page.waitForFunction(() => document.querySelector("#snippet-text").value.includes("shadowrootmode"));
  // Said when it is ready, as "rendering…" was said (a status).
  assert.equal(await page.textContent("#prerender-state"), "预渲染的嵌入代码已生成，可以复制。");
  const snippet = await page.inputValue("#snippet-text");
  const cli = runCli("prerender", join(ROOT, "www/reports/lanshan-2021.json"), "--base", "./", "--id", "lanshan-2021", "--dist", join(ROOT, "dist"));
  assert.equal(cli.status, 0, cli.stderr);
  // A debug build of Yew names components in its hydration markers (<!--<[report_widget::…]>-->);
  // a release build (the editor's wasm) leaves them empty (<!--<[]>-->). Otherwise: identical.
  // The digest of the markup (`data-rw-digest`) differs with it, so it is checked on its own.
  const unnamed = (html) => html.replace(/<!--<(\/?)\[[^\]]*\]>-->/g, "<!--<$1[]>-->");
  const undigested = (html) => html.replace(/ data-rw-digest="[0-9a-f]{16}"/, "");
  assert.ok(snippet.includes("<!--<[]>-->"));
  assert.equal(undigested(snippet), undigested(unnamed(cli.stdout)), "the same snippet as report-widget prerender");
  const [, digest, markup] = snippet.match(/data-rw-digest="([0-9a-f]{16})">([\s\S]*?)<\/div><\/template>/);
  assert.equal(digest, markupDigest(markup), "the digest of the markup the editor wrote");
  // While the data has errors there is nothing to prerender, and nothing to copy.
  await byId(page, "f/meta/title/zh").fill("");
  await page.waitForSelector("#prerender-state");
  assert.ok(await page.isDisabled("#copy-snippet"));
  await page.click("#undo");
  await page.waitForFunction(() => document.querySelector("#snippet-text").value.includes("shadowrootmode"));
  // A reader without JavaScript sees the figures; with it, the widget takes over.
  const portal = await serveDist({ routes: { "/portal.html": { body: `<!doctype html><meta charset="utf-8"><title>portal</title>\n${snippet}` } } });
  const context = await session.browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(`${portal.url}/portal.html`);
  const text = await shadowText(noScript);
  assert.ok(text.includes("5020余人次") && text.includes("1813.4469万元"), "readable without script");
  await context.close();
  const reader = await session.browser.newPage();
  await reader.goto(`${portal.url}/portal.html`);
  assert.deepEqual(await settled(reader), ["ready"]);
  assert.ok((await shadowText(reader)).includes("5020余人次"));
  await reader.close();
  await portal.close();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the snippet's site-wide choices are kept for the next visit; the widget folder starts as the editor's own", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  await page.click("#output summary");
  // The editor is served from dist/, where the widget's files are: its folder works as it is.
  assert.equal(await page.inputValue("#widget-base"), "/");
  // One paragraph read on focus; the page's own needs-server note follows it as text.
  assert.equal(await page.getAttribute("#widget-base", "aria-describedby"), "widget-base-help");
  assert.match(await page.textContent("#widget-base-help"), /^开始时是本编辑器所在的文件夹/);
  assert.match(await page.inputValue("#snippet-text"), /<script type="module" src="\/report-widget\.js"><\/script>/);
  // A site typed without https:// would load nothing: said while typing, the focus kept.
  await page.click("#widget-base");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("www.xx.gov.cn/rw/");
  await page.waitForFunction(() => document.querySelector("#widget-base-warning").textContent.includes("缺少开头的 https://"));
  assert.equal(await page.evaluate(() => document.activeElement.id), "widget-base");
  assert.equal(await page.getAttribute("#widget-base", "aria-describedby"), "widget-base-warning widget-base-help");
  await page.fill("#widget-base", "/static/report-widget/");
  assert.equal(await page.textContent("#widget-base-warning"), "");
  await page.selectOption("#snippet-lang", "en");
  await page.selectOption("#snippet-theme", "dark");
  await page.check("#prerender");
  await page.waitForFunction(() => document.querySelector("#snippet-text").value.includes("shadowrootmode"));
  await page.fill("#payload-id", "this-report-only");
  await open(page, editorUrl());
  await page.click("#output summary");
  assert.equal(await page.inputValue("#widget-base"), "/static/report-widget/");
  assert.equal(await page.inputValue("#snippet-lang"), "en");
  assert.equal(await page.inputValue("#snippet-theme"), "dark");
  assert.ok(await page.isChecked("#prerender"));
  // The payload's element id belongs to one report: not kept.
  assert.equal(await page.inputValue("#payload-id"), "report-payload");
  await page.waitForFunction(() => document.querySelector("#snippet-text").value.includes("shadowrootmode"));
  const snippet = await page.inputValue("#snippet-text");
  assert.match(snippet, /data-lang="en" data-theme="dark"/);
  assert.match(snippet, /src="\/static\/report-widget\/report-widget\.js"/);
  // The data-src choice is kept too.
  await page.check("#place-file");
  await open(page, editorUrl());
  await page.click("#output summary");
  assert.ok(await page.isChecked("#place-file"));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a long list is shown a page at a time; a problem's link shows the page of its entry", async () => {
  // Synthetic: the example with a ranking of 450 monitoring sites, one of them with a value typed as text.
  const big = JSON.parse(LANSHAN);
  big.meta.synthetic = true;
  big.groups.push({ id: "sites", label: { zh: "450个站点", en: "sites" }, size: 450 });
  const rows = Array.from({ length: 450 }, (_, i) => ({ label: { zh: `站点${i + 1}`, en: `Site ${i + 1}` }, value: i, value_rank: i + 1 }));
  rows[419].value = "x";
  big.sections.push({ id: "sites", title: { zh: "站点排名", en: "Sites" }, kind: "ranking", group: "sites", rows });
  const s = big.sections.length - 1;
  const page = await editorPage(session.browser, editorUrl());
  await page.setInputFiles("#open-json", { name: "sites.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(big)) });
  await page.click("#open-anyway");
  const status = () => page.$$eval(`.ed-pager [role=status]`, (e) => e.map((x) => x.textContent));
  await page.waitForSelector(".ed-pager");
  assert.deepEqual(await status(), ["第 1–200 条，共 450 条"], "one live status, above the entries");
  assert.ok(await byId(page, `f/sections/${s}/rows/199/label/zh`).count());
  assert.equal(await byId(page, `f/sections/${s}/rows/200/label/zh`).count(), 0, "the next page is not rendered");
  // The problem's link goes to its entry on the third page.
  await page.click(`#problem-list li[data-pointer="/sections/${s}/rows/419/value"] a`);
  await page.waitForFunction((id) => document.activeElement?.id === id, `f/sections/${s}/rows/419/value`);
  assert.deepEqual(await status(), ["第 401–450 条，共 450 条"]);
  // The pager's own buttons turn the page; at the end, the button keeps the focus and does nothing.
  const previous = page.locator(".ed-pager").first().getByRole("button", { name: "上一页" });
  await previous.click();
  assert.deepEqual(await status(), ["第 201–400 条，共 450 条"]);
  const next = page.locator(".ed-pager").first().getByRole("button", { name: "下一页" });
  await next.click();
  assert.equal(await next.getAttribute("aria-disabled"), "true");
  await next.press("Enter");
  assert.deepEqual(await status(), ["第 401–450 条，共 450 条"]);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "下一页", "the focus stays");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a new report's file is named from its period once it has a title, until the person names it", async () => {
  const page = await editorPage(session.browser, editorUrl());
  page.on("dialog", (d) => d.accept());
  // A first visit starts blank, as 新建空白报告 does.
  await page.click("#output summary");
  await page.check("#place-file");
  assert.equal(await page.inputValue("#file-name"), "report.json");
  await byId(page, "f/meta/title/zh").fill("某县市场监督管理局2022年法治政府建设年度报告");
  await byId(page, "f/meta/period/zh").fill("2022年度");
  // Each year's file its own name: report.json would overwrite last year's on the portal.
  assert.equal(await page.inputValue("#file-name"), "report-2022.json");
  assert.equal(await page.inputValue("#payload-url"), "reports/report-2022.json");
  await page.fill("#file-name", "scjg-2022.json");
  await byId(page, "f/meta/period/zh").fill("2023年度");
  assert.equal(await page.inputValue("#file-name"), "scjg-2022.json", "a name the person gave stays");
  // A new blank report (over the work not downloaded, which the editor asks about) is named
  // from its period again.
  await page.click("#new-empty");
  await page.click("#replace-yes");
  await byId(page, "f/meta/title/zh").fill("某县水利局2024年法治政府建设年度报告");
  await byId(page, "f/meta/period/zh").fill("2024年度");
  assert.equal(await page.inputValue("#file-name"), "report-2024.json");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a sheet of key figures fills a metrics section: hedges, units and year-on-year changes, with what to check said first", async () => {
  const page = await editorPage(session.browser, editorUrl());
  await loadExample(page);
  const s = lanshanSection("outreach");
  const cards = () => page.$$eval(`[id^="f/sections/${s}/items/"][id$="/label/zh"]`, (els) => els.length);
  const before = await cards();
  const tsv =
    "指标\t数值\t单位\t同比\r\n办理行政许可\t3,215\t件\t同比增长12.4%\r\n受理投诉举报\t1200余\t件\t减少3件\r\n满意度\t95%\t\t改善8.2%\r\n结案率\t100%\t\t持平\r\n";
  await pasteIntoImport(page, s, tsv);
  const mapped = await page.$$eval(`[id="mapping-${s}"] th select`, (sel) => sel.map((x) => x.value));
  assert.deepEqual(mapped, ["label", "value", "unit", "change"]);
  const notes = await page.$$eval(".ed-notes li", (lis) => lis.map((li) => [li.textContent, li.classList.contains("ed-note-check")]));
  assert.match(notes[0][0], /第 4 行“改善8.2%”：看不出是上升还是下降/);
  assert.equal(notes[0][1], true, "to check, and first");
  const result = await page.$$eval(`[id="result-${s}"] li`, (lis) => lis.map((li) => li.textContent));
  // The change in the widget's own words, as readers will read it.
  assert.match(result[0], /^办理行政许可 · 3215件 · 同比增加12\.4%/);
  assert.match(result[1], /1200余件 · 同比减少3件/);
  assert.match(result[3], /^结案率 · 100% · 同比持平/, "no change is 持平, not +0%");
  await page.check(`[id="append-${s}"]`);
  await page.locator(`[id="import-${s}"]`).screenshot({ path: join(ARTIFACTS, "editor-import-metrics.png") });
  await page.click(`[id="apply-${s}"]`);
  await previewShows(page, "办理行政许可");
  assert.equal(await cards(), before + 4);
  const card = await page.$eval("#preview", (h) =>
    [...h.shadowRoot.querySelectorAll(".rw-card")].find((c) => c.textContent.includes("受理投诉举报")).textContent
  );
  assert.match(card, /1200余件/, "the hedge and the unit are kept");
  // Undone, the import's box comes back with its table, to change a column and apply again.
  await page.click("#undo");
  await page.waitForSelector(`[id="paste-${s}"]`);
  assert.equal(await cards(), before);
  assert.match(await page.inputValue(`[id="paste-${s}"]`), /办理行政许可/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
