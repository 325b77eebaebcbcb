// Two independent products in GF(2^255 - 19) at once, one in each 64-bit lane of the
// 128-bit vectors: i64x2.extmul_low_i32x4_s forms two 32 x 32 -> 64-bit limb products per
// instruction (one pmuldq after V8's lane unpacking on x64), where the scalar code of
// field.ts issues one imul per product. Elements keep field.ts's layout in memory; the
// limbs are interleaved on loading and separated on storing.
//
// Measured in V8 (Node 20, AMD EPYC, 2 shared cores), per pair of results: feMul2 65 ns
// against 102 ns for two feMul calls, feSq2 38 ns against 61 ns for two feSq calls. The
// rest is V8's lowering: two lane unpacks per extmul and spills of the 34 operand
// vectors, ~740 instructions for the 200 products; keeping both elements interleaved in
// memory saved the loading and separating shuffles (54 and 34 ns) but would make every
// other operation deal with the layout.
// A variant that paired the products of ONE multiplication was slower than scalar code
// (field.ts), because it had to sum the lanes back together; here no lane ever meets
// the other.
//
// Operand bounds: 19 times a limb of the second factor of a product (or of a squared
// operand) must fit an i32 lane, so its limbs lie in [-3 * 2^25, 3 * 2^25], a sum or
// difference of up to three carried elements; the first factor may be a sum of four
// (limbs in [-2^27, 2^27]). Column sums then stay below 2,300 * 2^50 < 2^62, so adding
// 2^62 makes them positive and the carries below can shift logically (x64 has no 64-bit
// arithmetic vector shift, and V8 emulates i64x2.shr_s with five instructions).
//
// Every function here runs in time independent of the values of its operands.

/** Limbs i of both operands in lanes 0 and 1, from their 4-limb vectors a and b. */
// @ts-ignore: decorator
@inline function lanesLow(a: v128, b: v128): v128 {
  return i32x4.shuffle(a, b, 0, 4, 1, 5); // [a0, b0, a1, b1]
}

// @ts-ignore: decorator
@inline function lanesHigh(a: v128, b: v128): v128 {
  return i32x4.shuffle(a, b, 2, 6, 3, 7); // [a2, b2, a3, b3]
}

/** Lanes 2 and 3 moved down to 0 and 1. */
// @ts-ignore: decorator
@inline function upper(v: v128): v128 {
  return i32x4.shuffle(v, v, 2, 3, 2, 3);
}

/** Both products f_i g_j of the pair, as i64x2. */
// @ts-ignore: decorator
@inline function p(f: v128, g: v128): v128 {
  return i64x2.extmul_low_i32x4_s(f, g);
}

// @ts-ignore: decorator
@inline function add(a: v128, b: v128): v128 {
  return i64x2.add(a, b);
}

/**
 * a + b + c + d + e as a chain: fewer values live at once than in a balanced tree, so
 * TurboFan spills less (feMul2: 798 machine instructions instead of 828, 3-6% faster).
 */
// @ts-ignore: decorator
@inline function sum5(a: v128, b: v128, c: v128, d: v128, e: v128): v128 {
  return add(add(add(add(a, b), c), d), e);
}

/** 19 x, the factor of a limb product that wraps past 2^255 (2^255 = 19 mod p). */
// @ts-ignore: decorator
@inline function x19(v: v128): v128 {
  return i32x4.mul(v, i32x4.splat(19));
}

/**
 * The rounded carry out of limb h of `width` bits: floor((h + 2^(width-1)) / 2^width),
 * taken with a logical shift after a bias of 2^62 (a multiple of 2^width).
 */
// @ts-ignore: decorator
@inline function carryOf(h: v128, width: i32): v128 {
  const biased = i64x2.add(h, i64x2.splat((<i64>1 << 62) + (<i64>1 << (width - 1))));
  return i64x2.sub(i64x2.shr_u(biased, width), i64x2.splat(<i64>1 << (62 - width)));
}

/** Limbs k and k+1 of the first result in lanes 0, 1 and of the second in lanes 2, 3. */
// @ts-ignore: decorator
@inline function narrow(hk: v128, hk1: v128): v128 {
  return i32x4.shuffle(hk, hk1, 0, 4, 2, 6);
}

/** The same carry chain as field.ts's carryStore, on both lanes; stores r and s. */
// @ts-ignore: decorator
@inline function carryStore2(
  r: usize, s: usize,
  h0: v128, h1: v128, h2: v128, h3: v128, h4: v128,
  h5: v128, h6: v128, h7: v128, h8: v128, h9: v128,
): void {
  let c: v128;
  c = carryOf(h0, 26); h1 = add(h1, c); h0 = i64x2.sub(h0, i64x2.shl(c, 26));
  c = carryOf(h4, 26); h5 = add(h5, c); h4 = i64x2.sub(h4, i64x2.shl(c, 26));
  c = carryOf(h1, 25); h2 = add(h2, c); h1 = i64x2.sub(h1, i64x2.shl(c, 25));
  c = carryOf(h5, 25); h6 = add(h6, c); h5 = i64x2.sub(h5, i64x2.shl(c, 25));
  c = carryOf(h2, 26); h3 = add(h3, c); h2 = i64x2.sub(h2, i64x2.shl(c, 26));
  c = carryOf(h6, 26); h7 = add(h7, c); h6 = i64x2.sub(h6, i64x2.shl(c, 26));
  c = carryOf(h3, 25); h4 = add(h4, c); h3 = i64x2.sub(h3, i64x2.shl(c, 25));
  c = carryOf(h7, 25); h8 = add(h8, c); h7 = i64x2.sub(h7, i64x2.shl(c, 25));
  c = carryOf(h4, 26); h5 = add(h5, c); h4 = i64x2.sub(h4, i64x2.shl(c, 26));
  c = carryOf(h8, 26); h9 = add(h9, c); h8 = i64x2.sub(h8, i64x2.shl(c, 26));
  c = carryOf(h9, 25); h9 = i64x2.sub(h9, i64x2.shl(c, 25));
  h0 = add(h0, add(c, add(i64x2.shl(c, 1), i64x2.shl(c, 4)))); // 19 c, no i64x2.mul
  c = carryOf(h0, 26); h1 = add(h1, c); h0 = i64x2.sub(h0, i64x2.shl(c, 26));

  const t01 = narrow(h0, h1);
  const t23 = narrow(h2, h3);
  const t45 = narrow(h4, h5);
  const t67 = narrow(h6, h7);
  const t89 = narrow(h8, h9);
  const zero = i32x4.splat(0);
  v128.store(r, i32x4.shuffle(t01, t23, 0, 1, 4, 5), 0);
  v128.store(r, i32x4.shuffle(t45, t67, 0, 1, 4, 5), 16);
  v128.store(r, i32x4.shuffle(t89, zero, 0, 1, 4, 5), 32);
  v128.store(s, i32x4.shuffle(t01, t23, 2, 3, 6, 7), 0);
  v128.store(s, i32x4.shuffle(t45, t67, 2, 3, 6, 7), 16);
  v128.store(s, i32x4.shuffle(t89, zero, 2, 3, 4, 5), 32);
}

/**
 * r = a b and s = c d, with the products and factors of field.ts's feMul. Outputs may
 * alias inputs: everything is loaded before anything is stored.
 */
export function feMul2(r: usize, a: usize, b: usize, s: usize, c: usize, d: usize): void {
  const fa = v128.load(a, 0), fb = v128.load(a, 16), fc = v128.load(a, 32);
  const fA = v128.load(c, 0), fB = v128.load(c, 16), fC = v128.load(c, 32);
  const ga = v128.load(b, 0), gb = v128.load(b, 16), gc = v128.load(b, 32);
  const gA = v128.load(d, 0), gB = v128.load(d, 16), gC = v128.load(d, 32);
  const f0 = lanesLow(fa, fA), f2 = lanesHigh(fa, fA), f4 = lanesLow(fb, fB);
  const f6 = lanesHigh(fb, fB), f8 = lanesLow(fc, fC);
  const f1 = upper(f0), f3 = upper(f2), f5 = upper(f4), f7 = upper(f6), f9 = upper(f8);
  const g0 = lanesLow(ga, gA), g2 = lanesHigh(ga, gA), g4 = lanesLow(gb, gB);
  const g6 = lanesHigh(gb, gB), g8 = lanesLow(gc, gC);
  const g1 = upper(g0), g3 = upper(g2), g5 = upper(g4), g7 = upper(g6), g9 = upper(g8);
  const g1x = x19(g1), g2x = x19(g2), g3x = x19(g3), g4x = x19(g4), g5x = x19(g5);
  const g6x = x19(g6), g7x = x19(g7), g8x = x19(g8), g9x = x19(g9);
  const f1d = i32x4.add(f1, f1), f3d = i32x4.add(f3, f3), f5d = i32x4.add(f5, f5);
  const f7d = i32x4.add(f7, f7), f9d = i32x4.add(f9, f9);
  const h0 = add(
    sum5(p(f0, g0), p(f1d, g9x), p(f2, g8x), p(f3d, g7x), p(f4, g6x)),
    sum5(p(f5d, g5x), p(f6, g4x), p(f7d, g3x), p(f8, g2x), p(f9d, g1x)),
  );
  const h1 = add(
    sum5(p(f0, g1), p(f1, g0), p(f2, g9x), p(f3, g8x), p(f4, g7x)),
    sum5(p(f5, g6x), p(f6, g5x), p(f7, g4x), p(f8, g3x), p(f9, g2x)),
  );
  const h2 = add(
    sum5(p(f0, g2), p(f1d, g1), p(f2, g0), p(f3d, g9x), p(f4, g8x)),
    sum5(p(f5d, g7x), p(f6, g6x), p(f7d, g5x), p(f8, g4x), p(f9d, g3x)),
  );
  const h3 = add(
    sum5(p(f0, g3), p(f1, g2), p(f2, g1), p(f3, g0), p(f4, g9x)),
    sum5(p(f5, g8x), p(f6, g7x), p(f7, g6x), p(f8, g5x), p(f9, g4x)),
  );
  const h4 = add(
    sum5(p(f0, g4), p(f1d, g3), p(f2, g2), p(f3d, g1), p(f4, g0)),
    sum5(p(f5d, g9x), p(f6, g8x), p(f7d, g7x), p(f8, g6x), p(f9d, g5x)),
  );
  const h5 = add(
    sum5(p(f0, g5), p(f1, g4), p(f2, g3), p(f3, g2), p(f4, g1)),
    sum5(p(f5, g0), p(f6, g9x), p(f7, g8x), p(f8, g7x), p(f9, g6x)),
  );
  const h6 = add(
    sum5(p(f0, g6), p(f1d, g5), p(f2, g4), p(f3d, g3), p(f4, g2)),
    sum5(p(f5d, g1), p(f6, g0), p(f7d, g9x), p(f8, g8x), p(f9d, g7x)),
  );
  const h7 = add(
    sum5(p(f0, g7), p(f1, g6), p(f2, g5), p(f3, g4), p(f4, g3)),
    sum5(p(f5, g2), p(f6, g1), p(f7, g0), p(f8, g9x), p(f9, g8x)),
  );
  const h8 = add(
    sum5(p(f0, g8), p(f1d, g7), p(f2, g6), p(f3d, g5), p(f4, g4)),
    sum5(p(f5d, g3), p(f6, g2), p(f7d, g1), p(f8, g0), p(f9d, g9x)),
  );
  const h9 = add(
    sum5(p(f0, g9), p(f1, g8), p(f2, g7), p(f3, g6), p(f4, g5)),
    sum5(p(f5, g4), p(f6, g3), p(f7, g2), p(f8, g1), p(f9, g0)),
  );
  carryStore2(r, s, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

/** r = a^2 and s = c^2 with field.ts's feSq products; outputs may alias inputs. */
export function feSq2(r: usize, a: usize, s: usize, c: usize): void {
  const fa = v128.load(a, 0), fb = v128.load(a, 16), fc = v128.load(a, 32);
  const fA = v128.load(c, 0), fB = v128.load(c, 16), fC = v128.load(c, 32);
  const f0 = lanesLow(fa, fA), f2 = lanesHigh(fa, fA), f4 = lanesLow(fb, fB);
  const f6 = lanesHigh(fb, fB), f8 = lanesLow(fc, fC);
  const f1 = upper(f0), f3 = upper(f2), f5 = upper(f4), f7 = upper(f6), f9 = upper(f8);
  const f0d = i32x4.add(f0, f0), f1d = i32x4.add(f1, f1), f2d = i32x4.add(f2, f2);
  const f3d = i32x4.add(f3, f3), f4d = i32x4.add(f4, f4), f5d = i32x4.add(f5, f5);
  const f6d = i32x4.add(f6, f6), f7d = i32x4.add(f7, f7), f8d = i32x4.add(f8, f8);
  const f9d = i32x4.add(f9, f9);
  const f1q = i32x4.add(f1d, f1d), f3q = i32x4.add(f3d, f3d), f5q = i32x4.add(f5d, f5d);
  const f7q = i32x4.add(f7d, f7d);
  const f5x = x19(f5), f6x = x19(f6), f7x = x19(f7), f8x = x19(f8), f9x = x19(f9);
  const h0 = add(
    add(p(f0, f0), p(f1q, f9x)),
    add(add(p(f2d, f8x), p(f3q, f7x)), add(p(f4d, f6x), p(f5d, f5x))),
  );
  const h1 = sum5(p(f0d, f1), p(f2d, f9x), p(f3d, f8x), p(f4d, f7x), p(f5d, f6x));
  const h2 = add(
    add(p(f0d, f2), p(f1d, f1)),
    add(add(p(f3q, f9x), p(f4d, f8x)), add(p(f5q, f7x), p(f6, f6x))),
  );
  const h3 = sum5(p(f0d, f3), p(f1d, f2), p(f4d, f9x), p(f5d, f8x), p(f6d, f7x));
  const h4 = add(
    add(p(f0d, f4), p(f1q, f3)),
    add(add(p(f2, f2), p(f5q, f9x)), add(p(f6d, f8x), p(f7d, f7x))),
  );
  const h5 = sum5(p(f0d, f5), p(f1d, f4), p(f2d, f3), p(f6d, f9x), p(f7d, f8x));
  const h6 = add(
    add(p(f0d, f6), p(f1q, f5)),
    add(add(p(f2d, f4), p(f3d, f3)), add(p(f7q, f9x), p(f8, f8x))),
  );
  const h7 = sum5(p(f0d, f7), p(f1d, f6), p(f2d, f5), p(f3d, f4), p(f8d, f9x));
  const h8 = add(
    add(p(f0d, f8), p(f1q, f7)),
    add(add(p(f2d, f6), p(f3q, f5)), add(p(f4, f4), p(f9d, f9x))),
  );
  const h9 = sum5(p(f0d, f9), p(f1d, f8), p(f2d, f7), p(f3d, f6), p(f4d, f5));
  carryStore2(r, s, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

// Exponentiations of two elements side by side, for callers that need the same power
// of two independent values (two X25519 ladders, the two halves of RFC 9380's
// hash_to_ristretto255). A "pair block" holds element 0 at its address and element 1
// 48 bytes on; the chain is field.ts's powHead, step for step.
const PZ: usize = memory.data(96);
const Z11: usize = memory.data(96);
const PA: usize = memory.data(96);
const PB: usize = memory.data(96);
const PT: usize = memory.data(96);

// @ts-ignore: decorator
@inline function mulBlocks(r: usize, f: usize, g: usize): void {
  feMul2(r, f, g, r + 48, f + 48, g + 48);
}

/** r = f^(2^n) for both elements of the pair blocks, n >= 1. */
function sqnBlocks(r: usize, f: usize, n: u32): void {
  feSq2(r, f, r + 48, f + 48);
  for (let i: u32 = 1; i < n; i++) feSq2(r, r, r + 48, r + 48);
}

/** Leaves z^(2^250 - 1) in PA and z^11 in Z11 for both elements z of PZ. */
function powHeadBlocks(): void {
  sqnBlocks(Z11, PZ, 1); // 2
  sqnBlocks(PA, Z11, 2); // 8
  mulBlocks(PA, PA, PZ); // 9
  mulBlocks(Z11, Z11, PA); // 11
  sqnBlocks(PB, Z11, 1); // 22
  mulBlocks(PA, PA, PB); // 31 = 2^5 - 1
  sqnBlocks(PB, PA, 5);
  mulBlocks(PA, PB, PA); // 2^10 - 1
  sqnBlocks(PB, PA, 10);
  mulBlocks(PB, PB, PA); // 2^20 - 1
  sqnBlocks(PT, PB, 20);
  mulBlocks(PB, PT, PB); // 2^40 - 1
  sqnBlocks(PB, PB, 10);
  mulBlocks(PA, PB, PA); // 2^50 - 1
  sqnBlocks(PB, PA, 50);
  mulBlocks(PB, PB, PA); // 2^100 - 1
  sqnBlocks(PT, PB, 100);
  mulBlocks(PB, PT, PB); // 2^200 - 1
  sqnBlocks(PB, PB, 50);
  mulBlocks(PA, PB, PA); // 2^250 - 1
}

// @ts-ignore: decorator
@inline function loadBlock(z: usize, w: usize): void {
  memory.copy(PZ, z, 48);
  memory.copy(PZ + 48, w, 48);
}

/** r = 1/z and s = 1/w (field.ts's feInvert on both); 0 maps to 0. */
export function feInvert2(r: usize, z: usize, s: usize, w: usize): void {
  loadBlock(z, w);
  powHeadBlocks();
  sqnBlocks(PA, PA, 5); // 2^255 - 32
  feMul2(r, PA, Z11, s, PA + 48, Z11 + 48); // p - 2
}

/** r = z^(2^252 - 3) and s = w^(2^252 - 3) (field.ts's fePow22523 on both). */
export function fePow22523x2(r: usize, z: usize, s: usize, w: usize): void {
  loadBlock(z, w);
  powHeadBlocks();
  sqnBlocks(PA, PA, 2); // 2^252 - 4
  feMul2(r, PA, PZ, s, PA + 48, PZ + 48); // 2^252 - 3
}
