// The compiler package knows no source language (docs/DESIGN.md): nothing under src/ or test/ may
// import a front end or another tool, by package name or by a relative path out of the package, and
// the core C runtime (runtime/) holds no language's exception names or traceback text: those belong
// to a language's runtime library.

import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

/** packages/compiler, found from dist/test (where this runs) or test/. */
const PACKAGE_DIR = resolve(fileURLToPath(new URL("../..", import.meta.url)));

function filesUnder(directory: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(directory).sort()) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, extensions));
    else if (extensions.some((extension) => entry.endsWith(extension))) out.push(path);
  }
  return out;
}

interface Reference {
  readonly specifier: string;
  /** new URL(specifier, import.meta.url): resolved where the file runs, in dist/. */
  readonly fromDist: boolean;
}

/** What a file refers to: imports, re-exports, dynamic imports, require() and new URL(…, import.meta.url). */
function references(source: string): Reference[] {
  const imports = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire(?:\.resolve)?\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const found = imports.flatMap((pattern) =>
    [...source.matchAll(pattern)].map((match) => ({ specifier: match[1]!, fromDist: false })),
  );
  for (const match of source.matchAll(/\bnew URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)) {
    found.push({ specifier: match[1]!, fromDist: true });
  }
  return found;
}

const OTHER_PACKAGES = /^@toolchain\/(?!compiler(?:\/|$))|^(?:python|luma|kogine|loopai)(?:\/|$)/;

/** The references of `source`, a file at `file` (under src/ or test/), that leave the package. */
function outsideReferences(file: string, source: string): string[] {
  return references(source)
    .filter(({ specifier, fromDist }) => {
      if (OTHER_PACKAGES.test(specifier)) return true;
      if (!specifier.startsWith(".")) return false;
      // A URL is resolved against the built file, dist/test/x.js, two levels deeper than test/x.ts.
      const base = fromDist ? join(PACKAGE_DIR, "dist", relative(PACKAGE_DIR, file)) : file;
      const target = resolve(base, "..", specifier);
      return target !== PACKAGE_DIR && !target.startsWith(PACKAGE_DIR + sep);
    })
    .map(({ specifier }) => specifier);
}

describe("the compiler package's boundary", () => {
  it("imports no front end or other tool from src/ or test/, by name or by a path out of the package", () => {
    // This file's probe below holds such references in strings on purpose.
    const files = ["src", "test"]
      .flatMap((dir) => filesUnder(join(PACKAGE_DIR, dir), [".ts"]))
      .filter((file) => !file.endsWith(`${sep}package-boundary.test.ts`));
    assert.ok(files.length > 20, `found only ${files.length} files under ${PACKAGE_DIR}`);
    const offenders = files.flatMap((file) =>
      outsideReferences(file, readFileSync(file, "utf8")).map(
        (specifier) => `${relative(PACKAGE_DIR, file)}: ${specifier}`,
      ),
    );
    assert.deepEqual(offenders, []);
  });

  it("finds such references (the check itself)", () => {
    const probe = [
      'import { parseModule } from "@toolchain/python";',
      'export * from "@toolchain/luma/dist/src/index.js";',
      'const m = await import("../../python/src/cli.js");',
      'import "../../kogine/src/shim.js";',
      'const shim = new URL("../../../loopai/x.json", import.meta.url);',
      'import { x } from "../src/ir/ir.js";',
      'import { y } from "@toolchain/compiler";',
      'const here = new URL("../../test/runtime-test-language/", import.meta.url);',
    ].join("\n");
    assert.deepEqual(outsideReferences(join(PACKAGE_DIR, "test", "probe.test.ts"), probe).sort(), [
      "../../../loopai/x.json",
      "../../kogine/src/shim.js",
      "../../python/src/cli.js",
      "@toolchain/luma/dist/src/index.js",
      "@toolchain/python",
    ]);
  });

  it("keeps exception names and traceback text out of the core C runtime", () => {
    const files = filesUnder(join(PACKAGE_DIR, "runtime"), [".c", ".h"]);
    assert.ok(files.length > 0);
    const language = /\b[A-Z][A-Za-z]*(?:Error|Exception)\b|Traceback|most recent call last|\bFile "/g;
    const offenders = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) =>
          [...line.matchAll(language)].map((m) => `${relative(PACKAGE_DIR, file)}:${index + 1}: ${m[0]}`),
        ),
    );
    assert.deepEqual(offenders, []);
  });
});
