// Kernel host errors: what a user sees when a record, a kernel name or a module is bad.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { OffloadError } from '../../src/errors.js';
import { Catalog } from '../../src/kernels/catalog.js';
import { KernelInstance } from '../../src/kernels/host.js';
import { encodeParams } from '../../src/kernels/params.js';
import { frame, kernel } from './helpers.js';

function u64(v: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt.asUintN(64, v));
  return b;
}

function isOffloadError(code: string, pattern: RegExp, record?: number) {
  return (err: unknown): boolean => {
    assert.ok(err instanceof OffloadError, `expected an OffloadError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.match(err.message, pattern);
    if (record !== undefined) assert.equal(err.record, record);
    return true;
  };
}

describe('kernel host', () => {
  const seed = Buffer.alloc(32, 7);

  it('names the index of a record with the wrong length', async () => {
    const k = await kernel('share-split', { shares: 3 }, seed);
    const chunk = frame([u64(1n), u64(2n), Buffer.alloc(7), u64(4n)]);
    assert.throws(
      () => k.map(chunk, 4, 1000),
      isOffloadError('RECORD_INVALID', /record 1002: record has the wrong length/, 1002),
    );
  });

  it('names the record whose frame runs past the end of the chunk', async () => {
    const k = await kernel('hmac-sha256', { key: Buffer.alloc(32, 1) });
    const chunk = frame([Buffer.from('a'), Buffer.from('b'), Buffer.from('c')]);
    assert.throws(
      () => k.map(chunk.subarray(0, chunk.length - 1), 3),
      isOffloadError('RECORD_INVALID', /record 2: record frame runs past/, 2),
    );
  });

  it('refuses a frame length that would wrap around the address space', async () => {
    const k = await kernel('sha256');
    const chunk = Buffer.concat([
      frame([Buffer.from('ok')]),
      Buffer.from([0xf0, 0xff, 0xff, 0xff]),
    ]);
    assert.throws(() => k.map(chunk, 2), isOffloadError('RECORD_INVALID', /record 1:/, 1));
  });

  it('names an unknown kernel and lists the known ones', () => {
    assert.throws(
      () => Catalog.load().get('hmac-sha512'),
      isOffloadError('KERNEL_UNKNOWN', /unknown kernel "hmac-sha512"; known: .*hmac-sha256/),
    );
  });

  it('refuses parameters the kernel rejects', async () => {
    const catalog = Catalog.load();
    const entry = catalog.get('hmac-sha256');
    const params = encodeParams(entry, { key: Buffer.alloc(0) });
    await assert.rejects(
      KernelInstance.create(entry, await catalog.module(entry), params),
      isOffloadError('PARAM_INVALID', /parameters rejected/),
    );
  });

  describe('with a module altered after the build', () => {
    let dir = '';
    after(() => rm(dir, { recursive: true, force: true }));

    it('refuses a module whose bytes do not match the manifest hash', async () => {
      const built = Catalog.load();
      dir = await mkdtemp(join(tmpdir(), 'offload-kernels-'));
      await cp(built.dir, dir, { recursive: true });
      const entry = built.get('sha256');
      const file = join(dir, entry.file);
      const bytes = await readFile(file);
      bytes[bytes.length - 1] ^= 1;
      await writeFile(file, bytes);
      await assert.rejects(
        Catalog.load(dir).module(entry),
        isOffloadError('KERNEL_INVALID', new RegExp(`expected ${entry.sha256}`)),
      );
    });
  });
});
