// Reads the printer's textual IR back into a Module, so pass tests can be written as IR text in and
// IR text out. It accepts exactly what printer.ts prints, plus blank lines, `;` comments and an
// optional `module` line; it checks syntax and names, and leaves types to the validator.
//
// Values may be used before they are defined (phis, and blocks not in dominance order), so operands
// naming an instruction are parsed to placeholders and resolved once the whole function is read.

import { addFunction, addGlobal, createModule } from "./builder.js";
import type {
  Block,
  CompareOp,
  Constant,
  FloatBinaryOp,
  Global,
  Instruction,
  IntBinaryOp,
  IrFunction,
  IrType,
  Module,
  Param,
  RaiseInfo,
  SourceLoc,
  Terminator,
  Value,
} from "./ir.js";
import { mapInstructionOperands, mapTerminatorOperands } from "./uses.js";

export class IrParseError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    detail: string,
  ) {
    super(`line ${line}, column ${column}: ${detail}`);
    this.name = "IrParseError";
  }
}

type TokenKind = "local" | "symbol" | "loc" | "string" | "number" | "word" | "punct";

interface Token {
  readonly kind: TokenKind;
  /** The name, number or string value (unquoted); for a loc, "line:col". */
  readonly text: string;
  /** A `%"..."` or `@"..."` name, which never means an instruction id. */
  readonly quoted: boolean;
  readonly column: number;
}

interface Line {
  readonly number: number;
  readonly tokens: Token[];
  /** The column just past the line's last character, where "end of line" errors point. */
  readonly end: number;
}

const types: readonly IrType[] = ["i1", "i64", "f64", "str", "unit", "void"];
const intOps: readonly IntBinaryOp[] = [
  "add",
  "sub",
  "mul",
  "floordiv",
  "floormod",
  "udiv",
  "urem",
  "and",
  "or",
  "xor",
  "shl",
  "ashr",
  "pow",
];
const floatOps: readonly FloatBinaryOp[] = ["fadd", "fsub", "fmul", "fdiv", "ffloordiv", "fmod", "fpow"];
const compareOps: readonly CompareOp[] = ["eq", "ne", "lt", "le", "gt", "ge"];
const terminatorWords = new Set(["br", "condbr", "ret", "raise", "exit", "unreachable"]);
const minI64 = -(2n ** 63n);
const maxI64 = 2n ** 63n - 1n;

// ---------------------------------------------------------------------------------------------
// Tokens

const wordPattern = /[A-Za-z_][A-Za-z0-9_.]*/y;
const symbolPattern = /[A-Za-z_.$][A-Za-z0-9_.$]*/y;
const digitsPattern = /[0-9]+/y;
const locPattern = /([0-9]+):([0-9]+)/y;
const numberPattern = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function matchAt(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match === null ? null : match[0];
}

function tokenizeLine(text: string, number: number): Line {
  const tokens: Token[] = [];
  const fail = (at: number, detail: string): never => {
    throw new IrParseError(number, at + 1, detail);
  };
  /** The JSON string starting at `at`, quotes included, and its value. */
  const readString = (at: number): { quoted: string; value: string } => {
    let end = at + 1;
    while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
    if (end >= text.length) fail(at, "unterminated string");
    const quoted = text.slice(at, end + 1);
    try {
      return { quoted, value: JSON.parse(quoted) as string };
    } catch {
      return fail(at, `malformed string ${quoted}: strings are JSON strings`);
    }
  };
  let at = 0;
  while (at < text.length) {
    const ch = text[at]!;
    const column = at + 1;
    if (ch === " " || ch === "\t" || ch === "\r") {
      at++;
    } else if (ch === ";") {
      break;
    } else if (ch === '"') {
      const { quoted, value } = readString(at);
      tokens.push({ kind: "string", text: value, quoted: true, column });
      at += quoted.length;
    } else if (ch === "%" || ch === "@") {
      const kind = ch === "%" ? "local" : "symbol";
      const rest = at + 1;
      if (text[rest] === '"') {
        const { quoted, value } = readString(rest);
        tokens.push({ kind, text: value, quoted: true, column });
        at = rest + quoted.length;
        continue;
      }
      const loc = ch === "@" ? matchAt(locPattern, text, rest) : null;
      const name =
        loc ??
        matchAt(ch === "%" ? digitsPattern : symbolPattern, text, rest) ??
        (ch === "%" ? matchAt(wordPattern, text, rest) : null) ??
        fail(at, `expected a name after '${ch}'`);
      tokens.push({ kind: loc === null ? kind : "loc", text: name, quoted: false, column });
      at = rest + name.length;
    } else if (text.startsWith("->", at)) {
      tokens.push({ kind: "punct", text: "->", quoted: false, column });
      at += 2;
    } else if (text.startsWith("-inf", at) && !/[A-Za-z0-9_.]/.test(text[at + 4] ?? "")) {
      tokens.push({ kind: "word", text: "-inf", quoted: false, column });
      at += 4;
    } else if (/[-0-9]/.test(ch)) {
      const numeral = matchAt(numberPattern, text, at) ?? fail(at, "malformed number");
      tokens.push({ kind: "number", text: numeral, quoted: false, column });
      at += numeral.length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const name = matchAt(wordPattern, text, at)!;
      tokens.push({ kind: "word", text: name, quoted: false, column });
      at += name.length;
    } else if ("(){}[],:=".includes(ch)) {
      tokens.push({ kind: "punct", text: ch, quoted: false, column });
      at++;
    } else {
      fail(at, `unexpected character ${JSON.stringify(ch)}`);
    }
  }
  return { number, tokens, end: text.length + 1 };
}

// ---------------------------------------------------------------------------------------------
// A cursor over one line's tokens

interface Cursor {
  readonly line: Line;
  pos: number;
}

function describe(token: Token | undefined): string {
  if (token === undefined) return "end of line";
  if (token.kind === "string") return `string ${JSON.stringify(token.text)}`;
  const sigil = token.kind === "local" ? "%" : token.kind === "symbol" || token.kind === "loc" ? "@" : "";
  return `'${sigil}${token.quoted ? JSON.stringify(token.text) : token.text}'`;
}

function failAt(c: Cursor, detail: string, token: Token | undefined = c.line.tokens[c.pos]): never {
  throw new IrParseError(c.line.number, token?.column ?? c.line.end, detail);
}

function peek(c: Cursor): Token | undefined {
  return c.line.tokens[c.pos];
}

function next(c: Cursor, expected: string): Token {
  const token = c.line.tokens[c.pos];
  if (token === undefined) failAt(c, `expected ${expected}, found end of line`);
  c.pos++;
  return token;
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token?.kind === "punct" && token.text === text;
}

function isWord(token: Token | undefined, text: string): boolean {
  return token?.kind === "word" && token.text === text;
}

function expectPunct(c: Cursor, text: string): void {
  const token = peek(c);
  if (!isPunct(token, text)) failAt(c, `expected '${text}', found ${describe(token)}`);
  c.pos++;
}

function expectWord(c: Cursor, text: string): void {
  const token = peek(c);
  if (!isWord(token, text)) failAt(c, `expected '${text}', found ${describe(token)}`);
  c.pos++;
}

function expectEnd(c: Cursor): void {
  const token = peek(c);
  if (token !== undefined) failAt(c, `expected end of line, found ${describe(token)}`);
}

function readOneOf<T extends string>(c: Cursor, options: readonly T[], what: string): T {
  const token = peek(c);
  if (token?.kind !== "word" || !options.includes(token.text as T)) {
    failAt(c, `expected ${what} (${options.join(", ")}), found ${describe(token)}`);
  }
  c.pos++;
  return token.text as T;
}

function readType(c: Cursor): IrType {
  return readOneOf(c, types, "a type");
}

/** A label, parameter name or exception kind: a plain word or a quoted string. */
function readName(c: Cursor, what: string): string {
  const token = peek(c);
  if (token?.kind !== "word" && token?.kind !== "string") failAt(c, `expected ${what}, found ${describe(token)}`);
  c.pos++;
  return token.text;
}

function readSymbol(c: Cursor, what: string): Token {
  const token = peek(c);
  if (token?.kind !== "symbol") failAt(c, `expected ${what} ('@name'), found ${describe(token)}`);
  c.pos++;
  return token;
}

function readString(c: Cursor, what: string): string {
  const token = peek(c);
  if (token?.kind !== "string") failAt(c, `expected ${what} (a quoted string), found ${describe(token)}`);
  c.pos++;
  return token.text;
}

function readLoc(c: Cursor): SourceLoc {
  const token = peek(c);
  if (token?.kind !== "loc") failAt(c, `expected a source location ('@line:col'), found ${describe(token)}`);
  c.pos++;
  const [line, col] = token.text.split(":").map(Number);
  return { line: line!, col: col! };
}

function readRaise(c: Cursor): RaiseInfo {
  const kind = readName(c, "an exception kind");
  const message = readString(c, "an exception message");
  return { kind, message, loc: readLoc(c) };
}

/** Reads a constant from its spelling; null when the token does not spell one. */
function constantFromToken(c: Cursor, token: Token): Constant | null {
  if (token.kind === "string") return { kind: "const", type: "str", value: token.text };
  if (token.kind === "word") {
    switch (token.text) {
      case "true":
      case "false":
        return { kind: "const", type: "i1", value: token.text === "true" };
      case "unit":
        return { kind: "const", type: "unit", value: null };
      case "nan":
        return { kind: "const", type: "f64", value: Number.NaN };
      case "inf":
        return { kind: "const", type: "f64", value: Number.POSITIVE_INFINITY };
      case "-inf":
        return { kind: "const", type: "f64", value: Number.NEGATIVE_INFINITY };
    }
    return null;
  }
  if (token.kind !== "number") return null;
  if (/^-?[0-9]+$/.test(token.text)) {
    const value = BigInt(token.text);
    if (value < minI64 || value > maxI64) failAt(c, `integer ${token.text} does not fit in i64`, token);
    return { kind: "const", type: "i64", value };
  }
  return { kind: "const", type: "f64", value: Number(token.text) };
}

function readConstant(c: Cursor): Constant {
  const token = next(c, "a constant");
  return constantFromToken(c, token) ?? failAt(c, `expected a constant, found ${describe(token)}`, token);
}

// ---------------------------------------------------------------------------------------------
// The module

interface PendingFunction {
  readonly fn: IrFunction;
  readonly body: Line[];
}

/** Parses the printer's textual form. Throws IrParseError, naming the line, for malformed input. */
export function parseIrModule(text: string): Module {
  const lines = text
    .split("\n")
    .map((source, i) => tokenizeLine(source, i + 1))
    .filter((line) => line.tokens.length > 0);

  let i = 0;
  const first = lines[0];
  let sourceFile = "";
  if (first !== undefined && isWord(first.tokens[0], "module")) {
    const c: Cursor = { line: first, pos: 1 };
    sourceFile = readString(c, "the source file name");
    expectEnd(c);
    i = 1;
  }
  const m = createModule(sourceFile);
  const functionLines = new Map<string, number>();
  const pending: PendingFunction[] = [];
  let entry: { name: string; line: Line; column: number } | null = null;

  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const c: Cursor = { line, pos: 0 };
    const keyword = next(c, "'entry', 'global' or 'func'");
    if (isWord(keyword, "entry")) {
      if (entry !== null) failAt(c, `the entry function is already given on line ${entry.line.number}`, keyword);
      const name = readSymbol(c, "the entry function");
      expectEnd(c);
      entry = { name: name.text, line, column: name.column };
    } else if (isWord(keyword, "global")) {
      parseGlobal(c, m);
    } else if (isWord(keyword, "func")) {
      const fn = parseFunctionHeader(c, m, functionLines);
      const body: Line[] = [];
      for (i++; i < lines.length && !isClosingBrace(lines[i]!); i++) body.push(lines[i]!);
      if (i === lines.length)
        failAt(c, `function @${fn.name} is not closed: expected '}' on a line of its own`, keyword);
      pending.push({ fn, body });
    } else {
      const module = isWord(keyword, "module") ? "; 'module' must be the first line" : "";
      failAt(c, `expected 'entry', 'global' or 'func', found ${describe(keyword)}${module}`, keyword);
    }
  }

  if (entry !== null) {
    const fn = m.functions.find((f) => f.name === entry.name);
    if (fn === undefined) throw new IrParseError(entry.line.number, entry.column, `no function @${entry.name}`);
    m.entry = fn;
  }
  for (const p of pending) parseFunctionBody(p, m);
  return m;
}

function isClosingBrace(line: Line): boolean {
  return line.tokens.length === 1 && isPunct(line.tokens[0], "}");
}

function parseGlobal(c: Cursor, m: Module): void {
  const name = readSymbol(c, "the global's name");
  if (m.globals.some((g) => g.name === name.text)) failAt(c, `global @${name.text} is defined twice`, name);
  expectPunct(c, ":");
  const typeToken = peek(c);
  const type = readType(c);
  expectPunct(c, "=");
  const initial = readConstant(c);
  expectEnd(c);
  if (initial.type !== type) {
    failAt(c, `global @${name.text} has type ${type} but its initial value has type ${initial.type}`, typeToken);
  }
  addGlobal(m, name.text, initial);
}

function parseFunctionHeader(c: Cursor, m: Module, functionLines: Map<string, number>): IrFunction {
  const name = readSymbol(c, "the function's name");
  const previous = functionLines.get(name.text);
  if (previous !== undefined) failAt(c, `function @${name.text} is already defined on line ${previous}`, name);
  functionLines.set(name.text, c.line.number);
  expectPunct(c, "(");
  const params: { name: string; type: IrType }[] = [];
  while (!isPunct(peek(c), ")")) {
    if (params.length > 0) expectPunct(c, ",");
    const token = peek(c);
    if (token?.kind !== "local" || (!token.quoted && /^[0-9]/.test(token.text))) {
      failAt(c, `expected a parameter ('%name'), found ${describe(token)}`);
    }
    if (params.some((p) => p.name === token.text)) failAt(c, `parameter %${token.text} is declared twice`);
    c.pos++;
    expectPunct(c, ":");
    params.push({ name: token.text, type: readType(c) });
  }
  expectPunct(c, ")");
  expectPunct(c, "->");
  const returnType = readType(c);
  let displayName = name.text;
  if (isWord(peek(c), "display")) {
    c.pos++;
    displayName = readString(c, "the display name");
  }
  expectPunct(c, "{");
  expectEnd(c);
  return addFunction(m, name.text, displayName, params, returnType);
}

// ---------------------------------------------------------------------------------------------
// Function bodies

/** An operand naming an instruction by id, until the whole function is read. */
interface Placeholder {
  readonly kind: "placeholder";
  readonly id: number;
  readonly line: number;
  readonly column: number;
}

interface BodyContext {
  readonly m: Module;
  readonly fn: IrFunction;
  readonly blocks: Map<string, Block>;
  readonly params: Map<string, Param>;
}

function labelOf(line: Line): Token | null {
  const [name, colon] = line.tokens;
  if (line.tokens.length !== 2 || !isPunct(colon, ":")) return null;
  return name?.kind === "word" || name?.kind === "string" ? name : null;
}

function parseFunctionBody({ fn, body }: PendingFunction, m: Module): void {
  const ctx: BodyContext = { m, fn, blocks: new Map(), params: new Map(fn.params.map((p) => [p.name, p])) };
  // Blocks first, since branches and phis name blocks further down.
  for (const line of body) {
    const label = labelOf(line);
    if (label === null) continue;
    if (ctx.blocks.has(label.text)) {
      throw new IrParseError(line.number, label.column, `block ${label.text} is defined twice in @${fn.name}`);
    }
    const block: Block = { label: label.text, function: fn, instructions: [], terminator: null };
    ctx.blocks.set(label.text, block);
    fn.blocks.push(block);
  }

  const defined = new Map<number, { inst: Instruction; line: number }>();
  const unnamed: Instruction[] = [];
  let current: Block | null = null;
  for (const line of body) {
    const c: Cursor = { line, pos: 0 };
    const label = labelOf(line);
    if (label !== null) {
      current = ctx.blocks.get(label.text)!;
      continue;
    }
    if (current === null) failAt(c, `expected a block label (such as 'entry:') before the first instruction`);
    if (current.terminator !== null) {
      failAt(c, `block ${current.label} already ended with its terminator; start a new block with a label`);
    }
    const first = peek(c);
    if (first?.kind === "word" && terminatorWords.has(first.text)) {
      current.terminator = parseTerminator(c, ctx);
      continue;
    }
    const inst = parseInstruction(c, ctx, current);
    if (inst.id >= 0) {
      const previous = defined.get(inst.id);
      if (previous !== undefined) failAt(c, `%${inst.id} is already defined on line ${previous.line}`, first);
      defined.set(inst.id, { inst, line: line.number });
    } else {
      unnamed.push(inst);
    }
    current.instructions.push(inst);
  }
  const resolve = (value: Value): Value => {
    const placeholder = value as unknown as Placeholder;
    if (placeholder.kind !== "placeholder") return value;
    const definition = defined.get(placeholder.id);
    if (definition === undefined) {
      throw new IrParseError(placeholder.line, placeholder.column, `%${placeholder.id} is not defined in @${fn.name}`);
    }
    return definition.inst;
  };
  for (const block of fn.blocks) {
    for (const inst of block.instructions) mapInstructionOperands(inst, resolve);
    mapTerminatorOperands(block.terminator, resolve);
  }

  // Void instructions print without ids; they get fresh ones after the named values'.
  let nextId = Math.max(-1, ...defined.keys()) + 1;
  for (const inst of unnamed) inst.id = nextId++;
  fn.nextId = nextId;
}

function readValue(c: Cursor, ctx: BodyContext): Value {
  const token = next(c, "a value");
  if (token.kind === "local") {
    if (!token.quoted && /^[0-9]+$/.test(token.text)) {
      const placeholder: Placeholder = {
        kind: "placeholder",
        id: Number(token.text),
        line: c.line.number,
        column: token.column,
      };
      return placeholder as unknown as Value;
    }
    return ctx.params.get(token.text) ?? failAt(c, `@${ctx.fn.name} has no parameter %${token.text}`, token);
  }
  return constantFromToken(c, token) ?? failAt(c, `expected a value, found ${describe(token)}`, token);
}

function readBlock(c: Cursor, ctx: BodyContext): Block {
  const token = peek(c);
  const label = readName(c, "a block label");
  return ctx.blocks.get(label) ?? failAt(c, `@${ctx.fn.name} has no block ${label}`, token);
}

function readArgs(c: Cursor, ctx: BodyContext): Value[] {
  expectPunct(c, "(");
  const args: Value[] = [];
  while (!isPunct(peek(c), ")")) {
    if (args.length > 0) expectPunct(c, ",");
    args.push(readValue(c, ctx));
  }
  expectPunct(c, ")");
  return args;
}

function parseTerminator(c: Cursor, ctx: BodyContext): Terminator {
  const keyword = next(c, "a terminator").text;
  let terminator: Terminator;
  switch (keyword) {
    case "br":
      terminator = { kind: "br", target: readBlock(c, ctx) };
      break;
    case "condbr": {
      const condition = readValue(c, ctx);
      expectPunct(c, ",");
      const ifTrue = readBlock(c, ctx);
      expectPunct(c, ",");
      terminator = { kind: "condbr", condition, ifTrue, ifFalse: readBlock(c, ctx) };
      break;
    }
    case "ret":
      terminator = { kind: "ret", value: peek(c) === undefined ? null : readValue(c, ctx) };
      break;
    case "raise":
      terminator = { kind: "raise", info: readRaise(c) };
      break;
    case "exit":
      terminator = { kind: "exit", status: readValue(c, ctx) };
      break;
    default:
      terminator = { kind: "unreachable" };
  }
  expectEnd(c);
  return terminator;
}

function readOptionalRaise(c: Cursor): RaiseInfo | null {
  if (!isWord(peek(c), "raises")) return null;
  c.pos++;
  return readRaise(c);
}

function readGlobal(c: Cursor, ctx: BodyContext): Global {
  const token = readSymbol(c, "a global");
  return ctx.m.globals.find((g) => g.name === token.text) ?? failAt(c, `no global @${token.text}`, token);
}

/** Parses `%id = op type operands` (or `op void operands`); a void instruction gets id -1 until numbered. */
function parseInstruction(c: Cursor, ctx: BodyContext, block: Block): Instruction {
  let id = -1;
  const first = peek(c);
  if (first?.kind === "local") {
    if (first.quoted || !/^[0-9]+$/.test(first.text)) {
      failAt(c, `an instruction's result is named by its id ('%7'), not ${describe(first)}`);
    }
    c.pos++;
    expectPunct(c, "=");
    id = Number(first.text);
  }
  const opToken = peek(c);
  const op = next(c, "an instruction").text;
  if (opToken?.kind !== "word")
    failAt(c, `expected an instruction or a terminator, found ${describe(opToken)}`, opToken);
  const compareOp = op === "icmp" || op === "fcmp" ? readOneOf(c, compareOps, "a comparison") : null;
  const typeToken = peek(c);
  const type = readType(c);
  if (id >= 0 && type === "void") failAt(c, "a void instruction has no value: drop its '%id ='", typeToken);
  if (id < 0 && type !== "void")
    failAt(c, `an instruction of type ${type} needs a result: write '%id = ${op} ...'`, opToken);

  const two = (): [Value, Value] => {
    const lhs = readValue(c, ctx);
    expectPunct(c, ",");
    return [lhs, readValue(c, ctx)];
  };
  let fields: Record<string, unknown>;
  if ((intOps as readonly string[]).includes(op) || (floatOps as readonly string[]).includes(op)) {
    const [lhs, rhs] = two();
    const kind = (intOps as readonly string[]).includes(op) ? "ibinary" : "fbinary";
    fields = { kind, op, lhs, rhs, raise: readOptionalRaise(c) };
  } else if (compareOp !== null) {
    const [lhs, rhs] = two();
    fields = { kind: op, op: compareOp, lhs, rhs };
  } else {
    switch (op) {
      case "ineg":
        fields = { kind: op, operand: readValue(c, ctx), raise: readOptionalRaise(c) };
        break;
      case "toint": {
        const operand = readValue(c, ctx);
        expectWord(c, "raises");
        fields = { kind: op, operand, raise: readRaise(c) };
        break;
      }
      case "fneg":
      case "not":
      case "tofloat":
      case "zext":
        fields = { kind: op, operand: readValue(c, ctx) };
        break;
      case "select": {
        const condition = readValue(c, ctx);
        expectPunct(c, ",");
        const [ifTrue, ifFalse] = two();
        fields = { kind: op, condition, ifTrue, ifFalse };
        break;
      }
      case "phi": {
        const incoming: { block: Block; value: Value }[] = [];
        while (peek(c) !== undefined) {
          if (incoming.length > 0) expectPunct(c, ",");
          expectPunct(c, "[");
          const value = readValue(c, ctx);
          expectPunct(c, ",");
          incoming.push({ value, block: readBlock(c, ctx) });
          expectPunct(c, "]");
        }
        fields = { kind: op, incoming };
        break;
      }
      case "call": {
        const token = readSymbol(c, "the callee");
        const callee =
          ctx.m.functions.find((f) => f.name === token.text) ?? failAt(c, `no function @${token.text}`, token);
        const args = readArgs(c, ctx);
        fields = { kind: op, callee, args, loc: readLoc(c) };
        break;
      }
      case "runtime": {
        const name = readSymbol(c, "the runtime function").text;
        const args = readArgs(c, ctx);
        fields = { kind: op, name, args, loc: peek(c) === undefined ? null : readLoc(c) };
        break;
      }
      case "load_global":
        fields = { kind: op, global: readGlobal(c, ctx) };
        break;
      case "store_global": {
        const global = readGlobal(c, ctx);
        expectPunct(c, ",");
        fields = { kind: op, global, value: readValue(c, ctx) };
        break;
      }
      case "elided_frames": {
        const count = readValue(c, ctx);
        fields = { kind: op, count, loc: readLoc(c) };
        break;
      }
      default:
        failAt(c, `unknown instruction '${op}'`, opToken);
    }
  }
  expectEnd(c);
  return { ...fields, id, type, block } as unknown as Instruction;
}
