// The toolchain driver: finding the tools (and saying how to install them when absent), reporting a
// failing tool with its command and stderr, the four output kinds, the runtime archive cache, and
// executables that need nothing beyond libc and libm.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { addFunction, constants, createModule, IrBuilder } from "../src/ir/builder.js";
import { types } from "../src/ir/types.js";
import { emitModule } from "../src/llvm/emit-llvm.js";
import { lookupRuntimeFunction } from "../src/runtime-functions.js";
import { buildExecutable } from "../src/toolchain/build-executable.js";
import { CORE_RUNTIME_DIR, ensureRuntimeArchive } from "../src/toolchain/runtime-archive.js";
import { findToolchain, ToolchainError, which } from "../src/toolchain/tools.js";
import { runProgram, TEST_RUNTIME, testToolchain, testWorkDir } from "./native-build.js";

function helloModule() {
  const m = createModule("hello.src");
  const main = addFunction(m, "main", "main", [], types.void);
  m.entry = main;
  const b = new IrBuilder(main, m);
  b.positionAt(b.createBlock("entry"));
  b.callExtern(lookupRuntimeFunction("rt_write_str")!, [constants.str("hello, wörld\n")], null);
  b.ret(null);
  return m;
}

describe("finding the tools", () => {
  it("finds opt and llc of one LLVM version >= 14, the C compiler and ar", () => {
    const toolchain = findToolchain();
    assert.ok(toolchain.llvmVersion >= 14);
    assert.match(toolchain.opt, /opt(-\d+)?$/);
    assert.match(toolchain.llc, /llc(-\d+)?$/);
    assert.ok(toolchain.cc.length >= 1);
  });

  it("names the Debian package and how to point at LLVM when it is missing", () => {
    const error = (() => {
      try {
        findToolchain({ PATH: "/nonexistent" });
      } catch (e) {
        return e;
      }
      return null;
    })();
    assert.ok(error instanceof ToolchainError);
    assert.match(error.message, /apt-get install llvm-14/);
    assert.match(error.message, /LLVM_BINDIR/);
    assert.match(error.message, /`opt`/);
  });

  it("accepts LLVM_BINDIR and Debian's versioned names", () => {
    const opt = which("opt-14") ?? which("opt");
    const llc = which("llc-14") ?? which("llc");
    assert.ok(opt !== null && llc !== null);
    const dir = join(testWorkDir(), "llvm-bin");
    mkdirSync(dir, { recursive: true });
    symlinkSync(opt, join(dir, "opt-14"));
    symlinkSync(llc, join(dir, "llc-14"));
    const toolchain = findToolchain({ ...process.env, LLVM_BINDIR: dir });
    assert.equal(toolchain.opt, join(dir, "opt-14"));
    assert.equal(toolchain.llc, join(dir, "llc-14"));
  });

  it("rejects an LLVM_OPT that does not exist", () => {
    assert.throws(() => findToolchain({ ...process.env, LLVM_OPT: "/nonexistent/opt" }), /LLVM_OPT/);
  });

  it("reports a missing C compiler", () => {
    assert.throws(
      () => findToolchain({ ...process.env, CC: "no-such-cc" }),
      /C compiler `no-such-cc`.*apt-get install gcc/,
    );
  });
});

describe("building", () => {
  it("reports a failing tool with its command line and stderr, as a ToolchainError", async () => {
    const output = join(testWorkDir(), "broken");
    await assert.rejects(
      buildExecutable({
        llvmIr: "define i32 @main() {\n  ret i64 0\n}\n",
        output,
        toolchain: testToolchain(),
        runtime: TEST_RUNTIME,
      }),
      (error: unknown) => {
        assert.ok(error instanceof ToolchainError);
        assert.match(error.message, /^opt failed with exit status 1:\n {2}\$ \S*opt/);
        assert.match(error.message, /error:/);
        assert.ok(error.stderr.length > 0);
        return true;
      },
    );
  });

  it("emits optimised LLVM IR, assembly, an object file or an executable, timing each phase", async () => {
    const llvmIr = emitModule(helloModule());
    const dir = testWorkDir();
    const toolchain = testToolchain();
    const runtime = TEST_RUNTIME;
    const ll = await buildExecutable({ llvmIr, output: join(dir, "hello.ll"), emit: "llvm", toolchain, runtime });
    assert.match(readFileSync(ll.output, "utf8"), /define i32 @main/);
    const asm = await buildExecutable({ llvmIr, output: join(dir, "hello.s"), emit: "asm", toolchain, runtime });
    assert.match(readFileSync(asm.output, "utf8"), /main:/);
    const obj = await buildExecutable({ llvmIr, output: join(dir, "hello.o"), emit: "obj", toolchain, runtime });
    assert.deepEqual([...readFileSync(obj.output).subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46]);
    const exe = await buildExecutable({ llvmIr, output: join(dir, "hello"), toolchain, optLevel: 3, runtime });
    assert.equal(runProgram(exe.output).stdout, "hello, wörld\n");
    for (const phase of ["opt", "llc", "runtime", "link"] as const) assert.ok(exe.timings[phase] >= 0);
    assert.ok(exe.timings.total >= exe.timings.opt + exe.timings.llc + exe.timings.link);
  });

  it("links the runtime statically: the executable needs only libc, libm and the loader", async () => {
    const output = join(testWorkDir(), "static-check");
    await buildExecutable({
      llvmIr: emitModule(helloModule()),
      output,
      toolchain: testToolchain(),
      runtime: TEST_RUNTIME,
    });
    const ldd = spawnSync("ldd", [output], { encoding: "utf8" });
    const libraries = ldd.stdout
      .trim()
      .split("\n")
      .map((line) => line.trim().split(/\s+/)[0]!)
      .filter((name) => !name.startsWith("linux-vdso"));
    for (const library of libraries) assert.match(library, /^(libc\.so\.6|libm\.so\.6|\/lib.*\/ld-linux.*\.so\.\d)$/);
  });

  it("builds a language's runtime archive once and then reuses it from the cache", async () => {
    const cacheDir = join(testWorkDir(), "cache");
    const first = await ensureRuntimeArchive(testToolchain(), TEST_RUNTIME, cacheDir);
    const second = await ensureRuntimeArchive(testToolchain(), TEST_RUNTIME, cacheDir);
    assert.equal(first.built, true);
    assert.equal(second.built, false);
    assert.equal(first.path, second.path);
    assert.deepEqual(first.includeDirs, TEST_RUNTIME.sourceDirs);
  });

  it("keys the archive by the language and by every source of every directory", async () => {
    const cacheDir = join(testWorkDir(), "cache-key");
    const language = join(testWorkDir(), "other-language");
    mkdirSync(language, { recursive: true });
    const hooks = readFileSync(join(TEST_RUNTIME.sourceDirs[1]!, "test_language.c"), "utf8");
    writeFileSync(join(language, "hooks.c"), hooks);
    const other = { name: "other-language", sourceDirs: [CORE_RUNTIME_DIR, language] };
    const before = await ensureRuntimeArchive(testToolchain(), other, cacheDir);
    const test = await ensureRuntimeArchive(testToolchain(), TEST_RUNTIME, cacheDir);
    assert.notEqual(before.path, test.path);
    writeFileSync(join(language, "extra.c"), "int other_language_extra(void) { return 1; }\n");
    const after = await ensureRuntimeArchive(testToolchain(), other, cacheDir);
    assert.equal(after.built, true);
    assert.notEqual(after.path, before.path);
    assert.match(after.path, /runtime-other-language-[0-9a-f]{16}/);
  });

  it("gives concurrent builds of one archive the same whole archive", async () => {
    const cacheDir = join(testWorkDir(), "cache-concurrent");
    const archives = await Promise.all(
      [1, 2, 3].map(() => ensureRuntimeArchive(testToolchain(), TEST_RUNTIME, cacheDir)),
    );
    assert.equal(new Set(archives.map((a) => a.path)).size, 1);
    assert.ok(archives.some((a) => a.built));
    const output = join(testWorkDir(), "after-race");
    await buildExecutable({
      llvmIr: emitModule(helloModule()),
      output,
      toolchain: testToolchain(),
      runtime: TEST_RUNTIME,
      cacheDir,
    });
    assert.equal(runProgram(output).stdout, "hello, wörld\n");
  });
});
