// The kogine run browser: reads the JSON API of `kogine ui` and draws it. Plain JavaScript, no build step;
// Chart.js (the global `Chart`, served at /assets/chart.umd.js) draws the curves, plain SVG the parallel
// coordinates. What the store holds (labels, settings, logs) is written with textContent, never as HTML.
// While the run shown is running, the page polls every second, and reads each task's metrics and logs on
// from where it left off (the API's `from`/`next` byte offsets).
//
// For tests and for people: <body data-state> is "loading", "ready" or "error", <body data-run> the run
// shown; table cells carry their raw value in data-value (JSON), rows their task in data-index.

import { byTestId as $, el, getJson, useChartDefaults } from "/assets/page-kit.js";

const Chart = globalThis.Chart;
const POLL_MS = 1000;
const PALETTE = [
  "#2f6fdb",
  "#e8612d",
  "#1f9d55",
  "#c2338b",
  "#8e6bd1",
  "#d49a00",
  "#17a2b8",
  "#6b4f2a",
  "#d64545",
  "#4b5563",
];
const FINISHED = new Set(["succeeded", "failed", "interrupted", "skipped", "pruned"]);

const body = document.body;
const live = document.getElementById("live");
const runView = document.getElementById("run-view");

const state = {
  runs: [],
  runId: null,
  detail: null,
  /** Per task index: its metric rows read so far, where the next read starts, and whether it is complete. */
  series: new Map(),
  /** The column the table is sorted by; none: the order `kogine runs compare` gives (a search's best first). */
  sort: { key: null, direction: 1 },
  /** Tasks whose curve the user took off the chart. */
  hidden: new Set(),
  metric: null,
  log: { index: null, stream: "stdout", next: undefined, done: false },
  chart: null,
  /** Bumped when another run is chosen: answers for the run before are dropped. */
  generation: 0,
  busy: false,
  again: false,
};

// ---- formatting -------------------------------------------------------------------------------

const isNumber = (x) => typeof x === "number" && Number.isFinite(x);
/** A metric value as the API sends it: a number, or "NaN"/"Infinity"/"-Infinity". */
const metricNumber = (x) => (typeof x === "number" ? x : typeof x === "string" ? Number(x) : null);
function number(x) {
  if (x === null || x === undefined) return "";
  if (typeof x === "string") return x;
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6 ? String(Number(x.toPrecision(5))) : x.toExponential(3);
}
function duration(ms) {
  if (!isNumber(ms)) return "";
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const s = Math.round(ms / 1000);
  const hms = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
  return (hms[0] > 0 ? hms : hms.slice(1)).map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, "0"))).join(":");
}
const pad = (n) => String(n).padStart(2, "0");
function dateTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
/** A setting's value in a cell: numbers and text as they are, anything else as JSON. */
function settingText(value) {
  if (value === undefined) return "";
  if (typeof value === "number") return number(value);
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "$repr" in value) return value.$repr;
  return JSON.stringify(value);
}
function countsText(run) {
  const parts = Object.entries(run.counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`);
  return `${run.tasks}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
}
const colour = (index) => PALETTE[index % PALETTE.length];
/** Which end of a metric is best ("min" or "max"), as `kogine runs compare` decided it for the run's tasks. */
const modeOf = (metric) => state.detail.tasks.find((t) => t.metrics[metric])?.metrics[metric].mode ?? "min";
const best = (task, metric) => task.metrics[metric]?.best ?? null;

// ---- the DOM ----------------------------------------------------------------------------------

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children) node.append(child);
  return node;
}

function showMessage(text) {
  const node = $("message");
  node.textContent = text;
  node.hidden = text === "";
}

// ---- the API ----------------------------------------------------------------------------------

const runPath = (id) => `/api/runs/${id.split("/").map(encodeURIComponent).join("/")}`;

// ---- runs -------------------------------------------------------------------------------------

function renderRuns() {
  const rows = [...state.runs].reverse().map((run) =>
    el(
      "tr",
      {
        "data-run-id": run.id,
        class: run.id === state.runId ? "selected" : undefined,
        onclick: () => chooseRun(run.id),
      },
      el("td", {}, run.name, el("div", { class: "muted" }, run.id)),
      el("td", {}, run.scripts.join(", ")),
      el("td", {}, run.mode),
      el("td", { class: `status status-${run.status}`, "data-value": JSON.stringify(run.status) }, run.status),
      el("td", {}, dateTime(run.createdAt)),
      el("td", { "data-value": JSON.stringify(run.counts) }, countsText(run)),
    ),
  );
  $("runs-table").tBodies[0].replaceChildren(...rows);
}

function chooseRun(id) {
  if (id === state.runId) return;
  location.hash = `run=${encodeURIComponent(id)}`;
}

function runFromHash() {
  const match = /run=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

// ---- tasks table ------------------------------------------------------------------------------

/** The table's columns for the run shown: the task, its varied settings, then each metric's last and best. */
function columns(detail) {
  const cols = [
    { key: "index", title: "#", value: (t) => t.index, number: true },
    { key: "status", title: "status", value: (t) => t.status, status: true },
    {
      key: "duration",
      title: "duration",
      value: (t) => t.durationMs,
      text: (t) =>
        t.durationMs === null && t.status === "running" && t.startedAt
          ? `${duration(Date.now() - Date.parse(t.startedAt))} …`
          : duration(t.durationMs),
      number: true,
    },
  ];
  if (detail.varied.length === 0) cols.push({ key: "label", title: "task", value: (t) => t.label });
  for (const key of detail.varied)
    cols.push({
      key: `setting:${key}`,
      title: key,
      value: (t) => t.settings[key],
      text: (t) => settingText(t.settings[key]),
    });
  for (const metric of detail.metrics) {
    cols.push({
      key: `last:${metric}`,
      title: `${metric} last`,
      value: (t) => t.metrics[metric]?.last ?? null,
      number: true,
    });
    cols.push({
      key: `best:${metric}`,
      title: `${metric} ${modeOf(metric)}`,
      value: (t) => best(t, metric),
      number: true,
    });
  }
  return cols;
}

/** Numbers (and the API's "NaN"/"Infinity" texts) by value, NaN last; anything else as text, digits by value. */
function compareValues(a, b) {
  const numeric = (v) => typeof v === "number" || v === "NaN" || v === "Infinity" || v === "-Infinity";
  if (numeric(a) && numeric(b)) {
    const [x, y] = [metricNumber(a), metricNumber(b)];
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) - Number.isNaN(y);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  const text = (v) => (typeof v === "string" ? v : JSON.stringify(v));
  return text(a).localeCompare(text(b), undefined, { numeric: true });
}

function renderTasks() {
  const detail = state.detail;
  const cols = columns(detail);
  const sortCol = cols.find((c) => c.key === state.sort.key);
  const tasks = [...detail.tasks];
  if (sortCol)
    tasks.sort((a, b) => {
      const [x, y] = [sortCol.value(a), sortCol.value(b)];
      const missing = (v) => v === null || v === undefined;
      if (missing(x) || missing(y)) return missing(x) - missing(y) || a.index - b.index; // empty cells last
      return state.sort.direction * compareValues(x, y) || a.index - b.index;
    });
  const table = $("tasks-table");
  const heads = cols.map((col) =>
    el(
      "th",
      {
        "data-key": col.key,
        "aria-sort": col === sortCol ? (state.sort.direction > 0 ? "ascending" : "descending") : undefined,
        onclick: () => {
          state.sort = { key: col.key, direction: col === sortCol ? -state.sort.direction : 1 };
          renderTasks();
        },
      },
      col.title,
    ),
  );
  table.tHead.replaceChildren(el("tr", {}, el("th", { title: "curve shown" }, "curve"), ...heads));
  const rows = tasks.map((task) =>
    el(
      "tr",
      {
        "data-index": task.index,
        class: task.index === state.log.index ? "selected" : undefined,
        onclick: () => chooseLogTask(task.index),
      },
      el(
        "td",
        {},
        el("input", {
          type: "checkbox",
          checked: !state.hidden.has(task.index),
          title: "show this task's curve",
          "data-testid": "curve-toggle",
          onclick: (event) => {
            event.stopPropagation();
            if (event.target.checked) state.hidden.delete(task.index);
            else state.hidden.add(task.index);
            renderCurves();
          },
        }),
      ),
      ...cols.map((col) => {
        const value = col.value(task);
        return el(
          "td",
          {
            "data-key": col.key,
            "data-value": JSON.stringify(value ?? null),
            class: col.status ? `status status-${value}` : col.number ? "number" : undefined,
          },
          col.text ? col.text(task) : col.number ? number(value) : settingText(value),
        );
      }),
    ),
  );
  // The task's colour on the chart, beside its number (set through the CSSOM: the page's CSP forbids inline styles).
  for (const row of rows) row.cells[1].style.borderLeft = `4px solid ${colour(Number(row.dataset.index))}`;
  table.tBodies[0].replaceChildren(...rows);
}

// ---- metric picker ----------------------------------------------------------------------------

function renderMetricPicker() {
  const metrics = state.detail.metrics;
  if (!metrics.includes(state.metric)) state.metric = metrics[0] ?? null;
  const picker = $("metric-picker");
  const shown = [...picker.options].map((o) => o.value);
  if (shown.join("\n") !== metrics.join("\n"))
    picker.replaceChildren(...metrics.map((m) => el("option", { value: m }, m)));
  picker.value = state.metric ?? "";
  picker.disabled = metrics.length === 0;
  // The rule is `kogine runs compare`'s: a search's --mode for its metric, else the metric's name.
  $("mode-note").textContent = state.metric
    ? `best is its ${modeOf(state.metric) === "min" ? "lowest" : "highest"} value, as kogine runs compare decides`
    : "";
}

// ---- curves -----------------------------------------------------------------------------------

useChartDefaults(Chart);

function renderCurves() {
  const metric = state.metric;
  const datasets = [];
  for (const task of state.detail.tasks) {
    const rows = state.series.get(task.index)?.rows ?? [];
    const points = rows.filter((r) => metric in r.values).map((r) => ({ x: r.step, y: chartNumber(r.values[metric]) }));
    if (state.hidden.has(task.index) || points.length === 0) continue;
    datasets.push({
      label: `#${task.index} ${task.varied ?? task.label}`,
      taskIndex: task.index,
      data: points,
      borderColor: colour(task.index),
      backgroundColor: colour(task.index),
      borderWidth: 1.6,
      pointRadius: points.length > 60 ? 0 : 2,
    });
  }
  const empty =
    state.detail.metrics.length === 0
      ? "No metrics logged in this run: kogine.log(step=..., loss=...) in a script writes them."
      : datasets.length === 0
        ? `No curve of ${metric} for the tasks ticked in the table.`
        : undefined;
  const canvas = $("chart-curves");
  canvas.parentElement.hidden = empty !== undefined;
  $("chart-curves-empty").hidden = empty === undefined;
  $("chart-curves-empty").textContent = empty ?? "";
  $("curves-note").textContent = metric ? `${metric} by step` : "";
  if (empty !== undefined) {
    state.chart?.destroy();
    state.chart = null;
    return;
  }
  // A logarithmic scale holds positive values only: with any other, the choice waits.
  const logarithmic = $("log-scale").checked && datasets.every((d) => d.data.every((p) => p.y === null || p.y > 0));
  const yType = logarithmic ? "logarithmic" : "linear";
  if (state.chart) {
    state.chart.data.datasets = datasets;
    state.chart.options.scales.y.type = yType;
    state.chart.options.scales.y.title.text = metric;
    state.chart.options.plugins.legend.display = datasets.length <= 24;
    state.chart.update("none");
    return;
  }
  state.chart = new Chart(canvas, {
    type: "line",
    data: { datasets },
    options: {
      parsing: false,
      normalized: true,
      scales: {
        x: { type: "linear", title: { display: true, text: "step" } },
        y: { type: yType, title: { display: true, text: metric } },
      },
      plugins: { legend: { display: datasets.length <= 24, position: "bottom", labels: { boxWidth: 12 } } },
      interaction: { mode: "nearest", intersect: false },
    },
  });
}

/** NaN and infinities have no place on a chart: a gap. */
const chartNumber = (x) => {
  const n = metricNumber(x);
  return isNumber(n) ? n : null;
};

// ---- parallel coordinates ---------------------------------------------------------------------

/**
 * An axis over the tasks' values: where a value sits on it (0 bottom, 1 top, null absent) and the labels
 * along it. Numbers only: a linear scale (logarithmic past two decades of positive values); else categories.
 */
function axis(name, values) {
  const present = values.filter((v) => v !== undefined && v !== null);
  if (present.length > 0 && present.every(isNumber)) {
    const [min, max] = [Math.min(...present), Math.max(...present)];
    const log = min > 0 && max / min >= 100;
    const f = log ? Math.log10 : (x) => x;
    const span = f(max) - f(min);
    const place = (v) => (isNumber(v) ? (span === 0 ? 0.5 : (f(v) - f(min)) / span) : null);
    const middle = log ? Math.sqrt(min * max) : (min + max) / 2;
    const ticks =
      span === 0
        ? [[0.5, number(min)]]
        : [
            [0, number(min)],
            [0.5, number(middle)],
            [1, number(max)],
          ];
    return { name: log ? `${name} (log)` : name, place, ticks };
  }
  const key = (v) => (typeof v === "string" ? v : settingText(v));
  const keys = [...new Set(present.map(key))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const place = (v) => {
    if (v === undefined || v === null) return null;
    return keys.length === 1 ? 0.5 : keys.indexOf(key(v)) / (keys.length - 1);
  };
  const every = Math.ceil(keys.length / 12);
  return { name, place, ticks: keys.filter((_, i) => i % every === 0).map((k) => [place(k), k]) };
}

function renderParallel() {
  const { tasks, varied } = state.detail;
  const metric = state.metric;
  const container = $("parallel");
  const empty =
    varied.length === 0
      ? "A sweep or a search draws here: this run's tasks all ran under the same settings."
      : undefined;
  container.hidden = empty !== undefined;
  $("parallel-empty").hidden = empty === undefined;
  $("parallel-empty").textContent = empty ?? "";
  if (empty !== undefined) return container.replaceChildren();

  const axes = varied.map((key) =>
    axis(
      key,
      tasks.map((t) => t.settings[key]),
    ),
  );
  const bests = tasks.map((t) => (metric ? chartNumber(best(t, metric)) : null));
  if (metric) axes.push(axis(`${metric} (${modeOf(metric)})`, bests));
  const width = Math.max(container.clientWidth, 400);
  const height = 320;
  const [left, right, top, bottom] = [50, 70, 28, 18];
  const x = (i) => (axes.length === 1 ? width / 2 : left + (i * (width - left - right)) / (axes.length - 1));
  const y = (t) => top + (1 - t) * (height - top - bottom);

  const metricAxis = metric ? axes[axes.length - 1] : null;
  const lines = tasks.map((task, n) => {
    const points = axes.map((a, i) => {
      const t = a.place(i < varied.length ? task.settings[varied[i]] : bests[n]);
      return t === null ? null : [x(i), y(t)];
    });
    const d = points
      .map((p, i) => (p ? `${i === 0 || !points[i - 1] ? "M" : "L"}${p[0].toFixed(1)},${p[1].toFixed(1)}` : ""))
      .join(" ");
    const placed = metricAxis?.place(bests[n]) ?? null;
    const goodness = placed === null ? null : modeOf(metric) === "max" ? placed : 1 - placed;
    const stroke = goodness === null ? "#b8bec8" : `hsl(${Math.round(goodness * 120)}, 65%, 40%)`;
    const summary = metric ? `; ${metric} ${modeOf(metric)} ${number(bests[n])}` : "";
    return svg(
      "path",
      {
        d,
        stroke,
        "data-index": task.index,
        class: task.index === state.log.index ? "selected" : "",
      },
      svg("title", {}, document.createTextNode(`#${task.index} ${task.label}${summary}`)),
    );
  });
  for (const line of lines) line.addEventListener("click", () => chooseLogTask(Number(line.dataset.index)));
  const axisNodes = axes.map((a, i) =>
    svg(
      "g",
      { class: "axis" },
      svg("line", { x1: x(i), x2: x(i), y1: y(0), y2: y(1) }),
      svg("text", { class: "name", x: x(i), y: top - 12, "text-anchor": "middle" }, document.createTextNode(a.name)),
      ...a.ticks.map(([t, label]) =>
        svg(
          "text",
          { x: x(i) + 5, y: y(t) + 4 },
          document.createTextNode(label.length > 18 ? `${label.slice(0, 17)}…` : label),
        ),
      ),
    ),
  );
  container.replaceChildren(
    svg("svg", { viewBox: `0 0 ${width} ${height}`, "data-testid": "parallel-svg" }, ...lines, ...axisNodes),
  );
}

// ---- logs -------------------------------------------------------------------------------------

function chooseLogTask(index) {
  if (state.log.index === index) return;
  state.log = { index, stream: state.log.stream, next: undefined, done: false };
  $("log").textContent = "";
  renderTasks();
  renderParallel();
  void updateLog(state.generation);
}

function chooseStream(stream) {
  if (state.log.stream === stream) return;
  state.log = { ...state.log, stream, next: undefined, done: false };
  $("log").textContent = "";
  void updateLog(state.generation);
}

async function updateLog(generation) {
  const log = state.log;
  const task = state.detail?.tasks.find((t) => t.index === log.index);
  if (!task || log.done) return;
  const finishedBefore = FINISHED.has(task.status);
  const query = new URLSearchParams({ stream: log.stream });
  if (log.next !== undefined) query.set("from", String(log.next));
  const chunk = await getJson(`${runPath(state.runId)}/tasks/${task.index}/logs?${query}`);
  if (generation !== state.generation || log !== state.log) return; // another task or stream was chosen meanwhile
  const pre = $("log");
  const atEnd = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
  if (log.next === undefined && chunk.from > 0) pre.append(`[the log's first ${chunk.from} bytes are not shown]\n`);
  if (chunk.text) pre.append(chunk.text);
  log.next = chunk.next;
  log.done = finishedBefore && chunk.next >= chunk.size;
  if (atEnd) pre.scrollTop = pre.scrollHeight;
  $("log-task").textContent = `#${task.index} ${task.label}`;
  const failure = $("log-failure");
  failure.hidden = !task.failure;
  failure.textContent = task.failure ? `${task.status} (${task.failure.kind}): ${task.failure.message}` : "";
  pre.dataset.task = String(task.index);
  pre.dataset.stream = log.stream;
  pre.dataset.complete = String(log.done);
  $("log-scale").addEventListener("change", () => renderCurves());
  for (const button of document.querySelectorAll(".tabs button"))
    button.setAttribute("aria-pressed", String(button.dataset.stream === log.stream));
}

// ---- loading ----------------------------------------------------------------------------------

/** Reads on the metrics of every task not known complete; a task is complete once read after it ended. */
async function updateSeries(generation) {
  const reads = state.detail.tasks
    .filter((task) => task.status !== "pending" && !state.series.get(task.index)?.complete)
    .map(async (task) => {
      const known = state.series.get(task.index) ?? { rows: [], next: 0, complete: false };
      const finishedBefore = FINISHED.has(task.status);
      const chunk = await getJson(`${runPath(state.runId)}/tasks/${task.index}/metrics?from=${known.next}`);
      if (generation !== state.generation) return;
      known.rows.push(...chunk.rows);
      known.next = chunk.next;
      known.complete = finishedBefore;
      state.series.set(task.index, known);
    });
  await Promise.all(reads);
}

async function loadRun(generation) {
  const detail = await getJson(runPath(state.runId));
  if (generation !== state.generation) return;
  for (const task of detail.tasks)
    task.varied = detail.varied.map((key) => `${key}=${settingText(task.settings[key])}`).join(" ") || null;
  state.detail = detail;
  if (state.log.index === null || !detail.tasks.some((t) => t.index === state.log.index)) {
    const first = detail.tasks.find((t) => t.status === "running") ?? detail.tasks[0];
    state.log = { index: first?.index ?? null, stream: state.log.stream, next: undefined, done: false };
    $("log").textContent = "";
  }
  await updateSeries(generation);
  if (generation !== state.generation) return;
  body.dataset.run = detail.run.id;
  $("run-title").textContent = `${detail.run.name} (${detail.run.id})`;
  $("run-status").textContent = `${detail.run.status}; tasks ${countsText(detail.run)}`;
  $("run-status").className = `status status-${detail.run.status}`;
  runView.hidden = false;
  renderMetricPicker();
  renderTasks();
  renderCurves();
  renderParallel();
  await updateLog(generation);
}

/** Reads the runs and the run shown; `chosen`: a run was just chosen, so a read under way is followed by another. */
async function refresh(chosen = false) {
  if (state.busy) {
    if (chosen) state.again = true;
    return;
  }
  state.busy = true;
  try {
    const listing = await getJson("/api/runs");
    state.runs = listing.runs;
    $("runs-dir").textContent = listing.runsDir;
    const wanted = runFromHash() ?? state.runs.at(-1)?.id ?? null;
    if (wanted !== state.runId) {
      state.runId = wanted;
      state.generation++;
      state.detail = null;
      state.series = new Map();
      state.hidden = new Set();
      state.log = { index: null, stream: state.log.stream, next: undefined, done: false };
      $("log").textContent = "";
    }
    renderRuns();
    if (state.runs.length === 0) showMessage(`No runs in ${listing.runsDir} yet: kogine run SCRIPT records one there.`);
    else if (state.runId && !state.runs.some((r) => r.id === state.runId)) showMessage(`No run ${state.runId} here.`);
    else showMessage("");
    const listed = state.runs.find((r) => r.id === state.runId);
    // A run shown finished needs no new read; one running (or that was running) does.
    if (listed && (!state.detail || state.detail.run.status === "running" || listed.status === "running"))
      await loadRun(state.generation);
    else if (!listed) runView.hidden = true;
    $("updated").textContent = `updated ${dateTime(new Date().toISOString()).slice(11)}`;
    body.dataset.state = "ready";
  } catch (error) {
    showMessage(`kogine ui: ${error.message}`);
    body.dataset.state = "error";
  } finally {
    state.busy = false;
  }
  if (state.again) {
    state.again = false;
    await refresh();
  }
}

$("metric-picker").addEventListener("change", (event) => {
  state.metric = event.target.value;
  renderMetricPicker();
  renderCurves();
  renderParallel();
});
$("log-scale").addEventListener("change", () => renderCurves());
for (const button of document.querySelectorAll(".tabs button"))
  button.addEventListener("click", () => chooseStream(button.dataset.stream));
window.addEventListener("hashchange", () => void refresh(true));
window.addEventListener("resize", () => state.detail && renderParallel());
setInterval(() => {
  if (live.checked) void refresh();
}, POLL_MS);
void refresh();
