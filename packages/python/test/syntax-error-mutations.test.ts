// Syntax errors as people make them: one line of a real stdlib file broken by a typical slip (a lost
// or stray character, a missing colon, an extra indent, a line cut short). CPython is the referee for
// the kind, line, column and message of every resulting error.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseModule } from "../src/parser.js";
import { PySyntaxError } from "../src/syntax-error.js";
import { listPyFiles, runRefereeSync, stdlibDir } from "./cpython-referee.js";
import { seededRandom } from "./seeded-random.js";

const CASES = 300;
/** The share of cases that must match CPython exactly; the rest are reported so they can be studied. */
const REQUIRED_AGREEMENT = 0.97;

function mutateLine(line: string, random: () => number): string | null {
  const pick = (n: number) => Math.floor(random() * n);
  switch (pick(5)) {
    case 0: {
      if (line.length === 0) return null;
      const at = pick(line.length);
      return line.slice(0, at) + line.slice(at + 1);
    }
    case 1: {
      const at = pick(line.length + 1);
      const stray = "()[]{}:,\"'= x1"[pick(14)]!;
      return line.slice(0, at) + stray + line.slice(at);
    }
    case 2:
      return line.trimEnd().endsWith(":") ? line.trimEnd().slice(0, -1) : null;
    case 3:
      return ` ${line}`;
    default: {
      const code = line.trimStart();
      return code.length > 0 ? code.slice(0, code.length >> 1) : null;
    }
  }
}

function buildCases(): { label: string; source: string }[] {
  const root = stdlibDir();
  const files = listPyFiles(root).filter((f) => !f.startsWith("test/") && !f.includes("/tests/"));
  assert.ok(files.length > 100, `too few stdlib files under ${root}`);
  const random = seededRandom(20261123);
  const cases: { label: string; source: string }[] = [];
  while (cases.length < CASES * 2) {
    const file = files[Math.floor(random() * files.length)]!;
    const bytes = readFileSync(join(root, file));
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      continue; // a legacy-encoded file: mutations of its text would not round-trip
    }
    const lines = text.split("\n");
    const index = Math.floor(random() * lines.length);
    const mutated = mutateLine(lines[index]!, random);
    if (mutated === null) continue;
    lines[index] = mutated;
    cases.push({ label: `${file}:${index + 1}`, source: lines.join("\n") });
  }
  return cases;
}

function describeOurs(source: string): string {
  try {
    parseModule(source, "<mutation>");
    return "accepted";
  } catch (error) {
    if (!(error instanceof PySyntaxError)) return `crashed: ${String(error)}`;
    return `${error.kind} ${error.lineno}:${error.offset} ${error.msg}`;
  }
}

describe("syntax errors in mutated stdlib files", () => {
  it(`reports CPython's kind, line, column and message in at least ${REQUIRED_AGREEMENT * 100}% of cases`, (t) => {
    const candidates = buildCases();
    const verdicts = runRefereeSync(
      candidates.map((c) => ({ source: c.source })),
      { mode: "none" },
    );
    const rejected = candidates
      .map((c, i) => ({ ...c, verdict: verdicts[i]! }))
      .filter((c) => c.verdict.status === "rejected")
      .slice(0, CASES);
    assert.ok(rejected.length >= CASES * 0.9, `only ${rejected.length} mutations were syntax errors`);
    const mismatches: string[] = [];
    for (const c of rejected) {
      if (c.verdict.status !== "rejected") continue;
      const e = c.verdict.error;
      const expected = `${e.kind} ${e.lineno}:${e.offset} ${e.msg}`;
      const ours = describeOurs(c.source);
      if (ours !== expected) mismatches.push(`${c.label}: CPython says ${expected}; ours says ${ours}`);
    }
    const agreement = 1 - mismatches.length / rejected.length;
    t.diagnostic(`${rejected.length - mismatches.length}/${rejected.length} identical to CPython`);
    for (const m of mismatches) t.diagnostic(m);
    assert.ok(
      agreement >= REQUIRED_AGREEMENT,
      `${rejected.length - mismatches.length}/${rejected.length} identical:\n${mismatches.join("\n")}`,
    );
  });
});
