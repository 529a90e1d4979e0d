#!/usr/bin/env node
// The CLI as one bundled module (scripts/bundle.ts) while the bundle is newer than the package's last tsc
// build, else as tsc built it: the same code, loaded faster.
import { statSync } from "node:fs";

const modifiedAt = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const fresh = modifiedAt("../dist/src/cli.bundle.js") >= modifiedAt("../dist/tsconfig.tsbuildinfo");
const { main } = await import(fresh ? "../dist/src/cli.bundle.js" : "../dist/src/cli.js");
process.exitCode = await main(process.argv.slice(2));
