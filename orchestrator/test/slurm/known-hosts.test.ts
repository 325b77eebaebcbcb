import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  blobType,
  hostKeyAlgorithms,
  keysForHost,
  verifyHostKey,
} from '../../src/backends/slurm/known-hosts.js';

/** An SSH wire-format key blob: string type, string key (RFC 4253 §6.6). */
function blob(type: string): Buffer {
  const str = (b: Buffer): Buffer => {
    const n = Buffer.alloc(4);
    n.writeUInt32BE(b.length);
    return Buffer.concat([n, b]);
  };
  return Buffer.concat([str(Buffer.from(type)), str(randomBytes(32))]);
}

const b64 = (b: Buffer): string => b.toString('base64');

describe('known_hosts lookup', () => {
  const a = blob('ssh-ed25519');
  const b = blob('ecdsa-sha2-nistp256');
  const c = blob('ssh-rsa');

  it('names a host on a port other than 22 as [host]:port', () => {
    const text = [
      `login.example.org ssh-ed25519 ${b64(a)}`,
      `[login.example.org]:2222 ssh-ed25519 ${b64(b)}`,
    ].join('\n');
    assert.deepEqual(
      keysForHost(text, 'login.example.org', 22).map((k) => k.blob),
      [a],
    );
    assert.deepEqual(
      keysForHost(text, 'login.example.org', 2222).map((k) => k.blob),
      [b],
    );
  });

  it('matches wildcards and comma lists, and lets a negated pattern exclude a host', () => {
    const text = [
      `# comment`,
      `*.example.org,!bad.example.org ssh-ed25519 ${b64(a)} comment words`,
      `node?? ssh-rsa ${b64(c)}`,
    ].join('\n');
    assert.equal(keysForHost(text, 'LOGIN.example.org', 22).length, 1);
    assert.equal(keysForHost(text, 'bad.example.org', 22).length, 0);
    assert.equal(keysForHost(text, 'node12', 22).length, 1);
    assert.equal(keysForHost(text, 'node123', 22).length, 0);
  });

  it('matches hashed names: HMAC-SHA1 of the name keyed by the salt', () => {
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update('[10.0.0.5]:22022').digest();
    const text = `|1|${b64(salt)}|${b64(hash)} ssh-ed25519 ${b64(a)}\n`;
    assert.equal(keysForHost(text, '10.0.0.5', 22022).length, 1);
    assert.equal(keysForHost(text, '10.0.0.5', 22).length, 0);
  });

  it('tells an unknown host from a changed key and a revoked one', () => {
    const text = [
      `h ssh-ed25519 ${b64(a)}`,
      `@revoked h ecdsa-sha2-nistp256 ${b64(b)}`,
      `@cert-authority h ssh-rsa ${b64(c)}`,
    ].join('\n');
    const known = keysForHost(text, 'h', 22);
    assert.deepEqual(verifyHostKey(known, a), { ok: true, type: 'ssh-ed25519' });
    assert.deepEqual(verifyHostKey(known, b), {
      ok: false,
      reason: 'revoked',
      offered: 'ecdsa-sha2-nistp256',
    });
    assert.deepEqual(verifyHostKey(known, c), { ok: false, reason: 'changed', offered: 'ssh-rsa' });
    assert.deepEqual(verifyHostKey([], a), {
      ok: false,
      reason: 'unknown',
      offered: 'ssh-ed25519',
    });
  });

  it('offers only the key types known for the host, RSA with its SHA-2 signatures first', () => {
    const text = [
      `h ssh-rsa ${b64(c)}`,
      `h ssh-ed25519 ${b64(a)}`,
      `@revoked h ecdsa-sha2-nistp256 ${b64(b)}`,
    ].join('\n');
    assert.deepEqual(hostKeyAlgorithms(keysForHost(text, 'h', 22)), [
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
      'ssh-ed25519',
    ]);
    assert.equal(blobType(Buffer.alloc(2)), 'unknown');
  });
});
