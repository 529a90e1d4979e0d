import { PySyntaxError } from "./syntax-error.js";

/**
 * Where CPython 3.11 positions the SyntaxError for a literal it rejects while building the AST:
 * - "token": the literal's own token (a bytes literal with a non-ASCII character);
 * - "last-token": the last token the parser has fetched, which is usually the token after the
 *   literal or after the whole run of implicitly concatenated strings (escape and UTF-8 errors,
 *   raised through pegen's RAISE_SYNTAX_ERROR);
 * - "token-lines": the token's first and last line, with offset 0 and end offset 0 (a decimal int
 *   over the 4300-digit limit).
 */
export type LiteralErrorSite = "token" | "last-token" | "token-lines";

/**
 * A literal that CPython rejects, with CPython's exact message (`msg`). The literal decoders know
 * the message but not the position: this is a PySyntaxError positioned at line 0, offset 0, which
 * the parser re-raises at the place `site` names.
 */
export class LiteralError extends PySyntaxError {
  constructor(
    msg: string,
    readonly site: LiteralErrorSite,
  ) {
    super("SyntaxError", msg, "", 0, 0, 0, 0);
  }
}
