import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig, parseMemory, parseTimeLimit, pickCluster } from '../../src/config/index.js';
import type { OffloadConfig } from '../../src/config/index.js';
import { OffloadError } from '../../src/errors.js';

let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offload-config-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, text);
  return file;
}

/** Loads YAML text as a --config file in a fresh subfolder. */
async function load(text: string): Promise<OffloadConfig> {
  const sub = await mkdtemp(join(dir, 'case-'));
  const file = join(sub, 'config.yaml');
  await writeFile(file, text);
  return loadConfig({ file, env: {} });
}

/** Asserts a CONFIG_INVALID rejection naming `field`, whose message contains `shown`. */
async function rejects(text: string, field: string, shown: string): Promise<void> {
  await assert.rejects(load(text), (err: unknown) => {
    assert.ok(err instanceof OffloadError, `expected an OffloadError, got ${String(err)}`);
    assert.equal(err.code, 'CONFIG_INVALID');
    assert.equal(err.field, field);
    assert.ok(err.message.includes(shown), `message ${err.message} lacks ${shown}`);
    return true;
  });
}

const FULL = `
clusters:
  - name: hpc
    default: true
    rest:
      url: https://slurm.example.org:6820/
      user: alice
      tokenEnv: SLURM_JWT
      apiVersion: v0.0.40
    staging:
      host: login.example.org
      user: alice
      privateKey: keys/id_ed25519
      knownHosts: ~/hosts
      remoteRoot: /scratch/alice/offload/
      keepWorkDir: always
    slurm:
      partition: compute
      account: proj-42
      qos: normal
      timeLimit: "1-02:30:00"
      cpusPerTask: 4
      memPerCpu: 2G
      modules: [nodejs/20.11.1]
      nodeBinary: /opt/node/bin/node
      extraSbatch: ["--constraint=avx2", "--exclusive"]
      maxArraySize: 500
      pollInterval: 2.5
  - name: dev
    rest:
      socket: run/slurmrestd.sock
    staging:
      mode: shared
      remoteRoot: /tmp/work
local:
  workers: 3
serve:
  listen: 0.0.0.0:7443
`;

describe('loadConfig', () => {
  it('reads every setting, resolving paths and converting units to MB and minutes', async () => {
    const config = await load(FULL);
    const base = join(config.source!, '..');
    const [hpc, dev] = config.clusters;
    assert.deepEqual(hpc, {
      name: 'hpc',
      default: true,
      rest: {
        url: 'https://slurm.example.org:6820',
        user: 'alice',
        tokenEnv: 'SLURM_JWT',
        apiVersion: 'v0.0.40',
      },
      staging: {
        mode: 'sftp',
        host: 'login.example.org',
        port: 22,
        user: 'alice',
        privateKey: join(base, 'keys/id_ed25519'),
        knownHosts: join(homedir(), 'hosts'),
        remoteRoot: '/scratch/alice/offload',
        keepWorkDir: 'always',
      },
      slurm: {
        partition: 'compute',
        account: 'proj-42',
        qos: 'normal',
        timeLimit: 24 * 60 + 150,
        cpusPerTask: 4,
        memPerCpu: 2048,
        modules: ['nodejs/20.11.1'],
        nodeBinary: '/opt/node/bin/node',
        extraSbatch: ['--constraint=avx2', '--exclusive'],
        maxArraySize: 500,
        pollInterval: 2.5,
      },
    });
    assert.equal(dev!.default, false);
    assert.equal(dev!.rest.socket, join(base, 'run/slurmrestd.sock'));
    assert.equal(dev!.staging.mode, 'shared');
    assert.equal(dev!.staging.keepWorkDir, 'onFailure');
    assert.equal(dev!.slurm.cpusPerTask, 1);
    assert.deepEqual(config.local, { workers: 3 });
  });

  it('falls back to defaults when the default file under OFFLOAD_HOME is missing', async () => {
    const home = await mkdtemp(join(dir, 'home-'));
    const config = await loadConfig({ env: { OFFLOAD_HOME: home } });
    assert.deepEqual(config.clusters, []);
    assert.equal(config.source, undefined);
    assert.ok(config.local.workers >= 1);
  });

  it('prefers --config, then OFFLOAD_CONFIG, then config.yaml in the home folder', async () => {
    const cluster = (name: string): string =>
      `clusters: [{ name: ${name}, rest: { socket: /s }, ` +
      'staging: { mode: shared, remoteRoot: /r } }]';
    const fromFlag = await write('order/flag.yaml', cluster('flag'));
    const fromEnv = await write('order/env.yaml', cluster('env'));
    await write('order/home/config.yaml', cluster('home'));
    const home = join(dir, 'order/home');
    const name = async (opts: Parameters<typeof loadConfig>[0]): Promise<string> =>
      pickCluster(await loadConfig(opts)).name;

    assert.equal(await name({ file: fromFlag, env: { OFFLOAD_CONFIG: fromEnv } }), 'flag');
    assert.equal(await name({ env: { OFFLOAD_CONFIG: fromEnv, OFFLOAD_HOME: home } }), 'env');
    assert.equal(await name({ env: { OFFLOAD_HOME: home } }), 'home');
    assert.equal(await name({ home, env: { OFFLOAD_HOME: join(dir, 'elsewhere') } }), 'home');
  });

  it('rejects a named file that does not exist instead of using defaults', async () => {
    const missing = join(dir, 'nowhere.yaml');
    await assert.rejects(loadConfig({ env: { OFFLOAD_CONFIG: missing } }), {
      code: 'CONFIG_INVALID',
      message: `config file "${missing}" does not exist`,
    });
  });

  it('reports a YAML syntax error with its line', async () => {
    await assert.rejects(load('clusters:\n  - name: a\n   bad: [\n'), (err: OffloadError) => {
      assert.equal(err.code, 'CONFIG_INVALID');
      assert.match(err.message, /is not YAML at line \d+/);
      return true;
    });
  });

  it('reads an empty file as defaults', async () => {
    const config = await load('');
    assert.deepEqual(config.clusters, []);
  });
});

describe('validation', () => {
  const base = `clusters:
  - name: c
    rest: { socket: /run/s.sock }
    staging: { host: h, privateKey: /k, remoteRoot: /w }
`;

  it('names an unknown key', async () => {
    await rejects(`${base}    slurm: { partiton: x }\n`, 'clusters[0].slurm.partiton', 'partiton');
  });

  it('refuses a server section, which the daemon would not read, and says where it goes', async () => {
    await rejects('server:\n  address: 0.0.0.0:7443\n', 'server', 'serve (listen, tls, tokens)');
  });

  it('names a port out of range and shows it', async () => {
    const text = base.replace('host: h', 'host: h, port: 70000');
    await rejects(text, 'clusters[0].staging.port', '70000');
  });

  it('requires exactly one of socket and url', async () => {
    await rejects(
      base.replace('{ socket: /run/s.sock }', '{ socket: /s, url: "http://h:1" }'),
      'clusters[0].rest',
      'exactly one of socket and url',
    );
    await rejects(base.replace('{ socket: /run/s.sock }', '{}'), 'clusters[0].rest', 'socket');
  });

  it('requires a token source and a user with url, and refuses a token on a socket', async () => {
    const url = 'url: "http://h:6820", user: u';
    await rejects(
      base.replace('socket: /run/s.sock', url),
      'clusters[0].rest',
      'exactly one of tokenFile and tokenEnv',
    );
    await rejects(
      base.replace('socket: /run/s.sock', 'url: "http://h:6820", tokenEnv: T'),
      'clusters[0].rest.user',
      'is required with url',
    );
    await rejects(
      base.replace('socket: /run/s.sock', 'socket: /s, tokenEnv: T'),
      'clusters[0].rest',
      'only with url',
    );
  });

  it('requires an absolute remoteRoot without ..', async () => {
    await rejects(base.replace('/w', 'work'), 'clusters[0].staging.remoteRoot', '"work"');
    await rejects(base.replace('/w', '/a/../b'), 'clusters[0].staging.remoteRoot', '/a/../b');
  });

  it('requires host and privateKey for sftp and refuses them for shared', async () => {
    await rejects(base.replace('host: h, ', ''), 'clusters[0].staging.host', 'is required');
    await rejects(
      base.replace('host: h', 'mode: shared, host: h'),
      'clusters[0].staging',
      'with mode shared',
    );
  });

  it('rejects memPerCpu together with memory, and bad sizes', async () => {
    await rejects(
      `${base}    slurm: { memPerCpu: 100, memory: 2G }\n`,
      'clusters[0].slurm',
      'not both',
    );
    await rejects(`${base}    slurm: { memory: 2X }\n`, 'clusters[0].slurm.memory', '"2X"');
  });

  it('rejects an sbatch option that would break the batch script', async () => {
    await rejects(
      `${base}    slurm: { extraSbatch: ["--comment=a\\nrm -rf /"] }\n`,
      'clusters[0].slurm.extraSbatch[0]',
      'one long option',
    );
    await rejects(
      `${base}    slurm: { extraSbatch: ["-N 2"] }\n`,
      'clusters[0].slurm.extraSbatch[0]',
      '-N 2',
    );
  });

  it('rejects duplicate names and two defaults', async () => {
    const two = `${base}${base.replace('clusters:\n', '')}`;
    await rejects(two, 'clusters[1].name', '"c"');
    const defaults = two
      .replace('name: c\n', 'name: a\n    default: true\n')
      .replace('name: c\n', 'name: b\n    default: true\n');
    await rejects(defaults, 'clusters', '["a","b"]');
  });

  it('rejects a time limit under a minute or in no Slurm form', async () => {
    await rejects(`${base}    slurm: { timeLimit: 0 }\n`, 'clusters[0].slurm.timeLimit', '0');
    await rejects(`${base}    slurm: { timeLimit: "2h" }\n`, 'clusters[0].slurm.timeLimit', '"2h"');
  });
});

describe('pickCluster', () => {
  const cluster = (name: string, isDefault = false): string =>
    `  - { name: ${name}, default: ${isDefault}, rest: { socket: /s }, ` +
    'staging: { mode: shared, remoteRoot: /r } }\n';

  it('picks the only cluster, the default one, or the one named', async () => {
    assert.equal(pickCluster(await load(`clusters:\n${cluster('one')}`)).name, 'one');
    const two = await load(`clusters:\n${cluster('a')}${cluster('b', true)}`);
    assert.equal(pickCluster(two).name, 'b');
    assert.equal(pickCluster(two, 'a').name, 'a');
  });

  it('refuses an unknown name, listing the configured ones', async () => {
    const two = await load(`clusters:\n${cluster('a')}${cluster('b')}`);
    assert.throws(() => pickCluster(two, 'c'), {
      code: 'CONFIG_INVALID',
      message: 'cluster "c" is unknown (configured: a, b)',
    });
  });

  it('refuses to guess between several clusters without a default', async () => {
    const two = await load(`clusters:\n${cluster('a')}${cluster('b')}`);
    assert.throws(() => pickCluster(two), /several clusters are configured \(a, b\)/);
  });

  it('says so when no cluster is configured', async () => {
    const none = await load('local: { workers: 1 }');
    assert.throws(() => pickCluster(none), /no cluster is configured in \//);
  });
});

describe('Slurm units', () => {
  it('reads every sbatch --time form, rounding seconds up', () => {
    const cases: [string, number | undefined][] = [
      ['30', 30],
      ['30:01', 31],
      ['2:00:00', 120],
      ['1-0', 1440],
      ['1-2', 1560],
      ['1-2:03', 1563],
      ['1-2:03:04', 1564],
      ['soon', undefined],
      ['1:2:3:4', undefined],
    ];
    for (const [text, minutes] of cases) assert.equal(parseTimeLimit(text), minutes, text);
  });

  it('reads sbatch --mem sizes as megabytes', () => {
    assert.equal(parseMemory('4000'), 4000);
    assert.equal(parseMemory('512M'), 512);
    assert.equal(parseMemory('2g'), 2048);
    assert.equal(parseMemory('1T'), 1024 * 1024);
    assert.equal(parseMemory('1500K'), 2);
    assert.equal(parseMemory('1.5G'), undefined);
  });
});
