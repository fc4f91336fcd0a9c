/** Recent prompts, newest first, kept in localStorage: prompts are not secret. */
const KEY = 'airframe.promptHistory';
export const MAX_PROMPTS = 25;

export function loadPromptHistory(): string[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value)
      ? value.filter((p): p is string => typeof p === 'string').slice(0, MAX_PROMPTS)
      : [];
  } catch {
    return [];
  }
}

/** Puts `prompt` first (once) and returns the new history. */
export function rememberPrompt(history: readonly string[], prompt: string): string[] {
  const trimmed = prompt.trim();
  if (!trimmed) return [...history];
  const next = [trimmed, ...history.filter((p) => p !== trimmed)].slice(0, MAX_PROMPTS);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // A full or disabled storage only costs the history.
  }
  return next;
}
