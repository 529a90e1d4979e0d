// The loopai dashboard: reads the JSON API of `loopai serve` and draws it. Plain JavaScript, no build
// step; Chart.js (the global `Chart`, served at /assets/chart.umd.js) draws the charts. Everything
// the API returns is written with textContent, never as HTML: inputs are what users sent.
//
// For tests and for people: every figure has a stable data-testid, and its raw value in data-value;
// <body data-state> is "loading", "ready" or "error", and <body data-task> the task shown.

import { byTestId as $, el, getJson, useChartDefaults } from "/assets/page-kit.js";

const Chart = globalThis.Chart;
const REFRESH_MS = 15_000;
const KEY_STORAGE = "loopai-api-key";
/** The audit log's newest entries the table shows (the timeline shows them all). */
const AUDIT_ROWS = 200;
const COLOURS = {
  program: "#2f6fdb",
  previous: "#8e6bd1",
  oracle: "#e8912d",
  none: "#b8bec8",
  band: "rgba(47, 111, 219, 0.18)",
  good: "#1f9d55",
  bad: "#d64545",
  warn: "#d98c1a",
  muted: "#6b7280",
};

const body = document.body;
const apiKeyRequired = body.dataset.apiKeyRequired === "true";
const picker = document.getElementById("task-picker");
const keyInput = document.getElementById("api-key");
const autoRefresh = document.getElementById("auto-refresh");

const state = { tasks: [], task: null, output: null, generation: 0 };

// ---- formatting -------------------------------------------------------------------------------

const finite = (x) => typeof x === "number" && Number.isFinite(x);
const int = (n) => (finite(n) ? n.toLocaleString("en-US") : "n/a");
const pct = (x) => (finite(x) ? `${(x * 100).toFixed(1)}%` : "n/a");
function money(x) {
  if (!finite(x)) return "n/a";
  const digits = x !== 0 && Math.abs(x) < 1 ? 4 : 2;
  return `${x < 0 ? "−" : ""}$${Math.abs(x).toFixed(digits)}`;
}
const clock = { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false };
/** A time as precise as a chart spanning `span` ms needs: milliseconds within a minute, the date past a day. */
function time(iso, span = Number.POSITIVE_INFINITY) {
  if (!iso) return "";
  const d = new Date(iso);
  if (span < 60_000) return d.toLocaleTimeString("en-GB", { ...clock, fractionalSecondDigits: 3 });
  if (span < 86_400_000) return d.toLocaleTimeString("en-GB", clock);
  return `${d.toLocaleDateString("en-CA")} ${d.toLocaleTimeString("en-GB", { ...clock, second: undefined })}`;
}
/** A date and time to the second, in the browser's time zone. */
const dateTime = (iso) => (iso ? `${new Date(iso).toLocaleDateString("en-CA")} ${time(iso, 60_000)}` : "");
const versionName = (v) => (v === null || v === undefined ? "none" : `v${v}`);

/** A short reading of an audit row's detail: the canary's share, the test, the reason. */
function detailText(row) {
  const d = row.detail;
  if (d === null || typeof d !== "object") return d === null || d === undefined ? "" : String(d);
  const parts = [];
  if (finite(d.share)) parts.push(`share ${pct(d.share)}`);
  if (finite(d.nextShare)) parts.push(`next share ${pct(d.nextShare)}`);
  if (typeof d.rollout === "string") parts.push(`rollout ${d.rollout}`);
  if (typeof d.by === "string") parts.push(`by ${d.by}`);
  if (typeof d.approvedBy === "string") parts.push(`approved by ${d.approvedBy}`);
  if (finite(d.pairs)) parts.push(`${d.pairs} paired comparisons`);
  if (finite(d.pValue)) parts.push(`${d.test ?? "test"} p = ${d.pValue.toFixed(3)}`);
  if (typeof d.strategy === "string") parts.push(d.strategy);
  if (typeof d.reason === "string") parts.push(d.reason);
  return parts.join("; ");
}

// ---- the DOM ----------------------------------------------------------------------------------

/** Writes a figure: its text, and its raw value for whoever reads the page by machine. */
function figure(testid, text, value) {
  const node = $(testid);
  node.textContent = text;
  if (value === undefined) node.removeAttribute("data-value");
  else node.dataset.value = JSON.stringify(value);
}

function showMessage(text, kind = "info") {
  const node = $("message");
  node.textContent = text;
  node.className = `message ${kind}`;
  node.hidden = text === "";
}

// ---- the API ----------------------------------------------------------------------------------

async function postJson(path, value) {
  const headers = { "content-type": "application/json", accept: "application/json" };
  const key = keyInput.value.trim();
  if (key !== "") headers.authorization = `Bearer ${key}`;
  const response = await fetch(path, { method: "POST", headers, body: JSON.stringify(value) });
  const payload = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, payload };
}

const taskPath = (task, rest = "") => `/v1/tasks/${encodeURIComponent(task)}${rest}`;

// ---- charts -----------------------------------------------------------------------------------

useChartDefaults(Chart);

/**
 * Draws a chart on the canvas with that test id, in place of the one drawn there before; with
 * `emptyText`, there is nothing to draw: the text is shown instead.
 */
function draw(testid, emptyText, config) {
  const canvas = $(testid);
  const empty = $(`${testid}-empty`);
  Chart.getChart(canvas)?.destroy();
  canvas.parentElement.hidden = emptyText !== undefined;
  empty.hidden = emptyText === undefined;
  empty.textContent = emptyText ?? "";
  if (emptyText === undefined) new Chart(canvas, config);
}

function drawTraffic(status) {
  const by = status.answeredBy ?? {};
  const names = ["program", "previous", "oracle", "none"];
  const labels = ["program", "previous version", "oracle", "unanswered"];
  const empty = status.requests > 0 ? undefined : "No requests served yet.";
  draw("chart-traffic", empty, {
    type: "doughnut",
    data: {
      labels,
      datasets: [
        {
          data: names.map((n) => by[n] ?? 0),
          backgroundColor: names.map((n) => COLOURS[n]),
          borderWidth: 1,
        },
      ],
    },
    options: {
      plugins: {
        legend: { position: "right" },
        tooltip: {
          callbacks: {
            label: (item) => {
              const share = status.requests > 0 ? ` (${pct(item.raw / status.requests)})` : "";
              return `${item.label}: ${int(item.raw)}${share}`;
            },
          },
        },
      },
    },
  });
}

function drawAgreement(series) {
  const buckets = series.buckets;
  const first = buckets.find((b) => b.start)?.start;
  const last = buckets.findLast((b) => b.end)?.end;
  const span = first && last ? Date.parse(last) - Date.parse(first) : Number.POSITIVE_INFINITY;
  const labels = buckets.map((b) => (b.end ? time(b.end, span) : `#${b.first}–${b.last}`));
  const lows = buckets.map((b) => b.low);
  const floor = Math.min(...lows.filter(finite), 1);
  const empty =
    series.samples > 0
      ? undefined
      : "No comparisons with the oracle yet: sampled requests, feedback and reviews make them.";
  draw("chart-agreement", empty, {
    type: "line",
    data: {
      labels,
      datasets: [
        {
          label: "95% interval, low",
          data: lows,
          borderColor: "transparent",
          pointRadius: 0,
          fill: false,
        },
        {
          label: "95% Wilson interval",
          data: buckets.map((b) => b.high),
          borderColor: "transparent",
          backgroundColor: COLOURS.band,
          pointRadius: 0,
          fill: "-1",
        },
        {
          label: "agreement",
          data: buckets.map((b) => b.estimate),
          borderColor: COLOURS.program,
          backgroundColor: COLOURS.program,
          pointRadius: 3,
          tension: 0,
        },
      ],
    },
    options: {
      interaction: { mode: "index", intersect: false },
      scales: {
        y: {
          min: Math.max(0, Math.floor((floor - 0.05) * 10) / 10),
          max: 1,
          ticks: { callback: (v) => pct(v) },
        },
        x: {
          ticks: { maxRotation: 0, autoSkipPadding: 16 },
          title: {
            display: true,
            text:
              series.by === "time"
                ? "time (buckets of equal time)"
                : buckets.some((b) => b.end)
                  ? "time of each bucket's last sample (buckets of equal size)"
                  : "samples, oldest first",
          },
        },
      },
      plugins: {
        legend: { labels: { filter: (item) => item.datasetIndex !== 0 } },
        tooltip: {
          filter: (item) => item.datasetIndex === 2,
          callbacks: {
            title: (items) => {
              const b = buckets[items[0].dataIndex];
              const when = b.start ? `${time(b.start, span)} – ${time(b.end, span)}` : "";
              return `samples ${b.first}–${b.last} ${when}`.trim();
            },
            label: (item) => {
              const b = buckets[item.dataIndex];
              return `${pct(b.estimate)} [${pct(b.low)}, ${pct(b.high)}]: ${b.agreed}/${b.total} agreed`;
            },
            afterLabel: (item) => {
              const b = buckets[item.dataIndex];
              const errors = b.errors > 0 ? `; ${b.errors} oracle errors` : "";
              return `versions ${b.versions.map(versionName).join(", ")}${errors}`;
            },
          },
        },
      },
    },
  });
  const size = buckets.length > 0 ? Math.round(series.samples / buckets.length) : 0;
  $("agreement-note").textContent =
    series.samples === 0
      ? ""
      : `The last ${int(series.samples)} samples in ${buckets.length} buckets` +
        (series.by === "count" ? ` of about ${int(size)}` : " of equal time") +
        "; the band is each bucket's 95% Wilson interval.";
}

/** What each audit action looks like on the versions timeline. */
const MARKS = {
  activate: { label: "activated", colour: COLOURS.good, style: "circle" },
  "canary-start": { label: "canary stage", colour: COLOURS.warn, style: "rectRot" },
  "canary-advance": { label: "canary stage", colour: COLOURS.warn, style: "rectRot" },
  "awaiting-approval": { label: "awaiting approval", colour: COLOURS.warn, style: "rect" },
  promote: { label: "promoted", colour: COLOURS.good, style: "triangle" },
  rollback: { label: "rolled back", colour: COLOURS.bad, style: "crossRot" },
};

function drawVersions(report, status) {
  const times = [
    ...report.audit.map((a) => Date.parse(a.at)),
    ...report.versions.map((v) => Date.parse(v.createdAt)),
  ].filter(finite);
  const now = Date.now();
  const start = times.length > 0 ? Math.min(...times) : now;
  const end = times.length > 0 ? Math.max(...times) : now;
  const span = end - start;
  // The version serving, from every change the audit log records, held until the last event.
  const serving = [];
  for (const a of report.audit)
    if (["activate", "promote", "rollback"].includes(a.action) && a.toVersion !== null)
      serving.push({ x: Date.parse(a.at), y: a.toVersion, row: a });
  if (serving.length > 0 && status.activeVersion !== null) serving.push({ x: end, y: status.activeVersion });
  const groups = new Map();
  for (const a of report.audit) {
    const mark = MARKS[a.action] ?? { label: "other", colour: COLOURS.muted, style: "circle" };
    const y = a.action === "rollback" ? (a.fromVersion ?? a.toVersion) : (a.toVersion ?? a.fromVersion);
    if (y === null || y === undefined) continue;
    if (!groups.has(mark.label)) groups.set(mark.label, { mark, points: [] });
    groups.get(mark.label).points.push({ x: Date.parse(a.at), y, row: a });
  }
  const maxVersion = Math.max(1, ...report.versions.map((v) => v.version));
  const empty =
    report.audit.length > 0 || report.versions.length > 0
      ? undefined
      : `No versions yet: \`loopai train ${report.task}\` makes the first.`;
  draw("chart-versions", empty, {
    type: "scatter",
    data: {
      datasets: [
        {
          label: "serving",
          data: serving,
          showLine: true,
          stepped: "before",
          borderColor: COLOURS.program,
          backgroundColor: COLOURS.program,
          pointRadius: 0,
          borderWidth: 2,
        },
        ...[...groups.values()].map(({ mark, points }) => ({
          label: mark.label,
          data: points,
          pointStyle: mark.style,
          pointRadius: 7,
          pointHoverRadius: 9,
          borderColor: mark.colour,
          backgroundColor: mark.colour,
          borderWidth: 2,
        })),
      ],
    },
    options: {
      scales: {
        x: {
          type: "linear",
          min: start - Math.max(span * 0.03, 1),
          max: end + Math.max(span * 0.03, 1),
          ticks: { maxTicksLimit: 8, callback: (v) => time(new Date(v).toISOString(), span) },
          title: { display: true, text: "time" },
        },
        y: {
          min: 0,
          max: maxVersion + 1,
          ticks: { stepSize: 1, callback: (v) => (v >= 1 && v <= maxVersion ? `v${v}` : "") },
          title: { display: true, text: "version" },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => {
              const row = item.raw.row;
              if (!row) return `${versionName(item.raw.y)} serving`;
              const detail = detailText(row);
              return `${row.action} ${versionName(row.fromVersion)} → ${versionName(row.toVersion)}${detail ? `: ${detail}` : ""}`;
            },
            title: (items) => time(new Date(items[0].raw.x).toISOString(), span),
          },
        },
      },
    },
  });
}

// ---- the task's view --------------------------------------------------------------------------

function renderFigures(status) {
  const by = status.answeredBy ?? {};
  figure("requests", int(status.requests), status.requests);
  figure(
    "traffic-breakdown",
    `program ${int(by.program)} · previous ${int(by.previous)} · oracle ${int(by.oracle)} · unanswered ${int(by.none)}`,
  );
  const a = status.agreement;
  figure("agreement", pct(a.estimate), a.estimate);
  figure(
    "agreement-interval",
    a.n > 0 ? `95% CI [${pct(a.low)}, ${pct(a.high)}] over ${int(a.n)} comparisons` : "no comparisons yet",
    [a.low, a.high, a.n],
  );
  const cost = status.cost;
  figure("oracle-rate", pct(cost.effectiveRate), cost.effectiveRate);
  figure(
    "oracle-calls",
    `${int(status.oracle.calls)} calls to ${status.oracle.name}, ${money(status.oracle.cost)}`,
    status.oracle.calls,
  );
  const saved = cost.oracleOnlyCost - cost.loopCost;
  figure("money-saved", money(saved), saved);
  figure(
    "cost-reduction",
    `${money(cost.loopCost)} instead of ${money(cost.oracleOnlyCost)} (cost reduction ${pct(cost.reduction)})`,
    cost.reduction,
  );
  figure(
    "active-version",
    status.activeVersion === null ? "none" : `v${status.activeVersion}${status.strategy ? ` ${status.strategy}` : ""}`,
    status.activeVersion,
  );
  figure("versions-count", `${int(status.versions)} version${status.versions === 1 ? "" : "s"}`, status.versions);
  figure("pending-reviews", int(status.pendingReviews), status.pendingReviews);
  figure("labels", `${int(status.labels)} labels`, status.labels);
  const canary = $("canary");
  const c = status.canary;
  const analysis = status.canaryAnalysis;
  canary.hidden = !c || !analysis;
  canary.textContent =
    c && analysis
      ? `Canary v${c.candidate} against v${c.incumbent}: ${pct(analysis.share)} of traffic, stage ${c.stage + 1} of ${analysis.stages} ` +
        `(${int(analysis.stageRequests)}/${int(analysis.requestsPerStage)} requests); ${int(analysis.pairs)} paired comparisons, ` +
        `${analysis.test} p = ${finite(analysis.pValue) ? analysis.pValue.toFixed(3) : "n/a"}` +
        (c.awaitingApproval ? "; awaiting approval (loopai approve)" : "")
      : "";
}

function renderTables(report) {
  const versions = $("versions-table").tBodies[0];
  versions.replaceChildren(
    ...[...report.versions]
      .reverse()
      .map((v) =>
        el(
          "tr",
          { "data-testid": "version-row", "data-version": v.version, "data-status": v.status },
          el("td", {}, `v${v.version}`),
          el("td", {}, v.strategy),
          el("td", {}, el("span", { class: `badge ${v.status}` }, v.status)),
          el("td", {}, `${pct(v.accuracy.estimate)} [${pct(v.accuracy.low)}, ${pct(v.accuracy.high)}]`),
          el("td", {}, int(v.trainingSize)),
          el("td", {}, finite(v.costMicros) ? v.costMicros.toFixed(1) : "n/a"),
          el("td", {}, money(v.generationCost)),
          el("td", { title: v.createdAt }, dateTime(v.createdAt)),
        ),
      ),
  );
  const audit = $("audit-table").tBodies[0];
  const newest = report.audit.slice(-AUDIT_ROWS).reverse();
  $("audit-count").textContent =
    newest.length < report.audit.length ? `(newest ${newest.length} of ${int(report.audit.length)})` : "";
  audit.replaceChildren(
    ...newest.map((a) =>
      el(
        "tr",
        { "data-testid": "audit-row", "data-action": a.action },
        el("td", { title: a.at }, dateTime(a.at)),
        el("td", {}, el("span", { class: `badge ${a.action}` }, a.action)),
        el("td", {}, `${versionName(a.fromVersion)} → ${versionName(a.toVersion)}`),
        el("td", { class: "detail" }, detailText(a)),
      ),
    ),
  );
}

/**
 * The queue's items. An item already on the page is kept as it is (a refresh must not wipe a label
 * being typed), and when the items are the same ones the list is not touched at all (focus stays).
 */
function renderReviews(task, reviews, status) {
  state.output = reviews.output ?? { type: "json" };
  const list = $("review-list");
  const shown = reviews.items.length;
  $("review-count").textContent =
    shown < status.pendingReviews ? `(${shown} of ${int(status.pendingReviews)} shown)` : `(${int(shown)})`;
  if (shown === 0) {
    list.replaceChildren(el("p", { class: "note", "data-testid": "review-empty" }, "No items waiting for review."));
    list.dataset.task = task;
    return;
  }
  const onPage = new Map();
  if (list.dataset.task === task)
    for (const node of list.querySelectorAll("[data-review-id]")) onPage.set(Number(node.dataset.reviewId), node);
  const ids = reviews.items.map((item) => item.id);
  if (ids.length === onPage.size && ids.every((id, i) => [...onPage.keys()][i] === id)) return;
  list.replaceChildren(...reviews.items.map((item) => onPage.get(item.id) ?? reviewItem(item)));
  list.dataset.task = task;
}

function reviewItem(item) {
  const text = typeof item.input === "string" ? item.input : JSON.stringify(item.input, null, 2);
  const node = el(
    "div",
    { class: "review", "data-testid": "review-item", "data-review-id": item.id },
    el(
      "div",
      {},
      el("strong", {}, `#${item.id}`),
      ` ${versionName(item.version)} predicted `,
      el("strong", { "data-testid": "review-predicted" }, JSON.stringify(item.predicted)),
      ` with confidence ${finite(item.confidence) ? item.confidence.toFixed(2) : "n/a"}`,
      el("pre", {}, text.length > 4000 ? `${text.slice(0, 4000)}…` : text),
    ),
  );
  const actions = el("div", { class: "actions" });
  const error = el("p", { class: "error", "data-testid": "review-error", hidden: true });
  if (state.output.type === "label") {
    for (const label of state.output.labels)
      actions.append(
        el(
          "button",
          {
            type: "button",
            class: label === item.predicted ? "predicted" : "",
            "data-testid": "label-button",
            "data-label": label,
            onclick: () => submitLabel(item, label, node, error),
          },
          label,
        ),
      );
  } else {
    const area = el("textarea", {
      "data-testid": "label-json",
      value: JSON.stringify(item.predicted ?? null),
      "aria-label": `label for item ${item.id} (JSON)`,
    });
    const save = el(
      "button",
      {
        type: "button",
        "data-testid": "label-submit",
        onclick: () => {
          let value;
          try {
            value = JSON.parse(area.value);
          } catch (err) {
            error.textContent = `Not JSON: ${err.message}`;
            error.hidden = false;
            return;
          }
          submitLabel(item, value, node, error);
        },
      },
      "Save label",
    );
    actions.append(area, save);
  }
  node.append(actions, error);
  return node;
}

async function submitLabel(item, label, node, error) {
  if (apiKeyRequired && keyInput.value.trim() === "") {
    error.textContent = "This server needs its API key to label: enter it at the top of the page.";
    error.hidden = false;
    keyInput.focus();
    return;
  }
  for (const button of node.querySelectorAll("button")) button.disabled = true;
  error.hidden = true;
  try {
    const { ok, status, payload } = await postJson(`/v1/reviews/${item.id}`, { label });
    if (!ok) {
      error.textContent =
        status === 401 ? "The API key was refused." : `Not saved: ${payload.error ?? `HTTP ${status}`}`;
      error.hidden = false;
      return;
    }
    $("review-status").textContent =
      `#${item.id} labelled ${JSON.stringify(label)}: ${payload.agree ? "agrees with" : "differs from"} the program.`;
    node.remove();
    await refresh();
  } catch (err) {
    error.textContent = `Not saved: ${err.message}`;
    error.hidden = false;
  } finally {
    for (const button of node.querySelectorAll("button")) button.disabled = false;
  }
}

// ---- loading ----------------------------------------------------------------------------------

function taskFromHash() {
  const match = /(?:^#|&)task=([^&]*)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function renderPicker() {
  const several = state.tasks.length > 1;
  document.getElementById("task-picker-label").hidden = !several;
  $("task-name").textContent = several ? "" : (state.task ?? "");
  picker.replaceChildren(...state.tasks.map((t) => el("option", { value: t, selected: t === state.task }, t)));
}

/** Loads the task list and the chosen task's figures, and draws them. */
async function refresh() {
  const generation = ++state.generation;
  body.dataset.state = "loading";
  try {
    const { tasks } = await getJson("/v1/tasks");
    if (generation !== state.generation) return;
    state.tasks = tasks.map((t) => t.task);
    const wanted = taskFromHash();
    state.task = state.tasks.includes(wanted) ? wanted : state.tasks.includes(state.task) ? state.task : state.tasks[0];
    renderPicker();
    if (!state.task) {
      document.getElementById("task-view").hidden = true;
      showMessage("No tasks yet: create one with `loopai init SPEC`, train it, and it appears here.");
      body.dataset.task = "";
      body.dataset.state = "ready";
      return;
    }
    const task = state.task;
    const [status, report, series, reviews] = await Promise.all([
      getJson(taskPath(task)),
      getJson(taskPath(task, "/versions")),
      getJson(taskPath(task, "/agreement")),
      getJson(taskPath(task, "/reviews")),
    ]);
    if (generation !== state.generation) return;
    if (body.dataset.task !== task) $("review-status").textContent = "";
    showMessage("");
    document.getElementById("task-view").hidden = false;
    renderFigures(status);
    renderTables(report);
    renderReviews(task, reviews, status);
    drawTraffic(status);
    drawAgreement(series);
    drawVersions(report, status);
    $("updated").textContent = `updated ${new Date().toLocaleTimeString("en-GB", { hour12: false })}`;
    body.dataset.task = task;
    body.dataset.state = "ready";
  } catch (err) {
    if (generation !== state.generation) return;
    showMessage(`Could not load the dashboard: ${err.message}`, "error");
    body.dataset.state = "error";
  }
}

if (apiKeyRequired) {
  document.getElementById("api-key-label").hidden = false;
  keyInput.value = sessionStorage.getItem(KEY_STORAGE) ?? "";
  keyInput.addEventListener("input", () => sessionStorage.setItem(KEY_STORAGE, keyInput.value));
}
picker.addEventListener("change", () => {
  location.hash = `task=${encodeURIComponent(picker.value)}`;
});
window.addEventListener("hashchange", () => refresh());
document.getElementById("refresh").addEventListener("click", () => refresh());
setInterval(() => {
  if (autoRefresh.checked && body.dataset.state !== "loading") refresh();
}, REFRESH_MS);

if (Chart) refresh();
else {
  showMessage("Chart.js did not load (/assets/chart.umd.js).", "error");
  body.dataset.state = "error";
}
