// Generated streams for tests: a small intent task whose words decide the label, and programs
// that always answer one label (a known-bad version to put against a trained one).

import type { ProgramVersion } from "../src/programs.js";
import { seededRandom } from "../src/sampling.js";
import type { CanaryState, SqliteStore } from "../src/store.js";

// A small intent task: the words decide the label, with some noise words.
export function intents(n: number, seed: number) {
  const r = seededRandom(seed);
  const words: Record<string, string[]> = {
    refund: ["refund", "money", "back", "return"],
    shipping: ["parcel", "delivery", "tracking", "arrived"],
    other: ["password", "hours", "colour", "size"],
  };
  const noise = ["please", "my", "the", "order", "today", "hi", "thanks", "item"];
  const labels = Object.keys(words);
  return Array.from({ length: n }, () => {
    const label = labels[Math.floor(r() * 3)];
    const ws = [
      words[label][Math.floor(r() * 4)],
      words[label][Math.floor(r() * 4)],
      ...Array.from({ length: 4 }, () => noise[Math.floor(r() * noise.length)]),
    ];
    ws.sort(() => r() - 0.5);
    return { input: ws.join(" "), output: label };
  });
}

export const intentSpec = (extra: Record<string, unknown> = {}) => ({
  name: "intent",
  input: { type: "text" },
  output: { type: "label", labels: ["refund", "shipping", "other"] },
  oracle: { type: "dataset", path: "(memory)" },
  ...extra,
});

/** Saves a data program that always answers `label`, as a version with the given status. */
export async function constantVersion(
  store: SqliteStore,
  task: string,
  label: string,
  status: ProgramVersion["status"],
): Promise<number> {
  const { change } = await store.updateTask(task, (_row, version) => ({
    newVersion: {
      task,
      version,
      strategy: "rules",
      kind: "data",
      body: JSON.stringify({
        type: "rules",
        labels: ["refund", "shipping", "other"],
        maxChars: 100,
        keywords: [],
        patterns: [],
        bias: ["refund", "shipping", "other"].map((l) => (l === label ? 1 : 0)),
      }),
      trainingHash: "-",
      trainingSize: 0,
      accuracy: { estimate: Number.NaN, low: 0, high: 1 },
      holdoutSize: 0,
      costMicros: 1,
      generationCost: 0,
      generationMs: 0,
      status,
      createdAt: new Date().toISOString(),
    },
  }));
  return change?.newVersion?.version ?? 0;
}

/** Sets what the store says about a task's serving version and canary, as another instance might. */
export async function setTaskState(
  store: SqliteStore,
  task: string,
  state: { activeVersion?: number | null; canary?: CanaryState | null },
): Promise<void> {
  await store.updateTask(task, () => state);
}
