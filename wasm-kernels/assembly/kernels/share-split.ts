// share-split: each record, a 64-bit integer, becomes `shares` additive shares modulo
// 2^64. All but the last share are generator output from the batch seed; the last is
// the value minus their sum, so any shares-1 of them reveal nothing about the value.
import {
  OK, ERR_PARAMS, ERR_FRAMING, ERR_RECORD_LENGTH, ERR_STATE, ParamReader, RecordCursor,
  appendRecord, fail, resetOutput,
} from '../io';
import { nextU64, reseed } from '../lib/drbg';
export * from '../abi';

const MAX_SHARES: u32 = 64;
let shares: u32 = 0;

export function offload_init(paramsLen: u32): i32 {
  const params = new ParamReader(paramsLen);
  const k = params.u32();
  if (!params.done() || k < 2 || k > MAX_SHARES) return ERR_PARAMS;
  shares = k;
  reseed();
  return OK;
}

/** Restarts the generator from a new seed, keeping the share count. */
export function offload_reseed(): i32 {
  if (shares == 0) return ERR_STATE;
  reseed();
  return OK;
}

export function offload_map(count: u32, bytes: u32): i32 {
  if (shares == 0) return ERR_STATE;
  resetOutput();
  const records = new RecordCursor(count, bytes);
  while (records.next()) {
    if (records.len != 8) return fail(ERR_RECORD_LENGTH, records.index);
    let rest = load<u64>(records.ptr);
    const out = appendRecord(shares << 3);
    for (let i: u32 = 0; i + 1 < shares; i++) {
      const s = nextU64();
      store<u64>(out + (<usize>i << 3), s);
      rest -= s;
    }
    store<u64>(out + (<usize>(shares - 1) << 3), rest);
  }
  return records.broken ? fail(ERR_FRAMING, records.index + 1) : OK;
}
