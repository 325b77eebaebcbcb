// What the command line says about itself: its version and the help of the benchmark
// runner, which parses its own options.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers.js';

describe('offload describing itself', () => {
  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const run = runCli(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout.trim(), version);
  });

  it('shows the benchmark options for kernels bench --help, and exits 0', () => {
    const run = runCli(['kernels', 'bench', '--help']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /usage: bench \[--suite <name>\]/);
    assert.match(run.stdout, /suites: hmac .*pipeline .*psi .*paillier/);
    assert.equal(run.stderr, '');
  });
});
