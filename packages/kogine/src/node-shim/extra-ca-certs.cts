/** NODE_EXTRA_CA_CERTS for a JS task whose process started without it.
 *
 * Node 20 reads the variable at start-up and parses the file and its own root certificates then, whether
 * the process makes a TLS connection or not: some 35 ms of CPU for Debian's bundle (OpenSSL 3 parses
 * slowly; nodejs/node#40524), more than the rest of a short task costs. So a task's spare Node starts
 * without it, and while it waits for its task this module gives TLS in it what the variable would have:
 * a context made without a `ca` of its own also trusts the extra certificates, read on first use.
 * Connections that shape no context of their own share one context, as they would share Node's root
 * store, so the certificates are parsed once, not per connection. Worker threads the task starts load
 * this module first, and child processes get the variable itself. */
import fs = require("node:fs");
import nodeModule = require("node:module");
import tls = require("node:tls");
import workerThreads = require("node:worker_threads");

/** The options by which a TLS connection shapes its own context (Node's configSecureContext reads these). */
const CONTEXT_OPTIONS = [
  "ca",
  "cert",
  "key",
  "pfx",
  "passphrase",
  "ciphers",
  "ecdhCurve",
  "dhparam",
  "honorCipherOrder",
  "secureOptions",
  "secureProtocol",
  "minVersion",
  "maxVersion",
  "sessionIdContext",
  "sessionTimeout",
  "ticketKeys",
  "sigalgs",
  "crl",
  "clientCertEngine",
  "privateKeyEngine",
  "privateKeyIdentifier",
];

/** What the file's name travels under into a worker thread (as into a spare: deferred-extra-ca.ts). */
const WORKER_VARIABLE = "KOGINE_EXTRA_CA_CERTS";

/** Node's native context behind a SecureContext: addCACert adds certificates to its trust store. */
interface NativeContext {
  context: { addCACert(pem: string): void };
}

let installed = false;

export function trustExtraCaCerts(file: string): void {
  if (installed) return;
  installed = true;
  // The file's text, read on first use; null when it could not be loaded, which Node reports and ignores.
  let certificates: string | null | undefined;
  const ignore = (error: unknown) => {
    process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${(error as Error).message}`);
    certificates = null;
  };

  const createSecureContext = tls.createSecureContext;
  tls.createSecureContext = function withExtraCertificates(options?: tls.SecureContextOptions) {
    const context = createSecureContext.call(tls, options);
    if (options?.ca) return context;
    try {
      if (certificates === undefined) certificates = fs.readFileSync(file, "utf8");
      if (certificates) (context as unknown as NativeContext).context.addCACert(certificates);
    } catch (error) {
      ignore(error);
    }
    return context;
  };

  let shared: tls.SecureContext | undefined;
  const connect = tls.connect as (...args: unknown[]) => tls.TLSSocket;
  (tls as { connect: unknown }).connect = function connectSharingContext(...args: unknown[]) {
    const at = args.findIndex((arg) => typeof arg === "object" && arg !== null);
    const options = (at === -1 ? {} : args[at]) as Record<string, unknown>;
    if (options.secureContext === undefined && !CONTEXT_OPTIONS.some((name) => options[name] !== undefined)) {
      shared ??= tls.createSecureContext();
      const withContext = { ...options, secureContext: shared };
      if (at !== -1) args[at] = withContext;
      else if (typeof args[args.length - 1] === "function") args.splice(args.length - 1, 0, withContext);
      else args.push(withContext);
    }
    return connect.apply(tls, args);
  };

  // A worker's environment is the task's unless the task gives it another: the file's name goes along
  // under a name of kogine's, which the worker drops before the task's code runs there.
  const NodeWorker = workerThreads.Worker;
  workerThreads.Worker = class Worker extends NodeWorker {
    constructor(filename: string | URL, options: workerThreads.WorkerOptions = {}) {
      const execArgv = [...(options.execArgv ?? process.execArgv), "--require", __filename];
      const own =
        options.env === workerThreads.SHARE_ENV
          ? null
          : ((options.env as NodeJS.ProcessEnv | undefined) ?? process.env);
      const env = own ? { ...own, [WORKER_VARIABLE]: file } : workerThreads.SHARE_ENV;
      super(filename, { ...options, execArgv, env });
    }
  };
  // ES modules see builtins' exports as they were; this shows them the patched ones.
  nodeModule.syncBuiltinESMExports();
}

// Loaded with --require in a worker thread of a task (see above): the task's own threads get the same.
if (!workerThreads.isMainThread) {
  const file = process.env[WORKER_VARIABLE] ?? process.env.NODE_EXTRA_CA_CERTS;
  delete process.env[WORKER_VARIABLE];
  if (file) trustExtraCaCerts(file);
}
