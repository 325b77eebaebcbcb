// sha256: each record becomes its 32-byte SHA-256 digest.
import {
  OK, ERR_PARAMS, ERR_FRAMING, ParamReader, RecordCursor, appendRecord, fail, resetOutput,
} from '../io';
import { digest } from '../lib/sha256';
export * from '../abi';

const STATE: usize = memory.data(32);

export function offload_init(paramsLen: u32): i32 {
  return new ParamReader(paramsLen).done() ? OK : ERR_PARAMS;
}

export function offload_map(count: u32, bytes: u32): i32 {
  resetOutput();
  const records = new RecordCursor(count, bytes);
  while (records.next()) {
    digest(records.ptr, records.len, appendRecord(32), STATE);
  }
  return records.broken ? fail(ERR_FRAMING, records.index + 1) : OK;
}
