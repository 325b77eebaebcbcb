// The client against the real dev cluster (Slurm 22.05, slurmrestd on a Unix socket).
// Start it first: bash scripts/dev-cluster.sh up
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createSlurmClient,
  detectVersion,
  type SlurmClient,
} from '../../src/backends/slurm/client.js';
import { SlurmTransport } from '../../src/backends/slurm/http.js';
import { arraySubmission, planArrays } from '../../src/backends/slurm/submission.js';
import { readArrayTemplate } from '../../src/backends/slurm/template.js';
import {
  expandArrayIndexes,
  jobPhase,
  type ArraySubmitRequest,
  type SlurmJob,
} from '../../src/backends/slurm/model.js';

const clusterDir = process.env.OFFLOAD_DEV_CLUSTER_DIR ?? '/tmp/offload-dev-cluster';
const socketPath = join(clusterDir, 'run', 'slurmrestd.sock');
const FINISH_DEADLINE_MS = 90_000;

let client: SlurmClient;
let workDir: string;

function request(name: string, array: string, command: string): ArraySubmitRequest {
  return {
    name,
    comment: `offload-test:${process.pid}:${name}`,
    script: `#!/bin/bash\nexec ${command}\n`,
    workDir,
    environment: { PATH: '/usr/bin:/bin' },
    stdout: join(workDir, '%A_%a.out'),
    stderr: join(workDir, '%A_%a.err'),
    array,
    timeLimitMinutes: 2,
  };
}

async function listed(arrayJobId: number): Promise<SlurmJob[]> {
  const jobs = await client.listJobs();
  assert.ok(jobs.ok, jobs.ok ? '' : jobs.error.message);
  return jobs.value.filter((j) => j.arrayJobId === arrayJobId);
}

/** The indexes an array's records account for: started tasks and the pending rest. */
function indexes(records: SlurmJob[]): number[] {
  const all = records.flatMap((j) =>
    j.arrayPending ? expandArrayIndexes(j.arrayPending) : [j.arrayTaskId as number],
  );
  return all.sort((a, b) => a - b);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > FINISH_DEADLINE_MS) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

describe('the Slurm client on the dev cluster', () => {
  before(async () => {
    const created = await createSlurmClient({ socketPath });
    if (!created.ok) {
      throw new Error(
        `the dev cluster does not answer at ${socketPath} (${created.error.message}); ` +
          'start it with: bash scripts/dev-cluster.sh up',
      );
    }
    client = created.value;
    workDir = await mkdtemp(join(tmpdir(), 'offload-slurm-client-'));
  });

  after(async () => {
    await client?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('detects v0.0.38 from the OpenAPI document slurmrestd serves', async () => {
    const transport = new SlurmTransport({ socketPath });
    const detected = await detectVersion(transport);
    await transport.close();
    assert.deepEqual(detected, { ok: true, value: 'v0.0.38' });
    assert.equal(client.version, 'v0.0.38');
  });

  it('pings the controller and lists partitions and nodes', async () => {
    const pings = await client.ping();
    assert.ok(pings.ok && pings.value.length === 1 && pings.value[0]?.responding);
    const partitions = await client.partitions();
    const nodes = await client.nodes();
    assert.ok(partitions.ok && nodes.ok);
    const [partition] = partitions.value;
    assert.ok(partition && partition.state === 'UP');
    assert.ok(nodes.value.some((n) => n.partitions.includes(partition.name)));
  });

  it('submits a 3-task array, sees all of it in one list call, and sees it finish', async () => {
    const submitted = await client.submitArray(request('offload-true', '0-2', '/bin/true'));
    assert.ok(submitted.ok, submitted.ok ? '' : submitted.error.message);
    const { jobId } = submitted.value;

    const first = await listed(jobId);
    assert.deepEqual(indexes(first), [0, 1, 2]);
    assert.ok(first.every((j) => j.name === 'offload-true' && j.comment.endsWith(':offload-true')));

    const ended = await until('the array finishes', async () => {
      const records = await listed(jobId);
      const done = records.filter((j) => j.arrayTaskId !== undefined && jobPhase(j) === 'finished');
      return done.length === 3 ? done : undefined;
    });
    assert.deepEqual(
      ended.map((j) => [j.state, j.exitCode]),
      [0, 1, 2].map(() => ['COMPLETED', 0]),
    );
    const outputs = (await readdir(workDir)).filter((f) => f.startsWith(`${jobId}_`));
    assert.equal(outputs.filter((f) => f.endsWith('.out')).length, 3);
  });

  it('runs a job split into two arrays, each task on its own batch index', async () => {
    const template = await readArrayTemplate();
    const plans = planArrays(5, 3);
    assert.equal(plans.length, 2);
    const ids: number[] = [];
    for (const [i, plan] of plans.entries()) {
      const request = arraySubmission(template, {
        jobName: 'offload-split',
        comment: `offload-test:${process.pid}:split:${i}`,
        workDir,
        stdout: join(workDir, 'split-%A_%a.out'),
        stderr: join(workDir, 'split-%A_%a.err'),
        timeLimitMinutes: 2,
        // The runner stand-in records the batch index it was given, by creating a file.
        nodeBinary: '/bin/sh',
        runner: '-c',
        runnerArgs: ['touch "batch-$1.done"', 'sh'],
        plan,
      });
      const submitted = await client.submitArray(request);
      assert.ok(submitted.ok, submitted.ok ? '' : submitted.error.message);
      ids.push(submitted.value.jobId);
    }
    await until('both arrays finish', async () => {
      const done = (await readdir(workDir)).filter((f) => f.endsWith('.done'));
      return done.length === 5 ? done : undefined;
    });
    assert.equal(new Set(ids).size, 2);
    const done = (await readdir(workDir)).filter((f) => f.endsWith('.done')).sort();
    assert.deepEqual(
      done,
      [0, 1, 2, 3, 4].map((b) => `batch-${b}.done`),
    );
  });

  it('cancels one task of another array, then the rest, and lists them as cancelled', async () => {
    const submitted = await client.submitArray(request('offload-sleep', '0-3', '/bin/sleep 600'));
    assert.ok(submitted.ok, submitted.ok ? '' : submitted.error.message);
    const { jobId } = submitted.value;

    const one = await client.cancel(`${jobId}_2`);
    assert.ok(one.ok, one.ok ? '' : one.error.message);
    const rest = await until('the task leaves the array', async () => {
      const live = (await listed(jobId)).filter((j) => j.state !== 'CANCELLED');
      return indexes(live).includes(2) ? undefined : live;
    });
    assert.deepEqual(indexes(rest), [0, 1, 3]);

    const all = await client.cancel(jobId);
    assert.ok(all.ok, all.ok ? '' : all.error.message);
    const records = await until('the cancellation shows', async () => {
      const list = await listed(jobId);
      return list.length > 0 && list.every((j) => j.state === 'CANCELLED') ? list : undefined;
    });
    assert.ok(indexes(records).every((i) => [0, 1, 3].includes(i)));
    assert.deepEqual(await client.cancel(jobId), { ok: true, value: undefined });
  });

  it('reports cancelling a job slurmctld does not know as Slurm error 2017', async () => {
    const result = await client.cancel(2 ** 31 - 7);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'slurm');
    assert.deepEqual(
      result.error.slurmErrors?.map((e) => e.number),
      [2017],
    );
  });
});
