// The program's declarations, before any body is checked: first every top-level name is collected
// (so functions, types and constants may be used before they are defined, in any file), then the
// impls are attached to their types, then signatures are resolved: struct fields, enum payloads,
// function and C function signatures, constant types. Last, structs and enums that contain
// themselves by value are refused, and `main`, `#[test]` and `extern func` signatures checked.

import type {
  Declaration,
  FunctionDeclaration,
  Identifier,
  ImplDeclaration,
  NodeBase,
  Parameter,
  TypeParameter,
} from "../ast.js";
import { fieldTypesOf, payloadTypesOf } from "./generics.js";
import { BUILTIN_GENERIC_TYPES, PRELUDE_ENUMS } from "./prelude.js";
import type { ProgramContext } from "./program-context.js";
import { resolveType, type TypeScope } from "./resolve-types.js";
import { type LabelledPlace, SemanticCode, type SemanticProblem } from "./semantic-diagnostics.js";
import type {
  EnumSymbol,
  FunctionSymbol,
  GlobalSymbol,
  ParameterInfo,
  ProgramFile,
  StructSymbol,
  VariantSymbol,
} from "./symbols.js";
import {
  containsError,
  isNumeric,
  type LumaType,
  NAMED_SCALAR_TYPES,
  nextId,
  scalarTypes,
  type TypeParameterType,
  typeParameter,
} from "./types.js";

/** Collects every file's declarations, attaches impls, and resolves all signatures. */
export function declareProgram(program: ProgramContext): void {
  for (const file of program.files) {
    for (const declaration of file.module.declarations) collectDeclaration(program, file, declaration);
  }
  for (const file of program.files) {
    for (const declaration of file.module.declarations) {
      if (declaration.kind === "Impl") collectImpl(program, file, declaration);
    }
  }
  // Impls are collected once every type is known; the list is then put back in source order.
  program.functions.sort((a, b) => a.file.index - b.file.index || a.declaration.start - b.declaration.start);
  resolveSignatures(program);
  checkRecursiveTypes(program);
  checkSpecialSignatures(program);
}

function report(program: ProgramContext, file: ProgramFile, problem: Omit<SemanticProblem, "file">): void {
  program.diagnostics.report({ ...problem, file });
}

function place(file: ProgramFile, node: NodeBase, label: string): LabelledPlace {
  return { file, start: node.start, end: node.end, label };
}

/** The names of declarations, whose first definition wins; a later one is reported. */
function nameOf(symbol: GlobalSymbol): Identifier {
  return symbol.declaration!.name;
}

function reportDuplicate(
  program: ProgramContext,
  file: ProgramFile,
  name: Identifier,
  message: string,
  first: LabelledPlace | null,
): void {
  report(program, file, {
    code: SemanticCode.DuplicateDefinition,
    message,
    start: name.start,
    end: name.end,
    label: "defined again here",
    related: first === null ? [] : [first],
    help: ["rename one of them"],
  });
}

/** Enters a top-level symbol in the program's namespace, unless its name is taken. */
function register(program: ProgramContext, file: ProgramFile, symbol: GlobalSymbol): boolean {
  const name = nameOf(symbol);
  if (NAMED_SCALAR_TYPES.has(name.name) || BUILTIN_GENERIC_TYPES.has(name.name) || PRELUDE_ENUMS.has(name.name)) {
    report(program, file, {
      code: SemanticCode.BuiltinRedefined,
      message: `\`${name.name}\` is a built-in type and cannot be defined again`,
      start: name.start,
      end: name.end,
      label: "a built-in type's name",
      help: ["choose another name"],
    });
    return false;
  }
  const existing = program.globals.get(name.name);
  if (existing !== undefined) {
    reportDuplicate(
      program,
      file,
      name,
      `the name \`${name.name}\` is defined more than once`,
      place(existing.file!, nameOf(existing), "first defined here"),
    );
    return false;
  }
  program.globals.set(name.name, symbol);
  return true;
}

/** Type parameters of a declaration, each a new type; a repeated name is reported. */
function makeTypeParameters(
  program: ProgramContext,
  file: ProgramFile,
  parameters: readonly TypeParameter[],
  outer: readonly [string, TypeParameter][] = [],
): TypeParameterType[] {
  const seen = new Map<string, TypeParameter>(outer);
  return parameters.map((parameter) => {
    const name = parameter.name.name;
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      reportDuplicate(
        program,
        file,
        parameter.name,
        `the type parameter \`${name}\` is declared more than once`,
        place(file, earlier, "first declared here"),
      );
    }
    seen.set(name, parameter);
    return typeParameter(name);
  });
}

function collectDeclaration(program: ProgramContext, file: ProgramFile, declaration: Declaration): void {
  switch (declaration.kind) {
    case "Function": {
      const symbol = functionSymbol(program, file, declaration, null, [], []);
      if (register(program, file, symbol)) program.functions.push(symbol);
      return;
    }
    case "ExternFunction": {
      const symbol = {
        kind: "extern" as const,
        id: nextId(),
        name: declaration.name.name,
        file,
        declaration,
        parameters: [],
        result: scalarTypes.unit,
      };
      if (register(program, file, symbol)) program.externs.push(symbol);
      return;
    }
    case "Struct": {
      const symbol: StructSymbol = {
        kind: "struct",
        id: nextId(),
        name: declaration.name.name,
        file,
        declaration,
        typeParameters: makeTypeParameters(program, file, declaration.typeParameters),
        fields: [],
        members: new Map(),
      };
      if (register(program, file, symbol)) program.structs.push(symbol);
      return;
    }
    case "Enum": {
      const variants: VariantSymbol[] = [];
      const symbol: EnumSymbol = {
        kind: "enum",
        id: nextId(),
        name: declaration.name.name,
        file,
        declaration,
        typeParameters: makeTypeParameters(program, file, declaration.typeParameters),
        variants,
        members: new Map(),
        builtin: null,
      };
      for (const variant of declaration.variants) {
        const earlier = variants.find((candidate) => candidate.name === variant.name.name);
        if (earlier !== undefined) {
          reportDuplicate(
            program,
            file,
            variant.name,
            `the variant \`${variant.name.name}\` is defined more than once`,
            place(file, earlier.declaration!.name, "first defined here"),
          );
          continue;
        }
        variants.push({
          kind: "variant",
          owner: symbol,
          name: variant.name.name,
          index: variants.length,
          payload: null,
          declaration: variant,
        });
      }
      if (register(program, file, symbol)) program.enums.push(symbol);
      return;
    }
    case "Const": {
      const symbol = {
        kind: "const" as const,
        id: nextId(),
        name: declaration.name.name,
        file,
        declaration,
        type: scalarTypes.error as LumaType,
        value: null,
        evaluation: "pending" as const,
      };
      if (register(program, file, symbol)) program.constants.push(symbol);
      return;
    }
    case "Impl":
    case "Import":
      return;
  }
}

function functionSymbol(
  program: ProgramContext,
  file: ProgramFile,
  declaration: FunctionDeclaration,
  owner: StructSymbol | EnumSymbol | null,
  implTypeParameters: readonly TypeParameterType[],
  implParameterNodes: readonly TypeParameter[],
): FunctionSymbol {
  const outer = implParameterNodes.map((node): [string, TypeParameter] => [node.name.name, node]);
  return {
    kind: "function",
    id: nextId(),
    name: declaration.name.name,
    file,
    declaration,
    owner,
    implTypeParameters,
    typeParameters: makeTypeParameters(program, file, declaration.typeParameters, outer),
    selfType: null,
    parameters: [],
    result: scalarTypes.unit,
  };
}

/**
 * `impl<T> Name<T> { … }`: its functions become members of the struct or enum. The target must be
 * a struct or enum of the program, named with exactly the impl's type parameters in order. Functions
 * of an impl that is wrong are still checked, as functions of no type.
 */
function collectImpl(program: ProgramContext, file: ProgramFile, impl: ImplDeclaration): void {
  const implTypeParameters = makeTypeParameters(program, file, impl.typeParameters);
  const owner = implTarget(program, file, impl);
  for (const method of impl.methods) {
    const symbol = functionSymbol(program, file, method, owner, implTypeParameters, impl.typeParameters);
    program.functions.push(symbol);
    if (owner === null) continue;
    const earlier = owner.members.get(symbol.name);
    const variant =
      owner.kind === "enum" ? owner.variants.find((candidate) => candidate.name === symbol.name) : undefined;
    if (earlier !== undefined || variant !== undefined) {
      const first = earlier?.declaration.name ?? variant?.declaration?.name ?? null;
      const firstFile = earlier?.file ?? owner.file;
      reportDuplicate(
        program,
        file,
        method.name,
        `\`${owner.name}\` already has a member named \`${symbol.name}\``,
        first === null || firstFile === null ? null : place(firstFile, first, "first defined here"),
      );
      continue;
    }
    owner.members.set(symbol.name, symbol);
  }
}

function implTarget(
  program: ProgramContext,
  file: ProgramFile,
  impl: ImplDeclaration,
): StructSymbol | EnumSymbol | null {
  const target = impl.target;
  const name = target.name.name;
  const symbol = program.globals.get(name);
  if (symbol?.kind !== "struct" && symbol?.kind !== "enum") {
    const builtin = NAMED_SCALAR_TYPES.has(name) || BUILTIN_GENERIC_TYPES.has(name) || PRELUDE_ENUMS.has(name);
    report(program, file, {
      code: symbol === undefined && !builtin ? SemanticCode.UnknownType : SemanticCode.InvalidImpl,
      message:
        symbol === undefined && !builtin
          ? `cannot find type \`${name}\``
          : `expected a struct or enum of the program after \`impl\`, found ${builtin ? "the built-in type" : "the name"} \`${name}\``,
      start: target.name.start,
      end: target.name.end,
      label: symbol === undefined && !builtin ? "not found" : "cannot have an impl",
    });
    return null;
  }
  const written = target.typeArguments;
  const matches =
    written.length === symbol.typeParameters.length &&
    written.length === impl.typeParameters.length &&
    written.every(
      (argument, index) =>
        argument.kind === "NamedType" &&
        argument.typeArguments.length === 0 &&
        argument.name.name === impl.typeParameters[index]!.name.name,
    );
  if (!matches) {
    const names = symbol.typeParameters.map((parameter) => parameter.name).join(", ");
    report(program, file, {
      code: SemanticCode.InvalidImpl,
      message:
        symbol.typeParameters.length === 0
          ? `\`${name}\` is not generic, so its impl takes no type parameters`
          : `the impl of \`${name}\` must name its type parameters: \`impl<${names}> ${name}<${names}>\``,
      start: impl.start,
      end: target.end,
      label: "type parameters do not match",
      help:
        symbol.typeParameters.length === 0
          ? [`write \`impl ${name} { … }\``]
          : [`write \`impl<${names}> ${name}<${names}> { … }\``],
    });
    return null;
  }
  return symbol;
}

// ---------------------------------------------------------------------------------------------------
// Signatures

/** A scope for resolving a declaration's types: its file and the type parameters it declares. */
function declarationScope(
  program: ProgramContext,
  file: ProgramFile,
  typeParameters: readonly TypeParameterType[],
): TypeScope {
  return {
    program,
    file,
    typeParameters: new Map(typeParameters.map((parameter) => [parameter.name, parameter])),
    report: (problem) => report(program, file, problem),
  };
}

function resolveParameters(
  program: ProgramContext,
  file: ProgramFile,
  parameters: readonly Parameter[],
  scope: TypeScope,
): ParameterInfo[] {
  const seen = new Map<string, Parameter>();
  return parameters.map((parameter) => {
    const earlier = seen.get(parameter.name.name);
    if (earlier !== undefined) {
      reportDuplicate(
        program,
        file,
        parameter.name,
        `the parameter \`${parameter.name.name}\` is declared more than once`,
        place(file, earlier.name, "first declared here"),
      );
    }
    seen.set(parameter.name.name, parameter);
    return { name: parameter.name.name, type: resolveType(parameter.type, scope), declaration: parameter };
  });
}

function resolveSignatures(program: ProgramContext): void {
  for (const symbol of program.structs) {
    const scope = declarationScope(program, symbol.file, symbol.typeParameters);
    const fields: StructSymbol["fields"][number][] = [];
    for (const field of symbol.declaration.fields) {
      const earlier = fields.find((candidate) => candidate.name === field.name.name);
      if (earlier !== undefined) {
        reportDuplicate(
          program,
          symbol.file,
          field.name,
          `the field \`${field.name.name}\` is declared more than once`,
          place(symbol.file, earlier.declaration.name, "first declared here"),
        );
        continue;
      }
      fields.push({
        name: field.name.name,
        index: fields.length,
        type: resolveType(field.type, scope),
        declaration: field,
      });
    }
    symbol.fields = fields;
  }
  for (const symbol of program.enums) {
    if (symbol.file === null) continue;
    const scope = declarationScope(program, symbol.file, symbol.typeParameters);
    for (const variant of symbol.variants) {
      const payload = variant.declaration?.payload ?? null;
      variant.payload = payload === null ? null : payload.map((type) => resolveType(type, scope));
    }
  }
  for (const symbol of program.functions) {
    const scope = declarationScope(program, symbol.file, [...symbol.implTypeParameters, ...symbol.typeParameters]);
    const declaration = symbol.declaration;
    symbol.parameters = resolveParameters(program, symbol.file, declaration.parameters, scope);
    symbol.result = declaration.returnType === null ? scalarTypes.unit : resolveType(declaration.returnType, scope);
    if (declaration.selfParameter !== null) {
      const owner = symbol.owner;
      symbol.selfType =
        owner === null
          ? scalarTypes.error
          : owner.kind === "struct"
            ? program.types.struct(owner, symbol.implTypeParameters)
            : program.types.enum(owner, symbol.implTypeParameters);
    }
  }
  for (const symbol of program.externs) {
    const scope = declarationScope(program, symbol.file, []);
    const declaration = symbol.declaration;
    symbol.parameters = resolveParameters(program, symbol.file, declaration.parameters, scope);
    symbol.result = declaration.returnType === null ? scalarTypes.unit : resolveType(declaration.returnType, scope);
  }
  for (const symbol of program.constants) {
    const scope = declarationScope(program, symbol.file, []);
    const type = resolveType(symbol.declaration.type, scope);
    if (!containsError(type) && !isNumeric(type) && type.kind !== "bool" && type.kind !== "string") {
      report(program, symbol.file, {
        code: SemanticCode.NotConstant,
        message: `expected a number, bool or string type for a constant, found ${type.text}`,
        start: symbol.declaration.type.start,
        end: symbol.declaration.type.end,
        label: "constants hold numbers, bools and strings",
        help: ["build other values in a function"],
      });
      symbol.type = scalarTypes.error;
    } else {
      symbol.type = type;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Infinite types and special signatures

/** How deep a type's by-value members are followed looking for the type itself. */
const MAX_CONTAINMENT_DEPTH = 64;

/**
 * A struct or enum held by value inside itself (directly, or through other structs, enums and fixed
 * arrays, with generic members substituted) would have no finite size. `rc`, `Array`, `Map` and
 * pointers hold their contents on the heap, which breaks the chain.
 */
function checkRecursiveTypes(program: ProgramContext): void {
  const types = program.types;
  const containsByValue = (
    type: LumaType,
    target: StructSymbol | EnumSymbol,
    depth: number,
    seen: Set<LumaType>,
  ): boolean => {
    if (depth > MAX_CONTAINMENT_DEPTH || seen.has(type)) return false;
    seen.add(type);
    switch (type.kind) {
      case "fixed-array":
        return containsByValue(type.element, target, depth + 1, seen);
      case "struct":
        if (type.symbol === target) return true;
        return fieldTypesOf(type, types).some((field) => containsByValue(field, target, depth + 1, seen));
      case "enum":
        if (type.symbol === target) return true;
        return type.symbol.variants.some((variant) =>
          (payloadTypesOf(type, variant.index, types) ?? []).some((part) =>
            containsByValue(part, target, depth + 1, seen),
          ),
        );
      default:
        return false;
    }
  };
  const members = (symbol: StructSymbol | EnumSymbol): LumaType[] =>
    symbol.kind === "struct"
      ? symbol.fields.map((field) => field.type)
      : symbol.variants.flatMap((variant) => variant.payload ?? []);
  for (const symbol of [...program.structs, ...program.enums]) {
    if (symbol.file === null) continue;
    const seen = new Set<LumaType>();
    if (!members(symbol).some((member) => containsByValue(member, symbol, 0, seen))) continue;
    report(program, symbol.file, {
      code: SemanticCode.RecursiveType,
      message: `the ${symbol.kind} \`${symbol.name}\` contains itself by value, so it has no finite size`,
      start: symbol.declaration!.name.start,
      end: symbol.declaration!.name.end,
      label: "recursive without indirection",
      help: [`hold the inner \`${symbol.name}\` through a reference: \`rc<${symbol.name}>\``],
    });
  }
}

/** `main` and `#[test]` functions take nothing and return nothing; C functions take plain values. */
function checkSpecialSignatures(program: ProgramContext): void {
  for (const symbol of program.functions) {
    const declaration = symbol.declaration;
    const isTest = declaration.attributes.some((attribute) => attribute.name === "test");
    const isMain = symbol.owner === null && symbol.implTypeParameters.length === 0 && symbol.name === "main";
    if (!isMain && !isTest) continue;
    const what = isMain ? "`main`" : "a `#[test]` function";
    const problems: string[] = [];
    if (symbol.typeParameters.length > 0) problems.push("type parameters");
    if (declaration.parameters.length > 0 || declaration.selfParameter !== null) problems.push("parameters");
    if (declaration.returnType !== null) problems.push("a return type");
    if (isTest && symbol.owner !== null) problems.push("an impl around it");
    if (problems.length === 0) continue;
    report(program, symbol.file, {
      code: SemanticCode.InvalidSignature,
      message: `${what} cannot have ${problems.join(" or ")}`,
      start: declaration.name.start,
      end: declaration.name.end,
      label: `${what} takes nothing and returns nothing`,
      help: isMain ? ["read the command line with `args()`, and end with `panic` to fail"] : [],
    });
  }
  for (const symbol of program.externs) {
    const declaration = symbol.declaration;
    const check = (type: LumaType, node: NodeBase) => {
      if (containsError(type) || isNumeric(type) || type.kind === "bool" || type.kind === "pointer") return;
      report(program, symbol.file, {
        code: SemanticCode.InvalidSignature,
        message: `expected a number, bool or ptr<T> in a C function's signature, found ${type.text}`,
        start: node.start,
        end: node.end,
        label: "C cannot take this type",
        help: ["pass the data through a `ptr<T>`"],
      });
    };
    for (const parameter of symbol.parameters) check(parameter.type, parameter.declaration.type);
    if (declaration.returnType !== null) check(symbol.result, declaration.returnType);
  }
}
