// hmac: keyed pseudonyms of 18-byte identifiers, HMAC-SHA256 (RFC 2104). Compares the
// offload-wasm kernel, run through KernelInstance on ~1 MiB framed chunks as the batch
// runner feeds it, with node:crypto and @noble/hashes called once per identifier, the
// way application code would pseudonymise a column without Offload.
//
// Settings (`--set`): records (default 65536), chunk (bytes, default 1048576), runs, ms.
import { createHash, createHmac } from 'node:crypto';
import { Catalog } from '../../kernels/catalog.js';
import { KernelInstance } from '../../kernels/host.js';
import { encodeParams, resolveParams } from '../../kernels/params.js';
import { OffloadError } from '../../errors.js';
import { intSetting, measureInterleaved, timing, type Contender } from '../measure.js';
import type { BenchOptions, BenchResult, Suite } from '../types.js';
import { frameChunks, nationalIds } from './identifiers.js';

const OP = 'hmac-18B';
const REFERENCE = 'node:crypto';

type MacFn = (id: Buffer) => Uint8Array;

async function nobleMac(key: Buffer): Promise<MacFn> {
  // A dev dependency: loaded only when the suite runs.
  const { hmac } = await import('@noble/hashes/hmac.js');
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return (id) => hmac(sha256, key, id);
}

const nodeMac =
  (key: Buffer): MacFn =>
  (id) =>
    createHmac('sha256', key).update(id).digest();

/** Steps over `ids` a slice at a time, one MAC per identifier. */
function perIdentifier(impl: string, ids: Buffer[], mac: MacFn, slice: number): Contender {
  let at = 0;
  return {
    impl,
    op: OP,
    step() {
      const end = Math.min(at + slice, ids.length);
      for (let i = at; i < end; i++) mac(ids[i]!);
      const done = end - at;
      at = end === ids.length ? 0 : end;
      return done;
    },
  };
}

async function kernelContender(key: Buffer, ids: Buffer[], chunkBytes: number): Promise<Contender> {
  const catalog = Catalog.load();
  const entry = catalog.get('hmac-sha256');
  const params = encodeParams(entry, resolveParams(entry, { key }));
  const kernel = await KernelInstance.create(entry, await catalog.module(entry), params);
  const chunks = frameChunks(ids, chunkBytes);
  let next = 0;
  return {
    impl: 'offload-wasm',
    op: OP,
    reference: REFERENCE,
    extra: { kernel: entry.sha256.slice(0, 16), chunkRecords: chunks[0]!.count },
    step() {
      const { chunk, count } = chunks[next]!;
      next = (next + 1) % chunks.length;
      kernel.map(chunk, count);
      return count;
    },
  };
}

async function* run(options: BenchOptions): AsyncIterable<BenchResult> {
  const records = intSetting(options, 'records', options.quick ? 16384 : 65536);
  const chunkBytes = intSetting(options, 'chunk', 1 << 20, 64);
  const key = createHash('sha256').update('offload bench hmac key').digest();
  const ids = nationalIds(records);
  const kernel = await kernelContender(key, ids, chunkBytes);
  const noble = await nobleMac(key);
  await agree(key, ids.slice(0, 257), noble);
  const contenders = [
    kernel,
    perIdentifier(REFERENCE, ids, nodeMac(key), 1024),
    perIdentifier('@noble/hashes', ids, noble, 256),
  ];
  yield* measureInterleaved('hmac', contenders, timing(options));
}

/** Checks that the kernel, node:crypto and noble give the same MACs before timing them. */
async function agree(key: Buffer, ids: Buffer[], noble: MacFn): Promise<void> {
  const catalog = Catalog.load();
  const entry = catalog.get('hmac-sha256');
  const params = encodeParams(entry, resolveParams(entry, { key }));
  const kernel = await KernelInstance.create(entry, await catalog.module(entry), params);
  const { chunk, count } = frameChunks(ids, 1 << 20)[0]!;
  const out = kernel.map(chunk, count);
  ids.forEach((id, i) => {
    const expected = Buffer.from(nodeMac(key)(id));
    const got = out.subarray(i * 36 + 4, i * 36 + 36);
    if (!expected.equals(got) || !expected.equals(noble(id))) {
      throw new OffloadError(
        'KERNEL_FAILED',
        `hmac bench: implementations disagree on record ${i}`,
      );
    }
  });
}

export const suite: Suite = {
  name: 'hmac',
  description: 'HMAC-SHA256 pseudonyms of 18-byte identifiers: kernel vs node:crypto vs noble',
  run,
};
