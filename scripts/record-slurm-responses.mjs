#!/usr/bin/env node
// Records real slurmrestd v0.0.38 responses from the dev cluster as contract-test fixtures
// (orchestrator/test/slurm/fixtures/v0038/). It talks to the socket directly, not through
// Offload's client, so the fixtures do not inherit the client's mistakes.
//
//   bash scripts/dev-cluster.sh up
//   node scripts/record-slurm-responses.mjs [socket]
//
// It submits an array to a partition that does not exist (a rejection), then a 3-task
// array whose task i exits with status i (so the fixture shows how v0.0.38 encodes exit
// codes), records the job list right after submission and again once all three tasks
// ended, then ping, partitions and nodes. The job lists keep only this array's records:
// other users' jobs would make the fixture depend on the queue.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, fetch } from 'undici';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'orchestrator', 'test', 'slurm', 'fixtures', 'v0038');
const socketPath = process.argv[2] ?? '/tmp/offload-dev-cluster/run/slurmrestd.sock';
const agent = new Agent({ connect: { socketPath } });
const base = 'http://slurmrestd/slurm/v0.0.38';
const DEADLINE_MS = 120_000;

async function call(method, path, body, expectStatus = 200) {
  const init = { method, dispatcher: agent, headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(base + path, init);
  const json = await response.json();
  if (response.status !== expectStatus) {
    throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
  }
  return json;
}

async function save(name, json) {
  await writeFile(join(outDir, `${name}.json`), JSON.stringify(json, null, 2) + '\n');
  console.log(`recorded ${name}.json`);
}

function onlyArray(list, arrayJobId) {
  return { ...list, jobs: list.jobs.filter((j) => j.array_job_id === arrayJobId) };
}

const FINISHED = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'NODE_FAIL']);

async function waitForEnd(arrayJobId) {
  const started = Date.now();
  while (Date.now() - started < DEADLINE_MS) {
    const list = onlyArray(await call('GET', '/jobs'), arrayJobId);
    const ended = list.jobs.filter((j) => FINISHED.has(j.job_state) && j.array_task_id !== null);
    if (ended.length === 3) return list;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`array ${arrayJobId} did not end within ${DEADLINE_MS / 1000} s`);
}

await mkdir(outDir, { recursive: true });
const workDir = await mkdtemp(join(tmpdir(), 'offload-record-'));
const submission = {
  script: '#!/bin/bash\nexit "$SLURM_ARRAY_TASK_ID"\n',
  job: {
    name: 'offload-record',
    comment: 'offload contract fixture',
    current_working_directory: workDir,
    environment: { PATH: '/usr/bin:/bin', OFFLOAD_BATCH_OFFSET: '0' },
    standard_output: join(workDir, '%A_%a.out'),
    standard_error: join(workDir, '%A_%a.err'),
    array: '0-2',
    requeue: false,
  },
};
await save('ping', await call('GET', '/ping'));
const rejected = { ...submission, job: { ...submission.job, partition: 'no-such-partition' } };
await save('submit-rejected', await call('POST', '/job/submit', rejected, 500));
const submitted = await call('POST', '/job/submit', submission);
await save('submit', submitted);
await save('jobs-submitted', onlyArray(await call('GET', '/jobs'), submitted.job_id));
await save('jobs-ended', await waitForEnd(submitted.job_id));
await save('partitions', await call('GET', '/partitions'));
await save('nodes', await call('GET', '/nodes'));
await agent.close();
await rm(workDir, { recursive: true, force: true });
