// ristretto255 and hash_to_ristretto255 against RFC 9496, RFC 9380 and RFC 9497 vectors,
// and against @noble/curves as an independent implementation.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { OffloadError } from '../../src/errors.js';
import { mapRecords, openKernel } from '../../src/psi/kernels.js';
import { loadProbe, type Probe } from './probe.js';
import {
  GENERATOR_MULTIPLES,
  HASH_TO_GROUP,
  INVALID_ENCODINGS,
  OPRF_BLIND,
  OPRF_BLINDED,
  OPRF_DST,
  XMD_SHA512,
  XMD_SHA512_DST,
} from './vectors.js';

const ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;
const hex = (s: string): Buffer => Buffer.from(s, 'hex');

function scalarBytes(n: bigint): Buffer {
  const out = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}

function randomScalar(): bigint {
  return (BigInt('0x' + randomBytes(40).toString('hex')) % (ORDER - 1n)) + 1n;
}

let probe: Probe;
before(async () => {
  probe = await loadProbe();
});

function probeRun(input: Buffer, aux: Buffer | undefined, run: () => void, outLen: number): Buffer {
  probe.memory().set(input, probe.in);
  if (aux) probe.memory().set(aux, probe.aux);
  run();
  return Buffer.from(probe.memory().subarray(probe.out, probe.out + outLen));
}

describe('SHA-512 and expand_message_xmd', () => {
  it('agrees with node:crypto SHA-512 on lengths around the block boundaries', () => {
    for (const len of [0, 1, 111, 112, 127, 128, 129, 239, 240, 255, 256, 1000]) {
      const msg = randomBytes(len);
      const got = probeRun(msg, undefined, () => probe.sha512(len), 64);
      assert.equal(got.toString('hex'), createHash('sha512').update(msg).digest('hex'), `${len}`);
    }
  });

  it('matches the RFC 9380 K.3 expand_message_xmd(SHA-512) vectors', () => {
    const dst = Buffer.from(XMD_SHA512_DST);
    for (const v of XMD_SHA512) {
      const msg = Buffer.from(v.msg);
      const got = probeRun(
        msg,
        dst,
        () => assert.equal(probe.expand(msg.length, dst.length, v.len), 1),
        v.len,
      );
      assert.equal(got.toString('hex'), v.out, `msg of ${msg.length} bytes, ${v.len} out`);
    }
  });

  it('refuses an empty DST and one over 255 bytes', () => {
    assert.equal(probe.expand(0, 0, 32), 0);
    assert.equal(probe.expand(0, 256, 32), 0);
  });
});

describe('ristretto255 (RFC 9496)', () => {
  const generator = hex(GENERATOR_MULTIPLES[1]!);

  it('encodes k * B as Appendix A.1 lists, for k = 0..15', () => {
    GENERATOR_MULTIPLES.forEach((want, k) => {
      const got = probeRun(
        generator,
        scalarBytes(BigInt(k)),
        () => assert.equal(probe.mult(), 1),
        32,
      );
      assert.equal(got.toString('hex'), want, `${k} * B`);
    });
  });

  it('multiplies the generator through psi-reblind as Appendix A.1 lists', async () => {
    for (let k = 1; k < 16; k++) {
      const kernel = await openKernel('psi-reblind', { scalar: scalarBytes(BigInt(k)) });
      assert.equal(mapRecords(kernel, [generator])[0]!.toString('hex'), GENERATOR_MULTIPLES[k]);
    }
  });

  it('refuses every invalid encoding of Appendix A.2', () => {
    for (const { reason, hex: h } of INVALID_ENCODINGS) {
      probe.memory().set(hex(h), probe.in);
      assert.equal(probe.mult(), 0, `${h} (${reason}) was accepted`);
    }
  });

  it('makes psi-reblind refuse an invalid encoding, naming its record', async () => {
    const kernel = await openKernel('psi-reblind', { scalar: scalarBytes(7n) });
    for (const [i, { hex: h }] of INVALID_ENCODINGS.entries()) {
      // Third of a chunk (first of a pair) and second (second of a pair).
      const records = [generator, hex(GENERATOR_MULTIPLES[2]!), hex(h)];
      assert.throws(
        () => mapRecords(kernel, records, 100),
        (err: unknown) =>
          err instanceof OffloadError &&
          err.code === 'RECORD_INVALID' &&
          err.record === 102 &&
          /record 102: record is not a valid encoding/.test(err.message),
        `vector ${i}`,
      );
      assert.throws(
        () => mapRecords(kernel, [generator, hex(h)], 100),
        (err: unknown) => err instanceof OffloadError && err.record === 101,
        `vector ${i} second`,
      );
    }
  });

  it('derives the elements of Appendix A.3 from 64 uniform bytes', () => {
    for (const [label, want] of HASH_TO_GROUP) {
      const uniform = createHash('sha512').update(label).digest();
      const got = probeRun(uniform, undefined, () => probe.fromUniform(), 32);
      assert.equal(got.toString('hex'), want, label);
    }
  });

  it('agrees with @noble/curves on random elements times random scalars', () => {
    for (let i = 0; i < 16; i++) {
      const point = ristretto255.Point.BASE.multiply(randomScalar());
      const s = randomScalar();
      const got = probeRun(Buffer.from(point.toBytes()), scalarBytes(s), () => probe.mult(), 32);
      assert.equal(got.toString('hex'), Buffer.from(point.multiply(s).toBytes()).toString('hex'));
    }
  });
});

describe('psi-blind (hash_to_ristretto255, RFC 9380 Appendix B)', () => {
  it('matches the RFC 9497 A.1.1 blinded elements, blind * HashToGroup(input)', async () => {
    const kernel = await openKernel('psi-blind', { scalar: hex(OPRF_BLIND), dst: OPRF_DST });
    const out = mapRecords(
      kernel,
      OPRF_BLINDED.map((v) => hex(v.input)),
    );
    assert.deepEqual(
      out.map((b) => b.toString('hex')),
      OPRF_BLINDED.map((v) => v.out),
    );
  });

  it('agrees with @noble/curves hashToCurve and multiply on random identifiers', async () => {
    const dst = randomBytes(1 + (randomBytes(1)[0]! % 200));
    const s = randomScalar();
    const ids = Array.from({ length: 24 }, (_, i) => randomBytes(i * 7));
    const kernel = await openKernel('psi-blind', { scalar: scalarBytes(s), dst });
    const out = mapRecords(kernel, ids);
    ids.forEach((id, i) => {
      const want = ristretto255_hasher.hashToCurve(id, { DST: dst }).multiply(s).toBytes();
      assert.equal(out[i]!.toString('hex'), Buffer.from(want).toString('hex'), `id ${i}`);
    });
  });

  it('agrees with @noble/curves on every record of chunks of 1 to 5, blind and reblind', async () => {
    // Both kernels multiply records two at a time and an odd last one alone.
    const dst = Buffer.from('offload-psi-chunks');
    const s = randomScalar();
    const blind = await openKernel('psi-blind', { scalar: scalarBytes(s), dst });
    const reblind = await openKernel('psi-reblind', { scalar: scalarBytes(s) });
    for (let count = 1; count <= 5; count++) {
      const ids = Array.from({ length: count }, () => randomBytes(9));
      const points = ids.map((id) => ristretto255_hasher.hashToCurve(id, { DST: dst }));
      const blinded = mapRecords(blind, ids);
      const reblinded = mapRecords(
        reblind,
        points.map((p) => Buffer.from(p.toBytes())),
      );
      points.forEach((p, i) => {
        const want = Buffer.from(p.multiply(s).toBytes()).toString('hex');
        assert.equal(blinded[i]!.toString('hex'), want, `blind ${i} of ${count}`);
        assert.equal(reblinded[i]!.toString('hex'), want, `reblind ${i} of ${count}`);
      });
    }
  });

  it('double blinding commutes: H(x) a b == H(x) b a', async () => {
    const dst = Buffer.from('offload-psi-test');
    const [a, b] = [scalarBytes(randomScalar()), scalarBytes(randomScalar())];
    const ids = Array.from({ length: 20 }, () => randomBytes(12));
    const ha = mapRecords(await openKernel('psi-blind', { scalar: a, dst }), ids);
    const hb = mapRecords(await openKernel('psi-blind', { scalar: b, dst }), ids);
    const hab = mapRecords(await openKernel('psi-reblind', { scalar: b }), ha);
    const hba = mapRecords(await openKernel('psi-reblind', { scalar: a }), hb);
    assert.deepEqual(hab, hba);
    assert.notDeepEqual(ha, hb);
  });

  it('refuses a zero scalar, one not below the group order, and an empty DST', async () => {
    const dst = Buffer.from('x');
    for (const scalar of [scalarBytes(0n), scalarBytes(ORDER), Buffer.alloc(32, 0xff)]) {
      await assert.rejects(openKernel('psi-blind', { scalar, dst }), /parameters rejected/);
    }
    assert.equal(
      await openKernel('psi-blind', { scalar: scalarBytes(ORDER - 1n), dst }).then(() => 'ok'),
      'ok',
    );
    await assert.rejects(
      openKernel('psi-blind', { scalar: scalarBytes(5n), dst: Buffer.alloc(0) }),
      /params\.dst must be at least 1 bytes/,
    );
  });
});
