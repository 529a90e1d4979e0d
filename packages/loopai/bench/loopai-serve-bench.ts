// `npm run bench:loopai-serve`: `loopai serve` under load, with autocannon as the load generator.
//  Setup: the spam task trained exactly as `npm run bench:loopai` trains it (50 SpamAssassin
//  emails, then the 6,046-email stream through the loop, the dataset as the oracle, in a temporary
//  SQLite store); then its oracle becomes an LLM (OpenAI chat completions, gpt-4o-mini) at a
//  stand-in server this process runs on loopback, which either answers at once with the email's
//  true label or never answers at all.
//  Cases: `execute` and `execute-batch` (100 emails a request), each with the oracle answering and
//  with it hanging; each case gets a fresh copy of the trained store and its own `loopai serve`
//  process (`--port 0`), so the server shares its process with neither the load generator nor the
//  oracle. 50 connections for 20 s (after a 2 s warm-up); the bodies rotate through the real emails.
// Prints one table and writes the same figures to bench-results/loopai-serve.json.

import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { Command, InvalidArgumentError } from "commander";
import { Loopai } from "../src/loop.js";
import { DatasetOracle } from "../src/oracles/dataset.js";
import { SqliteStore } from "../src/store.js";
import { COST_PER_CALL, loadSpamAssassin, replayed, SEED_EXAMPLES, SPAM_SPEC, shuffle } from "./loopai-bench.js";

/** The variable the server's provider reads its key from (the stand-in accepts any key). */
const KEY_ENV = "LOOPAI_BENCH_OPENAI_KEY";
const TASK = "spam";

/** The targets of the issue: one server process, `execute` and `execute-batch`, oracle hanging or not. */
const TARGETS = { executeRps: 10_000, executeP99Ms: 5, batchInputsPerSec: 100_000, hangingWithin: 0.1 };

type OracleMode = "answering" | "hanging";
type Route = "execute" | "execute-batch";

interface Options {
  duration: number;
  connections: number;
  batch: number;
  warmup: number;
  repeat: number;
  cases: string[];
  cpuProf?: string;
  /** The loopai CLI the server runs: this checkout's, or another build's to compare with. */
  bin: string;
}

interface CaseSpec {
  id: string;
  route: Route;
  oracle: OracleMode;
}

const CASES: CaseSpec[] = [
  { id: "execute-answering", route: "execute", oracle: "answering" },
  { id: "execute-hanging", route: "execute", oracle: "hanging" },
  { id: "batch-answering", route: "execute-batch", oracle: "answering" },
  { id: "batch-hanging", route: "execute-batch", oracle: "hanging" },
];

interface CaseResult {
  id: string;
  route: Route;
  oracle: OracleMode;
  /** Inputs per request (1 for execute). */
  batch: number;
  seconds: number;
  /** 2xx responses a second, and inputs a second (requests × batch size). */
  requestsPerSec: number;
  inputsPerSec: number;
  /**
   * Latency of every request (any status) as the load generator saw it, ms; a request that got no
   * response (timed out, or still waiting at the end) counts with the time it waited.
   */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  responses: number;
  /** Requests sent that got no response: timed out, or still waiting when the run stopped. */
  unfinished: number;
  non2xx: number;
  /** Connection errors and timeouts (autocannon's `errors`, timeouts included), and timeouts alone. */
  errors: number;
  timeouts: number;
  /** CPU the server process and this process (load generator and oracle stand-in) used, % of one core. */
  serverCpuPct?: number;
  benchCpuPct: number;
  /** What the loop did, from the server at the end: its status, oracle queue and the stand-in's count. */
  answeredByOracle: number;
  oracleCalls: number;
  samplesDropped: number;
  oracleWaiting: number;
  versions: number;
  /** Versions the server generated during the case (regenerations run on its event loop). */
  newVersions: number;
  standInCalls: number;
  /** Lines the server wrote to stderr (the loop's reported events). */
  serverStderr: string[];
}

// ---- the oracle stand-in ----------------------------------------------------------------------

/**
 * An OpenAI-compatible chat-completions endpoint on loopback. "answering": the email's true label at
 * once, as structured outputs return it (`{"answer": "spam"}`); "hanging": reads the request and
 * never answers; "closing" (between cases): refuses at once, so a server can stop without waiting.
 * A request that is not a labelling one (a code-generation prompt) is refused with a 400.
 */
class OracleStandIn {
  mode: OracleMode | "closing" = "answering";
  calls = 0;
  private readonly held = new Set<ServerResponse>();
  private readonly server: Server;

  constructor(private readonly labels: Map<string, string>) {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
  }

  async listen(): Promise<string> {
    await new Promise<void>((ok) => this.server.listen(0, "127.0.0.1", ok));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Answers everything held and everything that comes next with a refusal. */
  release(): void {
    this.mode = "closing";
    for (const res of this.held) refuse(res, "the benchmark case is over");
    this.held.clear();
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise((ok) => this.server.close(ok));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      this.calls++;
      if (this.mode === "hanging") {
        this.held.add(res);
        res.on("close", () => this.held.delete(res));
        return;
      }
      if (this.mode === "closing") return refuse(res, "the benchmark case is over");
      let text: unknown;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          messages?: { role: string; content: unknown }[];
        };
        text = body.messages?.find((m) => m.role === "user")?.content;
      } catch {
        return refuse(res, "not JSON");
      }
      const label = typeof text === "string" ? this.labels.get(text) : undefined;
      if (label === undefined) return refuse(res, "this stand-in only labels the benchmark's emails");
      const reply = JSON.stringify({
        id: "chatcmpl-bench",
        object: "chat.completion",
        model: "gpt-4o-mini",
        choices: [
          { index: 0, message: { role: "assistant", content: `{"answer":"${label}"}` }, finish_reason: "stop" },
        ],
        usage: { prompt_tokens: Math.ceil((text as string).length / 4) + 60, completion_tokens: 6 },
      });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(reply) });
      res.end(reply);
    });
  }
}

function refuse(res: ServerResponse, message: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify({ error: { message, type: "invalid_request_error" } });
  res.writeHead(400, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

// ---- the store and the server -----------------------------------------------------------------

/** The trained store: what serves, and how it got there. */
interface Trained {
  activeVersion: number | null;
  strategy?: string;
  versions: number;
  canary: boolean;
  labels: number;
  /** Inputs whose oracle answer the store already holds (the loop's answer cache). */
  oracleCalls: number;
  seconds: number;
}

/**
 * Trains the spam task into `db` as loopai-bench.ts does (same spec, seed examples, loop seed and
 * dataset oracle): the 50 seed examples, then the whole stream through the loop, which trains and
 * rolls versions out as labels arrive (a first program below the accuracy target does not serve, so
 * the seed alone leaves none serving). Then the oracle becomes the LLM at the stand-in (`init
 * --update` changes the spec and keeps the versions).
 */
async function trainStore(db: string, items: { input: string; output: string }[], baseUrl: string): Promise<Trained> {
  const t0 = performance.now();
  const store = new SqliteStore(db);
  // As runStream in loopai-bench.ts: training in-line while the stream is replayed.
  const trainer = new Loopai({
    store,
    trainOffThread: false,
    oracle: new DatasetOracle(items, COST_PER_CALL),
    seed: 5,
  });
  const examples = items.slice(0, SEED_EXAMPLES);
  await trainer.createTask({ ...replayed(SPAM_SPEC), examples });
  await trainer.train(TASK);
  for (const item of items) await trainer.execute(TASK, item.input);
  await trainer.drain();
  const status = await trainer.status(TASK);
  await trainer.close();
  const serving = new Loopai({ store, env: { [KEY_ENV]: "bench" } });
  await serving.createTask(
    {
      ...SPAM_SPEC,
      examples,
      oracle: {
        type: "llm",
        providers: [{ kind: "openai", model: "gpt-4o-mini", baseUrl, apiKeyEnv: KEY_ENV }],
        costPerCall: COST_PER_CALL,
      },
    },
    { update: true },
  );
  await serving.close();
  await store.close();
  return {
    activeVersion: status.activeVersion,
    strategy: status.strategy,
    versions: status.versions,
    canary: status.canary !== null,
    labels: status.labels,
    oracleCalls: status.oracle.calls,
    seconds: (performance.now() - t0) / 1000,
  };
}

interface Served {
  child: ChildProcess;
  url: string;
  stderr: string[];
  exited: Promise<void>;
}

const BIN = fileURLToPath(new URL("../../bin/loopai.js", import.meta.url));

/** `loopai --db DB serve --port 0` in its own process; resolves with the address it prints. */
function startServer(db: string, bin: string, cpuProf?: string): Promise<Served> {
  const env: NodeJS.ProcessEnv = { ...process.env, [KEY_ENV]: "bench" };
  // An API key in the environment would make every execute a 401.
  delete env.LOOPAI_API_KEY;
  delete env.LOOPAI_DB;
  const node = cpuProf ? ["--cpu-prof", "--cpu-prof-dir", cpuProf] : [];
  const child = spawn(process.execPath, [...node, bin, "--db", db, "serve", "--port", "0"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  let err = "";
  child.stderr?.on("data", (c: Buffer) => {
    err += c.toString("utf8");
    const lines = err.split("\n");
    err = lines.pop() ?? "";
    stderr.push(...lines.filter(Boolean));
  });
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  return new Promise((ok, fail) => {
    let out = "";
    const timer = setTimeout(
      () => fail(new Error(`loopai serve did not start within 30 s: ${stderr.join("\n")}`)),
      30_000,
    );
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString("utf8");
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ child, url: m[1], stderr, exited });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`loopai serve exited (${code}) before listening: ${stderr.join("\n")}`));
    });
  });
}

/** A graceful stop (SIGTERM: requests in flight answered, counters written, a CPU profile saved). */
async function stopServer(s: Served, oracle: OracleStandIn): Promise<void> {
  s.child.kill("SIGTERM");
  // Held oracle calls answered at once, so the loop's drain does not wait out its grace period.
  oracle.release();
  const late = setTimeout(() => s.child.kill("SIGKILL"), 30_000);
  await s.exited;
  clearTimeout(late);
}

/** User plus system CPU seconds of a process so far (Linux /proc, 100 ticks a second), if readable. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

// ---- a case ----------------------------------------------------------------------------------

type Req = { method: "POST"; path: string; headers: Record<string, string>; body: string };

/**
 * The bodies each connection cycles through. execute: connection i sends the emails i, i + C,
 * i + 2C... (C connections), so together they send the whole corpus. execute-batch: batch m holds
 * the `batch` emails from m × batch on (wrapping), and connection i sends batches i, i + C, i + 2C,
 * i + 3C: every connection its own mix, every email in some batch.
 */
function bodiesPerConnection(route: Route, texts: string[], o: Options): Req[][] {
  const path = `/v1/tasks/${TASK}/${route}`;
  const headers = { "content-type": "application/json" };
  const req = (body: string): Req => ({ method: "POST", path, headers, body });
  const out: Req[][] = Array.from({ length: o.connections }, () => []);
  if (route === "execute") {
    texts.forEach((t, k) => {
      out[k % o.connections].push(req(JSON.stringify({ input: t })));
    });
    return out.map((reqs, i) => (reqs.length > 0 ? reqs : [req(JSON.stringify({ input: texts[i % texts.length] }))]));
  }
  const perConnection = 4;
  for (let i = 0; i < o.connections; i++)
    for (let j = 0; j < perConnection; j++) {
      const m = i + j * o.connections;
      const inputs = Array.from({ length: o.batch }, (_, k) => texts[(m * o.batch + k) % texts.length]);
      out[i].push(req(JSON.stringify({ inputs })));
    }
  return out;
}

/** A growing list of latencies, ms. */
class Latencies {
  private xs = new Float64Array(1 << 16);
  count = 0;
  add(ms: number): void {
    if (this.count === this.xs.length) {
      const grown = new Float64Array(this.xs.length * 2);
      grown.set(this.xs);
      this.xs = grown;
    }
    this.xs[this.count++] = ms;
  }
  sorted(): Float64Array {
    return this.xs.slice(0, this.count).sort();
  }
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function runCase(
  c: CaseSpec,
  template: string,
  dir: string,
  texts: string[],
  oracle: OracleStandIn,
  o: Options,
  trained: Trained,
): Promise<CaseResult> {
  const db = join(dir, `${c.id}.db`);
  for (const suffix of ["", "-wal", "-shm"]) {
    rmSync(db + suffix, { force: true });
    if (existsSync(template + suffix)) copyFileSync(template + suffix, db + suffix);
  }
  oracle.mode = c.oracle;
  oracle.calls = 0;
  const server = await startServer(db, o.bin, o.cpuProf);
  const perConnection = bodiesPerConnection(c.route, texts, o);
  let nextClient = 0;
  const latencies = new Latencies();
  /** Requests with no response: timed out (autocannon gave up on them) or still waiting at the end. */
  let unfinished = 0;
  let cpu0: { server?: number; bench: NodeJS.CpuUsage; at: number } | undefined;
  const instance = autocannon({
    url: `${server.url}/v1/tasks/${TASK}/${c.route}`,
    connections: o.connections,
    duration: o.duration,
    ...(o.warmup > 0 ? { warmup: { connections: o.connections, duration: o.warmup } } : {}),
    requests: [perConnection[0][0]],
    // Every client (warm-up's, then the run's) gets its own share of the bodies.
    setupClient: (client) => {
      const measured = o.warmup === 0 || nextClient >= o.connections;
      client.setRequests(perConnection[nextClient++ % o.connections]);
      if (!measured) return;
      // A request that never gets its response (a timeout, or still waiting when the run stops)
      // counts in the latencies with the time it had waited: a lower bound, not left out.
      let sent: number | undefined;
      const abandon = () => {
        if (sent === undefined) return;
        latencies.add(performance.now() - sent);
        unfinished++;
        sent = undefined;
      };
      // (autocannon's types list only some of a client's events.)
      const events: NodeJS.EventEmitter = client;
      events.on("request", () => {
        abandon();
        sent = performance.now();
      });
      events.on("response", () => {
        sent = undefined;
      });
      events.on("done", abandon);
    },
    // Without a callback, autocannon returns its event emitter, which is also a promise of the result.
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on("start", () => {
    cpu0 = { server: cpuSeconds(server.child.pid), bench: process.cpuUsage(), at: performance.now() };
  });
  // autocannon's own histogram keeps whole milliseconds; this keeps the exact figure.
  instance.on("response", (_client, _status, _bytes, ms) => latencies.add(ms));
  const result = await instance;
  const wall = cpu0 ? (performance.now() - cpu0.at) / 1000 : result.duration;
  const server1 = cpuSeconds(server.child.pid);
  const bench = process.cpuUsage(cpu0?.bench);
  const sorted = latencies.sorted();
  const figures = await serverFigures(server.url);
  const standInCalls = oracle.calls;
  await stopServer(server, oracle);
  const ok = result["2xx"];
  const batch = c.route === "execute" ? 1 : o.batch;
  return {
    id: c.id,
    route: c.route,
    oracle: c.oracle,
    batch,
    seconds: result.duration,
    requestsPerSec: ok / result.duration,
    inputsPerSec: (ok * batch) / result.duration,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    maxMs: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
    responses: latencies.count - unfinished,
    unfinished,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    ...(cpu0?.server !== undefined && server1 !== undefined
      ? { serverCpuPct: ((server1 - cpu0.server) / wall) * 100 }
      : {}),
    benchCpuPct: ((bench.user + bench.system) / 1e6 / wall) * 100,
    ...figures,
    newVersions: figures.versions - trained.versions,
    standInCalls,
    serverStderr: server.stderr.slice(0, 20),
  };
}

/** The task's status and the oracle queue's gauges, as the server reports them after the run. */
async function serverFigures(
  url: string,
): Promise<Pick<CaseResult, "answeredByOracle" | "oracleCalls" | "samplesDropped" | "oracleWaiting" | "versions">> {
  const status = (await (await fetch(`${url}/v1/tasks/${TASK}`)).json()) as {
    answeredBy?: { oracle?: number };
    oracle?: { calls?: number };
    versions?: number;
  };
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const gauge = (name: string) =>
    Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, "m").exec(metrics)?.[1] ?? Number.NaN);
  return {
    answeredByOracle: status.answeredBy?.oracle ?? 0,
    oracleCalls: status.oracle?.calls ?? 0,
    samplesDropped: gauge("loopai_oracle_samples_dropped"),
    oracleWaiting: gauge("loopai_oracle_queue_waiting"),
    versions: status.versions ?? 0,
  };
}

// ---- report ----------------------------------------------------------------------------------

/** The median of each numeric figure over repetitions of one case (the rest from the first). */
function median(runs: CaseResult[]): CaseResult {
  if (runs.length === 1) return runs[0];
  const out: Record<string, unknown> = { ...runs[0] };
  for (const [k, v] of Object.entries(runs[0]))
    if (typeof v === "number") {
      const xs = runs.map((r) => (r as unknown as Record<string, number>)[k]).sort((a, b) => a - b);
      out[k] = xs.length % 2 === 1 ? xs[xs.length >> 1] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
    }
  return out as unknown as CaseResult;
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "n/a");
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 0) : "n/a");

function render(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(rows[0]), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}

export function table(results: CaseResult[]): string {
  const head = [
    "case",
    "oracle",
    "requests/s",
    "inputs/s",
    "p50 ms",
    "p99 ms",
    "max ms",
    "non-2xx",
    "errors (timeouts)",
    "new versions",
    "server CPU",
    "bench CPU",
    "oracle HTTP calls",
    "answered by oracle",
    "samples dropped",
  ];
  return render([
    head,
    ...results.map((r) => [
      r.route === "execute" ? "execute" : `execute-batch ×${r.batch}`,
      r.oracle,
      int(r.requestsPerSec),
      int(r.inputsPerSec),
      ms(r.p50Ms),
      ms(r.p99Ms),
      ms(r.maxMs),
      int(r.non2xx),
      `${int(r.errors)} (${int(r.timeouts)})`,
      int(r.newVersions),
      r.serverCpuPct === undefined ? "n/a" : `${r.serverCpuPct.toFixed(0)}%`,
      `${r.benchCpuPct.toFixed(0)}%`,
      int(r.standInCalls),
      int(r.answeredByOracle),
      int(r.samplesDropped),
    ]),
  ]);
}

interface TargetRow {
  target: string;
  figure: string;
  met: boolean;
}

/** Each target of the issue beside the figure it is about; a case that did not run is left out. */
export function targets(results: CaseResult[]): TargetRow[] {
  const find = (id: string) => results.find((r) => r.id === id);
  const rows: TargetRow[] = [];
  for (const oracle of ["answering", "hanging"] as const) {
    const e = find(`execute-${oracle}`);
    if (e) {
      rows.push({
        target: `execute, oracle ${oracle}: ≥ ${int(TARGETS.executeRps)} requests/s`,
        figure: int(e.requestsPerSec),
        met: e.requestsPerSec >= TARGETS.executeRps,
      });
      rows.push({
        target: `execute, oracle ${oracle}: p99 < ${TARGETS.executeP99Ms} ms`,
        figure: `${ms(e.p99Ms)} ms`,
        met: e.p99Ms < TARGETS.executeP99Ms,
      });
    }
    const b = find(`batch-${oracle}`);
    if (b)
      rows.push({
        target: `execute-batch, oracle ${oracle}: ≥ ${int(TARGETS.batchInputsPerSec)} inputs/s`,
        figure: int(b.inputsPerSec),
        met: b.inputsPerSec >= TARGETS.batchInputsPerSec,
      });
  }
  const ratio = (what: string, a: number, h: number, higherIsBetter: boolean) => {
    const r = h / a;
    rows.push({
      target: `${what}: hanging / answering within ${pct(TARGETS.hangingWithin)}`,
      figure: Number.isFinite(r) ? pct(r) : "n/a",
      // Within 10% of the answering figure, or better than it.
      met: higherIsBetter ? r >= 1 - TARGETS.hangingWithin : r <= 1 + TARGETS.hangingWithin,
    });
  };
  const ea = find("execute-answering");
  const eh = find("execute-hanging");
  if (ea && eh) {
    ratio("execute requests/s", ea.requestsPerSec, eh.requestsPerSec, true);
    ratio("execute p99", ea.p99Ms, eh.p99Ms, false);
  }
  const ba = find("batch-answering");
  const bh = find("batch-hanging");
  if (ba && bh) {
    ratio("execute-batch inputs/s", ba.inputsPerSec, bh.inputsPerSec, true);
    ratio("execute-batch p99", ba.p99Ms, bh.p99Ms, false);
  }
  return rows;
}

function targetTable(rows: TargetRow[]): string {
  return render([["target", "figure", "met?"], ...rows.map((t) => [t.target, t.figure, t.met ? "met" : "MISSED"])]);
}

// ---- main ------------------------------------------------------------------------------------

function positive(name: string, integer: boolean) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      throw new InvalidArgumentError(`${name} must be a positive ${integer ? "integer" : "number"}`);
    return n;
  };
}

function parseOptions(argv: string[]): Options {
  const program = new Command()
    .name("loopai-serve-bench")
    .description("loopai serve under load (autocannon): execute and execute-batch, the LLM oracle answering or hanging")
    .option("--duration <s>", "seconds each case runs", positive("--duration", false), 20)
    .option("--connections <n>", "concurrent connections", positive("--connections", true), 50)
    .option("--batch <n>", "inputs per execute-batch request", positive("--batch", true), 100)
    .option("--warmup <s>", "seconds of load before each case is measured (0: none)", (v) => Number(v), 2)
    .option("--repeat <n>", "runs of each case; the table shows medians", positive("--repeat", true), 1)
    .option(
      "--cases <ids>",
      `comma-separated cases (${CASES.map((c) => c.id).join(", ")})`,
      (v) => v.split(","),
      CASES.map((c) => c.id),
    )
    .option("--cpu-prof <dir>", "run each server under node --cpu-prof, its profiles written to <dir>")
    .option("--bin <path>", "the loopai CLI to serve with (another build's bin/loopai.js, to compare)", BIN)
    .parse(argv, { from: "user" });
  const o = program.opts<Options>();
  const unknown = o.cases.filter((id) => !CASES.some((c) => c.id === id));
  if (unknown.length > 0) program.error(`unknown case ${unknown.join(", ")}`);
  if (!(o.warmup >= 0)) program.error("--warmup must be 0 or more seconds");
  return { ...o, bin: resolve(o.bin), ...(o.cpuProf ? { cpuProf: resolve(o.cpuProf) } : {}) };
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  // The stream loopai-bench.ts uses: its first 50 emails are the seed examples.
  const emails = shuffle(loadSpamAssassin(), 2024);
  const items = emails.map((e) => ({ input: e.text, output: e.label }));
  const oracle = new OracleStandIn(new Map(emails.map((e) => [e.text, e.label])));
  const baseUrl = await oracle.listen();
  const dir = mkdtempSync(join(tmpdir(), "loopai-serve-bench-"));
  const template = join(dir, "trained.db");
  try {
    const trained = await trainStore(template, items, baseUrl);
    if (trained.activeVersion === null) throw new Error("training left no version serving the spam task");
    console.log(
      `spam task trained as bench:loopai trains it (${SEED_EXAMPLES} seed examples, then the ${items.length}-email stream; ${trained.seconds.toFixed(0)} s): ` +
        `v${trained.activeVersion} (${trained.strategy}) serving${trained.canary ? " with a canary" : ""}, ${trained.versions} versions, ${trained.labels} labels, ${trained.oracleCalls} oracle answers cached.\n` +
        `${emails.length} emails in rotation; ` +
        `${o.connections} connections, ${o.duration} s a case after ${o.warmup} s of warm-up, ${o.repeat} run(s) each`,
    );
    const texts = emails.map((e) => e.text);
    const results: CaseResult[] = [];
    const runs: CaseResult[][] = [];
    for (const c of CASES.filter((x) => o.cases.includes(x.id))) {
      const mine: CaseResult[] = [];
      for (let i = 0; i < o.repeat; i++) {
        const r = await runCase(c, template, dir, texts, oracle, o, trained);
        console.log(
          `  ${c.id}${o.repeat > 1 ? ` #${i + 1}` : ""}: ${int(r.requestsPerSec)} requests/s, ${int(r.inputsPerSec)} inputs/s, p99 ${ms(r.p99Ms)} ms`,
        );
        mine.push(r);
      }
      runs.push(mine);
      results.push(median(mine));
    }
    const met = targets(results);
    console.log(`\n${table(results)}\n\n${targetTable(met)}`);
    console.log(
      [
        "",
        "requests/s = 2xx responses a second; inputs/s = that × inputs per request.",
        "latency = every request as the load generator (this process) saw it; one with no response (timed out after 10 s, or still",
        "  waiting when the run stopped) counts with the time it had waited. errors = connection errors and timeouts.",
        "server CPU = the loopai serve process, % of one core; bench CPU = this process (autocannon and the oracle stand-in).",
        "new versions = versions the server generated during the case: regeneration runs on the serving process's event loop.",
        "oracle HTTP calls = requests the stand-in received; answered by oracle = requests served the oracle's label (a cascade, or the",
        "  answer cache); samples dropped = samples refused by a full oracle backlog.",
        `hanging / answering: met when the hanging figure is at most ${pct(TARGETS.hangingWithin)} worse (lower throughput, higher p99).`,
        ...(o.repeat > 1 ? [`figures are medians of ${o.repeat} runs.`] : []),
      ].join("\n"),
    );
    const root = fileURLToPath(new URL("../../../../", import.meta.url));
    mkdirSync(join(root, "bench-results"), { recursive: true });
    const out = join(root, "bench-results", "loopai-serve.json");
    writeFileSync(
      out,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          cpus: cpus().length,
          loadavg: loadavg(),
          options: { ...o, cpuProf: undefined },
          trained,
          targets: TARGETS,
          results,
          met,
          ...(o.repeat > 1 ? { runs } : {}),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nwrote ${out}`);
  } finally {
    await oracle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
