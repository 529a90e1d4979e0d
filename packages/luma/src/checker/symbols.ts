// What names stand for: the declarations of a program (structs, enums and their variants, functions
// and methods, C functions, constants) and the local variables of a body. The checker creates a
// symbol per declaration when it collects a program's names, fills in the types when it resolves
// signatures, and hands the symbols on in its result, so lowering reads a declaration's resolved
// types from its symbol instead of resolving its syntax again.

import type {
  ConstDeclaration,
  EnumDeclaration,
  ExternFunctionDeclaration,
  FieldDeclaration,
  FunctionDeclaration,
  Identifier,
  Module,
  Parameter,
  SelfParameter,
  StructDeclaration,
  VariantDeclaration,
} from "../ast.js";
import type { SourceText } from "../source-text.js";
import type { ConstantValue } from "./constant-evaluation.js";
import type { LumaType, TypeParameterType } from "./types.js";

/** One `.ls` file of the program, numbered in the order it was loaded (the entry file is 0). */
export interface ProgramFile {
  readonly index: number;
  readonly module: Module;
  readonly source: SourceText;
}

/** `struct Name<T> { … }`, with the methods and static functions of its impls. */
export interface StructSymbol {
  readonly kind: "struct";
  readonly id: number;
  readonly name: string;
  readonly file: ProgramFile;
  readonly declaration: StructDeclaration;
  readonly typeParameters: readonly TypeParameterType[];
  /** In declaration order, in terms of `typeParameters`; set when signatures are resolved. */
  fields: readonly FieldSymbol[];
  /** Functions of the struct's impls, by name: methods (taking `self`) and static functions. */
  readonly members: Map<string, FunctionSymbol>;
}

export interface FieldSymbol {
  readonly name: string;
  /** The field's position, which is also its place in the struct's layout order. */
  readonly index: number;
  readonly type: LumaType;
  readonly declaration: FieldDeclaration;
}

/** `enum Name<T> { … }`, or the prelude's `Option<T>` and `Result<T, E>` (no file, `builtin` set). */
export interface EnumSymbol {
  readonly kind: "enum";
  readonly id: number;
  readonly name: string;
  readonly file: ProgramFile | null;
  readonly declaration: EnumDeclaration | null;
  readonly typeParameters: readonly TypeParameterType[];
  readonly variants: readonly VariantSymbol[];
  readonly members: Map<string, FunctionSymbol>;
  /** The prelude's enums have built-in methods (`unwrap`, `is_some`, …) and bare variant names. */
  readonly builtin: "Option" | "Result" | null;
}

/** `Circle(f64)` of `enum Shape`; the variant's tag is its index. */
export interface VariantSymbol {
  readonly kind: "variant";
  readonly owner: EnumSymbol;
  readonly name: string;
  readonly index: number;
  /** Payload types in terms of the enum's type parameters, or null for a variant without one. */
  payload: readonly LumaType[] | null;
  readonly declaration: VariantDeclaration | null;
}

export interface ParameterInfo {
  readonly name: string;
  readonly type: LumaType;
  readonly declaration: Parameter;
}

/** A `func`: at top level, or in an impl as a method (taking `self`) or a static function. */
export interface FunctionSymbol {
  readonly kind: "function";
  readonly id: number;
  readonly name: string;
  readonly file: ProgramFile;
  readonly declaration: FunctionDeclaration;
  /** The struct or enum whose impl declares the function, or null at top level. */
  readonly owner: StructSymbol | EnumSymbol | null;
  /** The impl's type parameters (`impl<T> Stack<T>`), bound by the receiver's or result's type. */
  readonly implTypeParameters: readonly TypeParameterType[];
  /** The function's own (`func max<T>`). */
  readonly typeParameters: readonly TypeParameterType[];
  /** The type of `self` (the owner with the impl's parameters), or null when there is no `self`. */
  selfType: LumaType | null;
  parameters: readonly ParameterInfo[];
  /** Unit when the function is declared without `-> R`. */
  result: LumaType;
}

/** `extern func name(…) -> R;`: a C function. */
export interface ExternSymbol {
  readonly kind: "extern";
  readonly id: number;
  readonly name: string;
  readonly file: ProgramFile;
  readonly declaration: ExternFunctionDeclaration;
  parameters: readonly ParameterInfo[];
  result: LumaType;
}

/** `const NAME: T = value;`: a value known when compiling. */
export interface ConstSymbol {
  readonly kind: "const";
  readonly id: number;
  readonly name: string;
  readonly file: ProgramFile;
  readonly declaration: ConstDeclaration;
  type: LumaType;
  /** Set once evaluated; null when its value is not a constant (which is reported). */
  value: ConstantValue | null;
  /** Evaluation state, to evaluate on first use and to find constants defined by themselves. */
  evaluation: "pending" | "running" | "done";
}

/** The names a program declares at top level, all in one namespace. */
export type GlobalSymbol = StructSymbol | EnumSymbol | FunctionSymbol | ExternSymbol | ConstSymbol;

/** Where a local variable comes from. */
export type LocalOrigin = "parameter" | "self" | "let" | "pattern" | "for" | "closure-parameter";

/**
 * A variable of a body: a parameter, `self`, a `let`, a name bound by a pattern or a `for` loop, or
 * a closure's parameter. Every variable is mutable (`let` declares mutable variables); one declared
 * by a `for` or a pattern holds a copy of the element or payload.
 */
export interface LocalSymbol {
  readonly kind: "local";
  readonly id: number;
  readonly name: string;
  readonly type: LumaType;
  readonly origin: LocalOrigin;
  /** The name that declares it (`self` for the receiver). */
  readonly declaration: Identifier | SelfParameter;
  /** How many closures deep its declaration is in its function: a deeper closure captures it. */
  readonly closureDepth: number;
}
