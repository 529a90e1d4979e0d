// The types of what namedtuple classes do (named-tuples.ts): a call of the class makes a tuple of
// its argument types named by the class, a field read (`p.x`) is its part's type, and `_replace`
// makes another of the same type. The arguments bind to fields as CPython binds them to __new__'s
// parameters, and the same mistakes get CPython's messages.

import type * as ast from "./ast.js";
import type { InferenceHost } from "./container-inference.js";
import { type NamedTupleClass, namedTupleOf, type PyType, resolve, unifyOrUnroll } from "./py-types.js";
import { SemanticError } from "./semantic-error.js";
import type { Specialization } from "./type-inference.js";

/**
 * Which argument gives each field of a call of the class (in field order), checked as CPython checks
 * a call of its __new__: too many or too few positional arguments, unknown or repeated keywords.
 */
export function namedTupleArguments(e: ast.Call, cls: NamedTupleClass): ast.expr[] {
  const signature = `${cls.name}.__new__()`;
  if (e.args.some((a) => a._type === "Starred")) {
    throw new SemanticError(`unsupported: *args in a call of namedtuple class '${cls.name}'`, e);
  }
  if (e.args.length > cls.fields.length) {
    throw new SemanticError(
      `${signature} takes ${cls.fields.length + 1} positional arguments but ${e.args.length + 1} were given`,
      e,
    );
  }
  const given: (ast.expr | undefined)[] = [...e.args];
  for (const k of e.keywords) {
    const at = k.arg === null ? -1 : cls.fields.indexOf(k.arg);
    if (at < 0) throw new SemanticError(`${signature} got an unexpected keyword argument '${k.arg}'`, k as never);
    if (given[at] !== undefined)
      throw new SemanticError(`${signature} got multiple values for argument '${k.arg}'`, k as never);
    given[at] = k.value;
  }
  const missing = cls.fields.filter((_, i) => given[i] === undefined);
  if (missing.length > 0) {
    const names = missing.map((f) => `'${f}'`);
    const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
    const plural = missing.length === 1 ? "argument" : "arguments";
    throw new SemanticError(`${signature} missing ${missing.length} required positional ${plural}: ${listed}`, e);
  }
  return given as ast.expr[];
}

/** The type of a call of the class: its tuple of the arguments' types, or null while one is unknown. */
export function namedTupleCallType(
  host: InferenceHost,
  spec: Specialization,
  e: ast.Call,
  cls: NamedTupleClass,
): PyType | null {
  const types = namedTupleArguments(e, cls).map((a) => host.typeOf(spec, a));
  if (types.some((t) => t === null)) return null;
  return namedTupleOf(
    cls,
    types.map((t) => resolve(t!)),
  );
}

/** The position of a field `p.name` reads, with CPython's AttributeError for another name. */
export function fieldIndex(type: PyType, e: ast.Attribute): number {
  const at = type.named!.fields.indexOf(e.attr);
  if (at < 0) throw new SemanticError(`'${type.named!.name}' object has no attribute '${e.attr}'`, e);
  return at;
}

export function namedTupleFieldType(type: PyType, e: ast.Attribute): PyType {
  return type.parts[fieldIndex(type, e)]!;
}

/** `p._replace(field=value, ...)`: the same type, each value fitting its field. */
export function replaceType(host: InferenceHost, spec: Specialization, e: ast.Call, type: PyType): PyType | null {
  const cls = type.named!;
  if (e.args.length > 0)
    throw new SemanticError(
      `${cls.name}._replace() takes 1 positional argument but ${e.args.length + 1} were given`,
      e,
    );
  for (const k of e.keywords) {
    const at = k.arg === null ? -1 : cls.fields.indexOf(k.arg);
    if (at < 0) throw new SemanticError(`Got unexpected field names: ['${k.arg}']`, k as never);
    const value = host.typeOf(spec, k.value);
    if (value === null) return null;
    if (!unifyOrUnroll(type.parts[at]!, value)) {
      throw new SemanticError(
        `unsupported: replacing field '${k.arg}' of ${type.text} by a ${resolve(value).text}`,
        k.value,
      );
    }
  }
  return type;
}
