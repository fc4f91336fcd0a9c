/** A thrown value as a sentence for the user; contract errors already carry one. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
