import { useCallback } from 'react';
import { clipMediaPath, type ClipMediaKind } from '../../../../shared/clipMedia';
import { useAppStore } from './appStore';

/**
 * The one place a media URL is made: the host's media base from `app.info` (`clip://media`
 * in Electron, `/media` in the browser host) and the clip's path.
 */
export function clipMediaUrl(mediaBase: string, clipId: string, kind: ClipMediaKind): string {
  return `${mediaBase}${clipMediaPath(clipId, kind)}`;
}

/** Media URLs for components; undefined until `app.info` says where media is served. */
export function useClipMedia(): (clipId: string, kind: ClipMediaKind) => string | undefined {
  const base = useAppStore((s) => s.info?.mediaBase);
  return useCallback(
    (clipId: string, kind: ClipMediaKind) =>
      base === undefined ? undefined : clipMediaUrl(base, clipId, kind),
    [base],
  );
}
