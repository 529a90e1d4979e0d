#!/usr/bin/env node
// The CLI as one bundled module while the bundle is fresh (src/bundled-module.ts), else as tsc built it.
// bin/kogine started node without NODE_EXTRA_CA_CERTS (see there): every process kogine starts gets it back.
if (process.env.KOGINE_NODE_EXTRA_CA_CERTS !== undefined) {
  process.env.NODE_EXTRA_CA_CERTS = process.env.KOGINE_NODE_EXTRA_CA_CERTS;
  delete process.env.KOGINE_NODE_EXTRA_CA_CERTS;
}
const { freshestBuild } = await import("../dist/src/bundled-module.js");
const cli = freshestBuild(
  new URL("../dist/src/cli.js", import.meta.url),
  new URL("../dist/src/cli.bundle.js", import.meta.url),
);
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
