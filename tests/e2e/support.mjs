// Shared helpers for the end-to-end tests: a server for dist/, a headless Chromium from
// Debian's package (Playwright cannot download browsers here), and shadow-DOM readers.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../www/tools/serve.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "tests/e2e/artifacts");
mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Serves dist/ (and extra routes) on an ephemeral 127.0.0.1 port; returns { url, close }. */
export async function serveDist(options = {}) {
  const server = await serve({ root: DIST, ...options });
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Text inside every widget host's shadow root, joined; without the folded source sentences,
 * so a figure counts as shown only where the widget itself shows it. */
export function shadowText(page, selector = "[data-report-widget]") {
  return page.$$eval(selector, (hosts) =>
    hosts
      .map((h) => {
        if (!h.shadowRoot) return "";
        const copy = document.createElement("div");
        for (const child of h.shadowRoot.children) copy.appendChild(child.cloneNode(true));
        copy.querySelectorAll(".rw-source").forEach((s) => s.remove());
        return copy.textContent;
      })
      .join("\n")
  );
}

/** Waits until every host has left the loading state; returns their states. */
export async function settled(page, selector = "[data-report-widget]", timeout = 20000) {
  await page.waitForFunction(
    (sel) => {
      const hosts = [...document.querySelectorAll(sel)];
      return hosts.length > 0 && hosts.every((h) => ["ready", "error"].includes(h.getAttribute("data-state")));
    },
    selector,
    { timeout }
  );
  return page.$$eval(selector, (hosts) => hosts.map((h) => h.getAttribute("data-state")));
}

/** Init script: records every report-widget event that reaches the document, in order. */
export function recordEvents() {
  window.__rwEvents = [];
  for (const name of ["report-widget:ready", "report-widget:error"]) {
    document.addEventListener(name, (e) => window.__rwEvents.push([name, e.target.tagName]));
  }
}
