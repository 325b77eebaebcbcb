// Paillier keys on the data owner's machine: generation, key files and the parameter
// blobs the kernels read (wasm-kernels/assembly/lib/paillier/key.ts).
//
// Key files are JSON with hex integers:
//   <name>.pub.json  { format: "offload-paillier-public/1", bits, n, hs }
//   <name>.key.json  { format: "offload-paillier-private/1", bits, n, hs, p, q }, mode 0600
// g = n + 1 throughout. hs = -y^(2n) mod n² is the fixed base of short-exponent
// encryption (paillier-encrypt); decryption needs only p and q, and the values
// derived from them here.
import { generatePrime as generatePrimeCb, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { OffloadError, show } from '../../errors.js';
import type { ParamValue } from '../../kernels/params.js';
import { bitLength, fromBytes, gcd, mod, modInverse, modPow, toBytes } from './math.js';

/** A prime of `size` bits that is 3 mod 4, from node:crypto (OpenSSL's BN_generate_prime_ex). */
function primeThreeModFour(size: number): Promise<bigint> {
  return new Promise((resolve, reject) => {
    generatePrimeCb(size, { bigint: true, add: 4n, rem: 3n }, (err, prime) =>
      err ? reject(err) : resolve(prime),
    );
  });
}

export const PUBLIC_FORMAT = 'offload-paillier-public/1';
export const PRIVATE_FORMAT = 'offload-paillier-private/1';
export const SUPPORTED_BITS = [2048, 3072] as const;
export type KeyBits = (typeof SUPPORTED_BITS)[number];

export interface PaillierPublicKey {
  bits: KeyBits;
  n: bigint;
  n2: bigint;
  hs: bigint;
}

export interface PaillierPrivateKey extends PaillierPublicKey {
  p: bigint;
  q: bigint;
  /** Carmichael's lambda(n) = lcm(p-1, q-1) and mu = lambda^-1 mod n (for g = n + 1). */
  lambda: bigint;
  mu: bigint;
  /** CRT values: hp = (-q)^-1 mod p, hq = (-p)^-1 mod q, qInv = q^-1 mod p. */
  hp: bigint;
  hq: bigint;
  qInv: bigint;
}

export function checkBits(bits: unknown, field = 'bits'): KeyBits {
  if (!SUPPORTED_BITS.includes(bits as KeyBits)) {
    const hint =
      typeof bits === 'number' && bits < 2048
        ? ' (keys below 2048 bits are refused: NIST SP 800-57 retired 1024-bit moduli in 2013)'
        : '';
    throw new OffloadError(
      'KEY_INVALID',
      `${field} must be 2048 or 3072, got ${show(bits)}${hint}`,
      { field },
    );
  }
  return bits as KeyBits;
}

/**
 * Checks p and q for a Paillier modulus of `bits` bits: distinct primes of bits/2 bits,
 * both 3 mod 4, n of exactly `bits` bits, |p - q| above 2^(bits/2 - 100) (the
 * FIPS 186-5 appendix A.1.3 bound, against Fermat factoring) and gcd(n, phi(n)) = 1.
 * Returns a reason when they fail.
 */
export function primeProblem(p: bigint, q: bigint, bits: number): string | undefined {
  const half = bits / 2;
  if (bitLength(p) !== half || bitLength(q) !== half) return `p and q must have ${half} bits`;
  if (p % 4n !== 3n || q % 4n !== 3n) return 'p and q must be 3 mod 4';
  const n = p * q;
  if (bitLength(n) !== bits) return `n = pq must have ${bits} bits, it has ${bitLength(n)}`;
  const diff = p > q ? p - q : q - p;
  if (diff <= 1n << BigInt(half - 100)) return '|p - q| is too small';
  if (gcd(n, (p - 1n) * (q - 1n)) !== 1n) return 'gcd(n, (p-1)(q-1)) is not 1';
  return undefined;
}

/** Everything decryption needs, from p and q. */
export function privateFromPrimes(
  p: bigint,
  q: bigint,
  hs: bigint,
  bits: KeyBits,
): PaillierPrivateKey {
  const n = p * q;
  const lambda = ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n);
  return {
    bits,
    n,
    n2: n * n,
    hs,
    p,
    q,
    lambda,
    mu: modInverse(lambda, n),
    hp: modInverse(mod(-q, p), p),
    hq: modInverse(mod(-p, q), q),
    qInv: modInverse(q, p),
  };
}

function randomBelow(n: bigint): bigint {
  const bytes = Math.ceil(bitLength(n) / 8) + 16;
  return fromBytes(randomBytes(bytes)) % n;
}

/** hs = -y^(2n) mod n² for a random unit y (Damgård, Jurik, Nielsen 2010, section 4.2). */
export function fixedBase(n: bigint): bigint {
  let y = 0n;
  while (y === 0n || gcd(y, n) !== 1n) y = randomBelow(n);
  const n2 = n * n;
  return mod(-modPow(y, 2n * n, n2), n2);
}

/** Generates a key: primes from node:crypto, 3 mod 4, retried until every check passes. */
export async function generateKey(bits: number): Promise<PaillierPrivateKey> {
  const size = checkBits(bits);
  const half = size / 2;
  for (;;) {
    const p = await primeThreeModFour(half);
    const q = await primeThreeModFour(half);
    if (primeProblem(p, q, size) === undefined)
      return privateFromPrimes(p, q, fixedBase(p * q), size);
  }
}

const hex = (x: bigint): string => x.toString(16);

export function publicJson(key: PaillierPublicKey): Record<string, unknown> {
  return { format: PUBLIC_FORMAT, bits: key.bits, n: hex(key.n), hs: hex(key.hs) };
}

/** Writes <out>.pub.json and <out>.key.json (mode 0600); returns both paths. */
export async function saveKey(
  key: PaillierPrivateKey,
  out: string,
): Promise<{ pub: string; priv: string }> {
  const pub = `${out}.pub.json`;
  const priv = `${out}.key.json`;
  // Neither file may exist: a new private key beside an old public one (or the reverse)
  // would be a pair that does not match, and data encrypted under it lost.
  for (const file of [pub, priv]) {
    if (existsSync(file)) {
      throw new OffloadError('KEY_INVALID', `${file} exists; refusing to overwrite a key file`, {
        field: 'out',
      });
    }
  }
  const secret = { ...publicJson(key), format: PRIVATE_FORMAT, p: hex(key.p), q: hex(key.q) };
  await writeFile(priv, JSON.stringify(secret, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  await chmod(priv, 0o600);
  try {
    await writeFile(pub, JSON.stringify(publicJson(key), null, 2) + '\n', { flag: 'wx' });
  } catch (err) {
    await rm(priv, { force: true });
    throw err;
  }
  return { pub, priv };
}

function bad(file: string, message: string, field?: string): OffloadError {
  return new OffloadError('KEY_INVALID', `${file}: ${message}`, field ? { field } : {});
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new OffloadError(
      'INPUT_NOT_FOUND',
      `cannot read key file ${file}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
      return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw bad(file, 'is not a JSON object; expected a Paillier key file');
}

function hexField(obj: Record<string, unknown>, name: string, file: string): bigint {
  const v = obj[name];
  if (typeof v !== 'string' || !/^[0-9a-fA-F]+$/.test(v)) {
    throw bad(file, `${name} must be a hexadecimal string, got ${show(v)}`, name);
  }
  return BigInt('0x' + v);
}

function publicFrom(obj: Record<string, unknown>, file: string): PaillierPublicKey {
  const bits = checkBits(obj.bits, 'bits');
  const n = hexField(obj, 'n', file);
  const hs = hexField(obj, 'hs', file);
  if (bitLength(n) !== bits || n % 2n === 0n) {
    throw bad(file, `n must be an odd ${bits}-bit number, it has ${bitLength(n)} bits`, 'n');
  }
  const n2 = n * n;
  if (hs <= 0n || hs >= n2 || gcd(hs, n) !== 1n) throw bad(file, 'hs must be a unit mod n²', 'hs');
  return { bits, n, n2, hs };
}

/** Loads the public part of a key file (a .pub.json, or a .key.json's public fields). */
export async function loadPublicKey(file: string): Promise<PaillierPublicKey> {
  const obj = await readJson(file);
  if (obj.format !== PUBLIC_FORMAT && obj.format !== PRIVATE_FORMAT) {
    throw bad(file, `format must be ${PUBLIC_FORMAT}, got ${show(obj.format)}`, 'format');
  }
  return publicFrom(obj, file);
}

/** Loads a private key file, refusing a public one with a message that says so. */
export async function loadPrivateKey(file: string): Promise<PaillierPrivateKey> {
  const obj = await readJson(file);
  if (obj.format === PUBLIC_FORMAT) {
    throw bad(
      file,
      'is a public key file; decryption needs the private key file (<name>.key.json) ' +
        'written next to it by `offload keys paillier new`',
      'format',
    );
  }
  if (obj.format !== PRIVATE_FORMAT) {
    throw bad(file, `format must be ${PRIVATE_FORMAT}, got ${show(obj.format)}`, 'format');
  }
  const pub = publicFrom(obj, file);
  const p = hexField(obj, 'p', file);
  const q = hexField(obj, 'q', file);
  if (p * q !== pub.n) throw bad(file, 'p * q is not n', 'p');
  const problem = primeProblem(p, q, pub.bits);
  if (problem) throw bad(file, problem, 'p');
  return privateFromPrimes(p, q, pub.hs, pub.bits);
}

/** The kernels' paillierPublicKey blob: u32 LE bits, n and hs big-endian. */
export function publicKeyBlob(key: PaillierPublicKey): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32LE(key.bits);
  return Buffer.concat([head, toBytes(key.n, key.bits / 8), toBytes(key.hs, key.bits / 4)]);
}

/** The decrypt kernel's paillierPrivateKey blob: u32 LE bits, p, q, hp, hq, qInv. */
export function privateKeyBlob(key: PaillierPrivateKey): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32LE(key.bits);
  const half = key.bits / 16;
  const parts = [key.p, key.q, key.hp, key.hq, key.qInv].map((x) => toBytes(x, half));
  return Buffer.concat([head, ...parts]);
}

/** Kernel parameters for the public Paillier kernels from a public key file. */
export async function paillierKernelParams(pubFile: string): Promise<Record<string, ParamValue>> {
  return { paillierPublicKey: publicKeyBlob(await loadPublicKey(pubFile)) };
}
