import type { Diagnostic, Severity, SourceSpan } from "./diagnostic.js";
import { charWidth } from "./text-width.js";

/** Returns the text of a source file, or undefined when it is not available (the snippet is then left out). */
export type SourceLookup = (file: string) => string | undefined;

export interface RenderOptions {
  /** Use ANSI colours (see `shouldUseColor`). Default: false. */
  readonly color?: boolean;
  /** Source lines wider than this many terminal columns are cut around the underline. Default: 120. */
  readonly maxLineWidth?: number;
}

/**
 * Renders a diagnostic the way rustc does:
 *
 * ```text
 * error[E0001]: message
 *  --> file.py:2:5
 *   |
 * 2 |     foo(bar
 *   |     ^^^ label
 *   |
 *   = help: ...
 * ```
 *
 * The result ends with a newline. Tabs in source lines become four spaces, in the line and in the
 * underline alike; wide characters take two columns; control characters are shown as their Unicode
 * control pictures so that they cannot disturb the terminal.
 */
export function renderDiagnostic(diagnostic: Diagnostic, sources: SourceLookup, options: RenderOptions = {}): string {
  const paint = options.color === true ? paintAnsi : paintPlain;
  const maxLineWidth = Math.max(options.maxLineWidth ?? 120, 20);
  const severityStyle = SEVERITY_STYLE[diagnostic.severity];
  const out: string[] = [];

  const code = diagnostic.code === undefined ? "" : `[${diagnostic.code}]`;
  out.push(paint(`${diagnostic.severity}${code}`, severityStyle) + paint(`: ${diagnostic.message}`, Style.Bold));

  const groups = groupByFile(diagnostic);
  const gutterWidth = String(maxShownLine(groups)).length;
  const blank = " ".repeat(gutterWidth);
  const gutter = (lineLabel: string): string => paint(`${lineLabel.padStart(gutterWidth)} |`, Style.Gutter);
  let snippetShown = false;

  for (const [index, group] of groups.entries()) {
    const first = group.spans[0]!.span;
    const arrow = index === 0 ? "-->" : ":::";
    if (index > 0 && snippetShown) out.push(gutter(""));
    out.push(`${blank}${paint(arrow, Style.Gutter)} ${group.file}:${first.line}:${first.column}`);
    const text = sources(group.file);
    if (text === undefined) {
      snippetShown = false;
      continue;
    }
    snippetShown = true;
    const lines = text.split(/\r\n|\r|\n/);
    out.push(gutter(""));
    const annotated = spansByLine(group.spans);
    const lineNumbers = [...annotated.keys()].sort((a, b) => a - b);
    let previous = 0;
    for (const lineNumber of lineNumbers) {
      if (previous > 0 && lineNumber - previous === 2) {
        pushSourceRow(out, gutter, String(previous + 1), fitLine(lines[previous] ?? "", [], maxLineWidth).text);
      } else if (previous > 0 && lineNumber - previous > 2) {
        out.push(paint("...", Style.Gutter));
      }
      const annotations = annotated.get(lineNumber)!;
      const fitted = fitLine(lines[lineNumber - 1] ?? "", annotations, maxLineWidth);
      pushSourceRow(out, gutter, String(lineNumber), fitted.text);
      for (const row of underlineRows(fitted.annotations, severityStyle)) {
        const content = serializeRow(row, paint);
        out.push(content === "" ? gutter("") : `${gutter("")} ${content}`);
      }
      previous = lineNumber;
    }
  }

  const trailers: [string, readonly string[] | undefined][] = [
    ["help", diagnostic.help],
    ["note", diagnostic.notes],
  ];
  let trailerShown = false;
  for (const [kind, texts] of trailers) {
    for (const text of texts ?? []) {
      if (!trailerShown && snippetShown) out.push(gutter(""));
      trailerShown = true;
      const [head, ...rest] = text.split("\n");
      out.push(`${blank} ${paint("=", Style.Gutter)} ${paint(`${kind}:`, Style.Bold)} ${head}`);
      const indent = " ".repeat(gutterWidth + 3 + kind.length + 2);
      for (const line of rest) out.push(`${indent}${line}`.trimEnd());
    }
  }

  return `${out.join("\n")}\n`;
}

/** Whether a stream should get colours: a terminal, and NO_COLOR (https://no-color.org) unset or empty. */
export function shouldUseColor(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === "");
}

// ---------------------------------------------------------------------------------------------------
// Colours

/** SGR parameters: bold, and bold blue for the frame and for secondary underlines, as rustc. */
const Style = {
  Bold: "1",
  Gutter: "1;34",
  Secondary: "1;34",
} as const;

const SEVERITY_STYLE: Readonly<Record<Severity, string>> = {
  error: "1;31",
  warning: "1;33",
  note: "1;32",
};

type Paint = (text: string, style: string) => string;

const paintPlain: Paint = (text) => text;
const paintAnsi: Paint = (text, style) => (style === "" || text === "" ? text : `\x1b[${style}m${text}\x1b[0m`);

// ---------------------------------------------------------------------------------------------------
// Spans to annotations

interface FileGroup {
  readonly file: string;
  readonly spans: { readonly span: SourceSpan; readonly primary: boolean }[];
}

/** The primary span's file first, then other files in order of first mention. */
function groupByFile(diagnostic: Diagnostic): FileGroup[] {
  const groups = new Map<string, FileGroup>();
  const add = (span: SourceSpan, primary: boolean): void => {
    let group = groups.get(span.file);
    if (group === undefined) {
      group = { file: span.file, spans: [] };
      groups.set(span.file, group);
    }
    group.spans.push({ span, primary });
  };
  add(diagnostic.primary, true);
  for (const span of diagnostic.secondary ?? []) add(span, false);
  return [...groups.values()];
}

function maxShownLine(groups: readonly FileGroup[]): number {
  let max = 1;
  for (const group of groups) for (const { span } of group.spans) max = Math.max(max, span.line);
  return max;
}

/** An underline on one displayed line, in terminal columns (0-based, end exclusive). */
interface Annotation {
  readonly start: number;
  readonly end: number;
  readonly primary: boolean;
  readonly label: string | undefined;
}

function spansByLine(spans: FileGroup["spans"]): Map<number, FileGroup["spans"]> {
  const byLine = new Map<number, FileGroup["spans"]>();
  for (const entry of spans) {
    const line = Math.max(1, entry.span.line);
    const list = byLine.get(line);
    if (list === undefined) byLine.set(line, [entry]);
    else list.push(entry);
  }
  return byLine;
}

/** A source line prepared for display: each code point's visible form and the column where it starts. */
interface DisplayLine {
  readonly pieces: readonly string[];
  /** `offsets[i]` is the terminal column where code point i starts; `offsets[pieces.length]` is the width. */
  readonly offsets: readonly number[];
}

function displayLine(line: string): DisplayLine {
  const pieces: string[] = [];
  const offsets: number[] = [0];
  let column = 0;
  for (const char of line) {
    const piece = visiblePiece(char);
    pieces.push(piece);
    column += piece === char ? charWidth(char) : piece.length;
    offsets.push(column);
  }
  return { pieces, offsets };
}

const TAB = "    ";

function visiblePiece(char: string): string {
  if (char === "\t") return TAB;
  const cp = char.codePointAt(0)!;
  if (cp < 0x20) return String.fromCodePoint(0x2400 + cp);
  if (cp === 0x7f) return "\u2421";
  return char;
}

/** Terminal columns of a span on its first line. Zero-width spans and spans past the end get one column. */
function spanColumns(span: SourceSpan, line: DisplayLine): { start: number; end: number } {
  const length = line.pieces.length;
  const startIndex = Math.min(Math.max(span.column - 1, 0), length);
  const start = line.offsets[startIndex]!;
  let end = start;
  if (span.endLine > span.line) {
    end = line.offsets[length]!;
  } else if (span.endLine === span.line && span.endColumn > span.column) {
    end = line.offsets[Math.min(span.endColumn - 1, length)]!;
  }
  return { start, end: Math.max(end, start + 1) };
}

const ELLIPSIS = "...";
/** Columns of context kept to the left of the first underline when a wide line is cut. */
const CONTEXT = 8;

/**
 * The visible text of a source line and its annotations in that text's columns. A line wider than
 * `maxWidth` is cut to a window holding the underlines, with `...` marking what was left out.
 */
function fitLine(
  source: string,
  entries: readonly { readonly span: SourceSpan; readonly primary: boolean }[],
  maxWidth: number,
): { text: string; annotations: Annotation[] } {
  const line = displayLine(source);
  const length = line.pieces.length;
  const width = line.offsets[length]!;
  const annotations = entries.map(({ span, primary }) => ({
    ...spanColumns(span, line),
    primary,
    label: span.label,
  }));
  if (width <= maxWidth) return { text: line.pieces.join("").trimEnd(), annotations };

  const minStart = Math.min(...annotations.map((a) => a.start), width);
  const maxEnd = Math.max(...annotations.map((a) => a.end), 0);
  const wanted = maxEnd <= maxWidth - ELLIPSIS.length ? 0 : Math.max(0, minStart - CONTEXT);
  let first = 0;
  while (first < length && line.offsets[first]! < wanted) first++;
  const leftCut = first > 0;
  const budget = maxWidth - (leftCut ? ELLIPSIS.length : 0);
  let last = first;
  while (last < length && line.offsets[last + 1]! - line.offsets[first]! <= budget) last++;
  const rightCut = last < length;
  if (rightCut) {
    while (last > first && line.offsets[last]! - line.offsets[first]! > budget - ELLIPSIS.length) last--;
  }
  const shift = (leftCut ? ELLIPSIS.length : 0) - line.offsets[first]!;
  const visibleEnd = line.offsets[last]! + shift + (rightCut ? ELLIPSIS.length : 0);
  const text = (leftCut ? ELLIPSIS : "") + line.pieces.slice(first, last).join("") + (rightCut ? ELLIPSIS : "");
  return {
    text: text.trimEnd(),
    annotations: annotations.map((a) => {
      const start = Math.max(a.start + shift, 0);
      return { ...a, start, end: Math.max(Math.min(a.end + shift, visibleEnd), start + 1) };
    }),
  };
}

function pushSourceRow(out: string[], gutter: (label: string) => string, lineLabel: string, text: string): void {
  out.push(text === "" ? gutter(lineLabel) : `${gutter(lineLabel)} ${text}`);
}

// ---------------------------------------------------------------------------------------------------
// Underline rows

interface Cell {
  readonly char: string;
  readonly style: string;
}

/** Marker and connector cells, then optionally a label starting at `labelColumn`. */
interface Row {
  readonly cells: (Cell | undefined)[];
  label?: { readonly column: number; readonly text: string; readonly style: string };
}

/**
 * The underline row (`^^^` for the primary span, `---` for secondary ones) and, when several labelled
 * spans share a line, rustc's stair of connectors: the rightmost label goes on the underline row
 * (after every marker) unless another labelled span overlaps it; the others hang below on `|` lines,
 * right to left.
 */
function underlineRows(annotations: readonly Annotation[], severityStyle: string): Row[] {
  const styleOf = (a: Annotation): string => (a.primary ? severityStyle : Style.Secondary);
  const sorted = [...annotations].sort((a, b) => a.start - b.start || a.end - b.end);
  const markers: Row = { cells: [] };
  // Secondary first so that the primary underline wins where they overlap.
  for (const a of [...sorted.filter((x) => !x.primary), ...sorted.filter((x) => x.primary)]) {
    for (let column = a.start; column < a.end; column++) {
      markers.cells[column] = { char: a.primary ? "^" : "-", style: styleOf(a) };
    }
  }
  const labelled = sorted.filter((a) => a.label !== undefined);
  const last = labelled[labelled.length - 1];
  const inline = last !== undefined && labelled.every((a) => a === last || a.end <= last.start) ? last : undefined;
  if (inline !== undefined) {
    const column = Math.max(...sorted.map((a) => a.end)) + 1;
    markers.label = { column, text: inline.label!, style: styleOf(inline) };
  }
  const rows = [markers];
  const hanging = labelled.filter((a) => a !== inline).reverse();
  if (hanging.length === 0) return rows;

  const connectors = (pending: readonly Annotation[]): Row => {
    const row: Row = { cells: [] };
    for (const a of pending) row.cells[a.start] = { char: "|", style: styleOf(a) };
    return row;
  };
  rows.push(connectors(hanging));
  for (const [index, a] of hanging.entries()) {
    const row = connectors(hanging.slice(index + 1));
    row.label = { column: a.start, text: a.label!, style: styleOf(a) };
    rows.push(row);
  }
  return rows;
}

function serializeRow(row: Row, paint: Paint): string {
  let text = "";
  let run = "";
  let runStyle = "";
  const flush = (): void => {
    text += paint(run, runStyle);
    run = "";
  };
  const width = row.label === undefined ? row.cells.length : Math.min(row.cells.length, row.label.column);
  for (let column = 0; column < width; column++) {
    const cell = row.cells[column] ?? { char: " ", style: "" };
    if (cell.style !== runStyle) {
      flush();
      runStyle = cell.style;
    }
    run += cell.char;
  }
  flush();
  if (row.label !== undefined) {
    text += " ".repeat(Math.max(0, row.label.column - width)) + paint(row.label.text, row.label.style);
  }
  return text.trimEnd();
}
