// ristretto255 (RFC 9496 §4.3): decoding, encoding and the one-way map from 64
// uniform bytes. Group elements are Edwards25519 points in extended coordinates
// (edwards.ts); distinct points of one coset encode to the same 32 bytes.
import {
  D, D_MINUS_ONE_SQ, INVSQRT_A_MINUS_D, ONE_MINUS_D_SQ, SQRT_AD_MINUS_ONE, SQRT_M1,
} from './constants';
import { pointAdd } from './edwards';
import {
  feAbs, feAdd, feCmov, feCondNeg, feCopy, feFromBytes, feIsNegative, feIsZero, feMul,
  feNeg, feOne, feSq, feSub, feToBytes,
} from './field';
import { feMul2, feSq2 } from './field-pair';
import { sqrtRatioM1, sqrtRatioM1x2 } from './sqrt';

const X: usize = 0;
const Y: usize = 48;
const Z: usize = 96;
const T: usize = 144;

const ONE: usize = memory.data(48);
const S: usize = memory.data(48);
const SS: usize = memory.data(48);
const U1: usize = memory.data(48);
const U2: usize = memory.data(48);
const U2SQ: usize = memory.data(48);
const V: usize = memory.data(48);
const INVSQRT: usize = memory.data(48);
const DEN_X: usize = memory.data(48);
const DEN_Y: usize = memory.data(48);
const W: usize = memory.data(48);
const CANON: usize = memory.data(32);

/**
 * 1 when the 32 bytes at s are the canonical encoding of a field element (below p),
 * else 0. Constant time: the bytes compare against p = 2^255 - 19 without branching.
 */
function isCanonical(s: usize): u32 {
  feFromBytes(W, s);
  feToBytes(CANON, W);
  let diff: u32 = 0;
  for (let i: usize = 0; i < 32; i++) diff |= <u32>(load<u8>(s + i) ^ load<u8>(CANON + i));
  return <u32>((<u64>diff - 1) >> 63);
}

/**
 * RFC 9496 §4.3.1. Decodes 32 bytes at s into the extended point p and returns 1, or
 * returns 0 for an invalid encoding, leaving p unspecified. Runs in constant time
 * for valid encodings; which check refused an invalid one is not hidden.
 */
export function ristrettoDecode(p: usize, s: usize): u32 {
  // A non-canonical or negative s is refused before any arithmetic (§4.3.1 step 1).
  if (isCanonical(s) == 0) return 0;
  feFromBytes(S, s);
  if (feIsNegative(S) != 0) return 0;

  feOne(ONE);
  feSq(SS, S);
  feSub(U1, ONE, SS); // 1 + a s^2, a = -1
  feAdd(U2, ONE, SS); // 1 - a s^2
  feSq(U2SQ, U2);
  feSq(V, U1);
  feMul(V, V, D);
  feNeg(V, V);
  feSub(V, V, U2SQ); // -(D u1^2) - u2^2

  feMul(W, V, U2SQ);
  const wasSquare = sqrtRatioM1(INVSQRT, ONE, W);
  feMul(DEN_X, INVSQRT, U2);
  feMul(DEN_Y, INVSQRT, DEN_X);
  feMul(DEN_Y, DEN_Y, V);

  feAdd(W, S, S);
  feMul(W, W, DEN_X);
  feAbs(p + X, W); // |2 s den_x|
  feMul(p + Y, U1, DEN_Y);
  feOne(p + Z);
  feMul(p + T, p + X, p + Y);

  const bad = (wasSquare ^ 1) | feIsNegative(p + T) | feIsZero(p + Y);
  return bad ^ 1;
}

// An encoding's values, at these offsets of a block (two blocks for ristrettoEncode2).
const EU1: usize = 0;
const EU2: usize = 48;
const DEN1: usize = 96;
const DEN2: usize = 144;
const ZINV: usize = 192;
const IX: usize = 240;
const IY: usize = 288;
const EX: usize = 336;
const EY: usize = 384;
const DEN_INV: usize = 432;
const ENCHANTED: usize = 480;
const TMP: usize = 528;
const INV: usize = 576;
const E0: usize = memory.data(624);
const E1: usize = memory.data(624);

/** RFC 9496 §4.3.2 up to the inverse square root: u1, u2 and u1 u2^2 (in TMP). */
function encodeHead(e: usize, p: usize): void {
  feAdd(e + TMP, p + Z, p + Y);
  feSub(e + EU1, p + Z, p + Y);
  feMul(e + EU1, e + EU1, e + TMP); // (z0 + y0)(z0 - y0)
  feMul(e + EU2, p + X, p + Y);
  feSq(e + TMP, e + EU2);
  feMul(e + TMP, e + TMP, e + EU1);
}

/** The rest of RFC 9496 §4.3.2, from invsqrt in INV; writes the 32 bytes to `out`. */
function encodeTail(out: usize, e: usize, p: usize): void {
  feMul(e + DEN1, e + INV, e + EU1);
  feMul(e + DEN2, e + INV, e + EU2);
  feMul(e + ZINV, e + DEN1, e + DEN2);
  feMul(e + ZINV, e + ZINV, p + T);

  feMul(e + IX, p + X, SQRT_M1);
  feMul(e + IY, p + Y, SQRT_M1);
  feMul(e + ENCHANTED, e + DEN1, INVSQRT_A_MINUS_D);
  feMul(e + TMP, p + T, e + ZINV);
  const rotate = feIsNegative(e + TMP);
  feCopy(e + EX, p + X);
  feCopy(e + EY, p + Y);
  feCmov(e + EX, e + IY, rotate);
  feCmov(e + EY, e + IX, rotate);
  feCopy(e + DEN_INV, e + DEN2);
  feCmov(e + DEN_INV, e + ENCHANTED, rotate);

  feMul(e + TMP, e + EX, e + ZINV);
  feCondNeg(e + EY, e + EY, feIsNegative(e + TMP));
  feSub(e + TMP, p + Z, e + EY);
  feMul(e + TMP, e + DEN_INV, e + TMP);
  feAbs(e + TMP, e + TMP);
  feToBytes(out, e + TMP);
}

/** RFC 9496 §4.3.2: writes the 32-byte encoding of the extended point p to `out`. */
export function ristrettoEncode(out: usize, p: usize): void {
  encodeHead(E0, p);
  feOne(ONE);
  sqrtRatioM1(E0 + INV, ONE, E0 + TMP);
  encodeTail(out, E0, p);
}

/**
 * The encodings of two points, p to out1 and q to out2, their inverse square roots
 * sharing one paired exponentiation (sqrtRatioM1x2).
 */
export function ristrettoEncode2(out1: usize, p: usize, out2: usize, q: usize): void {
  encodeHead(E0, p);
  encodeHead(E1, q);
  feOne(ONE);
  sqrtRatioM1x2(E0 + INV, ONE, E0 + TMP, E1 + INV, ONE, E1 + TMP);
  encodeTail(out1, E0, p);
  encodeTail(out2, E1, q);
}

// The one-way map runs twice per element (RFC 9496 §4.3.4), on independent inputs, so
// the two runs go in lock step with their products paired (field-pair.ts) and their
// inverse square roots sharing one paired exponentiation. Each run keeps its values in
// a block at these offsets.
const MT: usize = 0;
const MR: usize = 48;
const MU: usize = 96;
const MV: usize = 144;
const MS: usize = 192;
const MSP: usize = 240;
const MC: usize = 288;
const MN: usize = 336;
const W0: usize = 384;
const W1: usize = 432;
const W2: usize = 480;
const W3: usize = 528;
const M0: usize = memory.data(576);
const M1: usize = memory.data(576);
const MINUS_ONE: usize = memory.data(48);

/** MAP up to SQRT_RATIO_M1: t from 32 bytes (top bit masked), r, u and v, both runs. */
function mapHead(a: usize, b: usize, bytes: usize): void {
  feFromBytes(a + MT, bytes); // reads mod 2^255, then works mod p
  feFromBytes(b + MT, bytes + 32);
  feSq2(a + MR, a + MT, b + MR, b + MT);
  feMul2(a + MR, a + MR, SQRT_M1, b + MR, b + MR, SQRT_M1); // r = SQRT_M1 t^2
  feAdd(a + MU, a + MR, ONE);
  feAdd(b + MU, b + MR, ONE);
  // u = (r + 1) ONE_MINUS_D_SQ
  feMul2(a + MU, a + MU, ONE_MINUS_D_SQ, b + MU, b + MU, ONE_MINUS_D_SQ);
  feMul2(a + MC, a + MR, D, b + MC, b + MR, D);
  feSub(a + MC, MINUS_ONE, a + MC); // -1 - r D
  feSub(b + MC, MINUS_ONE, b + MC);
  feAdd(a + MV, a + MR, D);
  feAdd(b + MV, b + MR, D);
  feMul2(a + MV, a + MC, a + MV, b + MV, b + MC, b + MV); // v = (-1 - r D)(r + D)
}

/** s and c of one run, from SQRT_RATIO_M1's root in MS and its was_square. */
function chooseRoot(m: usize, wasSquare: u32): void {
  feAbs(m + MSP, m + MSP);
  feNeg(m + MSP, m + MSP); // s' = -|s t|
  feCmov(m + MS, m + MSP, wasSquare ^ 1);
  feCopy(m + MC, m + MR);
  feCmov(m + MC, MINUS_ONE, wasSquare); // c = -1 if square else r
  feSub(m + MN, m + MR, ONE);
}

/** N, w0..w3 of both runs and the two points (completed to extended by the products). */
function mapTail(p: usize, q: usize, a: usize, b: usize): void {
  feMul2(a + MN, a + MC, a + MN, b + MN, b + MC, b + MN);
  feMul2(a + MN, a + MN, D_MINUS_ONE_SQ, b + MN, b + MN, D_MINUS_ONE_SQ);
  feSub(a + MN, a + MN, a + MV); // N = c (r - 1) D_MINUS_ONE_SQ - v
  feSub(b + MN, b + MN, b + MV);

  feMul2(a + W0, a + MS, a + MV, b + W0, b + MS, b + MV);
  feAdd(a + W0, a + W0, a + W0); // 2 s v
  feAdd(b + W0, b + W0, b + W0);
  feMul2(a + W1, a + MN, SQRT_AD_MINUS_ONE, b + W1, b + MN, SQRT_AD_MINUS_ONE);
  feSq2(a + W2, a + MS, b + W2, b + MS);
  // w2 and w3 of the RFC: w2 = 1 - s^2 (kept in W3), w3 = 1 + s^2 (kept in W2).
  feSub(a + W3, ONE, a + W2);
  feSub(b + W3, ONE, b + W2);
  feAdd(a + W2, ONE, a + W2);
  feAdd(b + W2, ONE, b + W2);
  feMul2(p + X, a + W0, a + W2, q + X, b + W0, b + W2); // w0 w3
  feMul2(p + Y, a + W3, a + W1, q + Y, b + W3, b + W1); // w2 w1
  feMul2(p + Z, a + W1, a + W2, q + Z, b + W1, b + W2); // w1 w3
  feMul2(p + T, a + W0, a + W3, q + T, b + W0, b + W3); // w0 w2
}

const P1: usize = memory.data(192);
const P2: usize = memory.data(192);

/**
 * RFC 9496 §4.3.4: the element derived from 64 uniform bytes, written to point p: MAP
 * of each half, the two runs side by side, then their sum.
 */
export function ristrettoFromUniform(p: usize, bytes: usize): void {
  feOne(ONE);
  feNeg(MINUS_ONE, ONE);
  mapHead(M0, M1, bytes);
  const square = sqrtRatioM1x2(M0 + MS, M0 + MU, M0 + MV, M1 + MS, M1 + MU, M1 + MV);
  feMul2(M0 + MSP, M0 + MS, M0 + MT, M1 + MSP, M1 + MS, M1 + MT);
  chooseRoot(M0, square & 1);
  chooseRoot(M1, square >> 1);
  mapTail(P1, P2, M0, M1);
  pointAdd(p, P1, P2);
}
