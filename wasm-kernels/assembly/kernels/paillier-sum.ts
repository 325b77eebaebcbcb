// paillier-sum: a reduce whose partial is the product of its ciphertexts mod n²,
// which encrypts the sum of their plaintexts (mod n). Partials are ciphertexts too,
// so combining them is the same product.
//
// The running product is kept as P * R^(1-j) after j Montgomery products (starting
// from R, P = 1), which spares converting every record into Montgomery form; finish
// multiplies by R^j once (an exponentiation by the count j) to recover P.
import {
  OK, ERR_PARAMS, ERR_FRAMING, ERR_RECORD_ENCODING, ERR_STATE, ParamReader, RecordCursor,
  appendRecord, fail, resetOutput,
} from '../io';
import { allocBytes, allocLimbs, copyLimbs, toBytesBE } from '../lib/bigint/limbs';
import { fromMont, montMul } from '../lib/bigint/montgomery';
import { PowScratch, montPowPublic } from '../lib/bigint/exp';
import { PublicKey, readPublicKey } from '../lib/paillier/key';
import { UnitScreen, readCiphertext } from '../lib/paillier/records';
export * from '../abi';

let key: PublicKey | null = null;
let screen: UnitScreen | null = null;
let scratch: PowScratch | null = null;
let acc: usize = 0;
let folded: u64 = 0;
let c: usize = 0;
let fix: usize = 0;
let countBytes: usize = 0;

export function offload_init(paramsLen: u32): i32 {
  const params = new ParamReader(paramsLen);
  const pk = readPublicKey(params);
  if (pk == null || !params.done()) return ERR_PARAMS;
  acc = allocLimbs(pk.k);
  c = allocLimbs(pk.k);
  fix = allocLimbs(pk.k);
  countBytes = allocBytes(16);
  screen = new UnitScreen(pk);
  scratch = new PowScratch(pk.mont, 4);
  key = pk;
  resetPartial();
  return OK;
}

function resetPartial(): void {
  copyLimbs(acc, key!.mont.one, key!.k);
  folded = 0;
}

/**
 * Folds a chunk into the running product. The chunk is first folded into the screen's
 * product alone; only once every record is read and all are units does it join the
 * partial, so a refused chunk leaves the partial as it was.
 */
function fold(count: u32, bytes: u32): i32 {
  if (key == null) return ERR_STATE;
  const pk = key!;
  const s = screen!;
  s.reset();
  const records = new RecordCursor(count, bytes);
  while (records.next()) {
    const rc = readCiphertext(c, records.ptr, records.len, pk.k, pk.n2, pk.n2Bytes);
    if (rc != OK) return fail(rc, records.index);
    s.add(c);
  }
  if (records.broken) return fail(ERR_FRAMING, records.index + 1);
  if (!s.allUnits()) return blame(count, bytes);
  // The screen's product of t records, started from 1, is P' * R^-t; the Montgomery
  // product with acc = P * R^(1-j) gives P P' * R^(1-(j+t+1)).
  montMul(acc, acc, s.product, pk.mont);
  folded += <u64>count + 1;
  return OK;
}

/** Finds the first record of a refused chunk that is not a unit mod n². */
function blame(count: u32, bytes: u32): i32 {
  const pk = key!;
  const records = new RecordCursor(count, bytes);
  while (records.next()) {
    readCiphertext(c, records.ptr, records.len, pk.k, pk.n2, pk.n2Bytes);
    if (!screen!.isUnit(c)) return fail(ERR_RECORD_ENCODING, records.index);
  }
  return fail(ERR_RECORD_ENCODING, 0);
}

export function offload_reduce(count: u32, bytes: u32): i32 {
  return fold(count, bytes);
}

/** Partials are ciphertexts, so combining is the same fold. */
export function offload_combine(count: u32, bytes: u32): i32 {
  return fold(count, bytes);
}

export function offload_finish(): i32 {
  if (key == null) return ERR_STATE;
  const pk = key!;
  // acc = P * R^(1 - folded); multiply by R^folded, whose Montgomery form R^(folded+1)
  // is (R^2)^folded computed in Montgomery form, then leave Montgomery form.
  store<u64>(countBytes, folded);
  montPowPublic(fix, pk.mont.r2, countBytes, 64, pk.mont, scratch!);
  montMul(acc, acc, fix, pk.mont);
  fromMont(acc, acc, pk.mont);
  resetOutput();
  toBytesBE(appendRecord(pk.n2Bytes), pk.n2Bytes, acc, pk.k);
  resetPartial();
  return OK;
}
