// Interleaved measurement on real (if trivial) work: the same loop reported as two ops
// per step against one op per step must come out at a ratio near 2, round by round.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { addRatios } from '../../src/bench/compare.js';
import { measureInterleaved, median, type Contender } from '../../src/bench/measure.js';

function hashing(impl: string, opsPerStep: number, reference?: string): Contender {
  return {
    impl,
    op: 'loop',
    ...(reference ? { reference } : {}),
    step() {
      for (let i = 0; i < 200; i++) createHash('sha256').update('x').digest();
      return opsPerStep;
    },
  };
}

/**
 * A contender whose every step lasts 2 ms of wall time, whatever else the machine is
 * doing, so that the expected ratio does not depend on the load.
 */
function timed(impl: string, opsPerStep: number, reference?: string): Contender {
  return {
    impl,
    op: 'loop',
    ...(reference ? { reference } : {}),
    step() {
      const end = performance.now() + 2;
      while (performance.now() < end);
      return opsPerStep;
    },
  };
}

describe('interleaved measurement', () => {
  it('reports each contender with its rounds, spread and CPU rate', () => {
    const results = measureInterleaved('t', [hashing('a', 1), hashing('b', 1)], {
      runs: 3,
      runMs: 15,
    });
    assert.deepEqual(
      results.map((r) => [r.suite, r.op, r.impl, r.runs]),
      [
        ['t', 'loop', 'a', 3],
        ['t', 'loop', 'b', 3],
      ],
    );
    for (const r of results) {
      assert.ok(r.minOpsPerSec <= r.opsPerSec && r.opsPerSec <= r.maxOpsPerSec);
      assert.ok((r.cpuOpsPerSec as number) > 0);
    }
  });

  it('gives the ratio to the reference as the median of same-round quotients', () => {
    const results = measureInterleaved('t', [timed('double', 2, 'single'), timed('single', 1)], {
      runs: 5,
      runMs: 20,
    });
    const ratio = results[0]!.ratio!;
    assert.equal(results[0]!.reference, 'single');
    assert.ok(ratio > 1.4 && ratio < 2.8, `ratio ${ratio} should be near 2`);
    // addRatios keeps the paired ratio and adds the quotients of the medians, which
    // machine noise moves more than the paired ratio: check the arithmetic, not timing.
    const [withPeers] = addRatios(results);
    assert.equal(withPeers!.ratio, ratio);
    const quotient = results[0]!.opsPerSec / results[1]!.opsPerSec;
    assert.ok(Math.abs(withPeers!.ratios!.single! - quotient) < 0.001 * quotient);
  });

  it('takes the middle value, or the mean of the middle two', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });
});
