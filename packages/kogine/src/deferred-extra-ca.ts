/** NODE_EXTRA_CA_CERTS, handed to a kogine process under another name so that Node's start-up does not
 * parse the certificates (Node 20 does at every start-up where the variable is set; see
 * node-shim/extra-ca-certs.cts). The `kogine` command and the spare Node of a JS task start that way; each
 * puts the variable back at once, for the processes it starts, and trusts the certificates for its own TLS
 * when it needs them. */

import { createRequire } from "node:module";

/** The name the variable travels under. */
export const DEFERRED_EXTRA_CA_CERTS = "KOGINE_EXTRA_CA_CERTS";
/** "0" tells a spare Node not to trust the certificates before its task asks (see spare-node.ts). */
export const TRUST_TLS_AHEAD = "KOGINE_TRUST_TLS_AHEAD";

let deferred: string | null = null;

/** Puts NODE_EXTRA_CA_CERTS back from the name it travelled under. */
export function restoreExtraCaCertsVariable(): void {
  const file = process.env[DEFERRED_EXTRA_CA_CERTS];
  delete process.env[DEFERRED_EXTRA_CA_CERTS];
  if (!file) return;
  process.env.NODE_EXTRA_CA_CERTS = file;
  deferred = file;
}

/** Gives this process's TLS the certificates Node did not load at start-up (none if it did). The module is
 * required, not imported: importing CommonJS from an ES module first scans it for its exports (some 5 ms,
 * on every JS task's way). */
export function trustDeferredExtraCaCerts(): void {
  if (!deferred) return;
  const load = createRequire(import.meta.url);
  const { trustExtraCaCerts } = load(
    "./node-shim/extra-ca-certs.cjs",
  ) as typeof import("./node-shim/extra-ca-certs.cjs");
  trustExtraCaCerts(deferred);
}

/** The environment to start a Node process with so that it restores the variable itself. */
export function deferringExtraCaCerts(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const file = env.NODE_EXTRA_CA_CERTS;
  return file ? { ...env, NODE_EXTRA_CA_CERTS: undefined, [DEFERRED_EXTRA_CA_CERTS]: file } : env;
}
