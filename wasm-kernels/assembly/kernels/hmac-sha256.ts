// hmac-sha256: each record becomes HMAC-SHA256(key, record), the keyed pseudonym of
// an identifier. The key is a job secret; the host enforces its minimum length.
import {
  OK, ERR_PARAMS, ERR_FRAMING, ERR_STATE, ParamReader, RecordCursor, appendRecord, fail,
  resetOutput,
} from '../io';
import { mac, setKey } from '../lib/hmac';
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

export function offload_map(count: u32, bytes: u32): i32 {
  if (!keyed) return ERR_STATE;
  resetOutput();
  const records = new RecordCursor(count, bytes);
  while (records.next()) {
    mac(records.ptr, records.len, appendRecord(32));
  }
  return records.broken ? fail(ERR_FRAMING, records.index + 1) : OK;
}
