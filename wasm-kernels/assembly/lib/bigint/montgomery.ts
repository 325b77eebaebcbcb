// Montgomery arithmetic modulo an odd m (n², p², q², p, q) on 27-bit limbs.
//
// montMul computes a*b/R mod m with R = 2^(27k), k limbs, by operand scanning into
// an array T of u64 lanes: row i adds a*b[i] + m*q[i] to T shifted by i lanes, q[i]
// chosen so that lane i becomes divisible by 2^27; its carry then moves up one lane.
// Lanes never overflow (limbs.ts), so a row is plain i64x2.extmul multiply-adds with
// no carry chain. Two rows go in one pass: lane i+j gains
//   a[j]*b[i] + m[j]*q[i] + a[j-1]*b[i+1] + m[j-1]*q[i+1],
// which halves the loads and stores of T, and a pass moves T by 16 bytes (two u64
// lanes), so its vector loads meet the previous pass's stores at the same addresses.
//
// Inputs below 2m give an output below 2m because R > 4m (limbsFor keeps 2 spare
// bits): (2m)^2/R + m < 2m. Values stay in [0, 2m) through exponentiations and are
// reduced once at the end by condSubCT, without data-dependent branches.
//
// Measured on one shared core (AMD EPYC, Node 20), best of several runs of 400-500
// products (the machine is shared, so only same-run comparisons mean much):
//   4096-bit m   one row a pass                          19.0 us wall
//                two rows a pass                         16.2 us wall, 12.1 us CPU
//                two rows, eight lanes a step            10.6 us CPU (6-8% in A/B runs)
//   2048-bit m   one row a pass / two rows a pass         4.8 / 4.0 us wall
// i64x2.extmul costs two shuffles per two products on x64, which bounds this loop.
import {
  LIMB_BITS, LIMB_MASK, allocBytes, allocLimbs, condSubCT, copyLimbs, doubleMod,
  limb, setLimb, zeroLimbs,
} from './limbs';

export class Mont {
  /** Limbs per number (a multiple of 4). */
  k: u32;
  /** The modulus, with a zero limb below index 0 (read as m[j-1] by montMul). */
  m: usize;
  /** -m^-1 mod 2^27. */
  minv: u32;
  /** R mod m: 1 in Montgomery form. */
  one: usize;
  /** R^2 mod m: converts into Montgomery form. */
  r2: usize;
  /** R^3 mod m: converts x/R (a Montgomery reduction's output) into x*R. */
  r3: usize;
  /** Accumulator lanes, 2k + 4 u64. */
  t: usize;
  /** A copy of the multiplicand with a zero limb below index 0. */
  ap: usize;
  /** 2a for montSqr, with zero limbs above index k. */
  a2: usize;
  s0: usize;
  s1: usize;

  constructor(m: usize, k: u32) {
    this.k = k;
    this.m = allocLimbs(k + 4) + 16;
    copyLimbs(this.m, m, k);
    this.ap = allocLimbs(k + 4) + 16;
    this.a2 = allocLimbs(k + 8);
    this.minv = negInverse(limb(m, 0));
    this.t = allocBytes(<usize>(2 * k + 4) << 3);
    this.s0 = allocLimbs(k);
    this.s1 = allocLimbs(k);
    this.one = allocLimbs(k);
    this.r2 = allocLimbs(k);
    this.r3 = allocLimbs(k);
    this.buildConstants();
    montMul(this.r3, this.r2, this.r2, this);
  }

  /** R mod m and R^2 mod m by doubling 1: 27k doublings each, run once per key. */
  private buildConstants(): void {
    const k = this.k;
    setLimb(this.one, 0, 1);
    const steps = k * LIMB_BITS;
    for (let i: u32 = 0; i < steps; i++) doubleMod(this.one, this.m, k, this.s0);
    copyLimbs(this.r2, this.one, k);
    for (let i: u32 = 0; i < steps; i++) doubleMod(this.r2, this.m, k, this.s0);
  }
}

/** -x^-1 mod 2^27 for odd x, by Newton's iteration (each step doubles the good bits). */
function negInverse(x: u32): u32 {
  let y: u32 = x; // correct to 3 bits: x*x = 1 mod 8 for odd x
  for (let i = 0; i < 4; i++) y = y * (2 - x * y);
  return (0 - y) & LIMB_MASK;
}

@inline function lane(t: usize, i: usize): u64 {
  return load<u64>(t + (i << 3));
}

/** r = a*b/R mod m, in [0, 2m) for a, b in [0, 2m). r may alias a or b. */
export function montMul(r: usize, a: usize, b: usize, ctx: Mont): void {
  const k = <usize>ctx.k;
  const t = ctx.t;
  const m = ctx.m;
  const ap = ctx.ap;
  copyLimbs(ap, a, ctx.k);
  memory.fill(t, 0, (2 * k + 4) << 3);
  const a0 = <u64>limb(ap, 0);
  const a1 = <u64>limb(ap, 1);
  const m0 = <u64>limb(m, 0);
  const m1 = <u64>limb(m, 1);
  const aTop = <u64>limb(ap, ctx.k - 1);
  const mTop = <u64>limb(m, ctx.k - 1);
  const minv = <u64>ctx.minv;
  for (let i: usize = 0; i < k; i += 2) {
    const b0 = <u64>load<u32>(b + (i << 2));
    const b1 = <u64>load<u32>(b + (i << 2), 4);
    const ti = t + (i << 3);
    const t0 = lane(ti, 0) + a0 * b0;
    const q0 = (t0 * minv) & <u64>LIMB_MASK;
    const t1 = lane(ti, 1) + a1 * b0 + m1 * q0 + ((t0 + m0 * q0) >> LIMB_BITS) + a0 * b1;
    const q1 = (t1 * minv) & <u64>LIMB_MASK;
    rowPair(ti, ap, m, <u32>b0, <u32>q0, <u32>b1, <u32>q1, k);
    const top = ti + (k << 3);
    store<u64>(top, load<u64>(top) + aTop * b1 + mTop * q1);
    // Lanes i and i+1 are now multiples of 2^27: move their carries up.
    store<u64>(ti, load<u64>(ti, 8) + (load<u64>(ti) >> LIMB_BITS), 8);
    store<u64>(ti, load<u64>(ti, 16) + (load<u64>(ti, 8) >> LIMB_BITS), 16);
  }
  normalize(r, t + (k << 3), ctx.k);
}

@inline function rowPair(
  ti: usize, a: usize, m: usize, b0: u32, q0: u32, b1: u32, q1: u32, k: usize,
): void {
  const vb0 = i32x4.splat(<i32>b0);
  const vq0 = i32x4.splat(<i32>q0);
  const vb1 = i32x4.splat(<i32>b1);
  const vq1 = i32x4.splat(<i32>q1);
  // Eight lanes a step (two vectors of limbs), then one last vector when k/4 is odd:
  // 6-8% faster than four lanes a step at 4096 bits.
  let pa = a;
  let pm = m;
  let p = ti;
  const pairs = a + ((k >> 3) << 5);
  while (pa < pairs) {
    fourLanes(p, pa, pm, vb0, vq0, vb1, vq1);
    fourLanes(p + 32, pa + 16, pm + 16, vb0, vq0, vb1, vq1);
    pa += 32;
    pm += 32;
    p += 64;
  }
  if ((k & 4) != 0) fourLanes(p, pa, pm, vb0, vq0, vb1, vq1);
}

@inline function fourLanes(
  p: usize, pa: usize, pm: usize, vb0: v128, vq0: v128, vb1: v128, vq1: v128,
): void {
  const va = v128.load(pa);
  const vm = v128.load(pm);
  const wa = v128.load(pa - 4);
  const wm = v128.load(pm - 4);
  let lo = i64x2.add(i64x2.extmul_low_i32x4_u(va, vb0), i64x2.extmul_low_i32x4_u(vm, vq0));
  let hi = i64x2.add(i64x2.extmul_high_i32x4_u(va, vb0), i64x2.extmul_high_i32x4_u(vm, vq0));
  lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(wa, vb1));
  hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(wa, vb1));
  lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(wm, vq1));
  hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(wm, vq1));
  v128.store(p, i64x2.add(v128.load(p), lo));
  v128.store(p, i64x2.add(v128.load(p, 16), hi), 16);
}

/**
 * r = a*a/R mod m, in [0, 2m) for a in [0, 2m). r may alias a.
 *
 * The square first, by rows: lane i+j gains a[i] * 2a[j] for j > i and lane 2i gains
 * a[i]^2, about k^2/2 products instead of k^2 (a lane still sums at most 2k products
 * below 2^55 with the reduction, under 2^63). Then the Montgomery reduction of the
 * 2k lanes, two rows a pass as in montMul. Measured against montMul(a, a), CPU time,
 * best of 4 runs of 500: 14.5 against 16.0 us at 4096 bits, 4.1 against 4.5 us at 2048
 * (with one row a pass in the square it gained nothing: 15.4 against 15.9 us).
 *
 * The square goes four rows a pass: each pass adds its eight lanes around the diagonal
 * one by one (squareCorner), then runs the four rows side by side over 4-aligned lanes.
 * Against two rows a pass, best of 7 runs, same process: 7.8 against 8.3 us at 4096
 * bits, 2.16 against 2.25 us at 2048. Four rows a pass in the reduction gained nothing
 * (the loop is bound by i64x2.extmul's shuffles, not by the accumulator's loads and
 * stores), nor did four rows a pass in montMul.
 */
export function montSqr(r: usize, a: usize, ctx: Mont): void {
  const k = <usize>ctx.k;
  const t = ctx.t;
  const a2 = ctx.a2;
  memory.fill(t, 0, (2 * k + 4) << 3);
  for (let j: usize = 0; j < k << 2; j += 16) v128.store(a2 + j, i32x4.shl(v128.load(a + j), 1));
  for (let i: usize = 0; i < k; i += 4) {
    const x0 = <u64>load<u32>(a + (i << 2));
    const x1 = <u64>load<u32>(a + (i << 2), 4);
    const x2 = <u64>load<u32>(a + (i << 2), 8);
    const x3 = <u64>load<u32>(a + (i << 2), 12);
    squareCorner(t + (i << 4), a2 + (i << 2), x0, x1, x2, x3);
    const first: usize = 2 * i + 8;
    const last = i + k;
    if (first > last) continue;
    const v0 = i32x4.splat(<i32>x0);
    const v1 = i32x4.splat(<i32>x1);
    const v2 = i32x4.splat(<i32>x2);
    const v3 = i32x4.splat(<i32>x3);
    // Lane L gains a[i+s] * 2a[L-i-s] for s < 4; from L = 2i+8 on every such term is
    // above the diagonal, so the four rows run side by side.
    let pa = a2 + ((first - i) << 2);
    let p = t + (first << 3);
    const end = t + (last << 3);
    while (p < end) {
      fourLanesS(p, pa, v0, v1, v2, v3);
      pa += 16;
      p += 32;
    }
    fourLanesS(p, pa, v0, v1, v2, v3);
  }
  reduceLanes(r, ctx);
}

/**
 * Lanes 2i..2i+7 of rows i..i+3 of the square (`lanes` is lane 2i, d is 2a from limb i):
 * the diagonal terms a[i+s]^2 and the products a[i+s] * 2a[c] for i+s < c, c+i+s < 2i+8.
 */
@inline function squareCorner(lanes: usize, d: usize, x0: u64, x1: u64, x2: u64, x3: u64): void {
  const d1 = <u64>load<u32>(d, 4);
  const d2 = <u64>load<u32>(d, 8);
  const d3 = <u64>load<u32>(d, 12);
  const d4 = <u64>load<u32>(d, 16);
  const d5 = <u64>load<u32>(d, 20);
  const d6 = <u64>load<u32>(d, 24);
  const d7 = <u64>load<u32>(d, 28);
  store<u64>(lanes, load<u64>(lanes) + x0 * x0);
  store<u64>(lanes, load<u64>(lanes, 8) + x0 * d1, 8);
  store<u64>(lanes, load<u64>(lanes, 16) + x0 * d2 + x1 * x1, 16);
  store<u64>(lanes, load<u64>(lanes, 24) + x0 * d3 + x1 * d2, 24);
  store<u64>(lanes, load<u64>(lanes, 32) + x0 * d4 + x1 * d3 + x2 * x2, 32);
  store<u64>(lanes, load<u64>(lanes, 40) + x0 * d5 + x1 * d4 + x2 * d3, 40);
  store<u64>(lanes, load<u64>(lanes, 48) + x0 * d6 + x1 * d5 + x2 * d4 + x3 * x3, 48);
  store<u64>(lanes, load<u64>(lanes, 56) + x0 * d7 + x1 * d6 + x2 * d5 + x3 * d4, 56);
}

@inline function fourLanesS(p: usize, pa: usize, v0: v128, v1: v128, v2: v128, v3: v128): void {
  let va = v128.load(pa);
  let lo = i64x2.extmul_low_i32x4_u(va, v0);
  let hi = i64x2.extmul_high_i32x4_u(va, v0);
  va = v128.load(pa - 4);
  lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(va, v1));
  hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(va, v1));
  va = v128.load(pa - 8);
  lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(va, v2));
  hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(va, v2));
  va = v128.load(pa - 12);
  lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(va, v3));
  hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(va, v3));
  v128.store(p, i64x2.add(v128.load(p), lo));
  v128.store(p, i64x2.add(v128.load(p, 16), hi), 16);
}

@inline function fourLanesQ(p: usize, pm: usize, vq0: v128, vq1: v128): void {
  const vm = v128.load(pm);
  const wm = v128.load(pm - 4);
  const lo = i64x2.add(i64x2.extmul_low_i32x4_u(vm, vq0), i64x2.extmul_low_i32x4_u(wm, vq1));
  const hi = i64x2.add(i64x2.extmul_high_i32x4_u(vm, vq0), i64x2.extmul_high_i32x4_u(wm, vq1));
  v128.store(p, i64x2.add(v128.load(p), lo));
  v128.store(p, i64x2.add(v128.load(p, 16), hi), 16);
}

/** Montgomery reduction of the 2k lanes in ctx.t into r, two rows a pass. */
function reduceLanes(r: usize, ctx: Mont): void {
  const k = <usize>ctx.k;
  const t = ctx.t;
  const m = ctx.m;
  const m0 = <u64>limb(m, 0);
  const m1 = <u64>limb(m, 1);
  const mTop = <u64>limb(m, ctx.k - 1);
  const minv = <u64>ctx.minv;
  for (let i: usize = 0; i < k; i += 2) {
    const ti = t + (i << 3);
    const t0 = lane(ti, 0);
    const q0 = (t0 * minv) & <u64>LIMB_MASK;
    const t1 = lane(ti, 1) + m1 * q0 + ((t0 + m0 * q0) >> LIMB_BITS);
    const q1 = (t1 * minv) & <u64>LIMB_MASK;
    const vq0 = i32x4.splat(<i32>q0);
    const vq1 = i32x4.splat(<i32>q1);
    let pm = m;
    let p = ti;
    const pairs = m + ((k >> 3) << 5);
    while (pm < pairs) {
      fourLanesQ(p, pm, vq0, vq1);
      fourLanesQ(p + 32, pm + 16, vq0, vq1);
      pm += 32;
      p += 64;
    }
    if ((k & 4) != 0) fourLanesQ(p, pm, vq0, vq1);
    const top = ti + (k << 3);
    store<u64>(top, load<u64>(top) + mTop * q1);
    store<u64>(ti, load<u64>(ti, 8) + (load<u64>(ti) >> LIMB_BITS), 8);
    store<u64>(ti, load<u64>(ti, 16) + (load<u64>(ti, 8) >> LIMB_BITS), 16);
  }
  normalize(r, t + (k << 3), ctx.k);
}

/** Carries k lanes into k normalised limbs. The sum is below 2m < 2^(21k). */
function normalize(r: usize, lanes: usize, k: u32): void {
  let c: u64 = 0;
  for (let i: u32 = 0; i < k; i++) {
    const v = load<u64>(lanes + (<usize>i << 3)) + c;
    setLimb(r, i, <u32>v & LIMB_MASK);
    c = v >> LIMB_BITS;
  }
}

/**
 * r = x/R mod m in [0, 2m) for a wide x of xLimbs <= 2k limbs with x < R*m:
 * Montgomery reduction alone, used to bring a ciphertext mod n² down mod p².
 */
export function montReduceWide(r: usize, x: usize, xLimbs: u32, ctx: Mont): void {
  const k = <usize>ctx.k;
  const t = ctx.t;
  const m = ctx.m;
  memory.fill(t, 0, (2 * k + 4) << 3);
  for (let i: u32 = 0; i < xLimbs; i++) store<u64>(t + (<usize>i << 3), <u64>limb(x, i));
  const minv = <u64>ctx.minv;
  for (let i: usize = 0; i < k; i++) {
    const ti = t + (i << 3);
    const vq = i32x4.splat(<i32>((lane(ti, 0) * minv) & <u64>LIMB_MASK));
    for (let j: usize = 0; j < k; j += 4) {
      const vm = v128.load(m + (j << 2));
      const p = ti + (j << 3);
      v128.store(p, i64x2.add(v128.load(p), i64x2.extmul_low_i32x4_u(vm, vq)));
      v128.store(p, i64x2.add(v128.load(p, 16), i64x2.extmul_high_i32x4_u(vm, vq)), 16);
    }
    store<u64>(ti, load<u64>(ti, 8) + (load<u64>(ti) >> LIMB_BITS), 8);
  }
  normalize(r, t + (k << 3), ctx.k);
}

/** Into Montgomery form: a*R mod m (a below 2m). */
export function toMont(r: usize, a: usize, ctx: Mont): void {
  montMul(r, a, ctx.r2, ctx);
}

/** Out of Montgomery form, fully reduced to [0, m). */
export function fromMont(r: usize, a: usize, ctx: Mont): void {
  zeroLimbs(ctx.s1, ctx.k);
  setLimb(ctx.s1, 0, 1);
  montMul(r, a, ctx.s1, ctx);
  condSubCT(r, ctx.m, ctx.k, ctx.s0);
}

/** Fully reduces a value in [0, 2m) to [0, m), in constant time. */
export function reduceOnce(a: usize, ctx: Mont): void {
  condSubCT(a, ctx.m, ctx.k, ctx.s0);
}
