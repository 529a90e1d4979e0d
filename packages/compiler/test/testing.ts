// The compiler's test helpers that front ends' tests use too: building IR modules into programs
// against a runtime library, checking a runtime catalogue against its C definitions, and running
// child processes with a time limit.

export * from "./c-definitions.js";
export * from "./native-build.js";
export * from "./program-kit.js";
export * from "./run-process.js";
