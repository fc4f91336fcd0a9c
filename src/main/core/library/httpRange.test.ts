import { describe, expect, it } from 'vitest';
import { parseRange } from './httpRange';

// The media handler's tests check the bytes a `<video>` receives; these pin the answer itself,
// form by form, including the ones no browser sends but a hostile page can.
const SIZE = 1000;

describe('parseRange', () => {
  it('answers the whole file when no Range was sent', () => {
    expect(parseRange(null, SIZE)).toEqual({ kind: 'full' });
  });

  it.each([
    ['bytes=0-9', 0, 9],
    ['bytes=990-', 990, 999],
    ['bytes=-10', 990, 999],
    ['bytes=500-99999', 500, 999],
    ['BYTES=0-9', 0, 9],
    ['  bytes=0-9', 0, 9],
    ['bytes = 0-9', 0, 9],
    ['bytes=\t0-9 ', 0, 9],
  ])('answers %j with bytes %i–%i', (header, start, end) => {
    expect(parseRange(header, SIZE)).toEqual({ kind: 'partial', start, end });
  });

  it('answers a suffix longer than the file with the whole file as one range', () => {
    expect(parseRange('bytes=-5000', SIZE)).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it.each(['items=0-9', 'xbytes=0-9', 'bytesx=0-9', 'bytes=0-9\nbytes=5-6', 'bytes 0-9'])(
    'refuses another unit or a garbled header (%j)',
    (header) => {
      expect(parseRange(header, SIZE)).toEqual({ kind: 'unsatisfiable' });
    },
  );

  it.each(['bytes=-', 'bytes=', 'bytes=9-3', 'bytes=abc', 'bytes=0-1-2'])(
    'refuses a malformed range (%j)',
    (header) => {
      expect(parseRange(header, SIZE)).toEqual({ kind: 'unsatisfiable' });
    },
  );

  it.each(['bytes=1000-', 'bytes=-0', 'bytes=5000-6000'])(
    'refuses a range outside the file (%j)',
    (header) => {
      expect(parseRange(header, SIZE)).toEqual({ kind: 'unsatisfiable' });
    },
  );

  it('refuses every range of an empty file, a suffix included', () => {
    expect(parseRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange(null, 0)).toEqual({ kind: 'full' });
  });

  describe('a list of ranges', () => {
    it('answers the whole file when one of them is in the file', () => {
      expect(parseRange('bytes=0-1, 5-6', SIZE)).toEqual({ kind: 'full' });
      expect(parseRange('bytes=5000-, 0-9', SIZE)).toEqual({ kind: 'full' });
      expect(parseRange('bytes=0-9, 5000-', SIZE)).toEqual({ kind: 'full' });
    });

    it('refuses it when none of them is in the file', () => {
      expect(parseRange('bytes=5000-, 6000-', SIZE)).toEqual({ kind: 'unsatisfiable' });
    });

    it.each(['bytes=0-9, abc', 'bytes=0-9, -', 'bytes=0-9, 9-3', 'bytes=0-9,'])(
      'refuses it when one of them is malformed (%j)',
      (header) => {
        expect(parseRange(header, SIZE)).toEqual({ kind: 'unsatisfiable' });
      },
    );
  });
});
