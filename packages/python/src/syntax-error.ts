/**
 * A Python SyntaxError (or IndentationError/TabError), positioned as CPython positions it:
 * `lineno` is 1-based, `offset` is CPython's 1-based column (in characters), and the end fields
 * follow the same convention. `kind` is the Python exception class name.
 */
export class PySyntaxError extends Error {
  constructor(
    readonly kind: "SyntaxError" | "IndentationError" | "TabError",
    readonly msg: string,
    readonly filename: string,
    readonly lineno: number,
    readonly offset: number,
    readonly endLineno: number,
    readonly endOffset: number,
    /** Extra context a renderer may show, e.g. where an unclosed bracket was opened. */
    readonly related: { message: string; lineno: number; offset: number } | null = null,
    readonly help: string | null = null,
  ) {
    super(`${filename}:${lineno}:${offset}: ${msg}`);
    this.name = kind;
  }
}
