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
      func @main() -> void {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%4, body]
        %1 = phi str ["", entry], [%3, body]
        %2 = icmp lt i1 %0, 5
        condbr %2, body, exit
      body:
        %3 = runtime str @rt_str_concat(%1, "*")
        runtime void @rt_write_str(%3)
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

      func @main() -> void {
      entry:
        runtime void @rt_str_incref("")
        br header
      header:
        %0 = phi i64 [0, entry], [%4, body]
        %1 = phi str ["", entry], [%3, body]
        %2 = icmp lt i1 %0, 5
        condbr %2, body, header.to.exit
      header.to.exit:
        runtime void @rt_str_decref(%1)
        br exit
      body:
        %3 = runtime str @rt_str_concat(%1, "*")
        runtime void @rt_str_decref(%1)
        runtime void @rt_write_str(%3)
        %4 = add i64 %0, 1
        %5 = icmp eq i1 %4, 99
        condbr %5, body.to.exit, header
      body.to.exit:
        runtime void @rt_str_decref(%3)
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
      func @pick(%s: str, %c: i1) -> str {
      entry:
        condbr %c, own, borrowed
      own:
        %0 = runtime str @rt_str_concat(%s, "!")
        ret %0
      borrowed:
        ret %s
      }
      func @main() -> void {
      entry:
        %0 = call str @pick("a", true) @1:0
        %1 = runtime str @rt_str_repeat(%0, 2)
        runtime void @rt_write_str(%0)
        ret
      }
    `,
    `
      module "m.py"
      entry @main

      func @pick(%s: str, %c: i1) -> str {
      entry:
        condbr %c, own, borrowed
      own:
        %0 = runtime str @rt_str_concat(%s, "!")
        ret %0
      borrowed:
        runtime void @rt_str_incref(%s)
        ret %s
      }

      func @main() -> void {
      entry:
        %0 = call str @pick("a", true) @1:0
        %1 = runtime str @rt_str_repeat(%0, 2)
        runtime void @rt_str_decref(%1)
        runtime void @rt_write_str(%0)
        runtime void @rt_str_decref(%0)
        ret
      }
    `,
  );
});

test("a global keeps a reference to what is stored and drops the value it replaces; loads take their own", () => {
  counted(
    `
      module "m.py"
      global @g: str = ""
      entry @main
      func @main() -> void {
      entry:
        %0 = load_global str @g
        %1 = runtime str @rt_str_concat(%0, "x")
        store_global void @g, %1
        runtime void @rt_write_str(%0)
        ret
      }
    `,
    `
      module "m.py"
      entry @main

      global @g: str = ""

      func @main() -> void {
      entry:
        %0 = load_global str @g
        runtime void @rt_str_incref(%0)
        %1 = runtime str @rt_str_concat(%0, "x")
        runtime void @rt_str_incref(%1)
        %7 = load_global str @g
        store_global void @g, %1
        runtime void @rt_str_decref(%7)
        runtime void @rt_str_decref(%1)
        runtime void @rt_write_str(%0)
        runtime void @rt_str_decref(%0)
        ret
      }
    `,
  );
});
