import { Toast as RadixToast } from 'radix-ui';
import { showNotified, useToasts, useToastsStore, type Toast } from './toastsStore';
import { useTranslation } from '../../i18n';
import './toasts.css';

/** A drawing, not a word: the button's name is its label. */
const CROSS = '✕';

/** How long a toast stays while nobody is looking at it: news of a clip briefly, a problem longer. */
export const TOAST_MS: Record<Toast['kind'], number> = {
  ready: 6_000,
  failed: 12_000,
  expired: 12_000,
  // A batch or the whole queue is done: counts and spend worth a second look.
  drained: 12_000,
};

/**
 * The notices, in a strip of their own below the screens (the shell makes room for it), so a
 * toast never lies over a control such as the queue's buttons. Radix Toast does the rest: F8
 * moves focus to the strip, time stops while the pointer or the keyboard is on it (or the
 * window is in the background), and a swipe right or Escape dismisses a toast.
 */
export function Toasts() {
  const { t } = useTranslation('toasts');
  const toasts = useToasts();
  return (
    <RadixToast.Provider label={t('label')} swipeDirection="right">
      {toasts.map((toast) => (
        <ToastItem key={toast.key} toast={toast} />
      ))}
      <RadixToast.Viewport className="toasts" label={t('viewport')} />
    </RadixToast.Provider>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation('toasts');
  const dismiss = useToastsStore((s) => s.dismiss);
  const show = () => {
    showNotified(toast);
    dismiss(toast.key);
  };

  return (
    <RadixToast.Root
      className={`toast toast-${toast.kind}`}
      // A failure interrupts; news (a clip, a drained batch) waits for a pause in what the
      // reader hears: each failure in a batch had its own toast already.
      type={toast.kind === 'ready' || toast.kind === 'drained' ? 'background' : 'foreground'}
      duration={TOAST_MS[toast.kind]}
      open
      onOpenChange={(open) => open || dismiss(toast.key)}
    >
      <div className="toast-text">
        <RadixToast.Title asChild>
          <strong>{toast.title}</strong>
        </RadixToast.Title>
        <RadixToast.Description asChild>
          <span>{toast.body}</span>
        </RadixToast.Description>
      </div>
      <RadixToast.Action asChild altText={t('showAlt')}>
        <button type="button" onClick={show}>
          {t('show')}
        </button>
      </RadixToast.Action>
      <RadixToast.Close asChild>
        <button type="button" className="quiet" aria-label={t('dismiss')}>
          <span aria-hidden="true">{CROSS}</span>
        </button>
      </RadixToast.Close>
    </RadixToast.Root>
  );
}
