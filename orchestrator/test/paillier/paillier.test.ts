import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as pb from 'paillier-bigint';
import {
  decryptResidues,
  decryptResultFile,
  decryptSigned,
} from '../../src/crypto/paillier/decrypt.js';
import {
  decodeSigned,
  encodeSigned,
  formatFixed,
  parseFixed,
} from '../../src/crypto/paillier/encoding.js';
import { mapRecords, openKernel } from '../../src/crypto/paillier/kernel-run.js';
import {
  generateKey,
  loadPrivateKey,
  loadPublicKey,
  paillierKernelParams,
  privateKeyBlob,
  publicKeyBlob,
  saveKey,
  type PaillierPrivateKey,
} from '../../src/crypto/paillier/keys.js';
import { fromBytes, mod, modPow } from '../../src/crypto/paillier/math.js';
import type { ParamValue } from '../../src/kernels/params.js';
import * as ref from '../../src/crypto/paillier/reference.js';
import { tempDir, writeLines } from '../helpers.js';
import { SEED, ct, drbgExponents, encryptAll, sumAll } from './fixture.js';

const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);

describe('Paillier kernels with a 2048-bit key', () => {
  let key: PaillierPrivateKey;
  const tmp = tempDir('offload-paillier-');
  before(async () => {
    key = await generateKey(2048);
  });
  after(() => tmp.cleanup());

  it('decrypts what it encrypts at 0, 1, -1, int64 max and int64 min', async () => {
    const values = [0n, 1n, -1n, I64_MAX, I64_MIN, 42n, -123456789n];
    const cts = await encryptAll(key, values);
    assert.equal(cts.length, values.length);
    for (const c of cts) assert.equal(c.length, 512);
    assert.deepEqual(await decryptSigned(key, cts), values);
  });

  it('round-trips fixed-point decimals at their declared scale', async () => {
    const texts = ['1234.56', '-0.01', '0', '99999999.99', '-4321.5'];
    const values = texts.map((t) => parseFixed(t, 2));
    assert.deepEqual(values, [123456n, -1n, 0n, 9999999999n, -432150n]);
    const plain = await decryptSigned(key, await encryptAll(key, values));
    assert.deepEqual(
      plain.map((v) => formatFixed(v, 2)),
      ['1234.56', '-0.01', '0.00', '99999999.99', '-4321.50'],
    );
  });

  it('computes with the fixed-base table exactly what plain exponentiation gives', async () => {
    const values = [5n, -9n, I64_MAX];
    const cts = await encryptAll(key, values);
    const rs = drbgExponents(SEED, values.length, 2048 / 16);
    for (let i = 0; i < values.length; i++) {
      const want = ref.encryptShort(key, encodeSigned(values[i], key.n), rs[i]);
      assert.equal(fromBytes(cts[i]), want, `record ${i}`);
    }
  });

  it('draws different randomness for equal plaintexts', async () => {
    const cts = await encryptAll(key, [7n, 7n]);
    assert.notDeepEqual(cts[0], cts[1]);
  });

  it('sums ciphertexts homomorphically, in one reduce and by combining partials', async () => {
    const values = [10n, -3n, 1000000n, -1000000n, 77n, I64_MAX / 4n];
    const cts = await encryptAll(key, values);
    const total = values.reduce((a, b) => a + b, 0n);
    const whole = await sumAll(key, cts);
    assert.equal(
      fromBytes(whole),
      cts.map(fromBytes).reduce((a, b) => (a * b) % key.n2, 1n),
    );
    assert.deepEqual(await decryptSigned(key, [whole]), [total]);

    const left = await sumAll(key, cts.slice(0, 2));
    const right = await sumAll(key, cts.slice(2));
    const kernel = await openKernel('paillier-sum', { paillierPublicKey: publicKeyBlob(key) });
    const framed = Buffer.concat(
      [left, right].flatMap((b) => [Buffer.from(Uint32Array.of(b.length).buffer), b]),
    );
    kernel.combine(framed, 2);
    const combined = kernel.finish().subarray(4);
    assert.deepEqual(combined, whole);
  });

  it('scales ciphertexts by positive, negative and zero plaintext factors', async () => {
    const values = [12n, -5n, 0n];
    const cts = await encryptAll(key, values);
    for (const k of [3n, -7n, 0n, 1n << 40n]) {
      const kernel = await openKernel('paillier-scale', {
        paillierPublicKey: publicKeyBlob(key),
        k: BigInt.asUintN(64, k),
      });
      const scaled = mapRecords(kernel, cts);
      assert.deepEqual(
        await decryptSigned(key, scaled),
        values.map((v) => v * k),
        `k = ${k}`,
      );
    }
  });

  it('computes an encrypted dot product with signed weights', async () => {
    const features = [
      [3n, 4n, -2n],
      [0n, 100n, 7n],
    ];
    const weights = [5n, -2n, 10n];
    const cts = await encryptAll(key, features.flat());
    const records = [Buffer.concat(cts.slice(0, 3)), Buffer.concat(cts.slice(3))];
    const w = Buffer.alloc(24);
    weights.forEach((x, i) => w.writeBigInt64LE(x, i * 8));
    const kernel = await openKernel('paillier-dot', {
      paillierPublicKey: publicKeyBlob(key),
      weights: w,
    });
    const out = mapRecords(kernel, records);
    const want = features.map((f) => f.reduce((a, x, i) => a + x * weights[i], 0n));
    assert.deepEqual(await decryptSigned(key, out), want);
  });

  it('agrees with paillier-bigint in both directions', async () => {
    const pub = new pb.PublicKey(key.n, key.n + 1n);
    const priv = new pb.PrivateKey(key.lambda, key.mu, pub, key.p, key.q);
    const values = [31337n, 0n, 2n ** 62n];
    const ours = await encryptAll(key, values);
    assert.deepEqual(
      ours.map((c) => priv.decrypt(fromBytes(c))),
      values,
    );
    const theirs = values.map((m) => ct(key, pub.encrypt(m)));
    assert.deepEqual(await decryptSigned(key, theirs), values);
    const negative = ct(key, pub.encrypt(key.n - 5n));
    assert.deepEqual(await decryptSigned(key, [negative]), [-5n]);
  });

  it('refuses a ciphertext not below n², naming the record', async () => {
    const good = await encryptAll(key, [1n]);
    const tooBig = ct(key, key.n2);
    for (const name of ['paillier-scale', 'paillier-decrypt'] as const) {
      const params: Record<string, ParamValue> =
        name === 'paillier-scale'
          ? { paillierPublicKey: publicKeyBlob(key), k: 2n }
          : { paillierPrivateKey: privateKeyBlob(key) };
      const kernel = await openKernel(name, params);
      assert.throws(
        () => mapRecords(kernel, [good[0], tooBig]),
        (err: Error) => /record 1: record is out of range/.test(err.message),
        name,
      );
    }
    await assert.rejects(
      sumAll(key, [good[0], good[0], tooBig]),
      /record 2: record is out of range/,
    );
  });

  it('refuses a ciphertext that is not a unit mod n², naming the record', async () => {
    const good = await encryptAll(key, [1n, 2n]);
    const multipleOfP = ct(key, key.p * 12345n);
    const zero = ct(key, 0n);
    const bad = /record 1: record is not a valid encoding/;
    await assert.rejects(sumAll(key, [good[0], multipleOfP, good[1]]), bad);
    await assert.rejects(sumAll(key, [good[0], zero]), bad);
    await assert.rejects(decryptResidues(key, [good[0], multipleOfP]), bad);
    const scale = await openKernel('paillier-scale', {
      paillierPublicKey: publicKeyBlob(key),
      k: 3n,
    });
    assert.throws(() => mapRecords(scale, [good[0], ct(key, key.q * 99n)]), bad);
  });

  it('refuses ciphertexts of the wrong length', async () => {
    await assert.rejects(
      sumAll(key, [Buffer.alloc(511, 1)]),
      /record 0: record has the wrong length/,
    );
  });

  it('writes key files, the private one readable by its owner only', async () => {
    const { pub, priv } = await saveKey(key, join(tmp.dir, 'owner'));
    assert.equal(statSync(priv).mode & 0o777, 0o600);
    const loaded = await loadPrivateKey(priv);
    assert.equal(loaded.n, key.n);
    assert.equal(loaded.hp, key.hp);
    assert.equal((await loadPublicKey(pub)).hs, key.hs);
    const params = await paillierKernelParams(pub);
    assert.deepEqual(params.paillierPublicKey, publicKeyBlob(key));
  });

  it('refuses a public key file where the private key is needed', async () => {
    const { pub } = await saveKey(key, join(tmp.dir, 'public-only'));
    await assert.rejects(loadPrivateKey(pub), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'KEY_INVALID');
      assert.match(err.message, /is a public key file; decryption needs the private key file/);
      return true;
    });
  });

  it('decrypts a result file of hex lines, as fixed point at a scale', async () => {
    const { priv } = await saveKey(key, join(tmp.dir, 'results'));
    const cts = await encryptAll(key, [123456n, -50n]);
    const file = join(tmp.dir, 'result.txt');
    writeLines(
      file,
      cts.map((c) => c.toString('hex')),
    );
    assert.deepEqual(await decryptResultFile(priv, file, 2), ['1234.56', '-0.50']);
  });

  it('reports an overflowed plaintext instead of a wrong number', async () => {
    const big = ct(key, ref.encrypt(key, 1n << 64n));
    await assert.rejects(
      decryptSigned(key, [big]),
      /record 0: plaintext 18446744073709551616 is outside the signed 64-bit range/,
    );
    assert.equal(decodeSigned(key.n - 1n, key.n), -1n);
    assert.throws(
      () => decodeSigned(key.n - (1n << 63n) - 1n, key.n),
      /outside the signed 64-bit range/,
    );
  });

  it('matches a plain reference decryption of a plain reference encryption', async () => {
    const m = mod(-17n, key.n);
    const c = ref.encrypt(key, m);
    assert.equal(ref.decrypt(key, c), m);
    assert.deepEqual(await decryptResidues(key, [ct(key, c)]), [m]);
    assert.equal(modPow(2n, 10n, 1000n), 24n);
  });
});

describe('Paillier key rules', () => {
  it('refuses 1024-bit and other unsupported key sizes', async () => {
    await assert.rejects(
      generateKey(1024),
      /bits must be 2048 or 3072, got 1024 \(keys below 2048 bits are refused/,
    );
    await assert.rejects(generateKey(4096), /bits must be 2048 or 3072, got 4096/);
  });

  it('refuses a kernel key blob of an unsupported size', async () => {
    const blob = Buffer.alloc(4 + 128 + 256);
    blob.writeUInt32LE(1024);
    await assert.rejects(
      openKernel('paillier-sum', { paillierPublicKey: blob }),
      /paillierPublicKey must be at least 772 bytes/,
    );
  });
});
