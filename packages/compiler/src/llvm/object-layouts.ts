// What the emitted code tells the runtime about its objects: one `rt_layout` descriptor per layout
// the module declares (runtime/object.h), with generated drop and traverse functions, and one
// allocation-site record per `alloc` for the leak checker. Offsets and sizes are the layout
// module's (ir/layouts.ts).

import type { IrFunction, Layout, SourceLoc } from "../ir/ir.js";
import {
  ARRAY_CAPACITY,
  ARRAY_DATA,
  ARRAY_LENGTH,
  declaredFields,
  fieldOffsets,
  layoutDescriptor,
  MAP_TABLE,
  objectSize,
  WEAK_CELL_FIELD,
} from "../ir/layouts.js";
import { holdsReferences, type IrType, isNullableRef } from "../ir/types.js";
import type { ModuleEmitter } from "./emit-llvm.js";
import { llvmType, quoted } from "./llvm-values.js";
import { countHelper, HelperBody } from "./reference-counts.js";

/** The symbol of a layout's descriptor, defined (with its drop and traverse functions) on first use. */
export function layoutDescriptorSymbol(m: ModuleEmitter, layout: Layout): string {
  if (layout.runtimeSymbol !== null) {
    m.declareGlobal(
      layout.runtimeSymbol,
      `@${layout.runtimeSymbol} = external constant [${layoutDescriptor.size} x i8]`,
    );
    return `@${layout.runtimeSymbol}`;
  }
  const symbol = `@${quoted(`layout.${layout.name}`)}`;
  m.defineHelper(symbol, () => {
    const index = m.module.layouts.indexOf(layout);
    if (index < 0) throw new Error(`layout ${layout.name} is not declared by the module`);
    const drop = dropFunction(m, layout);
    const traverse = traverseFunction(m, layout);
    const flags = traverse === "null" ? 0 : layoutDescriptor.holdsReferencesFlag;
    return (
      `${symbol} = internal constant { ptr, i32, i32, i64, ptr, ptr } { ptr ${m.cString(layout.name)}, ` +
      `i32 ${layoutDescriptor.firstModuleTypeId + index}, i32 ${flags}, i64 ${objectSize(layout)}, ` +
      `ptr ${drop}, ptr ${traverse} }`
    );
  });
  return symbol;
}

/** A record of where an object is allocated (`rt_alloc_site`): file, function and line. */
export function allocSiteSymbol(m: ModuleEmitter, fn: IrFunction, loc: SourceLoc): string {
  const symbol = `@${quoted(`site.${loc.file}:${loc.line}:${loc.col}:${fn.name}`)}`;
  m.defineHelper(
    symbol,
    () =>
      `${symbol} = private unnamed_addr constant { ptr, ptr, i32 } ` +
      `{ ptr ${m.cString(loc.file)}, ptr ${m.cString(fn.displayName)}, i32 ${loc.line} }`,
  );
  return symbol;
}

/**
 * Releases every field that holds references and clears it, so a second call (the cycle
 * collector's, then the deallocation's) finds nothing; "null" when no field holds references.
 */
function dropFunction(m: ModuleEmitter, layout: Layout): string {
  if (layout.elements !== undefined) return arrayDropFunction(m, layout, layout.elements);
  if (layout.entries !== undefined) return mapDropFunction(m, layout, layout.entries);
  const fields = declaredFields(layout);
  const offsets = fieldOffsets(layout);
  if (!fields.some((f) => holdsReferences(f.type))) return "null";
  const symbol = `@${quoted(`drop.${layout.name}`)}`;
  m.defineHelper(symbol, () => {
    const body = new HelperBody();
    if (layout.observedByWeak === true) {
      if (fields[0] !== WEAK_CELL_FIELD) throw new Error(`layout ${layout.name}: its first field is not its weak cell`);
      m.declareIntrinsic("declare void @rt_weak_detach(ptr) nounwind");
      body.line("call void @rt_weak_detach(ptr %object)");
    }
    fields.forEach((field, i) => {
      if (!holdsReferences(field.type)) return;
      const ty = llvmType(field.type);
      const at = body.tmp();
      const value = body.tmp();
      body.line(`${at} = getelementptr inbounds i8, ptr %object, i64 ${offsets[i]}`);
      body.line(`${value} = load ${ty}, ptr ${at}`);
      body.line(`store ${ty} zeroinitializer, ptr ${at}`);
      body.line(`call void ${countHelper(m, "release", field.type, true)}(${ty} ${value})`);
    });
    return body.definition(`define internal void ${symbol}(ptr %object) nounwind`);
  });
  return symbol;
}

/**
 * Visits every object the fields refer to that the cycle collector can track: objects of declared
 * layouts and closure environments. The runtime's strings hold nothing and cannot be in a cycle, so
 * they are not visited; "null" when no field can refer to such an object.
 */
function traverseFunction(m: ModuleEmitter, layout: Layout): string {
  if (layout.tracked === false) return "null";
  if (layout.entries !== undefined) return mapTraverseFunction(m, layout, layout.entries);
  if (layout.elements !== undefined) return arrayTraverseFunction(m, layout, layout.elements);
  const fields = declaredFields(layout);
  const offsets = fieldOffsets(layout);
  if (!fields.some((f) => reachesTrackedObjects(f.type))) return "null";
  const symbol = `@${quoted(`traverse.${layout.name}`)}`;
  m.defineHelper(symbol, () => {
    const body = new HelperBody();
    fields.forEach((field, i) => {
      if (!reachesTrackedObjects(field.type)) return;
      const at = body.tmp();
      const value = body.tmp();
      body.line(`${at} = getelementptr inbounds i8, ptr %object, i64 ${offsets[i]}`);
      body.line(`${value} = load ${llvmType(field.type)}, ptr ${at}`);
      visitParts(body, field.type, value);
    });
    return body.definition(`define internal void ${symbol}(ptr %object, ptr %visit, ptr %context) nounwind`);
  });
  return symbol;
}

/**
 * An array object's drop: the buffer detached first (the array left empty, so that a collection a
 * release starts finds nothing in it, as rt_array_clear_with does), then each element released
 * (when the type holds references) and the buffer freed. A second call finds the array empty.
 */
function arrayDropFunction(m: ModuleEmitter, layout: Layout, element: IrType): string {
  const symbol = `@${quoted(`drop.${layout.name}`)}`;
  m.defineHelper(symbol, () => {
    const body = new HelperBody();
    const ty = llvmType(element);
    const data = eachElement(body, layout, true, (at) => {
      if (!holdsReferences(element)) return;
      const value = body.tmp();
      body.line(`${value} = load ${ty}, ptr ${at}`);
      body.line(`call void ${countHelper(m, "release", element, true)}(${ty} ${value})`);
    });
    m.declareIntrinsic("declare void @free(ptr) nounwind");
    body.line(`call void @free(ptr ${data})`);
    return body.definition(`define internal void ${symbol}(ptr %object) nounwind`);
  });
  return symbol;
}

/** An array object's traverse: the trackable objects of each element; "null" when there can be none. */
function arrayTraverseFunction(m: ModuleEmitter, layout: Layout, element: IrType): string {
  if (!reachesTrackedObjects(element)) return "null";
  const symbol = `@${quoted(`traverse.${layout.name}`)}`;
  m.defineHelper(symbol, () => {
    const body = new HelperBody();
    eachElement(body, layout, false, (at) => {
      const value = body.tmp();
      body.line(`${value} = load ${llvmType(element)}, ptr ${at}`);
      visitParts(body, element, value);
    });
    return body.definition(`define internal void ${symbol}(ptr %object, ptr %visit, ptr %context) nounwind`);
  });
  return symbol;
}

/**
 * A loop over an array object's elements, `visit` given each one's address (the counter in a slot);
 * `detach` first empties the array's fields (data, length, capacity). Returns the buffer's pointer.
 */
function eachElement(body: HelperBody, layout: Layout, detach: boolean, visit: (at: string) => void): string {
  const element = layout.elements!;
  const offsets = fieldOffsets(layout);
  const slot = body.alloca("i64");
  const [dataAt, data, lengthAt, length] = [body.tmp(), body.tmp(), body.tmp(), body.tmp()];
  body.line(`${dataAt} = getelementptr inbounds i8, ptr %object, i64 ${offsets[ARRAY_DATA]}`);
  body.line(`${data} = load ptr, ptr ${dataAt}`);
  body.line(`${lengthAt} = getelementptr inbounds i8, ptr %object, i64 ${offsets[ARRAY_LENGTH]}`);
  body.line(`${length} = load i64, ptr ${lengthAt}`);
  if (detach) {
    const capacityAt = body.tmp();
    body.line(`${capacityAt} = getelementptr inbounds i8, ptr %object, i64 ${offsets[ARRAY_CAPACITY]}`);
    body.line(`store ptr null, ptr ${dataAt}`);
    body.line(`store i64 0, ptr ${lengthAt}`);
    body.line(`store i64 0, ptr ${capacityAt}`);
  }
  body.line(`store i64 0, ptr ${slot}`);
  const [test, step, done] = [body.label("element"), body.label("element.body"), body.label("elements.done")];
  body.line(`br label %${test}`);
  body.startLabel(test);
  const [i, more] = [body.tmp(), body.tmp()];
  body.line(`${i} = load i64, ptr ${slot}`);
  body.line(`${more} = icmp slt i64 ${i}, ${length}`);
  body.line(`br i1 ${more}, label %${step}, label %${done}`);
  body.startLabel(step);
  const [at, next] = [body.tmp(), body.tmp()];
  body.line(`${at} = getelementptr inbounds ${llvmType(element)}, ptr ${data}, i64 ${i}`);
  visit(at);
  body.line(`${next} = add i64 ${i}, 1`);
  body.line(`store i64 ${next}, ptr ${slot}`);
  body.line(`br label %${test}`);
  body.startLabel(done);
  return data;
}

/**
 * A map object's drop: the table cleared by the runtime, which detaches its memory first and then
 * calls back for each live entry, whose key and value a generated function releases; or freed
 * alone when neither holds references.
 */
function mapDropFunction(m: ModuleEmitter, layout: Layout, entries: { key: IrType; value: IrType }): string {
  const symbol = `@${quoted(`drop.${layout.name}`)}`;
  m.defineHelper(symbol, () => {
    const body = new HelperBody();
    const table = body.tmp();
    body.line(`${table} = getelementptr inbounds i8, ptr %object, i64 ${fieldOffsets(layout)[MAP_TABLE]}`);
    if (holdsReferences(entries.key) || holdsReferences(entries.value)) {
      m.declareIntrinsic("declare void @rt_hash_table_clear_with(ptr, ptr, ptr) nounwind");
      body.line(
        `call void @rt_hash_table_clear_with(ptr ${table}, ptr ${entryReleaser(m, layout, entries)}, ptr null)`,
      );
    } else {
      m.declareIntrinsic("declare void @rt_hash_table_free(ptr) nounwind");
      body.line(`call void @rt_hash_table_free(ptr ${table})`);
    }
    return body.definition(`define internal void ${symbol}(ptr %object) nounwind`);
  });
  return symbol;
}

/** The callback that releases one entry's key and value (`rt_hash_table_clear_with`'s). */
function entryReleaser(m: ModuleEmitter, layout: Layout, entries: { key: IrType; value: IrType }): string {
  const symbol = `@${quoted(`release.entry.${layout.name}`)}`;
  m.defineHelper(symbol, () => {
    const body = new HelperBody();
    for (const [pointer, type] of [
      ["%key", entries.key],
      ["%value", entries.value],
    ] as const) {
      if (!holdsReferences(type)) continue;
      const value = body.tmp();
      body.line(`${value} = load ${llvmType(type)}, ptr ${pointer}`);
      body.line(`call void ${countHelper(m, "release", type, true)}(${llvmType(type)} ${value})`);
    }
    return body.definition(`define internal void ${symbol}(ptr %key, ptr %value, ptr %context) nounwind`);
  });
  return symbol;
}

/** A map object's traverse: the trackable objects of each live entry, walked with rt_hash_table_next. */
function mapTraverseFunction(m: ModuleEmitter, layout: Layout, entries: { key: IrType; value: IrType }): string {
  if (!reachesTrackedObjects(entries.key) && !reachesTrackedObjects(entries.value)) return "null";
  const symbol = `@${quoted(`traverse.${layout.name}`)}`;
  m.defineHelper(symbol, () => {
    const body = new HelperBody();
    m.declareIntrinsic("declare i1 @rt_hash_table_next(ptr, ptr, ptr, ptr) nounwind");
    const [position, keyAt, valueAt] = [body.alloca("i64"), body.alloca("ptr"), body.alloca("ptr")];
    const table = body.tmp();
    body.line(`${table} = getelementptr inbounds i8, ptr %object, i64 ${fieldOffsets(layout)[MAP_TABLE]}`);
    body.line(`store i64 0, ptr ${position}`);
    const [test, step, done] = [body.label("entry"), body.label("entry.body"), body.label("entries.done")];
    body.line(`br label %${test}`);
    body.startLabel(test);
    const more = body.tmp();
    body.line(`${more} = call i1 @rt_hash_table_next(ptr ${table}, ptr ${position}, ptr ${keyAt}, ptr ${valueAt})`);
    body.line(`br i1 ${more}, label %${step}, label %${done}`);
    body.startLabel(step);
    for (const [slot, type] of [
      [keyAt, entries.key],
      [valueAt, entries.value],
    ] as const) {
      if (!reachesTrackedObjects(type)) continue;
      const [pointer, value] = [body.tmp(), body.tmp()];
      body.line(`${pointer} = load ptr, ptr ${slot}`);
      body.line(`${value} = load ${llvmType(type)}, ptr ${pointer}`);
      visitParts(body, type, value);
    }
    body.line(`br label %${test}`);
    body.startLabel(done);
    return body.definition(`define internal void ${symbol}(ptr %object, ptr %visit, ptr %context) nounwind`);
  });
  return symbol;
}

/** Whether a value of the type can refer to an object the cycle collector tracks. */
export function reachesTrackedObjects(type: IrType): boolean {
  switch (type.kind) {
    case "ref":
      return type.layout.fields !== null;
    case "fn":
      return true;
    case "struct":
      return type.fields.some(reachesTrackedObjects);
    case "variant":
      return type.cases.some(reachesTrackedObjects);
    default:
      return false;
  }
}

/** Calls %visit on each non-null pointer to a trackable object in `value`. */
function visitParts(body: HelperBody, type: IrType, value: string): void {
  if (!reachesTrackedObjects(type)) return;
  const visit = (pointer: string) => {
    const isNull = body.tmp();
    const present = body.label("visit");
    const done = body.label("visited");
    body.line(`${isNull} = icmp eq ptr ${pointer}, null`);
    body.line(`br i1 ${isNull}, label %${done}, label %${present}`);
    body.startLabel(present);
    body.line(`call void %visit(ptr ${pointer}, ptr %context)`);
    body.line(`br label %${done}`);
    body.startLabel(done);
  };
  switch (type.kind) {
    case "ref":
      visit(value);
      return;
    case "fn": {
      const env = body.tmp();
      body.line(`${env} = extractvalue { ptr, ptr } ${value}, 1`);
      visit(env);
      return;
    }
    case "struct":
      type.fields.forEach((field, i) => {
        if (!reachesTrackedObjects(field)) return;
        const part = body.tmp();
        body.line(`${part} = extractvalue ${llvmType(type)} ${value}, ${i}`);
        visitParts(body, field, part);
      });
      return;
    case "variant": {
      if (isNullableRef(type)) {
        visit(value);
        return;
      }
      const ty = llvmType(type);
      const slot = body.alloca(ty);
      const tag = body.tmp();
      body.line(`store ${ty} ${value}, ptr ${slot}`);
      body.line(`${tag} = extractvalue ${ty} ${value}, 0`);
      type.cases.forEach((c, i) => {
        if (!reachesTrackedObjects(c)) return;
        const is = body.tmp();
        const yes = body.label(`case.${i}`);
        const next = body.label("case.next");
        body.line(`${is} = icmp eq i32 ${tag}, ${i}`);
        body.line(`br i1 ${is}, label %${yes}, label %${next}`);
        body.startLabel(yes);
        const at = body.tmp();
        const payload = body.tmp();
        body.line(`${at} = getelementptr inbounds i8, ptr ${slot}, i64 8`);
        body.line(`${payload} = load ${llvmType(c)}, ptr ${at}`);
        visitParts(body, c, payload);
        body.line(`br label %${next}`);
        body.startLabel(next);
      });
      return;
    }
    default:
      return;
  }
}
