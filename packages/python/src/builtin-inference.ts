// The result types of calls of the builtins that take and give scalars (abs, min and max of several
// arguments, int, float, str, round, pow, ord, chr, bin, open, ...), or why a call is refused with
// CPython's message. Builtins over iterables are container-inference.ts's.

import type * as ast from "./ast.js";
import { iterationType } from "./container-inference.js";
import { isNumeric, numericJoin, type PyType, pyTypes, resolve, tupleOf } from "./py-types.js";
import { type NodeSpan, SemanticError } from "./semantic-error.js";
import type { Specialization } from "./type-inference.js";

/** What builtin typing needs of the inference. */
export interface BuiltinHost {
  typeOf(spec: Specialization, e: ast.expr): PyType | null;
  binaryType(op: ast.operator["_type"], a: PyType, b: PyType, right: ast.expr, at: NodeSpan): PyType;
}

export function builtinCallType(
  host: BuiltinHost,
  spec: Specialization,
  e: ast.Call,
  name: string,
  args: PyType[],
): PyType {
  const fail = (message: string): never => {
    throw new SemanticError(message, e);
  };
  const arity = (min: number, max = min) => {
    if (args.length < min || args.length > max) {
      fail(
        `${name}() takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? "" : "s"} (${args.length} given)`,
      );
    }
  };
  switch (name) {
    case "abs":
      arity(1);
      if (!isNumeric(args[0]!)) fail(`bad operand type for abs(): '${args[0]!.className}'`);
      return args[0] === pyTypes.bool ? pyTypes.int : args[0]!;
    case "min":
    case "max": {
      if (e.keywords.length > 0) fail(`unsupported: ${name}() with keywords and several arguments`);
      if (args.length < 2) fail(`${name} expected at least 1 argument, got 0`);
      const first = args[0]!;
      if (args.some((a) => a !== first)) {
        fail(
          `unsupported: ${name}() of mixed types (${[...new Set(args)].map((t) => t.text).join(", ")}): its result type would depend on the values`,
        );
      }
      if (!isNumeric(first) && first !== pyTypes.str) fail(`unsupported: ${name}() of ${first.text}`);
      return first;
    }
    case "int":
      if (args.length === 2) {
        if (args[0] !== pyTypes.str) fail("int() can't convert non-string with explicit base");
        if (args[1] !== pyTypes.int && args[1] !== pyTypes.bool) {
          fail(`'${args[1]!.className}' object cannot be interpreted as an integer`);
        }
        return pyTypes.int;
      }
      arity(0, 2);
      if (args.length === 1 && args[0] === pyTypes.none)
        fail("int() argument must be a string or a number, not 'NoneType'");
      return pyTypes.int;
    case "float":
      arity(0, 1);
      if (args.length === 1 && args[0] === pyTypes.none)
        fail("float() argument must be a string or a real number, not 'NoneType'");
      return pyTypes.float;
    case "bool":
      arity(0, 1);
      return pyTypes.bool;
    case "str":
    case "repr":
      arity(name === "str" ? 0 : 1, 1);
      return pyTypes.str;
    case "bytes":
      return bytesCallType(args, fail);
    case "format":
      // format(value, spec): what an f-string's `{value:spec}` makes.
      arity(1, 2);
      if (args.length === 2 && args[1] !== pyTypes.str) {
        fail(`format() argument 2 must be str, not ${args[1]!.className}`);
      }
      return pyTypes.str;
    case "bin":
    case "oct":
    case "hex":
      arity(1);
      if (args[0] !== pyTypes.int && args[0] !== pyTypes.bool) {
        fail(`'${args[0]!.className}' object cannot be interpreted as an integer`);
      }
      return pyTypes.str;
    case "ord":
      arity(1);
      if (args[0] !== pyTypes.str) fail(`ord() expected string of length 1, but ${args[0]!.className} found`);
      return pyTypes.int;
    case "chr":
      arity(1);
      if (args[0] !== pyTypes.int && args[0] !== pyTypes.bool) {
        fail(`'${args[0]!.className}' object cannot be interpreted as an integer`);
      }
      return pyTypes.str;
    case "hash":
      arity(1);
      return pyTypes.int;
    case "open":
      arity(1, 2);
      if (args.some((a) => a !== pyTypes.str)) fail("unsupported: open() of anything but a path and a mode (str)");
      return pyTypes.file;
    case "round": {
      const ndigits = e.keywords.find((k) => k.arg === "ndigits");
      if (e.keywords.some((k) => k.arg !== "ndigits")) fail("round() takes only 'ndigits' as a keyword argument");
      const all = ndigits === undefined ? args : [...args, host.typeOf(spec, ndigits.value) ?? pyTypes.int];
      if (all.length < 1 || all.length > 2) fail(`round() takes 1 or 2 arguments (${all.length} given)`);
      if (!isNumeric(all[0]!)) fail(`type ${all[0]!.className} doesn't define __round__ method`);
      if (all.length === 2 && all[1] !== pyTypes.int && all[1] !== pyTypes.bool && all[1] !== pyTypes.none) {
        fail(`'${all[1]!.className}' object cannot be interpreted as an integer`);
      }
      const hasDigits = all.length === 2 && all[1] !== pyTypes.none;
      if (!hasDigits) return pyTypes.int;
      return all[0] === pyTypes.float || all[0] === pyTypes.number ? all[0]! : pyTypes.int;
    }
    case "pow":
      arity(2, 3);
      if (args.length === 3) {
        if (args.some((a) => a === pyTypes.float))
          fail("pow() 3rd argument not allowed unless all arguments are integers");
        return pyTypes.int;
      }
      return host.binaryType("Pow", args[0]!, args[1]!, e.args[1]!, e);
    case "divmod": {
      arity(2);
      const [a, b] = args as [PyType, PyType];
      if (!isNumeric(a) || !isNumeric(b)) {
        fail(`unsupported operand type(s) for divmod(): '${a.className}' and '${b.className}'`);
      }
      const type = numericJoin(a, b);
      return tupleOf([type, type]);
    }
    case "range":
      return fail("unsupported: range() outside a for loop");
    default:
      return fail(`unsupported: builtin '${name}'`);
  }
}

/** bytes(), bytes(n), bytes(iterable of ints), bytes(b), bytes(s, encoding[, errors]). */
function bytesCallType(args: readonly PyType[], fail: (message: string) => never): PyType {
  if (args.length > 3) fail(`bytes() takes at most 3 arguments (${args.length} given)`);
  if (args.length === 0) return pyTypes.bytes;
  const source = resolve(args[0]!);
  if (source === pyTypes.str) {
    if (args.length === 1) fail("string argument without an encoding");
    const bad = args.slice(1).find((a) => resolve(a) !== pyTypes.str);
    if (bad !== undefined) fail(`bytes() argument 'encoding' must be str, not ${bad.className}`);
    return pyTypes.bytes;
  }
  if (args.length > 1) fail("encoding without a string argument");
  if (source === pyTypes.int || source === pyTypes.bool || source === pyTypes.bytes) return pyTypes.bytes;
  const element = iterationType(source);
  if (typeof element !== "string" && (resolve(element) === pyTypes.int || resolve(element) === pyTypes.bool)) {
    return pyTypes.bytes;
  }
  return fail(`cannot convert '${source.className}' object to bytes`);
}
