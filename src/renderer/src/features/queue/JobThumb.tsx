import { useState } from 'react';
import type { Job } from '../../../../shared/jobs';
import { useClipMedia } from '../app';

/**
 * What a row's thumbnail shows: the saved clip's poster, else a placeholder that says whether
 * the job starts from images or from text alone. A waiting job's own input image has no URL:
 * main keeps it as a blob it does not serve, and an https image is outside the page's CSP
 * (`img-src`), so an image job shows the image placeholder until its clip is saved.
 */
export interface ThumbView {
  posterOf: string | null;
  placeholder: 'images' | 'text';
}

export function thumbOf(job: Job): ThumbView {
  return {
    posterOf: job.status === 'saved' ? job.clipId : null,
    placeholder:
      job.request.mode !== 'text' && job.request.inputImages.length > 0 ? 'images' : 'text',
  };
}

/** A fixed 64×36 box (16:9), so an image arriving never moves the row. */
export function JobThumb({ job }: { job: Job }) {
  const view = thumbOf(job);
  const media = useClipMedia();
  // A poster that fails to load (the clip was deleted, or has none) falls back to a placeholder.
  const [failed, setFailed] = useState<string | null>(null);
  const src = view.posterOf === null ? undefined : media(view.posterOf, 'poster');
  if (src !== undefined && failed !== src)
    return (
      <span className="job-thumb" data-thumb="poster">
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
