// Reusing a kernel instance for the next batch: a reseeded instance gives the bytes a
// fresh one gives, so a batch's output does not depend on which batch its thread ran
// before (resumed jobs stay byte-identical); instances whose parameters hold a secret
// are never kept.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { generateKey, publicKeyBlob } from '../../src/crypto/paillier/keys.js';
import { openKernel, mapRecords } from '../../src/crypto/paillier/kernel-run.js';
import { FrameBuilder } from '../../src/datasets/framing.js';
import { sha256Hex } from '../../src/digest.js';
import { Catalog } from '../../src/kernels/catalog.js';
import { encodeParams } from '../../src/kernels/params.js';
import { runBatch, type RunnerTask } from '../../src/runner/run-batch.js';
import { tempDir } from '../helpers.js';
import { kernel } from './helpers.js';

function u64(v: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return b;
}

const SEED_A = Buffer.alloc(32, 1);
const SEED_B = Buffer.alloc(32, 2);

describe('reseeding a kernel instance', () => {
  it('share-split: a reseeded instance splits as a fresh one with that seed', async () => {
    const records = [u64(10n), u64(20n), u64(2n ** 64n - 1n)];
    const fresh = mapRecords(await kernel('share-split', { shares: 3 }, SEED_B), records);
    const reused = await kernel('share-split', { shares: 3 }, SEED_A);
    const first = mapRecords(reused, records);
    assert.notDeepEqual(first, fresh, 'different seeds give different shares');
    reused.reseed(SEED_B);
    assert.deepEqual(mapRecords(reused, records), fresh);
    reused.reseed(SEED_A);
    assert.deepEqual(mapRecords(reused, records), first);
  });

  it('paillier-encrypt: same ciphertexts from a reseeded instance, table kept', async () => {
    const key = await generateKey(2048);
    const params = { paillierPublicKey: publicKeyBlob(key) };
    const records = [u64(1n), u64(5n), u64(123456789n)];
    const fresh = mapRecords(await openKernel('paillier-encrypt', params, SEED_B), records);
    const reused = await openKernel('paillier-encrypt', params, SEED_A);
    mapRecords(reused, records);
    reused.reseed(SEED_B);
    assert.deepEqual(mapRecords(reused, records), fresh);
    assert.equal(reused.reusable, true);
  });

  it('says which instances can serve another seed', async () => {
    assert.equal((await kernel('sha256', {}, SEED_A)).reusable, true, 'no entropy');
    assert.equal((await kernel('share-split', { shares: 2 }, SEED_A)).reusable, true);
  });
});

describe('the runner on one thread, batch after batch', () => {
  const tmp = tempDir();
  const catalog = Catalog.load();
  let tasks: RunnerTask[];

  before(() => {
    const entry = catalog.get('share-split');
    tasks = [0, 1].map((index) => {
      const b = new FrameBuilder();
      for (let i = 0; i < 1000; i++) b.push(u64(BigInt(index * 1000 + i)));
      const file = b.take().file;
      const inputPath = join(tmp.dir, `in${index}`);
      writeFileSync(inputPath, file);
      return {
        kernel: entry,
        kernelPath: catalog.path(entry),
        params: encodeParams(entry, { shares: 3 }),
        seed: Buffer.alloc(32, 9),
        batchIndex: index,
        firstRecord: index * 1000,
        inputPath,
        inputSha256: sha256Hex(file),
        outputPath: join(tmp.dir, `out${index}`),
      };
    });
  });

  it('gives a batch the same output whichever batch ran before it', async () => {
    const outputs: string[] = [];
    for (const i of [1, 0, 1, 1, 0]) {
      const outcome = await runBatch(tasks[i]);
      assert.equal(outcome.ok, true, JSON.stringify(outcome));
      outputs.push(sha256Hex(readFileSync(tasks[i].outputPath)));
    }
    assert.equal(outputs[0], outputs[2]);
    assert.equal(outputs[2], outputs[3]);
    assert.equal(outputs[1], outputs[4]);
    assert.notEqual(outputs[0], outputs[1]);
  });
});
