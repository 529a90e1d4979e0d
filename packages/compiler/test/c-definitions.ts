// What a runtime catalogue is checked against: the signatures of the functions C files define, and
// the symbols a built archive defines. Shared by every package's catalogue tests
// (`@toolchain/compiler/testing`).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type IrType, isNullableRef } from "../src/ir/types.js";

/** C types as the IR types' printed forms. */
const C_TYPES: Record<string, string> = {
  int64_t: "i64",
  double: "f64",
  bool: "i1",
  "rt_str *": "ref str",
  "rt_exception *": "ref exception",
  "rt_file *": "ref file",
  "rt_weak_cell *": "ref weak",
  "void *": "ptr",
  void: "void",
};

/**
 * The C form of an IR type: a nullable reference `variant{unit | ref T}` is T's pointer, which C's
 * types cannot mark as possibly NULL (the entry's documentation says when it is).
 */
export function cForm(type: IrType): string {
  return isNullableRef(type) && type.kind === "variant" ? type.cases[1]!.text : type.text;
}

/**
 * name -> [parameter types, result type] of every function defined in the C files of `directory`, as
 * IR types where the C type has one (else "C <type>", which no catalogue entry can match).
 * `more` adds definitions a file makes otherwise (through a macro), from each file's text.
 */
export function cDefinitions(
  directory: string,
  more: (source: string) => Iterable<[string, [string[], string]]> = () => [],
  /** A language's own C types, as IR types' printed forms (e.g. its container structures). */
  languageTypes: Readonly<Record<string, string>> = {},
): Map<string, [string[], string]> {
  const definitions = new Map<string, [string[], string]>();
  const type = (text: string): string => {
    const normalised = text
      .replace(/\s+/g, " ")
      .replace(/\s*\*\s*/, " *")
      .trim();
    return C_TYPES[normalised] ?? languageTypes[normalised] ?? `C ${normalised}`;
  };
  /** A parameter declaration without its name: "rt_str *s" -> "rt_str *". */
  const withoutName = (declaration: string) => declaration.trim().replace(/\s*\b\w+$/, "");
  for (const file of readdirSync(directory).filter((name) => name.endsWith(".c"))) {
    const source = readFileSync(join(directory, file), "utf8");
    for (const match of source.matchAll(/^(?:_Noreturn )?([\w ]+?\s*\*?)\s*(\w+)\(([^)]*)\)\s*\{/gm)) {
      if (/\bstatic\b/.test(match[1]!)) continue;
      const params = match[3]!.trim();
      const paramTypes = params === "void" || params === "" ? [] : params.split(",").map((p) => type(withoutName(p)));
      definitions.set(match[2]!, [paramTypes, type(match[1]!)]);
    }
    for (const [name, signature] of more(source)) definitions.set(name, signature);
  }
  return definitions;
}

/** The global functions an archive defines (`nm`'s T symbols). */
export function definedSymbols(archive: string): Set<string> {
  const nm = spawnSync("nm", ["--defined-only", "-g", archive], { encoding: "utf8" });
  if (nm.error !== undefined) throw nm.error;
  assert.equal(nm.status, 0, nm.stderr);
  return new Set(
    nm.stdout
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length === 3 && fields[1] === "T")
      .map((fields) => fields[2]!),
  );
}
