/** Checks that a return value is plain JSON data, naming where it is not. */
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
