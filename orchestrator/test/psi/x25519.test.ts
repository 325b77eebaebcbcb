// X25519 against RFC 7748 §5.2 and §6.1 and against node:crypto.
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, diffieHellman, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Catalog } from '../../src/kernels/catalog.js';
import { mapRecords, openKernel } from '../../src/psi/kernels.js';
import { X25519_DH, X25519_ITERATED, X25519_SINGLE } from './vectors.js';

const hex = (s: string): Buffer => Buffer.from(s, 'hex');
const BASE = Buffer.alloc(32);
BASE[0] = 9;

async function x25519(scalar: Buffer, u: Buffer, catalog?: Catalog): Promise<Buffer> {
  return mapRecords(await openKernel('x25519', { scalar }, catalog), [u])[0]!;
}

// PKCS#8 and SPKI prefixes for raw X25519 keys (RFC 8410 §7, §4).
const PKCS8 = hex('302e020100300506032b656e04220420');
const SPKI = hex('302a300506032b656e032100');

describe('x25519 (RFC 7748)', () => {
  it('gives the §5.2 outputs, including a u with its top bit set', async () => {
    for (const v of X25519_SINGLE) {
      assert.equal((await x25519(hex(v.scalar), hex(v.u))).toString('hex'), v.out);
    }
  });

  it('gives the §6.1 public keys and shared secret', async () => {
    const d = X25519_DH;
    assert.equal((await x25519(hex(d.alicePrivate), BASE)).toString('hex'), d.alicePublic);
    assert.equal((await x25519(hex(d.bobPrivate), BASE)).toString('hex'), d.bobPublic);
    assert.equal((await x25519(hex(d.alicePrivate), hex(d.bobPublic))).toString('hex'), d.shared);
    assert.equal((await x25519(hex(d.bobPrivate), hex(d.alicePublic))).toString('hex'), d.shared);
  });

  it('reaches the §5.2 values after 1 and 1,000 iterations', async () => {
    const catalog = Catalog.load();
    let k: Buffer = Buffer.from(BASE);
    let u: Buffer = Buffer.from(BASE);
    for (let i = 1; i <= 1000; i++) {
      const next = await x25519(k, u, catalog);
      u = k;
      k = next;
      if (i === 1) assert.equal(k.toString('hex'), X25519_ITERATED[1]);
    }
    assert.equal(k.toString('hex'), X25519_ITERATED[1000]);
  });

  it('agrees with node:crypto on random scalars and points', async () => {
    for (let i = 0; i < 12; i++) {
      const scalar = randomBytes(32);
      const peer = randomBytes(32);
      const want = diffieHellman({
        privateKey: createPrivateKey({
          key: Buffer.concat([PKCS8, scalar]),
          format: 'der',
          type: 'pkcs8',
        }),
        publicKey: createPublicKey({
          key: Buffer.concat([SPKI, peer]),
          format: 'der',
          type: 'spki',
        }),
      });
      assert.equal((await x25519(scalar, peer)).toString('hex'), want.toString('hex'), `case ${i}`);
    }
  });

  it('agrees with node:crypto on every record of chunks of 1 to 7 under one scalar', async () => {
    // The kernel runs records two ladders at a time and an odd last one alone.
    const scalar = randomBytes(32);
    const kernel = await openKernel('x25519', { scalar });
    const privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8, scalar]),
      format: 'der',
      type: 'pkcs8',
    });
    for (let count = 1; count <= 7; count++) {
      const peers = Array.from({ length: count }, () => randomBytes(32));
      const got = mapRecords(kernel, peers);
      peers.forEach((peer, i) => {
        const publicKey = createPublicKey({
          key: Buffer.concat([SPKI, peer]),
          format: 'der',
          type: 'spki',
        });
        const want = diffieHellman({ privateKey, publicKey });
        assert.equal(got[i]!.toString('hex'), want.toString('hex'), `record ${i} of ${count}`);
      });
    }
  });

  it('refuses a record that is not 32 bytes, naming it', async () => {
    const kernel = await openKernel('x25519', { scalar: randomBytes(32) });
    assert.throws(
      () => mapRecords(kernel, [BASE, BASE.subarray(0, 31)], 40),
      /record 41: record has the wrong length/,
    );
  });
});
