// Shared helpers for the kernel tests: framing, kernel instances from the built
// catalogue, and deterministic pseudo-random bytes so that failures reproduce.
import { createHash } from 'node:crypto';
import { Catalog } from '../../src/kernels/catalog.js';
import { KernelInstance } from '../../src/kernels/host.js';
import { encodeParams } from '../../src/kernels/params.js';

export function frame(records: Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const r of records) {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(r.length);
    parts.push(len, r);
  }
  return Buffer.concat(parts);
}

export function unframe(chunk: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < chunk.length; at += 4 + chunk.readUInt32LE(at)) {
    out.push(chunk.subarray(at + 4, at + 4 + chunk.readUInt32LE(at)));
  }
  return out;
}

/** SHA-256 in counter mode over a label: reproducible test bytes. */
export function seededBytes(label: string): (n: number) => Buffer {
  let counter = 0;
  let pool = Buffer.alloc(0);
  return (n) => {
    while (pool.length < n) {
      const block = createHash('sha256').update(`${label}/${counter++}`).digest();
      pool = Buffer.concat([pool, block]);
    }
    const out = pool.subarray(0, n);
    pool = pool.subarray(n);
    return Buffer.from(out);
  };
}

/** A seeded integer from lo to hi inclusive. */
export function seededInt(label: string): (lo: number, hi: number) => number {
  const bytes = seededBytes(label);
  return (lo, hi) => lo + (bytes(4).readUInt32LE(0) % (hi - lo + 1));
}

export async function kernel(
  name: string,
  values: Record<string, unknown> = {},
  seed?: Buffer,
  catalog = Catalog.load(),
): Promise<KernelInstance> {
  const entry = catalog.get(name);
  const params = encodeParams(entry, values as never);
  return KernelInstance.create(entry, await catalog.module(entry), params, seed);
}
