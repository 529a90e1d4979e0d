// Bundles the pycompile CLI, with the compiler package and commander, into one module next to the
// one tsc builds (dist/src/cli.bundle.js). Loading one module instead of some sixty saves about
// 50 ms of every `pycompile` start, a tenth of a build's time budget; bin/pycompile.js uses the
// bundle only while it is newer than the last tsc build of both packages. esbuild is the bundler:
// well kept, and it installs from the npm registry alone (its binary ships in a registry package).

import { build } from "esbuild";

const distSrc = new URL("../src/", import.meta.url);
await build({
  entryPoints: [new URL("cli.js", distSrc).pathname],
  outfile: new URL("cli.bundle.js", distSrc).pathname,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // The Unicode names are read from the package's files when a program first needs them.
  external: ["@unicode/*"],
  // commander is CommonJS; in an ES module bundle its require() of Node's modules needs this.
  banner: {
    js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);",
  },
});
