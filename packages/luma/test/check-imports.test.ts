// Programs of several files: `import "relative/path.ls";` reads the file through the reader the
// caller gives (memory here), relative to the importing file; each file is loaded once, cycles are
// fine, all files share one namespace, and diagnostics point into the file they concern.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderDiagnostic } from "@toolchain/compiler";
import { checkLumaProgram } from "../src/index.js";
import { summarize } from "./check-helpers.js";

function reader(files: Record<string, string>): { read: (path: string) => string | undefined; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read: (path) => {
      reads.push(path);
      return files[path];
    },
  };
}

describe("imports", () => {
  test("files are read relative to their importer, once each, and share one namespace", () => {
    const files = {
      "app/main.ls":
        'import "geometry/point.ls";\nimport "util.ls";\nfunc main() { let p = Point::new(1.0, 2.0); println("{}", twice(p.x)); }\n',
      "app/geometry/point.ls":
        'import "../util.ls";\nstruct Point { x: f64, y: f64 }\nimpl Point { func new(x: f64, y: f64) -> Point { return Point { x: x, y: y }; } }\n',
      "app/util.ls": 'import "main.ls";\nfunc twice(x: f64) -> f64 { return x * 2.0; }\n',
    };
    const { read, reads } = reader(files);
    const { program, diagnostics } = checkLumaProgram("app/main.ls", read);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(reads, ["app/main.ls", "app/geometry/point.ls", "app/util.ls"]);
    assert.deepEqual(
      program.files.map((file) => file.source.fileName),
      ["app/main.ls", "app/geometry/point.ls", "app/util.ls"],
    );
    assert.deepEqual(
      program.instances.map((instance) => `${instance.name} in ${instance.symbol.file.source.fileName}`),
      ["main in app/main.ls", "Point::new in app/geometry/point.ls", "twice in app/util.ls"],
    );
  });

  test("diagnostics point into the file they concern, syntax errors of imported files included", () => {
    const files: Record<string, string> = {
      "main.ls": 'import "lib.ls";\nimport "gone.ls";\nfunc main() { let n: string = half(3); }\n',
      "lib.ls": "func half(x: i64) -> i64 { return x / 2 }\nfunc main() {}\n",
    };
    const { program, diagnostics } = checkLumaProgram("main.ls", (path) => files[path]);
    assert.deepEqual(
      diagnostics.map((d) => [d.primary.file, ...summarize(d)]),
      [
        ["lib.ls", "E0011", "expected `;`, found `}`", "1:40-1:40"],
        ["main.ls", "E0108", "cannot read the imported file `gone.ls`", "2:8-2:17"],
        ["main.ls", "E0200", "expected string, found i64", "3:31-3:38"],
        ["lib.ls", "E0102", "the name `main` is defined more than once", "2:6-2:10"],
      ],
    );
    const duplicate = diagnostics.at(-1)!;
    assert.equal(duplicate.secondary?.[0]?.file, "main.ls");
    const text = renderDiagnostic(duplicate, (file) => program.sourceOf(file));
    assert.match(text, /::: main\.ls:3:6/);
  });

  test("an entry file that cannot be read is one error", () => {
    const { diagnostics } = checkLumaProgram("nowhere.ls", () => undefined);
    assert.deepEqual(diagnostics.map(summarize), [["E0108", "cannot read the program's file `nowhere.ls`", "1:1-1:1"]]);
  });

  test("an import path must be relative", () => {
    const files: Record<string, string> = { "main.ls": 'import "/etc/lib.ls";\nfunc main() {}\n' };
    const { diagnostics } = checkLumaProgram("main.ls", (path) => files[path]);
    assert.deepEqual(diagnostics.map(summarize), [
      ["E0108", "expected a path relative to the importing file, found an absolute path", "1:8-1:21"],
    ]);
  });
});
