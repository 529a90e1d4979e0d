/** A task's stdout and stderr on their way to its log files, and to kogine's own stdout and stderr when it
 * echoes them. A task that writes a line at a time (print under PYTHONUNBUFFERED, a terminal's line
 * buffering, console.log) hands over many small chunks, and a write of each would cost a system call (and
 * for a log file a trip through libuv's thread pool): for 300,000 lines, seconds. So chunks are gathered
 * and written together, in the order they came, at most FLUSH_MS after the first (sooner once FLUSH_BYTES
 * have gathered), and at once when the task ends. */
import { createWriteStream, type WriteStream } from "node:fs";

const FLUSH_MS = 10;
const FLUSH_BYTES = 1 << 20;

type StreamName = "stdout" | "stderr";

export class TaskOutput {
  private readonly logs: Record<StreamName, WriteStream>;
  /** Gathered chunks, in order; neighbours of one stream are merged when written. */
  private pending: Array<[StreamName, Buffer]> = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | null = null;

  /** `echo`: also write to kogine's own stdout and stderr. */
  constructor(
    paths: Record<StreamName, string>,
    private readonly echo: boolean,
  ) {
    this.logs = {
      stdout: createWriteStream(paths.stdout, { flags: "a" }),
      stderr: createWriteStream(paths.stderr, { flags: "a" }),
    };
  }

  /** Written to the log file only, at once (kogine's own notes, such as a retry's heading). */
  note(name: StreamName, text: string): void {
    this.flush();
    this.logs[name].write(text);
  }

  write(name: StreamName, chunk: Buffer): void {
    this.pending.push([name, chunk]);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Writes what is gathered and closes the log files: settles once they are closed. */
  end(): Promise<unknown> {
    this.flush();
    return Promise.all([
      new Promise((resolve) => this.logs.stdout.end(resolve)),
      new Promise((resolve) => this.logs.stderr.end(resolve)),
    ]);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let at = 0;
    while (at < this.pending.length) {
      const name = this.pending[at][0];
      let end = at;
      while (end < this.pending.length && this.pending[end][0] === name) end++;
      const data = end - at === 1 ? this.pending[at][1] : Buffer.concat(this.pending.slice(at, end).map((p) => p[1]));
      this.logs[name].write(data);
      if (this.echo) (name === "stdout" ? process.stdout : process.stderr).write(data);
      at = end;
    }
    this.pending = [];
    this.pendingBytes = 0;
  }
}
