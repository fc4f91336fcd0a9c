import { useState, type ReactNode } from 'react';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errors';

interface ConfirmDialogProps {
  title: string;
  /** What the action does and what it cannot undo, said before it is done. */
  children: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  /** Does the action; the dialog closes through `onClose` once it is done (the caller's to call). */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** A destructive action: in the danger colour, and keeping is the default (focused) choice. */
  danger?: boolean;
  /** Its failure, worded (main's reason as given otherwise). */
  failed?: (reason: string) => string;
}

/**
 * The queue's confirmations (clear finished, cancel a batch, cancel on the server): asked
 * once, sent once — the button stays busy after success, so a second click sends nothing — and
 * a failure shown in the dialog, which stays open to try again or keep.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  keepLabel,
  onConfirm,
  onClose,
  danger = false,
  failed = (reason) => reason,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await onConfirm();
    } catch (error) {
      setProblem(failed(errorText(error)));
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      {children}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className={danger ? 'danger' : 'primary'}
          data-autofocus={danger ? undefined : true}
          disabled={busy}
          onClick={() => void confirm()}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          className="quiet"
          data-autofocus={danger ? true : undefined}
          onClick={onClose}
        >
          {keepLabel}
        </button>
      </div>
    </Dialog>
  );
}
