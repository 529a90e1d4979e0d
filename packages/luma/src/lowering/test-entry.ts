// The entry of a test executable (`luma test`): it runs the `#[test]` function whose index is its
// first argument, so that each test runs in a process of its own and a panic fails that test only.

import {
  addFunction,
  constants,
  IrBuilder,
  type IrFunction,
  lookupRuntimeFunction,
  type Module,
  types,
} from "@toolchain/compiler";
import { lumaRuntimeFunction } from "../runtime-library.js";

/** An entry calling `tests[i]` for the index i that argv[1] holds; any other argument does nothing. */
export function addTestEntry(module: Module, tests: readonly IrFunction[]): IrFunction {
  const entry = addFunction(module, "ls_test_entry", "test entry", [], types.void, { sourceFile: module.sourceFile });
  const b = new IrBuilder(entry, module);
  const start = b.createBlock("entry");
  b.positionAt(start);
  const argument = b.callExtern(lookupRuntimeFunction("rt_argv_get")!, [constants.int(1n)], null);
  const index = b.callExtern(lumaRuntimeFunction("luma_test_index"), [argument], null);
  tests.forEach((test, i) => {
    const run = b.createBlock(`test.${i}`);
    const next = b.createBlock(`test.${i}.not`);
    b.condbr(b.icmp("eq", index, constants.int(BigInt(i))), run, next);
    b.positionAt(run);
    b.call(test, [], { file: test.sourceFile, line: 1, col: 0 });
    b.ret(null);
    b.positionAt(next);
  });
  b.ret(null);
  return entry;
}
