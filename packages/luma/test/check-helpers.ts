// Helpers for the checker's tests: check a program given as text (and its imports, from memory),
// insist on no diagnostics, summarise diagnostics as [code, message, span], and find the type the
// checker gave an expression by the expression's text.

import assert from "node:assert/strict";
import { type Diagnostic, renderDiagnostic } from "@toolchain/compiler";
import type { CheckResult, Expression, FunctionInstance, TypedProgram } from "../src/index.js";
import { checkLuma, parseLuma } from "../src/index.js";

/** Parses (insisting on no syntax errors) and checks `source` as `main.ls`; imports read from `files`. */
export function check(source: string, files: Readonly<Record<string, string>> = {}): CheckResult {
  const { module, diagnostics } = parseLuma(source, "main.ls");
  const syntaxErrors = diagnostics.map((d) => renderDiagnostic(d, () => source)).join("");
  assert.equal(syntaxErrors, "", "the test program must parse without diagnostics");
  return checkLuma(module, { readFile: (path) => files[path] });
}

/** Every diagnostic of a check, rendered, with each file's text looked up in the program. */
export function rendered(result: CheckResult): string {
  return result.diagnostics.map((d) => renderDiagnostic(d, (file) => result.program.sourceOf(file))).join("");
}

/** Checks a program that must have no diagnostics at all (shown rendered if it has). */
export function checkClean(source: string, files: Readonly<Record<string, string>> = {}): TypedProgram {
  const result = check(source, files);
  assert.equal(rendered(result), "", "expected no diagnostics");
  return result.program;
}

/** A diagnostic as [code, message, "line:column-endLine:endColumn"] of its primary span. */
export type Summary = [string | undefined, string, string];

export function summarize(diagnostic: Diagnostic): Summary {
  const span = diagnostic.primary;
  return [diagnostic.code, diagnostic.message, `${span.line}:${span.column}-${span.endLine}:${span.endColumn}`];
}

/** The diagnostics of checking `source`, summarised. */
export function problems(source: string, files: Readonly<Record<string, string>> = {}): Summary[] {
  return check(source, files).diagnostics.map(summarize);
}

/** The instance of a function by its name (`fib`, `max<i64>`, `Stack<i64>::push`). */
export function instanceNamed(program: TypedProgram, name: string): FunctionInstance {
  const instance = program.instances.find((candidate) => candidate.name === name);
  assert.ok(
    instance !== undefined,
    `no instance ${name}; there are ${program.instances.map((i) => i.name).join(", ")}`,
  );
  return instance;
}

/** The expressions of an instance's body whose source text is `text`, in source order. */
export function expressionsWithText(instance: FunctionInstance, text: string): Expression[] {
  const source = instance.symbol.file.source.text;
  const body = instance.body;
  assert.ok(body !== null, `${instance.name} has not been checked`);
  return [...body.expressionTypes.keys()]
    .filter((expression) => source.slice(expression.start, expression.end) === text)
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The type (as text) the checker gave the `occurrence`-th expression spelled `text` in a function. */
export function typeOfText(program: TypedProgram, functionName: string, text: string, occurrence = 0): string {
  const instance = instanceNamed(program, functionName);
  const found = expressionsWithText(instance, text)[occurrence];
  assert.ok(found !== undefined, `no expression \`${text}\` (#${occurrence}) in ${functionName}`);
  return instance.body!.typeOf(found).text;
}

/** A function (`func main() { … }`) around statements, to check them alone. */
export const inMain = (body: string): string => `func main() {\n${body}\n}\n`;
