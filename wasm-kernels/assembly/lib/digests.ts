// Maps framed records to framed 32-byte digests (SHA-256, or HMAC-SHA256 under the key
// set in lib/hmac), for the sha256 and hmac-sha256 kernels. Records short enough for
// one padded block go LANES at a time through lib/sha256-lanes; longer ones go one by one
// through the scalar code. Every output frame has the same size, so record i's digest
// is written in place at 36 * i and the two paths may finish in any order.
import { ERR_FRAMING, OK, fail, inputAddress, reserveOutput } from '../io';
import { digest } from './sha256';
import { IV4, LANES, ONE_BLOCK_MAX, absorbLanes, idleLanes, setLane, writeLanes } from './sha256-lanes';
import { mac, macLanes } from './hmac';

const FRAME: u32 = 4 + 32;
const SCRATCH_STATE: usize = memory.data(32, 16);

function flush(keyed: bool): void {
  if (keyed) {
    macLanes();
  } else {
    absorbLanes(IV4);
    writeLanes();
  }
}

/**
 * Digests `count` framed records of the input region (`bytes` long) into the output
 * region; `keyed` selects HMAC. Fails with ERR_FRAMING naming the first bad frame.
 */
export function mapDigests(count: u32, bytes: u32, keyed: bool): i32 {
  // Each frame takes at least 4 bytes, so no more than bytes / 4 outputs are written.
  const out = reserveOutput(min<u32>(count, bytes >> 2) * FRAME);
  // An HMAC inner message follows the 64-byte key block (RFC 2104 §2).
  const prefix: u32 = keyed ? 64 : 0;
  const end = inputAddress() + <usize>bytes;
  let at = inputAddress();
  let lane: u32 = 0;
  for (let i: u32 = 0; i < count; i++) {
    if (end - at < 4) return fail(ERR_FRAMING, i);
    const len = load<u32>(at);
    const msg = at + 4;
    if (len > <u32>(end - msg)) return fail(ERR_FRAMING, i);
    at = msg + <usize>len;
    const frame = out + <usize>(i * FRAME);
    store<u32>(frame, 32);
    if (len <= ONE_BLOCK_MAX) {
      setLane(lane, msg, len, prefix, frame + 4);
      if (++lane == LANES) {
        flush(keyed);
        lane = 0;
      }
    } else if (keyed) {
      mac(msg, len, frame + 4);
    } else {
      digest(msg, len, frame + 4, SCRATCH_STATE);
    }
  }
  if (lane > 0) {
    idleLanes(lane, prefix);
    flush(keyed);
  }
  return OK;
}
