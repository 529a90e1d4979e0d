/** Which build of a module to load: its bundle (scripts/bundle.ts) while the bundle is newer than the
 * package's last tsc build, else the module as tsc built it. The same code either way, the bundle loaded
 * faster; a stale bundle is never used. */
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const TSC_BUILD_INFO = new URL("../tsconfig.tsbuildinfo", import.meta.url);

/** The path of `bundle` if it is fresh, else of `module` (both URLs of files under dist/src). */
export function freshestBuild(module: URL, bundle: URL): string {
  const modifiedAt = (url: URL) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  return fileURLToPath(modifiedAt(bundle) >= modifiedAt(TSC_BUILD_INFO) ? bundle : module);
}
