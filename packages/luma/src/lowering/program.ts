// A checked program to an IR module: one IR function per function instance (generic instances
// each their own), `main` the module's entry. A construct lowering does not support yet is
// reported (E0400) at its place, per function, and the module is then not to be built.

import {
  addFunction,
  createModule,
  type Diagnostic,
  IrBuilder,
  type IrFunction,
  type Module,
  runtimeFunction,
  types,
} from "@toolchain/compiler";
import type { FunctionInstance, TypedProgram } from "../checker/typed-program.js";
import { libraryExportName } from "../std-library.js";
import { FunctionLowering, type ProgramLowering } from "./function-context.js";
import { lowerBlock } from "./statements.js";
import { addTestEntry } from "./test-entry.js";
import { IrTypes } from "./types.js";
import { NotSupported, notSupportedDiagnostic } from "./unsupported.js";

export interface LoweringResult {
  readonly module: Module;
  /** Constructs not lowered yet; the module is complete exactly when there are none. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface LoweringOptions {
  /** Lower the `#[test]` functions with an entry that runs the one argv[1] names, instead of `main`. */
  readonly tests?: boolean;
  /**
   * A debug build's integer arithmetic: `+ - *` and unary `-` that overflow panic (as Rust's debug
   * builds do) instead of wrapping. Builds at -O0 and -O1 check; -O2 and up wrap.
   */
  readonly checkOverflow?: boolean;
  /**
   * What becomes of the standard library's functions that are compiled once (libraryExportName):
   * "link" (the default) makes each a call of the cached library's symbol, which the build links;
   * "export" compiles them, under those symbols, into a library module that has no `main`.
   */
  readonly stdLibrary?: "link" | "export";
}

export function lowerProgram(program: TypedProgram, options: LoweringOptions = {}): LoweringResult {
  const entryFile = program.files[0]!;
  const module = createModule(entryFile.source.fileName);
  const functions = new Map<FunctionInstance, IrFunction>();
  const irTypes = new IrTypes(program.types, module);
  const diagnostics: Diagnostic[] = [];
  const exporting = options.stdLibrary === "export";
  const guarded = (instance: FunctionInstance, work: () => void) => {
    try {
      work();
    } catch (error) {
      if (!(error instanceof NotSupported)) throw error;
      diagnostics.push(notSupportedDiagnostic(error, instance.symbol.file.source));
    }
  };

  for (const instance of program.instances) {
    if (instance.body === null) continue;
    guarded(instance, () => {
      const declaration = instance.symbol.declaration;
      const params = instance.parameterTypes.map((type, i) => {
        const node = declaration.parameters[i] ?? declaration;
        return { name: declaration.parameters[i]?.name.name ?? `p${i}`, type: irTypes.of(type, node) };
      });
      // A method takes its receiver first, by value.
      const self = declaration.selfParameter;
      if (self !== null && instance.selfType !== null)
        params.unshift({ name: "self", type: irTypes.of(instance.selfType, self) });
      const result = irTypes.of(instance.result, declaration.returnType ?? declaration.name);
      const exported = exporting ? libraryExportName(instance) : null;
      const name = exported ?? `ls_${instance.name.replace(/[^A-Za-z0-9_]/g, "_")}_${instance.id}`;
      const fn = addFunction(module, name, instance.name, params, result, {
        sourceFile: instance.symbol.file.source.fileName,
      });
      if (exported !== null) fn.linkage = "exported";
      functions.set(instance, fn);
    });
  }

  const lowering: ProgramLowering = {
    program,
    module,
    functions,
    irTypes,
    checksOverflow: options.checkOverflow === true,
  };
  for (const [instance, fn] of functions) {
    const linked = exporting ? null : libraryExportName(instance);
    guarded(instance, () =>
      linked === null ? lowerFunction(lowering, instance, fn) : callLibraryFunction(module, instance, fn, linked),
    );
  }

  if (exporting) {
    module.entry = null;
  } else if (options.tests === true) {
    const tests = program.tests.map((test) => functions.get(test)).filter((fn) => fn !== undefined);
    module.entry = addTestEntry(module, tests);
  } else if (program.main === null) {
    diagnostics.push({
      severity: "error",
      code: "E0401",
      message: "the program has no `main` function",
      primary: entryFile.source.span(0, 0),
      help: ["add `func main() { … }`: the program starts there"],
    });
  } else {
    module.entry = functions.get(program.main) ?? null;
  }
  return { module, diagnostics };
}

function lowerFunction(program: ProgramLowering, instance: FunctionInstance, fn: IrFunction): void {
  const body = instance.body!;
  const f = new FunctionLowering(program, instance, fn, body, instance.symbol.file.source);
  f.enter(f.newBlock("entry"));
  const declaration = instance.symbol.declaration;
  const declaring = [
    ...(declaration.selfParameter === null ? [] : [declaration.selfParameter]),
    ...declaration.parameters,
  ];
  declaring.forEach((parameter, i) => {
    const local = body.locals.get(parameter);
    if (local !== undefined) f.declareLocal(local, fn.params[i]!);
  });
  lowerBlock(f, declaration.body);
  if (!f.builder.isTerminated) {
    if (fn.returnType === types.void) f.builder.ret(null);
    else f.builder.terminate({ kind: "unreachable" });
  }
  // Blocks started after a panic, a return or a jump that nothing reaches may be left open.
  for (const block of fn.blocks) block.terminator ??= { kind: "unreachable" };
}

/**
 * The body of a function of the cached standard library: a call of its symbol there, which LLVM
 * inlines into the callers. Arguments are borrowed and the result owned, as between IR functions;
 * a panic inside it goes on from the call.
 */
function callLibraryFunction(module: Module, instance: FunctionInstance, fn: IrFunction, symbol: string): void {
  const external = runtimeFunction(
    symbol,
    [fn.params.map((p) => p.type), fn.returnType],
    true,
    "any",
    "a function of the standard library",
  );
  const builder = new IrBuilder(fn, module);
  builder.positionAt(builder.createBlock("entry"));
  const source = instance.symbol.file.source;
  const { line, column } = source.position(instance.symbol.declaration.start);
  const result = builder.callExtern(external, [...fn.params], { file: source.fileName, line, col: column - 1 });
  builder.ret(fn.returnType === types.void ? null : result);
}
