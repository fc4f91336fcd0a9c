import { clipMediaPath, type ClipMediaKind } from '../../../../shared/library';
import { pageToken } from '../../api/client';

/**
 * Where a clip's video or poster is served: Electron's `clip://media/…` protocol, or the
 * browser host's `/media/…` route (which wants the page's token, as the bridge does).
 */
export function clipMediaUrl(clipId: string, kind: ClipMediaKind): string {
  if (window.api) return `clip://media${clipMediaPath(clipId, kind)}`;
  return `/media${clipMediaPath(clipId, kind)}?token=${encodeURIComponent(pageToken())}`;
}
