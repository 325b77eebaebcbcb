// RFC 7748 §5.2: the 1,000,000-iteration X25519 vector (minutes on a shared machine).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadProbe } from './probe.js';
import { X25519_ITERATED } from './vectors.js';

it('reaches the RFC 7748 §5.2 value after 1,000,000 iterations', async () => {
  const probe = await loadProbe();
  probe.x25519Iterate(1_000_000);
  const k = Buffer.from(probe.memory().subarray(probe.out, probe.out + 32));
  assert.equal(k.toString('hex'), X25519_ITERATED[1000000]);
});
