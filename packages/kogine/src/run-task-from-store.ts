/** `kogine task RUN_DIR INDEX`: runs one planned task of a run, as a Slurm array element does. */
import { EXIT_FAILED, EXIT_NO_ENTRYPOINT, EXIT_OK, KogineError } from "./errors.js";
import { RunStore } from "./run-store.js";
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
    { taskDir: store.taskDir(index), workerId, echo: true, processes },
    store.invocation,
    (attempt) => startedRecord(store, spec, workerId, attempt),
    () => {},
    nextAttempt(store, spec),
  ).finally(() => processes.close());
  await result.logsClosed;
  const record = finishedRecord(store, spec, result, attempts, workerId);
  if (record.status === "succeeded") return EXIT_OK;
  process.stderr.write(`kogine: task ${index} (${spec.label}) failed: ${record.failure?.message}\n`);
  return record.failure?.kind === "no-entrypoint" ? EXIT_NO_ENTRYPOINT : EXIT_FAILED;
}
