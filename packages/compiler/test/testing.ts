// The compiler's test helpers that front ends' tests use too: building IR modules into programs
// against a runtime library, and checking a runtime catalogue against its C definitions.

export * from "./c-definitions.js";
export * from "./native-build.js";
export * from "./program-kit.js";
