/**
 * The abstract syntax tree of LumaScript, as issue 13 fixes the syntax.
 *
 * Nodes are plain data with a `kind`, so code switches over them and tests compare them structurally.
 * Every node records where it is as offsets into its file's text (UTF-16 indexes, end exclusive);
 * `SourceText.span(node.start, node.end)` turns that into the 1-based line and code-point column
 * span that a `Diagnostic` carries. Offsets cost nothing while parsing and stay valid when a
 * diagnostic needs only a part of a node.
 *
 * The tree records what was written and resolves nothing: `None` in a pattern is a `BindingPattern`
 * until the checker finds the variant of that name, `i64` is a `NamedType` like any struct's name,
 * and `p.norm()` is a call whose callee is a field access.
 */

import type { SourceText } from "./source-text.js";

/** Where a node is: offsets into its file's text, end exclusive. */
export interface NodeBase {
  readonly start: number;
  readonly end: number;
}

// ---------------------------------------------------------------------------------------------------
// Names, documentation, attributes

/** A name as written: of a declaration, parameter, field, variant, member or type. */
export interface Identifier extends NodeBase {
  readonly kind: "Identifier";
  readonly name: string;
}

/** The `///` lines before a declaration, joined by `\n`, each without `///` and one space. */
export interface DocComment extends NodeBase {
  readonly kind: "DocComment";
  readonly text: string;
}

/** The attributes the language defines; each applies to functions. */
export type AttributeName = "test" | "bench" | "inline";

/** `#[test]` (a test `luma test` runs), `#[bench]` (a benchmark) or `#[inline]` (an inlining hint). */
export interface Attribute extends NodeBase {
  readonly kind: "Attribute";
  readonly name: AttributeName;
}

// ---------------------------------------------------------------------------------------------------
// The file and its declarations

/** One `.ls` file: its declarations in source order. */
export interface Module extends NodeBase {
  readonly kind: "Module";
  /** The text the offsets of every node in this module point into. */
  readonly source: SourceText;
  readonly declarations: readonly Declaration[];
}

export type Declaration =
  | ImportDeclaration
  | FunctionDeclaration
  | ExternFunctionDeclaration
  | StructDeclaration
  | EnumDeclaration
  | ImplDeclaration
  | ConstDeclaration;

/** `import "relative/path.ls";`: another file of the same program, relative to this one. */
export interface ImportDeclaration extends NodeBase {
  readonly kind: "Import";
  readonly docs: DocComment | null;
  readonly path: StringLiteral;
}

/**
 * `func name<T>(a: T, b: T) -> T { … }`; a method when it takes `self` first. No `-> R` means the
 * function returns no value. In an `impl`, a function without `self` is static (`Type::name(…)`).
 */
export interface FunctionDeclaration extends NodeBase {
  readonly kind: "Function";
  readonly docs: DocComment | null;
  readonly attributes: readonly Attribute[];
  readonly name: Identifier;
  readonly typeParameters: readonly TypeParameter[];
  /** `self` as the first parameter (only in an `impl`), or null. */
  readonly selfParameter: SelfParameter | null;
  /** The parameters after `self`, if any. */
  readonly parameters: readonly Parameter[];
  readonly returnType: TypeNode | null;
  readonly body: Block;
}

/** `extern func puts(s: ptr<u8>) -> i32;`: a C function, declared for calls and given no body. */
export interface ExternFunctionDeclaration extends NodeBase {
  readonly kind: "ExternFunction";
  readonly docs: DocComment | null;
  readonly name: Identifier;
  readonly parameters: readonly Parameter[];
  readonly returnType: TypeNode | null;
}

/** `name: T` in a function's parameter list. */
export interface Parameter extends NodeBase {
  readonly kind: "Parameter";
  readonly name: Identifier;
  readonly type: TypeNode;
}

/** `self`, the receiver of a method: the value of the `impl`'s type the method was called on. */
export interface SelfParameter extends NodeBase {
  readonly kind: "SelfParameter";
}

/** `T` in `<T, U>` after a function's, struct's, enum's or impl's name (or `impl`). */
export interface TypeParameter extends NodeBase {
  readonly kind: "TypeParameter";
  readonly name: Identifier;
}

/** `struct Pair<A, B> { a: A, b: B }`: a value type, copied on assignment. */
export interface StructDeclaration extends NodeBase {
  readonly kind: "Struct";
  readonly docs: DocComment | null;
  readonly name: Identifier;
  readonly typeParameters: readonly TypeParameter[];
  readonly fields: readonly FieldDeclaration[];
}

/** `x: f64` in a struct. */
export interface FieldDeclaration extends NodeBase {
  readonly kind: "Field";
  readonly docs: DocComment | null;
  readonly name: Identifier;
  readonly type: TypeNode;
}

/** `enum Shape { Circle(f64), Rect(f64, f64) }`, or plain: `enum Color { Red, Green }`. */
export interface EnumDeclaration extends NodeBase {
  readonly kind: "Enum";
  readonly docs: DocComment | null;
  readonly name: Identifier;
  readonly typeParameters: readonly TypeParameter[];
  readonly variants: readonly VariantDeclaration[];
}

/** `Circle(f64)` or `Red` in an enum. */
export interface VariantDeclaration extends NodeBase {
  readonly kind: "Variant";
  readonly docs: DocComment | null;
  readonly name: Identifier;
  /** The payload's types, or null for a variant written without parentheses. */
  readonly payload: readonly TypeNode[] | null;
}

/** `impl<T> Stack<T> { … }`: the methods and static functions of a struct or enum. */
export interface ImplDeclaration extends NodeBase {
  readonly kind: "Impl";
  readonly docs: DocComment | null;
  /** `<T>` right after `impl`: the names the target's type arguments may use. */
  readonly typeParameters: readonly TypeParameter[];
  readonly target: NamedType;
  readonly methods: readonly FunctionDeclaration[];
}

/** `const LIMIT: i64 = 100;` at top level. */
export interface ConstDeclaration extends NodeBase {
  readonly kind: "Const";
  readonly docs: DocComment | null;
  readonly name: Identifier;
  readonly type: TypeNode;
  readonly value: Expression;
}

// ---------------------------------------------------------------------------------------------------
// Statements

export type Statement =
  | Block
  | LetStatement
  | AssignmentStatement
  | ExpressionStatement
  | IfStatement
  | WhileStatement
  | ForStatement
  | BreakStatement
  | ContinueStatement
  | ReturnStatement
  | MatchStatement;

/** `{ … }`: a function's body, a branch or loop body, or a nested scope among statements. */
export interface Block extends NodeBase {
  readonly kind: "Block";
  readonly statements: readonly Statement[];
}

/** `let x = e;` or `let x: T = e;`: a new mutable variable, always initialised. */
export interface LetStatement extends NodeBase {
  readonly kind: "Let";
  readonly name: Identifier;
  readonly type: TypeNode | null;
  readonly value: Expression;
}

export type AssignmentOperator = "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "**=" | "&=" | "|=" | "^=" | "<<=" | ">>=";

/**
 * `target = value;` or a compound `target += value;`. Assignment is a statement, not an expression.
 * The parser admits as targets only names, fields, elements and dereferences (`@p = v`).
 */
export interface AssignmentStatement extends NodeBase {
  readonly kind: "Assignment";
  readonly operator: AssignmentOperator;
  readonly target: Expression;
  readonly value: Expression;
}

/** An expression evaluated for its effect: `xs.push(1);`. */
export interface ExpressionStatement extends NodeBase {
  readonly kind: "ExpressionStatement";
  readonly expression: Expression;
}

/** `if (c) { } else if (d) { } else { }`: the chain nests through `elseBranch`. */
export interface IfStatement extends NodeBase {
  readonly kind: "If";
  readonly condition: Expression;
  readonly thenBlock: Block;
  readonly elseBranch: Block | IfStatement | null;
}

/** `while (c) { }`. */
export interface WhileStatement extends NodeBase {
  readonly kind: "While";
  readonly condition: Expression;
  readonly body: Block;
}

/** `for i in 0..n { }`, `for x in xs { }`, `for (k, v) in map { }`. */
export interface ForStatement extends NodeBase {
  readonly kind: "For";
  readonly binding: ForBinding;
  /** A range (`a..b`) or a value to iterate (an array, a map). */
  readonly iterable: Expression;
  readonly body: Block;
}

/** `break;`: leaves the innermost loop. */
export interface BreakStatement extends NodeBase {
  readonly kind: "Break";
}

/** `continue;`: starts the innermost loop's next iteration. */
export interface ContinueStatement extends NodeBase {
  readonly kind: "Continue";
}

/** `return e;`, or `return;` in a function without a value. */
export interface ReturnStatement extends NodeBase {
  readonly kind: "Return";
  readonly value: Expression | null;
}

/** `match e { pattern => { … } … }`: the first arm whose pattern matches runs. */
export interface MatchStatement extends NodeBase {
  readonly kind: "Match";
  readonly scrutinee: Expression;
  readonly arms: readonly MatchArm[];
}

/** `Shape::Circle(r) => { … }`. */
export interface MatchArm extends NodeBase {
  readonly kind: "MatchArm";
  readonly pattern: Pattern;
  readonly body: Block;
}

// ---------------------------------------------------------------------------------------------------
// Patterns

/** What a match arm tests. */
export type Pattern = WildcardPattern | BindingPattern | LiteralPattern | VariantPattern;

/** What a `for` loop binds: a name, `_`, or the parts of a pair (`(k, v)` over a map). */
export type ForBinding = BindingPattern | WildcardPattern | TuplePattern;

/** `_`: matches anything, binds nothing. */
export interface WildcardPattern extends NodeBase {
  readonly kind: "WildcardPattern";
}

/**
 * A lone name: binds the value, or is a variant without payload written without its enum (`None`);
 * the checker decides which by looking the name up.
 */
export interface BindingPattern extends NodeBase {
  readonly kind: "BindingPattern";
  readonly name: Identifier;
}

/** `3`, `-1`, `0xFF`, `"quit"`, `true`: matches an equal value. */
export interface LiteralPattern extends NodeBase {
  readonly kind: "LiteralPattern";
  /** An integer (negative when written with `-`), a string or a bool. */
  readonly value: bigint | string | boolean;
}

/** `Shape::Circle(r)`, `Color::Red`, `Some(x)`: a variant, with patterns for its payload. */
export interface VariantPattern extends NodeBase {
  readonly kind: "VariantPattern";
  /** The enum before `::`, or null when the variant is named alone (`Some(x)`, `Ok(v)`). */
  readonly owner: Identifier | null;
  readonly name: Identifier;
  /** Patterns for the payload's parts, or null when written without parentheses. */
  readonly payload: readonly Pattern[] | null;
}

/** `(k, v)`: the parts of each element a `for` loop takes apart. */
export interface TuplePattern extends NodeBase {
  readonly kind: "TuplePattern";
  readonly elements: readonly ForBinding[];
}

// ---------------------------------------------------------------------------------------------------
// Types

export type TypeNode = NamedType | ArrayType | FunctionType;

/**
 * A type by name, with type arguments: `i64`, `string`, `Point`, `Array<i64>`, `Map<K, V>`,
 * `Option<T>`, `Result<T, E>`, `rc<T>`, `weak<T>`, `ptr<T>`, a type parameter `T`.
 */
export interface NamedType extends NodeBase {
  readonly kind: "NamedType";
  readonly name: Identifier;
  readonly typeArguments: readonly TypeNode[];
}

/** `[N]T`: a fixed-size array of N elements, N a constant expression. */
export interface ArrayType extends NodeBase {
  readonly kind: "ArrayType";
  readonly length: Expression;
  readonly element: TypeNode;
}

/** `func(T, U) -> R`: the type of functions and closures; without `-> R`, they return no value. */
export interface FunctionType extends NodeBase {
  readonly kind: "FunctionType";
  readonly parameters: readonly TypeNode[];
  readonly returnType: TypeNode | null;
}

// ---------------------------------------------------------------------------------------------------
// Expressions

export type Expression =
  | IntegerLiteral
  | FloatLiteral
  | StringLiteral
  | BooleanLiteral
  | ArrayLiteral
  | ArrayRepeatLiteral
  | StructLiteral
  | NameExpression
  | SelfExpression
  | PathExpression
  | CallExpression
  | FieldAccessExpression
  | IndexExpression
  | TryExpression
  | CastExpression
  | UnaryExpression
  | AddressOfExpression
  | DereferenceExpression
  | BinaryExpression
  | RangeExpression
  | ClosureExpression
  | SizeofExpression
  | AllocExpression;

/** `42`, `0xFF`, `0b1010`, `1_000`: typed `i64` unless the context says otherwise. */
export interface IntegerLiteral extends NodeBase {
  readonly kind: "IntegerLiteral";
  /** At most u64's maximum; whether it fits the literal's type is the checker's question. */
  readonly value: bigint;
}

/** `3.14`, `1e-9`, `2.5e+10`: typed `f64` unless the context says otherwise. */
export interface FloatLiteral extends NodeBase {
  readonly kind: "FloatLiteral";
  readonly value: number;
}

/** `"text"`, escapes decoded; `{}` placeholders are the formatting functions' business. */
export interface StringLiteral extends NodeBase {
  readonly kind: "StringLiteral";
  readonly value: string;
}

/** `true` or `false`. */
export interface BooleanLiteral extends NodeBase {
  readonly kind: "BooleanLiteral";
  readonly value: boolean;
}

/** `[1, 2, 3]`: a fixed array (`[N]T`) whose length is the number of elements. */
export interface ArrayLiteral extends NodeBase {
  readonly kind: "ArrayLiteral";
  readonly elements: readonly Expression[];
}

/** `[0; 64]`: a fixed array of `count` copies of `value` (count a constant expression). */
export interface ArrayRepeatLiteral extends NodeBase {
  readonly kind: "ArrayRepeat";
  readonly value: Expression;
  readonly count: Expression;
}

/** `Point { x: 1.0, y: 2.0 }`; a generic struct's type arguments come from the fields or context. */
export interface StructLiteral extends NodeBase {
  readonly kind: "StructLiteral";
  readonly type: Identifier;
  readonly fields: readonly FieldInitializer[];
}

/** `x: 1.0` in a struct literal. */
export interface FieldInitializer extends NodeBase {
  readonly kind: "FieldInitializer";
  readonly name: Identifier;
  readonly value: Expression;
}

/** A name used as a value: a variable, parameter, constant, function, or a variant such as `None`. */
export interface NameExpression extends NodeBase {
  readonly kind: "Name";
  readonly name: string;
}

/** `self` in a method. */
export interface SelfExpression extends NodeBase {
  readonly kind: "Self";
}

/**
 * `Type::member`: a static function (`Point::new`, `Array::new`, `rc::new`), or an enum's variant
 * (`Shape::Circle`, `Color::Red`). Type arguments are never written here: they come from the
 * annotation or the arguments (`let xs: Array<i64> = Array::new();`).
 */
export interface PathExpression extends NodeBase {
  readonly kind: "Path";
  readonly owner: Identifier;
  readonly member: Identifier;
}

/** `f(a, b)`, `p.norm()` (a method call: the callee is a field access), `Shape::Circle(1.0)`. */
export interface CallExpression extends NodeBase {
  readonly kind: "Call";
  readonly callee: Expression;
  readonly arguments: readonly Expression[];
}

/** `p.x`: a field of a struct (through an `rc<T>` too), or a method when called. */
export interface FieldAccessExpression extends NodeBase {
  readonly kind: "FieldAccess";
  readonly object: Expression;
  readonly field: Identifier;
}

/** `xs[i]`: an element, bounds-checked. */
export interface IndexExpression extends NodeBase {
  readonly kind: "Index";
  readonly object: Expression;
  readonly index: Expression;
}

/** `e?`: the `Ok`/`Some` value, or return the `Err`/`None` from the enclosing function. */
export interface TryExpression extends NodeBase {
  readonly kind: "Try";
  readonly operand: Expression;
}

/** `x as f64`: a numeric conversion (a float to an integer truncates toward zero). */
export interface CastExpression extends NodeBase {
  readonly kind: "Cast";
  readonly operand: Expression;
  readonly type: TypeNode;
}

export type UnaryOperator = "-" | "!" | "~";

/** `-x` (negation), `!b` (logical not), `~n` (bitwise not). */
export interface UnaryExpression extends NodeBase {
  readonly kind: "Unary";
  readonly operator: UnaryOperator;
  readonly operand: Expression;
}

/** `&x`: the address of a variable or place (`ptr<T>`), or the reference `weak::new(&r)` takes. */
export interface AddressOfExpression extends NodeBase {
  readonly kind: "AddressOf";
  readonly operand: Expression;
}

/** `@p`: the value a `ptr<T>` points at; assignable (`@p = v;`). */
export interface DereferenceExpression extends NodeBase {
  readonly kind: "Dereference";
  readonly operand: Expression;
}

export type BinaryOperator =
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "**"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "&&"
  | "||"
  | "&"
  | "|"
  | "^"
  | "<<"
  | ">>";

/** `a + b` and every other two-operand operator; `&&` and `||` short-circuit. */
export interface BinaryExpression extends NodeBase {
  readonly kind: "Binary";
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** `a..b`: the integers from `a` up to but not including `b`. */
export interface RangeExpression extends NodeBase {
  readonly kind: "Range";
  /** The first value (`a`). */
  readonly lower: Expression;
  /** The bound, excluded (`b`). */
  readonly upper: Expression;
}

/** `|x| x + 1`, `|a, b| a < b`, `|| 0`, `|x: i64| -> i64 { return x * 2; }`. */
export interface ClosureExpression extends NodeBase {
  readonly kind: "Closure";
  readonly parameters: readonly ClosureParameter[];
  /** Written only with a block body. */
  readonly returnType: TypeNode | null;
  /** An expression whose value is the result, or a block that returns it. */
  readonly body: Expression | Block;
}

/** `x` or `x: i64` between a closure's bars; an unwritten type is inferred. */
export interface ClosureParameter extends NodeBase {
  readonly kind: "ClosureParameter";
  readonly name: Identifier;
  readonly type: TypeNode | null;
}

/** `sizeof(T)`: the size of a T in bytes, for the low-level library. */
export interface SizeofExpression extends NodeBase {
  readonly kind: "Sizeof";
  readonly type: TypeNode;
}

/** `alloc(T, n)`: uninitialised memory for n values of T, a `ptr<T>` that `free(p)` gives back. */
export interface AllocExpression extends NodeBase {
  readonly kind: "Alloc";
  readonly type: TypeNode;
  readonly count: Expression;
}

/** Every node kind. */
export type Node =
  | Module
  | Declaration
  | Statement
  | Expression
  | TypeNode
  | Pattern
  | TuplePattern
  | Identifier
  | DocComment
  | Attribute
  | Parameter
  | SelfParameter
  | TypeParameter
  | FieldDeclaration
  | VariantDeclaration
  | MatchArm
  | FieldInitializer
  | ClosureParameter;
