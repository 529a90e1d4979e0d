// Dominators by the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast Dominance
// Algorithm"): on reverse postorder numbers, it reaches the fixed point in a couple of sweeps for
// the reducible graphs front ends produce, with no auxiliary trees to maintain.

import { predecessorMap, reversePostorder } from "./cfg.js";
import type { Block, IrFunction } from "./ir.js";

export interface Dominators {
  /** The blocks reachable from the entry, in reverse postorder. */
  readonly order: readonly Block[];
  /** The immediate dominator of each reachable block but the entry. */
  readonly idom: ReadonlyMap<Block, Block>;
  isReachable(block: Block): boolean;
  /** True when every path from the entry to `b` passes through `a` (so also when a === b). Both must be reachable. */
  dominates(a: Block, b: Block): boolean;
}

export function computeDominators(fn: IrFunction): Dominators {
  const order = reversePostorder(fn);
  const index = new Map(order.map((block, i) => [block, i]));
  const preds = predecessorMap(fn);
  const predIndices = order.map((block) =>
    (preds.get(block) ?? []).map((p) => index.get(p)).filter((i): i is number => i !== undefined),
  );

  const idom = new Array<number>(order.length).fill(-1);
  if (order.length > 0) idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (a > b) a = idom[a]!;
      while (b > a) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 1; i < order.length; i++) {
      let newIdom = -1;
      for (const p of predIndices[i]!) {
        if (idom[p] === -1) continue;
        newIdom = newIdom === -1 ? p : intersect(p, newIdom);
      }
      if (idom[i] !== newIdom) {
        idom[i] = newIdom;
        changed = true;
      }
    }
  }

  // Number the dominator tree depth first: a dominates b exactly when b's interval nests in a's.
  const children = order.map((): number[] => []);
  for (let i = 1; i < order.length; i++) children[idom[i]!]!.push(i);
  const enter = new Array<number>(order.length).fill(0);
  const exit = new Array<number>(order.length).fill(0);
  let clock = 0;
  const stack: { node: number; next: number }[] = order.length > 0 ? [{ node: 0, next: 0 }] : [];
  if (order.length > 0) enter[0] = clock++;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const child = children[top.node]![top.next++];
    if (child === undefined) {
      exit[top.node] = clock++;
      stack.pop();
    } else {
      enter[child] = clock++;
      stack.push({ node: child, next: 0 });
    }
  }

  const idomMap = new Map<Block, Block>();
  for (let i = 1; i < order.length; i++) idomMap.set(order[i]!, order[idom[i]!]!);
  return {
    order,
    idom: idomMap,
    isReachable: (block) => index.has(block),
    dominates(a, b) {
      const ia = index.get(a);
      const ib = index.get(b);
      if (ia === undefined || ib === undefined) return false;
      return enter[ia]! <= enter[ib]! && exit[ib]! <= exit[ia]!;
    },
  };
}
