import assert from "node:assert/strict";
import { test } from "node:test";
import { type IrFunction, optimizeFunction, optimizeModule, printModule, validateModule } from "../src/index.js";
import { dedent, parseValid } from "./ir-text.js";

function optimized(input: string): string {
  const m = parseValid(input);
  optimizeModule(m, { validate: true });
  assert.deepEqual(validateModule(m), []);
  const text = printModule(m);
  assert.equal(optimizeModule(m, { validate: true }), false, "a second run must find nothing to do");
  return text;
}

test("an if on a constant condition collapses to straight-line code and a constant", () => {
  assert.equal(
    optimized(`
      module "m.py"
      func @f(%x: i64) -> i64 {
      entry:
        %0 = icmp lt i1 3, 4
        condbr %0, then, else
      then:
        %1 = mul i64 6, 7 raises OverflowError "overflow" @2:8
        br join
      else:
        %2 = add i64 %x, 1 raises OverflowError "overflow" @4:8
        br join
      join:
        %3 = phi i64 [%1, then], [%2, else]
        %4 = sitofp f64 %3
        ret %3
      }
    `),
    dedent(`
      module "m.py"

      func @f(%x: i64) -> i64 {
      entry:
        ret 42
      }
    `),
  );
});

test("a loop stays, its dead work goes, what can raise is kept and a check its bound rules out goes", () => {
  assert.equal(
    optimized(`
      module "m.py"
      entry @main
      extern @print_int(i64) -> void memory any
      func @main() -> void {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%3, body]
        %1 = phi i64 [1, entry], [%4, body]
        %2 = icmp lt i1 %0, 10
        condbr %2, body, exit
      body:
        %3 = add i64 %0, 1 raises OverflowError "overflow" @3:4
        %4 = mul i64 %1, 2
        %5 = floordiv i64 %3, 0 raises ZeroDivisionError "integer division or modulo by zero" @4:4
        %6 = select i64 false, %5, %3
        br header
      exit:
        call_extern void @print_int(%0) @5:0
        ret
      }
    `),
    dedent(`
      module "m.py"
      entry @main

      extern @print_int(i64) -> void memory any

      func @main() -> void {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%3, body]
        %2 = icmp lt i1 %0, 10
        condbr %2, body, exit
      body:
        %3 = add i64 %0, 1
        %5 = floordiv i64 %3, 0 raises ZeroDivisionError "integer division or modulo by zero" @4:4
        br header
      exit:
        call_extern void @print_int(%0) @5:0
        ret
      }
    `),
  );
});

test("a raise on a path made unreachable by folding disappears with its block", () => {
  assert.equal(
    optimized(`
      func @f(%x: i64) -> i64 {
      entry:
        %0 = floormod i64 10, 3 raises ZeroDivisionError "modulo by zero" @1:4
        %1 = icmp eq i1 %0, 1
        condbr %1, fine, fail
      fail:
        raise AssertionError "" @2:0
      fine:
        ret %x
      }
    `),
    dedent(`
      module ""

      func @f(%x: i64) -> i64 {
      entry:
        ret %x
      }
    `),
  );
});

test("validation names the pass that broke the IR", () => {
  const m = parseValid(`
    func @f(%x: i64) -> i64 {
    entry:
      %0 = add i64 %x, 1
      ret %0
    }
  `);
  const breakIt = (fn: IrFunction): boolean => {
    fn.blocks[0]!.terminator = null;
    return true;
  };
  assert.throws(
    () => optimizeFunction(m.functions[0]!, { validate: true, passes: [{ name: "break-it", run: breakIt }] }, m),
    /invalid IR after break-it:\n@f, block entry: has no terminator/,
  );
});
