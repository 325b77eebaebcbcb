// paillier-decrypt: each record, a ciphertext c, becomes its plaintext m in [0, n)
// as |n|/8 big-endian bytes (the host maps values above n/2 to negatives).
//
// Runs only where the private key is (the data owner's machine), never as a cluster
// job. Decryption by the Chinese remainder theorem (Paillier 1999, section 7):
//   m_p = L_p(c^(p-1) mod p²) * hp mod p,   L_p(x) = (x - 1)/p,   hp = (-q)^-1 mod p
// (for g = n + 1), the same mod q, then m = m_q + q * ((m_p - m_q) * q^-1 mod p).
// The exponentiations use fixed windows and constant-time table reads; the exponent
// p - 1 never steers a branch or an address.
//
// A ciphertext that is not a unit mod n² has c = 0 mod p (or q), so c^(p-1) = 0 mod p
// instead of 1, and (x - 1) is not divisible by p: the exact division below detects it.
import {
  OK, ERR_PARAMS, ERR_FRAMING, ERR_RECORD_ENCODING, ERR_STATE, ParamReader, RecordCursor,
  appendRecord, fail, resetOutput,
} from '../io';
import {
  LIMB_BITS, LIMB_MASK, addLimbs, allocBytes, allocLimbs, compare, isZero, limb, mulPlain,
  setLimb, subLimbs, toBytesBE, zeroLimbs,
} from '../lib/bigint/limbs';
import {
  fromMont, montMul, montReduceWide, reduceOnce,
} from '../lib/bigint/montgomery';
import { PowScratch, montPowCT } from '../lib/bigint/exp';
import { PrimeHalf, PrivateKey, readPrivateKey } from '../lib/paillier/key';
import { readCiphertext } from '../lib/paillier/records';
export * from '../abi';

/**
 * Window of the private exponentiations: 5 bits, 32-entry tables (1024-bit exponents).
 * One exponentiation mod a 2048-bit p², CPU time, same run: 3074 us at w = 4, 2967 at
 * w = 5, 3040 at w = 6. The 1024 squarings take three quarters of it whatever w is.
 */
const WINDOW: u32 = 5;

let key: PrivateKey | null = null;
let scratchP: PowScratch | null = null;
let scratchQ: PowScratch | null = null;
let c: usize = 0;
let x: usize = 0;
let mp: usize = 0;
let mq: usize = 0;
let t: usize = 0;
let lanes: usize = 0;
let out: usize = 0;
/** m_q zero-extended, kept for the final sum while x holds m_q mod p. */
let mqWide: usize = 0;

export function offload_init(paramsLen: u32): i32 {
  const params = new ParamReader(paramsLen);
  const sk = readPrivateKey(params);
  if (sk == null || !params.done()) return ERR_PARAMS;
  scratchP = new PowScratch(sk.P.montP2, WINDOW);
  scratchQ = new PowScratch(sk.Q.montP2, WINDOW);
  c = allocLimbs(sk.k);
  x = allocLimbs(sk.k);
  mp = allocLimbs(sk.k);
  mq = allocLimbs(sk.k);
  t = allocLimbs(sk.k);
  out = allocLimbs(sk.k);
  mqWide = allocLimbs(sk.k);
  lanes = allocBytes(<usize>(2 * sk.k + 8) << 3);
  key = sk;
  return OK;
}

/**
 * m_h = L_h(c^(h-1) mod h²) * hh mod h into `m` (kp limbs, reduced), for one prime h.
 * Returns false when c is 0 mod h.
 */
function half(m: usize, H: PrimeHalf, s: PowScratch, sk: PrivateKey): bool {
  const ctx = H.montP2;
  // c R^-1 mod h², then times R^3: c in Montgomery form mod h².
  montReduceWide(x, c, sk.k, ctx);
  montMul(x, x, ctx.r3, ctx);
  montPowCT(x, x, H.exp, H.expBits, ctx, s);
  fromMont(x, x, ctx);
  if (!exactQuotient(t, x, H)) return false;
  montMul(m, t, H.hM, H.montP);
  reduceOnce(m, H.montP);
  return true;
}

/**
 * q = (x - 1)/h when h divides x - 1, for x below h² (2*kp limbs at most): Hensel
 * division, one quotient limb at a time from the bottom, each making the lowest live
 * lane divisible by 2^27. The quotient is exact iff it is below h (then q*h and x - 1
 * agree mod 2^(27kp) and both are below it).
 */
function exactQuotient(q: usize, xv: usize, H: PrimeHalf): bool {
  const kp = H.kp;
  const wide: u32 = 2 * kp + 2;
  if (isZero(xv, H.k2)) return false;
  zeroLimbs(t, kp);
  for (let i: u32 = 0; i < wide; i++) {
    store<i64>(lanes + (<usize>i << 3), i < H.k2 ? <i64>limb(xv, i) : 0);
  }
  store<i64>(lanes, load<i64>(lanes) - 1);
  const hInv = <u64>((<u32>0 - H.montP.minv) & LIMB_MASK); // h^-1 mod 2^27
  for (let i: u32 = 0; i < kp; i++) {
    const row = lanes + (<usize>i << 3);
    const qi = (<u64>load<i64>(row) * hInv) & <u64>LIMB_MASK;
    for (let j: u32 = 0; j < kp; j++) {
      const p = row + (<usize>j << 3);
      store<i64>(p, load<i64>(p) - <i64>(qi * <u64>limb(H.p, j)));
    }
    store<i64>(row, load<i64>(row, 8) + (load<i64>(row) >> LIMB_BITS), 8);
    setLimb(q, i, <u32>qi);
  }
  return compare(q, H.p, kp) < 0;
}

/** m = m_q + q * ((m_p - m_q) * q^-1 mod p), constant time, into `out` (k limbs). */
function combine(sk: PrivateKey): void {
  const P = sk.P;
  const kp = P.kp;
  zeroLimbs(mqWide, 2 * kp);
  memory.copy(mqWide, mq, <usize>kp << 2);
  // m_q < q < 2p (p and q have the same length): one conditional subtraction.
  memory.copy(x, mq, <usize>kp << 2);
  reduceOnce(x, P.montP);
  const borrow = subLimbs(t, mp, x, kp);
  addLimbs(x, t, P.p, kp);
  const useAdd = <u32>0 - borrow;
  for (let i: u32 = 0; i < kp; i++) setLimb(t, i, (limb(x, i) & useAdd) | (limb(t, i) & ~useAdd));
  montMul(t, t, sk.qInvM, P.montP);
  reduceOnce(t, P.montP);
  mulPlain(out, sk.Q.p, t, kp, lanes);
  zeroLimbs(out + (<usize>(2 * kp) << 2), sk.k - 2 * kp);
  addLimbs(out, out, mqWide, 2 * kp);
}

export function offload_map(count: u32, bytes: u32): i32 {
  if (key == null) return ERR_STATE;
  const sk = key!;
  resetOutput();
  const records = new RecordCursor(count, bytes);
  while (records.next()) {
    const rc = readCiphertext(c, records.ptr, records.len, sk.k, sk.n2, sk.n2Bytes);
    if (rc != OK) return fail(rc, records.index);
    if (!half(mp, sk.P, scratchP!, sk) || !half(mq, sk.Q, scratchQ!, sk)) {
      return fail(ERR_RECORD_ENCODING, records.index);
    }
    combine(sk);
    toBytesBE(appendRecord(sk.nBytes), sk.nBytes, out, sk.k);
  }
  return records.broken ? fail(ERR_FRAMING, records.index + 1) : OK;
}

