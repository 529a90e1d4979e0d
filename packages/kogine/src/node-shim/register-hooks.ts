/** Installs the module hooks once per process: in a task process with the script to rewrite, in the CLI
 * process with none (it only needs TypeScript configs to load). */
import { register } from "node:module";
import type { HookData } from "./loader-hooks.js";

let registered = false;

export function registerKogineHooks(script: Omit<HookData, "apiUrl"> | null = null): void {
  if (registered) return;
  registered = true;
  const data: HookData = {
    scriptUrl: script?.scriptUrl ?? null,
    extraExports: script?.extraExports ?? [],
    apiUrl: new URL("./script-api.js", import.meta.url).href,
  };
  register(new URL("./loader-hooks.js", import.meta.url), { data });
}
