// The array-job script: rendered scripts run under bash with hostile names and
// arguments, and nothing in those values gets executed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isOffloadError } from '../../src/errors.js';
import {
  readArrayTemplate,
  renderArrayScript,
  type ArrayScriptParams,
} from '../../src/backends/slurm/template.js';

let template: string;
let dir: string;
let marker: string;

function markers(): string[] {
  return probes()
    .map((p) => p.marker)
    .filter((f) => existsSync(f));
}

/**
 * Ways into a shell command line, each aimed at creating its own marker file, with the
 * naive quoting it defeats: unquoted, single-quoted without escaping, double-quoted.
 */
function probes(): Array<{ value: string; marker: string; naive: (v: string) => string }> {
  const m = (i: number) => join(dir, `pwned-${i}`);
  const bare = (v: string) => v;
  return [
    { value: `$(touch ${m(1)})`, marker: m(1), naive: bare },
    { value: `\`touch ${m(2)}\``, marker: m(2), naive: bare },
    { value: `x; touch ${m(3)}`, marker: m(3), naive: bare },
    { value: `x' ; touch ${m(4)} ; echo '`, marker: m(4), naive: (v) => `'${v}'` },
    { value: `x" ; touch ${m(5)} ; echo "`, marker: m(5), naive: (v) => `"${v}"` },
  ];
}

function params(extra: Partial<ArrayScriptParams> = {}): ArrayScriptParams {
  return { jobName: 'offload-j1', nodeBinary: '/usr/bin/printf', runner: '%s\\n', ...extra };
}

async function run(script: string, env: Record<string, string>) {
  const path = join(dir, 'job.sh');
  await writeFile(path, script);
  const result = spawnSync('bash', [path], {
    cwd: dir,
    env: { PATH: '/usr/bin:/bin', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function rejects(p: ArrayScriptParams, field: string): void {
  assert.throws(
    () => renderArrayScript(template, p),
    (err) => isOffloadError(err) && err.field === field && err.message.includes(field),
  );
}

describe('the array-job script template', () => {
  before(async () => {
    template = await readArrayTemplate();
    dir = await mkdtemp(join(tmpdir(), 'offload-template-'));
    marker = join(dir, 'pwned');
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('uses probes that do inject when pasted into a command without proper quoting', () => {
    for (const probe of probes()) {
      const naive = spawnSync('bash', ['-c', `printf '%s\\n' ${probe.naive(probe.value)}`]);
      assert.equal(naive.status, 0);
      assert.ok(existsSync(probe.marker), probe.value);
      spawnSync('rm', ['-f', probe.marker]);
    }
    assert.deepEqual(markers(), []);
  });

  it('runs the runner with the batch index and hostile values as plain words', async () => {
    const values = probes().map((p) => p.value);
    const evil = values.join(' ');
    const script = renderArrayScript(
      template,
      params({
        jobName: evil,
        partition: evil,
        account: evil,
        qos: evil,
        workDir: evil,
        runnerArgs: [...values, 'two\nlines', "it's"],
      }),
    );
    const { status, stdout, stderr } = await run(script, {
      SLURM_ARRAY_TASK_ID: '2',
      OFFLOAD_BATCH_OFFSET: '1000',
    });
    assert.equal(status, 0, stderr);
    assert.equal(stdout, [...values, 'two\nlines', "it's", '1002', ''].join('\n'));
    assert.deepEqual(markers(), []);
    assert.deepEqual(await readdir(dir), ['job.sh']);
  });

  it('writes #SBATCH values in double quotes, escaped the way sbatch reads them', () => {
    const script = renderArrayScript(
      template,
      params({
        jobName: 'a b"c#d\\e',
        array: '0-9%2',
        timeLimitMinutes: 30,
        cpusPerTask: 2,
        memoryPerCpuMB: 512,
        extraSbatch: ['--constraint=avx2', '--exclusive'],
      }),
    );
    const lines = script.split('\n').filter((l) => l.startsWith('#SBATCH'));
    assert.deepEqual(lines, [
      '#SBATCH --job-name="a b\\"c#d\\\\e"',
      '#SBATCH --array="0-9%2"',
      '#SBATCH --time=30',
      '#SBATCH --cpus-per-task=2',
      '#SBATCH --mem-per-cpu=512M',
      '#SBATCH --no-requeue',
      '#SBATCH --constraint=avx2',
      '#SBATCH --exclusive',
    ]);
    // sbatch reads directives only before the first command.
    const firstCommand = script.split('\n').findIndex((l) => l !== '' && !l.startsWith('#'));
    assert.ok(firstCommand > script.split('\n').indexOf(lines.at(-1) as string));
  });

  it('refuses newlines and control characters in #SBATCH values, naming the field', () => {
    rejects(params({ jobName: 'a\nb' }), 'template.jobName');
    rejects(params({ partition: 'batch\r#SBATCH --uid=0' }), 'template.partition');
    rejects(params({ stdout: 'out\u0007' }), 'template.stdout');
    rejects(
      params({ extraSbatch: ['--constraint=a\n#SBATCH --uid=0'] }),
      'template.extraSbatch[0]',
    );
    rejects(params({ extraSbatch: ['rm -rf /'] }), 'template.extraSbatch[0]');
    rejects(params({ modules: ['gcc\nrm -rf /'] }), 'template.modules[0]');
    rejects(params({ timeLimitMinutes: 0 }), 'template.timeLimitMinutes');
  });

  it('quotes module names and loads them before the runner starts', async () => {
    const script = renderArrayScript(template, params({ modules: ['node/20', "x'; touch y"] }));
    const lines = script.split('\n');
    const loads = lines.filter((l) => l.startsWith('module load'));
    assert.deepEqual(loads, ["module load 'node/20'", `module load 'x'\\''; touch y'`]);
    assert.ok(lines.indexOf(loads[1] as string) < lines.findIndex((l) => l.startsWith('exec')));
    const syntax = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    assert.equal(syntax.status, 0, syntax.stderr);
  });

  it('adds the offset to the array index, reading both as decimals', async () => {
    const script = renderArrayScript(template, params());
    const cases: Array<[string, string, string]> = [
      ['7', '0', '7'],
      ['08', '010', '18'],
      ['0', '4000', '4000'],
    ];
    for (const [task, offset, expected] of cases) {
      const out = await run(script, { SLURM_ARRAY_TASK_ID: task, OFFLOAD_BATCH_OFFSET: offset });
      assert.equal(out.stdout, `${expected}\n`, out.stderr);
    }
  });

  it('refuses an offset that is not a decimal instead of evaluating it', async () => {
    const script = renderArrayScript(template, params());
    const out = await run(script, {
      SLURM_ARRAY_TASK_ID: '1',
      OFFLOAD_BATCH_OFFSET: `a[$(touch ${marker})]`,
    });
    assert.equal(out.status, 64);
    assert.match(out.stderr, /must be decimals/);
    assert.equal(out.stdout, '');
    assert.equal(existsSync(marker), false);
    // The same value does run its command substitution in bash arithmetic.
    const control = spawnSync('bash', ['-c', 'echo $((1 + OFFSET))'], {
      env: { PATH: '/usr/bin:/bin', OFFSET: `a[$(touch ${marker})]` },
    });
    assert.equal(control.status, 0);
    assert.equal(existsSync(marker), true);
  });

  it('refuses to run outside a Slurm array task', async () => {
    const out = await run(renderArrayScript(template, params()), {});
    assert.notEqual(out.status, 0);
    assert.match(out.stderr, /not running as a Slurm array task/);
  });
});
