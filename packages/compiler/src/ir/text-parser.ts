// Reads the printer's textual IR back into a Module, so pass tests can be written as IR text in and
// IR text out. It accepts exactly what printer.ts prints, plus blank lines, `;` comments and an
// optional `module` line; it checks syntax and names, and leaves types to the validator.
//
// Values may be used before they are defined (phis, and blocks not in dominance order), so operands
// naming an instruction are parsed to placeholders and resolved once the whole function is read.

import { addFunction, addGlobal, createModule, declareExternal } from "./builder.js";
import { describeInstruction, instructionByOpcode, type Piece, terminatorDescriptors } from "./instructions.js";
import type {
  ArgumentOwnership,
  Block,
  Constant,
  External,
  Global,
  Instruction,
  IrFunction,
  Layout,
  Module,
  Param,
  RaiseInfo,
  SourceLoc,
  Terminator,
  Value,
} from "./ir.js";
import { declareLayout, runtimeLayouts } from "./layouts.js";
import { fnType, type IrType, refType, scalarTypes, structType, types, variantType } from "./types.js";
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
  /** For a loc naming its file (`@"f.py":3:4`), the file. */
  readonly file?: string;
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

const terminatorWords = new Set(Object.keys(terminatorDescriptors));

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
        const fileLoc =
          ch === "@" && text[rest + quoted.length] === ":" ? matchAt(locPattern, text, rest + quoted.length + 1) : null;
        if (fileLoc !== null) {
          tokens.push({ kind: "loc", text: fileLoc, file: value, quoted: true, column });
          at = rest + quoted.length + 1 + fileLoc.length;
          continue;
        }
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
    } else if ("(){}[],:=|".includes(ch)) {
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

/** What names mean while a module is read: its layouts (for types) and the file of bare locations. */
interface Scope {
  readonly layouts: Map<string, Layout>;
  file: string;
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

/** Moves past the word when it comes next; says whether it did. */
function skipWord(c: Cursor, text: string): boolean {
  if (!isWord(peek(c), text)) return false;
  c.pos++;
  return true;
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

/** A type: a scalar, `ref L`, `{A, B}`, `variant{A | B}` or `fn(A, B) -> R`. */
function readType(c: Cursor, scope: Scope): IrType {
  const token = next(c, "a type");
  if (token.kind === "word") {
    const scalar = scalarTypes.get(token.text);
    if (scalar !== undefined) return scalar;
    if (token.text === "ref") {
      const nameToken = peek(c);
      const name = readName(c, "a layout name");
      const layout = scope.layouts.get(name) ?? failAt(c, `no layout ${name}`, nameToken);
      return refType(layout);
    }
    if (token.text === "variant") {
      expectPunct(c, "{");
      const cases = [readType(c, scope)];
      while (isPunct(peek(c), "|")) {
        c.pos++;
        cases.push(readType(c, scope));
      }
      expectPunct(c, "}");
      if (cases.length < 2) failAt(c, "a variant has at least two cases", token);
      return variantType(cases);
    }
    if (token.text === "fn") {
      const params = readTypeList(c, scope, "(", ")");
      expectPunct(c, "->");
      return fnType(params, readType(c, scope));
    }
  }
  if (isPunct(token, "{")) {
    c.pos--;
    return structType(readTypeList(c, scope, "{", "}"));
  }
  return failAt(c, `expected a type, found ${describe(token)}`, token);
}

function readTypeList(c: Cursor, scope: Scope, open: string, close: string): IrType[] {
  expectPunct(c, open);
  const list: IrType[] = [];
  while (!isPunct(peek(c), close)) {
    if (list.length > 0) expectPunct(c, ",");
    list.push(readType(c, scope));
  }
  expectPunct(c, close);
  return list;
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

function readLoc(c: Cursor, scope: Scope): SourceLoc {
  const token = peek(c);
  if (token?.kind !== "loc") failAt(c, `expected a source location ('@line:col'), found ${describe(token)}`);
  c.pos++;
  const [line, col] = token.text.split(":").map(Number);
  return { file: token.file ?? scope.file, line: line!, col: col! };
}

function readRaise(c: Cursor, scope: Scope): RaiseInfo {
  const kind = readName(c, "an exception kind");
  const message = readString(c, "an exception message");
  return { kind, message, loc: readLoc(c, scope) };
}

/** Reads a constant from its bare spelling (i1, i64, f64, unit, a string); null when the token spells none. */
function constantFromToken(c: Cursor, token: Token): Constant | null {
  if (token.kind === "string") return { kind: "const", type: refType(runtimeLayouts.str), value: token.text };
  if (token.kind === "word") {
    switch (token.text) {
      case "true":
      case "false":
        return { kind: "const", type: types.i1, value: token.text === "true" };
      case "unit":
        return { kind: "const", type: types.unit, value: null };
      case "nan":
        return { kind: "const", type: types.f64, value: Number.NaN };
      case "inf":
        return { kind: "const", type: types.f64, value: Number.POSITIVE_INFINITY };
      case "-inf":
        return { kind: "const", type: types.f64, value: Number.NEGATIVE_INFINITY };
    }
    return null;
  }
  if (token.kind !== "number") return null;
  if (/^-?[0-9]+$/.test(token.text)) {
    const value = BigInt(token.text);
    if (BigInt.asIntN(64, value) !== value) failAt(c, `integer ${token.text} does not fit in i64`, token);
    return { kind: "const", type: types.i64, value };
  }
  return { kind: "const", type: types.f64, value: Number(token.text) };
}

/** A constant: bare, or typed (`i8 7`, `f32 1.5`, `null variant{unit | ref Node}`). */
function readConstant(c: Cursor, scope: Scope): Constant {
  const token = peek(c);
  if (token === undefined) return failAt(c, "expected a constant, found end of line");
  if (isWord(token, "null")) {
    c.pos++;
    return { kind: "const", type: readType(c, scope), value: null };
  }
  // A type before the value, except `unit`, which is the unit value itself.
  const typed = scalarTypes.has(token.text) && token.text !== "unit";
  if (token.kind === "word" && (typed || token.text === "ref" || token.text === "variant")) {
    const type = readType(c, scope);
    const valueToken = next(c, "a constant");
    const bare =
      constantFromToken(c, valueToken) ?? failAt(c, `expected a constant, found ${describe(valueToken)}`, valueToken);
    if (type.kind === "float" && typeof bare.value === "bigint")
      return { kind: "const", type, value: Number(bare.value) };
    return { ...bare, type } as Constant;
  }
  c.pos++;
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
  const scope: Scope = {
    layouts: new Map(Object.values(runtimeLayouts).map((l) => [l.name, l])),
    file: sourceFile,
  };
  // Layouts first: any type anywhere may name one, and a layout's fields may name a later layout.
  const layoutLines: { layout: Layout; c: Cursor }[] = [];
  for (const line of lines.slice(i)) {
    if (!isWord(line.tokens[0], "layout")) continue;
    const c: Cursor = { line, pos: 1 };
    const nameToken = peek(c);
    const name = readName(c, "the layout's name");
    if (scope.layouts.has(name)) failAt(c, `layout ${name} is already declared`, nameToken);
    const layout = declareLayout(name);
    scope.layouts.set(name, layout);
    m.layouts.push(layout);
    layoutLines.push({ layout, c });
  }
  for (const { layout, c } of layoutLines) layout.fields = readLayoutFields(c, scope);

  const functionLines = new Map<string, number>();
  const pending: PendingFunction[] = [];
  let entry: { name: string; line: Line; column: number } | null = null;

  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const c: Cursor = { line, pos: 0 };
    const keyword = next(c, "'entry', 'layout', 'extern', 'global' or 'func'");
    if (isWord(keyword, "entry")) {
      if (entry !== null) failAt(c, `the entry function is already given on line ${entry.line.number}`, keyword);
      const name = readSymbol(c, "the entry function");
      expectEnd(c);
      entry = { name: name.text, line, column: name.column };
    } else if (isWord(keyword, "layout")) {
      // Read above.
    } else if (isWord(keyword, "extern")) {
      parseExternal(c, m, scope);
    } else if (isWord(keyword, "global")) {
      parseGlobal(c, m, scope);
    } else if (isWord(keyword, "func")) {
      const fn = parseFunctionHeader(c, m, scope, functionLines);
      const body: Line[] = [];
      for (i++; i < lines.length && !isClosingBrace(lines[i]!); i++) body.push(lines[i]!);
      if (i === lines.length)
        failAt(c, `function @${fn.name} is not closed: expected '}' on a line of its own`, keyword);
      pending.push({ fn, body });
    } else {
      const module = isWord(keyword, "module") ? "; 'module' must be the first line" : "";
      failAt(
        c,
        `expected 'entry', 'layout', 'extern', 'global' or 'func', found ${describe(keyword)}${module}`,
        keyword,
      );
    }
  }

  if (entry !== null) {
    const fn = m.functions.find((f) => f.name === entry.name);
    if (fn === undefined) throw new IrParseError(entry.line.number, entry.column, `no function @${entry.name}`);
    m.entry = fn;
  }
  for (const p of pending) parseFunctionBody(p, m, scope);
  return m;
}

function isClosingBrace(line: Line): boolean {
  return line.tokens.length === 1 && isPunct(line.tokens[0], "}");
}

/** `{ name: type, ... }` after a layout's name. */
function readLayoutFields(c: Cursor, scope: Scope): { name: string; type: IrType }[] {
  expectPunct(c, "{");
  const fields: { name: string; type: IrType }[] = [];
  while (!isPunct(peek(c), "}")) {
    if (fields.length > 0) expectPunct(c, ",");
    const nameToken = peek(c);
    const name = readName(c, "a field name");
    if (fields.some((f) => f.name === name)) failAt(c, `field ${name} is declared twice`, nameToken);
    expectPunct(c, ":");
    fields.push({ name, type: readType(c, scope) });
  }
  expectPunct(c, "}");
  expectEnd(c);
  return fields;
}

/** `extern @name(consume ref str, i64) -> borrowed ref str canfail memory any noreturn libm "sin"`. */
function parseExternal(c: Cursor, m: Module, scope: Scope): void {
  const name = readSymbol(c, "the external's name");
  if (m.externals.some((e) => e.name === name.text)) failAt(c, `external @${name.text} is declared twice`, name);
  expectPunct(c, "(");
  const params: IrType[] = [];
  const argumentOwnership: ArgumentOwnership[] = [];
  while (!isPunct(peek(c), ")")) {
    if (params.length > 0) expectPunct(c, ",");
    const consumes = isWord(peek(c), "consume");
    if (consumes) c.pos++;
    argumentOwnership.push(consumes ? "consume" : "borrow");
    params.push(readType(c, scope));
  }
  expectPunct(c, ")");
  expectPunct(c, "->");
  const borrowed = isWord(peek(c), "borrowed");
  if (borrowed) c.pos++;
  const result = readType(c, scope);
  const external: { -readonly [K in keyof External]: External[K] } = {
    name: name.text,
    params,
    result,
    canFail: false,
    memory: "any",
    noReturn: false,
    argumentOwnership,
    resultOwnership: borrowed ? "borrowed" : "owned",
    checksLibm: null,
  };
  while (peek(c) !== undefined) {
    const flag = readOneOf(c, ["canfail", "memory", "noreturn", "libm"], "an external's property");
    if (flag === "canfail") external.canFail = true;
    else if (flag === "noreturn") external.noReturn = true;
    else if (flag === "memory") external.memory = readOneOf(c, ["none", "read", "any"], "a memory effect");
    else external.checksLibm = readString(c, "the C library function");
  }
  declareExternal(m, external);
}

function parseGlobal(c: Cursor, m: Module, scope: Scope): void {
  const name = readSymbol(c, "the global's name");
  if (m.globals.some((g) => g.name === name.text)) failAt(c, `global @${name.text} is defined twice`, name);
  expectPunct(c, ":");
  const typeToken = peek(c);
  const type = readType(c, scope);
  expectPunct(c, "=");
  const initial = readConstant(c, scope);
  expectEnd(c);
  if (initial.type !== type) {
    failAt(
      c,
      `global @${name.text} has type ${type.text} but its initial value has type ${initial.type.text}`,
      typeToken,
    );
  }
  addGlobal(m, name.text, initial);
}

/** `@name(%p: type, ...) -> type [display "name"] [exported] [file "f.py"] {`. */
function parseFunctionHeader(c: Cursor, m: Module, scope: Scope, functionLines: Map<string, number>): IrFunction {
  const name = readSymbol(c, "the function's name");
  const previous = functionLines.get(name.text);
  if (previous !== undefined) failAt(c, `function @${name.text} is already defined on line ${previous}`, name);
  functionLines.set(name.text, c.line.number);
  expectPunct(c, "(");
  const params: { name: string; type: IrType; immediate: boolean }[] = [];
  while (!isPunct(peek(c), ")")) {
    if (params.length > 0) expectPunct(c, ",");
    const token = peek(c);
    if (token?.kind !== "local" || (!token.quoted && /^[0-9]/.test(token.text))) {
      failAt(c, `expected a parameter ('%name'), found ${describe(token)}`);
    }
    if (params.some((p) => p.name === token.text)) failAt(c, `parameter %${token.text} is declared twice`);
    c.pos++;
    expectPunct(c, ":");
    const type = readType(c, scope);
    const immediate = isWord(peek(c), "immediate");
    if (immediate) c.pos++;
    params.push({ name: token.text, type, immediate });
  }
  expectPunct(c, ")");
  expectPunct(c, "->");
  const returnType = readType(c, scope);
  let displayName = name.text;
  if (isWord(peek(c), "display")) {
    c.pos++;
    displayName = readString(c, "the display name");
  }
  const exported = isWord(peek(c), "exported");
  if (exported) c.pos++;
  let file = m.sourceFile;
  if (isWord(peek(c), "file")) {
    c.pos++;
    file = readString(c, "the function's source file");
  }
  expectPunct(c, "{");
  expectEnd(c);
  const fn = addFunction(m, name.text, displayName, params, returnType, { sourceFile: file });
  params.forEach((p, i) => {
    if (p.immediate) fn.params[i]!.immediate = true;
  });
  if (exported) fn.linkage = "exported";
  return fn;
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
  readonly scope: Scope;
}

function labelOf(line: Line): Token | null {
  const [name, colon] = line.tokens;
  if (line.tokens.length !== 2 || !isPunct(colon, ":")) return null;
  return name?.kind === "word" || name?.kind === "string" ? name : null;
}

function parseFunctionBody({ fn, body }: PendingFunction, m: Module, moduleScope: Scope): void {
  const scope: Scope = { layouts: moduleScope.layouts, file: fn.sourceFile };
  const ctx: BodyContext = { m, fn, blocks: new Map(), params: new Map(fn.params.map((p) => [p.name, p])), scope };
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
  const token = peek(c);
  if (token?.kind === "local") {
    c.pos++;
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
  return readConstant(c, ctx.scope);
}

function readBlock(c: Cursor, ctx: BodyContext): Block {
  const token = peek(c);
  const label = readName(c, "a block label");
  return ctx.blocks.get(label) ?? failAt(c, `@${ctx.fn.name} has no block ${label}`, token);
}

function readValueList(c: Cursor, ctx: BodyContext): Value[] {
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
  const kind = next(c, "a terminator").text as Terminator["kind"];
  const fields = readPieces(c, ctx, terminatorDescriptors[kind].pieces);
  expectEnd(c);
  return { kind, ...fields } as unknown as Terminator;
}

/** Reads the fields the pieces show, in order. */
function readPieces(c: Cursor, ctx: BodyContext, pieces: readonly Piece[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const piece of pieces) {
    switch (piece.p) {
      case "value":
        fields[piece.field] = readValue(c, ctx);
        break;
      case "optionalValue": {
        const hasValue = Object.keys(fields).length === 0 ? peek(c) !== undefined : isPunct(peek(c), ",");
        if (hasValue && Object.keys(fields).length > 0) c.pos++;
        fields[piece.field] = hasValue ? readValue(c, ctx) : null;
        break;
      }
      case "values":
        fields[piece.field] = readValueList(c, ctx);
        break;
      case "function": {
        const token = readSymbol(c, "a function");
        fields[piece.field] =
          ctx.m.functions.find((f) => f.name === token.text) ?? failAt(c, `no function @${token.text}`, token);
        break;
      }
      case "external": {
        const token = readSymbol(c, "an external function");
        fields[piece.field] =
          ctx.m.externals.find((e) => e.name === token.text) ??
          failAt(c, `no external @${token.text}: declare it with 'extern @${token.text}(...) -> ...'`, token);
        break;
      }
      case "global": {
        const token = readSymbol(c, "a global");
        fields[piece.field] = readGlobalNamed(c, ctx, token);
        break;
      }
      case "index": {
        const token = next(c, "an index");
        if (token.kind !== "number" || !/^[0-9]+$/.test(token.text))
          failAt(c, `expected an index, found ${describe(token)}`, token);
        fields[piece.field] = Number(token.text);
        break;
      }
      case "word":
        fields[piece.field] = readOneOf(c, piece.words, piece.field);
        break;
      case "flag":
        if (skipWord(c, piece.word)) fields[piece.field] = true;
        break;
      case "comma":
        expectPunct(c, ",");
        break;
      case "block":
        fields[piece.field] = readBlock(c, ctx);
        break;
      case "raise":
        if (piece.optional) {
          fields[piece.field] = skipWord(c, "raises") ? readRaise(c, ctx.scope) : null;
        } else {
          skipWord(c, "raises");
          fields[piece.field] = readRaise(c, ctx.scope);
        }
        break;
      case "loc":
        fields.loc = piece.optional && peek(c)?.kind !== "loc" ? null : readLoc(c, ctx.scope);
        break;
      case "incoming": {
        const incoming: { block: Block; value: Value }[] = [];
        while (peek(c) !== undefined && !isWord(peek(c), "unwind")) {
          if (incoming.length > 0) expectPunct(c, ",");
          expectPunct(c, "[");
          const value = readValue(c, ctx);
          expectPunct(c, ",");
          incoming.push({ value, block: readBlock(c, ctx) });
          expectPunct(c, "]");
        }
        fields.incoming = incoming;
        break;
      }
      case "unwind":
        fields.unwind = skipWord(c, "unwind") ? readBlock(c, ctx) : null;
        break;
    }
  }
  return fields;
}

function readGlobalNamed(c: Cursor, ctx: BodyContext, token: Token): Global {
  return ctx.m.globals.find((g) => g.name === token.text) ?? failAt(c, `no global @${token.text}`, token);
}

/** Parses `%id = opcode type pieces` (or `opcode void pieces`); a void instruction gets id -1 until numbered. */
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
  const opcode = next(c, "an instruction").text;
  const described = opToken?.kind === "word" ? instructionByOpcode.get(opcode) : undefined;
  if (opToken?.kind !== "word")
    failAt(c, `expected an instruction or a terminator, found ${describe(opToken)}`, opToken);
  if (described === undefined) failAt(c, `unknown instruction '${opcode}'`, opToken);
  const descriptor = instructionDescriptorFor(described.kind);
  const qualifier =
    descriptor.qualifier === undefined ? null : readOneOf(c, descriptor.qualifier.words, descriptor.qualifier.field);
  const typeToken = peek(c);
  const type = readType(c, ctx.scope);
  if (id >= 0 && type === types.void) failAt(c, "a void instruction has no value: drop its '%id ='", typeToken);
  if (id < 0 && type !== types.void) {
    failAt(c, `an instruction of type ${type.text} needs a result: write '%id = ${opcode} ...'`, opToken);
  }
  const fields = readPieces(c, ctx, descriptor.pieces);
  if (described.op !== null) fields[descriptor.opField!] = described.op;
  if (qualifier !== null) fields[descriptor.qualifier!.field] = qualifier;
  expectEnd(c);
  return { kind: described.kind, ...fields, id, type, block } as unknown as Instruction;
}

function instructionDescriptorFor(kind: Instruction["kind"]) {
  return describeInstruction({ kind } as Instruction);
}
