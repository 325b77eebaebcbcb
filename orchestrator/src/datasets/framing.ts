// Offload's framed binary batch format. A batch file is a 16-byte header, the ASCII
// magic `OFB1`, a u32 of zero (reserved) and a u64 record count, all little-endian,
// followed by that many frames: a u32 length and that many bytes. The body is laid
// out exactly as a kernel's input region (wasm-kernels/README.md), so a batch moves
// into linear memory without re-encoding.
import { OffloadError } from '../errors.js';

export const MAGIC = 'OFB1';
export const HEADER_BYTES = 16;

export function batchHeader(count: number): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.write(MAGIC, 0, 'latin1');
  h.writeBigUInt64LE(BigInt(count), 8);
  return h;
}

/** Reads the header of a batch file held in `buf`; `what` names it in errors. */
export function readBatchHeader(buf: Buffer, what: string): number {
  if (buf.length < HEADER_BYTES || buf.toString('latin1', 0, 4) !== MAGIC) {
    throw new OffloadError('RECORD_INVALID', `${what} is not a framed batch file (no OFB1 header)`);
  }
  if (buf.readUInt32LE(4) !== 0) {
    throw new OffloadError('RECORD_INVALID', `${what} uses an unknown framing variant`);
  }
  const count = buf.readBigUInt64LE(8);
  if (count > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new OffloadError('RECORD_INVALID', `${what} claims ${count} records`);
  }
  return Number(count);
}

/**
 * Splits a framed body into chunks of whole records of about `target` bytes each,
 * checking that the frames exactly fill the body and number `count`.
 */
export function* chunkFrames(
  body: Buffer,
  count: number,
  target: number,
  what: string,
): Generator<{ chunk: Buffer; count: number; first: number }> {
  let at = 0;
  let start = 0;
  let seen = 0;
  let first = 0;
  while (at < body.length) {
    const len = at + 4 <= body.length ? body.readUInt32LE(at) : -1;
    if (len < 0 || at + 4 + len > body.length) {
      throw new OffloadError('RECORD_INVALID', `${what}: frame ${seen} runs past the end`);
    }
    at += 4 + len;
    seen++;
    if (at - start >= target) {
      yield { chunk: body.subarray(start, at), count: seen - first, first };
      start = at;
      first = seen;
    }
  }
  if (at > start) yield { chunk: body.subarray(start, at), count: seen - first, first };
  if (seen !== count) {
    throw new OffloadError(
      'RECORD_INVALID',
      `${what}: header says ${count} records, the body holds ${seen}`,
    );
  }
}

/** Calls `fn` with each record of a framed body (views into `body`, not copies). */
export function forEachFrame(body: Buffer, fn: (record: Buffer, index: number) => void): number {
  let at = 0;
  let i = 0;
  while (at < body.length) {
    const len = body.readUInt32LE(at);
    fn(body.subarray(at + 4, at + 4 + len), i++);
    at += 4 + len;
  }
  return i;
}

/**
 * Accumulates frames in one growing buffer, so a batch is built without a copy per
 * record. The buffer keeps room for the header in front of the frames.
 */
export class FrameBuilder {
  private buf: Buffer;
  private len = HEADER_BYTES;
  count = 0;

  /** `buf`, when given, is where the batch is built until it outgrows it. */
  constructor(initial = 1 << 16, buf?: Buffer) {
    this.buf = buf && buf.length > HEADER_BYTES ? buf : Buffer.allocUnsafe(HEADER_BYTES + initial);
  }

  /** Bytes of frames so far. */
  get bytes(): number {
    return this.len - HEADER_BYTES;
  }

  private reserve(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + extra) cap *= 2;
    const next = Buffer.allocUnsafe(cap);
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  push(record: Buffer): void {
    this.reserve(4 + record.length);
    this.buf.writeUInt32LE(record.length, this.len);
    record.copy(this.buf, this.len + 4);
    this.len += 4 + record.length;
    this.count++;
  }

  /** Appends bytes `start..end` of `source` as one record. */
  pushRange(source: Buffer, start: number, end: number): void {
    const n = end - start;
    this.reserve(4 + n);
    const buf = this.buf;
    let at = this.len;
    buf[at] = n & 0xff;
    buf[at + 1] = (n >>> 8) & 0xff;
    buf[at + 2] = (n >>> 16) & 0xff;
    buf[at + 3] = n >>> 24;
    at += 4;
    // A byte loop beats Buffer#copy for identifier-sized records: no native call.
    if (n <= 64) for (let i = start; i < end; i++) buf[at++] = source[i];
    else source.copy(buf, at, start, end);
    this.len += 4 + n;
    this.count++;
  }

  private writeHeader(): void {
    batchHeader(this.count).copy(this.buf, 0);
  }

  /**
   * Returns the batch file bytes (header and frames) where they were built, without a
   * copy; the builder must not be used again.
   */
  finish(): { file: Buffer; count: number } {
    this.writeHeader();
    return { file: this.buf.subarray(0, this.len), count: this.count };
  }

  /** Returns a copy of the batch file bytes (header and frames) and empties the builder. */
  take(): { file: Buffer; count: number } {
    this.writeHeader();
    const file = Buffer.from(this.buf.subarray(0, this.len));
    const count = this.count;
    this.len = HEADER_BYTES;
    this.count = 0;
    return { file, count };
  }
}
