// paillier-scale: each record, a ciphertext of m, becomes a ciphertext of k*m (mod n)
// for the plaintext integer k given as a parameter: c^k mod n², and for a negative k,
// (c^-1)^|k|.
import {
  OK, ERR_PARAMS, ERR_FRAMING, ERR_RECORD_ENCODING, ERR_STATE, ParamReader, RecordCursor,
  appendRecord, fail, resetOutput,
} from '../io';
import { allocLimbs, toBytesBE } from '../lib/bigint/limbs';
import { PublicKey, readPublicKey } from '../lib/paillier/key';
import { UnitScreen, readCiphertext } from '../lib/paillier/records';
import { ScalarPow } from '../lib/paillier/scalar';
export * from '../abi';

let key: PublicKey | null = null;
let screen: UnitScreen | null = null;
let scalar: ScalarPow | null = null;
let factor: i64 = 0;
let c: usize = 0;
let y: usize = 0;

export function offload_init(paramsLen: u32): i32 {
  const params = new ParamReader(paramsLen);
  const pk = readPublicKey(params);
  const kValue = params.u64();
  if (pk == null || !params.done()) return ERR_PARAMS;
  factor = <i64>kValue;
  c = allocLimbs(pk.k);
  y = allocLimbs(pk.k);
  screen = new UnitScreen(pk);
  scalar = new ScalarPow(pk);
  key = pk;
  return OK;
}

export function offload_map(count: u32, bytes: u32): i32 {
  if (key == null) return ERR_STATE;
  const pk = key!;
  const s = screen!;
  s.reset();
  resetOutput();
  const records = new RecordCursor(count, bytes);
  while (records.next()) {
    const rc = readCiphertext(c, records.ptr, records.len, pk.k, pk.n2, pk.n2Bytes);
    if (rc != OK) return fail(rc, records.index);
    s.add(c);
    if (!scalar!.pow(y, c, factor, false)) return fail(ERR_RECORD_ENCODING, records.index);
    toBytesBE(appendRecord(pk.n2Bytes), pk.n2Bytes, y, pk.k);
  }
  if (records.broken) return fail(ERR_FRAMING, records.index + 1);
  return s.allUnits() ? OK : blame(count, bytes);
}

function blame(count: u32, bytes: u32): i32 {
  const pk = key!;
  const records = new RecordCursor(count, bytes);
  while (records.next()) {
    readCiphertext(c, records.ptr, records.len, pk.k, pk.n2, pk.n2Bytes);
    if (!screen!.isUnit(c)) return fail(ERR_RECORD_ENCODING, records.index);
  }
  return fail(ERR_RECORD_ENCODING, 0);
}
