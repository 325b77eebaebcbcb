// The bench runner end to end on the real hmac suite, cut short with --set.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseBenchArgs, runBench } from '../../src/bench/run.js';
import type { BenchResult } from '../../src/bench/types.js';

const SHORT = ['--suite', 'hmac', '--quick', '--set', 'runs=1', '--set', 'ms=20'];

async function bench(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBench(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('bench runner', () => {
  let dir = '';
  after(() => dir && rm(dir, { recursive: true, force: true }));

  it('prints one JSON result a line with the kernel ratio to node:crypto', async () => {
    const { code, out, err } = await bench([...SHORT, '--json', '--set', 'records=4096']);
    assert.equal(code, 0, err.join('\n'));
    const results = out.map((l) => JSON.parse(l) as BenchResult);
    assert.deepEqual(
      results.map((r) => r.impl),
      ['offload-wasm', 'node:crypto', '@noble/hashes'],
    );
    for (const r of results) {
      assert.equal(r.suite, 'hmac');
      assert.equal(r.op, 'hmac-18B');
      assert.equal(r.runs, 1);
      assert.ok(r.opsPerSec > 0 && r.minOpsPerSec <= r.opsPerSec && r.opsPerSec <= r.maxOpsPerSec);
    }
    assert.equal(typeof results[0]!.ratio, 'number');
  });

  it('exits non-zero and names the result when the kernel lost ground on the baseline', async () => {
    dir = await mkdtemp(join(tmpdir(), 'offload-bench-'));
    const baseline = join(dir, 'baseline.json');
    const line = {
      suite: 'hmac',
      op: 'hmac-18B',
      impl: 'offload-wasm',
      reference: 'node:crypto',
      ratio: 1e6,
      opsPerSec: 1,
      runs: 1,
      minOpsPerSec: 1,
      maxOpsPerSec: 1,
    };
    await writeFile(baseline, JSON.stringify(line) + '\n');
    const { code, err } = await bench([...SHORT, '--set', 'records=2048', '--compare', baseline]);
    assert.equal(code, 1);
    assert.match(err.join('\n'), /REGRESSED hmac hmac-18B offload-wasm: .*x node:crypto/);
  });

  it('refuses an unknown suite and a bad setting, naming them', async () => {
    assert.throws(() => parseBenchArgs(['--suite', 'nope']), /--suite: unknown suite "nope"/);
    assert.throws(() => parseBenchArgs(['--set', 'runs']), /--set must be key=value, got "runs"/);
    assert.throws(() => parseBenchArgs(['--tolerance=-1']), /--tolerance must be/);
    const { code, err } = await bench(['--suite', 'hmac', '--set', 'runs=0']);
    assert.equal(code, 2);
    assert.match(err.join('\n'), /--set runs must be an integer of at least 1, got "0"/);
  });
});
