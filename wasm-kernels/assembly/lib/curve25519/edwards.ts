// Edwards25519 (-x^2 + y^2 = 1 + d x^2 y^2) in the coordinates of Hisil, Wong, Carter
// and Dawson, "Twisted Edwards Curves Revisited" (2008), with a = -1:
//
//   extended   (X : Y : Z : T)   x = X/Z, y = Y/Z, x y = T/Z
//   projective (X : Y : Z)       the same without T, enough to double
//   completed  ((X : Z), (Y : T)) x = X/Z, y = Y/T, what add and double produce
//   cached     (Y+X, Y-X, Z, 2dT) a point prepared to be added
//
// A point is four padded field elements, POINT_BYTES = 192 bytes in linear memory; the
// layouts share offsets so a completed or extended point can be read as projective.
import { D2 } from './constants';
import {
  feAdd, feCmov, feCopy, feCswap, feMul, feNeg, feOne, feSub, feZero,
} from './field';
import { feMul2, feSq2 } from './field-pair';

export const POINT_BYTES: usize = 192;
const X: usize = 0;
const Y: usize = 48;
const Z: usize = 96;
const T: usize = 144;

const A: usize = memory.data(48);
const B: usize = memory.data(48);
const C: usize = memory.data(48);
const E: usize = memory.data(48);

export function pointIdentity(p: usize): void {
  feZero(p + X);
  feOne(p + Y);
  feOne(p + Z);
  feZero(p + T);
}

export function pointCopy(p: usize, q: usize): void {
  memory.copy(p, q, POINT_BYTES);
}

/** c = p prepared for addition. */
export function toCached(c: usize, p: usize): void {
  feAdd(c + X, p + Y, p + X);
  feSub(c + Y, p + Y, p + X);
  feCopy(c + Z, p + Z);
  feMul(c + T, p + T, D2);
}

// A completed point's T may be a sum of four carried elements (2 Z^2 - Y^2 + X^2 after a
// doubling) and its X of three, so T is always the first factor of a paired product
// and X never the second beside it (the operand bounds of field-pair.ts).

/** Completed to projective: 3 multiplications, two of them paired. */
export function completedToProjective(r: usize, p: usize): void {
  feMul(A, p + T, p + Z);
  feMul2(r + X, p + T, p + X, r + Y, p + Y, p + Z);
  feCopy(r + Z, A);
}

/** completedToProjective of two points, r from p and s from q: three pairs. */
export function completedToProjective2(r: usize, p: usize, s: usize, q: usize): void {
  // Each output slot is written after its point's last read of that slot.
  feMul2(r + X, p + T, p + X, s + X, q + T, q + X);
  feMul2(r + Y, p + Y, p + Z, s + Y, q + Y, q + Z);
  feMul2(r + Z, p + T, p + Z, s + Z, q + T, q + Z);
}

/** Completed to extended: 4 multiplications in two pairs. */
export function completedToExtended(r: usize, p: usize): void {
  feMul2(A, p + T, p + X, B, p + Y, p + Z);
  feMul2(r + Z, p + T, p + Z, r + T, p + X, p + Y);
  feCopy(r + X, A);
  feCopy(r + Y, B);
}

/** r (completed) = 2p, p projective: 4 squarings (HWCD "dbl-2008-hwcd"). */
export function pointDouble(r: usize, p: usize): void {
  feAdd(E, p + X, p + Y);
  feSq2(A, p + X, B, p + Y); // X^2, Y^2
  feSq2(C, p + Z, E, E); // Z^2, (X + Y)^2
  feAdd(C, C, C); // 2 Z^2
  feAdd(r + Y, B, A);
  feSub(r + Z, B, A);
  feSub(r + X, E, r + Y);
  feSub(r + T, C, r + Z);
}

/** r (completed) = p + q, p extended, q cached: 4 multiplications ("add-2008-hwcd-3"). */
export function pointAddCached(r: usize, p: usize, q: usize): void {
  feAdd(A, p + Y, p + X);
  feSub(B, p + Y, p + X);
  feMul2(A, A, q + X, B, B, q + Y); // (Y1 + X1)(Y2 + X2), (Y1 - X1)(Y2 - X2)
  feMul2(C, p + T, q + T, E, p + Z, q + Z); // 2d T1 T2, Z1 Z2
  feAdd(E, E, E); // 2 Z1 Z2
  feSub(r + X, A, B);
  feAdd(r + Y, A, B);
  feAdd(r + Z, E, C);
  feSub(r + T, E, C);
}

/** c = -c when flag is 1: swap Y+X with Y-X and negate 2dT. Constant time. */
export function cachedCondNeg(c: usize, flag: u32): void {
  feCswap(c + X, c + Y, flag);
  feNeg(C, c + T);
  feCmov(c + T, C, flag);
}

const SUM: usize = memory.data(192);
const CACHED: usize = memory.data(192);

/** r (extended) = p + q, both extended. */
export function pointAdd(r: usize, p: usize, q: usize): void {
  toCached(CACHED, q);
  pointAddCached(SUM, p, CACHED);
  completedToExtended(r, SUM);
}
