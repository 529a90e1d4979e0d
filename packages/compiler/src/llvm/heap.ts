// Objects, structs, variants and function values.

import type { Instruction } from "../ir/ir.js";
import type { FunctionEmitter } from "./function-emitter.js";

export class HeapEmitter {
  constructor(private readonly e: FunctionEmitter) {}

  emit(inst: Instruction): void {
    throw new Error(`@${this.e.fn.name}: ${inst.kind} is not emitted yet`);
  }
}
