#!/usr/bin/env node
// Runs the compiled test files with Node's test runner. Suites named *.slow.test.js
// (long known-answer iterations, large jobs) run when CI=true or OFFLOAD_SLOW=1.
// Arguments narrow the run to files whose path contains one of them.
//
// The Slurm suites run against the real dev cluster. When OFFLOAD_DEV_CONFIG is not
// set, this script starts it (`scripts/dev-cluster.sh up`, which needs root on
// Debian) and stops it again afterwards. Suites that kill the cluster's daemons to test
// recovery (slurm/backend*) run on their own after the others, so that no other suite
// finds slurmrestd or slurmd gone halfway through.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testRoot = join(root, 'orchestrator/dist/test');
const slow = process.env.CI === 'true' || process.env.OFFLOAD_SLOW === '1';
const filters = process.argv.slice(2);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(testRoot)
  .filter((f) => f.endsWith('.test.js'))
  .filter((f) => slow || !f.endsWith('.slow.test.js'))
  .filter((f) => filters.length === 0 || filters.some((x) => relative(root, f).includes(x)))
  .sort();

if (files.length === 0) {
  process.stderr.write('no test files matched\n');
  process.exit(1);
}
function startCluster() {
  process.stderr.write('starting the dev Slurm cluster (scripts/dev-cluster.sh up)...\n');
  const up = spawnSync('bash', [join(root, 'scripts/dev-cluster.sh'), 'up'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const last = (up.stdout ?? '').trim().split('\n').pop();
  if (up.status !== 0 || !last) {
    process.stderr.write(
      'the dev cluster did not start; the Slurm suites will say why they fail\n',
    );
    return undefined;
  }
  return last;
}

const env = { ...process.env, OFFLOAD_LOG_LEVEL: process.env.OFFLOAD_LOG_LEVEL ?? 'silent' };
const needsCluster = files.some((f) => /^(slurm|config)\//.test(relative(testRoot, f)));
let started = false;
if (needsCluster && !env.OFFLOAD_DEV_CONFIG) {
  // A cluster that was already running stays running; one started here is stopped.
  const status = spawnSync('bash', [join(root, 'scripts/dev-cluster.sh'), 'status'], {
    stdio: 'ignore',
  });
  const config = startCluster();
  if (config) {
    env.OFFLOAD_DEV_CONFIG = config;
    started = status.status !== 0;
  }
}
const exclusive = (f) => /^slurm\/backend/.test(relative(testRoot, f));
const phases = [
  { files: files.filter((f) => !exclusive(f)), concurrency: 2 },
  { files: files.filter(exclusive), concurrency: 1 },
];
let exitCode = 0;
for (const phase of phases) {
  if (phase.files.length === 0) continue;
  const result = spawnSync(
    process.execPath,
    ['--test', `--test-concurrency=${phase.concurrency}`, '--test-reporter=spec', ...phase.files],
    { stdio: 'inherit', env },
  );
  if (result.status !== 0) exitCode = result.status ?? 1;
}
if (started)
  spawnSync('bash', [join(root, 'scripts/dev-cluster.sh'), 'down'], { stdio: 'inherit' });
process.exit(exitCode);
