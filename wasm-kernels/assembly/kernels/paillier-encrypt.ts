// paillier-encrypt: each record, a signed 64-bit integer m, becomes the Paillier
// ciphertext c = (1 + m*n) * hs^r mod n² (big-endian, |n²|/8 bytes).
//
// Randomness: the short-exponent variant of Damgård, Jurik and Nielsen ("A
// Generalization of Paillier's Public-Key System with Applications to Electronic
// Voting", 2010, section 4.2): hs = -y^(2n) mod n² is an n-th power fixed per key,
// and r has |n|/2 bits from the batch's seeded generator. hs^r = ((-y²)^r)^n, so c is
// an ordinary Paillier ciphertext that any Paillier decryption opens. Its semantic
// security rests on an extra assumption: that hs^r for a short r is indistinguishable
// from a random n-th power (DJN reduce it to the hardness of the short-exponent
// discrete log problem in the group of n-th powers). This is what lets the kernel use
// a fixed base: hs^r is a product of |n|/2w table entries and needs no squarings.
import {
  OK, ERR_PARAMS, ERR_FRAMING, ERR_RECORD_LENGTH, ERR_STATE, ParamReader, RecordCursor,
  appendRecord, fail, resetOutput,
} from '../io';
import { fill, reseed } from '../lib/drbg';
import { allocBytes, allocLimbs, toBytesBE } from '../lib/bigint/limbs';
import { montMul, reduceOnce, toMont } from '../lib/bigint/montgomery';
import { BATCH, FixedBase, FixedBatch } from '../lib/bigint/fixedbase';
import { PublicKey, readPublicKey } from '../lib/paillier/key';
import { messageFactor } from '../lib/paillier/encode';
export * from '../abi';

/**
 * Fixed-base window width, for a table of ceil(|n|/2w) rows of 2^w entries, every
 * lookup reading its whole row (constant time). With four exponents sharing a row scan
 * through and/or masks, measured at 2048 bits as the cost of one hs^r in Montgomery
 * products (run time over one product's time, same run):
 *   w = 5: 238 (205 products, 4 MB table)    w = 6: 207-227 (171 products, 6.6 MB)
 *   w = 7: 229-383 (147 products, 11 MB)      w = 8: 287-372 (128 products, 20 MB)
 * Since sixteen exponents share a scan by byte shuffles (fixedbase.ts), the scan costs
 * little and w = 8 pays: one hs^r, CPU time, same run, 1433-1450 us at w = 8 against
 * 1523-1553 us at w = 7 (w = 9 would save 14 more products but double the scan);
 * whole kernel, encryptions per CPU second, interleaved runs: 703 against 648 at 2048
 * bits, 230 against 206 at 3072. The price is the table, 20 MB at 2048 bits and 45 MB
 * at 3072, and building it once per kernel instance: 0.38 s of CPU at 2048 bits
 * (0.21 s at w = 7), 1.1 s at 3072 (0.64 s), under 1% of a 50,000-record batch.
 */
const WINDOW: u32 = 8;

let key: PublicKey | null = null;
let batch: FixedBatch | null = null;
let rBytes: u32 = 0;
/** BATCH exponents r, results hs^r and the addresses of both (u32 each). */
let rs: usize = 0;
let xs: usize = 0;
let rPtrs: usize = 0;
let xPtrs: usize = 0;
/** Where each record of the current batch is. */
let recordPtrs: usize = 0;
let f: usize = 0;
let lanes: usize = 0;
let tmp: usize = 0;

export function offload_init(paramsLen: u32): i32 {
  const params = new ParamReader(paramsLen);
  const pk = readPublicKey(params);
  if (pk == null || !params.done()) return ERR_PARAMS;
  const k = pk.k;
  const hsM = allocLimbs(k);
  toMont(hsM, pk.hs, pk.mont);
  rBytes = pk.bits >> 4;
  batch = new FixedBatch(new FixedBase(pk.mont, hsM, rBytes << 3, WINDOW), pk.mont);
  const rStride = <usize>rBytes + 8;
  rs = allocBytes(rStride * BATCH);
  xs = allocBytes((<usize>k << 2) * BATCH);
  rPtrs = allocBytes(<usize>BATCH << 2);
  xPtrs = allocBytes(<usize>BATCH << 2);
  recordPtrs = allocBytes(<usize>BATCH << 2);
  for (let b: u32 = 0; b < BATCH; b++) {
    store<u32>(rPtrs + (<usize>b << 2), <u32>(rs + <usize>b * rStride));
    store<u32>(xPtrs + (<usize>b << 2), <u32>(xs + <usize>b * (<usize>k << 2)));
  }
  f = allocLimbs(k);
  tmp = allocLimbs(k);
  lanes = allocBytes(<usize>(k + 4) << 3);
  key = pk;
  reseed();
  return OK;
}

/** Restarts the generator from a new seed, keeping the key and its table. */
export function offload_reseed(): i32 {
  if (key == null) return ERR_STATE;
  reseed();
  return OK;
}

/**
 * Records go through in groups of BATCH, which share the table reads; each record
 * still takes its own r, in record order, so outputs do not depend on the grouping.
 */
export function offload_map(count: u32, bytes: u32): i32 {
  if (key == null) return ERR_STATE;
  resetOutput();
  const records = new RecordCursor(count, bytes);
  let held: u32 = 0;
  while (records.next()) {
    if (records.len != 8) return fail(ERR_RECORD_LENGTH, records.index);
    store<u32>(recordPtrs + (<usize>held << 2), <u32>records.ptr);
    fill(load<u32>(rPtrs + (<usize>held << 2)), rBytes);
    if (++held == BATCH) {
      encryptHeld(held);
      held = 0;
    }
  }
  if (held > 0) encryptHeld(held);
  memory.fill(rs, 0, (<usize>rBytes + 8) * BATCH);
  return records.broken ? fail(ERR_FRAMING, records.index + 1) : OK;
}

/** Encrypts the `held` records of the current group and appends their ciphertexts. */
function encryptHeld(held: u32): void {
  const pk = key!;
  batch!.pow(xPtrs, rPtrs, held, pk.mont);
  for (let b: u32 = 0; b < held; b++) {
    const x = <usize>load<u32>(xPtrs + (<usize>b << 2));
    messageFactor(f, load<i64>(<usize>load<u32>(recordPtrs + (<usize>b << 2))), pk, lanes, tmp);
    // x is hs^r in Montgomery form, f is plain: their Montgomery product is plain.
    montMul(x, x, f, pk.mont);
    reduceOnce(x, pk.mont);
    toBytesBE(appendRecord(pk.n2Bytes), pk.n2Bytes, x, pk.k);
  }
}
