// Calls: of functions (`fib(n)`, `Point::new(…)`), methods (`p.norm()`, through `rc<T>` too),
// variants' constructors (`Some(x)`, `Shape::Circle(r)`), built-in functions, methods and static
// functions (`println`, `xs.push(x)`, `Array::new()`), C functions, and function values (closures,
// a struct's field holding one). Each checks its arguments' number and types, infers its type
// arguments from the arguments and the expected type, and records what it calls.

import type { CallExpression, Expression, FieldAccessExpression, Identifier, NodeBase } from "../ast.js";
import type { BodyContext } from "./body-context.js";
import { builtinMethod, builtinMethodNames } from "./builtin-methods.js";
import { BUILTIN_STATICS, type BuiltinFunction, type BuiltinStaticOwner } from "./builtins.js";
import { checkExpression, isCompatible, isFlexibleLiteral, reportMismatch, structBehind } from "./check-expressions.js";
import { checkFormatCall } from "./check-format.js";
import { closestName } from "./closest-name.js";
import { bindParameters, fieldTypesOf, Inference, type Signature, satisfies } from "./generics.js";
import { resolveName, resolveNominalMember, resolvePathOwner } from "./resolve-names.js";
import { type LabelledPlace, SemanticCode } from "./semantic-diagnostics.js";
import type { EnumSymbol, ExternSymbol, FunctionSymbol, StructSymbol, VariantSymbol } from "./symbols.js";
import type { CallTarget } from "./typed-program.js";
import {
  CONSTRAINT_DESCRIPTIONS,
  containsError,
  type EnumType,
  type FunctionType,
  type LumaType,
  type StructType,
  scalarTypes,
  type TypeParameterType,
} from "./types.js";

const { error } = scalarTypes;

export function checkCall(cx: BodyContext, node: CallExpression, expected: LumaType | null): LumaType {
  const callee = node.callee;
  switch (callee.kind) {
    case "Name":
      return callName(cx, node, callee.name, callee, expected);
    case "Path": {
      const owner = resolvePathOwner(cx, callee.owner);
      if (owner.kind === "unresolved") return checkArgumentsAlone(cx, node);
      if (owner.kind === "builtin") return callBuiltinStatic(cx, node, owner.owner, callee.member, expected);
      return callNominalMember(cx, node, owner.symbol, callee.member, expected);
    }
    case "FieldAccess":
      return callMethod(cx, node, callee, expected);
    default: {
      const type = checkExpression(cx, callee, null);
      return callValue(cx, node, type, callee);
    }
  }
}

/** Checks the arguments of a call whose callee was already reported, for their own errors. */
function checkArgumentsAlone(cx: BodyContext, node: CallExpression): LumaType {
  for (const argument of node.arguments) checkExpression(cx, argument, null);
  return error;
}

function record(cx: BodyContext, node: CallExpression, target: CallTarget): void {
  cx.body.calls.set(node, target);
}

// ---------------------------------------------------------------------------------------------------
// What the callee is

function callName(
  cx: BodyContext,
  node: CallExpression,
  name: string,
  callee: Expression & { kind: "Name" },
  expected: LumaType | null,
): LumaType {
  const meaning = resolveName(cx, name, callee);
  switch (meaning.kind) {
    case "unresolved":
      return checkArgumentsAlone(cx, node);
    case "local":
      cx.body.references.set(callee, { kind: "local", local: meaning.local, captured: meaning.captured });
      cx.record(callee, meaning.local.type);
      return callValue(cx, node, meaning.local.type, callee);
    case "prelude-variant":
      return callVariant(cx, node, meaning.variant, expected);
    case "builtin":
      return callBuiltin(cx, node, meaning.builtin, expected);
    case "global": {
      const symbol = meaning.symbol;
      switch (symbol.kind) {
        case "function": {
          const type = callFunction(cx, node, symbol, new Map(), expected, null);
          const target = cx.body.calls.get(node);
          if (target?.kind === "function") {
            const { symbol: called, typeArguments, instance } = target;
            cx.body.references.set(callee, { kind: "function", symbol: called, typeArguments, instance });
          }
          return type;
        }
        case "extern":
          cx.body.references.set(callee, { kind: "extern", symbol });
          return callExtern(cx, node, symbol);
        case "const":
          cx.body.references.set(callee, { kind: "const", constant: symbol });
          cx.record(callee, symbol.type);
          return callValue(cx, node, symbol.type, callee);
        default:
          reportTypeCalled(cx, callee, symbol);
          return checkArgumentsAlone(cx, node);
      }
    }
  }
}

function reportTypeCalled(cx: BodyContext, callee: NodeBase, symbol: StructSymbol | EnumSymbol): void {
  cx.report({
    code: SemanticCode.NotAValue,
    message: `expected a function, found the ${symbol.kind} \`${symbol.name}\``,
    start: callee.start,
    end: callee.end,
    label: "a type, not a function",
    help: [
      symbol.kind === "struct"
        ? `make one with a struct literal: \`${symbol.name} { … }\``
        : `call one of its variants: \`${symbol.name}::${symbol.variants[0]?.name ?? "Variant"}(…)\``,
    ],
  });
}

/** `Type::member(…)`: a variant's constructor or a static function of the type's impls. */
function callNominalMember(
  cx: BodyContext,
  node: CallExpression,
  owner: StructSymbol | EnumSymbol,
  member: Identifier,
  expected: LumaType | null,
): LumaType {
  const resolved = resolveNominalMember(cx, owner, member);
  if (resolved.kind === "unresolved") return checkArgumentsAlone(cx, node);
  if (resolved.kind === "variant") return callVariant(cx, node, resolved.variant, expected);
  const symbol = resolved.symbol;
  if (symbol.declaration.selfParameter !== null) {
    cx.report({
      code: SemanticCode.UnknownMember,
      message: `\`${owner.name}::${symbol.name}\` is a method, not a static function`,
      start: node.callee.start,
      end: node.callee.end,
      label: "takes `self`",
      help: [`call it on a value: \`value.${symbol.name}(…)\``],
    });
    return checkArgumentsAlone(cx, node);
  }
  return callFunction(cx, node, symbol, new Map(), expected, null);
}

/** `receiver.name(…)`: a built-in method, a method of the receiver's impls, or a field holding a function. */
function callMethod(
  cx: BodyContext,
  node: CallExpression,
  callee: FieldAccessExpression,
  expected: LumaType | null,
): LumaType {
  const receiverType = checkExpression(cx, callee.object, null);
  if (containsError(receiverType) || cx.isDeferred(receiverType)) return checkArgumentsAlone(cx, node);
  const name = callee.field.name;
  const receivers: [LumaType, boolean][] = [[receiverType, false]];
  if (receiverType.kind === "rc") receivers.push([receiverType.target, true]);
  for (const [receiver, throughRc] of receivers) {
    const builtin = builtinMethod(receiver, name, cx.types);
    if (builtin !== null) {
      const { typeArguments, result } = checkArguments(cx, node, builtin, new Map(), expected, `\`${name}\``);
      record(cx, node, {
        kind: "builtin-method",
        name,
        receiver: callee.object,
        receiverType: receiver,
        typeArguments,
        throughRc,
      });
      return result;
    }
    if (receiver.kind === "struct" || receiver.kind === "enum") {
      const symbol = receiver.symbol.members.get(name);
      if (symbol !== undefined) return callUserMethod(cx, node, callee, symbol, receiver, throughRc, expected);
    }
  }
  const behind = structBehind(receiverType);
  const field = behind?.struct.symbol.fields.find((candidate) => candidate.name === name);
  if (behind !== null && field !== undefined) {
    const type = fieldTypesOf(behind.struct, cx.types)[field.index]!;
    cx.body.fields.set(callee, { struct: behind.struct, field, type, throughRc: behind.throughRc });
    cx.record(callee, type);
    return callValue(cx, node, type, callee);
  }
  reportUnknownMethod(cx, callee, receiverType);
  return checkArgumentsAlone(cx, node);
}

function reportUnknownMethod(cx: BodyContext, callee: FieldAccessExpression, receiverType: LumaType): void {
  const target = receiverType.kind === "rc" ? receiverType.target : receiverType;
  const userMethods = target.kind === "struct" || target.kind === "enum" ? [...target.symbol.members.keys()] : [];
  const candidates = [...builtinMethodNames(receiverType), ...builtinMethodNames(target), ...userMethods];
  const suggestion = closestName(callee.field.name, candidates);
  cx.report({
    code: SemanticCode.UnknownMethod,
    message: `no method \`${callee.field.name}\` on type ${receiverType.text}`,
    start: callee.field.start,
    end: callee.field.end,
    label: "unknown method",
    help: suggestion === null ? [] : [`a method with a similar name exists: \`${suggestion}\``],
  });
}

function callUserMethod(
  cx: BodyContext,
  node: CallExpression,
  callee: FieldAccessExpression,
  symbol: FunctionSymbol,
  receiver: StructType | EnumType,
  throughRc: boolean,
  expected: LumaType | null,
): LumaType {
  if (symbol.declaration.selfParameter === null) {
    cx.report({
      code: SemanticCode.UnknownMethod,
      message: `\`${symbol.name}\` is a static function of \`${receiver.symbol.name}\`, not a method`,
      start: callee.field.start,
      end: callee.field.end,
      label: "takes no `self`",
      help: [`call it on the type: \`${receiver.symbol.name}::${symbol.name}(…)\``],
    });
    return checkArgumentsAlone(cx, node);
  }
  const preBound = bindParameters(symbol.implTypeParameters, receiver.typeArguments);
  return callFunction(cx, node, symbol, preBound, expected, { receiver: callee.object, throughRc });
}

// ---------------------------------------------------------------------------------------------------
// Calls of each kind

function functionSignature(symbol: FunctionSymbol): Signature {
  return {
    typeParameters: [...symbol.implTypeParameters, ...symbol.typeParameters],
    parameters: symbol.parameters.map((parameter) => parameter.type),
    result: symbol.result,
    requirements: [],
  };
}

/** A call of a program's function or method; `method` gives the receiver of a method call. */
function callFunction(
  cx: BodyContext,
  node: CallExpression,
  symbol: FunctionSymbol,
  preBound: ReadonlyMap<TypeParameterType, LumaType>,
  expected: LumaType | null,
  method: { receiver: Expression; throughRc: boolean } | null,
): LumaType {
  const described = symbol.owner === null ? `\`${symbol.name}\`` : `\`${symbol.owner.name}::${symbol.name}\``;
  const because = (index: number): LabelledPlace | undefined => {
    const parameter = symbol.parameters[index];
    if (parameter === undefined) return undefined;
    return {
      file: symbol.file,
      start: parameter.declaration.start,
      end: parameter.declaration.end,
      label: "parameter declared here",
    };
  };
  const { typeArguments, result } = checkArguments(
    cx,
    node,
    functionSignature(symbol),
    preBound,
    expected,
    described,
    because,
  );
  const instance = cx.program.instanceFor(symbol, typeArguments, cx.placeOf(node, ""), cx.instance?.depth ?? 0);
  if (method === null) record(cx, node, { kind: "function", symbol, typeArguments, instance });
  else record(cx, node, { kind: "method", symbol, typeArguments, instance, ...method });
  return result;
}

function callExtern(cx: BodyContext, node: CallExpression, symbol: ExternSymbol): LumaType {
  const signature: Signature = {
    typeParameters: [],
    parameters: symbol.parameters.map((parameter) => parameter.type),
    result: symbol.result,
    requirements: [],
  };
  checkArguments(cx, node, signature, new Map(), null, `\`${symbol.name}\``);
  record(cx, node, { kind: "extern", symbol });
  return symbol.result;
}

function callVariant(
  cx: BodyContext,
  node: CallExpression,
  variant: VariantSymbol,
  expected: LumaType | null,
): LumaType {
  const owner = variant.owner;
  const spelled = owner.builtin !== null ? variant.name : `${owner.name}::${variant.name}`;
  const signature: Signature = {
    typeParameters: owner.typeParameters,
    parameters: variant.payload ?? [],
    result: cx.types.enum(owner, owner.typeParameters),
    requirements: [],
  };
  if (variant.payload === null) {
    cx.report({
      code: SemanticCode.ArgumentCount,
      message: `\`${spelled}\` has no payload, but it is called with ${countOf(node.arguments.length, "argument")}`,
      start: node.start,
      end: node.end,
      label: "no payload",
      help: [`write it without parentheses: \`${spelled}\``],
    });
    return checkArgumentsAlone(cx, node);
  }
  const { result } = checkArguments(cx, node, signature, new Map(), expected, `\`${spelled}\``);
  if (result.kind === "enum") record(cx, node, { kind: "variant", type: result, variant });
  return result;
}

function callBuiltin(
  cx: BodyContext,
  node: CallExpression,
  builtin: BuiltinFunction,
  expected: LumaType | null,
): LumaType {
  if (builtin.formatting) return checkFormatCall(cx, node, builtin);
  const { typeArguments, result } = checkArguments(
    cx,
    node,
    builtin.signature(cx.types),
    new Map(),
    expected,
    `\`${builtin.name}\``,
  );
  record(cx, node, { kind: "builtin", name: builtin.name, typeArguments, format: null });
  return result;
}

function callBuiltinStatic(
  cx: BodyContext,
  node: CallExpression,
  owner: BuiltinStaticOwner,
  member: Identifier,
  expected: LumaType | null,
): LumaType {
  const statics = BUILTIN_STATICS.get(owner)!;
  const make = statics.get(member.name);
  if (make === undefined) {
    const suggestion = closestName(member.name, statics.keys());
    cx.report({
      code: SemanticCode.UnknownMember,
      message: `no function \`${member.name}\` in \`${owner}\``,
      start: member.start,
      end: member.end,
      label: "not found",
      help: suggestion === null ? [] : [`did you mean \`${owner}::${suggestion}\`?`],
    });
    return checkArgumentsAlone(cx, node);
  }
  const { result } = checkArguments(cx, node, make(cx.types), new Map(), expected, `\`${owner}::${member.name}\``);
  record(cx, node, { kind: "builtin-static", owner, name: member.name, type: result });
  return result;
}

/** A call of a value: a closure, a named function held in a variable, a field holding a function. */
function callValue(cx: BodyContext, node: CallExpression, type: LumaType, callee: NodeBase): LumaType {
  if (containsError(type) || cx.isDeferred(type)) return checkArgumentsAlone(cx, node);
  if (type.kind !== "function") {
    cx.report({
      code: SemanticCode.NotCallable,
      message: `expected a function, found ${type.text}`,
      start: callee.start,
      end: callee.end,
      label: "cannot be called",
    });
    return checkArgumentsAlone(cx, node);
  }
  const signature: Signature = {
    typeParameters: [],
    parameters: type.parameters,
    result: type.result,
    requirements: [],
  };
  checkArguments(cx, node, signature, new Map(), null, `\`${cx.textOf(callee)}\``);
  record(cx, node, { kind: "value", type: type as FunctionType });
  return type.result;
}

// ---------------------------------------------------------------------------------------------------
// Arguments and inference

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * Checks a call's arguments against a signature, inferring its type parameters (`preBound` holds
 * those the receiver fixes) from the expected result type and the arguments. Returns the type
 * arguments (an uninferred one as `error`, reported) and the result type.
 */
export function checkArguments(
  cx: BodyContext,
  node: CallExpression,
  signature: Signature,
  preBound: ReadonlyMap<TypeParameterType, LumaType>,
  expected: LumaType | null,
  described: string,
  because?: (index: number) => LabelledPlace | undefined,
): { typeArguments: LumaType[]; result: LumaType } {
  const inference = new Inference(signature.typeParameters, cx.types);
  for (const [parameter, type] of preBound) inference.bind(parameter, type);
  if (expected !== null && !inference.isSettled(signature.result)) inference.unify(signature.result, expected);
  const parameters = signature.parameters;
  const args = node.arguments;
  let sawError = false;
  if (args.length !== parameters.length) {
    const expectedCount = countOf(parameters.length, "argument");
    cx.report({
      code: SemanticCode.ArgumentCount,
      message: `${described} takes ${expectedCount}, but ${args.length === 1 ? "1 was" : `${args.length} were`} given`,
      start: node.start,
      end: node.end,
      label: `expected ${expectedCount}`,
    });
    sawError = true;
  }
  const pairs = args.slice(0, parameters.length).map((value, index) => ({
    value,
    parameter: parameters[index]!,
    because: because?.(index),
  }));
  sawError = checkInferredArguments(cx, inference, pairs) || sawError;
  for (const extra of args.slice(parameters.length)) checkExpression(cx, extra, null);
  // An expected type already wrong says nothing about the type arguments; that is not worth a second error.
  finishInference(cx, node.callee, inference, described, sawError || (expected !== null && containsError(expected)));
  for (const requirement of signature.requirements) {
    const type = inference.apply(requirement.type);
    if (containsError(type) || cx.isDeferred(type) || satisfies(type, requirement.constraint, cx.types)) continue;
    cx.report({
      code: SemanticCode.UnmetConstraint,
      message: `expected ${CONSTRAINT_DESCRIPTIONS[requirement.constraint]}, found ${type.text}`,
      start: node.start,
      end: node.end,
      label: `required by ${described}`,
    });
  }
  return { typeArguments: inference.typeArguments(), result: inference.apply(signature.result) };
}

/**
 * When an argument is checked: 0 for most; 1 for one whose type comes from its context (a number
 * literal, `None`, `[]`, a static call without arguments such as `Array::new()`), which waits for
 * the others to bind the type parameters it depends on, or else takes its default; 2 for a closure,
 * which waits for all of them, since its parameters' types must be known before its body is checked.
 */
function checkingTurn(expression: Expression): 0 | 1 | 2 {
  switch (expression.kind) {
    case "Closure":
      return 2;
    case "Name":
      return expression.name === "None" ? 1 : 0;
    case "ArrayLiteral":
      return expression.elements.length === 0 ? 1 : 0;
    case "Call":
      return expression.callee.kind === "Path" && expression.arguments.length === 0 ? 1 : 0;
    default:
      return isFlexibleLiteral(expression) ? 1 : 0;
  }
}

/**
 * Checks values against the parameter types of an inference (a call's arguments, a struct
 * literal's fields), binding its type parameters, in the order `checkingTurn` gives. Returns
 * true when a value's type was erroneous (so an uninferred parameter is not worth reporting).
 */
export function checkInferredArguments(
  cx: BodyContext,
  inference: Inference,
  pairs: readonly { value: Expression; parameter: LumaType; because?: LabelledPlace | undefined }[],
): boolean {
  const ordered = [0, 1, 2].flatMap((turn) => pairs.filter((pair) => checkingTurn(pair.value) === turn));
  let sawError = false;
  for (const { value, parameter, because } of ordered) {
    const found = checkExpression(cx, value, inference.hint(parameter));
    if (containsError(found)) sawError = true;
    if (inference.unify(parameter, found)) continue;
    const wanted = inference.hint(parameter);
    if (!isCompatible(cx, found, wanted)) reportMismatch(cx, value, wanted, found, because);
  }
  return sawError;
}

/** Reports the type parameters nothing determined (unless an error explains it); they become `error`. */
export function finishInference(
  cx: BodyContext,
  at: NodeBase,
  inference: Inference,
  described: string,
  quiet: boolean,
): void {
  const unbound = inference.unbound();
  if (unbound.length === 0) return;
  for (const parameter of unbound) inference.bind(parameter, error);
  if (quiet) return;
  cx.report({
    code: SemanticCode.CannotInfer,
    message: `cannot infer the type argument${unbound.length === 1 ? "" : "s"} ${unbound.map((parameter) => `\`${parameter.name}\``).join(", ")} of ${described}`,
    start: at.start,
    end: at.end,
    label: "type unknown",
    help: ["give the variable a type, as in `let xs: Array<i64> = Array::new();`"],
  });
}
