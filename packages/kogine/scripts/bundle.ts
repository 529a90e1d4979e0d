// Bundles the two programs of kogine that start often into one module each, beside the modules tsc built:
// - the CLI (dist/src/cli.bundle.js), started once per kogine command;
// - the JS/TS task runner (dist/src/node-shim/task-runner.bundle.js), started once per JS task, where
//   loading one module instead of fourteen saves about 12 ms of CPU: on a sweep of short tasks, a fifth of
//   what each task costs.
// bin/kogine.js and spare-node.ts use a bundle while it is newer than the package's last tsc build, else
// the modules tsc built (src/bundled-module.ts). esbuild is the bundler: well kept, and it installs from the npm registry alone
// (its binary ships in a registry package).
//
// Some modules stay modules of their own, imported by the bundles where tsc put them:
// - config.js and errors.js, whose classes must be the ones the rest sees: a JS/TS config imports `Config`
//   from "kogine" (the script API, not bundled), and the BullMQ modules throw KogineError; and
//   deferred-extra-ca.js, whose state the BullMQ modules read;
// - node-shim/register-hooks.js, which finds the module hooks next to itself, and
//   node-shim/extra-ca-certs.cjs, which a task's worker threads load by its path;
// - the BullMQ launcher and worker, loaded only when asked for (bullmq takes some 170 ms to load).

import { dirname, relative } from "node:path";
import { build, type Plugin } from "esbuild";

const distSrc = new URL("../src/", import.meta.url).pathname;
const ownModules = [
  "config.js",
  "errors.js",
  "deferred-extra-ca.js",
  "node-shim/register-hooks.js",
  "node-shim/extra-ca-certs.cjs",
  "bullmq-launcher.js",
  "bullmq-worker.js",
].map((name) => `${distSrc}${name}`);

/** Leaves `ownModules` out of a bundle written to `outfile`, importing them from where they are. */
function keepOwnModules(outfile: string): Plugin {
  return {
    name: "keep-own-modules",
    setup(builder) {
      builder.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = new URL(args.path, `file://${args.resolveDir}/`).pathname;
        if (!ownModules.includes(target)) return undefined;
        const path = relative(dirname(outfile), target);
        return { path: path.startsWith(".") ? path : `./${path}`, external: true };
      });
    },
  };
}

async function bundle(entry: string, outfile: string, banner?: string): Promise<void> {
  await build({
    entryPoints: [`${distSrc}${entry}`],
    outfile: `${distSrc}${outfile}`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    external: ["esbuild", "bullmq", "ioredis"],
    plugins: [keepOwnModules(`${distSrc}${outfile}`)],
    banner: banner ? { js: banner } : undefined,
  });
}

// commander is CommonJS; in an ES module bundle its require() of Node's modules needs this.
const requireInEsm =
  "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);";
await bundle("cli.js", "cli.bundle.js", requireInEsm);
await bundle("node-shim/task-runner.js", "node-shim/task-runner.bundle.js");
