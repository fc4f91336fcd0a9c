/** What a clip's prompt reads as; null when the server never gave it (an imported task). */
export function promptText(prompt: string | null, max = Infinity): string {
  if (prompt === null) return 'Prompt unknown (the server did not say)';
  return prompt.length > max ? `${prompt.slice(0, max)}…` : prompt;
}
