// Spec loading: clear errors with file, line and path; defaults filled.

import assert from "node:assert/strict";
import { test } from "node:test";
import { LoopaiError } from "../src/errors.js";
import { parseSpec } from "../src/spec.js";

const good = `name: spam
input: { type: text }
output:
  type: label
  labels: [spam, ham]
oracle: { type: human }
examples:
  - { input: "buy now", output: spam }
`;

test("a valid spec gets its defaults", () => {
  const s = parseSpec(good, "spam.yaml");
  assert.equal(s.sampling.strategy, "uncertainty");
  assert.deepEqual(s.improvement.canaryStages, [0.05, 0.25, 0.5, 1]);
  assert.equal(s.improvement.requestsPerStage, 100);
  assert.equal(s.improvement.minComparisons, 10);
  assert.equal(s.comparison, "exact");
  assert.equal(s.examples.length, 1);
});

function problems(text: string): string {
  try {
    parseSpec(text, "bad.yaml");
  } catch (err) {
    assert.ok(err instanceof LoopaiError);
    return err.message;
  }
  assert.fail("expected an error");
}

test("an unknown field and a wrong enum are named with their lines", () => {
  const text = good.replace(
    "oracle: { type: human }",
    "oracle: { type: human }\nsampling: { strategy: sometimes, rate: 0.1 }\ncolour: blue",
  );
  const msg = problems(text);
  assert.match(
    msg,
    /bad\.yaml:7: \/sampling\/strategy: must be one of "random", "stratified", "uncertainty", "adaptive"/,
  );
  assert.match(msg, /bad\.yaml:8: \/: unknown field "colour"/);
  assert.doesNotMatch(msg, /at .*\.js/);
});

test("an example label outside the label set is reported at its line", () => {
  assert.match(
    problems(good.replace("output: spam }", "output: eggs }")),
    /bad\.yaml:8: \/examples\/0\/output: label "eggs" is not one of spam, ham/,
  );
});

test("YAML syntax errors give line and column", () => {
  assert.match(problems("name: [unclosed\ninput: x"), /invalid task spec: bad\.yaml:\d+:\d+:/);
});

test("a missing required field is named", () => {
  assert.match(
    problems("name: x\ninput: { type: text }\noutput: { type: label, labels: [a, b] }\n"),
    /missing required field "oracle"/,
  );
});

test("the old samplesPerStage is named with its line and what replaced it", () => {
  const message = problems(`${good}improvement: { samplesPerStage: 30 }\n`);
  assert.match(message, /bad\.yaml:9: \/improvement: unknown field "samplesPerStage" \(.*requestsPerStage/);
});

test("a field loopai would not honour is refused, with its line: synthesis.memoryMb", () => {
  const message = problems(`${good}synthesis: { deadlineMs: 50, memoryMb: 128 }\n`);
  assert.match(message, /bad\.yaml:9: \/synthesis: unknown field "memoryMb"/);
  assert.equal(parseSpec(`${good}synthesis: { deadlineMs: 50 }\n`, "ok.yaml").synthesis.deadlineMs, 50);
});

test("input.maxBytes is a positive whole number", () => {
  assert.match(problems(good.replace("input: { type: text }", "input: { type: text, maxBytes: 0 }")), /maxBytes/);
  assert.equal(
    parseSpec(good.replace("input: { type: text }", "input: { type: text, maxBytes: 4096 }"), "ok.yaml").input.maxBytes,
    4096,
  );
});
