// Buffers that a thread reuses from one task to the next for per-byte work: reading a
// batch file, building framed output, rendering a part. Allocated afresh, a batch of
// 50,000 identifiers took some 15 MB that the allocator gave back to the kernel and
// faulted in again for the next batch: about a tenth of a local job's CPU. A buffer
// from here is valid until the next call for the same slot on the same thread, so a
// caller must be done with it before it awaits.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export const SLOT = {
  /** A file read whole: a batch input, a batch output, a part. */
  read: 0,
  /** A second file read while the first is still in use. */
  read2: 1,
  /** Framed records being built. */
  frames: 2,
  /** A batch's rendered part. */
  part: 3,
} as const;
export type Slot = (typeof SLOT)[keyof typeof SLOT];

/** Past this size a buffer is allocated for the call and not kept, so memory stays bounded. */
const KEEP_BYTES = 16 << 20;
const slots: (Buffer | undefined)[] = [];

/** `size` bytes of the slot's buffer, contents undefined. */
export function scratch(slot: Slot, size: number): Buffer {
  if (size > KEEP_BYTES) return Buffer.allocUnsafeSlow(size);
  let buf = slots[slot];
  if (!buf || buf.length < size) {
    buf = Buffer.allocUnsafeSlow(Math.min(KEEP_BYTES, Math.max(size, 2 * (buf?.length ?? 0))));
    slots[slot] = buf;
  }
  return buf.subarray(0, size);
}

/** Reads a whole file into the slot's buffer. */
export function readFileInto(path: string, slot: Slot): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = scratch(slot, size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
