import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addFunction,
  addGlobal,
  constants,
  createModule,
  type External,
  IrBuilder,
  parseIrModule,
  printFloat,
  printFunction,
  printModule,
  type RaiseInfo,
  type SourceLoc,
  types,
  validateModule,
} from "../src/index.js";
import { dedent } from "./ir-text.js";

const at = (line: number, col: number): SourceLoc => ({ file: "fib.py", line, col });
const raise = (kind: string, message: string, line: number, col: number): RaiseInfo => ({
  kind,
  message,
  loc: at(line, col),
});

/** An external that cannot fail, of the test's own (not the runtime's). */
const printInt: External = {
  name: "print_int",
  params: [types.i64],
  result: types.void,
  canFail: false,
  memory: "any",
  noReturn: false,
  argumentOwnership: ["borrow"],
  resultOwnership: "owned",
  checksLibm: null,
};

function buildFib() {
  const m = createModule("fib.py");
  const calls = addGlobal(m, "calls", constants.int(0n));
  const fib = addFunction(m, "fib", "fib", [{ name: "n", type: types.i64 }], types.i64);
  const main = addFunction(m, "main", "<module>", [], types.void);
  m.entry = main;

  const b = new IrBuilder(fib);
  const entry = b.createBlock("entry");
  const base = b.createBlock("base");
  const recurse = b.createBlock("recurse");
  const n = fib.params[0]!;
  b.positionAt(entry);
  const count = b.loadGlobal(calls);
  b.storeGlobal(calls, b.ibinary("add", count, constants.int(1n), null));
  b.condbr(b.icmp("lt", n, constants.int(2n)), base, recurse);
  b.positionAt(base);
  b.ret(n);
  b.positionAt(recurse);
  const a = b.call(fib, [b.ibinary("sub", n, constants.int(1n), raise("OverflowError", "overflow", 3, 14))], at(3, 10));
  const c = b.call(fib, [b.ibinary("sub", n, constants.int(2n), raise("OverflowError", "overflow", 3, 31))], at(3, 27));
  b.ret(b.ibinary("add", a, c, raise("OverflowError", "overflow", 3, 10)));

  const mb = new IrBuilder(main, m);
  mb.positionAt(mb.createBlock("entry"));
  const result = mb.call(fib, [constants.int(20n)], at(5, 6));
  // The builder declares the external in the module; a location is optional for one that cannot fail.
  mb.callExtern(printInt, [result], at(5, 0));
  mb.ret(null);
  return m;
}

test("prints a module built with the builder", () => {
  const m = buildFib();
  assert.deepEqual(validateModule(m), []);
  assert.equal(
    printModule(m),
    dedent(`
      module "fib.py"
      entry @main

      extern @print_int(i64) -> void memory any
      global @calls: i64 = 0

      func @fib(%n: i64) -> i64 {
      entry:
        %0 = load_global i64 @calls
        %1 = add i64 %0, 1
        store_global void @calls, %1
        %3 = icmp lt i1 %n, 2
        condbr %3, base, recurse
      base:
        ret %n
      recurse:
        %4 = sub i64 %n, 1 raises OverflowError "overflow" @3:14
        %5 = call i64 @fib(%4) @3:10
        %6 = sub i64 %n, 2 raises OverflowError "overflow" @3:31
        %7 = call i64 @fib(%6) @3:27
        %8 = add i64 %5, %7 raises OverflowError "overflow" @3:10
        ret %8
      }

      func @main() -> void display "<module>" {
      entry:
        %0 = call i64 @fib(20) @5:6
        call_extern void @print_int(%0) @5:0
        ret
      }
    `),
  );
});

test("printing is stable and the parser reads the printer's output back", () => {
  const text = printModule(buildFib());
  assert.equal(printModule(buildFib()), text);
  const parsed = parseIrModule(text);
  assert.deepEqual(validateModule(parsed), []);
  assert.equal(printModule(parsed), text);
  // Void instructions print without ids but get fresh ones, past every named value.
  const store = parsed.functions[0]!.blocks[0]!.instructions[2]!;
  assert.equal(store.kind, "store_global");
  assert.ok(store.id >= 9);
  assert.ok(parsed.functions[0]!.nextId > store.id);
});

test("every instruction and terminator round-trips", () => {
  const text = dedent(`
    module "all.py"
    entry @main

    extern @str_concat(ref str, ref str) -> ref str memory any
    global @g: f64 = -0.0
    global @s: ref str = "tab\\tquote\\"nul\\u0000é"
    global @flag: i1 = true
    global @none: unit = unit
    global @"odd name": i64 = -9223372036854775808

    func @ops(%x: i64, %y: f64, %b: i1, %"two words": ref str) -> f64 {
    entry:
      %0 = floordiv i64 %x, 7 raises ZeroDivisionError "integer division or modulo by zero" @1:2
      %1 = shl i64 %0, 3
      %16 = mul i64 %1, %1 nsw
      %2 = ineg i64 %16 raises OverflowError "overflow" @2:0
      %3 = fmod f64 %y, 1.5
      %4 = fneg f64 %3
      %5 = not i1 %b
      %6 = icmp ne i1 %5, false
      %7 = fcmp ge i1 %4, nan
      %8 = uitofp f64 %b
      %9 = toint i64 %y raises ValueError "cannot convert float NaN to integer" @4:4
      %10 = zext i64 %6
      %11 = select f64 %7, inf, -inf
      %12 = call_extern ref str @str_concat(%"two words", "!")
      %13 = load_global f64 @g
      store_global void @g, %11
      %14 = fpow f64 1e+300, 5e-324
      condbr %b, left, "right side"
    left:
      br join
    "right side":
      br join
    join:
      %15 = phi f64 [%8, left], [%14, "right side"]
      ret %15
    }

    func @main() -> void display "<module>" {
    entry:
      %0 = call f64 @ops(1, 2.0, true, "s") @9:0
      exit 3
    never:
      raise AssertionError "" @10:4
    also_never:
      unreachable
    }
  `);
  const m = parseIrModule(text);
  assert.deepEqual(validateModule(m), []);
  assert.equal(printModule(m), text);
});

test("floats print so that they read back as the same double and never as integers", () => {
  for (const x of [0, -0, 1, -1.5, 0.1, 1e21, 1e-7, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, 1 / 3]) {
    const text = printFloat(x);
    assert.match(text, /[.e]/);
    assert.ok(Object.is(Number(text), x), `${text} reads back as ${Number(text)}, not ${x}`);
  }
  assert.equal(printFloat(Number.NaN), "nan");
  assert.equal(printFloat(Number.NEGATIVE_INFINITY), "-inf");
  assert.equal(printFloat(-0), "-0.0");
});

test("printFunction shows a block still missing its terminator as a comment", () => {
  const m = createModule("m.py");
  const fn = addFunction(m, "f", "f", [], types.void);
  new IrBuilder(fn).createBlock("entry");
  assert.equal(printFunction(fn), "func @f() -> void {\nentry:\n  ; no terminator\n}\n");
  assert.equal(printFunction(parseIrModule(printFunction(fn)).functions[0]!), printFunction(fn));
});
