/** The space a search samples from, as given by `--search NAME=KIND:ARGS`:
 *
 * - `uniform:LOW:HIGH`, `loguniform:LOW:HIGH`: a float, uniform in the value or in its logarithm;
 * - `int:LOW:HIGH`, `logint:LOW:HIGH`: a whole number, both ends included;
 * - `choice:A,B,C`: one of the listed values (`\,` is a comma inside a value). A choice reaches the script as
 *   a `--set` value does, coerced to the type of the script's default (with none: numbers as numbers,
 *   strings as strings). */
import { parseUntyped } from "./coerce-value.js";
import { KogineError } from "./errors.js";
import type { RawValue } from "./task-spec.js";

export type SearchParam =
  | { name: string; kind: "uniform" | "loguniform"; low: number; high: number }
  | { name: string; kind: "int" | "logint"; low: number; high: number }
  | { name: string; kind: "choice"; choices: string[] };

export type SearchSpace = SearchParam[];

/** A sampled value: a number for the numeric kinds, the index into `choices` for a choice. */
export type ParamValues = Record<string, number>;

const KINDS = ["uniform", "loguniform", "int", "logint", "choice"];

export function parseSearchSpace(searches: string[]): SearchSpace {
  const space: SearchSpace = [];
  for (const text of searches) {
    const param = parseSearchParam(text);
    if (space.some((p) => p.name === param.name))
      throw new KogineError(`--search ${text}: ${param.name} is already searched by an earlier --search`);
    space.push(param);
  }
  return space;
}

export function parseSearchParam(text: string): SearchParam {
  const fail = (problem: string): never => {
    throw new KogineError(`--search ${text}: ${problem}`);
  };
  const at = text.indexOf("=");
  const name = text.slice(0, at);
  if (at <= 0 || !/^[A-Za-z_$][\w$]*$/.test(name))
    fail("expected NAME=KIND:ARGS with NAME a variable name, e.g. lr=loguniform:1e-5:1e-1");
  const spec = text.slice(at + 1);
  const colon = spec.indexOf(":");
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  if (!KINDS.includes(kind)) fail(`unknown kind "${kind}"; expected one of ${KINDS.join(", ")}`);
  const args = colon < 0 ? "" : spec.slice(colon + 1);
  if (kind === "choice") {
    const choices = splitChoices(args);
    if (args === "" || choices.some((c) => c === ""))
      fail("choice needs values separated by commas, none of them empty, e.g. choice:2,4,8");
    if (new Set(choices).size !== choices.length) fail("choice lists a value twice");
    return { name, kind, choices };
  }
  const bounds = args.split(":");
  if (bounds.length !== 2) fail(`${kind} needs two bounds, ${kind}:LOW:HIGH`);
  const [low, high] = bounds.map((b) => {
    const value = b.trim() === "" ? Number.NaN : Number(b);
    if (!Number.isFinite(value)) fail(`bound "${b}" is not a number`);
    return value;
  });
  if (!(low < high)) fail(`the low bound must be below the high bound (got ${low} and ${high})`);
  if ((kind === "loguniform" || kind === "logint") && low <= 0)
    fail(`${kind} needs a low bound above 0, since it samples the logarithm (got ${low})`);
  if (kind === "int" || kind === "logint") {
    if (!Number.isInteger(low) || !Number.isInteger(high)) fail(`${kind} needs whole-number bounds`);
    return { name, kind, low, high };
  }
  return { name, kind: kind as "uniform" | "loguniform", low, high };
}

/** The value a script is given for a sampled point: numbers as they are, a choice as a `--set` value. */
export function overrideValue(param: SearchParam, value: number): number | RawValue {
  return param.kind === "choice" ? { $raw: param.choices[value] } : value;
}

/** The value as a person reads it (a choice typed as it would be without a default to go by). */
export function displayValue(param: SearchParam, value: number): unknown {
  return param.kind === "choice" ? parseUntyped(param.choices[value]) : value;
}

/** Whether `value` is a point of `param` (for values read back from a run store). */
export function inSpace(param: SearchParam, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (param.kind === "choice") return Number.isInteger(value) && value >= 0 && value < param.choices.length;
  if ((param.kind === "int" || param.kind === "logint") && !Number.isInteger(value)) return false;
  return value >= param.low && value <= param.high;
}

function splitChoices(text: string): string[] {
  const choices: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\" && text[i + 1] === ",") {
      current += ",";
      i++;
    } else if (text[i] === ",") {
      choices.push(current);
      current = "";
    } else current += text[i];
  }
  choices.push(current);
  return choices;
}
