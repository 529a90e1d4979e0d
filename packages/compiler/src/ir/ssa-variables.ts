// Local variables to SSA values while lowering, by Braun et al.'s "Simple and Efficient Construction of
// Static Single Assignment Form" (CC 2013): each block remembers the value a variable last got in it; a
// read in a block that has none asks its predecessors, through a phi where control flow joins. Blocks
// are sealed once all their predecessors are known, which lets loops be lowered in one pass. Shared by
// the front ends, each keying variables its own way (Python by name, LumaScript by symbol).

import type { IrBuilder } from "./builder.js";
import type { Block, Instruction, Value } from "./ir.js";
import type { IrType } from "./types.js";
import { replaceAllUses } from "./uses.js";

export class SsaVariables<K> {
  private readonly current = new Map<K, Map<Block, Value>>();
  private readonly predecessors = new Map<Block, Block[]>();
  private readonly sealed = new Set<Block>();
  private readonly incomplete = new Map<Block, Map<K, Instruction>>();

  constructor(
    private readonly builder: IrBuilder,
    private readonly typeOf: (variable: K) => IrType,
    /** The value of a variable read before any assignment reaches it, at a block without predecessors. */
    private readonly undefinedValue: (variable: K, block: Block) => Value,
  ) {}

  /** Records a control-flow edge; lowering calls this for every branch it emits. */
  addEdge(from: Block, to: Block): void {
    let list = this.predecessors.get(to);
    if (list === undefined) {
      list = [];
      this.predecessors.set(to, list);
    }
    list.push(from);
  }

  write(variable: K, block: Block, value: Value): void {
    let defs = this.current.get(variable);
    if (defs === undefined) {
      defs = new Map();
      this.current.set(variable, defs);
    }
    defs.set(block, value);
  }

  read(variable: K, block: Block): Value {
    const value = this.current.get(variable)?.get(block);
    return value ?? this.readRecursive(variable, block);
  }

  /** Declares that `block` will get no more predecessors, completing the phis that waited for that. */
  seal(block: Block): void {
    const waiting = this.incomplete.get(block);
    if (waiting !== undefined) {
      for (const [variable, phi] of waiting) this.addPhiOperands(variable, phi);
      this.incomplete.delete(block);
    }
    this.sealed.add(block);
  }

  private readRecursive(variable: K, block: Block): Value {
    const preds = this.predecessors.get(block) ?? [];
    let value: Value;
    if (!this.sealed.has(block)) {
      const phi = this.newPhi(variable, block);
      let waiting = this.incomplete.get(block);
      if (waiting === undefined) {
        waiting = new Map();
        this.incomplete.set(block, waiting);
      }
      waiting.set(variable, phi);
      value = phi;
    } else if (preds.length === 0) {
      value = this.undefinedValue(variable, block);
    } else if (preds.length === 1) {
      value = this.read(variable, preds[0]!);
    } else {
      const phi = this.newPhi(variable, block);
      // Break cycles: the phi is the variable's value here while its operands are read.
      this.write(variable, block, phi);
      value = this.addPhiOperands(variable, phi);
    }
    this.write(variable, block, value);
    return value;
  }

  private newPhi(variable: K, block: Block): Instruction {
    const saved = this.builder.isTerminated ? null : this.builder.block;
    this.builder.positionAt(block);
    const phi = this.builder.phi(this.typeOf(variable), []);
    // Phis are inserted at the top of `block`; the builder goes back to where it was appending.
    if (saved !== null) this.builder.positionAt(saved);
    return phi;
  }

  private addPhiOperands(variable: K, phi: Instruction): Value {
    if (phi.kind !== "phi") return phi;
    for (const pred of this.predecessors.get(phi.block) ?? []) {
      phi.incoming.push({ block: pred, value: this.read(variable, pred) });
    }
    return this.removeTrivialPhi(phi);
  }

  /** A phi whose operands are all one value (or itself) is that value. */
  private removeTrivialPhi(phi: Instruction): Value {
    if (phi.kind !== "phi") return phi;
    let same: Value | null = null;
    for (const { value } of phi.incoming) {
      if (value === same || value === phi) continue;
      if (same !== null) return phi;
      same = value;
    }
    if (same === null) return phi;
    replacePhi(phi, same, this.current);
    return same;
  }
}

/** Removes a trivial phi: its uses in the IR and in the variable table become `replacement`. */
function replacePhi<K>(phi: Instruction, replacement: Value, current: Map<K, Map<Block, Value>>): void {
  const block = phi.block;
  block.instructions.splice(block.instructions.indexOf(phi), 1);
  replaceAllUses(block.function, phi, replacement);
  for (const defs of current.values()) for (const [b, v] of defs) if (v === phi) defs.set(b, replacement);
}
