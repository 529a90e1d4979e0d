/** `kogine task RUN_DIR INDEX`: runs one planned task of a run, as a Slurm array element does. A stop asked
 * of the task (RunStore.requestStop, in another process) arrives as its stop file in the shared store
 * (watchStopFile): the task is killed if it has not ended after the grace the file holds. */
import { EXIT_FAILED, EXIT_NO_ENTRYPOINT, EXIT_OK, KogineError } from "./errors.js";
import { watchStopFile } from "./metrics-file.js";
import { DEFAULT_STOP_GRACE_MS, RunStore } from "./run-store.js";
import { TaskProcesses } from "./task-processes.js";
import { finishedRecord, nextAttempt, startedRecord } from "./task-recording.js";
import { runWithRetries } from "./task-retry.js";
import type { TaskSpec } from "./task-spec.js";

export async function runTaskFromStore(runDir: string, index: number): Promise<number> {
  const store = RunStore.open(runDir);
  const spec = store.readJson<TaskSpec>(index, "spec.json");
  if (!spec) throw new KogineError(`run ${runDir} has no task ${index}`);
  const workerId = Number(process.env.SLURM_ARRAY_TASK_ID ?? process.env.KOGINE_WORKER_ID ?? 0);
  const processes = new TaskProcesses();
  const { result, attempts } = await runWithRetries(
    spec,
    {
      taskDir: store.taskDir(index),
      workerId,
      echo: true,
      processes,
      watchStopRequests: watchStopFile(store.taskDir(index), DEFAULT_STOP_GRACE_MS),
    },
    store.invocation,
    (attempt) => startedRecord(store, spec, workerId, attempt),
    () => {},
    nextAttempt(store, spec),
  ).finally(() => processes.close());
  await result.logsClosed;
  const record = finishedRecord(store, spec, result, attempts, workerId);
  // A pruned task was stopped on purpose: it does not fail its element, as it does not fail a run.
  if (record.status === "succeeded" || record.status === "pruned") return EXIT_OK;
  process.stderr.write(`kogine: task ${index} (${spec.label}) failed: ${record.failure?.message}\n`);
  return record.failure?.kind === "no-entrypoint" ? EXIT_NO_ENTRYPOINT : EXIT_FAILED;
}
