import type { ServerResponse } from 'node:http';
import type { TaskStatus } from '../shared/api/schemas';
import { isTerminal } from '../shared/api/schemas';
import type { Exchange } from './http';
import type { SimTaskSnapshot } from './tasks';

interface OpenStream {
  taskId: string;
  ex: Exchange;
  sent: number;
  /** The last event went out (terminal, or the one a drop fault allows); the stream is closing. */
  done: boolean;
}

/**
 * The open progress streams. Each task change becomes one event on every stream of that
 * task; `flush` lets `clock.advance` wait until those events have left the process.
 */
export class StreamHub {
  private readonly streams = new Set<OpenStream>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    /** The payload, with the status the API reports (it names the event and ends the stream). */
    private readonly render: (task: SimTaskSnapshot) => { status: TaskStatus },
    private readonly onCountChange: () => void,
  ) {}

  get size(): number {
    return this.streams.size;
  }

  open(ex: Exchange, task: SimTaskSnapshot): void {
    ex.head(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    ex.res.flushHeaders();
    const stream: OpenStream = { taskId: task.id, ex, sent: 0, done: false };
    this.streams.add(stream);
    ex.res.once('close', () => {
      this.streams.delete(stream);
      this.onCountChange();
    });
    this.onCountChange();
    if (ex.fault?.kind === 'stream-drop' && ex.fault.afterEvents === 0) {
      // A comment line, so the drop happens after the client saw the stream open.
      this.track(write(ex.res, ': open\n\n', () => ex.res.destroy()));
      return;
    }
    this.send(stream, task);
  }

  publish(task: SimTaskSnapshot): void {
    for (const stream of this.streams) if (stream.taskId === task.id) this.send(stream, task);
  }

  /** A deleted task's streams just end: no terminal event, the client finds the 404 itself. */
  endTask(taskId: string): void {
    for (const stream of this.streams) if (stream.taskId === taskId) stream.ex.res.end();
  }

  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  closeAll(): void {
    for (const stream of this.streams) stream.ex.res.destroy();
  }

  private send(stream: OpenStream, task: SimTaskSnapshot): void {
    const { res, fault } = stream.ex;
    if (stream.done || fault?.kind === 'stream-silent' || res.destroyed || res.writableEnded)
      return;
    const payload = this.render(task);
    const { status } = payload;
    const name = status === 'queued' || status === 'running' ? 'progress' : status;
    const event = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    stream.sent++;
    if (isTerminal(status)) {
      stream.done = true;
      this.track(write(res, event, () => res.end()));
    } else if (fault?.kind === 'stream-drop' && stream.sent >= fault.afterEvents) {
      stream.done = true;
      this.track(write(res, event, () => res.destroy()));
    } else {
      this.track(write(res, event));
    }
  }

  private track(promise: Promise<void>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }
}

function write(res: ServerResponse, text: string, then?: () => void): Promise<void> {
  return new Promise((resolve) => {
    res.write(text, () => {
      then?.();
      resolve();
    });
  });
}
