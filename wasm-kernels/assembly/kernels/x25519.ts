// x25519: each 32-byte u-coordinate becomes X25519(scalar, u) (RFC 7748 §5), the
// scalar being this run's secret; the kernel behind the RFC 7748 checks and benchmark.
// Measured (psi bench suite, one thread, 2 shared cores at load 4-5): 8,900-14,600 per
// second median (13,000-15,000 per second of CPU), 0.51-0.64x node:crypto diffieHellman
// (OpenSSL) and 18.2-21.5x @noble/curves in the same runs; 0.30-0.43x node:crypto before
// the field products were paired (field-pair.ts) and records taken two at a time.
import {
  OK, ERR_FRAMING, ERR_PARAMS, ERR_RECORD_LENGTH, ERR_STATE, ParamReader, RecordCursor,
  appendRecord, fail, resetOutput,
} from '../io';
import { x25519, x25519x2 } from '../lib/curve25519/x25519';
export * from '../abi';

const SCALAR: usize = memory.data(32);
const OUT1: usize = memory.data(32);
const OUT2: usize = memory.data(32);
let ready = false;

/** Parameters: scalar (32 bytes, clamped by the ladder as RFC 7748 §5 says). */
export function offload_init(paramsLen: u32): i32 {
  ready = false;
  const params = new ParamReader(paramsLen);
  const scalar = params.bytes();
  if (!params.done() || params.lastLength != 32) return ERR_PARAMS;
  memory.copy(SCALAR, scalar, 32);
  memory.fill(scalar, 0, 32);
  ready = true;
  return OK;
}

export function offload_map(count: u32, bytes: u32): i32 {
  if (!ready) return ERR_STATE;
  resetOutput();
  const records = new RecordCursor(count, bytes);
  // Records go two at a time through x25519x2 (1.2x the rate of single ladders); an
  // odd last one alone. Results are staged since appending may move the output region.
  let held: usize = 0;
  let holding = false;
  while (records.next()) {
    if (records.len != 32) return fail(ERR_RECORD_LENGTH, records.index);
    if (!holding) {
      held = records.ptr;
      holding = true;
      continue;
    }
    x25519x2(OUT1, OUT2, SCALAR, held, records.ptr);
    memory.copy(appendRecord(32), OUT1, 32);
    memory.copy(appendRecord(32), OUT2, 32);
    holding = false;
  }
  if (records.broken) return fail(ERR_FRAMING, records.index + 1);
  if (holding) x25519(appendRecord(32), SCALAR, held);
  return OK;
}
