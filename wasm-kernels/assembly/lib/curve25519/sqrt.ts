// SQRT_RATIO_M1 of RFC 9496 §4.2: the non-negative square root of u/v, or of
// SQRT_M1 * u/v when u/v is not a square, with one exponentiation and no division.
import { SQRT_M1 } from './constants';
import {
  feAbs, feCmov, feCopy, feEq, feMul, feNeg, fePow22523, feSq,
} from './field';
import { feMul2, fePow22523x2, feSq2 } from './field-pair';

const V3: usize = memory.data(48);
const V7: usize = memory.data(48);
const R: usize = memory.data(48);
const CHECK: usize = memory.data(48);
const NEG_U: usize = memory.data(48);
const NEG_U_I: usize = memory.data(48);
const R_PRIME: usize = memory.data(48);

/**
 * The checks of RFC 9496 §4.2 on the candidate root R of u/v: writes the root to `r`
 * and returns was_square.
 */
function finish(r: usize, rr: usize, u: usize, v: usize): u32 {
  feSq(CHECK, rr);
  feMul(CHECK, CHECK, v);
  feNeg(NEG_U, u);
  feMul(NEG_U_I, NEG_U, SQRT_M1);
  const correct = feEq(CHECK, u);
  const flipped = feEq(CHECK, NEG_U);
  const flippedI = feEq(CHECK, NEG_U_I);

  feMul(R_PRIME, rr, SQRT_M1);
  feCmov(rr, R_PRIME, flipped | flippedI);
  feAbs(rr, rr);
  feCopy(r, rr);
  return correct | flipped;
}

/**
 * Writes the root to `r` and returns 1 when u/v was a square (RFC 9496 §4.2 was_square),
 * else 0. `r` may alias neither u nor v.
 */
export function sqrtRatioM1(r: usize, u: usize, v: usize): u32 {
  feSq(V3, v);
  feMul(V3, V3, v); // v^3
  feSq(V7, V3);
  feMul(V7, V7, v); // v^7
  feMul(R, u, V7);
  fePow22523(R, R); // (u v^7)^((p-5)/8)
  feMul(R, R, V3);
  feMul(R, R, u); // u v^3 (u v^7)^((p-5)/8)
  return finish(r, R, u, v);
}

const V3B: usize = memory.data(48);
const V7B: usize = memory.data(48);
const RB: usize = memory.data(48);

/**
 * sqrtRatioM1 of two independent ratios, u/v into r and w/x into s, with their products
 * and exponentiations paired (field-pair.ts). Returns was_square of u/v in bit 0 and of
 * w/x in bit 1. Neither root may alias an input.
 */
export function sqrtRatioM1x2(r: usize, u: usize, v: usize, s: usize, w: usize, x: usize): u32 {
  feSq2(V3, v, V3B, x);
  feMul2(V3, V3, v, V3B, V3B, x); // v^3
  feSq2(V7, V3, V7B, V3B);
  feMul2(V7, V7, v, V7B, V7B, x); // v^7
  feMul2(R, u, V7, RB, w, V7B);
  fePow22523x2(R, R, RB, RB);
  feMul2(R, R, V3, RB, RB, V3B);
  feMul2(R, R, u, RB, RB, w);
  const first = finish(r, R, u, v);
  return first | (finish(s, RB, w, x) << 1);
}
