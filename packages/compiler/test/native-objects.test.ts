// Managed objects end to end: IR text with layouts, through the reference-counting pass, the
// emitter and the object runtime, to a native program. Each program runs with the runtime's leak
// checker on (it must report no live object) and under valgrind's memcheck (no error, no definite
// leak).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildExecutable, emitModule, insertReferenceCounting, optimizeModule, validateModule } from "../src/index.js";
import { dedent, parseValid } from "./ir-text.js";
import { buildProgram, TEST_RUNTIME, testToolchain, testWorkDir } from "./native-build.js";

/** Builds the IR text (after the passes pycompile runs) and runs it with the leak checker on. */
async function run(text: string, args: readonly string[] = []) {
  const m = parseValid(text);
  optimizeModule(m, { validate: true });
  insertReferenceCounting(m);
  assert.deepEqual(validateModule(m), []);
  const { path } = await buildProgram(m);
  const result = spawnSync(path, args, {
    encoding: "utf8",
    env: { ...process.env, TOOLCHAIN_CHECK_LEAKS: "1" },
    maxBuffer: 1 << 26,
  });
  return { path, stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Runs the program under memcheck: no error, nothing definitely lost. */
function underValgrind(path: string, args: readonly string[]): string {
  const result = spawnSync(
    "valgrind",
    ["--leak-check=full", "--errors-for-leak-kinds=definite", "--error-exitcode=99", path, ...args],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  assert.ok(result.error === undefined, `valgrind could not run: ${String(result.error)}`);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /ERROR SUMMARY: 0 errors/);
  return result.stdout;
}

const printing = dedent(`
  extern @rt_write_i64(i64) -> void memory any
  extern @rt_write_newline() -> void memory any
  extern @rt_argv_count() -> i64 memory read
`);

describe("managed objects in native programs", () => {
  it("builds a linked list of a million nodes, walks it and frees it, leaking nothing", async () => {
    const program = `
      module "list.ir"
      entry @main
      layout Node { value: i64, next: variant{unit | ref Node} }
      ${printing}
      func @build(%n: i64) -> variant{unit | ref Node} {
      entry:
        %0 = variant_make variant{unit | ref Node} 0
        br loop
      loop:
        %1 = phi i64 [0, entry], [%4, body]
        %2 = phi variant{unit | ref Node} [%0, entry], [%5, body]
        %3 = icmp lt i1 %1, %n
        condbr %3, body, done
      body:
        %6 = alloc ref Node(%1, %2) @8:4
        %5 = variant_make variant{unit | ref Node} 1, %6
        %4 = add i64 %1, 1
        br loop
      done:
        ret %2
      }
      func @sum(%list: variant{unit | ref Node}) -> i64 {
      entry:
        br loop
      loop:
        %0 = phi i64 [0, entry], [%5, body]
        %1 = phi variant{unit | ref Node} [%list, entry], [%6, body]
        %2 = variant_tag i32 %1
        %3 = icmp eq i1 %2, i32 0
        condbr %3, done, body
      body:
        %4 = variant_payload ref Node %1, 1
        %7 = get_field i64 %4, 0
        %5 = add i64 %0, %7
        %6 = get_field variant{unit | ref Node} %4, 1
        br loop
      done:
        ret %0
      }
      func @main() -> void {
      entry:
        %0 = call_extern i64 @rt_argv_count()
        %1 = mul i64 %0, 1000000
        %2 = call variant{unit | ref Node} @build(%1) @30:4
        %3 = call i64 @sum(%2) @31:4
        call_extern void @rt_write_i64(%3)
        call_extern void @rt_write_newline()
        ret
      }
    `;
    const result = await run(program);
    assert.equal(result.status, 0, result.stderr);
    const expected = `${(999_999n * 1_000_000n) / 2n}\n`;
    assert.equal(result.stdout, expected);
    assert.equal(result.stderr, "leak check: 0 live objects\n");
    assert.equal(underValgrind(result.path, []), expected);
  });

  it("collects a cycle that reference counts alone cannot free", async () => {
    const program = `
      module "cycle.ir"
      entry @main
      layout Pair { value: i64, other: variant{unit | ref Pair} }
      ${printing}
      extern @rt_gc_collect() -> i64 memory any
      func @make(%i: i64) -> void {
      entry:
        %0 = variant_make variant{unit | ref Pair} 0
        %1 = alloc ref Pair(%i, %0) @5:4
        %2 = variant_make variant{unit | ref Pair} 1, %1
        %3 = alloc ref Pair(%i, %2) @6:4
        %4 = variant_make variant{unit | ref Pair} 1, %3
        set_field void %1, 1, %4
        ret
      }
      func @main() -> void {
      entry:
        call void @make(1) @9:4
        call void @make(2) @10:4
        %0 = call_extern i64 @rt_gc_collect()
        call_extern void @rt_write_i64(%0)
        call_extern void @rt_write_newline()
        %1 = call_extern i64 @rt_gc_collect()
        call_extern void @rt_write_i64(%1)
        call_extern void @rt_write_newline()
        ret
      }
    `;
    const result = await run(program);
    assert.equal(result.status, 0, result.stderr);
    // Two cycles of two objects each, then nothing left to collect.
    assert.equal(result.stdout, "4\n0\n");
    assert.equal(result.stderr, "leak check: 0 live objects\n");
    assert.equal(underValgrind(result.path, []), "4\n0\n");
  });

  it("names an object the program lost by its layout and allocation site; globals are let go at exit", async () => {
    const program = `
      module "kept.ir"
      entry @main
      layout Pair { value: i64, other: variant{unit | ref Pair} }
      global @keep: variant{unit | ref Pair} = null variant{unit | ref Pair}
      func @main() -> void {
      entry:
        %0 = variant_make variant{unit | ref Pair} 0
        %1 = alloc ref Pair(7, %0) @5:4
        %2 = variant_make variant{unit | ref Pair} 1, %1
        store_global void @keep, %2
        %3 = alloc ref Pair(8, %0) @8:4
        retain void %3
        ret
      }
    `;
    const result = await run(program);
    assert.equal(result.status, 0, result.stderr);
    // The global's object is released at exit; the one with a count too many is lost.
    assert.equal(result.stderr, "leak check: 1 live objects\n  1 Pair allocated at kept.ir:8 in main\n");
  });

  it("builds and matches a tagged union of every kind of case", async () => {
    const program = `
      module "variant.ir"
      entry @main
      layout Box { value: i64 }
      ${printing}
      func @make(%i: i64) -> variant{i64 | f64 | ref Box | unit} {
      entry:
        %0 = floormod i64 %i, 4
        %1 = icmp eq i1 %0, 0
        condbr %1, int, not.int
      int:
        %2 = variant_make variant{i64 | f64 | ref Box | unit} 0, %i
        ret %2
      not.int:
        %3 = icmp eq i1 %0, 1
        condbr %3, float, not.float
      float:
        %4 = sitofp f64 %i
        %5 = variant_make variant{i64 | f64 | ref Box | unit} 1, %4
        ret %5
      not.float:
        %6 = icmp eq i1 %0, 2
        condbr %6, box, unit
      box:
        %7 = alloc ref Box(%i) @20:8
        %8 = variant_make variant{i64 | f64 | ref Box | unit} 2, %7
        ret %8
      unit:
        %9 = variant_make variant{i64 | f64 | ref Box | unit} 3
        ret %9
      }
      func @value(%v: variant{i64 | f64 | ref Box | unit}) -> i64 {
      entry:
        %0 = variant_tag i32 %v
        %1 = icmp eq i1 %0, i32 0
        condbr %1, int, not.int
      int:
        %2 = variant_payload i64 %v, 0
        ret %2
      not.int:
        %3 = icmp eq i1 %0, i32 1
        condbr %3, float, not.float
      float:
        %4 = variant_payload f64 %v, 1
        %5 = fptosi i64 %4
        %6 = mul i64 %5, 10
        ret %6
      not.float:
        %7 = icmp eq i1 %0, i32 2
        condbr %7, box, unit
      box:
        %8 = variant_payload ref Box %v, 2
        %9 = get_field i64 %8, 0
        %10 = mul i64 %9, 100
        ret %10
      unit:
        ret 1000
      }
      func @main() -> void {
      entry:
        br loop
      loop:
        %0 = phi i64 [0, entry], [%4, body]
        %1 = phi i64 [0, entry], [%5, body]
        %2 = icmp lt i1 %0, 1000
        condbr %2, body, done
      body:
        %3 = call variant{i64 | f64 | ref Box | unit} @make(%0) @40:8
        %6 = call i64 @value(%3) @41:8
        %5 = add i64 %1, %6
        %4 = add i64 %0, 1
        br loop
      done:
        call_extern void @rt_write_i64(%1)
        call_extern void @rt_write_newline()
        ret
      }
    `;
    let sum = 0n;
    for (let i = 0n; i < 1000n; i++) sum += [i, i * 10n, i * 100n, 1000n][Number(i % 4n)]!;
    const result = await run(program);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${sum}\n`);
    assert.equal(result.stderr, "leak check: 0 live objects\n");
    assert.equal(underValgrind(result.path, []), `${sum}\n`);
  });

  it("counts tagged words only when they refer to an object: through phis, fields and constants", async () => {
    const program = `
      module "tagged.ir"
      entry @main
      layout Box { word: tagged }
      extern @test_boxed_word(i64) -> tagged memory any
      extern @test_write_tagged(tagged) -> void memory any
      ${printing}
      func @word(%boxed: i1, %n: i64) -> tagged {
      entry:
        condbr %boxed, boxed, immediate
      boxed:
        %0 = call_extern tagged @test_boxed_word(%n)
        br done
      immediate:
        %1 = shl i64 %n, 1
        %2 = bitcast tagged %1
        br done
      done:
        %3 = phi tagged [%0, boxed], [%2, immediate]
        ret %3
      }
      func @main() -> void {
      entry:
        br loop
      loop:
        %0 = phi i64 [0, entry], [%1, next]
        %2 = and i64 %0, 1
        %3 = icmp eq i1 %2, 1
        %4 = call tagged @word(%3, %0) @20:4
        %5 = alloc ref Box(%4) @21:4
        %6 = get_field tagged %5, 0
        %7 = icmp lt i1 %0, 4
        condbr %7, show, next
      show:
        call_extern void @test_write_tagged(%6)
        call_extern void @rt_write_newline()
        br next
      next:
        %1 = add i64 %0, 1
        %8 = icmp lt i1 %1, 1000
        condbr %8, loop, done
      done:
        %9 = bitcast i64 tagged 84
        call_extern void @rt_write_i64(%9)
        call_extern void @test_write_tagged(tagged 84)
        call_extern void @rt_write_newline()
        ret
      }
    `;
    const { path, stdout, stderr, status } = await run(program);
    assert.equal(status, 0, stderr);
    assert.equal(stdout, "0\nboxed 1\n2\nboxed 3\n8442\n");
    assert.equal(stderr, "leak check: 0 live objects\n");
    assert.equal(underValgrind(path, []), stdout);
  });

  it("calls a closure and a plain function through function values", async () => {
    const program = `
      module "closure.ir"
      entry @main
      layout Env { base: i64, name: ref str }
      ${printing}
      extern @rt_write_str(ref str) -> void memory any
      func @add_base(%env: ref Env, %x: i64) -> i64 {
      entry:
        %0 = get_field i64 %env, 0
        %1 = add i64 %0, %x
        ret %1
      }
      func @double(%x: i64) -> i64 {
      entry:
        %0 = mul i64 %x, 2
        ret %0
      }
      func @apply_twice(%f: fn(i64) -> i64, %x: i64) -> i64 {
      entry:
        %0 = call_indirect i64 %f(%x) @15:8
        %1 = call_indirect i64 %f(%0) @15:10
        ret %1
      }
      func @adder(%base: i64) -> fn(i64) -> i64 {
      entry:
        %0 = alloc ref Env(%base, "adder") @20:4
        %1 = func_ref fn(i64) -> i64 @add_base, %0
        ret %1
      }
      func @main() -> void {
      entry:
        %0 = call fn(i64) -> i64 @adder(40) @25:4
        %1 = call i64 @apply_twice(%0, 1) @26:4
        call_extern void @rt_write_i64(%1)
        call_extern void @rt_write_newline()
        %2 = func_ref fn(i64) -> i64 @double
        %3 = call i64 @apply_twice(%2, 5) @28:4
        call_extern void @rt_write_i64(%3)
        call_extern void @rt_write_newline()
        ret
      }
    `;
    const result = await run(program);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, "81\n20\n");
    assert.equal(result.stderr, "leak check: 0 live objects\n");
    assert.equal(underValgrind(result.path, []), "81\n20\n");
  });

  it("catches an exception raised three calls deep, releasing every owned value on the way", async () => {
    const program = `
      module "raise.ir"
      entry @main
      layout Box { label: ref str, value: i64 }
      ${printing}
      extern @rt_write_str(ref str) -> void memory any
      extern @rt_str_concat(ref str, ref str) -> ref str memory any
      extern @rt_exception_new(ref str, ref str) -> ref exception memory any
      extern @rt_exception_kind(ref exception) -> ref str memory any
      extern @rt_exception_message(ref exception) -> ref str memory any
      func @level3(%n: i64) -> i64 {
      entry:
        %0 = alloc ref Box("level3", %n) @10:4
        %1 = icmp gt i1 %n, 2
        condbr %1, fail, fine
      fail:
        %2 = call_extern ref exception @rt_exception_new("ValueError", "too deep")
        throw %2 @12:8
      fine:
        %3 = get_field i64 %0, 1
        %4 = mul i64 %3, 4611686018427387904 raises OverflowError "too big" @14:8
        ret %4
      }
      func @level2(%n: i64) -> i64 {
      entry:
        %0 = alloc ref Box("level2", %n) @20:4
        %1 = call i64 @level3(%n) @21:4
        %2 = get_field i64 %0, 1
        %3 = add i64 %1, %2
        ret %3
      }
      func @level1(%n: i64, %name: ref str) -> i64 {
      entry:
        %0 = call_extern ref str @rt_str_concat(%name, "!")
        %1 = call i64 @level2(%n) @31:4
        call_extern void @rt_write_str(%0)
        ret %1
      }
      func @attempt(%n: i64) -> void {
      entry:
        %0 = call_extern ref str @rt_str_concat("try", "!")
        %1 = call i64 @level1(%n, %0) @40:4 unwind caught
        br done
      done:
        call_extern void @rt_write_i64(%1)
        call_extern void @rt_write_newline()
        ret
      caught:
        %2 = landing ref exception
        %3 = call_extern ref str @rt_exception_kind(%2)
        %4 = call_extern ref str @rt_exception_message(%2)
        call_extern void @rt_write_str(%3)
        call_extern void @rt_write_str(": ")
        call_extern void @rt_write_str(%4)
        call_extern void @rt_write_newline()
        ret
      }
      func @main() -> void {
      entry:
        call void @attempt(1) @50:4
        call void @attempt(2) @51:4
        call void @attempt(3) @52:4
        ret
      }
    `;
    const result = await run(program);
    assert.equal(result.status, 0, result.stderr);
    // n = 1 returns normally; n = 2 overflows in level3's checked multiply; n = 3 throws there.
    const expected = `try!!${2n ** 62n + 1n}\nOverflowError: too big\nValueError: too deep\n`;
    assert.equal(result.stdout, expected);
    assert.equal(result.stderr, "leak check: 0 live objects\n");
    assert.equal(underValgrind(result.path, []), expected);
  });

  it("links a library module compiled on its own: its exported functions, its failures and its objects", async () => {
    const library = parseValid(`
      module "lib.ir"
      layout Counter { count: i64 }
      func @lib_triple(%x: i64) -> i64 exported {
      entry:
        %0 = mul i64 %x, 3 raises OverflowError "too big" @4:8
        ret %0
      }
      func @lib_counter(%start: i64) -> ref Counter exported {
      entry:
        %0 = alloc ref Counter(%start) @9:8
        ret %0
      }
      func @lib_count(%c: ref Counter) -> i64 exported {
      entry:
        %0 = get_field i64 %c, 0
        ret %0
      }
    `);
    insertReferenceCounting(library);
    assert.deepEqual(validateModule(library), []);
    const libraryObject = join(testWorkDir(), "lib.o");
    await buildExecutable({
      llvmIr: emitModule(library),
      output: libraryObject,
      emit: "obj",
      toolchain: testToolchain(),
      runtime: TEST_RUNTIME,
    });
    const program = parseValid(`
      module "main.ir"
      entry @main
      layout Counter { count: i64 }
      extern @lib_triple(i64) -> i64 canfail memory any
      extern @lib_counter(i64) -> ref Counter memory any
      extern @lib_count(ref Counter) -> i64 memory read
      extern @test_str_to_i64(ref str) -> i64 memory read
      extern @rt_argv_get(i64) -> ref str memory any
      ${printing}
      func @main() -> void {
      entry:
        %0 = call_extern ref str @rt_argv_get(1)
        %1 = call_extern i64 @test_str_to_i64(%0)
        %2 = call_extern ref Counter @lib_counter(%1)
        %3 = call_extern i64 @lib_count(%2)
        %4 = call_extern i64 @lib_triple(%3) @19:8
        call_extern void @rt_write_i64(%4)
        call_extern void @rt_write_newline()
        ret
      }
    `);
    insertReferenceCounting(program);
    assert.deepEqual(validateModule(program), []);
    const path = join(testWorkDir(), "linked");
    await buildExecutable({
      llvmIr: emitModule(program),
      output: path,
      toolchain: testToolchain(),
      runtime: TEST_RUNTIME,
      linkArgs: [libraryObject],
    });
    const env = { ...process.env, TOOLCHAIN_CHECK_LEAKS: "1" };
    const ok = spawnSync(path, ["14"], { encoding: "utf8", env });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, "42\n");
    assert.equal(ok.stderr, "leak check: 0 live objects\n");
    // The library's failure unwinds into the program, its frame naming the library's file.
    const failed = spawnSync(path, [String(2n ** 62n)], { encoding: "utf8", env });
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /OverflowError: too big/);
    assert.match(failed.stderr, /lib_triple \(lib\.ir:4\)[\s\S]*main \(main\.ir:19\)/);
    assert.match(failed.stderr, /leak check: 0 live objects\n$/);
  });
});
