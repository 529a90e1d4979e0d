/** Plain JSON data, and a JS task's return value as the run store keeps it (extended JSON, see extended-json.ts): plain data as
 * it is, NaN and infinities included; what JSON cannot hold (a Map, a Set, a BigInt, a function, an
 * instance of a class, an object that holds itself) as its `util.inspect` string, each named in a warning.
 * `toJSON` is honoured as JSON.stringify honours it (a Date becomes its ISO string). */
import { inspect } from "node:util";

/** Checks that a value is plain JSON data (a config crossing languages), naming where it is not. */
export function findUnserialisable(value: unknown, path = "result", seen = new Set<object>()): string | null {
  // undefined is what JSON.stringify drops (in objects) or turns into null (in arrays): harmless.
  if (value === null || value === undefined || typeof value === "string" || typeof value === "boolean") return null;
  if (typeof value === "number") return Number.isFinite(value) ? null : `${path} is ${value}`;
  if (typeof value !== "object") return `${path} is a ${typeof value}`;
  if (seen.has(value)) return `${path} refers back to itself`;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const problem = findUnserialisable(item, `${path}[${i}]`, seen);
      if (problem) return problem;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return `${path} is a ${value.constructor?.name ?? "object"}`;
  for (const [key, item] of Object.entries(value)) {
    const problem = findUnserialisable(item, `${path}.${key}`, seen);
    if (problem) return problem;
  }
  return null;
}

export interface StorableValue {
  value: unknown;
  /** One line per part of the value stored as its inspect string: where it is and what it was. */
  warnings: string[];
}

export function storableValue(value: unknown): StorableValue {
  const warnings: string[] = [];
  const open = new Set<object>();
  const asText = (item: unknown, path: string, what: string): string => {
    const text = inspect(item, { depth: 4, breakLength: Number.POSITIVE_INFINITY });
    warnings.push(
      `${what} at ${path}, which JSON cannot hold: stored as its util.inspect string, ${abbreviated(text)}`,
    );
    return text;
  };
  const convert = (item: unknown, path: string): unknown => {
    if (item === null || item === undefined || typeof item === "string" || typeof item === "boolean") return item;
    if (typeof item === "number") return item;
    if (typeof item !== "object") return asText(item, path, `a ${typeof item}`);
    if (open.has(item)) return asText(item, path, "an object that holds itself");
    const toJSON = (item as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return convert(toJSON.call(item), path);
    const proto = Object.getPrototypeOf(item);
    if (!Array.isArray(item) && proto !== Object.prototype && proto !== null) {
      return asText(item, path, `a ${(item as object).constructor?.name ?? "object"}`);
    }
    open.add(item);
    try {
      if (Array.isArray(item)) return item.map((element, i) => convert(element, `${path}[${i}]`) ?? null);
      const plain: Record<string, unknown> = {};
      for (const [key, element] of Object.entries(item)) {
        const converted = convert(element, `${path}${propertyPath(key)}`);
        if (converted !== undefined) plain[key] = converted;
      }
      return plain;
    } finally {
      open.delete(item);
    }
  };
  return { value: convert(value, "result") ?? null, warnings };
}

function propertyPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function abbreviated(text: string, length = 80): string {
  return text.length <= length ? text : `${text.slice(0, length - 3)}...`;
}
