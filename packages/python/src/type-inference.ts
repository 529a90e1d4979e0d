// Whole-program type inference with monomorphisation. Every function is specialised for each tuple of
// argument types it is called with; the module body is one more specialisation. Each variable has one
// type per specialisation (module-level variables one type overall). Types start unknown and only
// become known, so the analysis runs every specialisation until nothing changes: recursion settles
// because a call to a specialisation still in progress is unknown, not wrong. Afterwards anything
// still unknown, and any variable given two types, is reported with the places involved.

import type * as ast from "./ast.js";
import { builtinCallType } from "./builtin-inference.js";
import { closestName } from "./closest-name.js";
import {
  assignTarget,
  containerBuiltinType,
  displayType,
  type InferenceHost,
  iterableMinMaxType,
  iterationType,
  iterationTypeAt,
  membershipType,
  subscriptStoreType,
  subscriptType,
} from "./container-inference.js";
import {
  alwaysEnds,
  annotationType,
  COMPARE_SYMBOLS,
  constantNegative,
  constantType,
  defaultValue,
  fits,
  isDivmodCall,
  isSingletonConstant,
  isSysArgv,
  lastStatement,
  leavesBlock,
  throwawayNames,
  walkAll,
} from "./inference-rules.js";
import { methodCallType } from "./method-inference.js";
import { moduleCallType } from "./module-call-inference.js";
import { collectImport, type ImportedName, type ImportScope, moduleFunctionOf, moduleNamed } from "./module-names.js";
import { namedTupleCallType, namedTupleFieldType } from "./named-tuple-inference.js";
import { collectNamedTuples, isNamedTupleDefinition } from "./named-tuples.js";
import {
  boolOpValueType,
  commonNarrows,
  ISINSTANCE_CLASSES,
  type Narrowed,
  narrowedType,
  narrowingOf,
  notNone,
  withNarrows,
} from "./narrowing.js";
import {
  binaryResultType,
  classCode,
  defaultVariables,
  isNumeric,
  join,
  listOf,
  mayEqual,
  membersOf,
  type NamedTupleClass,
  numericJoin,
  type PyType,
  partAsMade,
  pyTypes,
  resolve,
  unaryResultType,
  unify,
  widenSlot,
} from "./py-types.js";
import { recursiveJoin } from "./recursive-types.js";
import { assignedNames, type FunctionScope, type ScopeInfo } from "./scopes.js";
import { type NodeSpan, SemanticError } from "./semantic-error.js";
import { MODULES, moduleMember } from "./stdlib-modules.js";
import { isParallelAssignment } from "./subset-check.js";

export interface TypedVariable {
  type: PyType;
  /** Where it first got this type, for diagnostics. */
  at: NodeSpan;
}

export interface Specialization {
  readonly key: string;
  /** Null for the module body. */
  readonly def: ast.FunctionDef | null;
  readonly scope: FunctionScope | null;
  /** Types of the parameters, in the order of scope.params. */
  readonly paramTypes: readonly PyType[];
  /** Local variables (for the module body: none; module-level names are globals). */
  readonly locals: Map<string, TypedVariable>;
  returnType: PyType | null;
  returnAt: NodeSpan | null;
  readonly exprTypes: Map<ast.expr, PyType>;
  /** The specialisation each call of a user function resolves to. */
  readonly calls: Map<ast.Call, Specialization>;
  /** Method calls of a union's value several members have: each such member's result type. */
  readonly unionMethods: Map<ast.Call, ReadonlyMap<PyType, PyType>>;
  /** The specialisation a user function passed as a value (`sorted(xs, key=f)`) is applied as. */
  readonly functionValues: Map<ast.Name, Specialization>;
  /**
   * Union operands an operation narrows to the one member that has it (`rec["name"].title()`):
   * exprTypes gives the member; the value is checked where it is computed (lowering/unions.ts).
   */
  readonly checkedNarrows: Map<ast.expr, CheckedNarrow>;
}

/** A union operand used as its one member that has the operation, and CPython's error for the others. */
export interface CheckedNarrow {
  readonly from: PyType;
  readonly to: PyType;
  readonly errorKind: string;
  /** The error's message for a value of another member. */
  readonly message: (other: PyType) => string;
}

export interface TypedProgram {
  readonly tree: ast.Module;
  readonly module: Specialization;
  readonly specializations: readonly Specialization[];
  readonly globals: ReadonlyMap<string, TypedVariable>;
  readonly functions: ReadonlyMap<string, ast.FunctionDef>;
  readonly imports: ReadonlyMap<string, ImportedName>;
  readonly scopes: ScopeInfo;
  /** Throwaway variables (`_`) nothing reads: assigned values of any types, kept nowhere. */
  readonly discarded: ReadonlySet<string>;
  /** The collections.namedtuple classes the module defines, by name. */
  readonly namedTuples: ReadonlyMap<string, NamedTupleClass>;
}

/** How many times the last round may send inference back to its rounds before its result stands. */
const MAX_LAST_ROUNDS = 8;

export function inferTypes(module: ast.Module, scopes: ScopeInfo): TypedProgram {
  return new TypeInference(module, scopes).run();
}

class TypeInference implements InferenceHost {
  private readonly functions = new Map<string, ast.FunctionDef>();
  private readonly imports = new Map<string, ImportedName>();
  private readonly importScope: ImportScope;
  private readonly globals = new Map<string, TypedVariable>();
  private readonly specializations: Specialization[] = [];
  private readonly byKey = new Map<string, Specialization>();
  private changed = false;
  /** True in the last round, when anything still unknown is an error. */
  private final = false;

  constructor(
    private readonly module: ast.Module,
    private readonly scopes: ScopeInfo,
  ) {
    this.importScope = { imports: this.imports, resolution: scopes.resolution };
  }

  run(): TypedProgram {
    this.discarded = throwawayNames(this.module);
    this.collectDefinitions();
    const moduleSpec = this.specialize(null, []);
    // The last round may still learn a type (a variable read while it held only None is None there,
    // not unknown): then the rounds go on from it.
    let reachable: Specialization[] = [];
    for (let lastRounds = 1; ; lastRounds++) {
      this.final = false;
      do {
        this.changed = false;
        for (let i = 0; i < this.specializations.length; i++) this.inferTentatively(this.specializations[i]!);
      } while (this.changed);
      this.final = true;
      this.changed = false;
      try {
        reachable = this.inferReachable(moduleSpec);
      } catch (error) {
        if (!(error instanceof SemanticError) || !this.changed || lastRounds === MAX_LAST_ROUNDS) throw error;
      }
      if (!this.changed) break;
    }
    // Specialisations made for types that were not yet final (a leaf's `tuple[None, None]` before the
    // tree's recursive type was found) are called from nowhere now: they are not compiled.
    this.specializations.splice(0, this.specializations.length, ...reachable);
    this.resolveAll();
    return {
      tree: this.module,
      module: moduleSpec,
      specializations: this.specializations,
      globals: this.globals,
      functions: this.functions,
      imports: this.imports,
      scopes: this.scopes,
      discarded: this.discarded,
      namedTuples: this.namedTuples,
    };
  }

  /**
   * Infers a specialisation in a round before the last. An error there may come of types not yet
   * final, or of a specialisation no longer called when they are: the last round decides.
   */
  private inferTentatively(spec: Specialization): void {
    try {
      this.inferSpecialization(spec);
    } catch (error) {
      if (!(error instanceof SemanticError)) throw error;
    }
  }

  /** The last round: the module body and, transitively, the specialisations its calls resolve to. */
  private inferReachable(moduleSpec: Specialization): Specialization[] {
    const reached = new Set([moduleSpec]);
    const order = [moduleSpec];
    for (let i = 0; i < order.length; i++) {
      const spec = order[i]!;
      this.inferSpecialization(spec);
      for (const callee of [...spec.calls.values(), ...spec.functionValues.values()]) {
        if (!reached.has(callee)) {
          reached.add(callee);
          order.push(callee);
        }
      }
    }
    return this.specializations.filter((spec) => reached.has(spec));
  }

  /**
   * Replaces every type by its resolved form, a container that stays empty getting int elements (any
   * kind would do: nothing is ever stored in it), so lowering sees only concrete types.
   */
  private resolveAll(): void {
    const settle = (type: PyType): PyType => {
      defaultVariables(type);
      return resolve(type);
    };
    for (const spec of this.specializations) {
      for (const [e, type] of spec.exprTypes) {
        spec.exprTypes.set(e, settle(type));
        const checked = spec.checkedNarrows.get(e);
        if (checked !== undefined)
          spec.checkedNarrows.set(e, { ...checked, from: settle(checked.from), to: settle(checked.to) });
      }
      for (const variable of spec.locals.values()) variable.type = settle(variable.type);
      if (spec.returnType !== null) spec.returnType = settle(spec.returnType);
      (spec as { paramTypes: readonly PyType[] }).paramTypes = spec.paramTypes.map(settle);
    }
    for (const variable of this.globals.values()) variable.type = settle(variable.type);
  }

  private collectDefinitions(): void {
    for (const statement of this.module.body) {
      if (statement._type === "FunctionDef") {
        if (this.functions.has(statement.name)) {
          throw new SemanticError(`unsupported: redefinition of function '${statement.name}'`, statement);
        }
        this.functions.set(statement.name, statement);
      } else if (statement._type === "Import" || statement._type === "ImportFrom") {
        collectImport(statement, this.imports);
      }
    }
    this.namedTuples = collectNamedTuples(this.module, this.importScope);
    for (const name of this.namedTuples.keys()) {
      if (this.functions.has(name))
        throw new SemanticError(`unsupported: '${name}' names a function and a namedtuple`, this.functions.get(name)!);
    }
    for (const statement of walkAll(this.module.body)) {
      if ((statement._type === "Import" || statement._type === "ImportFrom") && !this.module.body.includes(statement)) {
        throw new SemanticError("unsupported: import inside a block or function", statement);
      }
    }
  }

  /** Finds or creates the specialisation of `def` for these parameter types. */
  private specialize(def: ast.FunctionDef | null, paramTypes: readonly PyType[]): Specialization {
    const key = def === null ? "<module>" : `${def.name}(${paramTypes.map((t) => resolve(t).text).join(",")})`;
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    const scope = def === null ? null : this.scopes.functions.get(def)!;
    const spec: Specialization = {
      key,
      def,
      scope,
      paramTypes,
      locals: new Map(),
      returnType: null,
      returnAt: null,
      exprTypes: new Map(),
      calls: new Map(),
      functionValues: new Map(),
      unionMethods: new Map(),
      checkedNarrows: new Map(),
    };
    if (scope !== null) {
      scope.params.forEach((name, i) => {
        const arg = [...def!.args.args, ...def!.args.kwonlyargs][i]!;
        spec.locals.set(name, { type: paramTypes[i]!, at: arg });
      });
    }
    this.specializations.push(spec);
    this.byKey.set(key, spec);
    this.changed = true;
    return spec;
  }

  private inferSpecialization(spec: Specialization): void {
    const body = spec.def === null ? this.module.body : spec.def.body;
    this.narrowed = new Map();
    this.inferBlock(spec, body);
    if (spec.def !== null && !alwaysEnds(spec.def.body)) {
      this.setReturn(spec, pyTypes.none, lastStatement(spec.def.body) ?? spec.def, true);
    }
    if (this.final && spec.def !== null && spec.returnType === null) {
      throw new SemanticError(
        `cannot infer the return type of '${spec.def.name}': every path recurses forever`,
        spec.def,
      );
    }
  }

  private inferBlock(spec: Specialization, body: readonly ast.stmt[]): void {
    for (const statement of body) this.inferStatement(spec, statement);
  }

  /**
   * Variables narrowed here by tests on the way here (a `T | None` known to hold a T, a union known
   * to hold some of its members), for the statement being inferred. Blocks see a copy; an assignment
   * ends a variable's narrowing (but for a T assigned to a `T | None`, which then holds a T).
   */
  private narrowed: Narrowed = new Map();

  /** Infers `body` with `names` narrowed too; returns what is narrowed at its end. */
  private inferNarrowed(spec: Specialization, body: readonly ast.stmt[], names: Narrowed): Narrowed {
    const saved = this.narrowed;
    this.narrowed = withNarrows(saved, names);
    this.inferBlock(spec, body);
    const after = this.narrowed;
    this.narrowed = saved;
    return after;
  }

  /** An if or while statement: each body with what its test narrows, then what holds after. */
  private inferBranches(spec: Specialization, s: ast.If | ast.While): void {
    const narrowing = narrowingOf(s.test);
    this.conditionType(spec, s.test);
    const afterBody = this.inferNarrowed(spec, s.body, narrowing.whenTrue);
    const afterElse = this.inferNarrowed(spec, s.orelse, narrowing.whenFalse);
    if (s._type === "While") {
      // After a loop, what held before and still holds at the end of its body and else.
      this.narrowed = commonNarrows(this.narrowed, commonNarrows(afterBody, afterElse));
    } else if (leavesBlock(s.body)) {
      this.narrowed = afterElse;
    } else if (leavesBlock(s.orelse) && s.orelse.length > 0) {
      this.narrowed = afterBody;
    } else {
      this.narrowed = commonNarrows(afterBody, afterElse);
    }
  }

  private inferStatement(spec: Specialization, s: ast.stmt): void {
    switch (s._type) {
      case "FunctionDef":
        // Default values are evaluated once, where the function is defined.
        for (const d of [...s.args.defaults, ...s.args.kw_defaults]) if (d !== null) this.typeOf(spec, d);
        return;
      case "Import":
      case "ImportFrom":
      case "Pass":
      case "Break":
      case "Continue":
      case "Global":
        return;
      case "Expr":
        this.typeOf(spec, s.value);
        return;
      case "Assign":
        this.inferAssign(spec, s);
        return;
      case "AnnAssign": {
        if (s.value === null) return;
        const type = this.typeOf(spec, s.value);
        const declared = annotationType(s.annotation);
        if (type !== null && declared !== null && !fits(type, declared)) {
          throw new SemanticError(
            `'${(s.target as ast.Name).id}' is annotated ${declared.text} but assigned a value of type ${type.text}`,
            s.value,
          );
        }
        if (type !== null) this.assignName(spec, s.target as ast.Name, type);
        return;
      }
      case "AugAssign": {
        if (s.target._type !== "Name" && s.target._type !== "Subscript")
          throw new SemanticError("unsupported: augmented assignment to this target", s.target);
        const current = s.target._type === "Name" ? this.nameType(spec, s.target) : this.typeOf(spec, s.target);
        const value = this.typeOf(spec, s.value);
        if (current === null || value === null || this.notKnownYet(s.value, current, value)) return;
        const result = this.binaryType(s.op._type, current, value, s.value, s);
        if (s.target._type === "Name") this.assignName(spec, s.target, result);
        else subscriptStoreType(this, spec, s.target, result);
        return;
      }
      case "With":
        for (const item of s.items) {
          const t = this.typeOf(spec, item.context_expr);
          if (t !== null && resolve(t) !== pyTypes.file) {
            throw new SemanticError(
              `unsupported: a with statement over a ${resolve(t).text} (files only)`,
              item.context_expr,
            );
          }
          if (item.optional_vars !== null && t !== null) assignTarget(this, spec, item.optional_vars, t);
        }
        this.inferBlock(spec, s.body);
        return;
      case "Delete":
        for (const target of s.targets) {
          if (target._type !== "Subscript") throw new SemanticError("unsupported: del of anything but an item", target);
          const container = this.typeOf(spec, target.value);
          if (container !== null && resolve(container).kind === "deque") {
            throw new SemanticError("unsupported: del of a deque's item", target);
          }
          if (container !== null && resolve(container).kind !== "list" && resolve(container).kind !== "dict") {
            throw new SemanticError(`'${resolve(container).className}' object doesn't support item deletion`, target);
          }
          if (container !== null) this.typeOf(spec, target);
        }
        return;
      case "If":
      case "While":
        this.inferBranches(spec, s);
        return;
      case "For":
        this.inferFor(spec, s);
        return;
      case "Return": {
        if (spec.def === null) throw new SemanticError("'return' outside function", s);
        const type = s.value === null ? pyTypes.none : this.typeOf(spec, s.value);
        if (type !== null) this.setReturn(spec, type, s.value ?? s, false);
        return;
      }
      case "Assert":
        this.conditionType(spec, s.test);
        if (s.msg !== null) this.typeOf(spec, s.msg);
        return;
      default:
        throw new SemanticError(`unsupported: ${s._type} statement`, s);
    }
  }

  private inferAssign(spec: Specialization, s: ast.Assign): void {
    if (spec.def === null && isNamedTupleDefinition(s, this.importScope)) return;
    if (isParallelAssignment(s)) {
      const targets = (s.targets[0] as ast.Tuple).elts;
      const values = (s.value as ast.Tuple).elts;
      const types = values.map((v) => this.typeOf(spec, v));
      targets.forEach((t, i) => {
        if (types[i] !== null) assignTarget(this, spec, t, types[i]!);
      });
      return;
    }
    if (s.targets.length === 1 && s.targets[0]!._type === "Tuple" && isDivmodCall(s.value)) {
      const type = this.divmodType(spec, s.value as ast.Call);
      for (const t of (s.targets[0] as ast.Tuple).elts) {
        if (t._type !== "Name") throw new SemanticError("unsupported: assignment to this target", t);
        if (type !== null) this.assignName(spec, t, type);
      }
      return;
    }
    const type = this.typeOf(spec, s.value);
    if (type === null) return;
    for (const target of s.targets) assignTarget(this, spec, target, type);
  }

  private inferFor(spec: Specialization, s: ast.For): void {
    const iterable = this.typeOf(spec, s.iter);
    if (iterable !== null) {
      const element = iterationType(iterable);
      if (typeof element === "string") throw new SemanticError(element, s.iter);
      assignTarget(this, spec, s.target, element);
    }
    // The body may run no time at all: what it narrows does not hold after the loop.
    const afterBody = this.inferNarrowed(spec, s.body, new Map());
    const afterElse = this.inferNarrowed(spec, s.orelse, new Map());
    this.narrowed = commonNarrows(this.narrowed, commonNarrows(afterBody, afterElse));
  }

  private setReturn(spec: Specialization, type: PyType, at: NodeSpan, implicit: boolean): void {
    const declared = spec.def?.returns ? annotationType(spec.def.returns) : null;
    if (declared !== null && !fits(type, declared)) {
      const what = implicit ? "can reach its end without returning a value (None)" : `returns ${type.text}`;
      throw new SemanticError(`'${spec.def!.name}' is annotated to return ${declared.text} but ${what}`, at);
    }
    const joined = spec.returnType === null ? null : join(spec.returnType, type);
    if (spec.returnType === null) {
      spec.returnType = type;
      spec.returnAt = at;
      this.changed = true;
    } else if (joined !== null) {
      if (resolve(joined) !== resolve(spec.returnType)) {
        spec.returnType = joined;
        this.changed = true;
      }
    } else if (spec.returnType !== type) {
      const other = implicit
        ? "can also reach its end without a return value (None)"
        : `also returns ${resolve(type).text}`;
      throw new SemanticError(
        `'${spec.def!.name}' returns ${resolve(spec.returnType).text} (line ${spec.returnAt!.lineno}) but ${other}`,
        at,
        "make every path return a value of the same type",
      );
    }
  }

  private variableTable(spec: Specialization, name: string): Map<string, TypedVariable> {
    if (spec.scope?.locals.has(name)) return spec.locals;
    return this.globals;
  }

  assignNameType(spec: Specialization, target: ast.Name, type: PyType): void {
    this.assignName(spec, target, type);
  }

  isBuiltinName(name: ast.Name): boolean {
    return this.isBuiltin(name);
  }

  private assignName(spec: Specialization, target: ast.Name, type: PyType): void {
    if (this.discarded.has(target.id)) {
      spec.exprTypes.set(target, type);
      return;
    }
    if (this.functions.has(target.id) && spec.scope?.locals.has(target.id) !== true) {
      throw new SemanticError(`unsupported: assigning to '${target.id}', which names a function`, target);
    }
    if (this.imports.has(target.id) && spec.scope?.locals.has(target.id) !== true) {
      throw new SemanticError(`unsupported: assigning to '${target.id}', which names an import`, target);
    }
    if (this.namedTupleClass(target) !== null) {
      throw new SemanticError(`unsupported: assigning to '${target.id}', which names a namedtuple class`, target);
    }
    const table = this.variableTable(spec, target.id);
    const existing = table.get(target.id);
    const joined = existing === undefined ? null : join(existing.type, type);
    const held = existing === undefined ? null : resolve(existing.type);
    if (this.narrowed.has(target.id) || held?.kind === "optional") {
      // A `T | None` variable holds a T after a T is assigned to it; other narrowing ends.
      const narrowed = new Map(this.narrowed);
      narrowed.delete(target.id);
      this.narrowed =
        held?.kind === "optional" && resolve(type) === held.parts[0]
          ? withNarrows(narrowed, notNone(target.id))
          : narrowed;
    }
    if (existing === undefined) {
      table.set(target.id, { type, at: target });
      this.changed = true;
    } else if (joined !== null) {
      if (resolve(joined) !== resolve(existing.type)) {
        existing.type = joined;
        this.changed = true;
      }
    } else if (!unify(existing.type, type)) {
      throw new SemanticError(
        `'${target.id}' cannot have one static type: it is ${resolve(existing.type).text} (line ${existing.at.lineno}) and ${resolve(type).text} here`,
        target,
        "use a separate variable for each type",
      );
    }
    spec.exprTypes.set(target, type);
  }

  private nameType(spec: Specialization, name: ast.Name): PyType | null {
    const kind = this.scopes.resolution.get(name);
    if (kind === "builtin") {
      if (name.id === "__name__") return pyTypes.str;
      throw new SemanticError(`unsupported: '${name.id}' used as a value`, name);
    }
    if (this.functions.has(name.id) && kind === "global") {
      throw new SemanticError(`unsupported: function '${name.id}' used as a value`, name);
    }
    if (this.namedTupleClass(name) !== null) {
      throw new SemanticError(`unsupported: namedtuple class '${name.id}' used as a value`, name);
    }
    if (this.imports.has(name.id) && kind === "global") {
      const imported = this.imports.get(name.id)!;
      if (this.isSysArgv(name)) return listOf(pyTypes.str);
      const member = imported.member === null ? null : MODULES.get(imported.module)!.get(imported.member)!;
      if (member?.kind === "constant") return member.type;
      throw new SemanticError(`unsupported: '${name.id}' used as a value`, name);
    }
    const variable = this.variableTable(spec, name.id).get(name.id);
    const narrows = this.narrowed.get(name.id);
    const narrowed = variable !== undefined && narrows !== undefined ? narrowedType(variable.type, narrows) : null;
    if (narrowed !== null && narrowed !== resolve(variable!.type)) return narrowed;
    if (variable !== undefined && resolve(variable.type) === pyTypes.none && !this.final) {
      // None so far, but a later assignment may make it `T | None`: unknown until the last round.
      if (this.assignmentCount(spec, name.id) > 1) return null;
    }
    if (variable === undefined) {
      if (this.final) {
        throw new SemanticError(
          `cannot infer the type of '${name.id}': it is never assigned a value of known type`,
          name,
        );
      }
      return null;
    }
    return variable.type;
  }

  /** The type of an expression evaluated for its truth value only. */
  conditionType(spec: Specialization, e: ast.expr): void {
    if (e._type === "BoolOp") {
      // Each operand is evaluated only when those before it held (`and`) or failed (`or`).
      const saved = this.narrowed;
      for (const v of e.values) {
        this.conditionType(spec, v);
        const narrowing = narrowingOf(v);
        this.narrowed = withNarrows(this.narrowed, e.op._type === "And" ? narrowing.whenTrue : narrowing.whenFalse);
      }
      this.narrowed = saved;
      spec.exprTypes.set(e, pyTypes.bool);
      return;
    }
    if (e._type === "UnaryOp" && e.op._type === "Not") {
      this.conditionType(spec, e.operand);
      spec.exprTypes.set(e, pyTypes.bool);
      return;
    }
    this.typeOf(spec, e);
  }

  private typeWithNarrowed(spec: Specialization, e: ast.expr, names: Narrowed): PyType | null {
    return this.withNarrowed(names, () => this.typeOf(spec, e));
  }

  /**
   * `u.name(args)` of a union's value when several members have the method (`.count()` of a
   * `list[int] | str`): each member's call, dispatched on what the value holds (AttributeError for a
   * member without it), and the join of their results.
   */
  private unionMethodType(spec: Specialization, e: ast.Call, having: readonly PyType[], name: string): PyType | null {
    const results = new Map<PyType, PyType>();
    for (const member of having) {
      const result = methodCallType(this, spec, e, member, name);
      if (result === null) return null;
      results.set(member, result);
    }
    const joined = [...results.values()].reduce<PyType | null>(
      (all, r) => (all === null ? null : join(all, r)),
      [...results.values()][0]!,
    );
    if (joined === null) {
      throw new SemanticError(`unsupported: .${name}() of a value whose members' results have different types`, e);
    }
    spec.unionMethods.set(e, results);
    return joined;
  }

  /**
   * A union operand (`node`, of type `union`) used by an operation only `supports` members have, as
   * that member: recorded for lowering, which checks the value and raises `errorKind` with
   * `message(other)` for another member's, as CPython would there. Refused when no member or more
   * than one has the operation (`what`).
   */
  useAs(
    spec: Specialization,
    node: ast.expr,
    union: PyType,
    supports: (member: PyType) => boolean,
    errorKind: string,
    message: (other: PyType) => string,
    what: string,
  ): PyType {
    const members = resolve(union).parts;
    const having = members.filter(supports);
    if (having.length === 0) throw new SemanticError(message(members[0]!), node);
    if (having.length > 1) {
      throw new SemanticError(
        `unsupported: ${what} of a value of type ${resolve(union).text}, which ${having.map((m) => m.text).join(" and ")} have`,
        node,
        "tell them apart first, e.g. `if isinstance(x, str):`",
      );
    }
    spec.checkedNarrows.set(node, { from: union, to: having[0]!, errorKind, message });
    spec.exprTypes.set(node, having[0]!);
    return having[0]!;
  }

  /**
   * `f(x)` (or `f(a, b)`, reduce's) for a user function f passed as a value (a key, map's function):
   * its specialisation for the arguments' types, whose return type this is; null while that is not
   * known yet, and undefined when `f` names no user function.
   */
  userFunctionValueType(spec: Specialization, f: ast.Name, argTypes: readonly PyType[]): PyType | null | undefined {
    const def = this.functions.get(f.id);
    if (def === undefined || this.scopes.resolution.get(f) !== "global") return undefined;
    const args = def.args;
    if (
      args.args.length !== argTypes.length ||
      args.kwonlyargs.length > 0 ||
      args.vararg !== null ||
      args.kwarg !== null
    ) {
      throw new SemanticError(
        `unsupported: '${f.id}' as a function value here (a function of ${argTypes.length} parameter${argTypes.length === 1 ? "" : "s"} is)`,
        f,
      );
    }
    const callee = this.specialize(def, argTypes);
    spec.functionValues.set(f, callee);
    return callee.returnType;
  }

  markChanged(): void {
    this.changed = true;
  }

  widen(container: PyType, index: number, value: PyType): boolean {
    if (!widenSlot(partAsMade(container, index), value)) return false;
    this.changed = true;
    return true;
  }

  withNarrowed<T>(names: Narrowed, infer: () => T): T {
    const saved = this.narrowed;
    this.narrowed = withNarrows(saved, names);
    try {
      return infer();
    } finally {
      this.narrowed = saved;
    }
  }

  /** The type of an expression, or null while it depends on something not yet known. */
  typeOf(spec: Specialization, e: ast.expr): PyType | null {
    const type = this.computeType(spec, e);
    if (type !== null) spec.exprTypes.set(e, type);
    return type;
  }

  private computeType(spec: Specialization, e: ast.expr): PyType | null {
    switch (e._type) {
      case "Constant":
        return constantType(e);
      case "Name":
        return this.nameType(spec, e);
      case "BinOp": {
        const left = this.typeOf(spec, e.left);
        const right = this.typeOf(spec, e.right);
        if (left === null || right === null || this.notKnownYet(e, left, right)) return null;
        return this.binaryType(e.op._type, left, right, e.right, e);
      }
      case "UnaryOp": {
        if (e.op._type === "Not") {
          this.conditionType(spec, e.operand);
          return pyTypes.bool;
        }
        const operand = this.typeOf(spec, e.operand);
        if (operand === null || this.notKnownYet(e, operand)) return null;
        const result = unaryResultType(e.op._type, operand);
        if (typeof result === "string") throw new SemanticError(result, e);
        return result;
      }
      case "BoolOp": {
        // Each operand is evaluated where those before it held (`and`) or failed (`or`), and the
        // value is an operand's: for `or` one that was true (so not None), or the last.
        const isOr = e.op._type === "Or";
        const types: (PyType | null)[] = [];
        let narrowed: Narrowed = new Map();
        for (const v of e.values) {
          types.push(this.withNarrowed(narrowed, () => this.typeOf(spec, v)));
          const narrowing = narrowingOf(v);
          narrowed = withNarrows(narrowed, isOr ? narrowing.whenFalse : narrowing.whenTrue);
        }
        if (types.some((t) => t === null)) return null;
        const last = types.length - 1;
        const values = (types as PyType[]).map((t, i) => (isOr && i < last ? boolOpValueType(t) : t));
        let joined: PyType | null = values[0]!;
        for (const t of values.slice(1)) joined = joined === null ? null : join(joined, t);
        if (joined === null) {
          throw new SemanticError(
            `the operands of '${isOr ? "or" : "and"}' have types that do not join (${values.map((t) => resolve(t).text).join(", ")}), so its value has no single type`,
            e,
            "compare explicitly to get a bool, e.g. `x != 0`",
          );
        }
        return joined;
      }
      case "Compare": {
        const types = [this.typeOf(spec, e.left), ...e.comparators.map((c) => this.typeOf(spec, c))];
        if (types.some((t) => t === null)) return null;
        for (let i = 0; i < e.ops.length; i++) {
          const a = types[i]!;
          const b = types[i + 1]!;
          const opType = e.ops[i]!._type;
          if (opType === "Is" || opType === "IsNot") {
            const operands = [i === 0 ? e.left : e.comparators[i - 1]!, e.comparators[i]!];
            if (!operands.some(isSingletonConstant)) {
              throw new SemanticError(
                "unsupported: identity test (is) between values other than None, True or False",
                e,
              );
            }
            continue;
          }
          if (opType === "In" || opType === "NotIn") {
            membershipType(b, a, e);
            continue;
          }
          // A union's values compare by what they hold (the runtime raises TypeError for no order).
          if (resolve(a).kind === "union" || resolve(b).kind === "union") continue;
          const ordering = e.ops[i]!._type !== "Eq" && e.ops[i]!._type !== "NotEq";
          // `x == None`, and `x == y` of a `T | None` and a T, are equality tests Python allows.
          const partOf = (t: PyType) => (resolve(t).kind === "optional" ? resolve(t).parts[0]! : resolve(t));
          const optionalSide = resolve(a).kind === "optional" || resolve(b).kind === "optional";
          const withNone = resolve(a) === pyTypes.none || resolve(b) === pyTypes.none;
          if (!ordering && optionalSide && (withNone || partOf(a) === partOf(b))) continue;
          // Otherwise compared by what they hold, as a union's values are (TypeError for None and a number).
          const boxable = (t: PyType) => membersOf(t).every((m) => classCode(m) !== null);
          if (optionalSide && boxable(a) && boxable(b)) continue;
          if (optionalSide) {
            throw new SemanticError(
              `unsupported: comparing ${resolve(a).text} with ${resolve(b).text}: one may be None`,
              e,
              "test it first, e.g. `if x is not None:`, which narrows it to its other type",
            );
          }
          // Tuples of one recursive type compare whatever their unrolling (a tree and a leaf).
          const same = mayEqual(a, b) || recursiveJoin(resolve(a), resolve(b)) !== null;
          if (resolve(a) === pyTypes.file || resolve(b) === pyTypes.file) {
            throw new SemanticError("unsupported: comparing files", e);
          }
          const unknown = resolve(a).kind === "var" || resolve(b).kind === "var";
          const orderable = (t: PyType) =>
            t === pyTypes.str ||
            t === pyTypes.bytes ||
            t.kind === "list" ||
            t.kind === "tuple" ||
            t.kind === "set" ||
            t.kind === "deque" ||
            t.kind === "var";
          const comparable =
            unknown || (isNumeric(a) && isNumeric(b)) || (same && (orderable(resolve(a)) || !ordering));
          if (!comparable) {
            throw new SemanticError(
              ordering
                ? `'${COMPARE_SYMBOLS[e.ops[i]!._type]}' not supported between instances of '${a.className}' and '${b.className}'`
                : `unsupported: comparing ${a.text} with ${b.text}`,
              e,
            );
          }
        }
        return pyTypes.bool;
      }
      case "IfExp": {
        this.conditionType(spec, e.test);
        const narrowing = narrowingOf(e.test);
        const body = this.typeWithNarrowed(spec, e.body, narrowing.whenTrue);
        const orelse = this.typeWithNarrowed(spec, e.orelse, narrowing.whenFalse);
        if (body === null || orelse === null) return body ?? orelse;
        // A side not known yet (an element of a container nothing is stored in so far) must not be bound
        // by the other: a later round may store values of another type in it.
        if (!this.final && [body, orelse].some((t) => resolve(t).kind === "var")) return null;
        const joined = join(body, orelse);
        if (joined === null) {
          throw new SemanticError(
            `the branches of this conditional expression have different types (${resolve(body).text} and ${resolve(orelse).text})`,
            e,
          );
        }
        return joined;
      }
      case "JoinedStr":
        for (const v of e.values) if (v._type === "FormattedValue") this.formattedValueType(spec, v);
        return pyTypes.str;
      case "List":
      case "Tuple":
      case "Dict":
      case "Set":
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp":
        return displayType(this, spec, e);
      case "Call":
        return this.callType(spec, e);
      case "Attribute":
        return this.attributeType(spec, e);
      case "Subscript":
        if (this.isSysArgv(e.value) && e.slice._type !== "Slice") {
          const index = this.typeOf(spec, e.slice);
          if (index !== null && index !== pyTypes.int && index !== pyTypes.bool) {
            throw new SemanticError(`list indices must be integers, not ${index.text}`, e.slice);
          }
          return pyTypes.str;
        }
        return subscriptType(this, spec, e);
      case "Lambda":
        throw new SemanticError(
          "unsupported: lambda except as a function applied to each element (a key of sorted, min, max or list.sort; map; filter) or combining them (functools.reduce, itertools.accumulate)",
          e,
        );
      case "Starred":
        throw new SemanticError(
          "unsupported: argument unpacking (*args) except in print() and in a call of a function of the program",
          e,
        );
      default:
        throw new SemanticError(`unsupported: ${e._type}`, e);
    }
  }

  /**
   * Whether an operand's type is still a variable (an element of a container not yet seen filled):
   * the expression is unknown this round. In the last round nothing will bind it any more.
   */
  notKnownYet(at: NodeSpan, ...types: PyType[]): boolean {
    if (!types.some((t) => resolve(t).kind === "var")) return false;
    if (this.final) {
      throw new SemanticError(
        "cannot infer the type of this operand: it comes from a container nothing is ever stored in",
        at,
        "annotate the container, e.g. `xs: list[int] = []`",
      );
    }
    return true;
  }

  private formattedValueType(spec: Specialization, v: ast.FormattedValue): void {
    const type = this.typeOf(spec, v.value);
    if (type === pyTypes.none && v.format_spec !== null) {
      throw new SemanticError("unsupported format string passed to NoneType.__format__", v.value);
    }
    if (v.format_spec !== null) this.typeOf(spec, v.format_spec);
  }

  private readonly assignmentCounts = new Map<ast.FunctionDef | null, Map<string, number>>();

  /** `_` (and a comprehension's `_`) where no code reads it: values of any type go to it. */
  private discarded = new Set<string>();
  private namedTuples = new Map<string, NamedTupleClass>();

  /** How many statements of the variable's scope assign it. */
  private assignmentCount(spec: Specialization, name: string): number {
    const def = spec.scope?.locals.has(name) ? spec.def : null;
    let counts = this.assignmentCounts.get(def);
    if (counts === undefined) {
      counts = new Map();
      for (const s of walkAll(def === null ? this.module.body : def.body)) {
        for (const target of assignedNames(s)) counts.set(target.id, (counts.get(target.id) ?? 0) + 1);
      }
      this.assignmentCounts.set(def, counts);
    }
    return counts.get(name) ?? 0;
  }

  binaryType(op: ast.operator["_type"], a: PyType, b: PyType, right: ast.expr, at: NodeSpan): PyType {
    const maybeNone = [a, b].map(resolve).find((t) => t.kind === "optional");
    if (maybeNone !== undefined) {
      throw new SemanticError(
        `unsupported: an operand of type ${maybeNone.text}: it may be None`,
        at,
        "test it first, e.g. `if x is not None:`, which narrows it to its other type",
      );
    }
    const exponent =
      right._type === "Constant" && typeof right.value === "bigint" ? right.value : constantNegative(right);
    const result = binaryResultType(op, a, b, exponent);
    if (typeof result === "string") throw new SemanticError(result, at);
    return result;
  }

  private attributeType(spec: Specialization, e: ast.Attribute): PyType | null {
    if (this.isSysArgv(e)) return listOf(pyTypes.str);
    const typed = typeNameSubject(e, (n) => this.isBuiltin(n));
    if (typed !== null) return this.typeOf(spec, typed) === null ? null : pyTypes.str;
    const module = moduleNamed(this.importScope, e.value);
    if (module !== null) {
      // The table lists what the subset compiles, not all a module has: an unknown name is unsupported.
      const member = moduleMember(module, e.attr, e);
      if (member.kind === "constant") return member.type;
      if (member.kind === "module" || member.kind === "namespace") {
        const members = [...MODULES.get(`${module}.${e.attr}`)!.keys()].join(", ");
        throw new SemanticError(
          `unsupported: ${module}.${e.attr} used as a value (only its members are compiled: ${members})`,
          e,
        );
      }
    }
    if (module === null && !(e.value._type === "Name" && this.imports.has(e.value.id))) {
      const value = this.typeOf(spec, e.value);
      if (value === null) return null;
      if (resolve(value).named !== undefined) return namedTupleFieldType(resolve(value), e);
    }
    throw new SemanticError(`unsupported: attribute '${e.attr}' used as a value`, e);
  }

  /** The namedtuple class a name stands for (a module-level name the module defines so), or null. */
  namedTupleClass(name: ast.Name): NamedTupleClass | null {
    if (this.scopes.resolution.get(name) !== "global") return null;
    return this.namedTuples.get(name.id) ?? null;
  }

  isSysArgv(e: ast.expr): boolean {
    return isSysArgv(this.imports, e);
  }

  private isBuiltin(name: ast.Name): boolean {
    return this.scopes.resolution.get(name) === "builtin";
  }

  /** What a call's callee names: a builtin, a module's function, a user function or a method. */
  private callee(e: ast.Call): {
    kind: "builtin" | "module" | "user" | "method" | "class";
    name: string;
    module?: string;
  } {
    const f = e.func;
    if (f._type === "Name" && this.scopes.resolution.get(f) === "builtin") return { kind: "builtin", name: f.id };
    const called = moduleFunctionOf(this.importScope, e);
    if (called !== null) {
      moduleMember(called.module, called.name, f);
      return { kind: "module", ...called };
    }
    if (f._type === "Name") {
      if (this.functions.has(f.id)) return { kind: "user", name: f.id };
      if (this.namedTupleClass(f) !== null) return { kind: "class", name: f.id };
      throw new SemanticError(`'${f.id}' is not callable`, f);
    }
    if (f._type === "Attribute") return { kind: "method", name: f.attr };
    throw new SemanticError("unsupported: call of this expression", f);
  }

  private callType(spec: Specialization, e: ast.Call): PyType | null {
    const callee = this.callee(e);
    if (callee.kind === "user") return this.userCallType(spec, e, this.functions.get(callee.name)!);
    if (callee.kind === "class") return namedTupleCallType(this, spec, e, this.namedTuples.get(callee.name)!);
    if (callee.kind === "method") {
      const node = (e.func as ast.Attribute).value;
      const receiver = this.typeOf(spec, node);
      if (receiver === null) return null;
      if (resolve(receiver).kind !== "union") return methodCallType(this, spec, e, receiver, callee.name);
      // A method of one member: the value must be of that member (AttributeError otherwise).
      const has = (member: PyType) => {
        try {
          methodCallType(this, spec, e, member, callee.name);
          return true;
        } catch (error) {
          if (error instanceof SemanticError) return false;
          throw error;
        }
      };
      const missing = (other: PyType) => `'${other.className}' object has no attribute '${callee.name}'`;
      const having = resolve(receiver).parts.filter(has);
      if (having.length > 1) return this.unionMethodType(spec, e, having, callee.name);
      const member = this.useAs(spec, node, receiver, has, "AttributeError", missing, `.${callee.name}()`);
      return methodCallType(this, spec, e, member, callee.name);
    }
    if (callee.kind === "builtin" && callee.name === "isinstance") return this.isinstanceType(spec, e);
    if (callee.kind === "builtin") {
      const container = containerBuiltinType(this, spec, e, callee.name);
      if (container !== undefined) return container;
      if ((callee.name === "min" || callee.name === "max") && e.args.length === 1) {
        return iterableMinMaxType(this, spec, e, callee.name);
      }
    }
    if (callee.kind === "builtin" && callee.name === "print") {
      for (const a of e.args) {
        if (a._type !== "Starred") this.typeOf(spec, a);
        else {
          // print(*xs): each element printed.
          const t = this.typeOf(spec, a.value);
          if (t !== null) iterationTypeAt(t, a.value);
        }
      }
      for (const k of e.keywords) {
        if (k.arg !== "sep" && k.arg !== "end" && k.arg !== "file" && k.arg !== "flush") {
          throw new SemanticError(`unsupported: print(${k.arg}=...)`, k);
        }
        const t = this.typeOf(spec, k.value);
        if (k.arg === "file" || k.arg === "flush") {
          const expected = k.arg === "file" ? pyTypes.file : pyTypes.bool;
          if (t !== null && t !== expected && t !== pyTypes.none) {
            throw new SemanticError(`unsupported: print(${k.arg}=...) of a ${resolve(t).text}`, k.value);
          }
          continue;
        }
        if (t !== null && t !== pyTypes.str && t !== pyTypes.none) {
          throw new SemanticError(`${k.arg} must be None or a string, not ${t.className}`, k.value);
        }
      }
      return pyTypes.none;
    }
    const member = callee.kind === "module" ? MODULES.get(callee.module!)!.get(callee.name)! : null;
    if (member?.kind === "expression-function") return moduleCallType(this, spec, e, callee.module!, callee.name);
    if (member !== null && member.kind !== "function") {
      throw new SemanticError(`unsupported: ${callee.module}.${callee.name}()`, e);
    }
    const keywordsAllowed =
      (callee.kind === "builtin" && (callee.name === "round" || callee.name === "min" || callee.name === "max")) ||
      (member?.keywords.length ?? 0) > 0;
    if (e.keywords.length > 0 && !keywordsAllowed) {
      throw new SemanticError(`unsupported: keyword arguments to ${callee.name}()`, e.keywords[0]!);
    }
    const args = e.args.map((a) => this.typeOf(spec, a));
    if (args.some((a) => a === null) || this.notKnownYet(e, ...(args as PyType[]))) return null;
    const types = (args as PyType[]).map(resolve);
    if (member !== null && member.kind === "function") {
      for (const k of e.keywords) {
        if (!member.keywords.includes(k.arg ?? ""))
          throw new SemanticError(`${callee.name}() got an unexpected keyword argument '${k.arg}'`, k);
        const t = this.typeOf(spec, k.value);
        if (t === null) return null;
        if (!isNumeric(t)) throw new SemanticError(`must be real number, not ${t.className}`, k.value);
      }
      const result = member.type(types);
      if ("error" in result) throw new SemanticError(result.error, e);
      return result;
    }
    return builtinCallType(this, spec, e, callee.name, types);
  }

  /** isinstance(x, T) or isinstance(x, (T, U)) of builtin classes: known from x's static type. */
  private isinstanceType(spec: Specialization, e: ast.Call): PyType | null {
    if (e.args.length !== 2 || e.keywords.length > 0) {
      throw new SemanticError(`isinstance expected 2 arguments, got ${e.args.length}`, e);
    }
    const classes = e.args[1]!;
    const names = classes._type === "Tuple" ? classes.elts : [classes];
    if (!names.every((n) => n._type === "Name" && ISINSTANCE_CLASSES.has(n.id) && this.isBuiltin(n))) {
      throw new SemanticError(
        "unsupported: isinstance() with anything but builtin classes (int, float, bool, str, list, tuple, dict, set)",
        classes,
      );
    }
    return this.typeOf(spec, e.args[0]!) === null ? null : pyTypes.bool;
  }

  private divmodType(spec: Specialization, e: ast.Call): PyType | null {
    if (e.args.length !== 2 || e.keywords.length > 0) throw new SemanticError("divmod expected 2 arguments", e);
    const a = this.typeOf(spec, e.args[0]!);
    const b = this.typeOf(spec, e.args[1]!);
    if (a === null || b === null) return null;
    if (!isNumeric(a) || !isNumeric(b)) {
      throw new SemanticError(`unsupported operand type(s) for divmod(): '${a.className}' and '${b.className}'`, e);
    }
    const type = numericJoin(a, b);
    spec.exprTypes.set(e, type);
    return type;
  }

  private userCallType(spec: Specialization, e: ast.Call, def: ast.FunctionDef): PyType | null {
    const argTypes = this.bindArguments(spec, e, def);
    if (argTypes === null) return null;
    const callee = this.specialize(def, argTypes);
    spec.calls.set(e, callee);
    return callee.returnType;
  }

  /** The types of the callee's parameters for this call, after keywords and defaults. */
  private bindArguments(spec: Specialization, e: ast.Call, def: ast.FunctionDef): PyType[] | null {
    const params = [...def.args.args, ...def.args.kwonlyargs];
    const positional = def.args.args.length;
    // Each parameter's argument: an expression, or one element of a tuple unpacked by `*t`.
    const bound: ({ node: ast.expr; type: PyType } | null)[] = params.map(() => null);
    const given: { node: ast.expr; type: PyType }[] = [];
    for (const a of e.args) {
      if (a._type !== "Starred") {
        const type = this.typeOf(spec, a);
        if (type === null) return null;
        given.push({ node: a, type });
        continue;
      }
      const type = this.typeOf(spec, a.value);
      if (type === null) return null;
      const t = resolve(type);
      if (t.kind !== "tuple") {
        throw new SemanticError(`unsupported: *${t.text} in a call (only a tuple's length is known)`, a);
      }
      for (const part of t.parts) given.push({ node: a, type: part });
    }
    if (given.length > positional) {
      throw new SemanticError(
        `${def.name}() takes ${positional} positional argument${positional === 1 ? "" : "s"} but ${given.length} were given`,
        e,
      );
    }
    given.forEach((g, i) => {
      bound[i] = g;
    });
    for (const k of e.keywords) {
      const index = params.findIndex((p) => p.arg === k.arg);
      if (index < 0) {
        const suggestion = closestName(
          k.arg!,
          params.map((p) => p.arg),
        );
        throw new SemanticError(
          `${def.name}() got an unexpected keyword argument '${k.arg}'`,
          k,
          suggestion === null ? null : `did you mean '${suggestion}'?`,
        );
      }
      if (bound[index] !== null)
        throw new SemanticError(`${def.name}() got multiple values for argument '${k.arg}'`, k);
      const type = this.typeOf(spec, k.value);
      if (type === null) return null;
      bound[index] = { node: k.value, type };
    }
    const types: PyType[] = [];
    for (let i = 0; i < params.length; i++) {
      const value = bound[i]?.node ?? defaultValue(def, i);
      if (value === null) {
        throw new SemanticError(`${def.name}() missing required argument: '${params[i]!.arg}'`, e);
      }
      const type = bound[i]?.type ?? this.byKey.get("<module>")!.exprTypes.get(value) ?? null;
      if (type === null) return null;
      const declared = params[i]!.annotation === null ? null : annotationType(params[i]!.annotation!);
      if (declared !== null && !fits(type, declared)) {
        throw new SemanticError(
          `argument '${params[i]!.arg}' of ${def.name}() is annotated ${declared.text} but this call passes ${type.text}`,
          value,
        );
      }
      types.push(type);
    }
    return types;
  }
}

/**
 * The x of `type(x).__name__` (`type` the builtin), the one use of type() compiled: its class's
 * name, known from x's type or told at run time for a value of several classes. Null for another
 * attribute.
 */
export function typeNameSubject(e: ast.Attribute, isBuiltin: (name: ast.Name) => boolean): ast.expr | null {
  const call = e.value;
  if (e.attr !== "__name__" || call._type !== "Call" || call.func._type !== "Name" || call.func.id !== "type")
    return null;
  if (!isBuiltin(call.func) || call.args.length !== 1 || call.keywords.length > 0) return null;
  return call.args[0]!;
}
