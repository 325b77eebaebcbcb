// paillier-dot: each record is an encrypted feature vector, d ciphertexts of
// |n²|/8 bytes each; with the plaintext weights w (the parameter, d little-endian
// int64) it becomes one ciphertext of sum_i w_i * x_i: prod_i c_i^w_i mod n². This is
// the score of a linear model (credit scoring) computed without seeing the features.
//
// Negative weights: their terms are multiplied into a second product, inverted once
// per record (one binary extended GCD, about as costly as one 64-bit power) rather
// than once per weight.
import {
  OK, ERR_PARAMS, ERR_FRAMING, ERR_RECORD_ENCODING, ERR_RECORD_LENGTH, ERR_STATE,
  ParamReader, RecordCursor, appendRecord, fail, resetOutput,
} from '../io';
import { allocLimbs, copyLimbs, toBytesBE } from '../lib/bigint/limbs';
import { fromMont, montMul, reduceOnce, toMont } from '../lib/bigint/montgomery';
import { invertMod } from '../lib/bigint/gcd';
import { PublicKey, readPublicKey } from '../lib/paillier/key';
import { UnitScreen, readCiphertext } from '../lib/paillier/records';
import { ScalarPow } from '../lib/paillier/scalar';
export * from '../abi';

const MAX_WEIGHTS: u32 = 4096;

let key: PublicKey | null = null;
let screen: UnitScreen | null = null;
let scalar: ScalarPow | null = null;
let weights: usize = 0;
let d: u32 = 0;
let anyNegative = false;
let c: usize = 0;
let y: usize = 0;
let pos: usize = 0;
let neg: usize = 0;
let gcdScratch: usize = 0;

export function offload_init(paramsLen: u32): i32 {
  const params = new ParamReader(paramsLen);
  const pk = readPublicKey(params);
  const w = params.bytes();
  const wLen = params.lastLength;
  if (pk == null || !params.done() || wLen == 0 || (wLen & 7) != 0) return ERR_PARAMS;
  d = wLen >> 3;
  if (d > MAX_WEIGHTS) return ERR_PARAMS;
  weights = heap.alloc(<usize>wLen);
  memory.copy(weights, w, <usize>wLen);
  anyNegative = false;
  for (let i: u32 = 0; i < d; i++) if (load<i64>(weights + (<usize>i << 3)) < 0) anyNegative = true;
  c = allocLimbs(pk.k);
  y = allocLimbs(pk.k);
  pos = allocLimbs(pk.k);
  neg = allocLimbs(pk.k);
  gcdScratch = allocLimbs(4 * pk.k);
  screen = new UnitScreen(pk);
  scalar = new ScalarPow(pk);
  key = pk;
  return OK;
}

/** The dot product of one record into `pos` (plain, reduced); an error code or OK. */
function dot(ptr: usize): i32 {
  const pk = key!;
  const mont = pk.mont;
  copyLimbs(pos, mont.one, pk.k);
  copyLimbs(neg, mont.one, pk.k);
  for (let i: u32 = 0; i < d; i++) {
    const at = ptr + <usize>i * <usize>pk.n2Bytes;
    const rc = readCiphertext(c, at, pk.n2Bytes, pk.k, pk.n2, pk.n2Bytes);
    if (rc != OK) return rc;
    screen!.add(c);
    const w = load<i64>(weights + (<usize>i << 3));
    if (w == 0) continue;
    scalar!.powAbs(y, c, w < 0 ? <u64>0 - <u64>w : <u64>w, true);
    if (w < 0) montMul(neg, neg, y, mont);
    else montMul(pos, pos, y, mont);
  }
  fromMont(pos, pos, mont);
  if (anyNegative) {
    fromMont(neg, neg, mont);
    if (!invertMod(y, neg, pk.n2, pk.k, gcdScratch)) return ERR_RECORD_ENCODING;
    toMont(y, y, mont);
    montMul(pos, pos, y, mont); // plain * Montgomery form: plain
    reduceOnce(pos, mont);
  }
  return OK;
}

export function offload_map(count: u32, bytes: u32): i32 {
  if (key == null) return ERR_STATE;
  const pk = key!;
  screen!.reset();
  resetOutput();
  const records = new RecordCursor(count, bytes);
  const size = <u32>d * pk.n2Bytes;
  while (records.next()) {
    if (records.len != size) return fail(ERR_RECORD_LENGTH, records.index);
    const rc = dot(records.ptr);
    if (rc != OK) return fail(rc, records.index);
    toBytesBE(appendRecord(pk.n2Bytes), pk.n2Bytes, pos, pk.k);
  }
  if (records.broken) return fail(ERR_FRAMING, records.index + 1);
  return screen!.allUnits() ? OK : blame(count, bytes);
}

function blame(count: u32, bytes: u32): i32 {
  const pk = key!;
  const records = new RecordCursor(count, bytes);
  while (records.next()) {
    for (let i: u32 = 0; i < d; i++) {
      const at = records.ptr + <usize>i * <usize>pk.n2Bytes;
      readCiphertext(c, at, pk.n2Bytes, pk.k, pk.n2, pk.n2Bytes);
      if (!screen!.isUnit(c)) return fail(ERR_RECORD_ENCODING, records.index);
    }
  }
  return fail(ERR_RECORD_ENCODING, 0);
}
