// LumaScript's runtime library (packages/luma/runtime, `luma_*`): the core runtime's language hooks
// and the formatting helpers compiled LumaScript calls. Each entry is the External declaration a
// module makes of the C function, built by the compiler's runtimeFunction as the core's catalogue
// is. C's libm functions (the math built-ins) are declared here too: executables link `-lm`.

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CORE_RUNTIME_DIR,
  runtimeFunction as fn,
  type Layout,
  lookupRuntimeFunction,
  type RuntimeFunction,
  type RuntimeLibrary,
  refType,
  runtimeCatalogue,
  types,
} from "@toolchain/compiler";

/** packages/luma/runtime, found from this module's place in dist/src. */
export const LUMA_RUNTIME_DIR = join(fileURLToPath(new URL("../../", import.meta.url)), "runtime");

/** What compiled LumaScript links: the shared core and LumaScript's library, in one cached archive. */
export const LUMA_RUNTIME: RuntimeLibrary = {
  name: "luma",
  sourceDirs: [CORE_RUNTIME_DIR, LUMA_RUNTIME_DIR],
};

/** A `mempool` object (luma_memory.c). */
export const MEMPOOL_LAYOUT: Layout = { name: "mempool", fields: null, runtimeSymbol: "luma_mempool_layout" };
const MEMPOOL = refType(MEMPOOL_LAYOUT);

const LUMA_FUNCTIONS: readonly RuntimeFunction[] = [
  fn("luma_i64_to_str", [["i64"], "str"], false, "any", "A signed integer in decimal."),
  fn("luma_u64_to_str", [["i64"], "str"], false, "any", "An unsigned 64-bit integer in decimal."),
  fn("luma_bool_to_str", [["i1"], "str"], false, "any", "true or false."),
  fn(
    "luma_f64_to_str",
    [["f64"], "str"],
    false,
    "any",
    "The shortest text that reads back as the same f64, always with `.0` or an exponent (Python's repr).",
  ),
  fn("luma_f32_to_str", [["f64"], "str"], false, "any", "The same for an f32 (passed widened): shortest as an f32."),
  fn("luma_float_to_str_fixed", [["f64", "i64"], "str"], false, "any", "`{:.N}`: N decimals."),
  fn("luma_now_ns", [[], "i64"], false, "read", "Nanoseconds of a monotonic clock (now_ns())."),
  // Maps (runtime/luma_map.c): the map object passed as `ptr`, specialised to each layout's ref.
  fn("luma_map_init", [["ptr", "i64"], "void"], false, "any", "Makes a new map object usable for values of a size."),
  fn("luma_map_find_str", [["ptr", "str"], "i64"], false, "read", "The position of a string key's entry, or -1."),
  fn("luma_map_find_int", [["ptr", "i64"], "i64"], false, "read", "The position of an integer key's entry, or -1."),
  fn("luma_map_add_str", [["ptr", "str"], "i64"], false, "any", "The position of a string key's entry, added if new."),
  fn(
    "luma_map_add_int",
    [["ptr", "i64"], "i64"],
    false,
    "any",
    "The position of an integer key's entry, added if new.",
  ),
  fn("luma_map_value_at", [["ptr", "i64"], "ptr"], false, "read", "The address of the value at a position."),
  fn("luma_map_key_at", [["ptr", "i64"], "ptr"], false, "read", "The address of the key at a position."),
  fn("luma_map_delete_at_str", [["ptr", "i64"], "void"], false, "any", "Deletes an entry, releasing its key."),
  fn("luma_map_delete_at_int", [["ptr", "i64"], "void"], false, "any", "Deletes an entry."),
  fn("luma_map_next", [["ptr", "i64"], "i64"], false, "read", "The first live position at or after one, or -1."),
  fn("luma_array_sort", [["ptr", "i64"], "void"], false, "any", "Sorts an array object stably by a kind of element."),
  fn(
    "luma_move_elements",
    [["ptr", "i64", "ptr", "i64", "i64", "i64"], "void"],
    false,
    "any",
    "Moves elements between buffers by their bytes (sort_by's merges).",
  ),
  // Files (runtime/luma_io.c).
  fn("luma_str_byte", [["str", "i64"], "i64"], false, "read", "The byte at an offset below the length."),
  fn("luma_alloc", [["i64"], "ptr"], false, "any", "`alloc(T, n)`: n * sizeof(T) zeroed bytes."),
  fn("luma_free", [["ptr"], "void"], false, "any", "`free(p)`: gives back what luma_alloc gave."),
  fn("luma_mempool_new", [["i64"], MEMPOOL], false, "any", "`mempool::new(block_size)`: an empty pool."),
  fn("luma_mempool_alloc", [[MEMPOOL], "ptr"], false, "any", "A zeroed block of the pool."),
  fn("luma_mempool_free", [[MEMPOOL, "ptr"], "void"], false, "any", "Gives a block back to the pool."),
  fn("luma_mempool_reset", [[MEMPOOL], "void"], false, "any", "Frees every block of the pool at once."),
  fn("luma_mempool_live", [[MEMPOOL], "i64"], false, "read", "How many blocks are handed out."),
  fn("luma_mempool_block_size", [[MEMPOOL], "i64"], false, "read", "The block size the pool was made with."),
  fn("luma_read_file", [["str"], "str?"], false, "any", "The file's text, or null (the reason kept)."),
  fn("luma_write_file", [["str", "str"], "i1"], false, "any", "Writes the text to the file; false on failure."),
  fn("luma_io_error", [[], "str"], false, "any", "Why the last file operation failed."),
  fn("luma_test_index", [["str"], "i64"], false, "read", "A test executable's argument as an index, or -1."),
  // String methods (runtime/luma_string.c): byte offsets, ASCII case, Rust's parse errors.
  fn("luma_str_len", [["str"], "i64"], false, "read", "The length in bytes."),
  fn("luma_str_find", [["str", "str", "i64"], "i64"], false, "read", "The first needle at or after the offset, or -1."),
  fn("luma_str_range", [["str", "i64", "i64"], "str"], false, "any", "The bytes [begin, end) (checked by the caller)."),
  fn("luma_str_is_boundary", [["str", "i64"], "i1"], false, "read", "Whether an offset is on a character boundary."),
  fn("luma_str_char_end", [["str", "i64"], "i64"], false, "read", "The offset past the character at an offset."),
  fn("luma_str_starts_with", [["str", "str"], "i1"], false, "read", "Whether the string starts with the prefix."),
  fn("luma_str_ends_with", [["str", "str"], "i1"], false, "read", "Whether the string ends with the suffix."),
  fn("luma_str_trim", [["str"], "str"], false, "any", "Without leading and trailing ASCII whitespace."),
  fn("luma_str_to_upper", [["str"], "str"], false, "any", "ASCII letters in upper case."),
  fn("luma_str_to_lower", [["str"], "str"], false, "any", "ASCII letters in lower case."),
  fn(
    "luma_str_replace",
    [["str", "str", "str"], "str"],
    false,
    "any",
    "Every match of the second replaced by the third.",
  ),
  fn("luma_parse_i64_error", [["str"], "str?"], false, "any", "Why the text is not an i64 (Rust's words), or NULL."),
  fn("luma_parse_i64", [["str"], "i64"], false, "read", "The text as an i64 (checked first)."),
  fn("luma_parse_f64_error", [["str"], "str?"], false, "any", "Why the text is not an f64, or NULL."),
  fn("luma_parse_f64", [["str"], "f64"], false, "read", "The text as an f64 (checked first)."),
  fn(
    "luma_str_pad",
    [["str", "i64", "i1"], "str"],
    false,
    "any",
    "Padded with spaces to a width; right-aligned when true.",
  ),
];

/** C's libm functions of one float, by LumaScript's built-in name: [C name of the f64 one]. */
const MATH_1: readonly [string, string][] = [
  ["sqrt", "sqrt"],
  ["sin", "sin"],
  ["cos", "cos"],
  ["tan", "tan"],
  ["asin", "asin"],
  ["acos", "acos"],
  ["atan", "atan"],
  ["exp", "exp"],
  ["ln", "log"],
  ["log2", "log2"],
  ["log10", "log10"],
  ["floor", "floor"],
  ["ceil", "ceil"],
  ["round", "round"],
  ["trunc", "trunc"],
  ["abs", "fabs"],
];
const MATH_2: readonly [string, string][] = [
  ["atan2", "atan2"],
  ["pow", "pow"],
  ["fmod", "fmod"],
];

/** The libm function for a built-in of f64 (`sqrt`) or f32 (`sqrtf`) operands, or undefined. */
export function libmFunction(builtin: string, bits: 32 | 64): RuntimeFunction | undefined {
  const one = MATH_1.find(([name]) => name === builtin);
  const two = MATH_2.find(([name]) => name === builtin);
  const entry = one ?? two;
  if (entry === undefined) return undefined;
  const t = bits === 32 ? types.f32 : types.f64;
  const name = bits === 32 ? `${entry[1]}f` : entry[1];
  return fn(name, [one !== undefined ? [t] : [t, t], t], false, "none", `C's ${name}.`);
}

const catalogue = runtimeCatalogue(LUMA_FUNCTIONS);

/** LumaScript's library functions (`luma_*`), by name. */
export const lumaRuntimeFunctions: ReadonlyMap<string, RuntimeFunction> = catalogue;

/** A function of LumaScript's library or of the core, by name (throws for an unknown name: a bug). */
export function lumaRuntimeFunction(name: string): RuntimeFunction {
  const f = catalogue.get(name) ?? lookupRuntimeFunction(name);
  if (f === undefined) throw new Error(`internal: no runtime function ${name}`);
  return f;
}
