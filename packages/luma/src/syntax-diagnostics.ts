import type { Diagnostic, Severity } from "@toolchain/compiler";
import type { SourceText } from "./source-text.js";

/**
 * The codes of LumaScript's syntax diagnostics. Codes are stable (tests and users search for them),
 * so a code is never reused for another meaning. E0001–E0009 come from the tokenizer, E0010–E0099
 * from the parser; the checker will number its own from E0100. Warnings are W-numbered.
 */
export const SyntaxCode = {
  /** A character that starts no token (`$`, a backquote, a non-ASCII space). */
  UnexpectedCharacter: "E0001",
  /** A string literal whose line ends before its closing quote. */
  UnterminatedString: "E0002",
  /** A backslash escape the language does not define, or a malformed `\x`/`\u{…}`. */
  InvalidEscape: "E0003",
  /** A block comment never closed (they nest, so each opener inside one needs its own closer). */
  UnterminatedBlockComment: "E0004",
  /** A number literal that is malformed or out of every type's range. */
  InvalidNumber: "E0005",
  /** The parser expected one thing and found another. */
  UnexpectedToken: "E0010",
  /** A statement or declaration not ended by `;`. */
  MissingSemicolon: "E0011",
  /** A `(`, `[` or `{` without its closer. */
  UnclosedDelimiter: "E0012",
  /** `a < b < c`: comparisons do not chain. */
  ChainedComparison: "E0013",
  /** An assignment whose left side is not a variable, field, element or dereference. */
  InvalidAssignmentTarget: "E0014",
  /** A declaration or statement where the language does not allow it (`let` at top level, ...). */
  MisplacedItem: "E0015",
  /** An attribute other than `#[test]`, `#[bench]` and `#[inline]`. */
  UnknownAttribute: "E0016",
  /** `if c {` or `while c {`: LumaScript puts these conditions in parentheses. */
  ConditionWithoutParentheses: "E0017",
  /** Brackets, blocks or operators nested deeper than the parser follows. */
  NestingTooDeep: "E0018",
  /** `a < T > (…)` or `Array<T>::new()`: type arguments are written only in types. */
  TypeArgumentsInExpression: "E0019",
  /** A `///` comment followed by no declaration it could document. */
  DanglingDocComment: "W0001",
} as const;

export type SyntaxCode = (typeof SyntaxCode)[keyof typeof SyntaxCode];

/** How many errors one file may report; past it, parsing stops (later errors tend to be echoes). */
export const MAX_SYNTAX_ERRORS = 20;

/** A related place shown with `-` under it, as offsets. */
export interface RelatedPlace {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** A syntax problem in offsets; `SyntaxDiagnostics` turns it into a `Diagnostic`. */
export interface SyntaxProblem {
  readonly code: SyntaxCode;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** Written next to the primary underline. */
  readonly label?: string;
  readonly related?: readonly RelatedPlace[];
  readonly help?: readonly string[];
  readonly notes?: readonly string[];
}

interface Entry {
  readonly offset: number;
  readonly diagnostic: Diagnostic;
}

/**
 * The syntax diagnostics of one file, shared by the tokenizer and the parser. It converts offsets to
 * spans, caps the number of errors, and hands the diagnostics back in source order, since the
 * tokenizer finds its errors before the parser finds earlier ones.
 */
export class SyntaxDiagnostics {
  private readonly entries: Entry[] = [];
  private errors = 0;
  private stopNote: Diagnostic | null = null;

  constructor(
    readonly source: SourceText,
    readonly maxErrors: number = MAX_SYNTAX_ERRORS,
  ) {}

  get errorCount(): number {
    return this.errors;
  }

  /** True once an error past the cap was refused: whoever is reporting should stop. */
  get isFull(): boolean {
    return this.stopNote !== null;
  }

  /** Records an error and returns true, or returns false when the cap is reached (noting it once). */
  error(problem: SyntaxProblem): boolean {
    if (this.errors >= this.maxErrors) {
      this.stopNote ??= {
        severity: "note",
        message: `stopped after ${this.maxErrors} errors; fix these and run again to see the rest`,
        primary: this.source.span(problem.start, problem.start),
      };
      return false;
    }
    this.errors++;
    this.push("error", problem);
    return true;
  }

  warning(problem: SyntaxProblem): void {
    this.push("warning", problem);
  }

  /** Every diagnostic in order of position (stable for equal positions), the cap's note last. */
  toList(): Diagnostic[] {
    const sorted = [...this.entries].sort((a, b) => a.offset - b.offset).map((entry) => entry.diagnostic);
    return this.stopNote === null ? sorted : [...sorted, this.stopNote];
  }

  private push(severity: Severity, problem: SyntaxProblem): void {
    const diagnostic: Diagnostic = {
      severity,
      code: problem.code,
      message: problem.message,
      primary: this.source.span(problem.start, problem.end, problem.label),
      secondary: (problem.related ?? []).map((place) => this.source.span(place.start, place.end, place.label)),
      help: problem.help ?? [],
      notes: problem.notes ?? [],
    };
    this.entries.push({ offset: problem.start, diagnostic });
  }
}
