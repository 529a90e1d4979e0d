// Closures: `|x| x + 1`, `|a, b| a < b`, `|x: i64| -> i64 { return x * 2; }`. A parameter without a
// type takes it from the expected function type (`let f: func(i64) -> i64 = |x| x + 1;`, or the
// parameter of the call it is passed to); the result is the declared type, else the body
// expression's type, else (a block body) the expected result or the type of the first `return`.
// A closure captures by value the variables of enclosing bodies it uses, and may not assign them.

import type { ClosureExpression } from "../ast.js";
import type { BodyContext, ReturnTarget } from "./body-context.js";
import { checkExpression, checkExpressionAgainst } from "./check-expressions.js";
import { checkBlock, reportMissingReturn } from "./check-statements.js";
import { resolveType } from "./resolve-types.js";
import { SemanticCode } from "./semantic-diagnostics.js";
import type { LocalSymbol } from "./symbols.js";
import { containsError, containsUnknown, type FunctionType, type LumaType, scalarTypes } from "./types.js";

const { error, unit } = scalarTypes;

export function checkClosure(cx: BodyContext, node: ClosureExpression, expected: LumaType | null): LumaType {
  let expectedFunction: FunctionType | null = expected?.kind === "function" ? expected : null;
  if (expectedFunction !== null && expectedFunction.parameters.length !== node.parameters.length) {
    const count = node.parameters.length;
    cx.report({
      code: SemanticCode.TypeMismatch,
      message: `expected ${expectedFunction.text}, found a closure with ${count} parameter${count === 1 ? "" : "s"}`,
      start: node.start,
      end: node.end,
      label: `expected ${expectedFunction.parameters.length} parameter${expectedFunction.parameters.length === 1 ? "" : "s"}`,
    });
    expectedFunction = null;
  }
  const frame = { captures: [] as LocalSymbol[] };
  const outerLoops = cx.loops;
  cx.closures.push(frame);
  cx.loops = [];
  try {
    return cx.inScope(() => {
      const parameters = declareParameters(cx, node, expectedFunction, expected !== null && containsError(expected));
      const declared = node.returnType === null ? null : resolveType(node.returnType, cx);
      const expectedResult =
        expectedFunction === null || containsUnknown(expectedFunction.result) ? null : expectedFunction.result;
      const result = checkBody(cx, node, declared, expectedResult, expectedFunction?.result ?? null);
      const type = cx.types.function(
        parameters.map((parameter) => parameter.type),
        result,
      );
      cx.body.closures.set(node, { type, parameters, captures: frame.captures });
      return type;
    });
  } finally {
    cx.closures.pop();
    cx.loops = outerLoops;
  }
}

function declareParameters(
  cx: BodyContext,
  node: ClosureExpression,
  expected: FunctionType | null,
  expectsError: boolean,
): LocalSymbol[] {
  const seen = new Map<string, ClosureExpression["parameters"][number]>();
  return node.parameters.map((parameter, index) => {
    const name = parameter.name.name;
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      cx.report({
        code: SemanticCode.DuplicateDefinition,
        message: `the parameter \`${name}\` is declared more than once`,
        start: parameter.name.start,
        end: parameter.name.end,
        label: "declared again here",
        related: [cx.placeOf(earlier.name, "first declared here")],
      });
    }
    seen.set(name, parameter);
    let type: LumaType;
    if (parameter.type !== null) {
      type = resolveType(parameter.type, cx);
    } else {
      const fromContext = expected?.parameters[index];
      if (fromContext !== undefined && !containsUnknown(fromContext)) {
        type = fromContext;
      } else if (expectsError) {
        // The expected type was reported as wrong; guessing at its parameters helps nobody.
        type = error;
      } else {
        cx.report({
          code: SemanticCode.CannotInfer,
          message: `cannot infer the type of the closure parameter \`${name}\``,
          start: parameter.name.start,
          end: parameter.name.end,
          label: "type unknown",
          help: [`annotate it: \`|${name}: i64|\``],
        });
        type = error;
      }
    }
    const local = cx.declareLocal(name, type, "closure-parameter", parameter.name);
    cx.body.locals.set(parameter, local);
    return local;
  });
}

/** Checks the body and returns the closure's result type. */
function checkBody(
  cx: BodyContext,
  node: ClosureExpression,
  declared: LumaType | null,
  expectedResult: LumaType | null,
  resultHint: LumaType | null,
): LumaType {
  const body = node.body;
  if (body.kind !== "Block") {
    // A `?` in the expression returns from the closure, not from the function around it.
    cx.returnTargets.push({ kind: "closure", type: declared ?? expectedResult });
    try {
      if (declared !== null) {
        checkExpressionAgainst(cx, body, declared);
        return declared;
      }
      return checkExpression(cx, body, expectedResult ?? resultHint);
    } finally {
      cx.returnTargets.pop();
    }
  }
  const target: ReturnTarget = { kind: "closure", type: declared ?? expectedResult };
  cx.returnTargets.push(target);
  let completes: boolean;
  try {
    completes = checkBlock(cx, body);
  } finally {
    cx.returnTargets.pop();
  }
  const result = target.type ?? unit;
  if (completes && result !== unit && !containsError(result)) {
    reportMissingReturn(cx, body, "this closure", result, node.returnType);
  }
  return result;
}
