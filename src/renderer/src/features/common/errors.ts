import { i18n } from '../../i18n';

/** A thrown value as a sentence for the user; contract errors already carry one. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * "<what failed>: <why>", unless the reason already starts with what failed: main names the
 * failure too ("Could not load the models: …"), and saying it twice reads as a stutter.
 */
export function failureText(what: string, error: unknown): string {
  const reason = errorText(error);
  return reason.toLowerCase().startsWith(what.toLowerCase())
    ? reason
    : i18n.t('common:failure', { what, reason });
}
