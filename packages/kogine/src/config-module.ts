/** Loads a JS/TS config module. Each load imports a fresh instance, so a pipeline step's config sees the
 * `prev` it is given rather than a cached evaluation. */
import { pathToFileURL } from "node:url";
import type { Config } from "./config.js";
import { type ConfigContext, configsFromNamespace } from "./config-namespace.js";
import { registerKogineHooks } from "./node-shim/register-hooks.js";

let loads = 0;

export async function loadConfigModule(path: string, context: ConfigContext): Promise<Config[]> {
  if (/\.(ts|mts|tsx)$/.test(path)) registerKogineHooks();
  const url = `${pathToFileURL(path).href}?kogine-load=${loads++}`;
  const ns = (await import(url)) as Record<string, unknown>;
  return configsFromNamespace({ ...ns }, path, context);
}
