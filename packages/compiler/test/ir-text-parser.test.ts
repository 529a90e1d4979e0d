import assert from "node:assert/strict";
import { test } from "node:test";
import { IrParseError, parseIrModule, printModule } from "../src/index.js";
import { dedent } from "./ir-text.js";

function parseError(text: string): IrParseError {
  try {
    parseIrModule(dedent(text));
  } catch (error) {
    assert.ok(error instanceof IrParseError, String(error));
    return error;
  }
  assert.fail("expected a parse error");
}

test("the module line is optional; comments and blank lines are ignored", () => {
  const m = parseIrModule(
    dedent(`
      ; a comment line
      func @f(%x: i64) -> i64 {   ; trailing comment
      entry:

        %0 = add i64 %x, 1 ; "not a string"
        ret %0
      }
    `),
  );
  assert.equal(m.sourceFile, "");
  assert.equal(printModule(m), 'module ""\n\nfunc @f(%x: i64) -> i64 {\nentry:\n  %0 = add i64 %x, 1\n  ret %0\n}\n');
});

test("values may be used before their definition line (loops, blocks out of dominance order)", () => {
  const m = parseIrModule(
    dedent(`
      func @f() -> i64 {
      entry:
        br header
      body:
        %2 = add i64 %1, 1
        br header
      header:
        %1 = phi i64 [0, entry], [%2, body]
        %3 = icmp lt i1 %1, 10
        condbr %3, body, exit
      exit:
        ret %1
      }
    `),
  );
  const body = m.functions[0]!.blocks[1]!;
  const add = body.instructions[0]!;
  assert.equal(add.kind === "ibinary" && add.lhs.kind, "phi");
  assert.equal(m.functions[0]!.nextId, 4);
});

test("errors name the line and column", () => {
  const cases: [string, number, number, RegExp][] = [
    ["func @f() -> i64 {\nentry:\n  %0 = add i64 %x, 1\n  ret %0\n}", 3, 16, /no parameter %x/],
    ["func @f() -> i64 {\nentry:\n  ret %7\n}", 3, 7, /%7 is not defined in @f/],
    ["func @f() -> void {\nentry:\n  br nowhere\n}", 3, 6, /no block nowhere/],
    ["func @f() -> i64 {\nentry:\n  %0 = frob i64 1, 2\n  ret %0\n}", 3, 8, /unknown instruction 'frob'/],
    ["func @f() -> i64 {\nentry:\n  %0 = add i64 1 2\n  ret %0\n}", 3, 18, /expected ','/],
    ["func @f() -> i64 {\nentry:\n  %0 = add i63 1, 2\n}", 3, 12, /expected a type/],
    [
      "func @f() -> i64 {\nentry:\n  %0 = add i64 1, 2\n  %0 = add i64 1, 2\n}",
      4,
      3,
      /%0 is already defined on line 3/,
    ],
    ["func @f() -> void {\n  ret\n}", 2, 3, /expected a block label/],
    ["func @f() -> void {\nentry:\n  ret\n  ret\n}", 4, 3, /already ended/],
    ["func @f() -> void {\nentry:\n  ret\n", 1, 1, /not closed/],
    ["func @f() -> i64 {\nentry:\n  ret 99999999999999999999\n}", 3, 7, /does not fit in i64/],
    ['func @f() -> ref str {\nentry:\n  ret "abc\n}', 3, 7, /unterminated string/],
    ['func @f() -> ref str {\nentry:\n  ret "\\q"\n}', 3, 7, /malformed string/],
    ["func @f() -> void {\nentry:\n  %0 = store_global void @g, 1\n}", 3, 21, /void instruction has no value/],
    ["func @f() -> void {\nentry:\n  add i64 1, 2\n  ret\n}", 3, 3, /needs a result/],
    ["func @f() -> void {\nentry:\n  %0 = call i64 @g() @1:0\n  ret\n}", 3, 17, /no function @g/],
    ["func @f() -> void {\nentry:\n  %0 = toint i64 1.5\n  ret\n}", 3, 21, /expected an exception kind/],
    ["func @f() -> void {\nentry:\n  ret\n}\nfunc @f() -> void {\nentry:\n  ret\n}", 5, 6, /already defined on line 1/],
    ["entry @main\nfunc @f() -> void {\nentry:\n  ret\n}", 1, 7, /no function @main/],
    ['func @f() -> void {\nentry:\n  ret\n}\nmodule "m.py"', 5, 1, /'module' must be the first line/],
    ["global @g: f64 = 1", 1, 12, /has type f64 but its initial value has type i64/],
    ["func @f(%a: i64, %a: f64) -> void {\nentry:\n  ret\n}", 1, 18, /declared twice/],
    ["func @f() -> void {\nentry:\n  ret\nentry:\n  ret\n}", 4, 1, /block entry is defined twice/],
    ["func @f() -> void {\nentry:\n  ret # 1\n}", 3, 7, /unexpected character "#"/],
    // Types, layouts and externals.
    ["func @f(%s: str) -> void {\nentry:\n  ret\n}", 1, 13, /expected a type, found 'str'/],
    ["func @f(%s: ref Node) -> void {\nentry:\n  ret\n}", 1, 17, /no layout Node/],
    ["global @g: variant{i64} = 1", 1, 12, /a variant has at least two cases/],
    ["layout A { x: i64 }\nlayout A { y: i64 }", 2, 8, /layout A is already declared/],
    ["layout str { x: i64 }", 1, 8, /layout str is already declared/],
    ["layout A { x: i64, x: f64 }", 1, 20, /field x is declared twice/],
    ["func @f() -> void {\nentry:\n  call_extern void @g()\n  ret\n}", 3, 20, /no external @g: declare it/],
    ["extern @g() -> void\nextern @g() -> i64", 2, 8, /external @g is declared twice/],
    ["extern @g() -> void pure", 1, 21, /expected an external's property/],
    ["extern @g() -> void memory some", 1, 28, /expected a memory effect \(none, read, any\)/],
    ["func @f() -> void {\nentry:\n  %0 = sext 1\n  ret\n}", 3, 13, /expected a type, found '1'/],
  ];
  for (const [text, line, column, message] of cases) {
    const error = parseError(text);
    assert.match(error.message, message, text);
    assert.deepEqual([error.line, error.column], [line, column], `${text}\n${error.message}`);
    assert.match(error.message, new RegExp(`^line ${line}, column ${column}: `));
  }
});
