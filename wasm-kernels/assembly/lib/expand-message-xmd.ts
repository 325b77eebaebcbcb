// expand_message_xmd with SHA-512 (RFC 9380 §5.3.1), the uniform-bytes step of
// hash_to_ristretto255. The domain separation tag is set once per run (`xmdSetDst`);
// the hash of Z_pad, one full 128-byte block of zeros, is computed once and reused
// as a midstate, which saves one of the three compressions a short message needs.
import {
  SHA512_CONTEXT_BYTES, sha512Final, sha512Init, sha512Update, sha512UpdateByte,
} from './sha512';

/** RFC 9380 §5.3.1: DST longer than 255 bytes must first be hashed (§5.3.3). */
export const XMD_MAX_DST: u32 = 255;
/** ell = ceil(len_in_bytes / 64) must not exceed 255. */
export const XMD_MAX_OUTPUT: u32 = 255 * 64;

const DST_PRIME: usize = memory.data(256);
let dstPrimeLen: u32 = 0;
const ZPAD_STATE: usize = memory.data(208);
const CTX: usize = memory.data(208);
const B0: usize = memory.data(64);
const BI: usize = memory.data(64);
let midstateReady = false;

/** Sets the domain separation tag; returns false when it is empty or too long. */
export function xmdSetDst(dst: usize, len: u32): bool {
  if (len == 0 || len > XMD_MAX_DST) return false;
  memory.copy(DST_PRIME, dst, <usize>len);
  store<u8>(DST_PRIME + <usize>len, <u8>len); // DST || I2OSP(len(DST), 1)
  dstPrimeLen = len + 1;
  if (!midstateReady) {
    sha512Init(ZPAD_STATE);
    memory.fill(B0, 0, 64);
    sha512Update(ZPAD_STATE, B0, 64);
    sha512Update(ZPAD_STATE, B0, 64); // Z_pad = I2OSP(0, 128)
    midstateReady = true;
  }
  return true;
}

/**
 * Writes `outLen` uniform bytes derived from `len` bytes at `msg` to `out`. The caller
 * has set a DST and keeps outLen within 1..XMD_MAX_OUTPUT.
 */
export function expandMessageXmd(msg: usize, len: u32, out: usize, outLen: u32): void {
  memory.copy(CTX, ZPAD_STATE, <usize>SHA512_CONTEXT_BYTES);
  sha512Update(CTX, msg, len);
  sha512UpdateByte(CTX, <u8>(outLen >> 8)); // I2OSP(len_in_bytes, 2)
  sha512UpdateByte(CTX, <u8>outLen);
  sha512UpdateByte(CTX, 0); // I2OSP(0, 1)
  sha512Update(CTX, DST_PRIME, dstPrimeLen);
  sha512Final(CTX, B0);

  memory.copy(BI, B0, 64);
  const ell = (outLen + 63) >> 6;
  for (let i: u32 = 1; i <= ell; i++) {
    // b_1 = H(b_0 || 1 || DST'); b_i = H((b_0 xor b_(i-1)) || i || DST').
    if (i > 1) {
      for (let k: usize = 0; k < 64; k += 8) {
        store<u64>(BI + k, load<u64>(BI + k) ^ load<u64>(B0 + k));
      }
    }
    sha512Init(CTX);
    sha512Update(CTX, BI, 64);
    sha512UpdateByte(CTX, <u8>i);
    sha512Update(CTX, DST_PRIME, dstPrimeLen);
    sha512Final(CTX, BI);
    const at = (i - 1) << 6;
    const take = min<u32>(64, outLen - at);
    memory.copy(out + <usize>at, BI, <usize>take);
  }
}
