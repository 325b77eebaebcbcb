import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import {
  identifiers,
  lastJsonLine,
  runCli,
  startCli,
  tempDir,
  writeKey,
  writeLines,
  writeSpec,
} from '../helpers.js';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** Waits until `query` on the store returns true, reading the real SQLite file. */
async function until(dbFile: string, query: (db: Database.Database) => boolean, limitMs = 60_000) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (existsSync(dbFile)) {
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        if (query(db)) return;
      } catch {
        // The schema may not exist yet while the writer migrates.
      } finally {
        db.close();
      }
    }
    await delay(20);
  }
  throw new Error('condition not reached in time');
}

function doneBatches(dbFile: string): Map<number, number> {
  const db = new Database(dbFile, { readonly: true });
  const rows = db.prepare(`SELECT idx, attempts FROM batches WHERE state = 'done'`).all() as Array<{
    idx: number;
    attempts: number;
  }>;
  db.close();
  return new Map(rows.map((r) => [r.idx, r.attempts]));
}

describe('a job killed with SIGKILL', () => {
  const tmp = tempDir();
  const spec = {
    kernel: 'hmac-sha256',
    input: { path: 'ids.txt', format: 'lines' },
    params: { key: { file: 'hmac.key' } },
    batch: { records: 2_000 },
    output: { path: 'out.txt', format: 'hex-lines' },
  };
  let reference = '';

  before(() => {
    writeLines(join(tmp.dir, 'ids.txt'), identifiers(300_000, 3));
    writeKey(join(tmp.dir, 'hmac.key'));
    const ref = writeSpec(join(tmp.dir, 'ref.json'), {
      ...spec,
      output: { path: 'ref.txt', format: 'hex-lines' },
    });
    const r = runCli(['run', ref, '--json'], { OFFLOAD_HOME: join(tmp.dir, 'ref-home') });
    assert.equal(r.status, 0, r.stderr);
    reference = sha(join(tmp.dir, 'ref.txt'));
  });
  after(() => tmp.cleanup());

  async function killMidJob(
    home: string,
    specFile: string,
    output: string,
  ): Promise<Map<number, number>> {
    const db = join(home, 'offload.db');
    const child = startCli(['run', specFile, '--json', '--workers', '1'], { OFFLOAD_HOME: home });
    const exited = once(child, 'exit');
    await until(db, (d) => {
      const row = d.prepare(`SELECT count(*) AS n FROM batches WHERE state = 'done'`).get() as {
        n: number;
      };
      return row.n >= 12;
    });
    child.kill('SIGKILL');
    await exited;
    const done = doneBatches(db);
    assert.ok(done.size >= 12 && done.size < 150, `killed mid-job with ${done.size} batches done`);
    assert.equal(existsSync(join(tmp.dir, output)), false, 'no result shown before the job ends');
    return done;
  }

  it('resumes with `offload resume`, redoing no verified batch, with identical output', async () => {
    const home = join(tmp.dir, 'home1');
    const specFile = writeSpec(join(tmp.dir, 'job.json'), spec);
    const before = await killMidJob(home, specFile, 'out.txt');
    const jobs = JSON.parse(runCli(['jobs', '--json'], { OFFLOAD_HOME: home }).stdout);
    assert.equal(jobs.length, 1);
    assert.notEqual(jobs[0].state, 'succeeded');

    const r = runCli(['resume', jobs[0].jobId, '--json'], { OFFLOAD_HOME: home });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(lastJsonLine(r.stdout).state, 'succeeded');
    assert.equal(sha(join(tmp.dir, 'out.txt')), reference);

    const detail = JSON.parse(
      runCli(['show', jobs[0].jobId, '--json'], { OFFLOAD_HOME: home }).stdout,
    );
    for (const [idx, attempts] of before) {
      const b = detail.batches.find((x: { index: number }) => x.index === idx);
      assert.equal(b.attempts, attempts, `verified batch ${idx} was not run again`);
    }
    const kept = detail.attempts.filter((a: { state: string }) => a.state === 'succeeded');
    assert.equal(kept.length, 150, 'exactly one verified output per batch');
  });

  it('resumes when the same spec is run again, under the same job id', async () => {
    const home = join(tmp.dir, 'home2');
    const specFile = writeSpec(join(tmp.dir, 'job2.json'), {
      ...spec,
      output: { path: 'out2.txt', format: 'hex-lines' },
    });
    await killMidJob(home, specFile, 'out2.txt');
    const jobs = JSON.parse(runCli(['jobs', '--json'], { OFFLOAD_HOME: home }).stdout);
    const r = runCli(['run', specFile, '--json'], { OFFLOAD_HOME: home });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(lastJsonLine(r.stdout).jobId, jobs[0].jobId);
    assert.equal(sha(join(tmp.dir, 'out2.txt')), reference);
  });
});

describe('a job cancelled from another process', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('stops the process running it, leaves no result and stays cancelled', async () => {
    writeLines(join(tmp.dir, 'ids.txt'), identifiers(400_000, 5));
    writeKey(join(tmp.dir, 'hmac.key'));
    const home = join(tmp.dir, 'home');
    const specFile = writeSpec(join(tmp.dir, 'job.json'), {
      kernel: 'hmac-sha256',
      input: { path: 'ids.txt', format: 'lines' },
      params: { key: { file: 'hmac.key' } },
      batch: { records: 100 },
      output: { path: 'out.txt', format: 'hex-lines' },
    });
    const child = startCli(['run', specFile, '--json', '--workers', '1'], { OFFLOAD_HOME: home });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const exited = once(child, 'exit');
    const db = join(home, 'offload.db');
    await until(db, (d) => {
      const row = d.prepare(`SELECT count(*) AS n FROM batches WHERE state = 'done'`).get() as {
        n: number;
      };
      return row.n >= 3;
    });
    const jobs = JSON.parse(runCli(['jobs', '--json'], { OFFLOAD_HOME: home }).stdout);
    const cancel = runCli(['cancel', jobs[0].jobId, '--json'], { OFFLOAD_HOME: home });
    assert.equal(cancel.status, 0, cancel.stderr);
    const [code] = await exited;
    assert.equal(code, 7, `the running process exits as cancelled; it said: ${stderr}`);
    const after = JSON.parse(
      runCli(['show', jobs[0].jobId, '--json'], { OFFLOAD_HOME: home }).stdout,
    );
    assert.equal(after.job.state, 'cancelled');
    assert.ok(
      after.job.batchesDone < 4000,
      `stopped after ${after.job.batchesDone} of 4000 batches`,
    );
    assert.equal(existsSync(join(tmp.dir, 'out.txt')), false);
  });
});
