import { launch, serveDist, settled } from "./support.mjs";
const server = await serveDist();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
await page.goto(`${server.url}/index.html`);
await settled(page);
const charts = await page.$$("[data-report-widget] >> .rw-bars");
console.log("bars charts", charts.length);
let n = 0;
for (const c of charts) {
  const fig = await c.evaluateHandle((e) => e.closest("figure") || e.parentElement.parentElement);
  await fig.asElement().screenshot({ path: `/tmp/bars-${n++}.png` });
}
await browser.close();
await server.close();
