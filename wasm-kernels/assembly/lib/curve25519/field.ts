// Arithmetic in GF(2^255 - 19) for Curve25519 and ristretto255.
//
// An element is 10 signed i32 limbs in linear memory, padded with two unused limbs to
// 48 bytes (`usize` pointer) so that additions, subtractions and constant-time moves
// are three 128-bit vector operations: limb i holds 26 bits when i is even and 25 when
// odd, at bit ceil(25.5 i).
//
// WebAssembly has a 64-bit multiply but no 128-bit product, so the 5 x 51-bit layout of
// 64-bit C code would need four multiplies per limb product; 10 limbs keep every limb
// product and column sum inside an i64. Measured in V8 (Node 20, AMD EPYC at 2.45 GHz,
// 2 shared cores, TurboFan code): one multiply 51-56 ns, one squaring 28-30 ns. That is
// about 127 cycles for 100 products, near the floor of one 64-bit imul per cycle: the
// 34 operands (f, 2 f, g, 19 g) outlive x64's 16 registers, so TurboFan spills them and
// multiplies from the stack, ~4 instructions a product. A variant that paired the
// products of ONE multiplication with i64x2.extmul_low_i32x4_s was 1.0-1.3x slower: V8
// spends the saved multiplies on lane shuffles and extractions. Keeping only f in locals
// and loading g and 19 g per product from memory was 1.2x slower. Independent products
// go two at a time in field-pair.ts instead (1.6x the rate of two calls here), which is
// what the ladder, the Edwards formulas and the exponentiations use.
//
// Carries are signed and rounded, so a carried limb lies in [-2^25, 2^25] (even) or
// [-2^24, 2^24] (odd). `add` and `sub` do not carry: an operand of `mul` or `sq` may be
// the sum or difference of up to four carried elements (a column sum then stays below
// 1500 * 2^50 < 2^61).
//
// Every function here runs in time independent of the values of its operands.

export const FE_BYTES: usize = 48;

/** Scratch elements for the functions of this file; callers never share them. */
const T0: usize = memory.data(48);
const T1: usize = memory.data(48);
const T2: usize = memory.data(48);
const T3: usize = memory.data(48);
const BYTES: usize = memory.data(48);

// @ts-ignore: decorator
@inline function limb(f: usize, i: usize): i64 {
  return <i64>load<i32>(f + (i << 2));
}

export function feZero(h: usize): void {
  const z = i32x4.splat(0);
  v128.store(h, z, 0);
  v128.store(h, z, 16);
  v128.store(h, z, 32);
}

export function feOne(h: usize): void {
  feZero(h);
  store<i32>(h, 1);
}

export function feCopy(h: usize, f: usize): void {
  v128.store(h, v128.load(f, 0), 0);
  v128.store(h, v128.load(f, 16), 16);
  v128.store(h, v128.load(f, 32), 32);
}

export function feAdd(h: usize, f: usize, g: usize): void {
  v128.store(h, i32x4.add(v128.load(f, 0), v128.load(g, 0)), 0);
  v128.store(h, i32x4.add(v128.load(f, 16), v128.load(g, 16)), 16);
  v128.store(h, i32x4.add(v128.load(f, 32), v128.load(g, 32)), 32);
}

export function feSub(h: usize, f: usize, g: usize): void {
  v128.store(h, i32x4.sub(v128.load(f, 0), v128.load(g, 0)), 0);
  v128.store(h, i32x4.sub(v128.load(f, 16), v128.load(g, 16)), 16);
  v128.store(h, i32x4.sub(v128.load(f, 32), v128.load(g, 32)), 32);
}

export function feNeg(h: usize, f: usize): void {
  v128.store(h, i32x4.neg(v128.load(f, 0)), 0);
  v128.store(h, i32x4.neg(v128.load(f, 16)), 16);
  v128.store(h, i32x4.neg(v128.load(f, 32)), 32);
}

/** h = f when `flag` is 1, unchanged when 0; flag must be 0 or 1. */
export function feCmov(h: usize, f: usize, flag: u32): void {
  const mask = i32x4.splat(-(<i32>flag));
  v128.store(h, v128.bitselect(v128.load(f, 0), v128.load(h, 0), mask), 0);
  v128.store(h, v128.bitselect(v128.load(f, 16), v128.load(h, 16), mask), 16);
  v128.store(h, v128.bitselect(v128.load(f, 32), v128.load(h, 32), mask), 32);
}

/** Swaps f and g when `flag` is 1; flag must be 0 or 1. */
export function feCswap(f: usize, g: usize, flag: u32): void {
  const mask = i32x4.splat(-(<i32>flag));
  for (let at: usize = 0; at < 48; at += 16) {
    const a = v128.load(f + at);
    const b = v128.load(g + at);
    const x = v128.and(v128.xor(a, b), mask);
    v128.store(f + at, v128.xor(a, x));
    v128.store(g + at, v128.xor(b, x));
  }
}

/** Propagates carries through h0..h9 (i64) and stores the limbs of the result. */
// @ts-ignore: decorator
@inline function carryStore(
  h: usize,
  h0: i64, h1: i64, h2: i64, h3: i64, h4: i64,
  h5: i64, h6: i64, h7: i64, h8: i64, h9: i64,
): void {
  let c: i64;
  c = (h0 + (1 << 25)) >> 26; h1 += c; h0 -= c << 26;
  c = (h4 + (1 << 25)) >> 26; h5 += c; h4 -= c << 26;
  c = (h1 + (1 << 24)) >> 25; h2 += c; h1 -= c << 25;
  c = (h5 + (1 << 24)) >> 25; h6 += c; h5 -= c << 25;
  c = (h2 + (1 << 25)) >> 26; h3 += c; h2 -= c << 26;
  c = (h6 + (1 << 25)) >> 26; h7 += c; h6 -= c << 26;
  c = (h3 + (1 << 24)) >> 25; h4 += c; h3 -= c << 25;
  c = (h7 + (1 << 24)) >> 25; h8 += c; h7 -= c << 25;
  c = (h4 + (1 << 25)) >> 26; h5 += c; h4 -= c << 26;
  c = (h8 + (1 << 25)) >> 26; h9 += c; h8 -= c << 26;
  c = (h9 + (1 << 24)) >> 25; h0 += c * 19; h9 -= c << 25;
  c = (h0 + (1 << 25)) >> 26; h1 += c; h0 -= c << 26;
  store<i32>(h, <i32>h0, 0);
  store<i32>(h, <i32>h1, 4);
  store<i32>(h, <i32>h2, 8);
  store<i32>(h, <i32>h3, 12);
  store<i32>(h, <i32>h4, 16);
  store<i32>(h, <i32>h5, 20);
  store<i32>(h, <i32>h6, 24);
  store<i32>(h, <i32>h7, 28);
  store<i32>(h, <i32>h8, 32);
  store<i32>(h, <i32>h9, 36);
}

/**
 * h = f * g. Limb products wrap past 2^255 with a factor 19 (2^255 = 19 mod p), and
 * two odd limbs (each half a bit short of its weight) carry a factor 2.
 */
export function feMul(h: usize, f: usize, g: usize): void {
  const f0 = limb(f, 0), f1 = limb(f, 1), f2 = limb(f, 2), f3 = limb(f, 3), f4 = limb(f, 4);
  const f5 = limb(f, 5), f6 = limb(f, 6), f7 = limb(f, 7), f8 = limb(f, 8), f9 = limb(f, 9);
  const g0 = limb(g, 0), g1 = limb(g, 1), g2 = limb(g, 2), g3 = limb(g, 3), g4 = limb(g, 4);
  const g5 = limb(g, 5), g6 = limb(g, 6), g7 = limb(g, 7), g8 = limb(g, 8), g9 = limb(g, 9);
  const g1x = 19 * g1, g2x = 19 * g2, g3x = 19 * g3, g4x = 19 * g4, g5x = 19 * g5;
  const g6x = 19 * g6, g7x = 19 * g7, g8x = 19 * g8, g9x = 19 * g9;
  const f1d = 2 * f1, f3d = 2 * f3, f5d = 2 * f5, f7d = 2 * f7, f9d = 2 * f9;
  const h0 = f0 * g0 + f1d * g9x + f2 * g8x + f3d * g7x + f4 * g6x +
    f5d * g5x + f6 * g4x + f7d * g3x + f8 * g2x + f9d * g1x;
  const h1 = f0 * g1 + f1 * g0 + f2 * g9x + f3 * g8x + f4 * g7x +
    f5 * g6x + f6 * g5x + f7 * g4x + f8 * g3x + f9 * g2x;
  const h2 = f0 * g2 + f1d * g1 + f2 * g0 + f3d * g9x + f4 * g8x +
    f5d * g7x + f6 * g6x + f7d * g5x + f8 * g4x + f9d * g3x;
  const h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9x +
    f5 * g8x + f6 * g7x + f7 * g6x + f8 * g5x + f9 * g4x;
  const h4 = f0 * g4 + f1d * g3 + f2 * g2 + f3d * g1 + f4 * g0 +
    f5d * g9x + f6 * g8x + f7d * g7x + f8 * g6x + f9d * g5x;
  const h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 +
    f5 * g0 + f6 * g9x + f7 * g8x + f8 * g7x + f9 * g6x;
  const h6 = f0 * g6 + f1d * g5 + f2 * g4 + f3d * g3 + f4 * g2 +
    f5d * g1 + f6 * g0 + f7d * g9x + f8 * g8x + f9d * g7x;
  const h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 +
    f5 * g2 + f6 * g1 + f7 * g0 + f8 * g9x + f9 * g8x;
  const h8 = f0 * g8 + f1d * g7 + f2 * g6 + f3d * g5 + f4 * g4 +
    f5d * g3 + f6 * g2 + f7d * g1 + f8 * g0 + f9d * g9x;
  const h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 +
    f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;
  carryStore(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

/** h = f^2: the cross products of `mul` taken once and doubled, 55 products not 100. */
export function feSq(h: usize, f: usize): void {
  const f0 = limb(f, 0), f1 = limb(f, 1), f2 = limb(f, 2), f3 = limb(f, 3), f4 = limb(f, 4);
  const f5 = limb(f, 5), f6 = limb(f, 6), f7 = limb(f, 7), f8 = limb(f, 8), f9 = limb(f, 9);
  const f0d = 2 * f0, f1d = 2 * f1, f2d = 2 * f2, f3d = 2 * f3, f4d = 2 * f4;
  const f5d = 2 * f5, f6d = 2 * f6, f7d = 2 * f7;
  const f5x = 38 * f5, f6x = 19 * f6, f7x = 38 * f7, f8x = 19 * f8, f9x = 38 * f9;
  const h0 = f0 * f0 + f1d * f9x + f2d * f8x + f3d * f7x + f4d * f6x + f5 * f5x;
  const h1 = f0d * f1 + f2 * f9x + f3d * f8x + f4 * f7x + f5d * f6x;
  const h2 = f0d * f2 + f1d * f1 + f3d * f9x + f4d * f8x + f5d * f7x + f6 * f6x;
  const h3 = f0d * f3 + f1d * f2 + f4 * f9x + f5d * f8x + f6 * f7x;
  const h4 = f0d * f4 + f1d * f3d + f2 * f2 + f5d * f9x + f6d * f8x + f7 * f7x;
  const h5 = f0d * f5 + f1d * f4 + f2d * f3 + f6 * f9x + f7d * f8x;
  const h6 = f0d * f6 + f1d * f5d + f2d * f4 + f3d * f3 + f7d * f9x + f8 * f8x;
  const h7 = f0d * f7 + f1d * f6 + f2d * f5 + f3d * f4 + f8 * f9x;
  const h8 = f0d * f8 + f1d * f7d + f2d * f6 + f3d * f5d + f4 * f4 + f9 * f9x;
  const h9 = f0d * f9 + f1d * f8 + f2d * f7 + f3d * f6 + f4d * f5;
  carryStore(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

/** h = f^(2^n), n >= 1. */
export function feSqn(h: usize, f: usize, n: u32): void {
  feSq(h, f);
  for (let i: u32 = 1; i < n; i++) feSq(h, h);
}

/** h = f * k for a small constant k (121665 in the X25519 ladder). */
export function feMulSmall(h: usize, f: usize, k: i64): void {
  carryStore(
    h,
    limb(f, 0) * k, limb(f, 1) * k, limb(f, 2) * k, limb(f, 3) * k, limb(f, 4) * k,
    limb(f, 5) * k, limb(f, 6) * k, limb(f, 7) * k, limb(f, 8) * k, limb(f, 9) * k,
  );
}

/** Reads 32 little-endian bytes, ignoring the top bit (RFC 7748 §5, RFC 9496 §4.3.4). */
export function feFromBytes(h: usize, s: usize): void {
  memory.copy(BYTES, s, 32);
  store<u64>(BYTES + 32, 0);
  let at: u32 = 0;
  for (let i: usize = 0; i < 10; i++) {
    const width: u32 = (i & 1) == 0 ? 26 : 25;
    const word = load<u64>(BYTES + <usize>(at >> 3));
    const bits = (word >> <u64>(at & 7)) & ((<u64>1 << <u64>width) - 1);
    store<i32>(h + (i << 2), <i32>bits);
    at += width;
  }
  // Bit 255 lands above limb 9's 25 bits and is dropped by the mask.
}

/** Reduces f to its canonical limbs (each non-negative and below its width) in h. */
function feCanonical(h: usize, f: usize): void {
  // One carry pass first, so sums and differences that were never carried qualify.
  carryStore(
    h,
    limb(f, 0), limb(f, 1), limb(f, 2), limb(f, 3), limb(f, 4),
    limb(f, 5), limb(f, 6), limb(f, 7), limb(f, 8), limb(f, 9),
  );
  f = h;
  let h0 = limb(f, 0), h1 = limb(f, 1), h2 = limb(f, 2), h3 = limb(f, 3), h4 = limb(f, 4);
  let h5 = limb(f, 5), h6 = limb(f, 6), h7 = limb(f, 7), h8 = limb(f, 8), h9 = limb(f, 9);
  // q is floor(f / p) for a carried f: add 19 and see whether 2^255 is reached.
  let q = (19 * h9 + (1 << 24)) >> 25;
  q = (h0 + q) >> 26;
  q = (h1 + q) >> 25;
  q = (h2 + q) >> 26;
  q = (h3 + q) >> 25;
  q = (h4 + q) >> 26;
  q = (h5 + q) >> 25;
  q = (h6 + q) >> 26;
  q = (h7 + q) >> 25;
  q = (h8 + q) >> 26;
  q = (h9 + q) >> 25;
  h0 += 19 * q;
  let c: i64;
  c = h0 >> 26; h1 += c; h0 -= c << 26;
  c = h1 >> 25; h2 += c; h1 -= c << 25;
  c = h2 >> 26; h3 += c; h2 -= c << 26;
  c = h3 >> 25; h4 += c; h3 -= c << 25;
  c = h4 >> 26; h5 += c; h4 -= c << 26;
  c = h5 >> 25; h6 += c; h5 -= c << 25;
  c = h6 >> 26; h7 += c; h6 -= c << 26;
  c = h7 >> 25; h8 += c; h7 -= c << 25;
  c = h8 >> 26; h9 += c; h8 -= c << 26;
  h9 &= (1 << 25) - 1; // drops q * 2^255
  store<i32>(h, <i32>h0, 0);
  store<i32>(h, <i32>h1, 4);
  store<i32>(h, <i32>h2, 8);
  store<i32>(h, <i32>h3, 12);
  store<i32>(h, <i32>h4, 16);
  store<i32>(h, <i32>h5, 20);
  store<i32>(h, <i32>h6, 24);
  store<i32>(h, <i32>h7, 28);
  store<i32>(h, <i32>h8, 32);
  store<i32>(h, <i32>h9, 36);
}

/** Writes the canonical 32-byte little-endian encoding of f to s. */
export function feToBytes(s: usize, f: usize): void {
  feCanonical(T0, f);
  let acc: u64 = 0;
  let bits: u32 = 0;
  let out = s;
  for (let i: usize = 0; i < 10; i++) {
    acc |= (<u64>load<u32>(T0 + (i << 2))) << <u64>bits;
    bits += (i & 1) == 0 ? 26 : 25;
    while (bits >= 8) {
      store<u8>(out, <u8>acc);
      out++;
      acc >>= 8;
      bits -= 8;
    }
  }
  store<u8>(out, <u8>acc); // the last 7 bits
}

/** 1 when f is 0 mod p, else 0. */
export function feIsZero(f: usize): u32 {
  feCanonical(T1, f);
  let acc: i32 = 0;
  for (let i: usize = 0; i < 40; i += 4) acc |= load<i32>(T1 + i);
  return <u32>(((<u64>(<u32>acc)) - 1) >> 63);
}

/** 1 when f and g are equal mod p, else 0. */
export function feEq(f: usize, g: usize): u32 {
  feSub(T2, f, g);
  return feIsZero(T2);
}

/** RFC 9496 §2.1: 1 when the canonical encoding of f is odd ("negative"), else 0. */
export function feIsNegative(f: usize): u32 {
  feCanonical(T1, f);
  return <u32>load<i32>(T1) & 1;
}

/** h = -f when flag is 1, h = f when 0 (RFC 9496 CT_NEG). */
export function feCondNeg(h: usize, f: usize, flag: u32): void {
  feNeg(T3, f);
  if (h != f) feCopy(h, f);
  feCmov(h, T3, flag);
}

/** h = |f|: f or -f, whichever is non-negative (RFC 9496 CT_ABS). */
export function feAbs(h: usize, f: usize): void {
  feCondNeg(h, f, feIsNegative(f));
}

const Z11: usize = memory.data(48);
const A: usize = memory.data(48);
const B: usize = memory.data(48);

/** Leaves z^(2^250 - 1) in A and z^11 in Z11: the common head of both powers below. */
function powHead(z: usize): void {
  feSq(Z11, z); // 2
  feSqn(A, Z11, 2); // 8
  feMul(A, A, z); // 9
  feMul(Z11, Z11, A); // 11
  feSq(B, Z11); // 22
  feMul(A, A, B); // 31 = 2^5 - 1
  feSqn(B, A, 5);
  feMul(A, B, A); // 2^10 - 1
  feSqn(B, A, 10);
  feMul(B, B, A); // 2^20 - 1
  feSqn(T3, B, 20);
  feMul(B, T3, B); // 2^40 - 1
  feSqn(B, B, 10);
  feMul(A, B, A); // 2^50 - 1
  feSqn(B, A, 50);
  feMul(B, B, A); // 2^100 - 1
  feSqn(T3, B, 100);
  feMul(B, T3, B); // 2^200 - 1
  feSqn(B, B, 50);
  feMul(A, B, A); // 2^250 - 1
}

/** h = 1/z = z^(p - 2) (Fermat); 0 maps to 0. */
export function feInvert(h: usize, z: usize): void {
  powHead(z);
  feSqn(A, A, 5); // 2^255 - 32
  feMul(h, A, Z11); // 2^255 - 21 = p - 2
}

/** h = z^((p - 5) / 8) = z^(2^252 - 3), the power at the heart of SQRT_RATIO_M1. */
export function fePow22523(h: usize, z: usize): void {
  powHead(z);
  feSqn(A, A, 2); // 2^252 - 4
  feMul(h, A, z); // 2^252 - 3
}
