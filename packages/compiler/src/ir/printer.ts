// The IR's textual form: what `pycompile ir` shows, and what pass tests are written in (text-parser.ts
// reads it back). It prints exactly what is there, valid or not, so it can show a broken function
// while debugging; the same module always prints the same text.
//
//   module "fib.py"
//   entry @main
//
//   global @calls: i64 = 0
//
//   func @fib(%n: i64) -> i64 {
//   entry:
//     %0 = icmp lt i1 %n, 2
//     condbr %0, base, recurse
//   base:
//     ret %n
//   recurse:
//     %1 = sub i64 %n, 1 raises OverflowError "integer overflow" @3:14
//     %2 = call i64 @fib(%1) @3:10
//     ...
//   }
//
// Values: `%7` is the instruction with id 7, `%n` a parameter, and constants carry their type in
// their spelling: `true`, `42` (i64), `42.0`, `nan`, `-inf` (f64), `"text"` (str, JSON-quoted), `unit`.
// An instruction reads `%id = op type operands`, its type being the result's; one whose type is void
// has no value and prints without `%id =`. Names that are not plain words are JSON-quoted.

import type { Constant, Instruction, IrFunction, Module, RaiseInfo, SourceLoc, Terminator, Value } from "./ir.js";

/** Module-level names (functions, globals, runtime functions) printed after `@` without quotes. */
export const plainSymbol = /^[A-Za-z_.$][A-Za-z0-9_.$]*$/;
/** Block labels, parameter names and exception kinds printed without quotes. */
export const plainWord = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export function printModule(m: Module): string {
  const header = [`module ${JSON.stringify(m.sourceFile)}\n`];
  if (m.entry !== null) header.push(`entry @${symbol(m.entry.name)}\n`);
  const sections = [header.join("")];
  if (m.globals.length > 0) {
    sections.push(
      m.globals.map((g) => `global @${symbol(g.name)}: ${g.type} = ${printConstant(g.initial)}\n`).join(""),
    );
  }
  for (const fn of m.functions) sections.push(printFunction(fn));
  return sections.join("\n");
}

export function printFunction(fn: IrFunction): string {
  const params = fn.params.map((p) => `%${word(p.name)}: ${p.type}`).join(", ");
  const display = fn.displayName === fn.name ? "" : ` display ${JSON.stringify(fn.displayName)}`;
  const lines = [`func @${symbol(fn.name)}(${params}) -> ${fn.returnType}${display} {`];
  for (const block of fn.blocks) {
    lines.push(`${word(block.label)}:`);
    for (const inst of block.instructions) lines.push(`  ${printInstruction(inst)}`);
    lines.push(block.terminator === null ? "  ; no terminator" : `  ${printTerminator(block.terminator)}`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

export function printInstruction(inst: Instruction): string {
  const result = inst.type === "void" ? "" : `%${inst.id} = `;
  return `${result}${opcode(inst)} ${inst.type} ${operandText(inst)}`.trimEnd();
}

function opcode(inst: Instruction): string {
  switch (inst.kind) {
    case "ibinary":
    case "fbinary":
      return inst.op;
    case "icmp":
    case "fcmp":
      return `${inst.kind} ${inst.op}`;
    default:
      return inst.kind;
  }
}

function operandText(inst: Instruction): string {
  switch (inst.kind) {
    case "ibinary":
    case "fbinary":
      return `${printValue(inst.lhs)}, ${printValue(inst.rhs)}${raiseSuffix(inst.raise)}`;
    case "icmp":
    case "fcmp":
      return `${printValue(inst.lhs)}, ${printValue(inst.rhs)}`;
    case "ineg":
    case "toint":
      return `${printValue(inst.operand)}${raiseSuffix(inst.raise)}`;
    case "fneg":
    case "not":
    case "tofloat":
    case "zext":
      return printValue(inst.operand);
    case "select":
      return `${printValue(inst.condition)}, ${printValue(inst.ifTrue)}, ${printValue(inst.ifFalse)}`;
    case "phi":
      return inst.incoming.map((i) => `[${printValue(i.value)}, ${word(i.block.label)}]`).join(", ");
    case "call":
      return `@${symbol(inst.callee.name)}(${inst.args.map(printValue).join(", ")}) ${printLoc(inst.loc)}`;
    case "runtime": {
      const loc = inst.loc === null ? "" : ` ${printLoc(inst.loc)}`;
      return `@${symbol(inst.name)}(${inst.args.map(printValue).join(", ")})${loc}`;
    }
    case "load_global":
      return `@${symbol(inst.global.name)}`;
    case "store_global":
      return `@${symbol(inst.global.name)}, ${printValue(inst.value)}`;
    case "elided_frames":
      return `${printValue(inst.count)} ${printLoc(inst.loc)}`;
  }
}

export function printTerminator(terminator: Terminator): string {
  switch (terminator.kind) {
    case "br":
      return `br ${word(terminator.target.label)}`;
    case "condbr":
      return `condbr ${printValue(terminator.condition)}, ${word(terminator.ifTrue.label)}, ${word(terminator.ifFalse.label)}`;
    case "ret":
      return terminator.value === null ? "ret" : `ret ${printValue(terminator.value)}`;
    case "raise":
      return `raise ${printRaise(terminator.info)}`;
    case "exit":
      return `exit ${printValue(terminator.status)}`;
    case "unreachable":
      return "unreachable";
  }
}

export function printValue(value: Value): string {
  switch (value.kind) {
    case "const":
      return printConstant(value);
    case "param":
      return `%${word(value.name)}`;
    default:
      return `%${value.id}`;
  }
}

export function printConstant(constant: Constant): string {
  switch (constant.type) {
    case "i1":
      return constant.value ? "true" : "false";
    case "i64":
      return constant.value.toString();
    case "f64":
      return printFloat(constant.value);
    case "str":
      return JSON.stringify(constant.value);
    case "unit":
      return "unit";
  }
}

/** The shortest spelling that reads back as the same double, always recognisably a float. */
export function printFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  if (Object.is(x, -0)) return "-0.0";
  const text = String(x);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function raiseSuffix(raise: RaiseInfo | null): string {
  return raise === null ? "" : ` raises ${printRaise(raise)}`;
}

function printRaise(info: RaiseInfo): string {
  return `${word(info.kind)} ${JSON.stringify(info.message)} ${printLoc(info.loc)}`;
}

function printLoc(loc: SourceLoc): string {
  return `@${loc.line}:${loc.col}`;
}

function symbol(name: string): string {
  return plainSymbol.test(name) ? name : JSON.stringify(name);
}

function word(name: string): string {
  return plainWord.test(name) ? name : JSON.stringify(name);
}
