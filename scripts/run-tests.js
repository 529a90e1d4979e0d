// Runs every compiled test, packages/*/dist/test/**/*.test.js, with node's test runner.
// Node 20's `node --test` does not expand globs, so the files are listed here; compiled tests whose
// TypeScript source is gone (tsc -b never deletes its output) are left out.
// Arguments go to node's test runner, e.g. `node scripts/run-tests.js --test-name-pattern=ast`.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

function* testFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* testFiles(path);
    else if (entry.name.endsWith(".test.js")) yield path;
  }
}

const files = [];
for (const pkg of readdirSync(join(root, "packages")).sort()) {
  const packageDir = join(root, "packages", pkg);
  for (const compiled of testFiles(join(packageDir, "dist", "test"))) {
    const source = join(packageDir, relative(join(packageDir, "dist"), compiled)).replace(/\.js$/, ".ts");
    if (existsSync(source)) files.push(relative(root, compiled));
  }
}

if (files.length === 0) {
  console.error("run-tests: no compiled tests under packages/*/dist/test (run `npx tsc -b` first)");
  process.exit(1);
}

const result = spawnSync(process.execPath, ["--test", "--test-concurrency=2", ...process.argv.slice(2), ...files], {
  cwd: root,
  stdio: "inherit",
});
process.exitCode = result.status ?? 1;
