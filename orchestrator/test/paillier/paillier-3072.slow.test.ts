import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as pb from 'paillier-bigint';
import { decryptSigned } from '../../src/crypto/paillier/decrypt.js';
import { encodeSigned } from '../../src/crypto/paillier/encoding.js';
import { mapRecords, openKernel } from '../../src/crypto/paillier/kernel-run.js';
import {
  generateKey,
  publicKeyBlob,
  type PaillierPrivateKey,
} from '../../src/crypto/paillier/keys.js';
import { fromBytes } from '../../src/crypto/paillier/math.js';
import * as ref from '../../src/crypto/paillier/reference.js';
import { SEED, ct, drbgExponents, encryptAll, sumAll } from './fixture.js';

describe('Paillier kernels with a 3072-bit key', () => {
  let key: PaillierPrivateKey;
  before(async () => {
    key = await generateKey(3072);
  });

  it('encrypts with the table exactly as plain exponentiation, and decrypts', async () => {
    const values = [0n, -1n, (1n << 63n) - 1n, -(1n << 63n)];
    const cts = await encryptAll(key, values);
    for (const c of cts) assert.equal(c.length, 768);
    const rs = drbgExponents(SEED, values.length, 3072 / 16);
    values.forEach((m, i) =>
      assert.equal(fromBytes(cts[i]), ref.encryptShort(key, encodeSigned(m, key.n), rs[i])),
    );
    assert.deepEqual(await decryptSigned(key, cts), values);
  });

  it('sums and scales, and agrees with paillier-bigint', async () => {
    const values = [1000n, -250n, 3n];
    const cts = await encryptAll(key, values);
    assert.deepEqual(await decryptSigned(key, [await sumAll(key, cts)]), [753n]);
    const scale = await openKernel('paillier-scale', {
      paillierPublicKey: publicKeyBlob(key),
      k: BigInt.asUintN(64, -4n),
    });
    assert.deepEqual(await decryptSigned(key, mapRecords(scale, cts)), [-4000n, 1000n, -12n]);
    const pub = new pb.PublicKey(key.n, key.n + 1n);
    const priv = new pb.PrivateKey(key.lambda, key.mu, pub, key.p, key.q);
    assert.equal(priv.decrypt(fromBytes(cts[0])), 1000n);
    assert.deepEqual(await decryptSigned(key, [ct(key, pub.encrypt(123n))]), [123n]);
  });
});
