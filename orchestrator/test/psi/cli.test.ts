// `offload psi` through commander, on real files: the full two-party flow.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { Command } from 'commander';
import { register } from '../../src/cli/commands/psi.js';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function offload(...args: string[]): Promise<string> {
  const program = new Command('offload').exitOverride().configureOutput({ writeErr: () => {} });
  register(program);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => chunks.push(String(s)) > 0) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'offload', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

it('runs init, blind, reblind (engine jobs) and intersect for two parties', async () => {
  const d = await mkdtemp(join(tmpdir(), 'offload-psi-cli-'));
  dirs.push(d);
  process.env.OFFLOAD_HOME = join(d, 'home');
  const p = (name: string): string => join(d, name);
  await writeFile(p('a.txt'), ['ann', 'bob', 'cy', 'dee'].join('\n') + '\n');
  await writeFile(p('b.txt'), ['dee', 'eve', 'ann'].join('\n') + '\n');
  const dst = 'offload-psi-cli-test';

  const init = JSON.parse(await offload('psi', 'init', '--job', p('A'), '--dst', dst, '--json'));
  assert.equal(init.mode, '0600');
  assert.doesNotMatch(JSON.stringify(init), /[0-9a-f]{64}/); // the scalar is never printed
  await offload('psi', 'init', '--job', p('B'), '--dst', dst);
  const t: string[] = [];
  await offload('psi', 'blind', '--job', p('A'), '--ids', p('a.txt'), '--out', p('xa'), ...t);
  await offload('psi', 'blind', '--job', p('B'), '--ids', p('b.txt'), '--out', p('yb'), ...t);
  await offload('psi', 'reblind', '--job', p('B'), '--in', p('xa'), '--out', p('xab'), ...t);
  await offload('psi', 'reblind', '--job', p('A'), '--in', p('yb'), '--out', p('yba'), ...t);
  const out = await offload(
    'psi',
    'intersect',
    '--job',
    p('A'),
    '--ids',
    p('a.txt'),
    '--mine',
    p('xab'),
    '--peer',
    p('yba'),
    '--out',
    p('common.txt'),
    '--json',
  );
  assert.deepEqual(JSON.parse(out), { mine: 4, peer: 3, matches: 2, output: p('common.txt') });
  assert.equal(await readFile(p('common.txt'), 'utf8'), 'ann\ndee\n');
});

it('rejects a sort run size that is not a positive integer', async () => {
  await assert.rejects(
    offload(
      'psi',
      'intersect',
      '--job',
      'j',
      '--ids',
      'i',
      '--mine',
      'm',
      '--peer',
      'p',
      '--out',
      'o',
      '--run-records',
      '0',
    ),
    /must be a positive integer, got "0"/,
  );
});
