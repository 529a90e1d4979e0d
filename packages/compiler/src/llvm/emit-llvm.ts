// The shared IR to LLVM IR text, for `opt` and `llc` 14 or newer (opaque pointers; the driver passes
// -opaque-pointers to LLVM 14).
//
// This file holds what is the module's: names, constants, declarations, helpers defined once, and
// `main`; each function is function-emitter.ts's. Errors travel as the runtime's pending-error byte
// (error-exits.ts); which functions can raise is a fixpoint over the call graph, and calls of the
// others get no check. Internal functions are `internal fastcc nounwind` (no LLVM exceptions exist
// here), so LLVM inlines and specialises across them; exported ones keep C's convention.

import { functionsThatCanRaise } from "../ir/can-raise.js";
import type { Constant, External, Global, IrFunction, Module, SourceLoc } from "../ir/ir.js";
import { runtimeLayouts } from "../ir/layouts.js";
import { holdsReferences, types } from "../ir/types.js";
import { AliasTags } from "./alias-tags.js";
import { UNLIKELY } from "./error-exits.js";
import { callingConvention, FunctionEmitter } from "./function-emitter.js";
import { escapeBytes, floatLiteral, hostTarget, llvmType, quoted, zeroValue } from "./llvm-values.js";
import { layoutDescriptorSymbol } from "./object-layouts.js";
import { countHelper } from "./reference-counts.js";
import { functionsToInline } from "./small-functions.js";

/**
 * The lines of each source file a module's locations name, line 1 first: a map from file name, or a
 * function (undefined for a file whose lines are not known).
 */
export type SourceLines = ReadonlyMap<string, readonly string[]> | ((file: string) => readonly string[] | undefined);

export interface EmitOptions {
  /**
   * The source files' lines. When given, traceback entries show their line as CPython does
   * (indentation removed); only the lines some failure can point at, by file, are embedded.
   */
  readonly sourceLines?: SourceLines;
  /** What the runtime's 64-bit integer functions raise on overflow (default: the runtime's own). */
  readonly intOverflowError?: { readonly kind: string; readonly message: string };
}

export function emitModule(module: Module, options: EmitOptions = {}): string {
  return new ModuleEmitter(module, options).emit();
}

/** Runtime functions the emitted code calls on its own, beyond the externals the module declares. */
const INTERNAL_DECLARATIONS: Record<string, string> = {
  rt_init: "declare void @rt_init(i32, ptr, ptr, ptr) nounwind",
  rt_shutdown: "declare i32 @rt_shutdown() nounwind",
  rt_raise_at: "declare void @rt_raise_at(ptr, ptr, ptr, ptr, i64) nounwind cold",
  rt_traceback_push: "declare void @rt_traceback_push(ptr, ptr, i64) nounwind cold",
  rt_traceback_push_repeated: "declare void @rt_traceback_push_repeated(ptr, ptr, i64, i64) nounwind cold",
  rt_report_uncaught: "declare void @rt_report_uncaught(ptr, ptr, i64) nounwind cold noreturn",
  rt_exit: "declare void @rt_exit(i64) nounwind noreturn",
  rt_f64_floordiv: "declare double @rt_f64_floordiv(double, double) nounwind readnone willreturn",
  rt_f64_mod: "declare double @rt_f64_mod(double, double) nounwind readnone willreturn",
  rt_exception_catch: "declare ptr @rt_exception_catch() nounwind",
  rt_exception_raise: "declare void @rt_exception_raise(ptr) nounwind",
  rt_raise_speculation_failure: "declare void @rt_raise_speculation_failure() nounwind cold",
};

export class ModuleEmitter {
  private readonly strings = new Map<string, string>();
  private readonly cStrings = new Map<string, string>();
  private readonly constantLines: string[] = [];
  private readonly declarations = new Map<string, string>();
  private readonly helpers = new Map<string, string>();
  /** Source lines some failure points at, by file, for the traceback's line table. */
  private readonly tracebackLines = new Map<string, Set<number>>();
  readonly raising: Set<IrFunction>;
  /** The `!tbaa` tags of fields and elements (alias-tags.ts). */
  readonly aliasTags = new AliasTags();
  /** The functions LLVM must inline wherever they are called (small-functions.ts). */
  readonly alwaysInlined: Set<IrFunction>;
  private readonly functionNames = new Map<IrFunction, string>();
  private readonly globalNames = new Map<Global, string>();
  /** Distinguishes the names of the globals' releases on main's two ways out. */
  private releaseRound = 0;

  constructor(
    readonly module: Module,
    readonly options: EmitOptions,
  ) {
    this.raising = functionsThatCanRaise(module);
    this.alwaysInlined = functionsToInline(module);
    // Internal names are prefixed so they never clash with the runtime's symbols; exported ones are the symbol itself.
    for (const fn of module.functions) {
      this.functionNames.set(fn, `@${quoted(fn.linkage === "exported" ? fn.name : `fn.${fn.name}`)}`);
    }
    for (const g of module.globals) this.globalNames.set(g, `@${quoted(`global.${g.name}`)}`);
  }

  emit(): string {
    const body: string[] = [];
    for (const fn of this.module.functions) body.push(...new FunctionEmitter(this, fn).emit(), "");
    // A module without an entry function is a library: its exported functions are linked into
    // programs, which bring their own `main`.
    if (this.module.entry !== null) body.push(...this.emitMain(this.module.entry));
    const globals = this.module.globals.map(
      (g) => `${this.globalName(g)} = internal global ${llvmType(g.type)} ${this.constant(g.initial)}, align 8`,
    );
    const target = hostTarget();
    return [
      `; generated from ${this.module.sourceFile}`,
      `target datalayout = "${target.dataLayout}"`,
      `target triple = "${target.triple}"`,
      "",
      ...this.constantLines,
      ...(globals.length > 0 ? ["", ...globals] : []),
      "",
      localDeclaration("@rt_error_pending = external global i8"),
      ...[...this.declarations.values()].map(localDeclaration).sort(),
      "",
      ...body,
      ...[...this.helpers.values()],
      '!0 = !{!"branch_weights", i32 1, i32 2000}',
      ...this.aliasTags.definitions(),
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
      // An immortal object (count -1) of the runtime's string layout (stringObject): header, size,
      // length, hash (0: an immortal string caches none), text.
      const layout = layoutDescriptorSymbol(this, runtimeLayouts.str);
      this.constantLines.push(
        `${name} = private unnamed_addr constant { i64, ptr, i64, i64, i64, [${n} x i8] } ` +
          `{ i64 -1, ptr ${layout}, i64 ${bytes.length}, i64 ${length}, i64 0, [${n} x i8] c"${escapeBytes(bytes)}\\00" }, align 8`,
      );
    }
    return name;
  }

  /**
   * The file and line of a traceback frame at `loc`, as the arguments `ptr FILE, i64 LINE` of the
   * runtime's traceback functions: the file is one C string constant per file name, shared by its
   * frames. Notes the line for the traceback's line table.
   */
  frameLocation(loc: SourceLoc): string {
    let lines = this.tracebackLines.get(loc.file);
    if (lines === undefined) {
      lines = new Set();
      this.tracebackLines.set(loc.file, lines);
    }
    lines.add(loc.line);
    return `ptr ${this.cString(loc.file)}, i64 ${loc.line}`;
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
        if (c.type === types.tagged) {
          this.declareGlobal("rt_absent", "@rt_absent = external global [16 x i8]");
          return "or (i64 ptrtoint (ptr @rt_absent to i64), i64 1)";
        }
        return zeroValue(c.type);
    }
  }

  declareExternal(f: External): void {
    const symbol = f.symbol ?? f.name;
    if (this.declarations.has(symbol)) return;
    const params = f.params.map((p) => (p === types.i1 ? "i1 zeroext" : llvmType(p))).join(", ");
    const attributes = ["nounwind"];
    if (f.memory === "none") attributes.push("readnone", "willreturn");
    if (f.memory === "read") attributes.push("readonly", "willreturn");
    if (f.noReturn) attributes.push("noreturn");
    this.declarations.set(symbol, `declare ${llvmType(f.result)} @${symbol}(${params}) ${attributes.join(" ")}`);
  }

  declareInternal(name: keyof typeof INTERNAL_DECLARATIONS): void {
    this.declarations.set(name, INTERNAL_DECLARATIONS[name]!);
  }

  /** Declares a global of the runtime's (a layout descriptor): `text` is its whole declaration. */
  declareGlobal(name: string, text: string): void {
    this.declarations.set(name, text);
  }

  declareIntrinsic(declaration: string): void {
    const name = /@([\w.]+)\(/.exec(declaration)![1]!;
    this.declarations.set(name, declaration);
  }

  /**
   * The code pointer of a function value of `fn`: a function taking the environment first, as every
   * function value's code does, that calls `fn` with it (when `fn` takes it) and the arguments.
   */
  functionValueCode(fn: IrFunction, withEnv: boolean): string {
    const symbol = `@${quoted(`value.${fn.name}`)}`;
    this.defineHelper(symbol, () => {
      const own = withEnv ? fn.params.slice(1) : fn.params;
      const params = own.map((p) => `${llvmType(p.type)} %a${p.index}`);
      const args = [...(withEnv ? ["ptr %env"] : []), ...own.map((p) => `${llvmType(p.type)} %a${p.index}`)];
      const result = llvmType(fn.returnType);
      const call = `call ${callingConvention(fn)}${result} ${this.functionName(fn)}(${args.join(", ")})`;
      const body = result === "void" ? [`  ${call}`, "  ret void"] : [`  %r = ${call}`, `  ret ${result} %r`];
      return [
        `define internal fastcc ${result} ${symbol}(${["ptr %env", ...params].join(", ")}) nounwind {`,
        "entry:",
        ...body,
        "}",
      ].join("\n");
    });
    return symbol;
  }

  /** Defines a helper function once per module: `text` is called the first time `name` is asked for. */
  defineHelper(name: string, text: () => string): void {
    if (!this.helpers.has(name)) this.helpers.set(name, text());
  }

  /** `main`: the runtime set up, the entry function run, an uncaught error reported, the globals let go. */
  private emitMain(entry: IrFunction): string[] {
    this.declareInternal("rt_init");
    this.declareInternal("rt_shutdown");
    const overflow = this.options.intOverflowError;
    const kind = overflow !== undefined ? `ptr ${this.cString(overflow.kind)}` : "ptr null";
    const message = overflow !== undefined ? `ptr ${this.cString(overflow.message)}` : "ptr null";
    const lines = ["define i32 @main(i32 %argc, ptr %argv) {", "entry:"];
    lines.push(`  call void @rt_init(i32 %argc, ptr %argv, ${kind}, ${message})`);
    lines.push(`  call ${callingConvention(entry)}void ${this.functionName(entry)}()`);
    if (this.raising.has(entry)) {
      this.declareInternal("rt_report_uncaught");
      lines.push(
        "  %pending = load i8, ptr @rt_error_pending",
        "  %failed = icmp ne i8 %pending, 0",
        `  br i1 %failed, label %uncaught, label %done, ${UNLIKELY}`,
        "uncaught:",
        ...this.releaseGlobals(),
        `  call void @rt_report_uncaught(ptr ${this.cString(this.module.sourceFile)}, ${this.lineTable()})`,
        "  unreachable",
        "done:",
      );
    }
    lines.push(...this.releaseGlobals(), "  %status = call i32 @rt_shutdown()", "  ret i32 %status", "}", "");
    return lines;
  }

  /**
   * At the program's end, the module lets go of what its globals hold, as CPython clears a module's
   * globals at exit: so the leak checker sees only what the program lost.
   */
  private releaseGlobals(): string[] {
    const round = this.releaseRound++;
    return this.module.globals
      .filter((g) => holdsReferences(g.type))
      .flatMap((g, i) => {
        const value = `%global.${i}.${round}`;
        return [
          `  ${value} = load ${llvmType(g.type)}, ptr ${this.globalName(g)}`,
          `  call void ${countHelper(this, "release", g.type, true)}(${llvmType(g.type)} ${value})`,
        ];
      });
  }

  /**
   * The traceback's source lines, per file (`rt_source_lines`: file, numbers, texts, count): the
   * arguments (table, count) for rt_report_uncaught.
   */
  private lineTable(): string {
    const option = this.options.sourceLines;
    if (option === undefined) return "ptr null, i64 0";
    const linesOf = typeof option === "function" ? option : (file: string) => option.get(file);
    const entries: string[] = [];
    for (const [file, wanted] of this.tracebackLines) {
      const source = linesOf(file);
      if (source === undefined) continue;
      const numbers = [...wanted]
        .filter((n) => n >= 1 && n <= source.length)
        .sort((a, b) => a - b)
        .filter((n) => displayedLine(source[n - 1]!) !== "");
      if (numbers.length === 0) continue;
      const i = entries.length;
      const texts = numbers.map((n) => `ptr ${this.cString(displayedLine(source[n - 1]!))}`);
      this.constantLines.push(
        `@.traceback.lines.${i} = private unnamed_addr constant [${numbers.length} x i64] [${numbers.map((n) => `i64 ${n}`).join(", ")}]`,
        `@.traceback.texts.${i} = private unnamed_addr constant [${numbers.length} x ptr] [${texts.join(", ")}]`,
      );
      entries.push(
        `{ ptr, ptr, ptr, i64 } { ptr ${this.cString(file)}, ptr @.traceback.lines.${i}, ` +
          `ptr @.traceback.texts.${i}, i64 ${numbers.length} }`,
      );
    }
    if (entries.length === 0) return "ptr null, i64 0";
    this.constantLines.push(
      `@.traceback.sources = private unnamed_addr constant [${entries.length} x { ptr, ptr, ptr, i64 }] [${entries.join(", ")}]`,
    );
    return `ptr @.traceback.sources, i64 ${entries.length}`;
  }
}

/** A source line as CPython shows it under a traceback entry: without its indentation. */
function displayedLine(line: string): string {
  return line.replace(/^[ \t\f]+/, "").replace(/[\r\n]+$/, "");
}

/**
 * A declaration marked `dso_local`: whatever a module declares ends up in the one executable (the
 * runtime archive is linked statically; a libc or libm function is still called through the PLT the
 * linker makes), so llc reads the runtime's globals, `rt_error_pending` first, relative to the
 * instruction pointer instead of loading their address from the GOT, and calls without `@PLT`.
 * Measured side by side (median of 5): spectral-norm (n = 5000; the error flag is read on every
 * inner iteration) 1.71 s -> 1.66 s, the sieve (n = 10^8) 0.81 s -> 0.77 s.
 */
function localDeclaration(declaration: string): string {
  if (declaration.includes("@llvm.")) return declaration;
  return declaration
    .replace(/^declare /, "declare dso_local ")
    .replace(" = external global ", " = external dso_local global ");
}
