// Every instruction and terminator kind described once: its operands, its text form, its type
// rule, whether it can fail, whether it has effects beyond its value. The use lists (uses.ts), the
// validator, the printer, the text parser, the cloner and the CFG all read these tables, so a new
// kind is one entry here plus its case in the emitter.
//
// The text form of an instruction is `%id = opcode type pieces...` (no `%id =` for a void one); of a
// terminator, `opcode pieces...`. Pieces are printed in order, separated by spaces; a comma sticks
// to what precedes it, and an argument list to the callee before it.

import type {
  Block,
  CompareOp,
  ConvertOp,
  External,
  FloatBinaryOp,
  Instruction,
  InstructionKind,
  IntBinaryOp,
  IrFunction,
  Module,
  SourceLoc,
  TaggedBinaryOp,
  Terminator,
  Value,
} from "./ir.js";
import { declaredFields } from "./layouts.js";
import { type IrType, isFloat, isInt, types } from "./types.js";

/** One piece of an instruction's or terminator's text, naming the field it shows. */
export type Piece =
  /** A value operand: `%3`, `%n`, `42`. */
  | { readonly p: "value"; readonly field: string }
  /** A value operand that may be null; shown as `, %x` when present. */
  | { readonly p: "optionalValue"; readonly field: string }
  /** A list of value operands: `(%1, 2)`, written against the callee before it. */
  | { readonly p: "values"; readonly field: string }
  /** A function of the module (`@f`), or an external it declares. */
  | { readonly p: "function" | "external" | "global"; readonly field: string }
  /** A small non-negative integer (a field index, a variant tag). */
  | { readonly p: "index"; readonly field: string }
  /** A boolean field shown as a word when true (`nsw`), nothing when false or absent. */
  | { readonly p: "flag"; readonly field: string; readonly word: string }
  /** One of a fixed set of words (a comparison's predicate). */
  | { readonly p: "word"; readonly field: string; readonly words: readonly string[] }
  | { readonly p: "comma" }
  /** A block (a branch target). */
  | { readonly p: "block"; readonly field: string }
  /** What a failure raises: `raises Kind "message" @line:col`; optional ones print nothing when null. */
  | { readonly p: "raise"; readonly field: string; readonly optional: boolean }
  /** A source location `@line:col` (`@"file":line:col` outside the module's file), field `loc`. */
  | { readonly p: "loc"; readonly optional: boolean }
  /** A phi's `[value, block]` pairs. */
  | { readonly p: "incoming" }
  /** ` unwind label` when the failure goes to a handler of this function; nothing for the caller. */
  | { readonly p: "unwind" };

/** What the validator offers a descriptor's type rule. */
export interface TypeCheck {
  readonly module: Module | undefined;
  /** The instruction's result type must be `type`. */
  result(type: IrType): void;
  /** `value` must have the type, or satisfy the predicate (described by `expected`). */
  operand(value: Value, type: IrType | ((t: IrType) => boolean), what: string, expected?: string): void;
  error(message: string): void;
}

export interface InstructionDescriptor {
  /** The opcodes it is written with: its kind, or (with `opField`) the words of its operator field. */
  readonly opcodes: readonly string[];
  /** The field an opcode is stored in, when the opcode is an operator (`add` of `ibinary`). */
  readonly opField?: string;
  /** A word written between the opcode and the type (`icmp lt i64`): its field and choices. */
  readonly qualifier?: { readonly field: string; readonly words: readonly string[] };
  readonly pieces: readonly Piece[];
  /** Checks operand types and the result type. */
  check(inst: Instruction, t: TypeCheck): void;
  /**
   * Whether it may fail at run time: only then may it have a handler (`unwind`). A call may fail
   * when its callee can; the module-wide answer is `functionsThatCanRaise`.
   */
  canFail(inst: Instruction): boolean;
  /** Whether deleting it, its value unused, could change what the program does. */
  hasSideEffects(inst: Instruction): boolean;
}

export interface TerminatorDescriptor {
  readonly pieces: readonly Piece[];
}

const value = (field: string): Piece => ({ p: "value", field });
const comma: Piece = { p: "comma" };
const optionalRaise: Piece = { p: "raise", field: "raise", optional: true };
const unwind: Piece = { p: "unwind" };
const binaryPieces: readonly Piece[] = [value("lhs"), comma, value("rhs"), optionalRaise, unwind];
const intBinaryPieces: readonly Piece[] = [
  value("lhs"),
  comma,
  value("rhs"),
  { p: "flag", field: "noWrap", word: "nsw" },
  optionalRaise,
  unwind,
];
/** The operations that may carry `nsw`: those whose overflow a check reports. */
const noWrapOps = new Set<IntBinaryOp>(["add", "sub", "mul"]);

export const intBinaryOps: readonly IntBinaryOp[] = [
  "add",
  "sub",
  "mul",
  "floordiv",
  "floormod",
  "sdiv",
  "srem",
  "udiv",
  "urem",
  "and",
  "or",
  "xor",
  "shl",
  "ashr",
  "pow",
];
export const taggedBinaryOps: readonly TaggedBinaryOp[] = [
  "tadd",
  "tsub",
  "tmul",
  "tfloordiv",
  "tfloormod",
  "tand",
  "tor",
  "txor",
  "tshl",
  "tashr",
];
export const floatBinaryOps: readonly FloatBinaryOp[] = ["fadd", "fsub", "fmul", "fdiv", "ffloordiv", "fmod", "fpow"];
export const compareOps: readonly CompareOp[] = ["eq", "ne", "lt", "le", "gt", "ge"];
export const convertOps: readonly ConvertOp[] = [
  "sext",
  "zext",
  "trunc",
  "fpext",
  "fptrunc",
  "sitofp",
  "uitofp",
  "fptosi",
  "bitcast",
  "ptrtoint",
  "inttoptr",
];

type Of<K extends InstructionKind> = Extract<Instruction, { kind: K }>;

/** The descriptor of `kind`; its callbacks see their own kind's fields. */
function describe<K extends InstructionKind>(
  kind: K,
  d: {
    opcodes?: readonly string[];
    opField?: string;
    qualifier?: { readonly field: string; readonly words: readonly string[] };
    pieces: readonly Piece[];
    check(inst: Of<K>, t: TypeCheck): void;
    canFail?(inst: Of<K>): boolean;
    hasSideEffects?(inst: Of<K>): boolean;
  },
): InstructionDescriptor {
  return {
    opcodes: d.opcodes ?? [kind],
    ...(d.opField !== undefined ? { opField: d.opField } : {}),
    ...(d.qualifier !== undefined ? { qualifier: d.qualifier } : {}),
    pieces: d.pieces,
    check: d.check as (inst: Instruction, t: TypeCheck) => void,
    canFail: (d.canFail ?? (() => false)) as (inst: Instruction) => boolean,
    hasSideEffects: (d.hasSideEffects ?? d.canFail ?? (() => false)) as (inst: Instruction) => boolean,
  };
}

const anyFloat = (t: IrType) => isFloat(t);
const isRef = (t: IrType) => t.kind === "ref";

/** The result type of an operation on operands of the result's own type. */
function sameTypeOperands(t: TypeCheck, type: IrType, operands: readonly [Value, string][], kind: string): void {
  for (const [v, what] of operands) t.operand(v, type, what);
  if (!(kind === "int" ? isInt(type) : isFloat(type))) t.error(`has type ${type.text}, expected an ${kind} type`);
}

/** Both operands of a binary operation have its result's type, an integer or float type. */
function checkBinary(inst: { type: IrType; lhs: Value; rhs: Value }, t: TypeCheck, kind: "int" | "float"): void {
  sameTypeOperands(
    t,
    inst.type,
    [
      [inst.lhs, "left operand"],
      [inst.rhs, "right operand"],
    ],
    kind,
  );
}

/** Checks arguments against parameter types. */
function checkArguments(
  t: TypeCheck,
  args: readonly Value[],
  params: readonly IrType[],
  callee: string,
  names: readonly string[] = [],
  what = "argument",
): void {
  if (args.length !== params.length) {
    t.error(`passes ${args.length} ${what}s to ${callee}, which takes ${params.length}`);
  }
  args.forEach((arg, i) => {
    const param = params[i];
    const name = names[i] === undefined ? "" : ` (%${names[i]})`;
    if (param !== undefined) t.operand(arg, param, `${what} ${i + 1}${name}`);
  });
}

/** Integer operations that can never fail, whatever their operands. */
const neverFailingIntOps = new Set<IntBinaryOp>(["and", "or", "xor", "udiv", "urem"]);
/** Float operations that can fail: the divisions by zero and power's domain and range errors. */
const failingFloatOps = new Set<FloatBinaryOp>(["fdiv", "ffloordiv", "fmod", "fpow"]);

/** The field type of a declared layout, for get/set_field; reports and returns null when there is none. */
function fieldType(t: TypeCheck, object: Value, field: number): IrType | null {
  if (object.type.kind !== "ref") {
    t.error(`the object has type ${object.type.text}, expected a ref`);
    return null;
  }
  const layout = object.type.layout;
  if (layout.fields === null) {
    t.error(`layout ${layout.name} is the runtime's own: its fields cannot be read or written`);
    return null;
  }
  const f = declaredFields(layout)[field];
  if (f === undefined) t.error(`layout ${layout.name} has no field ${field}`);
  return f?.type ?? null;
}

function checkElementAccess(inst: { base: Value; index: Value }, t: TypeCheck): void {
  t.operand(inst.base, types.ptr, "buffer");
  t.operand(inst.index, types.i64, "index");
}

/**
 * A tagged instruction's fallback takes `params` and returns `result`; one that can fail needs the
 * instruction's `loc`.
 */
function checkFallback(
  inst: { fallback: External; loc?: SourceLoc | null },
  t: TypeCheck,
  params: readonly IrType[],
  result: IrType,
): void {
  const f = inst.fallback;
  if (t.module !== undefined && !t.module.externals.includes(f)) t.error(`@${f.name} is not declared by this module`);
  const signature = (ps: readonly IrType[], r: IrType) => `(${ps.map((p) => p.text).join(", ")}) -> ${r.text}`;
  if (f.result !== result || f.params.length !== params.length || f.params.some((p, i) => p !== params[i])) {
    t.error(`fallback @${f.name} has type ${signature(f.params, f.result)}, expected ${signature(params, result)}`);
  }
  if (f.canFail && inst.loc === undefined) t.error(`fallback @${f.name} can fail, which this instruction cannot`);
  if (f.canFail && inst.loc === null)
    t.error(`fallback @${f.name} can fail, so the instruction needs a source location`);
}

const fallbackPieces: readonly Piece[] = [comma, { p: "external", field: "fallback" }];
const speculativeFlag: Piece = { p: "flag", field: "speculative", word: "speculative" };
const immediateFlag: Piece = { p: "flag", field: "immediate", word: "immediate" };
/**
 * A tagged instruction fails where its fallback can, and a speculative one wherever it gives up;
 * one proved to work on immediates never does.
 */
const taggedCanFail = (inst: { fallback: External; speculative?: boolean; immediate?: boolean }) =>
  inst.immediate !== true && (inst.speculative === true || inst.fallback.canFail);

/** The descriptors, by kind. */
export const instructionDescriptors: { readonly [K in InstructionKind]: InstructionDescriptor } = {
  ibinary: describe("ibinary", {
    opcodes: intBinaryOps,
    opField: "op",
    pieces: intBinaryPieces,
    check: (inst, t) => {
      checkBinary(inst, t, "int");
      if (inst.noWrap && inst.raise !== null) t.error("is checked and nsw: a checked operation never wraps");
      if (inst.noWrap && !noWrapOps.has(inst.op)) t.error(`is ${inst.op} nsw: only add, sub and mul take nsw`);
    },
    canFail: (inst) => inst.raise !== null && !neverFailingIntOps.has(inst.op),
  }),
  tbinary: describe("tbinary", {
    opcodes: taggedBinaryOps,
    opField: "op",
    pieces: [
      value("lhs"),
      comma,
      value("rhs"),
      ...fallbackPieces,
      speculativeFlag,
      immediateFlag,
      { p: "loc", optional: true },
      unwind,
    ],
    check: (inst, t) => {
      t.result(types.tagged);
      t.operand(inst.lhs, types.tagged, "left operand");
      t.operand(inst.rhs, types.tagged, "right operand");
      checkFallback(inst, t, [types.tagged, types.tagged], types.tagged);
    },
    canFail: taggedCanFail,
  }),
  tcmp: describe("tcmp", {
    qualifier: { field: "op", words: compareOps },
    pieces: [value("lhs"), comma, value("rhs"), ...fallbackPieces, immediateFlag],
    check: (inst, t) => {
      t.result(types.i1);
      t.operand(inst.lhs, types.tagged, "left operand");
      t.operand(inst.rhs, types.tagged, "right operand");
      checkFallback(inst, t, [types.tagged, types.tagged], types.i64);
    },
  }),
  tbox: describe("tbox", {
    pieces: [value("operand"), ...fallbackPieces, speculativeFlag, immediateFlag, unwind],
    check: (inst, t) => {
      t.result(types.tagged);
      t.operand(inst.operand, types.i64, "operand");
      checkFallback(inst, t, [types.i64], types.tagged);
    },
    canFail: taggedCanFail,
  }),
  tunbox: describe("tunbox", {
    pieces: [value("operand"), ...fallbackPieces, speculativeFlag, immediateFlag, { p: "loc", optional: true }, unwind],
    check: (inst, t) => {
      t.result(types.i64);
      t.operand(inst.operand, types.tagged, "operand");
      checkFallback(inst, t, [types.tagged], types.i64);
    },
    canFail: taggedCanFail,
  }),
  fbinary: describe("fbinary", {
    opcodes: floatBinaryOps,
    opField: "op",
    pieces: binaryPieces,
    check: (inst, t) => checkBinary(inst, t, "float"),
    canFail: (inst) => inst.raise !== null && failingFloatOps.has(inst.op),
  }),
  ineg: describe("ineg", {
    pieces: [value("operand"), optionalRaise, unwind],
    check: (inst, t) => sameTypeOperands(t, inst.type, [[inst.operand, "operand"]], "int"),
    canFail: (inst) => inst.raise !== null,
  }),
  fneg: describe("fneg", {
    pieces: [value("operand")],
    check: (inst, t) => sameTypeOperands(t, inst.type, [[inst.operand, "operand"]], "float"),
  }),
  not: describe("not", {
    pieces: [value("operand")],
    check: (inst, t) => sameTypeOperands(t, inst.type, [[inst.operand, "operand"]], "int"),
  }),
  icmp: describe("icmp", {
    qualifier: { field: "op", words: compareOps },
    pieces: [value("lhs"), comma, value("rhs")],
    check: (inst, t) => {
      t.result(types.i1);
      // Booleans compare for equality only: their order is no question a program asks of i1.
      const ordered = inst.op !== "eq" && inst.op !== "ne";
      t.operand(inst.lhs, (x) => isInt(x) && !(ordered && x === types.i1), "left operand", "an integer type");
      if (inst.rhs.type !== inst.lhs.type) {
        t.error(`operands have types ${inst.lhs.type.text} and ${inst.rhs.type.text}, expected the same`);
      }
    },
  }),
  fcmp: describe("fcmp", {
    qualifier: { field: "op", words: compareOps },
    pieces: [value("lhs"), comma, value("rhs")],
    check: (inst, t) => {
      t.result(types.i1);
      t.operand(inst.lhs, anyFloat, "left operand", "a float type");
      if (inst.rhs.type !== inst.lhs.type) {
        t.error(`operands have types ${inst.lhs.type.text} and ${inst.rhs.type.text}, expected the same`);
      }
    },
  }),
  convert: describe("convert", {
    opcodes: convertOps,
    opField: "op",
    pieces: [value("operand")],
    check: (inst, t) => checkConversion(inst, t),
  }),
  toint: describe("toint", {
    pieces: [value("operand"), { p: "raise", field: "raise", optional: false }, unwind],
    check: (inst, t) => {
      t.operand(inst.operand, anyFloat, "operand", "a float type");
      if (!isInt(inst.type) || inst.type === types.i1) t.error(`has type ${inst.type.text}, expected an integer type`);
    },
    canFail: () => true,
  }),
  select: describe("select", {
    pieces: [value("condition"), comma, value("ifTrue"), comma, value("ifFalse")],
    check: (inst, t) => {
      t.operand(inst.condition, types.i1, "condition");
      t.operand(inst.ifTrue, inst.type, "true arm");
      t.operand(inst.ifFalse, inst.type, "false arm");
      if (inst.type === types.void) t.error("a select cannot have type void");
    },
  }),
  phi: describe("phi", {
    pieces: [{ p: "incoming" }],
    // Checked with the CFG by the validator itself.
    check: () => {},
  }),
  call: describe("call", {
    pieces: [
      { p: "function", field: "callee" },
      { p: "values", field: "args" },
      { p: "flag", field: "tail", word: "tail" },
      { p: "loc", optional: false },
      unwind,
    ],
    check: (inst, t) => {
      const callee = inst.callee;
      if (t.module !== undefined && !t.module.functions.includes(callee)) {
        t.error(`callee @${callee.name} is not a function of this module`);
      }
      t.result(callee.returnType);
      checkArguments(
        t,
        inst.args,
        callee.params.map((p) => p.type),
        `@${callee.name}`,
        callee.params.map((p) => p.name),
      );
    },
    canFail: () => true,
    hasSideEffects: () => true,
  }),
  call_extern: describe("call_extern", {
    pieces: [{ p: "external", field: "callee" }, { p: "values", field: "args" }, { p: "loc", optional: true }, unwind],
    check: (inst, t) => {
      const callee = inst.callee;
      if (t.module !== undefined && !t.module.externals.includes(callee)) {
        t.error(`@${callee.name} is not declared by this module`);
      }
      t.result(callee.result);
      checkArguments(t, inst.args, callee.params, `@${callee.name}`);
      if (callee.canFail && inst.loc === null) t.error(`@${callee.name} can fail, so its call needs a source location`);
    },
    canFail: (inst) => inst.callee.canFail,
    hasSideEffects: (inst) => inst.callee.memory === "any" || inst.callee.canFail,
  }),
  call_indirect: describe("call_indirect", {
    pieces: [value("callee"), { p: "values", field: "args" }, { p: "loc", optional: false }, unwind],
    check: (inst, t) => {
      const type = inst.callee.type;
      if (type.kind !== "fn") {
        t.error(`calls a value of type ${type.text}, expected a function type`);
        return;
      }
      t.result(type.result);
      checkArguments(t, inst.args, type.params, "the function value");
    },
    canFail: () => true,
    hasSideEffects: () => true,
  }),
  func_ref: describe("func_ref", {
    pieces: [
      { p: "function", field: "callee" },
      { p: "optionalValue", field: "env" },
    ],
    check: (inst, t) => {
      const type = inst.type;
      if (type.kind !== "fn") {
        t.error(`has type ${type.text}, expected a function type`);
        return;
      }
      // The callee takes the environment first when there is one.
      const params = inst.callee.params.map((p) => p.type);
      const own = inst.env === null ? params : params.slice(1);
      if (inst.env !== null)
        t.operand(
          inst.env,
          (x) => x === params[0] && isRef(x),
          "environment",
          "the callee's first parameter's ref type",
        );
      if (
        own.length !== type.params.length ||
        own.some((p, i) => p !== type.params[i]) ||
        inst.callee.returnType !== type.result
      ) {
        t.error(`@${inst.callee.name} does not have the signature ${type.text}`);
      }
    },
  }),
  load_global: describe("load_global", {
    pieces: [{ p: "global", field: "global" }],
    check: (inst, t) => {
      if (t.module !== undefined && !t.module.globals.includes(inst.global)) {
        t.error(`global @${inst.global.name} is not a global of this module`);
      }
      t.result(inst.global.type);
    },
  }),
  store_global: describe("store_global", {
    pieces: [{ p: "global", field: "global" }, comma, value("value")],
    check: (inst, t) => {
      if (t.module !== undefined && !t.module.globals.includes(inst.global)) {
        t.error(`global @${inst.global.name} is not a global of this module`);
      }
      t.result(types.void);
      t.operand(inst.value, inst.global.type, `value stored in @${inst.global.name}`);
    },
    hasSideEffects: () => true,
  }),
  alloc: describe("alloc", {
    pieces: [
      { p: "values", field: "fields" },
      { p: "loc", optional: false },
    ],
    check: (inst, t) => {
      const type = inst.type;
      if (type.kind !== "ref") t.error(`has type ${type.text}, expected a ref`);
      else if (type.layout.fields === null) {
        t.error(`layout ${type.layout.name} is the runtime's own: the runtime makes its objects`);
      } else if (t.module !== undefined && !t.module.layouts.includes(type.layout)) {
        t.error(`layout ${type.layout.name} is not declared by this module`);
      } else {
        const fields = type.layout.fields;
        checkArguments(
          t,
          inst.fields,
          fields.map((f) => f.type),
          type.layout.name,
          fields.map((f) => f.name),
          "field",
        );
      }
    },
  }),
  get_field: describe("get_field", {
    pieces: [value("object"), comma, { p: "index", field: "field" }],
    check: (inst, t) => {
      const type = fieldType(t, inst.object, inst.field);
      if (type !== null) t.result(type);
    },
  }),
  set_field: describe("set_field", {
    pieces: [value("object"), comma, { p: "index", field: "field" }, comma, value("value")],
    check: (inst, t) => {
      t.result(types.void);
      const type = fieldType(t, inst.object, inst.field);
      if (type !== null) t.operand(inst.value, type, `value stored in field ${inst.field}`);
    },
    hasSideEffects: () => true,
  }),
  elem_get: describe("elem_get", {
    pieces: [value("base"), comma, value("index")],
    check: (inst, t) => {
      checkElementAccess(inst, t);
      if (inst.type === types.void) t.error("reads an element of type void");
    },
  }),
  elem_set: describe("elem_set", {
    pieces: [value("base"), comma, value("index"), comma, value("value"), { p: "flag", field: "fresh", word: "fresh" }],
    check: (inst, t) => {
      t.result(types.void);
      checkElementAccess(inst, t);
      if (inst.value.type === types.void) t.error("stores an element of type void");
    },
    hasSideEffects: () => true,
  }),
  struct_make: describe("struct_make", {
    pieces: [{ p: "values", field: "fields" }],
    check: (inst, t) => {
      const type = inst.type;
      if (type.kind !== "struct") {
        t.error(`has type ${type.text}, expected a struct`);
        return;
      }
      checkArguments(t, inst.fields, type.fields, type.text, [], "field");
    },
  }),
  struct_extract: describe("struct_extract", {
    pieces: [value("aggregate"), comma, { p: "index", field: "index" }],
    check: (inst, t) => {
      const type = inst.aggregate.type;
      if (type.kind !== "struct") t.error(`reads a field of ${type.text}, expected a struct`);
      else if (type.fields[inst.index] === undefined) t.error(`${type.text} has no field ${inst.index}`);
      else t.result(type.fields[inst.index]!);
    },
  }),
  variant_make: describe("variant_make", {
    pieces: [
      { p: "index", field: "tag" },
      { p: "optionalValue", field: "payload" },
    ],
    check: (inst, t) => {
      const type = inst.type;
      if (type.kind !== "variant") {
        t.error(`has type ${type.text}, expected a variant`);
        return;
      }
      const payload = type.cases[inst.tag];
      if (payload === undefined) t.error(`${type.text} has no case ${inst.tag}`);
      else if (payload === types.unit) {
        if (inst.payload !== null) t.error(`case ${inst.tag} of ${type.text} is unit: it takes no payload`);
      } else if (inst.payload === null)
        t.error(`case ${inst.tag} of ${type.text} needs a payload of type ${payload.text}`);
      else t.operand(inst.payload, payload, "payload");
    },
  }),
  variant_tag: describe("variant_tag", {
    pieces: [value("variant")],
    check: (inst, t) => {
      t.result(types.i32);
      t.operand(inst.variant, (x) => x.kind === "variant", "operand", "a variant");
    },
  }),
  variant_payload: describe("variant_payload", {
    pieces: [value("variant"), comma, { p: "index", field: "tag" }],
    check: (inst, t) => {
      const type = inst.variant.type;
      if (type.kind !== "variant") t.error(`reads the payload of ${type.text}, expected a variant`);
      else if (type.cases[inst.tag] === undefined || type.cases[inst.tag] === types.unit) {
        t.error(`${type.text} has no payload for case ${inst.tag}`);
      } else t.result(type.cases[inst.tag]!);
    },
  }),
  retain: describe("retain", {
    pieces: [value("value")],
    check: (_inst, t) => t.result(types.void),
    hasSideEffects: () => true,
  }),
  release: describe("release", {
    pieces: [value("value")],
    check: (_inst, t) => t.result(types.void),
    hasSideEffects: () => true,
  }),
  keep_alive: describe("keep_alive", {
    pieces: [value("value")],
    check: (_inst, t) => t.result(types.void),
    // Deleting it would end the value's life earlier: observable through a weak reference.
    hasSideEffects: () => true,
  }),
  stack_slot: describe("stack_slot", {
    pieces: [{ p: "index", field: "bytes" }],
    check: (inst, t) => {
      t.result(types.ptr);
      if (!Number.isInteger(inst.bytes) || inst.bytes <= 0) t.error(`a stack slot of ${inst.bytes} bytes`);
    },
  }),
  landing: describe("landing", {
    pieces: [],
    check: (inst, t) => {
      if (!isRef(inst.type)) t.error(`has type ${inst.type.text}, expected a ref to an exception`);
    },
    hasSideEffects: () => true,
  }),
  elided_frames: describe("elided_frames", {
    pieces: [value("count"), { p: "loc", optional: false }],
    check: (inst, t) => {
      t.result(types.void);
      t.operand(inst.count, types.i64, "the count of elided frames");
    },
    hasSideEffects: () => true,
  }),
};

/** Which conversions go from which kinds of type, and in which direction of width. */
function checkConversion(inst: Of<"convert">, t: TypeCheck): void {
  const from = inst.operand.type;
  const to = inst.type;
  const bits = (x: IrType) => (x.kind === "int" || x.kind === "float" ? x.bits : 0);
  const ok = (() => {
    switch (inst.op) {
      case "sext":
      case "zext":
        return isInt(from) && isInt(to) && bits(from) < bits(to);
      case "trunc":
        return isInt(from) && isInt(to) && bits(from) > bits(to);
      case "fpext":
        return isFloat(from) && isFloat(to) && bits(from) < bits(to);
      case "fptrunc":
        return isFloat(from) && isFloat(to) && bits(from) > bits(to);
      case "sitofp":
      case "uitofp":
        return isInt(from) && isFloat(to);
      case "fptosi":
        return isFloat(from) && isInt(to);
      case "ptrtoint":
        return from === types.ptr && to === types.i64;
      case "inttoptr":
        return from === types.i64 && to === types.ptr;
      case "bitcast":
        // The same bits as another type of their size: a float held in an integer word and back, or
        // a tagged word read as an i64 (borrowing nothing) and an i64 taken as a tagged word (owned:
        // a front end makes one only of an immediate or of a word it owns).
        if (from === types.tagged || to === types.tagged) return (from === types.tagged ? to : from) === types.i64;
        return ((isFloat(from) && isInt(to)) || (isInt(from) && isFloat(to))) && bits(from) === bits(to);
    }
  })();
  if (!ok) t.error(`cannot ${inst.op} ${from.text} to ${to.text}`);
}

/** The descriptor of an instruction's kind. */
export function describeInstruction(inst: Instruction): InstructionDescriptor {
  return instructionDescriptors[inst.kind];
}

/** The kind an opcode word names, and its operator when the kind has several. */
export const instructionByOpcode: ReadonlyMap<string, { kind: InstructionKind; op: string | null }> = new Map(
  (Object.entries(instructionDescriptors) as [InstructionKind, InstructionDescriptor][]).flatMap(([kind, d]) =>
    d.opcodes.map((opcode) => [opcode, { kind, op: d.opField !== undefined ? opcode : null }] as const),
  ),
);

type TerminatorKind = Terminator["kind"];

export const terminatorDescriptors: { readonly [K in TerminatorKind]: TerminatorDescriptor } = {
  br: { pieces: [{ p: "block", field: "target" }] },
  condbr: {
    pieces: [value("condition"), comma, { p: "block", field: "ifTrue" }, comma, { p: "block", field: "ifFalse" }],
  },
  ret: { pieces: [{ p: "optionalValue", field: "value" }] },
  raise: { pieces: [{ p: "raise", field: "info", optional: false }, unwind] },
  throw: { pieces: [value("exception"), { p: "loc", optional: false }, unwind] },
  resume: { pieces: [value("exception"), unwind] },
  exit: { pieces: [value("status")] },
  unreachable: { pieces: [] },
};

// ---- generic access through the pieces

type Fields = Record<string, unknown>;

/** The values an instruction uses, in print order (a phi's incoming values, not its blocks). */
export function operandsOf(pieces: readonly Piece[], node: object): Value[] {
  const fields = node as Fields;
  const operands: Value[] = [];
  for (const piece of pieces) {
    switch (piece.p) {
      case "value":
        operands.push(fields[piece.field] as Value);
        break;
      case "optionalValue":
        if (fields[piece.field] !== null) operands.push(fields[piece.field] as Value);
        break;
      case "values":
        operands.push(...(fields[piece.field] as Value[]));
        break;
      case "incoming":
        for (const incoming of (node as Of<"phi">).incoming) operands.push(incoming.value);
        break;
    }
  }
  return operands;
}

/** Replaces each operand `v` by `f(v)`. */
export function mapOperandsOf(pieces: readonly Piece[], node: object, f: (value: Value) => Value): void {
  const fields = node as Fields;
  for (const piece of pieces) {
    switch (piece.p) {
      case "value":
        fields[piece.field] = f(fields[piece.field] as Value);
        break;
      case "optionalValue":
        if (fields[piece.field] !== null) fields[piece.field] = f(fields[piece.field] as Value);
        break;
      case "values": {
        const list = fields[piece.field] as Value[];
        for (let i = 0; i < list.length; i++) list[i] = f(list[i]!);
        break;
      }
      case "incoming":
        for (const incoming of (node as Of<"phi">).incoming) incoming.value = f(incoming.value);
        break;
    }
  }
}

/**
 * The blocks an instruction or terminator can go to, in print order, each once: branch targets and
 * the handler a failure unwinds to.
 */
export function blocksOf(pieces: readonly Piece[], node: object): Block[] {
  const fields = node as Fields;
  const blocks: Block[] = [];
  const add = (b: Block | null) => {
    if (b !== null && !blocks.includes(b)) blocks.push(b);
  };
  for (const piece of pieces) {
    if (piece.p === "block") add(fields[piece.field] as Block);
    else if (piece.p === "unwind") add((fields.unwind as Block | null | undefined) ?? null);
  }
  return blocks;
}

/** Replaces each block `b` the node names (targets, handler; not phi predecessors) by `f(b)`. */
export function mapBlocksOf(pieces: readonly Piece[], node: object, f: (block: Block) => Block): void {
  const fields = node as Fields;
  for (const piece of pieces) {
    if (piece.p === "block") fields[piece.field] = f(fields[piece.field] as Block);
    else if (piece.p === "unwind" && fields.unwind !== null && fields.unwind !== undefined) {
      fields.unwind = f(fields.unwind as Block);
    }
  }
}

/** A shallow copy of the node with its own operand lists (and phi pairs), so the copy can be rewritten alone. */
export function copyNode<T extends object>(pieces: readonly Piece[], node: T): T {
  const copied = { ...node } as Fields;
  for (const piece of pieces) {
    if (piece.p === "values") copied[piece.field] = [...(copied[piece.field] as Value[])];
    if (piece.p === "incoming") copied.incoming = (node as unknown as Of<"phi">).incoming.map((i) => ({ ...i }));
  }
  return copied as T;
}

/** The instruction's handler: where its failure goes in this function (null: to the caller, or it cannot fail). */
export function unwindOf(node: Instruction | Terminator): Block | null {
  return ((node as { unwind?: Block | null }).unwind ?? null) as Block | null;
}

/** The function an instruction calls directly, if any. */
export function directCallee(inst: Instruction): IrFunction | null {
  return inst.kind === "call" ? inst.callee : null;
}
