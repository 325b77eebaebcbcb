// sbatch itself reads back the #SBATCH lines of a rendered script on the dev cluster:
// hostile values arrive in slurmctld exactly as written, as single options.
// Start the cluster first: bash scripts/dev-cluster.sh up
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SlurmTransport } from '../../src/backends/slurm/http.js';
import { readArrayTemplate, renderArrayScript } from '../../src/backends/slurm/template.js';

const clusterDir = process.env.OFFLOAD_DEV_CLUSTER_DIR ?? '/tmp/offload-dev-cluster';
const socketPath = join(clusterDir, 'run', 'slurmrestd.sock');
const slurmConf = join(clusterDir, 'etc', 'slurm.conf');

let transport: SlurmTransport;
let dir: string;
let jobId: number | undefined;

function sbatch(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, SLURM_CONF: slurmConf };
  return spawnSync('sbatch', args, { env, encoding: 'utf8' });
}

function cancel(id: number): void {
  spawnSync('scancel', [String(id)], { env: { ...process.env, SLURM_CONF: slurmConf } });
}

describe('a rendered script submitted with sbatch', () => {
  before(async () => {
    transport = new SlurmTransport({ socketPath });
    const ping = await transport.call(
      'read',
      'ping',
      () => transport.get('/slurm/v0.0.38/ping'),
      () => true,
    );
    if (!ping.ok) {
      throw new Error(
        `the dev cluster does not answer at ${socketPath} (${ping.error.message}); ` +
          'start it with: bash scripts/dev-cluster.sh up',
      );
    }
    dir = await mkdtemp(join(tmpdir(), 'offload "sbatch" #1 '));
  });

  after(async () => {
    if (jobId !== undefined) cancel(jobId);
    await transport?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reaches slurmctld with every quoted value intact', async () => {
    const name = `a b "c" 'd' #e \\f $(touch x) \`g\`; h`;
    const stdout = join(dir, `%A_%a "out" #.txt`);
    const script = renderArrayScript(await readArrayTemplate(), {
      jobName: name,
      array: '0-1',
      workDir: dir,
      stdout,
      stderr: stdout,
      timeLimitMinutes: 3,
      cpusPerTask: 1,
      nodeBinary: '/bin/true',
      runner: 'unused',
      extraSbatch: ['--hold'],
    });
    const file = join(dir, 'job.sh');
    await writeFile(file, script);
    const submitted = sbatch(['--parsable', file]);
    assert.equal(submitted.status, 0, submitted.stderr);
    jobId = Number(submitted.stdout.trim().split(';')[0]);
    assert.ok(Number.isSafeInteger(jobId), submitted.stdout);

    const id = jobId;
    const shown = await transport.call(
      'read',
      'show job',
      () => transport.get(`/slurm/v0.0.38/job/${id}`),
      (body) => (body as { jobs: Array<Record<string, unknown>> }).jobs[0],
    );
    assert.ok(shown.ok, shown.ok ? '' : shown.error.message);
    const job = shown.value ?? {};
    assert.equal(job.name, name);
    assert.equal(job.current_working_directory, dir);
    assert.equal(job.standard_output, stdout);
    assert.equal(job.time_limit, 3);
    assert.equal(job.requeue, false);
    assert.equal(job.array_task_string, '0-1');
    assert.equal(job.state_reason, 'JobHeldUser');
  });
});
