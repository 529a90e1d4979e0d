// Bundles the two programs of kogine that start often into one module each, beside the modules tsc built:
// - the CLI (dist/src/cli.bundle.js), started once per kogine command;
// - the JS/TS task runner (dist/src/node-shim/task-runner.bundle.js), started once per JS task, where
//   loading one module instead of fourteen saves about 12 ms of CPU: on a sweep of short tasks, a fifth of
//   what each task costs.
// bin/kogine.js and spare-node.ts use a bundle while it is newer than the package's last tsc build, else
// the modules tsc built (src/bundled-module.ts). esbuild is the bundler: well kept, and it installs from the npm registry alone
// (its binary ships in a registry package).
//
// acorn is not in them: src/node-shim/js-syntax.ts requires it at its first parse.
//
// Some modules stay modules of their own, imported by the bundles where tsc put them:
// - config.js and errors.js, whose classes must be the ones the rest sees: a JS/TS config imports `Config`
//   from "kogine" (the script API, not bundled), and the BullMQ modules throw KogineError;
// - node-shim/register-hooks.js, which finds the module hooks next to itself;
// - the BullMQ launcher and worker, loaded only when asked for (bullmq takes some 170 ms to load), and the
//   run browser's server (`kogine ui`, with Fastify).

import { dirname, relative } from "node:path";
import { build, type Plugin } from "esbuild";

const distSrc = new URL("../src/", import.meta.url).pathname;
const ownModules = [
  "config.js",
  "errors.js",
  "node-shim/register-hooks.js",
  "bullmq-launcher.js",
  "bullmq-worker.js",
  "run-browser-server.js",
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

/** Node's builtins as CommonJS requires rather than ES imports: an ES import of a builtin builds its ES
 * facade, which for node:fs loads the whole streams stack, some 4 ms of CPU in every JS task's process. */
const builtinsRequired: Plugin = {
  name: "builtins-required",
  setup(builder) {
    builder.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === "require-call" ? { path: args.path, external: true } : { path: args.path, namespace: "builtin" },
    );
    builder.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
    }));
  },
};

async function bundle(entry: string, outfile: string, options: { banner?: string; plugins?: Plugin[] } = {}) {
  await build({
    entryPoints: [`${distSrc}${entry}`],
    outfile: `${distSrc}${outfile}`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    // (yaml and smol-toml, loaded only for a config file of theirs, were tried outside the bundle: importing
    // the bundle took no less, 57-67 ms against 57-60 ms with them.)
    external: ["esbuild", "bullmq", "ioredis"],
    plugins: [keepOwnModules(`${distSrc}${outfile}`), ...(options.plugins ?? [])],
    banner: options.banner ? { js: options.banner } : undefined,
  });
}

// commander is CommonJS; in an ES module bundle its require() of Node's modules needs this, as do the task
// runner's builtins.
const requireInEsm =
  "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);";
await bundle("cli.js", "cli.bundle.js", { banner: requireInEsm });
await bundle("node-shim/task-runner.js", "node-shim/task-runner.bundle.js", {
  banner: requireInEsm,
  plugins: [builtinsRequired],
});
