// What a name in an expression means, and what the owner of a path (`Owner::member`) is. A value's
// name is looked up among the variables in scope (innermost first), then the program's top-level
// declarations (functions may be used before they are defined), then the prelude's variants (`Some`,
// `None`, `Ok`, `Err`) and the built-in functions, which a program's own declaration hides.

import type { Identifier, NodeBase } from "../ast.js";
import type { BodyContext } from "./body-context.js";
import { BUILTIN_FUNCTIONS, BUILTIN_STATICS, type BuiltinFunction, type BuiltinStaticOwner } from "./builtins.js";
import { closestName } from "./closest-name.js";
import { BUILTIN_GENERIC_TYPES, PRELUDE_VARIANTS } from "./prelude.js";
import { lookupNominalType } from "./resolve-types.js";
import { SemanticCode } from "./semantic-diagnostics.js";
import type { EnumSymbol, FunctionSymbol, GlobalSymbol, LocalSymbol, StructSymbol, VariantSymbol } from "./symbols.js";
import { NAMED_SCALAR_TYPES } from "./types.js";

export type NameMeaning =
  | { readonly kind: "local"; readonly local: LocalSymbol; readonly captured: boolean }
  | { readonly kind: "global"; readonly symbol: GlobalSymbol }
  | { readonly kind: "prelude-variant"; readonly variant: VariantSymbol }
  | { readonly kind: "builtin"; readonly builtin: BuiltinFunction }
  /** Nothing by that name; already reported. */
  | { readonly kind: "unresolved" };

/** What `name`, written at `node`, means; reports an unknown name or one used before its `let`. */
export function resolveName(cx: BodyContext, name: string, node: NodeBase): NameMeaning {
  const local = cx.lookupLocal(name);
  if (local !== null) return { kind: "local", ...local };
  const global = cx.program.globals.get(name);
  if (global !== undefined) return { kind: "global", symbol: global };
  const variant = PRELUDE_VARIANTS.get(name);
  if (variant !== undefined) return { kind: "prelude-variant", variant };
  const builtin = BUILTIN_FUNCTIONS.get(name);
  if (builtin !== undefined) return { kind: "builtin", builtin };
  const upcoming = cx.scope.upcomingDeclaration(name);
  if (upcoming !== null) {
    cx.report({
      code: SemanticCode.UseBeforeDeclaration,
      message: `cannot use \`${name}\` before its declaration`,
      start: node.start,
      end: node.end,
      label: "used here",
      related: [cx.placeOf(upcoming, `\`${name}\` is declared here`)],
      help: ["move the `let` before its first use"],
    });
    return { kind: "unresolved" };
  }
  const candidates = [
    ...cx.scope.visibleNames(),
    ...cx.program.globals.keys(),
    ...PRELUDE_VARIANTS.keys(),
    ...BUILTIN_FUNCTIONS.keys(),
  ];
  const suggestion = closestName(name, candidates);
  cx.report({
    code: SemanticCode.UnknownName,
    message: `cannot find \`${name}\` in this scope`,
    start: node.start,
    end: node.end,
    label: "not found",
    help: suggestion === null ? [] : [`did you mean \`${suggestion}\`?`],
  });
  return { kind: "unresolved" };
}

export type PathOwner =
  | { readonly kind: "nominal"; readonly symbol: StructSymbol | EnumSymbol }
  | { readonly kind: "builtin"; readonly owner: BuiltinStaticOwner }
  /** Reported already. */
  | { readonly kind: "unresolved" };

/** The type before `::`: a struct or enum (the program's or the prelude's) or a library type. */
export function resolvePathOwner(cx: BodyContext, owner: Identifier): PathOwner {
  const name = owner.name;
  if (cx.typeParameters.has(name)) {
    cx.report({
      code: SemanticCode.UnknownMember,
      message: `cannot call a function through the type parameter \`${name}\``,
      start: owner.start,
      end: owner.end,
      label: "a type parameter",
      help: ["type parameters have no static functions; pass a function value instead"],
    });
    return { kind: "unresolved" };
  }
  const nominal = lookupNominalType(name, cx.program);
  if (nominal !== null) return { kind: "nominal", symbol: nominal };
  if (BUILTIN_STATICS.has(name as BuiltinStaticOwner)) return { kind: "builtin", owner: name as BuiltinStaticOwner };
  if (NAMED_SCALAR_TYPES.has(name) || BUILTIN_GENERIC_TYPES.has(name)) {
    cx.report({
      code: SemanticCode.UnknownMember,
      message: `\`${name}\` has no static functions`,
      start: owner.start,
      end: owner.end,
      label: "a built-in type",
    });
    return { kind: "unresolved" };
  }
  const global = cx.program.globals.get(name);
  if (global !== undefined) {
    cx.report({
      code: SemanticCode.NotAType,
      message: `expected a type before \`::\`, found ${global.kind === "const" ? "a constant" : "a function"} \`${name}\``,
      start: owner.start,
      end: owner.end,
      label: "not a type",
    });
    return { kind: "unresolved" };
  }
  const typeNames = [
    ...[...cx.program.globals.values()].filter((s) => s.kind === "struct" || s.kind === "enum").map((s) => s.name),
    ...BUILTIN_STATICS.keys(),
    "Option",
    "Result",
  ];
  const suggestion = closestName(name, typeNames);
  cx.report({
    code: SemanticCode.UnknownType,
    message: `cannot find type \`${name}\``,
    start: owner.start,
    end: owner.end,
    label: "not found",
    help: suggestion === null ? [] : [`a type with a similar name exists: \`${suggestion}\``],
  });
  return { kind: "unresolved" };
}

/** The member of a struct or enum named after `::`: a variant (enums) or a function of its impls. */
export type NominalMember =
  | { readonly kind: "variant"; readonly variant: VariantSymbol }
  | { readonly kind: "function"; readonly symbol: FunctionSymbol }
  | { readonly kind: "unresolved" };

/** `Owner::member` in a struct or enum; reports a member that does not exist. */
export function resolveNominalMember(
  cx: BodyContext,
  owner: StructSymbol | EnumSymbol,
  member: Identifier,
): NominalMember {
  if (owner.kind === "enum") {
    const variant = owner.variants.find((candidate) => candidate.name === member.name);
    if (variant !== undefined) return { kind: "variant", variant };
  }
  const symbol = owner.members.get(member.name);
  if (symbol !== undefined) return { kind: "function", symbol };
  const candidates = [
    ...(owner.kind === "enum" ? owner.variants.map((variant) => variant.name) : []),
    ...owner.members.keys(),
  ];
  const suggestion = closestName(member.name, candidates);
  const isEnum = owner.kind === "enum";
  cx.report({
    code: isEnum ? SemanticCode.UnknownVariant : SemanticCode.UnknownMember,
    message: isEnum
      ? `no variant or function \`${member.name}\` in enum \`${owner.name}\``
      : `no function \`${member.name}\` in struct \`${owner.name}\``,
    start: member.start,
    end: member.end,
    label: "not found",
    help: suggestion === null ? [] : [`did you mean \`${owner.name}::${suggestion}\`?`],
  });
  return { kind: "unresolved" };
}
