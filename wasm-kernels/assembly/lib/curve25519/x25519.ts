// X25519 (RFC 7748 §5): the Montgomery ladder on Curve25519, constant time.
import {
  feAdd, feCopy, feCswap, feFromBytes, feInvert, feMul, feMulSmall, feOne, feSub,
  feToBytes, feZero,
} from './field';
import { feMul2, feSq2 } from './field-pair';

const K: usize = memory.data(32);
const X1: usize = memory.data(48);
const X2: usize = memory.data(48);
const Z2: usize = memory.data(48);
const X3: usize = memory.data(48);
const Z3: usize = memory.data(48);
const A: usize = memory.data(48);
const AA: usize = memory.data(48);
const B: usize = memory.data(48);
const BB: usize = memory.data(48);
const E: usize = memory.data(48);
const C: usize = memory.data(48);
const DD: usize = memory.data(48);
const DA: usize = memory.data(48);
const CB: usize = memory.data(48);

/** (A - 2) / 4 for Curve25519's A = 486662 (RFC 7748 §5). */
const A24: i64 = 121665;

/**
 * out = X25519(scalar, u): 32-byte little-endian scalar and u-coordinate in, 32-byte
 * u-coordinate out. The scalar is clamped (RFC 7748 §5 decodeScalar25519) and the
 * top bit of u is masked; the loop's memory accesses and branches depend on neither.
 */
export function x25519(out: usize, scalar: usize, u: usize): void {
  memory.copy(K, scalar, 32);
  store<u8>(K, load<u8>(K) & 248);
  store<u8>(K + 31, (load<u8>(K + 31) & 127) | 64);

  feFromBytes(X1, u);
  feOne(X2);
  feZero(Z2);
  feCopy(X3, X1);
  feOne(Z3);
  let swap: u32 = 0;
  for (let t: i32 = 254; t >= 0; t--) {
    const bit = <u32>(load<u8>(K + <usize>(t >> 3)) >> <u8>(t & 7)) & 1;
    swap ^= bit;
    feCswap(X2, X3, swap);
    feCswap(Z2, Z3, swap);
    swap = bit;

    // The ladder's independent products go two at a time (field-pair.ts).
    feAdd(A, X2, Z2);
    feSub(B, X2, Z2);
    feAdd(C, X3, Z3);
    feSub(DD, X3, Z3);
    feSq2(AA, A, BB, B);
    feMul2(DA, DD, A, CB, C, B);
    feAdd(X3, DA, CB);
    feSub(Z3, DA, CB);
    feSq2(X3, X3, Z3, Z3);
    feSub(E, AA, BB);
    feMul2(Z3, Z3, X1, X2, AA, BB);
    feMulSmall(Z2, E, A24);
    feAdd(Z2, Z2, AA);
    feMul(Z2, Z2, E);
  }
  feCswap(X2, X3, swap);
  feCswap(Z2, Z3, swap);
  feInvert(Z2, Z2);
  feMul(X2, X2, Z2);
  feToBytes(out, X2);
  memory.fill(K, 0, 32);
}
