// Constant-time variable-base scalar multiplication on Edwards25519, for secret scalars.
//
// Fixed 4-bit signed window: the scalar is recoded into 64 digits in [-8, 8], the
// multiples 1P..8P are precomputed in cached form, and each digit's multiple is taken
// from the table by a scan of all eight entries (no secret-dependent index or branch),
// then negated under a mask. 252 doublings and 64 additions in all, their field
// products paired (edwards.ts, field-pair.ts). Measured in a direct loop: 71 us of CPU
// for scalarMult, 66 us a point for scalarMult2, 108-115 us with one product at a time.
// The window's doublings are written out: as a three-turn loop they cost scalarMult 10%.
import {
  POINT_BYTES, cachedCondNeg, completedToExtended, completedToProjective,
  completedToProjective2, pointAddCached, pointDouble, pointIdentity, toCached,
} from './edwards';

// One multiplication's values live in a state block at these offsets, so that two
// multiplications (two points, one scalar) can run side by side in scalarMult2.
const TABLE: usize = 0; // 8 cached points
const ACC: usize = 8 * POINT_BYTES;
const SUM: usize = 9 * POINT_BYTES;
const PICK: usize = 10 * POINT_BYTES;
const P2: usize = 11 * POINT_BYTES;
const S0: usize = memory.data(12 * 192);
const S1: usize = memory.data(12 * 192);
const DIGITS: usize = memory.data(64);

/**
 * Recodes a 32-byte little-endian scalar below 2^255 into 64 signed radix-16 digits
 * e[i] in [-8, 8) (the last in [-8, 8]) with s = sum e[i] 16^i. Constant time.
 */
function recode(scalar: usize): void {
  for (let i: usize = 0; i < 32; i++) {
    const b = load<u8>(scalar + i);
    store<i8>(DIGITS + 2 * i, <i8>(b & 15));
    store<i8>(DIGITS + 2 * i + 1, <i8>(b >> 4));
  }
  let carry: i32 = 0;
  for (let i: usize = 0; i < 63; i++) {
    let e = <i32>load<i8>(DIGITS + i) + carry;
    carry = (e + 8) >> 4;
    e -= carry << 4;
    store<i8>(DIGITS + i, <i8>e);
  }
  store<i8>(DIGITS + 63, <i8>(<i32>load<i8>(DIGITS + 63) + carry));
}

/** 1 when a == b, else 0, for small non-negative ints; no branch. */
// @ts-ignore: decorator
@inline function equal(a: u32, b: u32): u32 {
  return <u32>((<u64>(a ^ b) - 1) >> 63);
}

/** 1 in lane 0 of the vectors at offsets 0, 48 and 96 of a cached point: the identity. */
// @ts-ignore: decorator
@inline function identityVector(at: usize): v128 {
  return at == 0 || at == 48 || at == 96 ? i32x4(1, 0, 0, 0) : i32x4.splat(0);
}

/**
 * PICK = e * P from the table, for a digit e in [-8, 8]. Constant time: every entry is
 * read, and each 16 bytes of the result pass through one bitselect per entry, held in
 * a register (a cachedCmov call per entry, which reloads and stores the result each
 * time, made the whole multiplication 3.5% slower).
 */
function select(m: usize, e: i32): void {
  const negative = <u32>(e >>> 31);
  const magnitude = <u32>(e - ((e & -(<i32>negative)) << 1)); // |e|
  const m1 = i32x4.splat(-(<i32>equal(magnitude, 1)));
  const m2 = i32x4.splat(-(<i32>equal(magnitude, 2)));
  const m3 = i32x4.splat(-(<i32>equal(magnitude, 3)));
  const m4 = i32x4.splat(-(<i32>equal(magnitude, 4)));
  const m5 = i32x4.splat(-(<i32>equal(magnitude, 5)));
  const m6 = i32x4.splat(-(<i32>equal(magnitude, 6)));
  const m7 = i32x4.splat(-(<i32>equal(magnitude, 7)));
  const m8 = i32x4.splat(-(<i32>equal(magnitude, 8)));
  for (let at: usize = 0; at < POINT_BYTES; at += 16) {
    let v = identityVector(at);
    const row = m + TABLE + at;
    v = v128.bitselect(v128.load(row), v, m1);
    v = v128.bitselect(v128.load(row + POINT_BYTES), v, m2);
    v = v128.bitselect(v128.load(row + 2 * POINT_BYTES), v, m3);
    v = v128.bitselect(v128.load(row + 3 * POINT_BYTES), v, m4);
    v = v128.bitselect(v128.load(row + 4 * POINT_BYTES), v, m5);
    v = v128.bitselect(v128.load(row + 5 * POINT_BYTES), v, m6);
    v = v128.bitselect(v128.load(row + 6 * POINT_BYTES), v, m7);
    v = v128.bitselect(v128.load(row + 7 * POINT_BYTES), v, m8);
    v128.store(m + PICK + at, v);
  }
  cachedCondNeg(m + PICK, negative);
}

/** TABLE[j - 1] = j * P in cached form, for j = 1..8, in block m. */
function buildTable(m: usize, p: usize): void {
  const table = m + TABLE, acc = m + ACC, sum = m + SUM;
  toCached(table, p);
  pointDouble(sum, p);
  completedToExtended(acc, sum); // 2P
  toCached(table + POINT_BYTES, acc);
  for (let j: usize = 2; j < 8; j++) {
    pointAddCached(sum, acc, table);
    completedToExtended(acc, sum); // (j + 1) P
    toCached(table + j * POINT_BYTES, acc);
  }
}

/** SUM (completed) = 2 ACC, ACC projective or extended: the first of a window's four. */
// @ts-ignore: decorator
@inline function doubleAcc(m: usize): void {
  pointDouble(m + SUM, m + ACC);
}

/** SUM = 2 SUM, through projective P2. */
// @ts-ignore: decorator
@inline function doubleSum(m: usize): void {
  pointDouble(m + SUM, m + P2);
}

/**
 * r = s * p for a secret 32-byte little-endian scalar s below 2^255 and an extended
 * point p. Time depends on neither s nor p. `r` may alias `p`.
 */
export function scalarMult(r: usize, p: usize, scalar: usize): void {
  const m = S0;
  buildTable(m, p);
  recode(scalar);
  pointIdentity(m + ACC);
  for (let i: i32 = 63; i >= 0; i--) {
    if (i != 63) {
      doubleAcc(m);
      completedToProjective(m + P2, m + SUM);
      doubleSum(m);
      completedToProjective(m + P2, m + SUM);
      doubleSum(m);
      completedToProjective(m + P2, m + SUM);
      doubleSum(m);
      completedToExtended(m + ACC, m + SUM);
    }
    select(m, <i32>load<i8>(DIGITS + <usize>i));
    pointAddCached(m + SUM, m + ACC, m + PICK);
    // Doubling needs no T: skip its multiplication except after the last digit.
    if (i == 0) completedToExtended(m + ACC, m + SUM);
    else completedToProjective(m + ACC, m + SUM);
  }
  memory.copy(r, m + ACC, POINT_BYTES);
  memory.fill(DIGITS, 0, 64);
}

/**
 * r = s * p and t = s * q for one secret scalar s and two extended points, in lock step:
 * the completed-to-projective conversions, which leave one product unpaired in a single
 * multiplication, pair their three products across the two (completedToProjective2).
 * Constant time as scalarMult; r may alias p and t may alias q.
 */
export function scalarMult2(r: usize, p: usize, t: usize, q: usize, scalar: usize): void {
  const m = S0, n = S1;
  buildTable(m, p);
  buildTable(n, q);
  recode(scalar);
  pointIdentity(m + ACC);
  pointIdentity(n + ACC);
  for (let i: i32 = 63; i >= 0; i--) {
    if (i != 63) {
      doubleAcc(m);
      doubleAcc(n);
      completedToProjective2(m + P2, m + SUM, n + P2, n + SUM);
      doubleSum(m);
      doubleSum(n);
      completedToProjective2(m + P2, m + SUM, n + P2, n + SUM);
      doubleSum(m);
      doubleSum(n);
      completedToProjective2(m + P2, m + SUM, n + P2, n + SUM);
      doubleSum(m);
      doubleSum(n);
      completedToExtended(m + ACC, m + SUM);
      completedToExtended(n + ACC, n + SUM);
    }
    const e = <i32>load<i8>(DIGITS + <usize>i);
    select(m, e);
    select(n, e);
    pointAddCached(m + SUM, m + ACC, m + PICK);
    pointAddCached(n + SUM, n + ACC, n + PICK);
    if (i == 0) {
      completedToExtended(m + ACC, m + SUM);
      completedToExtended(n + ACC, n + SUM);
    } else {
      completedToProjective2(m + ACC, m + SUM, n + ACC, n + SUM);
    }
  }
  memory.copy(r, m + ACC, POINT_BYTES);
  memory.copy(t, n + ACC, POINT_BYTES);
  memory.fill(DIGITS, 0, 64);
}
