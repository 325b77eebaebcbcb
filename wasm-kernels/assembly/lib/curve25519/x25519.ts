// X25519 (RFC 7748 §5): the Montgomery ladder on Curve25519, constant time.
//
// A ladder's elements live in a state block at fixed offsets, so that two ladders can
// run side by side (x25519x2) with every field product of one paired with the same
// product of the other in field-pair.ts's two lanes; a single ladder pairs four of its
// step's five products among themselves.
import {
  FE_BYTES, feAdd, feCopy, feCswap, feFromBytes, feInvert, feMul, feMulSmall, feOne, feSub,
  feToBytes, feZero,
} from './field';
import { feInvert2, feMul2, feSq2 } from './field-pair';

const X1: usize = 0;
const X2: usize = FE_BYTES;
const Z2: usize = 2 * FE_BYTES;
const X3: usize = 3 * FE_BYTES;
const Z3: usize = 4 * FE_BYTES;
const A: usize = 5 * FE_BYTES;
const B: usize = 6 * FE_BYTES;
const C: usize = 7 * FE_BYTES;
const D: usize = 8 * FE_BYTES;
const AA: usize = 9 * FE_BYTES;
const BB: usize = 10 * FE_BYTES;
const DA: usize = 11 * FE_BYTES;
const CB: usize = 12 * FE_BYTES;
const E: usize = 13 * FE_BYTES;

const K: usize = memory.data(32);
const L0: usize = memory.data(14 * 48);
const L1: usize = memory.data(14 * 48);

/** (A - 2) / 4 for Curve25519's A = 486662 (RFC 7748 §5). */
const A24: i64 = 121665;

/** K = decodeScalar25519(scalar) (RFC 7748 §5): clamped. */
function clamp(scalar: usize): void {
  memory.copy(K, scalar, 32);
  store<u8>(K, load<u8>(K) & 248);
  store<u8>(K + 31, (load<u8>(K + 31) & 127) | 64);
}

/** Bit t of the clamped scalar. */
// @ts-ignore: decorator
@inline function bit(t: i32): u32 {
  return <u32>(load<u8>(K + <usize>(t >> 3)) >> <u8>(t & 7)) & 1;
}

/** x_1 = u (top bit masked), (x_2, z_2) = (1, 0), (x_3, z_3) = (u, 1). */
function start(l: usize, u: usize): void {
  feFromBytes(l + X1, u);
  feOne(l + X2);
  feZero(l + Z2);
  feCopy(l + X3, l + X1);
  feOne(l + Z3);
}

// @ts-ignore: decorator
@inline function cswap(l: usize, swap: u32): void {
  feCswap(l + X2, l + X3, swap);
  feCswap(l + Z2, l + Z3, swap);
}

/** A, B, C, D of the RFC's ladder step. */
// @ts-ignore: decorator
@inline function sums(l: usize): void {
  feAdd(l + A, l + X2, l + Z2);
  feSub(l + B, l + X2, l + Z2);
  feAdd(l + C, l + X3, l + Z3);
  feSub(l + D, l + X3, l + Z3);
}

/** x_3 = DA + CB and z_3 = DA - CB before squaring; E = AA - BB; z_2 = AA + a24 E. */
// @ts-ignore: decorator
@inline function middle(l: usize): void {
  feAdd(l + X3, l + DA, l + CB);
  feSub(l + Z3, l + DA, l + CB);
  feSub(l + E, l + AA, l + BB);
}

// @ts-ignore: decorator
@inline function lastSum(l: usize): void {
  feMulSmall(l + Z2, l + E, A24);
  feAdd(l + Z2, l + Z2, l + AA);
}

/** One ladder step (RFC 7748 §5) of one ladder. */
function step(l: usize): void {
  sums(l);
  feSq2(l + AA, l + A, l + BB, l + B);
  feMul2(l + DA, l + D, l + A, l + CB, l + C, l + B);
  middle(l);
  feSq2(l + X3, l + X3, l + Z3, l + Z3);
  feMul2(l + Z3, l + Z3, l + X1, l + X2, l + AA, l + BB);
  lastSum(l);
  feMul(l + Z2, l + Z2, l + E);
}

/** One ladder step of two ladders, every product paired across them. */
function step2(l: usize, m: usize): void {
  sums(l);
  sums(m);
  feSq2(l + AA, l + A, m + AA, m + A);
  feSq2(l + BB, l + B, m + BB, m + B);
  feMul2(l + DA, l + D, l + A, m + DA, m + D, m + A);
  feMul2(l + CB, l + C, l + B, m + CB, m + C, m + B);
  middle(l);
  middle(m);
  feSq2(l + X3, l + X3, m + X3, m + X3);
  feSq2(l + Z3, l + Z3, m + Z3, m + Z3);
  feMul2(l + Z3, l + Z3, l + X1, m + Z3, m + Z3, m + X1);
  feMul2(l + X2, l + AA, l + BB, m + X2, m + AA, m + BB);
  lastSum(l);
  lastSum(m);
  feMul2(l + Z2, l + Z2, l + E, m + Z2, m + Z2, m + E);
}

/**
 * out = X25519(scalar, u): 32-byte little-endian scalar and u-coordinate in, 32-byte
 * u-coordinate out. The scalar is clamped (RFC 7748 §5 decodeScalar25519) and the
 * top bit of u is masked; the loop's memory accesses and branches depend on neither.
 */
export function x25519(out: usize, scalar: usize, u: usize): void {
  clamp(scalar);
  start(L0, u);
  let swap: u32 = 0;
  for (let t: i32 = 254; t >= 0; t--) {
    const b = bit(t);
    swap ^= b;
    cswap(L0, swap);
    swap = b;
    step(L0);
  }
  cswap(L0, swap);
  feInvert(L0 + Z2, L0 + Z2);
  feMul(L0 + X2, L0 + X2, L0 + Z2);
  feToBytes(out, L0 + X2);
  memory.fill(K, 0, 32);
}

/**
 * X25519 of one scalar with two u-coordinates, out1 from u1 and out2 from u2, as two
 * ladders in lock step: 1.2x the rate of two x25519 calls. Constant time as x25519.
 */
export function x25519x2(out1: usize, out2: usize, scalar: usize, u1: usize, u2: usize): void {
  clamp(scalar);
  start(L0, u1);
  start(L1, u2);
  let swap: u32 = 0;
  for (let t: i32 = 254; t >= 0; t--) {
    const b = bit(t);
    swap ^= b;
    cswap(L0, swap);
    cswap(L1, swap);
    swap = b;
    step2(L0, L1);
  }
  cswap(L0, swap);
  cswap(L1, swap);
  feInvert2(L0 + Z2, L0 + Z2, L1 + Z2, L1 + Z2);
  feMul2(L0 + X2, L0 + X2, L0 + Z2, L1 + X2, L1 + X2, L1 + Z2);
  feToBytes(out1, L0 + X2);
  feToBytes(out2, L1 + X2);
  memory.fill(K, 0, 32);
}
