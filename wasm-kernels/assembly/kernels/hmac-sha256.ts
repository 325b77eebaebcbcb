// hmac-sha256: each record becomes HMAC-SHA256(key, record), the keyed pseudonym of
// an identifier. The key is a job secret; the host enforces its minimum length.
import { OK, ERR_PARAMS, ERR_STATE, ParamReader } from '../io';
import { setKey } from '../lib/hmac';
import { mapDigests } from '../lib/digests';
export * from '../abi';

let keyed = false;

export function offload_init(paramsLen: u32): i32 {
  const params = new ParamReader(paramsLen);
  const key = params.bytes();
  const keyLen = params.lastLength;
  if (!params.done() || keyLen == 0) return ERR_PARAMS;
  setKey(key, keyLen);
  memory.fill(key, 0, <usize>keyLen);
  keyed = true;
  return OK;
}

// HMAC of 18-byte identifiers, one thread, through KernelInstance in 1 MiB chunks, on a
// shared 2-core machine (node:crypto createHmac per identifier: 0.15-0.2M/s):
//   rolled rounds, 64-word schedule array                      0.85M/s
//   unrolled rounds, 16-word rolling schedule in locals        1.2M/s
//   four-lane v128 multi-buffer (lib/sha256-lanes.ts)          2.0M/s
//   outer-block padding folded into the generated rounds      (inside the noise)
//   two interleaved groups of four lanes                       1.7M/s (spills; reverted)
//   W + K precomputed into memory before the rounds            2.2M/s -> 2.45M/s CPU time
// Tried and dropped as no faster: x << k as a multiply, Maj as b ^ ((a ^ b) & (b ^ c)),
// padding lanes straight into the transposed block. With the machine less loaded the
// same build runs at 2.6-3.2M/s of CPU time, 13-16x node:crypto in the same run.
export function offload_map(count: u32, bytes: u32): i32 {
  if (!keyed) return ERR_STATE;
  return mapDigests(count, bytes, true);
}
