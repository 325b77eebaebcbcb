// Edwards25519 (-x^2 + y^2 = 1 + d x^2 y^2) in the coordinates of Hisil, Wong, Carter
// and Dawson, "Twisted Edwards Curves Revisited" (2008), with a = -1:
//
//   extended   (X : Y : Z : T)   x = X/Z, y = Y/Z, x y = T/Z
//   projective (X : Y : Z)       the same without T, enough to double
//   completed  ((X : Z), (Y : T)) x = X/Z, y = Y/T, what add and double produce
//   cached     (Y+X, Y-X, Z, 2dT) a point prepared to be added
//
// A point is four field elements, 160 bytes in linear memory; the layouts share offsets
// so a completed or extended point can be read as projective.
import { D2 } from './constants';
import {
  feAdd, feCmov, feCopy, feCswap, feMul, feNeg, feOne, feSq, feSub, feZero,
} from './field';

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

/** Cached form of the identity: (1, 1, 1, 0). */
export function cachedIdentity(c: usize): void {
  feOne(c + X);
  feOne(c + Y);
  feOne(c + Z);
  feZero(c + T);
}

/** c = p prepared for addition. */
export function toCached(c: usize, p: usize): void {
  feAdd(c + X, p + Y, p + X);
  feSub(c + Y, p + Y, p + X);
  feCopy(c + Z, p + Z);
  feMul(c + T, p + T, D2);
}

/** Completed to projective: 3 multiplications. */
export function completedToProjective(r: usize, p: usize): void {
  feMul(r + X, p + X, p + T);
  feMul(r + Y, p + Y, p + Z);
  feMul(r + Z, p + Z, p + T);
}

/** Completed to extended: 4 multiplications. */
export function completedToExtended(r: usize, p: usize): void {
  feMul(A, p + X, p + T);
  feMul(B, p + Y, p + Z);
  feMul(r + Z, p + Z, p + T);
  feMul(r + T, p + X, p + Y);
  feCopy(r + X, A);
  feCopy(r + Y, B);
}

/** r (completed) = 2p, p projective: 4 squarings (HWCD "dbl-2008-hwcd"). */
export function pointDouble(r: usize, p: usize): void {
  feSq(A, p + X); // X^2
  feSq(B, p + Y); // Y^2
  feSq(C, p + Z);
  feAdd(C, C, C); // 2 Z^2
  feAdd(E, p + X, p + Y);
  feSq(E, E); // (X + Y)^2
  feAdd(r + Y, B, A);
  feSub(r + Z, B, A);
  feSub(r + X, E, r + Y);
  feSub(r + T, C, r + Z);
}

/** r (completed) = p + q, p extended, q cached: 4 multiplications ("add-2008-hwcd-3"). */
export function pointAddCached(r: usize, p: usize, q: usize): void {
  feAdd(A, p + Y, p + X);
  feMul(A, A, q + X); // (Y1 + X1)(Y2 + X2)
  feSub(B, p + Y, p + X);
  feMul(B, B, q + Y); // (Y1 - X1)(Y2 - X2)
  feMul(C, p + T, q + T); // 2d T1 T2
  feMul(E, p + Z, q + Z);
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

/** c = cached value `from` when flag is 1, unchanged when 0. */
export function cachedCmov(c: usize, from: usize, flag: u32): void {
  feCmov(c + X, from + X, flag);
  feCmov(c + Y, from + Y, flag);
  feCmov(c + Z, from + Z, flag);
  feCmov(c + T, from + T, flag);
}

const SUM: usize = memory.data(192);
const CACHED: usize = memory.data(192);

/** r (extended) = p + q, both extended. */
export function pointAdd(r: usize, p: usize, q: usize): void {
  toCached(CACHED, q);
  pointAddCached(SUM, p, CACHED);
  completedToExtended(r, SUM);
}
