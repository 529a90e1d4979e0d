export * from "./ast.js";
export * from "./constant-value.js";
export { dumpAst } from "./dump.js";
export { parseModule } from "./parser.js";
export { PySyntaxError } from "./syntax-error.js";
