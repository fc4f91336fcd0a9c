import { useEffect, useRef, useState, type PointerEvent, type SyntheticEvent } from 'react';

/** HTMLMediaElement.HAVE_METADATA: the duration is known and a seek can start. */
const HAVE_METADATA = 1;

const reducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

interface Scrub {
  /** The pointer's place across the poster (0…1) not yet sought, or null. */
  target: number | null;
  seeking: boolean;
  frame: number;
  left: number;
  width: number;
}

/**
 * Hover-scrub for one card: while a mouse or pen is over the poster, a `<video>` of the clip is
 * mounted (`active`) and the pointer's x across the poster picks the time. Seeks are throttled
 * to one per animation frame and never overlap: a move during a seek waits for its `seeked`,
 * and only the latest place is sought. The poster stays until the first frame is there
 * (`shown`). Touch (no hover) and reduced motion get no scrub; the card is unchanged then.
 */
export function useHoverScrub(durationHint: number | null) {
  const [active, setActive] = useState(false);
  const [shown, setShown] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const scrub = useRef<Scrub>({ target: null, seeking: false, frame: 0, left: 0, width: 0 });

  const seek = () => {
    const s = scrub.current;
    s.frame = 0;
    const element = video.current;
    if (!element || s.seeking || s.target === null || element.readyState < HAVE_METADATA) return;
    const duration =
      Number.isFinite(element.duration) && element.duration > 0 ? element.duration : durationHint;
    if (!duration) return;
    // Just short of the end: a seek to the very end shows no frame in some decoders.
    const time = Math.min(s.target * duration, Math.max(0, duration - 0.05));
    s.target = null;
    s.seeking = true;
    element.currentTime = time;
  };

  const schedule = () => {
    if (scrub.current.frame === 0) scrub.current.frame = requestAnimationFrame(seek);
  };

  const aim = (event: PointerEvent) => {
    const s = scrub.current;
    s.target = Math.min(1, Math.max(0, (event.clientX - s.left) / (s.width || 1)));
  };

  const stop = () => {
    cancelAnimationFrame(scrub.current.frame);
    scrub.current = { target: null, seeking: false, frame: 0, left: 0, width: 0 };
    setActive(false);
    setShown(false);
  };

  // A video taken away mid-download keeps its connection until its src is dropped.
  useEffect(() => {
    if (!active) return;
    const element = video.current;
    return () => {
      element?.removeAttribute('src');
      element?.load();
    };
  }, [active]);

  useEffect(() => () => cancelAnimationFrame(scrub.current.frame), []);

  const posterHandlers = {
    onPointerEnter(event: PointerEvent<HTMLElement>) {
      if (event.pointerType === 'touch' || reducedMotion()) return;
      // Measured once: the pointer moves far more often than the card does (only vertically).
      const box = event.currentTarget.getBoundingClientRect();
      scrub.current.left = box.left;
      scrub.current.width = box.width;
      aim(event);
      setActive(true);
    },
    onPointerMove(event: PointerEvent<HTMLElement>) {
      if (!active) return;
      aim(event);
      schedule();
    },
    onPointerLeave: stop,
  };

  const videoProps = {
    ref: video,
    onLoadedMetadata: schedule,
    onSeeked(event: SyntheticEvent<HTMLVideoElement>) {
      scrub.current.seeking = false;
      if (event.currentTarget.readyState >= HAVE_METADATA) setShown(true);
      if (scrub.current.target !== null) schedule();
    },
    // The poster stays; the next hover tries again.
    onError: stop,
  };

  return { active, shown, posterHandlers, videoProps };
}
