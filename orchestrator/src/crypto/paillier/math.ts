// BigInt number theory for Paillier keys on the host: key generation, checks and the
// plain reference implementation. Not constant time (BigInt is not); the kernels do
// the bulk and secret-dependent work.

export function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

export function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** a^-1 mod m; throws a RangeError when a is not invertible. */
export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(a, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new RangeError(`modInverse: ${a} is not invertible mod ${m}`);
  return mod(oldS, m);
}

/** base^e mod m, left to right over the bits of e (e >= 0). */
export function modPow(base: bigint, e: bigint, m: bigint): bigint {
  let result = 1n;
  const b = mod(base, m);
  for (const bit of e.toString(2)) {
    result = (result * result) % m;
    if (bit === '1') result = (result * b) % m;
  }
  return result;
}

/** Fixed-size big-endian bytes of a non-negative integer below 2^(8*size). */
export function toBytes(x: bigint, size: number): Buffer {
  const hex = x.toString(16);
  if (hex.length > size * 2) throw new RangeError(`toBytes: ${x} does not fit ${size} bytes`);
  return Buffer.from(hex.padStart(size * 2, '0'), 'hex');
}

export function fromBytes(b: Buffer): bigint {
  return b.length === 0 ? 0n : BigInt('0x' + b.toString('hex'));
}
