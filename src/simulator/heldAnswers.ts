import type { ServerResponse } from 'node:http';

interface Held {
  at: number;
  res: ServerResponse;
  send: () => void;
}

/**
 * Answers written but not yet sent (`slow-answer`): each goes out once virtual time reaches
 * its moment, so a test on a virtual clock decides how long a create stays unanswered.
 */
export class HeldAnswers {
  private held: Held[] = [];
  private readonly pending = new Set<Promise<void>>();

  /** `hanging` closes with the simulator, like a `hang` fault's requests. */
  constructor(private readonly hanging: Set<ServerResponse>) {}

  get size(): number {
    return this.held.length;
  }

  hold(res: ServerResponse, at: number, send: () => void): void {
    const held = { at, res, send };
    // Stable by due time, so answers due together leave in the order they were held.
    const index = this.held.findIndex((other) => other.at > at);
    this.held.splice(index === -1 ? this.held.length : index, 0, held);
    this.hanging.add(res);
    res.once('close', () => {
      this.held = this.held.filter((other) => other !== held);
      this.hanging.delete(res);
    });
  }

  /** Sends every answer due by `now`. */
  release(now: number): void {
    while (this.held[0] && this.held[0].at <= now) {
      const { res, send } = this.held.shift() as Held;
      this.hanging.delete(res);
      if (res.destroyed) continue;
      const sent = new Promise<void>((resolve) => {
        res.once('finish', resolve);
        res.once('close', resolve);
      });
      this.pending.add(sent);
      void sent.finally(() => this.pending.delete(sent));
      send();
    }
  }

  /** Resolves once every released answer has left the process. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }
}
