// One error type for everything a user can cause; the CLI prints its message (no stack) and exits 1.

/** `missing`: what the request names does not exist (a task, a review item): HTTP's 404. */
export type ErrorKind = "spec" | "input" | "store" | "provider" | "program" | "oracle" | "usage" | "missing";

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
