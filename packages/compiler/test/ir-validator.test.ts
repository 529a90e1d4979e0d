import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addFunction,
  computeDominators,
  constants,
  createModule,
  type Instruction,
  IrBuilder,
  parseIrModule,
  validateModule,
} from "../src/index.js";
import { dedent } from "./ir-text.js";

function errorsOf(text: string): string[] {
  return validateModule(parseIrModule(dedent(text)));
}

/** Wraps instructions in `func @f(%i: i64, %x: f64, %b: i1) -> <ret> { entry: ... }`. */
function errorsOfBody(body: string, ret = "void"): string[] {
  const lines = dedent(body)
    .trimEnd()
    .split("\n")
    .map((l) => `  ${l}`);
  return errorsOf(`func @f(%i: i64, %x: f64, %b: i1) -> ${ret} {\nentry:\n${lines.join("\n")}\n}\n`);
}

test("a valid function with a loop has no errors", () => {
  assert.deepEqual(
    errorsOf(`
      module "m.py"
      entry @main
      global @total: i64 = 0
      func @sum(%n: i64) -> i64 {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%3, body]
        %1 = phi i64 [0, entry], [%4, body]
        %2 = icmp lt i1 %0, %n
        condbr %2, body, done
      body:
        %3 = add i64 %0, 1 raises OverflowError "overflow" @2:4
        %4 = add i64 %1, %0 raises OverflowError "overflow" @3:4
        br header
      done:
        store_global void @total, %1
        ret %1
      }
      func @main() -> void {
      entry:
        %0 = call i64 @sum(10) @5:0
        ret
      }
    `),
    [],
  );
});

test("operand and result types are checked per instruction kind", () => {
  const cases: [string, string, string][] = [
    ["%0 = add i64 %x, 1", "void", "@f, block entry, %0 (add): left operand %x has type f64, expected i64"],
    ["%0 = fadd f64 %x, 1", "void", "@f, block entry, %0 (fadd): right operand 1 has type i64, expected f64"],
    ["%0 = add f64 %i, 1", "void", "@f, block entry, %0 (add): has type f64, expected i64"],
    ["%0 = ineg i64 %x", "void", "@f, block entry, %0 (ineg): operand %x has type f64, expected i64"],
    ["%0 = not i1 %i", "void", "@f, block entry, %0 (not): operand %i has type i64, expected i1"],
    ["%0 = icmp eq i1 %i, %b", "void", "@f, block entry, %0 (icmp): operands have types i64 and i1, expected the same"],
    ["%0 = icmp lt i1 %b, %b", "void", "@f, block entry, %0 (icmp): left operand %b has type i1, expected i64"],
    ["%0 = fcmp lt i1 %i, %x", "void", "@f, block entry, %0 (fcmp): left operand %i has type i64, expected f64"],
    ["%0 = tofloat f64 %x", "void", "@f, block entry, %0 (tofloat): operand %x has type f64, expected i64 or i1"],
    [
      '%0 = toint i64 %i raises ValueError "" @1:0',
      "void",
      "@f, block entry, %0 (toint): operand %i has type i64, expected f64",
    ],
    ["%0 = zext i64 %i", "void", "@f, block entry, %0 (zext): operand %i has type i64, expected i1"],
    ["%0 = select i64 %i, 1, 2", "void", "@f, block entry, %0 (select): condition %i has type i64, expected i1"],
    ["%0 = select i64 %b, 1, 2.0", "void", "@f, block entry, %0 (select): false arm 2.0 has type f64, expected i64"],
    ["condbr %i, entry, entry", "void", "@f, block entry, terminator condbr: condition %i has type i64, expected i1"],
    ["ret %x", "i64", "@f, block entry, terminator ret: return value %x has type f64, expected i64"],
    ["ret", "i64", "@f, block entry, terminator ret: returns nothing from a function returning i64"],
    ["ret 1", "void", "@f, block entry, terminator ret: returns 1 from a function returning void"],
    ["exit %x", "void", "@f, block entry, terminator exit: exit status %x has type f64, expected i64"],
    ["call void @f(1, 2.0) @1:0", "void", "@f, block entry, %0 (call): passes 2 arguments to @f, which takes 3"],
    [
      "call void @f(1, 2, true) @1:0",
      "void",
      "@f, block entry, %0 (call): argument 2 (%x) 2 has type i64, expected f64",
    ],
    ["%0 = call i64 @f(%i, %x, %b) @1:0", "void", "@f, block entry, %0 (call): has type i64, expected void"],
  ];
  for (const [body, ret, expected] of cases) {
    const last = body.split("\n").at(-1)!;
    const errors = errorsOfBody(/^(ret|condbr|exit)\b/.test(last) ? body : `${body}\nret`, ret);
    assert.ok(errors.includes(expected), `${body}\n  got: ${JSON.stringify(errors)}`);
  }
});

test("globals: store type, initial value, and the entry function's signature", () => {
  assert.deepEqual(
    errorsOf(`
      entry @main
      global @g: i64 = 1
      func @main(%a: i64) -> void {
      entry:
        store_global void @g, 1.5
        ret
      }
    `),
    [
      "the entry function @main must take no parameters and return void",
      "@main, block entry, %0 (store_global): value stored in @g 1.5 has type f64, expected i64",
    ],
  );
});

test("every block needs a terminator and branches stay in the function", () => {
  const m = createModule("m.py");
  const f = addFunction(m, "f", "f", [], "void");
  const g = addFunction(m, "g", "g", [], "void");
  const gb = new IrBuilder(g);
  const elsewhere = gb.createBlock("elsewhere");
  gb.positionAt(elsewhere);
  gb.ret(null);
  const fb = new IrBuilder(f);
  fb.positionAt(fb.createBlock("entry"));
  fb.br(elsewhere);
  fb.positionAt(fb.createBlock("open"));
  assert.deepEqual(validateModule(m), [
    "@f, block entry, terminator br: target elsewhere is not a block of this function",
    "@f, block open: has no terminator",
  ]);
});

test("phis sit first and have exactly one incoming value per predecessor, of their type", () => {
  const errors = errorsOf(`
    func @f(%b: i1) -> i64 {
    entry:
      condbr %b, left, right
    left:
      br join
    right:
      br join
    join:
      %0 = add i64 1, 2
      %1 = phi i64 [1, left], [2, left], [3, entry]
      %2 = phi i64 [1.5, left], [2, right]
      ret %1
    }
  `);
  assert.deepEqual(errors, [
    "@f, block join, %1 (phi): phi after a non-phi instruction",
    "@f, block join, %1 (phi): two incoming values from left",
    "@f, block join, %1 (phi): incoming block entry is not a predecessor",
    "@f, block join, %1 (phi): no incoming value for predecessor right",
    "@f, block join, %2 (phi): phi after a non-phi instruction",
    "@f, block join, %2 (phi): incoming value from left 1.5 has type f64, expected i64",
  ]);
});

test("the entry block has no predecessors", () => {
  assert.deepEqual(
    errorsOf(`
      func @f() -> void {
      entry:
        br entry
      }
    `),
    ["@f: the entry block entry has predecessors (entry)"],
  );
});

test("every use is dominated by its definition", () => {
  const errors = errorsOf(`
    func @f(%b: i1) -> i64 {
    entry:
      %0 = add i64 %1, 1
      %1 = add i64 2, 3
      condbr %b, left, right
    left:
      %2 = add i64 %0, 1
      br join
    right:
      %3 = add i64 %2, 1
      br join
    join:
      %4 = phi i64 [%2, left], [%2, right]
      %6 = add i64 %5, 1
      ret %3
    dead:
      %5 = add i64 %2, %5
      br join2
    join2:
      ret %5
    }
  `);
  assert.deepEqual(errors, [
    "@f, block entry, %0 (add): uses %1, whose definition in entry does not dominate the use",
    "@f, block right, %3 (add): uses %2, whose definition in left does not dominate the use",
    "@f, block join, %4 (phi): uses %2, whose definition in left does not dominate the use",
    "@f, block join, %6 (add): uses %5, whose definition in dead does not dominate the use",
    "@f, block join, terminator ret: uses %3, whose definition in right does not dominate the use",
    // Nothing is checked in unreachable blocks (dead, join2): everything dominates them.
  ]);
});

test("ids are unique, below nextId, and each instruction knows its block", () => {
  const m = createModule("m.py");
  const f = addFunction(m, "f", "f", [], "i64");
  const b = new IrBuilder(f);
  const entry = b.createBlock("entry");
  const other = b.createBlock("other");
  b.positionAt(entry);
  const x = b.ibinary("add", constants.int(1n), constants.int(2n), null) as Instruction;
  const y = b.ibinary("add", x, constants.int(2n), null) as Instruction;
  b.br(other);
  b.positionAt(other);
  b.ret(y);
  y.id = 0;
  x.block = other;
  f.nextId = 1;
  assert.deepEqual(validateModule(m), [
    "@f, block entry, %0 (add): its block field says other",
    "@f, block entry, %0 (add): id 0 is used twice",
  ]);
  y.id = 5;
  x.block = entry;
  assert.deepEqual(validateModule(m), ["@f, block entry, %5 (add): id 5 is outside 0..0 (nextId is 1)"]);
});

test("dominators of a loop nest and an unreachable block", () => {
  const m = parseIrModule(
    dedent(`
      func @f(%b: i1) -> void {
      entry:
        br outer
      outer:
        condbr %b, inner, exit
      inner:
        condbr %b, inner, latch
      latch:
        br outer
      exit:
        ret
      island:
        br exit
      }
    `),
  );
  const [entry, outer, inner, latch, exit, island] = m.functions[0]!.blocks as [
    never,
    never,
    never,
    never,
    never,
    never,
  ];
  const d = computeDominators(m.functions[0]!);
  assert.deepEqual(d.order.map((b) => b.label).sort(), ["entry", "exit", "inner", "latch", "outer"]);
  assert.equal(d.order[0], entry);
  assert.equal(d.idom.get(inner), outer);
  assert.equal(d.idom.get(latch), inner);
  assert.equal(d.idom.get(exit), outer);
  assert.ok(d.dominates(outer, latch) && d.dominates(entry, exit) && d.dominates(inner, inner));
  assert.ok(!d.dominates(inner, exit) && !d.dominates(latch, outer));
  assert.ok(!d.isReachable(island) && !d.dominates(island, exit) && !d.dominates(entry, island));
});
