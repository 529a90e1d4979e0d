// `kogine ui`, the run browser, in a real headless Chromium (Debian's, driven by puppeteer-core), served by
// the real `kogine ui` process over loopback, on a run store the real `kogine run` filled: a sweep of a
// Python script that logs its loss and accuracy every step and returns what it logged (the referee), and a
// run whose task logs while it sleeps. The page must load without a console error or a failed request,
// show the tasks as the store and the script have them, sort, draw every task's curve and the sweep's
// parallel coordinates, show a task's logs, and grow a running task's curve while it runs. Full-page
// screenshots go to packages/kogine/test-artifacts/. Also here: the JSON API the page reads, and the
// errors of `kogine ui` (a port in use, no run store).

import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { get as httpGet } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { launchChromium, saveScreenshot, watchProblems } from "@toolchain/web-page/testing";
import type { Browser, Page } from "puppeteer-core";
import { parseExtendedJson } from "../src/extended-json.js";
import { KOGINE_BIN, kogine, logOf, resultOf, scratch } from "./helpers.js";

const artifacts = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

// Logs every step through kogine.log and returns the same values, so the page can be checked against the
// script's own account. `pause` makes a long-running task.
const TRAIN = `
import time
import kogine

lr = 0.1
layers = 2
steps = 12
pause = 0.0

def main():
    loss = 2.0
    losses, accs = [], []
    for step in range(steps):
        loss = loss * (1 - lr) + 0.02 * layers
        acc = 1 - loss / 2
        kogine.log(step=step, loss=loss, acc=acc)
        losses.append(loss)
        accs.append(acc)
        print(f"step {step} loss {loss:.4f}", flush=True)
        time.sleep(pause)
    return {"lr": lr, "layers": layers, "losses": losses, "accs": accs}
`;

interface Logged {
  lr: number;
  layers: number;
  losses: number[];
  accs: number[];
}

/** A row of `kogine runs compare --format json`. */
interface ComparedTask {
  index: number;
  label: string;
  settings: Record<string, unknown>;
  status: string;
  durationMs: number | null;
  metrics: Record<string, { last: number; best: number | null; mode: "min" | "max" }>;
}

interface Ui {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Starts `kogine ui --port 0` in `cwd` and reads the address it prints. */
function startUi(cwd: string, args: string[] = []): Promise<Ui> {
  const child = spawn(process.execPath, [KOGINE_BIN, "ui", "--port", "0", ...args], {
    cwd,
    env: { ...process.env, KOGINE_RUNS_DIR: join(cwd, "runs") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr!.on("data", (chunk) => {
      err += chunk;
    });
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      const url = /at (http:\/\/\S+) /.exec(out)?.[1];
      if (url) resolve({ child, url, exited });
    });
    void exited.then((code) => reject(new Error(`kogine ui exited with ${code}: ${err}`)));
  });
}

/** GET `path` exactly as given (fetch would resolve its dot segments first). */
function rawGet(base: URL, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpGet({ host: base.hostname, port: base.port, path }, (response) => {
      let body = "";
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
  });
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `${url}: ${await response.clone().text()}`);
  return (await response.json()) as T;
}

async function compareRun(cwd: string, id: string): Promise<ComparedTask[]> {
  const compared = await kogine(["runs", "compare", id, "--format", "json"], cwd);
  assert.equal(compared.code, 0, compared.stderr);
  return parseExtendedJson(compared.stdout) as ComparedTask[];
}

const screenshot = (page: Page, name: string) => saveScreenshot(page, artifacts, name);

/** The tasks table as shown: per row, each cell's raw value by its column key. */
async function tableRows(page: Page): Promise<Record<string, unknown>[]> {
  return page.$$eval('[data-testid="tasks-table"] tbody tr', (rows) =>
    rows.map((row) =>
      Object.fromEntries(
        [...row.querySelectorAll("td[data-key]")].map((cell) => [
          cell.getAttribute("data-key"),
          JSON.parse(cell.getAttribute("data-value")!),
        ]),
      ),
    ),
  );
}

/** The curves chart's datasets: the task each one draws and its points (Chart.js's own record of them). */
async function curves(page: Page): Promise<{ task: number; points: { x: number; y: number }[] }[]> {
  return page.$eval('[data-testid="chart-curves"]', (canvas) => {
    const chart = (
      globalThis as unknown as {
        Chart: {
          getChart(c: unknown): { data: { datasets: { taskIndex: number; data: { x: number; y: number }[] }[] } };
        };
      }
    ).Chart.getChart(canvas);
    return chart ? chart.data.datasets.map((d) => ({ task: d.taskIndex, points: d.data })) : [];
  });
}

/** How many pixels of the curves canvas something was drawn on. */
async function paintedPixels(page: Page): Promise<number> {
  return page.$eval('[data-testid="chart-curves"]', (node) => {
    const canvas = node as unknown as {
      width: number;
      height: number;
      getContext(kind: "2d"): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
    return painted;
  });
}

describe("kogine ui, the run browser", () => {
  const dir = scratch({ "train.py": TRAIN });
  let sweepId: string;
  let ui: Ui;
  let browser: Browser;

  before(async () => {
    const sweep = await kogine(
      ["run", "train.py", "--sweep", "lr=0.3,0.1,0.01", "--sweep", "layers=1,4", "-w", "2", "--name", "sweep"],
      dir,
    );
    assert.equal(sweep.code, 0, sweep.stderr);
    const listed = await kogine(["runs", "list", "--json"], dir);
    sweepId = (JSON.parse(listed.stdout) as { id: string }[]).at(-1)!.id;
    ui = await startUi(dir);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    ui?.child.kill("SIGTERM");
    if (ui) assert.equal(await ui.exited, 0, "kogine ui ends cleanly on SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  test("the JSON API: runs, a run's tasks with settings and metric summaries, a task's metrics and logs", async () => {
    const listing = await getJson<{ runsDir: string; runs: { id: string; tasks: number; scripts: string[] }[] }>(
      `${ui.url}api/runs`,
    );
    assert.equal(listing.runsDir, join(dir, "runs"));
    assert.deepEqual(
      listing.runs.map((r) => [r.id, r.tasks, r.scripts]),
      [[sweepId, 6, ["train.py"]]],
    );
    const detail = await getJson<{ varied: string[]; metrics: string[]; tasks: (ComparedTask & { step: number })[] }>(
      `${ui.url}api/runs/${sweepId}`,
    );
    assert.deepEqual(detail.varied, ["lr", "layers"]);
    assert.deepEqual(detail.metrics, ["acc", "loss"]);
    const compared = await compareRun(dir, sweepId);
    assert.deepEqual(
      detail.tasks.map(({ index, label, settings, status, durationMs, metrics }) => ({
        index,
        label,
        settings,
        status,
        durationMs,
        metrics,
      })),
      compared,
      "a run's tasks are the rows of kogine runs compare",
    );
    for (const task of detail.tasks) {
      const logged = resultOf(dir, sweepId, task.index) as Logged;
      assert.deepEqual(task.settings, { lr: logged.lr, layers: logged.layers });
      assert.deepEqual(task.metrics.loss, {
        last: logged.losses.at(-1),
        best: Math.min(...logged.losses),
        mode: "min",
      });
      assert.deepEqual(task.metrics.acc, { last: logged.accs.at(-1), best: Math.max(...logged.accs), mode: "max" });
    }
    const series = await getJson<{ rows: { step: number; values: Record<string, number> }[]; next: number }>(
      `${ui.url}api/runs/${sweepId}/tasks/3/metrics`,
    );
    const logged = resultOf(dir, sweepId, 3) as Logged;
    assert.deepEqual(
      series.rows.map((r) => [r.step, r.values.loss, r.values.acc]),
      logged.losses.map((loss, step) => [step, loss, logged.accs[step]]),
    );
    const rest = await getJson<{ rows: unknown[]; next: number }>(
      `${ui.url}api/runs/${sweepId}/tasks/3/metrics?from=${series.next}`,
    );
    assert.deepEqual(rest, { rows: [], next: series.next }, "read on from `next`, nothing new");
    const log = await getJson<{ text: string; from: number; next: number; size: number }>(
      `${ui.url}api/runs/${sweepId}/tasks/3/logs?stream=stdout`,
    );
    assert.equal(log.text, logOf(dir, sweepId, 3, "stdout"));
    assert.deepEqual([log.from, log.next], [0, log.size]);

    for (const [path, status, message] of [
      [`api/runs/2026-01-01/nope`, 404, /no run "2026-01-01\/nope"/],
      [`api/runs/${sweepId}/tasks/9/logs`, 404, /has no task 9/],
      [`api/runs/${sweepId}/tasks/1/logs?stream=stdin`, 400, /stream/],
      [`api/runs/${sweepId}/tasks/-1/metrics`, 400, /index/],
      [`api/runs/..%2F..%2F/etc`, 404, /no run/],
      [`api/runs/${sweepId}%2F..%2F..`, 404, /no run/],
    ] as const) {
      const response = await fetch(`${ui.url}${path}`);
      assert.equal(response.status, status, path);
      assert.match(((await response.json()) as { error: string }).error, message, path);
    }
    // Paths as sent, not normalised as fetch would: a run directory outside the store is not served.
    mkdirSync(join(dir, "decoy"));
    copyFileSync(join(dir, "runs", sweepId, "manifest.json"), join(dir, "decoy", "manifest.json"));
    for (const path of ["/api/runs/../decoy", "/api/runs/%2E%2E/decoy"]) {
      const answer = await rawGet(new URL(ui.url), path);
      assert.equal(answer.status, 404, path);
      assert.match(answer.body, /no run/, path);
    }
  });

  test("the page: the runs, a sweep's tasks as the store has them, sorted on a click, every curve, the parallel coordinates, a task's logs", async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.setViewport({ width: 1400, height: 1000 });
    await page.goto(ui.url);
    await page.waitForSelector(`body[data-state="ready"][data-run="${sweepId}"]`, { timeout: 20_000 });

    const runRows = await page.$$eval('[data-testid="runs-table"] tbody tr', (rows) =>
      rows.map((r) => r.getAttribute("data-run-id")),
    );
    assert.deepEqual(runRows, [sweepId]);

    // The table is `kogine runs compare --format json`, cell for cell; the values are the script's own.
    const compared = await compareRun(dir, sweepId);
    const rows = await tableRows(page);
    assert.deepEqual(
      rows,
      compared.map((task) => ({
        index: task.index,
        status: task.status,
        duration: task.durationMs,
        "setting:lr": task.settings.lr,
        "setting:layers": task.settings.layers,
        "last:acc": task.metrics.acc!.last,
        "best:acc": task.metrics.acc!.best,
        "last:loss": task.metrics.loss!.last,
        "best:loss": task.metrics.loss!.best,
      })),
    );
    for (const row of rows) {
      const logged = resultOf(dir, sweepId, row.index as number) as Logged;
      assert.deepEqual(
        [row["setting:lr"], row["setting:layers"], row["last:loss"], row["best:loss"], row["best:acc"]],
        [logged.lr, logged.layers, logged.losses.at(-1), Math.min(...logged.losses), Math.max(...logged.accs)],
      );
    }
    const headings = await page.$$eval('[data-testid="tasks-table"] th[data-key]', (nodes) =>
      nodes.map((n) => n.textContent),
    );
    assert.deepEqual(headings, [
      "#",
      "status",
      "duration",
      "lr",
      "layers",
      "acc last",
      "acc max",
      "loss last",
      "loss min",
    ]);

    await page.click('[data-testid="tasks-table"] th[data-key="last:loss"]');
    const ascending = (await tableRows(page)).map((r) => r["last:loss"] as number);
    assert.deepEqual(
      ascending,
      [...ascending].sort((a, b) => a - b),
    );
    await page.click('[data-testid="tasks-table"] th[data-key="last:loss"]');
    const descending = (await tableRows(page)).map((r) => r["last:loss"] as number);
    assert.deepEqual(descending, [...ascending].reverse());

    await page.select('[data-testid="metric-picker"]', "loss");
    const drawn = await curves(page);
    assert.deepEqual(
      drawn.map((d) => d.task).sort(),
      compared.map((t) => t.index),
    );
    for (const curve of drawn) {
      const logged = resultOf(dir, sweepId, curve.task) as Logged;
      assert.deepEqual(
        curve.points,
        logged.losses.map((y, x) => ({ x, y })),
      );
    }
    assert.ok((await paintedPixels(page)) > 2000, "the curves are drawn on the canvas");
    const yScale = () =>
      page.$eval('[data-testid="chart-curves"]', (canvas) => {
        type Charts = { getChart(c: unknown): { scales: { y: { type: string } } } };
        return (globalThis as unknown as { Chart: Charts }).Chart.getChart(canvas).scales.y.type;
      });
    assert.equal(await yScale(), "linear");
    await page.click('[data-testid="log-scale"]');
    assert.equal(await yScale(), "logarithmic");
    await page.click('[data-testid="log-scale"]');

    // Unticking a task takes its curve off.
    await page.click('[data-testid="tasks-table"] tr[data-index="2"] [data-testid="curve-toggle"]');
    assert.deepEqual((await curves(page)).map((d) => d.task).sort(), [0, 1, 3, 4, 5]);

    const axes = await page.$$eval('[data-testid="parallel-svg"] text.name', (nodes) =>
      nodes.map((n) => n.textContent),
    );
    assert.deepEqual(axes, ["lr", "layers", "loss (min)"]);
    const lines = await page.$$eval('[data-testid="parallel-svg"] path', (nodes) =>
      nodes.map((n) => [Number(n.getAttribute("data-index")), (n.getAttribute("d") ?? "").split(/[ML]/).length - 1]),
    );
    assert.deepEqual(
      lines.sort(),
      compared.map((t) => [t.index, 3]),
      "one line per task, through its two settings and its metric",
    );

    await page.click('[data-testid="tasks-table"] tr[data-index="4"] td[data-key="status"]');
    await page.waitForSelector('[data-testid="log"][data-task="4"][data-stream="stdout"]', { timeout: 10_000 });
    assert.equal(await page.$eval('[data-testid="log"]', (n) => n.textContent), logOf(dir, sweepId, 4, "stdout"));
    await screenshot(page, "sweep");

    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a failed task that logged NaN and infinities: text in the API and the table, gaps in the curve, its failure", async () => {
    const script =
      "import kogine\n\ndef main():\n    for step, loss in enumerate([1.0, float('nan'), float('inf'), 0.5]):\n        kogine.log(step=step, loss=loss)\n    raise ValueError('diverged')\n";
    const nonFinite = scratch({ "nan.py": script });
    try {
      const ran = await kogine(["run", "nan.py", "--name", "nan"], nonFinite);
      assert.equal(ran.code, 1, ran.stderr);
      const other = await startUi(nonFinite);
      try {
        const { runs } = await getJson<{ runs: { id: string }[] }>(`${other.url}api/runs`);
        const id = runs[0]!.id;
        const series = await getJson<{ rows: { values: { loss: unknown } }[] }>(
          `${other.url}api/runs/${id}/tasks/0/metrics`,
        );
        assert.deepEqual(
          series.rows.map((r) => r.values.loss),
          [1, "NaN", "Infinity", 0.5],
        );
        const [compared] = await compareRun(nonFinite, id);
        const detail = await getJson<{ tasks: ComparedTask[] }>(`${other.url}api/runs/${id}`);
        assert.deepEqual(detail.tasks[0]!.metrics, compared!.metrics);
        const page = await browser.newPage();
        const problems = watchProblems(page);
        await page.goto(other.url);
        await page.waitForSelector(`body[data-state="ready"][data-run="${id}"]`, { timeout: 20_000 });
        assert.deepEqual((await curves(page))[0]!.points, [
          { x: 0, y: 1 },
          { x: 1, y: null },
          { x: 2, y: null },
          { x: 3, y: 0.5 },
        ]);
        const cells = await page.$$eval('[data-testid="tasks-table"] td[data-key$=":loss"]', (nodes) =>
          nodes.map((n) => n.textContent),
        );
        assert.deepEqual(cells, ["0.5", "0.5"]);
        assert.equal(
          await page.$eval('[data-testid="parallel-empty"]', (n) => n.textContent),
          "A sweep or a search draws here: this run's tasks all ran under the same settings.",
        );
        await page.waitForSelector('[data-testid="log"][data-task="0"]');
        assert.equal(
          await page.$eval('[data-testid="log-failure"]', (n) => n.textContent),
          "failed (exception): ValueError: diverged",
        );
        await page.click('[data-testid="log-stderr"]');
        await page.waitForSelector('[data-testid="log"][data-stream="stderr"][data-complete="true"]');
        assert.equal(await page.$eval('[data-testid="log"]', (n) => n.textContent), logOf(nonFinite, id, 0, "stderr"));
        await screenshot(page, "failed-task");
        assert.deepEqual(problems, []);
        await page.close();
      } finally {
        other.child.kill("SIGTERM");
        await other.exited;
      }
    } finally {
      rmSync(nonFinite, { recursive: true, force: true });
    }
  });

  test("a running sweep: a task's curve appears and grows while it runs, its logs with it; only what is swept varies", async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.setViewport({ width: 1400, height: 1000 });
    const running = kogine(
      ["run", "train.py", "--set", "steps=30", "--set", "pause=0.15", "--sweep", "lr=0.05,0.04", "--name", "live"],
      dir,
    );
    let liveId: string | undefined;
    for (let waited = 0; !liveId && waited < 20_000; waited += 100) {
      const { runs } = await getJson<{ runs: { id: string; name: string }[] }>(`${ui.url}api/runs`);
      liveId = runs.find((r) => r.name === "live")?.id;
      if (!liveId) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(liveId, "the live run appears in the runs list");
    await page.goto(`${ui.url}#run=${encodeURIComponent(liveId)}`);
    await page.waitForSelector(`body[data-state="ready"][data-run="${liveId}"]`, { timeout: 20_000 });

    // Points seen while the page still shows the task running: at least two different, growing counts.
    // Meanwhile the second task waits: as planned, its settings compare equal to those of the task running.
    const counts: number[] = [];
    let pendingSeen = false;
    for (let waited = 0; waited < 30_000; waited += 250) {
      const points = (await curves(page))[0]?.points.length ?? 0;
      const [status] = await page.$$eval('[data-testid="tasks-table"] td[data-key="status"]', (cells) =>
        cells.map((n) => JSON.parse(n.getAttribute("data-value")!) as string),
      );
      if (status !== undefined && status !== "pending" && status !== "running") break;
      if (status === "running" && points > 0 && points !== counts.at(-1)) counts.push(points);
      if (counts.length === 2) await screenshot(page, "live-running");
      if (status === "running" && !pendingSeen) {
        const detail: { varied: string[]; tasks: ComparedTask[] } = await getJson(`${ui.url}api/runs/${liveId}`);
        if (detail.tasks[1]?.status === "pending") {
          pendingSeen = true;
          assert.deepEqual(detail.varied, ["lr"]);
          assert.deepEqual(
            detail.tasks.map((t) => t.settings),
            [{ lr: 0.05 }, { lr: 0.04 }],
          );
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // The last poll may show every point with the task not yet recorded as ended: counts below 30 are
    // points drawn while the task was still logging.
    const partial = counts.filter((n) => n < 30);
    assert.ok(partial.length >= 2, `the curve grew while the task ran (point counts seen: ${counts.join(", ")})`);
    assert.ok(pendingSeen, "the second task was seen waiting");

    const result = await running;
    assert.equal(result.code, 0, result.stderr);
    const logged = resultOf(dir, liveId, 0) as Logged;
    await page.waitForFunction(
      (n) => {
        type Dom = { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
        type Charts = { getChart(canvas: unknown): { data: { datasets: { data: unknown[] }[] } } | undefined };
        const { document, Chart } = globalThis as unknown as { document: Dom; Chart: Charts };
        const logComplete = document.querySelector('[data-testid="log"]')?.getAttribute("data-complete") === "true";
        const chart = Chart.getChart(document.querySelector('[data-testid="chart-curves"]'));
        return logComplete && chart?.data.datasets[0]?.data.length === n;
      },
      { timeout: 20_000 },
      logged.accs.length,
    );
    assert.deepEqual(
      (await curves(page))[0]!.points,
      logged.accs.map((y, x) => ({ x, y })),
      "the first metric, acc, as logged",
    );
    assert.equal(await page.$eval('[data-testid="log"]', (n) => n.textContent), logOf(dir, liveId, 0, "stdout"));
    await page.waitForSelector('[data-testid="run-status"].status-succeeded', { timeout: 20_000 });
    assert.deepEqual(
      await page.$$eval('[data-testid="parallel-svg"] text.name', (nodes) => nodes.map((n) => n.textContent)),
      ["lr", "acc (max)"],
    );
    await screenshot(page, "live-finished");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("kogine ui: errors", () => {
  test("a port in use: a message naming it, exit status 1, no stack trace", async () => {
    const dir = scratch({});
    mkdirSync(join(dir, "runs"));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const result = await kogine(["ui", "--port", String(port)], dir);
      assert.equal(result.code, 1);
      assert.equal(
        result.stderr,
        `kogine: error: cannot listen on 127.0.0.1:${port}: the port is in use (choose another with --port, or 0 for any free port)\n`,
      );
    } finally {
      taken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("no run store, or a bad port: a message, exit status 1", async () => {
    const dir = scratch({});
    try {
      const missing = await kogine(["ui", "--runs-dir", "nowhere"], dir);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /^kogine: error: no run store at \S+\/nowhere: run something first/);
      const badPort = await kogine(["ui", "--port", "http"], dir);
      assert.equal(badPort.code, 1);
      assert.equal(badPort.stderr, "kogine: error: --port http: expected a whole number >= 0\n");
      const tooHigh = await kogine(["ui", "--port", "70000"], dir);
      assert.equal(tooHigh.stderr, "kogine: error: --port 70000: expected a port number, 0 to 65535\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
