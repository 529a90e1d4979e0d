// Which values a match's patterns cover: exhaustiveness (some value no arm matches, shown as a
// pattern: `Shape::Rect(_, _)`) and reachability (an arm whose values earlier arms all take). This
// is the usefulness algorithm of Maranget's "Warnings for pattern matching" over a pattern matrix:
// a row per arm, a column per value being matched, constructors per type (an enum's variants,
// `true` and `false`), and integers and strings as types with too many values to list, which only
// a name or `_` covers.

import type { LumaType } from "./types.js";

/** A pattern as far as coverage is concerned: anything, or a constructor applied to sub-patterns. */
export type CoveragePattern =
  | { readonly kind: "wild" }
  | { readonly kind: "constructor"; readonly key: string; readonly arguments: readonly CoveragePattern[] };

export const WILD: CoveragePattern = { kind: "wild" };

export function constructorPattern(key: string, args: readonly CoveragePattern[] = []): CoveragePattern {
  return { kind: "constructor", key, arguments: args };
}

/** One constructor of a type: its key, the types of its parts, and how to write it in a message. */
export interface Constructor {
  readonly key: string;
  readonly argumentTypes: readonly LumaType[];
  spell(args: readonly string[]): string;
}

/** The constructors of a type, or null when its values are too many to list. */
export type ConstructorsOf = (type: LumaType) => readonly Constructor[] | null;

type Row = readonly CoveragePattern[];

function arityOf(key: string, type: LumaType, constructorsOf: ConstructorsOf): readonly LumaType[] {
  return constructorsOf(type)?.find((candidate) => candidate.key === key)?.argumentTypes ?? [];
}

/** The rows that a value built with constructor `key` may match, with that constructor's parts opened. */
function specialize(rows: readonly Row[], key: string, arity: number): Row[] {
  const result: Row[] = [];
  for (const row of rows) {
    const head = row[0]!;
    if (head.kind === "wild") result.push([...Array<CoveragePattern>(arity).fill(WILD), ...row.slice(1)]);
    else if (head.key === key) result.push([...head.arguments, ...row.slice(1)]);
  }
  return result;
}

/** The rows whose first pattern matches anything, without that column. */
function defaultRows(rows: readonly Row[]): Row[] {
  return rows.filter((row) => row[0]!.kind === "wild").map((row) => row.slice(1));
}

function headKeys(rows: readonly Row[]): Set<string> {
  const keys = new Set<string>();
  for (const row of rows) {
    const head = row[0]!;
    if (head.kind === "constructor") keys.add(head.key);
  }
  return keys;
}

/** True when the constructors of the first column's type all appear in it. */
function isComplete(rows: readonly Row[], all: readonly Constructor[]): boolean {
  const used = headKeys(rows);
  return all.every((candidate) => used.has(candidate.key));
}

/** True when some value matched by `row` is matched by none of `rows` (the row is useful after them). */
export function isUseful(
  rows: readonly Row[],
  row: Row,
  types: readonly LumaType[],
  constructorsOf: ConstructorsOf,
): boolean {
  if (row.length === 0) return rows.length === 0;
  const head = row[0]!;
  const [type, ...rest] = types as [LumaType, ...LumaType[]];
  if (head.kind === "constructor") {
    const argumentTypes = arityOf(head.key, type, constructorsOf);
    return isUseful(
      specialize(rows, head.key, head.arguments.length),
      [...head.arguments, ...row.slice(1)],
      [...argumentTypes, ...rest],
      constructorsOf,
    );
  }
  const all = constructorsOf(type);
  if (all !== null && isComplete(rows, all)) {
    return all.some((candidate) =>
      isUseful(
        specialize(rows, candidate.key, candidate.argumentTypes.length),
        [...Array<CoveragePattern>(candidate.argumentTypes.length).fill(WILD), ...row.slice(1)],
        [...candidate.argumentTypes, ...rest],
        constructorsOf,
      ),
    );
  }
  return isUseful(defaultRows(rows), row.slice(1), rest, constructorsOf);
}

/**
 * Values no row matches, as written patterns, one per column (`["Shape::Rect(_, _)"]`), or null
 * when the rows cover every value.
 */
export function missingPatterns(
  rows: readonly Row[],
  types: readonly LumaType[],
  constructorsOf: ConstructorsOf,
): string[] | null {
  if (types.length === 0) return rows.length === 0 ? [] : null;
  const [type, ...rest] = types as [LumaType, ...LumaType[]];
  const all = constructorsOf(type);
  if (all !== null && isComplete(rows, all)) {
    for (const candidate of all) {
      const arity = candidate.argumentTypes.length;
      const missing = missingPatterns(
        specialize(rows, candidate.key, arity),
        [...candidate.argumentTypes, ...rest],
        constructorsOf,
      );
      if (missing !== null) return [candidate.spell(missing.slice(0, arity)), ...missing.slice(arity)];
    }
    return null;
  }
  const missing = missingPatterns(defaultRows(rows), rest, constructorsOf);
  if (missing === null) return null;
  const used = headKeys(rows);
  const absent = all === null || used.size === 0 ? undefined : all.find((candidate) => !used.has(candidate.key));
  const spelled = absent === undefined ? "_" : absent.spell(absent.argumentTypes.map(() => "_"));
  return [spelled, ...missing];
}
