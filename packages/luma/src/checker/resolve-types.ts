// Types as written (`TypeNode`s) to types as data. A name is looked up among the type parameters in
// scope, the built-in types, then the program's structs and enums and the prelude's; a generic type
// must be given exactly its number of type arguments; `[N]T`'s length is a constant.

import type { NamedType, TypeNode } from "../ast.js";
import { constantLength } from "./check-constants.js";
import { closestName } from "./closest-name.js";
import { satisfies } from "./generics.js";
import { BUILTIN_GENERIC_TYPES, PRELUDE_ENUMS } from "./prelude.js";
import type { ProgramContext } from "./program-context.js";
import { SemanticCode, type SemanticProblem } from "./semantic-diagnostics.js";
import type { EnumSymbol, ProgramFile, StructSymbol } from "./symbols.js";
import {
  CONSTRAINT_DESCRIPTIONS,
  containsTypeParameter,
  type LumaType,
  NAMED_SCALAR_TYPES,
  scalarTypes,
} from "./types.js";

/** Where a type is written: what its names can mean there, and where to report. */
export interface TypeScope {
  readonly program: ProgramContext;
  readonly file: ProgramFile;
  /** The type parameters in scope, by name, and what each means (itself, or an instance's type). */
  readonly typeParameters: ReadonlyMap<string, LumaType>;
  report(problem: Omit<SemanticProblem, "file">): void;
}

export function resolveType(node: TypeNode, scope: TypeScope): LumaType {
  switch (node.kind) {
    case "NamedType":
      return resolveNamedType(node, scope);
    case "ArrayType": {
      const element = resolveType(node.element, scope);
      const length = constantLength(node.length, scope, "an array type's length");
      if (length === null || element.kind === "error") return scalarTypes.error;
      return scope.program.types.fixedArray(element, length);
    }
    case "FunctionType": {
      const parameters = node.parameters.map((parameter) => resolveType(parameter, scope));
      const result = node.returnType === null ? scalarTypes.unit : resolveType(node.returnType, scope);
      return scope.program.types.function(parameters, result);
    }
  }
}

/** A struct or enum a type name denotes, or null. */
export function lookupNominalType(name: string, program: ProgramContext): StructSymbol | EnumSymbol | null {
  const global = program.globals.get(name);
  if (global?.kind === "struct" || global?.kind === "enum") return global;
  return PRELUDE_ENUMS.get(name) ?? null;
}

/** Every type name visible in a scope, for "did you mean" help. */
function typeNamesIn(scope: TypeScope): string[] {
  const userTypes = [...scope.program.globals.values()]
    .filter((symbol) => symbol.kind === "struct" || symbol.kind === "enum")
    .map((symbol) => symbol.name);
  return [
    ...scope.typeParameters.keys(),
    ...NAMED_SCALAR_TYPES.keys(),
    ...BUILTIN_GENERIC_TYPES.keys(),
    ...userTypes,
    ...PRELUDE_ENUMS.keys(),
  ];
}

function resolveNamedType(node: NamedType, scope: TypeScope): LumaType {
  const name = node.name.name;
  const types = scope.program.types;
  const parameter = scope.typeParameters.get(name);
  const scalar = NAMED_SCALAR_TYPES.get(name);
  const plain = parameter ?? scalar;
  if (plain !== undefined) {
    if (node.typeArguments.length > 0) {
      reportArgumentCount(node, scope, parameter !== undefined ? `the type parameter \`${name}\`` : `\`${name}\``, 0);
      return scalarTypes.error;
    }
    return plain;
  }
  const builtinArity = BUILTIN_GENERIC_TYPES.get(name);
  if (builtinArity !== undefined) {
    if (node.typeArguments.length !== builtinArity) {
      reportArgumentCount(node, scope, `\`${name}\``, builtinArity);
      return scalarTypes.error;
    }
    const [first, second] = node.typeArguments.map((argument) => resolveType(argument, scope)) as [LumaType, LumaType];
    switch (name) {
      case "Array":
        return types.array(first);
      case "Map":
        return isValidMapKey(node, first, scope) ? types.map(first, second) : scalarTypes.error;
      case "rc":
        return types.rc(first);
      case "weak":
        return types.weak(first);
      default:
        return types.pointer(first);
    }
  }
  const nominal = lookupNominalType(name, scope.program);
  if (nominal !== null) {
    const arity = nominal.typeParameters.length;
    if (node.typeArguments.length !== arity) {
      reportArgumentCount(node, scope, `\`${name}\``, arity);
      return scalarTypes.error;
    }
    const typeArguments = node.typeArguments.map((argument) => resolveType(argument, scope));
    return nominal.kind === "struct" ? types.struct(nominal, typeArguments) : types.enum(nominal, typeArguments);
  }
  const other = scope.program.globals.get(name);
  if (other !== undefined) {
    const what = other.kind === "const" ? "a constant" : "a function";
    scope.report({
      code: SemanticCode.NotAType,
      message: `expected a type, found ${what} \`${name}\``,
      start: node.name.start,
      end: node.name.end,
      label: "not a type",
    });
    return scalarTypes.error;
  }
  const suggestion = closestName(name, typeNamesIn(scope));
  scope.report({
    code: SemanticCode.UnknownType,
    message: `cannot find type \`${name}\``,
    start: node.name.start,
    end: node.name.end,
    label: "not found",
    help: suggestion === null ? [] : [`a type with a similar name exists: \`${suggestion}\``],
  });
  return scalarTypes.error;
}

function reportArgumentCount(node: NamedType, scope: TypeScope, what: string, expected: number): void {
  const found = node.typeArguments.length;
  const plural = (n: number) => `${n} type argument${n === 1 ? "" : "s"}`;
  scope.report({
    code: SemanticCode.TypeArgumentCount,
    message: `${what} takes ${plural(expected)}, found ${found}`,
    start: node.start,
    end: node.end,
    label: `expected ${plural(expected)}`,
  });
}

/** Reports a map key type that cannot be hashed. */
function isValidMapKey(node: NamedType, key: LumaType, scope: TypeScope): boolean {
  if (key.kind === "error" || containsTypeParameter(key) || satisfies(key, "hashable", scope.program.types))
    return true;
  const keyNode = node.typeArguments[0]!;
  scope.report({
    code: SemanticCode.UnmetConstraint,
    message: `expected ${CONSTRAINT_DESCRIPTIONS.hashable}, found ${key.text}`,
    start: keyNode.start,
    end: keyNode.end,
    label: "not a valid map key",
  });
  return false;
}
