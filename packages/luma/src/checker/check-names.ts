// Names, `self` and paths used as values (not called): a variable, a constant, a named function (its
// instance chosen by the expected function type), a C function, a variant without payload (`None`,
// `Color::Red`, its enum's type arguments from the expected type). A type, a built-in function or a
// method named without a call is reported.

import type { NameExpression, NodeBase, PathExpression, SelfExpression } from "../ast.js";
import type { BodyContext } from "./body-context.js";
import { Inference } from "./generics.js";
import { resolveName, resolveNominalMember, resolvePathOwner } from "./resolve-names.js";
import { SemanticCode } from "./semantic-diagnostics.js";
import type { EnumSymbol, FunctionSymbol, StructSymbol, VariantSymbol } from "./symbols.js";
import { containsError, type LumaType, scalarTypes } from "./types.js";

const { error } = scalarTypes;

export function checkName(cx: BodyContext, node: NameExpression, expected: LumaType | null): LumaType {
  const meaning = resolveName(cx, node.name, node);
  switch (meaning.kind) {
    case "unresolved":
      return error;
    case "local":
      cx.body.references.set(node, { kind: "local", local: meaning.local, captured: meaning.captured });
      return meaning.local.type;
    case "prelude-variant":
      return variantValue(cx, node, meaning.variant, expected);
    case "builtin":
      cx.report({
        code: SemanticCode.NotAValue,
        message: `the built-in function \`${node.name}\` can only be called`,
        start: node.start,
        end: node.end,
        label: "not a value",
        help: [`wrap it in a closure to pass it on: \`|x| ${node.name}(x)\``],
      });
      return error;
    case "global": {
      const symbol = meaning.symbol;
      switch (symbol.kind) {
        case "const":
          cx.body.references.set(node, { kind: "const", constant: symbol });
          return symbol.type;
        case "function":
          return functionValue(cx, node, symbol, expected);
        case "extern":
          cx.body.references.set(node, { kind: "extern", symbol });
          return cx.types.function(
            symbol.parameters.map((parameter) => parameter.type),
            symbol.result,
          );
        default:
          reportTypeAsValue(cx, node, symbol);
          return error;
      }
    }
  }
}

function reportTypeAsValue(cx: BodyContext, node: NodeBase, symbol: StructSymbol | EnumSymbol): void {
  cx.report({
    code: SemanticCode.NotAValue,
    message: `expected a value, found the ${symbol.kind} \`${symbol.name}\``,
    start: node.start,
    end: node.end,
    label: "a type, not a value",
    help: [
      symbol.kind === "struct"
        ? `make one with a struct literal: \`${symbol.name} { … }\``
        : `name one of its variants: \`${symbol.name}::${symbol.variants[0]?.name ?? "Variant"}\``,
    ],
  });
}

/** A named function as a value: its instance's function type, type arguments from the expected type. */
function functionValue(
  cx: BodyContext,
  node: NameExpression | PathExpression,
  symbol: FunctionSymbol,
  expected: LumaType | null,
): LumaType {
  const inference = new Inference([...symbol.implTypeParameters, ...symbol.typeParameters], cx.types);
  const type = cx.types.function(
    symbol.parameters.map((parameter) => parameter.type),
    symbol.result,
  );
  if (expected !== null) inference.unify(type, expected);
  if (inference.unbound().length > 0) {
    if (expected !== null && containsError(expected)) return error;
    cx.report({
      code: SemanticCode.CannotInfer,
      message: `cannot infer the type arguments of \`${symbol.name}\` used as a value`,
      start: node.start,
      end: node.end,
      label: "type arguments unknown",
      help: [`give the variable a function type, as in \`let f: ${type.text} = ${symbol.name};\``],
    });
    return error;
  }
  const typeArguments = inference.typeArguments();
  const instance = cx.program.instanceFor(symbol, typeArguments, cx.placeOf(node, ""), cx.instance?.depth ?? 0);
  cx.body.references.set(node, { kind: "function", symbol, typeArguments, instance });
  return inference.apply(type);
}

/** A variant without payload as a value (`None`, `Color::Red`), its enum's type arguments from the context. */
export function variantValue(
  cx: BodyContext,
  node: NameExpression | PathExpression,
  variant: VariantSymbol,
  expected: LumaType | null,
): LumaType {
  const spelled = cx.textOf(node);
  if (variant.payload !== null) {
    cx.report({
      code: SemanticCode.NotAValue,
      message: `\`${spelled}\` needs its payload`,
      start: node.start,
      end: node.end,
      label: `\`${variant.name}\` holds ${variant.payload.length === 1 ? "a value" : `${variant.payload.length} values`}`,
      help: [`call it with the payload: \`${spelled}(…)\``],
    });
    return error;
  }
  const owner = variant.owner;
  if (expected !== null && containsError(expected)) return error;
  const inference = new Inference(owner.typeParameters, cx.types);
  const generic = cx.types.enum(owner, owner.typeParameters);
  if (expected !== null) inference.unify(generic, expected);
  if (inference.unbound().length > 0) {
    cx.report({
      code: SemanticCode.CannotInfer,
      message: `cannot infer the type of \`${spelled}\``,
      start: node.start,
      end: node.end,
      label: `${generic.text} with unknown ${inference
        .unbound()
        .map((parameter) => parameter.name)
        .join(", ")}`,
      help: [`give the variable a type, as in \`let x: ${owner.name}<i64> = ${spelled};\``],
    });
    return error;
  }
  const type = inference.apply(generic);
  if (type.kind === "enum") cx.body.references.set(node, { kind: "variant", type, variant });
  return type;
}

export function checkSelf(cx: BodyContext, node: SelfExpression): LumaType {
  const method = cx.enclosingFunction;
  // `self` is a keyword, so the only variable of that name is a method's receiver.
  const self = method?.declaration.selfParameter ? cx.lookupLocal("self") : null;
  if (self !== null) {
    cx.body.references.set(node, { kind: "local", local: self.local, captured: self.captured });
    return self.local.type;
  }
  const inImpl = method !== null && method.owner !== null;
  cx.report({
    code: SemanticCode.SelfOutsideMethod,
    message: "`self` is only available in a method",
    start: node.start,
    end: node.end,
    label: "not in a method",
    help: inImpl ? [`make \`${method.name}\` a method by taking \`self\` first: \`func ${method.name}(self, …)\``] : [],
  });
  return error;
}

export function checkPath(cx: BodyContext, node: PathExpression, expected: LumaType | null): LumaType {
  const owner = resolvePathOwner(cx, node.owner);
  if (owner.kind === "unresolved") return error;
  if (owner.kind === "builtin") {
    cx.report({
      code: SemanticCode.NotAValue,
      message: `the built-in function \`${owner.owner}::${node.member.name}\` can only be called`,
      start: node.start,
      end: node.end,
      label: "not a value",
    });
    return error;
  }
  const member = resolveNominalMember(cx, owner.symbol, node.member);
  if (member.kind === "unresolved") return error;
  if (member.kind === "variant") return variantValue(cx, node, member.variant, expected);
  if (member.symbol.declaration.selfParameter !== null) {
    reportMethodAsValue(cx, node, member.symbol.name);
    return error;
  }
  return functionValue(cx, node, member.symbol, expected);
}

export function reportMethodAsValue(cx: BodyContext, node: NodeBase, name: string): void {
  cx.report({
    code: SemanticCode.MethodAsValue,
    message: `expected a value, found the method \`${name}\``,
    start: node.start,
    end: node.end,
    label: "a method must be called",
    help: [`call it on a value: \`value.${name}(…)\`, or wrap the call in a closure`],
  });
}
