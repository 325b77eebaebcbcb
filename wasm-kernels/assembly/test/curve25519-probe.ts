// Test-only module: exposes the curve25519 library's inner steps (SHA-512,
// expand_message_xmd, the RFC 9496 one-way map, multiplication by any scalar, the
// iterated X25519 of RFC 7748 §5.2) so tests can check them against published vectors.
// Built by orchestrator/test/psi/probe.ts, never shipped as a kernel.
import { expandMessageXmd, xmdSetDst } from '../lib/expand-message-xmd';
import { sha512 } from '../lib/sha512';
import {
  ristrettoDecode, ristrettoEncode, ristrettoFromUniform,
} from '../lib/curve25519/ristretto';
import { scalarIsCanonicalNonZero } from '../lib/curve25519/scalar';
import { scalarMult } from '../lib/curve25519/scalarmult';
import { feMul, feSq } from '../lib/curve25519/field';
import { feMul2, feSq2 } from '../lib/curve25519/field-pair';
import { x25519 } from '../lib/curve25519/x25519';

const IN: usize = memory.data(8192);
const AUX: usize = memory.data(512);
const OUT: usize = memory.data(8192);
const POINT: usize = memory.data(192);
const K: usize = memory.data(32);
const U: usize = memory.data(32);

export function probe_in(): usize {
  return IN;
}

export function probe_aux(): usize {
  return AUX;
}

export function probe_out(): usize {
  return OUT;
}

export function probe_sha512(len: u32): void {
  sha512(IN, len, OUT);
}

/** expand_message_xmd(IN[0..len], AUX[0..dstLen], outLen) into OUT; 0 if DST refused. */
export function probe_expand(len: u32, dstLen: u32, outLen: u32): u32 {
  if (!xmdSetDst(AUX, dstLen)) return 0;
  expandMessageXmd(IN, len, OUT, outLen);
  return 1;
}

export function probe_from_uniform(): void {
  ristrettoFromUniform(POINT, IN);
  ristrettoEncode(OUT, POINT);
}

/** Decodes IN[0..32], multiplies by the scalar AUX[0..32], encodes to OUT; 0 if invalid. */
export function probe_mult(): u32 {
  if (ristrettoDecode(POINT, IN) == 0) return 0;
  scalarMult(POINT, POINT, AUX);
  ristrettoEncode(OUT, POINT);
  return 1;
}

export function probe_scalar_ok(): u32 {
  return scalarIsCanonicalNonZero(IN);
}

/** RFC 7748 §5.2: k = u = 9, then n times (k, u) = (X25519(k, u), k); k to OUT. */
export function probe_x25519_iterate(n: u32): void {
  memory.fill(K, 0, 32);
  store<u8>(K, 9);
  memory.copy(U, K, 32);
  for (let i: u32 = 0; i < n; i++) {
    x25519(OUT, K, U);
    memory.copy(U, K, 32);
    memory.copy(K, OUT, 32);
  }
}

const FE: usize = memory.data(4 * 48);

/**
 * Paired against single products: IN holds four elements a, b, c, d of 10 i32 limbs.
 * OUT gets a b, c d (feMul2), a b, c d (feMul), b^2, d^2 (feSq2), b^2, d^2 (feSq),
 * 40 bytes each.
 */
export function probe_pair(): void {
  for (let i: usize = 0; i < 4; i++) {
    memory.fill(FE + i * 48, 0, 48);
    memory.copy(FE + i * 48, IN + i * 40, 40);
  }
  const a = FE, b = FE + 48, c = FE + 96, d = FE + 144;
  const r: usize = memory.data(8 * 48);
  feMul2(r, a, b, r + 48, c, d);
  feMul(r + 96, a, b);
  feMul(r + 144, c, d);
  feSq2(r + 192, b, r + 240, d);
  feSq(r + 288, b);
  feSq(r + 336, d);
  for (let i: usize = 0; i < 8; i++) memory.copy(OUT + i * 40, r + i * 48, 40);
}
