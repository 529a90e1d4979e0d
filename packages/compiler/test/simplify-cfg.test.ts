import { test } from "node:test";
import { simplifyCfg } from "../src/index.js";
import { checkPass } from "./ir-text.js";

const simplify = (input: string, expected: string) => checkPass(simplifyCfg, input, expected);

test("a branch on a constant goes one way; the other target loses its incoming values and is left unreachable", () => {
  simplify(
    `
      func @f(%x: i64) -> i64 {
      entry:
        condbr false, yes, no
      yes:
        %0 = add i64 %x, 1
        br join
      no:
        %1 = mul i64 %x, 2
        br join
      join:
        %2 = phi i64 [%0, yes], [%1, no]
        ret %2
      }
    `,
    `
      func @f(%x: i64) -> i64 {
      entry:
        %1 = mul i64 %x, 2
        br join
      yes:
        %0 = add i64 %x, 1
        br join
      join:
        %2 = phi i64 [%0, yes], [%1, entry]
        ret %2
      }
    `,
  );
});

test("a branch with both targets the same becomes a br, and blocks merge into their single predecessor", () => {
  simplify(
    `
      func @f(%c: i1, %x: i64) -> i64 {
      entry:
        %0 = add i64 %x, 1
        condbr %c, next, next
      next:
        %1 = phi i64 [%0, entry]
        %2 = mul i64 %1, 2
        br last
      last:
        %3 = phi i64 [%2, next]
        ret %3
      }
    `,
    `
      func @f(%c: i1, %x: i64) -> i64 {
      entry:
        %0 = add i64 %x, 1
        %2 = mul i64 %0, 2
        ret %2
      }
    `,
  );
});

test("empty blocks on the way to a join are skipped when the join's phis can tell the edges apart", () => {
  simplify(
    `
      func @f(%c: i1) -> i64 {
      entry:
        condbr %c, left, right
      left:
        br join
      right:
        br join
      join:
        %0 = phi i64 [1, left], [2, right]
        ret %0
      }
    `,
    `
      func @f(%c: i1) -> i64 {
      entry:
        condbr %c, join, right
      right:
        br join
      join:
        %0 = phi i64 [1, entry], [2, right]
        ret %0
      }
    `,
  );
});

test("a diamond of empty arms collapses entirely when its phi sees one value, or when there is no phi", () => {
  simplify(
    `
      func @f(%c: i1, %x: i64) -> i64 {
      entry:
        condbr %c, left, right
      left:
        br join
      right:
        br join
      join:
        %0 = phi i64 [%x, left], [%x, right]
        condbr %c, a, b
      a:
        br end
      b:
        br end
      end:
        ret %0
      }
    `,
    `
      func @f(%c: i1, %x: i64) -> i64 {
      entry:
        ret %x
      }
    `,
  );
});

test("nested diamonds with work in their arms fold down to the arms", () => {
  simplify(
    `
      func @f(%c: i1, %d: i1, %x: i64) -> i64 {
      entry:
        condbr %c, outer.then, outer.else
      outer.then:
        condbr %d, inner.then, inner.else
      inner.then:
        %0 = add i64 %x, 1
        br inner.join
      inner.else:
        br inner.join
      inner.join:
        %1 = phi i64 [%0, inner.then], [%x, inner.else]
        br outer.join
      outer.else:
        %2 = mul i64 %x, 3
        br outer.join
      outer.join:
        %3 = phi i64 [%1, inner.join], [%2, outer.else]
        ret %3
      }
    `,
    `
      func @f(%c: i1, %d: i1, %x: i64) -> i64 {
      entry:
        condbr %c, outer.then, outer.else
      outer.then:
        condbr %d, inner.then, inner.join
      inner.then:
        %0 = add i64 %x, 1
        br inner.join
      inner.join:
        %1 = phi i64 [%0, inner.then], [%x, outer.then]
        br outer.join
      outer.else:
        %2 = mul i64 %x, 3
        br outer.join
      outer.join:
        %3 = phi i64 [%1, inner.join], [%2, outer.else]
        ret %3
      }
    `,
  );
});

test("an empty loop latch is merged into the body, keeping the header's phi right", () => {
  simplify(
    `
      func @f(%n: i64) -> i64 {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%2, latch]
        %1 = icmp lt i1 %0, %n
        condbr %1, body, exit
      body:
        %2 = add i64 %0, 1
        br latch
      latch:
        br header
      exit:
        ret %0
      }
    `,
    `
      func @f(%n: i64) -> i64 {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%2, body]
        %1 = icmp lt i1 %0, %n
        condbr %1, body, exit
      body:
        %2 = add i64 %0, 1
        br header
      exit:
        ret %0
      }
    `,
  );
});

test("an empty block between a loop header and itself becomes a self-loop", () => {
  simplify(
    `
      func @f(%c: i1) -> i64 {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%1, back]
        %1 = add i64 %0, 1
        condbr %c, back, exit
      back:
        br header
      exit:
        ret %1
      }
    `,
    `
      func @f(%c: i1) -> i64 {
      entry:
        br header
      header:
        %0 = phi i64 [0, entry], [%1, header]
        %1 = add i64 %0, 1
        condbr %c, header, exit
      exit:
        ret %1
      }
    `,
  );
});

test("a block that only branches to itself, the entry block, and a dead self-feeding phi are left alone", () => {
  simplify(
    `
      func @f(%c: i1) -> void {
      entry:
        br spin
      spin:
        br spin
      island:
        %0 = phi i64 [%0, island]
        br island
      }
    `,
    `
      func @f(%c: i1) -> void {
      entry:
        br spin
      spin:
        br spin
      island:
        %0 = phi i64 [%0, island]
        br island
      }
    `,
  );
});

test("removing a single-incoming phi follows chains of them", () => {
  simplify(
    `
      func @f(%c: i1, %x: i64) -> i64 {
      entry:
        condbr %c, a, out
      a:
        %0 = phi i64 [%x, entry]
        condbr %c, b, out
      b:
        %1 = phi i64 [%0, a]
        %2 = add i64 %1, %0
        br out
      out:
        %3 = phi i64 [0, entry], [%0, a], [%2, b]
        ret %3
      }
    `,
    `
      func @f(%c: i1, %x: i64) -> i64 {
      entry:
        condbr %c, a, out
      a:
        condbr %c, b, out
      b:
        %2 = add i64 %x, %x
        br out
      out:
        %3 = phi i64 [0, entry], [%x, a], [%2, b]
        ret %3
      }
    `,
  );
});
