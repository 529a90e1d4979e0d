/**
 * LumaScript's tokens. A token's kind is its own spelling for keywords and punctuation (`"let"`,
 * `"=="`), so parser code reads like the grammar, and a name for the rest (`"Identifier"`).
 */

/** Reserved words. `sizeof` and `alloc` are not among them: they are ordinary names that the
 * parser reads as built-ins only when called (`sizeof(T)`), so a method may still be named `alloc`. */
export const KEYWORDS = [
  "as",
  "break",
  "const",
  "continue",
  "else",
  "enum",
  "extern",
  "false",
  "for",
  "func",
  "if",
  "impl",
  "import",
  "in",
  "let",
  "match",
  "return",
  "self",
  "struct",
  "true",
  "while",
] as const;

export type Keyword = (typeof KEYWORDS)[number];

/**
 * Punctuation, longest first so that the tokenizer can take the first that matches (maximal munch).
 * `>` is always a token of its own: `>>`, `>=` and `>>=` are read by the parser from adjacent `>` and
 * `=` tokens, so that `Array<Array<i64>>` closes two type argument lists without splitting a token.
 */
export const PUNCTUATORS = [
  "**=",
  "<<=",
  "::",
  "->",
  "=>",
  "==",
  "!=",
  "<=",
  "<<",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "&&",
  "||",
  "**",
  "..",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ";",
  ":",
  ".",
  "=",
  "!",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "&",
  "|",
  "^",
  "~",
  "?",
  "@",
  "#",
] as const;

export type Punctuator = (typeof PUNCTUATORS)[number];

export type LiteralKind = "Identifier" | "Integer" | "Float" | "String";

export type TokenKind = Keyword | Punctuator | LiteralKind | "EndOfFile";

/** One line of a `///` comment: its text without `///` and one following space. */
export interface DocLine {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface Token {
  readonly kind: TokenKind;
  /** Offsets into the source (UTF-16 indexes), end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Whether a line break separates this token from the previous one (a missing `;` is likely there). */
  readonly newlineBefore: boolean;
  /** The `///` lines between the previous token and this one, for the declaration this token starts. */
  readonly docLines: readonly DocLine[];
  /**
   * A literal's value: the decoded text of a string, an integer's value (which may exceed every
   * type's range: the checker decides against the type), a float's value; an identifier's name.
   */
  readonly value: string | bigint | number | null;
}

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

export function isKeyword(word: string): word is Keyword {
  return KEYWORD_SET.has(word);
}

/** How a diagnostic names a token: "`;`", "keyword `let`", "identifier `foo`", "end of file". */
export function describeToken(token: Token, text: string): string {
  switch (token.kind) {
    case "EndOfFile":
      return "end of file";
    case "Identifier":
      return `identifier \`${text.slice(token.start, token.end)}\``;
    case "Integer":
      return `integer literal \`${shorten(text.slice(token.start, token.end))}\``;
    case "Float":
      return `float literal \`${shorten(text.slice(token.start, token.end))}\``;
    case "String":
      return "string literal";
    default:
      return isKeyword(token.kind) ? `keyword \`${token.kind}\`` : `\`${token.kind}\``;
  }
}

function shorten(spelling: string): string {
  return spelling.length > 24 ? `${spelling.slice(0, 20)}...` : spelling;
}
