import assert from "node:assert/strict";
import { test } from "node:test";
import { insertReferenceCounting, printModule, validateModule } from "../src/index.js";
import { dedent, parseValid } from "./ir-text.js";

const counted = (input: string, expected: string) => {
  const m = parseValid(input);
  insertReferenceCounting(m);
  assert.deepEqual(validateModule(m), []);
  assert.equal(printModule(m), dedent(expected));
};

test("a loop-carried string moves into its phi; it is dropped after its last use and on every exit", () => {
  counted(
    `
      module "m.py"
      entry @main
      extern @rt_str_concat(ref str, ref str) -> ref str memory any
      extern @rt_write_str(ref str) -> void memory any
      func @main() -> void {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%4, body]
        %1 = phi ref str ["", entry], [%3, body]
        %2 = icmp lt i1 %0, 5
        condbr %2, body, exit
      body:
        %3 = call_extern ref str @rt_str_concat(%1, "*")
        call_extern void @rt_write_str(%3)
        %4 = add i64 %0, 1
        %5 = icmp eq i1 %4, 99
        condbr %5, exit, header
      exit:
        ret
      }
    `,
    `
      module "m.py"
      entry @main

      extern @rt_str_concat(ref str, ref str) -> ref str memory any
      extern @rt_write_str(ref str) -> void memory any

      func @main() -> void {
      entry:
        retain void ""
        br header
      header:
        %0 = phi i64 [0, entry], [%4, body]
        %1 = phi ref str ["", entry], [%3, body]
        %2 = icmp lt i1 %0, 5
        condbr %2, body, header.to.exit
      header.to.exit:
        release void %1
        br exit
      body:
        %3 = call_extern ref str @rt_str_concat(%1, "*")
        release void %1
        call_extern void @rt_write_str(%3)
        %4 = add i64 %0, 1
        %5 = icmp eq i1 %4, 99
        condbr %5, body.to.exit, header
      body.to.exit:
        release void %3
        br exit
      exit:
        ret
      }
    `,
  );
});

test("returns hand over a reference, borrowed parameters get one, unused results are dropped at once", () => {
  counted(
    `
      module "m.py"
      entry @main
      extern @rt_str_concat(ref str, ref str) -> ref str memory any
      extern @rt_str_repr(ref str) -> ref str memory any
      extern @rt_write_str(ref str) -> void memory any
      func @pick(%s: ref str, %c: i1) -> ref str {
      entry:
        condbr %c, own, borrowed
      own:
        %0 = call_extern ref str @rt_str_concat(%s, "!")
        ret %0
      borrowed:
        ret %s
      }
      func @main() -> void {
      entry:
        %0 = call ref str @pick("a", true) @1:0
        %1 = call_extern ref str @rt_str_repr(%0)
        call_extern void @rt_write_str(%0)
        ret
      }
    `,
    `
      module "m.py"
      entry @main

      extern @rt_str_concat(ref str, ref str) -> ref str memory any
      extern @rt_str_repr(ref str) -> ref str memory any
      extern @rt_write_str(ref str) -> void memory any

      func @pick(%s: ref str, %c: i1) -> ref str {
      entry:
        condbr %c, own, borrowed
      own:
        %0 = call_extern ref str @rt_str_concat(%s, "!")
        ret %0
      borrowed:
        retain void %s
        ret %s
      }

      func @main() -> void {
      entry:
        %0 = call ref str @pick("a", true) @1:0
        %1 = call_extern ref str @rt_str_repr(%0)
        release void %1
        call_extern void @rt_write_str(%0)
        release void %0
        ret
      }
    `,
  );
});

test("a global keeps a reference to what is stored and drops the value it replaces; loads take their own", () => {
  counted(
    `
      module "m.py"
      extern @rt_str_concat(ref str, ref str) -> ref str memory any
      extern @rt_write_str(ref str) -> void memory any
      global @g: ref str = ""
      entry @main
      func @main() -> void {
      entry:
        %0 = load_global ref str @g
        %1 = call_extern ref str @rt_str_concat(%0, "x")
        store_global void @g, %1
        call_extern void @rt_write_str(%0)
        ret
      }
    `,
    `
      module "m.py"
      entry @main

      extern @rt_str_concat(ref str, ref str) -> ref str memory any
      extern @rt_write_str(ref str) -> void memory any
      global @g: ref str = ""

      func @main() -> void {
      entry:
        %0 = load_global ref str @g
        retain void %0
        %1 = call_extern ref str @rt_str_concat(%0, "x")
        retain void %1
        %7 = load_global ref str @g
        store_global void @g, %1
        release void %7
        release void %1
        call_extern void @rt_write_str(%0)
        release void %0
        ret
      }
    `,
  );
});
