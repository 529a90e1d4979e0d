/** @toolchain/kogine: run Python and JS/TS scripts under configs, sweeps, workflows and workers. */
export { BullmqLauncher } from "./bullmq-launcher.js";
export { runBullmqWorker, type WorkerOptions } from "./bullmq-worker.js";
export { Config, type ConfigData, ConfigGenerator } from "./config.js";
export { type LoadedConfigs, loadConfigs } from "./config-loader.js";
export { type ConfigDescription, describeConfig } from "./display-value.js";
export { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_NO_ENTRYPOINT, EXIT_OK, KogineError } from "./errors.js";
export { type ExecuteOptions, executeFlow, type FlowResult } from "./flow-runner.js";
export { buildInvocation, type FlowOptions, Parallel, Pipeline, run, Sequential, type StepInput } from "./flows.js";
export type { LaunchContext, Launcher } from "./launcher.js";
export { LocalLauncher } from "./local-launcher.js";
export { type Invocation, type Manifest, RunStore, type TaskRecord } from "./run-store.js";
export { SlurmLauncher, type SlurmOptions, sbatchScript } from "./slurm-launcher.js";
export type { TaskOutcome, TaskSpec } from "./task-spec.js";
