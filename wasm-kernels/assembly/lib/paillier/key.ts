// Paillier keys as kernels receive them (the host writes these blobs from key files,
// orchestrator/src/crypto/paillier/):
//   paillierPublicKey  = u32 LE bits | n (bits/8 bytes, big-endian) | hs (bits/4 bytes, BE)
//   paillierPrivateKey = u32 LE bits | p | q | hp | hq | qInv   (each bits/16 bytes, BE)
// with hp = (-q)^-1 mod p, hq = (-p)^-1 mod q (the inverses of L_p(g^(p-1) mod p²)
// for g = n + 1) and qInv = q^-1 mod p.
import { ParamReader } from '../../io';
import {
  allocBytes, allocLimbs, bitLength, compare, fromBytesBE, isZero, limb, limbsFor, mulPlain,
} from '../bigint/limbs';
import { Mont, toMont } from '../bigint/montgomery';

export const SUPPORTED_BITS_LOW: u32 = 2048;
export const SUPPORTED_BITS_HIGH: u32 = 3072;

function supported(bits: u32): bool {
  return bits == SUPPORTED_BITS_LOW || bits == SUPPORTED_BITS_HIGH;
}

export class PublicKey {
  bits: u32;
  /** Bytes of n and of n² (the ciphertext size). */
  nBytes: u32;
  n2Bytes: u32;
  /** Limbs of numbers mod n². */
  k: u32;
  n: usize;
  n2: usize;
  hs: usize;
  mont: Mont;

  constructor(bits: u32, n: usize, n2: usize, hs: usize, k: u32) {
    this.bits = bits;
    this.nBytes = bits >> 3;
    this.n2Bytes = bits >> 2;
    this.k = k;
    this.n = n;
    this.n2 = n2;
    this.hs = hs;
    this.mont = new Mont(n2, k);
  }
}

/** Reads the paillierPublicKey parameter; null when it is malformed or of an unsupported size. */
export function readPublicKey(params: ParamReader): PublicKey | null {
  const at = params.bytes();
  const len = params.lastLength;
  if (!params.ok || len < 4) return null;
  const bits = load<u32>(at);
  if (!supported(bits) || len != 4 + (bits >> 3) + (bits >> 2)) return null;
  const k = limbsFor(bits * 2);
  const n = allocLimbs(k);
  const hs = allocLimbs(k);
  fromBytesBE(n, k, at + 4, bits >> 3);
  fromBytesBE(hs, k, at + 4 + (bits >> 3), bits >> 2);
  if ((limb(n, 0) & 1) == 0 || bitLength(n, k) != bits) return null;
  const n2 = allocLimbs(2 * k);
  mulPlain(n2, n, n, k, allocBytes(<usize>(2 * k) << 3));
  if (isZero(hs, k) || compare(hs, n2, k) >= 0) return null;
  return new PublicKey(bits, n, n2, hs, k);
}

/** One prime's share of the private key: p, p², their Montgomery contexts and hp. */
export class PrimeHalf {
  p: usize;
  /** Limbs of numbers mod p (kp) and mod p² (k2). */
  kp: u32;
  k2: u32;
  montP: Mont;
  montP2: Mont;
  /** hp in Montgomery form mod p. */
  hM: usize;
  /** p - 1 as a little-endian exponent, with zero padding. */
  exp: usize;
  expBits: u32;

  constructor(p: usize, kp: u32, k2: u32, expBytes: u32) {
    this.p = p;
    this.kp = kp;
    this.k2 = k2;
    this.montP = new Mont(p, kp);
    const p2 = allocLimbs(2 * kp);
    mulPlain(p2, p, p, kp, allocBytes(<usize>(2 * kp) << 3));
    this.montP2 = new Mont(p2, k2);
    this.hM = allocLimbs(kp);
    this.exp = allocBytes(<usize>expBytes + 8);
    this.expBits = expBytes << 3;
  }
}

export class PrivateKey {
  bits: u32;
  nBytes: u32;
  n2Bytes: u32;
  /** Limbs of ciphertexts (mod n²). */
  k: u32;
  n2: usize;
  P: PrimeHalf;
  Q: PrimeHalf;
  /** q^-1 mod p, Montgomery form mod p. */
  qInvM: usize;

  constructor(bits: u32, P: PrimeHalf, Q: PrimeHalf, k: u32, n2: usize) {
    this.bits = bits;
    this.nBytes = bits >> 3;
    this.n2Bytes = bits >> 2;
    this.k = k;
    this.n2 = n2;
    this.P = P;
    this.Q = Q;
    this.qInvM = allocLimbs(P.kp);
  }
}

function readHalf(at: usize, half: u32, kp: u32): usize {
  const x = allocLimbs(kp);
  fromBytesBE(x, kp, at, half);
  return x;
}

/** Reads the paillierPrivateKey parameter; null when it is malformed or of an unsupported size. */
export function readPrivateKey(params: ParamReader): PrivateKey | null {
  const at = params.bytes();
  const len = params.lastLength;
  if (!params.ok || len < 4) return null;
  const bits = load<u32>(at);
  const half = bits >> 4;
  if (!supported(bits) || len != 4 + 5 * half) return null;
  const kp = limbsFor(bits >> 1);
  const k2 = limbsFor(bits);
  const k = limbsFor(bits * 2);
  const p = readHalf(at + 4, half, kp);
  const q = readHalf(at + 4 + half, half, kp);
  if ((limb(p, 0) & 1) == 0 || (limb(q, 0) & 1) == 0) return null;
  if (bitLength(p, kp) != bits >> 1 || bitLength(q, kp) != bits >> 1) return null;
  const P = new PrimeHalf(p, kp, k2, half);
  const Q = new PrimeHalf(q, kp, k2, half);
  if (!setHalf(P, at + 4, at + 4 + 2 * half, half)) return null;
  if (!setHalf(Q, at + 4 + half, at + 4 + 3 * half, half)) return null;
  const lanes = allocBytes(<usize>(2 * k) << 3);
  const n = allocLimbs(k);
  mulPlain(n, p, q, kp, lanes);
  const n2 = allocLimbs(2 * k);
  mulPlain(n2, n, n, k, lanes);
  const key = new PrivateKey(bits, P, Q, k, n2);
  const qInv = readHalf(at + 4 + 4 * half, half, kp);
  if (compare(qInv, p, kp) >= 0) return null;
  toMont(key.qInvM, qInv, P.montP);
  return key;
}

/** Fills a half's exponent (p - 1, little-endian) and hp (Montgomery form). */
function setHalf(H: PrimeHalf, primeAt: usize, hAt: usize, half: u32): bool {
  for (let i: u32 = 0; i < half; i++) {
    store<u8>(H.exp + <usize>i, load<u8>(primeAt + <usize>(half - 1 - i)));
  }
  store<u8>(H.exp, load<u8>(H.exp) & 0xfe);
  const h = readHalf(hAt, half, H.kp);
  if (isZero(h, H.kp) || compare(h, H.p, H.kp) >= 0) return false;
  toMont(H.hM, h, H.montP);
  return true;
}
