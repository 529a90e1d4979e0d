// The front end's whole path from source text to the shared IR: parse, refuse what the subset lacks,
// resolve names, infer types, lower. Every failure is a PySyntaxError or a SemanticError.

import type { Module as IrModule } from "@toolchain/compiler";
import { lowerProgram } from "./lowering/program.js";
import { parseModule } from "./parser.js";
import { analyzeScopes } from "./scopes.js";
import { checkSupportedSubset } from "./subset-check.js";
import { inferTypes } from "./type-inference.js";

export function compileToIr(source: string, file: string): IrModule {
  const tree = parseModule(source, file);
  checkSupportedSubset(tree);
  const scopes = analyzeScopes(tree);
  const program = inferTypes(tree, scopes);
  return lowerProgram(program, file);
}
