#!/usr/bin/env node
// The CLI as one bundled module while the bundle is fresh (src/bundled-module.ts), else as tsc built it.
// `kogine run SCRIPT.py` starts its Python zygote at once, while the CLI loads (see startEarlyZygote).
import { freshestBuild } from "../dist/src/bundled-module.js";

const cli = freshestBuild(
  new URL("../dist/src/cli.js", import.meta.url),
  new URL("../dist/src/cli.bundle.js", import.meta.url),
);
const argv = process.argv.slice(2);
const zygotes =
  argv[0] === "run" && /\.py(:\w+)?$/.test(argv[1] ?? "") ? await import("../dist/src/python-zygote.js") : null;
zygotes?.startEarlyZygote();
const { main } = await import(cli);
process.exitCode = await main(argv);
zygotes?.closeEarlyZygote();
