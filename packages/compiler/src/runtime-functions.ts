// The C runtime functions IR code may call, as the External declarations a module makes of them:
// signature, whether it can fail, what memory it touches, and who owns the references it takes and
// returns. Front ends pick declarations from a catalogue and the module declares each one it calls
// (declareExternal); the emitter reads only the module's declarations.
//
// This file lists the language-neutral core's functions (`rt_*`, packages/compiler/runtime/*.c),
// none of which fails with an error of its own, and exports the builder a language's catalogue uses
// for its own library's functions (Python's `py_*` are in packages/python/src/runtime-library.ts);
// each catalogue is checked against its C sources by its own package's tests.
//
// Conventions of the C side (runtime/runtime.h): `str` arguments are borrowed and a returned `str` is
// a new reference (or an immortal one); a function that can fail sets the pending error with its
// library's exception kind and message, and the emitted code then unwinds from the call's `loc`.

import { strType } from "./ir/builder.js";
import type { External } from "./ir/ir.js";
import { runtimeLayouts } from "./ir/layouts.js";
import { type IrType, refType, types, variantType } from "./ir/types.js";

/** An External with a line of documentation, as a catalogue lists it. */
export interface RuntimeFunction extends External {
  readonly doc: string;
}

/**
 * The C types a runtime function's parameters and result have, by their IR names. `T?` is a result
 * that may be NULL: the nullable reference `variant{unit | ref T}`, which is the C pointer itself.
 */
export type RuntimeTypeName = "i1" | "i64" | "f64" | "ptr" | "tagged" | "str" | "exception" | "file";
export type RuntimeResultName = RuntimeTypeName | "str?" | "file?" | "void";
/** Parameter and result types by name, or as IR types (a language's own runtime layouts). */
export type RuntimeSignature = [params: (RuntimeTypeName | IrType)[], result: RuntimeResultName | IrType];

const fileType = refType(runtimeLayouts.file);
const weakType = refType(runtimeLayouts.weakCell);

const typeNamed: Record<RuntimeResultName, IrType> = {
  i1: types.i1,
  i64: types.i64,
  f64: types.f64,
  ptr: types.ptr,
  tagged: types.tagged,
  str: strType,
  exception: refType(runtimeLayouts.exception),
  file: fileType,
  "str?": variantType([types.unit, strType]),
  "file?": variantType([types.unit, fileType]),
  void: types.void,
};

/**
 * A catalogue entry for a C function that follows runtime.h's conventions: every argument borrowed,
 * a returned reference owned by the caller.
 */
export function runtimeFunction(
  name: string,
  [params, result]: RuntimeSignature,
  canFail: boolean,
  memory: RuntimeFunction["memory"],
  doc: string,
  noReturn = false,
): RuntimeFunction {
  if (canFail && memory !== "any") throw new Error(`${name}: a function that can fail writes the error state`);
  return {
    name,
    params: params.map(irTypeOfName),
    result: irTypeOfName(result),
    canFail,
    memory,
    noReturn,
    argumentOwnership: params.map(() => "borrow"),
    resultOwnership: "owned",
    checksLibm: null,
    doc,
  };
}

function irTypeOfName(type: RuntimeResultName | IrType): IrType {
  return typeof type === "string" ? typeNamed[type] : type;
}

/**
 * `f` declared with other reference types for some parameters or its result: one C function over
 * any object (a container's element, say) called with the exact IR type each call site has. The
 * declaration gets a name of its own; the symbol stays `f`'s.
 */
export function specializeExternal<F extends External>(
  f: F,
  params: readonly (IrType | null)[],
  result: IrType | null = null,
): F {
  const specialized = { ...f, params: f.params.map((p, i) => params[i] ?? p), result: result ?? f.result };
  const signature = `${specialized.params.map((p) => p.text).join(",")}->${specialized.result.text}`;
  return { ...specialized, name: `${f.symbol ?? f.name}<${signature}>`, symbol: f.symbol ?? f.name };
}

/** A catalogue by name; a name listed twice is a mistake in the list. */
export function runtimeCatalogue(functions: readonly RuntimeFunction[]): ReadonlyMap<string, RuntimeFunction> {
  const catalogue = new Map<string, RuntimeFunction>();
  for (const f of functions) {
    if (catalogue.has(f.name)) throw new Error(`runtime function ${f.name} is listed twice`);
    catalogue.set(f.name, f);
  }
  return catalogue;
}

const fn = runtimeFunction;
const f64_f64: RuntimeSignature = [["f64"], "f64"];
const f64f64_f64: RuntimeSignature = [["f64", "f64"], "f64"];

/** The core (packages/compiler/runtime): no language's semantics, no failure of its own. */
const CORE_FUNCTIONS: readonly RuntimeFunction[] = [
  // Output: stdout is buffered and flushed at exit and before anything goes to stderr.
  fn("rt_write_str", [["str"], "void"], false, "any", "Writes the string to stdout."),
  fn("rt_write_i64", [["i64"], "void"], false, "any", "Writes an int in decimal to stdout."),
  fn("rt_write_newline", [[], "void"], false, "any", "Writes a newline to stdout."),
  fn("rt_write_stderr_str", [["str"], "void"], false, "any", "Writes the string to stderr (stdout flushed first)."),

  // Weak references (runtime/weak.c), passed as `ptr` and specialised to each layout's ref.
  fn("rt_weak_new", [["ptr"], weakType], false, "any", "A new weak reference to the object (its cell)."),
  fn("rt_weak_alive", [[weakType], "i1"], false, "read", "Whether the weak reference's target still lives."),
  fn("rt_weak_upgrade", [[weakType], "ptr"], false, "any", "The living target of the weak reference, counted."),

  // Array objects (ir/layouts.ts arrayLayout), passed as `ptr` and specialised to each layout's ref.
  fn("rt_array_object_append", [["ptr"], "ptr"], false, "any", "Appends a zeroed element; its address."),
  fn("rt_array_object_truncate", [["ptr", "i64"], "void"], false, "any", "Shortens to the length, releasing nothing."),
  fn(
    "rt_array_object_insert",
    [["ptr", "i64"], "ptr"],
    false,
    "any",
    "Opens a zeroed element at the index; its address.",
  ),
  fn(
    "rt_array_object_remove",
    [["ptr", "i64"], "void"],
    false,
    "any",
    "Closes the element at the index, releasing nothing.",
  ),
  fn("rt_array_object_reverse", [["ptr"], "void"], false, "any", "Reverses the elements in place."),

  // Strings.
  fn("rt_str_concat", [["str", "str"], "str"], false, "any", "a + b."),
  fn("rt_str_compare", [["str", "str"], "i64"], false, "read", "-1, 0 or 1: code point order."),
  fn("rt_str_eq", [["str", "str"], "i1"], false, "read", "a == b."),
  fn("rt_str_len", [["str"], "i64"], false, "read", "The length in code points."),
  fn(
    "rt_str_repeat",
    [["str", "i64"], "str"],
    false,
    "any",
    "s repeated n times (empty for n <= 0); a result too long to exist is fatal (out of memory).",
  ),
  fn("rt_str_contains", [["str", "str"], "i1"], false, "read", "Whether needle occurs in haystack (haystack first)."),
  fn(
    "rt_str_slice",
    [["str", "i64", "i64"], "str"],
    false,
    "any",
    "Code points [start, stop): negative bounds count from the end, bounds out of range are clamped.",
  ),
  fn("rt_str_incref", [["str"], "void"], false, "any", "Takes a reference (no-op on immortal strings)."),
  fn("rt_str_decref", [["str"], "void"], false, "any", "Drops a reference, freeing the string at zero."),
  fn("rt_i64_to_str", [["i64"], "str"], false, "any", "An int in decimal."),
  fn(
    "rt_str_is_valid_utf8",
    [["str"], "i1"],
    false,
    "read",
    "Whether the bytes are well-formed UTF-8 (text read from a file is bytes until checked).",
  ),

  // Arithmetic LLVM has no instruction for.
  fn("rt_f64_abs", f64_f64, false, "none", "The absolute value of a float."),
  fn("rt_f64_floordiv", f64f64_f64, false, "none", "The IR's floored float division (divisor non-zero)."),
  fn(
    "rt_f64_mod",
    f64f64_f64,
    false,
    "none",
    "The IR's floored float remainder (divisor non-zero; takes the divisor's sign).",
  ),
  fn(
    "rt_compare_i64_f64",
    [["i64", "f64"], "i64"],
    false,
    "none",
    "Exact int-float comparison: -1, 0, 1, or 2 when the float is NaN.",
  ),

  // Errors and exceptions.
  fn("rt_raise_message", [["str", "str"], "void"], true, "any", "Raises kind(message) with run-time text."),
  fn("rt_exception_new", [["str", "str"], "exception"], false, "any", "A new exception of a kind and message."),
  fn("rt_exception_kind", [["exception"], "str"], false, "any", "An exception's kind."),
  fn("rt_exception_message", [["exception"], "str"], false, "any", "An exception's message."),
  fn(
    "rt_exception_is_speculation_failure",
    [["exception"], "i1"],
    false,
    "read",
    "Whether the exception is a speculative copy's giving up (passes/speculation.ts).",
  ),

  // Managed objects.
  fn("rt_gc_collect", [[], "i64"], false, "any", "Runs the cycle collector now; the number of objects it freed."),

  // Files: failures return null, false or -1 and keep the error number (rt_file_last_error) for the
  // language to raise its own error; a handle is an object whose drop closes it.
  fn(
    "rt_file_open",
    [["str", "i64"], "file?"],
    false,
    "any",
    "Opens a path: mode 0 read, 1 write (create or empty), 2 append, 3 create (must not exist); null on failure.",
  ),
  fn("rt_file_read_all", [["file"], "str?"], false, "any", "The rest of the file ('' at the end); null on failure."),
  fn(
    "rt_file_read_line",
    [["file"], "str?"],
    false,
    "any",
    "The bytes up to and including the next newline ('' at the end); null on failure.",
  ),
  fn("rt_file_write", [["file", "str"], "i1"], false, "any", "Writes the string's bytes (buffered); false on failure."),
  fn("rt_file_flush", [["file"], "i1"], false, "any", "Writes out what is buffered; false on failure."),
  fn(
    "rt_file_close",
    [["file"], "i1"],
    false,
    "any",
    "Writes out what is buffered and closes (again: nothing); false on failure.",
  ),
  fn("rt_file_is_closed", [["file"], "i1"], false, "read", "Whether the file was closed."),
  fn("rt_file_mode", [["file"], "i64"], false, "read", "The mode the file was opened with (0 to 3)."),
  fn("rt_file_last_error", [[], "i64"], false, "read", "The errno of the last file operation that failed."),
  fn(
    "rt_stdin_read_line",
    [[], "str?"],
    false,
    "any",
    "One line of stdin without its newline (stdout flushed first), or null at the end of input.",
  ),
  fn("rt_file_stdin", [[], "file"], false, "none", "The standard input, through the buffer rt_stdin_read_line reads."),
  fn("rt_file_stdout", [[], "file"], false, "none", "The standard output, through the buffer rt_write_str fills."),
  fn("rt_file_stderr", [[], "file"], false, "none", "The standard error (stdout flushed before each write)."),

  // Process.
  fn("rt_argv_count", [[], "i64"], false, "read", "The number of command-line arguments, the program's name first."),
  fn(
    "rt_argv_get",
    [["i64"], "str"],
    false,
    "any",
    "Argument i for 0 <= i < rt_argv_count() (the caller checks; empty otherwise).",
  ),
  fn("rt_exit", [["i64"], "void"], false, "any", "Flushes stdout and exits with the status.", true),
  fn("rt_exit_message", [["str"], "void"], false, "any", "Writes the text and a newline to stderr."),
  fn("rt_time_perf_counter", [[], "f64"], false, "any", "Seconds on a monotonic clock."),
  fn("rt_time_time", [[], "f64"], false, "any", "Seconds since the Unix epoch."),
];

/** The core runtime's functions, which every language's executables link. */
export const runtimeFunctions: ReadonlyMap<string, RuntimeFunction> = runtimeCatalogue(CORE_FUNCTIONS);

export function lookupRuntimeFunction(name: string): RuntimeFunction | undefined {
  return runtimeFunctions.get(name);
}
