import type { Diagnostic } from "@toolchain/compiler";
import type { ProgramFile } from "./symbols.js";

/**
 * The codes of the checker's diagnostics: E01xx for names (unknown, duplicate, used too early, a
 * member that does not exist), E02xx for types and the rules built on them, W02xx for warnings. The
 * syntax's codes are E00xx (`syntax-diagnostics.ts`). Codes are stable: tests and users search for
 * them, so a code is never reused for another meaning.
 */
export const SemanticCode = {
  /** A value's name that nothing declares: `fob(3)`. */
  UnknownName: "E0100",
  /** A type's name that nothing declares: `let p: Piont`. */
  UnknownType: "E0101",
  /** Two declarations of one name where one is allowed: functions, fields, variants, parameters… */
  DuplicateDefinition: "E0102",
  /** A local variable used before its `let` (or in its own initialiser). */
  UseBeforeDeclaration: "E0103",
  /** `p.z` where the struct has no field `z`. */
  UnknownField: "E0104",
  /** `p.nrom()` where the type has no method `nrom`. */
  UnknownMethod: "E0105",
  /** `Shape::Square` where the enum has no such variant. */
  UnknownVariant: "E0106",
  /** `Point::make()` where the struct's impls declare no `make`. */
  UnknownMember: "E0107",
  /** `import "x.ls";` of a file that cannot be read, or an import path that is not relative. */
  UnreadableImport: "E0108",
  /** A declaration named like a built-in type (`struct Array`). */
  BuiltinRedefined: "E0109",
  /** A type, or a built-in function, used where a value is wanted. */
  NotAValue: "E0110",
  /** A function or value used where a type is wanted. */
  NotAType: "E0111",
  /** A struct literal that gives one field twice. */
  DuplicateFieldInitializer: "E0112",
  /** `self` outside a method. */
  SelfOutsideMethod: "E0113",
  /** A variant of a program's enum named without its enum (`Red` for `Color::Red`). */
  VariantWithoutEnum: "E0114",
  /** A value of one type where another is expected. */
  TypeMismatch: "E0200",
  /** An operator applied to types it does not take (`-"a"`, `1 + 2.0`, `!3`). */
  InvalidOperand: "E0201",
  /** An integer or float literal outside its type's range. */
  LiteralOutOfRange: "E0202",
  /** A call with too few or too many arguments. */
  ArgumentCount: "E0203",
  /** A call of something that is not a function. */
  NotCallable: "E0204",
  /** A type the checker cannot infer: `None` or `Array::new()` with nothing to say what it holds. */
  CannotInfer: "E0205",
  /** `as` between types it does not convert. */
  InvalidCast: "E0206",
  /** A struct literal that leaves fields out. */
  MissingFields: "E0207",
  /** Indexing a value that has no elements. */
  NotIndexable: "E0208",
  /** `for x in v` over a value that cannot be iterated. */
  NotIterable: "E0209",
  /** A `match` some values get through. */
  NonExhaustiveMatch: "E0210",
  /** A pattern that cannot match the matched value's type, or has the wrong payload. */
  PatternMismatch: "E0211",
  /** `?` on a value that is not an Option or Result, or in a function that cannot pass it on. */
  InvalidTry: "E0212",
  /** A function with a return type whose end can be reached. */
  MissingReturn: "E0213",
  /** `break` or `continue` outside a loop. */
  LoopControlOutsideLoop: "E0214",
  /** A format string whose placeholders do not fit its arguments. */
  FormatMismatch: "E0215",
  /** An assignment (or `&`) to something that is not a variable, field, element or dereference. */
  NotAssignable: "E0216",
  /** A generic type given the wrong number of type arguments. */
  TypeArgumentCount: "E0217",
  /** A constant's value, or an array's length, that is not known when compiling. */
  NotConstant: "E0218",
  /** A constant whose value depends on itself. */
  ConstantCycle: "E0219",
  /** A type that lacks what an operation needs (`sort` of unordered elements, a float map key). */
  UnmetConstraint: "E0220",
  /** `return;` in a function with a return type, or `return v;` in one without. */
  ReturnMismatch: "E0221",
  /** Generic instances that keep instantiating deeper ones (`f<T>` calling `f<Array<T>>`). */
  InstantiationTooDeep: "E0222",
  /** An impl of something other than a struct or enum of the program, or with other parameters. */
  InvalidImpl: "E0223",
  /** A signature the language does not allow: `main`, a `#[test]`, or an `extern func`'s types. */
  InvalidSignature: "E0224",
  /** A method named without calling it (`p.norm`). */
  MethodAsValue: "E0225",
  /** A closure assigning to a variable it captured (closures capture by value). */
  CapturedAssignment: "E0226",
  /** A range (`a..b`) anywhere but as a `for` loop's iterable. */
  RangeOutsideFor: "E0227",
  /** A constant index outside a fixed array's length. */
  IndexOutOfBounds: "E0228",
  /** A constant expression that overflows or divides by zero. */
  ConstantEvaluation: "E0230",
  /** A struct or enum that contains itself by value, and so has no finite size. */
  RecursiveType: "E0231",
  /** A match arm that earlier arms already cover. */
  UnreachableArm: "W0201",
} as const;

export type SemanticCode = (typeof SemanticCode)[keyof typeof SemanticCode];

/** A place in a file, as offsets into its text. */
export interface Place {
  readonly file: ProgramFile;
  readonly start: number;
  readonly end: number;
}

/** A related place, underlined with `-` and labelled ("declared here"). */
export interface LabelledPlace extends Place {
  readonly label: string;
}

/** A problem the checker found, in offsets; `SemanticDiagnostics` turns it into a `Diagnostic`. */
export interface SemanticProblem extends Place {
  readonly code: SemanticCode;
  readonly message: string;
  /** Written next to the primary underline. */
  readonly label?: string;
  readonly related?: readonly LabelledPlace[];
  readonly help?: readonly string[];
  readonly notes?: readonly string[];
}

interface Entry {
  readonly fileIndex: number;
  readonly offset: number;
  readonly diagnostic: Diagnostic;
}

/**
 * The checker's diagnostics for a whole program. A generic function's body is checked once for all
 * type arguments and again per instance, so the same problem can be found twice: a problem already
 * reported (same code, place and message) is dropped. `toList` orders them by file and position.
 */
export class SemanticDiagnostics {
  private readonly entries: Entry[] = [];
  private readonly seen = new Set<string>();
  private errors = 0;

  get errorCount(): number {
    return this.errors;
  }

  report(problem: SemanticProblem): void {
    const key = `${problem.code}|${problem.file.index}|${problem.start}|${problem.end}|${problem.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const severity = problem.code.startsWith("W") ? "warning" : "error";
    if (severity === "error") this.errors++;
    const source = problem.file.source;
    const diagnostic: Diagnostic = {
      severity,
      code: problem.code,
      message: problem.message,
      primary: source.span(problem.start, problem.end, problem.label),
      secondary: (problem.related ?? []).map((place) => place.file.source.span(place.start, place.end, place.label)),
      help: problem.help ?? [],
      notes: problem.notes ?? [],
    };
    this.entries.push({ fileIndex: problem.file.index, offset: problem.start, diagnostic });
  }

  /** Every diagnostic, by file (in load order) and position, stable for equal positions. */
  toList(): Diagnostic[] {
    return [...this.entries]
      .sort((a, b) => a.fileIndex - b.fileIndex || a.offset - b.offset)
      .map((entry) => entry.diagnostic);
  }
}
