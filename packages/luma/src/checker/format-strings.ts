// Format strings of `print`, `println`, `format` and `panic`: text with placeholders `{}`, `{:>8}`
// (right-aligned in 8 columns), `{:<8}` (left-aligned), `{:.3}` (3 decimals, floats only) and
// `{:8.3}`; `{{` and `}}` stand for braces. Placeholders take the arguments after the string in order.

import type { FormatPiece, FormatString } from "./typed-program.js";

/** A format string that does not parse: what is wrong, at which index of the (decoded) string. */
export interface FormatStringError {
  readonly message: string;
  readonly index: number;
  readonly length: number;
}

const PLACEHOLDER_SPEC = /^(?::([<>])?(\d+)?(?:\.(\d+))?)?$/;

export function parseFormatString(text: string): FormatString | FormatStringError {
  const pieces: FormatPiece[] = [];
  let literal = "";
  let argument = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "}") {
      if (text[i + 1] === "}") {
        literal += "}";
        i++;
        continue;
      }
      return { message: "unmatched `}` in the format string; write `}}` for a brace", index: i, length: 1 };
    }
    if (char !== "{") {
      literal += char;
      continue;
    }
    if (text[i + 1] === "{") {
      literal += "{";
      i++;
      continue;
    }
    const close = text.indexOf("}", i);
    const nextOpen = text.indexOf("{", i + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      return { message: "unclosed `{` in the format string; write `{{` for a brace", index: i, length: 1 };
    }
    const spec = text.slice(i + 1, close);
    const match = PLACEHOLDER_SPEC.exec(spec);
    if (match === null || spec === ":") {
      return {
        message: `invalid placeholder \`{${spec}}\`: write \`{}\`, \`{:>8}\`, \`{:<8}\`, \`{:.3}\` or \`{:8.3}\``,
        index: i,
        length: close - i + 1,
      };
    }
    if (literal !== "") pieces.push({ kind: "text", text: literal });
    literal = "";
    pieces.push({
      kind: "placeholder",
      argument: argument++,
      align: (match[1] as "<" | ">" | undefined) ?? null,
      width: match[2] === undefined ? null : Number(match[2]),
      precision: match[3] === undefined ? null : Number(match[3]),
    });
    i = close;
  }
  if (literal !== "") pieces.push({ kind: "text", text: literal });
  return { pieces };
}

export function isFormatStringError(value: FormatString | FormatStringError): value is FormatStringError {
  return "message" in value;
}
