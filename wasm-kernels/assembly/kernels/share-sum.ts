// share-sum: a reduce that adds 64-bit shares modulo 2^64. A party sums its column of
// shares; adding the parties' partial sums reconstructs the total of the values.
import {
  OK, ERR_PARAMS, ERR_FRAMING, ERR_RECORD_LENGTH, ParamReader, RecordCursor, appendRecord,
  fail, resetOutput,
} from '../io';
export * from '../abi';

let total: u64 = 0;

export function offload_init(paramsLen: u32): i32 {
  total = 0;
  return new ParamReader(paramsLen).done() ? OK : ERR_PARAMS;
}

function fold(count: u32, bytes: u32): i32 {
  const records = new RecordCursor(count, bytes);
  let sum = total;
  while (records.next()) {
    if (records.len != 8) return fail(ERR_RECORD_LENGTH, records.index);
    sum += load<u64>(records.ptr);
  }
  if (records.broken) return fail(ERR_FRAMING, records.index + 1);
  total = sum;
  return OK;
}

export function offload_reduce(count: u32, bytes: u32): i32 {
  return fold(count, bytes);
}

/** Partials have the same shape as records, so combining is the same fold. */
export function offload_combine(count: u32, bytes: u32): i32 {
  return fold(count, bytes);
}

export function offload_finish(): i32 {
  resetOutput();
  store<u64>(appendRecord(8), total);
  total = 0;
  return OK;
}
