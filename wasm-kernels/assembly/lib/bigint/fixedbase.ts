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
