// Output rendering: framed kernel output records to the job's output format. A batch
// renders to a part file on its own, so parts can be rendered in parallel and the
// result is their concatenation behind a format header.
import type { Codec } from './codecs.js';
import { batchHeader, forEachFrame } from './framing.js';

export type OutputFormat = 'hex-lines' | 'lines' | 'csv' | 'ndjson' | 'framed';
export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  'hex-lines',
  'lines',
  'csv',
  'ndjson',
  'framed',
];

export interface OutputSpec {
  path: string;
  format: OutputFormat;
  /** CSV column or NDJSON field name for the records; `value` by default. */
  column?: string;
}

/** Each byte value's two hex digits, packed as the two bytes of a u16 (low byte first). */
const HEX_PAIRS = (() => {
  const digits = '0123456789abcdef';
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) t[i] = digits.charCodeAt(i >> 4) | (digits.charCodeAt(i & 15) << 8);
  return t;
})();

/**
 * Hex lines straight from the frames: no Buffer view or string per record, which
 * made rendering cost as much as the HMAC itself.
 */
function renderHexLines(body: Buffer, alloc: (size: number) => Buffer): Buffer {
  let total = 0;
  for (let at = 0; at < body.length;) {
    const len = body.readUInt32LE(at);
    total += len * 2 + 1;
    at += 4 + len;
  }
  const out = alloc(total);
  let o = 0;
  for (let at = 0; at < body.length;) {
    const len = body.readUInt32LE(at);
    const end = at + 4 + len;
    for (let i = at + 4; i < end; i++) {
      const pair = HEX_PAIRS[body[i]];
      out[o++] = pair & 0xff;
      out[o++] = pair >>> 8;
    }
    out[o++] = 10;
    at = end;
  }
  return out;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** What goes before the first part: a CSV header or a framed file's header. */
export function outputPrologue(spec: OutputSpec, totalRecords: number): Buffer {
  if (spec.format === 'csv') return Buffer.from(csvCell(spec.column ?? 'value') + '\n');
  if (spec.format === 'framed') return batchHeader(totalRecords);
  return Buffer.alloc(0);
}

/** Renders a framed body (no header) in the output format, without the prologue. */
/**
 * Renders framed records in the output format. `alloc` gives the buffer for formats
 * rendered byte by byte (hex lines), so a caller can reuse one.
 */
export function renderFrames(
  body: Buffer,
  spec: OutputSpec,
  codec: Codec,
  alloc: (size: number) => Buffer = (size) => Buffer.allocUnsafe(size),
): Buffer {
  switch (spec.format) {
    case 'framed':
      return body;
    case 'hex-lines':
      return renderHexLines(body, alloc);
    case 'lines': {
      const rows: string[] = [];
      forEachFrame(body, (r) => rows.push(codec.render(r)));
      return Buffer.from(rows.length ? rows.join('\n') + '\n' : '');
    }
    case 'csv': {
      const rows: string[] = [];
      forEachFrame(body, (r) => rows.push(csvCell(codec.render(r))));
      return Buffer.from(rows.length ? rows.join('\n') + '\n' : '');
    }
    case 'ndjson': {
      const key = spec.column ?? 'value';
      const rows: string[] = [];
      forEachFrame(body, (r) => {
        const value = codec.json ? codec.json(r) : codec.render(r);
        rows.push(JSON.stringify({ [key]: value }));
      });
      return Buffer.from(rows.length ? rows.join('\n') + '\n' : '');
    }
  }
}
