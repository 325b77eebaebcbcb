// SQRT_RATIO_M1 of RFC 9496 §4.2: the non-negative square root of u/v, or of
// SQRT_M1 * u/v when u/v is not a square, with one exponentiation and no division.
import { SQRT_M1 } from './constants';
import {
  feAbs, feCmov, feCopy, feEq, feMul, feNeg, fePow22523, feSq,
} from './field';

const V3: usize = memory.data(48);
const V7: usize = memory.data(48);
const R: usize = memory.data(48);
const CHECK: usize = memory.data(48);
const NEG_U: usize = memory.data(48);
const NEG_U_I: usize = memory.data(48);
const R_PRIME: usize = memory.data(48);

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

  feSq(CHECK, R);
  feMul(CHECK, CHECK, v);
  feNeg(NEG_U, u);
  feMul(NEG_U_I, NEG_U, SQRT_M1);
  const correct = feEq(CHECK, u);
  const flipped = feEq(CHECK, NEG_U);
  const flippedI = feEq(CHECK, NEG_U_I);

  feMul(R_PRIME, R, SQRT_M1);
  feCmov(R, R_PRIME, flipped | flippedI);
  feAbs(R, R);
  feCopy(r, R);
  return correct | flipped;
}
