// Turns the parsed YAML into an OffloadConfig, or rejects it with CONFIG_INVALID naming
// the first bad field. Unknown keys are errors: a misspelt `partiton` should not
// silently run jobs in the default partition.
import { availableParallelism, userInfo } from 'node:os';
import { posix } from 'node:path';
import { SLURM_API_VERSIONS } from '../backends/slurm/model.js';
import { fail, resolvePath, Section } from './fields.js';
import type {
  ClusterConfig,
  KeepWorkDir,
  LocalConfig,
  OffloadConfig,
  RestConfig,
  SlurmSettings,
  StagingConfig,
  StagingMode,
} from './types.js';
import { parseMemory, parseTimeLimit } from './units.js';

export const DEFAULTS = {
  sshPort: 22,
  keepWorkDir: 'onFailure' as KeepWorkDir,
  cpusPerTask: 1,
  nodeBinary: 'node',
  /** Seconds; one list call per interval covers every tracked Slurm job. */
  pollInterval: 10,
} as const;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Partitions, accounts, QOS names: what Slurm itself accepts, nothing a shell reads. */
const SLURM_WORD = /^[A-Za-z0-9_.+-]+$/;
const MODULE = /^[A-Za-z0-9_.+/-]+$/;
/** One `#SBATCH` line each, so no line breaks; a long option keeps the script parseable. */
const SBATCH_OPTION = /^--[a-z][a-z-]*(=[^\r\n]*)?$/;
/** The slurmrestd versions Offload has an adapter for, and nothing else. */
const API_VERSION = new RegExp(
  `^(${SLURM_API_VERSIONS.map((v) => v.replace(/\./g, '\\.')).join('|')})$`,
);
const HOST = /^[A-Za-z0-9.:_-]+$/;
const USER = /^[A-Za-z0-9._][A-Za-z0-9._-]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseConfig(raw: unknown, baseDir: string, source?: string): OffloadConfig {
  // `serve` belongs to `offload serve`, which reads it from the same file itself.
  const top = Section.of(raw, 'config', baseDir, ['clusters', 'local', 'serve', 'server']);
  if (top.has('server')) {
    fail(
      'server',
      "is not read: the daemon's settings go under serve (listen, tls, tokens)",
      'server',
    );
  }
  const config: OffloadConfig = {
    clusters: parseClusters(top),
    local: parseLocal(top.section('local', ['workers'])),
  };
  if (source !== undefined) config.source = source;
  return config;
}

function parseClusters(top: Section): ClusterConfig[] {
  const raw = top.raw('clusters');
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) fail('clusters', 'must be a list', raw);
  const clusters = raw.map((item, i) => parseCluster(item, `clusters[${i}]`, top.baseDir));

  const seen = new Set<string>();
  clusters.forEach((cluster, i) => {
    if (seen.has(cluster.name)) fail(`clusters[${i}].name`, 'must be unique', cluster.name);
    seen.add(cluster.name);
  });
  const defaults = clusters.filter((c) => c.default).map((c) => c.name);
  if (defaults.length > 1) fail('clusters', 'may have one default cluster', defaults);
  return clusters;
}

function parseCluster(raw: unknown, path: string, baseDir: string): ClusterConfig {
  const s = Section.of(raw, path, baseDir, ['name', 'default', 'rest', 'staging', 'slurm']);
  const name = s.str('name', NAME, 'must be letters, digits, - and _ (at most 64)');
  if (name === undefined) fail(s.field('name'), 'is required', undefined);
  return {
    name,
    default: s.bool('default') ?? false,
    rest: parseRest(s.section('rest', REST_KEYS)),
    staging: parseStaging(s.section('staging', STAGING_KEYS)),
    slurm: parseSlurm(s.section('slurm', SLURM_KEYS)),
  };
}

const REST_KEYS = ['socket', 'url', 'user', 'tokenFile', 'tokenEnv', 'apiVersion'] as const;

function parseRest(s: Section): RestConfig {
  const socket = s.localPath('socket');
  const url = s.str('url', /^https?:\/\/[^\s/]+\/?$/, 'must be http(s)://host[:port]');
  if ((socket === undefined) === (url === undefined)) {
    fail(s.path, 'must set exactly one of socket and url', { socket, url });
  }
  const user = s.str('user', USER, 'must be a user name');
  const tokenFile = s.localPath('tokenFile');
  const tokenEnv = s.str('tokenEnv', ENV_NAME, 'must be an environment variable name');
  const apiVersion = s.str(
    'apiVersion',
    API_VERSION,
    `must be one of ${SLURM_API_VERSIONS.join(', ')}`,
  );

  if (socket !== undefined && (tokenFile ?? tokenEnv) !== undefined) {
    // Over the socket slurmrestd trusts the peer's uid (rest_auth/local); a token there
    // would be ignored, which hides a configuration mistake.
    fail(s.path, 'takes tokenFile or tokenEnv only with url, not socket', socket);
  }
  if (url !== undefined) {
    if ((tokenFile === undefined) === (tokenEnv === undefined)) {
      fail(s.path, 'with url must set exactly one of tokenFile and tokenEnv', url);
    }
    if (user === undefined) fail(s.field('user'), 'is required with url', undefined);
  }

  const rest: RestConfig = { user: user ?? userInfo().username };
  if (socket !== undefined) rest.socket = socket;
  if (url !== undefined) rest.url = url.replace(/\/$/, '');
  if (tokenFile !== undefined) rest.tokenFile = tokenFile;
  if (tokenEnv !== undefined) rest.tokenEnv = tokenEnv;
  if (apiVersion !== undefined) rest.apiVersion = apiVersion;
  return rest;
}

const STAGING_KEYS = [
  'mode',
  'host',
  'port',
  'user',
  'privateKey',
  'knownHosts',
  'remoteRoot',
  'keepWorkDir',
] as const;

function parseStaging(s: Section): StagingConfig {
  const mode: StagingMode = s.oneOf('mode', ['sftp', 'shared'] as const) ?? 'sftp';
  const remoteRoot = s.str('remoteRoot');
  if (remoteRoot === undefined) fail(s.field('remoteRoot'), 'is required', undefined);
  if (!posix.isAbsolute(remoteRoot) || remoteRoot.split('/').includes('..')) {
    fail(s.field('remoteRoot'), 'must be an absolute path without ..', remoteRoot);
  }
  const staging: StagingConfig = {
    mode,
    port: s.int('port', 1, 65535) ?? DEFAULTS.sshPort,
    remoteRoot: posix.normalize(remoteRoot).replace(/(.)\/$/, '$1'),
    keepWorkDir: s.oneOf('keepWorkDir', ['never', 'onFailure', 'always'] as const) ?? 'onFailure',
  };
  const host = s.str('host', HOST, 'must be a host name or address');
  const user = s.str('user', USER, 'must be a user name');
  const privateKey = s.localPath('privateKey');
  const knownHosts = s.localPath('knownHosts');
  if (mode === 'sftp') {
    if (host === undefined) fail(s.field('host'), 'is required with mode sftp', undefined);
    if (privateKey === undefined) {
      fail(s.field('privateKey'), 'is required with mode sftp', undefined);
    }
    staging.host = host;
    staging.user = user ?? userInfo().username;
    staging.privateKey = privateKey;
    staging.knownHosts = knownHosts ?? resolvePath('~/.ssh/known_hosts', s.baseDir);
  } else if (host ?? privateKey ?? knownHosts) {
    fail(s.path, 'with mode shared takes no host, privateKey or knownHosts', host ?? privateKey);
  }
  return staging;
}

const SLURM_KEYS = [
  'partition',
  'account',
  'qos',
  'timeLimit',
  'cpusPerTask',
  'memPerCpu',
  'memory',
  'modules',
  'nodeBinary',
  'extraSbatch',
  'maxArraySize',
  'pollInterval',
] as const;

function parseSlurm(s: Section): SlurmSettings {
  const slurm: SlurmSettings = {
    cpusPerTask: s.int('cpusPerTask', 1, 4096) ?? DEFAULTS.cpusPerTask,
    modules: s.strings('modules', MODULE, 'must be a module name') ?? [],
    nodeBinary:
      s.str('nodeBinary', /^[^\s'"`$;&|<>]+$/, 'must be a path or command name') ??
      DEFAULTS.nodeBinary,
    extraSbatch:
      s.strings('extraSbatch', SBATCH_OPTION, 'must be one long option, --name[=value]') ?? [],
    pollInterval: s.positive('pollInterval') ?? DEFAULTS.pollInterval,
  };
  for (const key of ['partition', 'account', 'qos'] as const) {
    const value = s.str(key, SLURM_WORD, 'must be a Slurm name');
    if (value !== undefined) slurm[key] = value;
  }
  const timeLimit = readTimeLimit(s);
  if (timeLimit !== undefined) slurm.timeLimit = timeLimit;
  const maxArraySize = s.int('maxArraySize', 1, 4_000_000);
  if (maxArraySize !== undefined) slurm.maxArraySize = maxArraySize;

  const memPerCpu = readMemory(s, 'memPerCpu');
  const memory = readMemory(s, 'memory');
  if (memPerCpu !== undefined && memory !== undefined) {
    fail(s.path, 'may set memPerCpu or memory, not both', { memPerCpu, memory });
  }
  if (memPerCpu !== undefined) slurm.memPerCpu = memPerCpu;
  if (memory !== undefined) slurm.memory = memory;
  return slurm;
}

function readTimeLimit(s: Section): number | undefined {
  const value = s.raw('timeLimit');
  if (value === undefined) return undefined;
  const minutes =
    typeof value === 'number' ? value : typeof value === 'string' ? parseTimeLimit(value) : NaN;
  if (minutes === undefined || !Number.isInteger(minutes) || minutes < 1) {
    fail(s.field('timeLimit'), 'must be minutes or D-HH:MM:SS, at least one minute', value);
  }
  return minutes;
}

function readMemory(s: Section, key: string): number | undefined {
  const value = s.raw(key);
  if (value === undefined) return undefined;
  const mb =
    typeof value === 'number' ? value : typeof value === 'string' ? parseMemory(value) : NaN;
  if (mb === undefined || !Number.isInteger(mb) || mb < 1) {
    fail(s.field(key), 'must be megabytes or a size like 2G', value);
  }
  return mb;
}

function parseLocal(s: Section): LocalConfig {
  return { workers: s.int('workers', 1, 1024) ?? availableParallelism() };
}
