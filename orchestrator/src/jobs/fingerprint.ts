// A job's fingerprint: equal for the same spec, kernel, input file and parameters,
// so that running a spec again finds the unfinished job it started before.
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import type { KernelEntry } from '../kernels/catalog.js';
import type { JobSpec } from './spec.js';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const record = value as Record<string, unknown>;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `paramsDigest` is a keyed digest of the encoded parameters (secrets included). */
export function fingerprint(
  spec: JobSpec,
  entry: KernelEntry,
  input: Stats,
  paramsDigest: string,
): string {
  return createHash('sha256')
    .update(
      canonical({
        spec,
        kernel: entry.sha256,
        input: { size: input.size, mtimeMs: input.mtimeMs, ino: input.ino },
        params: paramsDigest,
      }),
    )
    .digest('hex');
}
