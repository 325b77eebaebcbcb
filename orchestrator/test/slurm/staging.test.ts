// Staging against the real sshd of the dev cluster (`bash scripts/dev-cluster.sh up`),
// and the same steps in shared mode on a local folder. The dev cluster's remote root is
// on this machine, so the tests read the remote side with node:fs as an independent check.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { ClusterConfig } from '../../src/config/index.js';
import {
  SftpTransport,
  SharedTransport,
  Stager,
  type SftpOptions,
  type Staged,
} from '../../src/backends/slurm/staging.js';
import { devCluster } from './dev-cluster-env.js';

const run = promisify(execFile);
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
let local: string;
let jobs = 0;
const created: string[] = [];
const nextJob = (): string => {
  const jobId = `t${process.pid}-${++jobs}`;
  created.push(jobId);
  return jobId;
};

before(async () => {
  local = await mkdtemp(join(tmpdir(), 'offload-staging-'));
});

after(async () => {
  await rm(local, { recursive: true, force: true });
});

function value<T>(result: Staged<T>): T {
  if (!result.ok) assert.fail(`staging failed: ${result.error.reason}: ${result.error.message}`);
  return result.value;
}

async function localFile(name: string, bytes: number): Promise<{ path: string; data: Buffer }> {
  const data = randomBytes(bytes);
  const path = join(local, name);
  await writeFile(path, data);
  return { path, data };
}

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

/** The checks both modes must pass, given a way to make a stager on a remote root. */
function behavesAsStaging(make: () => Promise<Stager>): void {
  it('creates a work folder only its owner can enter', async () => {
    const stager = await make();
    const jobId = nextJob();
    const { dir } = value(await stager.prepare(jobId));
    assert.equal(dir, join(stager.remoteRoot, jobId));
    assert.equal(await modeOf(dir), 0o700);
    await stager.close();
  });

  it('uploads files and a 0600 secrets file whose bytes match on the cluster', async () => {
    const stager = await make();
    const jobId = nextJob();
    const kernel = await localFile(`${jobId}-kernel.wasm`, 3 << 20);
    const secrets = randomBytes(96);
    const report = value(
      await stager.upload(jobId, [
        { name: 'kernel.wasm', source: kernel.path, mode: 0o644 },
        { name: 'secrets.bin', source: secrets },
        { name: 'in/00000.bin', source: Buffer.from('batch zero') },
      ]),
    );
    assert.deepEqual([...report.uploaded].sort(), ['in/00000.bin', 'kernel.wasm', 'secrets.bin']);
    assert.deepEqual(report.skipped, []);
    assert.equal(report.bytes, kernel.data.length + secrets.length + 10);

    const dir = stager.workDir(jobId);
    assert.ok((await readFile(join(dir, 'kernel.wasm'))).equals(kernel.data));
    assert.ok((await readFile(join(dir, 'secrets.bin'))).equals(secrets));
    assert.equal(await modeOf(join(dir, 'secrets.bin')), 0o600);
    assert.equal(await modeOf(join(dir, 'kernel.wasm')), 0o644);
    assert.equal(await modeOf(join(dir, 'in')), 0o700);
    assert.deepEqual(await readdir(dir), ['in', 'kernel.wasm', 'secrets.bin']);

    const digests = value(await stager.digests(jobId, ['kernel.wasm', 'absent.bin']));
    assert.deepEqual([...digests], [['kernel.wasm', sha256(kernel.data)]]);
    await stager.close();
  });

  it('skips files already in place and replaces altered or half-sent ones', async () => {
    const stager = await make();
    const jobId = nextJob();
    const files = ['a.bin', 'b.bin', 'c.bin'].map((name) => ({
      name,
      source: randomBytes(4096),
    }));
    value(await stager.upload(jobId, files));
    const dir = stager.workDir(jobId);
    await writeFile(join(dir, 'b.bin'), 'altered on the cluster');
    await rm(join(dir, 'c.bin'));
    await writeFile(join(dir, '.c.bin.part'), 'half of an earlier attempt');

    const seen: string[] = [];
    const report = value(
      await stager.upload(jobId, files, {
        onFile: (name, action) => seen.push(`${action} ${name}`),
      }),
    );
    assert.deepEqual(report.skipped, ['a.bin']);
    assert.deepEqual(report.uploaded.sort(), ['b.bin', 'c.bin']);
    assert.deepEqual(seen.sort(), ['skipped a.bin', 'uploaded b.bin', 'uploaded c.bin']);
    for (const file of files) {
      assert.ok((await readFile(join(dir, file.name))).equals(file.source), file.name);
    }
    assert.deepEqual(await readdir(dir), ['a.bin', 'b.bin', 'c.bin']);
    await stager.close();
  });

  it('downloads outputs, verifying them against the digest the producer reported', async () => {
    const stager = await make();
    const jobId = nextJob();
    value(await stager.prepare(jobId));
    const dir = stager.workDir(jobId);
    await mkdir(join(dir, 'out'));
    const good = randomBytes(1 << 20);
    await writeFile(join(dir, 'out/0.bin'), good);
    await writeFile(join(dir, 'out/1.bin'), 'not what the runner reported');

    const into = await mkdtemp(join(local, 'down-'));
    const outcomes = value(
      await stager.download(jobId, [
        { name: 'out/0.bin', local: join(into, '0.bin'), sha256: sha256(good) },
        { name: 'out/1.bin', local: join(into, '1.bin'), sha256: sha256(Buffer.from('x')) },
        { name: 'out/2.bin', local: join(into, '2.bin') },
      ]),
    );
    const [ok, altered, missing] = outcomes;
    assert.deepEqual(ok, {
      name: 'out/0.bin',
      ok: true,
      local: join(into, '0.bin'),
      sha256: sha256(good),
      bytes: good.length,
    });
    assert.ok((await readFile(join(into, '0.bin'))).equals(good));
    assert.equal(altered!.ok || altered!.error.reason, 'digest');
    assert.equal(missing!.ok || missing!.error.reason, 'missing');
    assert.equal(missing!.ok || missing!.error.code, 'OUTPUT_UNVERIFIED');
    assert.deepEqual(await readdir(into), ['0.bin']);
    await stager.close();
  });

  it('reads a small file, says when it is absent, and refuses one over the limit', async () => {
    const stager = await make();
    const jobId = nextJob();
    value(await stager.upload(jobId, [{ name: 'result.json', source: Buffer.from('{"n":3}') }]));
    assert.equal(value(await stager.read(jobId, 'result.json'))?.toString(), '{"n":3}');
    assert.equal(value(await stager.read(jobId, 'none.json')), undefined);
    const big = await stager.read(jobId, 'result.json', 4);
    assert.equal(big.ok || big.error.reason, 'too-large');
    assert.deepEqual(value(await stager.list(jobId)), ['result.json']);
    await stager.close();
  });

  it('removes the work folder as keepWorkDir says', async () => {
    const base = await make();
    const policy = async (
      keep: 'never' | 'onFailure' | 'always',
      outcome: 'succeeded' | 'failed',
    ) => {
      const stager = new Stager(base.transport, { remoteRoot: base.remoteRoot, keepWorkDir: keep });
      const jobId = nextJob();
      value(await stager.upload(jobId, [{ name: 'x', source: Buffer.from('x') }]));
      const { removed } = value(await stager.finish(jobId, outcome));
      const exists = await stat(stager.workDir(jobId)).then(
        () => true,
        () => false,
      );
      assert.equal(exists, !removed, `${keep}/${outcome}`);
      return removed;
    };
    assert.equal(await policy('never', 'failed'), true);
    assert.equal(await policy('onFailure', 'failed'), false);
    assert.equal(await policy('onFailure', 'succeeded'), true);
    assert.equal(await policy('always', 'succeeded'), false);
    await base.close();
  });

  it('rejects file names that would leave the work folder', async () => {
    const stager = await make();
    for (const name of ['../escape', '/etc/passwd', 'a/../../b', '.hidden', 'a b']) {
      await assert.rejects(stager.upload(nextJob(), [{ name, source: Buffer.alloc(1) }]), {
        code: 'INTERNAL',
      });
    }
    await assert.rejects(stager.prepare('../job'), { code: 'INTERNAL' });
    await stager.close();
  });
}

describe('staging over SFTP to the dev cluster', () => {
  let cluster: ClusterConfig;
  const made: Stager[] = [];
  const sftpOptions = (over: Partial<SftpOptions> = {}): SftpOptions => ({
    host: cluster.staging.host!,
    port: cluster.staging.port,
    user: cluster.staging.user!,
    privateKey: cluster.staging.privateKey!,
    knownHosts: cluster.staging.knownHosts!,
    ...over,
  });
  const stagerWith = (over: Partial<SftpOptions> = {}): Stager => {
    const s = new Stager(new SftpTransport(sftpOptions(over)), cluster.staging);
    made.push(s);
    return s;
  };

  before(async () => {
    cluster = await devCluster();
  });

  after(async () => {
    // Leaves the dev cluster's work root as it found it.
    const cleaner = cluster === undefined ? undefined : Stager.forCluster(cluster);
    for (const jobId of created) await cleaner?.remove(jobId);
    await cleaner?.close();
    await Promise.all(made.map((s) => s.close()));
  });

  behavesAsStaging(async () => {
    const stager = Stager.forCluster(cluster);
    made.push(stager);
    return stager;
  });

  it('resumes an upload cut off by a dropped connection, sending only the rest', async () => {
    const jobId = nextJob();
    const files = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const { path, data } = await localFile(`${jobId}-${i}.bin`, 1 << 20);
        return { name: `in/${i}.bin`, source: path, data };
      }),
    );
    const first = stagerWith();
    const cut = await first.upload(jobId, files, {
      onFile: () => void first.close(),
    });
    assert.equal(cut.ok, false);
    assert.ok(!cut.ok && cut.error.retryable, 'a dropped connection can be retried');

    const second = stagerWith();
    const report = value(await second.upload(jobId, files));
    assert.ok(report.skipped.length >= 1, `skipped ${report.skipped.join(', ')}`);
    assert.equal(report.skipped.length + report.uploaded.length, 4);
    const dir = second.workDir(jobId);
    for (const file of files) {
      assert.ok((await readFile(join(dir, file.name))).equals(file.data), file.name);
    }
    assert.deepEqual(await readdir(join(dir, 'in')), ['0.bin', '1.bin', '2.bin', '3.bin']);
  });

  it('refuses a server whose host key is not in known_hosts', async () => {
    const knownHosts = join(local, 'empty_known_hosts');
    await writeFile(knownHosts, '# nothing trusted yet\n');
    const result = await stagerWith({ knownHosts }).prepare(nextJob());
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.error.reason, 'host-key');
    assert.equal(result.error.retryable, false);
    assert.match(result.error.message, /ssh-ed25519 host key of \[127\.0\.0\.1\]:\d+ is not in /);
  });

  it('refuses a server whose host key changed', async () => {
    const knownHosts = join(local, 'changed_known_hosts');
    const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(randomBytes(32))]);
    const entry = `[127.0.0.1]:${cluster.staging.port}`;
    await writeFile(knownHosts, `${entry} ssh-ed25519 ${blob.toString('base64')}\n`);
    const result = await stagerWith({ knownHosts }).prepare(nextJob());
    assert.ok(!result.ok);
    assert.equal(result.error.reason, 'host-key');
    assert.match(result.error.message, /does not match the key .* holds for it; refusing/);
  });

  it('refuses a revoked host key and accepts a hashed known_hosts entry', async () => {
    const real = (await readFile(cluster.staging.knownHosts!, 'utf8')).trim();
    const [, type, key] = real.split(/\s+/);
    const revoked = join(local, 'revoked_known_hosts');
    await writeFile(revoked, `${real}\n@revoked * ${type} ${key}\n`);
    const refused = await stagerWith({ knownHosts: revoked }).prepare(nextJob());
    assert.ok(!refused.ok);
    assert.match(refused.error.message, /is marked @revoked/);

    const hashed = join(local, 'hashed_known_hosts');
    await writeFile(hashed, `${real}\n`);
    await run('ssh-keygen', ['-H', '-f', hashed]);
    assert.match(await readFile(hashed, 'utf8'), /^\|1\|/);
    value(await stagerWith({ knownHosts: hashed }).prepare(nextJob()));
  });

  it('reports a key the server refuses as an authentication failure', async () => {
    const privateKey = join(local, 'stranger_ed25519');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', privateKey]);
    const result = await stagerWith({ privateKey }).prepare(nextJob());
    assert.ok(!result.ok);
    assert.equal(result.error.reason, 'auth');
    assert.equal(result.error.code, 'BACKEND_UNAVAILABLE');
  });

  it('reports a port nobody listens on as a connection failure, not a crash', async () => {
    const port = await closedPort();
    const knownHosts = join(local, 'closed_known_hosts');
    await writeFile(knownHosts, '');
    const result = await stagerWith({ port, knownHosts }).prepare(nextJob());
    assert.ok(!result.ok);
    assert.equal(result.error.reason, 'connect');
    assert.equal(result.error.retryable, true);
    assert.match(result.error.message, /ECONNREFUSED/);
  });
});

describe('staging on a shared file system', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'offload-shared-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });
  behavesAsStaging(
    async () => new Stager(new SharedTransport(), { remoteRoot: root, keepWorkDir: 'onFailure' }),
  );
});

/** An SSH wire-format string: uint32 length, then the bytes (RFC 4251 §5). */
function sshString(data: string | Buffer): Buffer {
  const bytes = Buffer.from(data);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
