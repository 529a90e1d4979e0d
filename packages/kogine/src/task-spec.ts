/** The contract between the kogine process that plans a run and the process that runs one task of it.
 * The spec is written to the task's directory in the run store; the task process writes its outcome to
 * `resultFile`. Both sides, Python and JS, read and write these shapes. */
import type { ConfigData } from "./config.js";
import type { ConfigDescription } from "./display-value.js";

export type ScriptLanguage = "python" | "javascript";
export type InjectMode = "before" | "after";

/** A value typed on the command line: coerced by the task process to the type of the script's default. */
export interface RawValue {
  $raw: string;
  /** The text split at its top-level commas, when it has any: the items a list default takes. */
  $items?: string[];
}

export type ConfigSource = { kind: "module"; path: string; index: number } | { kind: "values"; values: ConfigData };

export interface TaskSpec {
  index: number;
  step: number;
  script: string;
  language: ScriptLanguage;
  entrypoint: string | null;
  inject: InjectMode;
  lenient: boolean;
  strict: boolean;
  config: ConfigSource | null;
  /** `--set` and `--sweep` values, layered over the config's globals. */
  overrides: Record<string, unknown>;
  context: { prev?: unknown; results?: unknown[] };
  label: string;
  resultFile: string;
}

export type FailureKind =
  | "exception"
  | "no-entrypoint"
  | "config"
  | "syntax"
  | "unserialisable"
  | "bad-arguments"
  | "unknown-key"
  | "coerce"
  | "crashed"
  | "timeout"
  | "interrupted";

export type TaskOutcome =
  | { ok: true; value: unknown; entrypoint: string | null; config?: ConfigDescription }
  | { ok: false; kind: FailureKind; message: string; traceback?: string; config?: ConfigDescription };

export function isRawValue(value: unknown): value is RawValue {
  if (typeof value !== "object" || value === null || !("$raw" in value)) return false;
  return Object.keys(value).every((k) => k === "$raw" || k === "$items");
}
