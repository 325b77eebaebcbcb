// Known-answer vectors: every kernel's pass through the host, a wrong expected value is
// caught, and the secret-sharing vectors are exactly what the independent generator
// (node:crypto SHA-256 in counter mode) writes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { OffloadError } from '../../src/errors.js';
import { Catalog } from '../../src/kernels/catalog.js';
import { DEFAULT_VECTOR_DIR, runVectors, type VectorFile } from '../../src/kernels/vectors.js';

const root = resolve(DEFAULT_VECTOR_DIR, '../..');

describe('known-answer vectors', () => {
  let dir = '';
  after(() => dir && rm(dir, { recursive: true, force: true }));

  it('all pass, and every kernel in the catalogue has some', async () => {
    const catalog = Catalog.load();
    const report = await runVectors(catalog);
    const failures = report.results.filter((r) => !r.ok);
    assert.deepEqual(failures, []);
    assert.equal(report.failed, 0);
    assert.equal(report.passed, report.results.length);
    for (const k of catalog.list()) {
      assert.ok(
        report.results.some((r) => r.kernel === k.name && r.ok),
        `${k.name} has vectors`,
      );
    }
  });

  it('covers all seven RFC 4231 cases and the five FIPS 180-4 messages', async () => {
    const report = await runVectors(Catalog.load(), ['hmac-sha256', 'sha256']);
    for (let n = 1; n <= 7; n++) {
      assert.ok(
        report.results.some(
          (r) =>
            r.name === `RFC 4231 test case ${n}` || r.name.startsWith(`RFC 4231 test case ${n} `),
        ),
      );
    }
    assert.ok(report.results.filter((r) => r.kernel === 'sha256').length >= 5);
    assert.equal(report.failed, 0);
  });

  it('reports a vector whose expected value is wrong, naming the record', async () => {
    dir = await mkdtemp(join(tmpdir(), 'offload-vectors-'));
    await cp(DEFAULT_VECTOR_DIR, dir, { recursive: true });
    const file = join(dir, 'hmac-sha256.json');
    const vectors = JSON.parse(await readFile(file, 'utf8')) as VectorFile;
    const first = vectors.vectors[0]!.output[0] as { hex: string };
    first.hex = first.hex.replace(/^b0/, 'b1');
    await writeFile(file, JSON.stringify(vectors));
    const report = await runVectors(Catalog.load(), ['hmac-sha256'], { dir });
    assert.equal(report.failed, 1);
    const bad = report.results.find((r) => !r.ok)!;
    assert.equal(bad.name, 'RFC 4231 test case 1');
    assert.match(bad.message!, /record 0: expected b1344c61.*, got b0344c61/);
  });

  it('counts a kernel without a vector file as a failure', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'offload-novectors-'));
    try {
      const report = await runVectors(Catalog.load(), ['share-sum'], { dir: empty });
      assert.equal(report.failed, 1);
      assert.match(report.results[0]!.message!, /no known-answer vectors for share-sum/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('rejects an unknown kernel name', async () => {
    await assert.rejects(
      runVectors(Catalog.load(), ['no-such-kernel']),
      (err: unknown) => err instanceof OffloadError && err.code === 'KERNEL_UNKNOWN',
    );
  });

  it('holds the share vectors that node:crypto SHA-256 in counter mode gives', async () => {
    const script = join(root, 'scripts/gen-share-vectors.mjs');
    await promisify(execFile)(process.execPath, [script, '--check']);
  });
});
