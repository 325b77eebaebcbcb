// Reproducible kernel builds: the same sources compiled twice, into two empty
// directories, give byte-identical modules and the same manifest.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { DEFAULT_KERNEL_DIR, type Manifest } from '../../src/kernels/catalog.js';

const script = resolve(DEFAULT_KERNEL_DIR, '../../scripts/build-kernels.mjs');

async function build(): Promise<{ dir: string; manifest: Manifest }> {
  const dir = await mkdtemp(join(tmpdir(), 'offload-build-'));
  await promisify(execFile)(process.execPath, [script, '--out', dir]);
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  return { dir, manifest };
}

describe('kernel build', () => {
  const dirs: string[] = [];
  after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('gives the same bytes and hashes when run twice', async () => {
    const first = await build();
    const second = await build();
    dirs.push(first.dir, second.dir);
    assert.ok(first.manifest.kernels.length >= 5);
    assert.deepEqual(second.manifest, first.manifest);
    for (const k of first.manifest.kernels) {
      const a = await readFile(join(first.dir, k.file));
      const b = await readFile(join(second.dir, k.file));
      assert.ok(a.equals(b), `${k.file} differs between builds`);
    }
  });
});
