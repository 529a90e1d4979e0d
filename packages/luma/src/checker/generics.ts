// Generics: substituting type arguments for type parameters, inferring a call's type arguments from
// its arguments and its expected type, the members of an instantiated struct or enum, and the
// constraints built-in operations put on types.
//
// Inference is local and one-directional per argument, which is enough for the language's rules: the
// expected type (`let xs: Array<i64> = Array::new();`) is unified with the result first, then each
// argument's type with its parameter's. An argument that needs its context to have a type (a literal,
// a closure with untyped parameters, `None`, `[]`, `X::new()`) is checked after the others, so
// `max(1, x)` with `x: u8` types `1` as `u8`, and a closure's parameters come from the other arguments.

import type { EnumType, LumaType, StructType, TypeConstraint, TypeInterner, TypeParameterType } from "./types.js";
import { containsUnknown, isFloat, isInteger, isNumeric, scalarTypes, someTypePart } from "./types.js";

/** A function's type as a call sees it: the type parameters the call infers, and what they must meet. */
export interface Signature {
  readonly typeParameters: readonly TypeParameterType[];
  readonly parameters: readonly LumaType[];
  readonly result: LumaType;
  readonly requirements: readonly TypeRequirement[];
}

/** A constraint on a type of a signature (`T` of `sort` must be ordered). */
export interface TypeRequirement {
  readonly type: LumaType;
  readonly constraint: TypeConstraint;
}

/** Type parameters and what each stands for. */
export type Substitution = ReadonlyMap<TypeParameterType, LumaType>;

/** `type` with each parameter of `substitution` replaced; parameters it does not bind stay. */
export function substitute(type: LumaType, substitution: Substitution, types: TypeInterner): LumaType {
  if (substitution.size === 0) return type;
  // Each shared part is substituted once, so a type written out exponentially costs its size as held.
  const done = new Map<LumaType, LumaType>();
  const visit = (part: LumaType): LumaType => {
    let result = done.get(part);
    if (result === undefined) {
      result = substituteParts(part, substitution, types, visit);
      done.set(part, result);
    }
    return result;
  };
  return visit(type);
}

function substituteParts(
  type: LumaType,
  substitution: Substitution,
  types: TypeInterner,
  substitutePart: (part: LumaType) => LumaType,
): LumaType {
  switch (type.kind) {
    case "type-parameter":
      return substitution.get(type) ?? type;
    case "fixed-array":
      return types.fixedArray(substitutePart(type.element), type.length);
    case "array":
      return types.array(substitutePart(type.element));
    case "map":
      return types.map(substitutePart(type.key), substitutePart(type.value));
    case "rc":
      return types.rc(substitutePart(type.target));
    case "weak":
      return types.weak(substitutePart(type.target));
    case "pointer":
      return types.pointer(substitutePart(type.target));
    case "function":
      return types.function(
        type.parameters.map((parameter) => substitutePart(parameter)),
        substitutePart(type.result),
      );
    case "struct":
      return types.struct(
        type.symbol,
        type.typeArguments.map((argument) => substitutePart(argument)),
      );
    case "enum":
      return types.enum(
        type.symbol,
        type.typeArguments.map((argument) => substitutePart(argument)),
      );
    default:
      return type;
  }
}

/** The substitution that instantiates `parameters` with `typeArguments`, position by position. */
export function bindParameters(
  parameters: readonly TypeParameterType[],
  typeArguments: readonly LumaType[],
): Map<TypeParameterType, LumaType> {
  const substitution = new Map<TypeParameterType, LumaType>();
  parameters.forEach((parameter, index) => {
    substitution.set(parameter, typeArguments[index] ?? scalarTypes.error);
  });
  return substitution;
}

/** The field types of a struct type, its declaration's with its type arguments substituted. */
export function fieldTypesOf(type: StructType, types: TypeInterner): LumaType[] {
  const substitution = bindParameters(type.symbol.typeParameters, type.typeArguments);
  return type.symbol.fields.map((field) => substitute(field.type, substitution, types));
}

/** A variant's payload types in an enum type, or null for a variant without payload. */
export function payloadTypesOf(type: EnumType, variantIndex: number, types: TypeInterner): LumaType[] | null {
  const payload = type.symbol.variants[variantIndex]?.payload ?? null;
  if (payload === null) return null;
  const substitution = bindParameters(type.symbol.typeParameters, type.typeArguments);
  return payload.map((part) => substitute(part, substitution, types));
}

/**
 * The state of inferring one call's type arguments: the parameters being inferred and what they are
 * bound to so far.
 */
export class Inference {
  readonly bindings = new Map<TypeParameterType, LumaType>();
  private readonly variables: ReadonlySet<TypeParameterType>;

  constructor(
    readonly parameters: readonly TypeParameterType[],
    private readonly types: TypeInterner,
  ) {
    this.variables = new Set(parameters);
  }

  bind(parameter: TypeParameterType, type: LumaType): void {
    if (this.variables.has(parameter)) this.bindings.set(parameter, type);
  }

  /**
   * Binds the unbound parameters in `pattern` so that it matches `actual`, part by part. Returns
   * false on a conflict (different shapes, or a parameter already bound to another type); unknown
   * parts (of either) and erroneous parts of `actual` bind nothing and conflict with nothing.
   */
  unify(pattern: LumaType, actual: LumaType): boolean {
    if (actual.kind === "unknown" || actual.kind === "error" || pattern.kind === "unknown") return true;
    if (pattern.kind === "type-parameter" && this.variables.has(pattern)) {
      const bound = this.bindings.get(pattern);
      if (bound === undefined) {
        // A hint's holes say nothing yet: `Tree<_>` must not become what the parameter stands for.
        if (!containsUnknown(actual)) this.bindings.set(pattern, actual);
        return true;
      }
      return bound === actual || bound.kind === "error" || this.unify(bound, actual);
    }
    // A type that is itself a parameter being inferred (a recursive call's argument) still binds it.
    if (pattern === actual && this.isSettled(pattern)) return true;
    switch (pattern.kind) {
      case "fixed-array":
        return (
          actual.kind === "fixed-array" &&
          pattern.length === actual.length &&
          this.unify(pattern.element, actual.element)
        );
      case "array":
        return actual.kind === "array" && this.unify(pattern.element, actual.element);
      case "map":
        return actual.kind === "map" && this.unify(pattern.key, actual.key) && this.unify(pattern.value, actual.value);
      case "rc":
      case "weak":
      case "pointer":
        return actual.kind === pattern.kind && this.unify(pattern.target, actual.target);
      case "function":
        return (
          actual.kind === "function" &&
          actual.parameters.length === pattern.parameters.length &&
          pattern.parameters.every((parameter, index) => this.unify(parameter, actual.parameters[index]!)) &&
          this.unify(pattern.result, actual.result)
        );
      case "struct":
      case "enum":
        return (
          actual.kind === pattern.kind &&
          actual.symbol === pattern.symbol &&
          pattern.typeArguments.every((argument, index) => this.unify(argument, actual.typeArguments[index]!))
        );
      default:
        return false;
    }
  }

  /** `type` with the bound parameters substituted. */
  apply(type: LumaType): LumaType {
    return substitute(type, this.bindings, this.types);
  }

  /** `type` with the bound parameters substituted and the unbound ones as `unknown`: a hint. */
  hint(type: LumaType): LumaType {
    const withUnknowns = new Map(this.bindings);
    for (const parameter of this.variables) {
      if (!withUnknowns.has(parameter)) withUnknowns.set(parameter, scalarTypes.unknown);
    }
    return substitute(type, withUnknowns, this.types);
  }

  /** True when `type` mentions no parameter still unbound. */
  isSettled(type: LumaType): boolean {
    return !this.mentionsUnbound(type);
  }

  unbound(): TypeParameterType[] {
    return this.parameters.filter((parameter) => !this.bindings.has(parameter));
  }

  /** The type arguments in parameter order (an unbound one as `error`, once reported). */
  typeArguments(): LumaType[] {
    return this.parameters.map((parameter) => this.bindings.get(parameter) ?? scalarTypes.error);
  }

  private mentionsUnbound(type: LumaType): boolean {
    return someTypePart(
      type,
      (part) => part.kind === "type-parameter" && this.variables.has(part) && !this.bindings.has(part),
    );
  }
}

/**
 * Whether a concrete type meets a constraint. Equality is structural over values that have no
 * identity of their own (numbers, bool, string, pointers, and structs, enums and fixed arrays made of
 * such); containers, `rc`, `weak` and functions have none, so `==` does not take them.
 */
export function satisfies(type: LumaType, constraint: TypeConstraint, types: TypeInterner): boolean {
  switch (constraint) {
    case "numeric":
      return isNumeric(type);
    case "signed":
      return isFloat(type) || (isInteger(type) && type.signed);
    case "float":
      return isFloat(type);
    case "ordered":
      return isNumeric(type) || type.kind === "string";
    case "hashable":
      return isInteger(type) || type.kind === "bool" || type.kind === "string";
    case "printable":
      return isNumeric(type) || type.kind === "bool" || type.kind === "string";
    case "equatable":
      return isEquatable(type, types, new Set(), 0);
  }
}

/**
 * How deep equality looks into members. Only a type reported as containing itself (with ever
 * larger type arguments, `struct A<T> { x: Option<A<[1]T>> }`) goes deeper; it is not refused twice.
 */
const MAX_EQUALITY_DEPTH = 32;

function isEquatable(type: LumaType, types: TypeInterner, visiting: Set<LumaType>, depth: number): boolean {
  if (depth > MAX_EQUALITY_DEPTH) return true;
  switch (type.kind) {
    case "integer":
    case "float":
    case "bool":
    case "string":
    case "unit":
    case "pointer":
    case "error":
      return true;
    case "fixed-array":
      return isEquatable(type.element, types, visiting, depth + 1);
    case "struct":
    case "enum": {
      // A type met again is being answered further up; a recursive type goes through `rc`, which
      // has no equality, so the answer comes from there.
      if (visiting.has(type)) return true;
      visiting.add(type);
      const members =
        type.kind === "struct"
          ? fieldTypesOf(type, types)
          : type.symbol.variants.flatMap((variant) => payloadTypesOf(type, variant.index, types) ?? []);
      return members.every((member) => isEquatable(member, types, visiting, depth + 1));
    }
    default:
      return false;
  }
}
