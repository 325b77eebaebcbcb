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

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Hex lines without a string per record: two characters a byte from a table. */
function renderHexLines(body: Buffer): Buffer {
  let total = 0;
  forEachFrame(body, (r) => (total += r.length * 2 + 1));
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  forEachFrame(body, (r) => {
    for (let i = 0; i < r.length; i++) {
      const h = HEX[r[i]];
      out[at++] = h.charCodeAt(0);
      out[at++] = h.charCodeAt(1);
    }
    out[at++] = 10;
  });
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
export function renderFrames(body: Buffer, spec: OutputSpec, codec: Codec): Buffer {
  switch (spec.format) {
    case 'framed':
      return body;
    case 'hex-lines':
      return renderHexLines(body);
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
