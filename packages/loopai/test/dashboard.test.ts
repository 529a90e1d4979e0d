// The dashboard of `loopai serve` (GET /) in a real headless Chromium (Debian's, driven by
// puppeteer-core), on the real server over loopback and a store with history: a task trained,
// served, rolled out by canary, promoted and rolled back, with items waiting for review, and a task
// with nothing yet. The page must load without a console error, show the figures the JSON API gives,
// draw its charts, and label a review item on a click, with the API key the server asks for. Full-page
// screenshots of each state go to packages/loopai/test-artifacts/. Also here: the read endpoints the
// page uses (versions, agreement), their shapes in the OpenAPI document, and their agreement with the
// CLI and with `loopai status`.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { launchChromium, saveScreenshot, watchProblems } from "@toolchain/web-page/testing";
import type { FastifyInstance } from "fastify";
import type { Page } from "puppeteer-core";
import type { AgreementSeries } from "../src/agreement.js";
import { main } from "../src/cli.js";
import { Loopai } from "../src/loop.js";
import { DatasetOracle } from "../src/oracles/dataset.js";
import { buildServer } from "../src/server/http-api.js";
import { SqliteStore } from "../src/store.js";
import type { VersionsReport } from "../src/versions-report.js";
import { WorkerPool } from "../src/worker-pool.js";
import { intentSpec, intents } from "./intents.js";

const API_KEY = "s3cret";
const artifacts = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "loopai-dashboard-"));
const pool = new WorkerPool({ size: 1, deadlineMs: 200 });
const data = intents(700, 11);
// The oracle is wrong now and then (one answer in nine), as a real one is: agreement below 100%.
const LABELS = ["refund", "shipping", "other"];
const noisy = data.map((d, i) => (i % 9 === 4 ? { ...d, output: LABELS[(LABELS.indexOf(d.output) + 1) % 3]! } : d));
const oracle = () => new DatasetOracle(noisy, 0.002);

after(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Serves `inputs` through the loop one by one, as traffic would come. */
async function serveAll(loop: Loopai, inputs: { input: string }[]): Promise<void> {
  for (const { input } of inputs) await loop.execute("intent", input);
}

/**
 * The store the dashboard shows: "intent" trained (v1), served, a second version rolled out by
 * canary, a third forced in and rolled back, more traffic, three items waiting for a person; and
 * "fresh", created and never trained.
 */
async function historyStore(path: string): Promise<number[]> {
  const store = new SqliteStore(path);
  const loop = new Loopai({ store, oracle: oracle(), pool, autoImprove: false, seed: 5 });
  await loop.createTask(
    intentSpec({
      examples: data.slice(0, 30),
      sampling: { strategy: "random", rate: 0.3, seed: 3 },
      improvement: { requestsPerStage: 25, minComparisons: 3 },
    }),
  );
  await loop.train("intent");
  await serveAll(loop, data.slice(30, 150));
  const canary = await loop.train("intent");
  assert.equal(canary?.status, "canary", "the second version starts as a canary");
  await serveAll(loop, data.slice(150, 400));
  await loop.train("intent", { force: true });
  await loop.rollback("intent");
  await serveAll(loop, data.slice(400, 520));
  const active = (await store.getTask("intent"))!.activeVersion!;
  const reviews: number[] = [];
  for (const d of data.slice(600, 603))
    reviews.push(await store.enqueueReview("intent", active, d.input, "refund", 0.41));
  await loop.createTask(intentSpec({ name: "fresh", examples: data.slice(0, 4) }));
  const actions = (await store.auditLog("intent")).map((a) => a.action);
  for (const action of ["activate", "canary-start", "canary-advance", "promote", "rollback"])
    assert.ok(actions.includes(action), `${action} in the audit log: ${actions.join(", ")}`);
  await loop.close();
  await store.close();
  return reviews;
}

interface Running {
  app: FastifyInstance;
  base: string;
  store: SqliteStore;
}

async function serve(path: string): Promise<Running> {
  const store = new SqliteStore(path);
  const loop = new Loopai({ store, oracle: oracle(), pool, autoImprove: false });
  const app = await buildServer(loop, store, { apiKey: API_KEY });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, base, store };
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `${url}: ${await response.clone().text()}`);
  return (await response.json()) as T;
}

interface Status {
  requests: number;
  activeVersion: number | null;
  versions: number;
  pendingReviews: number;
  labels: number;
  answeredBy: Record<string, number>;
  agreement: { estimate: number | null; low: number; high: number; n: number };
  cost: { effectiveRate: number; oracleOnlyCost: number; loopCost: number; reduction: number };
}

interface Reviews {
  items: { id: number; input: string; predicted: string }[];
  output: { type: string; labels?: string[] };
}

const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? "n/a" : `${(x * 100).toFixed(1)}%`);

/** Every element with a data-testid that holds a figure: its text and its raw value. */
async function figures(page: Page): Promise<Record<string, { text: string; value: unknown }>> {
  const shown = await page.$$eval("[data-testid][data-value]", (nodes) =>
    nodes.map((n) => [n.getAttribute("data-testid"), n.textContent, n.getAttribute("data-value")] as const),
  );
  return Object.fromEntries(shown.map(([id, text, value]) => [id, { text: text ?? "", value: JSON.parse(value!) }]));
}

/** The page's figures against the API's status of the same task. */
function assertFigures(shown: Record<string, { text: string; value: unknown }>, status: Status): void {
  const saved = status.cost.oracleOnlyCost - status.cost.loopCost;
  assert.deepEqual(
    {
      requests: shown.requests?.value,
      agreement: shown.agreement?.value,
      oracleRate: shown["oracle-rate"]?.value,
      saved: shown["money-saved"]?.value,
      active: shown["active-version"]?.value,
      versions: shown["versions-count"]?.value,
      pending: shown["pending-reviews"]?.value,
      labels: shown.labels?.value,
    },
    {
      requests: status.requests,
      agreement: status.agreement.estimate,
      oracleRate: status.cost.effectiveRate,
      saved,
      active: status.activeVersion,
      versions: status.versions,
      pending: status.pendingReviews,
      labels: status.labels,
    },
  );
  assert.equal(shown.requests!.text, status.requests.toLocaleString("en-US"));
  assert.equal(shown.agreement!.text, pct(status.agreement.estimate));
  assert.equal(shown["oracle-rate"]!.text, pct(status.cost.effectiveRate));
  assert.equal(shown["pending-reviews"]!.text, String(status.pendingReviews));
  assert.match(shown["money-saved"]!.text, /^−?\$\d+\.\d+$/);
}

/** Per canvas: its test id, its size, and how many of its pixels something was drawn on. */
async function canvases(page: Page): Promise<Record<string, { width: number; height: number; painted: number }>> {
  const drawn = await page.$$eval("canvas", (nodes) =>
    nodes.map((node) => {
      const canvas = node as unknown as {
        width: number;
        height: number;
        getContext(kind: "2d"): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
      return [node.getAttribute("data-testid"), { width: canvas.width, height: canvas.height, painted }] as const;
    }),
  );
  return Object.fromEntries(drawn);
}

/** The data a chart on the page plots, dataset by dataset (Chart.js's own record of it). */
async function chartData(page: Page, testid: string): Promise<unknown[][]> {
  return page.$eval(`[data-testid="${testid}"]`, (canvas) => {
    const chart = (
      globalThis as unknown as { Chart: { getChart(c: unknown): { data: { datasets: { data: unknown[] }[] } } } }
    ).Chart.getChart(canvas);
    return chart.data.datasets.map((d) => d.data);
  });
}

const screenshot = (page: Page, name: string) => saveScreenshot(page, artifacts, name);

/** Waits until the page has drawn `task` (body[data-state=ready][data-task=...]). */
async function ready(page: Page, task: string): Promise<void> {
  await page.waitForSelector(`body[data-state="ready"][data-task="${task}"]`, { timeout: 20_000 });
}

describe("the dashboard of loopai serve", () => {
  const path = join(dir, "dashboard.db");
  let running: Running;
  let reviewIds: number[];
  before(async () => {
    reviewIds = await historyStore(path);
    running = await serve(path);
  });
  after(async () => {
    await running?.app.close();
    await running?.store.close();
  });

  test("GET /v1/tasks/{task}/versions: every version and the audit log, the document `loopai versions --json` prints", async () => {
    const report = await getJson<VersionsReport>(`${running.base}/v1/tasks/intent/versions`);
    assert.equal(report.task, "intent");
    assert.deepEqual(
      report.versions.map((v) => v.version),
      [1, 2, 3],
    );
    for (const v of report.versions) {
      assert.equal((v as { body?: string }).body, undefined);
      assert.equal(typeof v.strategy, "string");
      assert.equal(typeof v.createdAt, "string");
      assert.ok(v.accuracy.estimate === null || typeof v.accuracy.estimate === "number");
    }
    assert.ok(report.audit.some((a) => a.action === "rollback" && a.fromVersion === 3));
    let out = "";
    const code = await main(["--db", path, "versions", "intent", "--json"], {
      out: (s) => {
        out += s;
      },
      err: (s) => assert.fail(s),
      stdin: Readable.from([]),
    });
    assert.equal(code, 0);
    assert.deepEqual(report, JSON.parse(out));
    const unknown = await fetch(`${running.base}/v1/tasks/nope/versions`);
    assert.equal(unknown.status, 404);
    assert.match(((await unknown.json()) as { error: string }).error, /unknown task "nope" \(known: fresh, intent\)/);
  });

  test("GET /v1/tasks/{task}/agreement: the comparisons in buckets; the whole window is what status says", async () => {
    const series = await getJson<AgreementSeries & { task: string }>(`${running.base}/v1/tasks/intent/agreement`);
    const status = await getJson<Status>(`${running.base}/v1/tasks/intent`);
    assert.equal(series.task, "intent");
    assert.equal(series.buckets.length, 20);
    assert.equal(series.total, status.agreement.n);
    assert.equal(series.estimate, status.agreement.estimate);
    assert.equal(series.low, status.agreement.low);
    assert.equal(
      series.buckets.reduce((s, b) => s + b.total + b.errors, 0),
      series.samples,
    );
    // v1 served, then v2 as a canary beside it and on its own; v3 was rolled back before it served.
    assert.deepEqual([...new Set(series.buckets.flatMap((b) => b.versions))].sort(), [1, 2]);
    const time = await getJson<AgreementSeries>(`${running.base}/v1/tasks/intent/agreement?by=time&buckets=5&limit=40`);
    assert.ok(time.samples <= 40 && time.buckets.length <= 5);
    const bad = await fetch(`${running.base}/v1/tasks/intent/agreement?by=day`);
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { field: string }).field, "by");
    assert.equal((await fetch(`${running.base}/v1/tasks/nope/agreement`)).status, 404);
    const doc = await getJson<{ paths: Record<string, unknown> }>(`${running.base}/openapi.json`);
    for (const route of ["/v1/tasks/{task}/versions", "/v1/tasks/{task}/agreement"])
      assert.ok(doc.paths[route] !== undefined, `${route} in the OpenAPI document`);
    assert.equal(doc.paths["/"], undefined, "the page is not part of the API");
  });

  test("the page shows the API's figures and charts, and a click labels a review item in the store", async () => {
    const browser = await launchChromium();
    const page = await browser.newPage();
    const problems = watchProblems(page);
    try {
      await page.setViewport({ width: 1400, height: 900 });
      await page.goto(`${running.base}/#task=intent`);
      await ready(page, "intent");

      // The figures, against the API's JSON for the same task.
      const status = await getJson<Status>(`${running.base}/v1/tasks/intent`);
      assertFigures(await figures(page), status);
      assert.ok(status.requests > 0 && status.pendingReviews === 3 && status.agreement.n > 0);

      // The versions table and the audit log: every version and every entry, newest first.
      const report = await getJson<VersionsReport>(`${running.base}/v1/tasks/intent/versions`);
      const rows = await page.$$eval('[data-testid="version-row"]', (nodes) =>
        nodes.map((n) => [Number(n.getAttribute("data-version")), n.getAttribute("data-status")]),
      );
      assert.deepEqual(rows, report.versions.map((v) => [v.version, v.status]).reverse());
      const audit = await page.$$eval('[data-testid="audit-row"]', (nodes) =>
        nodes.map((n) => n.getAttribute("data-action")),
      );
      assert.deepEqual(audit, report.audit.map((a) => a.action).reverse());

      // The charts: drawn, and drawn from the API's figures.
      const drawn = await canvases(page);
      for (const id of ["chart-traffic", "chart-agreement", "chart-versions"]) {
        const canvas = drawn[id];
        assert.ok(canvas !== undefined, `${id} on the page`);
        assert.ok(canvas.width > 100 && canvas.height > 100, `${id} is ${canvas.width}×${canvas.height}`);
        assert.ok(canvas.painted > 0.01 * canvas.width * canvas.height, `${id}: ${canvas.painted} pixels drawn`);
      }
      assert.deepEqual(await chartData(page, "chart-traffic"), [
        ["program", "previous", "oracle", "none"].map((n) => status.answeredBy[n]),
      ]);
      const series = await getJson<AgreementSeries>(`${running.base}/v1/tasks/intent/agreement`);
      assert.deepEqual(await chartData(page, "chart-agreement"), [
        series.buckets.map((b) => b.low),
        series.buckets.map((b) => b.high),
        series.buckets.map((b) => b.estimate),
      ]);
      const marks = (await chartData(page, "chart-versions")).flat() as { x: number; y: number }[];
      assert.ok(marks.length >= report.audit.length, `${marks.length} points for ${report.audit.length} audit rows`);
      assert.equal(await page.$eval('[data-testid="api-key"]', (n) => n.checkVisibility()), true);
      await screenshot(page, "dashboard-intent");

      // The review queue: the items the API lists, labelled by a click with the key typed in.
      const reviews = await getJson<Reviews>(`${running.base}/v1/tasks/intent/reviews`);
      assert.deepEqual(reviews.output, { type: "label", labels: LABELS });
      const listed = await page.$$eval('[data-testid="review-item"]', (nodes) =>
        nodes.map((n) => Number(n.getAttribute("data-review-id"))),
      );
      assert.deepEqual(
        listed,
        reviews.items.map((r) => r.id),
      );
      assert.deepEqual([...listed].sort(), [...reviewIds].sort());
      const item = reviews.items[0]!;
      const right = data.find((d) => d.input === item.input)!.output;
      await page.type('[data-testid="api-key"]', API_KEY);
      await page.click(
        `[data-testid="review-item"][data-review-id="${item.id}"] [data-testid="label-button"][data-label="${right}"]`,
      );
      await page.waitForFunction(
        `!document.querySelector('[data-review-id="${item.id}"]') && document.body.dataset.state === "ready"`,
        { timeout: 20_000 },
      );
      assert.match(
        await page.$eval('[data-testid="review-status"]', (n) => n.textContent ?? ""),
        new RegExp(`#${item.id} labelled "${right}"`),
      );
      const stored = await running.store.getReview(item.id);
      assert.equal(stored?.status, "done");
      assert.equal(stored?.label, right);
      const labels = await running.store.labels("intent");
      assert.ok(labels.some((l) => l.input === item.input && l.output === right && l.source === "human"));
      assert.equal(await running.store.pendingReviewCount("intent"), 2);
      // The figures follow: one item fewer waiting, one more oracle answer.
      const after = await getJson<Status>(`${running.base}/v1/tasks/intent`);
      assert.equal(after.pendingReviews, 2);
      assertFigures(await figures(page), after);
      assert.equal(await page.$$eval('[data-testid="review-item"]', (nodes) => nodes.length), 2);
      await screenshot(page, "dashboard-intent-labelled");

      // The task picker: the other task, which has nothing yet.
      assert.deepEqual(
        await page.$$eval('[data-testid="task-picker"] option', (nodes) => nodes.map((n) => n.textContent)),
        ["fresh", "intent"],
      );
      await page.select('[data-testid="task-picker"]', "fresh");
      await ready(page, "fresh");
      const fresh = await getJson<Status>(`${running.base}/v1/tasks/fresh`);
      assertFigures(await figures(page), fresh);
      assert.equal((await figures(page)).agreement!.text, "n/a");
      assert.equal(await page.$$eval('[data-testid="review-empty"]', (nodes) => nodes.length), 1);
      assert.equal(await page.$$eval('[data-testid="version-row"]', (nodes) => nodes.length), 0);
      // Nothing to draw: each chart says so instead.
      for (const id of ["chart-traffic", "chart-agreement", "chart-versions"]) {
        const shown = await page.$eval(`[data-testid="${id}-empty"]`, (n) => [n.checkVisibility(), n.textContent]);
        assert.equal(shown[0], true, `${id}: ${shown[1]}`);
      }
      assert.equal(await page.$eval('[data-testid="review-status"]', (n) => n.textContent), "");
      await screenshot(page, "dashboard-fresh");

      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  test("assets: Chart.js from node_modules, the page's own files, GET / as HTML", async () => {
    const html = await fetch(`${running.base}/`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(html.headers.get("content-security-policy") ?? "", /default-src 'self'/);
    const page = await html.text();
    assert.match(page, /data-api-key-required="true"/);
    const chart = await fetch(`${running.base}/assets/chart.umd.js`);
    assert.equal(chart.status, 200);
    assert.match(chart.headers.get("content-type") ?? "", /javascript/);
    assert.match(await chart.text(), /Chart\.js v4\./);
    for (const asset of ["dashboard.js", "dashboard.css", "page-kit.js"])
      assert.equal((await fetch(`${running.base}/assets/${asset}`)).status, 200, asset);
  });
});
