#!/usr/bin/env node
// Runs the compiled test files with Node's test runner. Suites named *.slow.test.js
// (long known-answer iterations, large jobs) run when CI=true or OFFLOAD_SLOW=1.
// Arguments narrow the run to files whose path contains one of them.
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
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, OFFLOAD_LOG_LEVEL: process.env.OFFLOAD_LOG_LEVEL ?? 'silent' },
  },
);
process.exit(result.status ?? 1);
