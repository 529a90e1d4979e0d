/**
 * A diagnostic is a value: what went wrong, where, and what to do about it. It knows nothing of the
 * language that produced it; `renderDiagnostic` turns it into text in one place for every tool.
 */

export type Severity = "error" | "warning" | "note";

/**
 * A region of one source file. Lines and columns are 1-based; columns count characters (Unicode code
 * points), not bytes or UTF-16 units. The end is exclusive: `endColumn` is the column just after the
 * last character of the span, so `column === endColumn` on one line is a zero-width span (a point).
 */
export interface SourceSpan {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Text written next to the underline. */
  readonly label?: string;
}

export interface Diagnostic {
  readonly severity: Severity;
  /** A stable identifier such as "E0001", shown as `error[E0001]`. */
  readonly code?: string;
  /** One line saying what is wrong. */
  readonly message: string;
  /** Where it is wrong: underlined with `^`. */
  readonly primary: SourceSpan;
  /** Related places (where a bracket was opened, a previous definition): underlined with `-`. */
  readonly secondary?: readonly SourceSpan[];
  /** What the user can do, shown as `= help: ...` lines. */
  readonly help?: readonly string[];
  /** Background facts, shown as `= note: ...` lines. */
  readonly notes?: readonly string[];
}

/** A span covering a single point, e.g. where a token was expected. */
export function pointSpan(file: string, line: number, column: number, label?: string): SourceSpan {
  return label === undefined
    ? { file, line, column, endLine: line, endColumn: column }
    : { file, line, column, endLine: line, endColumn: column, label };
}
