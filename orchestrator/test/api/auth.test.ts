import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ask, connect, downloadResult, uploadFile, watchJob } from '../../src/api/client.js';
import type { Job__Output } from '../../src/api/generated/offload/v1/Job.js';
import { startServer } from '../../src/api/server.js';
import { refusal, sha256Hex, startDaemon, type Daemon } from './harness.js';

const { UNAUTHENTICATED, PERMISSION_DENIED, NOT_FOUND, RESOURCE_EXHAUSTED } = grpc.status;

describe('who may call what', () => {
  let d: Daemon;
  let job: Job__Output;

  before(async () => {
    d = await startDaemon();
    const alice = d.client('alice');
    const input = join(d.dir, 'alice-ids.txt');
    writeFileSync(input, 'secret-patient-1\nsecret-patient-2\n');
    const uploaded = await uploadFile(alice, input);
    const spec = {
      name: 'alice-private-study',
      kernel: 'sha256',
      input: { path: uploaded.path },
      output: { path: 'results/alice.txt' },
    };
    job = (await ask(alice.jobs, 'Submit', { specJson: JSON.stringify(spec) })).job!;
    await d.engine.wait(job.id);
  });
  after(() => d.stop());

  it('answers UNAUTHENTICATED without a token, on every service', async () => {
    const anonymous = d.client({});
    for (const call of [
      () => ask(anonymous.jobs, 'GetJob', { jobId: job.id }),
      () => ask(anonymous.jobs, 'Submit', { specJson: '{}' }),
      () => ask(anonymous.admin, 'QueueView', {}),
      () => ask(anonymous.kernels, 'ListKernels', {}),
    ]) {
      const r = await refusal(call);
      assert.equal(r.status, UNAUTHENTICATED);
      assert.match(r.details, /authorization: a bearer token is required/);
    }
  });

  it('answers UNAUTHENTICATED to a token that is not in the file', async () => {
    const forger = d.client({ token: 'token-of-alicf' });
    const r = await refusal(() => ask(forger.jobs, 'GetJob', { jobId: job.id }));
    assert.equal(r.status, UNAUTHENTICATED);
    assert.match(r.details, /not valid/);
    assert.doesNotMatch(r.details, new RegExp(job.id));
  });

  it('answers PERMISSION_DENIED to a role that may not make the call', async () => {
    const ci = d.client('ci');
    const alice = d.client('alice');
    const cases: [string, () => Promise<unknown>][] = [
      ['ci Submit', () => ask(ci.jobs, 'Submit', { specJson: '{}' })],
      ['ci CancelJob', () => ask(ci.jobs, 'CancelJob', { jobId: job.id })],
      ['ci DownloadResult', () => downloadResult(ci, job.id, join(d.dir, 'ci.out'))],
      ['operator QueueView', () => ask(alice.admin, 'QueueView', {})],
      ['operator PauseIntake', () => ask(alice.admin, 'PauseIntake', { reason: 'x' })],
      ['ci DrainCluster', () => ask(ci.admin, 'DrainCluster', { cluster: 'hpc', drain: true })],
    ];
    for (const [what, call] of cases) {
      const r = await refusal(call);
      assert.equal(r.status, PERMISSION_DENIED, what);
      assert.match(r.details, /needs role/, what);
    }
  });

  it("answers another operator's job exactly like a job that does not exist", async () => {
    const bob = d.client('bob');
    const missing = 'j-000000000000';
    const theirs = await refusal(() => ask(bob.jobs, 'GetJob', { jobId: job.id }));
    const none = await refusal(() => ask(bob.jobs, 'GetJob', { jobId: missing }));
    assert.equal(theirs.status, NOT_FOUND);
    assert.equal(none.status, NOT_FOUND);
    assert.equal(theirs.details.replace(job.id, missing), none.details);
    for (const secret of ['alice', 'sha256', 'succeeded', 'private-study', job.kernelSha256]) {
      assert.doesNotMatch(theirs.details, new RegExp(secret));
    }

    const calls: [string, () => Promise<unknown>][] = [
      ['CancelJob', () => ask(bob.jobs, 'CancelJob', { jobId: job.id })],
      ['DownloadResult', () => downloadResult(bob, job.id, join(d.dir, 'bob.out'))],
      ['WatchJob', () => watchJob(bob, job.id, () => assert.fail('bob saw an event'))],
    ];
    for (const [what, call] of calls) {
      const r = await refusal(call);
      assert.equal(r.status, NOT_FOUND, what);
      assert.equal(r.details.replace(job.id, missing), none.details, what);
    }
    const listed = await ask(bob.jobs, 'ListJobs', {});
    assert.deepEqual(listed.jobs, []);
    const other = await refusal(() => ask(bob.jobs, 'ListJobs', { owner: 'alice' }));
    assert.equal(other.status, PERMISSION_DENIED);
    assert.equal(d.engine.get(job.id)?.state, 'succeeded', "bob's cancel changed nothing");
  });

  it('lets the owner, an admin and CI read the job, and only the owner and admin fetch it', async () => {
    for (const user of ['alice', 'root', 'ci'] as const) {
      const got = await ask(d.client(user).jobs, 'GetJob', { jobId: job.id });
      assert.equal(got.job?.owner, 'alice', user);
      assert.equal(got.job?.state, 'JOB_STATE_SUCCEEDED', user);
    }
    const header = await downloadResult(d.client('root'), job.id, join(d.dir, 'root.out'));
    assert.equal(header.sha256, d.engine.get(job.id)?.outputSha256);
    const lines = ['secret-patient-1', 'secret-patient-2'].map((id) => sha256Hex(id));
    assert.equal(readFileSync(join(d.dir, 'root.out'), 'utf8'), `${lines.join('\n')}\n`);
    const listed = await ask(d.client('root').jobs, 'ListJobs', { owner: 'alice' });
    assert.deepEqual(
      listed.jobs.map((j) => j.id),
      [job.id],
    );
  });

  it('keeps remote specs inside the user folder and away from the environment', async () => {
    const alice = d.client('alice');
    const specs: [string, unknown][] = [
      ['input.path', { kernel: 'sha256', input: { path: '/etc/passwd' }, output: { path: 'o' } }],
      [
        'output.path',
        { kernel: 'sha256', input: { path: 'x' }, output: { path: '../bob/overwrite.txt' } },
      ],
      [
        'params.key.env',
        {
          kernel: 'hmac-sha256',
          input: { path: 'x' },
          params: { key: { env: 'HOME' } },
          output: { path: 'o' },
        },
      ],
    ];
    for (const [field, spec] of specs) {
      const r = await refusal(() => ask(alice.jobs, 'Submit', { specJson: JSON.stringify(spec) }));
      assert.equal(r.status, PERMISSION_DENIED, field);
      assert.ok(r.details.startsWith(`${field}:`), `${field}: ${r.details}`);
    }
    const bad = await refusal(() => ask(alice.jobs, 'Submit', { specJson: '{"kernel": ' }));
    assert.equal(bad.status, grpc.status.INVALID_ARGUMENT);
    assert.match(bad.details, /^spec_json is not JSON/);
  });

  it('answers health checks without a token', async () => {
    const anonymous = d.client({});
    assert.deepEqual(await ask(anonymous.health, 'Check', { service: '' }), {
      status: 'SERVING',
    });
    const unknown = await refusal(() =>
      ask(anonymous.health, 'Check', { service: 'no.such.Service' }),
    );
    assert.equal(unknown.status, NOT_FOUND);
  });

  it('refuses a client that does not trust the server certificate', async () => {
    const stranger = connect({
      address: `localhost:${d.server.port}`,
      token: 'token-of-alice',
      tls: {},
    });
    try {
      const r = await refusal(() => ask(stranger.kernels, 'ListKernels', {}, 3000));
      assert.equal(r.status, grpc.status.UNAVAILABLE);
    } finally {
      stranger.close();
    }
  });
});

describe('mutual TLS and rate limits', () => {
  let d: Daemon;
  before(async () => {
    d = await startDaemon();
  });
  after(() => d.stop());

  it('refuses a client without a certificate when client certificates are required', async () => {
    const server = await startServer({
      address: '127.0.0.1:0',
      tls: {
        cert: d.pki.serverCert,
        key: d.pki.serverKey,
        clientCa: d.pki.ca,
        requireClientCert: true,
      },
      tokensFile: d.tokensFile,
      service: d.engine,
      catalog: d.engine.catalog,
      dataDir: join(d.dir, 'mtls'),
    });
    const address = `localhost:${server.port}`;
    const without = connect({ address, token: 'token-of-ci', tls: { ca: d.pki.ca } });
    const withCert = connect({
      address,
      token: 'token-of-ci',
      tls: { ca: d.pki.ca, cert: d.pki.clientCert, key: d.pki.clientKey },
    });
    try {
      const r = await refusal(() => ask(without.kernels, 'ListKernels', {}, 3000));
      assert.equal(r.status, grpc.status.UNAVAILABLE);
      const { kernels } = await ask(withCert.kernels, 'ListKernels', {});
      const manifest = d.engine.catalog.list();
      assert.deepEqual(
        kernels.map((k) => [k.name, k.version, k.kind, k.sha256]),
        manifest.map((k) => [k.name, k.version, k.kind, k.sha256]),
      );
    } finally {
      without.close();
      withCert.close();
      await server.close(500);
    }
  });

  it('tells health watchers NOT_SERVING when shutdown begins, then ends their stream', async () => {
    const server = await startServer({
      address: '127.0.0.1:0',
      tls: { cert: d.pki.serverCert, key: d.pki.serverKey },
      tokensFile: d.tokensFile,
      service: d.engine,
      dataDir: join(d.dir, 'health'),
    });
    const probe = connect({ address: `localhost:${server.port}`, tls: { ca: d.pki.ca } });
    try {
      const statuses: string[] = [];
      const stream = probe.health.Watch({ service: 'offload.v1.JobService' });
      const ended = new Promise<void>((resolve, reject) => {
        stream.on('data', (m: { status: string }) => {
          statuses.push(m.status);
          if (m.status === 'SERVING') void server.close(1000);
        });
        stream.on('end', resolve);
        stream.on('error', reject);
      });
      await ended;
      assert.deepEqual(statuses, ['SERVING', 'NOT_SERVING']);
    } finally {
      probe.close();
      await server.close(1000);
    }
  });

  it('answers RESOURCE_EXHAUSTED once a token spends its burst, and not for other tokens', async () => {
    const server = await startServer({
      address: '127.0.0.1:0',
      tls: { cert: d.pki.serverCert, key: d.pki.serverKey },
      tokensFile: d.tokensFile,
      service: d.engine,
      catalog: d.engine.catalog,
      dataDir: join(d.dir, 'limited'),
      // One call every 10 s after a burst of 3: the 4th call within the test is refused.
      limits: { requestsPerSecond: 0.1, requestBurst: 3 },
    });
    const address = `localhost:${server.port}`;
    const ci = connect({ address, token: 'token-of-ci', tls: { ca: d.pki.ca } });
    const root = connect({ address, token: 'token-of-root', tls: { ca: d.pki.ca } });
    try {
      for (let i = 0; i < 3; i++) await ask(ci.kernels, 'ListKernels', {});
      const r = await refusal(() => ask(ci.kernels, 'ListKernels', {}));
      assert.equal(r.status, RESOURCE_EXHAUSTED);
      assert.match(r.details, /retry in \d+ ms/);
      await ask(root.kernels, 'ListKernels', {});
    } finally {
      ci.close();
      root.close();
      await server.close(500);
    }
  });
});
