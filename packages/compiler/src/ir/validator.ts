// Checks the invariants every producer of IR (front ends, passes, the text parser) must keep and every
// consumer (passes, the LLVM emitter) relies on: a well-formed CFG, phis that match their
// predecessors, operand types per instruction kind, and SSA dominance. It reports every problem it
// finds, each naming the function, block and instruction, rather than stopping at the first.

import { predecessorMap } from "./cfg.js";
import { computeDominators } from "./dominators.js";
import type { Block, Constant, Instruction, IrFunction, IrType, Module, Value } from "./ir.js";
import { printValue } from "./printer.js";
import { instructionOperands } from "./uses.js";

const minI64 = -(2n ** 63n);
const maxI64 = 2n ** 63n - 1n;

/** Every problem found in the module; empty when it is valid. */
export function validateModule(m: Module): string[] {
  const errors: string[] = [];
  const functionNames = new Set<string>();
  for (const fn of m.functions) {
    if (functionNames.has(fn.name)) errors.push(`function @${fn.name} is defined twice`);
    functionNames.add(fn.name);
  }
  const globalNames = new Set<string>();
  for (const g of m.globals) {
    if (globalNames.has(g.name)) errors.push(`global @${g.name} is defined twice`);
    globalNames.add(g.name);
    if (g.type !== g.initial.type) {
      errors.push(`global @${g.name} has type ${g.type} but its initial value has type ${g.initial.type}`);
    }
    const problem = constantProblem(g.initial);
    if (problem !== null) errors.push(`global @${g.name}: ${problem}`);
  }
  if (m.entry !== null) {
    if (!m.functions.includes(m.entry)) errors.push(`the entry function @${m.entry.name} is not in the module`);
    if (m.entry.params.length > 0 || m.entry.returnType !== "void") {
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
    if (p.type === "void") errors.push(`${name}: parameter %${p.name} has type void`);
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
    if (value.type === "void") errors.push(`${at}: uses ${printValue(value)}, which has no value (void)`);
    if (!dominators.isReachable(useBlock)) return; // Unreachable code is dominated by everything.
    if (def.block === useBlock ? def.index >= useIndex : !dominators.dominates(def.block, useBlock)) {
      errors.push(`${at}: uses ${printValue(value)}, whose definition in ${def.block.label} does not dominate the use`);
    }
  };
  const expectType = (value: Value, type: IrType | readonly IrType[], what: string, at: string): void => {
    const allowed: readonly IrType[] = typeof type === "string" ? [type] : type;
    if (!allowed.includes(value.type)) {
      errors.push(`${at}: ${what} ${printValue(value)} has type ${value.type}, expected ${allowed.join(" or ")}`);
    }
  };

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
        }
        if (inst.type === "void") errors.push(`${at}: a phi cannot have type void`);
        return;
      }
      pastPhis = true;
      for (const value of instructionOperands(inst)) checkUse(value, at, block, index);
      checkTypes(inst, at, m, errors, expectType);
    });

    const terminator = block.terminator;
    if (terminator === null) {
      errors.push(`${where}: has no terminator`);
      continue;
    }
    const at = `${where}, terminator ${terminator.kind}`;
    switch (terminator.kind) {
      case "br":
      case "condbr": {
        const targets = terminator.kind === "br" ? [terminator.target] : [terminator.ifTrue, terminator.ifFalse];
        for (const target of targets) {
          if (!blockSet.has(target)) errors.push(`${at}: target ${target.label} is not a block of this function`);
        }
        if (terminator.kind === "condbr") {
          checkUse(terminator.condition, at, block, Number.POSITIVE_INFINITY);
          expectType(terminator.condition, "i1", "condition", at);
        }
        break;
      }
      case "ret":
        if (terminator.value === null) {
          if (fn.returnType !== "void")
            errors.push(`${at}: returns nothing from a function returning ${fn.returnType}`);
        } else if (fn.returnType === "void") {
          errors.push(`${at}: returns ${printValue(terminator.value)} from a function returning void`);
        } else {
          checkUse(terminator.value, at, block, Number.POSITIVE_INFINITY);
          expectType(terminator.value, fn.returnType, "return value", at);
        }
        break;
      case "exit":
        checkUse(terminator.status, at, block, Number.POSITIVE_INFINITY);
        expectType(terminator.status, "i64", "exit status", at);
        break;
      case "raise":
      case "unreachable":
        break;
    }
  }
  return errors;
}

function describe(inst: Instruction): string {
  const op = inst.kind === "ibinary" || inst.kind === "fbinary" ? inst.op : inst.kind;
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

type ExpectType = (value: Value, type: IrType | readonly IrType[], what: string, at: string) => void;

function checkTypes(inst: Instruction, at: string, m: Module | undefined, errors: string[], expect: ExpectType): void {
  const result = (type: IrType): void => {
    if (inst.type !== type) errors.push(`${at}: has type ${inst.type}, expected ${type}`);
  };
  switch (inst.kind) {
    case "ibinary":
      result("i64");
      expect(inst.lhs, "i64", "left operand", at);
      expect(inst.rhs, "i64", "right operand", at);
      break;
    case "fbinary":
      result("f64");
      expect(inst.lhs, "f64", "left operand", at);
      expect(inst.rhs, "f64", "right operand", at);
      break;
    case "ineg":
      result("i64");
      expect(inst.operand, "i64", "operand", at);
      break;
    case "fneg":
      result("f64");
      expect(inst.operand, "f64", "operand", at);
      break;
    case "not":
      result("i1");
      expect(inst.operand, "i1", "operand", at);
      break;
    case "icmp":
      result("i1");
      // Booleans compare for equality only: their order is no question a program asks of i1.
      expect(inst.lhs, inst.op === "eq" || inst.op === "ne" ? ["i64", "i1"] : "i64", "left operand", at);
      if (inst.rhs.type !== inst.lhs.type) {
        errors.push(`${at}: operands have types ${inst.lhs.type} and ${inst.rhs.type}, expected the same`);
      }
      break;
    case "fcmp":
      result("i1");
      expect(inst.lhs, "f64", "left operand", at);
      expect(inst.rhs, "f64", "right operand", at);
      break;
    case "tofloat":
      result("f64");
      expect(inst.operand, ["i64", "i1"], "operand", at);
      break;
    case "toint":
      result("i64");
      expect(inst.operand, "f64", "operand", at);
      break;
    case "zext":
      result("i64");
      expect(inst.operand, "i1", "operand", at);
      break;
    case "select":
      expect(inst.condition, "i1", "condition", at);
      expect(inst.ifTrue, inst.type, "true arm", at);
      expect(inst.ifFalse, inst.type, "false arm", at);
      if (inst.type === "void") errors.push(`${at}: a select cannot have type void`);
      break;
    case "call": {
      const callee = inst.callee;
      if (m !== undefined && !m.functions.includes(callee)) {
        errors.push(`${at}: callee @${callee.name} is not a function of this module`);
      }
      result(callee.returnType);
      if (inst.args.length !== callee.params.length) {
        errors.push(
          `${at}: passes ${inst.args.length} arguments to @${callee.name}, which takes ${callee.params.length}`,
        );
      }
      inst.args.forEach((arg, i) => {
        const param = callee.params[i];
        if (param !== undefined) expect(arg, param.type, `argument ${i + 1} (%${param.name})`, at);
      });
      break;
    }
    case "runtime":
      break;
    case "load_global":
    case "store_global":
      if (m !== undefined && !m.globals.includes(inst.global)) {
        errors.push(`${at}: global @${inst.global.name} is not a global of this module`);
      }
      if (inst.kind === "load_global") {
        result(inst.global.type);
      } else {
        result("void");
        expect(inst.value, inst.global.type, `value stored in @${inst.global.name}`, at);
      }
      break;
    case "elided_frames":
      result("void");
      expect(inst.count, "i64", "the count of elided frames", at);
      break;
  }
}

function constantProblem(constant: Constant): string | null {
  const value: unknown = constant.value;
  const ok = (() => {
    switch (constant.type) {
      case "i1":
        return typeof value === "boolean";
      case "i64":
        return typeof value === "bigint" && value >= minI64 && value <= maxI64;
      case "f64":
        return typeof value === "number";
      case "str":
        return typeof value === "string";
      case "unit":
        return value === null;
      default:
        return false;
    }
  })();
  return ok ? null : `constant ${String(value)} is not a valid ${String(constant.type)}`;
}
