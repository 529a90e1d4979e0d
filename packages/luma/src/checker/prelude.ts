// The names every program has without declaring them: the built-in type names (`i64`, `string`,
// `Array`, `Map`, `rc`, `weak`, `ptr`) and the prelude's two enums, `Option<T>` (`Some(x)`, `None`)
// and `Result<T, E>` (`Ok(x)`, `Err(e)`), which are ordinary generic enums for matching and
// construction, and whose variants may be named without their enum.

import type { EnumSymbol, VariantSymbol } from "./symbols.js";
import { type EnumType, type LumaType, nextId, type TypeInterner, typeParameter } from "./types.js";

function preludeEnum(
  name: "Option" | "Result",
  parameterNames: readonly string[],
  variants: readonly [string, number[] | null][],
): EnumSymbol {
  const typeParameters = parameterNames.map(typeParameter);
  const variantList: VariantSymbol[] = [];
  const symbol: EnumSymbol = {
    kind: "enum",
    id: nextId(),
    name,
    file: null,
    declaration: null,
    typeParameters,
    variants: variantList,
    members: new Map(),
    builtin: name,
  };
  for (const [index, [variantName, payload]] of variants.entries()) {
    variantList.push({
      kind: "variant",
      owner: symbol,
      name: variantName,
      index,
      payload: payload === null ? null : payload.map((parameter) => typeParameters[parameter]!),
      declaration: null,
    });
  }
  return symbol;
}

/** `enum Option<T> { Some(T), None }`. */
export const OPTION = preludeEnum(
  "Option",
  ["T"],
  [
    ["Some", [0]],
    ["None", null],
  ],
);

/** `enum Result<T, E> { Ok(T), Err(E) }`. */
export const RESULT = preludeEnum(
  "Result",
  ["T", "E"],
  [
    ["Ok", [0]],
    ["Err", [1]],
  ],
);

/** The prelude's variants by their bare names: `Some`, `None`, `Ok`, `Err`. */
export const PRELUDE_VARIANTS: ReadonlyMap<string, VariantSymbol> = new Map(
  [...OPTION.variants, ...RESULT.variants].map((variant) => [variant.name, variant]),
);

/** The prelude's enums by name. */
export const PRELUDE_ENUMS: ReadonlyMap<string, EnumSymbol> = new Map([
  ["Option", OPTION],
  ["Result", RESULT],
]);

/** Generic built-in types and how many type arguments each takes. */
export const BUILTIN_GENERIC_TYPES: ReadonlyMap<string, number> = new Map([
  ["Array", 1],
  ["Map", 2],
  ["rc", 1],
  ["weak", 1],
  ["ptr", 1],
]);

export function optionType(types: TypeInterner, value: LumaType): EnumType {
  return types.enum(OPTION, [value]);
}

export function resultType(types: TypeInterner, value: LumaType, error: LumaType): EnumType {
  return types.enum(RESULT, [value, error]);
}

export function isOptionType(type: LumaType): type is EnumType {
  return type.kind === "enum" && type.symbol === OPTION;
}

export function isResultType(type: LumaType): type is EnumType {
  return type.kind === "enum" && type.symbol === RESULT;
}
