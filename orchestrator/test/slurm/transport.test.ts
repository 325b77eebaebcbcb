// How the client behaves when slurmrestd misbehaves: a real HTTP server on a Unix socket
// (or on a TCP port 0) stands in for slurmrestd, to drop connections, answer with Slurm
// error lists and serve other API versions, which the dev cluster cannot be made to do.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  clientForRest,
  createSlurmClient,
  type SlurmClient,
} from '../../src/backends/slurm/client.js';
import { backoffDelay, type SlurmResult } from '../../src/backends/slurm/http.js';
import { readFixture } from './schemas.js';
import type { ArraySubmitRequest } from '../../src/backends/slurm/model.js';

type Handler = (req: IncomingMessage, res: ServerResponse, count: number) => void;

const FAST = { attempts: 3, baseDelayMs: 1, maxDelayMs: 4 };
const PINGS = { pings: [{ hostname: 'ctl', ping: 'UP', status: 0, mode: 'primary' }] };
const SUBMIT: ArraySubmitRequest = {
  name: 'j',
  comment: 'c',
  script: '#!/bin/sh\ntrue\n',
  workDir: '/tmp',
  environment: { PATH: '/bin' },
  stdout: '/tmp/o',
  stderr: '/tmp/e',
  array: '0-1',
};

let dir: string;
let server: Server;
let handler: Handler;
let requests: string[];
const clients: SlurmClient[] = [];

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** What slurmrestd 22.05 answers for a path no loaded plugin serves. */
function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Unable find requested URL. Please view /openapi/v3 for API reference.');
}

function drop(req: IncomingMessage): void {
  req.socket.destroy();
}

function unwrap<T>(result: SlurmResult<T>): T {
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
}

async function connect(options: Parameters<typeof createSlurmClient>[0]): Promise<SlurmClient> {
  const client = unwrap(await createSlurmClient({ retry: FAST, ...options }));
  clients.push(client);
  return client;
}

const socketClient = () => connect({ socketPath: join(dir, 'rest.sock'), version: 'v0.0.38' });

describe('the Slurm transport against a misbehaving slurmrestd', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'offload-slurm-transport-'));
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      req.resume().on('end', () => handler(req, res, requests.length));
    });
    await new Promise<void>((resolve) => server.listen(join(dir, 'rest.sock'), resolve));
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  const reset = (h: Handler) => {
    requests = [];
    handler = h;
  };

  it('repeats a read after slurmrestd drops the connection', async () => {
    reset((req, res, n) => (n === 1 ? drop(req) : json(res, 200, PINGS)));
    const client = await socketClient();
    const pings = unwrap(await client.ping());
    assert.equal(pings[0]?.hostname, 'ctl');
    assert.deepEqual(requests, ['GET /slurm/v0.0.38/ping', 'GET /slurm/v0.0.38/ping']);
  });

  it('does not repeat a submission whose connection dropped: it may have been queued', async () => {
    reset((req) => drop(req));
    const client = await socketClient();
    const result = await client.submitArray(SUBMIT);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'unreachable');
    assert.equal(result.error.retryable, false);
    assert.match(result.error.message, /may have been queued/);
    assert.equal(requests.length, 1);
  });

  it('repeats a submission that slurmrestd could not pass to slurmctld (error 1800)', async () => {
    const refusal = {
      errors: [{ error: 'Unable to contact slurm controller', error_number: 1800 }],
    };
    reset((_req, res, n) => (n === 1 ? json(res, 500, refusal) : json(res, 200, { job_id: 77 })));
    const client = await socketClient();
    assert.deepEqual(unwrap(await client.submitArray(SUBMIT)), { jobId: 77 });
    assert.equal(requests.length, 2);
  });

  it('does not repeat a submission after a receive error (1802), and names the error', async () => {
    const error = { errors: [{ error: 'Socket receive error', error_number: 1802 }] };
    reset((_req, res) => json(res, 500, error));
    const client = await socketClient();
    const result = await client.submitArray(SUBMIT);
    assert.ok(!result.ok);
    assert.deepEqual(
      [result.error.kind, result.error.status, result.error.retryable],
      ['slurm', 500, false],
    );
    assert.deepEqual(result.error.slurmErrors, [{ number: 1802, message: 'Socket receive error' }]);
    assert.equal(requests.length, 1);
  });

  it('reads the rejection slurmrestd 22.05 recorded for a bad partition', async () => {
    const rejection = readFixture('v0.0.38', 'submit-rejected');
    reset((_req, res) => json(res, 500, rejection));
    const client = await socketClient();
    const result = await client.submitArray({ ...SUBMIT, partition: 'no-such-partition' });
    assert.ok(!result.ok);
    assert.deepEqual(
      [result.error.kind, result.error.retryable, result.error.slurmErrors],
      ['slurm', false, [{ number: 2000, message: 'Invalid partition name specified' }]],
    );
    assert.equal(requests.length, 1);
  });

  it('gives up on a read after the configured attempts and returns the last error', async () => {
    reset((_req, res) => json(res, 503, {}));
    const client = await socketClient();
    const result = await client.listJobs();
    assert.ok(!result.ok);
    assert.deepEqual([result.error.kind, result.error.status], ['http', 503]);
    assert.equal(requests.length, FAST.attempts);
  });

  it('reports a read that times out as unreachable', async () => {
    reset(() => undefined);
    const client = await connect({
      socketPath: join(dir, 'rest.sock'),
      version: 'v0.0.38',
      timeoutMs: 150,
      retry: { attempts: 2, baseDelayMs: 1 },
    });
    const result = await client.nodes();
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'unreachable');
    assert.equal(requests.length, 2);
  });

  it('reports a missing socket as refused, after retrying', async () => {
    const result = await createSlurmClient({ socketPath: join(dir, 'absent.sock'), retry: FAST });
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'refused');
    assert.match(result.error.message, /ENOENT/);
  });

  it('detects the newest supported version listed in /openapi/v3', async () => {
    const paths = Object.fromEntries(
      ['v0.0.39', 'v0.0.40', 'v0.0.41', 'v0.0.45'].map((v) => [`/slurm/${v}/ping/`, {}]),
    );
    reset((_req, res) => json(res, 200, { openapi: '3.0.3', paths }));
    const client = await connect({ socketPath: join(dir, 'rest.sock') });
    assert.equal(client.version, 'v0.0.41');
    assert.deepEqual(requests, ['GET /openapi/v3']);
  });

  it('falls back to pinging each version, newest first, without /openapi/v3', async () => {
    reset((req, res) =>
      req.url === '/slurm/v0.0.42/ping/' ? json(res, 200, { pings: [] }) : notFound(res),
    );
    const client = await connect({ socketPath: join(dir, 'rest.sock') });
    assert.equal(client.version, 'v0.0.42');
    assert.deepEqual(requests, [
      'GET /openapi/v3',
      'GET /slurm/v0.0.44/ping/',
      'GET /slurm/v0.0.43/ping/',
      'GET /slurm/v0.0.42/ping/',
    ]);
  });

  it('takes a ping answered with Slurm errors as proof that the version is served', async () => {
    const down = { errors: [{ error: 'Unable to contact slurm controller', error_number: 1800 }] };
    reset((req, res) => {
      if (req.url === '/slurm/v0.0.43/ping/') json(res, 500, down);
      else notFound(res);
    });
    const client = await connect({ socketPath: join(dir, 'rest.sock') });
    assert.equal(client.version, 'v0.0.43');
    assert.equal(requests.at(-1), 'GET /slurm/v0.0.43/ping/');
  });

  it('sends the user name and token over HTTP', async () => {
    const seen: Array<[unknown, unknown]> = [];
    const tcp = createServer((req, res) => {
      seen.push([req.headers['x-slurm-user-name'], req.headers['x-slurm-user-token']]);
      json(res, 200, { jobs: [], last_backfill: {}, last_update: {} });
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const { port } = tcp.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    const client = await connect({ url, user: 'alice', token: 'jwt.abc', version: 'v0.0.44' });
    assert.deepEqual(unwrap(await client.listJobs()), []);
    await client.close();
    await new Promise((resolve) => tcp.close(resolve));
    assert.deepEqual(seen, [['alice', 'jwt.abc']]);
  });

  it("reads a cluster's token from its tokenFile, or names the file it cannot read", async () => {
    const seen: unknown[] = [];
    const tcp = createServer((req, res) => {
      seen.push(req.headers['x-slurm-user-token']);
      json(res, 200, { jobs: [], last_backfill: {}, last_update: {} });
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const { port } = tcp.address() as AddressInfo;
    const dir = await mkdtemp(join(tmpdir(), 'offload-token-'));
    const tokenFile = join(dir, 'slurm.jwt');
    await writeFile(tokenFile, 'jwt.from-file\n', { mode: 0o600 });
    const rest = { url: `http://127.0.0.1:${port}`, user: 'alice', apiVersion: 'v0.0.44' };
    const client = unwrap(await clientForRest({ ...rest, tokenFile }));
    assert.deepEqual(unwrap(await client.listJobs()), []);
    await client.close();
    const missing = await clientForRest({ ...rest, tokenFile: join(dir, 'absent.jwt') });
    await new Promise((resolve) => tcp.close(resolve));
    await rm(dir, { recursive: true });
    assert.deepEqual(seen, ['jwt.from-file']);
    assert.equal(missing.ok, false);
    assert.match(
      !missing.ok ? missing.error.message : '',
      /^rest\.tokenFile: cannot read .*absent\.jwt/,
    );
  });
});

describe('backoff between attempts', () => {
  const policy = { attempts: 6, baseDelayMs: 100, maxDelayMs: 1000 };

  it('doubles the ceiling per attempt, jitters within its upper half, and caps it', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 0)),
      [50, 100, 200, 400, 500],
    );
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 1)),
      [100, 200, 400, 800, 1000],
    );
  });
});
