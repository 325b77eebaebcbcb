// Splitting a lines dataset by byte ranges. The orchestrator's thread only finds where
// every `batch.records`-th line ends; worker threads read and frame the ranges. With
// framing off the main thread, the pipeline scales with workers instead of stalling
// on one thread that parses every record.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { sha256Hex } from '../digest.js';
import { codec as codecNamed } from './codecs.js';
import { FrameBuilder } from './framing.js';
import { frameLines } from './readers.js';

export interface LineRange {
  index: number;
  /** Byte offsets in the file: [start, end). */
  start: number;
  end: number;
  count: number;
  firstRecord: number;
  /** 1-based line number of the range's first line. */
  firstLine: number;
}

/** Yields ranges of `batchRecords` lines (the last may be shorter). */
export async function* scanLineRanges(
  path: string,
  batchRecords: number,
): AsyncGenerator<LineRange> {
  let offset = 0;
  let start = 0;
  let count = 0;
  let index = 0;
  let records = 0;
  let lastByte = 10;
  for await (const piece of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = piece as Buffer;
    let at = 0;
    let nl: number;
    while ((nl = buf.indexOf(10, at)) !== -1) {
      count++;
      at = nl + 1;
      if (count === batchRecords) {
        const end = offset + at;
        yield { index: index++, start, end, count, firstRecord: records, firstLine: records + 1 };
        records += count;
        start = end;
        count = 0;
      }
    }
    offset += buf.length;
    if (buf.length) lastByte = buf[buf.length - 1];
  }
  if (lastByte !== 10) count++;
  if (count > 0) {
    yield { index, start, end: offset, count, firstRecord: records, firstLine: records + 1 };
  }
}

export interface FrameTask {
  op: 'frame';
  path: string;
  range: LineRange;
  codec: string;
  outPath: string;
}

/** Reads one range, frames its lines and writes the batch file; returns its digest. */
export async function frameRange(
  task: FrameTask,
): Promise<{ file: Buffer; count: number; sha256: string }> {
  const { range } = task;
  const block = Buffer.allocUnsafe(range.end - range.start);
  const fh = await open(task.path, 'r');
  try {
    let got = 0;
    while (got < block.length) {
      const { bytesRead } = await fh.read(block, got, block.length - got, range.start + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
  } finally {
    await fh.close();
  }
  const builder = new FrameBuilder(block.length + range.count * 4 + 64);
  frameLines(block, codecNamed(task.codec), builder, range.firstRecord, range.firstLine - 1);
  const { file, count } = builder.take();
  return { file, count, sha256: sha256Hex(file) };
}
