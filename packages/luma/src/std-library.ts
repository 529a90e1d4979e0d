// The standard library's LumaScript files (packages/luma/std): where they are, the names a program
// knows them by, and the symbols their functions are compiled to once (std-library-build.ts).
//
// A program imports them as `import "std/math.ls";`: a path that starts with `std/` names the
// library, not a folder beside the importing file, and the library's files are known by those names
// (`std/math.ls`) wherever the program is, so a panic inside one says `at std/math.ls:37:17`.

import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FunctionInstance } from "./checker/typed-program.js";

export const LUMA_STD_DIR = fileURLToPath(new URL("../../std/", import.meta.url));

/** How an import, and the name of a library file, starts. */
export const STD_PREFIX = "std/";

/** Whether a file of a program is one of the library's. */
export function isStdFile(fileName: string): boolean {
  return fileName.startsWith(STD_PREFIX);
}

/** The library's name for a path on disk (`std/math.ls`), or null for a path outside the library. */
export function stdFileName(path: string): string | null {
  const inside = relative(LUMA_STD_DIR, resolve(path));
  if (inside.startsWith("..") || inside === "" || resolve(path) !== resolve(LUMA_STD_DIR, inside)) return null;
  return `${STD_PREFIX}${inside.replaceAll("\\", "/")}`;
}

/** The text of a library file by its name (`std/math.ls`); undefined when there is none. */
export function readStdFile(name: string): string | undefined {
  try {
    return readFileSync(resolve(LUMA_STD_DIR, name.slice(STD_PREFIX.length)), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The symbol a function of the library is compiled to once (`luma_std_math_gcd`), or null for one
 * compiled with each program: a generic function's instance (its types are the program's), a
 * method, and a `#[test]`.
 */
export function libraryExportName(instance: FunctionInstance): string | null {
  const file = instance.symbol.file.source.fileName;
  if (!isStdFile(file) || instance.typeArguments.length > 0 || instance.selfType !== null) return null;
  if (instance.symbol.declaration.attributes.some((attribute) => attribute.name === "test")) return null;
  const stem = file.slice(STD_PREFIX.length, -".ls".length).replace(/[^A-Za-z0-9]/g, "_");
  return `luma_std_${stem}_${instance.symbol.name}`;
}
