import { expect } from 'vitest';

/*
 * Vitest's asymmetric matchers, typed `unknown` instead of `any`. Vitest types them `any` so
 * they fit any expected value, but an `any` inside an expected object turns off the type
 * checks around it (typescript-eslint's no-unsafe-assignment, issue 13); `unknown` fits
 * `toEqual`, `toMatchObject` and `expect.objectContaining` as well, and checks stay on.
 */

/** A string matching `pattern`: `expect.stringMatching`. */
export const stringMatching = (pattern: string | RegExp): unknown => expect.stringMatching(pattern);

/** A string containing `text`: `expect.stringContaining`. */
export const stringContaining = (text: string): unknown => expect.stringContaining(text);

/** Any value made by `type` (`String`, `Number`, a class…): `expect.any`. */
export const anyOfType = (type: unknown): unknown => expect.any(type);
