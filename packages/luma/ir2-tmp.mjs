import { readFileSync } from "node:fs";
import { optimizeModule, printModule } from "@toolchain/compiler";
import { compileLuma } from "/work/main/packages/luma/dist/src/build-luma.js";

const c = compileLuma(
  process.argv[2],
  (p) => {
    try {
      return readFileSync(p, "utf8");
    } catch {
      return undefined;
    }
  },
  { checkOverflow: true },
);
console.log(printModule(c.module));
optimizeModule(c.module);
console.log("=== optimized");
console.log(printModule(c.module));
