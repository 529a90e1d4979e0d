// opt's pipeline less the passes that crash LLVM 14 (src/toolchain/opt-pipeline.ts): the text
// surgery, and the installed opt accepting the result.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { optPassArguments, pipelineWithout } from "../src/toolchain/opt-pipeline.js";
import { findToolchain } from "../src/toolchain/tools.js";

describe("opt's pipeline", () => {
  it("leaves out loop-vectorize and loop-load-elim wherever they are nested, and nothing else", () => {
    const text =
      "verify,function<eager-inv>(instcombine,loop-vectorize<no-interleave-forced-only;>,loop-load-elim,sroa)," +
      "cgscc(devirt<4>(inline<only-mandatory>,function(loop-load-elim,gvn<>))),BitcodeWriterPass";
    assert.equal(
      pipelineWithout(text),
      "verify,function<eager-inv>(instcombine,sroa),cgscc(devirt<4>(inline<only-mandatory>,function(gvn<>)))",
    );
  });

  it("is one opt accepts, without the left-out passes, at -O1 to -O3", () => {
    const toolchain = findToolchain();
    const pointerFlags = toolchain.llvmVersion < 15 ? ["-opaque-pointers"] : [];
    for (const level of [1, 2, 3]) {
      const args = optPassArguments(toolchain, level, pointerFlags);
      assert.equal(args.length, 1);
      assert.doesNotMatch(args[0]!, /loop-vectorize|loop-load-elim/);
      assert.match(args[0]!, /instcombine/);
      const run = spawnSync(toolchain.opt, [...args, ...pointerFlags, "-disable-output", "-"], {
        input: "define i64 @f(i64 %x) {\n  %y = add i64 %x, 1\n  ret i64 %y\n}\n",
        encoding: "utf8",
      });
      assert.equal(run.status, 0, run.stderr);
    }
  });
});
