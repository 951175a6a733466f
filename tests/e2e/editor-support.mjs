// Helpers for the editor's end-to-end tests (dist/editor.html in headless Chromium).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./support.mjs";

export const LANSHAN_PATH = join(ROOT, "www/reports/lanshan-2021.json");
export const LANSHAN = readFileSync(LANSHAN_PATH, "utf8");
export const FIXTURES = join(ROOT, "tests/fixtures/editor");

/** A control by id (ids are JSON pointers such as "f/meta/title/zh": no CSS escaping games). */
export const byId = (page, id) => page.locator(`[id="${id}"]`);

/** A fresh context (its own local storage) whose page records errors; clipboard allowed. */
export async function editorPage(browser, url, { viewport = { width: 1400, height: 1000 } } = {}) {
  const context = await browser.newContext({ viewport, permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && page.errors.push(m.text()));
  if (url) await open(page, url);
  return page;
}

/** Opens the editor and waits until it has rendered. */
export async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector("#tab-form", { timeout: 20000 });
}

/** The preview widget's text (its shadow root). */
export function previewText(page) {
  return page.$eval("#preview", (h) => (h.shadowRoot ? h.shadowRoot.textContent : ""));
}

/** Waits until the preview shows `text` (the preview follows edits after a short pause). */
export async function previewShows(page, text, timeout = 20000) {
  await page.waitForFunction(
    (t) => document.querySelector("#preview")?.shadowRoot?.textContent.includes(t),
    text,
    { timeout }
  );
}

/** Problems listed right now: [{ pointer, text }]. */
export function problems(page) {
  return page.$$eval("#problem-list li", (lis) => lis.map((li) => ({ pointer: li.dataset.pointer, text: li.textContent })));
}

/** Waits until the check says there is nothing wrong. */
export async function noProblems(page, timeout = 20000) {
  await page.waitForSelector("#no-problems", { timeout });
}

/** Loads the Lanshan example into the editor. */
export async function loadExample(page) {
  await page.click("#new-example");
  await previewShows(page, "4.73");
}

/** Pastes text into a control the way a person does: clipboard, then Ctrl+V. */
export async function paste(page, locator, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await locator.focus();
  await page.keyboard.press("Control+V");
}

/** Opens section `s`'s table import box, pastes `text` into it, and waits for its columns. */
export async function pasteIntoImport(page, s, text) {
  await page.click(`[id="import:${s}"]`);
  await paste(page, byId(page, `paste-${s}`), text);
  await page.waitForSelector(`[id="mapping-${s}"]`);
}

/** The id of the focused element. */
export function focusedId(page) {
  return page.evaluate(() => document.activeElement && document.activeElement.id);
}

/** Index of a section by its id in the Lanshan example. */
export function lanshanSection(id) {
  return JSON.parse(LANSHAN).sections.findIndex((s) => s.id === id);
}
