// Ratios measured in the same run and the baseline check of `bench --compare`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addRatios, compareToBaseline } from '../../src/bench/compare.js';
import type { BenchResult } from '../../src/bench/types.js';

function result(impl: string, opsPerSec: number, reference?: string): BenchResult {
  return {
    suite: 'hmac',
    op: 'hmac-18B',
    impl,
    opsPerSec,
    runs: 3,
    minOpsPerSec: opsPerSec * 0.9,
    maxOpsPerSec: opsPerSec * 1.1,
    ...(reference ? { reference } : {}),
  };
}

const run = (kernelRate: number, nodeRate: number): BenchResult[] =>
  addRatios([
    result('offload-wasm', kernelRate, 'node:crypto'),
    result('node:crypto', nodeRate),
    result('@noble/hashes', 50_000),
  ]);

describe('bench comparison', () => {
  it('gives a kernel its ratio to the reference and to every peer', () => {
    const [kernel, node] = run(2_000_000, 100_000);
    assert.equal(kernel!.ratio, 20);
    assert.deepEqual(kernel!.ratios, { 'node:crypto': 20, '@noble/hashes': 40 });
    assert.equal(node!.ratio, undefined);
  });

  it('passes a run that is slower in absolute terms but holds its ratio', () => {
    const { comparisons } = compareToBaseline(run(1_000_000, 50_000), run(2_000_000, 100_000), 10);
    assert.equal(comparisons.length, 1);
    assert.equal(comparisons[0]!.regressed, false);
    assert.equal(comparisons[0]!.changePct, 0);
  });

  it('flags a ratio that fell by more than the tolerance', () => {
    const baseline = run(2_000_000, 100_000);
    const { comparisons } = compareToBaseline(run(1_700_000, 100_000), baseline, 10);
    assert.equal(comparisons[0]!.regressed, true);
    assert.equal(comparisons[0]!.changePct, -15);
    const within = compareToBaseline(run(1_850_000, 100_000), baseline, 10);
    assert.equal(within.comparisons[0]!.regressed, false);
  });

  it('recomputes a baseline ratio from its peers when the file has none', () => {
    const bare = [result('offload-wasm', 2_000_000, 'node:crypto'), result('node:crypto', 100_000)];
    const { comparisons } = compareToBaseline(run(1_000_000, 100_000), bare, 10);
    assert.equal(comparisons[0]!.baselineRatio, 20);
    assert.equal(comparisons[0]!.regressed, true);
  });

  it('lists results the baseline does not have instead of failing them', () => {
    const { comparisons, unmatched } = compareToBaseline(run(1, 1), [], 10);
    assert.deepEqual(comparisons, []);
    assert.deepEqual(unmatched, ['hmac hmac-18B offload-wasm']);
  });
});
