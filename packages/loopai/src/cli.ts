// The `loopai` command. Exit status: 0 ok, 1 user error (bad spec, unknown task, bad input...),
// 130 / 143 when stopped by SIGINT / SIGTERM (after saving the execution counters); `serve` stops
// gracefully on either signal and exits 0. Errors print
// one clear message; `--debug` adds the stack.

import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Command, CommanderError } from "commander";
import { LoopaiError } from "./errors.js";
import { DEFAULT_DB, openLoopai } from "./index.js";
import type { ExecuteResult, Loopai } from "./loop.js";
import { buildServer } from "./server/http-api.js";
import { loadSpecFile } from "./spec.js";
import type { TaskStatus } from "./status.js";
import { versionsReport } from "./versions-report.js";

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: NodeJS.ReadableStream;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "n/a");

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (c ?? "").padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** ", canary v3 at 25% (stage 2 of 3, 40/100 requests; 12 paired comparisons, mcnemar-exact (one-sided) p = 0.810)" */
function canaryLine(s: TaskStatus): string {
  const c = s.canary;
  const a = s.canaryAnalysis;
  if (!c || !a) return "";
  return `, canary v${c.candidate} at ${pct(a.share)} (stage ${c.stage + 1} of ${a.stages}, ${a.stageRequests}/${a.requestsPerStage} requests; ${a.pairs} paired comparisons, ${a.test} p = ${a.pValue.toFixed(3)})${c.awaitingApproval ? " awaiting approval (loopai approve)" : ""}`;
}

/** The budget lines of `loopai status`: limits and spend, and the last refused regeneration. */
function budgetLines(s: TaskStatus): string[] {
  const b = s.budget;
  const lines: string[] = [];
  if (b.maxGenerationCost !== undefined || b.generationSpent > 0)
    lines.push(
      `generation spend $${b.generationSpent.toFixed(4)}${b.maxGenerationCost !== undefined ? ` of a $${b.maxGenerationCost.toFixed(4)} budget` : ""}`,
    );
  if (b.maxOracleCalls !== undefined) lines.push(`oracle calls ${b.oracleCalls} of a budget of ${b.maxOracleCalls}`);
  if (b.lastRefusal)
    lines.push(
      `regenerations refused by the generation budget: ${b.generationRefusals} (last ${b.lastRefusal.at}: ${b.lastRefusal.reason}); the active version keeps serving`,
    );
  return lines;
}

/** A line of `loopai run` input, as the task's spec types it: the line itself, or the JSON it holds. */
function parseInputLine(line: string, jsonTask: boolean): unknown {
  if (!jsonTask) return line;
  try {
    return JSON.parse(line);
  } catch (err) {
    throw new LoopaiError(`input is not JSON: ${(err as Error).message}`, "input");
  }
}

/**
 * Events of the loop's background work (no command is waiting for it) that a person must hear
 * of: printed to stderr as they happen. A full oracle backlog is said once per task.
 */
const REPORTED = new Set(["regeneration-failed", "background-failed", "samples-abandoned", "sample-dropped"]);

function eventReporter(io: Io, seen: Set<string>): (event: string, detail: unknown) => void {
  const dropped = new Set<string>();
  return (event, detail) => {
    seen.add(event);
    if (!REPORTED.has(event)) return;
    if (event === "sample-dropped") {
      const task = (detail as { task: string }).task;
      if (dropped.has(task)) return;
      dropped.add(task);
    }
    io.err(`loopai: ${event}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}\n`);
  };
}

export async function main(
  argv: string[],
  io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), stdin: process.stdin },
): Promise<number> {
  let loop: Loopai | undefined;
  const debug = argv.includes("--debug");
  /** Every event the loop reported in this command. */
  const events = new Set<string>();
  const onEvent = eventReporter(io, events);
  const program = new Command();
  // Interrupted (Ctrl-C, a service manager stopping us): save the execution counters, then exit
  // with the conventional 128 + signal number.
  const onSignal = (signal: NodeJS.Signals) => {
    void stopNow(signal === "SIGINT" ? 130 : 143);
  };
  /** Writes the counters and closes the store, then exits: nothing counted so far is lost. */
  const stopNow = async (status: number) => {
    await loop?.flush().catch(() => {});
    await loop?.store.close().catch(() => {});
    process.exit(status);
  };
  // A closed pipe (`| head`) ends the command quietly: the counters written, status 0.
  const onPipeClosed = (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    void stopNow(0);
  };
  process.stdout.on("error", onPipeClosed);
  const open = async () => {
    if (!loop) {
      loop = await openLoopai(program.opts().db as string, { onEvent });
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
    }
    return loop;
  };
  program
    .name("loopai")
    .description("Replace repeated LLM calls with generated programs, validated on a sample, improved when they drift.")
    .option(
      "--db <path-or-url>",
      "the store: a SQLite file, or a PostgreSQL URL (postgres://user:password@host/db) shared by many instances",
      process.env.LOOPAI_DB ?? DEFAULT_DB,
    )
    .option("--debug", "show stack traces")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command("init")
    .description("validate a task spec (YAML or JSON) and create the task")
    .argument("<spec>", "spec file")
    .option("--update", "change a task that exists (its new examples become labels)")
    .action(async (file: string, o: { update?: boolean }) => {
      const spec = loadSpecFile(file);
      const l = await open();
      const existed = (await l.store.getTask(spec.name)) !== undefined;
      await l.createTask(spec, { update: o.update });
      io.out(
        `task ${spec.name}: ${existed ? "updated" : "created"} (${spec.examples.length} examples, output ${spec.output.type === "label" ? `labels ${spec.output.labels.join("/")}` : "JSON"}, oracle ${spec.oracle.type})\n`,
      );
    });

  program
    .command("train")
    .description("generate a program version from every label so far")
    .argument("<task>")
    .option("--force", "activate the new version at once (skip the holdout gate and canary)")
    .action(async (task: string, o: { force?: boolean }) => {
      const l = await open();
      const auditBefore = (await l.store.getTask(task)) ? (await l.store.auditLog(task)).length : 0;
      const v = await l.train(task, { force: o.force });
      if (!v && events.has("training-skipped"))
        throw new LoopaiError(
          `task "${task}" is being trained by another instance; its new version will be in \`loopai versions ${task}\``,
          "usage",
        );
      if (!v) {
        const refusal = (await l.store.auditLog(task))
          .slice(auditBefore)
          .find((a) => a.action === "generation-refused");
        if (refusal) io.out(`task ${task}: ${(refusal.detail as { reason: string }).reason}\n`);
        io.out(`task ${task}: no strategy produced a usable program (see \`loopai versions ${task} --audit\`)\n`);
      } else {
        io.out(
          `task ${task}: version ${v.version} (${v.strategy}) ${v.status}; held-out accuracy ${pct(v.accuracy.estimate)} [${pct(v.accuracy.low)}, ${pct(v.accuracy.high)}] on ${v.holdoutSize}, ${v.costMicros.toFixed(1)} µs/input\n`,
        );
        if (v.notes) io.out(`  tried: ${v.notes}\n`);
      }
      // Status 1 when the task is left with no program at all: every request would go to the oracle.
      if (((await l.store.getTask(task))?.activeVersion ?? null) === null) {
        const target = (await l.store.getTask(task))?.spec.accuracyTarget ?? 1;
        const below = v && v.accuracy.high < target;
        throw new LoopaiError(
          below
            ? `task "${task}" has no program: version ${v.version}'s held-out accuracy ${pct(v.accuracy.estimate)} (95% interval up to ${pct(v.accuracy.high)}) is below the accuracy target ${pct(target)}; the oracle answers every request (and its answers become labels) until a program may reach it`
            : `task "${task}" has no program: the oracle answers every request until \`loopai train ${task}\` produces one`,
          "program",
        );
      }
    });

  program
    .command("run")
    .description("answer inputs (one per line, from a file or stdin) as JSON lines")
    .argument("<task>")
    .option("-i, --input <file>", "read inputs from a file instead of stdin")
    .action(async (task: string, o: { input?: string }) => {
      const l = await open();
      const spec = (await l.store.getTask(task))?.spec;
      if (!spec) throw new LoopaiError(`unknown task "${task}"; create it with \`loopai init <spec>\``, "missing");
      const stream: NodeJS.ReadableStream = o.input ? createReadStream(o.input) : io.stdin;
      await new Promise<void>((resolve, reject) => {
        stream.once("error", (e: NodeJS.ErrnoException) =>
          reject(new LoopaiError(`cannot read ${o.input}: ${e.code ?? e.message}`, "input")),
        );
        stream.once("readable", () => resolve());
        stream.once("end", () => resolve());
      });
      const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
      let n = 0;
      // One record per input line, blank ones included, each with its line number: outputs stay in
      // line with inputs, and a line the task cannot take gets an error record, not a stop.
      for await (const line of lines) {
        n++;
        let r: ExecuteResult;
        try {
          r = await l.execute(task, parseInputLine(line, spec.input.type === "json"));
        } catch (err) {
          if (!(err instanceof LoopaiError) || err.kind !== "input") throw err;
          io.out(`${JSON.stringify({ line: n, error: err.message })}\n`);
          continue;
        }
        const record: Record<string, unknown> = {
          line: n,
          output: r.output,
          confidence: Number(r.confidence.toFixed(4)),
          version: r.version,
          servedBy: r.servedBy,
        };
        if (r.sampled) record.sampled = r.sampleReason;
        if (r.reviewId !== undefined) record.reviewId = r.reviewId;
        if (r.errors?.length) record.errors = r.errors;
        io.out(`${JSON.stringify(record)}\n`);
      }
    });

  program
    .command("status")
    .description("live numbers: traffic, agreement with the oracle (Wilson 95%), cost reduction")
    .argument("<task>")
    .option("--json", "print JSON")
    .action(async (task: string, o: { json?: boolean }) => {
      const s = await (await open()).status(task);
      if (o.json) {
        io.out(`${JSON.stringify(s, null, 2)}\n`);
        return;
      }
      const c = s.cost;
      io.out(
        `${[
          `task ${s.task}: active version ${s.activeVersion ?? "none"}${s.strategy ? ` (${s.strategy})` : ""}${canaryLine(s)}`,
          `requests ${s.requests}: program ${s.answeredBy.program}, previous version ${s.answeredBy.previous}, oracle ${s.answeredBy.oracle}, unanswered ${s.answeredBy.none}; program errors ${s.errors}; mean ${s.meanExecMicros.toFixed(1)} µs`,
          `agreement with oracle ${pct(s.agreement.estimate)} [${pct(s.agreement.low)}, ${pct(s.agreement.high)}] over ${s.agreement.n} samples`,
          `oracle ${s.oracle.name}: ${s.oracle.calls} calls (${s.oracle.valid} valid), $${s.oracle.cost.toFixed(4)}, ${s.oracle.inputTokens}+${s.oracle.outputTokens} tokens; labels ${s.labels}; pending reviews ${s.pendingReviews}`,
          ...budgetLines(s),
          `cost reduction = 1 − s − G/(N·c) = 1 − ${c.effectiveRate.toFixed(4)} − ${c.generationCost.toFixed(4)}/(${c.requests}·${c.costPerCall}) = ${pct(c.reduction)}`,
        ].join("\n")}\n`,
      );
    });

  program
    .command("review")
    .description("the human review queue: list items, label them by id, or label interactively from stdin")
    .argument("<task>")
    .option("--list", "list pending items and exit")
    .option("--label <id=label...>", "label items, e.g. --label 3=spam 4=ham (JSON values allowed)")
    .action(async (task: string, o: { list?: boolean; label?: string[] }) => {
      const l = await open();
      const show = (r: { id: number; input: unknown; predicted: unknown; confidence: number }) =>
        `#${r.id}  predicted ${JSON.stringify(r.predicted)} (confidence ${r.confidence.toFixed(2)})\n    ${JSON.stringify(r.input).slice(0, 300)}\n`;
      if (o.label) {
        for (const pair of o.label) {
          const at = pair.indexOf("=");
          if (at <= 0) throw new LoopaiError(`--label expects id=label, got "${pair}"`, "usage");
          const id = Number(pair.slice(0, at));
          if (!Number.isInteger(id) || id <= 0)
            throw new LoopaiError(
              `--label expects a review item's number before "=", got "${pair.slice(0, at)}"`,
              "usage",
            );
          const raw = pair.slice(at + 1);
          // Typed by the task's output: a label as written, a JSON output parsed.
          let value: unknown = raw;
          if ((await l.store.getTask(task))?.spec.output.type === "json") {
            try {
              value = JSON.parse(raw);
            } catch (err) {
              throw new LoopaiError(`--label ${pair}: not JSON: ${(err as Error).message}`, "input");
            }
          }
          const r = await l.answerReview(id, value, task);
          io.out(
            `#${id}: labelled ${JSON.stringify(value)} (${r.agree ? "agrees with" : "differs from"} the program)\n`,
          );
        }
        return;
      }
      const pending = await l.pendingReviews(task);
      if (o.list || pending.length === 0) {
        io.out(pending.length === 0 ? `task ${task}: no items waiting for review\n` : pending.map(show).join(""));
        return;
      }
      const rl = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      const it = rl[Symbol.asyncIterator]();
      for (const r of pending) {
        io.out(`${show(r)}label (empty to skip): `);
        const next = await it.next();
        if (next.done) break;
        const answer = next.value.trim();
        if (answer === "") continue;
        try {
          const res = await l.answerReview(r.id, answer, task);
          io.out(`  saved (${res.agree ? "agrees" : "differs"})\n`);
        } catch (err) {
          io.out(`  not saved: ${(err as Error).message}\n`);
        }
      }
      rl.close();
    });

  program
    .command("versions")
    .description("every program version with its strategy, accuracy, cost and status; the audit log")
    .argument("<task>")
    .option("--audit", "also print the audit log of promotions and rollbacks")
    .option("--show <version>", "print a version's program (JSON or JS source)")
    .option("--json", "every version (without its program) and the audit log, as one JSON document")
    .action(async (task: string, o: { audit?: boolean; show?: string; json?: boolean }) => {
      const l = await open();
      if (!(await l.store.getTask(task))) throw new LoopaiError(`unknown task "${task}"`, "missing");
      if (o.json) {
        io.out(`${JSON.stringify(await versionsReport(l.store, task), null, 2)}\n`);
        return;
      }
      if (o.show) {
        const v = await l.store.getVersion(task, Number(o.show));
        if (!v) throw new LoopaiError(`task "${task}" has no version ${o.show}`, "usage");
        io.out(`${v.kind === "data" ? JSON.stringify(JSON.parse(v.body), null, 2) : v.body}\n`);
        return;
      }
      const rows = [
        [
          "version",
          "strategy",
          "status",
          "held-out acc.",
          "95% CI",
          "train size",
          "data hash",
          "µs/input",
          "gen. cost",
          "created",
        ],
      ];
      for (const v of await l.store.versions(task)) {
        rows.push([
          String(v.version),
          v.strategy,
          v.status,
          pct(v.accuracy.estimate),
          `[${pct(v.accuracy.low)}, ${pct(v.accuracy.high)}]`,
          String(v.trainingSize),
          v.trainingHash,
          v.costMicros.toFixed(1),
          `$${v.generationCost.toFixed(4)}`,
          v.createdAt,
        ]);
      }
      io.out(`${table(rows)}\n`);
      if (o.audit) {
        for (const a of await l.store.auditLog(task))
          io.out(
            `${a.at}  ${a.action}  ${a.fromVersion ?? "-"} → ${a.toVersion ?? "-"}  ${JSON.stringify(a.detail)}\n`,
          );
      }
    });

  program
    .command("rollback")
    .description("return to an earlier version at once (default: the previous one)")
    .argument("<task>")
    .option("--to <version>", "the version to return to")
    .action(async (task: string, o: { to?: string }) => {
      const to = o.to !== undefined ? Number(o.to) : undefined;
      if (to !== undefined && !Number.isInteger(to))
        throw new LoopaiError(`--to expects a version number, got "${o.to}"`, "usage");
      const v = await (await open()).rollback(task, to);
      io.out(`task ${task}: version ${v} is active\n`);
    });

  program
    .command("approve")
    .description("approve a canary waiting at the human approval gate")
    .argument("<task>")
    .action(async (task: string) => {
      const v = await (await open()).approve(task);
      io.out(`task ${task}: version ${v} promoted\n`);
    });

  program
    .command("feedback")
    .description("give the right answer for an input (stored as a label and compared with the program)")
    .argument("<task>")
    .requiredOption("--input <text>", "the input (JSON for JSON tasks)")
    .requiredOption("--output <value>", "the right output (JSON allowed)")
    .action(async (task: string, o: { input: string; output: string }) => {
      const l = await open();
      const spec = (await l.store.getTask(task))?.spec;
      if (!spec) throw new LoopaiError(`unknown task "${task}"`, "missing");
      const input = parseInputLine(o.input, spec.input.type === "json");
      let output: unknown = o.output;
      if (spec.output.type === "json") {
        try {
          output = JSON.parse(o.output);
        } catch (err) {
          throw new LoopaiError(`--output is not JSON: ${(err as Error).message}`, "input");
        }
      }
      const r = await l.feedback(task, input, output);
      io.out(
        `task ${task}: label stored${r.agree === null ? "" : ` (${r.agree ? "agrees with" : "differs from"} version ${r.version})`}\n`,
      );
    });

  program
    .command("serve")
    .description(
      "answer over HTTP: execute, execute-batch, feedback, status, versions, agreement, reviews, /metrics, /openapi.json, and a dashboard at /",
    )
    .option("--port <n>", "TCP port (0: any free one)", "8080")
    .option("--host <h>", "address to listen on", "127.0.0.1")
    .option("--api-key <key>", "require this key on the routes that write (default: $LOOPAI_API_KEY)")
    .action(async (o: { port: string; host: string; apiKey?: string }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new LoopaiError(`--port must be a port number (0 to 65535), not "${o.port}"`, "usage");
      const served = await openLoopai(program.opts().db as string, { onEvent });
      const apiKey = o.apiKey ?? process.env.LOOPAI_API_KEY;
      const app = await buildServer(served, served.store, apiKey ? { apiKey } : {});
      const address = await app.listen({ port, host: o.host }).catch((err: Error) => {
        throw new LoopaiError(`cannot listen on ${o.host}:${port}: ${err.message}`, "usage");
      });
      io.out(
        `loopai serve: listening on ${address} (tasks: ${(await served.store.listTasks()).join(", ") || "none"}; store ${served.store.kind})\n`,
      );
      // A graceful stop: no new connections, requests in flight answered, counters written.
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await app.close();
      await served.store.close();
      io.out("loopai serve: stopped; execution counters written\n");
    });

  program
    .command("bench")
    .description("run the offline benchmark (SpamAssassin stream, log extraction); same as npm run bench:loopai")
    .option("--quick", "a shorter stream")
    .action(async (o: { quick?: boolean }) => {
      const { benchLogs, benchSpam, driftTable, table: render } = await import("../bench/loopai-bench.js");
      const results = [await benchSpam(o.quick ? 1500 : undefined), await benchLogs(o.quick ? 1000 : 5000)];
      io.out(`${render(results)}\n\n${driftTable(results)}\n`);
    });

  try {
    await program.parseAsync(
      argv.filter((a) => a !== "--debug"),
      { from: "user" },
    );
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 || err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 1;
    }
    if (err instanceof LoopaiError) io.err(`loopai: ${err.message}\n`);
    else io.err(`loopai: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (debug && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
    return 1;
  } finally {
    process.stdout.off("error", onPipeClosed);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await loop?.close();
    await loop?.store.close();
  }
}
