// The names that stand for standard-library modules and their members: what an `import` binds
// (`import os`, `import os.path as p`, `from os import path`, `from itertools import count`), which
// module an expression names (`os.path` is a module of its own), and which module function a call
// calls. Inference and lowering both ask here, so a call means one thing to both.

import type * as ast from "./ast.js";
import type { NameKind } from "./scopes.js";
import { SemanticError } from "./semantic-error.js";
import { isImportableModule, MODULES, moduleMember } from "./stdlib-modules.js";

/** What a module-level imported name stands for. */
export interface ImportedName {
  /** A row of stdlib-modules.ts's MODULES. */
  readonly module: string;
  /** Null for the module itself (`import math`, `from os import path`). */
  readonly member: string | null;
}

/** Adds the names an import statement binds to `imports`, refusing modules outside the subset. */
export function collectImport(statement: ast.Import | ast.ImportFrom, imports: Map<string, ImportedName>): void {
  if (statement._type === "Import") {
    for (const alias of statement.names) {
      if (!isImportableModule(alias.name)) throw new SemanticError(`unsupported: module '${alias.name}'`, alias);
      // `import os.path` binds `os`; `import os.path as p` binds p to os.path.
      const module = alias.asname === null ? alias.name.split(".")[0]! : alias.name;
      imports.set(alias.asname ?? module, { module, member: null });
    }
    return;
  }
  const from = statement.module ?? "";
  if (!isImportableModule(from)) throw new SemanticError(`unsupported: module '${from}'`, statement);
  for (const alias of statement.names) {
    if (alias.name === "*") throw new SemanticError("unsupported: import *", alias);
    const member = moduleMember(from, alias.name, alias);
    imports.set(
      alias.asname ?? alias.name,
      member.kind === "module" || member.kind === "namespace"
        ? { module: `${from}.${alias.name}`, member: null }
        : { module: from, member: alias.name },
    );
  }
}

/** What lets a Name stand for an import: the imports, and that the name is the module's (not a local). */
export interface ImportScope {
  readonly imports: ReadonlyMap<string, ImportedName>;
  readonly resolution: ReadonlyMap<ast.Name, NameKind>;
}

/** The module an expression names (`math`, `os.path`, `path` imported from os), or null. */
export function moduleNamed(scope: ImportScope, e: ast.expr): string | null {
  if (e._type === "Name") {
    const imported = scope.imports.get(e.id);
    if (imported === undefined || imported.member !== null || scope.resolution.get(e) !== "global") return null;
    return imported.module;
  }
  if (e._type === "Attribute") {
    const outer = moduleNamed(scope, e.value);
    if (outer === null) return null;
    const member = MODULES.get(outer)!.get(e.attr);
    return member?.kind === "module" || member?.kind === "namespace" ? `${outer}.${e.attr}` : null;
  }
  return null;
}

/** The module function a call calls (`math.sqrt(x)`, `count()` imported from itertools), or null. */
export function moduleFunctionOf(scope: ImportScope, call: ast.Call): { module: string; name: string } | null {
  const f = call.func;
  if (f._type === "Name") {
    const imported = scope.imports.get(f.id);
    if (imported === undefined || imported.member === null || scope.resolution.get(f) !== "global") return null;
    return { module: imported.module, name: imported.member };
  }
  if (f._type === "Attribute") {
    const module = moduleNamed(scope, f.value);
    return module === null ? null : { module, name: f.attr };
  }
  return null;
}
