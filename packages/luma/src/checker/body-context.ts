import type { Expression, NodeBase } from "../ast.js";
import type { ProgramContext } from "./program-context.js";
import { Scope } from "./scope.js";
import type { LabelledPlace, SemanticProblem } from "./semantic-diagnostics.js";
import type { FunctionSymbol, LocalOrigin, LocalSymbol, ProgramFile } from "./symbols.js";
import type { FunctionInstance, TypedBody } from "./typed-program.js";
import { containsTypeParameter, type LumaType, type TypeInterner } from "./types.js";

/**
 * How a body is being checked:
 * - `concrete`: a non-generic function, or a generic one's instance, every type known;
 * - `prototype`: a generic function once for all its type arguments, its type parameters abstract:
 *   what a parameter's type allows (`a < b`, `x.len()`) is left to the instances, so only what is
 *   wrong whatever the type arguments are is reported;
 * - `constant`: a constant's initialiser or an array's length, with no variables.
 */
export type BodyMode = "concrete" | "prototype" | "constant";

/** Where a `return` goes: the function, or the innermost closure. */
export interface ReturnTarget {
  readonly kind: "function" | "closure";
  /** The declared (or expected) result; null while a closure's result waits for its first `return`. */
  type: LumaType | null;
}

/** A closure being checked: the variables of enclosing bodies it uses. */
export interface ClosureFrame {
  readonly captures: LocalSymbol[];
}

/** A loop being checked: whether a `break` leaves it (a `while (true)` without one never ends). */
export interface LoopFrame {
  breaks: boolean;
}

/**
 * The state of checking one body: its file, tables and mode, the type parameters' meaning, the
 * variables in scope, and the enclosing function, closures and loops.
 */
export class BodyContext {
  scope = new Scope(null);
  readonly returnTargets: ReturnTarget[] = [];
  /** The loops around the current point, innermost last; a closure starts a list of its own. */
  loops: LoopFrame[] = [];
  readonly closures: ClosureFrame[] = [];

  constructor(
    readonly program: ProgramContext,
    readonly file: ProgramFile,
    readonly body: TypedBody,
    readonly mode: BodyMode,
    /** What each type parameter's name means here: itself in a prototype, a type in an instance. */
    readonly typeParameters: ReadonlyMap<string, LumaType>,
    /** The function whose body this is; null for a constant. */
    readonly enclosingFunction: FunctionSymbol | null,
    /** The instance being checked; null in a prototype or a constant. */
    readonly instance: FunctionInstance | null,
  ) {}

  get types(): TypeInterner {
    return this.program.types;
  }

  /** Reports a problem in this body's file; in a generic instance, says where it was instantiated. */
  report(problem: Omit<SemanticProblem, "file">): void {
    const related: LabelledPlace[] = [...(problem.related ?? [])];
    const site = this.instance?.instantiatedAt ?? null;
    if (site !== null) related.push({ ...site, label: `\`${this.instance!.name}\` is instantiated here` });
    this.program.diagnostics.report({ ...problem, file: this.file, related });
  }

  /** Records an expression's type and returns it. */
  record(expression: Expression, type: LumaType): LumaType {
    this.body.expressionTypes.set(expression, type);
    return type;
  }

  /**
   * True when what a type allows is decided by the instances: it mentions a type parameter and this
   * is a generic body checked once for all type arguments.
   */
  isDeferred(type: LumaType): boolean {
    return this.mode === "prototype" && containsTypeParameter(type);
  }

  /** Runs `check` in a new scope nested in the current one. */
  inScope<T>(check: () => T): T {
    const outer = this.scope;
    this.scope = new Scope(outer);
    try {
      return check();
    } finally {
      this.scope = outer;
    }
  }

  /** Declares a variable in the current scope. */
  declareLocal(
    name: string,
    type: LumaType,
    origin: LocalOrigin,
    declaration: LocalSymbol["declaration"],
  ): LocalSymbol {
    const local: LocalSymbol = {
      kind: "local",
      id: this.program.newLocalId(),
      name,
      type,
      origin,
      declaration,
      closureDepth: this.closures.length,
    };
    this.scope.declare(local);
    return local;
  }

  /**
   * The variable a name denotes here, or null; a variable of a body around the current closure is
   * recorded as captured by every closure between its declaration and here.
   */
  lookupLocal(name: string): { local: LocalSymbol; captured: boolean } | null {
    const local = this.scope.lookup(name);
    if (local === null) return null;
    const captured = local.closureDepth < this.closures.length;
    for (let depth = local.closureDepth; depth < this.closures.length; depth++) {
      const captures = this.closures[depth]!.captures;
      if (!captures.includes(local)) captures.push(local);
    }
    return { local, captured };
  }

  /** The source text of a node, for messages and help that quote the program. */
  textOf(node: NodeBase): string {
    return this.file.source.text.slice(node.start, node.end);
  }

  /** The place of a node in this body's file. */
  placeOf(node: NodeBase, label: string): LabelledPlace {
    return { file: this.file, start: node.start, end: node.end, label };
  }
}

/** Expression kinds that need parentheses before `as` (which binds tighter than they do). */
const LOOSER_THAN_CAST: ReadonlySet<string> = new Set(["Binary", "Range", "Closure"]);

/** The help for a numeric mismatch: "use `x as f64` to convert", quoting the program when short. */
export function castHelp(cx: BodyContext, expression: Expression, type: LumaType): string {
  let text = cx.textOf(expression);
  if (text.length > 30 || /[\r\n]/.test(text)) return `convert it with \`as ${type.text}\``;
  if (LOOSER_THAN_CAST.has(expression.kind) && !isWrappedInParentheses(text)) text = `(${text})`;
  return `use \`${text} as ${type.text}\` to convert`;
}

function isWrappedInParentheses(text: string): boolean {
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return true;
}
