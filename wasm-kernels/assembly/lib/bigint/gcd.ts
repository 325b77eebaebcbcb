// Binary GCD and modular inversion (Stein's algorithm) for public values: the
// ciphertexts a kernel checks and the products it inverts. Variable time on purpose;
// nothing here ever sees a private key or encryption randomness.
import {
  LIMB_BITS, LIMB_MASK, addLimbs, compare, copyLimbs, isZero as isZeroLimbs, limb, setLimb,
  subLimbs,
} from './limbs';

function isEven(a: usize): bool {
  return (limb(a, 0) & 1) == 0;
}

function isOne(a: usize, k: u32): bool {
  if (limb(a, 0) != 1) return false;
  for (let i: u32 = 1; i < k; i++) if (limb(a, i) != 0) return false;
  return true;
}

/** a >>= s for 0 < s < 27. */
function shiftRight(a: usize, k: u32, s: u32): void {
  for (let i: u32 = 0; i + 1 < k; i++) {
    const v = (limb(a, i) >> s) | ((limb(a, i + 1) << (LIMB_BITS - s)) & LIMB_MASK);
    setLimb(a, i, v);
  }
  setLimb(a, k - 1, limb(a, k - 1) >> s);
}

/** Strips the factors of 2 of a nonzero a, up to 26 bits a step. */
function stripTwos(a: usize, k: u32): void {
  while (isEven(a)) {
    let low = limb(a, 0);
    if (low == 0) {
      // A whole zero limb: move limbs down by one.
      for (let i: u32 = 0; i + 1 < k; i++) setLimb(a, i, limb(a, i + 1));
      setLimb(a, k - 1, 0);
      continue;
    }
    shiftRight(a, k, min<u32>(<u32>ctz(low), LIMB_BITS - 1));
  }
}

/**
 * True when gcd(a, n) = 1, for odd n. Both are k-limb numbers; `u` and `v` are
 * k-limb scratch. a = 0 gives false unless n = 1.
 */
export function coprime(a: usize, n: usize, k: u32, u: usize, v: usize): bool {
  copyLimbs(u, a, k);
  copyLimbs(v, n, k);
  if (isZeroLimbs(u, k)) return isOne(v, k);
  // n is odd, so factors of 2 in a do not change the answer. With u and v odd and
  // different, their difference is even and nonzero.
  stripTwos(u, k);
  while (true) {
    const c = compare(u, v, k);
    if (c == 0) return isOne(u, k);
    if (c > 0) {
      subLimbs(u, u, v, k);
      stripTwos(u, k);
    } else {
      subLimbs(v, v, u, k);
      stripTwos(v, k);
    }
  }
  return false;
}

/** x = x/2 mod m for odd m, x < m. */
function halveMod(x: usize, m: usize, k: u32): void {
  if (!isEven(x)) addLimbs(x, x, m, k);
  shiftRight(x, k, 1);
}

/** x = x - y mod m for x, y < m. */
function subMod(x: usize, y: usize, m: usize, k: u32): void {
  // On a borrow the limbs hold x - y + 2^(27k); adding m carries that power out.
  if (subLimbs(x, x, y, k) != 0) addLimbs(x, x, m, k);
}

/**
 * r = a^-1 mod m for odd m and 0 < a < m, by the binary extended Euclidean
 * algorithm. Returns false when a is not invertible. s holds 4 k-limb scratch numbers.
 */
export function invertMod(r: usize, a: usize, m: usize, k: u32, s: usize): bool {
  const stride = <usize>k << 2;
  const u = s;
  const v = s + stride;
  const x1 = s + 2 * stride;
  const x2 = s + 3 * stride;
  copyLimbs(u, a, k);
  copyLimbs(v, m, k);
  memory.fill(x1, 0, stride);
  memory.fill(x2, 0, stride);
  setLimb(x1, 0, 1);
  if (isZeroLimbs(u, k)) return false;
  // Invariants: x1*a = u and x2*a = v (mod m).
  while (!isOne(u, k) && !isOne(v, k)) {
    while (isEven(u)) {
      shiftRight(u, k, 1);
      halveMod(x1, m, k);
    }
    while (isEven(v)) {
      shiftRight(v, k, 1);
      halveMod(x2, m, k);
    }
    const c = compare(u, v, k);
    if (c == 0) return false; // gcd = u > 1
    if (c > 0) {
      subLimbs(u, u, v, k);
      subMod(x1, x2, m, k);
    } else {
      subLimbs(v, v, u, k);
      subMod(x2, x1, m, k);
    }
  }
  copyLimbs(r, isOne(u, k) ? x1 : x2, k);
  return true;
}
