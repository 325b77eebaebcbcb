// Splitting a job's batches into arrays, and the request built for each array.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOffloadError } from '../../src/errors.js';
import { ADAPTERS } from '../../src/backends/slurm/adapters/index.js';
import { SLURM_API_VERSIONS } from '../../src/backends/slurm/model.js';
import {
  arraySubmission,
  BATCH_OFFSET_ENV,
  planArrays,
} from '../../src/backends/slurm/submission.js';
import { readArrayTemplate } from '../../src/backends/slurm/template.js';
import { describeErrors, loadSchemas } from './schemas.js';

describe('planning arrays', () => {
  it('restarts every array at index 0 and keeps indexes below MaxArraySize', () => {
    assert.deepEqual(planArrays(2500, 1001), [
      { offset: 0, count: 1001, array: '0-1000' },
      { offset: 1001, count: 1001, array: '0-1000' },
      { offset: 2002, count: 498, array: '0-497' },
    ]);
    assert.deepEqual(planArrays(1, 1001), [{ offset: 0, count: 1, array: '0' }]);
    assert.deepEqual(planArrays(4, 2, 1), [
      { offset: 0, count: 2, array: '0-1%1' },
      { offset: 2, count: 2, array: '0-1%1' },
    ]);
  });

  it('refuses counts that are not positive integers, naming the field', () => {
    const field = (fn: () => unknown, name: string) =>
      assert.throws(fn, (e) => isOffloadError(e) && e.field === name);
    field(() => planArrays(0, 10), 'batches');
    field(() => planArrays(5, 0), 'slurm.maxArraySize');
    field(() => planArrays(5, 10, 1.5), 'slurm.maxRunningTasks');
  });
});

describe('the request for one array', () => {
  it('carries the offset and a PATH, and agrees with its script', async () => {
    const [, second] = planArrays(30, 20, 4);
    const request = arraySubmission(await readArrayTemplate(), {
      jobName: 'offload-j9',
      comment: 'offload:j9:1',
      workDir: '/scratch/j9',
      stdout: '/scratch/j9/%A_%a.out',
      stderr: '/scratch/j9/%A_%a.err',
      partition: 'batch',
      timeLimitMinutes: 20,
      nodeBinary: 'node',
      runner: '/scratch/j9/runner.mjs',
      plan: second as NonNullable<typeof second>,
      environment: { OFFLOAD_JOB: 'j9' },
    });
    assert.equal(request.array, '0-9%4');
    assert.deepEqual(request.environment, {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      OFFLOAD_JOB: 'j9',
      [BATCH_OFFSET_ENV]: '20',
    });
    assert.match(request.script, /^#SBATCH --array="0-9%4"$/m);
    assert.match(request.script, /^#SBATCH --partition="batch"$/m);
    assert.equal(request.requeue, false);
    for (const version of SLURM_API_VERSIONS) {
      const validate = loadSchemas(version).request;
      const body = ADAPTERS[version].submitBody(request);
      assert.ok(validate(body), `${version}: ${describeErrors(validate.errors)}`);
    }
  });
});
