// One error type for everything a user can cause; the CLI prints its message (no stack) and exits 1.

export type ErrorKind = "spec" | "input" | "store" | "provider" | "program" | "oracle" | "usage";

export class LoopaiError extends Error {
  constructor(
    message: string,
    readonly kind: ErrorKind,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "LoopaiError";
  }
}
