import type { FailureKind } from "./task-spec.js";

/** A task failure kogine explains in one paragraph (as opposed to the script's own exception). */
export class TaskFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = "TaskFailure";
  }
}
