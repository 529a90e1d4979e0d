/** Command-line strings to the type of the script's default value, as the Python runner does. */
import { TaskFailure } from "./task-failure.js";
import { isRawValue } from "./task-spec.js";

const TRUE_WORDS = new Set(["true", "1", "yes", "on"]);
const FALSE_WORDS = new Set(["false", "0", "no", "off"]);

export function coerceToDefault(name: string, value: unknown, defaultValue: () => unknown): unknown {
  if (!isRawValue(value)) return value;
  const text = value.$raw;
  const fallback = defaultValue();
  const fail = (expected: string) => {
    throw new TaskFailure(
      "coerce",
      `--set ${name}=${text}: cannot convert to ${expected} (the script's default is ${JSON.stringify(fallback)})`,
    );
  };
  switch (typeof fallback) {
    case "boolean": {
      const lowered = text.toLowerCase();
      if (TRUE_WORDS.has(lowered)) return true;
      if (FALSE_WORDS.has(lowered)) return false;
      return fail("boolean");
    }
    case "number": {
      const parsed = Number(text);
      return text.trim() === "" || Number.isNaN(parsed) ? fail("number") : parsed;
    }
    case "string":
      return text;
    case "object": {
      if (fallback === null) return parseUntyped(text);
      const parsed = parseUntyped(text);
      return typeof parsed === "object" && parsed !== null
        ? parsed
        : fail(Array.isArray(fallback) ? "array" : "object");
    }
    default:
      return parseUntyped(text);
  }
}

/** With no default to go by: JSON if it parses (numbers, booleans, lists), the string otherwise. */
export function parseUntyped(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
