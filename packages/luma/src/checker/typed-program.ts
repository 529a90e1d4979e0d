/**
 * What the checker hands to lowering: the program's symbols and, for every function body it checked,
 * side tables keyed by the syntax tree's nodes. Lowering walks the same tree the parser built and
 * looks each node up; it never resolves a name, infers a type or parses a format string again.
 *
 * The shape:
 *
 * - `TypedProgram`: the files (in load order), the `TypeInterner` the types came from, the top-level
 *   symbols by name and by kind, the function instances, `main` and the `#[test]` functions, and the
 *   constants' values (on their symbols) with the tables of their initialisers.
 * - `FunctionInstance`: one per function body as it will be compiled. A non-generic function or
 *   method is one instance; a generic one (its own type parameters or its impl's) is one instance
 *   per combination of type arguments the program uses, made when a call needs it, like
 *   AssemblyScript's prototypes instantiated per type arguments. An instance has its concrete
 *   parameter and result types and its `TypedBody`. A generic body is also checked once with its
 *   type parameters left abstract, to report what is wrong for every instantiation; that check's
 *   tables are not kept, since lowering compiles instances only.
 * - `TypedBody`: the side tables of one body (or a constant's initialiser). No type in them contains
 *   a type parameter, `unknown`, or (in a program without errors) `error`:
 *   - `expressionTypes`: every expression's type. A literal's is the type it took from its context;
 *     a range in a `for` has its bounds' type. A call's callee has one only when it is a value
 *     (a variable, a field holding a function): a named function, method, variant or built-in that
 *     is called is described by the call's target instead.
 *   - `references`: what each `Name`, `Path` and `self` used as a value denotes (a local, a
 *     constant, a function instance, a C function, a variant), and each name called when it is a
 *     variable, constant, C function or the program's function.
 *   - `calls`: what each call calls (a function instance, a method instance with its receiver, a
 *     variant's constructor, a built-in function, method or static function, a C function, or a
 *     function value).
 *   - `fields`: for each field access, the struct type and field, and whether it goes through `rc`.
 *   - `indexes`: what each index expression indexes (`array`, `fixed-array`, `map`, `string`, `pointer`).
 *   - `locals`: the variable each declaring node declares (`let`, parameter, `self`, pattern binding,
 *     `for` binding, closure parameter).
 *   - `closures`: each closure's function type, parameters and captured variables.
 *   - `patterns`: what each pattern of a `match` tests.
 *   - `loops`: what each `for` loop iterates.
 *   - `formats`: the parsed format string of each `print`, `println`, `format` and `panic` call.
 *   The length of a fixed array type or of a repeat literal (`[0; N]`) is not in the tables: it is a
 *   constant, and its value is in the type.
 */

import type {
  AllocExpression,
  CallExpression,
  ClosureExpression,
  ClosureParameter,
  Expression,
  FieldAccessExpression,
  ForStatement,
  IndexExpression,
  LetStatement,
  NameExpression,
  Parameter,
  PathExpression,
  Pattern,
  SelfExpression,
  SelfParameter,
  SizeofExpression,
} from "../ast.js";
import type { BuiltinFunctionName, BuiltinStaticOwner } from "./builtins.js";
import type { Place } from "./semantic-diagnostics.js";
import type {
  ConstSymbol,
  EnumSymbol,
  ExternSymbol,
  FieldSymbol,
  FunctionSymbol,
  GlobalSymbol,
  LocalSymbol,
  ProgramFile,
  StructSymbol,
  VariantSymbol,
} from "./symbols.js";
import type { EnumType, FunctionType, IntegerType, LumaType, StructType, TypeInterner } from "./types.js";

/** What a name, path or `self` in an expression denotes. */
export type Reference =
  | { readonly kind: "local"; readonly local: LocalSymbol; readonly captured: boolean }
  | { readonly kind: "const"; readonly constant: ConstSymbol }
  | {
      readonly kind: "function";
      readonly symbol: FunctionSymbol;
      readonly typeArguments: readonly LumaType[];
      /** Null only where the type arguments are still abstract (never in the result's bodies). */
      readonly instance: FunctionInstance | null;
    }
  | { readonly kind: "extern"; readonly symbol: ExternSymbol }
  | { readonly kind: "variant"; readonly type: EnumType; readonly variant: VariantSymbol };

/** What a call calls. */
export type CallTarget =
  | {
      readonly kind: "function";
      readonly symbol: FunctionSymbol;
      readonly typeArguments: readonly LumaType[];
      readonly instance: FunctionInstance | null;
    }
  | {
      /** `receiver.name(…)` of a method declared in an impl; `throughRc` when the receiver is an `rc<T>`. */
      readonly kind: "method";
      readonly symbol: FunctionSymbol;
      readonly typeArguments: readonly LumaType[];
      readonly instance: FunctionInstance | null;
      readonly receiver: Expression;
      readonly throughRc: boolean;
    }
  | { readonly kind: "extern"; readonly symbol: ExternSymbol }
  | { readonly kind: "variant"; readonly type: EnumType; readonly variant: VariantSymbol }
  | {
      readonly kind: "builtin";
      readonly name: BuiltinFunctionName;
      readonly typeArguments: readonly LumaType[];
      /** The parsed format string of `print`, `println`, `format` and `panic`, else null. */
      readonly format: FormatString | null;
    }
  | {
      /** A method of a built-in type (`xs.push(x)`, `s.trim()`, `opt.unwrap()`, `r.clone()`). */
      readonly kind: "builtin-method";
      readonly name: string;
      readonly receiver: Expression;
      readonly receiverType: LumaType;
      readonly typeArguments: readonly LumaType[];
      readonly throughRc: boolean;
    }
  | {
      /** `Array::new()`, `Map::new()`, `rc::new(x)`, `weak::new(&r)`; `type` is the value made. */
      readonly kind: "builtin-static";
      readonly owner: BuiltinStaticOwner;
      readonly name: string;
      readonly type: LumaType;
    }
  | { readonly kind: "value"; readonly type: FunctionType };

/** `p.x`: the field of a struct type, reached directly or through an `rc<T>`. */
export interface FieldAccess {
  readonly struct: StructType;
  readonly field: FieldSymbol;
  /** The field's type in this struct type (its declared type with the type arguments substituted). */
  readonly type: LumaType;
  readonly throughRc: boolean;
}

export type IndexKind = "array" | "fixed-array" | "map" | "string" | "pointer";

export interface ClosureInfo {
  readonly type: FunctionType;
  readonly parameters: readonly LocalSymbol[];
  /** Variables of enclosing bodies the closure uses, in order of first use; captured by value. */
  readonly captures: readonly LocalSymbol[];
}

/** What a pattern of a match arm tests. */
export type PatternInfo =
  | { readonly kind: "wildcard" }
  | { readonly kind: "binding"; readonly local: LocalSymbol }
  | { readonly kind: "literal"; readonly value: bigint | string | boolean; readonly type: LumaType }
  | { readonly kind: "variant"; readonly type: EnumType; readonly variant: VariantSymbol };

/** What a `for` loop iterates; its variables are in `locals` under their binding patterns. */
export type LoopInfo =
  | { readonly kind: "range"; readonly type: IntegerType }
  | { readonly kind: "array" | "fixed-array"; readonly element: LumaType }
  | { readonly kind: "map"; readonly key: LumaType; readonly value: LumaType };

/** `{}` or `{:>8.3}` in a format string, with the argument (0-based, after the string) it formats. */
export interface FormatPlaceholder {
  readonly kind: "placeholder";
  readonly argument: number;
  readonly align: "<" | ">" | null;
  readonly width: number | null;
  readonly precision: number | null;
}

export type FormatPiece = { readonly kind: "text"; readonly text: string } | FormatPlaceholder;

/** A format string split into text (with `{{` and `}}` already unescaped) and placeholders. */
export interface FormatString {
  readonly pieces: readonly FormatPiece[];
}

/** The nodes that declare a variable. */
export type DeclaringNode = LetStatement | Parameter | SelfParameter | ClosureParameter | Pattern;

/** The side tables of one checked body; see the file's comment. */
export class TypedBody {
  readonly expressionTypes = new Map<Expression, LumaType>();
  readonly references = new Map<NameExpression | PathExpression | SelfExpression, Reference>();
  readonly calls = new Map<CallExpression, CallTarget>();
  readonly fields = new Map<FieldAccessExpression, FieldAccess>();
  readonly indexes = new Map<IndexExpression, IndexKind>();
  readonly locals = new Map<DeclaringNode, LocalSymbol>();
  readonly closures = new Map<ClosureExpression, ClosureInfo>();
  readonly patterns = new Map<Pattern, PatternInfo>();
  readonly loops = new Map<ForStatement, LoopInfo>();
  readonly formats = new Map<CallExpression, FormatString>();
  /** The variables whose address `&x` takes: they live in memory, not in registers. */
  readonly addressTaken = new Set<LocalSymbol>();
  /** The type each `sizeof(T)` and `alloc(T, n)` names. */
  readonly namedTypes = new Map<SizeofExpression | AllocExpression, LumaType>();

  /** The type of a checked expression (throws for a node this body never checked: a caller's bug). */
  typeOf(expression: Expression): LumaType {
    const type = this.expressionTypes.get(expression);
    if (type === undefined) throw new Error(`no type recorded for the ${expression.kind} at ${expression.start}`);
    return type;
  }
}

/** A function body as it is compiled: a non-generic function, or a generic one's instance. */
export interface FunctionInstance {
  /** Unique in the program, in order of creation. */
  readonly id: number;
  readonly symbol: FunctionSymbol;
  /** The impl's type arguments, then the function's own; empty for a non-generic function. */
  readonly typeArguments: readonly LumaType[];
  /** A readable, unique name: `fib`, `max<i64>`, `Point::norm`, `Stack<i64>::push`. */
  readonly name: string;
  /** The receiver's type for a method, else null. */
  readonly selfType: LumaType | null;
  readonly parameterTypes: readonly LumaType[];
  readonly result: LumaType;
  /** The type of the function as a value: its parameters (after `self`) and result. */
  readonly type: FunctionType;
  /** The side tables of its body; null until the body has been checked. */
  body: TypedBody | null;
  /** The call that first needed a generic instance (for "instantiated here"); null otherwise. */
  readonly instantiatedAt: Place | null;
  /** How many instantiations led to this one, to stop instantiation that never ends. */
  readonly depth: number;
}

/** The checked program. */
export interface TypedProgram {
  /** The files in load order: the entry file first, then imports in the order they were reached. */
  readonly files: readonly ProgramFile[];
  readonly types: TypeInterner;
  /** Top-level declarations by name (one namespace for types, functions and constants). */
  readonly globals: ReadonlyMap<string, GlobalSymbol>;
  readonly structs: readonly StructSymbol[];
  readonly enums: readonly EnumSymbol[];
  /** Top-level functions, methods and static functions, in source order. */
  readonly functions: readonly FunctionSymbol[];
  readonly externs: readonly ExternSymbol[];
  readonly constants: readonly ConstSymbol[];
  /** The tables of each constant's initialiser (its value is on the symbol). */
  readonly constantBodies: ReadonlyMap<ConstSymbol, TypedBody>;
  /** Every checked body: non-generic functions in source order, then instances as calls made them. */
  readonly instances: readonly FunctionInstance[];
  /** `main`'s instance, if the program declares one. */
  readonly main: FunctionInstance | null;
  /** The `#[test]` functions' instances, in source order. */
  readonly tests: readonly FunctionInstance[];
  /** The instance of a function for type arguments, if the program needed it. */
  instanceOf(symbol: FunctionSymbol, typeArguments?: readonly LumaType[]): FunctionInstance | undefined;
  /** A file's text by name, the lookup `renderDiagnostic` takes. */
  sourceOf(fileName: string): string | undefined;
}
