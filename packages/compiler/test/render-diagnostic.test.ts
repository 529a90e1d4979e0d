import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Diagnostic, renderDiagnostic, type SourceSpan, shouldUseColor } from "../src/index.js";

function render(diagnostic: Diagnostic, files: Record<string, string>, color = false): string {
  return renderDiagnostic(diagnostic, (file) => files[file], { color });
}

function span(line: number, column: number, endLine: number, endColumn: number, label?: string): SourceSpan {
  return label === undefined
    ? { file: "m.py", line, column, endLine, endColumn }
    : { file: "m.py", line, column, endLine, endColumn, label };
}

const lines = (...rows: string[]): string => `${rows.join("\n")}\n`;

describe("renderDiagnostic", () => {
  test("code, location, underline with label, help and note lines", () => {
    const text = render(
      {
        severity: "error",
        code: "E0001",
        message: "expected ':'",
        primary: span(1, 9, 1, 10, "expected ':' here"),
        help: ["add ':' at the end of the line"],
        notes: ["a compound statement's header ends with ':'"],
      },
      { "m.py": "if x > 1\n    pass\n" },
    );
    assert.equal(
      text,
      lines(
        "error[E0001]: expected ':'",
        " --> m.py:1:9",
        "  |",
        "1 | if x > 1",
        "  |         ^ expected ':' here",
        "  |",
        "  = help: add ':' at the end of the line",
        "  = note: a compound statement's header ends with ':'",
      ),
    );
  });

  test("an underline several characters wide, without a code or a label", () => {
    const text = render(
      { severity: "warning", message: "unused name", primary: span(1, 5, 1, 12) },
      { "m.py": "def unused():\n" },
    );
    assert.equal(text, lines("warning: unused name", " --> m.py:1:5", "  |", "1 | def unused():", "  |     ^^^^^^^"));
  });

  test("tabs become four spaces in the line and the underline alike", () => {
    const text = render(
      { severity: "error", message: "bad", primary: span(2, 3, 2, 6, "this") },
      { "m.py": "if x:\n\t\tfoo(\n" },
    );
    assert.equal(text, lines("error: bad", " --> m.py:2:3", "  |", "2 |         foo(", "  |         ^^^ this"));
  });

  test("a zero-width span gets one caret", () => {
    const text = render({ severity: "error", message: "m", primary: span(1, 3, 1, 3) }, { "m.py": "abcdef\n" });
    assert.equal(text, lines("error: m", " --> m.py:1:3", "  |", "1 | abcdef", "  |   ^"));
  });

  test("an end before the start is treated as a point", () => {
    const text = render({ severity: "error", message: "m", primary: span(1, 3, 0, -1) }, { "m.py": "abcdef\n" });
    assert.equal(text, lines("error: m", " --> m.py:1:3", "  |", "1 | abcdef", "  |   ^"));
  });

  test("a span past the end of the line puts the caret after the last character", () => {
    const text = render(
      { severity: "error", message: "unexpected end of line", primary: span(1, 40, 1, 42, "here") },
      { "m.py": "x = (1 +\n" },
    );
    assert.equal(
      text,
      lines("error: unexpected end of line", " --> m.py:1:40", "  |", "1 | x = (1 +", "  |         ^ here"),
    );
  });

  test("a line past the end of the file shows as an empty line", () => {
    const text = render(
      { severity: "error", message: "unexpected EOF", primary: span(3, 1, 3, 1) },
      { "m.py": "a\nb" },
    );
    assert.equal(text, lines("error: unexpected EOF", " --> m.py:3:1", "  |", "3 |", "  | ^"));
  });

  test("a multi-line span is underlined from its start to the end of its first line", () => {
    const text = render(
      { severity: "error", message: "unterminated string", primary: span(1, 5, 3, 4, "starts here") },
      { "m.py": 'x = """abc\ndef\nghi\n' },
    );
    assert.equal(
      text,
      lines("error: unterminated string", " --> m.py:1:5", "  |", '1 | x = """abc', "  |     ^^^^^^ starts here"),
    );
  });

  test("a secondary span on an earlier line is underlined with '-'; a one-line gap is shown", () => {
    const text = render(
      {
        severity: "error",
        message: "'(' was never closed",
        primary: span(3, 1, 3, 7, "this is not inside the call"),
        secondary: [span(1, 6, 1, 7, "'(' opened here")],
        help: ["close the call with ')'"],
      },
      { "m.py": "print(a,\n      b\nreturn\n" },
    );
    assert.equal(
      text,
      lines(
        "error: '(' was never closed",
        " --> m.py:3:1",
        "  |",
        "1 | print(a,",
        "  |      - '(' opened here",
        "2 |       b",
        "3 | return",
        "  | ^^^^^^ this is not inside the call",
        "  |",
        "  = help: close the call with ')'",
      ),
    );
  });

  test("a longer gap is elided with '...' and the gutter fits the widest line number", () => {
    const source = Array.from({ length: 12 }, (_, i) => `line${i + 1}`).join("\n");
    const text = render(
      { severity: "error", message: "m", primary: span(11, 1, 11, 5), secondary: [span(2, 1, 2, 5, "first")] },
      { "m.py": source },
    );
    assert.equal(
      text,
      lines("error: m", "  --> m.py:11:1", "   |", " 2 | line2", "   | ---- first", "...", "11 | line11", "   | ^^^^"),
    );
  });

  test("several labels on one line hang below it, right to left", () => {
    const text = render(
      {
        severity: "error",
        message: "m",
        primary: span(1, 13, 1, 16, "primary"),
        secondary: [span(1, 1, 1, 2, "target"), span(1, 5, 1, 10, "string")],
      },
      { "m.py": "z = 'abc' + qqq\n" },
    );
    assert.equal(
      text,
      lines(
        "error: m",
        " --> m.py:1:13",
        "  |",
        "1 | z = 'abc' + qqq",
        "  | -   -----   ^^^ primary",
        "  | |   |",
        "  | |   string",
        "  | target",
      ),
    );
  });

  test("an unlabelled primary span does not push a secondary label off the underline row", () => {
    const text = render(
      {
        severity: "error",
        message: "'(' was never closed",
        primary: span(1, 6, 1, 6),
        secondary: [span(1, 6, 1, 7, "opened here")],
      },
      { "m.py": "print(a,\n" },
    );
    assert.equal(
      text,
      lines("error: '(' was never closed", " --> m.py:1:6", "  |", "1 | print(a,", "  |      ^ opened here"),
    );
  });

  test("wide characters take two columns", () => {
    const text = render(
      { severity: "error", message: "m", primary: span(1, 10, 1, 11, "here") },
      { "m.py": "s = '日本' $\n" },
    );
    assert.equal(text, lines("error: m", " --> m.py:1:10", "  |", "1 | s = '日本' $", `  | ${" ".repeat(11)}^ here`));
  });

  test("control characters are shown as control pictures", () => {
    const text = render({ severity: "error", message: "m", primary: span(1, 2, 1, 3) }, { "m.py": "\fx\n" });
    assert.equal(text, lines("error: m", " --> m.py:1:2", "  |", "1 | \u240cx", "  |  ^"));
  });

  test("a wide line is cut around the underline", () => {
    const source = `x = ${"a".repeat(100)} + ${"b".repeat(100)} + zzz`;
    const text = renderDiagnostic(
      { severity: "error", message: "m", primary: span(1, 211, 1, 214, "zzz") },
      () => source,
      { maxLineWidth: 40 },
    );
    assert.equal(
      text,
      lines("error: m", " --> m.py:1:211", "  |", "1 | ...bbbbb + zzz", `  | ${" ".repeat(11)}^^^ zzz`),
    );
  });

  test("the start of a wide line is kept when the underline fits in it", () => {
    const source = `bad ${"c".repeat(100)}`;
    const text = renderDiagnostic({ severity: "error", message: "m", primary: span(1, 1, 1, 4) }, () => source, {
      maxLineWidth: 20,
    });
    assert.equal(text, lines("error: m", " --> m.py:1:1", "  |", `1 | bad ${"c".repeat(13)}...`, "  | ^^^"));
  });

  test("without the source text only the location is shown", () => {
    const text = render(
      { severity: "error", message: "cannot read", primary: span(1, 1, 1, 1), help: ["check the path"] },
      {},
    );
    assert.equal(text, lines("error: cannot read", " --> m.py:1:1", "  = help: check the path"));
  });

  test("spans in another file get their own ':::' section", () => {
    const text = render(
      {
        severity: "error",
        message: "duplicate definition",
        primary: span(1, 5, 1, 6, "defined again"),
        secondary: [{ file: "other.py", line: 2, column: 5, endLine: 2, endColumn: 6, label: "first defined" }],
      },
      { "m.py": "def f(): pass\n", "other.py": "\ndef f(): pass\n" },
    );
    assert.equal(
      text,
      lines(
        "error: duplicate definition",
        " --> m.py:1:5",
        "  |",
        "1 | def f(): pass",
        "  |     ^ defined again",
        "  |",
        " ::: other.py:2:5",
        "  |",
        "2 | def f(): pass",
        "  |     - first defined",
      ),
    );
  });

  test("colour wraps the header, gutter and underlines in ANSI escapes", () => {
    const text = render(
      { severity: "error", message: "m", primary: span(1, 1, 1, 2, "here") },
      { "m.py": "x\n" },
      true,
    );
    const esc = (style: string, s: string): string => `\x1b[${style}m${s}\x1b[0m`;
    assert.equal(
      text,
      lines(
        `${esc("1;31", "error")}${esc("1", ": m")}`,
        ` ${esc("1;34", "-->")} m.py:1:1`,
        esc("1;34", "  |"),
        `${esc("1;34", "1 |")} x`,
        `${esc("1;34", "  |")} ${esc("1;31", "^")} ${esc("1;31", "here")}`,
      ),
    );
  });
});

describe("shouldUseColor", () => {
  test("only for a terminal with NO_COLOR unset or empty", () => {
    assert.equal(shouldUseColor({ isTTY: true }, {}), true);
    assert.equal(shouldUseColor({ isTTY: true }, { NO_COLOR: "" }), true);
    assert.equal(shouldUseColor({ isTTY: true }, { NO_COLOR: "1" }), false);
    assert.equal(shouldUseColor({ isTTY: false }, {}), false);
    assert.equal(shouldUseColor({}, {}), false);
  });
});
