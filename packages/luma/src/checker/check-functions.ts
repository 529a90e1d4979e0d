// Function bodies: a function's parameters (and `self`) in scope, its statements checked, and its
// end checked against its return type. A non-generic function is checked once, as its only
// instance; a generic one once with its type parameters abstract (the prototype) and once per
// instance with them bound to the instance's type arguments.

import { BodyContext } from "./body-context.js";
import { checkStatements, reportMissingReturn } from "./check-statements.js";
import type { ProgramContext } from "./program-context.js";
import type { FunctionSymbol } from "./symbols.js";
import { type FunctionInstance, TypedBody } from "./typed-program.js";
import type { LumaType } from "./types.js";
import { containsError } from "./types.js";

/** True for a function with type parameters of its own or of its impl. */
export function isGeneric(symbol: FunctionSymbol): boolean {
  return symbol.implTypeParameters.length > 0 || symbol.typeParameters.length > 0;
}

/**
 * Checks the body of `symbol`: as `instance` when given (its tables are stored on it), else as the
 * generic prototype (its tables are dropped once its problems are reported).
 */
export function checkFunctionBody(
  program: ProgramContext,
  symbol: FunctionSymbol,
  instance: FunctionInstance | null,
): void {
  const parameters = [...symbol.implTypeParameters, ...symbol.typeParameters];
  const typeParameters = new Map<string, LumaType>(
    parameters.map((parameter, index) => [parameter.name, instance?.typeArguments[index] ?? parameter]),
  );
  const body = new TypedBody();
  const mode = instance === null ? "prototype" : "concrete";
  const cx = new BodyContext(program, symbol.file, body, mode, typeParameters, symbol, instance);
  const declaration = symbol.declaration;
  const selfType = instance === null ? symbol.selfType : instance.selfType;
  const parameterTypes = instance?.parameterTypes ?? symbol.parameters.map((parameter) => parameter.type);
  const result = instance?.result ?? symbol.result;
  cx.inScope(() => {
    if (declaration.selfParameter !== null && selfType !== null) {
      const self = cx.declareLocal("self", selfType, "self", declaration.selfParameter);
      body.locals.set(declaration.selfParameter, self);
    }
    symbol.parameters.forEach((parameter, index) => {
      const local = cx.declareLocal(parameter.name, parameterTypes[index]!, "parameter", parameter.declaration.name);
      body.locals.set(parameter.declaration, local);
    });
    cx.returnTargets.push({ kind: "function", type: result });
    const completes = checkStatements(cx, declaration.body.statements);
    cx.returnTargets.pop();
    if (completes && result.kind !== "unit" && !containsError(result)) {
      reportMissingReturn(cx, declaration.body, `\`${symbol.name}\``, result, declaration.returnType);
    }
  });
  if (instance !== null) instance.body = body;
}
