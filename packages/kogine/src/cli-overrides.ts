/** `--set key=value` and `--sweep key=a,b,c`: values stay strings until the task process coerces them
 * to the type of the script's default. A comma splits a sweep's values (and a list's items) except inside
 * brackets, braces, parentheses or quotes; `\,` is a comma that splits nothing. */
import { cartesian } from "./config-namespace.js";
import { KogineError } from "./errors.js";
import type { RawValue } from "./task-spec.js";

export function parseSets(assignments: string[]): Record<string, RawValue> {
  return Object.fromEntries(
    assignments.map((a) => splitAssignment(a, "--set")).map(([k, v]) => [k, rawValue(v, `--set ${k}=${v}`)]),
  );
}

/** The cartesian product of every `--sweep`, one override table per point ([{}] when there is none). */
export function parseSweeps(sweeps: string[]): Array<Record<string, RawValue>> {
  const axes = sweeps.map((s) => splitAssignment(s, "--sweep"));
  const lists = axes.map(([key, values]) => {
    if (values === "") throw new KogineError(`--sweep ${key}=: no values (expected ${key}=a,b,c)`);
    return splitTopLevel(values, `--sweep ${key}=${values}`).map((v) => rawValue(v, `--sweep ${key}=${values}`));
  });
  return cartesian(lists).map((point) => Object.fromEntries(axes.map(([key], i) => [key, point[i]])));
}

/** Refuses a key given twice: by two `--set`, two `--sweep`, or a `--set` and a `--sweep` (typed values
 * of the library API included), which would otherwise silently override one another. */
export function checkOverrideKeys(
  sets: string[],
  sweeps: string[],
  values: Record<string, unknown> = {},
  valueSweeps: Record<string, unknown> = {},
): void {
  const seen = new Map<string, string>();
  const given = [
    ...sets.map((s) => ["--set", splitAssignment(s, "--set")[0]]),
    ...sweeps.map((s) => ["--sweep", splitAssignment(s, "--sweep")[0]]),
    ...Object.keys(values).map((k) => ["set", k]),
    ...Object.keys(valueSweeps).map((k) => ["sweep", k]),
  ];
  const clashes: string[] = [];
  for (const [flag, key] of given) {
    const before = seen.get(key);
    if (before) clashes.push(`${key} (${before} and ${flag})`);
    else seen.set(key, flag);
  }
  if (clashes.length > 0) throw new KogineError(`key(s) given more than once: ${clashes.join(", ")}; give each once`);
}

/** A command-line value: its text with `\,` unescaped and, when it holds commas outside brackets and
 * quotes, its items (what a list default takes it as; text with unbalanced brackets is only text). */
function rawValue(text: string, where: string): RawValue {
  const value: RawValue = { $raw: text.replace(/\\,/g, ",") };
  if (!text.includes(",")) return value;
  try {
    value.$items = splitTopLevel(text, where).map((item) => item.replace(/\\,/g, ","));
  } catch {
    // Not a list: a string default takes the text as it is.
  }
  return value;
}

const CLOSING: Record<string, string> = { "[": "]", "{": "}", "(": ")" };

/** Splits at the commas outside brackets and quotes; a `\,` stays (escaped) in its part. */
function splitTopLevel(text: string, where: string): string[] {
  const parts: string[] = [];
  const open: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (quote) quote = c === quote ? null : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c in CLOSING) open.push(c);
    else if (Object.values(CLOSING).includes(c)) {
      if (CLOSING[open.pop() ?? ""] !== c) throw new KogineError(`${where}: unbalanced "${c}" at character ${i + 1}`);
    } else if (c === "," && open.length === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (quote || open.length > 0) throw new KogineError(`${where}: unclosed ${quote ?? open.at(-1)}`);
  parts.push(text.slice(start));
  return parts;
}

function splitAssignment(text: string, flag: string): [string, string] {
  const at = text.indexOf("=");
  const key = text.slice(0, at);
  if (at <= 0 || !/^[A-Za-z_$][\w$]*$/.test(key)) {
    throw new KogineError(`${flag} ${text}: expected NAME=VALUE with NAME a variable name`);
  }
  return [key, text.slice(at + 1)];
}
