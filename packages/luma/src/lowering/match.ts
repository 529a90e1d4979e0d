// `match`: the arms tried in order, each pattern a chain of tests that falls through to the next
// arm when one fails. A variant pattern tests the value's tag and then its payload's parts against
// their own patterns (`Some(Shape::Circle(r))` nests); a literal compares; a binding names the
// value (or the part) for the arm's body; `_` takes anything. The checker has made sure some arm
// matches every value, so past the last arm nothing is reached.

import { type Block, constants, type Value } from "@toolchain/compiler";
import type { MatchStatement, Pattern } from "../ast.js";
import type { LumaType } from "../checker/types.js";
import { isVariant, rcValue, variantPart } from "./aggregates.js";
import { lowerExpression } from "./expressions.js";
import type { FunctionLowering } from "./function-context.js";
import { lowerComparison } from "./operators.js";
import { lowerBlock } from "./statements.js";

export function lowerMatch(f: FunctionLowering, s: MatchStatement): void {
  const type = f.body.typeOf(s.scrutinee);
  const value = lowerExpression(f, s.scrutinee);
  const end = f.newBlock("match.end");
  for (const arm of s.arms) {
    const next = f.newBlock("match.next");
    testPattern(f, arm.pattern, value, type, next);
    lowerBlock(f, arm.body);
    f.br(end);
    f.enter(next);
  }
  f.builder.terminate({ kind: "unreachable" });
  f.enter(end);
}

/** Goes on in a block where `value` matches `pattern` (its bindings written), or branches to `otherwise`. */
function testPattern(f: FunctionLowering, pattern: Pattern, value: Value, type: LumaType, otherwise: Block): void {
  const info = f.body.patterns.get(pattern);
  if (info === undefined) throw new Error(`internal: no pattern information at ${pattern.start}`);
  switch (info.kind) {
    case "wildcard":
      return;
    case "binding":
      f.writeVariable(info.local, value);
      return;
    case "literal": {
      const literal =
        typeof info.value === "string"
          ? constants.str(info.value)
          : typeof info.value === "boolean"
            ? constants.bool(info.value)
            : constants.int(info.value, value.type);
      continueIf(f, lowerComparison(f, "eq", type, value, literal), otherwise);
      return;
    }
    case "variant": {
      const index = info.variant.index;
      // An `rc<E>` of an enum is matched as the enum it holds.
      const held = type.kind === "rc" ? rcValue(f, value) : value;
      continueIf(f, isVariant(f, held, info.type, index), otherwise);
      const parts = pattern.kind === "VariantPattern" ? (pattern.payload ?? []) : [];
      if (parts.length === 0) return;
      const partTypes = f.program.irTypes.payloadTypes(info.type, index);
      if (partTypes === null)
        throw new Error(`internal: payload patterns for a variant without one at ${pattern.start}`);
      parts.forEach((part, i) => {
        testPattern(f, part, variantPart(f, held, info.type, index, i), partTypes[i]!, otherwise);
      });
      return;
    }
  }
}

function continueIf(f: FunctionLowering, condition: Value, otherwise: Block): void {
  const matched = f.newBlock("match.arm");
  f.condbr(condition, matched, otherwise);
  f.enter(matched);
}
