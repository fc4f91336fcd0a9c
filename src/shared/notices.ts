import { z } from 'zod';

/**
 * Something the app found or did by itself that the user must hear about: a damaged file
 * restored from its backup, stored rows it could not read and set aside, data moved into
 * the database. Nothing is ever replaced by empty without one.
 */
export const Notice = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  /** ms since epoch. */
  at: z.number(),
});
export type Notice = z.infer<typeof Notice>;
