// Multi-buffer SHA-256: messages that each fit one padded block (at most 55 bytes,
// FIPS 180-4 §5.1.1) hashed several at once, one message per 32-bit lane of v128, in
// LANE_GROUPS groups of four lanes whose rounds the generated code interleaves.
// Identifiers (national ID numbers, e-mail addresses) are almost always that short,
// so this is the path the hmac-sha256 and sha256 kernels take for nearly every record.
//
// A lane is filled with `setLane`; `absorbLanes` transposes the padded blocks into
// message-word vectors and compresses them from a given state; `writeLanes` transposes
// the state vectors back into big-endian digests.
//
// The measurements behind this design are in kernels/hmac-sha256.ts.
import { LANE_GROUPS, compressLanes } from './generated/sha256-rounds';
import { IV } from './sha256';

export const LANES: u32 = 4 * LANE_GROUPS;
/** The longest message (after any prefix blocks) whose padding fits one block. */
export const ONE_BLOCK_MAX: u32 = 55;

const GROUP_STATE: usize = 8 * 16;
const GROUP_BLOCK: usize = 16 * 16;
/** Per group, eight v128: word j of the four lanes' states at offset 16 * j. */
export const STATE_LANES: usize = memory.data(<i32>(GROUP_STATE * LANE_GROUPS), 16);
/** Per group, sixteen v128: message word i of the four lanes, host byte order. */
export const BLOCK_LANES: usize = memory.data(<i32>(GROUP_BLOCK * LANE_GROUPS), 16);
/** The padded blocks as bytes, lane after lane. */
const LANE_BLOCKS: usize = memory.data(<i32>(64 * LANES), 16);
/** Where each lane's digest goes. */
const LANE_OUT: usize = memory.data(<i32>(4 * LANES), 16);
/** A sink for the digests of idle lanes and a zero message for them to hash. */
const SPARE: usize = memory.data(64, 16);
/** The initial hash value splatted across four lanes. */
export const IV4: usize = memory.data(128, 16);

/** Copies an eight-word state into every lane of an eight-vector state. */
export function splatState(dst4: usize, src: usize): void {
  for (let j: usize = 0; j < 8; j++) {
    v128.store(dst4 + (j << 4), i32x4.splat(load<u32>(src + (j << 2))));
  }
}

splatState(IV4, IV);

@inline function padQuarter(msg: usize, len: u32, k: u32): v128 {
  // Bytes below `len` are the message, byte `len` is the 0x80 marker, the rest zero.
  const index = i8x16.add(
    i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
    i8x16.splat(<i8>(k << 4)),
  );
  const n = i8x16.splat(<i8>len);
  const data = (k << 4) <= len ? v128.load(msg + (<usize>k << 4)) : i32x4.splat(0);
  const keep = v128.and(data, i8x16.lt_u(index, n));
  return v128.or(keep, v128.and(i8x16.eq(index, n), i8x16.splat(<i8>0x80)));
}

/**
 * Pads `len` (at most ONE_BLOCK_MAX) bytes at `msg` into lane `lane`, for a message
 * that follows `prefixBytes` already hashed bytes, and sends that lane's digest to `out`.
 * Reads 64 bytes from `msg` whatever `len` is: the input region keeps that much slack.
 */
export function setLane(lane: u32, msg: usize, len: u32, prefixBytes: u32, out: usize): void {
  const dst = LANE_BLOCKS + (<usize>lane << 6);
  v128.store(dst, padQuarter(msg, len, 0));
  v128.store(dst, padQuarter(msg, len, 1), 16);
  v128.store(dst, padQuarter(msg, len, 2), 32);
  // The length in bits fills bytes 56-63; the high word is zero below 512 MiB.
  const last = padQuarter(msg, len, 3);
  v128.store(dst, i32x4.replace_lane(last, 3, bswap<u32>((prefixBytes + len) << 3)), 48);
  store<u32>(LANE_OUT + (<usize>lane << 2), <u32>out);
}

/** Lanes from `used` up hash an empty message into a spare sink. */
export function idleLanes(used: u32, prefixBytes: u32): void {
  for (let lane = used; lane < LANES; lane++) setLane(lane, SPARE, 0, prefixBytes, SPARE);
}

@inline function bswap4(v: v128): v128 {
  return i8x16.shuffle(v, v, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
}

/** Transposes words 4q..4q+3 of group g's four lane blocks into message-word vectors. */
@inline function transposeIn(g: usize, q: usize): void {
  const src = LANE_BLOCKS + (g << 8) + (q << 4);
  const r0 = bswap4(v128.load(src));
  const r1 = bswap4(v128.load(src, 64));
  const r2 = bswap4(v128.load(src, 128));
  const r3 = bswap4(v128.load(src, 192));
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const t2 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  const at = BLOCK_LANES + g * GROUP_BLOCK + (q << 6);
  v128.store(at, i64x2.shuffle(t0, t2, 0, 2), 0);
  v128.store(at, i64x2.shuffle(t0, t2, 1, 3), 16);
  v128.store(at, i64x2.shuffle(t1, t3, 0, 2), 32);
  v128.store(at, i64x2.shuffle(t1, t3, 1, 3), 48);
}

/** Sets every group's state to the four-lane state at `from4`. */
export function resetLanes(from4: usize): void {
  for (let g: usize = 0; g < <usize>LANE_GROUPS; g++) {
    for (let j: usize = 0; j < 128; j += 16) {
      v128.store(STATE_LANES + g * GROUP_STATE + j, v128.load(from4 + j));
    }
  }
}

/** Compresses the lane blocks into STATE_LANES, which starts as copies of `from4`. */
export function absorbLanes(from4: usize): void {
  for (let g: usize = 0; g < <usize>LANE_GROUPS; g++) {
    transposeIn(g, 0);
    transposeIn(g, 1);
    transposeIn(g, 2);
    transposeIn(g, 3);
  }
  resetLanes(from4);
  compressLanes(STATE_LANES, BLOCK_LANES);
}

/** Transposes group g's state words 4h..4h+3 into bytes 16h.. of its lanes' digests. */
@inline function transposeOut(g: usize, h: usize): void {
  const src = STATE_LANES + g * GROUP_STATE + (h << 6);
  const s0 = v128.load(src);
  const s1 = v128.load(src, 16);
  const s2 = v128.load(src, 32);
  const s3 = v128.load(src, 48);
  const u0 = i32x4.shuffle(s0, s1, 0, 4, 1, 5);
  const u1 = i32x4.shuffle(s0, s1, 2, 6, 3, 7);
  const u2 = i32x4.shuffle(s2, s3, 0, 4, 1, 5);
  const u3 = i32x4.shuffle(s2, s3, 2, 6, 3, 7);
  const outs = LANE_OUT + (g << 4);
  const o = h << 4;
  v128.store(<usize>load<u32>(outs) + o, bswap4(i64x2.shuffle(u0, u2, 0, 2)));
  v128.store(<usize>load<u32>(outs, 4) + o, bswap4(i64x2.shuffle(u0, u2, 1, 3)));
  v128.store(<usize>load<u32>(outs, 8) + o, bswap4(i64x2.shuffle(u1, u3, 0, 2)));
  v128.store(<usize>load<u32>(outs, 12) + o, bswap4(i64x2.shuffle(u1, u3, 1, 3)));
}

/** Writes each lane's digest (big-endian) to the address given in `setLane`. */
export function writeLanes(): void {
  for (let g: usize = 0; g < <usize>LANE_GROUPS; g++) {
    transposeOut(g, 0);
    transposeOut(g, 1);
  }
}
