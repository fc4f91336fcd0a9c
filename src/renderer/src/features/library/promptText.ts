import { i18n } from '../../i18n';

/** What a clip's prompt reads as; null when the server never gave it (an imported task). */
export function promptText(prompt: string | null, max = Infinity): string {
  if (prompt === null) return i18n.t('library:promptUnknown');
  return prompt.length > max ? `${prompt.slice(0, max)}…` : prompt;
}
