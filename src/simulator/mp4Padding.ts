/**
 * Growing a sample MP4 to any size by appending a top-level `free` box, which every MP4
 * reader skips. The padded file is never built: its bytes are produced slice by slice, so a
 * multi-gigabyte download costs no memory.
 */
const maxSmallBoxSize = 0xffffffff;
const zeros = Buffer.alloc(1024 * 1024);

/** The size of the `free` box that brings `fileSize` to at least `padTo` bytes (0: none needed). */
export function paddingBoxSize(fileSize: number, padTo: number): number {
  const missing = padTo - fileSize;
  if (missing <= 0) return 0;
  return Math.max(missing > maxSmallBoxSize ? 16 : 8, missing);
}

/** A box header: 32-bit size, or size 1 and a 64-bit `largesize` when it does not fit. */
export function freeBoxHeader(boxSize: number): Buffer {
  if (boxSize <= maxSmallBoxSize) {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(boxSize, 0);
    header.write('free', 4, 'latin1');
    return header;
  }
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1, 0);
  header.write('free', 4, 'latin1');
  header.writeBigUInt64BE(BigInt(boxSize), 8);
  return header;
}

export interface Body {
  size: number;
  /** The bytes in [start, end), as a sequence of buffers. */
  slices(start: number, end: number): Iterable<Buffer>;
}

export function paddedBody(file: Buffer, boxSize: number): Body {
  const header = boxSize > 0 ? freeBoxHeader(boxSize) : Buffer.alloc(0);
  const fileEnd = file.length;
  const headerEnd = fileEnd + header.length;
  return {
    size: file.length + boxSize,
    *slices(start, end) {
      let at = start;
      if (at < fileEnd && at < end) {
        yield file.subarray(at, Math.min(end, fileEnd));
        at = Math.min(end, fileEnd);
      }
      if (at < headerEnd && at < end) {
        yield header.subarray(at - fileEnd, Math.min(end, headerEnd) - fileEnd);
        at = Math.min(end, headerEnd);
      }
      while (at < end) {
        const length = Math.min(zeros.length, end - at);
        yield zeros.subarray(0, length);
        at += length;
      }
    },
  };
}
