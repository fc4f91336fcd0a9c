import { useState } from 'react';
import type { Job } from '../../../../shared/jobs';
import { jobInputPath } from '../../../../shared/jobMedia';
import { useAppStore, useClipMedia } from '../app';

/**
 * What a row's thumbnail shows: the saved clip's poster; before that, the job's first input
 * image that main keeps (served at `<mediaBase>/job/<jobId>/input-<n>`); else a placeholder
 * that says whether the job starts from images or from text alone. An https input image is
 * not shown: it is outside the page's CSP (`img-src`), so such a job keeps the placeholder.
 */
export interface ThumbView {
  posterOf: string | null;
  /** The index of the input image to show until the clip is saved, or null. */
  input: number | null;
  placeholder: 'images' | 'text';
}

export function thumbOf(job: Job): ThumbView {
  const fromImages = job.request.mode !== 'text' && job.request.inputImages.length > 0;
  const stored = job.request.inputImages.findIndex((image) => 'blobId' in image);
  const saved = job.status === 'saved';
  return {
    posterOf: saved ? job.clipId : null,
    input: !saved && fromImages && stored >= 0 ? stored : null,
    placeholder: fromImages ? 'images' : 'text',
  };
}

/** A fixed 64×36 box (16:9), so an image arriving never moves the row. */
export function JobThumb({ job }: { job: Job }) {
  const view = thumbOf(job);
  const media = useClipMedia();
  const base = useAppStore((s) => s.info?.mediaBase);
  // An image that fails to load (the clip was deleted, the input swept) falls back to a placeholder.
  const [failed, setFailed] = useState<string | null>(null);
  const [src, kind] =
    view.posterOf !== null
      ? [media(view.posterOf, 'poster'), 'poster']
      : view.input !== null && base !== undefined
        ? [`${base}${jobInputPath(job.id, view.input)}`, 'input']
        : [undefined, null];
  if (src !== undefined && failed !== src)
    return (
      <span className="job-thumb" data-thumb={kind}>
        <img
          src={src}
          alt=""
          width={64}
          height={36}
          loading="lazy"
          decoding="async"
          onError={() => setFailed(src)}
        />
      </span>
    );
  const { placeholder } = view;
  return (
    <span className="job-thumb placeholder" data-thumb={placeholder} aria-hidden="true">
      <svg
        viewBox="0 0 24 24"
        width="18"
        height="18"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
        focusable="false"
      >
        {placeholder === 'images' ? (
          <>
            <rect x="3" y="4" width="18" height="16" rx="2" />
            <circle cx="9" cy="10" r="1.75" />
            <path d="m21 16-5-5-9 9" />
          </>
        ) : (
          <path d="M5 7h14M5 12h14M5 17h9" />
        )}
      </svg>
    </span>
  );
}
