// itertools' iterators as iteration sources (iteration.ts), walked lazily where they are iterated
// (a for loop, a comprehension, a consumer such as list() or sum(), another iterator wrapping them):
// count, chain, islice, accumulate, and product, permutations and combinations, whose positions the
// runtime's index walks give (runtime/py_itertools.c) over pools made lists first, as CPython makes
// them tuples. Kept as a value, an iterator is the list it produces; count, which never ends, only
// lazily.

import { type Block, constants, type IrType, types, type Value } from "@toolchain/compiler";
import type * as ast from "../ast.js";
import { constantIndex, iterationTypeAt } from "../container-inference.js";
import { accumulateInitial, argument, groupbyKey, ISLICE_MESSAGES } from "../module-call-inference.js";
import { moduleFunctionOf } from "../module-names.js";
import { isContainer, listOf, type PyType, pyTypes, resolve } from "../py-types.js";
import { SemanticError } from "../semantic-error.js";
import { asFloat, asInt, binary } from "./arithmetic.js";
import { lengthOf, lowerContainerBinary } from "./containers.js";
import type { LoopTargets, LoweringContext } from "./context.js";
import { kindOf } from "./elements.js";
import { lowerExpression } from "./expressions.js";
import { apply, applyBinary } from "./function-values.js";
import { allImmediate, immediateValue } from "./ints.js";
import {
  appendToList,
  collectIterable,
  type Element,
  listElement,
  lowerGenerators,
  makeTuple,
  plainSourceOf,
  runLoop,
  type Source,
  single,
  sourceOf,
  valueSource,
} from "./iteration.js";
import { irTypeOf, operationsOf } from "./type-operations.js";

/** The source of a call of itertools' `name`. */
export function itertoolsSource(cx: LoweringContext, call: ast.Call, name: string): Source {
  switch (name) {
    case "count":
      return countSource(cx, call);
    case "chain":
      return sequenceSource(
        cx,
        call.args.map((a) => plainSourceOf(cx, a)),
        elementTypeOf(cx, call),
      );
    case "islice":
      return isliceSource(cx, call);
    case "accumulate":
      return accumulateSource(cx, call);
    case "groupby":
      return groupbySource(cx, call);
    default:
      return arrangementSource(cx, call, name as "product" | "permutations" | "combinations");
  }
}

/** A call of an itertools function kept as a value: the list it produces. */
export function lowerItertoolsCall(cx: LoweringContext, call: ast.Call): Value {
  refuseEndless(cx, call);
  return collectIterable(cx, call, elementTypeOf(cx, call));
}

/**
 * Refuses to make a list of an iterator kept as a value (which CPython keeps lazy) when walking it
 * would never end: count(), or an iterator over it with no islice() between.
 */
export function refuseEndless(cx: LoweringContext, e: ast.expr): void {
  if (!endless(cx, e)) return;
  throw new SemanticError(
    "unsupported: an iterator over itertools.count() kept as a value (it is made a list here, and count() never ends): iterate it directly, or take islice() of it",
    e,
  );
}

function endless(cx: LoweringContext, e: ast.expr): boolean {
  if (e._type === "GeneratorExp") return e.generators.some((g) => endless(cx, g.iter));
  if (e._type !== "Call" || cx.spec.calls.has(e)) return false;
  const called = moduleFunctionOf(cx.importScope, e);
  if (called?.module === "itertools") {
    if (called.name === "count") return true;
    if (called.name === "chain" || called.name === "accumulate") return e.args.some((a) => endless(cx, a));
    return false;
  }
  const f = e.func;
  if (called !== null || f._type !== "Name" || cx.program.scopes.resolution.get(f) !== "builtin") return false;
  if (f.id === "map" || f.id === "filter") return endless(cx, e.args[1]!);
  if (f.id === "enumerate") return endless(cx, e.args[0]!);
  if (f.id === "zip") return e.args.length > 0 && e.args.every((a) => endless(cx, a));
  return false;
}

function elementTypeOf(cx: LoweringContext, call: ast.Call): PyType {
  return resolve(cx.typeOf(call)).parts[0]!;
}

/** count(start, step): start, start + step, ... added up as CPython adds them (floats included). */
function countSource(cx: LoweringContext, call: ast.Call): Source {
  const type = elementTypeOf(cx, call);
  const number = (node: ast.expr | undefined, fallback: number): Value => {
    if (node === undefined)
      return type === pyTypes.float ? constants.float(fallback) : constants.immediate(BigInt(fallback));
    const value = lowerExpression(cx, node);
    return type === pyTypes.float
      ? asFloat(cx, value, cx.typeOf(node), cx.loc(node))
      : asInt(cx, value, cx.typeOf(node));
  };
  const start = number(argument(call, 0, "start"), 0);
  const step = number(argument(call, 1, "step"), 1);
  const current = cx.temporary(irTypeOf(type), start);
  return {
    start: () => constants.int(0n),
    test: (state) => ({ more: constants.bool(true), position: state }),
    element: () => single(type, current.read()),
    advance: (state) => {
      current.write(binary(cx, "Add", current.read(), type, step, type, type, call));
      return { state };
    },
  };
}

/**
 * The elements of each source in turn (chain's iterables; accumulate's initial value, then its
 * sums). `which` says whose elements are being walked; the loop's state is that part's state, and
 * a part that runs out hands over to the next, started then.
 */
function sequenceSource(cx: LoweringContext, parts: readonly Source[], type: PyType): Source {
  if (parts.length === 0) return emptySource(type);
  if (parts.length === 1) return parts[0]!;
  const which = cx.temporary(types.i64, constants.int(0n));
  const last = parts.length - 1;
  return {
    start: () => {
      which.write(constants.int(0n));
      return parts[0]!.start();
    },
    test: (state) => {
      const current = cx.temporary(types.i64, state);
      const blocks = parts.map(() => cx.b.createBlock("chain.part"));
      const join = cx.b.createBlock("chain.tested");
      branchOnPart(cx, which.read(), blocks);
      const incoming: { block: Block; more: Value; position: Value }[] = [];
      parts.forEach((part, i) => {
        cx.ssa.seal(blocks[i]!);
        cx.startBlock(blocks[i]!);
        const { more, position } = part.test(current.read());
        if (i === last) {
          incoming.push({ block: cx.b.block, more, position });
          cx.jump(join);
          return;
        }
        const found = cx.b.createBlock("chain.found");
        const exhausted = cx.b.createBlock("chain.next");
        cx.branch(more, found, exhausted);
        cx.ssa.seal(found);
        cx.startBlock(found);
        incoming.push({ block: found, more: constants.bool(true), position });
        cx.jump(join);
        cx.ssa.seal(exhausted);
        cx.startBlock(exhausted);
        which.write(constants.int(BigInt(i + 1)));
        current.write(parts[i + 1]!.start());
        cx.jump(blocks[i + 1]!);
      });
      cx.ssa.seal(join);
      cx.startBlock(join);
      return {
        more: cx.b.phi(
          types.i1,
          incoming.map(({ block, more }) => ({ block, value: more })),
        ),
        position: cx.b.phi(
          types.i64,
          incoming.map(({ block, position }) => ({ block, value: position })),
        ),
      };
    },
    element: (position) => {
      const [value] = byPart(cx, which.read(), parts.length, [irTypeOf(type)], (i) => [
        parts[i]!.element(position).value(),
      ]);
      return single(type, value!);
    },
    advance: (position) => {
      const [state, done] = byPart(cx, which.read(), parts.length, [types.i64, types.i1], (i) => {
        const stepped = parts[i]!.advance(position);
        if (i === last) return [stepped.state, stepped.done ?? constants.bool(false)];
        if (stepped.done === undefined) return [stepped.state, constants.bool(false)];
        // A part whose stepping ended it hands over to the next.
        const next = cx.choose(
          types.i64,
          stepped.done,
          () => {
            which.write(constants.int(BigInt(i + 1)));
            return parts[i + 1]!.start();
          },
          () => stepped.state,
        );
        return [next, constants.bool(false)];
      });
      return { state: state!, done: done! };
    },
  };
}

/** Branches to `blocks[which]` (the last block for any larger value), leaving the builder nowhere. */
function branchOnPart(cx: LoweringContext, which: Value, blocks: readonly Block[]): void {
  for (let i = 0; i < blocks.length - 1; i++) {
    const next = cx.b.createBlock("part.which");
    cx.branch(cx.b.icmp("eq", which, constants.int(BigInt(i))), blocks[i]!, next);
    cx.ssa.seal(next);
    cx.startBlock(next);
  }
  cx.jump(blocks[blocks.length - 1]!);
}

/** Values of `resultTypes` computed by `each(which)` in a block of its own, joined. */
function byPart(
  cx: LoweringContext,
  which: Value,
  count: number,
  resultTypes: readonly IrType[],
  each: (i: number) => Value[],
): Value[] {
  const blocks = Array.from({ length: count }, () => cx.b.createBlock("part"));
  const join = cx.b.createBlock("part.end");
  branchOnPart(cx, which, blocks);
  const incoming: { block: Block; values: Value[] }[] = [];
  blocks.forEach((block, i) => {
    cx.ssa.seal(block);
    cx.startBlock(block);
    const values = each(i);
    incoming.push({ block: cx.b.block, values });
    cx.jump(join);
  });
  cx.ssa.seal(join);
  cx.startBlock(join);
  return resultTypes.map((type, k) =>
    cx.b.phi(
      type,
      incoming.map(({ block, values }) => ({ block, value: values[k]! })),
    ),
  );
}

/** chain(): nothing (its loop body is dead code, given a zero element). */
function emptySource(type: PyType): Source {
  return {
    start: () => constants.int(0n),
    test: (state) => ({ more: constants.bool(false), position: state }),
    element: () => single(type, operationsOf(type).zero()),
    advance: (state) => ({ state }),
  };
}

/** One value, then nothing: accumulate's initial value. */
function oneElementSource(cx: LoweringContext, type: PyType, value: Value): Source {
  return {
    start: () => constants.int(0n),
    test: (state) => ({ more: cx.b.icmp("eq", state, constants.int(0n)), position: state }),
    element: () => single(type, value),
    advance: () => ({ state: constants.int(1n) }),
  };
}

/** islice's bounds, as CPython reads and checks them (ValueError for a negative one, a step below 1). */
interface IsliceBounds {
  readonly start: Value;
  /** INT64_MAX for None: no stop. */
  readonly stop: Value;
  readonly step: Value;
}

function isliceBounds(cx: LoweringContext, call: ast.Call): IsliceBounds {
  const bounds = call.args.slice(1);
  const [startNode, stopNode, stepNode] =
    bounds.length === 1 ? [undefined, bounds[0], undefined] : [bounds[0], bounds[1], bounds[2]];
  const values = new Map(bounds.map((b) => [b, lowerExpression(cx, b)]));
  /** A bound as CPython reads it: a machine integer, -1 for one too big for it, `fallback` for None. */
  const bound = (node: ast.expr | undefined, fallback: bigint): Value => {
    if (node === undefined || cx.typeOf(node) === pyTypes.none) return constants.int(fallback);
    const int = asInt(cx, values.get(node)!, cx.typeOf(node));
    return cx.b.select(allImmediate(cx, [int]), immediateValue(cx, int), constants.int(-1n));
  };
  const stop = bound(stopNode, 2n ** 63n - 1n);
  const start = bound(startNode, 0n);
  const step = bound(stepNode, 1n);
  cx.checkCondition(cx.b.icmp("ne", stop, constants.int(-1n)), "ValueError", ISLICE_MESSAGES.stop, call);
  const negative = (v: Value, below: bigint) => cx.b.icmp("lt", v, constants.int(below));
  const indicesOk = cx.b.not(cx.b.select(negative(start, 0n), constants.bool(true), negative(stop, -1n)));
  cx.checkCondition(indicesOk, "ValueError", ISLICE_MESSAGES.start, call);
  cx.checkCondition(cx.b.icmp("ge", step, constants.int(1n)), "ValueError", ISLICE_MESSAGES.step, call);
  return { start, stop, step };
}

/**
 * islice's count of the elements read and the index of the next one to give. Elements before it are
 * read and skipped; the one at it is given (and it moves on by step, to at most stop); nothing is
 * read once the count reaches it and stop (CPython's islice_next), so an endless iterable ends.
 */
function isliceCounter(cx: LoweringContext, { start, stop, step }: IsliceBounds) {
  const consumed = cx.temporary(types.i64, constants.int(0n));
  const next = cx.temporary(types.i64, start);
  const larger = (a: Value, b: Value) => cx.b.select(cx.b.icmp("gt", a, b), a, b);
  const smaller = (a: Value, b: Value) => cx.b.select(cx.b.icmp("lt", a, b), a, b);
  return {
    /** Whether another element is to be read: an i1. */
    open: () => cx.b.icmp("lt", consumed.read(), larger(next.read(), stop)),
    /** Counts an element read (if `read`): whether it is given. */
    count: (read: Value) => {
      const index = consumed.read();
      const wanted = next.read();
      const taken = cx.b.select(read, cx.b.icmp("eq", index, wanted), constants.bool(false));
      consumed.write(cx.b.ibinary("add", index, cx.b.zext(read), null));
      // A sum past the int64 range (a huge step) is past any stop, as CPython clamps it.
      const sum = cx.b.ibinary("add", wanted, step, null);
      const following = cx.b.select(cx.b.icmp("lt", sum, wanted), stop, smaller(sum, stop));
      next.write(cx.b.select(taken, following, wanted));
      return taken;
    },
  };
}

/** islice(iterable, [start,] stop[, step]) of an iterable with a source. */
function isliceSource(cx: LoweringContext, call: ast.Call): Source {
  const inner = sourceOf(cx, call.args[0]!);
  const counter = isliceCounter(cx, isliceBounds(cx, call));
  return {
    start: () => inner.start(),
    test: (state) => {
      // The inner iterable moves only while elements are to be read.
      const moves = cx.b.createBlock("islice.moves");
      const closed = cx.b.createBlock("islice.closed");
      const join = cx.b.createBlock("islice.tested");
      cx.branch(counter.open(), moves, closed);
      cx.ssa.seal(moves);
      cx.startBlock(moves);
      const tested = inner.test(state);
      const from = cx.b.block;
      cx.jump(join);
      cx.ssa.seal(closed);
      cx.startBlock(closed);
      cx.jump(join);
      cx.ssa.seal(join);
      cx.startBlock(join);
      return {
        more: cx.b.phi(types.i1, [
          { block: from, value: tested.more },
          { block: closed, value: constants.bool(false) },
        ]),
        position: cx.b.phi(types.i64, [
          { block: from, value: tested.position },
          { block: closed, value: state },
        ]),
      };
    },
    element: (position) => inner.element(position),
    // Only the elements the inner iterable gives are read (a filter's that pass its test).
    keep: (element) => counter.count(inner.keep === undefined ? constants.bool(true) : inner.keep(element)),
    advance: (position) => inner.advance(position),
  };
}

/**
 * islice(comprehension, ...) iterated: the comprehension's loops, each element counted and those
 * islice gives passed to `body`, the loops left once islice wants no more (`exit` is where the
 * body's break goes).
 */
export function lowerIsliceOfComprehension(
  cx: LoweringContext,
  call: ast.Call,
  comprehension: ast.GeneratorExp | ast.ListComp,
  exit: Block,
  body: (element: Element, targets: LoopTargets) => void,
): void {
  const counter = isliceCounter(cx, isliceBounds(cx, call));
  const run = cx.b.createBlock("islice.run");
  const ended = cx.b.createBlock("islice.ended");
  cx.branch(counter.open(), run, ended);
  cx.ssa.seal(run);
  cx.startBlock(run);
  lowerGenerators(cx, comprehension.generators, 0, exit, (targets) => {
    const type = cx.typeOf(comprehension.elt);
    const value = lowerExpression(cx, comprehension.elt);
    const give = cx.b.createBlock("islice.give");
    const check = cx.b.createBlock("islice.check");
    cx.branch(counter.count(constants.bool(true)), give, check);
    cx.ssa.seal(give);
    cx.startBlock(give);
    body({ type, value: () => value, parts: null }, { continueTo: check, breakTo: exit });
    cx.jump(check);
    cx.ssa.seal(check);
    cx.startBlock(check);
    cx.branch(counter.open(), targets.continueTo, ended);
  });
  cx.jump(ended);
  cx.ssa.seal(ended);
  cx.startBlock(ended);
}

/**
 * accumulate(iterable, func, initial=...): the running results of adding (or func), the initial
 * value first when there is one.
 */
function accumulateSource(cx: LoweringContext, call: ast.Call): Source {
  const type = elementTypeOf(cx, call);
  const inner = plainSourceOf(cx, argument(call, 0, "iterable")!);
  const funcNode = argument(call, 1, "func");
  const func = funcNode === undefined || (funcNode._type === "Constant" && funcNode.value === null) ? null : funcNode;
  const initialNode = accumulateInitial(call);
  const initial = initialNode === null ? null : lowerExpression(cx, initialNode);
  const total = cx.temporary(irTypeOf(type), initial ?? operationsOf(type).zero());
  const started = cx.temporary(types.i1, constants.bool(initial !== null));
  const combine = (item: Element): Value => {
    const x = item.value();
    if (func !== null) return applyBinary(cx, func, total.read(), type, x, item.type, call);
    if (isContainer(type)) return lowerContainerBinary(cx, "Add", total.read(), type, x, item.type, type, call);
    return binary(cx, "Add", total.read(), type, x, item.type, type, call);
  };
  const running: Source = {
    ...inner,
    element: (position) => {
      const item = inner.element(position);
      const value =
        initial !== null
          ? combine(item)
          : cx.choose(
              irTypeOf(type),
              started.read(),
              () => combine(item),
              () => item.value(),
            );
      total.write(value);
      started.write(constants.bool(true));
      return single(type, value);
    },
  };
  return initial === null ? running : sequenceSource(cx, [oneElementSource(cx, type, initial), running], type);
}

/**
 * groupby: the input walked into a list and its keys into another (each key computed once, in
 * order); each step is the key at a position and the slice up to the end of its run, which the
 * runtime finds by comparing the keys' words as == does.
 */
function groupbySource(cx: LoweringContext, call: ast.Call): Source {
  const type = elementTypeOf(cx, call);
  const [keyType, runType] = type.parts as [PyType, PyType];
  const itemType = runType.parts[0]!;
  const items = collectIterable(cx, argument(call, 0, "iterable")!, itemType);
  const keyFunction = groupbyKey(call);
  let keys = items;
  if (keyFunction !== null) {
    keys = cx.rt("py_list_new", [kindOf(keyType), constants.int(0n)], null);
    const loc = cx.loc(call);
    runLoop(
      cx,
      valueSource(cx, items, listOf(itemType), call),
      (item) => {
        appendToList(cx, keys, apply(cx, keyFunction, item.value(), itemType, loc), keyType);
      },
      null,
    );
  }
  const runEnd = cx.temporary(types.i64, constants.int(0n));
  return {
    start: () => constants.int(0n),
    test: (i) => ({ more: cx.b.icmp("lt", i, lengthOf(cx, items, listOf(itemType))), position: i }),
    element: (i) => {
      const end = cx.rt("py_list_run_end", [keys, i], null);
      runEnd.write(end);
      const key = listElement(cx, keys, i, keyType);
      const slice = [items, i, constants.bool(true), end, constants.bool(true), constants.int(1n)];
      const run = cx.rt("py_list_slice", slice, cx.loc(call));
      return { type, value: () => makeTuple(cx, [key, run], type.parts), parts: [key, run] };
    },
    advance: () => ({ state: runEnd.read() }),
  };
}

/**
 * product, permutations and combinations: tuples of their pools' elements at the positions the
 * runtime's walk gives, element by element.
 */
function arrangementSource(
  cx: LoweringContext,
  call: ast.Call,
  name: "product" | "permutations" | "combinations",
): Source {
  const type = elementTypeOf(cx, call);
  const partTypes = type.parts;
  const pool = (node: ast.expr) => collectIterable(cx, node, resolve(iterationTypeAt(cx.typeOf(node), node)));
  let pools: Value[];
  let walk: Value;
  if (name === "product") {
    const repeatNode = call.keywords.find((k) => k.arg === "repeat")?.value;
    const repeat = repeatNode === undefined ? 1 : literalInt(repeatNode);
    if (repeat < 0) cx.checkCondition(constants.bool(false), "ValueError", "repeat argument cannot be negative", call);
    const each = call.args.map(pool);
    pools = partTypes.map((_, j) => each[j % each.length]!);
    walk = cx.rt("py_walk_product", [constants.int(BigInt(pools.length))], null);
    pools.forEach((p, j) => {
      cx.rt("py_walk_set_size", [walk, constants.int(BigInt(j)), lengthOf(cx, p, listOf(partTypes[j]!))], null);
    });
  } else {
    const only = pool(argument(call, 0, "iterable")!);
    const rNode = argument(call, 1, "r");
    const r =
      rNode === undefined || (rNode._type === "Constant" && rNode.value === null)
        ? partTypes.length
        : literalInt(rNode);
    const size = lengthOf(cx, only, listOf(partTypes[0] ?? pyTypes.int));
    walk = cx.rt(`py_walk_${name}`, [size, constants.int(BigInt(r))], cx.loc(call));
    pools = partTypes.map(() => only);
  }
  return {
    start: () => constants.int(0n),
    test: (state) => ({ more: cx.rt("py_walk_next", [walk], null), position: state }),
    element: () => {
      const parts = pools.map((p, j) =>
        listElement(cx, p, cx.rt("py_walk_index", [walk, constants.int(BigInt(j))], null), partTypes[j]!),
      );
      return { type, value: () => makeTuple(cx, parts, partTypes), parts };
    },
    advance: (state) => ({ state }),
  };
}

/** An int literal argument inference checked (a bool counts as 0 or 1). */
function literalInt(node: ast.expr): number {
  if (node._type === "Constant" && typeof node.value === "boolean") return node.value ? 1 : 0;
  return constantIndex(node)!;
}
