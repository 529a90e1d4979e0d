// Comparing a program's answer with the oracle's, the output-schema tier of validation, and what an
// input must be to be answered.

import { Ajv, type ValidateFunction } from "ajv";
import type { Comparison, TaskSpec } from "./spec.js";

function normalizeText(v: unknown): string {
  return String(v)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s"'.,;:!?]+|[\s"'.,;:!?]+$/g, "");
}

/** Key-order-independent JSON text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const keys = Object.keys(v as object)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

function numericEqual(a: unknown, b: unknown, tolerance: number): boolean {
  if (typeof a === "number" || typeof b === "number") {
    const x = Number(a);
    const y = Number(b);
    return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(y));
  }
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => numericEqual(x, b[i], tolerance));
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return (
      ka.length === kb.length &&
      ka.every((k) => numericEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tolerance))
    );
  }
  return a === b;
}

export function outputsAgree(a: unknown, b: unknown, mode: Comparison, tolerance = 1e-6): boolean {
  switch (mode) {
    case "exact":
      return typeof a === "object" || typeof b === "object" ? canonicalJson(a) === canonicalJson(b) : a === b;
    case "normalized":
      return typeof a === "object" || typeof b === "object"
        ? canonicalJson(a) === canonicalJson(b)
        : normalizeText(a) === normalizeText(b);
    case "json":
      return canonicalJson(a) === canonicalJson(b);
    case "numeric":
      return numericEqual(a, b, tolerance);
  }
}

/** Tier 1: does an output have the shape the spec promises? Returns a reason when it does not. */
export function outputChecker(spec: TaskSpec): (output: unknown) => string | undefined {
  if (spec.output.type === "label") {
    const labels = new Set(spec.output.labels);
    const listed = spec.output.labels.join(", ");
    return (o) =>
      typeof o === "string" && labels.has(o) ? undefined : `${JSON.stringify(o)} is not one of the labels ${listed}`;
  }
  const ajv = new Ajv({ strict: false, allErrors: false });
  const validate: ValidateFunction = ajv.compile(spec.output.schema);
  return (o) => (validate(o) ? undefined : `output does not match the schema: ${ajv.errorsText(validate.errors)}`);
}

/** The largest input answered unless a spec sets `input.maxBytes`: 1 MiB of text or of JSON. */
export const DEFAULT_MAX_INPUT_BYTES = 1024 * 1024;

/**
 * What an input must be, by the task's spec: a string for a text task, a value matching
 * `input.schema` for a JSON task, and no larger than `input.maxBytes` (UTF-8 bytes of the text, or
 * of the JSON). An input is never guessed at: a text task's `{"a": 1}` is refused, not parsed.
 */
export function inputChecker(spec: TaskSpec): (input: unknown) => string | undefined {
  const maxBytes = spec.input.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const tooLarge = (text: string) => {
    const bytes = Buffer.byteLength(text);
    return bytes > maxBytes
      ? `input is ${bytes} bytes, above the task's limit of ${maxBytes} (input.maxBytes)`
      : undefined;
  };
  if (spec.input.type === "text")
    return (input) =>
      typeof input === "string" ? tooLarge(input) : `input must be a string for a text task, not ${typeof input}`;
  const ajv = new Ajv({ strict: false, allErrors: false });
  const validate: ValidateFunction = ajv.compile(spec.input.schema);
  return (input) => {
    if (input === undefined) return "input is missing";
    const large = tooLarge(JSON.stringify(input));
    if (large !== undefined) return large;
    return validate(input)
      ? undefined
      : `input does not match the task's input.schema: ${ajv.errorsText(validate.errors)}`;
  };
}

/**
 * What makes two inputs the same question for the oracle's answer cache: text with its whitespace
 * collapsed and trimmed (case is kept: it may change the answer), a JSON value by its canonical text.
 */
export function oracleKey(input: unknown): string {
  return typeof input === "string" ? `t:${input.replace(/\s+/g, " ").trim()}` : `j:${canonicalJson(input)}`;
}
