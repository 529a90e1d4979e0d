// Statements. Each check returns whether the statement's end can be reached ("completes"), which is
// how a function with a return type is checked to return on every path: a `return`, `break`,
// `continue` or a call of `panic` does not complete; an `if` completes if a branch does (or it has
// no `else`); a `match` if an arm does; a `while (true)` only if a `break` leaves it; a block stops
// completing at its first statement that does not.

import type {
  AssignmentStatement,
  BinaryOperator,
  Block,
  Expression,
  ForStatement,
  LetStatement,
  NodeBase,
  ReturnStatement,
  Statement,
  TypeNode,
} from "../ast.js";
import type { BodyContext } from "./body-context.js";
import {
  checkExpression,
  checkExpressionAgainst,
  isCompatible,
  isFlexibleLiteral,
  isPlace,
  reportMismatch,
} from "./check-expressions.js";
import { checkMatch } from "./check-match.js";
import { binaryResult } from "./check-operators.js";
import { resolveType } from "./resolve-types.js";
import { SemanticCode } from "./semantic-diagnostics.js";
import type { LoopInfo } from "./typed-program.js";
import { containsError, isInteger, type LumaType, scalarTypes } from "./types.js";

const { bool, unit, error } = scalarTypes;

/** Checks a block in a scope of its own; returns whether its end can be reached. */
export function checkBlock(cx: BodyContext, block: Block): boolean {
  return cx.inScope(() => checkStatements(cx, block.statements));
}

/** Checks statements in the current scope, in order. */
export function checkStatements(cx: BodyContext, statements: readonly Statement[]): boolean {
  cx.scope.expectDeclarations(statements);
  let completes = true;
  for (const statement of statements) {
    if (!checkStatement(cx, statement)) completes = false;
  }
  return completes;
}

function checkStatement(cx: BodyContext, statement: Statement): boolean {
  switch (statement.kind) {
    case "Block":
      return checkBlock(cx, statement);
    case "Let":
      checkLet(cx, statement);
      return true;
    case "Assignment":
      checkAssignment(cx, statement);
      return true;
    case "ExpressionStatement":
      checkExpression(cx, statement.expression, null);
      return !isPanicCall(cx, statement.expression);
    case "If": {
      checkExpressionAgainst(cx, statement.condition, bool);
      const thenCompletes = checkBlock(cx, statement.thenBlock);
      const branch = statement.elseBranch;
      if (branch === null) return true;
      const elseCompletes = branch.kind === "Block" ? checkBlock(cx, branch) : checkStatement(cx, branch);
      return thenCompletes || elseCompletes;
    }
    case "While": {
      checkExpressionAgainst(cx, statement.condition, bool);
      const loop = { breaks: false };
      cx.loops.push(loop);
      checkBlock(cx, statement.body);
      cx.loops.pop();
      const endless = statement.condition.kind === "BooleanLiteral" && statement.condition.value;
      return !endless || loop.breaks;
    }
    case "For":
      checkFor(cx, statement);
      return true;
    case "Break":
    case "Continue": {
      const loop = cx.loops.at(-1);
      if (loop === undefined) reportOutsideLoop(cx, statement, statement.kind === "Break" ? "break" : "continue");
      else if (statement.kind === "Break") loop.breaks = true;
      return false;
    }
    case "Return":
      checkReturn(cx, statement);
      return false;
    case "Match":
      return checkMatch(cx, statement);
  }
}

function isPanicCall(cx: BodyContext, expression: Expression): boolean {
  if (expression.kind !== "Call") return false;
  const target = cx.body.calls.get(expression);
  return target?.kind === "builtin" && target.name === "panic";
}

function reportOutsideLoop(cx: BodyContext, statement: NodeBase, keyword: string): void {
  cx.report({
    code: SemanticCode.LoopControlOutsideLoop,
    message: `\`${keyword}\` outside of a loop`,
    start: statement.start,
    end: statement.end,
    label: "not in a loop",
    help: cx.closures.length > 0 ? ["a closure's body is not part of the loop around the closure"] : [],
  });
}

function checkLet(cx: BodyContext, statement: LetStatement): void {
  let type: LumaType;
  if (statement.type !== null) {
    type = resolveType(statement.type, cx);
    checkExpressionAgainst(cx, statement.value, type, cx.placeOf(statement.type, "expected because of this type"));
  } else {
    type = checkExpression(cx, statement.value, null);
  }
  const local = cx.declareLocal(statement.name.name, type, "let", statement.name);
  cx.body.locals.set(statement, local);
}

/** The operator of a compound assignment: `+` for `+=`. */
function compoundOperator(statement: AssignmentStatement): BinaryOperator {
  return statement.operator.slice(0, -1) as BinaryOperator;
}

function checkAssignment(cx: BodyContext, statement: AssignmentStatement): void {
  const targetType = checkAssignmentTarget(cx, statement.target);
  if (statement.operator === "=") {
    checkExpressionAgainst(cx, statement.value, targetType);
    return;
  }
  const valueType = checkExpression(cx, statement.value, targetType);
  const result = binaryResult(
    cx,
    compoundOperator(statement),
    statement.target,
    targetType,
    statement.value,
    valueType,
  );
  if (!isCompatible(cx, result, targetType)) reportMismatch(cx, statement.value, targetType, result);
}

/** The type of what an assignment stores into, reporting a target that cannot be assigned. */
function checkAssignmentTarget(cx: BodyContext, target: Expression): LumaType {
  const type = checkExpression(cx, target, null);
  if (containsError(type)) return type;
  const refuse = (message: string, label: string, help: string[] = []) => {
    cx.report({ code: SemanticCode.NotAssignable, message, start: target.start, end: target.end, label, help });
    return error;
  };
  switch (target.kind) {
    case "Name": {
      const reference = cx.body.references.get(target);
      if (reference?.kind === "local") {
        if (!reference.captured) return type;
        cx.report({
          code: SemanticCode.CapturedAssignment,
          message: `cannot assign to \`${target.name}\`, which the closure captured`,
          start: target.start,
          end: target.end,
          label: "a copy made when the closure was created",
          related: [cx.placeOf(reference.local.declaration, `\`${target.name}\` is declared here`)],
          help: ["closures capture variables by value; keep shared state in an `rc<T>` or a container"],
        });
        return error;
      }
      const what = reference?.kind === "const" ? "constant" : reference?.kind === "variant" ? "variant" : "function";
      return refuse(`cannot assign to the ${what} \`${target.name}\``, "not a variable");
    }
    case "FieldAccess":
      return isPlace(cx, target)
        ? type
        : refuse("cannot assign to a field of a temporary value", "this value is not stored anywhere", [
            "store the value in a variable, then assign to the variable's field",
          ]);
    case "Index": {
      if (cx.body.indexes.get(target) === "string") {
        return refuse("cannot assign to a byte of a string", "strings cannot be changed", [
          "build a new string, with `replace` or `+`",
        ]);
      }
      return isPlace(cx, target)
        ? type
        : refuse("cannot assign to an element of a temporary array", "this array is not stored anywhere");
    }
    case "Dereference":
      return type;
    default:
      // The parser has already reported an assignment to something that is never a place.
      return error;
  }
}

function checkReturn(cx: BodyContext, statement: ReturnStatement): void {
  const target = cx.returnTargets.at(-1);
  const value = statement.value;
  if (target === undefined) return;
  if (target.type === null) {
    target.type = value === null ? unit : checkExpression(cx, value, null);
    return;
  }
  const expected = target.type;
  const what = target.kind === "closure" ? "this closure" : "this function";
  if (value === null) {
    if (expected === unit || containsError(expected)) return;
    cx.report({
      code: SemanticCode.ReturnMismatch,
      message: `expected a value of type ${expected.text} after \`return\``,
      start: statement.start,
      end: statement.end,
      label: `${what} returns ${expected.text}`,
      help: ["return a value: `return …;`"],
    });
    return;
  }
  if (expected === unit) {
    const found = checkExpression(cx, value, null);
    if (found === unit || containsError(found)) return;
    cx.report({
      code: SemanticCode.ReturnMismatch,
      message: `expected no value after \`return\`, found ${found.text}`,
      start: value.start,
      end: value.end,
      label: `${what} returns no value`,
      help:
        target.kind === "function" && cx.enclosingFunction !== null
          ? [`declare what \`${cx.enclosingFunction.name}\` returns: \`-> ${found.text}\``]
          : [],
    });
    return;
  }
  const declared = target.kind === "function" ? (cx.enclosingFunction?.declaration.returnType ?? null) : null;
  checkExpressionAgainst(
    cx,
    value,
    expected,
    declared === null ? undefined : cx.placeOf(declared, "the return type is declared here"),
  );
}

/** Reports a body whose end is reachable though it must return a value, at its closing brace. */
export function reportMissingReturn(
  cx: BodyContext,
  body: Block,
  what: string,
  result: LumaType,
  returnType: TypeNode | null,
): void {
  const closing = Math.max(body.start, body.end - 1);
  cx.report({
    code: SemanticCode.MissingReturn,
    message: `${what} must return ${result.text} on every path, but its end can be reached`,
    start: closing,
    end: body.end,
    label: "the end is reached without a `return`",
    related: returnType === null ? [] : [cx.placeOf(returnType, `returns ${result.text}`)],
    help: ["add a `return` before the closing brace, or make every branch return"],
  });
}

// ---------------------------------------------------------------------------------------------------
// `for` loops

function checkFor(cx: BodyContext, statement: ForStatement): void {
  const info = checkIterable(cx, statement.iterable);
  cx.inScope(() => {
    declareLoopBindings(cx, statement, info);
    const loop = { breaks: false };
    cx.loops.push(loop);
    checkBlock(cx, statement.body);
    cx.loops.pop();
  });
}

/** What a `for` iterates, or null when that is erroneous (reported). */
function checkIterable(cx: BodyContext, iterable: Expression): LoopInfo | null {
  if (iterable.kind === "Range") {
    const [first, second] =
      isFlexibleLiteral(iterable.lower) && !isFlexibleLiteral(iterable.upper)
        ? [iterable.upper, iterable.lower]
        : [iterable.lower, iterable.upper];
    const firstType = checkExpression(cx, first, null);
    const bound = isInteger(firstType) ? firstType : null;
    const secondType = bound === null ? checkExpression(cx, second, null) : checkExpressionAgainst(cx, second, bound);
    if (containsError(firstType) || containsError(secondType) || cx.isDeferred(firstType)) {
      cx.record(iterable, error);
      return null;
    }
    if (bound === null) {
      cx.report({
        code: SemanticCode.TypeMismatch,
        message: `expected an integer range, found a range of ${firstType.text}`,
        start: first.start,
        end: first.end,
        label: "not an integer",
      });
      cx.record(iterable, error);
      return null;
    }
    cx.record(iterable, bound);
    return { kind: "range", type: bound };
  }
  const type = checkExpression(cx, iterable, null);
  if (containsError(type)) return null;
  switch (type.kind) {
    case "array":
    case "fixed-array":
      return { kind: type.kind, element: type.element };
    case "map":
      return { kind: "map", key: type.key, value: type.value };
    default: {
      if (cx.isDeferred(type)) return null;
      const help =
        type.kind === "string"
          ? ["iterate over its characters: `for c in s.chars()`"]
          : isInteger(type)
            ? [`iterate over a range: \`for i in 0..${cx.textOf(iterable)}\``]
            : [];
      cx.report({
        code: SemanticCode.NotIterable,
        message: `cannot iterate over a value of type ${type.text}`,
        start: iterable.start,
        end: iterable.end,
        label: "not an array, map or range",
        help,
      });
      return null;
    }
  }
}

function declareLoopBindings(cx: BodyContext, statement: ForStatement, info: LoopInfo | null): void {
  if (info !== null) cx.body.loops.set(statement, info);
  const binding = statement.binding;
  const declare = (pattern: typeof binding, type: LumaType) => {
    if (pattern.kind !== "BindingPattern") return;
    const local = cx.declareLocal(pattern.name.name, type, "for", pattern.name);
    cx.body.locals.set(pattern, local);
  };
  if (binding.kind === "TuplePattern") {
    const parts = binding.elements;
    const isPair = info?.kind === "map" && parts.length === 2 && parts.every((part) => part.kind !== "TuplePattern");
    if (info !== null && !isPair) {
      cx.report({
        code: SemanticCode.PatternMismatch,
        message:
          info.kind === "map"
            ? "a map's entries are pairs: write `(key, value)`"
            : `expected a name for each element, found a pattern of ${parts.length} parts`,
        start: binding.start,
        end: binding.end,
        label: info.kind === "map" ? "expected two names" : "the elements are single values",
        help: info.kind === "map" ? [] : ["`for (k, v) in m` takes apart the entries of a map"],
      });
    }
    const partTypes = isPair && info?.kind === "map" ? [info.key, info.value] : [];
    for (const [index, part] of parts.entries()) declare(part, partTypes[index] ?? error);
    return;
  }
  if (info === null) {
    declare(binding, error);
    return;
  }
  if (info.kind === "map") {
    cx.report({
      code: SemanticCode.PatternMismatch,
      message: "a map's entries are pairs: write `for (key, value) in …`",
      start: binding.start,
      end: binding.end,
      label: "one name for a pair",
      help: ["to iterate over the keys alone, write `for key in map.keys()`"],
    });
    declare(binding, error);
    return;
  }
  declare(binding, info.kind === "range" ? info.type : info.element);
}
