import { z } from 'zod';

/**
 * A clip's id, derived from its task id (`clipIdFor` in the library): only this alphabet
 * ever reaches a file name, a `clip://` URL or the UI's keys. Its own module so a job's
 * request can name the clip it continues without jobs and library importing each other.
 */
export const CLIP_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
export const ClipId = z.string().regex(CLIP_ID_PATTERN, 'not a clip id');
export type ClipId = z.infer<typeof ClipId>;
