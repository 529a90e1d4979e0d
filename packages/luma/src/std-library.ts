// Where the standard library's LumaScript files are: packages/luma/std, found from this module's
// place in dist/src. A program imports them as `import "std/math.ls";` (a path that starts with
// `std/` names the library, not a folder beside the importing file).

import { fileURLToPath } from "node:url";

export const LUMA_STD_DIR = fileURLToPath(new URL("../../std/", import.meta.url));

/** How an import names a library file. */
export const STD_PREFIX = "std/";
