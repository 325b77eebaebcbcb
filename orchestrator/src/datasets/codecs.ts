// Record codecs: how a kernel's records look as text in a dataset (a line, a CSV
// cell, an NDJSON field) and as bytes in a frame. See wasm-kernels/README.md.
import { isUtf8 } from 'node:buffer';
import { OffloadError, show } from '../errors.js';

export interface Codec {
  readonly name: string;
  /** Text to record bytes; throws RECORD_INVALID naming `where` on bad text. */
  parse(text: string, where: string): Buffer;
  /** Raw input bytes (a line as read) to record bytes; defaults to parse of UTF-8 text. */
  parseBytes?(bytes: Buffer, where: string): Buffer;
  /** Record bytes to text. */
  render(record: Buffer): string;
  /** Record bytes to a JSON value for NDJSON output. */
  json?(record: Buffer): unknown;
}

function bad(where: string, message: string): OffloadError {
  return new OffloadError('RECORD_INVALID', `${where}: ${message}`);
}

const U64_MAX = 0xffffffffffffffffn;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const DECIMAL = /^-?\d{1,20}$/;

function parseInteger(text: string, where: string, min: bigint, max: bigint): bigint {
  const t = text.trim();
  if (!DECIMAL.test(t)) throw bad(where, `expected a decimal integer, got ${show(text)}`);
  const v = BigInt(t);
  if (v < min || v > max) throw bad(where, `${t} is outside ${min}..${max}`);
  return v;
}

function u64Bytes(v: bigint): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeBigUInt64LE(BigInt.asUintN(64, v));
  return b;
}

function requireLength(record: Buffer, multiple: number, codec: string): void {
  if (record.length === 0 || record.length % multiple !== 0) {
    throw new OffloadError(
      'KERNEL_FAILED',
      `a ${record.length}-byte record cannot be rendered as ${codec}`,
    );
  }
}

const utf8: Codec = {
  name: 'utf8',
  parse: (text) => Buffer.from(text, 'utf8'),
  parseBytes(bytes, where) {
    if (!isUtf8(bytes)) throw bad(where, 'not valid UTF-8');
    return bytes;
  },
  render: (record) => record.toString('utf8'),
};

const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const hex: Codec = {
  name: 'hex',
  parse(text, where) {
    const t = text.trim();
    if (!HEX.test(t)) throw bad(where, `expected hexadecimal bytes, got ${show(text)}`);
    return Buffer.from(t, 'hex');
  },
  render: (record) => record.toString('hex'),
};

const u64: Codec = {
  name: 'u64',
  parse: (text, where) => u64Bytes(parseInteger(text, where, 0n, U64_MAX)),
  render(record) {
    requireLength(record, 8, 'u64');
    return record.readBigUInt64LE(0).toString();
  },
  json: (record) => record.readBigUInt64LE(0).toString(),
};

const int64: Codec = {
  name: 'int64',
  parse: (text, where) => u64Bytes(parseInteger(text, where, I64_MIN, I64_MAX)),
  render(record) {
    requireLength(record, 8, 'int64');
    return record.readBigInt64LE(0).toString();
  },
  json: (record) => record.readBigInt64LE(0).toString(),
};

/**
 * A 64-bit word for arithmetic modulo 2^64 (secret sharing): a signed or an unsigned
 * decimal, -2^63 to 2^64 - 1, stored as its two's complement pattern; rendered signed.
 * Unlike int64, 2^63 and above are accepted, since they name the same residues.
 */
const word64: Codec = {
  name: 'word64',
  parse: (text, where) => u64Bytes(parseInteger(text, where, I64_MIN, U64_MAX)),
  render: int64.render,
  json: int64.json,
};

const u64List: Codec = {
  name: 'u64-list',
  parse(text, where) {
    const parts = text.split(',');
    const out = Buffer.allocUnsafe(parts.length * 8);
    parts.forEach((p, i) => {
      out.writeBigUInt64LE(parseInteger(p, `${where}, item ${i}`, 0n, U64_MAX), i * 8);
    });
    return out;
  },
  render(record) {
    requireLength(record, 8, 'u64-list');
    const items: string[] = [];
    for (let i = 0; i < record.length; i += 8) items.push(record.readBigUInt64LE(i).toString());
    return items.join(',');
  },
  json(record) {
    const items: string[] = [];
    for (let i = 0; i < record.length; i += 8) items.push(record.readBigUInt64LE(i).toString());
    return items;
  },
};

const registry = new Map<string, Codec>();

export function registerCodec(codec: Codec): void {
  registry.set(codec.name, codec);
}

for (const c of [utf8, hex, u64, int64, word64, u64List]) registerCodec(c);

export function codec(name: string, field = 'codec'): Codec {
  const c = registry.get(name);
  if (!c) {
    throw new OffloadError(
      'SPEC_INVALID',
      `${field}: unknown codec ${show(name)}; known: ${[...registry.keys()].join(', ')}`,
      { field },
    );
  }
  return c;
}

export function codecNames(): string[] {
  return [...registry.keys()];
}
