// What tests that build IR programs with the builder share: a module with its entry function being
// built, source locations in the program's file, calls of a runtime catalogue's functions. Each
// test file makes one kit for its language's entry name, file and catalogue
// (`@toolchain/compiler/testing` serves front ends' tests too).

import { addFunction, createModule, IrBuilder } from "../src/ir/builder.js";
import type { External, Module, RaiseInfo, SourceLoc, Value } from "../src/ir/ir.js";
import { types } from "../src/ir/types.js";

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

export interface ProgramKit {
  /** A module whose entry function is being built, its file the locations below point into. */
  newProgram(file?: string): { m: Module; b: IrBuilder };
  loc(line: number, col?: number): SourceLoc;
  raiseInfo(kind: string, message: string, line: number): RaiseInfo;
  /** A call of the catalogue's function `name`, which the builder declares in its module. */
  rt(b: IrBuilder, name: string, args: Value[], at?: SourceLoc | null): Value;
  /** Ends the entry function where it is, if it has not ended. */
  finish(b: IrBuilder): void;
}

export function programKit(options: {
  readonly entryName: string;
  readonly defaultFile: string;
  readonly lookup: (name: string) => External | undefined;
}): ProgramKit {
  let programFile = options.defaultFile;
  const loc = (line: number, col = 0): SourceLoc => ({ file: programFile, line, col });
  return {
    newProgram(file = options.defaultFile) {
      programFile = file;
      const m = createModule(file);
      const main = addFunction(m, options.entryName, options.entryName, [], types.void);
      m.entry = main;
      const b = new IrBuilder(main, m);
      b.positionAt(b.createBlock("entry"));
      return { m, b };
    },
    loc,
    raiseInfo: (kind, message, line) => ({ kind, message, loc: loc(line) }),
    rt(b, name, args, at = null) {
      const f = options.lookup(name);
      if (f === undefined) throw new Error(`no runtime function ${name}`);
      return b.callExtern(f, args, at);
    },
    finish(b) {
      if (!b.isTerminated) b.ret(null);
    },
  };
}
