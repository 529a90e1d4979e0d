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
      extern @rt_str_repeat(ref str, i64) -> ref str memory any
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
        %1 = call_extern ref str @rt_str_repeat(%0, 2)
        call_extern void @rt_write_str(%0)
        ret
      }
    `,
    `
      module "m.py"
      entry @main

      extern @rt_str_concat(ref str, ref str) -> ref str memory any
      extern @rt_str_repeat(ref str, i64) -> ref str memory any
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
        %1 = call_extern ref str @rt_str_repeat(%0, 2)
        release void %1
        call_extern void @rt_write_str(%0)
        release void %0
        ret
      }
    `,
  );
});

test("a global keeps a reference to what is stored and drops the value it replaces; loads take their own", () => {
  // The store is %1's last use: it takes over the reference the call returned.
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
        %7 = load_global ref str @g
        store_global void @g, %1
        release void %7
        call_extern void @rt_write_str(%0)
        release void %0
        ret
      }
    `,
  );
});

test("a store before a value's last use takes a reference of its own; the store at its last use takes over", () => {
  counted(
    `
      module "m.py"
      extern @rt_str_concat(ref str, ref str) -> ref str memory any
      extern @rt_write_str(ref str) -> void memory any
      global @g: ref str = ""
      entry @main
      func @main() -> void {
      entry:
        %0 = call_extern ref str @rt_str_concat("a", "b")
        store_global void @g, %0
        call_extern void @rt_write_str(%0)
        store_global void @g, %0
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
        %0 = call_extern ref str @rt_str_concat("a", "b")
        retain void %0
        %6 = load_global ref str @g
        store_global void @g, %0
        release void %6
        call_extern void @rt_write_str(%0)
        %8 = load_global ref str @g
        store_global void @g, %0
        release void %8
        ret
      }
    `,
  );
});

test("an external's consumed argument gets a reference of its own; a borrowed result is retained", () => {
  counted(
    `
      module "m.py"
      entry @main
      extern @make() -> ref str memory any
      extern @take(consume ref str) -> void memory any
      extern @peek() -> borrowed ref str memory read
      func @main() -> void {
      entry:
        %0 = call_extern ref str @make()
        call_extern void @take(%0)
        %1 = call_extern ref str @peek()
        call_extern void @take(%1)
        ret
      }
    `,
    `
      module "m.py"
      entry @main

      extern @make() -> ref str memory any
      extern @take(consume ref str) -> void memory any
      extern @peek() -> borrowed ref str memory read

      func @main() -> void {
      entry:
        %0 = call_extern ref str @make()
        retain void %0
        call_extern void @take(%0)
        release void %0
        %1 = call_extern ref str @peek()
        retain void %1
        retain void %1
        call_extern void @take(%1)
        release void %1
        ret
      }
    `,
  );
});

test("a reference read out of another value is taken before that value can be released", () => {
  const m = parseValid(`
    module "m.py"
    entry @main
    layout Box { s: ref str }
    extern @make() -> ref str memory any
    extern @first(ref str) -> borrowed ref str memory read
    extern @write(ref str) -> void memory any
    func @main() -> void {
    entry:
      %0 = call_extern ref str @make()
      %1 = call_extern ref str @first(%0)
      %2 = alloc ref Box(%1) @1:0
      %3 = get_field ref str %2, 0
      %4 = struct_make {ref str, i64}(%3, 1)
      %5 = struct_extract ref str %4, 0
      call_extern void @write(%5)
      ret
    }
  `);
  insertReferenceCounting(m);
  assert.deepEqual(validateModule(m), []);
  const lines = printModule(m)
    .split("\n")
    .map((l) => l.trim());
  // %1 may be a reference %0 holds, %3 one the box %2 holds, %5 one the struct %4 holds: each is
  // retained before what holds it is released, which could free it.
  for (const [taken, holder] of [
    ["%1", "%0"],
    ["%3", "%2"],
    ["%5", "%4"],
  ]) {
    const retained = lines.indexOf(`retain void ${taken}`);
    const released = lines.indexOf(`release void ${holder}`);
    assert.ok(retained >= 0 && released >= 0, lines.join("\n"));
    assert.ok(retained < released, `${taken} is retained after ${holder} is released:\n${lines.join("\n")}`);
  }
});

test("a tagged word is counted as a reference; reading its bits borrows nothing, a word made of bits is owned", () => {
  counted(
    `
      module "m.py"
      entry @main
      global @last: tagged = tagged 0
      extern @big(i64) -> tagged memory any
      extern @show(tagged) -> void memory any
      func @main() -> void {
      entry:
        %0 = call_extern tagged @big(7)
        %1 = bitcast i64 %0
        %2 = icmp eq i1 %1, 0
        condbr %2, keep, drop
      keep:
        store_global void @last, %0
        ret
      drop:
        %3 = bitcast tagged 42
        call_extern void @show(%3)
        ret
      }
    `,
    `
      module "m.py"
      entry @main

      extern @big(i64) -> tagged memory any
      extern @show(tagged) -> void memory any
      global @last: tagged = tagged 0

      func @main() -> void {
      entry:
        %0 = call_extern tagged @big(7)
        %1 = bitcast i64 %0
        %2 = icmp eq i1 %1, 0
        condbr %2, keep, drop
      keep:
        %9 = load_global tagged @last
        store_global void @last, %0
        release void %9
        ret
      drop:
        release void %0
        %3 = bitcast tagged 42
        call_extern void @show(%3)
        release void %3
        ret
      }
    `,
  );
});
