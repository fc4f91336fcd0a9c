/**
 * The media URL path of a clip, relative to the host's media base (`app.info`'s
 * `mediaBase`: `clip://media` or `/media`). `input-<n>` is its n-th input image (from 0), `frame-<n>` the still at index n of its frames.
 */
export type ClipMediaKind = 'video' | 'poster' | `input-${number}` | `frame-${number}`;
export const clipMediaPath = (clipId: string, kind: ClipMediaKind): string =>
  `/${encodeURIComponent(clipId)}/${kind}`;
