// Fixed-base exponentiation with a precomputed table (the windowed method of
// Brickell, Gordon, McCurley and Wilson, without its digit sorting): for a base g and
// exponents of `bits` bits split into w-bit digits e_i, the table row i holds
// g^(d * 2^(w*i)) for every digit value d, so
//   g^e = prod_i row_i[e_i]
// costs one multiplication per digit and no squarings. Each lookup reads the whole
// row and keeps one entry through masks (FixedBatch), so neither timing nor memory
// access depends on e (the encryption randomness).
// The window width is the caller's choice; paillier-encrypt.ts records the measurements.
import { allocBytes, copyLimbs } from './limbs';
import { Mont, montMul } from './montgomery';
import { window } from './exp';

export class FixedBase {
  w: u32;
  rows: u32;
  bits: u32;
  /**
   * Row i holds g^(d * 2^(w*i)) for d < 2^w, interleaved by vector: the j-th 16 bytes of
   * every entry, d = 0, 1, ..., then the (j+1)-th, so that a constant-time scan of a
   * row reads it front to back.
   */
  table: usize;
  rowBytes: usize;

  /** Builds the table for base g (Montgomery form) and exponents of `bits` bits. */
  constructor(ctx: Mont, g: usize, bits: u32, w: u32) {
    const k = ctx.k;
    this.w = w;
    this.bits = bits;
    this.rows = (bits + w - 1) / w;
    const stride = <usize>k << 2;
    this.rowBytes = stride << w;
    this.table = allocBytes(this.rowBytes * <usize>this.rows);
    const entries: u32 = 1 << w;
    const row = allocBytes(this.rowBytes);
    const power = allocBytes(stride);
    copyLimbs(power, g, k);
    for (let i: u32 = 0; i < this.rows; i++) {
      copyLimbs(row, ctx.one, k);
      copyLimbs(row + stride, power, k);
      for (let d: u32 = 2; d < entries; d++) {
        const at = row + <usize>d * stride;
        montMul(at, at - stride, power, ctx);
      }
      // The next row's base: power^(2^w) = row[2^w - 1] * power.
      montMul(power, row + <usize>(entries - 1) * stride, power, ctx);
      interleave(this.table + <usize>i * this.rowBytes, row, entries, stride);
    }
  }
}

/** dst[j][d] = src[d][j] for 16-byte vectors j of `entries` entries of `stride` bytes. */
function interleave(dst: usize, src: usize, entries: u32, stride: usize): void {
  let out = dst;
  for (let j: usize = 0; j < stride; j += 16) {
    for (let d: u32 = 0; d < entries; d++) {
      v128.store(out, v128.load(src + <usize>d * stride + j));
      out += 16;
    }
  }
}

/** Exponentiations that share each table row read (see FixedBatch.pow). */
export const BATCH: u32 = 8;

/**
 * Up to BATCH fixed-base exponentiations at once. A lookup in the table has to read the
 * whole row (128 entries, 76 KB at 2048 bits with w = 7) to stay constant time, and the
 * 11 MB table does not stay in cache, so each row is read once for eight exponents; the
 * masks of the eight digits are applied while the row's vector is in a register.
 * Measured at 2048 bits, w = 6, CPU time of one exponentiation, same run (the time
 * beyond its 171 products in brackets):
 *   four lanes, entries one after another      2111 us (403)
 *   eight lanes, entries interleaved by vector  1953 us (217)
 *   sixteen lanes (two passes of eight)         1967 us (231)
 * Four lanes were bound by memory traffic, sixteen add nothing over eight. With the old
 * layout, eight lanes were slower than four (332 against 402-427 encryptions a second):
 * a column's 64 strided reads missed the prefetcher. At w = 7, two passes of four lanes
 * over each column beat one pass of eight (selectColumn): 320-392 against 401-425 us
 * beyond the products, three pairs of runs.
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
      this.selectRow(fb.table + <usize>i * fb.rowBytes, stride);
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

  /** sel[b] = row[digit b] for every lane b, reading every entry of the row once. */
  private selectRow(row: usize, stride: usize): void {
    const w = this.base.w;
    for (let j: usize = 0; j < stride; j += 16) {
      this.selectColumn(row + (j << w), j, stride, 0);
      this.selectColumn(row + (j << w), j, stride, 4);
    }
  }

  /**
   * The j-th vector of lanes g..g+3: the row's j-th vectors lie side by side
   * (FixedBase.table), so this reads 16 << w bytes front to back, and applies four
   * digits' masks while each vector is in a register. The second call for lanes 4..7
   * finds the column in the first-level cache. (Eight lanes in one pass ran out of vector
   * registers: TurboFan kept an accumulator on the stack, and the scan took twice as long.)
   */
  private selectColumn(src: usize, j: usize, stride: usize, g: u32): void {
    let a0 = i64x2.splat(0);
    let a1 = a0;
    let a2 = a0;
    let a3 = a0;
    let mask = this.masks + (<usize>g << 4);
    const end = src + (<usize>16 << this.base.w);
    while (src < end) {
      const v = v128.load(src);
      a0 = v128.or(a0, v128.and(v, v128.load(mask)));
      a1 = v128.or(a1, v128.and(v, v128.load(mask, 16)));
      a2 = v128.or(a2, v128.and(v, v128.load(mask, 32)));
      a3 = v128.or(a3, v128.and(v, v128.load(mask, 48)));
      src += 16;
      mask += <usize>BATCH << 4;
    }
    const sel = this.sel + j + <usize>g * stride;
    v128.store(sel, a0);
    v128.store(sel + stride, a1);
    v128.store(sel + 2 * stride, a2);
    v128.store(sel + 3 * stride, a3);
  }
}
