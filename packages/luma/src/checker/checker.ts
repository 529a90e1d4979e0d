// The checker's entry points and its phases, in order: load the files (following imports), collect
// and resolve the declarations, evaluate the constants, then check the bodies: every non-generic
// function in source order, every generic function once with its type parameters abstract, then
// the generic instances the calls asked for, until no call asks for a new one.

import type { Diagnostic } from "@toolchain/compiler";
import type { Module } from "../ast.js";
import { stdFileName } from "../std-library.js";
import { valueOfConstant } from "./check-constants.js";
import { checkFunctionBody, isGeneric } from "./check-functions.js";
import { declareProgram } from "./declarations.js";
import { ProgramContext } from "./program-context.js";
import { type FileReader, loadProgramFiles, normalizeFileName, parseFile } from "./program-loader.js";
import { SemanticCode } from "./semantic-diagnostics.js";
import type { FunctionInstance, TypedProgram } from "./typed-program.js";

export interface CheckOptions {
  /** Reads the files the module imports; without it, an import is reported as unreadable. */
  readonly readFile?: FileReader;
}

/** A checked program and every diagnostic: syntax (of imported files, and of the entry file when read here) and semantic. */
export interface CheckResult {
  readonly program: TypedProgram;
  /** Syntax diagnostics first, then the checker's, each in file and position order. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Checks a parsed module (with `parseLuma`) and the files it imports. Never throws for any module
 * the parser produced, syntax errors included: the program is free of errors exactly when no
 * diagnostic of the parse or of this check is an error.
 */
export function checkLuma(module: Module, options: CheckOptions = {}): CheckResult {
  return checkProgram(module, options.readFile ?? null, []);
}

/** Reads, parses and checks a program from its entry file, following its imports through `readFile`. */
export function checkLumaProgram(entryFile: string, readFile: FileReader): CheckResult {
  // A file of the standard library checked itself (`luma test`) is known by its library name.
  const fileName = stdFileName(entryFile) ?? normalizeFileName(entryFile);
  const text = readFile(normalizeFileName(entryFile));
  const { module, diagnostics } = parseFile(text ?? "", fileName);
  const result = checkProgram(module, readFile, [...diagnostics]);
  if (text !== undefined) return result;
  const unreadable: Diagnostic = {
    severity: "error",
    code: SemanticCode.UnreadableImport,
    message: `cannot read the program's file \`${fileName}\``,
    primary: { file: fileName, line: 1, column: 1, endLine: 1, endColumn: 1 },
  };
  return { program: result.program, diagnostics: [unreadable] };
}

function checkProgram(entry: Module, readFile: FileReader | null, syntax: Diagnostic[]): CheckResult {
  const program = new ProgramContext();
  loadProgramFiles(program, entry, readFile, syntax);
  declareProgram(program);
  for (const constant of program.constants) valueOfConstant(program, constant, null);
  for (const symbol of program.functions) {
    if (!isGeneric(symbol)) program.instanceFor(symbol, [], null, 0);
  }
  // Prototypes before instances: a problem found in both is reported once, without "instantiated here".
  for (const symbol of program.functions) {
    if (isGeneric(symbol)) checkFunctionBody(program, symbol, null);
  }
  for (
    let instance = program.pendingInstances.shift();
    instance !== undefined;
    instance = program.pendingInstances.shift()
  ) {
    checkFunctionBody(program, instance.symbol, instance);
  }
  return { program: typedProgram(program), diagnostics: [...syntax, ...program.diagnostics.toList()] };
}

function typedProgram(program: ProgramContext): TypedProgram {
  const instanceOfMain = (): FunctionInstance | null => {
    const main = program.globals.get("main");
    return main?.kind === "function" && !isGeneric(main) ? (program.existingInstance(main, []) ?? null) : null;
  };
  const tests = program.functions
    .filter(
      (symbol) => !isGeneric(symbol) && symbol.declaration.attributes.some((attribute) => attribute.name === "test"),
    )
    .map((symbol) => program.existingInstance(symbol, []))
    .filter((instance): instance is FunctionInstance => instance !== undefined);
  return {
    files: program.files,
    types: program.types,
    globals: program.globals,
    structs: program.structs,
    enums: program.enums,
    functions: program.functions,
    externs: program.externs,
    constants: program.constants,
    constantBodies: program.constantBodies,
    instances: program.instances,
    main: instanceOfMain(),
    tests,
    instanceOf: (symbol, typeArguments = []) => program.existingInstance(symbol, typeArguments),
    sourceOf: (fileName) => program.files.find((file) => file.source.fileName === fileName)?.source.text,
  };
}
