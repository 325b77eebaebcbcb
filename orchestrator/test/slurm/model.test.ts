// The internal model's helpers: array index expressions and job phases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADAPTERS } from '../../src/backends/slurm/adapters/index.js';
import { expandArrayIndexes, jobPhase, type SlurmJob } from '../../src/backends/slurm/model.js';

const job = (state: SlurmJob['state'], flags: string[] = []): SlurmJob => ({
  jobId: 1,
  name: 'n',
  comment: '',
  state,
  flags,
});

describe('array index expressions', () => {
  it('expands ranges, lists, steps and a concurrency limit as Slurm lists them', () => {
    assert.deepEqual(expandArrayIndexes('0-3'), [0, 1, 2, 3]);
    assert.deepEqual(expandArrayIndexes('0-1,3'), [0, 1, 3]);
    assert.deepEqual(expandArrayIndexes('1-9:4'), [1, 5, 9]);
    assert.deepEqual(expandArrayIndexes('5,7-8%2'), [5, 7, 8]);
  });

  it('refuses expressions it cannot read', () => {
    for (const bad of ['', '3-1', '1-5:0', 'a', '1;2']) {
      assert.throws(() => expandArrayIndexes(bad), RangeError, bad);
    }
  });
});

describe('job phases', () => {
  it('reads base states', () => {
    assert.equal(jobPhase(job('PENDING')), 'pending');
    assert.equal(jobPhase(job('RUNNING')), 'running');
    assert.equal(jobPhase(job('SUSPENDED')), 'running');
    for (const s of ['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'NODE_FAIL'] as const) {
      assert.equal(jobPhase(job(s)), 'finished');
    }
  });

  it('lets flags override: a requeued job waits, a completing one has ended', () => {
    assert.equal(jobPhase(job('PENDING', ['REQUEUED'])), 'pending');
    assert.equal(jobPhase(job('COMPLETED', ['COMPLETING'])), 'finished');
    assert.equal(jobPhase(job('UNKNOWN', ['CONFIGURING'])), 'running');
    assert.equal(jobPhase(job('UNKNOWN', ['SIGNALING'])), 'unknown');
  });

  it('reads a v0.0.38 flag that hides the base state', () => {
    const body = { jobs: [{ job_id: 9, job_state: 'COMPLETING', exit_code: 256 }] };
    const [parsed] = ADAPTERS['v0.0.38'].parseJobs(body);
    assert.deepEqual(
      [parsed?.state, parsed?.flags, parsed?.exitCode],
      ['UNKNOWN', ['COMPLETING'], 1],
    );
    assert.equal(jobPhase(parsed as SlurmJob), 'finished');
  });
});
