// Constant-time variable-base scalar multiplication on Edwards25519, for secret scalars.
//
// Fixed 4-bit signed window: the scalar is recoded into 64 digits in [-8, 8], the
// multiples 1P..8P are precomputed in cached form, and each digit's multiple is taken
// from the table by a scan of all eight entries (no secret-dependent index or branch),
// then negated under a mask. 252 doublings and 64 additions in all, their field
// products paired (edwards.ts, field-pair.ts). Measured: 75 us of CPU per multiply in a
// direct loop (115 us with one product at a time).
import {
  POINT_BYTES, cachedCondNeg, completedToExtended,
  completedToProjective, pointAddCached, pointDouble, pointIdentity, toCached,
} from './edwards';

const TABLE: usize = memory.data(8 * 192);
const DIGITS: usize = memory.data(64);
const ACC: usize = memory.data(192);
const SUM: usize = memory.data(192);
const PICK: usize = memory.data(192);
const P2: usize = memory.data(192);

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
function select(e: i32): void {
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
    const row = TABLE + at;
    v = v128.bitselect(v128.load(row), v, m1);
    v = v128.bitselect(v128.load(row + POINT_BYTES), v, m2);
    v = v128.bitselect(v128.load(row + 2 * POINT_BYTES), v, m3);
    v = v128.bitselect(v128.load(row + 3 * POINT_BYTES), v, m4);
    v = v128.bitselect(v128.load(row + 4 * POINT_BYTES), v, m5);
    v = v128.bitselect(v128.load(row + 5 * POINT_BYTES), v, m6);
    v = v128.bitselect(v128.load(row + 6 * POINT_BYTES), v, m7);
    v = v128.bitselect(v128.load(row + 7 * POINT_BYTES), v, m8);
    v128.store(PICK + at, v);
  }
  cachedCondNeg(PICK, negative);
}

/** TABLE[j - 1] = j * P in cached form, for j = 1..8. */
function buildTable(p: usize): void {
  toCached(TABLE, p);
  pointDouble(SUM, p);
  completedToExtended(ACC, SUM); // 2P
  toCached(TABLE + POINT_BYTES, ACC);
  for (let j: usize = 2; j < 8; j++) {
    pointAddCached(SUM, ACC, TABLE);
    completedToExtended(ACC, SUM); // (j + 1) P
    toCached(TABLE + j * POINT_BYTES, ACC);
  }
}

/**
 * r = s * p for a secret 32-byte little-endian scalar s below 2^255 and an extended
 * point p. Time depends on neither s nor p. `r` may alias `p`.
 */
export function scalarMult(r: usize, p: usize, scalar: usize): void {
  buildTable(p);
  recode(scalar);
  pointIdentity(ACC);
  for (let i: i32 = 63; i >= 0; i--) {
    if (i != 63) {
      pointDouble(SUM, ACC);
      completedToProjective(P2, SUM);
      pointDouble(SUM, P2);
      completedToProjective(P2, SUM);
      pointDouble(SUM, P2);
      completedToProjective(P2, SUM);
      pointDouble(SUM, P2);
      completedToExtended(ACC, SUM);
    }
    select(<i32>load<i8>(DIGITS + <usize>i));
    pointAddCached(SUM, ACC, PICK);
    // Doubling needs no T: skip its multiplication except after the last digit.
    if (i == 0) completedToExtended(ACC, SUM);
    else completedToProjective(ACC, SUM);
  }
  memory.copy(r, ACC, POINT_BYTES);
  memory.fill(DIGITS, 0, 64);
}
