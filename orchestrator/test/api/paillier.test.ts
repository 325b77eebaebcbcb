// A Paillier job submitted over gRPC: the spec names an uploaded public key file, the
// daemon encrypts and sums on ciphertexts, and only the key holder's machine decrypts.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ask, downloadResult, uploadFile, watchJob } from '../../src/api/client.js';
import { runCli, writeLines } from '../helpers.js';
import { startDaemon, type Daemon } from './harness.js';

describe('a Paillier job through the daemon', () => {
  let d: Daemon;
  before(async () => {
    d = await startDaemon();
  });
  after(async () => {
    await d.stop();
  });

  it('encrypts with an uploaded public key, sums, and the key holder decrypts the total', async () => {
    const keys = runCli(['keys', 'paillier', 'new', '--out', join(d.dir, 'k'), '--json']);
    assert.equal(keys.status, 0, keys.stderr);
    const values = [120000n, -4500n, 0n, 9223372036854775807n, -9223372036854775807n, 17n];
    writeLines(join(d.dir, 'salaries.txt'), values.map(String));
    const alice = d.client('alice');
    const key = await uploadFile(alice, join(d.dir, 'k.pub.json'));
    const input = await uploadFile(alice, join(d.dir, 'salaries.txt'));

    const run = async (spec: Record<string, unknown>, out: string) => {
      const { job } = await ask(alice.jobs, 'Submit', { specJson: JSON.stringify(spec) });
      await watchJob(alice, job!.id, () => undefined);
      const { job: done } = await ask(alice.jobs, 'GetJob', { jobId: job!.id });
      assert.equal(done!.state, 'JOB_STATE_SUCCEEDED', done!.error);
      await downloadResult(alice, job!.id, join(d.dir, out));
      return done!;
    };
    const publicKey = { file: key.path };
    await run(
      {
        kernel: 'paillier-encrypt',
        input: { path: input.path, format: 'lines' },
        params: { publicKey },
        batch: { records: 4 },
        output: { path: 'salaries.enc', format: 'hex-lines' },
      },
      'salaries.enc',
    );
    const encrypted = await uploadFile(alice, join(d.dir, 'salaries.enc'));
    await run(
      {
        kernel: 'paillier-sum',
        input: { path: encrypted.path, format: 'lines' },
        params: { publicKey },
        batch: { records: 4 },
        output: { path: 'total.enc', format: 'hex-lines' },
      },
      'total.enc',
    );

    const each = runCli([
      'decrypt',
      '--key',
      join(d.dir, 'k.key.json'),
      '--json',
      join(d.dir, 'salaries.enc'),
    ]);
    assert.equal(each.status, 0, each.stderr);
    assert.deepEqual(JSON.parse(each.stdout), values.map(String));
    const total = runCli([
      'decrypt',
      '--key',
      join(d.dir, 'k.key.json'),
      '--json',
      join(d.dir, 'total.enc'),
    ]);
    assert.equal(total.status, 0, total.stderr);
    const expected = values.reduce((a, b) => a + b, 0n);
    assert.deepEqual(JSON.parse(total.stdout), [String(expected)]);
  });
});
