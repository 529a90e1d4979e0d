// The methods of str (and of bytes), as calls of runtime functions: which function a call
// `s.name(args)` becomes for its argument types, what it is given besides them, and what it returns.
// Inference asks for the result type and lowering for the call, so both read this one table.
//
// Arity, keyword and type errors are CPython 3.11's, message for message: its methods parse their
// arguments in four styles (Argument Clinic with keywords, Clinic positional-only, the older
// "find" style and METH_O/METH_NOARGS), each with its own wording.

import { closestName } from "./closest-name.js";
import { listOf, type PyType, pyTypes, tupleOf } from "./py-types.js";
import { STR_PREDICATES } from "./runtime-library.js";

/** A runtime argument: the call's argument at an index, or a constant for an omitted one. */
export type StrMethodArgument = number | { readonly constant: bigint | string };

export interface StrMethodCall {
  /** The runtime function (runtime-library.ts), called with the receiver then `args`. */
  readonly runtime: string;
  /**
   * The runtime function's arguments after the receiver, in its order: an index into the call's
   * arguments (the positional ones, then the keyword ones in the order written), or a constant (i64
   * or str) standing for an omitted optional parameter. A call's argument not listed (a None that
   * means "the default") is evaluated and dropped. An int parameter given a bool takes it as 0 or 1.
   */
  readonly args: readonly StrMethodArgument[];
  readonly result: PyType;
}

export type StrMethodAnswer = StrMethodCall | { error: string };

/** How CPython parses a method's arguments, which decides its arity and keyword messages. */
type Style = "clinic" | "positional" | "find" | "one" | "none";

/** What a parameter takes (beyond its static type, what the runtime function is given). */
type Kind =
  | "int" // an int or bool; 'T' object cannot be interpreted as an integer
  | "index" // start/end: int, bool or None (the default)
  | "sub" // a str: must be str, not T
  | "sepOrNone"; // a str, or None for the whitespace variant: must be str or None, not T

interface Param {
  readonly name: string;
  readonly kind: Kind | ((type: PyType) => string | null);
  /** The value of an omitted (or None) parameter. */
  readonly omitted?: bigint | string;
  /** The suffix of the runtime function called when the parameter is omitted or None instead. */
  readonly variant?: string;
}

interface Method {
  readonly style: Style;
  readonly params: readonly Param[];
  readonly runtime: string;
  readonly result: PyType;
}

const INT64_MAX = (1n << 63n) - 1n;
const str = pyTypes.str;
const isIntLike = (t: PyType) => t.kind === "int" || t.kind === "bool";

/** A str parameter refusing anything else with `message` (T: the class name). */
const strOnly =
  (message: (className: string) => string) =>
  (t: PyType): string | null =>
    t.kind === "str" ? null : message(t.className);

const start: Param = { name: "start", kind: "index", omitted: 0n };
const end: Param = { name: "end", kind: "index", omitted: INT64_MAX };

function search(runtime: string, result: PyType, first: Param): Method {
  return { style: "find", params: [first, start, end], runtime, result };
}

const METHODS = new Map<string, Method>();
const define = (name: string, method: Method) => METHODS.set(name, method);

for (const name of ["find", "rfind", "index", "rindex", "count"]) {
  define(name, search(`py_str_${name}`, pyTypes.int, { name: "sub", kind: "sub" }));
}
for (const name of ["startswith", "endswith"]) {
  // The first argument's type picks the runtime function (str or tuple): see strMethodCall.
  const prefix: Param = {
    name: "prefix",
    kind: (t) => {
      if (t.kind === "str") return null;
      if (t.kind !== "tuple") return `${name} first arg must be str or a tuple of str, not ${t.className}`;
      const bad = t.parts.find((part) => part.kind !== "str");
      return bad === undefined ? null : `tuple for ${name} must only contain str, not ${bad.className}`;
    },
  };
  define(name, search(`py_str_${name}`, pyTypes.bool, prefix));
}
for (const name of ["split", "rsplit"]) {
  define(name, {
    style: "clinic",
    params: [
      { name: "sep", kind: "sepOrNone", variant: "_whitespace" },
      { name: "maxsplit", kind: "int", omitted: -1n },
    ],
    runtime: `py_str_${name}`,
    result: listOf(str),
  });
}
define("splitlines", {
  style: "clinic",
  params: [{ name: "keepends", kind: "int", omitted: 0n }],
  runtime: "py_str_splitlines",
  result: listOf(str),
});
define("expandtabs", {
  style: "clinic",
  params: [{ name: "tabsize", kind: "int", omitted: 8n }],
  runtime: "py_str_expandtabs",
  result: str,
});
for (const name of ["strip", "lstrip", "rstrip"]) {
  define(name, {
    style: "positional",
    params: [
      {
        name: "chars",
        kind: (t) => (t.kind === "str" || t.kind === "None" ? null : `${name} arg must be None or str`),
        variant: "_whitespace",
      },
    ],
    runtime: `py_str_${name}`,
    result: str,
  });
}
define("replace", {
  style: "positional",
  params: [
    { name: "old", kind: strOnly((c) => `replace() argument 1 must be str, not ${c}`) },
    { name: "new", kind: strOnly((c) => `replace() argument 2 must be str, not ${c}`) },
    { name: "count", kind: "int", omitted: -1n },
  ],
  runtime: "py_str_replace",
  result: str,
});
for (const name of ["center", "ljust", "rjust"]) {
  define(name, {
    style: "positional",
    params: [
      { name: "width", kind: "int" },
      {
        name: "fillchar",
        kind: strOnly((c) => `The fill character must be a unicode character, not ${c}`),
        omitted: " ",
      },
    ],
    runtime: `py_str_${name}`,
    result: str,
  });
}
define("zfill", { style: "one", params: [{ name: "width", kind: "int" }], runtime: "py_str_zfill", result: str });
for (const name of ["partition", "rpartition"]) {
  define(name, {
    style: "one",
    params: [{ name: "sep", kind: "sub" }],
    runtime: `py_str_${name}`,
    result: tupleOf([str, str, str]),
  });
}
for (const name of ["removeprefix", "removesuffix"]) {
  define(name, {
    style: "one",
    params: [{ name: "affix", kind: strOnly((c) => `${name}() argument must be str, not ${c}`) }],
    runtime: `py_str_${name}`,
    result: str,
  });
}
define("join", {
  style: "one",
  params: [
    {
      name: "iterable",
      kind: (t) => {
        if (t.kind === "list" && t.parts[0]?.kind === "str") return null;
        if (t.kind === "list" || t.kind === "tuple" || t.kind === "dict" || t.kind === "set" || t.kind === "str") {
          return `unsupported: str.join() of ${t.text} (only list[str] is)`;
        }
        return "can only join an iterable";
      },
    },
  ],
  runtime: "py_str_join",
  result: str,
});
for (const name of ["upper", "lower", "casefold", "title", "capitalize", "swapcase"]) {
  define(name, { style: "none", params: [], runtime: `py_str_${name}`, result: str });
}
for (const name of STR_PREDICATES) {
  define(name, { style: "none", params: [], runtime: `py_str_${name}`, result: pyTypes.bool });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** CPython's message for a call with `given` positional arguments, or null when the count fits. */
function arityError(className: string, name: string, method: Method, given: number): string | null {
  const most = method.params.length;
  const least = method.params.filter((p) => p.omitted === undefined && p.variant === undefined).length;
  if (given <= most && given >= least) return null;
  switch (method.style) {
    case "none":
      return `${className}.${name}() takes no arguments (${given} given)`;
    case "one":
      return `${className}.${name}() takes exactly one argument (${given} given)`;
    case "clinic":
      return `${name}() takes at most ${plural(most, "argument")} (${given} given)`;
    case "find":
      return given > most
        ? `${name}() takes at most ${plural(most, "argument")} (${given} given)`
        : `${name}() takes at least ${plural(least, "argument")} (${given} given)`;
    case "positional":
      return given > most
        ? `${name} expected at most ${plural(most, "argument")}, got ${given}`
        : `${name} expected at least ${plural(least, "argument")}, got ${given}`;
  }
}

/** CPython's message for an argument of this type, or null when the parameter takes it. */
function typeError(param: Param, type: PyType): string | null {
  switch (param.kind) {
    case "int":
      return isIntLike(type) ? null : `'${type.className}' object cannot be interpreted as an integer`;
    case "index":
      return isIntLike(type) || type.kind === "None"
        ? null
        : "slice indices must be integers or None or have an __index__ method";
    case "sub":
      return type.kind === "str" ? null : `must be str, not ${type.className}`;
    case "sepOrNone":
      return type.kind === "str" || type.kind === "None" ? null : `must be str or None, not ${type.className}`;
    default:
      return param.kind(type);
  }
}

/**
 * The call `s.<name>(args)` with positional arguments of these types and keyword arguments of these
 * names and types, or a message saying why it is refused (as CPython's TypeError says it where
 * CPython would raise; "unsupported: ..." where CPython would not but the compiled subset does).
 */
/** The codecs' parameters, as str.encode and bytes.decode take them (Argument Clinic's messages). */
const codecParams = (method: string): Param[] => [
  {
    name: "encoding",
    kind: strOnly((c) => `${method}() argument 'encoding' must be str, not ${c}`),
    omitted: "utf-8",
  },
  { name: "errors", kind: strOnly((c) => `${method}() argument 'errors' must be str, not ${c}`), omitted: "strict" },
];
define("encode", { style: "clinic", params: codecParams("encode"), runtime: "py_str_encode", result: pyTypes.bytes });

const BYTES_METHODS = new Map<string, Method>([
  ["decode", { style: "clinic", params: codecParams("decode"), runtime: "py_bytes_decode", result: str }],
  ["hex", { style: "none", params: [], runtime: "py_bytes_hex", result: str }],
  [
    "join",
    {
      style: "one",
      params: [
        {
          name: "iterable_of_bytes",
          kind: (t) =>
            t.kind === "list" && t.parts[0]!.kind === "bytes"
              ? null
              : "unsupported: bytes.join() of other than a list of bytes",
        },
      ],
      runtime: "py_bytes_join",
      result: pyTypes.bytes,
    },
  ],
]);

/** Every public attribute of CPython 3.11's bytes. */
const BYTES_ATTRIBUTES: readonly string[] = (
  "capitalize center count decode endswith expandtabs find fromhex hex index isalnum isalpha isascii isdigit " +
  "islower isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix removesuffix " +
  "replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title " +
  "translate upper zfill"
).split(" ");

/** Every public attribute of CPython 3.11's str, for telling a missing method from a misspelt one. */
const STR_ATTRIBUTES: readonly string[] = (
  "capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha " +
  "isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust " +
  "lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit " +
  "rstrip split splitlines startswith strip swapcase title translate upper zfill"
).split(" ");

const STR_CLASS: TextClass = { name: "str", methods: METHODS, attributes: STR_ATTRIBUTES };
const BYTES_CLASS: TextClass = { name: "bytes", methods: BYTES_METHODS, attributes: BYTES_ATTRIBUTES };

export function strMethodCall(
  name: string,
  args: readonly PyType[],
  keywords: readonly { name: string; type: PyType }[],
): StrMethodAnswer {
  return textMethodCall(STR_CLASS, name, args, keywords);
}

/** The call `b.<name>(args)` of a bytes method, as strMethodCall says a str method's. */
export function bytesMethodCall(
  name: string,
  args: readonly PyType[],
  keywords: readonly { name: string; type: PyType }[],
): StrMethodAnswer {
  return textMethodCall(BYTES_CLASS, name, args, keywords);
}

/** A class of text whose methods are runtime functions: its name, methods and every attribute it has. */
interface TextClass {
  readonly name: string;
  readonly methods: ReadonlyMap<string, Method>;
  readonly attributes: readonly string[];
}

function textMethodCall(
  textClass: TextClass,
  name: string,
  args: readonly PyType[],
  keywords: readonly { name: string; type: PyType }[],
): StrMethodAnswer {
  const className = textClass.name;
  const method = textClass.methods.get(name);
  if (method === undefined) {
    if (textClass.attributes.includes(name)) return { error: `unsupported: ${className}.${name}()` };
    const suggestion = closestName(name, textClass.attributes);
    return {
      error: `'${className}' object has no attribute '${name}'${suggestion === null ? "" : `; did you mean '${suggestion}'?`}`,
    };
  }
  if (args.some((t) => t.kind === "var") || keywords.some((k) => k.type.kind === "var")) {
    return { error: `unsupported: ${className}.${name}() of an argument whose type is not known yet` };
  }
  if (keywords.length > 0 && method.style !== "clinic") {
    return { error: `${className}.${name}() takes no keyword arguments` };
  }
  const arity = arityError(className, name, method, args.length);
  if (arity !== null) return { error: arity };

  // Each parameter's argument: its index among the call's arguments, and its type.
  const given: ({ index: number; type: PyType } | undefined)[] = method.params.map((_, i) =>
    i < args.length ? { index: i, type: args[i]! } : undefined,
  );
  for (const [k, keyword] of keywords.entries()) {
    const position = method.params.findIndex((p) => p.name === keyword.name);
    if (position < 0) return { error: `'${keyword.name}' is an invalid keyword argument for ${name}()` };
    if (given[position] !== undefined) {
      return { error: `argument for ${name}() given by name ('${keyword.name}') and position (${position + 1})` };
    }
    given[position] = { index: args.length + k, type: keyword.type };
  }
  for (const [i, param] of method.params.entries()) {
    const argument = given[i];
    if (argument === undefined) continue;
    const error = typeError(param, argument.type);
    if (error !== null) return { error };
  }

  let runtime = method.runtime;
  const runtimeArgs: StrMethodArgument[] = [];
  for (const [i, param] of method.params.entries()) {
    const argument = given[i];
    if (argument === undefined || argument.type.kind === "None") {
      if (param.variant !== undefined) runtime += param.variant;
      else if (param.omitted !== undefined) runtimeArgs.push({ constant: param.omitted });
      continue;
    }
    // startswith and endswith take a tuple of str as well, each with a function of its own.
    if (argument.type.kind === "tuple") runtime += "_tuple";
    runtimeArgs.push(argument.index);
  }
  return { runtime, args: runtimeArgs, result: method.result };
}
