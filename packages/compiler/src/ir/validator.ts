// Checks the invariants every producer of IR (front ends, passes, the text parser) must keep and every
// consumer (passes, the LLVM emitter) relies on: a well-formed CFG, phis that match their
// predecessors, operand types per instruction kind, and SSA dominance. It reports every problem it
// finds, each naming the function, block and instruction, rather than stopping at the first. The type
// rule of each instruction kind is its descriptor's (instructions.ts); the CFG, phis, dominance, error
// edges and handlers are checked here.

import { predecessorMap, terminatorTargets } from "./cfg.js";
import { computeDominators } from "./dominators.js";
import { describeInstruction, type TypeCheck, unwindOf } from "./instructions.js";
import type { Block, Constant, External, Instruction, IrFunction, Module, Value } from "./ir.js";
import { printValue } from "./printer.js";
import { type IrType, types } from "./types.js";
import { instructionOperands, terminatorOperands } from "./uses.js";

/** Every problem found in the module; empty when it is valid. */
export function validateModule(m: Module): string[] {
  const errors: string[] = [];
  const functionNames = new Set<string>();
  for (const fn of m.functions) {
    if (functionNames.has(fn.name)) errors.push(`function @${fn.name} is defined twice`);
    functionNames.add(fn.name);
    // An exported function is a symbol of its own: it may not take the process's or the runtime's.
    if (fn.linkage === "exported" && (fn.name === "main" || /^rt_/.test(fn.name) || externalNamesOf(m).has(fn.name))) {
      errors.push(`exported function @${fn.name} takes a name reserved for main, the runtime or an external`);
    }
  }
  const externalNames = new Map<string, External>();
  for (const e of m.externals) {
    if (externalNames.has(e.name)) errors.push(`external @${e.name} is declared twice`);
    externalNames.set(e.name, e);
    if (e.params.length !== e.argumentOwnership.length) {
      errors.push(
        `external @${e.name} gives the ownership of ${e.argumentOwnership.length} arguments for ${e.params.length} parameters`,
      );
    }
    if (e.canFail && e.memory !== "any")
      errors.push(`external @${e.name} can fail, so it writes memory: its memory must be "any"`);
  }
  const layoutNames = new Set<string>();
  for (const layout of m.layouts) {
    if (layoutNames.has(layout.name)) errors.push(`layout ${layout.name} is declared twice`);
    layoutNames.add(layout.name);
    if (layout.fields === null) errors.push(`layout ${layout.name} is the runtime's own: a module does not declare it`);
    for (const field of layout.fields ?? []) {
      if (field.type === types.void) errors.push(`layout ${layout.name}: field ${field.name} has type void`);
    }
  }
  const globalNames = new Set<string>();
  for (const g of m.globals) {
    if (globalNames.has(g.name)) errors.push(`global @${g.name} is defined twice`);
    globalNames.add(g.name);
    if (g.type !== g.initial.type) {
      errors.push(`global @${g.name} has type ${g.type.text} but its initial value has type ${g.initial.type.text}`);
    }
    const problem = constantProblem(g.initial);
    if (problem !== null) errors.push(`global @${g.name}: ${problem}`);
  }
  if (m.entry !== null) {
    if (!m.functions.includes(m.entry)) errors.push(`the entry function @${m.entry.name} is not in the module`);
    if (m.entry.params.length > 0 || m.entry.returnType !== types.void) {
      errors.push(`the entry function @${m.entry.name} must take no parameters and return void`);
    }
  }
  for (const fn of m.functions) errors.push(...validateFunction(fn, m));
  return errors;
}

/**
 * Every problem found in one function. With the module, calls and globals are also checked to
 * belong to it.
 */
export function validateFunction(fn: IrFunction, m?: Module): string[] {
  const errors: string[] = [];
  const name = `@${fn.name}`;
  if (fn.blocks.length === 0) return [`${name}: has no blocks`];

  fn.params.forEach((p, index) => {
    if (p.index !== index) errors.push(`${name}: parameter %${p.name} has index ${p.index}, expected ${index}`);
    if (p.type === types.void) errors.push(`${name}: parameter %${p.name} has type void`);
  });
  const blockSet = new Set(fn.blocks);
  const labels = new Set<string>();
  const position = new Map<Instruction, { block: Block; index: number }>();
  const ids = new Set<number>();
  for (const block of fn.blocks) {
    if (labels.has(block.label)) errors.push(`${name}: block label ${block.label} is used twice`);
    labels.add(block.label);
    if (block.function !== fn) errors.push(`${name}, block ${block.label}: belongs to @${block.function.name}`);
    block.instructions.forEach((inst, index) => {
      const at = `${name}, block ${block.label}, ${describe(inst)}`;
      if (position.has(inst)) errors.push(`${at}: appears twice in the function`);
      else position.set(inst, { block, index });
      if (inst.block !== block) errors.push(`${at}: its block field says ${inst.block.label}`);
      if (ids.has(inst.id)) errors.push(`${at}: id ${inst.id} is used twice`);
      ids.add(inst.id);
      if (!Number.isInteger(inst.id) || inst.id < 0 || inst.id >= fn.nextId) {
        errors.push(`${at}: id ${inst.id} is outside 0..${fn.nextId - 1} (nextId is ${fn.nextId})`);
      }
    });
  }

  const preds = predecessorMap(fn);
  const dominators = computeDominators(fn);
  const entry = fn.blocks[0]!;
  if (preds.get(entry)!.length > 0) {
    errors.push(`${name}: the entry block ${entry.label} has predecessors (${labelList(preds.get(entry)!)})`);
  }

  /** Checks one use of a value; `useBlock`/`useIndex` say where it is read (Infinity: the terminator). */
  const checkUse = (value: Value, at: string, useBlock: Block, useIndex: number): void => {
    if (value.kind === "const") {
      const problem = constantProblem(value);
      if (problem !== null) errors.push(`${at}: ${problem}`);
      return;
    }
    if (value.kind === "param") {
      if (fn.params[value.index] !== value) errors.push(`${at}: uses parameter %${value.name} of another function`);
      return;
    }
    const def = position.get(value);
    if (def === undefined) {
      errors.push(`${at}: uses ${printValue(value)}, which is not an instruction of this function`);
      return;
    }
    if (value.type === types.void) errors.push(`${at}: uses ${printValue(value)}, which has no value (void)`);
    if (!dominators.isReachable(useBlock)) return; // Unreachable code is dominated by everything.
    if (def.block === useBlock ? def.index >= useIndex : !dominators.dominates(def.block, useBlock)) {
      errors.push(`${at}: uses ${printValue(value)}, whose definition in ${def.block.label} does not dominate the use`);
      return;
    }
    // A value whose instruction can fail into a handler exists only on the normal edge.
    const normal = unwindOf(value) !== null && def.block.terminator?.kind === "br" ? def.block.terminator.target : null;
    if (
      normal !== null &&
      useBlock !== def.block &&
      !(dominators.isReachable(normal) && dominators.dominates(normal, useBlock))
    ) {
      errors.push(
        `${at}: uses ${printValue(value)}, which exists only when it does not fail, where it may have failed`,
      );
    }
  };
  const expectType = (
    value: Value,
    type: IrType | ((t: IrType) => boolean),
    what: string,
    at: string,
    expected?: string,
  ): void => {
    const ok = typeof type === "function" ? type(value.type) : value.type === type;
    if (!ok) {
      const wanted = typeof type === "function" ? (expected ?? "another type") : type.text;
      errors.push(`${at}: ${what} ${printValue(value)} has type ${value.type.text}, expected ${wanted}`);
    }
  };
  const handlers = new Set<Block>();
  for (const block of fn.blocks) {
    block.instructions.forEach((inst, index) => {
      const handler = unwindOf(inst);
      if (handler === null) return;
      const at = `${name}, block ${block.label}, ${describe(inst)}`;
      handlers.add(handler);
      if (index !== block.instructions.length - 1) {
        errors.push(`${at}: an instruction with a handler must be the last of its block`);
      }
      if (!describeInstruction(inst).canFail(inst)) errors.push(`${at}: it cannot fail, so it has no handler`);
      if (!blockSet.has(handler)) errors.push(`${at}: handler ${handler.label} is not a block of this function`);
      if (block.terminator !== null && block.terminator.kind !== "br") {
        errors.push(`${at}: a block whose last instruction has a handler ends in br`);
      } else if (block.terminator?.kind === "br" && block.terminator.target === handler) {
        errors.push(`${at}: the handler ${handler.label} is also the block's branch target`);
      }
    });
    const terminatorHandler = block.terminator === null ? null : unwindOf(block.terminator);
    if (terminatorHandler !== null) handlers.add(terminatorHandler);
  }

  for (const block of fn.blocks) {
    const where = `${name}, block ${block.label}`;
    const blockPreds = preds.get(block)!;
    let pastPhis = false;
    block.instructions.forEach((inst, index) => {
      const at = `${where}, ${describe(inst)}`;
      if (inst.kind === "phi") {
        if (pastPhis) errors.push(`${at}: phi after a non-phi instruction`);
        checkPhi(inst, blockPreds, at, errors);
        for (const incoming of inst.incoming) {
          expectType(incoming.value, inst.type, `incoming value from ${incoming.block.label}`, at);
          // A phi reads its value on the edge, so the definition must dominate the end of the predecessor.
          if (blockSet.has(incoming.block)) checkUse(incoming.value, at, incoming.block, Number.POSITIVE_INFINITY);
          // On the edge a failure takes, the failing instruction has produced nothing.
          const last = incoming.block.instructions[incoming.block.instructions.length - 1];
          if (last !== undefined && incoming.value === last && unwindOf(last) === block) {
            errors.push(`${at}: uses ${printValue(last)} on the edge its failure takes, where it has no value`);
          }
        }
        if (inst.type === types.void) errors.push(`${at}: a phi cannot have type void`);
        return;
      }
      pastPhis = true;
      for (const value of instructionOperands(inst)) checkUse(value, at, block, index);
      if (inst.kind === "landing") checkLanding(block, index, handlers, blockPreds, at, errors);
      checkTypes(inst, at, m, errors, expectType);
    });

    const terminator = block.terminator;
    if (terminator === null) {
      errors.push(`${where}: has no terminator`);
      continue;
    }
    const at = `${where}, terminator ${terminator.kind}`;
    for (const value of terminatorOperands(terminator)) checkUse(value, at, block, Number.POSITIVE_INFINITY);
    for (const target of successorsOf(terminator)) {
      if (!blockSet.has(target)) errors.push(`${at}: target ${target.label} is not a block of this function`);
    }
    switch (terminator.kind) {
      case "condbr":
        expectType(terminator.condition, types.i1, "condition", at);
        break;
      case "ret":
        if (terminator.value === null) {
          if (fn.returnType !== types.void) {
            errors.push(`${at}: returns nothing from a function returning ${fn.returnType.text}`);
          }
        } else if (fn.returnType === types.void) {
          errors.push(`${at}: returns ${printValue(terminator.value)} from a function returning void`);
        } else {
          expectType(terminator.value, fn.returnType, "return value", at);
        }
        break;
      case "exit":
        expectType(terminator.status, types.i64, "exit status", at);
        break;
      case "throw":
      case "resume":
        expectType(terminator.exception, (t) => t.kind === "ref", "exception", at, "a ref");
        break;
    }
  }
  return errors;
}

/**
 * A landing comes first in its block (after phis and reference counts), in a block only failures
 * reach: a handler, or a block behind clean-up blocks on the edges into it (which hold only
 * reference counts, so the exception is still pending when control reaches the landing).
 */
function checkLanding(
  block: Block,
  index: number,
  handlers: ReadonlySet<Block>,
  preds: readonly Block[],
  at: string,
  errors: string[],
): void {
  const onlyCounts = (b: Block) => b.instructions.every((inst) => inst.kind === "retain" || inst.kind === "release");
  const reachedByFailures =
    handlers.has(block) || (preds.length > 0 && preds.every((p) => handlers.has(p) && onlyCounts(p)));
  if (!reachedByFailures) errors.push(`${at}: a landing is only in a block some failure unwinds to`);
  const before = block.instructions.slice(0, index);
  if (before.some((inst) => inst.kind !== "phi" && inst.kind !== "retain" && inst.kind !== "release")) {
    errors.push(`${at}: only phis and reference counts may come before a landing`);
  }
}

function successorsOf(terminator: NonNullable<Block["terminator"]>): Block[] {
  return terminatorTargets(terminator);
}

function describe(inst: Instruction): string {
  const op = inst.kind === "ibinary" || inst.kind === "fbinary" || inst.kind === "convert" ? inst.op : inst.kind;
  return `%${inst.id} (${op})`;
}

function labelList(blocks: readonly Block[]): string {
  return blocks.map((b) => b.label).join(", ");
}

/** A phi has exactly one incoming value per predecessor and none from other blocks. */
function checkPhi(
  phi: Extract<Instruction, { kind: "phi" }>,
  preds: readonly Block[],
  at: string,
  errors: string[],
): void {
  const predSet = new Set(preds);
  const seen = new Set<Block>();
  for (const { block } of phi.incoming) {
    if (seen.has(block)) errors.push(`${at}: two incoming values from ${block.label}`);
    else if (!predSet.has(block)) errors.push(`${at}: incoming block ${block.label} is not a predecessor`);
    seen.add(block);
  }
  const missing = preds.filter((p) => !seen.has(p));
  if (missing.length > 0) errors.push(`${at}: no incoming value for predecessor ${labelList(missing)}`);
}

type ExpectType = (
  value: Value,
  type: IrType | ((t: IrType) => boolean),
  what: string,
  at: string,
  expected?: string,
) => void;

function checkTypes(inst: Instruction, at: string, m: Module | undefined, errors: string[], expect: ExpectType): void {
  const check: TypeCheck = {
    module: m,
    result: (type) => {
      if (inst.type !== type) errors.push(`${at}: has type ${inst.type.text}, expected ${type.text}`);
    },
    operand: (value, type, what, expected) => expect(value, type, what, at, expected),
    error: (message) => errors.push(`${at}: ${message}`),
  };
  describeInstruction(inst).check(inst, check);
}

function constantProblem(constant: Constant): string | null {
  const value: unknown = constant.value;
  const type = constant.type;
  const ok = (() => {
    switch (type.kind) {
      case "int":
        if (type.bits === 1) return typeof value === "boolean";
        return typeof value === "bigint" && fitsBits(value, type.bits);
      case "tagged":
        // A constant tagged word is an immediate integer: its low bit is 0 (no object is constant).
        return typeof value === "bigint" && fitsBits(value, 64) && (value & 1n) === 0n;
      case "float":
        // An f32 constant must be exactly a single-precision value (LLVM takes no other).
        return typeof value === "number" && (type.bits === 64 || Number.isNaN(value) || Math.fround(value) === value);
      case "ref":
        // null: no object yet (a global's first value, an unbound variable's placeholder).
        return (
          value === null || (typeof value === "string" && type.layout.name === "str" && type.layout.fields === null)
        );
      case "unit":
        return value === null;
      case "ptr":
        // No buffer (an empty array object's data).
        return value === null;
      case "struct":
      case "variant":
      case "fn":
        // The empty case of a nullable reference; else all zero bytes, a placeholder no code reads as
        // a value (an unassigned variable's, or what overwrites an element being taken out).
        return value === null;
      default:
        return false;
    }
  })();
  return ok ? null : `constant ${String(value)} is not a valid ${type.text}`;
}

function externalNamesOf(m: Module): Set<string> {
  return new Set(m.externals.map((e) => e.name));
}

/** Whether a signed integer fits in `bits` bits (constants are signed; `0xFF` of an i8 is -1). */
function fitsBits(value: bigint, bits: number): boolean {
  return BigInt.asIntN(bits, value) === value;
}
