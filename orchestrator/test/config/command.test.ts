// `offload config show|check` in a real process, against the dev cluster's staging.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { devCluster, devConfigPath } from '../slurm/dev-cluster-env.js';

const commandModule = pathToFileURL(
  join(dirname(fileURLToPath(import.meta.url)), '../../src/cli/commands/config.js'),
).href;

/** Runs a program made of the global options and the config command, as main() would. */
function offload(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = `
    import { Command } from 'commander';
    import { register } from ${JSON.stringify(commandModule)};
    const program = new Command('offload').option('--config <file>').option('--home <dir>');
    register(program);
    await program.parseAsync(process.argv.slice(1), { from: 'user' });
  `;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script, '--', ...args],
      { cwd: process.cwd(), env: { ...process.env, OFFLOAD_CONFIG: '' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

describe('offload config', () => {
  let dir: string;

  before(async () => {
    await devCluster();
    dir = await mkdtemp(join(tmpdir(), 'offload-config-cmd-'));
  });

  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('shows the configuration in effect and the file it came from', async () => {
    const { code, stdout } = await offload([
      '--config',
      devConfigPath(),
      'config',
      'show',
      '--json',
    ]);
    assert.equal(code, 0);
    const shown = JSON.parse(stdout) as { source: string; clusters: { name: string }[] };
    assert.equal(shown.source, devConfigPath());
    assert.deepEqual(
      shown.clusters.map((c) => c.name),
      ['dev'],
    );
  });

  it('says where defaults came from when --home holds no configuration', async () => {
    const { code, stdout } = await offload(['--home', dir, 'config', 'show']);
    assert.equal(code, 0);
    assert.match(stdout, /^# from defaults \(no configuration file found\)\nclusters: \[\]\n/);
  });

  it('sends a probe through the dev cluster staging and back', async () => {
    const { code, stdout } = await offload(['--config', devConfigPath(), 'config', 'check']);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^dev +staging sftp +root@127\.0\.0\.1:\d+:\S+ +ok +[\d.]+ s\n$/);
  });

  it('fails with exit code 9 and the reason when the host key is not trusted', async () => {
    const emptyHosts = join(dir, 'known_hosts');
    await writeFile(emptyHosts, '');
    const text = (await readFile(devConfigPath(), 'utf8')).replace(
      /knownHosts: .*/,
      `knownHosts: ${emptyHosts}`,
    );
    const file = join(dir, 'untrusted.yaml');
    await writeFile(file, text);
    const { code, stdout, stderr } = await offload(['--config', file, 'config', 'check', '--json']);
    assert.equal(code, 9);
    const [check] = JSON.parse(stdout) as { ok: boolean; error: { reason: string } }[];
    assert.equal(check!.ok, false);
    assert.equal(check!.error.reason, 'host-key');
    assert.match(stderr, /staging failed for dev/);
  });
});
