// Fixed-base exponentiation with a precomputed table (the windowed method of
// Brickell, Gordon, McCurley and Wilson, without its digit sorting): for a base g and
// exponents of `bits` bits split into w-bit digits e_i, the table row i holds
// g^(d * 2^(w*i)) for every digit value d, so
//   g^e = prod_i row_i[e_i]
// costs one multiplication per digit and no squarings. Each lookup reads the whole
// row and keeps one entry through byte shuffles and masks held in registers
// (FixedBatch), so neither timing nor memory access depends on e (the encryption
// randomness): the digits only ever steer i8x16.swizzle's lanes and v128.and.
// The window width is the caller's choice; paillier-encrypt.ts records the measurements.
import { allocBytes, copyLimbs } from './limbs';
import { Mont, montMul } from './montgomery';
import { window } from './exp';

export class FixedBase {
  w: u32;
  rows: u32;
  bits: u32;
  /**
   * Row i holds g^(d * 2^(w*i)) for d < 2^w, transposed by byte: for each byte position
   * p of an entry and each group of 16 entries, the 16 entries' bytes p side by side
   * (FixedBatch.selectRow picks among them with byte shuffles). Needs w >= 4.
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
      transposeBytes(this.table + <usize>i * this.rowBytes, row, entries, stride);
    }
  }
}

/** dst[p][g][e] = byte p of entry 16g + e of src (`entries` entries of `stride` bytes). */
function transposeBytes(dst: usize, src: usize, entries: u32, stride: usize): void {
  let out = dst;
  for (let p: usize = 0; p < stride; p++) {
    for (let d: u32 = 0; d < entries; d++) {
      store<u8>(out, load<u8>(src + <usize>d * stride + p));
      out++;
    }
  }
}

/** Exponentiations that share each table row read (see FixedBatch.pow). */
export const BATCH: u32 = 32;

/**
 * Up to BATCH fixed-base exponentiations at once. A lookup in the table has to read the
 * whole row (256 entries, 152 KB at 2048 bits with w = 8) to stay constant time, and the
 * 20 MB table does not stay in cache, so each row is read once for 32 exponents.
 * Measured at 2048 bits, CPU time of one exponentiation, same run (the time beyond its
 * products in brackets):
 *   w = 6, four lanes, entries one after another, and/or masks     2111 us (403)
 *   w = 6, eight lanes, entries interleaved by 16-byte vector      1953 us (217)
 *   w = 7, eight lanes in two passes of four, interleaved          1750-1782 us (340-358)
 *   w = 7, eight lanes, byte-transposed, byte shuffles (selectRow)  1597-1643 us (156-207)
 *   w = 7, sixteen lanes, byte-transposed, byte shuffles            1536-1539 us (92-109)
 *   w = 8, sixteen lanes, byte-transposed, byte shuffles            1375-1377 us (136-148)
 *   w = 8, 32 lanes (two shuffles of each vector read)              1322-1341 us (75-96)
 * With and/or masks every entry costs two vector operations per lane; a byte shuffle
 * picks sixteen lanes' bytes out of sixteen entries at once, so the scan costs a few
 * operations per byte of the row for sixteen lanes, and its memory traffic per
 * exponentiation falls with every lane added.
 */
export class FixedBatch {
  base: FixedBase;
  /**
   * Two sets, for lanes 0..15 and 16..31: the low four bits of each lane's digit (byte
   * b of the first vector), then one mask per group of 16 entries.
   */
  masks: usize;
  sel: usize;
  /** Sixteen byte positions of the 32 lanes, before transposition. */
  gathered: usize;

  constructor(base: FixedBase, ctx: Mont) {
    this.base = base;
    this.masks = allocBytes(<usize>(1 + (1 << (base.w - 4))) << 5);
    this.sel = allocBytes((<usize>ctx.k << 2) * <usize>BATCH);
    this.gathered = allocBytes(512);
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

  /**
   * Byte b of a set's index vector is lane b's low four digit bits (0x80, which selects
   * zero, for absent lanes); byte b of group g's mask is all ones when the digit's high
   * bits are g. Built without branches on the digits.
   */
  private buildMasks(es: usize, count: u32, pos: u32): void {
    const w = this.base.w;
    const groups: u32 = 1 << (w - 4);
    const setBytes = (<usize>groups + 1) << 4;
    for (let set: usize = 0; set < 2; set++) {
      memory.fill(this.masks + set * setBytes, 0x80, 16);
      memory.fill(this.masks + set * setBytes + 16, 0, <usize>groups << 4);
    }
    for (let b: u32 = 0; b < count; b++) {
      const digit = window(load<u32>(es + (<usize>b << 2)), pos, w);
      const at = this.masks + <usize>(b >> 4) * setBytes + <usize>(b & 15);
      store<u8>(at, <u8>(digit & 15));
      const high = digit >> 4;
      for (let g: u32 = 0; g < groups; g++) {
        store<u8>(at + 16 + (<usize>g << 4), <u8>(-<i32>(g == high)));
      }
    }
  }

  /**
   * sel[b] = row[digit b] for every lane b, reading every entry of the row once: for each
   * byte position, one byte shuffle per group of 16 entries and set of 16 lanes picks
   * lane b's entry into byte b, and the group masks keep the right group. Sixteen
   * positions gathered that way are then transposed into the lanes' numbers.
   */
  private selectRow(row: usize, stride: usize): void {
    const groups: usize = <usize>1 << (this.base.w - 4);
    const setBytes = (groups + 1) << 4;
    const indexA = v128.load(this.masks);
    const indexB = v128.load(this.masks + setBytes);
    const masks = this.masks + 16;
    const masksEnd = masks + (groups << 4);
    let src = row;
    for (let p: usize = 0; p < stride; p += 16) {
      for (let q: usize = 0; q < 256; q += 16) {
        let a = i64x2.splat(0);
        let c = a;
        for (let m = masks; m < masksEnd; m += 16) {
          const v = v128.load(src);
          a = v128.or(a, v128.and(i8x16.swizzle(v, indexA), v128.load(m)));
          c = v128.or(c, v128.and(i8x16.swizzle(v, indexB), v128.load(m + setBytes)));
          src += 16;
        }
        v128.store(this.gathered + q, a);
        v128.store(this.gathered + q, c, 256);
      }
      transposeSixteen(this.gathered, this.sel + p, stride);
      transposeSixteen(this.gathered + 256, this.sel + (stride << 4) + p, stride);
    }
  }
}

/**
 * Rows r0..r15 of 16 bytes at `src` into sixteen vectors at dst + b*stride: vector b =
 * byte b of r0..r15. Four rounds of interleaving: bytes, pairs, quads, halves.
 */
function transposeSixteen(src: usize, dst: usize, stride: usize): void {
  let a = v128.load(src);
  let b = v128.load(src, 16);
  const x0 = lo8(a, b);
  const y0 = hi8(a, b);
  a = v128.load(src, 32);
  b = v128.load(src, 48);
  const x1 = lo8(a, b);
  const y1 = hi8(a, b);
  a = v128.load(src, 64);
  b = v128.load(src, 80);
  const x2 = lo8(a, b);
  const y2 = hi8(a, b);
  a = v128.load(src, 96);
  b = v128.load(src, 112);
  const x3 = lo8(a, b);
  const y3 = hi8(a, b);
  a = v128.load(src, 128);
  b = v128.load(src, 144);
  const x4 = lo8(a, b);
  const y4 = hi8(a, b);
  a = v128.load(src, 160);
  b = v128.load(src, 176);
  const x5 = lo8(a, b);
  const y5 = hi8(a, b);
  a = v128.load(src, 192);
  b = v128.load(src, 208);
  const x6 = lo8(a, b);
  const y6 = hi8(a, b);
  a = v128.load(src, 224);
  b = v128.load(src, 240);
  const x7 = lo8(a, b);
  const y7 = hi8(a, b);
  finishEight(dst, stride, x0, x1, x2, x3, x4, x5, x6, x7);
  finishEight(dst + (stride << 3), stride, y0, y1, y2, y3, y4, y5, y6, y7);
}

/** Lanes 0..7 from byte pairs x_j = (byte b of r(2j), of r(2j+1)) for b < 8. */
@inline function finishEight(
  dst: usize, stride: usize,
  x0: v128, x1: v128, x2: v128, x3: v128, x4: v128, x5: v128, x6: v128, x7: v128,
): void {
  // Quads: bytes b of r(4j)..r(4j+3) for b < 4 (low) and 4 <= b < 8 (high).
  const l0 = lo16(x0, x1);
  const l1 = lo16(x2, x3);
  const l2 = lo16(x4, x5);
  const l3 = lo16(x6, x7);
  const h0 = hi16(x0, x1);
  const h1 = hi16(x2, x3);
  const h2 = hi16(x4, x5);
  const h3 = hi16(x6, x7);
  storePair(dst, stride, 0, lo32(l0, l1), lo32(l2, l3));
  storePair(dst, stride, 2, hi32(l0, l1), hi32(l2, l3));
  storePair(dst, stride, 4, lo32(h0, h1), lo32(h2, h3));
  storePair(dst, stride, 6, hi32(h0, h1), hi32(h2, h3));
}

/** Lanes b and b+1 from eight-byte halves: (r0..r7 of b, of b+1) and (r8..r15 of both). */
@inline function storePair(dst: usize, stride: usize, b: usize, a: v128, c: v128): void {
  const low = i8x16.shuffle(a, c, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
  const high = i8x16.shuffle(a, c, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31);
  v128.store(dst + b * stride, low);
  v128.store(dst + (b + 1) * stride, high);
}

@inline function lo8(a: v128, b: v128): v128 {
  return i8x16.shuffle(a, b, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
}

@inline function hi8(a: v128, b: v128): v128 {
  return i8x16.shuffle(a, b, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
}

@inline function lo16(a: v128, b: v128): v128 {
  return i8x16.shuffle(a, b, 0, 1, 16, 17, 2, 3, 18, 19, 4, 5, 20, 21, 6, 7, 22, 23);
}

@inline function hi16(a: v128, b: v128): v128 {
  return i8x16.shuffle(a, b, 8, 9, 24, 25, 10, 11, 26, 27, 12, 13, 28, 29, 14, 15, 30, 31);
}

@inline function lo32(a: v128, b: v128): v128 {
  return i8x16.shuffle(a, b, 0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23);
}

@inline function hi32(a: v128, b: v128): v128 {
  return i8x16.shuffle(a, b, 8, 9, 10, 11, 24, 25, 26, 27, 12, 13, 14, 15, 28, 29, 30, 31);
}
