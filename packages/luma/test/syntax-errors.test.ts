// Malformed programs: the diagnostics they produce (code, message, span, labels, help), rendered by
// the shared renderer for a few and compared against text written by hand, and recovery, so that
// one run reports the errors of every broken statement and declaration.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Diagnostic, renderDiagnostic } from "@toolchain/compiler";
import { MAX_SYNTAX_ERRORS, parseLuma } from "../src/index.js";

function render(source: string): string {
  const { diagnostics } = parseLuma(source, "m.ls");
  return diagnostics.map((d) => renderDiagnostic(d, () => source)).join("");
}

const lines = (...rows: string[]): string => `${rows.join("\n")}\n`;

/** Each diagnostic as [code, message, "line:column-endLine:endColumn"]. */
function summary(source: string): [string | undefined, string, string][] {
  return parseLuma(source, "m.ls").diagnostics.map((d: Diagnostic) => [
    d.code,
    d.message,
    `${d.primary.line}:${d.primary.column}-${d.primary.endLine}:${d.primary.endColumn}`,
  ]);
}

const inFunction = (body: string) => `func f() {\n${body}\n}\n`;

describe("rendered syntax errors", () => {
  test("a missing `;` at the end of a line", () => {
    assert.equal(
      render("func main() {\n    let a = 1\n    let b = 2;\n}\n"),
      lines(
        "error[E0011]: expected `;`, found keyword `let`",
        " --> m.ls:2:14",
        "  |",
        "2 |     let a = 1",
        "  |              ^ expected `;` here",
        "3 |     let b = 2;",
        "  |     --- unexpected token",
        "  |",
        "  = help: add `;` to end the statement",
      ),
    );
  });

  test("an unclosed `{`, with its opener labelled", () => {
    assert.equal(
      render("func main() {\n    if (ready) {\n        go();\n    }\n"),
      lines(
        "error[E0012]: expected `}` to close the block, found end of file",
        " --> m.ls:4:6",
        "  |",
        "1 | func main() {",
        "  |             - unclosed `{`",
        "...",
        "4 |     }",
        "  |      ^",
        "  |",
        "  = help: add `}` to close the block",
      ),
    );
  });

  test("a declaration inside a block means a `}` went missing before it", () => {
    assert.equal(
      render("func a() {\n    go();\n\nfunc b() { }\n"),
      lines(
        "error[E0012]: expected `}` to close the block, found keyword `func`",
        " --> m.ls:4:1",
        "  |",
        "1 | func a() {",
        "  |          - unclosed `{`",
        "...",
        "4 | func b() { }",
        "  | ^^^^",
        "  |",
        "  = help: a `}` is probably missing before this: a block cannot hold keyword `func`",
      ),
    );
  });

  test("an unclosed `(` in a call", () => {
    assert.equal(
      render("func main() {\n    print(a, b;\n}\n"),
      lines(
        "error[E0012]: expected `,` or `)` after an argument, found `;`",
        " --> m.ls:2:15",
        "  |",
        "2 |     print(a, b;",
        "  |          -    ^ unclosed `(`",
      ),
    );
  });

  test("a condition without parentheses", () => {
    assert.equal(
      render("func main() {\n    while n > 0 { n -= 1; }\n}\n"),
      lines(
        "error[E0017]: expected `(` after `while`, found identifier `n`",
        " --> m.ls:2:11",
        "  |",
        "2 |     while n > 0 { n -= 1; }",
        "  |           ^^^^^ this condition needs parentheses",
        "  |",
        "  = help: write `while (n > 0) {`",
      ),
    );
  });

  test("type arguments written in an expression", () => {
    assert.equal(
      render("func main() {\n    let xs = Array<i64>::new();\n}\n"),
      lines(
        "error[E0019]: type arguments cannot be written in an expression",
        " --> m.ls:2:19",
        "  |",
        "2 |     let xs = Array<i64>::new();",
        "  |                   ^^^^^ type arguments",
        "  |",
        "  = help: give the type in an annotation and let the call infer it: `let xs: Array<i64> = Array::new();`",
      ),
    );
  });

  test("a doc comment that documents nothing is a warning", () => {
    assert.equal(
      render("func main() {\n    /// The answer.\n    let x = 42;\n}\n"),
      lines(
        "warning[W0001]: doc comment documents nothing: it is followed by keyword `let`, not a declaration",
        " --> m.ls:2:5",
        "  |",
        "2 |     /// The answer.",
        "  |     ^^^^^^^^^^^^^^^",
        "  |",
        "  = help: `///` documents the declaration below it; use `//` for an ordinary comment",
      ),
    );
  });
});

describe("syntax error messages and spans", () => {
  const cases: [string, string, [string, string, string][]][] = [
    [
      "an expression missing an operand",
      inFunction("let b = a +;"),
      [["E0010", "expected an expression, found `;`", "2:12-2:13"]],
    ],
    [
      "a chained comparison",
      inFunction("let c = a < b < c;"),
      [["E0013", "comparison operators cannot be chained: found `<` after a comparison", "2:15-2:16"]],
    ],
    ["`=` where `==` was meant", inFunction("if (a = 1) { }"), [["E0010", "expected `)`, found `=`", "2:7-2:8"]]],
    [
      "assignment to a call",
      inFunction("f() = 1;"),
      [["E0014", "expected a place to assign to before `=`, found a call", "2:1-2:4"]],
    ],
    [
      "`let` at top level",
      "let x = 1;\n",
      [["E0015", "expected a declaration, found `let` outside a function", "1:1-1:4"]],
    ],
    [
      "`const` inside a function",
      inFunction("const X: i64 = 1;"),
      [["E0015", "`const` is allowed only at top level, found it inside a function", "2:1-2:6"]],
    ],
    [
      "an unknown attribute",
      "#[fast]\nfunc f() { }\n",
      [["E0016", "expected `test`, `bench` or `inline` in the attribute, found `fast`", "1:3-1:7"]],
    ],
    [
      "an attribute on a struct",
      "#[test]\nstruct S { }\n",
      [["E0015", "expected `func` after the attributes, found keyword `struct`", "1:1-1:8"]],
    ],
    [
      "`self` outside an impl",
      "func f(self) { }\n",
      [["E0015", "expected a parameter `name: Type`, found `self` outside an `impl`", "1:8-1:12"]],
    ],
    [
      "`self` after another parameter",
      "impl P { func f(a: i64, self) { } }\n",
      [["E0015", "expected `self` as the first parameter, found it later", "1:25-1:29"]],
    ],
    [
      "a function without a body",
      "func f();\n",
      [["E0010", "expected `{` to start the function's body, found `;`", "1:9-1:10"]],
    ],
    [
      "an extern function with a body",
      "extern func f() { }\n",
      [["E0010", "expected `;` after the extern function's signature, found `{`", "1:17-1:18"]],
    ],
    ["a parameter without a type", "func f(a) { }\n", [["E0010", "expected `:`, found `)`", "1:9-1:10"]]],
    ["a `let` without a value", inFunction("let x: i64;"), [["E0010", "expected `=`, found `;`", "2:11-2:12"]]],
    [
      "`let mut`",
      inFunction("let mut x = 1;"),
      [["E0010", "expected a variable name, found identifier `mut`", "2:5-2:8"]],
    ],
    [
      "a C-style `for`",
      inFunction("for (let i = 0; i < n; i++) { f(); }"),
      [["E0010", "expected `for name in …`, found a C-style `for (let …; …; …)`", "2:5-2:9"]],
    ],
    ["a match arm without `=>`", inFunction("match x { 1 { } }"), [["E0010", "expected `=>`, found `{`", "2:13-2:14"]]],
    [
      "a match arm whose body is not a block",
      inFunction("match x { 1 => return 1; }"),
      [["E0010", "expected `{` to start the arm's body, found keyword `return`", "2:16-2:22"]],
    ],
    [
      "an import of a name",
      "import geometry;\n",
      [["E0010", "expected a file path in quotes, found identifier `geometry`", "1:8-1:16"]],
    ],
    [
      "a statement at top level",
      'println("x");\n',
      [
        [
          "E0010",
          "expected a declaration (`func`, `struct`, `enum`, `impl`, `const`, `import` or `extern func`), found identifier `println`",
          "1:1-1:8",
        ],
      ],
    ],
    [
      "fields separated by `;`",
      "struct S { x: i64; y: i64 }\n",
      [["E0010", "expected `,` or `}` after a field, found `;`", "1:18-1:19"]],
    ],
    [
      "a fixed array type written the other way round",
      inFunction("let x: [i64; 4] = 0;"),
      [["E0010", "expected `]`, found `;`", "2:12-2:13"]],
    ],
    [
      "a turbofish",
      inFunction("let n = Array::<i64>::new();"),
      [["E0019", "type arguments cannot be written in an expression", "2:16-2:21"]],
    ],
    [
      "a path of three parts",
      inFunction("let q = a::b::c;"),
      [["E0010", "expected the end of the path, found `::`", "2:13-2:15"]],
    ],
    [
      "a closure with a return type but no block",
      inFunction("let g = |x: i64| -> i64 x;"),
      [["E0010", "expected `{` to start the closure's body, found identifier `x`", "2:25-2:26"]],
    ],
    [
      "a stray `else`",
      inFunction("if (x) { } else { } else { }"),
      [["E0010", "expected an expression, found keyword `else`", "2:21-2:25"]],
    ],
    [
      "a float in a pattern",
      inFunction("match x { 1.5 => { } }"),
      [["E0010", "expected a pattern, found float literal `1.5`", "2:11-2:14"]],
    ],
    [
      "a bad character and a bad literal are the tokenizer's",
      inFunction("let a = 0b12 $ 1;"),
      [
        ["E0005", "invalid digit `2` in binary literal", "2:12-2:13"],
        ["E0011", "expected `;`, found integer literal `1`", "2:13-2:13"],
        ["E0001", "unexpected character `$`", "2:14-2:15"],
      ],
    ],
  ];
  for (const [title, source, expected] of cases) {
    test(title, () => assert.deepEqual(summary(source), expected));
  }

  test("diagnostics come in source order and carry their help", () => {
    const { diagnostics } = parseLuma("func f() { let x: i64; }\n", "m.ls");
    assert.deepEqual(diagnostics[0]?.help, ["a variable starts with a value: `let x = 0;` or `let x: i64 = 0;`"]);
  });
});

describe("recovery", () => {
  test("each broken statement of a block is reported, and the good ones are kept", () => {
    const source = inFunction("let a = ;\nlet b = 2;\nlet c = (;\nf(1 2);\nlet d = 4;");
    const { module, diagnostics } = parseLuma(source, "m.ls");
    assert.deepEqual(
      diagnostics.map((d) => `${d.primary.line}: ${d.message}`),
      [
        "2: expected an expression, found `;`",
        "4: expected an expression, found `;`",
        "5: expected `,` or `)` after an argument, found integer literal `2`",
      ],
    );
    const f = module.declarations[0]!;
    assert.equal(f.kind, "Function");
    const names = f.kind === "Function" ? f.body.statements.map((s) => (s.kind === "Let" ? s.name.name : s.kind)) : [];
    assert.deepEqual(names, ["b", "d"]);
  });

  test("each broken declaration is reported; a broken list item costs only that item", () => {
    const source = [
      "func a( { }",
      "struct S { x: }",
      "func good() { }",
      "enum E { A(,) }",
      "impl S { func m(self) -> { } func n(self) { } }",
      "const C = 1;",
      "func also_good() { }",
    ].join("\n");
    const { module, diagnostics } = parseLuma(source, "m.ls");
    assert.deepEqual(
      diagnostics.map((d) => d.primary.line),
      [1, 2, 4, 5, 6],
    );
    assert.deepEqual(
      module.declarations.map((d) => `${d.kind} ${"name" in d ? d.name.name : ""}`),
      ["Struct S", "Function good", "Enum E", "Impl ", "Function also_good"],
    );
    const [struct, , enumeration, impl] = module.declarations;
    assert.deepEqual(struct?.kind === "Struct" ? struct.fields : null, []);
    assert.deepEqual(enumeration?.kind === "Enum" ? enumeration.variants[0]?.payload : null, []);
    assert.deepEqual(impl?.kind === "Impl" ? impl.methods.map((m) => m.name.name) : [], ["n"]);
  });

  test("a broken `if` header skips its blocks and its `else`, with one error", () => {
    const { module, diagnostics } = parseLuma(inFunction("if (a b) { x(); } else { y(); }\nz();"), "m.ls");
    assert.equal(diagnostics.length, 1);
    const f = module.declarations[0]!;
    assert.deepEqual(f.kind === "Function" ? f.body.statements.map((s) => s.kind) : [], ["ExpressionStatement"]);
  });

  test("each broken match arm is reported, and the others kept", () => {
    const { module, diagnostics } = parseLuma(
      inFunction("match x { 1 => { } 2 { } 3 => { } ) => { } _ => { } }"),
      "m.ls",
    );
    assert.equal(diagnostics.length, 2);
    const f = module.declarations[0]!;
    const match = f.kind === "Function" ? f.body.statements[0] : undefined;
    assert.equal(match?.kind === "Match" ? match.arms.length : 0, 3);
  });

  test("an arm whose body lacks braces is read as that one statement, and the arms after it kept", () => {
    const { module, diagnostics } = parseLuma(inFunction("match x { 1 => return 1; 2 => { } }"), "m.ls");
    assert.equal(diagnostics.length, 1);
    const f = module.declarations[0]!;
    const match = f.kind === "Function" ? f.body.statements[0] : undefined;
    assert.deepEqual(match?.kind === "Match" ? match.arms.map((arm) => arm.body.statements.map((s) => s.kind)) : [], [
      ["Return"],
      [],
    ]);
  });

  test("a function whose `{` is missing still has its body read", () => {
    const { module, diagnostics } = parseLuma("func f()\n    let a = 1;\n    g(;\n}\nfunc h() { }\n", "m.ls");
    assert.deepEqual(
      diagnostics.map((d) => `${d.primary.line}:${d.primary.column} ${d.message}`),
      ["1:9 expected `{` to start the function's body, found keyword `let`", "3:7 expected an expression, found `;`"],
    );
    assert.deepEqual(
      module.declarations.map((d) => (d.kind === "Function" ? [d.name.name, d.body.statements.length] : [])),
      [
        ["f", 1],
        ["h", 0],
      ],
    );
  });

  test(`at most ${MAX_SYNTAX_ERRORS} errors, then a note that parsing stopped`, () => {
    const source = inFunction(Array.from({ length: 30 }, (_, i) => `let v${i} = ;`).join("\n"));
    const { diagnostics } = parseLuma(source, "m.ls");
    assert.equal(diagnostics.filter((d) => d.severity === "error").length, MAX_SYNTAX_ERRORS);
    const last = diagnostics[diagnostics.length - 1]!;
    assert.equal(last.severity, "note");
    assert.equal(last.message, `stopped after ${MAX_SYNTAX_ERRORS} errors; fix these and run again to see the rest`);
    assert.equal(last.primary.line, MAX_SYNTAX_ERRORS + 2);
  });

  test("nesting beyond the parser's limit is an error, not a stack overflow", () => {
    const deep = `${"(".repeat(5000)}1${")".repeat(5000)}`;
    const { diagnostics } = parseLuma(inFunction(`let x = ${deep};\nlet y = 1;`), "m.ls");
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ["E0018"],
    );
    const blocks = parseLuma(inFunction("{".repeat(5000) + "}".repeat(5000)), "m.ls");
    assert.deepEqual(
      blocks.diagnostics.map((d) => d.code),
      ["E0018"],
    );
    const prefixes = parseLuma(inFunction(`let x = ${"-".repeat(5000)}1;`), "m.ls");
    assert.deepEqual(
      prefixes.diagnostics.map((d) => d.code),
      ["E0018"],
    );
  });
});
