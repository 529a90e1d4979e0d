// Retaining and releasing what a value holds, inlined: they run around every operation on a
// managed value, and a call into the runtime for a compare and an add would cost more than the work.

import type { Value } from "../ir/ir.js";
import type { FunctionEmitter } from "./function-emitter.js";

/** `retain`/`release` of a value. */
export function emitReferenceCount(e: FunctionEmitter, kind: "retain" | "release", value: Value): void {
  if (value.type.kind !== "ref" || value.type.layout.name !== "str") {
    throw new Error(
      `@${e.fn.name}: ${kind} of ${value.type.text} is not emitted yet (only strings are counted so far)`,
    );
  }
  e.line(`call void ${stringCountHelper(e, kind)}(${e.typed(value)})`);
}

/**
 * A string's count is its first field (`rt_str` in runtime.h), negative for an immortal string; a
 * released string whose count reaches zero is freed.
 */
function stringCountHelper(e: FunctionEmitter, kind: "retain" | "release"): string {
  const symbol = `@"rt.str.${kind}"`;
  if (kind === "release") e.m.declareIntrinsic("declare void @free(ptr) nounwind");
  e.m.defineHelper(symbol, () => {
    const body =
      kind === "retain"
        ? [
            "  %count = load i64, ptr %s",
            "  %counted = icmp sge i64 %count, 0",
            "  br i1 %counted, label %take, label %done",
            "take:",
            "  %next = add i64 %count, 1",
            "  store i64 %next, ptr %s",
            "  br label %done",
          ]
        : [
            "  %count = load i64, ptr %s",
            "  %counted = icmp sgt i64 %count, 0",
            "  br i1 %counted, label %drop, label %done",
            "drop:",
            "  %next = sub i64 %count, 1",
            "  store i64 %next, ptr %s",
            "  %last = icmp eq i64 %next, 0",
            "  br i1 %last, label %free, label %done",
            "free:",
            "  call void @free(ptr %s)",
            "  br label %done",
          ];
    return [
      `define internal void ${symbol}(ptr %s) nounwind alwaysinline {`,
      "entry:",
      ...body,
      "done:",
      "  ret void",
      "}",
    ].join("\n");
  });
  return symbol;
}
