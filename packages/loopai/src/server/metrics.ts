// What `GET /metrics` says, in Prometheus's text format (prom-client, the Node client Prometheus
// lists): counters of this process's requests by task and by what answered them, of sampled
// requests the oracle answered, a histogram of program latency, and, read from the store when
// Prometheus scrapes, each task's oracle calls, oracle cost, agreement with the oracle and canary
// share (figures every instance shares, so any instance reports them).

import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { ExecuteResult, Loopai } from "../loop.js";
import type { QueueStats } from "../oracle-queue.js";
import type { TaskStatus } from "../status.js";
import type { LoopaiStore } from "../store.js";

export interface ServerMetrics {
  readonly registry: Registry;
  /** Counts one answered request. */
  observe(task: string, result: ExecuteResult): void;
  /** Counts one request refused before the loop saw it (a bad body, an unknown task). */
  rejected(route: string, status: number): void;
}

export function createMetrics(loop: Loopai, store: LoopaiStore): ServerMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: "loopai_requests_total",
    help: "Requests answered by this process, by task and by what answered them",
    labelNames: ["task", "served_by"] as const,
    registers: [registry],
  });
  const sampled = new Counter({
    name: "loopai_sampled_requests_total",
    help: "Requests this process sampled for a comparison with the oracle",
    labelNames: ["task"] as const,
    registers: [registry],
  });
  const rejected = new Counter({
    name: "loopai_rejected_requests_total",
    help: "Requests refused before the loop saw them, by route and HTTP status",
    labelNames: ["route", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "loopai_program_latency_seconds",
    help: "Time the serving program took per input",
    labelNames: ["task"] as const,
    // From 1 µs: a data program answers in microseconds.
    buckets: [1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 1e-3, 5e-3, 0.025, 0.1],
    registers: [registry],
  });
  // One scrape reads every task's status once, shared by the gauges below.
  let snapshot: { at: number; statuses: Promise<TaskStatus[]> } | undefined;
  const statuses = () => {
    if (!snapshot || Date.now() - snapshot.at > 500) {
      const read = store.listTasks().then((tasks) => Promise.all(tasks.map((task) => loop.status(task))));
      snapshot = { at: Date.now(), statuses: read };
    }
    return snapshot.statuses;
  };
  const statusGauge = (name: string, help: string, read: (s: TaskStatus) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["task"] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const s of await statuses()) this.set({ task: s.task }, read(s));
      },
    });
  const queueGauge = (name: string, help: string, read: (q: QueueStats) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["task"] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [task, q] of loop.oracleQueues()) this.set({ task }, read(q));
      },
    });
  queueGauge("loopai_oracle_queue_waiting", "Samples waiting for the oracle in this process", (q) => q.waiting);
  queueGauge("loopai_oracle_queue_running", "Oracle calls in flight from this process", (q) => q.running);
  queueGauge(
    "loopai_oracle_samples_dropped",
    "Samples this process dropped because the oracle backlog was full",
    (q) => q.dropped,
  );
  statusGauge("loopai_oracle_calls", "Oracle calls made for the task (all instances)", (s) => s.oracle.calls);
  statusGauge(
    "loopai_oracle_cost_dollars",
    "Money spent on the task's oracle calls (all instances)",
    (s) => s.oracle.cost,
  );
  statusGauge(
    "loopai_agreement_ratio",
    "Share of compared answers that agreed with the oracle",
    (s) => s.agreement.estimate,
  );
  statusGauge(
    "loopai_canary_share",
    "Share of traffic the canary version gets (0 without one)",
    (s) => s.canaryAnalysis?.share ?? 0,
  );
  statusGauge("loopai_active_version", "The version serving the task (0 for none)", (s) => s.activeVersion ?? 0);
  return {
    registry,
    observe(task, result) {
      requests.inc({ task, served_by: result.servedBy });
      if (result.sampled) sampled.inc({ task });
      if (result.servedBy === "program" || result.servedBy === "previous")
        latency.observe({ task }, result.micros / 1e6);
    },
    rejected(route, status) {
      rejected.inc({ route, status: String(status) });
    },
  };
}
