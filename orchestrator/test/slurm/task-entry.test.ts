// A job's batches as a real Slurm array on the dev cluster: the runner bundle, kernel,
// secrets and batches are staged over SFTP, slurmrestd runs the array, and the outputs
// come back verified. node:crypto's HMAC is the independent check of every record.
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClusterConfig } from '../../src/config/index.js';
import { Stager, type Staged } from '../../src/backends/slurm/staging.js';
import { runnerBundle, runnerModules } from '../../src/backends/slurm/runner-bundle.js';
import {
  KERNEL_FILE,
  MANIFEST_VERSION,
  PARAMS_FILE,
  SEED_FILE,
  TASK_ENTRY,
  inputName,
  manifestName,
  outputName,
  reportName,
  type TaskManifest,
  type TaskReport,
} from '../../src/backends/slurm/task-manifest.js';
import { FrameBuilder, forEachFrame, HEADER_BYTES } from '../../src/datasets/framing.js';
import { Catalog } from '../../src/kernels/catalog.js';
import { encodeParams } from '../../src/kernels/params.js';
import { devCluster } from './dev-cluster-env.js';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

function value<T>(result: Staged<T>): T {
  if (!result.ok) assert.fail(`staging failed: ${result.error.reason}: ${result.error.message}`);
  return result.value;
}

function batch(records: string[]): Buffer {
  const frames = new FrameBuilder();
  for (const r of records) frames.push(Buffer.from(r));
  return frames.take().file;
}

/** POSTs JSON to slurmrestd over its Unix socket (rest_auth/local trusts our uid). */
function submit(socket: string, body: unknown): Promise<{ job_id?: number; errors?: unknown[] }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath: socket,
        method: 'POST',
        path: '/slurm/v0.0.38/job/submit',
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('a job array on the dev cluster', () => {
  let cluster: ClusterConfig;
  let stager: Stager;
  const jobId = `entry${process.pid}`;

  before(async () => {
    cluster = await devCluster();
    stager = Stager.forCluster(cluster);
  });

  after(async () => {
    await stager?.remove(jobId);
    await stager?.close();
  });

  it('stages only node: imports and relative modules for the runner', async () => {
    const modules = await runnerModules();
    assert.ok(modules[0]!.endsWith('/backends/slurm/task-entry.js'));
    assert.ok(modules.some((m) => m.endsWith('/runner/run-batch.js')));
    const names = (await runnerBundle()).map((i) => i.name);
    assert.ok(names.includes(TASK_ENTRY));
    assert.ok(names.includes('runner/package.json'));
  });

  it('runs each batch once on the cluster and brings back verified HMAC pseudonyms', async () => {
    const catalog = Catalog.load();
    const kernel = catalog.get('hmac-sha256');
    const key = randomBytes(32);
    const inputs = [
      ['110101199001011234', '110101199002022345', '110101199003033456'],
      ['220202198804045678', '220202198805056789'],
    ];
    const files = inputs.map(batch);
    const manifest: TaskManifest = {
      version: MANIFEST_VERSION,
      jobId,
      kernel,
      tasks: [
        ...files.map((f, i) => ({
          batchIndex: i,
          attempt: 1,
          firstRecord: i === 0 ? 0 : 3,
          input: inputName(i),
          inputSha256: sha256(f),
        })),
        // A batch whose input does not match its digest must fail with a report.
        {
          batchIndex: 2,
          attempt: 1,
          firstRecord: 5,
          input: inputName(0),
          inputSha256: '0'.repeat(64),
        },
      ],
    };
    const dir = stager.workDir(jobId);
    const node = cluster.slurm.nodeBinary;
    const script = `#!/bin/bash\ncd ${dir}\nexec ${node} ${TASK_ENTRY} ${manifestName('a')}\n`;
    value(
      await stager.upload(jobId, [
        ...(await runnerBundle()),
        { name: KERNEL_FILE, source: catalog.path(kernel) },
        { name: PARAMS_FILE, source: encodeParams(kernel, { key }) },
        { name: SEED_FILE, source: randomBytes(32) },
        ...files.map((f, i) => ({ name: inputName(i), source: f })),
        { name: manifestName('a'), source: Buffer.from(JSON.stringify(manifest)) },
      ]),
    );

    const submitted = await submit(cluster.rest.socket!, {
      script,
      job: {
        name: `offload-${jobId}`,
        partition: cluster.slurm.partition,
        current_working_directory: dir,
        environment: { PATH: '/usr/bin:/bin' },
        standard_output: `${dir}/slurm-%A_%a.out`,
        array: '0-2',
      },
    });
    assert.ok(typeof submitted.job_id === 'number', JSON.stringify(submitted.errors));

    const reports = [0, 1, 2].map((i) => reportName(i, 1));
    const deadline = Date.now() + 90_000;
    let present = new Map<string, string>();
    while (present.size < reports.length) {
      assert.ok(Date.now() < deadline, `reports after 90 s: ${[...present.keys()].join(', ')}`);
      await sleep(500);
      present = value(await stager.digests(jobId, reports));
    }

    const read = async (name: string): Promise<TaskReport> =>
      JSON.parse(value(await stager.read(jobId, name))!.toString('utf8')) as TaskReport;
    const [r0, r1, r2] = await Promise.all(reports.map(read));
    assert.equal(r2!.ok, false);
    assert.equal(!r2!.ok && r2!.code, 'OUTPUT_UNVERIFIED');
    assert.equal(r2!.slurm.arrayTaskId, '2');

    const local = await mkdtemp(join(tmpdir(), 'offload-entry-'));
    try {
      const outcomes = value(
        await stager.download(
          jobId,
          [r0!, r1!].map((r, i) => ({
            name: outputName(i, 1),
            local: join(local, `${i}.bin`),
            sha256: r.ok ? r.sha256 : undefined,
          })),
        ),
      );
      for (const [i, outcome] of outcomes.entries()) {
        assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
        const out = await readFile(outcome.local);
        const macs: string[] = [];
        forEachFrame(out.subarray(HEADER_BYTES), (record) => macs.push(record.toString('hex')));
        const expected = inputs[i]!.map((r) => createHmac('sha256', key).update(r).digest('hex'));
        assert.deepEqual(macs, expected, `batch ${i}`);
      }
    } finally {
      await rm(local, { recursive: true, force: true });
    }
  });
});

describe('the task entry run as a process', () => {
  const entry = join(
    dirname(fileURLToPath(import.meta.url)),
    '../../src/backends/slurm/task-entry.js',
  );
  let work: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'offload-task-'));
    const catalog = Catalog.load();
    const kernel = catalog.get('sha256');
    const inputs = [['a'], ['b', 'c'], ['d', 'e', 'f']].map(batch);
    await mkdir(join(work, 'in'), { recursive: true });
    await mkdir(join(work, 'tasks'), { recursive: true });
    await copyFile(catalog.path(kernel), join(work, KERNEL_FILE));
    await writeFile(join(work, PARAMS_FILE), encodeParams(kernel, {}));
    await writeFile(join(work, SEED_FILE), randomBytes(32));
    for (const [i, f] of inputs.entries()) await writeFile(join(work, inputName(i)), f);
    const manifest: TaskManifest = {
      version: MANIFEST_VERSION,
      jobId: 'local',
      kernel,
      tasks: inputs.map((f, i) => ({
        batchIndex: i,
        attempt: 4,
        firstRecord: 0,
        input: inputName(i),
        inputSha256: sha256(f),
      })),
    };
    await writeFile(join(work, manifestName('m')), JSON.stringify(manifest));
  });

  after(async () => {
    await rm(work, { recursive: true, force: true });
  });

  function runEntry(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [entry, join(work, manifestName('m'))],
        { env: { PATH: process.env.PATH, ...env } },
        (err, _stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stderr }),
      );
    });
  }

  it('runs entry OFFLOAD_ARRAY_OFFSET + SLURM_ARRAY_TASK_ID and reports on it', async () => {
    const { code } = await runEntry({ SLURM_ARRAY_TASK_ID: '1', OFFLOAD_ARRAY_OFFSET: '1' });
    assert.equal(code, 0);
    const report = JSON.parse(await readFile(join(work, reportName(2, 4)), 'utf8')) as TaskReport;
    assert.ok(report.ok);
    assert.equal(report.records, 3);
    const out = await readFile(join(work, outputName(2, 4)));
    assert.equal(report.sha256, sha256(out));
    const digests: string[] = [];
    forEachFrame(out.subarray(HEADER_BYTES), (r) => digests.push(r.toString('hex')));
    assert.deepEqual(
      digests,
      ['d', 'e', 'f'].map((x) => sha256(Buffer.from(x))),
    );
  });

  it('exits 2 and says why when the task cannot start', async () => {
    const missing = await runEntry({});
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /SLURM_ARRAY_TASK_ID must be a non-negative integer/);
    const beyond = await runEntry({ SLURM_ARRAY_TASK_ID: '3' });
    assert.equal(beyond.code, 2);
    assert.match(beyond.stderr, /has 3 tasks; there is no task 0\+3/);
  });
});
