import { useEffect, useRef } from 'react';
import { showNotified, useToasts, useToastsStore, type Toast } from './toastsStore';
import './toasts.css';

/** How long a toast stays when nobody is looking at it. */
const TOAST_MS = 12_000;

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

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToastsStore((s) => s.dismiss);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      // Never pull a toast from under the keyboard or the pointer.
      if (ref.current?.matches(':focus-within, :hover')) return;
      dismiss(toast.key);
    }, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [dismiss, toast.key]);

  const show = () => {
    showNotified(toast);
    dismiss(toast.key);
  };

  return (
    <div ref={ref} className={`toast toast-${toast.kind}`}>
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
