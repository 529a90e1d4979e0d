// The shared IR to LLVM IR text, for `opt` and `llc` 14 or newer (opaque pointers; the driver passes
// -opaque-pointers to LLVM 14).
//
// Errors: an operation that fails calls rt_raise_at (kind, message, function, line), which sets the
// runtime's pending-error byte and starts the traceback; the function then returns a dummy value.
// After a call of a function that can raise, the caller tests that byte and, when set, appends its
// own frame (rt_traceback_push) and returns in turn, up to `main`, which reports the traceback.
// Which functions can raise is a fixpoint over the call graph; calls of the others get no check.
// Failure paths are cold blocks with unlikely branch weights, so the fast path is straight-line code.
//
// Module functions are `internal fastcc nounwind` (no LLVM exceptions exist here), so LLVM inlines and
// specialises across them. No fast-math flags anywhere: float results match CPython bit for bit.

import { describeInstruction } from "../ir/instructions.js";
import type {
  Block,
  CompareOp,
  Constant,
  External,
  Global,
  Instruction,
  IrFunction,
  Module,
  RaiseInfo,
  Value,
} from "../ir/ir.js";
import { types } from "../ir/types.js";
import { useCounts } from "../ir/uses.js";
import { escapeBytes, floatLiteral, llvmType, quoted, zeroValue } from "./llvm-values.js";

export interface EmitOptions {
  /**
   * The source's lines, line 1 first. When given, traceback entries show their line as CPython does
   * (indentation removed); only the lines some failure can point at are embedded.
   */
  readonly sourceLines?: readonly string[];
  /** What the runtime's 64-bit integer functions raise on overflow (default: the runtime's own). */
  readonly intOverflowError?: { readonly kind: string; readonly message: string };
}

export function emitModule(module: Module, options: EmitOptions = {}): string {
  return new ModuleEmitter(module, options).emit();
}

/** Functions that can raise: those with a failing operation, or calling one that can raise. */
export function functionsThatCanRaise(module: Module): Set<IrFunction> {
  const raising = new Set<IrFunction>();
  const callers = new Map<IrFunction, Set<IrFunction>>();
  for (const fn of module.functions) {
    for (const block of fn.blocks) {
      if (block.terminator?.kind === "raise") raising.add(fn);
      for (const inst of block.instructions) {
        if (inst.kind === "call") {
          const set = callers.get(inst.callee) ?? new Set<IrFunction>();
          callers.set(inst.callee, set);
          set.add(fn);
        } else if (describeInstruction(inst).canFail(inst)) {
          raising.add(fn);
        }
      }
    }
  }
  const work = [...raising];
  while (work.length > 0) {
    const callee = work.pop()!;
    for (const caller of callers.get(callee) ?? []) {
      if (!raising.has(caller)) {
        raising.add(caller);
        work.push(caller);
      }
    }
  }
  return raising;
}

const INFINITY_LITERAL = floatLiteral(Number.POSITIVE_INFINITY);
const UNLIKELY = "!prof !0";

/** Runtime functions the emitted code calls on its own, beyond the externals the module declares. */
const INTERNAL_DECLARATIONS: Record<string, string> = {
  rt_init: "declare void @rt_init(i32, ptr, ptr, ptr) nounwind",
  rt_shutdown: "declare i32 @rt_shutdown() nounwind",
  rt_raise_at: "declare void @rt_raise_at(ptr, ptr, ptr, i64) nounwind cold",
  rt_traceback_push: "declare void @rt_traceback_push(ptr, i64) nounwind cold",
  rt_traceback_push_repeated: "declare void @rt_traceback_push_repeated(ptr, i64, i64) nounwind cold",
  rt_report_uncaught: "declare void @rt_report_uncaught(ptr, ptr, ptr, i64) nounwind cold noreturn",
  rt_exit: "declare void @rt_exit(i64) nounwind noreturn",
  rt_f64_floordiv: "declare double @rt_f64_floordiv(double, double) nounwind readnone willreturn",
  rt_f64_mod: "declare double @rt_f64_mod(double, double) nounwind readnone willreturn",
};

class ModuleEmitter {
  private readonly strings = new Map<string, string>();
  private readonly cStrings = new Map<string, string>();
  private readonly constantLines: string[] = [];
  private readonly declarations = new Map<string, string>();
  private readonly helpers = new Map<string, string>();
  /** Source lines some failure points at, for the traceback's line table. */
  readonly tracebackLines = new Set<number>();
  readonly raising: Set<IrFunction>;
  private readonly functionNames = new Map<IrFunction, string>();
  private readonly globalNames = new Map<Global, string>();

  constructor(
    readonly module: Module,
    readonly options: EmitOptions,
  ) {
    this.raising = functionsThatCanRaise(module);
    // Internal names are prefixed so they never clash with the runtime's symbols; exported ones are the symbol itself.
    for (const fn of module.functions) {
      this.functionNames.set(fn, `@${quoted(fn.linkage === "exported" ? fn.name : `fn.${fn.name}`)}`);
    }
    for (const g of module.globals) this.globalNames.set(g, `@${quoted(`global.${g.name}`)}`);
  }

  emit(): string {
    const body: string[] = [];
    for (const fn of this.module.functions) body.push(...new FunctionEmitter(this, fn).emit(), "");
    body.push(...this.emitMain());
    const globals = this.module.globals.map(
      (g) => `${this.globalName(g)} = internal global ${llvmType(g.type)} ${this.constant(g.initial)}, align 8`,
    );
    return [
      `; generated from ${this.module.sourceFile}`,
      "",
      ...this.constantLines,
      ...(globals.length > 0 ? ["", ...globals] : []),
      "",
      "@rt_error_pending = external global i8",
      ...[...this.declarations.values()].sort(),
      "",
      ...body,
      ...[...this.helpers.values()],
      '!0 = !{!"branch_weights", i32 1, i32 2000}',
      "",
    ].join("\n");
  }

  functionName(fn: IrFunction): string {
    const name = this.functionNames.get(fn);
    if (name === undefined) throw new Error(`call of @${fn.name}, which is not in the module`);
    return name;
  }

  globalName(g: Global): string {
    const name = this.globalNames.get(g);
    if (name === undefined) throw new Error(`global @${g.name} is not in the module`);
    return name;
  }

  /** An immortal runtime string object for a constant. */
  stringConstant(value: string): string {
    let name = this.strings.get(value);
    if (name === undefined) {
      name = `@.str.${this.strings.size}`;
      this.strings.set(value, name);
      const bytes = new TextEncoder().encode(value);
      const length = [...value].length;
      const n = bytes.length + 1;
      this.constantLines.push(
        `${name} = private unnamed_addr constant { i64, i64, i64, [${n} x i8] } ` +
          `{ i64 -1, i64 ${bytes.length}, i64 ${length}, [${n} x i8] c"${escapeBytes(bytes)}\\00" }, align 8`,
      );
    }
    return name;
  }

  /** A NUL-terminated C string constant. */
  cString(value: string): string {
    let name = this.cStrings.get(value);
    if (name === undefined) {
      name = `@.cstr.${this.cStrings.size}`;
      this.cStrings.set(value, name);
      const bytes = new TextEncoder().encode(value);
      this.constantLines.push(
        `${name} = private unnamed_addr constant [${bytes.length + 1} x i8] c"${escapeBytes(bytes)}\\00"`,
      );
    }
    return name;
  }

  constant(c: Constant): string {
    const { value } = c;
    switch (typeof value) {
      case "boolean":
        return value ? "true" : "false";
      case "bigint":
        return value.toString();
      case "number":
        return floatLiteral(value);
      case "string":
        return this.stringConstant(value);
      default:
        return zeroValue(c.type);
    }
  }

  declareExternal(f: External): void {
    if (this.declarations.has(f.name)) return;
    const params = f.params.map((p) => (p === types.i1 ? "i1 zeroext" : llvmType(p))).join(", ");
    const attributes = ["nounwind"];
    if (f.memory === "none") attributes.push("readnone", "willreturn");
    if (f.memory === "read") attributes.push("readonly", "willreturn");
    if (f.noReturn) attributes.push("noreturn");
    this.declarations.set(f.name, `declare ${llvmType(f.result)} @${f.name}(${params}) ${attributes.join(" ")}`);
  }

  declareInternal(name: keyof typeof INTERNAL_DECLARATIONS): void {
    this.declarations.set(name, INTERNAL_DECLARATIONS[name]!);
  }

  declareIntrinsic(declaration: string): void {
    const name = /@([\w.]+)\(/.exec(declaration)![1]!;
    this.declarations.set(name, declaration);
  }

  /**
   * Taking and dropping a string reference, inlined: they run around every string operation, and a
   * call into the runtime for a compare and an add would cost more than the work. The layout is the
   * runtime's (`rt_str` in runtime.h): the count is the first field, negative for immortal strings.
   */
  referenceCountHelper(name: "rt_str_incref" | "rt_str_decref"): string {
    const symbol = `@"rt.${name}.inline"`;
    if (this.helpers.has(symbol)) return symbol;
    const body =
      name === "rt_str_incref"
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
    if (name === "rt_str_decref") this.declareIntrinsic("declare void @free(ptr) nounwind");
    this.helpers.set(
      symbol,
      [
        `define internal void ${symbol}(ptr %s) nounwind alwaysinline {`,
        "entry:",
        ...body,
        "done:",
        "  ret void",
        "}",
      ].join("\n"),
    );
    return symbol;
  }

  /** A helper function defined once in the module: checked integer power by squaring. */
  integerPowerHelper(): string {
    const name = '@"rt.ipow"';
    if (!this.helpers.has(name)) {
      this.declareIntrinsic("declare { i64, i1 } @llvm.smul.with.overflow.i64(i64, i64)");
      this.helpers.set(
        name,
        [
          `; base ** exponent for exponent >= 0 (1 otherwise), with an overflow flag.`,
          `define internal { i64, i1 } ${name}(i64 %base, i64 %exponent) nounwind readnone {`,
          "entry:",
          "  br label %loop",
          "loop:",
          "  %result = phi i64 [ 1, %entry ], [ %result.next, %body ]",
          "  %b = phi i64 [ %base, %entry ], [ %b.next, %body ]",
          "  %e = phi i64 [ %exponent, %entry ], [ %e.next, %body ]",
          "  %overflow = phi i1 [ false, %entry ], [ %overflow.next, %body ]",
          "  %done = icmp sle i64 %e, 0",
          "  br i1 %done, label %exit, label %body",
          "body:",
          "  %bit = and i64 %e, 1",
          "  %odd = icmp ne i64 %bit, 0",
          "  %m = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %result, i64 %b)",
          "  %m.value = extractvalue { i64, i1 } %m, 0",
          "  %m.overflow = extractvalue { i64, i1 } %m, 1",
          "  %result.next = select i1 %odd, i64 %m.value, i64 %result",
          "  %m.counts = and i1 %odd, %m.overflow",
          "  %e.next = lshr i64 %e, 1",
          "  %more = icmp ne i64 %e.next, 0",
          "  %s = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %b, i64 %b)",
          "  %b.next = extractvalue { i64, i1 } %s, 0",
          "  %s.overflow = extractvalue { i64, i1 } %s, 1",
          "  %s.counts = and i1 %more, %s.overflow",
          "  %o1 = or i1 %overflow, %m.counts",
          "  %overflow.next = or i1 %o1, %s.counts",
          "  br label %loop",
          "exit:",
          "  %r0 = insertvalue { i64, i1 } undef, i64 %result, 0",
          "  %r1 = insertvalue { i64, i1 } %r0, i1 %overflow, 1",
          "  ret { i64, i1 } %r1",
          "}",
          "",
        ].join("\n"),
      );
    }
    return name;
  }

  private emitMain(): string[] {
    this.declareInternal("rt_init");
    this.declareInternal("rt_shutdown");
    const overflow = this.options.intOverflowError;
    const kind = overflow !== undefined ? `ptr ${this.cString(overflow.kind)}` : "ptr null";
    const message = overflow !== undefined ? `ptr ${this.cString(overflow.message)}` : "ptr null";
    const lines = ["define i32 @main(i32 %argc, ptr %argv) {", "entry:"];
    lines.push(`  call void @rt_init(i32 %argc, ptr %argv, ${kind}, ${message})`);
    const entry = this.module.entry;
    if (entry !== null) {
      lines.push(`  call fastcc void ${this.functionName(entry)}()`);
      if (this.raising.has(entry)) {
        this.declareInternal("rt_report_uncaught");
        lines.push(
          "  %pending = load i8, ptr @rt_error_pending",
          "  %failed = icmp ne i8 %pending, 0",
          `  br i1 %failed, label %uncaught, label %done, ${UNLIKELY}`,
          "uncaught:",
          `  call void @rt_report_uncaught(ptr ${this.cString(this.module.sourceFile)}, ${this.lineTable()})`,
          "  unreachable",
          "done:",
        );
      }
    }
    lines.push("  %status = call i32 @rt_shutdown()", "  ret i32 %status", "}", "");
    return lines;
  }

  /** The traceback's source lines: arguments (numbers, texts, count) for rt_report_uncaught. */
  private lineTable(): string {
    const source = this.options.sourceLines;
    if (source === undefined) return "ptr null, ptr null, i64 0";
    const numbers = [...this.tracebackLines]
      .filter((n) => n >= 1 && n <= source.length)
      .sort((a, b) => a - b)
      .filter((n) => displayedLine(source[n - 1]!) !== "");
    if (numbers.length === 0) return "ptr null, ptr null, i64 0";
    const texts = numbers.map((n) => `ptr ${this.cString(displayedLine(source[n - 1]!))}`);
    this.constantLines.push(
      `@.traceback.lines = private unnamed_addr constant [${numbers.length} x i64] [${numbers.map((n) => `i64 ${n}`).join(", ")}]`,
      `@.traceback.texts = private unnamed_addr constant [${numbers.length} x ptr] [${texts.join(", ")}]`,
    );
    return `ptr @.traceback.lines, ptr @.traceback.texts, i64 ${numbers.length}`;
  }
}

/** A source line as CPython shows it under a traceback entry: without its indentation. */
function displayedLine(line: string): string {
  return line.replace(/^[ \t\f]+/, "").replace(/[\r\n]+$/, "");
}

type Line = string | (() => string);

class FunctionEmitter {
  private readonly lines: Line[] = [];
  private readonly coldLines: string[] = [];
  private readonly labels = new Set<string>();
  /** How far each base label's numbering has got, so a fresh label costs O(1). */
  private readonly labelCounts = new Map<string, number>();
  private readonly startLabels = new Map<Block, string>();
  private readonly exitLabels = new Map<Block, string>();
  private readonly failLabels = new Map<string, string>();
  /** Instructions whose value is another operand (e.g. `x ** 1`). */
  private readonly aliases = new Map<Instruction, string>();
  private temp = 0;
  private currentLabel = "";
  private currentBlock: Block | null = null;
  private readonly returnType: string;
  private readonly displayName: string;
  private readonly elidedFrames: Extract<Instruction, { kind: "elided_frames" }> | null;
  /** Arithmetic only the elided-frame count needs: computed on the error paths, not in the loop. */
  private readonly coldOnly: ReadonlySet<Instruction>;

  constructor(
    private readonly m: ModuleEmitter,
    private readonly fn: IrFunction,
  ) {
    this.returnType = llvmType(fn.returnType);
    this.displayName = m.cString(fn.displayName);
    this.elidedFrames = fn.blocks.flatMap((b) => b.instructions).find((inst) => inst.kind === "elided_frames") ?? null;
    this.coldOnly = this.elidedFrames === null ? new Set() : coldOnlyArithmetic(fn, this.elidedFrames.count);
    for (const block of fn.blocks) {
      this.labels.add(block.label);
      this.startLabels.set(block, block.label);
    }
  }

  emit(): string[] {
    const fn = this.fn;
    if (fn.blocks.length === 0) throw new Error(`function @${fn.name} has no blocks`);
    const params = fn.params.map((p) => `${llvmType(p.type)} %p${p.index}`).join(", ");
    const linkage = fn.linkage === "internal" ? "internal " : "";
    const header = `define ${linkage}${callingConvention(fn)}${this.returnType} ${this.m.functionName(fn)}(${params}) nounwind {`;
    const first = fn.blocks[0]!;
    const firstIsTarget = fn.blocks.some((b) => b.terminator !== null && successors(b).includes(first));
    // Calls happen on normal paths only, so no error is pending when a function starts. Telling LLVM
    // lets it drop, once it has inlined a callee, the caller's check after the callee's normal return.
    const assumeClear = this.m.raising.has(fn);
    if (firstIsTarget || assumeClear) {
      this.startBlockLabel(this.newLabel("entry"));
      if (assumeClear) {
        this.m.declareIntrinsic("declare void @llvm.assume(i1 noundef)");
        this.line("%pending.at.entry = load i8, ptr @rt_error_pending");
        this.line("%clear.at.entry = icmp eq i8 %pending.at.entry, 0");
        this.line("call void @llvm.assume(i1 %clear.at.entry)");
      }
      this.line(`br label %${quoted(this.startLabels.get(first)!)}`);
    }
    for (const block of fn.blocks) this.emitBlock(block);
    const resolved = this.lines.map((l) => (typeof l === "string" ? l : l()));
    return [`; ${fn.displayName}`, header, ...resolved, ...this.coldLines, "}"];
  }

  // ---- plumbing

  private line(text: string): void {
    this.lines.push(`  ${text}`);
  }

  private startBlockLabel(label: string): void {
    this.lines.push(`${quoted(label)}:`);
    this.currentLabel = label;
  }

  private newLabel(base: string): string {
    let label = base;
    for (let n = this.labelCounts.get(base) ?? 0; this.labels.has(label); ) {
      n++;
      label = `${base}.${n}`;
      this.labelCounts.set(base, n);
    }
    this.labels.add(label);
    return label;
  }

  private tmp(): string {
    return `%t${this.temp++}`;
  }

  private value(v: Value): string {
    switch (v.kind) {
      case "const":
        return this.m.constant(v);
      case "param":
        return `%p${v.index}`;
      default:
        return this.aliases.get(v) ?? `%v${v.id}`;
    }
  }

  private typed(v: Value): string {
    return `${llvmType(v.type)} ${this.value(v)}`;
  }

  private name(inst: Instruction): string {
    return `%v${inst.id}`;
  }

  private returnZero(): string {
    return this.returnType === "void" ? "ret void" : `ret ${this.returnType} ${zeroValue(this.fn.returnType)}`;
  }

  /** Branches to a cold block raising `info` when `condition` holds; continues in a new block. */
  private failIf(condition: string, info: RaiseInfo): void {
    const key = `raise\0${info.kind}\0${info.message}\0${info.loc.line}`;
    let fail = this.failLabels.get(key);
    if (fail === undefined) {
      fail = this.newLabel(`raise.${info.loc.line}`);
      this.failLabels.set(key, fail);
      this.m.declareInternal("rt_raise_at");
      this.m.tracebackLines.add(info.loc.line);
      this.coldLines.push(
        `${quoted(fail)}:`,
        `  call void @rt_raise_at(ptr ${this.m.cString(info.kind)}, ptr ${this.m.cString(info.message)}, ` +
          `ptr ${this.displayName}, i64 ${info.loc.line})`,
        ...this.elidedFrameLines(),
        `  ${this.returnZero()}`,
      );
    }
    this.branchToFail(condition, fail);
  }

  /** After a call that can raise: unwinds (adding this frame at `line`) if an error is pending. */
  private propagateFrom(line: number): void {
    const pending = this.tmp();
    const failed = this.tmp();
    this.line(`${pending} = load i8, ptr @rt_error_pending`);
    this.line(`${failed} = icmp ne i8 ${pending}, 0`);
    this.branchToFail(failed, this.unwindLabel(line));
  }

  /** The cold block that adds this frame at `line` to the traceback and returns: one per line. */
  private unwindLabel(line: number): string {
    const key = `propagate\0${line}`;
    let fail = this.failLabels.get(key);
    if (fail === undefined) {
      fail = this.newLabel(`unwind.${line}`);
      this.failLabels.set(key, fail);
      this.m.declareInternal("rt_traceback_push");
      this.m.tracebackLines.add(line);
      this.coldLines.push(
        `${quoted(fail)}:`,
        `  call void @rt_traceback_push(ptr ${this.displayName}, i64 ${line})`,
        ...this.elidedFrameLines(),
        `  ${this.returnZero()}`,
      );
    }
    return fail;
  }

  /** On the way out with an error: the frames of the calls a tail-recursive loop stands for. */
  private elidedFrameLines(): string[] {
    const elided = this.elidedFrames;
    if (elided === null) return [];
    this.m.declareInternal("rt_traceback_push_repeated");
    this.m.tracebackLines.add(elided.loc.line);
    const lines: string[] = [];
    const materialize = (v: Value): string => {
      if (v.kind !== "ibinary" || !this.coldOnly.has(v)) return this.value(v);
      const lhs = materialize(v.lhs);
      const rhs = materialize(v.rhs);
      const t = this.tmp();
      lines.push(`  ${t} = ${v.op} i64 ${lhs}, ${rhs}`);
      return t;
    };
    const count = materialize(elided.count);
    lines.push(
      `  call void @rt_traceback_push_repeated(ptr ${this.displayName}, i64 ${elided.loc.line}, i64 ${count})`,
    );
    return lines;
  }

  private branchToFail(condition: string, fail: string): void {
    const base = this.currentBlock !== null ? `${this.currentBlock.label}.ok` : "ok";
    const next = this.newLabel(base);
    this.line(`br i1 ${condition}, label %${quoted(fail)}, label %${quoted(next)}, ${UNLIKELY}`);
    this.startBlockLabel(next);
  }

  // ---- blocks

  private emitBlock(block: Block): void {
    this.currentBlock = block;
    this.startBlockLabel(this.startLabels.get(block)!);
    for (const inst of block.instructions) this.emitInstruction(inst);
    if (block.terminator === null) throw new Error(`block ${block.label} of @${this.fn.name} has no terminator`);
    this.exitLabels.set(block, this.currentLabel);
    this.emitTerminator(block);
  }

  private emitTerminator(block: Block): void {
    const t = block.terminator!;
    switch (t.kind) {
      case "br":
        this.line(`br label %${quoted(this.startLabels.get(t.target)!)}`);
        return;
      case "condbr":
        this.line(
          `br i1 ${this.value(t.condition)}, label %${quoted(this.startLabels.get(t.ifTrue)!)}, ` +
            `label %${quoted(this.startLabels.get(t.ifFalse)!)}`,
        );
        return;
      case "ret":
        if (this.fn.returnType === types.void) this.line("ret void");
        else if (t.value === null) this.line(this.returnZero());
        else this.line(`ret ${this.typed(t.value)}`);
        return;
      case "throw":
      case "resume":
        throw new Error(
          `@${this.fn.name}: ${t.kind} is not emitted yet (exception objects come with the object runtime)`,
        );
      case "raise":
        if (t.unwind !== null) throw new Error(`@${this.fn.name}: a raise into a handler is not emitted yet`);
        this.m.declareInternal("rt_raise_at");
        this.m.tracebackLines.add(t.info.loc.line);
        this.line(
          `call void @rt_raise_at(ptr ${this.m.cString(t.info.kind)}, ptr ${this.m.cString(t.info.message)}, ` +
            `ptr ${this.displayName}, i64 ${t.info.loc.line})`,
        );
        for (const line of this.elidedFrameLines()) this.lines.push(line);
        this.line(this.returnZero());
        return;
      case "exit":
        this.m.declareInternal("rt_exit");
        this.line(`call void @rt_exit(${this.typed(t.status)})`);
        this.line("unreachable");
        return;
      case "unreachable":
        this.line("unreachable");
        return;
    }
  }

  // ---- instructions

  private emitInstruction(inst: Instruction): void {
    if (this.coldOnly.has(inst)) return;
    const v = this.name(inst);
    switch (inst.kind) {
      case "ibinary":
        this.emitIntBinary(inst);
        return;
      case "fbinary":
        this.emitFloatBinary(inst);
        return;
      case "ineg":
        if (inst.raise !== null) {
          this.checkedIntOp("ssub", llvmType(inst.type), "0", this.value(inst.operand), v, inst.raise);
        } else {
          this.line(`${v} = sub ${this.typed(inst.operand).split(" ")[0]} 0, ${this.value(inst.operand)}`);
        }
        return;
      case "fneg":
        this.line(`${v} = fneg ${this.typed(inst.operand)}`);
        return;
      case "not":
        this.line(`${v} = xor ${this.typed(inst.operand)}, ${inst.operand.type === types.i1 ? "true" : "-1"}`);
        return;
      case "icmp": {
        const unsigned = inst.lhs.type === types.i1;
        this.line(`${v} = icmp ${intPredicate(inst.op, unsigned)} ${this.typed(inst.lhs)}, ${this.value(inst.rhs)}`);
        return;
      }
      case "fcmp":
        this.line(`${v} = fcmp ${floatPredicate(inst.op)} ${this.typed(inst.lhs)}, ${this.value(inst.rhs)}`);
        return;
      case "convert":
        this.emitConversion(inst);
        return;
      case "toint": {
        const x = this.value(inst.operand);
        const from = llvmType(inst.operand.type);
        const bits = inst.type.kind === "int" ? inst.type.bits : 64;
        const low = this.tmp();
        const high = this.tmp();
        const bad = this.tmp();
        // Unordered comparisons are also true for NaN. The bounds, -2**(bits-1) and 2**(bits-1), are exact floats.
        this.line(`${low} = fcmp ult ${from} ${x}, ${floatLiteral(-(2 ** (bits - 1)))}`);
        this.line(`${high} = fcmp uge ${from} ${x}, ${floatLiteral(2 ** (bits - 1))}`);
        this.line(`${bad} = or i1 ${low}, ${high}`);
        this.failIf(bad, inst.raise);
        this.line(`${v} = fptosi ${from} ${x} to ${llvmType(inst.type)}`);
        return;
      }
      case "select":
        this.line(
          `${v} = select i1 ${this.value(inst.condition)}, ${this.typed(inst.ifTrue)}, ${this.typed(inst.ifFalse)}`,
        );
        return;
      case "phi": {
        const type = llvmType(inst.type);
        const incoming = inst.incoming;
        this.lines.push(
          () =>
            `  ${v} = phi ${type} ${incoming
              .map((i) => `[ ${this.value(i.value)}, %${quoted(this.exitLabel(i.block))} ]`)
              .join(", ")}`,
        );
        return;
      }
      case "call": {
        const args = inst.args.map((a) => this.typed(a)).join(", ");
        const call = `call ${callingConvention(inst.callee)}${llvmType(inst.type)} ${this.m.functionName(inst.callee)}(${args})`;
        this.line(inst.type === types.void ? call : `${v} = ${call}`);
        if (this.m.raising.has(inst.callee)) this.propagateFrom(inst.loc.line);
        return;
      }
      case "call_extern":
        this.emitExternalCall(inst);
        return;
      case "retain":
      case "release":
        this.emitReferenceCount(inst.kind, inst.value);
        return;
      case "call_indirect":
      case "func_ref":
      case "alloc":
      case "get_field":
      case "set_field":
      case "struct_make":
      case "struct_extract":
      case "variant_make":
      case "variant_tag":
      case "variant_payload":
      case "landing":
        this.emitHeapInstruction(inst);
        return;
      case "load_global":
        this.line(`${v} = load ${llvmType(inst.type)}, ptr ${this.m.globalName(inst.global)}`);
        return;
      case "store_global":
        this.line(`store ${this.typed(inst.value)}, ptr ${this.m.globalName(inst.global)}`);
        return;
      case "elided_frames":
        // Read by the blocks that leave on an error (unwindLines), which its block dominates.
        return;
    }
  }

  private exitLabel(block: Block): string {
    const label = this.exitLabels.get(block);
    if (label === undefined) throw new Error(`phi names block ${block.label}, which is not in @${this.fn.name}`);
    return label;
  }

  private emitExternalCall(inst: Extract<Instruction, { kind: "call_extern" }>): void {
    const f = inst.callee;
    if (inst.unwind !== null) throw new Error(`@${this.fn.name}: a call into a handler is not emitted yet`);
    if (f.checksLibm !== null && inst.loc !== null) {
      this.emitCheckedLibmCall(inst, f, f.checksLibm, inst.loc.line);
      return;
    }
    this.m.declareExternal(f);
    const args = inst.args.map((a) => (a.type === types.i1 ? `i1 zeroext ${this.value(a)}` : this.typed(a))).join(", ");
    const call = `call ${llvmType(f.result)} @${f.name}(${args})`;
    this.line(f.result === types.void ? call : `${this.name(inst)} = ${call}`);
    if (f.canFail) this.propagateFrom(inst.loc!.line);
  }

  /**
   * Retaining and releasing a string, inlined: they run around every string operation, and a call
   * into the runtime for a compare and an add would cost more than the work.
   */
  private emitReferenceCount(kind: "retain" | "release", value: Value): void {
    if (value.type.kind !== "ref" || value.type.layout.name !== "str") {
      throw new Error(
        `@${this.fn.name}: ${kind} of ${value.type.text} is not emitted yet (only strings are counted so far)`,
      );
    }
    const helper = this.m.referenceCountHelper(kind === "retain" ? "rt_str_incref" : "rt_str_decref");
    this.line(`call void ${helper}(${this.typed(value)})`);
  }

  /** Conversions between integer and float types of every width. */
  private emitConversion(inst: Extract<Instruction, { kind: "convert" }>): void {
    const v = this.name(inst);
    const to = llvmType(inst.type);
    if (inst.op === "fptosi") {
      // Saturating, and 0 for NaN: defined for every input, unlike a plain fptosi.
      const from = llvmType(inst.operand.type);
      const name = `llvm.fptosi.sat.${to}.${from === "double" ? "f64" : "f32"}`;
      this.m.declareIntrinsic(`declare ${to} @${name}(${from})`);
      this.line(`${v} = call ${to} @${name}(${this.typed(inst.operand)})`);
      return;
    }
    this.line(`${v} = ${inst.op} ${this.typed(inst.operand)} to ${to}`);
  }

  /** Objects, structs, variants and function values: emitted once the object runtime is linked in. */
  private emitHeapInstruction(inst: Instruction): void {
    throw new Error(`@${this.fn.name}: ${inst.kind} is not emitted yet`);
  }

  /**
   * A checked math function as its C library function plus a check inline: a finite result is
   * always right, so the fast path tests only that, with no call into the runtime and no
   * pending-error load. Otherwise the runtime function decides (NaN from a number, infinity from a
   * finite argument) and raises with its message; its result is the library's, so the code goes on
   * with it when nothing was raised.
   */
  private emitCheckedLibmCall(
    inst: Extract<Instruction, { kind: "call_extern" }>,
    f: External,
    libm: string,
    line: number,
  ): void {
    this.m.declareIntrinsic(`declare double @${libm}(double) nounwind`);
    this.m.declareIntrinsic("declare double @llvm.fabs.f64(double)");
    this.m.declareExternal(f);
    const x = this.value(inst.args[0]!);
    const r = this.name(inst);
    const magnitude = this.tmp();
    const notFinite = this.tmp();
    this.line(`${r} = call double @${libm}(double ${x})`);
    this.line(`${magnitude} = call double @llvm.fabs.f64(double ${r})`);
    this.line(`${notFinite} = fcmp uge double ${magnitude}, 0x7FF0000000000000`);
    const slow = this.newLabel(`${libm}.not.finite`);
    this.branchToFail(notFinite, slow);
    const next = this.currentLabel;
    const pending = this.tmp();
    const failed = this.tmp();
    this.coldLines.push(
      `${quoted(slow)}:`,
      `  call double @${f.name}(double ${x})`,
      `  ${pending} = load i8, ptr @rt_error_pending`,
      `  ${failed} = icmp ne i8 ${pending}, 0`,
      `  br i1 ${failed}, label %${quoted(this.unwindLabel(line))}, label %${quoted(next)}`,
    );
  }

  /** `result = a <op> b` via llvm.<op>.with.overflow, raising on overflow. */
  private checkedIntOp(
    op: "sadd" | "ssub" | "smul",
    ty: string,
    a: string,
    b: string,
    result: string,
    info: RaiseInfo,
  ): void {
    this.m.declareIntrinsic(`declare { ${ty}, i1 } @llvm.${op}.with.overflow.${ty}(${ty}, ${ty})`);
    const pair = this.tmp();
    const overflow = this.tmp();
    this.line(`${pair} = call { ${ty}, i1 } @llvm.${op}.with.overflow.${ty}(${ty} ${a}, ${ty} ${b})`);
    this.line(`${result} = extractvalue { ${ty}, i1 } ${pair}, 0`);
    this.line(`${overflow} = extractvalue { ${ty}, i1 } ${pair}, 1`);
    this.failIf(overflow, info);
  }

  private emitIntBinary(inst: Extract<Instruction, { kind: "ibinary" }>): void {
    const v = this.name(inst);
    const a = this.value(inst.lhs);
    const b = this.value(inst.rhs);
    const raise = inst.raise;
    const ty = llvmType(inst.type);
    const bits = inst.type.kind === "int" ? inst.type.bits : 64;
    switch (inst.op) {
      case "add":
      case "sub":
      case "mul":
        if (raise !== null) this.checkedIntOp(`s${inst.op}`, ty, a, b, v, raise);
        else this.line(`${v} = ${inst.op}${inst.noWrap ? " nsw" : ""} ${ty} ${a}, ${b}`);
        return;
      case "and":
      case "or":
      case "xor":
      case "udiv":
      case "urem":
        this.line(`${v} = ${inst.op} ${ty} ${a}, ${b}`);
        return;
      case "sdiv":
      case "srem":
        this.emitTruncatingDivision(inst, ty, bits, a, b);
        return;
      case "floordiv":
      case "floormod": {
        const power = powerOfTwoExponent(inst.rhs);
        if (power !== null) {
          // Floor division by 2**k is an arithmetic shift and the floor remainder is the low k bits,
          // for negative dividends too: no zero check, no sign fix-up.
          if (inst.op === "floordiv") this.line(`${v} = ashr ${ty} ${a}, ${power}`);
          else this.line(`${v} = and ${ty} ${a}, ${(1n << BigInt(power)) - 1n}`);
          return;
        }
        const minusOne = this.tmp();
        this.line(`${minusOne} = icmp eq ${ty} ${b}, -1`);
        let divisor: string;
        if (raise !== null) {
          const zero = this.tmp();
          this.line(`${zero} = icmp eq ${ty} ${b}, 0`);
          this.failIf(zero, raise);
          if (inst.op === "floordiv") {
            // INT64_MIN // -1 does not fit.
            const isMin = this.tmp();
            const overflow = this.tmp();
            this.line(`${isMin} = icmp eq ${ty} ${a}, ${-(2n ** BigInt(bits - 1))}`);
            this.line(`${overflow} = and i1 ${isMin}, ${minusOne}`);
            this.failIf(overflow, raise);
          }
          // srem by -1 is undefined for INT64_MIN (and always 0): divide by 1 instead.
          divisor = this.tmp();
          this.line(`${divisor} = select i1 ${minusOne}, ${ty} 1, ${ty} ${b}`);
        } else {
          // Unchecked: a zero divisor is the front end's promise; keep the result defined anyway.
          const zero = this.tmp();
          const unsafe = this.tmp();
          divisor = this.tmp();
          this.line(`${zero} = icmp eq ${ty} ${b}, 0`);
          this.line(`${unsafe} = or i1 ${zero}, ${minusOne}`);
          this.line(`${divisor} = select i1 ${unsafe}, ${ty} 1, ${ty} ${b}`);
        }
        const remainder = this.tmp();
        this.line(`${remainder} = srem ${ty} ${a}, ${divisor}`);
        // Round toward negative infinity: adjust when the remainder's sign differs from the divisor's.
        const nonZero = this.tmp();
        const signs = this.tmp();
        const differ = this.tmp();
        const adjust = this.tmp();
        this.line(`${nonZero} = icmp ne ${ty} ${remainder}, 0`);
        this.line(`${signs} = xor ${ty} ${remainder}, ${b}`);
        this.line(`${differ} = icmp slt ${ty} ${signs}, 0`);
        this.line(`${adjust} = and i1 ${nonZero}, ${differ}`);
        if (inst.op === "floormod") {
          const sum = this.tmp();
          this.line(`${sum} = add ${ty} ${remainder}, ${b}`);
          this.line(`${v} = select i1 ${adjust}, ${ty} ${sum}, ${ty} ${remainder}`);
        } else {
          const quotient = this.tmp();
          const negated = this.tmp();
          const q = this.tmp();
          const one = this.tmp();
          this.line(`${quotient} = sdiv ${ty} ${a}, ${divisor}`);
          this.line(`${negated} = sub ${ty} 0, ${a}`);
          this.line(`${q} = select i1 ${minusOne}, ${ty} ${negated}, ${ty} ${quotient}`);
          this.line(`${one} = zext i1 ${adjust} to i64`);
          this.line(`${v} = sub ${ty} ${q}, ${one}`);
        }
        return;
      }
      case "shl": {
        if (raise !== null) this.failIfNegative(ty, b, raise);
        // Counts of 64 or more (or negative, unchecked) shift everything out.
        const big = this.tmp();
        const count = this.tmp();
        const shifted = this.tmp();
        this.line(`${big} = icmp uge ${ty} ${b}, 64`);
        this.line(`${count} = select i1 ${big}, ${ty} 0, ${ty} ${b}`);
        this.line(`${shifted} = shl ${ty} ${a}, ${count}`);
        if (raise !== null) {
          const back = this.tmp();
          const lost = this.tmp();
          const nonZero = this.tmp();
          const bigLost = this.tmp();
          const overflow = this.tmp();
          this.line(`${back} = ashr ${ty} ${shifted}, ${count}`);
          this.line(`${lost} = icmp ne ${ty} ${back}, ${a}`);
          this.line(`${nonZero} = icmp ne ${ty} ${a}, 0`);
          this.line(`${bigLost} = and i1 ${big}, ${nonZero}`);
          this.line(`${overflow} = or i1 ${lost}, ${bigLost}`);
          this.failIf(overflow, raise);
        }
        this.line(`${v} = select i1 ${big}, ${ty} 0, ${ty} ${shifted}`);
        return;
      }
      case "ashr": {
        if (raise !== null) this.failIfNegative(ty, b, raise);
        const big = this.tmp();
        const count = this.tmp();
        this.line(`${big} = icmp ugt ${ty} ${b}, 63`);
        this.line(`${count} = select i1 ${big}, ${ty} 63, ${ty} ${b}`);
        this.line(`${v} = ashr ${ty} ${a}, ${count}`);
        return;
      }
      case "pow":
        if (inst.type !== types.i64) throw new Error(`@${this.fn.name}: pow is emitted for i64 only`);
        this.emitIntPower(inst, a, b);
        return;
    }
  }

  /**
   * C's division and remainder, truncating toward zero. A zero divisor, and MIN / -1 (which does
   * not fit), raise with `raise`; unchecked, the front end promises neither happens, and the
   * divisor is made safe anyway so the result is always defined.
   */
  private emitTruncatingDivision(
    inst: Extract<Instruction, { kind: "ibinary" }>,
    ty: string,
    bits: number,
    a: string,
    b: string,
  ): void {
    const zero = this.tmp();
    const minusOne = this.tmp();
    this.line(`${zero} = icmp eq ${ty} ${b}, 0`);
    this.line(`${minusOne} = icmp eq ${ty} ${b}, -1`);
    if (inst.raise !== null) {
      this.failIf(zero, inst.raise);
      if (inst.op === "sdiv") {
        const isMin = this.tmp();
        const overflow = this.tmp();
        this.line(`${isMin} = icmp eq ${ty} ${a}, ${-(2n ** BigInt(bits - 1))}`);
        this.line(`${overflow} = and i1 ${isMin}, ${minusOne}`);
        this.failIf(overflow, inst.raise);
      }
    }
    // x / -1 is -x and x % -1 is 0; dividing by 1 instead keeps MIN / -1 and a zero divisor defined.
    const unsafe = this.tmp();
    const divisor = this.tmp();
    const result = this.tmp();
    this.line(`${unsafe} = or i1 ${zero}, ${minusOne}`);
    this.line(`${divisor} = select i1 ${unsafe}, ${ty} 1, ${ty} ${b}`);
    this.line(`${result} = ${inst.op} ${ty} ${a}, ${divisor}`);
    if (inst.op === "srem") {
      this.line(`${this.name(inst)} = select i1 ${minusOne}, ${ty} 0, ${ty} ${result}`);
    } else {
      const negated = this.tmp();
      this.line(`${negated} = sub ${ty} 0, ${a}`);
      this.line(`${this.name(inst)} = select i1 ${minusOne}, ${ty} ${negated}, ${ty} ${result}`);
    }
  }

  /** A negative shift count raises (Python's "negative shift count"). */
  private failIfNegative(ty: string, count: string, raise: RaiseInfo): void {
    const negative = this.tmp();
    this.line(`${negative} = icmp slt ${ty} ${count}, 0`);
    this.failIf(negative, raise);
  }

  /** Integer power: unrolled square-and-multiply for a small constant exponent, else the helper. */
  private emitIntPower(inst: Extract<Instruction, { kind: "ibinary" }>, a: string, b: string): void {
    const v = this.name(inst);
    const raise = inst.raise;
    const exponent = inst.rhs.kind === "const" ? (inst.rhs.value as bigint) : null;
    if (exponent !== null && exponent >= 0n && exponent <= 64n) {
      const multiply = (x: string, y: string): string => {
        const r = this.tmp();
        if (raise !== null) this.checkedIntOp("smul", "i64", x, y, r, raise);
        else this.line(`${r} = mul i64 ${x}, ${y}`);
        return r;
      };
      let result: string | null = null;
      let base = a;
      for (let e = Number(exponent); e > 0; ) {
        if (e & 1) result = result === null ? base : multiply(result, base);
        e >>= 1;
        if (e > 0) base = multiply(base, base);
      }
      this.aliases.set(inst, result ?? "1");
      return;
    }
    const helper = this.m.integerPowerHelper();
    const pair = this.tmp();
    this.line(`${pair} = call { i64, i1 } ${helper}(i64 ${a}, i64 ${b})`);
    this.line(`${v} = extractvalue { i64, i1 } ${pair}, 0`);
    if (raise !== null) {
      const overflow = this.tmp();
      this.line(`${overflow} = extractvalue { i64, i1 } ${pair}, 1`);
      this.failIf(overflow, raise);
    }
  }

  private emitFloatBinary(inst: Extract<Instruction, { kind: "fbinary" }>): void {
    const v = this.name(inst);
    const a = this.value(inst.lhs);
    const b = this.value(inst.rhs);
    const raise = inst.raise;
    const zeroCheck = () => {
      if (raise === null) return;
      const zero = this.tmp();
      this.line(`${zero} = fcmp oeq double ${b}, 0.0`);
      this.failIf(zero, raise);
    };
    switch (inst.op) {
      case "fadd":
      case "fsub":
      case "fmul":
        this.line(`${v} = ${inst.op} double ${a}, ${b}`);
        return;
      case "fdiv":
        zeroCheck();
        this.line(`${v} = fdiv double ${a}, ${b}`);
        return;
      case "ffloordiv":
      case "fmod": {
        zeroCheck();
        const name = inst.op === "ffloordiv" ? "rt_f64_floordiv" : "rt_f64_mod";
        this.m.declareInternal(name);
        this.line(`${v} = call double @${name}(double ${a}, double ${b})`);
        return;
      }
      case "fpow":
        this.emitFloatPower(v, a, b, raise);
        return;
    }
  }

  /**
   * Python's float power: C's pow agrees with it except where Python raises: 0.0 to a negative
   * power, a finite negative base to a finite non-integer power (a complex result), and overflow of
   * finite operands. With a RaiseInfo, each of those raises it.
   */
  private emitFloatPower(v: string, a: string, b: string, raise: RaiseInfo | null): void {
    const intrinsic = (name: string, args: string) => {
      this.m.declareIntrinsic(`declare double @llvm.${name}.f64(${args}) nounwind readnone`);
      return `@llvm.${name}.f64`;
    };
    const pow = intrinsic("pow", "double, double");
    if (raise === null) {
      this.line(`${v} = call double ${pow}(double ${a}, double ${b})`);
      return;
    }
    const fabs = intrinsic("fabs", "double");
    const floor = intrinsic("floor", "double");
    const t = () => this.tmp();
    const [absA, finiteA, absB, finiteB] = [t(), t(), t(), t()];
    this.line(`${absA} = call double ${fabs}(double ${a})`);
    this.line(`${finiteA} = fcmp one double ${absA}, ${INFINITY_LITERAL}`);
    this.line(`${absB} = call double ${fabs}(double ${b})`);
    this.line(`${finiteB} = fcmp one double ${absB}, ${INFINITY_LITERAL}`);
    // 0.0 ** negative (an infinite exponent gives inf without error).
    const [baseZero, expNegative, c0, zeroToNegative] = [t(), t(), t(), t()];
    this.line(`${baseZero} = fcmp oeq double ${a}, 0.0`);
    this.line(`${expNegative} = fcmp olt double ${b}, 0.0`);
    this.line(`${c0} = and i1 ${baseZero}, ${expNegative}`);
    this.line(`${zeroToNegative} = and i1 ${c0}, ${finiteB}`);
    this.failIf(zeroToNegative, raise);
    // A finite negative base to a finite non-integer power.
    const [baseNegative, floorB, fractional, c1, c2, complex] = [t(), t(), t(), t(), t(), t()];
    this.line(`${baseNegative} = fcmp olt double ${a}, 0.0`);
    this.line(`${floorB} = call double ${floor}(double ${b})`);
    this.line(`${fractional} = fcmp une double ${b}, ${floorB}`);
    this.line(`${c1} = and i1 ${baseNegative}, ${finiteA}`);
    this.line(`${c2} = and i1 ${finiteB}, ${fractional}`);
    this.line(`${complex} = and i1 ${c1}, ${c2}`);
    this.failIf(complex, raise);
    this.line(`${v} = call double ${pow}(double ${a}, double ${b})`);
    const [absR, infinite, finiteOperands, overflow] = [t(), t(), t(), t()];
    this.line(`${absR} = call double ${fabs}(double ${v})`);
    this.line(`${infinite} = fcmp oeq double ${absR}, ${INFINITY_LITERAL}`);
    this.line(`${finiteOperands} = and i1 ${finiteA}, ${finiteB}`);
    this.line(`${overflow} = and i1 ${infinite}, ${finiteOperands}`);
    this.failIf(overflow, raise);
  }
}

/** Internal functions use LLVM's fast convention; exported ones C's, so other modules and C can call them. */
function callingConvention(fn: IrFunction): string {
  return fn.linkage === "internal" ? "fastcc " : "";
}

function successors(block: Block): Block[] {
  const t = block.terminator;
  if (t === null) return [];
  if (t.kind === "br") return [t.target];
  if (t.kind === "condbr") return [t.ifTrue, t.ifFalse];
  return [];
}

function intPredicate(op: CompareOp, unsigned: boolean): string {
  switch (op) {
    case "eq":
      return "eq";
    case "ne":
      return "ne";
    case "lt":
      return unsigned ? "ult" : "slt";
    case "le":
      return unsigned ? "ule" : "sle";
    case "gt":
      return unsigned ? "ugt" : "sgt";
    case "ge":
      return unsigned ? "uge" : "sge";
  }
}

/** Ordered comparisons, except `ne`, which is true for NaN as Python's != is. */
function floatPredicate(op: CompareOp): string {
  switch (op) {
    case "eq":
      return "oeq";
    case "ne":
      return "une";
    case "lt":
      return "olt";
    case "le":
      return "ole";
    case "gt":
      return "ogt";
    case "ge":
      return "oge";
  }
}

/** k when `value` is the constant 2**k (k from 0 to 62), else null. */
function powerOfTwoExponent(value: Value): number | null {
  if (value.kind !== "const" || typeof value.value !== "bigint") return null;
  const c = value.value;
  if (c <= 0n || (c & (c - 1n)) !== 0n) return null;
  return c.toString(2).length - 1;
}

/** The wrapping integer arithmetic whose only use, directly or through each other, is `root` here. */
function coldOnlyArithmetic(fn: IrFunction, root: Value): Set<Instruction> {
  const simple = new Set(["add", "sub", "mul", "udiv", "urem", "and", "or", "xor"]);
  const uses = useCounts(fn);
  const cold = new Set<Instruction>();
  const visit = (v: Value): void => {
    if (v.kind !== "ibinary" || v.raise !== null || !simple.has(v.op) || uses.get(v) !== 1) return;
    cold.add(v);
    visit(v.lhs);
    visit(v.rhs);
  };
  visit(root);
  return cold;
}
