// Patterns: what a match arm tests (variants with payload patterns, integer, string and bool
// literals, a name, `_`), and what a `for` loop binds (a name, `_`, or a pair taken apart).

import type { ForBinding, Identifier, Pattern } from "./ast.js";
import type { ParserCursor } from "./parser-cursor.js";

export function parsePattern(p: ParserCursor): Pattern {
  p.enterNesting();
  const pattern = parsePatternHere(p);
  p.leaveNesting();
  return pattern;
}

function parsePatternHere(p: ParserCursor): Pattern {
  const token = p.token;
  switch (token.kind) {
    case "Integer":
      p.advance();
      return { kind: "LiteralPattern", value: token.value as bigint, start: token.start, end: token.end };
    case "-": {
      p.advance();
      const literal = p.token;
      if (literal.kind !== "Integer") p.failExpected("an integer after `-` in a pattern");
      p.advance();
      return { kind: "LiteralPattern", value: -(literal.value as bigint), start: token.start, end: literal.end };
    }
    case "String":
      p.advance();
      return { kind: "LiteralPattern", value: token.value as string, start: token.start, end: token.end };
    case "true":
    case "false":
      p.advance();
      return { kind: "LiteralPattern", value: token.kind === "true", start: token.start, end: token.end };
    case "Identifier":
      return parseNamedPattern(p);
    case "Float":
      return p.failExpected("a pattern", {
        help: ["a float cannot be matched exactly; test it with `if` instead"],
      });
    default:
      return p.failExpected("a pattern (a variant, a literal, a name or `_`)");
  }
}

/** `_`, `x`, `None`, `Some(x)`, `Shape::Circle(r)`, `Color::Red`. */
function parseNamedPattern(p: ParserCursor): Pattern {
  const first = p.expectIdentifier("a pattern");
  if (p.eat("::")) {
    const name = p.expectIdentifier("a variant name after `::`");
    const payload = p.at("(") ? parsePayloadPatterns(p) : null;
    const end = payload === null ? name.end : p.previous.end;
    return { kind: "VariantPattern", owner: first, name, payload, start: first.start, end };
  }
  if (p.at("(")) {
    const payload = parsePayloadPatterns(p);
    return { kind: "VariantPattern", owner: null, name: first, payload, start: first.start, end: p.previous.end };
  }
  if (first.name === "_") return { kind: "WildcardPattern", start: first.start, end: first.end };
  return bindingOf(first);
}

function parsePayloadPatterns(p: ParserCursor): Pattern[] {
  return p.delimited("(", ")", "a pattern", () => parsePattern(p)).items;
}

/** `i`, `_`, or `(k, v)` after `for`. */
export function parseForBinding(p: ParserCursor): ForBinding {
  p.enterNesting();
  let binding: ForBinding;
  if (p.at("(")) {
    const start = p.token.start;
    const list = p.delimited("(", ")", "a name", () => parseForBinding(p));
    binding = { kind: "TuplePattern", elements: list.items, start, end: list.end };
  } else {
    const help = p.at("let") ? ["a `for` loop names its variable directly: `for i in 0..n { … }`"] : [];
    if (!p.at("Identifier")) p.failExpected("a name or `(` after `for`", { help });
    const name = p.expectIdentifier("a name");
    binding = name.name === "_" ? { kind: "WildcardPattern", start: name.start, end: name.end } : bindingOf(name);
  }
  p.leaveNesting();
  return binding;
}

function bindingOf(name: Identifier): Pattern & ForBinding {
  return { kind: "BindingPattern", name, start: name.start, end: name.end };
}
