/** JSON with the three non-finite numbers, as Python's `json.dumps` writes them by default: the bare tokens
 * `NaN`, `Infinity` and `-Infinity`. Task results and metrics use it so a `nan` loss is kept as a number
 * instead of failing the task; everything else about the text is strict JSON. */

const NON_FINITE: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY };

/** Parses strict JSON fast, and falls back to the extended grammar only when strict parsing fails. */
export function parseExtendedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error;
    return new ExtendedJsonParser(text).parseDocument();
  }
}

/** Writes JSON, with non-finite numbers as the bare tokens `parseExtendedJson` reads back. */
export function stringifyExtendedJson(value: unknown, indent?: number): string {
  // Non-finite numbers go out as marked strings, then the marks become bare tokens. A string of the
  // value's own could hold the same mark: then the count of marks disagrees and another mark is drawn.
  for (;;) {
    const mark = `kogine-non-finite-${Math.random().toString(36).slice(2)}:`;
    let marked = 0;
    const text = JSON.stringify(
      value,
      (_key, item) => {
        if (typeof item !== "number" || Number.isFinite(item)) return item;
        marked++;
        return `${mark}${item}`;
      },
      indent,
    );
    if (marked === 0) return text;
    let found = 0;
    const result = text.split(`"${mark}`).map((piece, i) => {
      if (i === 0) return piece;
      found++;
      return piece.replace(/^(NaN|Infinity|-Infinity)"/, "$1");
    });
    if (found === marked) return result.join("");
  }
}

class ExtendedJsonParser {
  private at = 0;

  constructor(private readonly text: string) {}

  parseDocument(): unknown {
    const value = this.parseValue();
    this.skipSpace();
    if (this.at < this.text.length) this.fail("unexpected text after the value");
    return value;
  }

  private parseValue(): unknown {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === "{") return this.parseObject();
    if (c === "[") return this.parseArray();
    if (c === '"') return this.parseString();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.parseNumber();
  }

  private parseObject(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === "}") {
      this.at++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] !== '"') this.fail("expected a property name");
      const key = this.parseString();
      this.skipSpace();
      this.expect(":");
      result[key] = this.parseValue();
      this.skipSpace();
      if (this.text[this.at] === "}") {
        this.at++;
        return result;
      }
      this.expect(",");
    }
  }

  private parseArray(): unknown[] {
    const result: unknown[] = [];
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === "]") {
      this.at++;
      return result;
    }
    for (;;) {
      result.push(this.parseValue());
      this.skipSpace();
      if (this.text[this.at] === "]") {
        this.at++;
        return result;
      }
      this.expect(",");
    }
  }

  private parseString(): string {
    // A JSON string's own grammar, escapes included, is JSON.parse's to read once its end is found.
    let end = this.at + 1;
    while (end < this.text.length && this.text[end] !== '"') end += this.text[end] === "\\" ? 2 : 1;
    if (end >= this.text.length) this.fail("unterminated string");
    const literal = this.text.slice(this.at, end + 1);
    this.at = end + 1;
    return JSON.parse(literal) as string;
  }

  private parseNumber(): number {
    const match = NUMBER.exec(this.text.slice(this.at));
    if (!match) this.fail("unexpected character");
    this.at += match[0].length;
    const nonFinite = match[1];
    if (nonFinite === undefined) return Number(match[0]);
    return match[0].startsWith("-") ? -NON_FINITE[nonFinite] : NON_FINITE[nonFinite];
  }

  private skipSpace(): void {
    while (this.at < this.text.length && " \t\n\r".includes(this.text[this.at])) this.at++;
  }

  private expect(c: string): void {
    if (this.text[this.at] !== c) this.fail(`expected "${c}"`);
    this.at++;
  }

  private fail(what: string): never {
    throw new SyntaxError(`${what} at position ${this.at} of extended JSON`);
  }
}

const LITERALS: [string, unknown][] = [
  ["true", true],
  ["false", false],
  ["null", null],
];
const NUMBER = /^-?(?:(NaN|Infinity)|(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;
