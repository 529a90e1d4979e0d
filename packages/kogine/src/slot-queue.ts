/** The one queue a local pool's worker slots take tasks from, in submission order. A slot whose task is
 * running may take the next one ahead (its process gets ready behind the running task and starts it the
 * moment that ends); so that such a task never waits behind a long one while another slot could run it, a
 * slot that falls idle when the queue is empty takes back the oldest task waiting ahead elsewhere (it is
 * withdrawn there if it has not started) and runs it. */

/** A task taken by a slot, from its taking until it ends. */
export interface TakenTask {
  position: number;
  slot: number;
  /** Aborted to take the task back from its slot; see SlotQueue.take. */
  withdraw: AbortController;
}

interface Holding extends TakenTask {
  /** Settles true once the task ended without starting after being withdrawn, false once it started. */
  handedOver: Promise<boolean>;
  settle(handedOver: boolean): void;
}

export class SlotQueue {
  private next = 0;
  private stopped = false;
  /** Taken and not started, by the task's position. */
  private readonly waiting = new Map<number, Holding>();
  /** Per slot, its tasks taken and not ended (and a withdrawal it is making). */
  private readonly load = new Map<number, number>();

  constructor(private readonly size: number) {}

  /** The position of the next task in the queue, or null when it is empty or stopped. */
  get upcoming(): number | null {
    return this.next < this.size && !this.stopped ? this.next : null;
  }

  /** Takes no more tasks (a sequential flow's failure). */
  stop(): void {
    this.stopped = true;
  }

  /** The next task for `slot`: the queue's next, or, once the queue is empty and the slot idle, the oldest
   * task waiting ahead in another slot; null when there is none. */
  async take(slot: number): Promise<TakenTask | null> {
    while (!this.stopped) {
      if (this.next < this.size) return this.hold(this.next++, slot);
      if ((this.load.get(slot) ?? 0) > 0) return null; // busy: its last task to end looks again
      const oldest = [...this.waiting.values()]
        .filter((task) => task.slot !== slot && !task.withdraw.signal.aborted)
        .sort((a, b) => a.position - b.position)[0];
      if (!oldest) return null;
      this.adjust(slot, 1); // one withdrawal at a time per slot
      oldest.withdraw.abort();
      const handedOver = await oldest.handedOver;
      this.adjust(slot, -1);
      if (handedOver) return this.hold(oldest.position, slot);
    }
    return null;
  }

  /** The task's process started running it: it stays where it is. */
  started(task: TakenTask): void {
    this.waiting.get(task.position)?.settle(false);
    this.waiting.delete(task.position);
  }

  /** The task ended; `ran` false when it never started (withdrawn, or the run was stopped). */
  ended(task: TakenTask, ran: boolean): void {
    this.adjust(task.slot, -1);
    this.waiting.get(task.position)?.settle(!ran && task.withdraw.signal.aborted);
    this.waiting.delete(task.position);
  }

  private hold(position: number, slot: number): TakenTask {
    let settle!: (handedOver: boolean) => void;
    const handedOver = new Promise<boolean>((resolve) => {
      settle = resolve;
    });
    const task: Holding = { position, slot, withdraw: new AbortController(), handedOver, settle };
    this.waiting.set(position, task);
    this.adjust(slot, 1);
    return task;
  }

  private adjust(slot: number, by: number): void {
    this.load.set(slot, (this.load.get(slot) ?? 0) + by);
  }
}
