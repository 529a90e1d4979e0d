import { bindParameters, substitute } from "./generics.js";
import { type Place, SemanticCode, SemanticDiagnostics } from "./semantic-diagnostics.js";
import type {
  ConstSymbol,
  EnumSymbol,
  ExternSymbol,
  FunctionSymbol,
  GlobalSymbol,
  ProgramFile,
  StructSymbol,
} from "./symbols.js";
import type { FunctionInstance, TypedBody } from "./typed-program.js";
import { containsError, containsTypeParameter, type LumaType, nextId, TypeInterner } from "./types.js";

/**
 * How many instantiations may lead to one another. Real programs nest a few deep; a generic function
 * that calls itself with a bigger type argument (`f<T>` calling `f<Array<T>>`) would never stop.
 */
export const MAX_INSTANTIATION_DEPTH = 32;

/**
 * The state of checking one program: its files and symbols, the types, the diagnostics, and the
 * function instances made so far with those whose bodies are still to be checked.
 */
export class ProgramContext {
  readonly types = new TypeInterner();
  readonly diagnostics = new SemanticDiagnostics();
  readonly files: ProgramFile[] = [];
  readonly globals = new Map<string, GlobalSymbol>();
  readonly structs: StructSymbol[] = [];
  readonly enums: EnumSymbol[] = [];
  /** Top-level functions and the functions of impls, in source order. */
  readonly functions: FunctionSymbol[] = [];
  readonly externs: ExternSymbol[] = [];
  readonly constants: ConstSymbol[] = [];
  readonly constantBodies = new Map<ConstSymbol, TypedBody>();
  readonly instances: FunctionInstance[] = [];
  /** Instances made but not checked yet. */
  readonly pendingInstances: FunctionInstance[] = [];
  private readonly instancesByKey = new Map<string, FunctionInstance>();
  private nextInstanceId = 0;

  /**
   * The instance of `symbol` for `typeArguments` (the impl's, then the function's own), made and
   * queued for checking on first request. Null when the arguments are not all known (a type
   * parameter of a body checked for all instantiations, or an error already reported) or when
   * instantiation has gone too deep (reported here).
   */
  instanceFor(
    symbol: FunctionSymbol,
    typeArguments: readonly LumaType[],
    site: Place | null,
    requesterDepth: number,
  ): FunctionInstance | null {
    if (typeArguments.some((argument) => containsError(argument) || containsTypeParameter(argument))) return null;
    const key = `${symbol.id}<${typeArguments.map((argument) => argument.id).join(",")}>`;
    const existing = this.instancesByKey.get(key);
    if (existing !== undefined) return existing;
    const depth = typeArguments.length === 0 ? 0 : requesterDepth + 1;
    if (depth > MAX_INSTANTIATION_DEPTH) {
      if (site !== null) {
        this.diagnostics.report({
          ...site,
          code: SemanticCode.InstantiationTooDeep,
          message: `instantiating \`${symbol.name}\` here goes more than ${MAX_INSTANTIATION_DEPTH} instances deep`,
          label: "each instance needs another",
          help: ["a generic function must not call itself with ever larger type arguments"],
        });
      }
      return null;
    }
    const substitution = bindParameters([...symbol.implTypeParameters, ...symbol.typeParameters], typeArguments);
    const apply = (type: LumaType) => substitute(type, substitution, this.types);
    const parameterTypes = symbol.parameters.map((parameter) => apply(parameter.type));
    const result = apply(symbol.result);
    const selfType = symbol.selfType === null ? null : apply(symbol.selfType);
    const instance: FunctionInstance = {
      id: this.nextInstanceId++,
      symbol,
      typeArguments: [...typeArguments],
      name: instanceName(symbol, typeArguments),
      selfType,
      parameterTypes,
      result,
      type: this.types.function(parameterTypes, result),
      body: null,
      instantiatedAt: typeArguments.length === 0 ? null : site,
      depth,
    };
    this.instancesByKey.set(key, instance);
    this.instances.push(instance);
    this.pendingInstances.push(instance);
    return instance;
  }

  /** The instance already made for these type arguments, if any. */
  existingInstance(symbol: FunctionSymbol, typeArguments: readonly LumaType[]): FunctionInstance | undefined {
    return this.instancesByKey.get(`${symbol.id}<${typeArguments.map((argument) => argument.id).join(",")}>`);
  }

  /** A fresh id for a local variable. */
  newLocalId(): number {
    return nextId();
  }
}

/** `fib`, `max<i64>`, `Point::norm`, `Stack<i64>::push`, `Stack<i64>::map<f64>`. */
function instanceName(symbol: FunctionSymbol, typeArguments: readonly LumaType[]): string {
  const implCount = symbol.implTypeParameters.length;
  const spell = (types: readonly LumaType[]) => (types.length === 0 ? "" : `<${types.map((t) => t.text).join(", ")}>`);
  const own = `${symbol.name}${spell(typeArguments.slice(implCount))}`;
  if (symbol.owner === null) return own;
  return `${symbol.owner.name}${spell(typeArguments.slice(0, implCount))}::${own}`;
}
