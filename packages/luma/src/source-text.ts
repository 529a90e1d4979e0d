import type { SourceSpan } from "@toolchain/compiler";

/**
 * The text of one LumaScript file and the map from its offsets to lines and columns.
 *
 * Tokens and AST nodes record where they are as offsets (UTF-16 indexes into the text, end
 * exclusive), which cost nothing to compute while scanning; a diagnostic needs the renderer's
 * positions (1-based lines, 1-based columns counted in code points), and this class converts one
 * into the other. Lines end at `\r\n`, `\r` or `\n`, the same breaks the renderer splits on, so a
 * span's line is the line the renderer shows.
 */
export class SourceText {
  /** Offset of the first character of each line; `lineStarts[0]` is 0. */
  private readonly lineStarts: number[];

  constructor(
    readonly text: string,
    readonly fileName: string,
  ) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) {
        starts.push(i + 1);
      } else if (code === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** How many lines the renderer sees (a final line break starts one last, empty line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The 1-based line and code-point column of an offset, clamped into the text. */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    const lineIndex = this.lineIndexOf(clamped);
    const lineStart = this.lineStarts[lineIndex]!;
    return { line: lineIndex + 1, column: this.codePointsBetween(lineStart, clamped) + 1 };
  }

  /** The span of `[start, end)` for a diagnostic; an end before the start makes a point. */
  span(start: number, end: number, label?: string): SourceSpan {
    const from = this.position(start);
    const to = end > start ? this.position(end) : from;
    const span = { file: this.fileName, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    return label === undefined ? span : { ...span, label };
  }

  /** Binary search for the last line starting at or before `offset`. */
  private lineIndexOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Code points in `[from, to)`: a surrogate pair is one character, as the renderer counts. */
  private codePointsBetween(from: number, to: number): number {
    let count = 0;
    for (let i = from; i < to; i++) {
      const code = this.text.charCodeAt(i);
      const isLeadSurrogate = code >= 0xd800 && code <= 0xdbff;
      if (isLeadSurrogate && i + 1 < to) {
        const next = this.text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
      count++;
    }
    return count;
  }
}
