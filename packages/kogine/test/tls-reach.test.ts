import assert from "node:assert/strict";
import { test } from "node:test";
import { API_SPECIFIERS } from "../src/node-shim/inject-transform.js";
import { parseModule } from "../src/node-shim/js-syntax.js";
import { mayReachTls } from "../src/node-shim/tls-reach.js";

const judge = (source: string) => mayReachTls(parseModule(source), API_SPECIFIERS);

test("a script that imports only TLS-free builtins, kogine and its own files is judged unable to use TLS", () => {
  const source = [
    'import fs from "node:fs";',
    'import { join } from "path";',
    'import { setTimeout as sleep } from "node:timers/promises";',
    'import { spawnSync } from "node:child_process";',
    'import { entrypoint } from "kogine";',
    'import { helper } from "./lib/helper.mjs";',
    'export * from "../shared.mjs";',
    "export const lr = 1e-3;",
    "const table = { fetched: 1 };",
    "export const main = entrypoint(async () => {",
    "  await sleep(1);",
    '  return [fs.existsSync(join("a", "b")), helper(lr), table["fetched"], process.env.HOME, spawnSync("true").status];',
    "});",
  ].join("\n");
  assert.equal(judge(source), false);
});

test("every way into TLS, a module loader or the global object makes a script judged able to use TLS", () => {
  const reaching = [
    "export const main = () => fetch('https://example.org');",
    "export const main = () => globalThis.fetch;",
    "export const main = () => global['fe' + 'tch'];",
    "const name = 'fetch'; export const main = (o) => o[name];",
    "export const main = (o) => o[`fetch`];",
    'import https from "node:https";',
    'import tls from "tls";',
    'import { connect } from "node:http2";',
    'export * from "node:http2";',
    'import { Worker } from "node:worker_threads";',
    'import { createRequire } from "node:module";',
    'import vm from "node:vm";',
    'import inspector from "node:inspector";',
    'import axios from "axios";',
    'import data from "data:text/javascript,export default 1";',
    "export const main = () => import('node:tls');",
    "export const main = (m) => import(m);",
    "export const main = () => eval('1');",
    "export const main = () => new Function('return this')();",
    "export const main = () => (() => {}).constructor;",
    "export const main = () => process.getBuiltinModule('tls');",
    "export const main = () => process.binding('crypto');",
    "export const main = () => new WebSocket('wss://example.org');",
  ];
  for (const source of reaching) assert.equal(judge(source), true, source);
});
