// The IR's view of the containers of Python's runtime library (runtime/py_containers.h): layouts
// whose descriptors and drop functions are the runtime's, with the fields emitted code reads
// directly declared at the same offsets as the C structures (a list's data and length, a tuple's
// items), so indexing is a load and a bounds check, not a call.

import { type IrType, type Layout, MAX_ELEMENTS_IN_MEMORY, refType, types } from "@toolchain/compiler";

function runtimeLayout(name: string, symbol: string, fields: Layout["fields"]): Layout {
  return { name, fields, runtimeSymbol: symbol };
}

/** A count of elements: no more than memory holds, which range analysis uses to bound indices. */
const elementCount = { type: types.i64, range: { lo: 0n, hi: MAX_ELEMENTS_IN_MEMORY } };

/** `py_list`: the header, an rt_array (data, length, capacity, element size), the element kind. */
const listLayout = runtimeLayout("list", "py_list_layout", [
  { name: "data", type: types.ptr },
  { name: "length", ...elementCount },
  { name: "capacity", type: types.i64 },
  { name: "element_size", type: types.i64 },
  { name: "kind", type: types.i64 },
]);

export const pythonLayouts = {
  list: listLayout,
  /** `py_tuple`: the header, the length, a pointer to its own words, the kinds' string. */
  tuple: runtimeLayout("tuple", "py_tuple_layout", [
    { name: "length", ...elementCount },
    { name: "items", type: types.ptr },
    { name: "kinds", type: types.ptr },
  ]),
  /** `py_bytes`: only the runtime reads it. */
  bytes: runtimeLayout("bytes", "py_bytes_layout", null),
  /** `py_iterator` (iterator.c): the list it walks (a copy of what iter() was given but a list) and its position. */
  iterator: runtimeLayout("list_iterator", "py_iterator_layout", [
    { name: "list", type: refType(listLayout) },
    { name: "position", ...elementCount },
  ]),
  /** `py_dict`: only the runtime reads it. */
  dict: runtimeLayout("dict", "py_dict_layout", null),
  /** `py_set`: only the runtime reads it. */
  set: runtimeLayout("set", "py_set_layout", null),
  /** `py_deque` (collections.deque): only the runtime reads it. */
  deque: runtimeLayout("deque", "py_deque_layout", null),
  /** `py_index_walk`: the positions itertools.product, permutations and combinations take. */
  indexWalk: runtimeLayout("index_walk", "py_index_walk_layout", null),
  /**
   * Any object (`rt_object *`): the parameter type of the runtime functions over elements of any
   * kind, which a call site declares with its own reference type (specializeExternal).
   */
  object: runtimeLayout("object", "rt_object_any", null),
};

/** Field numbers of the fields emitted code reads. */
export const ITERATOR_LIST = 0;
export const ITERATOR_POSITION = 1;
export const LIST_DATA = 0;
export const LIST_LENGTH = 1;
export const LIST_CAPACITY = 2;
export const TUPLE_LENGTH = 0;
export const TUPLE_ITEMS = 1;

export const listType: IrType = refType(pythonLayouts.list);
export const tupleType: IrType = refType(pythonLayouts.tuple);
export const dictType: IrType = refType(pythonLayouts.dict);
export const iteratorType: IrType = refType(pythonLayouts.iterator);
export const bytesType: IrType = refType(pythonLayouts.bytes);
export const setType: IrType = refType(pythonLayouts.set);
export const dequeType: IrType = refType(pythonLayouts.deque);
export const indexWalkType: IrType = refType(pythonLayouts.indexWalk);
export const objectType: IrType = refType(pythonLayouts.object);
