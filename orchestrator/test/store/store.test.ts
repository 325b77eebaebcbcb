import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createLogger } from '../../src/logging.js';
import { MasterKey } from '../../src/store/secrets.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

describe('the store', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('migrates a new file to the latest schema in WAL mode, and reopens it', () => {
    const file = join(tmp.dir, 'a.db');
    const s = new Store(file);
    assert.equal(s.db.pragma('journal_mode', { simple: true }), 'wal');
    const version = s.db.pragma('user_version', { simple: true });
    assert.ok(Number(version) >= 1);
    s.insertJob({
      id: 'j-1',
      name: 'n',
      owner: 'o',
      kernel: 'k',
      kernelSha256: 'h',
      state: 'pending',
      target: 'local',
      spec: { a: 1 },
      fingerprint: 'f',
      outputPath: '/x',
    });
    s.close();
    const again = new Store(file);
    assert.equal(again.db.pragma('user_version', { simple: true }), version);
    assert.deepEqual(again.job('j-1')?.spec, { a: 1 });
    again.close();
  });

  it('numbers attempts per batch without repeats and keeps only the first verified output', () => {
    const s = new Store(join(tmp.dir, 'b.db'));
    s.insertJob({
      id: 'j-2',
      name: 'n',
      owner: 'o',
      kernel: 'k',
      kernelSha256: 'h',
      state: 'running',
      target: 'local',
      spec: {},
      fingerprint: 'f2',
      outputPath: '/y',
    });
    s.insertBatch({
      jobId: 'j-2',
      index: 0,
      records: 5,
      firstRecord: 0,
      inputPath: 'in',
      inputSha256: 'd',
    });
    const a1 = s.openAttempt('j-2', 0, 'slurm');
    const a2 = s.openAttempt('j-2', 0, 'local');
    assert.deepEqual([a1.number, a2.number], [1, 2]);
    const done = {
      jobId: 'j-2',
      index: 0,
      outputSha256: 'o',
      partSha256: null,
      where: 'h',
      seconds: 1,
    };
    assert.equal(s.completeBatch({ ...done, outputPath: 'a2', backend: 'local' }), true);
    assert.equal(s.completeBatch({ ...done, outputPath: 'a1', backend: 'slurm' }), false);
    assert.equal(s.batch('j-2', 0)?.outputPath, 'a2');
    s.close();
  });

  it('counts jobs by state, and batches by state for unfinished jobs only', () => {
    const s = new Store(join(tmp.dir, 'counts.db'));
    const job = (id: string, state: 'running' | 'succeeded' | 'failed') =>
      s.insertJob({
        id,
        name: id,
        owner: 'o',
        kernel: 'k',
        kernelSha256: 'h',
        state,
        target: 'local',
        spec: {},
        fingerprint: id,
        outputPath: `/${id}`,
      });
    const batches = (jobId: string, count: number) => {
      for (let index = 0; index < count; index++) {
        s.insertBatch({
          jobId,
          index,
          records: 1,
          firstRecord: index,
          inputPath: 'i',
          inputSha256: 'd',
        });
      }
    };
    job('r1', 'running');
    job('r2', 'running');
    job('s1', 'succeeded');
    job('f1', 'failed');
    batches('r1', 3);
    batches('r2', 2);
    batches('s1', 4);
    s.setBatchState('r1', 0, 'running');
    s.setBatchState('r2', 1, 'failed');
    assert.deepEqual(s.counts(), {
      jobs: { running: 2, succeeded: 1, failed: 1 },
      activeBatches: { pending: 3, running: 1, failed: 1 },
    });
    s.close();
  });

  it('seals secrets so that neither the database nor the WAL holds them in clear', () => {
    const file = join(tmp.dir, 'c.db');
    const s = new Store(file);
    const master = MasterKey.open(join(tmp.dir, 'master.key'));
    assert.equal(statSync(join(tmp.dir, 'master.key')).mode & 0o777, 0o600);
    s.insertJob({
      id: 'j-3',
      name: 'n',
      owner: 'o',
      kernel: 'k',
      kernelSha256: 'h',
      state: 'pending',
      target: 'local',
      spec: {},
      fingerprint: 'f3',
      outputPath: '/z',
    });
    const secret = Buffer.from('a secret seed of thirty-two byte');
    s.putSecret('j-3', 'seed', master.seal(secret, 'j-3/seed'));
    assert.ok(master.open(s.secret('j-3', 'seed')!, 'j-3/seed').equals(secret));
    assert.throws(() => master.open(s.secret('j-3', 'seed')!, 'j-4/seed'), /does not open/);
    for (const f of [file, `${file}-wal`]) assert.equal(readFileSync(f).includes(secret), false);
    s.close();
  });
});

describe('the logger', () => {
  it('redacts keys, params, seeds and tokens whatever the call site passes', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = createLogger({ level: 'info', destination: sink, pretty: false });
    log
      .child({ jobId: 'j-9' })
      .info(
        { key: 'deadbeef', params: { key: 'cafe' }, job: { seed: 'aa', token: 'tt' }, batches: 3 },
        'job split',
      );
    const entry = JSON.parse(lines[0]);
    assert.equal(entry.jobId, 'j-9');
    assert.equal(entry.batches, 3);
    assert.equal(entry.key, '[redacted]');
    assert.equal(entry.params, '[redacted]');
    assert.equal(entry.job.seed, '[redacted]');
    assert.equal(entry.job.token, '[redacted]');
    assert.equal(lines[0].includes('deadbeef') || lines[0].includes('cafe'), false);
  });
});
