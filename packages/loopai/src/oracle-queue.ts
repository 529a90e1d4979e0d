// Oracle work off the request path. A sampled request is answered by the program at once and its
// oracle call waits here: at most `concurrency` calls are in flight, at most `backlog` wait (a
// sample beyond that is dropped and counted: under overload sampling thins out instead of memory
// growing), and when the oracle says when to come back (Retry-After, every breaker open) the queue
// pauses until then instead of spending its backlog on calls that cannot pass.

export interface QueueStats {
  running: number;
  waiting: number;
  dropped: number;
  pausedUntil: number;
}

export class OracleQueue {
  private running = 0;
  private readonly waiting: (() => Promise<void>)[] = [];
  private dropped = 0;
  private pausedUntil = 0;
  private wake?: NodeJS.Timeout;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly backlog: number,
  ) {}

  /** Queues `job`; false (and counted as dropped) when the backlog is full. */
  push(job: () => Promise<void>): boolean {
    if (this.waiting.length >= this.backlog) {
      this.dropped++;
      return false;
    }
    this.waiting.push(job);
    this.pump();
    return true;
  }

  /**
   * Holds every call back for `ms` (jobs already running finish). The wake-up timer keeps the
   * process alive: samples waiting out a pause are work not yet done (`close` bounds the wait).
   */
  pause(ms: number): void {
    const until = Date.now() + ms;
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    clearTimeout(this.wake);
    this.wake = undefined;
    this.pump();
  }

  /** Puts a job back at the head of the queue (it was held back by a pause, not answered). */
  retry(job: () => Promise<void>): void {
    this.waiting.unshift(job);
  }

  stats(): QueueStats {
    return {
      running: this.running,
      waiting: this.waiting.length,
      dropped: this.dropped,
      pausedUntil: this.pausedUntil,
    };
  }

  /** Settles when no job is running or waiting. */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops every waiting job (at shutdown, after the grace period); returns how many. */
  clear(): number {
    const n = this.waiting.length;
    this.waiting.length = 0;
    clearTimeout(this.wake);
    this.settleIdle();
    return n;
  }

  private pump(): void {
    const wait = this.pausedUntil - Date.now();
    if (wait > 0) {
      // Timers may fire a little early by Date.now(): the pump looks again rather than trusting them.
      this.wake ??= setTimeout(() => {
        this.wake = undefined;
        this.pump();
      }, wait);
      return;
    }
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift() as () => Promise<void>;
      this.running++;
      job()
        .catch(() => {})
        .finally(() => {
          this.running--;
          this.pump();
          this.settleIdle();
        });
    }
  }

  private settleIdle(): void {
    if (this.running === 0 && this.waiting.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
