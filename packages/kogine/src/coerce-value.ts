/** Command-line strings to the type of the script's default value, as the Python runner does. */
import { TaskFailure } from "./task-failure.js";
import { isRawValue, type RawValue } from "./task-spec.js";

const TRUE_WORDS = new Set(["true", "1", "yes", "on"]);
const FALSE_WORDS = new Set(["false", "0", "no", "off"]);

export function coerceToDefault(name: string, value: unknown, defaultValue: () => unknown): unknown {
  if (!isRawValue(value)) return value;
  const fallback = defaultValue();
  const problem = coercionProblem(value, fallback);
  if (typeof problem === "string") {
    throw new TaskFailure(
      "coerce",
      `--set ${name}=${value.$raw}: cannot convert to ${problem} (the script's default is ${JSON.stringify(fallback)})`,
    );
  }
  return problem.value;
}

/** The value `raw` means for a default like `fallback`, or the type it could not be converted to. */
export function coercionProblem(raw: RawValue, fallback: unknown): { value: unknown } | string {
  const text = raw.$raw;
  switch (typeof fallback) {
    case "boolean": {
      const lowered = text.toLowerCase();
      if (TRUE_WORDS.has(lowered)) return { value: true };
      if (FALSE_WORDS.has(lowered)) return { value: false };
      return "boolean";
    }
    case "number": {
      const parsed = Number(text);
      return text.trim() === "" || Number.isNaN(parsed) ? "number" : { value: parsed };
    }
    case "string":
      return { value: text };
    case "object": {
      if (fallback === null) return { value: parseUntyped(text) };
      if (Array.isArray(fallback)) return listValue(raw, fallback);
      const parsed = parseUntyped(text);
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? { value: parsed } : "object";
    }
    default:
      return { value: parseUntyped(text) };
  }
}

/** `[1,2]` as written, or `1,2` item by item, each item typed like the default's first one. */
function listValue(raw: RawValue, fallback: unknown[]): { value: unknown } | string {
  if (raw.$raw.trim().startsWith("[")) {
    const parsed = parseUntyped(raw.$raw);
    return Array.isArray(parsed) ? { value: parsed } : "array";
  }
  const items: unknown[] = [];
  for (const item of raw.$items ?? [raw.$raw]) {
    const typed = fallback.length > 0 ? coercionProblem({ $raw: item }, fallback[0]) : { value: parseUntyped(item) };
    if (typeof typed === "string") return `array of ${typed}`;
    items.push(typed.value);
  }
  return { value: items };
}

/** With no default to go by: JSON if it parses (numbers, booleans, lists), the string otherwise. */
export function parseUntyped(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
