/** Turns what a config module or data file defines into a list of configs, with the same rules as the
 * Python original's loader: a generator (`configGen`/`config_gen`), a single `config`/`CONFIG`, or a bare
 * namespace whose values are the config, expanded by a `sweep`/`_sweep` table (grid, or `__mode__: "zip"`). */
import { Config, ConfigGenerator, describeType, isPlainObject } from "./config.js";
import { KogineError } from "./errors.js";

export interface ConfigContext {
  prev?: unknown;
  results?: unknown[];
  workerId?: number;
}

const SPECIAL_NAMES = new Set(["sweep", "_sweep", "_args", "_kwargs", "_metadata", "default", "__esModule"]);

export function configsFromNamespace(ns: Record<string, unknown>, where: string, context: ConfigContext): Config[] {
  const contextArg = { ...context, worker_id: context.workerId ?? 0, workerId: context.workerId ?? 0 };
  const generator = ns.configGen ?? ns.config_gen;
  if (generator !== undefined) {
    if (typeof generator !== "function") throw new KogineError(`${where}: configGen must be a function`);
    return configsFromProduced(generator(contextArg), `${where}: configGen()`);
  }
  const single = ns.config ?? ns.CONFIG;
  if (single !== undefined) {
    const value = typeof single === "function" && !(single.prototype instanceof Config) ? single(contextArg) : single;
    return [toConfig(value, `${where}: config`)];
  }
  const bare = isPlainObject(ns.default) && Object.keys(ns).every((k) => k === "default") ? ns.default : ns;
  const base = Object.fromEntries(Object.entries(bare).filter(([k]) => !SPECIAL_NAMES.has(k) && !k.startsWith("_")));
  const sweep = bare.sweep ?? bare._sweep;
  const points = sweep === undefined ? [base] : expandSweep(base, sweep, where);
  return points.map(
    (globals) =>
      new Config({
        globals,
        args: (bare._args as unknown[]) ?? [],
        kwargs: (bare._kwargs as Record<string, unknown>) ?? {},
        metadata: (bare._metadata as Record<string, unknown>) ?? {},
      }),
  );
}

function configsFromProduced(produced: unknown, where: string): Config[] {
  if (produced instanceof Config || isPlainObject(produced)) return [toConfig(produced, where)];
  if (produced !== null && typeof produced === "object" && Symbol.iterator in produced) {
    return [...new ConfigGenerator(produced as Iterable<unknown>)];
  }
  throw new KogineError(`${where} returned ${describeType(produced)}; expected a config or an iterable of configs`);
}

function toConfig(value: unknown, where: string): Config {
  try {
    return Config.from(value, where);
  } catch (error) {
    throw new KogineError((error as Error).message);
  }
}

/** The points of a sweep table: the cartesian product of its lists, or their pairing in zip mode. */
export function expandSweep(
  base: Record<string, unknown>,
  sweep: unknown,
  where: string,
): Array<Record<string, unknown>> {
  if (!isPlainObject(sweep)) throw new KogineError(`${where}: sweep must be an object of lists`);
  const { __mode__: mode = "grid", ...table } = sweep;
  const keys = Object.keys(table);
  for (const key of keys) {
    if (!Array.isArray(table[key])) {
      throw new KogineError(`${where}: sweep.${key} must be a list, got ${describeType(table[key])}`);
    }
  }
  const lists = keys.map((k) => table[k] as unknown[]);
  if (mode === "zip") {
    const lengths = new Set(lists.map((l) => l.length));
    if (lengths.size > 1) {
      const detail = keys.map((k, i) => `${k}: ${lists[i].length}`).join(", ");
      throw new KogineError(`${where}: a zip-mode sweep needs lists of equal length (${detail})`);
    }
    const length = lists[0]?.length ?? 0;
    return Array.from({ length }, (_, i) => ({ ...base, ...Object.fromEntries(keys.map((k, j) => [k, lists[j][i]])) }));
  }
  if (mode !== "grid") throw new KogineError(`${where}: sweep __mode__ must be "grid" or "zip", got ${String(mode)}`);
  return cartesian(lists).map((point) => ({ ...base, ...Object.fromEntries(keys.map((k, j) => [k, point[j]])) }));
}

export function cartesian<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((v) => [...prefix, v])), [[]]);
}
