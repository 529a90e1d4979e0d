// The shared typed IR in SSA form. It knows no source language: a front end lowers its typed AST to
// these values, and the passes, the validator, the printer and the LLVM emitter all read them.
//
// Shape: a Module holds globals and Functions; a IrFunction holds Blocks; a Block holds Instructions and
// ends in one Terminator. Every instruction that produces a value is itself that value (SSA), with an
// `id` unique within its function. Phis sit at the start of their block.
//
// Operations that can fail at run time (overflow, division by zero, a bad conversion) carry a
// RaiseInfo: what to raise and where in the source. The back end turns a failure into an error that
// unwinds to the caller, each frame adding its source location, until the entry function reports it.
// The exception's kind and message are data supplied by the front end (Python's "ZeroDivisionError"),
// never known to the back end.

/** Value types. `unit` is the type with one value (Python's None); `str` is an immutable runtime string. */
export type IrType = "i1" | "i64" | "f64" | "str" | "unit" | "void";

/** A place in the source, for tracebacks and diagnostics. Columns are 0-based, as in the front ends' ASTs. */
export interface SourceLoc {
  readonly line: number;
  readonly col: number;
}

/** What a failing operation raises: an exception kind and message, decided by the front end. */
export interface RaiseInfo {
  readonly kind: string;
  readonly message: string;
  readonly loc: SourceLoc;
}

export type Value = Instruction | Param | Constant;

export interface Param {
  readonly kind: "param";
  readonly type: IrType;
  readonly name: string;
  readonly index: number;
}

export type Constant =
  | { readonly kind: "const"; readonly type: "i1"; readonly value: boolean }
  | { readonly kind: "const"; readonly type: "i64"; readonly value: bigint }
  | { readonly kind: "const"; readonly type: "f64"; readonly value: number }
  | { readonly kind: "const"; readonly type: "str"; readonly value: string }
  | { readonly kind: "const"; readonly type: "unit"; readonly value: null };

/**
 * Integer binary operations. `floordiv`/`floormod` round toward negative infinity. `udiv`/`urem`
 * divide as unsigned numbers and never raise: a pass puts them where ranges prove both operands
 * non-negative and the divisor non-zero, where they agree with floor division without its sign fix-ups.
 */
export type IntBinaryOp =
  | "add"
  | "sub"
  | "mul"
  | "floordiv"
  | "floormod"
  | "udiv"
  | "urem"
  | "and"
  | "or"
  | "xor"
  | "shl"
  | "ashr"
  | "pow";

/** Float binary operations. `floordiv`/`floormod` round toward negative infinity; `mod` takes the divisor's sign. */
export type FloatBinaryOp = "fadd" | "fsub" | "fmul" | "fdiv" | "ffloordiv" | "fmod" | "fpow";

export type CompareOp = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

export type Instruction =
  /** Integer arithmetic; with `raise`, failure (overflow, zero divisor, negative shift) raises, else it wraps. */
  | InstructionOf<"ibinary", { op: IntBinaryOp; lhs: Value; rhs: Value; raise: RaiseInfo | null }>
  | InstructionOf<"fbinary", { op: FloatBinaryOp; lhs: Value; rhs: Value; raise: RaiseInfo | null }>
  | InstructionOf<"ineg", { operand: Value; raise: RaiseInfo | null }>
  | InstructionOf<"fneg", { operand: Value }>
  | InstructionOf<"not", { operand: Value }>
  | InstructionOf<"icmp", { op: CompareOp; lhs: Value; rhs: Value }>
  | InstructionOf<"fcmp", { op: CompareOp; lhs: Value; rhs: Value }>
  /** i64 or i1 to f64. */
  | InstructionOf<"tofloat", { operand: Value }>
  /** f64 to i64 rounding toward zero; raises on NaN, infinity or out of range. */
  | InstructionOf<"toint", { operand: Value; raise: RaiseInfo }>
  /** i1 to i64. */
  | InstructionOf<"zext", { operand: Value }>
  | InstructionOf<"select", { condition: Value; ifTrue: Value; ifFalse: Value }>
  | InstructionOf<"phi", { incoming: PhiIncoming[] }>
  /** A call of a function of this module. */
  | InstructionOf<"call", { callee: IrFunction; args: Value[]; loc: SourceLoc }>
  /**
   * A call of a runtime library function (see runtime-functions.ts). A runtime function that can fail
   * reports its own exception kind and message; `loc` says where, and is null when it cannot fail.
   */
  | InstructionOf<"runtime", { name: string; args: Value[]; loc: SourceLoc | null }>
  | InstructionOf<"load_global", { global: Global }>
  | InstructionOf<"store_global", { global: Global; value: Value }>
  /**
   * Calls of this function at `loc` that a pass turned into iterations of a loop (tail recursion):
   * `count` of them are active, so an error leaving the function reports that many more frames of it
   * at `loc`, as the calls would have. At most one per function, at the start of its loop header.
   */
  | InstructionOf<"elided_frames", { count: Value; loc: SourceLoc }>;

type InstructionOf<K extends string, Fields> = {
  readonly kind: K;
  /** Unique within the function; assigned by the builder. */
  id: number;
  type: IrType;
  block: Block;
} & Fields;

export interface PhiIncoming {
  block: Block;
  value: Value;
}

export type Terminator =
  | { readonly kind: "br"; target: Block }
  | { readonly kind: "condbr"; condition: Value; ifTrue: Block; ifFalse: Block }
  | { readonly kind: "ret"; value: Value | null }
  /** Raises unconditionally (a failed assertion, an explicit raise). */
  | { readonly kind: "raise"; info: RaiseInfo }
  /** Exits the process with a status (the entry function's end, `sys.exit`). */
  | { readonly kind: "exit"; status: Value }
  | { readonly kind: "unreachable" };

export interface Block {
  readonly label: string;
  readonly function: IrFunction;
  instructions: Instruction[];
  terminator: Terminator | null;
}

export interface Global {
  readonly name: string;
  readonly type: IrType;
  readonly initial: Constant;
}

export interface IrFunction {
  /** The symbol name, unique in the module (a specialisation gets its own). */
  readonly name: string;
  /** The name a traceback shows ("<module>", "fib"). */
  readonly displayName: string;
  readonly params: Param[];
  readonly returnType: IrType;
  blocks: Block[];
  /** Next free instruction id. */
  nextId: number;
}

export interface Module {
  /** The source file name shown in tracebacks. */
  readonly sourceFile: string;
  readonly functions: IrFunction[];
  readonly globals: Global[];
  /** The function run at start-up; it receives no arguments and returns void. */
  entry: IrFunction | null;
}
