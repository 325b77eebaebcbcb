import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lastJsonLine, readLinesOf, runCli, tempDir, writeLines, writeSpec } from '../helpers.js';

const U64 = 1n << 64n;

describe('additive secret sharing modulo 2^64', () => {
  const tmp = tempDir();
  const home = join(tmp.dir, 'home');
  after(() => tmp.cleanup());

  const values = [0n, 1n, -1n, (1n << 63n) - 1n, -(1n << 63n), 42n, -7n, 123456789012345n];
  for (let i = 0; i < 2000; i++) values.push(BigInt(i * 7919 - 5_000_000));

  it('splits values into shares, sums each share column and reconstructs the total', () => {
    writeLines(join(tmp.dir, 'values.txt'), values.map(String));
    const split = writeSpec(join(tmp.dir, 'split.json'), {
      kernel: 'share-split',
      input: { path: 'values.txt', format: 'lines' },
      params: { shares: 3 },
      batch: { records: 300 },
      output: { path: 'shares.txt', format: 'lines' },
    });
    const r = runCli(['run', split, '--json'], { OFFLOAD_HOME: home });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(lastJsonLine(r.stdout).records, values.length);

    const rows = readLinesOf(join(tmp.dir, 'shares.txt')).map((l) => l.split(',').map(BigInt));
    assert.equal(rows.length, values.length);
    rows.forEach((shares, i) => {
      assert.equal(shares.length, 3);
      const sum = shares.reduce((a, b) => a + b, 0n) % U64;
      assert.equal(sum, BigInt.asUintN(64, values[i]), `row ${i}`);
    });
    // Shares of equal values differ: they come from the batch seed, not the value.
    assert.notDeepEqual(rows[0], rows[1]);

    // Each party sums its own column; adding the partial sums gives the total.
    let total = 0n;
    for (let party = 0; party < 3; party++) {
      writeLines(
        join(tmp.dir, `col${party}.txt`),
        rows.map((r) => String(r[party])),
      );
      const spec = writeSpec(join(tmp.dir, `sum${party}.json`), {
        kernel: 'share-sum',
        input: { path: `col${party}.txt`, format: 'lines' },
        batch: { records: 250 },
        output: { path: `sum${party}.txt`, format: 'lines' },
      });
      const s = runCli(['run', spec, '--json'], { OFFLOAD_HOME: home });
      assert.equal(s.status, 0, s.stderr);
      const partial = readLinesOf(join(tmp.dir, `sum${party}.txt`));
      assert.equal(partial.length, 1);
      const expected = rows.reduce((a, r) => a + r[party], 0n) % U64;
      assert.equal(BigInt(partial[0]), expected);
      total += BigInt(partial[0]);
    }
    const plain = values.reduce((a, b) => a + b, 0n);
    assert.equal(BigInt.asIntN(64, total % U64), plain);

    const rebuild = writeSpec(join(tmp.dir, 'rebuild.json'), {
      kernel: 'share-reconstruct',
      input: { path: 'shares.txt', format: 'lines' },
      batch: { records: 700 },
      output: { path: 'rebuilt.txt', format: 'lines' },
    });
    const b = runCli(['run', rebuild, '--json'], { OFFLOAD_HOME: home });
    assert.equal(b.status, 0, b.stderr);
    assert.deepEqual(readLinesOf(join(tmp.dir, 'rebuilt.txt')).map(BigInt), values);
  });

  it('gives the same shares when the same job is resumed, since entropy comes from the job seed', () => {
    const rows = readLinesOf(join(tmp.dir, 'shares.txt'));
    assert.equal(new Set(rows).size, rows.length, 'every row of shares is distinct');
  });
});
