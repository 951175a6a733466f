// The editor on the office browsers' engine (Chromium 92, as on UOS and Kylin), opened from
// disk. Opt-in: it needs that engine and puppeteer-core@10.1.0, set up as in
// /work/shared/toolchain.md ("Older engines"), named by CHROMIUM92 (the binary; its libraries
// in lib/ beside it) and PUPPETEER10 (the puppeteer-core package folder). Skipped otherwise.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { ARTIFACTS, DIST } from "./support.mjs";

const { CHROMIUM92, PUPPETEER10 } = process.env;
const skip = !(CHROMIUM92 && PUPPETEER10) && "set CHROMIUM92 and PUPPETEER10 to run on Chromium 92";

test("Chromium 92: the editor opens from disk, checks, previews and prerenders", { skip }, async () => {
  const puppeteer = createRequire(import.meta.url)(PUPPETEER10);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM92,
    env: { ...process.env, LD_LIBRARY_PATH: join(dirname(CHROMIUM92), "lib") },
    args: ["--no-sandbox", "--disable-gpu", "--single-process", "--no-zygote", "--headless"],
  });
  try {
    assert.match(await browser.version(), /Chrome\/9[0-3]\./);
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(pathToFileURL(join(DIST, "editor.html")).href);
    await page.waitForSelector("#tab-form", { timeout: 60000 });
    await page.click("#new-example");
    const shows = (text) => page.waitForFunction(
      (t) => document.querySelector("#preview").shadowRoot?.textContent.includes(t), { timeout: 20000 }, text);
    await shows("4.73");
    const field = await page.$('[id="f/sections/0/items/0/value"]');
    await field.click({ clickCount: 3 });
    await page.keyboard.type("4.7x");
    await page.waitForSelector('#problem-list li[data-pointer="/sections/0/items/0/value"]', { timeout: 5000 });
    await page.click('#problem-list li[data-pointer="/sections/0/items/0/value"] a');
    assert.equal(await page.evaluate(() => document.activeElement.id), "f/sections/0/items/0/value");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("0");
    await page.waitForSelector("#no-problems", { timeout: 5000 });
    await shows("4.70");
    await page.click("#output summary");
    await page.click("#prerender");
    await page.waitForFunction(() => document.querySelector("#snippet-text").value.includes("shadowroot="), { timeout: 20000 });
    assert.deepEqual(errors, []);
    await page.screenshot({ path: join(ARTIFACTS, "editor-chromium92.png") });
  } finally {
    await browser.close();
  }
});
