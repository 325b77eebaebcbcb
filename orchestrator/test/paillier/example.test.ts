// The examples that the README offers, run small: the salary statistics (an encrypted
// sum and encrypted linear scores, decrypted and checked against the plaintext) and the
// two-party PSI flow (the intersection it finds against the overlap it planted).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, tempDir } from '../helpers.js';

function example(script: string, args: string[], home: string) {
  return spawnSync(process.execPath, [join(ROOT, script), ...args], {
    encoding: 'utf8',
    env: { ...process.env, OFFLOAD_HOME: home },
  });
}

describe('the README examples, run small', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('salary statistics: the decrypted total and every decrypted score match', () => {
    const dir = join(tmp.dir, 'salary');
    const run = example(
      'examples/salary-stats/run.mjs',
      ['--records', '400', '--applicants', '40', '--dir', dir],
      join(dir, 'home'),
    );
    assert.equal(run.status, 0, run.stderr);
    const total = /decrypted total (\S+)\nplaintext total (\S+)/.exec(run.stdout);
    assert.ok(total, run.stdout);
    assert.equal(total[1], total[2]);
    assert.match(run.stdout, /all 40 decrypted scores equal the plaintext scores: ok/);
  });

  it('PSI: the flow finds exactly the planted overlap', () => {
    const dir = join(tmp.dir, 'psi');
    const run = example(
      'examples/psi/run.mjs',
      ['--size', '3000', '--overlap', '555', '--out', dir],
      join(dir, 'home'),
    );
    assert.equal(run.status, 0, run.stderr);
    const said = run.stdout + run.stderr;
    assert.match(said, /found 555 common identifiers; expected exactly 555/);
    assert.match(said, /the intersection is exactly the known overlap, in A’s order/);
  });
});
