// Validates kernel parameter values against a kernel's schema and encodes them into
// the block the kernel reads in `offload_init` (ABI: fields in schema order, u32 and
// u64 little-endian, bytes as a u32 length then the bytes).
import { OffloadError, show } from '../errors.js';
import type { KernelEntry, ParamSpec } from './catalog.js';

/** A parameter value after its source (file, environment, literal) has been read. */
export type ParamValue = Buffer | number | bigint;

export function validateParam(spec: ParamSpec, value: unknown, field: string): ParamValue {
  if (spec.type === 'bytes') {
    if (!Buffer.isBuffer(value)) {
      throw new OffloadError('PARAM_INVALID', `${field} must be bytes`, { field });
    }
    const what = spec.secret ? 'secret' : 'value';
    if (spec.bytes !== undefined && value.length !== spec.bytes) {
      throw new OffloadError(
        'PARAM_INVALID',
        `${field} must be exactly ${spec.bytes} bytes, got a ${value.length}-byte ${what}`,
        { field },
      );
    }
    if (spec.minBytes !== undefined && value.length < spec.minBytes) {
      throw new OffloadError(
        'PARAM_INVALID',
        `${field} must be at least ${spec.minBytes} bytes, got a ${value.length}-byte ${what}`,
        { field },
      );
    }
    if (spec.maxBytes !== undefined && value.length > spec.maxBytes) {
      throw new OffloadError(
        'PARAM_INVALID',
        `${field} must be at most ${spec.maxBytes} bytes, got a ${value.length}-byte ${what}`,
        { field },
      );
    }
    return value;
  }
  const isInt = (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';
  const n = isInt ? BigInt(value as number | bigint) : undefined;
  const limit = spec.type === 'u32' ? 0xffffffffn : 0xffffffffffffffffn;
  if (n === undefined || n < 0n || n > limit) {
    throw new OffloadError(
      'PARAM_INVALID',
      `${field} must be an integer from 0 to ${limit}, got ${show(value)}`,
      { field },
    );
  }
  if (
    (spec.min !== undefined && n < BigInt(spec.min)) ||
    (spec.max !== undefined && n > BigInt(spec.max))
  ) {
    throw new OffloadError(
      'PARAM_INVALID',
      `${field} must be from ${spec.min ?? 0} to ${spec.max ?? limit}, got ${show(value)}`,
      { field },
    );
  }
  return spec.type === 'u32' ? Number(n) : n;
}

/** Checks every parameter, filling defaults; unknown names are refused. */
export function resolveParams(
  entry: KernelEntry,
  values: Record<string, unknown>,
  prefix = 'params',
): Record<string, ParamValue> {
  const known = new Set(entry.params.map((p) => p.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) {
      throw new OffloadError(
        'PARAM_INVALID',
        `${prefix}.${name} is not a parameter of kernel ${entry.name}` +
          (known.size ? ` (it takes: ${[...known].join(', ')})` : ' (it takes none)'),
        { field: `${prefix}.${name}` },
      );
    }
  }
  const out: Record<string, ParamValue> = {};
  for (const spec of entry.params) {
    let value = values[spec.name];
    if (value === undefined && spec.default !== undefined) {
      value = typeof spec.default === 'string' ? Buffer.from(spec.default, 'hex') : spec.default;
    }
    if (value === undefined) {
      throw new OffloadError(
        'PARAM_INVALID',
        `${prefix}.${spec.name} is required by kernel ${entry.name}`,
        {
          field: `${prefix}.${spec.name}`,
        },
      );
    }
    out[spec.name] = validateParam(spec, value, `${prefix}.${spec.name}`);
  }
  return out;
}

export function encodeParams(entry: KernelEntry, values: Record<string, ParamValue>): Buffer {
  const parts: Buffer[] = [];
  for (const spec of entry.params) {
    const value = values[spec.name];
    if (spec.type === 'bytes') {
      const bytes = value as Buffer;
      const len = Buffer.alloc(4);
      len.writeUInt32LE(bytes.length);
      parts.push(len, bytes);
    } else if (spec.type === 'u32') {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(Number(value));
      parts.push(b);
    } else {
      const b = Buffer.alloc(8);
      b.writeBigUInt64LE(BigInt(value as number | bigint));
      parts.push(b);
    }
  }
  return Buffer.concat(parts);
}
