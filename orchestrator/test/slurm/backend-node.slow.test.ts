// A compute node dying under a job, on the real dev cluster: slurmd and the job's task
// processes are killed, slurmd comes back, and the job still ends with every batch's
// output exactly once. Slow (about two and a half minutes): slurmctld waits out its
// BatchStartTimeout before it gives up on tasks a restarted node no longer has.
import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { ClusterConfig } from '../../src/config/index.js';
import type { EventRecord } from '../../src/jobs/types.js';
import { identifiers, tempDir, writeKey, writeLines } from '../helpers.js';
import {
  activeTasks,
  clusterUp,
  daemonPid,
  devClient,
  openHarness,
  withSlurm,
  type Harness,
} from './backend-harness.js';
import { devCluster } from './dev-cluster-env.js';

function startedOn(backend: string, count: number) {
  return (events: EventRecord[]) =>
    new Set(
      events
        .filter((e) => e.type === 'batch.started' && e.data.backend === backend)
        .map((e) => e.data.batch),
    ).size >= count;
}

async function eventually(test: () => Promise<boolean>, what: string, limitMs = 120_000) {
  const deadline = Date.now() + limitMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(250);
  }
}

describe('the Slurm backend when a node dies', () => {
  const tmp = tempDir('offload-slurm-node-');
  let cluster: ClusterConfig;
  let reference: Buffer;
  let open: Harness | undefined;

  const spec = (target: string, output: string, records: number) => ({
    kernel: 'hmac-sha256',
    target,
    input: { path: 'ids.txt', format: 'lines' },
    params: { key: { file: 'hmac.key' } },
    batch: { records },
    output: { path: output, format: 'hex-lines' },
  });

  async function runJob(h: Harness, target: string, output: string, records: number) {
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
    writeLines(join(tmp.dir, 'ids.txt'), identifiers(20_000, 13));
    writeKey(join(tmp.dir, 'hmac.key'));
    const h = openHarness(join(tmp.dir, 'home-local'), cluster);
    const id = await runJob(h, 'local', 'local.txt', 10_000);
    await finish(h, id);
    await h.close();
    reference = readFileSync(join(tmp.dir, 'local.txt'));
  });

  after(async () => {
    await open?.close().catch(() => undefined);
    tmp.cleanup();
  });

  it('redoes the batches of a node whose slurmd and tasks were killed', async () => {
    // Tasks wait until the marker exists, so the first attempts are surely running when
    // the node dies, and the retries run at once.
    const marker = join(tmp.dir, 'node-back');
    const wrapper = join(tmp.dir, 'node-until-marker');
    writeLines(wrapper, [
      '#!/bin/sh',
      `while [ ! -e '${marker}' ]; do sleep 0.5; done`,
      'exec /usr/bin/node "$@"',
    ]);
    chmodSync(wrapper, 0o755);
    const h = openHarness(join(tmp.dir, 'home-node'), withSlurm(cluster, { nodeBinary: wrapper }));
    const client = await devClient(cluster);
    try {
      const id = await runJob(h, 'slurm', 'node.txt', 10_000);
      await h.until(startedOn('slurm', 2), 'both batches submitted');
      // slurmctld fails a batch job missing from a re-registering node only once it
      // has run past BatchStartTimeout plus the message timeout (10 s + 10 s).
      await eventually(async () => {
        const tasks = await activeTasks(client, id);
        const ran = tasks.filter((t) => t.state === 'RUNNING' && t.startTime !== undefined);
        return ran.length === 2 && ran.every((t) => Date.now() / 1000 - t.startTime! > 22);
      }, 'both tasks running for 22 s');
      const work = join(cluster.staging.remoteRoot, id);
      const victims = taskProcesses(work);
      assert.ok(victims.length >= 2, `task processes found in ${work}`);
      process.kill(daemonPid('slurmd'), 'SIGKILL');
      for (const pid of victims) process.kill(pid, 'SIGKILL');
      writeLines(marker, ['']);
      await clusterUp();
      await finish(h, id);
      // Slurm 22.05 requeues the lost tasks itself (its REST API ignores requeue: false);
      // Offload retries those it sees fail. Either way each batch ran again after the
      // node died (nothing was written before the marker), and one output was kept.
      const failed = h.events.filter((e) => e.type === 'batch.failed');
      for (const e of failed) assert.match(String(e.data.reason), /^(node-failed|output-missing)$/);
      const attempts = h.engine.attempts(id);
      assert.equal(attempts.filter((a) => a.state === 'succeeded').length, 2, 'one output each');
      assert.deepEqual(readFileSync(join(tmp.dir, 'node.txt')), reference);
    } finally {
      await h.close();
      await client.close();
      await clusterUp();
    }
  });
});

/** The slurmstepd of each task whose processes work in `dir`, and those processes. */
function taskProcesses(dir: string): number[] {
  const found = new Set<number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let cwd: string;
    try {
      cwd = readlinkSync(`/proc/${name}/cwd`);
    } catch {
      continue; // gone, or not ours to read
    }
    if (cwd !== dir) continue;
    found.add(Number(name));
    const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (readFileSync(`/proc/${ppid}/comm`, 'utf8').trim() === 'slurmstepd') found.add(ppid);
  }
  return [...found];
}
