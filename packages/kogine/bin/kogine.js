#!/usr/bin/env node
// The CLI as one bundled module while the bundle is fresh (src/bundled-module.ts), else as tsc built it.
import { freshestBuild } from "../dist/src/bundled-module.js";

const cli = freshestBuild(
  new URL("../dist/src/cli.js", import.meta.url),
  new URL("../dist/src/cli.bundle.js", import.meta.url),
);
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
