import { useEffect, useRef } from 'react';
import { showNotified, useToasts, useToastsStore, type Toast } from './toastsStore';
import './toasts.css';

/** How long a toast stays while nobody is looking at it: news of a clip briefly, a problem longer. */
export const TOAST_MS: Record<Toast['kind'], number> = {
  ready: 6_000,
  failed: 12_000,
  expired: 12_000,
};

/**
 * The notices, in a strip of their own below the screens (the shell makes room for it), so a
 * toast never lies over a control such as the queue's buttons.
 */
export function Toasts() {
  const toasts = useToasts();
  return (
    <section className="toasts" role="status" aria-label="Notices" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.key} toast={toast} />
      ))}
    </section>
  );
}

/** Runs `onEnd` after `ms` of time not paused; pausing keeps what is left. */
function usePausableTimer(ms: number, onEnd: () => void) {
  const left = useRef(ms);
  const since = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const end = useRef(onEnd);
  useEffect(() => {
    end.current = onEnd;
  });
  const run = () => {
    if (timer.current !== undefined) return;
    since.current = Date.now();
    timer.current = window.setTimeout(() => end.current(), left.current);
  };
  const pause = () => {
    if (timer.current === undefined) return;
    window.clearTimeout(timer.current);
    timer.current = undefined;
    left.current -= Date.now() - since.current;
  };
  useEffect(() => {
    run();
    return pause;
  }, []);
  return { run, pause };
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToastsStore((s) => s.dismiss);
  const ref = useRef<HTMLDivElement>(null);
  const timer = usePausableTimer(TOAST_MS[toast.kind], () => dismiss(toast.key));
  // Never pull a toast from under the pointer or the keyboard: time stops while either is on it.
  const looked = useRef({ pointer: false, focus: false });
  const look = (change: Partial<typeof looked.current>) => {
    looked.current = { ...looked.current, ...change };
    if (looked.current.pointer || looked.current.focus) timer.pause();
    else timer.run();
  };

  const show = () => {
    showNotified(toast);
    dismiss(toast.key);
  };

  return (
    <div
      ref={ref}
      className={`toast toast-${toast.kind}`}
      onMouseEnter={() => look({ pointer: true })}
      onMouseLeave={() => look({ pointer: false })}
      onFocus={() => look({ focus: true })}
      onBlur={(e) => look({ focus: ref.current?.contains(e.relatedTarget) ?? false })}
    >
      <div className="toast-text">
        <strong>{toast.title}</strong>
        <span>{toast.body}</span>
      </div>
      <button type="button" onClick={show}>
        Show
      </button>
      <button
        type="button"
        className="quiet"
        onClick={() => dismiss(toast.key)}
        aria-label="Dismiss"
      >
        ✕
      </button>
    </div>
  );
}
