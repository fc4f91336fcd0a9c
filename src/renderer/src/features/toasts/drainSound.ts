/**
 * The tone played when a batch or the whole queue drains (the `drainSound` setting): two
 * short notes drawn with WebAudio, so there is no sound file to ship, load or license.
 */

/** One context for the app's life: browsers cap how many a page may open. */
let context: AudioContext | null = null;

const NOTES_HZ = [660, 880];
const NOTE_S = 0.12;
const VOLUME = 0.15;

export function playDrainTone(): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  // A context made before any gesture may start suspended; the notification is no gesture.
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  const start = context.currentTime;
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  NOTES_HZ.forEach((hz, i) => oscillator.frequency.setValueAtTime(hz, start + i * NOTE_S));
  const end = start + NOTES_HZ.length * NOTE_S;
  // A quick rise and a fall to near silence: no click at either end.
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(VOLUME, start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, end);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(start);
  oscillator.stop(end);
}

export function resetDrainToneForTests(): void {
  context = null;
}
