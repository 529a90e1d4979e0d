import assert from "node:assert/strict";
import { test } from "node:test";
import { type IrFunction, type Module, printFunction, speculateImmediates, validateModule } from "../src/index.js";
import { dedent, parseValid } from "./ir-text.js";

// A recursion of tagged arithmetic that only reads memory, one that writes a global, and a loop:
// only the first gets speculative and generic copies behind a dispatcher.
const program = `
  module "m.py"
  entry @main
  extern @int_add(tagged, tagged) -> tagged memory any
  extern @int_compare(tagged, tagged) -> i64 memory read
  extern @int_box(i64) -> tagged memory any
  extern @show(tagged) -> void memory any
  global @last: tagged = tagged 0
  func @sum_to(%n: tagged) -> tagged {
  entry:
    %0 = tcmp lt i1 %n, tagged 2, @int_compare
    condbr %0, done, recurse
  recurse:
    %1 = tsub tagged %n, tagged 2, @int_add
    %2 = call tagged @sum_to(%1) @3:4
    %3 = tadd tagged %2, %n, @int_add
    ret %3
  done:
    ret %n
  }
  func @remember(%n: tagged) -> void {
  entry:
    br loop
  loop:
    %0 = phi tagged [%n, entry], [%1, loop]
    %1 = tadd tagged %0, tagged 2, @int_add
    store_global void @last, %1
    %2 = tcmp lt i1 %1, tagged 20, @int_compare
    condbr %2, loop, done
  done:
    ret
  }
  func @twice(%n: tagged) -> tagged {
  entry:
    br loop
  loop:
    %0 = phi tagged [%n, entry], [%1, loop]
    %1 = tadd tagged %0, %0, @int_add
    %2 = tcmp lt i1 %1, tagged 200, @int_compare
    condbr %2, loop, done
  done:
    ret %1
  }
  func @main() -> void {
  entry:
    %0 = call tagged @sum_to(tagged 20) @9:0
    call_extern void @show(%0)
    call void @remember(tagged 0) @10:0
    %1 = call tagged @twice(tagged 2) @11:0
    call_extern void @show(%1)
    ret
  }
`;

function named(m: Module, name: string): IrFunction {
  const fn = m.functions.find((f) => f.name === name);
  assert.ok(fn !== undefined, `no function @${name}`);
  return fn;
}

test("a restartable recursive function of tagged arithmetic runs a speculative copy behind a dispatcher", () => {
  const m = parseValid(program);
  assert.equal(speculateImmediates(m), true);
  assert.deepEqual(validateModule(m), []);
  const speculative = printFunction(named(m, "sum_to.speculative"));
  assert.match(speculative, /tsub tagged %n, tagged 2, @int_add speculative/);
  assert.match(speculative, /tadd tagged %2, %n, @int_add speculative/);
  // The recursion stays in the speculative copy; a failure goes up to the outermost dispatcher.
  assert.match(speculative, /call tagged @sum_to\.speculative\(/);
  assert.doesNotMatch(speculative, /call tagged @sum_to\(/);
  // The comparison keeps its fallback: its result is no integer to merge.
  assert.doesNotMatch(speculative, /tcmp .*speculative/);
  assert.doesNotMatch(printFunction(named(m, "sum_to.generic")), /speculative/);
  assert.equal(
    printFunction(named(m, "sum_to")),
    dedent(`
      func @sum_to(%n: tagged) -> tagged {
      entry:
        %4 = load_global i1 @sum_to.given_up
        condbr %4, generic, speculate
      speculate:
        %5 = call tagged @sum_to.speculative(%n) tail @3:0 unwind caught
        br returned
      returned:
        ret %5
      caught:
        %6 = landing ref exception
        %7 = call_extern i1 @rt_exception_is_speculation_failure(%6)
        condbr %7, give.up, rethrow
      generic:
        %9 = call tagged @sum_to.generic(%n) tail @3:0
        ret %9
      rethrow:
        resume %6
      give.up:
        store_global void @sum_to.given_up, true
        br generic
      }
    `),
  );
});

test("a function that writes memory, or only loops, is left as it is", () => {
  const m = parseValid(program);
  const remember = printFunction(named(m, "remember"));
  const twice = printFunction(named(m, "twice"));
  speculateImmediates(m);
  assert.equal(printFunction(named(m, "remember")), remember);
  assert.equal(printFunction(named(m, "twice")), twice);
  assert.ok(!m.functions.some((f) => f.name.startsWith("remember.") || f.name.startsWith("twice.")));
});
