import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { kogine, latestRun, resultOf, scratch } from "./helpers.js";

/** A CA of the test's own and a certificate for 127.0.0.1 signed by it (openssl, as a user would make them). */
function makeCertificates(dir: string): { ca: string; key: string; cert: string } {
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl("req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=kogine test CA");
  openssl("req", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
  writeFileSync(join(dir, "san.txt"), "subjectAltName=IP:127.0.0.1\n");
  openssl(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-out",
    "server.pem",
    "-days",
    "1",
    "-extfile",
    "san.txt",
  );
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  return { ca: join(dir, "ca.pem"), key: read("server.key"), cert: read("server.pem") };
}

/** A loopback HTTPS server answering "hello over TLS", its certificate signed by a CA made in `dir`. */
async function helloServer(dir: string): Promise<{ ca: string; url: string; close(): void }> {
  const { ca, key, cert } = makeCertificates(dir);
  const server = createServer({ key, cert }, (_request, response) => response.end("hello over TLS"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { ca, url, close: () => server.close() };
}

const SCRIPT = [
  "import { execFileSync } from 'node:child_process';",
  "import https from 'node:https';",
  "import { Worker } from 'node:worker_threads';",
  "export const url = '';",
  "const get = (u) => new Promise((resolve, reject) =>",
  "  https.get(u, (r) => { let d = ''; r.on('data', (c) => (d += c)); r.on('end', () => resolve(d)); }).on('error', reject));",
  "const WORKER = `const https = require('https'); const { parentPort, workerData } = require('worker_threads');",
  "  https.get(workerData, (r) => { let d = ''; r.on('data', (c) => (d += c)); r.on('end', () => parentPort.postMessage(d)); })",
  "    .on('error', (e) => parentPort.postMessage('error: ' + e.message));`;",
  "export async function main() {",
  "  const viaFetch = await (await fetch(url)).text();",
  "  const viaHttps = await get(url);",
  "  const inWorker = await new Promise((resolve, reject) => {",
  "    const worker = new Worker(WORKER, { eval: true, workerData: url, env: { ONLY: 'this' } });",
  "    worker.on('message', resolve);",
  "    worker.on('error', reject);",
  "  });",
  "  const child = execFileSync(process.execPath, ['--input-type=module', '-e',",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a script under test
  "    `const r = await fetch(${JSON.stringify(url)}); process.stdout.write(await r.text());`]).toString();",
  "  return { viaFetch, viaHttps, inWorker, child, variable: process.env.NODE_EXTRA_CA_CERTS ?? null };",
  "}",
].join("\n");

test("JS tasks trust NODE_EXTRA_CA_CERTS through fetch, https, worker threads and child processes; without it they do not", async () => {
  const dir = scratch({ "client.mjs": SCRIPT });
  const { ca, url, close } = await helloServer(dir);
  try {
    const trusted = await kogine(["run", "client.mjs", "--set", `url=${url}`], dir, {
      env: { NODE_EXTRA_CA_CERTS: ca },
      command: true,
    });
    assert.equal(trusted.code, 0, trusted.stderr);
    const run = await latestRun(dir);
    assert.deepEqual(resultOf(dir, run.id, 0), {
      viaFetch: "hello over TLS",
      viaHttps: "hello over TLS",
      inWorker: "hello over TLS",
      child: "hello over TLS",
      variable: ca,
    });

    const untrusted = await kogine(["run", "client.mjs", "--set", `url=${url}`], dir, {
      env: { NODE_EXTRA_CA_CERTS: "" },
    });
    assert.equal(untrusted.code, 1);
    const failed = await latestRun(dir);
    assert.match(failed.tasks[0].failure?.message ?? "", /fetch failed/);
  } finally {
    close();
  }
});

test("a task whose script cannot use TLS skips the TLS set-up; a task after it in the slot that can, through a module it imports, still trusts NODE_EXTRA_CA_CERTS", async () => {
  const dir = scratch({
    "plain.mjs": [
      'import { readFileSync } from "node:fs";',
      "export const seed = 0;",
      "export function main() {",
      '  return { seed, tlsLoaded: process.moduleLoadList.includes("NativeModule tls"), host: readFileSync("/etc/hostname", "utf8").length > 0 };',
      "}",
    ].join("\n"),
    "lib/get.mjs": "export async function get(url) { return (await fetch(url)).text(); }\n",
    "client.mjs": [
      'import { get } from "./lib/get.mjs";',
      "export const url = '';",
      "export async function main() { return get(url); }",
    ].join("\n"),
  });
  const { ca, url, close } = await helloServer(dir);
  try {
    // One slot: the spare that runs client.mjs was started expecting a task like plain.mjs, without TLS.
    const args = ["workflow", "parallel", "plain.mjs", "plain.mjs", "client.mjs", "--set", `url=${url}`, "-w", "1"];
    const result = await kogine([...args, "--lenient"], dir, { env: { NODE_EXTRA_CA_CERTS: ca }, command: true });
    assert.equal(result.code, 0, result.stderr);
    const run = await latestRun(dir);
    for (const index of [0, 1]) {
      assert.deepEqual(resultOf(dir, run.id, index), { seed: 0, tlsLoaded: false, host: true });
    }
    assert.equal(resultOf(dir, run.id, 2), "hello over TLS");
  } finally {
    close();
  }
});
