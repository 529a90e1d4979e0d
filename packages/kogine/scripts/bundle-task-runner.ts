// Bundles the JS/TS task runner (dist/src/node-shim/task-runner.js and the dozen modules it imports) into
// one module beside it, task-runner.bundle.js. Every JS task is a fresh Node process that loads the runner,
// and loading one module instead of fourteen saves about 12 ms of CPU per task: on a sweep of short tasks
// that is a fifth of what each task costs. task-processes.ts starts the bundle while it is newer than the
// package's last tsc build, else the tsc-built runner. esbuild is the bundler: well kept, and it installs
// from the npm registry alone (its binary ships in a registry package).
//
// config.js stays a module of its own: a JS/TS config imports `Config` from "kogine" (the script API, which
// is not bundled), and the runner must see the same class to recognise it.

import { relative } from "node:path";
import { build, type Plugin } from "esbuild";

const nodeShim = new URL("../src/node-shim/", import.meta.url).pathname;
const sharedModules = [new URL("../src/config.js", import.meta.url).pathname];

const keepSharedModulesApart: Plugin = {
  name: "keep-shared-modules-apart",
  setup(builder) {
    builder.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = new URL(args.path, `file://${args.resolveDir}/`).pathname;
      if (!sharedModules.includes(target)) return undefined;
      // The bundle sits beside task-runner.js, so the import is written relative to that folder.
      return { path: relative(nodeShim, target), external: true };
    });
  },
};

await build({
  entryPoints: [`${nodeShim}task-runner.js`],
  outfile: `${nodeShim}task-runner.bundle.js`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // Loaded by the module hooks (loader-hooks.js), on demand, for TypeScript only.
  external: ["esbuild"],
  plugins: [keepSharedModulesApart],
});
