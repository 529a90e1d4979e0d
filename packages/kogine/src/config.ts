/** What a script runs under: module-level values to inject, and the entrypoint's arguments. */
export interface ConfigData {
  globals: Record<string, unknown>;
  args: unknown[];
  kwargs: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

const CONFIG_KEYS = new Set(["globals", "globals_dict", "globalsDict", "args", "kwargs", "metadata"]);

export class Config implements ConfigData {
  globals: Record<string, unknown>;
  args: unknown[];
  kwargs: Record<string, unknown>;
  metadata: Record<string, unknown>;

  constructor(init: Partial<ConfigData> = {}) {
    this.globals = { ...(init.globals ?? {}) };
    this.args = [...(init.args ?? [])];
    this.kwargs = { ...(init.kwargs ?? {}) };
    this.metadata = { ...(init.metadata ?? {}) };
  }

  /** A Config, a `{ globals, args, kwargs, metadata }` object, or a plain object whose keys are the globals. */
  static from(value: unknown, where: string): Config {
    if (value instanceof Config) return value;
    if (!isPlainObject(value)) {
      throw new TypeError(`${where} produced ${describeType(value)}; expected a Config or an object`);
    }
    const keys = Object.keys(value);
    const hasGlobals = "globals" in value || "globals_dict" in value || "globalsDict" in value;
    if (keys.length > 0 && hasGlobals && keys.every((k) => CONFIG_KEYS.has(k))) {
      return new Config({
        globals: (value.globals ?? value.globals_dict ?? value.globalsDict) as Record<string, unknown>,
        args: (value.args as unknown[]) ?? [],
        kwargs: (value.kwargs as Record<string, unknown>) ?? {},
        metadata: (value.metadata as Record<string, unknown>) ?? {},
      });
    }
    return new Config({ globals: value });
  }

  /** A copy with more globals layered on top. */
  with(globals: Record<string, unknown>): Config {
    return new Config({ ...this, globals: { ...this.globals, ...globals } });
  }
}

/** A finite or lazy sequence of configs, as `configGen()` produces; iterating it marks it exhausted. */
export class ConfigGenerator implements Iterable<Config> {
  count = 0;
  exhausted = false;
  private readonly iterator: Iterator<unknown>;

  constructor(source: Iterable<unknown>) {
    this.iterator = source[Symbol.iterator]();
  }

  [Symbol.iterator](): Iterator<Config> {
    return {
      next: () => {
        const step = this.iterator.next();
        if (step.done) {
          this.exhausted = true;
          return { done: true, value: undefined };
        }
        this.count++;
        return { done: false, value: Config.from(step.value, `config generator item ${this.count}`) };
      },
    };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "function")
    return /^class\b/.test(Function.prototype.toString.call(value)) ? "a class" : "a function";
  if (typeof value === "object") return `a ${value.constructor?.name ?? "object"}`;
  return `a ${typeof value}`;
}
