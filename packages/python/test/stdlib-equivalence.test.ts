/**
 * A fixed, deterministic sample of the standard library: for every file CPython parses, our
 * `dumpAst(parseModule(decodeSource(bytes), path), true)` must equal
 * `ast.dump(ast.parse(bytes), include_attributes=True)` exactly. The whole stdlib is checked by
 * `npm run check:parser`; this is the quick version that runs with the test suite.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { dumpAst } from "../src/dump.js";
import { parseModule } from "../src/parser.js";
import { decodeSource } from "../src/source-decoding.js";
import {
  describeMismatch,
  describeThrown,
  listPyFiles,
  pythonVersion,
  type RefereeResult,
  runReferee,
  stdlibDir,
} from "./cpython-referee.js";

/** Minimum number of files taken by stride from the sorted list (before the tricky ones). */
const STRIDE_TARGET = 210;

/** Known-tricky files, added to the sample when present (and when CPython parses them). */
const TRICKY = [
  "test/test_grammar.py",
  "test/test_fstring.py",
  "test/test_patma.py",
  "test/test_string_literals.py",
  "test/test_unicode_identifiers.py",
  "test/test_tokenize.py",
  "test/test_syntax.py",
  "test/test_exceptions.py",
  "test/test_except_star.py",
  "test/test_coroutines.py",
  "test/test_asyncgen.py",
  "test/test_named_expressions.py",
  "test/test_positional_only_arg.py",
  "test/test_keywordonlyarg.py",
  "test/test_decorators.py",
  "test/test_with.py",
  "test/test_genexps.py",
  "test/test_unparse.py",
  "test/test_ast.py",
  "test/test_utf8source.py",
  "test/test_source_encoding.py",
  "test/test_yield_from.py",
  "test/test_pprint.py",
  "test/test_long.py",
  "test/test_float.py",
  "test/test_complex.py",
  "test/test_types.py",
  "test/test_typing.py",
  "test/test_dataclasses/__init__.py",
  "test/test_pep646_syntax.py",
  "test/test_unicodedata.py",
  "test/test_unicode.py",
  "test/encoded_modules/module_iso_8859_1.py",
  "test/encoded_modules/module_koi8_r.py",
  "test/tokenizedata/coding20731.py",
  "lib2to3/pgen2/tokenize.py",
  "lib2to3/pgen2/grammar.py",
  "lib2to3/fixer_util.py",
  "lib2to3/tests/data/py3_test_grammar.py",
  "lib2to3/tests/data/infinite_recursion.py",
  "lib2to3/tests/test_main.py",
  "distutils/tests/test_archive_util.py",
  "encodings/cp1252.py",
  "encodings/idna.py",
  "encodings/punycode.py",
  "idlelib/editor.py",
  "idlelib/pyshell.py",
  "idlelib/idle_test/test_format.py",
  "pydoc_data/topics.py",
  "turtledemo/clock.py",
  "_pydecimal.py",
  "typing.py",
  "tokenize.py",
  "re/_parser.py",
  "ast.py",
];

interface SampleFile {
  rel: string;
  path: string;
  referee: RefereeResult;
}

async function loadSample(): Promise<{ root: string; total: number; files: SampleFile[] }> {
  const root = stdlibDir();
  const all = listPyFiles(root);
  const stride = Math.max(1, Math.floor(all.length / STRIDE_TARGET));
  const chosen = new Set<string>();
  for (let i = 0; i < all.length; i += stride) chosen.add(all[i]!);
  const present = new Set(all);
  for (const rel of TRICKY) if (present.has(rel)) chosen.add(rel);
  const rels = [...chosen].sort();
  const results = await runReferee(
    rels.map((rel) => ({ path: join(root, rel) })),
    { mode: "attributes" },
  );
  return {
    root,
    total: all.length,
    files: rels.map((rel, i) => ({ rel, path: join(root, rel), referee: results[i]! })),
  };
}

let sample: Awaited<ReturnType<typeof loadSample>> | null = null;
let loadError: unknown = null;
try {
  sample = await loadSample();
} catch (e) {
  loadError = e;
}

describe("stdlib sample: identical to CPython's ast.dump(ast.parse(bytes), include_attributes=True)", () => {
  it("the CPython referee ran and the sample has at least 200 files CPython parses", () => {
    if (loadError !== null) throw loadError;
    assert.match(pythonVersion(), /^3\.11\./, "the referee must be CPython 3.11 (set PYCOMPILE_PYTHON)");
    const parsed = sample!.files.filter((f) => f.referee.status === "ok").length;
    assert.ok(parsed >= 200, `only ${parsed} sample files parsed by CPython (of ${sample!.files.length})`);
  });

  for (const file of sample?.files ?? []) {
    // Files CPython rejects stay out of the sample; referee failures are reported, not hidden.
    if (file.referee.status === "rejected") continue;
    it(file.rel, () => {
      const referee = file.referee;
      if (referee.status === "referee-error") {
        assert.fail(`the CPython referee failed on ${file.path}: ${referee.kind}: ${referee.msg}`);
      }
      if (referee.status !== "ok") return;
      const expected = referee.dump!;
      let ours: string;
      try {
        ours = dumpAst(parseModule(decodeSource(readFileSync(file.path), file.path), file.path), true);
      } catch (e) {
        assert.fail(`${file.path}: CPython parses it, ours threw ${describeThrown(e)}`);
      }
      if (ours !== expected)
        assert.fail(`${file.path}: dump differs from CPython's\n${describeMismatch(expected, ours)}`);
    });
  }
});
