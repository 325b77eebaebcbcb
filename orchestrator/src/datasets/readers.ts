// Streaming dataset readers. Each turns an input file into framed batches of at most
// `batchRecords` records, holding no more than one batch and one read buffer in
// memory, so memory does not grow with the dataset.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { isUtf8 } from 'node:buffer';
import { OffloadError, show } from '../errors.js';
import type { Codec } from './codecs.js';
import { FrameBuilder, HEADER_BYTES, MAGIC } from './framing.js';

export type InputFormat = 'lines' | 'csv' | 'ndjson' | 'framed';
export const INPUT_FORMATS: readonly InputFormat[] = ['lines', 'csv', 'ndjson', 'framed'];

export interface InputSpec {
  path: string;
  format: InputFormat;
  /** CSV: the column holding the records, by header name. */
  column?: string;
  /** CSV: the field separator, one character. */
  delimiter?: string;
  /** NDJSON: the field holding the records. */
  field?: string;
}

export interface Batch {
  /** Header and frames, ready to write as a batch file. */
  file: Buffer;
  count: number;
  /** Index in the dataset of the batch's first record. */
  firstRecord: number;
}

const READ_CHUNK = 1 << 20;

/**
 * Yields a file as buffers of whole lines (the last may lack its newline), so that
 * callers split lines in a synchronous loop: a promise per line costs more than the
 * work done on it.
 */
export async function* lineBlocks(path: string): AsyncGenerator<Buffer> {
  let rest: Buffer | undefined;
  for await (const piece of createReadStream(path, { highWaterMark: READ_CHUNK })) {
    const buf: Buffer = rest ? Buffer.concat([rest, piece as Buffer]) : (piece as Buffer);
    const last = buf.lastIndexOf(10);
    if (last < 0) {
      rest = buf;
      continue;
    }
    yield buf.subarray(0, last + 1);
    rest = last + 1 < buf.length ? buf.subarray(last + 1) : undefined;
  }
  if (rest && rest.length > 0) yield rest;
}

/** Calls `fn` with each line of a block (line ending removed), numbering from `line`. */
function eachLine(
  block: Buffer,
  line: number,
  fn: (start: number, end: number, line: number) => void,
): number {
  let start = 0;
  while (start < block.length) {
    let nl = block.indexOf(10, start);
    if (nl < 0) nl = block.length;
    const end = nl > start && block[nl - 1] === 13 ? nl - 1 : nl;
    fn(start, end, ++line);
    start = nl + 1;
  }
  return line;
}

function where(record: number, line?: number): string {
  return line === undefined ? `input record ${record}` : `input record ${record} (line ${line})`;
}

class Batcher {
  private readonly builder = new FrameBuilder();
  private first = 0;
  total = 0;

  constructor(private readonly size: number) {}

  get full(): boolean {
    return this.builder.count >= this.size;
  }

  push(record: Buffer): void {
    this.builder.push(record);
    this.total++;
  }

  pushRange(buf: Buffer, start: number, end: number): void {
    this.builder.pushRange(buf, start, end);
    this.total++;
  }

  take(): Batch | undefined {
    if (this.builder.count === 0) return undefined;
    const { file, count } = this.builder.take();
    const batch = { file, count, firstRecord: this.first };
    this.first += count;
    return batch;
  }
}

/**
 * Frames every line of a block of whole lines into `out`; `record` and `line` are the
 * dataset indices before the block. Returns the line number of the block's last line.
 */
export function frameLines(
  block: Buffer,
  codec: Codec,
  out: { pushRange(b: Buffer, s: number, e: number): void; push(r: Buffer): void },
  record: number,
  line: number,
  onRecord?: () => void,
): number {
  // Valid UTF-8 as a whole means valid line by line: check once, not per line.
  const checkEach = codec.name !== 'utf8' || !isUtf8(block);
  return eachLine(block, line, (start, end, n) => {
    if (!checkEach) out.pushRange(block, start, end);
    else if (codec.parseBytes) {
      codec.parseBytes(block.subarray(start, end), where(record, n));
      out.pushRange(block, start, end);
    } else {
      out.push(codec.parse(block.toString('utf8', start, end), where(record, n)));
    }
    record++;
    onRecord?.();
  });
}

async function* readLines(input: InputSpec, codec: Codec, size: number): AsyncGenerator<Batch> {
  const out = new Batcher(size);
  const ready: Batch[] = [];
  let line = 0;
  for await (const block of lineBlocks(input.path)) {
    line = frameLines(block, codec, out, out.total, line, () => {
      if (out.full) ready.push(out.take()!);
    });
    yield* ready.splice(0);
  }
  const last = out.take();
  if (last) yield last;
}

async function* readNdjson(input: InputSpec, codec: Codec, size: number): AsyncGenerator<Batch> {
  const field = input.field!;
  const out = new Batcher(size);
  const ready: Batch[] = [];
  let line = 0;
  for await (const block of lineBlocks(input.path)) {
    line = eachLine(block, line, (start, end, n) => {
      const text = block.toString('utf8', start, end);
      if (text.trim() === '') return;
      out.push(ndjsonRecord(text, field, codec, where(out.total, n), out.total));
      if (out.full) ready.push(out.take()!);
    });
    yield* ready.splice(0);
  }
  const last = out.take();
  if (last) yield last;
}

function ndjsonRecord(
  text: string,
  field: string,
  codec: Codec,
  at: string,
  record: number,
): Buffer {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (cause) {
    throw new OffloadError(
      'RECORD_INVALID',
      `${at}: not valid JSON (${(cause as Error).message})`,
      {
        record,
        cause,
      },
    );
  }
  const value =
    row && typeof row === 'object' ? (row as Record<string, unknown>)[field] : undefined;
  if (typeof value === 'string') return codec.parse(value, at);
  if (typeof value === 'number' && Number.isSafeInteger(value))
    return codec.parse(String(value), at);
  if (value === undefined) {
    throw new OffloadError('RECORD_INVALID', `${at}: has no field ${show(field)}`, { record });
  }
  throw new OffloadError(
    'RECORD_INVALID',
    `${at}: field ${show(field)} must be a string or a safe integer, got ${show(value)}`,
    { record },
  );
}

/** RFC 4180 fields, streamed: quoted fields may hold separators, quotes and newlines. */
async function* csvRows(
  path: string,
  delimiter: string,
): AsyncGenerator<{ fields: string[]; line: number }> {
  const decoder = new StringDecoder('utf8');
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let pendingCr = false;
  const sep = delimiter.charCodeAt(0);
  const endRow = function* () {
    fields.push(field);
    const row = { fields, line: rowLine };
    field = '';
    fields = [];
    afterQuote = false;
    if (!(row.fields.length === 1 && row.fields[0] === '')) yield row;
  };
  for await (const piece of createReadStream(path, { highWaterMark: READ_CHUNK })) {
    const text = decoder.write(piece as Buffer);
    let runStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === 34) {
          field += text.slice(runStart, i);
          if (text.charCodeAt(i + 1) === 34) {
            field += '"';
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
          runStart = i + 1;
        } else if (c === 10) line++;
        continue;
      }
      if (c === 34 && field === '' && runStart === i) {
        quoted = true;
        runStart = i + 1;
      } else if (c === sep) {
        fields.push(field + text.slice(runStart, i));
        field = '';
        afterQuote = false;
        runStart = i + 1;
      } else if (c === 10 || c === 13) {
        if (c === 10 && pendingCr) {
          pendingCr = false;
          runStart = i + 1;
          continue;
        }
        field += text.slice(runStart, i);
        yield* endRow();
        pendingCr = c === 13;
        line++;
        rowLine = line;
        runStart = i + 1;
      } else if (afterQuote) {
        throw new OffloadError('RECORD_INVALID', `CSV line ${line}: text after a closing quote`);
      }
      if (c !== 13) pendingCr = false;
    }
    if (runStart < text.length) field += text.slice(runStart);
  }
  if (quoted)
    throw new OffloadError('RECORD_INVALID', `CSV line ${rowLine}: unterminated quoted field`);
  if (field !== '' || fields.length > 0) yield* endRow();
}

async function* readCsv(input: InputSpec, codec: Codec, size: number): AsyncGenerator<Batch> {
  const out = new Batcher(size);
  let index = -1;
  let width = 0;
  for await (const { fields, line } of csvRows(input.path, input.delimiter ?? ',')) {
    if (index < 0) {
      index = fields.indexOf(input.column!);
      if (index < 0) {
        throw new OffloadError(
          'SPEC_INVALID',
          `input.column: ${show(input.column)} is not in the CSV header ` +
            `(${fields.map((f) => show(f)).join(', ')})`,
          { field: 'input.column' },
        );
      }
      width = fields.length;
      continue;
    }
    const at = where(out.total, line);
    if (fields.length !== width) {
      throw new OffloadError(
        'RECORD_INVALID',
        `${at}: has ${fields.length} fields, the header has ${width}`,
        { record: out.total },
      );
    }
    out.push(codec.parse(fields[index], at));
    if (out.full) yield out.take()!;
  }
  if (index < 0) {
    throw new OffloadError('RECORD_INVALID', `${input.path}: the CSV file has no header row`);
  }
  const last = out.take();
  if (last) yield last;
}

async function* readFramed(input: InputSpec, size: number): AsyncGenerator<Batch> {
  const out = new Batcher(size);
  let buf: Buffer = Buffer.alloc(0);
  let declared = -1;
  for await (const piece of createReadStream(input.path, { highWaterMark: READ_CHUNK })) {
    buf = buf.length ? Buffer.concat([buf, piece as Buffer]) : (piece as Buffer);
    let at = 0;
    if (declared < 0) {
      if (buf.length < HEADER_BYTES) continue;
      if (buf.toString('latin1', 0, 4) !== MAGIC) {
        throw new OffloadError(
          'RECORD_INVALID',
          `${input.path} is not a framed batch file (no OFB1 header)`,
        );
      }
      declared = Number(buf.readBigUInt64LE(8));
      at = HEADER_BYTES;
    }
    while (at + 4 <= buf.length) {
      const len = buf.readUInt32LE(at);
      if (at + 4 + len > buf.length) break;
      out.pushRange(buf, at + 4, at + 4 + len);
      at += 4 + len;
      if (out.full) yield out.take()!;
    }
    buf = buf.subarray(at);
  }
  if (declared < 0 || buf.length > 0) {
    throw new OffloadError(
      'RECORD_INVALID',
      `${where(out.total)}: the framed file ends inside a frame`,
      {
        record: out.total,
      },
    );
  }
  if (declared !== out.total) {
    throw new OffloadError(
      'RECORD_INVALID',
      `${input.path}: header says ${declared} records, the file holds ${out.total}`,
    );
  }
  const last = out.take();
  if (last) yield last;
}

/** Reads a dataset as framed batches of at most `batchRecords` records. */
export function readBatches(
  input: InputSpec,
  codec: Codec,
  batchRecords: number,
): AsyncGenerator<Batch> {
  switch (input.format) {
    case 'lines':
      return readLines(input, codec, batchRecords);
    case 'ndjson':
      return readNdjson(input, codec, batchRecords);
    case 'csv':
      return readCsv(input, codec, batchRecords);
    case 'framed':
      return readFramed(input, batchRecords);
  }
}
