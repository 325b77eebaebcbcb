// share-reconstruct: each record, a list of 64-bit shares, becomes their sum modulo
// 2^64, the value they were split from.
import {
  OK, ERR_PARAMS, ERR_FRAMING, ERR_RECORD_LENGTH, ParamReader, RecordCursor, appendRecord,
  fail, resetOutput,
} from '../io';
export * from '../abi';

export function offload_init(paramsLen: u32): i32 {
  return new ParamReader(paramsLen).done() ? OK : ERR_PARAMS;
}

export function offload_map(count: u32, bytes: u32): i32 {
  resetOutput();
  const records = new RecordCursor(count, bytes);
  while (records.next()) {
    const len = records.len;
    if (len == 0 || (len & 7) != 0) return fail(ERR_RECORD_LENGTH, records.index);
    let sum: u64 = 0;
    for (let p = records.ptr, end = records.ptr + <usize>len; p < end; p += 8) {
      sum += load<u64>(p);
    }
    store<u64>(appendRecord(8), sum);
  }
  return records.broken ? fail(ERR_FRAMING, records.index + 1) : OK;
}
