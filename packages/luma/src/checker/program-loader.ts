// The files of a program: the entry file and every file reached through `import "path.ls";`, each
// path relative to the importing file's directory (or, for `std/…`, a file of the standard library,
// std-library.ts), each file loaded and parsed once (imports may
// form cycles). Files are read through a function the caller gives, so a program can be checked
// from memory (tests, an editor's unsaved buffers) as well as from disk.

import { posix } from "node:path";
import type { Diagnostic } from "@toolchain/compiler";
import type { Module } from "../ast.js";
import { parseModule } from "../parser.js";
import { SourceText } from "../source-text.js";
import { isStdFile, readStdFile, STD_PREFIX } from "../std-library.js";
import { SyntaxDiagnostics } from "../syntax-diagnostics.js";
import type { ProgramContext } from "./program-context.js";
import { SemanticCode } from "./semantic-diagnostics.js";
import type { ProgramFile } from "./symbols.js";

/** Reads a file of the program by its path; undefined when it cannot be read. */
export type FileReader = (path: string) => string | undefined;

/** The name a file is known by: its path normalised, so `a/../b.ls` and `b.ls` are one file. */
export function normalizeFileName(fileName: string): string {
  return posix.normalize(fileName.replaceAll("\\", "/"));
}

/** Parses one file of the program. */
export function parseFile(text: string, fileName: string): { module: Module; diagnostics: Diagnostic[] } {
  const source = new SourceText(text, fileName);
  const diagnostics = new SyntaxDiagnostics(source);
  const module = parseModule(source, diagnostics);
  return { module, diagnostics: diagnostics.toList() };
}

/**
 * Adds the entry module and the files it imports, transitively, to the program, in the order they
 * are reached (breadth first). The imported files' syntax diagnostics are appended to `syntax`.
 */
export function loadProgramFiles(
  program: ProgramContext,
  entry: Module,
  readFile: FileReader | null,
  syntax: Diagnostic[],
): void {
  const byName = new Map<string, ProgramFile>();
  const add = (module: Module): ProgramFile => {
    const file: ProgramFile = { index: program.files.length, module, source: module.source };
    program.files.push(file);
    byName.set(normalizeFileName(module.source.fileName), file);
    return file;
  };
  add(entry);
  for (let next = 0; next < program.files.length; next++) {
    const importer = program.files[next]!;
    for (const declaration of importer.module.declarations) {
      if (declaration.kind !== "Import") continue;
      const written = declaration.path.value;
      const problem = (message: string, label: string, help: string[] = []) =>
        program.diagnostics.report({
          code: SemanticCode.UnreadableImport,
          message,
          file: importer,
          start: declaration.path.start,
          end: declaration.path.end,
          label,
          help,
        });
      if (written.startsWith("/") || /^[A-Za-z]:/.test(written)) {
        problem("expected a path relative to the importing file, found an absolute path", "absolute path");
        continue;
      }
      const path = written.startsWith(STD_PREFIX)
        ? normalizeFileName(written)
        : normalizeFileName(posix.join(posix.dirname(normalizeFileName(importer.source.fileName)), written));
      if (byName.has(path)) continue;
      if (readFile === null && !isStdFile(path)) {
        problem(`cannot import \`${path}\`: no files can be read in this check`, "not read", [
          "check the program with `checkLumaProgram`, or pass `readFile` to `checkLuma`",
        ]);
        continue;
      }
      const text = isStdFile(path) ? readStdFile(path) : readFile?.(path);
      if (text === undefined) {
        problem(`cannot read the imported file \`${path}\``, "no such file");
        continue;
      }
      const parsed = parseFile(text, path);
      add(parsed.module);
      syntax.push(...parsed.diagnostics);
    }
  }
}
