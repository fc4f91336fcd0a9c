import { AirforceError, type AirforceApi } from '../airforce/types';
import { backoffCeilingMs } from '../backoff';
import { abortReason } from '../clock';
import type { Clock, TimerHandle } from '../ports';

const PROBE_BACKOFF = { baseMs: 2000, capMs: 60_000 };

/**
 * Offline is a state, not an error: when a request cannot reach the API, submission and
 * following wait here, and a probe with backoff finds out when the network is back. No
 * job fails because the laptop was offline.
 */
export class Connectivity {
  private offlineSince: number | null = null;
  private waiters: (() => void)[] = [];
  private probeTimer: TimerHandle | null = null;
  /** Probes that found no network since going offline. */
  private failedProbes = 0;

  constructor(
    private readonly clock: Clock,
    private readonly probe: () => Promise<boolean>,
    private readonly onChange: (online: boolean) => void,
    private readonly random: () => number = Math.random,
  ) {}

  get online(): boolean {
    return this.offlineSince === null;
  }

  wentOffline(): void {
    if (this.offlineSince !== null) return;
    this.offlineSince = this.clock.now();
    this.failedProbes = 0;
    this.scheduleProbe();
    this.onChange(false);
  }

  /** Any successful request proves the network is back. */
  wentOnline(): void {
    if (this.offlineSince === null) return;
    this.offlineSince = null;
    if (this.probeTimer) this.clock.clearTimeout(this.probeTimer);
    this.probeTimer = null;
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
    this.onChange(true);
  }

  /** Resolves when online (at once if already), or rejects when the signal aborts. */
  waitOnline(signal: AbortSignal): Promise<void> {
    if (this.online) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        reject(abortReason(signal));
      };
      this.waiters.push(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  dispose(): void {
    if (this.probeTimer) this.clock.clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private scheduleProbe(): void {
    // ±20 % rather than full jitter: the first probe should come soon, not at once.
    const ceiling = backoffCeilingMs(this.failedProbes, PROBE_BACKOFF);
    const delay = ceiling * (0.8 + 0.4 * this.random());
    this.probeTimer = this.clock.setTimeout(() => {
      this.probeTimer = null;
      void this.probe().then((ok) => {
        if (ok) return this.wentOnline();
        if (this.offlineSince === null) return;
        this.failedProbes += 1;
        this.scheduleProbe();
      });
    }, delay);
  }
}

/** Any answer at all from the API, even an error status, means the network is back. */
export async function probeApi(
  api: AirforceApi,
  apiKey: () => Promise<string | null> | null,
  signal: AbortSignal,
): Promise<boolean> {
  const key = await apiKey();
  if (!key) return false;
  try {
    await api.listModels(key, signal);
    return true;
  } catch (error) {
    // Read the error here rather than through the engine's context, which imports this file.
    return !(error instanceof AirforceError && error.error.kind === 'network');
  }
}
