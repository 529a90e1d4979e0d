// Cross-validation of the data strategies in a worker thread. On the serving thread it is seconds
// of CPU on a few thousand labels, and `loopai serve` answered nothing meanwhile: under load with
// labels arriving, p99 latency was 1.7 s and throughput 570 requests/s. A thread per training (its
// start, some 40 ms, is nothing beside the training) keeps no state between trainings.

import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { TaskSpec } from "../spec.js";
import { type Candidate, crossValidate, type Labelled, type SynthesisOptions } from "./router.js";

interface Job {
  kind: "cross-validate";
  spec: TaskSpec;
  labelled: Labelled[];
  options: Pick<SynthesisOptions, "strategies" | "folds" | "seed">;
}

export function crossValidateOffThread(
  spec: TaskSpec,
  labelled: Labelled[],
  options: Job["options"],
): Promise<Candidate[]> {
  return new Promise((resolve, reject) => {
    const job: Job = { kind: "cross-validate", spec, labelled, options };
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    let answered = false;
    worker.once("message", (m: { candidates?: Candidate[]; error?: string }) => {
      answered = true;
      if (m.candidates) resolve(m.candidates);
      else reject(new Error(`training thread: ${m.error}`));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!answered) reject(new Error(`training thread exited with status ${code} before answering`));
    });
  });
}

if (!isMainThread && (workerData as Job | undefined)?.kind === "cross-validate") {
  const job = workerData as Job;
  try {
    parentPort?.postMessage({ candidates: crossValidate(job.spec, job.labelled, job.options) });
  } catch (err) {
    parentPort?.postMessage({ error: (err as Error).message });
  }
}
