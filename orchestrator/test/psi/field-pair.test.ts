// The paired field products of field-pair.ts (two multiplications in the two i64x2
// lanes) against BigInt arithmetic mod p and against the single products of field.ts,
// on operands at the bounds field-pair.ts states: the first factor of a product a sum
// of up to four carried elements, the second (and a squared operand) of up to three.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { loadProbe, type Probe } from './probe.js';

const P = 2n ** 255n - 19n;
const CARRIED = (i: number): number => (i % 2 === 0 ? 2 ** 25 : 2 ** 24);
const mod = (x: bigint): bigint => ((x % P) + P) % P;

/** The value of 10 signed limbs, limb i at bit ceil(25.5 i). */
function value(limbs: Int32Array): bigint {
  let v = 0n;
  limbs.forEach((l, i) => (v += BigInt(l) << BigInt(Math.ceil(25.5 * i))));
  return v;
}

/** Limbs drawn from [-k m, k m] for m the carried bound, with the extremes often. */
function operand(k: number): Int32Array {
  const pick = randomInt(4);
  return Int32Array.from({ length: 10 }, (_, i) => {
    const max = k * CARRIED(i);
    if (pick === 0) return max;
    if (pick === 1) return -max;
    return randomInt(-max, max + 1);
  });
}

let probe: Probe;
before(async () => {
  probe = await loadProbe();
});

function run(a: Int32Array, b: Int32Array, c: Int32Array, d: Int32Array): Int32Array[] {
  const mem = probe.memory();
  [a, b, c, d].forEach((x, i) => mem.set(new Uint8Array(x.buffer), probe.in + 40 * i));
  probe.pair();
  const out = Buffer.from(mem.subarray(probe.out, probe.out + 320));
  return Array.from({ length: 8 }, (_, i) => {
    const limbs = new Int32Array(10);
    for (let j = 0; j < 10; j++) limbs[j] = out.readInt32LE(40 * i + 4 * j);
    return limbs;
  });
}

describe('paired field products', () => {
  it('multiply and square like BigInt mod p and like the single products, at the bounds', () => {
    for (let t = 0; t < 2000; t++) {
      const [a, b, c, d] = [operand(4), operand(3), operand(4), operand(3)];
      const [ab, cd, ab1, cd1, bb, dd, bb1, dd1] = run(a, b, c, d);
      assert.equal(mod(value(ab!)), mod(value(a) * value(b)), `a b, round ${t}`);
      assert.equal(mod(value(cd!)), mod(value(c) * value(d)), `c d, round ${t}`);
      assert.equal(mod(value(bb!)), mod(value(b) ** 2n), `b^2, round ${t}`);
      assert.equal(mod(value(dd!)), mod(value(d) ** 2n), `d^2, round ${t}`);
      assert.deepEqual([ab, cd, bb, dd], [ab1, cd1, bb1, dd1], `limbs, round ${t}`);
    }
  });
});
