// The IR's text form covers the whole IR: a module using every instruction kind and opcode, every
// terminator, layouts (a recursive one), structs, variants, function types, handlers (`unwind`),
// locations in other files, exported functions, externals with every property and typed constants
// prints, parses back and prints again as the same text, and is valid.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type Block,
  compareOps,
  type Instruction,
  instructionByOpcode,
  instructionDescriptors,
  type Module,
  parseIrModule,
  printModule,
  refType,
  runtimeLayouts,
  terminatorDescriptors,
  types,
  validateModule,
  variantType,
} from "../src/index.js";
import { dedent } from "./ir-text.js";

const everything = dedent(`
  module "all.py"
  entry @main

  layout Node { value: i64, next: variant{unit | ref Node} }
  layout Env { base: i64, scale: f32, pair: {i64, f64}, code: fn(i64) -> i64, head: variant{unit | ref Node} }
  extern @rt_write_i64(i64) -> void memory any
  extern @take(consume ref str, i64) -> borrowed ref str canfail memory any
  extern @stop(i64) -> void memory any noreturn
  extern @checked_sin(f64) -> f64 canfail memory any libm "sin"
  extern @pure(f64, f32) -> f64 memory none
  extern @length(ref str) -> i64 memory read
  extern @int_add(tagged, tagged) -> tagged memory any
  extern @int_divide(tagged, tagged) -> tagged canfail memory any
  extern @int_compare(tagged, tagged) -> i64 memory read
  extern @int_box(i64) -> tagged memory any
  extern @int_unbox(tagged) -> i64 canfail memory any
  global @count: i64 = 0
  global @small: i8 = i8 -7
  global @wide: i16 = i16 300
  global @mid: i32 = i32 -70000
  global @ratio: f32 = f32 1.5
  global @name: ref str = "x"
  global @head: variant{unit | ref Node} = null variant{unit | ref Node}

  func @arith(%a: i64, %b: i64, %x: f64, %y: f64, %c: i1) -> i64 {
  entry:
    %0 = add i64 %a, %b raises OverflowError "integer overflow" @2:4
    %1 = sub i64 %0, 1
    %2 = mul i64 %1, 3
    %3 = floordiv i64 %2, %b raises ZeroDivisionError "integer division or modulo by zero" @3:4
    %4 = floormod i64 %3, 7 raises ZeroDivisionError "integer division or modulo by zero" @3:8
    %5 = sdiv i64 %4, -2 raises ZeroDivisionError "division by zero" @"other.py":4:0
    %6 = srem i64 %5, 3
    %7 = udiv i64 %6, 5
    %8 = urem i64 %7, 6
    %9 = and i64 %8, 255
    %10 = or i64 %9, 16
    %11 = xor i64 %10, -1
    %12 = shl i64 %11, 2 raises OverflowError "integer overflow" @5:0
    %13 = ashr i64 %12, 1
    %14 = pow i64 %13, 2 raises OverflowError "integer overflow" @6:0
    %15 = ineg i64 %14
    %16 = fadd f64 %x, %y
    %17 = fsub f64 %16, 1.0
    %18 = fmul f64 %17, 2.5
    %19 = fdiv f64 %18, %y raises ZeroDivisionError "float division by zero" @7:0
    %20 = ffloordiv f64 %19, 3.0
    %21 = fmod f64 %20, 4.0 raises ZeroDivisionError "float modulo" @8:0
    %22 = fpow f64 %21, 0.5 raises ValueError "math domain error" @9:0
    %23 = fneg f64 %22
    %24 = not i1 %c
    %25 = icmp le i1 %15, %a
    %26 = fcmp ne i1 %23, %x
    %27 = trunc i8 %15
    %28 = sext i32 %27
    %29 = zext i16 %27
    %30 = trunc i1 %28
    %31 = fptrunc f32 %23
    %32 = fpext f64 %31
    %33 = sitofp f32 %28
    %34 = uitofp f64 %29
    %35 = fptosi i32 %32
    %36 = add i8 %27, i8 5
    %37 = mul i16 %29, i16 -3
    %38 = sub i32 %35, i32 1 raises OverflowError "integer overflow" @"lib/other.py":11:2
    %39 = fadd f32 %33, f32 0.25
    %40 = icmp ne i1 %30, %25
    %41 = select i64 %40, %a, %b
    %42 = ineg i8 %36 raises OverflowError "integer overflow" @12:0
    %43 = not i16 %37
    %44 = fcmp lt i1 %39, %31
    %45 = icmp ge i1 %36, i8 0
    %46 = toint i64 %34 raises ValueError "cannot convert float NaN to integer" @10:0 unwind failed
    br done
  done:
    ret %46
  failed:
    %47 = landing ref exception
    resume %47
  }

  func @add_env(%env: ref Env, %x: i64) -> i64 {
  entry:
    %0 = get_field i64 %env, 0
    %1 = add i64 %0, %x
    ret %1
  }

  func @inc(%x: i64) -> i64 {
  entry:
    %0 = add i64 %x, 1
    ret %0
  }

  func @buffers(%p: ptr, %i: i64, %n: ref Node) -> f64 {
  entry:
    %4 = stack_slot ptr 16
    %0 = elem_get i64 %p, %i
    elem_set void %p, %i, %0
    elem_set void %p, 0, %n fresh
    %1 = elem_get ref Node %p, 1
    %2 = bitcast f64 %0
    %3 = bitcast i64 %2
    keep_alive void %n
    %5 = ptrtoint i64 %p
    %6 = inttoptr ptr %5
    elem_set void %4, 0, %0
    ret %2
  }

  func @objects(%n: i64, %k: fn(i64) -> i64) -> variant{unit | ref Node} {
  entry:
    %1 = load_global variant{unit | ref Node} @head
    %0 = alloc ref Node(%n, %1) @20:4
    set_field void %0, 1, %1
    %2 = get_field i64 %0, 0
    %3 = variant_make variant{unit | ref Node} 1, %0
    store_global void @head, %3
    %4 = variant_make variant{unit | ref Node} 0
    %5 = variant_tag i32 %3
    %6 = variant_payload ref Node %3, 1
    retain void %6
    release void %6
    %7 = struct_make {i64, f64}(%2, 2.5)
    %8 = struct_extract f64 %7, 1
    %9 = variant_make variant{i64 | f64 | unit} 1, %8
    %10 = variant_payload f64 %9, 1
    %11 = alloc ref Env(%2, f32 1.5, %7, %k, %4) @21:4
    set_field void %11, 3, %k
    %12 = func_ref fn(i64) -> i64 @add_env, %11
    %13 = func_ref fn(i64) -> i64 @inc
    %14 = call_indirect i64 %12(%2) @22:8
    %15 = get_field fn(i64) -> i64 %11, 3
    %16 = call_indirect i64 %15(%14) @23:8 unwind caught
    br done
  done:
    %17 = struct_make {fn(i64) -> i64, {i64, f64}}(%13, %7)
    release void %11
    ret %4
  caught:
    %18 = landing ref exception
    release void %11
    throw %18 @24:0
  }

  func @tagged(%a: tagged, %b: tagged) -> i64 {
  entry:
    %0 = tadd tagged %a, %b, @int_add
    %1 = tsub tagged %0, tagged 2, @int_add
    %2 = tmul tagged %1, %b, @int_add
    %3 = tfloordiv tagged %2, %b, @int_divide @50:4
    %4 = tfloormod tagged %3, %b, @int_divide @50:8
    %5 = tand tagged %4, tagged -4, @int_add
    %6 = tor tagged %5, %a, @int_add
    %7 = txor tagged %6, %b, @int_add
    %8 = tshl tagged %7, tagged 6, @int_divide @51:0
    %9 = tashr tagged %8, %a, @int_divide @51:4 unwind failed
    br compare
  compare:
    %10 = tcmp lt i1 %9, %a, @int_compare
    %11 = tbox tagged 7, @int_box
    %12 = tunbox i64 %11, @int_unbox @52:0
    %14 = tadd tagged %11, tagged 2, @int_add immediate
    %15 = tcmp lt i1 %14, tagged 20, @int_compare immediate
    %16 = tbox tagged %12, @int_box immediate
    %17 = tunbox i64 %16, @int_unbox immediate @54:0
    ret %17
  failed:
    %13 = landing ref exception
    throw %13 @53:0
  }

  func @lib.entry(%x: i64) -> i64 display "entry" exported {
  tailrec.entry:
    br loop
  loop:
    %0 = phi i64 [%x, tailrec.entry], [%3, again]
    %1 = phi i64 [0, tailrec.entry], [%4, again]
    elided_frames void %1 @30:11
    %2 = icmp gt i1 %0, 0
    condbr %2, again, out
  again:
    %3 = sub i64 %0, 1
    %4 = add i64 %1, 1
    br loop
  out:
    ret %0
  }

  func @main() -> void display "<module>" {
  entry:
    %0 = call i64 @arith(1, 2, 1.5, -0.0, true) @40:0 unwind handler
    br called
  called:
    %1 = load_global ref str @name
    %2 = call_extern ref str @take(%1, %0) @41:0 unwind handler
    br took
  took:
    %3 = call_extern i64 @length(%2)
    call_extern void @rt_write_i64(%3)
    %4 = call_extern f64 @checked_sin(0.5) @42:4
    %5 = load_global f32 @ratio
    %6 = call_extern f64 @pure(%4, %5)
    %7 = func_ref fn(i64) -> i64 @inc
    %8 = call variant{unit | ref Node} @objects(%0, %7) @43:0
    %9 = call i64 @lib.entry(%3) @44:0 unwind handler
    br finish
  finish:
    %10 = icmp eq i1 %9, 0
    condbr %10, quit, check
  check:
    raise AssertionError "" @"other.py":45:4 unwind handler
  quit:
    call_extern void @stop(1)
    unreachable
  handler:
    %11 = phi i64 [0, entry], [%0, called], [%0, took], [%9, check]
    %12 = landing ref exception
    throw %12 @46:0 unwind cleanup
  cleanup:
    %13 = landing ref exception
    resume %13 unwind last
  last:
    %14 = landing ref exception
    exit 3
  }
`);

function instructions(m: Module): Instruction[] {
  return m.functions.flatMap((f) => f.blocks.flatMap((b: Block) => b.instructions));
}

test("a module using every instruction kind, opcode and terminator prints, parses back and prints the same", () => {
  const m = parseIrModule(everything);
  assert.deepEqual(validateModule(m), []);
  assert.equal(printModule(m), everything);
  // Reading the printed text back gives the same text again.
  assert.equal(printModule(parseIrModule(printModule(m))), everything);

  const all = instructions(m);
  const kinds = new Set(all.map((i) => i.kind));
  for (const kind of Object.keys(instructionDescriptors)) assert.ok(kinds.has(kind as Instruction["kind"]), kind);
  const opcodes = new Set<string>(
    all.map((i) =>
      i.kind === "ibinary" || i.kind === "fbinary" || i.kind === "convert" || i.kind === "tbinary" ? i.op : i.kind,
    ),
  );
  for (const opcode of instructionByOpcode.keys()) assert.ok(opcodes.has(opcode), opcode);
  const terminators = new Set<string>(m.functions.flatMap((f) => f.blocks.map((b) => b.terminator!.kind)));
  for (const kind of Object.keys(terminatorDescriptors)) assert.ok(terminators.has(kind), kind);
  const predicates = new Set(all.flatMap((i) => (i.kind === "icmp" || i.kind === "fcmp" ? [i.op] : [])));
  assert.ok(all.some((i) => i.kind === "tcmp"));
  for (const op of compareOps) assert.ok(predicates.has(op), op);
});

test("the parsed module holds what the text says", () => {
  const m = parseIrModule(everything);
  const [node, env] = m.layouts as [NonNullable<(typeof m.layouts)[0]>, NonNullable<(typeof m.layouts)[0]>];
  // A layout may refer to itself: the field's type is a reference to the very same layout object.
  const nullableNode = variantType([types.unit, refType(node)]);
  assert.equal(node.fields![1]!.type, nullableNode);
  assert.equal(env.fields![3]!.type.text, "fn(i64) -> i64");
  assert.equal(env.fields![2]!.type.kind, "struct");
  assert.equal(m.globals.find((g) => g.name === "head")!.type, nullableNode);
  assert.deepEqual(
    m.globals.map((g) => [g.name, g.type.text, g.initial.value]),
    [
      ["count", "i64", 0n],
      ["small", "i8", -7n],
      ["wide", "i16", 300n],
      ["mid", "i32", -70000n],
      ["ratio", "f32", 1.5],
      ["name", "ref str", "x"],
      ["head", "variant{unit | ref Node}", null],
    ],
  );
  assert.equal(m.globals.find((g) => g.name === "name")!.type, refType(runtimeLayouts.str));

  const take = m.externals.find((e) => e.name === "take")!;
  assert.deepEqual(
    [take.argumentOwnership, take.resultOwnership, take.canFail, take.memory, take.noReturn, take.checksLibm],
    [["consume", "borrow"], "borrowed", true, "any", false, null],
  );
  const sin = m.externals.find((e) => e.name === "checked_sin")!;
  assert.equal(sin.checksLibm, "sin");
  assert.equal(m.externals.find((e) => e.name === "stop")!.noReturn, true);
  assert.equal(m.externals.find((e) => e.name === "pure")!.memory, "none");
  assert.equal(m.externals.find((e) => e.name === "length")!.memory, "read");

  const exported = m.functions.find((f) => f.name === "lib.entry")!;
  assert.equal(exported.linkage, "exported");
  assert.equal(exported.displayName, "entry");
  assert.ok(m.functions.filter((f) => f !== exported).every((f) => f.linkage === "internal"));

  // Locations: bare ones are in the function's file, quoted ones name theirs.
  const arith = m.functions.find((f) => f.name === "arith")!;
  const byId = (id: number) => arith.blocks.flatMap((b) => b.instructions).find((i) => i.id === id)!;
  const sdiv = byId(5);
  assert.ok(sdiv.kind === "ibinary" && sdiv.raise !== null);
  assert.deepEqual(sdiv.raise.loc, { file: "other.py", line: 4, col: 0 });
  const add = byId(0);
  assert.ok(add.kind === "ibinary" && add.raise !== null);
  assert.deepEqual(add.raise.loc, { file: "all.py", line: 2, col: 4 });
  const sub = byId(38);
  assert.ok(sub.kind === "ibinary" && sub.raise !== null);
  assert.equal(sub.raise.loc.file, "lib/other.py");

  // Typed constants keep their type; handlers are blocks of the function.
  const narrow = byId(36);
  assert.ok(narrow.kind === "ibinary");
  assert.deepEqual([narrow.rhs.type, narrow.rhs.kind === "const" && narrow.rhs.value], [types.i8, 5n]);
  const single = byId(39);
  assert.ok(single.kind === "fbinary");
  assert.deepEqual([single.rhs.type, single.rhs.kind === "const" && single.rhs.value], [types.f32, 0.25]);
  const toint = byId(46);
  assert.ok(toint.kind === "toint" && toint.unwind !== null);
  assert.equal(toint.unwind.label, "failed");
  assert.equal(toint.unwind.function, arith);
});

test("a function defined in another file keeps its file, and its locations theirs", () => {
  const text = dedent(`
    module "all.py"

    func @helper(%x: i64) -> i64 file "lib.py" {
    entry:
      %0 = add i64 %x, 1 raises OverflowError "integer overflow" @3:4
      %1 = add i64 %0, 1 raises OverflowError "integer overflow" @"all.py":7:0
      ret %1
    }
  `);
  const m = parseIrModule(text);
  assert.deepEqual(validateModule(m), []);
  const helper = m.functions[0]!;
  assert.equal(helper.sourceFile, "lib.py");
  const [first, second] = helper.blocks[0]!.instructions as [Instruction, Instruction];
  assert.ok(first.kind === "ibinary" && first.raise !== null && second.kind === "ibinary" && second.raise !== null);
  assert.deepEqual(first.raise.loc, { file: "lib.py", line: 3, col: 4 });
  assert.deepEqual(second.raise.loc, { file: "all.py", line: 7, col: 0 });
  assert.equal(printModule(m), text);
  const again = parseIrModule(printModule(m)).functions[0]!;
  assert.equal(again.sourceFile, "lib.py");
});
