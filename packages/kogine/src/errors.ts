/** Exit statuses kogine documents (README, "Exit status"): 0 all tasks succeeded, 1 bad input or a failed
 * task, 2 no entrypoint, 3 the run is in use by another kogine process, 130 interrupted by Ctrl-C (SIGINT),
 * 143 terminated by SIGTERM, 129 by SIGHUP. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_NO_ENTRYPOINT = 2;
export const EXIT_LOCKED = 3;
export const EXIT_INTERRUPTED = 130;
export const EXIT_TERMINATED = 143;
export const EXIT_HANGUP = 129;

/** Bad input or a failed run, reported to the user as one paragraph without a stack trace. */
export class KogineError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILED,
  ) {
    super(message);
    this.name = "KogineError";
  }
}
