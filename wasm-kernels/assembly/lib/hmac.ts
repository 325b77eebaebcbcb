// HMAC-SHA256 (RFC 2104) with the inner and outer pad states computed once per key,
// so that a short message costs two compressions instead of four.
import { BLOCK_BYTES, compress, finishFrom, initState, writeDigest, digest } from './sha256';
import {
  BLOCK_LANES, STATE_LANES, absorbLanes, resetLanes, splatState, writeLanes,
} from './sha256-lanes';
import { LANE_GROUPS, compressLanesOuter } from './generated/sha256-rounds';

export const IPAD_STATE: usize = memory.data(32, 16);
export const OPAD_STATE: usize = memory.data(32, 16);
const IPAD4: usize = memory.data(128, 16);
const OPAD4: usize = memory.data(128, 16);
const WORK: usize = memory.data(32, 16);
const KEY_BLOCK: usize = memory.data(64, 16);
const PAD: usize = memory.data(64, 16);
// The outer message is always the 32-byte inner digest, so its block's second half
// (FIPS 180-4 §5.1.1 padding for 64 + 32 bytes) is written once, here.
const OUTER_BLOCK: usize = memory.data<u8>([
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x03, 0x00,
], 16);

/** Derives the pad states from a key of any length (RFC 2104 §2). */
export function setKey(key: usize, len: u32): void {
  memory.fill(KEY_BLOCK, 0, 64);
  if (len > BLOCK_BYTES) {
    digest(key, len, KEY_BLOCK, WORK);
  } else {
    memory.copy(KEY_BLOCK, key, <usize>len);
  }
  for (let i: usize = 0; i < 64; i++) store<u8>(PAD + i, load<u8>(KEY_BLOCK + i) ^ 0x36);
  initState(IPAD_STATE);
  compress(IPAD_STATE, PAD);
  for (let i: usize = 0; i < 64; i++) store<u8>(PAD + i, load<u8>(KEY_BLOCK + i) ^ 0x5c);
  initState(OPAD_STATE);
  compress(OPAD_STATE, PAD);
  splatState(IPAD4, IPAD_STATE);
  splatState(OPAD4, OPAD_STATE);
  memory.fill(KEY_BLOCK, 0, 64);
  memory.fill(PAD, 0, 64);
  memory.fill(WORK, 0, 32);
}

/** Writes HMAC(key, msg) to `out` (32 bytes). */
export function mac(msg: usize, len: u32, out: usize): void {
  memory.copy(WORK, IPAD_STATE, 32);
  finishFrom(WORK, 64, msg, len);
  writeDigest(WORK, OUTER_BLOCK);
  memory.copy(WORK, OPAD_STATE, 32);
  compress(WORK, OUTER_BLOCK);
  writeDigest(WORK, out);
}

/**
 * HMAC of the messages set in the lanes of lib/sha256-lanes (each padded as following
 * one 64-byte block), written where `setLane` was told. The outer blocks' padding is
 * folded into the generated `compressLanesOuter`.
 */
export function macLanes(): void {
  absorbLanes(IPAD4);
  // The inner digests, still as state words, are words 0-7 of each outer block.
  for (let g: usize = 0; g < <usize>LANE_GROUPS; g++) {
    for (let j: usize = 0; j < 128; j += 16) {
      v128.store(BLOCK_LANES + (g << 8) + j, v128.load(STATE_LANES + (g << 7) + j));
    }
  }
  resetLanes(OPAD4);
  compressLanesOuter(STATE_LANES, BLOCK_LANES);
  writeLanes();
}
