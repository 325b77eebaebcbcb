// The Slurm backend against the real dev cluster: jobs run as job arrays, verified,
// cancelled, reattached after a crash, and falling back to local workers. Some tests kill
// slurmrestd; scripts/run-tests.mjs runs this file apart from the other suites so that
// none of them sees the cluster go away.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { appendFileSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { ClusterConfig } from '../../src/config/index.js';
import type { EventRecord } from '../../src/jobs/types.js';
import { identifiers, runCli, startCli, tempDir, writeKey, writeLines } from '../helpers.js';
import {
  activeTasks,
  clusterUp,
  configFileWith,
  daemonPid,
  devClient,
  distinctArrays,
  openHarness,
  slowNode,
  withSlurm,
  type Harness,
} from './backend-harness.js';
import { devCluster, devConfigPath } from './dev-cluster-env.js';
import { loadConfig } from '../../src/config/index.js';
import { queueSnapshot } from '../../src/cli/commands/queue.js';

const BATCHES = 4;

function startedOn(backend: string, count: number) {
  return (events: EventRecord[]) =>
    new Set(
      events
        .filter((e) => e.type === 'batch.started' && e.data.backend === backend)
        .map((e) => e.data.batch),
    ).size >= count;
}

/** Polls a condition that lives outside the engine (Slurm's queue); no fixed sleeps. */
async function eventually(test: () => Promise<boolean>, what: string, limitMs = 60_000) {
  const deadline = Date.now() + limitMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(250);
  }
}

describe('the Slurm backend on the dev cluster', () => {
  const tmp = tempDir('offload-slurm-backend-');
  let cluster: ClusterConfig;
  let reference: Buffer;
  let open: Harness | undefined;

  const spec = (target: string, output: string, records = 20_000 / BATCHES) => ({
    kernel: 'hmac-sha256',
    target,
    input: { path: 'ids.txt', format: 'lines' },
    params: { key: { file: 'hmac.key' } },
    batch: { records },
    output: { path: output, format: 'hex-lines' },
  });

  async function runJob(h: Harness, target: string, output: string, records?: number) {
    open = h;
    const job = await h.engine.submit(spec(target, output, records), {
      owner: 'test',
      baseDir: tmp.dir,
    });
    return job.id;
  }

  async function finish(h: Harness, jobId: string) {
    const done = await h.engine.wait(jobId);
    assert.equal(done.state, 'succeeded', done.error ?? '');
    return done;
  }

  before(async () => {
    cluster = await devCluster();
    writeLines(join(tmp.dir, 'ids.txt'), identifiers(20_000, 11));
    writeKey(join(tmp.dir, 'hmac.key'));
    const h = openHarness(join(tmp.dir, 'home-local'), cluster);
    const id = await runJob(h, 'local', 'local.txt');
    await finish(h, id);
    await h.close();
    reference = readFileSync(join(tmp.dir, 'local.txt'));
  });

  after(async () => {
    await open?.close().catch(() => undefined);
    tmp.cleanup();
  });

  it('runs a job as one array on Slurm with output identical to the local run', async () => {
    const h = openHarness(join(tmp.dir, 'home-slurm'), cluster);
    const id = await runJob(h, 'slurm', 'slurm.txt');
    await finish(h, id);
    assert.deepEqual(readFileSync(join(tmp.dir, 'slurm.txt')), reference);
    const attempts = h.engine.attempts(id);
    assert.equal(attempts.length, BATCHES);
    for (const a of attempts) {
      assert.equal(a.backend, 'slurm');
      assert.equal(a.where, `slurm:${cluster.name}`);
      assert.equal(a.state, 'succeeded');
    }
    assert.equal(distinctArrays(attempts.map((a) => a.externalId)).size, 1, 'one array');
    assert.ok(h.engine.batches(id).every((b) => b.backend === 'slurm'));
    await h.close();
    assert.equal(existsSync(join(cluster.staging.remoteRoot, id)), false, 'work folder removed');
  });

  it('renders a node binary path full of shell metacharacters inert on the cluster', async () => {
    const marker = join(tmp.dir, 'pwned');
    const bin = join(tmp.dir, `a $(touch ${marker}); b'c"\`touch ${marker}\``, 'node');
    mkdirSync(dirname(bin), { recursive: true });
    symlinkSync('/usr/bin/node', bin);
    const h = openHarness(join(tmp.dir, 'home-meta'), withSlurm(cluster, { nodeBinary: bin }));
    const id = await runJob(h, 'slurm', 'meta.txt');
    await finish(h, id);
    await h.close();
    assert.deepEqual(readFileSync(join(tmp.dir, 'meta.txt')), reference);
    assert.equal(existsSync(marker), false, 'no command inside the path ran');
  });

  it('detects an output corrupted on the cluster and runs that batch again', async () => {
    const h = openHarness(join(tmp.dir, 'home-corrupt'), cluster, {
      slurm: {
        beforeCollect: async (t) => {
          if (t.batchIndex === 1 && t.attempt === 1)
            appendFileSync(join(t.remoteDir, t.output), 'x');
        },
      },
    });
    const id = await runJob(h, 'slurm', 'corrupt.txt');
    await finish(h, id);
    const failed = h.events.filter((e) => e.type === 'batch.failed');
    assert.deepEqual(
      failed.map((e) => [e.data.batch, e.data.reason]),
      [[1, 'output-corrupt']],
      JSON.stringify(failed.map((e) => e.data.message)),
    );
    const batch = h.engine.batches(id).find((b) => b.index === 1)!;
    assert.equal(batch.attempts, 2);
    assert.equal(batch.backend, 'slurm');
    await h.close();
    assert.deepEqual(readFileSync(join(tmp.dir, 'corrupt.txt')), reference);
  });

  it('cancels a job, leaving none of its tasks in the Slurm queue', async () => {
    const slow = withSlurm(cluster, { nodeBinary: slowNode(tmp.dir, 120) });
    const h = openHarness(join(tmp.dir, 'home-cancel'), slow);
    const client = await devClient(cluster);
    try {
      const id = await runJob(h, 'slurm', 'cancel.txt');
      await h.until(startedOn('slurm', BATCHES), 'every batch submitted');
      assert.equal((await activeTasks(client, id)).length > 0, true, 'tasks queued or running');
      const config = await loadConfig({ file: devConfigPath() });
      const snap = await queueSnapshot(h.engine.store, config, client);
      const seen = snap.jobs.find((j) => j.jobId === id)!;
      assert.equal(seen.slurmArrays.length, 1);
      assert.equal(seen.tasks.length, BATCHES);
      for (const t of seen.tasks) {
        assert.match(t.externalId ?? '', /^\d+_\d+$/);
        assert.match(t.state, /^(PENDING|RUNNING)$/);
      }
      assert.ok(snap.cluster!.nodes.length > 0 && snap.cluster!.error === undefined);
      await h.engine.cancel(id);
      assert.equal(h.engine.get(id)!.state, 'cancelled');
      await eventually(async () => (await activeTasks(client, id)).length === 0, 'scancel');
      const listed = await client.listJobs();
      assert.ok(listed.ok);
      const mine = listed.value.filter((j) => j.name === `offload-${id}`);
      assert.ok(
        mine.every((j) => j.state === 'CANCELLED'),
        JSON.stringify(mine.map((j) => j.state)),
      );
    } finally {
      await h.close();
      await client.close();
    }
  });

  it('reattaches after the orchestrator is SIGKILLed, submitting nothing again', async () => {
    const config = configFileWith(tmp.dir, slowNode(tmp.dir, 4));
    const home = join(tmp.dir, 'home-kill');
    const specFile = join(tmp.dir, 'kill.json');
    writeFileSyncJson(specFile, spec('slurm', 'kill.txt'));
    const env = { OFFLOAD_HOME: home, OFFLOAD_CONFIG: config };
    const child = startCli(['run', specFile, '--json'], env);
    const exited = once(child, 'exit');
    const db = join(home, 'offload.db');
    const submitted = () => readAttempts(db).filter((a) => a.external_id !== null);
    await eventually(async () => existsSync(db) && submitted().length === BATCHES, 'submission');
    child.kill('SIGKILL');
    await exited;
    const before = readAttempts(db);
    const arrays = distinctArrays(before.map((a) => a.external_id));
    assert.equal(arrays.size, 1);

    const jobId = before[0]!.job_id;
    const r = runCli(['resume', jobId, '--json'], env);
    assert.equal(r.status, 0, r.stderr);
    const afterKill = readAttempts(db);
    assert.equal(afterKill.length, BATCHES, 'no attempt was opened again');
    assert.deepEqual(distinctArrays(afterKill.map((a) => a.external_id)), arrays);
    assert.ok(afterKill.every((a) => a.state === 'succeeded'));
    assert.deepEqual(readFileSync(join(tmp.dir, 'kill.txt')), reference);
  });

  it('falls back to local workers when slurmrestd dies mid-job', async () => {
    const slow = withSlurm(cluster, { nodeBinary: slowNode(tmp.dir, 6) });
    const h = openHarness(join(tmp.dir, 'home-rest'), slow, {
      slurm: { unhealthyAfterMs: 2_000 },
      dispatch: { idleLocalTakesPending: false },
    });
    const client = await devClient(cluster);
    try {
      const id = await runJob(h, 'auto', 'rest.txt');
      await h.until(startedOn('slurm', BATCHES), 'every batch submitted');
      process.kill(daemonPid('slurmrestd'), 'SIGKILL');
      await finish(h, id);
      assert.deepEqual(readFileSync(join(tmp.dir, 'rest.txt')), reference);
      const moved = h.events.filter((e) => e.type === 'fallback');
      assert.ok(moved.length > 0, 'fallback events recorded');
      for (const e of moved) {
        assert.equal(e.data.reason, 'slurmrestd-unreachable');
        assert.equal(e.data.to, 'local');
      }
      assert.ok(h.engine.batches(id).some((b) => b.backend === 'local'));
      await clusterUp();
      await client.close();
      const again = await devClient(cluster);
      try {
        await eventually(async () => (await activeTasks(again, id)).length === 0, 'clean queue');
      } finally {
        await again.close();
      }
    } finally {
      await h.close();
      await clusterUp();
    }
  });

  it('lets idle local workers take batches still pending on Slurm; the first output wins', async () => {
    // Two CPUs: two tasks run (slowed to 10 s), the others wait, and only those move.
    const slow = withSlurm(cluster, { nodeBinary: slowNode(tmp.dir, 10) });
    const h = openHarness(join(tmp.dir, 'home-idle'), slow);
    const client = await devClient(cluster);
    try {
      const id = await runJob(h, 'auto', 'idle.txt');
      await finish(h, id);
      assert.deepEqual(readFileSync(join(tmp.dir, 'idle.txt')), reference);
      const moved = h.events.filter((e) => e.type === 'fallback');
      assert.ok(moved.length >= 1, 'pending batches moved');
      assert.ok(moved.every((e) => e.data.reason === 'local-idle'));
      const attempts = h.engine.attempts(id);
      for (const e of moved) {
        const batch = h.engine.batches(id).find((b) => b.index === e.data.batch)!;
        assert.equal(batch.backend, 'local', `batch ${batch.index} kept the local output`);
        const rival = attempts.find((a) => a.batchIndex === batch.index && a.backend === 'slurm');
        assert.equal(rival?.state, 'cancelled', 'its Slurm attempt was stopped');
      }
      assert.equal(attempts.filter((a) => a.state === 'succeeded').length, BATCHES);
      await eventually(async () => (await activeTasks(client, id)).length === 0, 'scancel');
    } finally {
      await h.close();
      await client.close();
    }
  });

  it('moves a batch waiting in the Slurm queue past maxQueueWait to local workers', async () => {
    const slow = withSlurm(cluster, { nodeBinary: slowNode(tmp.dir, 8) });
    const h = openHarness(join(tmp.dir, 'home-wait'), slow, {
      dispatch: { idleLocalTakesPending: false },
    });
    open = h;
    try {
      const job = await h.engine.submit(
        { ...spec('auto', 'wait.txt'), maxQueueWait: 1 },
        { owner: 'test', baseDir: tmp.dir },
      );
      await finish(h, job.id);
      assert.deepEqual(readFileSync(join(tmp.dir, 'wait.txt')), reference);
      const moved = h.events.filter((e) => e.type === 'fallback');
      assert.ok(moved.length >= 1, 'a batch waited on two CPUs busy with the others');
      assert.ok(moved.every((e) => e.data.reason === 'queue-wait'));
    } finally {
      await h.close();
    }
  });

  it('splits a job into several arrays under a small MaxArraySize', async () => {
    await clusterUp({ OFFLOAD_DEV_MAX_ARRAY_SIZE: '3' });
    try {
      const small = withSlurm(cluster, { maxArraySize: 3 });
      const h = openHarness(join(tmp.dir, 'home-arrays'), small);
      const id = await runJob(h, 'slurm', 'arrays.txt', 2_500);
      await finish(h, id);
      const attempts = h.engine.attempts(id);
      await h.close();
      assert.equal(attempts.length, 8);
      assert.equal(distinctArrays(attempts.map((a) => a.externalId)).size, 3, 'arrays of 3+3+2');
      const taskIds = attempts.map((a) => Number(a.externalId!.split('_')[1]));
      assert.ok(Math.max(...taskIds) <= 2, 'every index below MaxArraySize');
      assert.deepEqual(readFileSync(join(tmp.dir, 'arrays.txt')), reference);
    } finally {
      await clusterUp({ OFFLOAD_DEV_MAX_ARRAY_SIZE: '1001' });
    }
  });
});

function writeFileSyncJson(path: string, value: unknown): void {
  writeLines(path, [JSON.stringify(value)]);
}

interface AttemptRow {
  job_id: string;
  batch_idx: number;
  state: string;
  external_id: string | null;
}

function readAttempts(file: string): AttemptRow[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT job_id, batch_idx, state, external_id FROM attempts')
      .all() as AttemptRow[];
  } catch {
    return []; // the schema may not exist yet while the writer migrates
  } finally {
    db.close();
  }
}
