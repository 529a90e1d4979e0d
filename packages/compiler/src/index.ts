export type { Diagnostic, Severity, SourceSpan } from "./diagnostic.js";
export { pointSpan } from "./diagnostic.js";
export * from "./ir/builder.js";
export type * from "./ir/ir.js";
export type { RenderOptions, SourceLookup } from "./render-diagnostic.js";
export { renderDiagnostic, shouldUseColor } from "./render-diagnostic.js";
export { charWidth, textWidth } from "./text-width.js";
