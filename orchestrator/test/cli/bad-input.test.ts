import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  identifiers,
  lastJsonLine,
  runCli,
  tempDir,
  writeKey,
  writeLines,
  writeSpec,
} from '../helpers.js';

describe('bad input', () => {
  const tmp = tempDir();
  const home = join(tmp.dir, 'home');
  const env = { OFFLOAD_HOME: home };
  let goodJob = '';
  const good = {
    kernel: 'hmac-sha256',
    input: { path: 'ids.txt', format: 'lines' },
    params: { key: { file: 'hmac.key' } },
    batch: { records: 100 },
    output: { path: 'out.txt', format: 'hex-lines' },
  };

  before(() => {
    writeLines(join(tmp.dir, 'ids.txt'), identifiers(1000));
    writeKey(join(tmp.dir, 'hmac.key'));
    writeKey(join(tmp.dir, 'short.key'), 16);
    const r = runCli(['run', writeSpec(join(tmp.dir, 'good.json'), good), '--json'], env);
    assert.equal(r.status, 0, r.stderr);
    goodJob = String(lastJsonLine(r.stdout).jobId);
  });
  after(() => tmp.cleanup());

  function fails(spec: unknown, name: string): { status: number | null; stderr: string } {
    const file = join(tmp.dir, `${name}.json`);
    if (typeof spec === 'string') writeFileSync(file, spec);
    else writeSpec(file, spec);
    const r = runCli(['run', file, '--json'], env);
    assert.notEqual(r.status, 0, `${name} must fail`);
    return r;
  }

  it('refuses a spec that is not JSON or YAML, naming the file', () => {
    const r = fails('{ "kernel": "hmac-sha256", ', 'syntax');
    assert.match(r.stderr, /syntax\.json is not valid JSON or YAML/);
  });

  it('runs a local job whatever the cluster settings, even ones a Slurm job would trip on', () => {
    const config = join(tmp.dir, 'two-clusters.yaml');
    const cluster = (name: string) =>
      `{ name: ${name}, rest: { socket: /nonexistent/${name}.sock }, ` +
      `staging: { mode: shared, remoteRoot: ${JSON.stringify(join(tmp.dir, name))} } }`;
    writeFileSync(config, `clusters: [${cluster('a')}, ${cluster('b')}]\n`);
    const cfg = { ...env, OFFLOAD_CONFIG: config };
    const local = runCli(
      ['run', writeSpec(join(tmp.dir, 'l.json'), { ...good, output: { path: 'l.txt' } }), '--json'],
      cfg,
    );
    assert.equal(local.status, 0, local.stderr);
    const slurm = writeSpec(join(tmp.dir, 's.json'), { ...good, target: 'slurm' });
    const refused = runCli(['run', slurm, '--json'], cfg);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /several clusters are configured \(a, b\) and none is default/);
  });

  it('refuses a spec naming a cluster the configuration does not have', () => {
    const config = join(tmp.dir, 'one-cluster.yaml');
    writeFileSync(
      config,
      'clusters: [{ name: dev, rest: { socket: /nonexistent/slurmrestd.sock }, ' +
        `staging: { mode: shared, remoteRoot: ${JSON.stringify(join(tmp.dir, 'remote'))} } }]\n`,
    );
    const file = writeSpec(join(tmp.dir, 'prod.json'), {
      ...good,
      target: 'slurm',
      cluster: 'prod',
    });
    const r = runCli(['run', file, '--json'], { ...env, OFFLOAD_CONFIG: config });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /cluster "prod" is unknown \(configured: dev\)/);
  });

  it('refuses an unknown job state and a limit that is not a count, listing what is allowed', () => {
    const state = runCli(['jobs', '--state', 'runing'], env);
    assert.equal(state.status, 2);
    assert.match(
      state.stderr,
      /--state must be one of pending, splitting, running, .*; got "runing"/,
    );
    const limit = runCli(['jobs', '--limit', 'abc'], env);
    assert.equal(limit.status, 2);
    assert.match(limit.stderr, /--limit must be an integer from 1 to 100000; got "abc"/);
  });

  it('refuses a negative batch size, naming batch.records and the value', () => {
    const r = fails({ ...good, batch: { records: -3 } }, 'negative');
    assert.match(r.stderr, /batch\.records must be a positive integer.*got -3/);
  });

  it('refuses an unknown format, naming input.format', () => {
    const r = fails({ ...good, input: { path: 'ids.txt', format: 'xlsx' } }, 'format');
    assert.match(r.stderr, /input\.format must be one of lines, csv, ndjson, framed; got "xlsx"/);
  });

  it('refuses a missing input file, naming input.path', () => {
    const r = fails({ ...good, input: { path: 'nope.txt', format: 'lines' } }, 'missing');
    assert.match(r.stderr, /input\.path: cannot read ".*nope\.txt"/);
  });

  it('refuses an unparsable record, naming the record and its line', () => {
    writeLines(join(tmp.dir, 'values.txt'), ['1', '2', 'twelve', '4']);
    const r = fails(
      {
        kernel: 'share-split',
        input: { path: 'values.txt', format: 'lines' },
        params: { shares: 2 },
        output: { path: 'shares.txt', format: 'lines' },
      },
      'record',
    );
    assert.match(r.stderr, /input record 2 \(line 3\): expected a decimal integer, got "twelve"/);
  });

  it('refuses a short key, naming params.key without showing it', () => {
    const r = fails({ ...good, params: { key: { file: 'short.key' } } }, 'short');
    assert.match(r.stderr, /params\.key must be at least 32 bytes, got a 16-byte secret/);
  });

  it('refuses a secret written inline in the spec', () => {
    const r = fails({ ...good, params: { key: 'ab'.repeat(32) } }, 'inline');
    assert.match(r.stderr, /params\.key is a secret/);
  });

  it('refuses an unknown kernel, naming it and the known ones', () => {
    const r = fails({ ...good, kernel: 'rot13' }, 'kernel');
    assert.match(r.stderr, /kernel: unknown kernel "rot13"; known: .*hmac-sha256/);
  });

  it('loses nothing already stored', () => {
    const list = runCli(['jobs', '--json'], env);
    const jobs = JSON.parse(list.stdout) as Array<{ jobId: string; state: string }>;
    const kept = jobs.find((j) => j.jobId === goodJob);
    assert.equal(kept?.state, 'succeeded');
    const copy = runCli(['result', goodJob, '-o', join(tmp.dir, 'copy.txt')], env);
    assert.equal(copy.status, 0, copy.stderr);
    // The failed record job stays inspectable: failed, with the record named.
    const failed = jobs.filter((j) => j.state === 'failed');
    assert.equal(failed.length, 1);
  });
});
