// The shared typed IR in SSA form. It knows no source language: a front end lowers its typed AST to
// these values, and the passes, the validator, the printer and the LLVM emitter all read them.
//
// Shape: a Module holds layouts, externals, globals and functions; a function holds blocks; a block
// holds instructions and ends in one terminator. Every instruction that produces a value is itself
// that value (SSA), with an `id` unique within its function. Phis sit at the start of their block.
// What each instruction kind takes, checks and prints is described once, in instructions.ts.
//
// Errors are edges. An operation that can fail at run time (overflow, a zero divisor, a call of a
// function that can raise) has an unwind destination: null propagates the error to the caller, a
// block of this function handles it. A handler block starts (after its phis) with a `landing`, which
// yields the exception; an instruction with a handler is the last instruction of its block, so that
// the handler sees exactly the values defined before the failure point. What a built-in failure
// raises (its kind and message) is data the front end supplies, never known to the back end.

import type { Layout } from "./layouts.js";
import type { IrType } from "./types.js";

export type { Layout, LayoutField } from "./layouts.js";
export type { FnType, IrType, RefType, StructType, VariantType } from "./types.js";

/** A place in the source, for tracebacks and diagnostics. Columns are 0-based, as in the front ends' ASTs. */
export interface SourceLoc {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** What a failing built-in operation raises: an exception kind and message, decided by the front end. */
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
  /** A tagged parameter every call passes an immediate (passes/range-analysis.ts proved it). */
  immediate?: boolean;
}

/**
 * A constant: a boolean (i1), an integer of any width (bigint), a float (number), an immortal string
 * object (`ref str`, string), or null: the unit value, or the empty case of a nullable reference.
 */
export type Constant =
  | ConstantOf<boolean>
  | ConstantOf<bigint>
  | ConstantOf<number>
  | ConstantOf<string>
  | ConstantOf<null>;

export interface ConstantOf<V> {
  readonly kind: "const";
  readonly type: IrType;
  readonly value: V;
}

/**
 * Integer binary operations, on operands of one integer type. `floordiv`/`floormod` round toward
 * negative infinity; `sdiv`/`srem` truncate toward zero (C's); `udiv`/`urem` divide as unsigned
 * numbers and never raise: a pass puts them where ranges prove both operands non-negative and the
 * divisor non-zero, where they agree with floor division without its sign fix-ups.
 */
export type IntBinaryOp =
  | "add"
  | "sub"
  | "mul"
  | "floordiv"
  | "floormod"
  | "sdiv"
  | "srem"
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

/**
 * Integer operations on `tagged` words (see types.ts), the first letter `t` to tell them from the
 * i64 ones: `tfloordiv`/`tfloormod` floor, `tashr` floors too (an arithmetic shift). When both
 * operands are immediates and the result is one, it is computed inline; otherwise the instruction's
 * fallback external computes it (and decides its errors: a zero divisor, a negative shift count).
 */
export type TaggedBinaryOp =
  | "tadd"
  | "tsub"
  | "tmul"
  | "tfloordiv"
  | "tfloormod"
  | "tand"
  | "tor"
  | "txor"
  | "tshl"
  | "tashr";

/**
 * Conversions that cannot fail: integer widening (`sext`, `zext`) and narrowing (`trunc`), float
 * widening and narrowing (`fpext`, `fptrunc`), integers to floats (`sitofp`, `uitofp`, rounding to
 * nearest) and floats to integers rounding toward zero and saturating (`fptosi`; NaN gives 0).
 */
export type ConvertOp =
  | "sext"
  | "zext"
  | "trunc"
  | "fpext"
  | "fptrunc"
  | "sitofp"
  | "uitofp"
  | "fptosi"
  | "bitcast"
  | "ptrtoint"
  | "inttoptr";

/** Where a failure goes: null to the caller, or a handler block of this function. */
export type Unwind = Block | null;

export type Instruction =
  /**
   * Integer arithmetic; with `raise`, failure (overflow, zero divisor, negative shift) raises, else it
   * wraps. `noWrap` (`nsw`, on an unchecked add, sub or mul) says a pass proved it never overflows
   * (the check it had could not fire), which LLVM may use as its `nsw`.
   */
  | InstructionOf<
      "ibinary",
      { op: IntBinaryOp; lhs: Value; rhs: Value; noWrap?: boolean; raise: RaiseInfo | null; unwind: Unwind }
    >
  /**
   * Arithmetic on tagged integers: inline on immediates, else `fallback(lhs, rhs)` (an external of
   * two tagged words returning an owned one; with a `loc` when it can fail). `speculative` (in a
   * speculative copy, passes/speculation.ts) has no fallback path: where the fallback would be called
   * it raises the speculation failure instead, so its result is always an immediate. `immediate`
   * says a pass proved the operands and the result immediates (passes/range-analysis.ts): only the
   * fast path is emitted, without its tests.
   */
  | InstructionOf<
      "tbinary",
      {
        op: TaggedBinaryOp;
        lhs: Value;
        rhs: Value;
        fallback: External;
        loc: SourceLoc | null;
        speculative?: boolean;
        immediate?: boolean;
        unwind: Unwind;
      }
    >
  /**
   * A comparison of tagged integers: of the words when both are immediates, else of
   * `fallback(lhs, rhs)` (an ordering: negative, zero or positive; it cannot fail) with 0.
   */
  | InstructionOf<"tcmp", { op: CompareOp; lhs: Value; rhs: Value; fallback: External; immediate?: boolean }>
  /**
   * An i64 as a tagged integer: an immediate when it fits, else `fallback(operand)` (owned);
   * `speculative` as tbinary's.
   */
  | InstructionOf<
      "tbox",
      { operand: Value; fallback: External; speculative?: boolean; immediate?: boolean; unwind: Unwind }
    >
  /**
   * A tagged integer as an i64: an immediate's value, else `fallback(operand)`, which fails when
   * the integer does not fit (with a `loc` then); `speculative` as tbinary's.
   */
  | InstructionOf<
      "tunbox",
      {
        operand: Value;
        fallback: External;
        loc: SourceLoc | null;
        speculative?: boolean;
        immediate?: boolean;
        unwind: Unwind;
      }
    >
  | InstructionOf<"fbinary", { op: FloatBinaryOp; lhs: Value; rhs: Value; raise: RaiseInfo | null; unwind: Unwind }>
  | InstructionOf<"ineg", { operand: Value; raise: RaiseInfo | null; unwind: Unwind }>
  | InstructionOf<"fneg", { operand: Value }>
  | InstructionOf<"not", { operand: Value }>
  | InstructionOf<"icmp", { op: CompareOp; lhs: Value; rhs: Value }>
  | InstructionOf<"fcmp", { op: CompareOp; lhs: Value; rhs: Value }>
  | InstructionOf<"convert", { op: ConvertOp; operand: Value }>
  /** A float to an integer rounding toward zero; raises on NaN, infinity or out of range. */
  | InstructionOf<"toint", { operand: Value; raise: RaiseInfo; unwind: Unwind }>
  | InstructionOf<"select", { condition: Value; ifTrue: Value; ifFalse: Value }>
  | InstructionOf<"phi", { incoming: PhiIncoming[] }>
  /**
   * A call of a function of this module. A `tail` call's callee stands for this function in a
   * traceback (a dispatcher calling a copy of itself): an error through it adds no frame.
   */
  | InstructionOf<"call", { callee: IrFunction; args: Value[]; loc: SourceLoc; tail?: boolean; unwind: Unwind }>
  /** A call of an external function the module declares (the runtime's, or another module's). */
  | InstructionOf<"call_extern", { callee: External; args: Value[]; loc: SourceLoc | null; unwind: Unwind }>
  /** A call of a function value (`fn` type): its code with its environment. */
  | InstructionOf<"call_indirect", { callee: Value; args: Value[]; loc: SourceLoc; unwind: Unwind }>
  /** A function value: `callee`'s code with `env` (a managed object, or null for no environment). */
  | InstructionOf<"func_ref", { callee: IrFunction; env: Value | null }>
  | InstructionOf<"load_global", { global: Global }>
  | InstructionOf<"store_global", { global: Global; value: Value }>
  /**
   * A new object of the layout of its `ref` type, its fields given (consumed), owned by the result:
   * so a `ref` field is never null. `loc` is the allocation site the leak checker names.
   */
  | InstructionOf<"alloc", { fields: Value[]; loc: SourceLoc }>
  | InstructionOf<"get_field", { object: Value; field: number }>
  | InstructionOf<"set_field", { object: Value; field: number; value: Value }>
  /**
   * Element `index` of a buffer of elements of the result's type laid end to end (`ptr`, from a
   * field the runtime keeps, such as a growable array's data). The index is not checked: the front
   * end checks it against the length it reads. A reference read is borrowed from the buffer.
   */
  | InstructionOf<"elem_get", { base: Value; index: Value }>
  /**
   * Writes element `index` of such a buffer; a reference stored is consumed and the old one
   * released, unless `fresh` says the slot holds nothing yet (an object being filled after the
   * runtime made it zeroed).
   */
  | InstructionOf<"elem_set", { base: Value; index: Value; value: Value; fresh: boolean }>
  | InstructionOf<"struct_make", { fields: Value[] }>
  | InstructionOf<"struct_extract", { aggregate: Value; index: number }>
  /** A variant of case `tag` with its payload (null for a unit case). */
  | InstructionOf<"variant_make", { tag: number; payload: Value | null }>
  /** The case of a variant, as an i32. */
  | InstructionOf<"variant_tag", { variant: Value }>
  /** The payload of a variant known (by a test of its tag) to be of case `tag`. */
  | InstructionOf<"variant_payload", { variant: Value; tag: number }>
  /** Takes a reference to everything the value holds (inserted by the reference-counting pass). */
  /**
   * A use of `value` that does nothing: the reference it may hold stays alive until here. A language
   * whose variables keep their objects to the end of their scope (LumaScript, whose `weak<T>` can
   * see when an object goes) puts one where a variable's scope ends; it costs no code.
   */
  | InstructionOf<"keep_alive", { value: Value }>
  /**
   * The address (`ptr`) of `bytes` bytes of this call's stack frame, aligned to 16, uninitialised:
   * a local variable a program takes the address of. It must be in the entry block, so that each
   * call makes it once (LLVM's `alloca`, which its optimiser turns back into registers when it can).
   */
  | InstructionOf<"stack_slot", { bytes: number }>
  | InstructionOf<"retain", { value: Value }>
  /** Drops a reference to everything the value holds, freeing what is no longer referenced. */
  | InstructionOf<"release", { value: Value }>
  /** The first instruction of a handler block (after its phis): the exception being handled, owned. */
  | InstructionOf<"landing", Record<never, never>>
  /**
   * Calls of this function at `loc` that a pass turned into iterations of a loop (tail recursion):
   * `count` of them are active, so an error leaving the function reports that many more frames of it
   * at `loc`, as the calls would have. At most one per function, at the start of its loop header.
   */
  | InstructionOf<"elided_frames", { count: Value; loc: SourceLoc }>;

export type InstructionKind = Instruction["kind"];

type InstructionOf<K extends string, Fields> = {
  readonly kind: K;
  /** Unique within the function; assigned by the builder. */
  id: number;
  type: IrType;
  block: Block;
} & Fields;

export type InstructionOfKind<K extends InstructionKind> = Extract<Instruction, { kind: K }>;

export interface PhiIncoming {
  block: Block;
  value: Value;
}

export type Terminator =
  | { readonly kind: "br"; target: Block }
  | { readonly kind: "condbr"; condition: Value; ifTrue: Block; ifFalse: Block }
  | { readonly kind: "ret"; value: Value | null }
  /** Raises a built-in failure (a failed assertion): kind and message from the front end. */
  | { readonly kind: "raise"; info: RaiseInfo; unwind: Unwind }
  /** Raises an exception object (owned: the raise consumes it), adding this frame at `loc`. */
  | { readonly kind: "throw"; exception: Value; loc: SourceLoc; unwind: Unwind }
  /** Goes on unwinding with an exception a landing caught (consumed), adding no frame: a clean-up's end. */
  | { readonly kind: "resume"; exception: Value; unwind: Unwind }
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

/**
 * A function's linkage: `internal` is seen only by its module (LLVM may inline and specialise it
 * freely); `exported` is a symbol other modules link against, with the C calling convention, so a
 * library can be compiled once and linked.
 */
export type Linkage = "internal" | "exported";

export interface IrFunction {
  /** The symbol name, unique in the module (a specialisation gets its own). */
  readonly name: string;
  /** The name a traceback shows ("<module>", "fib"). */
  readonly displayName: string;
  /** The file it is defined in: where its locations point unless they name another. */
  readonly sourceFile: string;
  readonly params: Param[];
  readonly returnType: IrType;
  linkage: Linkage;
  blocks: Block[];
  /** Next free instruction id. */
  nextId: number;
}

/** How a function treats a reference it is passed: it borrows it, or takes it over (consumes it). */
export type ArgumentOwnership = "borrow" | "consume";

/**
 * A function the module calls but does not define: the runtime's (C), or another module's exported
 * one. The declaration is all the back end knows of it, so it says everything a pass or the emitter
 * needs: the signature, whether it can fail (then it sets the pending error and a call needs a
 * `loc`), what memory it touches, and who owns the references it takes and returns.
 */
export interface External {
  /** The name a module declares it by: the C symbol, unless `symbol` gives that. */
  readonly name: string;
  /**
   * The C symbol when it differs from `name`: one C function over any object, declared once per
   * reference type it is called with (`specializeExternal`), since IR reference types are exact.
   */
  readonly symbol?: string;
  readonly params: readonly IrType[];
  readonly result: IrType;
  readonly canFail: boolean;
  /**
   * "none": reads and writes nothing but its arguments' values (pure); "read": only reads (e.g.
   * string contents); "any": anything (allocation, output). A function that can fail writes the
   * pending error, so it is "any".
   */
  readonly memory: "none" | "read" | "any";
  /** Never returns (exits the process). */
  readonly noReturn: boolean;
  /** Per parameter; a non-reference parameter is "borrow". */
  readonly argumentOwnership: readonly ArgumentOwnership[];
  /** A returned reference is a new one the caller owns ("owned"), or one the callee keeps ("borrowed"). */
  readonly resultOwnership: "owned" | "borrowed";
  /**
   * The C library function this one checks: it returns `libm(x)` and fails exactly when that is NaN
   * for a non-NaN argument or infinite for a finite one. The emitter calls the library function
   * itself and this one only then, to raise with its message.
   */
  readonly checksLibm: string | null;
}

export interface Module {
  /** The main source file: the executable's name for it, and where locations without a file point. */
  readonly sourceFile: string;
  /** Layouts of the objects the module's code allocates. */
  readonly layouts: Layout[];
  /** Every external function the module calls, each once. */
  readonly externals: External[];
  readonly functions: IrFunction[];
  readonly globals: Global[];
  /** The function run at start-up; it receives no arguments and returns void. Null for a library. */
  entry: IrFunction | null;
}
