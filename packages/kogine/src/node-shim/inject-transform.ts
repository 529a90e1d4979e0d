/** The JS side of injection: rewrites a script's module-level declarations of overridden names so the
 * config's value is in place as its top-level code runs (derived values see it), finds the function the
 * `import.meta.url`/`process.argv[1]` main guard calls, and exports local functions the runner may call. */
import { isBuiltin } from "node:module";
import { type AnyNode, parseModule, walk, walkWithAncestors } from "./js-syntax.js";
import { LOCAL_EXPORT_PREFIX } from "./local-exports.js";

export { LOCAL_EXPORT_PREFIX };

export interface ScriptShape {
  boundNames: string[];
  guardEntry: string | null;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function scriptShape(program: AnyNode): ScriptShape {
  const bound: string[] = [];
  let guardEntry: string | null = null;
  for (const stmt of program.body as AnyNode[]) {
    const decl = declarationOf(stmt);
    if (decl) bound.push(...namesDeclaredBy(decl));
    if (stmt.type === "IfStatement" && guardEntry === null && isMainGuard(stmt.test as AnyNode)) {
      guardEntry = firstCalledName(stmt.consequent as AnyNode, new Set(bound));
    }
  }
  if (guardEntry !== null && !bound.includes(guardEntry)) guardEntry = null;
  return { boundNames: bound, guardEntry };
}

/** Every module-level `const/let/var NAME = init` becomes `NAME = __kogine__.value("NAME", () => (init))`,
 * which returns the config's value when there is one and evaluates `init` otherwise; the hooks thread
 * need not know the config, which the task process loads after the hooks are installed. Initialisers
 * that use top-level `await` are left alone (an arrow function cannot contain it). */
export function injectIntoScript(source: string, extraExports: string[]): string {
  return rewriteScript(source, parseModule(source), extraExports, []);
}

function rewriteScript(source: string, program: AnyNode, extraExports: string[], inner: Edit[]): string {
  const shape = scriptShape(program);
  const edits: Edit[] = [];
  // Edits inside an initialiser that gets wrapped (a specifier, `import.meta.url`) are applied to its text.
  const slice = (start: number, end: number) => applyEdits(source, start, end, inner);
  for (const stmt of program.body as AnyNode[]) {
    const decl = declarationOf(stmt);
    if (decl?.type !== "VariableDeclaration") continue;
    for (const declarator of decl.declarations as AnyNode[]) {
      const id = declarator.id as AnyNode;
      const init = declarator.init as AnyNode | null;
      if (id.type !== "Identifier") {
        if (init && !/\bawait\b/.test(source.slice(init.start, init.end)))
          edits.push(...destructuringEdits(id, declarator));
        continue;
      }
      const name = JSON.stringify(id.name);
      if (init) {
        if (/\bawait\b/.test(source.slice(init.start, init.end))) continue;
        edits.push({
          start: init.start,
          end: init.end,
          text: `globalThis.__kogine__.value(${name}, () => (${slice(init.start, init.end)}))`,
        });
      } else {
        edits.push({ start: id.end, end: id.end, text: ` = globalThis.__kogine__.value(${name}, undefined)` });
      }
    }
  }
  const outer = inner.filter((e) => !edits.some((w) => w.start <= e.start && e.end <= w.end));
  const code = applyEdits(source, 0, source.length, [...edits, ...outer]);
  const exposed = new Set([shape.guardEntry, "main", "run", ...extraExports].filter((n): n is string => !!n));
  const exports = [...exposed].filter((n) => shape.boundNames.includes(n));
  const prologue = `globalThis.__kogine__?.declare(${JSON.stringify(shape.boundNames)}, ${JSON.stringify(shape.guardEntry)});`;
  const epilogue = exports.map((n) => `export { ${n} as ${LOCAL_EXPORT_PREFIX}${n} };`).join(" ");
  // The prologue goes after any hashbang line, on the first line, so line numbers in stack traces hold.
  const hashbang = code.startsWith("#!") ? code.slice(0, code.indexOf("\n") + 1) : "";
  return `${hashbang}${prologue}${code.slice(hashbang.length)}\n${epilogue}\n`;
}

/** `const { alpha, b: beta } = init` becomes `const { alpha: __kogine_d_alpha, b: __kogine_d_beta } = init,
 * alpha = value("alpha", () => __kogine_d_alpha), beta = ...`: each name the pattern binds can be set like
 * a plain declaration's, and without a setting keeps what the destructuring gave it. */
function destructuringEdits(pattern: AnyNode, declarator: AnyNode): Edit[] {
  const edits: Edit[] = [];
  const names: string[] = [];
  const rename = (id: AnyNode, shorthand: boolean) => {
    const name = id.name as string;
    names.push(name);
    const text = `${DESTRUCTURED_PREFIX}${name}`;
    edits.push({ start: id.start, end: id.end, text: shorthand ? `${name}: ${text}` : text });
  };
  const visit = (node: AnyNode | null, shorthand = false): void => {
    if (!node) return;
    if (node.type === "Identifier") rename(node, shorthand);
    else if (node.type === "ObjectPattern") {
      for (const property of node.properties as AnyNode[]) {
        if (property.type === "RestElement") visit(property.argument as AnyNode);
        else visit(property.value as AnyNode, property.shorthand as boolean);
      }
    } else if (node.type === "ArrayPattern") for (const element of node.elements as AnyNode[]) visit(element);
    else if (node.type === "RestElement") visit(node.argument as AnyNode);
    else if (node.type === "AssignmentPattern") visit(node.left as AnyNode, shorthand);
  };
  visit(pattern);
  const declared = names.map(
    (name) => `, ${name} = globalThis.__kogine__.value(${JSON.stringify(name)}, () => ${DESTRUCTURED_PREFIX}${name})`,
  );
  edits.push({ start: declarator.end, end: declarator.end, text: declared.join("") });
  return edits;
}

const DESTRUCTURED_PREFIX = "__kogine_d_";

function applyEdits(source: string, start: number, end: number, edits: Edit[]): string {
  let code = source.slice(start, end);
  const within = edits.filter((e) => start <= e.start && e.end <= end).sort((a, b) => b.start - a.start);
  for (const edit of within) {
    code = code.slice(0, edit.start - start) + edit.text + code.slice(edit.end - start);
  }
  return code;
}

export interface Relocation {
  /** The script's own URL: relative specifiers and `import.meta.url` keep meaning what they meant there. */
  scriptUrl: string;
  /** Where `import ... from "kogine"` goes. */
  apiUrl: string;
}

/** What kogine reads of a module in a prepared script's import graph. */
export interface ImportedModule {
  /** Files the module imports by relative or absolute path (as file: URLs). */
  localImports: string[];
}

export interface RelocatedScript extends ImportedModule {
  code: string;
  /** Whether the script's static imports are builtins and kogine's API only: loading them runs no code of
   * the task's own. */
  importsOnlyBuiltins: boolean;
}

export const API_SPECIFIERS = new Set(["kogine", "kohakuengine", "@toolchain/kogine/script"]);
const META_FIELDS = new Set([
  "url",
  ...((import.meta as { filename?: string }).filename ? ["filename", "dirname"] : []),
]);
const LOADABLE_WITHOUT_HOOKS = /\.(m?js|cjs|json)$/;

/** The injection rewrite of a script for a copy that lives elsewhere (kogine's cache) and is imported
 * without module hooks: relative and absolute specifiers become absolute URLs, "kogine" becomes the script
 * API's URL, `import.meta.url`/`filename`/`dirname` become the original's values, and a `sourceURL` comment
 * makes stack traces name the original file. Returns null when the copy could behave differently from the
 * original (a package import, which resolves from the script's own folder; a computed dynamic import; other
 * uses of `import.meta`; a syntax error, which the hooks report as Node does): such scripts keep the hooks. */
export function relocateScript(source: string, extraExports: string[], relocation: Relocation): RelocatedScript | null {
  let program: AnyNode;
  try {
    program = parseModule(source);
  } catch {
    return null;
  }
  const edits: Edit[] = [];
  const localImports: string[] = [];
  let relocatable = true;
  let importsOnlyBuiltins = true;
  const specifier = (literal: AnyNode | null | undefined, isStatic: boolean) => {
    if (literal?.type !== "Literal" || typeof literal.value !== "string") {
      relocatable = false;
      return;
    }
    const target = relocatedSpecifier(literal.value, relocation);
    if (isStatic && target !== relocation.apiUrl && !isBuiltin(literal.value)) importsOnlyBuiltins = false;
    if (target === null) relocatable = false;
    else if (target !== literal.value) {
      edits.push({ start: literal.start, end: literal.end, text: JSON.stringify(target) });
      if (target.startsWith("file:") && target !== relocation.apiUrl) localImports.push(target);
    }
  };
  walkWithAncestors(program, [], (node, ancestors) => {
    if (node.type === "ImportDeclaration" || node.type === "ExportAllDeclaration" || node.type === "ImportExpression") {
      specifier(node.source as AnyNode, node.type !== "ImportExpression");
    } else if (node.type === "ExportNamedDeclaration" && node.source) {
      specifier(node.source as AnyNode, true);
    } else if (node.type === "MetaProperty" && (node.meta as AnyNode).name === "import") {
      const member = ancestors.at(-1);
      const usage = ancestors.at(-2);
      const field =
        member?.type === "MemberExpression" && member.object === node && !member.computed
          ? ((member.property as AnyNode).name as string)
          : null;
      const written =
        (usage?.type === "AssignmentExpression" && usage.left === member) ||
        usage?.type === "UpdateExpression" ||
        (usage?.type === "UnaryExpression" && usage.operator === "delete");
      if (member && field && META_FIELDS.has(field) && !written) {
        edits.push({
          start: member.start,
          end: member.end,
          text: JSON.stringify(metaValue(field, relocation.scriptUrl)),
        });
      } else {
        relocatable = false;
      }
    }
  });
  if (!relocatable) return null;
  const code = rewriteScript(source, program, extraExports, edits);
  return {
    code: `${code}//# sourceURL=${relocation.scriptUrl}\n`,
    localImports,
    importsOnlyBuiltins,
  };
}

function relocatedSpecifier(specifier: string, relocation: Relocation): string | null {
  if (API_SPECIFIERS.has(specifier)) return relocation.apiUrl;
  if (isBuiltin(specifier) || specifier.startsWith("data:")) return specifier;
  if (/^\.{0,2}\//.test(specifier) || specifier.startsWith("file:")) {
    const url = new URL(specifier, relocation.scriptUrl);
    return LOADABLE_WITHOUT_HOOKS.test(url.pathname) ? url.href : null;
  }
  return null;
}

function metaValue(field: string, scriptUrl: string): string {
  const url = new URL(scriptUrl);
  const filename = decodeURIComponent(url.pathname);
  if (field === "filename") return filename;
  if (field === "dirname") return filename.slice(0, filename.lastIndexOf("/")) || "/";
  return scriptUrl;
}

/** A module the script imports: the files it imports by relative or absolute path, statically or by a literal
 * dynamic import, and whether it may use TLS. */
export function importedModule(source: string, url: string): ImportedModule | null {
  let program: AnyNode;
  try {
    program = parseModule(source);
  } catch {
    return null;
  }
  const found: string[] = [];
  walk(program, (node) => {
    const isImport =
      node.type === "ImportDeclaration" ||
      node.type === "ExportAllDeclaration" ||
      node.type === "ImportExpression" ||
      (node.type === "ExportNamedDeclaration" && node.source);
    const literal = isImport ? (node.source as AnyNode) : null;
    if (literal?.type === "Literal" && typeof literal.value === "string" && /^(\.{0,2}\/|file:)/.test(literal.value)) {
      found.push(new URL(literal.value, url).href);
    }
  });
  return { localImports: found };
}

function declarationOf(stmt: AnyNode): AnyNode | null {
  if (stmt.type === "ExportNamedDeclaration" || stmt.type === "ExportDefaultDeclaration") {
    const decl = stmt.declaration as AnyNode | null;
    return decl && (decl.type.endsWith("Declaration") ? decl : null);
  }
  if (stmt.type === "ImportDeclaration" || stmt.type.endsWith("Declaration")) return stmt;
  return null;
}

function namesDeclaredBy(decl: AnyNode): string[] {
  if (decl.type === "VariableDeclaration") {
    return (decl.declarations as AnyNode[]).flatMap((d) => patternNames(d.id as AnyNode));
  }
  if (decl.type === "ImportDeclaration") {
    return (decl.specifiers as AnyNode[]).map((s) => (s.local as AnyNode).name as string);
  }
  const id = decl.id as AnyNode | null;
  return id ? [id.name as string] : [];
}

function patternNames(pattern: AnyNode): string[] {
  switch (pattern.type) {
    case "Identifier":
      return [pattern.name as string];
    case "ObjectPattern":
      return (pattern.properties as AnyNode[]).flatMap((p) => patternNames((p.value ?? p.argument) as AnyNode));
    case "ArrayPattern":
      return (pattern.elements as Array<AnyNode | null>).flatMap((e) => (e ? patternNames(e) : []));
    case "RestElement":
      return patternNames(pattern.argument as AnyNode);
    case "AssignmentPattern":
      return patternNames(pattern.left as AnyNode);
    default:
      return [];
  }
}

/** `import.meta.url === ...`, `process.argv[1] === ...`, `import.meta.main`: the ways a module asks
 * whether it was started directly. */
function isMainGuard(test: AnyNode): boolean {
  let found = false;
  walk(test, (node) => {
    if (node.type === "MetaProperty") found = true;
    if (node.type === "MemberExpression") {
      const object = node.object as AnyNode;
      if (object.type === "MemberExpression" && (object.property as AnyNode).name === "argv") found = true;
      if (object.type === "Identifier" && object.name === "require" && (node.property as AnyNode).name === "main") {
        found = true;
      }
    }
  });
  return found;
}

function firstCalledName(block: AnyNode, bound: Set<string>): string | null {
  let name: string | null = null;
  walk(block, (node) => {
    if (name === null && node.type === "CallExpression") {
      const callee = node.callee as AnyNode;
      if (callee.type === "Identifier" && bound.has(callee.name as string)) name = callee.name as string;
    }
  });
  return name;
}
