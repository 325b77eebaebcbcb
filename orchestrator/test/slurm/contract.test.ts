// Contract tests: what each adapter sends validates against that version's own request
// schema, and what each version answers (recorded from the dev cluster for v0.0.38,
// built to the schema for v0.0.40-44) parses into the internal model.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorObject } from 'ajv';
import { isOffloadError } from '../../src/errors.js';
import { ADAPTERS } from '../../src/backends/slurm/adapters/index.js';
import {
  expandArrayIndexes,
  jobPhase,
  SLURM_API_VERSIONS,
  type ArraySubmitRequest,
  type SlurmApiVersion,
  type SlurmJob,
} from '../../src/backends/slurm/model.js';
import { describeErrors, loadSchemas, readFixture } from './schemas.js';

const FULL: ArraySubmitRequest = {
  name: 'offload-j1',
  comment: 'offload:j1',
  script: '#!/bin/bash\nexec /bin/true\n',
  workDir: '/scratch/offload/j1',
  environment: { PATH: '/usr/bin:/bin', OFFLOAD_BATCH_OFFSET: '1000' },
  stdout: '/scratch/offload/j1/%A_%a.out',
  stderr: '/scratch/offload/j1/%A_%a.err',
  array: '0-999%50',
  partition: 'batch',
  account: 'privacy',
  qos: 'normal',
  timeLimitMinutes: 30,
  cpusPerTask: 2,
  memoryPerCpuMB: 1024,
};

const MINIMAL: ArraySubmitRequest = {
  name: 'offload-j2',
  comment: '',
  script: '#!/bin/sh\ntrue\n',
  workDir: '/tmp',
  environment: { PATH: '/usr/bin:/bin' },
  stdout: '/tmp/%A_%a.out',
  stderr: '/tmp/%A_%a.err',
  array: '0-2',
};

type Body = Record<string, unknown> & { job: Record<string, unknown> };

function rejectsField(fn: () => unknown, field: string): void {
  assert.throws(fn, (err) => isOffloadError(err) && err.field === field);
}

for (const version of SLURM_API_VERSIONS) {
  describe(`the ${version} adapter's requests`, () => {
    const schemas = loadSchemas(version);
    const adapter = ADAPTERS[version];

    it('builds a submit body with every option that the request schema accepts', () => {
      const body = adapter.submitBody(FULL);
      const valid = schemas.request(body);
      assert.ok(valid, describeErrors(schemas.request.errors));
    });

    it('builds a minimal submit body that the request schema accepts', () => {
      const body = adapter.submitBody(MINIMAL);
      assert.ok(schemas.request(body), describeErrors(schemas.request.errors));
    });

    it('checks bodies strictly enough to catch a misspelled field', () => {
      const body = adapter.submitBody(MINIMAL) as Body;
      const misspelled = { ...body, job: { ...body.job, current_working_dir: '/tmp' } };
      assert.equal(schemas.request(misspelled), false);
    });

    it('puts the script and the environment where this version reads them', () => {
      const body = adapter.submitBody(FULL) as Body;
      const inJob = version >= 'v0.0.41';
      assert.equal(inJob ? body.job.script : body.script, FULL.script);
      assert.equal(inJob ? body.script : body.job.script, undefined);
      const env = body.job.environment;
      if (version === 'v0.0.38') assert.deepEqual(env, FULL.environment);
      else assert.deepEqual(env, ['PATH=/usr/bin:/bin', 'OFFLOAD_BATCH_OFFSET=1000']);
    });

    it('writes limits as plain integers or as set numbers, as this version does', () => {
      const job = (adapter.submitBody(FULL) as Body).job;
      const number = (n: number) =>
        version === 'v0.0.38' ? n : { set: true, infinite: false, number: n };
      assert.deepEqual(job.time_limit, number(30));
      assert.deepEqual(job.memory_per_cpu, number(1024));
      assert.equal(job.cpus_per_task, 2);
      assert.equal(job.requeue, false);
      assert.equal(job.array, '0-999%50');
    });

    it('refuses an empty environment, which slurmctld would reject', () => {
      rejectsField(() => adapter.submitBody({ ...MINIMAL, environment: {} }), 'submit.environment');
    });

    it('refuses a name with a newline and a bad array expression', () => {
      rejectsField(() => adapter.submitBody({ ...MINIMAL, name: 'a\nb' }), 'submit.name');
      rejectsField(() => adapter.submitBody({ ...MINIMAL, array: '0-2;3' }), 'submit.array');
      rejectsField(
        () => adapter.submitBody({ ...MINIMAL, environment: { 'A B': '1' } }),
        'submit.environment',
      );
    });
  });
}

/** The v0.0.40-44 fixtures hold the same queue, so they must all parse to this. */
const T0 = 1796400000;
const BUILT_JOBS: SlurmJob[] = [
  {
    jobId: 4100,
    arrayJobId: 4100,
    arrayPending: '3-9%2',
    name: 'offload-j1',
    comment: 'offload:j1',
    state: 'PENDING',
    flags: [],
    reason: 'Priority',
    partition: 'batch',
    submitTime: T0,
    startTime: T0 + 600,
    endTime: T0 + 4200,
  },
  {
    jobId: 4101,
    arrayJobId: 4100,
    arrayTaskId: 0,
    name: 'offload-j1',
    comment: 'offload:j1',
    state: 'RUNNING',
    flags: [],
    nodes: 'cn01',
    batchHost: 'cn01',
    partition: 'batch',
    submitTime: T0,
    startTime: T0 + 5,
    endTime: T0 + 3605,
  },
  {
    jobId: 4102,
    arrayJobId: 4100,
    arrayTaskId: 1,
    name: 'offload-j1',
    comment: 'offload:j1',
    state: 'COMPLETED',
    flags: ['COMPLETING'],
    exitCode: 0,
    nodes: 'cn02',
    batchHost: 'cn02',
    partition: 'batch',
    submitTime: T0,
    startTime: T0 + 5,
    endTime: T0 + 65,
  },
  {
    jobId: 4103,
    arrayJobId: 4100,
    arrayTaskId: 2,
    name: 'offload-j1',
    comment: 'offload:j1',
    state: 'FAILED',
    flags: [],
    exitCode: 3,
    reason: 'NonZeroExitCode',
    nodes: 'cn01',
    batchHost: 'cn01',
    partition: 'batch',
    submitTime: T0,
    startTime: T0 + 5,
    endTime: T0 + 70,
  },
  {
    jobId: 4104,
    arrayJobId: 4100,
    arrayTaskId: 5,
    name: 'offload-j1',
    comment: 'offload:j1',
    state: 'CANCELLED',
    flags: [],
    exitSignal: 15,
    nodes: 'cn03',
    batchHost: 'cn03',
    partition: 'batch',
    submitTime: T0,
    startTime: T0 + 5,
    endTime: T0 + 80,
  },
  {
    jobId: 4105,
    arrayJobId: 4100,
    arrayTaskId: 6,
    name: 'offload-j1',
    comment: 'offload:j1',
    state: 'PENDING',
    flags: ['REQUEUED'],
    reason: 'BeginTime',
    partition: 'batch',
    submitTime: T0,
    startTime: T0 + 900,
  },
  {
    jobId: 4200,
    name: 'nightly',
    comment: '',
    state: 'TIMEOUT',
    flags: [],
    exitSignal: 9,
    reason: 'TimeLimit',
    nodes: 'cn[03-04]',
    batchHost: 'cn03',
    partition: 'batch',
    submitTime: T0,
    startTime: T0 - 3600,
    endTime: T0,
  },
];

function validated(version: SlurmApiVersion, fixture: string, path: string, method = 'get') {
  const schemas = loadSchemas(version);
  const body = readFixture(version, fixture);
  const validate = schemas.responseOf(path, method as 'get');
  assert.ok(validate(body), `${fixture}: ${describeErrors(validate.errors)}`);
  return body;
}

for (const version of SLURM_API_VERSIONS.filter((v) => v !== 'v0.0.38')) {
  describe(`the ${version} adapter's responses`, () => {
    const adapter = ADAPTERS[version];

    it('parses a job list with arrays, flags, exit codes and signals', () => {
      const jobs = adapter.parseJobs(validated(version, 'jobs', 'jobs'));
      assert.deepEqual(jobs, BUILT_JOBS);
      const phases = jobs.map(jobPhase);
      const expected = ['pending', 'running', 'finished', 'finished', 'finished', 'pending'];
      assert.deepEqual(phases, [...expected, 'finished']);
      assert.deepEqual(expandArrayIndexes(jobs[0]?.arrayPending ?? ''), [3, 4, 5, 6, 7, 8, 9]);
    });

    it('parses a submission answer', () => {
      const body = validated(version, 'submit', 'job/submit', 'post');
      assert.deepEqual(adapter.parseSubmit(body), { jobId: 4100 });
    });

    it('parses pings, partitions and nodes', () => {
      assert.deepEqual(adapter.parsePings(validated(version, 'ping', 'ping')), [
        { hostname: 'ctl1', responding: true, mode: 'primary', latencyMicros: 412 },
      ]);
      assert.deepEqual(adapter.parsePartitions(validated(version, 'partitions', 'partitions')), [
        {
          name: 'batch',
          state: 'UP',
          nodes: 'cn[01-04]',
          totalNodes: 4,
          totalCpus: 256,
          maxTimeMinutes: 1440,
        },
        {
          name: 'long',
          state: 'DRAIN',
          nodes: 'cn04',
          totalNodes: 1,
          totalCpus: 64,
          maxTimeMinutes: Infinity,
        },
      ]);
      const nodes = adapter.parseNodes(validated(version, 'nodes', 'nodes'));
      assert.deepEqual(nodes[1], {
        name: 'cn04',
        state: ['IDLE', 'DRAIN'],
        partitions: ['batch', 'long'],
        cpus: 64,
        allocCpus: 0,
        realMemoryMB: 256000,
        reason: 'disk replaced',
      });
    });
  });
}

/**
 * Where slurmrestd 22.05 departs from its own v0.0.38 document, as recorded: unset
 * numbers come as `null` where the schema says integer, and the version parts in `meta`
 * are integers where it says string. Anything else is a new departure and fails.
 */
function unexpectedDepartures(body: unknown, errors: ErrorObject[]): string[] {
  const at = (pointer: string) =>
    pointer
      .split('/')
      .slice(1)
      .reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], body);
  return errors
    .filter((e) => !(e.keyword === 'type' && at(e.instancePath) === null))
    .filter((e) => !/^\/meta\/Slurm\/version\/(major|minor|micro)$/.test(e.instancePath))
    .map((e) => `${e.instancePath} ${e.message}`);
}

describe('the v0.0.38 adapter on responses recorded from the dev cluster', () => {
  const version = 'v0.0.38';
  const schemas = loadSchemas(version);
  const adapter = ADAPTERS[version];
  const recorded = (name: string, path: string, method: 'get' | 'post' = 'get') => {
    const body = readFixture(version, name);
    const validate = schemas.responseOf(path, method);
    validate(body);
    assert.deepEqual(unexpectedDepartures(body, validate.errors ?? []), []);
    return body;
  };

  it('parses the submission answer and the pending array', () => {
    const { jobId } = adapter.parseSubmit(recorded('submit', 'job/submit', 'post'));
    const [pending, ...rest] = adapter.parseJobs(recorded('jobs-submitted', 'jobs'));
    assert.equal(rest.length, 0);
    assert.equal(pending?.jobId, jobId);
    assert.equal(pending?.arrayJobId, jobId);
    assert.equal(pending?.arrayTaskId, undefined);
    assert.equal(pending?.arrayPending, '0-2');
    assert.equal(pending?.state, 'PENDING');
    assert.equal(pending?.exitCode, undefined);
    assert.equal(pending?.comment, 'offload contract fixture');
  });

  it('parses ended tasks with their exit codes from the raw wait status', () => {
    const jobs = adapter.parseJobs(recorded('jobs-ended', 'jobs'));
    const byTask = [...jobs].sort((a, b) => (a.arrayTaskId ?? -1) - (b.arrayTaskId ?? -1));
    assert.deepEqual(
      byTask.map((j) => [j.arrayTaskId, j.state, j.exitCode, j.reason]),
      [
        [0, 'COMPLETED', 0, undefined],
        [1, 'FAILED', 1, 'NonZeroExitCode'],
        [2, 'FAILED', 2, 'NonZeroExitCode'],
      ],
    );
    assert.ok(jobs.every((j) => jobPhase(j) === 'finished' && j.nodes && j.endTime));
    // The last task of an array runs under the array's own job id.
    assert.equal(byTask[2]?.jobId, byTask[2]?.arrayJobId);
  });

  it('records a rejected submission whose error list fits the error schema', () => {
    // The document declares the rejection as a bare list of errors; slurmrestd sends
    // the list under `errors`, beside `meta`, and numbers it `error_code`.
    const body = readFixture(version, 'submit-rejected') as { errors: unknown[] };
    const validate = schemas.response('errors');
    assert.ok(validate(body.errors), describeErrors(validate.errors));
    assert.equal(body.errors.length, 1);
  });

  it('parses the ping, the partitions and the nodes', () => {
    const pings = adapter.parsePings(recorded('ping', 'ping'));
    assert.deepEqual(
      pings.map((p) => p.responding),
      [true],
    );
    const [partition] = adapter.parsePartitions(recorded('partitions', 'partitions'));
    assert.equal(partition?.isDefault, true);
    assert.equal(partition?.maxTimeMinutes, Infinity);
    assert.equal(partition?.totalCpus, 2);
    const [node] = adapter.parseNodes(recorded('nodes', 'nodes'));
    assert.deepEqual(node?.partitions, [partition?.name]);
    assert.equal(node?.cpus, 2);
  });
});
