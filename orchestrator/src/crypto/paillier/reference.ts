// Paillier in plain BigInt, the textbook way (g = n + 1, a full-size random r): the
// reference the benchmarks compare against, and an independent oracle in tests.
import { randomBytes } from 'node:crypto';
import type { PaillierPrivateKey, PaillierPublicKey } from './keys.js';
import { bitLength, fromBytes, gcd, mod, modPow } from './math.js';

function randomUnit(n: bigint): bigint {
  const bytes = Math.ceil(bitLength(n) / 8) + 8;
  for (;;) {
    const r = fromBytes(randomBytes(bytes)) % n;
    if (r !== 0n && gcd(r, n) === 1n) return r;
  }
}

/** c = (1 + m n) r^n mod n² for a residue m in [0, n). */
export function encrypt(key: PaillierPublicKey, m: bigint, r = randomUnit(key.n)): bigint {
  return ((1n + m * key.n) * modPow(r, key.n, key.n2)) % key.n2;
}

/** The short-exponent encryption the kernel computes, by plain exponentiation. */
export function encryptShort(key: PaillierPublicKey, m: bigint, r: bigint): bigint {
  return (mod(1n + m * key.n, key.n2) * modPow(key.hs, r, key.n2)) % key.n2;
}

export function add(key: PaillierPublicKey, a: bigint, b: bigint): bigint {
  return (a * b) % key.n2;
}

export function scale(key: PaillierPublicKey, c: bigint, k: bigint): bigint {
  return modPow(c, k, key.n2);
}

/** m = L(c^lambda mod n²) mu mod n, without the CRT. */
export function decrypt(key: PaillierPrivateKey, c: bigint): bigint {
  const x = modPow(c, key.lambda, key.n2);
  return mod(((x - 1n) / key.n) * key.mu, key.n);
}
