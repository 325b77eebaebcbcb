import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lastJsonLine, readLinesOf, runCli, tempDir, writeLines, writeSpec } from '../helpers.js';

describe('Paillier jobs through the offload command', () => {
  const tmp = tempDir('offload-paillier-job-');
  const env = { OFFLOAD_HOME: join(tmp.dir, 'home') };
  after(() => tmp.cleanup());
  const values = [1250075n, -300n, 0n, 99999999n, -1n, 7n, 42n, 100000n, 5n, -5n, 31n, 64n];

  it('encrypts with a public key file, sums on ciphertexts and decrypts the total', () => {
    const keys = runCli(['keys', 'paillier', 'new', '--out', join(tmp.dir, 'k'), '--json'], env);
    assert.equal(keys.status, 0, keys.stderr);
    assert.match(runCli(['keys', 'show', join(tmp.dir, 'k.key.json')], env).stdout, /bits\s+2048/);
    writeLines(join(tmp.dir, 'values.txt'), values.map(String));
    const publicKey = { file: 'k.pub.json' };
    const enc = writeSpec(join(tmp.dir, 'enc.json'), {
      kernel: 'paillier-encrypt',
      input: { path: 'values.txt', format: 'lines' },
      params: { publicKey },
      batch: { records: 5 },
      target: 'local',
      output: { path: 'values.enc', format: 'hex-lines' },
    });
    const r1 = runCli(['run', enc, '--json'], env);
    assert.equal(r1.status, 0, r1.stderr);
    assert.equal(lastJsonLine(r1.stdout).records, values.length);
    const sum = writeSpec(join(tmp.dir, 'sum.json'), {
      kernel: 'paillier-sum',
      input: { path: 'values.enc', format: 'lines' },
      params: { publicKey },
      batch: { records: 5 },
      target: 'local',
      output: { path: 'total.enc', format: 'hex-lines' },
    });
    const r2 = runCli(['run', sum, '--json'], env);
    assert.equal(r2.status, 0, r2.stderr);
    assert.equal(readLinesOf(join(tmp.dir, 'total.enc')).length, 1);

    const key = join(tmp.dir, 'k.key.json');
    const all = runCli(['decrypt', '--key', key, join(tmp.dir, 'values.enc'), '--json'], env);
    assert.equal(all.status, 0, all.stderr);
    assert.deepEqual(JSON.parse(all.stdout), values.map(String));
    const total = runCli(
      ['decrypt', '--key', key, join(tmp.dir, 'total.enc'), '--scale', '2'],
      env,
    );
    assert.equal(total.status, 0, total.stderr);
    assert.equal(total.stdout, '1013499.17\n');
  });

  it('refuses to run the decrypt kernel as a job', () => {
    writeLines(join(tmp.dir, 'x.txt'), ['00']);
    const spec = writeSpec(join(tmp.dir, 'dec.json'), {
      kernel: 'paillier-decrypt',
      input: { path: 'x.txt', format: 'lines' },
      params: { paillierPrivateKey: { file: 'k.key.json' } },
      output: { path: 'y.txt', format: 'hex-lines' },
    });
    const r = runCli(['run', spec], env);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /paillier-decrypt needs a private key .* never as a job/);
  });

  it('refuses a public key file given to decrypt, and 1024-bit keys', () => {
    const r = runCli(
      ['decrypt', '--key', join(tmp.dir, 'k.pub.json'), join(tmp.dir, 'total.enc')],
      env,
    );
    assert.equal(r.status, 2);
    assert.match(r.stderr, /is a public key file; decryption needs the private key file/);
    const small = runCli(
      ['keys', 'paillier', 'new', '--bits', '1024', '--out', join(tmp.dir, 's')],
      env,
    );
    assert.equal(small.status, 2);
    assert.match(small.stderr, /bits must be 2048 or 3072, got 1024/);
  });

  it('refuses to write a key pair over either existing file, leaving both as they were', () => {
    const before = readFileSync(join(tmp.dir, 'k.pub.json'));
    const again = runCli(['keys', 'paillier', 'new', '--out', join(tmp.dir, 'k')], env);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /k\.pub\.json exists; refusing to overwrite a key file/);
    assert.deepEqual(readFileSync(join(tmp.dir, 'k.pub.json')), before);
    writeLines(join(tmp.dir, 'lone.pub.json'), ['{}']);
    const lone = runCli(['keys', 'paillier', 'new', '--out', join(tmp.dir, 'lone')], env);
    assert.equal(lone.status, 2);
    assert.equal(existsSync(join(tmp.dir, 'lone.key.json')), false, 'no private key beside it');
  });
});
