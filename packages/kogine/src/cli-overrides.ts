/** `--set key=value` and `--sweep key=a,b,c`: values stay strings until the task process coerces them
 * to the type of the script's default. */
import { cartesian } from "./config-namespace.js";
import { KogineError } from "./errors.js";
import type { RawValue } from "./task-spec.js";

export function parseSets(assignments: string[]): Record<string, RawValue> {
  return Object.fromEntries(assignments.map((a) => splitAssignment(a, "--set")).map(([k, v]) => [k, { $raw: v }]));
}

/** The cartesian product of every `--sweep`, one override table per point ([{}] when there is none). */
export function parseSweeps(sweeps: string[]): Array<Record<string, RawValue>> {
  const axes = sweeps.map((s) => splitAssignment(s, "--sweep"));
  const lists = axes.map(([, values]) => values.split(",").map((v) => ({ $raw: v })));
  return cartesian(lists).map((point) => Object.fromEntries(axes.map(([key], i) => [key, point[i]])));
}

function splitAssignment(text: string, flag: string): [string, string] {
  const at = text.indexOf("=");
  const key = text.slice(0, at);
  if (at <= 0 || !/^[A-Za-z_$][\w$]*$/.test(key)) {
    throw new KogineError(`${flag} ${text}: expected NAME=VALUE with NAME a variable name`);
  }
  return [key, text.slice(at + 1)];
}
