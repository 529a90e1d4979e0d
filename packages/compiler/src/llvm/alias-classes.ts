// What LLVM may assume about the memory emitted code reads and writes (type-based alias analysis):
// three classes that never overlap. An object's fields (get_field, set_field, alloc's initial
// stores), the elements of a buffer (elem_get, elem_set: a container's data, a tuple's inline
// words), and reference counts (the header word retain and release change). Without them a store
// to a list element could, for all LLVM knows, change the list's length or data pointer, so every
// element access in a loop reloads both and keeps its bounds check (measured: the sieve benchmark's
// marking loop, and nbody_lists, whose `b[k]` reads were each rechecked after every float store).
// The runtime's C code is not tagged; a call is a barrier as always.

export type AliasClass = "field" | "element" | "refcount";

const TAGS: Record<AliasClass, number> = { field: 14, element: 15, refcount: 16 };

/** The `!tbaa` attachment of an access of the class (to append after a load or store). */
export function aliasTag(kind: AliasClass): string {
  return `, !tbaa !${TAGS[kind]}`;
}

/** The metadata the tags refer to: a root, one scalar type per class, one access tag per class. */
export const ALIAS_METADATA: readonly string[] = [
  '!10 = !{!"toolchain alias classes"}',
  '!11 = !{!"object field", !10, i64 0}',
  '!12 = !{!"buffer element", !10, i64 0}',
  '!13 = !{!"reference count", !10, i64 0}',
  "!14 = !{!11, !11, i64 0}",
  "!15 = !{!12, !12, i64 0}",
  "!16 = !{!13, !13, i64 0}",
];
