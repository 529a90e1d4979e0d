/** JSON forms of config values for `config show` and the run store. Values that are code (functions,
 * classes, instances) become `{ $repr, $type }`: they are shown, never sent anywhere to be rebuilt. */
import { type ConfigData, isPlainObject } from "./config.js";

export interface ConfigDescription {
  globals: Record<string, unknown>;
  types: Record<string, string>;
  args: unknown;
  kwargs: unknown;
  metadata: unknown;
}

export function displayValue(value: unknown): unknown {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : { $repr: String(value), $type: "number" };
  if (Array.isArray(value)) return value.map(displayValue);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, displayValue(v)]));
  const text = typeof value === "function" ? `[${typeNameOf(value)} ${value.name || "anonymous"}]` : String(value);
  return { $repr: text.length < 200 ? text : `${text.slice(0, 197)}...`, $type: typeNameOf(value) };
}

export function typeNameOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "function") {
    return /^class\b/.test(Function.prototype.toString.call(value)) ? "class" : "function";
  }
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "object") return isPlainObject(value) ? "object" : (value.constructor?.name ?? "object");
  return typeof value;
}

export function describeConfig(config: ConfigData): ConfigDescription {
  return {
    globals: displayValue(config.globals) as Record<string, unknown>,
    types: Object.fromEntries(Object.entries(config.globals).map(([k, v]) => [k, typeNameOf(v)])),
    args: displayValue(config.args),
    kwargs: displayValue(config.kwargs),
    metadata: displayValue(config.metadata),
  };
}

/** True when a described value is the display of code, which cannot cross into another language. */
export function isCodeDisplay(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isCodeDisplay);
  if (isPlainObject(value)) return "$repr" in value || Object.values(value).some(isCodeDisplay);
  return false;
}
