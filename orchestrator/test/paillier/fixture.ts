// What the Paillier test files share: one key per file (key generation takes seconds),
// the kernels run in this process, and the generator the encrypt kernel draws r from.
import { createHash } from 'node:crypto';
import { openKernel, mapRecords, reduceRecords } from '../../src/crypto/paillier/kernel-run.js';
import {
  publicKeyBlob,
  type PaillierPrivateKey,
  type PaillierPublicKey,
} from '../../src/crypto/paillier/keys.js';
import { fromBytes, toBytes } from '../../src/crypto/paillier/math.js';

export function int64Record(m: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(m);
  return b;
}

export const SEED = Buffer.alloc(32, 7);

export async function encryptAll(
  key: PaillierPublicKey,
  values: bigint[],
  seed = SEED,
): Promise<Buffer[]> {
  const kernel = await openKernel(
    'paillier-encrypt',
    { paillierPublicKey: publicKeyBlob(key) },
    seed,
  );
  return mapRecords(kernel, values.map(int64Record));
}

export async function sumAll(key: PaillierPublicKey, cts: Buffer[]): Promise<Buffer> {
  const kernel = await openKernel('paillier-sum', { paillierPublicKey: publicKeyBlob(key) });
  return reduceRecords(kernel, cts);
}

/**
 * The encrypt kernel's randomness, recomputed independently: lib/drbg.ts is SHA-256
 * over the seed and a little-endian u64 counter, and each record takes the next
 * bits/16 bytes as a little-endian r.
 */
export function drbgExponents(seed: Buffer, count: number, bytes: number): bigint[] {
  const stream: Buffer[] = [];
  for (let ctr = 0n; stream.length * 32 < count * bytes; ctr++) {
    const block = Buffer.alloc(8);
    block.writeBigUInt64LE(ctr);
    stream.push(createHash('sha256').update(seed).update(block).digest());
  }
  const all = Buffer.concat(stream);
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    out.push(fromBytes(Buffer.from(all.subarray(i * bytes, (i + 1) * bytes)).reverse()));
  }
  return out;
}

export function ct(key: PaillierPublicKey, c: bigint): Buffer {
  return toBytes(c, key.bits / 4);
}

export type { PaillierPrivateKey };
