// `match`: the patterns of each arm against the matched value's type (variants with payload
// patterns, integer, string and bool literals, names that bind, `_`; an `rc<E>` of an enum is matched
// as the enum, so a recursive enum's nodes are matched where they are), the variables the patterns
// bind (in scope in the arm's body), and coverage: every match must be exhaustive (integers and
// strings need a `_` or a name), and an arm that earlier arms cover is reported as unreachable.

import type { MatchStatement, Pattern, VariantPattern } from "../ast.js";
import type { BodyContext } from "./body-context.js";
import { checkExpression } from "./check-expressions.js";
import { checkBlock } from "./check-statements.js";
import { closestName } from "./closest-name.js";
import { payloadTypesOf } from "./generics.js";
import {
  type Constructor,
  type CoveragePattern,
  constructorPattern,
  isUseful,
  missingPatterns,
  WILD,
} from "./match-coverage.js";
import { PRELUDE_VARIANTS } from "./prelude.js";
import { lookupNominalType } from "./resolve-types.js";
import { SemanticCode } from "./semantic-diagnostics.js";
import type { EnumSymbol, VariantSymbol } from "./symbols.js";
import { containsError, type EnumType, isInteger, type LumaType, scalarTypes, type TypeInterner } from "./types.js";

const { error, bool } = scalarTypes;

/** Checks a match; returns whether its end can be reached (an arm's can, or a value falls through). */
export function checkMatch(cx: BodyContext, statement: MatchStatement): boolean {
  const scrutinee = checkExpression(cx, statement.scrutinee, null);
  // An enum behind an `rc` (a recursive enum's nodes) is matched without dereferencing it first.
  const type = scrutinee.kind === "rc" && scrutinee.target.kind === "enum" ? scrutinee.target : scrutinee;
  const analysable = !containsError(type);
  const rows: CoveragePattern[][] = [];
  let patternsSound = analysable;
  let anArmCompletes = false;
  for (const arm of statement.arms) {
    cx.inScope(() => {
      const state: PatternState = { bound: new Map(), sound: true };
      const pattern = checkPattern(cx, arm.pattern, analysable ? type : error, state);
      if (!state.sound) patternsSound = false;
      rows.push([pattern]);
      if (checkBlock(cx, arm.body)) anArmCompletes = true;
    });
  }
  // A bare type parameter is matched by literals or variants only in its instances, checked one by one.
  // A broken pattern was reported; coverage is not worth a second error about it.
  if (!patternsSound || type.kind === "type-parameter") return anArmCompletes || statement.arms.length === 0;
  const constructorsOf = (t: LumaType) => constructorsOfType(t, cx.types);
  statement.arms.forEach((arm, index) => {
    if (isUseful(rows.slice(0, index), rows[index]!, [type], constructorsOf)) return;
    cx.report({
      code: SemanticCode.UnreachableArm,
      message: "this arm is never reached",
      start: arm.pattern.start,
      end: arm.pattern.end,
      label: "the arms before it match every value it matches",
    });
  });
  const missing = missingPatterns(rows, [type], constructorsOf);
  if (missing === null) return anArmCompletes;
  cx.report({
    code: SemanticCode.NonExhaustiveMatch,
    message: `this match does not cover every value of ${type.text}: \`${missing[0]}\` is not matched`,
    start: statement.scrutinee.start,
    end: statement.scrutinee.end,
    label: `\`${missing[0]}\` not covered`,
    help: [`add an arm for \`${missing[0]}\`, or \`_ => { … }\` for every other value`],
  });
  // Reported once here: the values that fall through are not also a missing `return`.
  return anArmCompletes;
}

/** How a variant is written in a message: `Some(_)`, `Shape::Rect(_, _)`, `Color::Red`. */
function spellVariant(variant: VariantSymbol, args: readonly string[]): string {
  const name = variant.owner.builtin !== null ? variant.name : `${variant.owner.name}::${variant.name}`;
  return variant.payload === null ? name : `${name}(${args.join(", ")})`;
}

function constructorsOfType(type: LumaType, types: TypeInterner): readonly Constructor[] | null {
  if (type === bool) {
    return [true, false].map((value) => ({ key: `b${value}`, argumentTypes: [], spell: () => String(value) }));
  }
  if (type.kind !== "enum") return null;
  return type.symbol.variants.map((variant) => ({
    key: `v${variant.index}`,
    argumentTypes: payloadTypesOf(type, variant.index, types) ?? [],
    spell: (args: readonly string[]) => spellVariant(variant, args),
  }));
}

/** What checking one arm's pattern has found: the names bound so far, and whether all was well. */
interface PatternState {
  readonly bound: Map<string, Pattern>;
  sound: boolean;
}

/** Reports a problem with a pattern; a match with one is not analysed for coverage. */
function reportPattern(cx: BodyContext, state: PatternState, problem: Parameters<BodyContext["report"]>[0]): void {
  state.sound = false;
  cx.report(problem);
}

/**
 * Checks a pattern against the type of the value it tests, declaring the names it binds (`bound`
 * holds the names bound so far in the arm, which may not repeat), and returns it for coverage.
 */
function checkPattern(cx: BodyContext, pattern: Pattern, type: LumaType, state: PatternState): CoveragePattern {
  switch (pattern.kind) {
    case "WildcardPattern":
      cx.body.patterns.set(pattern, { kind: "wildcard" });
      return WILD;
    case "BindingPattern": {
      const name = pattern.name.name;
      const variant = variantNamedAlone(type, name);
      if (variant !== null) return checkVariant(cx, pattern, variant, null, type, state);
      const earlier = state.bound.get(name);
      if (earlier !== undefined) {
        reportPattern(cx, state, {
          code: SemanticCode.DuplicateDefinition,
          message: `\`${name}\` is bound twice in one pattern`,
          start: pattern.start,
          end: pattern.end,
          label: "bound again here",
          related: [cx.placeOf(earlier, "first bound here")],
        });
      }
      state.bound.set(name, pattern);
      const local = cx.declareLocal(name, type, "pattern", pattern.name);
      cx.body.locals.set(pattern, local);
      cx.body.patterns.set(pattern, { kind: "binding", local });
      return WILD;
    }
    case "LiteralPattern":
      return checkLiteralPattern(cx, pattern, type, state);
    case "VariantPattern": {
      const variant = resolveVariantPattern(cx, pattern, type);
      if (variant === null) {
        state.sound = false;
        for (const part of pattern.payload ?? []) checkPattern(cx, part, error, state);
        return WILD;
      }
      return checkVariant(cx, pattern, variant, pattern.payload, type, state);
    }
  }
}

/**
 * The variant a lone name in a pattern stands for: a payload-less variant of the prelude (`None`),
 * or a variant of the matched enum written without its enum, which is reported (`Red` for
 * `Color::Red`: without that rule a misspelt variant would silently bind everything).
 */
function variantNamedAlone(type: LumaType, name: string): VariantSymbol | null {
  const prelude = PRELUDE_VARIANTS.get(name);
  if (prelude !== undefined) return prelude;
  if (type.kind !== "enum") return null;
  return type.symbol.variants.find((variant) => variant.name === name) ?? null;
}

function resolveVariantPattern(cx: BodyContext, pattern: VariantPattern, type: LumaType): VariantSymbol | null {
  const name = pattern.name.name;
  let owner: EnumSymbol;
  if (pattern.owner === null) {
    const variant = variantNamedAlone(type, name);
    if (variant !== null) return variant;
    const candidates = [
      ...PRELUDE_VARIANTS.keys(),
      ...(type.kind === "enum" ? type.symbol.variants.map((v) => v.name) : []),
    ];
    const suggestion = closestName(name, candidates);
    cx.report({
      code: SemanticCode.UnknownVariant,
      message: `cannot find a variant \`${name}\``,
      start: pattern.name.start,
      end: pattern.name.end,
      label: "not a variant",
      help: suggestion === null ? [] : [`did you mean \`${suggestion}\`?`],
    });
    return null;
  } else {
    const symbol = lookupNominalType(pattern.owner.name, cx.program);
    if (symbol?.kind !== "enum") {
      cx.report({
        code: symbol === null ? SemanticCode.UnknownType : SemanticCode.PatternMismatch,
        message:
          symbol === null
            ? `cannot find enum \`${pattern.owner.name}\``
            : `expected an enum before \`::\` in a pattern, found the struct \`${symbol.name}\``,
        start: pattern.owner.start,
        end: pattern.owner.end,
        label: symbol === null ? "not found" : "not an enum",
      });
      return null;
    }
    owner = symbol;
  }
  const variant = owner.variants.find((candidate) => candidate.name === name);
  if (variant !== undefined) return variant;
  const suggestion = closestName(
    name,
    owner.variants.map((candidate) => candidate.name),
  );
  cx.report({
    code: SemanticCode.UnknownVariant,
    message: `no variant \`${name}\` in enum \`${owner.name}\``,
    start: pattern.name.start,
    end: pattern.name.end,
    label: "not found",
    help: suggestion === null ? [] : [`did you mean \`${owner.name}::${suggestion}\`?`],
  });
  return null;
}

/** A variant pattern (or a lone variant name), its payload patterns given by `payload`. */
function checkVariant(
  cx: BodyContext,
  pattern: Pattern,
  variant: VariantSymbol,
  payload: readonly Pattern[] | null,
  type: LumaType,
  state: PatternState,
): CoveragePattern {
  const spelled = spellVariant(
    variant,
    (variant.payload ?? []).map(() => "_"),
  );
  const checkPartsAlone = () => {
    for (const part of payload ?? []) checkPattern(cx, part, error, state);
    return WILD;
  };
  if (type.kind === "error") return checkPartsAlone();
  if (type.kind === "type-parameter") {
    state.sound = false;
    return checkPartsAlone();
  }
  if (type.kind !== "enum" || type.symbol !== variant.owner) {
    reportPattern(cx, state, {
      code: SemanticCode.PatternMismatch,
      message: `expected a pattern of type ${type.text}, found the variant \`${spelled}\``,
      start: pattern.start,
      end: pattern.end,
      label: `a variant of ${variant.owner.name}`,
    });
    return checkPartsAlone();
  }
  if (pattern.kind === "BindingPattern" && variant.owner.builtin === null) {
    reportPattern(cx, state, {
      code: SemanticCode.VariantWithoutEnum,
      message: `the variant \`${variant.name}\` must be named with its enum: \`${variant.owner.name}::${variant.name}\``,
      start: pattern.start,
      end: pattern.end,
      label: "a variant, written alone",
      help: [`write \`${spelled}\``],
    });
  }
  const expectedCount = variant.payload?.length ?? null;
  const foundCount = payload?.length ?? null;
  if (expectedCount !== foundCount) {
    const message =
      expectedCount === null
        ? `the variant \`${spelled}\` has no payload`
        : foundCount === null
          ? `the variant \`${spelled}\` has a payload, which the pattern must match`
          : `the variant \`${spelled}\` holds ${expectedCount} value${expectedCount === 1 ? "" : "s"}, found ${foundCount} pattern${foundCount === 1 ? "" : "s"}`;
    reportPattern(cx, state, {
      code: SemanticCode.PatternMismatch,
      message,
      start: pattern.start,
      end: pattern.end,
      label: expectedCount === null ? "no payload to match" : `write \`${spelled}\``,
    });
    return checkPartsAlone();
  }
  cx.body.patterns.set(pattern, { kind: "variant", type: type as EnumType, variant });
  const partTypes = payloadTypesOf(type, variant.index, cx.types) ?? [];
  const parts = (payload ?? []).map((part, index) => checkPattern(cx, part, partTypes[index] ?? error, state));
  return constructorPattern(`v${variant.index}`, parts);
}

function checkLiteralPattern(
  cx: BodyContext,
  pattern: Pattern & { kind: "LiteralPattern" },
  type: LumaType,
  state: PatternState,
): CoveragePattern {
  const value = pattern.value;
  const literalType = typeof value === "bigint" ? "an integer" : typeof value === "string" ? "a string" : "a bool";
  const fits =
    type.kind === "error" ||
    type.kind === "type-parameter" ||
    (typeof value === "bigint" && isInteger(type)) ||
    (typeof value === "string" && type.kind === "string") ||
    (typeof value === "boolean" && type === bool);
  if (!fits) {
    reportPattern(cx, state, {
      code: SemanticCode.PatternMismatch,
      message: `expected a pattern of type ${type.text}, found ${literalType}`,
      start: pattern.start,
      end: pattern.end,
      label: `${literalType} literal`,
    });
    return WILD;
  }
  if (type.kind === "error" || type.kind === "type-parameter") return WILD;
  if (typeof value === "bigint" && isInteger(type) && (value < type.min || value > type.max)) {
    reportPattern(cx, state, {
      code: SemanticCode.LiteralOutOfRange,
      message: `literal out of range for ${type.text}`,
      start: pattern.start,
      end: pattern.end,
      label: `${type.text} holds ${type.min} to ${type.max}`,
    });
  }
  cx.body.patterns.set(pattern, { kind: "literal", value, type });
  const key = typeof value === "boolean" ? `b${value}` : typeof value === "bigint" ? `i${value}` : `s${value}`;
  return constructorPattern(key);
}
