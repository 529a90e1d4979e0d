/** What kogine checks of a step before a run is created, so that bad input makes no run (and no
 * `kogine resume` suggestion that would fail the same way): the script parses (a JS/TS syntax error named
 * by file, line and column), every command-line value can take the type of the script's literal default,
 * and with --strict every config key and override is a name the script defines. The task process checks
 * the same again with the script's actual values; this catches what can be known without running it. */
import { readFile } from "node:fs/promises";
import { coercionProblem } from "./coerce-value.js";
import { KogineError } from "./errors.js";
import { scriptShape } from "./node-shim/inject-transform.js";
import { type AnyNode, parseModule, syntaxErrorIn } from "./node-shim/js-syntax.js";
import { callPythonRunner } from "./python-runner-call.js";
import { languageOf } from "./script-language.js";
import { closestName } from "./similar-name.js";
import { isRawValue, type RawValue } from "./task-spec.js";

/** The names a script defines, each with its default's kind when it is a literal ("int", "number", "list",
 * "array", ...), else what binds it ("expression", "function", ...). */
export type ScriptDefaults = Record<string, string>;

export interface StepCheck {
  script: string;
  /** Keys the step's configs set. */
  configKeys: string[];
  /** `--set` and `--sweep` values, every point's. */
  overrides: Array<Record<string, unknown>>;
  strict: boolean;
}

export async function checkStep(check: StepCheck): Promise<void> {
  const raw = check.overrides.flatMap((point) => Object.entries(point).filter(([, v]) => isRawValue(v)));
  const needsNames = raw.length > 0 || check.strict;
  // Python is asked only when there is something to check; a JS script is parsed in any case (cheaply).
  if (languageOf(check.script) === "python" && !needsNames) return;
  const defaults = await scriptDefaults(check.script);
  for (const [key, value] of raw) {
    const problem = valueProblem(defaults[key], value as RawValue);
    if (problem) {
      throw new KogineError(
        `--set ${key}=${(value as RawValue).$raw}: cannot convert to ${problem}, the type of ${key}'s default in ${check.script}`,
      );
    }
  }
  if (check.strict) {
    const keys = new Set([...check.configKeys, ...check.overrides.flatMap((point) => Object.keys(point))]);
    const unknown = [...keys].filter((key) => !(key in defaults));
    if (unknown.length > 0) {
      const lines = unknown.map((key) => {
        const suggestion = closestName(key, Object.keys(defaults));
        return `\n  ${key}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`;
      });
      throw new KogineError(`--strict: config keys not defined by ${check.script}:${lines.join("")}`);
    }
  }
}

export async function scriptDefaults(path: string): Promise<ScriptDefaults> {
  if (languageOf(path) === "python") {
    const answer = (await callPythonRunner("inspect", path)) as {
      ok: boolean;
      message?: string;
      names: ScriptDefaults;
    };
    if (!answer.ok) throw new KogineError(answer.message ?? `${path}: cannot be read`);
    return answer.names;
  }
  const program = parseScript(path, await javascriptOf(path));
  const kinds: ScriptDefaults = Object.fromEntries(scriptShape(program).boundNames.map((name) => [name, "binding"]));
  for (const stmt of program.body as AnyNode[]) {
    const decl = (stmt.type === "ExportNamedDeclaration" ? stmt.declaration : stmt) as AnyNode | null;
    if (decl?.type !== "VariableDeclaration") continue;
    for (const declarator of decl.declarations as AnyNode[]) {
      const id = declarator.id as AnyNode;
      if (id.type === "Identifier") kinds[id.name as string] = literalKind(declarator.init as AnyNode | null);
    }
  }
  return kinds;
}

/** The script's source as JavaScript (TypeScript stripped of its types). */
async function javascriptOf(path: string): Promise<string> {
  const source = await readFile(path, "utf8");
  if (!/\.(m?ts|tsx)$/.test(path)) return source;
  const { transform } = await import("esbuild");
  try {
    return (await transform(source, { loader: path.endsWith(".tsx") ? "tsx" : "ts", format: "esm" })).code;
  } catch (error) {
    const first = (error as { errors?: Array<{ text: string; location?: { line: number; column: number } }> })
      .errors?.[0];
    const at = first?.location ? `:${first.location.line}:${first.location.column + 1}` : "";
    throw new KogineError(`${path}${at}: syntax error: ${first?.text ?? (error as Error).message}`);
  }
}

function parseScript(path: string, source: string): AnyNode {
  const problem = syntaxErrorIn(source);
  if (problem) throw new KogineError(`${path}:${problem.line}:${problem.column}: syntax error: ${problem.message}`);
  return parseModule(source);
}

function literalKind(init: AnyNode | null): string {
  if (!init) return "binding";
  if (init.type === "UnaryExpression" && init.operator === "-") return literalKind(init.argument as AnyNode);
  if (init.type === "Literal") return init.value === null ? "null" : typeof init.value;
  if (init.type === "ArrayExpression") return "array";
  if (init.type === "ObjectExpression") return "object";
  if (init.type === "TemplateLiteral") return "string";
  return "expression";
}

/** Why `value` cannot become a value of `kind`, or null when it can (or the kind does not say). Python's
 * list and dict literals are mostly left to Python, which reads more than JSON. */
function valueProblem(kind: string | undefined, value: RawValue): string | null {
  const text = value.$raw.trim();
  switch (kind) {
    case "int":
      return /^[+-]?\d+(_\d+)*$/.test(text) ? null : "int";
    case "float":
      return /^[+-]?(inf|infinity|nan)$/i.test(text) || (text !== "" && !Number.isNaN(Number(text.replace(/_/g, ""))))
        ? null
        : "float";
    case "bool":
    case "boolean":
      return problemFor(value, false);
    case "list":
    case "tuple":
      // Python reads more literals than JSON does; what cannot be one is an unclosed bracket.
      return /^[[(]/.test(text) && !closesEveryBracket(text) ? kind : null;
    case "number":
      return problemFor(value, 0);
    case "array":
      return problemFor(value, []);
    case "object":
      return problemFor(value, {});
    default:
      return null;
  }
}

function closesEveryBracket(text: string): boolean {
  const open: string[] = [];
  for (const c of text.replace(/"(\\.|[^"\\])*"|'(\\.|[^'\\])*'/g, "")) {
    if ("[({".includes(c)) open.push(c);
    else if ("])}".includes(c) && "[({"["])}".indexOf(c)] !== open.pop()) return false;
  }
  return open.length === 0;
}

function problemFor(value: RawValue, sample: unknown): string | null {
  const problem = coercionProblem(value, sample);
  return typeof problem === "string" ? problem : null;
}
