// A page served by registerStaticPage on a real Fastify over loopback, read over HTTP and in a real
// headless Chromium: the page's own module imports the page kit, reads a JSON route with getJson, builds
// its DOM with el and draws a chart with Chart.js, without a console error or a failed request.

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import Fastify, { type FastifyInstance } from "fastify";
import { findPageDir, registerStaticPage } from "../src/static-page.js";
import { launchChromium, watchProblems } from "./headless-chromium.js";

const PAGE = {
  "index.html": `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>a page</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/assets/page-kit.css" />
    <link rel="stylesheet" href="/assets/page.css" />
    <script src="/assets/chart.umd.js"></script>
    <script type="module" src="/assets/page.js"></script>
  </head>
  <body data-state="loading" data-greeting="{{GREETING}}">
    <ul data-testid="items"></ul>
    <div class="chart"><canvas data-testid="chart"></canvas></div>
  </body>
</html>
`,
  "page.css": "body { font-family: monospace; }\n.chart { height: 200px; }\n",
  "page.js": `import { byTestId as $, el, getJson, useChartDefaults } from "/assets/page-kit.js";
const Chart = globalThis.Chart;
useChartDefaults(Chart);
const { items } = await getJson("/api/items");
$("items").append(...items.map((item) => el("li", { "data-value": item.n, class: "item" }, item.name)));
new Chart($("chart"), { type: "bar", data: { labels: items.map((i) => i.name), datasets: [{ data: items.map((i) => i.n) }] } });
document.body.dataset.state = "ready";
`,
};
const ITEMS = [
  { name: "<b>one</b>", n: 1 },
  { name: "two", n: 2 },
];

describe("a static page", () => {
  const dir = mkdtempSync(join(tmpdir(), "web-page-"));
  const pageDir = join(dir, "package", "ui");
  let app: FastifyInstance;
  let base: string;

  before(async () => {
    mkdirSync(join(dir, "package", "dist", "src"), { recursive: true });
    mkdirSync(pageDir);
    for (const [name, text] of Object.entries(PAGE)) writeFileSync(join(pageDir, name), text);
    app = Fastify({ logger: false });
    registerStaticPage(app, {
      dir: pageDir,
      files: ["page.js", "page.css"],
      html: (text) => text.replace("{{GREETING}}", "hello"),
    });
    app.get("/api/items", async () => ({ items: ITEMS }));
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  after(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("findPageDir walks up from a module to the package's page folder", () => {
    const moduleUrl = `file://${join(dir, "package", "dist", "src", "server.js")}`;
    assert.equal(findPageDir(moduleUrl, "ui"), pageDir);
    assert.equal(findPageDir(moduleUrl, "no-such-folder"), undefined);
  });

  test("GET / is the page with what the server fills in; its files, the page kit and Chart.js under /assets", async () => {
    const html = await fetch(`${base}/`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(html.headers.get("content-security-policy") ?? "", /default-src 'self'/);
    assert.match(await html.text(), /data-greeting="hello"/);
    for (const [name, type] of [
      ["page.js", /^text\/javascript/],
      ["page.css", /^text\/css/],
      ["page-kit.js", /^text\/javascript/],
      ["page-kit.css", /^text\/css/],
      ["chart.umd.js", /^text\/javascript/],
    ] as const) {
      const response = await fetch(`${base}/assets/${name}`);
      assert.equal(response.status, 200, name);
      assert.match(response.headers.get("content-type") ?? "", type, name);
      const text = await response.text();
      if (name === "chart.umd.js") assert.match(text, /Chart\.js v4\./);
      if (name === "page.js") assert.equal(text, PAGE["page.js"]);
    }
    assert.equal((await fetch(`${base}/assets/index.html`)).status, 404);
    assert.throws(
      () => registerStaticPage(Fastify(), { dir: pageDir, files: ["index.html"] }),
      /index\.html: only \.js and \.css files are served/,
    );
  });

  test("in Chromium the page kit builds the DOM from the JSON as text and sets Chart.js up", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      await page.goto(`${base}/`);
      await page.waitForSelector("body[data-state=ready]", { timeout: 15_000 });
      const shown = await page.$$eval(".item", (nodes) =>
        nodes.map((n) => [n.textContent, JSON.parse(n.getAttribute("data-value")!)]),
      );
      assert.deepEqual(
        shown,
        ITEMS.map((i) => [i.name, i.n]),
      );
      assert.equal(await page.$$eval("li b", (nodes) => nodes.length), 0, "text stays text");
      const chart = await page.$eval('[data-testid="chart"]', (canvas) => {
        const Chart = (globalThis as unknown as { Chart: ChartGlobal }).Chart;
        return { bars: Chart.getChart(canvas)?.data.datasets[0].data, animation: Chart.defaults.animation };
      });
      assert.deepEqual(chart, { bars: [1, 2], animation: false });
      const layout = await page.$eval("div.chart", (node) => {
        const css = (globalThis as unknown as { getComputedStyle(n: unknown): Record<string, string> })
          .getComputedStyle;
        return [css(node).position, css(node.ownerDocument.body).marginTop];
      });
      assert.deepEqual(layout, ["relative", "0px"], "page-kit.css is applied");
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});

interface ChartGlobal {
  getChart(canvas: unknown): { data: { datasets: { data: unknown[] }[] } } | undefined;
  defaults: { animation: unknown };
}
