// The IR's textual form: what `pycompile ir` shows, and what pass tests are written in (text-parser.ts
// reads it back). It prints exactly what is there, valid or not, so it can show a broken function
// while debugging; the same module always prints the same text.
//
//   module "fib.py"
//   entry @main
//
//   layout Node { value: i64, next: variant{unit | ref Node} }
//   extern @rt_str_len(ref str) -> i64 memory read
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
//     %2 = call i64 @fib(%1) @3:10 unwind handler
//     ...
//   }
//
// Values: `%7` is the instruction with id 7, `%n` a parameter, and constants carry their type in
// their spelling: `true`, `42` (i64), `42.0`, `nan`, `-inf` (f64), `"text"` (ref str, JSON-quoted),
// `unit`; a constant of another type is written `i8 7`, `f32 1.5` or `null variant{unit | ref Node}`.
// An instruction reads `%id = op type operands` (instructions.ts says each kind's operands), its
// type being the result's; one whose type is void has no value and prints without `%id =`. Names
// that are not plain words are JSON-quoted. A location in the function's own file is `@line:col`,
// one in another file `@"file":line:col`.

import { describeInstruction, type Piece, terminatorDescriptors } from "./instructions.js";
import type {
  Constant,
  External,
  Instruction,
  IrFunction,
  Module,
  RaiseInfo,
  SourceLoc,
  Terminator,
  Value,
} from "./ir.js";
import { type IrType, types } from "./types.js";

/** Module-level names (functions, globals, externals) printed after `@` without quotes. */
export const plainSymbol = /^[A-Za-z_.$][A-Za-z0-9_.$]*$/;
/** Block labels, parameter names, layout names and exception kinds printed without quotes. */
export const plainWord = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export function printModule(m: Module): string {
  const header = [`module ${JSON.stringify(m.sourceFile)}\n`];
  if (m.entry !== null) header.push(`entry @${symbol(m.entry.name)}\n`);
  const sections = [header.join("")];
  const declarations = [
    ...m.layouts.map(
      (l) =>
        `layout ${word(l.name)} { ${(l.fields ?? []).map((f) => `${word(f.name)}: ${f.type.text}`).join(", ")} }\n`,
    ),
    ...m.externals.map((e) => `${printExternal(e)}\n`),
    ...m.globals.map((g) => `global @${symbol(g.name)}: ${g.type.text} = ${printConstant(g.initial)}\n`),
  ];
  if (declarations.length > 0) sections.push(declarations.join(""));
  for (const fn of m.functions) sections.push(printFunction(fn, { moduleFile: m.sourceFile }));
  return sections.join("\n");
}

/** `extern @name(consume ref str, i64) -> ref str canfail memory any`; see External. */
export function printExternal(e: External): string {
  const params = e.params.map((p, i) => `${e.argumentOwnership[i] === "consume" ? "consume " : ""}${p.text}`);
  const result = `${e.resultOwnership === "borrowed" ? "borrowed " : ""}${e.result.text}`;
  const flags = [e.canFail ? " canfail" : "", ` memory ${e.memory}`, e.noReturn ? " noreturn" : ""];
  const libm = e.checksLibm === null ? "" : ` libm ${JSON.stringify(e.checksLibm)}`;
  return `extern @${symbol(e.name)}(${params.join(", ")}) -> ${result}${flags.join("")}${libm}`;
}

/** A function's text; a file of its own is printed when it differs from `moduleFile`, its module's. */
export function printFunction(fn: IrFunction, { moduleFile = fn.sourceFile }: { moduleFile?: string } = {}): string {
  const params = fn.params
    .map((p) => `%${word(p.name)}: ${p.type.text}${p.immediate === true ? " immediate" : ""}`)
    .join(", ");
  const display = fn.displayName === fn.name ? "" : ` display ${JSON.stringify(fn.displayName)}`;
  const linkage = fn.linkage === "internal" ? "" : ` ${fn.linkage}`;
  const file = fn.sourceFile === moduleFile ? "" : ` file ${JSON.stringify(fn.sourceFile)}`;
  const lines = [`func @${symbol(fn.name)}(${params}) -> ${fn.returnType.text}${display}${linkage}${file} {`];
  for (const block of fn.blocks) {
    lines.push(`${word(block.label)}:`);
    for (const inst of block.instructions) lines.push(`  ${printInstruction(inst, fn.sourceFile)}`);
    const terminator = block.terminator;
    lines.push(terminator === null ? "  ; no terminator" : `  ${printTerminator(terminator, fn.sourceFile)}`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** An instruction's text; `file` is the file whose locations print without their file name. */
export function printInstruction(inst: Instruction, file = inst.block.function.sourceFile): string {
  const result = inst.type === types.void ? "" : `%${inst.id} = `;
  const d = describeInstruction(inst);
  const fields = inst as unknown as Record<string, unknown>;
  const op = d.opField !== undefined ? String(fields[d.opField]) : inst.kind;
  const opcode = d.qualifier !== undefined ? `${op} ${String(fields[d.qualifier.field])}` : op;
  return `${result}${opcode} ${inst.type.text}${printPieces(d.pieces, inst, file)}`;
}

export function printTerminator(terminator: Terminator, file = ""): string {
  return `${terminator.kind}${printPieces(terminatorDescriptors[terminator.kind].pieces, terminator, file)}`;
}

/** The pieces' text, each after a space except commas and argument lists, which attach. */
function printPieces(pieces: readonly Piece[], node: object, file: string): string {
  const fields = node as Record<string, unknown>;
  let out = "";
  const add = (text: string) => {
    if (text !== "") out += ` ${text}`;
  };
  for (const piece of pieces) {
    switch (piece.p) {
      case "value":
        add(printValue(fields[piece.field] as Value));
        break;
      case "optionalValue":
        if (fields[piece.field] !== null) out += `${out === "" ? "" : ","} ${printValue(fields[piece.field] as Value)}`;
        break;
      case "values":
        out += `(${(fields[piece.field] as Value[]).map(printValue).join(", ")})`;
        break;
      case "function":
      case "external":
      case "global":
        add(`@${symbol((fields[piece.field] as { name: string }).name)}`);
        break;
      case "index":
      case "word":
        add(String(fields[piece.field]));
        break;
      case "flag":
        if (fields[piece.field] === true) add(piece.word);
        break;
      case "comma":
        out += ",";
        break;
      case "block":
        add(word((fields[piece.field] as { label: string }).label));
        break;
      case "raise": {
        const info = fields[piece.field] as RaiseInfo | null;
        // An instruction says `raises ...`; the raise terminator's own word says it already.
        if (info !== null) add(`${piece.field === "raise" ? "raises " : ""}${printRaise(info, file)}`);
        break;
      }
      case "loc": {
        const loc = fields.loc as SourceLoc | null;
        if (loc !== null) add(printLoc(loc, file));
        break;
      }
      case "incoming": {
        const incoming = (node as Extract<Instruction, { kind: "phi" }>).incoming;
        add(incoming.map((i) => `[${printValue(i.value)}, ${word(i.block.label)}]`).join(", "));
        break;
      }
      case "unwind": {
        const handler = fields.unwind as { label: string } | null;
        if (handler !== null) add(`unwind ${word(handler.label)}`);
        break;
      }
    }
  }
  return out;
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

/** A constant's spelling; types other than i1, i64, f64, unit and `ref str` are written before it. */
export function printConstant(constant: Constant): string {
  const { type, value } = constant;
  if (value === null) return type === types.unit ? "unit" : `null ${type.text}`;
  const bare = (() => {
    switch (typeof value) {
      case "boolean":
        return value ? "true" : "false";
      case "bigint":
        return value.toString();
      case "number":
        return printFloat(value);
      default:
        return JSON.stringify(value);
    }
  })();
  return isSpelledBare(type) ? bare : `${type.text} ${bare}`;
}

/** Types whose constants are recognised by their spelling alone. */
function isSpelledBare(type: IrType): boolean {
  return type === types.i1 || type === types.i64 || type === types.f64 || type.kind === "ref";
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

function printRaise(info: RaiseInfo, file: string): string {
  return `${word(info.kind)} ${JSON.stringify(info.message)} ${printLoc(info.loc, file)}`;
}

function printLoc(loc: SourceLoc, file: string): string {
  return loc.file === file ? `@${loc.line}:${loc.col}` : `@${JSON.stringify(loc.file)}:${loc.line}:${loc.col}`;
}

function symbol(name: string): string {
  return plainSymbol.test(name) ? name : JSON.stringify(name);
}

function word(name: string): string {
  return plainWord.test(name) ? name : JSON.stringify(name);
}
