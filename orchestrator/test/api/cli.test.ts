import assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { identifiers } from '../helpers.js';
import { sha256Hex, startDaemon, USERS, type Daemon } from './harness.js';

const CLI = fileURLToPath(new URL('./fixtures/offload-cli.js', import.meta.url));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a child process without blocking this process, where the daemon runs. */
function offload(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, OFFLOAD_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b));
    child.stderr.on('data', (b: Buffer) => (stderr += b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the remote commands', () => {
  let d: Daemon;
  let remote: (user: keyof typeof USERS, args: string[]) => Promise<Run>;
  const ids = identifiers(300, 11);

  before(async () => {
    d = await startDaemon();
    writeFileSync(join(d.dir, 'ca.pem'), d.pki.ca);
    for (const [user, { token }] of Object.entries(USERS)) {
      writeFileSync(join(d.dir, `${user}.token`), `${token}\n`, { mode: 0o600 });
    }
    writeFileSync(join(d.dir, 'ids.txt'), ids.join('\n') + '\n');
    remote = (user, args) =>
      offload(args, {
        OFFLOAD_SERVER: `localhost:${d.server.port}`,
        OFFLOAD_TOKEN_FILE: join(d.dir, `${user}.token`),
        OFFLOAD_CA: join(d.dir, 'ca.pem'),
        OFFLOAD_HOME: join(d.dir, 'client-home'),
      });
  });
  after(() => d.stop());

  it('uploads, submits, watches, lists, shows and fetches a job', async () => {
    const up = await remote('alice', ['upload', join(d.dir, 'ids.txt'), '--json']);
    assert.equal(up.status, 0, up.stderr);
    const { path } = JSON.parse(up.stdout) as { path: string };
    const spec = join(d.dir, 'job.yaml');
    writeFileSync(
      spec,
      `kernel: sha256\ninput: { path: ${path} }\nbatch: { records: 100 }\n` +
        'output: { path: out/hashes.txt }\n',
    );
    const submitted = await remote('alice', ['submit', spec]);
    assert.equal(submitted.status, 0, submitted.stderr);
    const jobId = submitted.stdout.trim();
    assert.match(jobId, /^j-[0-9a-f]{12}$/);

    const watched = await remote('alice', ['watch', jobId, '--json']);
    assert.equal(watched.status, 0, watched.stderr);
    const events = watched.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      events.map((e) => e.id),
      d.engine.events(jobId, 0).map((e) => e.id),
    );
    assert.equal(events[events.length - 1].state, 'JOB_STATE_SUCCEEDED');

    const listed = await remote('alice', ['jobs', '--json']);
    assert.deepEqual(
      JSON.parse(listed.stdout).jobs.map((j: { id: string }) => j.id),
      [jobId],
    );
    const shown = await remote('alice', ['show', jobId]);
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /state\s+succeeded/);
    assert.match(shown.stdout, /progress\s+3\/3 batches, 300\/300 records/);

    const out = join(d.dir, 'fetched.txt');
    const fetched = await remote('alice', ['result', jobId, '-o', out]);
    assert.equal(fetched.status, 0, fetched.stderr);
    assert.equal(readFileSync(out, 'utf8'), ids.map((id) => sha256Hex(id)).join('\n') + '\n');
  });

  it('exits with the error code of a refusal and names the field', async () => {
    const queue = await remote('alice', ['queue']);
    assert.equal(queue.status, 11);
    assert.match(queue.stderr, /QueueView needs role admin or ci; alice has role operator/);
    const other = await remote('bob', ['show', 'j-000000000000']);
    assert.equal(other.status, 3);
    assert.match(other.stderr, /job_id: no job "j-000000000000"/);
  });

  it('lets an admin pause intake, which refuses submissions until resumed', async () => {
    const paused = await remote('root', ['queue', 'pause', 'disk', 'full']);
    assert.equal(paused.status, 0, paused.stderr);
    const spec = join(d.dir, 'job2.yaml');
    writeFileSync(spec, `kernel: sha256\ninput: { path: x }\noutput: { path: y }\n`);
    const refused = await remote('alice', ['submit', spec]);
    assert.equal(refused.status, 9);
    assert.match(refused.stderr, /intake is paused by an admin: disk full/);
    const view = await remote('root', ['queue', '--json']);
    assert.equal(JSON.parse(view.stdout).intake.paused, true);
    const resumed = await remote('root', ['queue', 'resume']);
    assert.equal(resumed.status, 0, resumed.stderr);
    const missing = await remote('alice', ['submit', spec]);
    assert.equal(missing.status, 3, 'now the spec itself is judged: its input does not exist');
  });
});

describe('offload serve', () => {
  it('refuses a setting it does not know in the serve section, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offload-serve-config-'));
    try {
      const config = join(dir, 'config.yaml');
      writeFileSync(config, 'serve:\n  listen: 127.0.0.1:0\n  tls: { cert: a.pem, keys: b.pem }\n');
      const r = await offload(['--config', config, 'serve'], { OFFLOAD_HOME: join(dir, 'home') });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /serve\.tls\.keys is not a setting of offload serve/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves with tokens from `offload token add` and stops cleanly on SIGTERM', async () => {
    const d = await startDaemon();
    const home = join(d.dir, 'daemon-home');
    let child: ChildProcessByStdio<null, null, Readable> | undefined;
    try {
      const added = await offload(['token', 'add', '--user', 'carol', '--role', 'ci'], {
        OFFLOAD_HOME: home,
      });
      assert.equal(added.status, 0, added.stderr);
      const token = added.stdout.trim();
      assert.match(token, /^offload_[A-Za-z0-9_-]{43}$/);
      const tokens = readFileSync(join(home, 'tokens.yaml'), 'utf8');
      assert.ok(tokens.includes(sha256Hex(token)), 'the file holds the hash');
      assert.ok(!tokens.includes(token), 'the file does not hold the token');
      writeFileSync(join(d.dir, 'carol.token'), token);

      child = spawn(
        process.execPath,
        [CLI, 'serve', '--listen', '127.0.0.1:0', '--metrics-port', '0'],
        { env: { ...process.env, OFFLOAD_HOME: home }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      const running = child;
      const exited = new Promise<number | null>((r) => running.on('close', r));
      const port = await new Promise<string>((resolve, reject) => {
        let text = '';
        running.stderr.on('data', (b: Buffer) => {
          text += b;
          const m = /serving on port (\d+)/.exec(text);
          if (m) resolve(m[1]!);
        });
        running.on('close', () => reject(new Error(`serve exited early: ${text}`)));
      });
      const tlsByDefault = await offload(['--server', `127.0.0.1:${port}`, 'jobs'], {
        OFFLOAD_TOKEN_FILE: join(d.dir, 'carol.token'),
      });
      assert.equal(
        tlsByDefault.status,
        9,
        'TLS is the default; a plain-text daemon needs --plaintext',
      );
      const listed = await offload(
        ['--server', `127.0.0.1:${port}`, '--plaintext', 'jobs', '--json'],
        { OFFLOAD_TOKEN_FILE: join(d.dir, 'carol.token') },
      );
      assert.equal(listed.status, 0, listed.stderr);
      assert.deepEqual(JSON.parse(listed.stdout).jobs, []);
      running.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await d.stop();
    }
  });
});
