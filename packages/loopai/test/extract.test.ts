// Structured extraction: the synthesizer learns regular expressions from generated log lines and
// extracts the fields of lines it has not seen.

import assert from "node:assert/strict";
import { test } from "node:test";
import { compileDataProgram } from "../src/interpreter.js";
import { generateLogs, LOG_SCHEMA } from "../src/loggen.js";
import { withDefaults } from "../src/spec.js";
import { trainExtract } from "../src/synthesizers/extract.js";
import { canonicalJson, outputChecker } from "../src/validation.js";

test("fields of unseen log lines are extracted and match the schema", () => {
  const lines = [...generateLogs(1200, 3)];
  const train = lines.slice(0, 200);
  const program = trainExtract(
    train.map((l) => l.line),
    train.map((l) => l.fields),
    LOG_SCHEMA,
  );
  const run = compileDataProgram(program);
  const check = outputChecker(
    withDefaults({
      name: "logs",
      input: { type: "text" },
      output: { type: "json", schema: LOG_SCHEMA },
      oracle: { type: "human" },
    }),
  );
  let exact = 0;
  let fields = 0;
  let fieldsRight = 0;
  for (const l of lines.slice(200)) {
    const out = run(l.line).output as Record<string, unknown>;
    assert.equal(check(out), undefined);
    if (canonicalJson(out) === canonicalJson(l.fields)) exact++;
    for (const [k, v] of Object.entries(l.fields)) {
      fields++;
      if (out[k] === v) fieldsRight++;
    }
  }
  assert.ok(fieldsRight / fields > 0.95, `field accuracy ${fieldsRight / fields}`);
  assert.ok(exact / 1000 > 0.8, `exact ${exact / 1000}`);
  // The program is readable JSON: every pattern compiles and names its field.
  for (const f of program.fields) for (const p of f.patterns) assert.doesNotThrow(() => new RegExp(p.source));
});
