// Modular exponentiation in Montgomery form.
//
// Exponents are little-endian byte strings followed by at least 4 zero bytes, so a
// window of up to 8 bits is one unaligned u32 load. The number of windows depends only
// on the exponent's declared bit length (public: the key size), never on its value.
import { allocBytes, copyLimbs } from './limbs';
import { Mont, montMul, montSqr } from './montgomery';

/** Bits [pos, pos + w) of a little-endian exponent, w <= 8. */
@inline export function window(e: usize, pos: u32, w: u32): u32 {
  return (load<u32>(e + <usize>(pos >> 3)) >> (pos & 7)) & ((1 << w) - 1);
}

/** Masks of selectCT: entry d's is all ones when d is the index, else zero. */
const SELECT_MASKS: usize = memory.data(16 << 6, 16);

/**
 * dst = table[index] where the table holds `entries` (at most 64) numbers of k limbs,
 * reading every entry and keeping one through a mask: the memory access pattern does
 * not depend on the index (a secret exponent digit). Each vector of the result is
 * gathered in a register across the entries, so nothing is stored per entry (0.63 against
 * 0.72 us for 32 entries at 2048 bits, against a loop that or-ed each entry into dst).
 * The masks are built once a call and each serves four vectors a step: 0.26 against
 * 0.63 us for 32 entries at 2048 bits (one vector a step, the mask rebuilt for each).
 */
export function selectCT(dst: usize, table: usize, entries: u32, k: u32, index: u32): void {
  for (let d: u32 = 0; d < entries; d++) {
    v128.store(SELECT_MASKS + (<usize>d << 4), i32x4.splat(-<i32>(d == index)));
  }
  const stride = <usize>k << 2;
  const masksEnd = SELECT_MASKS + (<usize>entries << 4);
  let j: usize = 0;
  for (; j + 64 <= stride; j += 64) {
    let a0 = i64x2.splat(0);
    let a1 = a0;
    let a2 = a0;
    let a3 = a0;
    let src = table + j;
    for (let mask = SELECT_MASKS; mask < masksEnd; mask += 16) {
      const x = v128.load(mask);
      a0 = v128.or(a0, v128.and(v128.load(src), x));
      a1 = v128.or(a1, v128.and(v128.load(src, 16), x));
      a2 = v128.or(a2, v128.and(v128.load(src, 32), x));
      a3 = v128.or(a3, v128.and(v128.load(src, 48), x));
      src += stride;
    }
    v128.store(dst + j, a0);
    v128.store(dst + j, a1, 16);
    v128.store(dst + j, a2, 32);
    v128.store(dst + j, a3, 48);
  }
  for (; j < stride; j += 16) {
    let acc = i64x2.splat(0);
    let src = table + j;
    for (let mask = SELECT_MASKS; mask < masksEnd; mask += 16) {
      acc = v128.or(acc, v128.and(v128.load(src), v128.load(mask)));
      src += stride;
    }
    v128.store(dst + j, acc);
  }
}

/** A scratch table of 2^w Montgomery numbers, reused across exponentiations. */
export class PowScratch {
  w: u32;
  table: usize;
  acc: usize;
  tmp: usize;
  constructor(ctx: Mont, w: u32) {
    this.w = w;
    const stride = <usize>ctx.k << 2;
    this.table = allocBytes(stride << w);
    this.acc = allocBytes(stride);
    this.tmp = allocBytes(stride);
  }
}

/**
 * r = base^e (Montgomery form in, Montgomery form out, both in [0, 2m)) for an
 * exponent of `bits` bits, with a fixed window: every window costs w squarings and
 * one multiplication whatever its digit, and the table entry is picked by selectCT.
 * Constant time in e; use it for private exponents.
 */
export function montPowCT(
  r: usize, base: usize, e: usize, bits: u32, ctx: Mont, s: PowScratch,
): void {
  const k = ctx.k;
  const stride = <usize>k << 2;
  const w = s.w;
  const entries: u32 = 1 << w;
  copyLimbs(s.table, ctx.one, k);
  copyLimbs(s.table + stride, base, k);
  for (let d: u32 = 2; d < entries; d++) {
    montMul(s.table + <usize>d * stride, s.table + <usize>(d - 1) * stride, base, ctx);
  }
  const windows = (bits + w - 1) / w;
  let pos = (windows - 1) * w;
  selectCT(s.acc, s.table, entries, k, window(e, pos, w));
  for (let i: u32 = 1; i < windows; i++) {
    pos -= w;
    for (let j: u32 = 0; j < w; j++) montSqr(s.acc, s.acc, ctx);
    selectCT(s.tmp, s.table, entries, k, window(e, pos, w));
    montMul(s.acc, s.acc, s.tmp, ctx);
  }
  copyLimbs(r, s.acc, k);
}

/**
 * r = base^e for a public exponent (a plaintext scalar, a weight): left to right,
 * 4-bit windows indexed directly and skipped when zero. Not constant time, on purpose:
 * the exponent is public.
 */
export function montPowPublic(
  r: usize, base: usize, e: usize, bits: u32, ctx: Mont, s: PowScratch,
): void {
  const k = ctx.k;
  const stride = <usize>k << 2;
  const w = s.w;
  const entries: u32 = 1 << w;
  copyLimbs(s.table, ctx.one, k);
  copyLimbs(s.table + stride, base, k);
  for (let d: u32 = 2; d < entries; d++) {
    montMul(s.table + <usize>d * stride, s.table + <usize>(d - 1) * stride, base, ctx);
  }
  const windows = (bits + w - 1) / w;
  let pos = (windows - 1) * w;
  copyLimbs(s.acc, s.table + <usize>window(e, pos, w) * stride, k);
  for (let i: u32 = 1; i < windows; i++) {
    pos -= w;
    for (let j: u32 = 0; j < w; j++) montSqr(s.acc, s.acc, ctx);
    const d = window(e, pos, w);
    if (d != 0) montMul(s.acc, s.acc, s.table + <usize>d * stride, ctx);
  }
  copyLimbs(r, s.acc, k);
}
