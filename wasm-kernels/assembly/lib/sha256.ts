// SHA-256 (FIPS 180-4 §6.2) over linear memory, with no allocation per message.

// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of
// the first 64 primes.
const K: usize = memory.data<u32>([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

// FIPS 180-4 §5.3.3: the initial hash value.
const IV: usize = memory.data<u32>([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

// The message schedule, reused by every compression.
const W: usize = memory.data(64 * 4);

export const DIGEST_BYTES: u32 = 32;
export const BLOCK_BYTES: u32 = 64;
export const STATE_BYTES: u32 = 32;

export function initState(state: usize): void {
  memory.copy(state, IV, 32);
}

/** Processes one 64-byte block at `block` into the eight-word state at `state`. */
export function compress(state: usize, block: usize): void {
  for (let i: usize = 0; i < 16; i++) {
    store<u32>(W + (i << 2), bswap<u32>(load<u32>(block + (i << 2))));
  }
  for (let i: usize = 16; i < 64; i++) {
    const w15 = load<u32>(W + ((i - 15) << 2));
    const w2 = load<u32>(W + ((i - 2) << 2));
    const s0 = rotr<u32>(w15, 7) ^ rotr<u32>(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr<u32>(w2, 17) ^ rotr<u32>(w2, 19) ^ (w2 >>> 10);
    const w16 = load<u32>(W + ((i - 16) << 2));
    const w7 = load<u32>(W + ((i - 7) << 2));
    store<u32>(W + (i << 2), w16 + s0 + w7 + s1);
  }
  let a = load<u32>(state, 0);
  let b = load<u32>(state, 4);
  let c = load<u32>(state, 8);
  let d = load<u32>(state, 12);
  let e = load<u32>(state, 16);
  let f = load<u32>(state, 20);
  let g = load<u32>(state, 24);
  let h = load<u32>(state, 28);
  for (let i: usize = 0; i < 64; i++) {
    const s1 = rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25);
    const ch = (e & f) ^ (~e & g);
    const t1 = h + s1 + ch + load<u32>(K + (i << 2)) + load<u32>(W + (i << 2));
    const s0 = rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22);
    const maj = (a & b) ^ (a & c) ^ (b & c);
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + s0 + maj;
  }
  store<u32>(state, load<u32>(state, 0) + a, 0);
  store<u32>(state, load<u32>(state, 4) + b, 4);
  store<u32>(state, load<u32>(state, 8) + c, 8);
  store<u32>(state, load<u32>(state, 12) + d, 12);
  store<u32>(state, load<u32>(state, 16) + e, 16);
  store<u32>(state, load<u32>(state, 20) + f, 20);
  store<u32>(state, load<u32>(state, 24) + g, 24);
  store<u32>(state, load<u32>(state, 28) + h, 28);
}

/** Writes the state as a big-endian digest to `out`. */
export function writeDigest(state: usize, out: usize): void {
  for (let i: usize = 0; i < 8; i++) {
    store<u32>(out + (i << 2), bswap<u32>(load<u32>(state + (i << 2))));
  }
}

const TAIL: usize = memory.data(128);

/**
 * Hashes `len` bytes at `msg` starting from `state`, where `prefixBytes` bytes were
 * already absorbed into that state (a multiple of 64), and finishes with padding.
 * The state is left holding the final hash.
 */
export function finishFrom(state: usize, prefixBytes: u64, msg: usize, len: u32): void {
  let p = msg;
  let left = len;
  while (left >= BLOCK_BYTES) {
    compress(state, p);
    p += BLOCK_BYTES;
    left -= BLOCK_BYTES;
  }
  // FIPS 180-4 §5.1.1: a one bit, zeros, then the message length in bits.
  memory.fill(TAIL, 0, 128);
  memory.copy(TAIL, p, <usize>left);
  store<u8>(TAIL + <usize>left, 0x80);
  const tailBlocks: usize = left < 56 ? 1 : 2;
  const bits = (prefixBytes + <u64>len) << 3;
  store<u64>(TAIL + (tailBlocks << 6) - 8, bswap<u64>(bits));
  compress(state, TAIL);
  if (tailBlocks == 2) compress(state, TAIL + 64);
}

/** SHA-256 of `len` bytes at `msg`, written to `out`. */
export function digest(msg: usize, len: u32, out: usize, scratchState: usize): void {
  initState(scratchState);
  finishFrom(scratchState, 0, msg, len);
  writeDigest(scratchState, out);
}
