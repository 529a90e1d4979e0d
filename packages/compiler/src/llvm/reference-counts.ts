// Retaining and releasing everything a value holds. Each type gets one helper function per module
// (always inlined): a `ref` follows the object protocol of runtime/object.h (the count is the first
// field, negative for an immortal object; a release that reaches zero calls rt_dealloc), a struct or
// a function value counts its parts, a variant the parts of its case. Inlined, because they run
// around every operation on a managed value and a call into the runtime for a compare and an add
// would cost more than the work.

import type { Value } from "../ir/ir.js";
import { variantLayout } from "../ir/layouts.js";
import { holdsReferences, type IrType, isNullableRef } from "../ir/types.js";
import type { ModuleEmitter } from "./emit-llvm.js";
import { UNLIKELY } from "./error-exits.js";
import type { FunctionEmitter } from "./function-emitter.js";
import { llvmType, quoted } from "./llvm-values.js";

export type CountKind = "retain" | "release";

/** `retain`/`release` of a value, skipping null where the value may be the null reference. */
export function emitReferenceCount(e: FunctionEmitter, kind: CountKind, value: Value): void {
  e.line(`call void ${countHelper(e.m, kind, value.type, mayBeNull(value, new Set()))}(${e.typed(value)})`);
}

/**
 * Whether a reference may be null: the null constant (a variable's placeholder before its first
 * assignment, which a front end guards reads of), a read of a global that starts null, or a phi or
 * select they flow into. Only those pay for a null test.
 */
function mayBeNull(value: Value, seen: Set<Value>): boolean {
  if (value.kind === "const") return value.value === null && value.type.kind === "ref";
  // A global that starts as null holds it until its first store (the value a store replaces).
  if (value.kind === "load_global") return value.global.initial.value === null && value.type.kind === "ref";
  if (seen.has(value)) return false;
  seen.add(value);
  if (value.kind === "phi") return value.incoming.some((i) => mayBeNull(i.value, seen));
  if (value.kind === "select") return mayBeNull(value.ifTrue, seen) || mayBeNull(value.ifFalse, seen);
  return false;
}

/**
 * The helper that retains or releases what a value of `type` holds. `nullable`: a reference part
 * may be null (a field a drop function or the cycle collector has cleared), and is then skipped.
 */
export function countHelper(m: ModuleEmitter, kind: CountKind, type: IrType, nullable: boolean): string {
  const symbol = `@${quoted(`rt.${kind}${nullable ? ".nullable" : ""}.${type.text}`)}`;
  m.defineHelper(symbol, () => {
    const body = new HelperBody();
    countParts(m, body, kind, type, "%v", nullable);
    return body.definition(`define internal void ${symbol}(${llvmType(type)} %v) nounwind alwaysinline`);
  });
  return symbol;
}

/** Lines of a helper function's body, with fresh names and labels. */
export class HelperBody {
  private readonly body: string[] = [];
  /** Allocas go at the entry, where LLVM promotes them to registers and never grows the stack. */
  private readonly allocas: string[] = [];
  private count = 0;

  /** The body's lines, after the function's `entry:` label. */
  get lines(): string[] {
    return [...this.allocas, ...this.body];
  }

  /** The whole definition of a function returning void, `header` its `define ...` up to its `{`. */
  definition(header: string): string {
    return [`${header} {`, "entry:", ...this.lines, "  ret void", "}"].join("\n");
  }

  alloca(type: string): string {
    const slot = this.tmp();
    this.allocas.push(`  ${slot} = alloca ${type}`);
    return slot;
  }

  tmp(): string {
    return `%h${this.count++}`;
  }

  label(base: string): string {
    return `${base}.${this.count++}`;
  }

  line(text: string): void {
    this.body.push(`  ${text}`);
  }

  startLabel(label: string): void {
    this.body.push(`${label}:`);
  }
}

/** Appends to `body` the counting of every reference part of `value` (of `type`). */
export function countParts(
  m: ModuleEmitter,
  body: HelperBody,
  kind: CountKind,
  type: IrType,
  value: string,
  nullable: boolean,
): void {
  if (!holdsReferences(type)) return;
  switch (type.kind) {
    case "ref":
      countObject(m, body, kind, value, nullable);
      return;
    case "tagged":
      countTaggedWord(m, body, kind, value);
      return;
    case "fn": {
      const env = body.tmp();
      body.line(`${env} = extractvalue { ptr, ptr } ${value}, 1`);
      countObject(m, body, kind, env, true);
      return;
    }
    case "struct":
      type.fields.forEach((field, i) => {
        if (!holdsReferences(field)) return;
        const part = body.tmp();
        body.line(`${part} = extractvalue ${llvmType(type)} ${value}, ${i}`);
        countParts(m, body, kind, field, part, nullable);
      });
      return;
    case "variant":
      countVariant(m, body, kind, type, value, nullable);
      return;
    default:
      return;
  }
}

/** The object protocol on one pointer. */
function countObject(m: ModuleEmitter, body: HelperBody, kind: CountKind, pointer: string, nullable: boolean): void {
  const done = body.label("counted");
  if (nullable) {
    const isNull = body.tmp();
    const present = body.label("present");
    body.line(`${isNull} = icmp eq ptr ${pointer}, null`);
    body.line(`br i1 ${isNull}, label %${done}, label %${present}`);
    body.startLabel(present);
  }
  const count = body.tmp();
  const counted = body.tmp();
  const change = body.label(kind);
  body.line(`${count} = load i64, ptr ${pointer}`);
  body.line(`${counted} = icmp ${kind === "retain" ? "sge" : "sgt"} i64 ${count}, 0`);
  body.line(`br i1 ${counted}, label %${change}, label %${done}`);
  body.startLabel(change);
  const next = body.tmp();
  body.line(`${next} = ${kind === "retain" ? "add" : "sub"} i64 ${count}, 1`);
  body.line(`store i64 ${next}, ptr ${pointer}`);
  if (kind === "release") {
    const last = body.tmp();
    const free = body.label("free");
    body.line(`${last} = icmp eq i64 ${next}, 0`);
    body.line(`br i1 ${last}, label %${free}, label %${done}`);
    body.startLabel(free);
    m.declareIntrinsic("declare void @rt_dealloc(ptr) nounwind");
    body.line(`call void @rt_dealloc(ptr ${pointer})`);
  }
  body.line(`br label %${done}`);
  body.startLabel(done);
}

/**
 * A tagged word is counted only when its low bit says it is a reference (the object is at word - 1):
 * the test inline, the object's protocol in a helper of its own, not inlined, since a reference is
 * the rare case. Inlining it too made every int's release a dozen instructions, and a 300-line
 * program's LLVM work 2.6 times larger.
 */
function countTaggedWord(m: ModuleEmitter, body: HelperBody, kind: CountKind, word: string): void {
  const bit = body.tmp();
  const isObject = body.tmp();
  const object = body.label("tagged.object");
  const done = body.label("tagged.counted");
  body.line(`${bit} = and i64 ${word}, 1`);
  body.line(`${isObject} = icmp ne i64 ${bit}, 0`);
  body.line(`br i1 ${isObject}, label %${object}, label %${done}, ${UNLIKELY}`);
  body.startLabel(object);
  body.line(`call void ${taggedObjectHelper(m, kind)}(i64 ${word})`);
  body.line(`br label %${done}`);
  body.startLabel(done);
}

/** The object protocol on the reference a tagged word holds, out of line. */
function taggedObjectHelper(m: ModuleEmitter, kind: CountKind): string {
  const symbol = `@${quoted(`rt.${kind}.tagged.object`)}`;
  m.defineHelper(symbol, () => {
    const body = new HelperBody();
    const [address, pointer] = [body.tmp(), body.tmp()];
    body.line(`${address} = sub i64 %word, 1`);
    body.line(`${pointer} = inttoptr i64 ${address} to ptr`);
    countObject(m, body, kind, pointer, false);
    return body.definition(`define internal void ${symbol}(i64 %word) nounwind noinline cold`);
  });
  return symbol;
}

/** A variant counts the parts of the case it holds: a nullable reference is one pointer. */
function countVariant(
  m: ModuleEmitter,
  body: HelperBody,
  kind: CountKind,
  type: Extract<IrType, { kind: "variant" }>,
  value: string,
  nullable: boolean,
): void {
  if (isNullableRef(type)) {
    countObject(m, body, kind, value, true);
    return;
  }
  const ty = llvmType(type);
  const slot = body.alloca(ty);
  const tag = body.tmp();
  const done = body.label("variant.counted");
  body.line(`store ${ty} ${value}, ptr ${slot}`);
  body.line(`${tag} = extractvalue ${ty} ${value}, 0`);
  const cases = type.cases.map((c, i) => ({ c, i })).filter(({ c }) => holdsReferences(c));
  const labels = cases.map(({ i }) => body.label(`case.${i}`));
  body.line(
    `switch i32 ${tag}, label %${done} [ ${cases.map(({ i }, k) => `i32 ${i}, label %${labels[k]}`).join(" ")} ]`,
  );
  const payloadOffset = variantLayout(type.cases).payloadOffset;
  cases.forEach(({ c }, k) => {
    body.startLabel(labels[k]!);
    const at = body.tmp();
    const payload = body.tmp();
    body.line(`${at} = getelementptr inbounds i8, ptr ${slot}, i64 ${payloadOffset}`);
    body.line(`${payload} = load ${llvmType(c)}, ptr ${at}`);
    countParts(m, body, kind, c, payload, nullable);
    body.line(`br label %${done}`);
  });
  body.startLabel(done);
}
