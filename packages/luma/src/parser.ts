// LumaScript's parser: hand-written recursive descent over the token array. This file reads a file's
// declarations; statements, expressions, types and patterns have a file each (parser-*.ts), and
// `ParserCursor` holds the position, the error reporting and the recovery they share.
//
// Each declaration is a recovery point: a broken one is skipped up to the next declaration keyword
// (whole bracketed groups at a time), so one run reports the errors of every declaration.

import type {
  Attribute,
  AttributeName,
  Block,
  ConstDeclaration,
  Declaration,
  DocComment,
  EnumDeclaration,
  ExternFunctionDeclaration,
  FieldDeclaration,
  FunctionDeclaration,
  ImplDeclaration,
  ImportDeclaration,
  Module,
  Parameter,
  SelfParameter,
  StructDeclaration,
  VariantDeclaration,
} from "./ast.js";
import {
  DECLARATION_STARTS,
  ParserCursor,
  STATEMENT_STARTS,
  StopParsing,
  type SyncStops,
  startsDeclaration,
} from "./parser-cursor.js";
import { parseExpression } from "./parser-expressions.js";
import { parseBlock, parseBlockAfter } from "./parser-statements.js";
import { parseNamedType, parseType, parseTypeParameters } from "./parser-types.js";
import type { SourceText } from "./source-text.js";
import { SyntaxCode, type SyntaxDiagnostics } from "./syntax-diagnostics.js";
import { tokenize } from "./tokenizer.js";
import type { DocLine, Token } from "./tokens.js";

const ATTRIBUTE_NAMES: ReadonlySet<string> = new Set<AttributeName>(["test", "bench", "inline"]);

const EXPECTED_DECLARATION = "a declaration (`func`, `struct`, `enum`, `impl`, `const`, `import` or `extern func`)";

/** Where skipping stops after a broken declaration: the next declaration keyword outside brackets. */
const DECLARATION_STOPS: SyncStops = {
  before: (token, next) => startsDeclaration(token, next) || token.kind === "const",
  unmatchedCloser: "none",
};

/** Where skipping stops after a broken member of an `impl`. */
const MEMBER_STOPS: SyncStops = {
  before: (token) => token.kind === "func" || token.kind === "#",
  unmatchedCloser: "brace",
};

/** Parses a whole file. Never throws for any input: every problem is in `diagnostics`. */
export function parseModule(source: SourceText, diagnostics: SyntaxDiagnostics): Module {
  const tokens = tokenize(source, diagnostics);
  const p = new ParserCursor(tokens, source, diagnostics);
  const declarations: Declaration[] = [];
  try {
    while (!p.at("EndOfFile")) {
      const before = p.position;
      const context = p.saveContext();
      try {
        const declaration = parseDeclaration(p);
        if (declaration !== null) declarations.push(declaration);
      } catch (caught) {
        p.recover(caught, context, DECLARATION_STOPS);
      }
      if (p.position === before) p.skipOne();
    }
  } catch (caught) {
    if (!(caught instanceof StopParsing)) throw caught;
  }
  p.reportDanglingDocs();
  return { kind: "Module", source, declarations, start: 0, end: source.text.length };
}

/** What precedes a declaration's keyword: its doc comment and attributes. */
interface DeclarationHeader {
  readonly docs: DocComment | null;
  readonly attributes: readonly Attribute[];
  /** Where the declaration starts: its first attribute, or its keyword. */
  readonly start: number;
}

/** Reads `///` lines and `#[…]` attributes in any order; the doc lines may sit before or between them. */
function parseDeclarationHeader(p: ParserCursor): DeclarationHeader {
  const start = p.token.start;
  const docLines: DocLine[] = [...p.takeDocLines()];
  const attributes: Attribute[] = [];
  while (p.at("#")) {
    const attribute = parseAttribute(p);
    if (attribute !== null) attributes.push(attribute);
    docLines.push(...p.takeDocLines());
  }
  return { docs: docCommentOf(docLines), attributes, start };
}

function docCommentOf(lines: readonly DocLine[]): DocComment | null {
  if (lines.length === 0) return null;
  const text = lines.map((line) => line.text).join("\n");
  return { kind: "DocComment", text, start: lines[0]!.start, end: lines[lines.length - 1]!.end };
}

/** `#[name]`; an unknown name is reported and dropped. */
function parseAttribute(p: ParserCursor): Attribute | null {
  const hash = p.advance();
  const opener = p.expect("[", { help: ["an attribute is written `#[test]`"] });
  const name = p.expectIdentifier("an attribute name");
  const closer = p.expect("]", { opener, help: ["attributes take no arguments: `#[inline]`"] });
  if (!ATTRIBUTE_NAMES.has(name.name)) {
    p.report({
      code: SyntaxCode.UnknownAttribute,
      message: `expected \`test\`, \`bench\` or \`inline\` in the attribute, found \`${name.name}\``,
      start: name.start,
      end: name.end,
      help: ["the attributes are `#[test]`, `#[bench]` and `#[inline]`"],
    });
    return null;
  }
  return { kind: "Attribute", name: name.name as AttributeName, start: hash.start, end: closer.end };
}

function parseDeclaration(p: ParserCursor): Declaration | null {
  const header = parseDeclarationHeader(p);
  const token = p.token;
  if (token.kind !== "func" && header.attributes.length > 0) {
    const first = header.attributes[0]!;
    p.report({
      code: SyntaxCode.MisplacedItem,
      message: `expected \`func\` after the attributes, found ${p.describe(token)}`,
      start: first.start,
      end: header.attributes[header.attributes.length - 1]!.end,
      label: "attributes apply only to functions",
      help: ["put `#[test]`, `#[bench]` or `#[inline]` right before a `func`"],
    });
  }
  switch (token.kind) {
    case "func":
      return parseFunction(p, header, false);
    case "extern":
      return parseExternFunction(p, header);
    case "struct":
      return parseStruct(p, header);
    case "enum":
      return parseEnum(p, header);
    case "impl":
      return parseImpl(p, header);
    case "const":
      return parseConst(p, header);
    case "import":
      return parseImport(p, header);
    case "let":
      // Skipping goes on to the next declaration, so a run of stray statements costs one error.
      return p.fail({
        code: SyntaxCode.MisplacedItem,
        message: "expected a declaration, found `let` outside a function",
        start: token.start,
        end: token.end,
        help: ["a top-level value is a constant: `const LIMIT: i64 = 100;`; variables live in functions"],
      });
    case "}":
      return p.failExpected(EXPECTED_DECLARATION, { help: ["this `}` closes no block"] });
    default:
      return p.failExpected(EXPECTED_DECLARATION, {
        help: DECLARATION_STARTS.has(token.kind) ? [] : ["statements belong in a function body: `func main() { … }`"],
      });
  }
}

function parseFunction(p: ParserCursor, header: DeclarationHeader, inImpl: boolean): FunctionDeclaration {
  p.expect("func");
  const name = p.expectIdentifier("a function name after `func`");
  const typeParameters = parseTypeParameters(p);
  const list = p.delimited("(", ")", "a parameter", () => parseParameterOrSelf(p));
  let selfParameter: SelfParameter | null = null;
  const parameters: Parameter[] = [];
  for (const [index, parameter] of list.items.entries()) {
    if (parameter.kind === "Parameter") {
      parameters.push(parameter);
    } else if (!inImpl || index > 0) {
      p.report({
        code: SyntaxCode.MisplacedItem,
        message: inImpl
          ? "expected `self` as the first parameter, found it later"
          : "expected a parameter `name: Type`, found `self` outside an `impl`",
        start: parameter.start,
        end: parameter.end,
        help: [
          inImpl
            ? "a method's receiver comes first: `func norm(self, scale: f64)`"
            : "methods taking `self` are declared in `impl Type { … }`",
        ],
      });
    } else {
      selfParameter = parameter;
    }
  }
  const returnType = p.eat("->") ? parseType(p) : null;
  const body = p.at("{") ? parseBlock(p) : parseBodyWithoutBrace(p);
  return {
    kind: "Function",
    docs: header.docs,
    attributes: header.attributes,
    name,
    typeParameters,
    selfParameter,
    parameters,
    returnType,
    body,
    start: header.start,
    end: body.end,
  };
}

/**
 * A function whose `{` is missing: when its statements start on the next line, the error is reported
 * and they are read as its body (a stand-in `{` at the end of the signature); otherwise it fails.
 */
function parseBodyWithoutBrace(p: ParserCursor): Block {
  const token = p.token;
  const help = p.at(";") ? ["only an `extern func` is declared without a body"] : [];
  const bodyFollows = token.newlineBefore && (STATEMENT_STARTS.has(token.kind) || token.kind === "Identifier");
  if (!bodyFollows) p.failExpected("`{` to start the function's body", { help });
  const signatureEnd = p.previous.end;
  p.report({
    code: SyntaxCode.UnexpectedToken,
    message: `expected \`{\` to start the function's body, found ${p.describe(token)}`,
    start: signatureEnd,
    end: signatureEnd,
    label: "expected `{` here",
    help: ["a function's body is a block: `func main() { … }`"],
  });
  const standIn: Token = { ...token, kind: "{", start: signatureEnd, end: signatureEnd };
  return parseBlockAfter(p, standIn);
}

/** `name: Type`, or `self` (which the caller accepts only first, in an impl). */
function parseParameterOrSelf(p: ParserCursor): Parameter | SelfParameter {
  if (p.at("self")) {
    const token = p.advance();
    return { kind: "SelfParameter", start: token.start, end: token.end };
  }
  return parseParameter(p);
}

function parseParameter(p: ParserCursor): Parameter {
  const name = p.expectIdentifier("a parameter name");
  p.expect(":", { help: ["a parameter declares its type: `n: i64`"] });
  const type = parseType(p);
  return { kind: "Parameter", name, type, start: name.start, end: type.end };
}

/** `extern func name(params) -> R;`: a C function's signature. */
function parseExternFunction(p: ParserCursor, header: DeclarationHeader): ExternFunctionDeclaration {
  p.advance();
  p.expect("func", { help: ["C functions are declared `extern func puts(s: ptr<u8>) -> i32;`"] });
  const name = p.expectIdentifier("a function name");
  const parameters = p.delimited("(", ")", "a parameter", () => parseParameter(p)).items;
  const returnType = p.eat("->") ? parseType(p) : null;
  if (!p.at(";")) {
    p.failExpected("`;` after the extern function's signature", {
      help: p.at("{") ? ["an `extern func` is defined in C and has no body here"] : [],
    });
  }
  const semicolon = p.advance();
  return {
    kind: "ExternFunction",
    docs: header.docs,
    name,
    parameters,
    returnType,
    start: header.start,
    end: semicolon.end,
  };
}

function parseStruct(p: ParserCursor, header: DeclarationHeader): StructDeclaration {
  p.advance();
  const name = p.expectIdentifier("a struct name");
  const typeParameters = parseTypeParameters(p);
  const list = p.delimited("{", "}", "a field", (): FieldDeclaration => {
    const docs = docCommentOf(p.takeDocLines());
    const fieldName = p.expectIdentifier("a field name");
    p.expect(":", { help: ["a field declares its type: `x: f64`"] });
    const type = parseType(p);
    return { kind: "Field", docs, name: fieldName, type, start: fieldName.start, end: type.end };
  });
  return {
    kind: "Struct",
    docs: header.docs,
    name,
    typeParameters,
    fields: list.items,
    start: header.start,
    end: list.end,
  };
}

function parseEnum(p: ParserCursor, header: DeclarationHeader): EnumDeclaration {
  p.advance();
  const name = p.expectIdentifier("an enum name");
  const typeParameters = parseTypeParameters(p);
  const list = p.delimited("{", "}", "a variant", (): VariantDeclaration => {
    const docs = docCommentOf(p.takeDocLines());
    const variantName = p.expectIdentifier("a variant name");
    if (!p.at("(")) {
      return {
        kind: "Variant",
        docs,
        name: variantName,
        payload: null,
        start: variantName.start,
        end: variantName.end,
      };
    }
    const payload = p.delimited("(", ")", "a payload type", () => parseType(p));
    return {
      kind: "Variant",
      docs,
      name: variantName,
      payload: payload.items,
      start: variantName.start,
      end: payload.end,
    };
  });
  return {
    kind: "Enum",
    docs: header.docs,
    name,
    typeParameters,
    variants: list.items,
    start: header.start,
    end: list.end,
  };
}

/** `impl<T> Type<T> { func … }`: each method a recovery point. */
function parseImpl(p: ParserCursor, header: DeclarationHeader): ImplDeclaration {
  p.advance();
  const typeParameters = parseTypeParameters(p);
  const target = parseNamedType(p);
  const opener = p.expect("{");
  const methods: FunctionDeclaration[] = [];
  let end: number;
  for (;;) {
    const token = p.token;
    if (token.kind === "}") {
      end = p.advance().end;
      break;
    }
    if (token.kind === "EndOfFile" || (p.atDeclaration() && !isMemberStart(token))) {
      p.reportUnclosed(opener, "impl");
      end = p.previous.end;
      break;
    }
    const before = p.position;
    const context = p.saveContext();
    try {
      const memberHeader = parseDeclarationHeader(p);
      if (!p.at("func")) {
        p.failExpected("`func` or `}` in the impl", {
          help: ["an impl holds functions; fields are declared in the struct"],
        });
      }
      methods.push(parseFunction(p, memberHeader, true));
    } catch (caught) {
      p.recover(caught, context, MEMBER_STOPS);
    }
    if (p.position === before) p.skipOne();
  }
  return { kind: "Impl", docs: header.docs, typeParameters, target, methods, start: header.start, end };
}

function isMemberStart(token: Token): boolean {
  return token.kind === "func" || token.kind === "#";
}

/** `const NAME: T = value;` */
function parseConst(p: ParserCursor, header: DeclarationHeader): ConstDeclaration {
  p.advance();
  const name = p.expectIdentifier("a constant name");
  p.expect(":", { help: ["a constant declares its type: `const LIMIT: i64 = 100;`"] });
  const type = parseType(p);
  p.expect("=", { help: ["a constant is given its value: `const LIMIT: i64 = 100;`"] });
  const value = parseExpression(p);
  p.expectSemicolon();
  return { kind: "Const", docs: header.docs, name, type, value, start: header.start, end: p.previous.end };
}

/** `import "relative/path.ls";` */
function parseImport(p: ParserCursor, header: DeclarationHeader): ImportDeclaration {
  p.advance();
  const token = p.token;
  if (token.kind !== "String") {
    p.failExpected("a file path in quotes", { help: ['imports name a file: `import "geometry.ls";`'] });
  }
  p.advance();
  const path = { kind: "StringLiteral" as const, value: token.value as string, start: token.start, end: token.end };
  p.expectSemicolon();
  return { kind: "Import", docs: header.docs, path, start: header.start, end: p.previous.end };
}
