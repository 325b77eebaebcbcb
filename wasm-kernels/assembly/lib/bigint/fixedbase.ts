// Fixed-base exponentiation with a precomputed table (the windowed method of
// Brickell, Gordon, McCurley and Wilson, without its digit sorting): for a base g and
// exponents of `bits` bits split into w-bit digits e_i, the table row i holds
// g^(d * 2^(w*i)) for every digit value d, so
//   g^e = prod_i row_i[e_i]
// costs one multiplication per digit and no squarings. Each lookup reads the whole
// row through selectCT, so neither timing nor memory access depends on e (the
// encryption randomness).
// The window width is the caller's choice; paillier-encrypt.ts records the measurements.
import { allocBytes, copyLimbs } from './limbs';
import { Mont, montMul } from './montgomery';
import { selectCT, window } from './exp';

export class FixedBase {
  w: u32;
  rows: u32;
  bits: u32;
  table: usize;
  tmp: usize;
  private rowBytes: usize;
  private stride: usize;

  /** Builds the table for base g (Montgomery form) and exponents of `bits` bits. */
  constructor(ctx: Mont, g: usize, bits: u32, w: u32) {
    const k = ctx.k;
    this.w = w;
    this.bits = bits;
    this.rows = (bits + w - 1) / w;
    this.stride = <usize>k << 2;
    this.rowBytes = this.stride << w;
    this.table = allocBytes(this.rowBytes * <usize>this.rows);
    this.tmp = allocBytes(this.stride);
    const power = allocBytes(this.stride);
    copyLimbs(power, g, k);
    const entries: u32 = 1 << w;
    for (let i: u32 = 0; i < this.rows; i++) {
      const row = this.table + <usize>i * this.rowBytes;
      copyLimbs(row, ctx.one, k);
      copyLimbs(row + this.stride, power, k);
      for (let d: u32 = 2; d < entries; d++) {
        const at = row + <usize>d * this.stride;
        montMul(at, at - this.stride, power, ctx);
      }
      // The next row's base: power^(2^w) = row[2^w - 1] * power.
      montMul(power, row + <usize>(entries - 1) * this.stride, power, ctx);
    }
  }

  /** r = g^e in Montgomery form, for a little-endian exponent of at most `bits` bits. */
  pow(r: usize, e: usize, ctx: Mont): void {
    const k = ctx.k;
    const w = this.w;
    const entries: u32 = 1 << w;
    selectCT(r, this.table, entries, k, window(e, 0, w));
    for (let i: u32 = 1; i < this.rows; i++) {
      const row = this.table + <usize>i * this.rowBytes;
      selectCT(this.tmp, row, entries, k, window(e, i * w, w));
      montMul(r, r, this.tmp, ctx);
    }
  }
}

/** Exponentiations that share each table row read (see FixedBatch.pow). */
export const BATCH: u32 = 4;

/**
 * Up to BATCH fixed-base exponentiations at once. A lookup in the table has to read the
 * whole row (64 entries, 39 KB at 2048 bits) to stay constant time, and the 6.6 MB
 * table does not stay in cache, so reading each row once for four exponents cuts the
 * memory traffic of an encryption by four; the masks of the four digits are applied
 * while the row's vector is in a register. Measured at 2048 bits, encryptions per CPU
 * second: one at a time about 310, four 402-427, eight 332 (eight accumulators and
 * their masks no longer fit the vector registers).
 */
export class FixedBatch {
  base: FixedBase;
  masks: usize;
  sel: usize;

  constructor(base: FixedBase, ctx: Mont) {
    this.base = base;
    this.masks = allocBytes(<usize>(BATCH << base.w) << 4);
    this.sel = allocBytes((<usize>ctx.k << 2) * <usize>BATCH);
  }

  /**
   * r[b] = g^e[b] (Montgomery form) for b < count: `rs` and `es` hold BATCH addresses
   * each (u32). Lanes past `count` are computed on a zero exponent and ignored.
   */
  pow(rs: usize, es: usize, count: u32, ctx: Mont): void {
    const fb = this.base;
    const k = ctx.k;
    const stride = <usize>k << 2;
    for (let i: u32 = 0; i < fb.rows; i++) {
      this.buildMasks(es, count, i * fb.w);
      this.selectRow(fb.table + <usize>i * (stride << fb.w), stride);
      for (let b: u32 = 0; b < count; b++) {
        const r = load<u32>(rs + (<usize>b << 2));
        const s = this.sel + <usize>b * stride;
        if (i == 0) memory.copy(r, s, stride);
        else montMul(r, r, s, ctx);
      }
    }
  }

  /** masks[d][b] = all ones when digit b is d, else zero (digits of absent lanes: none). */
  private buildMasks(es: usize, count: u32, pos: u32): void {
    const entries: u32 = 1 << this.base.w;
    for (let b: u32 = 0; b < BATCH; b++) {
      const digit = b < count ? window(load<u32>(es + (<usize>b << 2)), pos, this.base.w) : entries;
      for (let d: u32 = 0; d < entries; d++) {
        const at = this.masks + ((<usize>(d * BATCH + b)) << 4);
        v128.store(at, i32x4.splat(-<i32>(d == digit)));
      }
    }
  }

  /** sel[b] = row[digit b] for the four lanes, reading every entry of the row once. */
  private selectRow(row: usize, stride: usize): void {
    const entries: u32 = 1 << this.base.w;
    const sel = this.sel;
    for (let j: usize = 0; j < stride; j += 16) {
      let a0 = i64x2.splat(0);
      let a1 = a0;
      let a2 = a0;
      let a3 = a0;
      let src = row + j;
      let mask = this.masks;
      for (let d: u32 = 0; d < entries; d++) {
        const v = v128.load(src);
        a0 = v128.or(a0, v128.and(v, v128.load(mask)));
        a1 = v128.or(a1, v128.and(v, v128.load(mask, 16)));
        a2 = v128.or(a2, v128.and(v, v128.load(mask, 32)));
        a3 = v128.or(a3, v128.and(v, v128.load(mask, 48)));
        src += stride;
        mask += 64;
      }
      v128.store(sel + j, a0);
      v128.store(sel + stride + j, a1);
      v128.store(sel + 2 * stride + j, a2);
      v128.store(sel + 3 * stride + j, a3);
    }
  }
}
