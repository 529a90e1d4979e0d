import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addFunction,
  computeDominators,
  constants,
  createModule,
  declareExternal,
  type Instruction,
  IrBuilder,
  lookupRuntimeFunction,
  parseIrModule,
  types,
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
    ["%0 = add f64 %i, 1", "void", "@f, block entry, %0 (add): has type f64, expected an int type"],
    ["%0 = ineg i64 %x", "void", "@f, block entry, %0 (ineg): operand %x has type f64, expected i64"],
    ["%0 = not i1 %i", "void", "@f, block entry, %0 (not): operand %i has type i64, expected i1"],
    ["%0 = icmp eq i1 %i, %b", "void", "@f, block entry, %0 (icmp): operands have types i64 and i1, expected the same"],
    [
      "%0 = icmp lt i1 %b, %b",
      "void",
      "@f, block entry, %0 (icmp): left operand %b has type i1, expected an integer type",
    ],
    [
      "%0 = fcmp lt i1 %i, %x",
      "void",
      "@f, block entry, %0 (fcmp): left operand %i has type i64, expected a float type",
    ],
    ["%0 = sitofp f64 %x", "void", "@f, block entry, %0 (sitofp): cannot sitofp f64 to f64"],
    [
      '%0 = toint i64 %i raises ValueError "" @1:0',
      "void",
      "@f, block entry, %0 (toint): operand %i has type i64, expected a float type",
    ],
    ["%0 = zext i64 %i", "void", "@f, block entry, %0 (zext): cannot zext i64 to i64"],
    [
      '%0 = add i64 %i, 1 nsw raises OverflowError "o" @1:0',
      "void",
      "@f, block entry, %0 (add): is checked and nsw: a checked operation never wraps",
    ],
    ["%0 = and i64 %i, 1 nsw", "void", "@f, block entry, %0 (and): is and nsw: only add, sub and mul take nsw"],
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
  const f = addFunction(m, "f", "f", [], types.void);
  const g = addFunction(m, "g", "g", [], types.void);
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
  const f = addFunction(m, "f", "f", [], types.i64);
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

test("a call of an external needs the module's declaration of it", () => {
  const m = createModule("m.py");
  const f = addFunction(m, "f", "f", [], types.void);
  const writeInt = lookupRuntimeFunction("rt_write_i64")!;
  // Without the module the builder declares nothing.
  const b = new IrBuilder(f);
  b.positionAt(b.createBlock("entry"));
  b.callExtern(writeInt, [constants.int(1n)], null);
  b.ret(null);
  assert.deepEqual(validateModule(m), [
    "@f, block entry, %0 (call_extern): @rt_write_i64 is not declared by this module",
  ]);
  // A declaration of the same name is not enough: the call must name the module's declaration.
  declareExternal(m, { ...writeInt });
  assert.deepEqual(validateModule(m), [
    "@f, block entry, %0 (call_extern): @rt_write_i64 is not declared by this module",
  ]);
  // With the module, the builder declares what it calls, once; an equal declaration is the same one.
  const m2 = createModule("m.py");
  const g = addFunction(m2, "g", "g", [], types.void);
  const gb = new IrBuilder(g, m2);
  gb.positionAt(gb.createBlock("entry"));
  gb.callExtern(writeInt, [constants.int(1n)], null);
  gb.callExtern({ ...writeInt }, [constants.int(2n)], null);
  gb.ret(null);
  assert.deepEqual(m2.externals, [writeInt]);
  assert.deepEqual(validateModule(m2), []);
  assert.throws(
    () => gb.callExtern({ ...writeInt, params: [types.f64] }, [constants.float(1)], null),
    /external @rt_write_i64 is declared twice with different signatures/,
  );
});

test("a call of an external is checked against its declaration", () => {
  assert.deepEqual(
    errorsOf(`
      extern @g(i64, ref str) -> void memory any
      extern @h() -> i64 memory any
      extern @fails() -> i64 canfail memory any
      func @f(%s: ref str) -> void {
      entry:
        call_extern void @g(1.5, 2)
        call_extern void @g(1)
        call_extern void @g(1, %s)
        %0 = call_extern f64 @h()
        %1 = call_extern i64 @fails()
        %2 = call_extern i64 @fails() @3:0
        ret
      }
    `),
    [
      "@f, block entry, %3 (call_extern): argument 1 1.5 has type f64, expected i64",
      "@f, block entry, %3 (call_extern): argument 2 2 has type i64, expected ref str",
      "@f, block entry, %4 (call_extern): passes 1 arguments to @g, which takes 2",
      "@f, block entry, %0 (call_extern): has type f64, expected i64",
      "@f, block entry, %1 (call_extern): @fails can fail, so its call needs a source location",
    ],
  );
});

test("externals' declarations are consistent", () => {
  assert.deepEqual(
    errorsOf(`
      extern @reads(ref str) -> i64 canfail memory read
      extern @pure() -> i64 canfail memory none
      func @f() -> void {
      entry:
        ret
      }
    `),
    [
      'external @reads can fail, so it writes memory: its memory must be "any"',
      'external @pure can fail, so it writes memory: its memory must be "any"',
    ],
  );
});

const callee = `
  func @g() -> i64 {
  entry:
    ret 1
  }
`;

test("an instruction with a handler can fail, is its block's last and the block ends in a br elsewhere", () => {
  assert.deepEqual(
    errorsOf(`
      extern @safe() -> i64 memory any
      ${callee}
      func @f(%i: i64) -> i64 {
      entry:
        %0 = call i64 @g() @1:0 unwind h
        %1 = add i64 %i, 1
        br next
      next:
        %2 = add i64 %i, 1 unwind h
        br next2
      next2:
        %3 = call_extern i64 @safe() unwind h
        br next3
      next3:
        %4 = call i64 @g() @2:0 unwind h
        br h
      last:
        %5 = call i64 @g() @3:0 unwind h
        ret %5
      h:
        %6 = landing ref exception
        resume %6
      }
    `),
    [
      "@f, block entry, %0 (call): an instruction with a handler must be the last of its block",
      "@f, block next, %2 (add): it cannot fail, so it has no handler",
      "@f, block next2, %3 (call_extern): it cannot fail, so it has no handler",
      "@f, block next3, %4 (call): the handler h is also the block's branch target",
      "@f, block last, %5 (call): a block whose last instruction has a handler ends in br",
    ],
  );
});

test("a landing comes first in a block that failures reach", () => {
  assert.deepEqual(
    errorsOf(`
      ${callee}
      func @f(%i: i64) -> i64 {
      entry:
        %0 = call i64 @g() @1:0 unwind h
        br next
      next:
        %1 = landing ref exception
        resume %1
      h:
        %2 = add i64 %i, 1
        %3 = landing ref exception
        resume %3
      }
    `),
    [
      "@f, block next, %1 (landing): a landing is only in a block some failure unwinds to",
      "@f, block h, %3 (landing): only phis and reference counts may come before a landing",
    ],
  );
  // Behind clean-up blocks that only count references, the failure is still what reaches it.
  assert.deepEqual(
    errorsOf(`
      ${callee}
      func @f(%s: ref str) -> i64 {
      entry:
        %0 = call i64 @g() @1:0 unwind cleanup
        br next
      next:
        ret %0
      cleanup:
        retain void %s
        release void %s
        br h
      h:
        %1 = landing ref exception
        resume %1
      }
    `),
    [],
  );
});

test("a failing instruction's value does not exist in its handler", () => {
  assert.deepEqual(
    errorsOf(`
      ${callee}
      func @f() -> i64 {
      entry:
        %0 = call i64 @g() @1:0 unwind h
        br next
      next:
        ret %0
      h:
        %1 = landing ref exception
        %2 = add i64 %0, 1
        resume %1
      }
    `),
    ["@f, block h, %2 (add): uses %0, which exists only when it does not fail, where it may have failed"],
  );
  // Nor on the edge into its handler, which a phi of the handler reads.
  const errors = errorsOf(`
    ${callee}
    func @f() -> i64 {
    entry:
      %0 = call i64 @g() @1:0 unwind h
      br next
    next:
      ret %0
    h:
      %1 = phi i64 [%0, entry]
      %2 = landing ref exception
      resume %2
    }
  `);
  assert.ok(
    errors.some((e) => e.startsWith("@f, block h, %1 (phi): uses %0") && /fail/.test(e)),
    JSON.stringify(errors),
  );
});

test("objects: fields of declared layouts only, variants' cases and payloads, allocation", () => {
  assert.deepEqual(
    errorsOf(`
      layout Node { value: i64, next: variant{unit | ref Node} }
      func @f(%s: ref str, %n: ref Node, %i: i64) -> void {
      entry:
        %0 = get_field i64 %s, 0
        set_field void %s, 0, 1
        %1 = get_field i64 %n, 5
        %2 = get_field i64 %i, 0
        set_field void %n, 0, 1.5
        %3 = get_field f64 %n, 0
        %4 = variant_make variant{unit | ref Node} 1, 5
        %5 = variant_make variant{unit | ref Node} 0, %n
        %6 = variant_make variant{unit | ref Node} 1
        %7 = variant_make variant{unit | ref Node} 2, %n
        %8 = variant_make {i64, i64} 0, 1
        %9 = variant_payload ref Node %4, 0
        %10 = variant_tag i32 %i
        %11 = alloc ref str() @1:0
        %12 = alloc i64() @1:0
        %13 = struct_make {i64, f64}(1, 2)
        %14 = struct_extract i64 %13, 2
        ret
      }
    `),
    [
      "@f, block entry, %0 (get_field): layout str is the runtime's own: its fields cannot be read or written",
      "@f, block entry, %15 (set_field): layout str is the runtime's own: its fields cannot be read or written",
      "@f, block entry, %1 (get_field): layout Node has no field 5",
      "@f, block entry, %2 (get_field): the object has type i64, expected a ref",
      "@f, block entry, %16 (set_field): value stored in field 0 1.5 has type f64, expected i64",
      "@f, block entry, %3 (get_field): has type f64, expected i64",
      "@f, block entry, %4 (variant_make): payload 5 has type i64, expected ref Node",
      "@f, block entry, %5 (variant_make): case 0 of variant{unit | ref Node} is unit: it takes no payload",
      "@f, block entry, %6 (variant_make): case 1 of variant{unit | ref Node} needs a payload of type ref Node",
      "@f, block entry, %7 (variant_make): variant{unit | ref Node} has no case 2",
      "@f, block entry, %8 (variant_make): has type {i64, i64}, expected a variant",
      "@f, block entry, %9 (variant_payload): variant{unit | ref Node} has no payload for case 0",
      "@f, block entry, %10 (variant_tag): operand %i has type i64, expected a variant",
      "@f, block entry, %11 (alloc): layout str is the runtime's own: the runtime makes its objects",
      "@f, block entry, %12 (alloc): has type i64, expected a ref",
      "@f, block entry, %13 (struct_make): field 2 2 has type i64, expected f64",
      "@f, block entry, %14 (struct_extract): {i64, f64} has no field 2",
    ],
  );
});

test("function values: func_ref's signature and environment, call_indirect's callee and arguments", () => {
  assert.deepEqual(
    errorsOf(`
      layout Env { base: i64 }
      func @inc(%x: i64) -> i64 {
      entry:
        ret %x
      }
      func @with_env(%env: ref Env, %x: i64) -> i64 {
      entry:
        ret %x
      }
      func @f(%e: ref Env, %i: i64) -> void {
      entry:
        %0 = func_ref fn(i64) -> i64 @inc
        %1 = func_ref fn(i64) -> i64 @with_env, %e
        %2 = func_ref fn(f64) -> i64 @inc
        %3 = func_ref fn(i64) -> i64 @with_env
        %4 = func_ref i64 @inc
        %5 = call_indirect i64 %0(%i) @1:0
        %6 = call_indirect i64 %0(1.5) @1:0
        %7 = call_indirect f64 %1(%i) @1:0
        %8 = call_indirect i64 %i(%i) @1:0
        ret
      }
    `),
    [
      "@f, block entry, %2 (func_ref): @inc does not have the signature fn(f64) -> i64",
      "@f, block entry, %3 (func_ref): @with_env does not have the signature fn(i64) -> i64",
      "@f, block entry, %4 (func_ref): has type i64, expected a function type",
      "@f, block entry, %6 (call_indirect): argument 1 1.5 has type f64, expected i64",
      "@f, block entry, %7 (call_indirect): has type f64, expected i64",
      "@f, block entry, %8 (call_indirect): calls a value of type i64, expected a function type",
    ],
  );
});

test("conversions go between the right kinds of type, widening or narrowing as they say", () => {
  const cases: [string, string][] = [
    ["%0 = sext i8 %i", "cannot sext i64 to i8"],
    ["%0 = zext i32 %i", "cannot zext i64 to i32"],
    ["%0 = sext i64 %i", "cannot sext i64 to i64"],
    ["%0 = trunc i64 %b", "cannot trunc i1 to i64"],
    ["%0 = zext i64 %x", "cannot zext f64 to i64"],
    ["%0 = fpext f32 %x", "cannot fpext f64 to f32"],
    ["%0 = fptrunc f64 %x", "cannot fptrunc f64 to f64"],
    ["%0 = fptrunc i32 %x", "cannot fptrunc f64 to i32"],
    ["%0 = sitofp i64 %i", "cannot sitofp i64 to i64"],
    ["%0 = uitofp f64 %x", "cannot uitofp f64 to f64"],
    ["%0 = fptosi f32 %x", "cannot fptosi f64 to f32"],
    ["%0 = bitcast tagged %x", "cannot bitcast f64 to tagged"],
    ["%0 = zext tagged %b", "cannot zext i1 to tagged"],
  ];
  for (const [body, message] of cases) {
    const op = body.split(" ")[2]!;
    assert.deepEqual(errorsOfBody(`${body}\nret`), [`@f, block entry, %0 (${op}): ${message}`], body);
  }
  // Each in its right direction is valid.
  assert.deepEqual(
    errorsOfBody(`
      %0 = trunc i8 %i
      %1 = sext i32 %0
      %2 = zext i16 %0
      %3 = trunc i1 %1
      %4 = zext i64 %b
      %5 = fptrunc f32 %x
      %6 = fpext f64 %5
      %7 = sitofp f32 %1
      %8 = uitofp f64 %2
      %9 = fptosi i16 %5
      %10 = bitcast tagged %i
      %11 = bitcast i64 %10
      ret
    `),
    [],
  );
});

test("a tagged constant is an immediate integer's word: even and 64 bits wide", () => {
  assert.deepEqual(
    errorsOfBody(`
      %0 = bitcast i64 tagged 84
      %1 = bitcast i64 tagged 3
      %2 = bitcast i64 tagged -9223372036854775808
      ret
    `),
    ["@f, block entry, %1 (bitcast): constant 3 is not a valid tagged"],
  );
});

test("constants fit their type", () => {
  assert.deepEqual(
    errorsOf(`
      layout Node { next: variant{unit | ref Node} }
      global @a: i8 = i8 127
      global @b: i8 = i8 128
      global @c: i16 = i16 -32769
      global @d: i32 = i32 2147483648
      func @f() -> void {
      entry:
        %0 = add i8 i8 -129, i8 1
        ret
      }
    `),
    [
      "global @b: constant 128 is not a valid i8",
      "global @c: constant -32769 is not a valid i16",
      "global @d: constant 2147483648 is not a valid i32",
      "@f, block entry, %0 (add): constant -129 is not a valid i8",
    ],
  );
});
