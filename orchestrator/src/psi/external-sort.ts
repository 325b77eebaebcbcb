// External merge sort of fixed-size records compared as bytes: runs of at most
// `runRecords` records are sorted in memory and written to disk, then merged in one
// pass with a binary heap, so memory stays bounded whatever the input size.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RecordReader, RecordWriter } from './records.js';

export interface SortOptions {
  /** Records held in memory per run; memory use is about runRecords * size bytes. */
  runRecords: number;
  /** Folder for the run files (a fresh subfolder is made and removed). */
  tmpDir: string;
}

function sortRun(buf: Buffer, count: number, size: number): Buffer {
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => buf.compare(buf, b * size, b * size + size, a * size, a * size + size));
  const out = Buffer.allocUnsafe(count * size);
  order.forEach((from, to) => buf.copy(out, to * size, from * size, from * size + size));
  return out;
}

async function writeRuns(
  input: string,
  size: number,
  options: SortOptions,
  dir: string,
): Promise<string[]> {
  const reader = await RecordReader.open(input, size);
  const runs: string[] = [];
  const buf = Buffer.allocUnsafe(options.runRecords * size);
  try {
    for (;;) {
      let count = 0;
      while (count < options.runRecords) {
        const r = await reader.next();
        if (!r) break;
        r.copy(buf, count * size);
        count++;
      }
      if (count === 0) break;
      const path = join(dir, `run-${runs.length}`);
      const writer = await RecordWriter.create(path);
      await writer.write(sortRun(buf, count, size));
      await writer.close();
      runs.push(path);
      if (count < options.runRecords) break;
    }
  } finally {
    await reader.close();
  }
  return runs;
}

/** A min-heap of run heads, ordered by record bytes. */
class RunHeap {
  private readonly items: { record: Buffer; reader: RecordReader }[] = [];

  get size(): number {
    return this.items.length;
  }

  push(record: Buffer, reader: RecordReader): void {
    this.items.push({ record, reader });
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.items[parent]!.record.compare(this.items[i]!.record) <= 0) break;
      [this.items[parent], this.items[i]] = [this.items[i]!, this.items[parent]!];
      i = parent;
    }
  }

  pop(): { record: Buffer; reader: RecordReader } {
    const top = this.items[0]!;
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.items.length && this.items[l]!.record.compare(this.items[m]!.record) < 0)
          m = l;
        if (r < this.items.length && this.items[r]!.record.compare(this.items[m]!.record) < 0)
          m = r;
        if (m === i) break;
        [this.items[m], this.items[i]] = [this.items[i]!, this.items[m]!];
        i = m;
      }
    }
    return top;
  }
}

async function mergeRuns(runs: string[], size: number, output: string): Promise<number> {
  const heap = new RunHeap();
  const readers = await Promise.all(runs.map((r) => RecordReader.open(r, size)));
  const writer = await RecordWriter.create(output);
  try {
    for (const reader of readers) {
      const first = await reader.next();
      if (first) heap.push(Buffer.from(first), reader);
    }
    while (heap.size > 0) {
      const { record, reader } = heap.pop();
      await writer.write(record);
      const next = await reader.next();
      if (next) heap.push(Buffer.from(next), reader);
    }
  } finally {
    await writer.close();
    await Promise.all(readers.map((r) => r.close()));
  }
  return writer.count;
}

/** Sorts the `size`-byte records of `input` into `output`; returns the record count. */
export async function sortRecords(
  input: string,
  output: string,
  size: number,
  options: SortOptions,
): Promise<number> {
  const dir = await mkdtemp(join(options.tmpDir, 'sort-'));
  try {
    const runs = await writeRuns(input, size, options, dir);
    return await mergeRuns(runs, size, output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
