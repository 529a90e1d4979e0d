#!/usr/bin/env node
// The CLI as one bundled module (scripts/bundle-cli.ts) while the bundle is newer than the last tsc
// build of this package and of the compiler, else as tsc built it: the same code, loaded faster.
import { statSync } from "node:fs";

const modifiedAt = (path) => {
  try {
    return statSync(new URL(path, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
};
const bundled = modifiedAt("../dist/src/cli.bundle.js");
const fresh =
  bundled >= modifiedAt("../dist/tsconfig.tsbuildinfo") &&
  bundled >= modifiedAt("../../compiler/dist/tsconfig.tsbuildinfo");
const { main } = await import(fresh ? "../dist/src/cli.bundle.js" : "../dist/src/cli.js");
process.exitCode = await main(process.argv.slice(2));
