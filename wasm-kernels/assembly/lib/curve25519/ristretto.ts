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
import { sqrtRatioM1 } from './sqrt';

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

const EU1: usize = memory.data(48);
const EU2: usize = memory.data(48);
const DEN1: usize = memory.data(48);
const DEN2: usize = memory.data(48);
const ZINV: usize = memory.data(48);
const IX: usize = memory.data(48);
const IY: usize = memory.data(48);
const EX: usize = memory.data(48);
const EY: usize = memory.data(48);
const DEN_INV: usize = memory.data(48);
const ENCHANTED: usize = memory.data(48);
const TMP: usize = memory.data(48);

/** RFC 9496 §4.3.2: writes the 32-byte encoding of the extended point p to `out`. */
export function ristrettoEncode(out: usize, p: usize): void {
  feAdd(TMP, p + Z, p + Y);
  feSub(EU1, p + Z, p + Y);
  feMul(EU1, EU1, TMP); // (z0 + y0)(z0 - y0)
  feMul(EU2, p + X, p + Y);

  feSq(TMP, EU2);
  feMul(TMP, TMP, EU1);
  feOne(ONE);
  sqrtRatioM1(INVSQRT, ONE, TMP);
  feMul(DEN1, INVSQRT, EU1);
  feMul(DEN2, INVSQRT, EU2);
  feMul(ZINV, DEN1, DEN2);
  feMul(ZINV, ZINV, p + T);

  feMul(IX, p + X, SQRT_M1);
  feMul(IY, p + Y, SQRT_M1);
  feMul(ENCHANTED, DEN1, INVSQRT_A_MINUS_D);
  feMul(TMP, p + T, ZINV);
  const rotate = feIsNegative(TMP);
  feCopy(EX, p + X);
  feCopy(EY, p + Y);
  feCmov(EX, IY, rotate);
  feCmov(EY, IX, rotate);
  feCopy(DEN_INV, DEN2);
  feCmov(DEN_INV, ENCHANTED, rotate);

  feMul(TMP, EX, ZINV);
  feCondNeg(EY, EY, feIsNegative(TMP));
  feSub(TMP, p + Z, EY);
  feMul(TMP, DEN_INV, TMP);
  feAbs(TMP, TMP);
  feToBytes(out, TMP);
}

const MT: usize = memory.data(48);
const MR: usize = memory.data(48);
const MU: usize = memory.data(48);
const MV: usize = memory.data(48);
const MS: usize = memory.data(48);
const MSP: usize = memory.data(48);
const MC: usize = memory.data(48);
const MN: usize = memory.data(48);
const W0: usize = memory.data(48);
const W1: usize = memory.data(48);
const W2: usize = memory.data(48);
const W3: usize = memory.data(48);
const MINUS_ONE: usize = memory.data(48);

/** RFC 9496 §4.3.4 MAP: the field element at t (32 bytes, top bit masked) to point p. */
function map(p: usize, bytes: usize): void {
  feFromBytes(MT, bytes); // reads mod 2^255, then works mod p
  feOne(ONE);
  feNeg(MINUS_ONE, ONE);

  feSq(MR, MT);
  feMul(MR, MR, SQRT_M1); // r = SQRT_M1 t^2
  feAdd(MU, MR, ONE);
  feMul(MU, MU, ONE_MINUS_D_SQ); // u = (r + 1) ONE_MINUS_D_SQ
  feMul(MC, MR, D);
  feSub(MC, MINUS_ONE, MC); // -1 - r D
  feAdd(MV, MR, D);
  feMul(MV, MC, MV); // v = (-1 - r D)(r + D)

  const wasSquare = sqrtRatioM1(MS, MU, MV);
  feMul(MSP, MS, MT);
  feAbs(MSP, MSP);
  feNeg(MSP, MSP); // s' = -|s t|
  feCmov(MS, MSP, wasSquare ^ 1);
  feCopy(MC, MR);
  feCmov(MC, MINUS_ONE, wasSquare); // c = -1 if square else r

  feSub(MN, MR, ONE);
  feMul(MN, MC, MN);
  feMul(MN, MN, D_MINUS_ONE_SQ);
  feSub(MN, MN, MV); // N = c (r - 1) D_MINUS_ONE_SQ - v

  feMul(W0, MS, MV);
  feAdd(W0, W0, W0); // 2 s v
  feMul(W1, MN, SQRT_AD_MINUS_ONE);
  feSq(W2, MS);
  feSub(W3, ONE, W2); // 1 - s^2 (kept in W3 for a moment)
  feAdd(W2, ONE, W2); // 1 + s^2
  // w2 and w3 of the RFC: w2 = 1 - s^2, w3 = 1 + s^2.
  feMul(p + X, W0, W2); // w0 w3
  feMul(p + Y, W3, W1); // w2 w1
  feMul(p + Z, W1, W2); // w1 w3
  feMul(p + T, W0, W3); // w0 w2
}

const P1: usize = memory.data(192);
const P2: usize = memory.data(192);

/** RFC 9496 §4.3.4: the element derived from 64 uniform bytes, written to point p. */
export function ristrettoFromUniform(p: usize, bytes: usize): void {
  map(P1, bytes);
  map(P2, bytes + 32);
  pointAdd(p, P1, P2);
}
