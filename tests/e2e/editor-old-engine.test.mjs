// The editor on the office browsers' engine (Chromium 92, as on UOS and Kylin), opened from
// disk. ./run test installs that engine into .tools/chromium92 (step ensure_chromium92); where
// it is not installed, the test fails and says so (launchChromium92), as embed-chromium92 does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ARTIFACTS, DIST, launchChromium92 } from "./support.mjs";

test("Chromium 92: the editor opens from disk, checks, previews and prerenders", async () => {
  const browser = await launchChromium92();
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
    await page.waitForSelector('#problem-list li[data-pointer="/sections/0/items/0/value"]', { timeout: 20000 });
    await page.click('#problem-list li[data-pointer="/sections/0/items/0/value"] a');
    assert.equal(await page.evaluate(() => document.activeElement.id), "f/sections/0/items/0/value");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("0");
    await page.waitForSelector("#no-problems", { timeout: 20000 });
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
