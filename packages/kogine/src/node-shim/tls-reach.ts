/** Whether a module's code may make a TLS connection, judged from its syntax tree, so that a JS task's
 * process can skip the TLS set-up NODE_EXTRA_CA_CERTS needs (node-shim/extra-ca-certs.cts; some 10 ms of
 * CPU per task, a sixth of what a short task costs) when its script cannot use it.
 *
 * The judgement errs one way only: "may" whenever in doubt. A module may reach TLS when it imports a
 * builtin outside the list below or anything by a computed or `data:` specifier, loads code by `import()`,
 * or names anything through which code reaches `fetch`, TLS modules, `require` or the global object
 * (`fetch`, `globalThis`, `eval`, `Function`, `constructor`, `process.getBuiltinModule`, ...), whether as a
 * variable, a property or a string. Modules the script imports by path are judged the same way by the
 * caller; a package import keeps the set-up (script-cache.ts never prepares such scripts). */
import { isBuiltin } from "node:module";
import { type AnyNode, walk } from "./js-syntax.js";

/** Builtins through which no TLS connection can be made. Child processes are fine: they get
 * NODE_EXTRA_CA_CERTS itself. */
const TLS_FREE_BUILTINS = new Set([
  "assert",
  "assert/strict",
  "async_hooks",
  "buffer",
  "child_process",
  "console",
  "constants",
  "crypto",
  "dgram",
  "diagnostics_channel",
  "dns",
  "dns/promises",
  "events",
  "fs",
  "fs/promises",
  "http",
  "net",
  "os",
  "path",
  "path/posix",
  "path/win32",
  "perf_hooks",
  "process",
  "querystring",
  "readline",
  "readline/promises",
  "stream",
  "stream/consumers",
  "stream/promises",
  "stream/web",
  "string_decoder",
  "timers",
  "timers/promises",
  "tty",
  "url",
  "util",
  "util/types",
  "zlib",
]);

/** Names through which code reaches TLS, a module loader, or the global object (and so `fetch`). */
const TLS_REACHING_NAMES = new Set([
  "fetch",
  "WebSocket",
  "EventSource",
  "Worker",
  "globalThis",
  "global",
  "self",
  "window",
  "eval",
  "Function",
  "constructor",
  "require",
  "module",
  "getBuiltinModule",
  "binding",
  "_linkedBinding",
  "dlopen",
  "mainModule",
]);

/** `ownSpecifiers` name kogine's script API, which a script may import. */
export function mayReachTls(program: AnyNode, ownSpecifiers: ReadonlySet<string>): boolean {
  let reaches = false;
  walk(program, (node) => {
    if (reaches) return;
    if (node.type === "ImportExpression") reaches = true;
    else if (node.type === "Identifier") reaches = TLS_REACHING_NAMES.has(node.name as string);
    else if (node.type === "Literal" && typeof node.value === "string") {
      reaches = TLS_REACHING_NAMES.has(node.value);
    } else if (node.type === "TemplateElement") {
      reaches = TLS_REACHING_NAMES.has((node.value as { cooked: string | null }).cooked ?? "");
    } else if (isModuleLink(node)) {
      const source = node.source as AnyNode;
      reaches = typeof source.value !== "string" || !isTlsFreeSpecifier(source.value, ownSpecifiers);
    }
  });
  return reaches;
}

function isModuleLink(node: AnyNode): boolean {
  return (
    node.type === "ImportDeclaration" ||
    node.type === "ExportAllDeclaration" ||
    (node.type === "ExportNamedDeclaration" && !!node.source)
  );
}

/** Files imported by path are judged by the caller, module by module. */
function isTlsFreeSpecifier(specifier: string, ownSpecifiers: ReadonlySet<string>): boolean {
  if (ownSpecifiers.has(specifier) || /^(\.{0,2}\/|file:)/.test(specifier)) return true;
  if (!isBuiltin(specifier)) return false;
  return TLS_FREE_BUILTINS.has(specifier.replace(/^node:/, ""));
}
