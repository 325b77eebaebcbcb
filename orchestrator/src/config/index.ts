// Where Offload's configuration comes from: `--config <file>`, else $OFFLOAD_CONFIG,
// else $OFFLOAD_HOME/config.yaml (OFFLOAD_HOME defaults to ~/.offload). Only the last
// may be missing, which means defaults: local workers, no cluster.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { OffloadError, show } from '../errors.js';
import type { ClusterConfig, OffloadConfig } from './types.js';
import { parseConfig } from './validate.js';

export type * from './types.js';
export { parseConfig, DEFAULTS } from './validate.js';
export { parseMemory, parseTimeLimit } from './units.js';

export interface LoadOptions {
  /** The file named by `--config`. */
  file?: string;
  /** The state folder named by `--home`; its config.yaml is the default file. */
  home?: string;
  /** The environment to read OFFLOAD_CONFIG and OFFLOAD_HOME from; process.env if absent. */
  env?: NodeJS.ProcessEnv;
}

/** The folder Offload keeps its own files in. */
export function offloadHome(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.OFFLOAD_HOME;
  return home !== undefined && home !== '' ? resolve(home) : join(homedir(), '.offload');
}

export async function loadConfig(opts: LoadOptions = {}): Promise<OffloadConfig> {
  const env = opts.env ?? process.env;
  const named = opts.file ?? (env.OFFLOAD_CONFIG === '' ? undefined : env.OFFLOAD_CONFIG);
  const home = opts.home === undefined ? offloadHome(env) : resolve(opts.home);
  const file = resolve(named ?? join(home, 'config.yaml'));

  const text = await readConfigText(file, named !== undefined);
  if (text === undefined) return parseConfig(undefined, dirname(file));
  return parseConfig(parseYaml(text, file), dirname(file), file);
}

async function readConfigText(file: string, required: boolean): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return undefined;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? cause})`;
    throw new OffloadError('CONFIG_INVALID', `config file ${show(file)} ${why}`, {
      field: 'config',
      cause,
    });
  }
}

function parseYaml(text: string, file: string): unknown {
  try {
    // Plain YAML 1.2 core schema: no custom tags, so a file cannot construct objects.
    return parse(text, { schema: 'core', uniqueKeys: true });
  } catch (cause) {
    const where =
      cause instanceof YAMLParseError && cause.linePos !== undefined
        ? ` at line ${cause.linePos[0].line}, column ${cause.linePos[0].col}`
        : '';
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new OffloadError('CONFIG_INVALID', `config file ${file} is not YAML${where}: ${reason}`, {
      field: 'config',
      cause,
    });
  }
}

/**
 * The cluster to use: the one named, else the only one, else the one marked default.
 * Rejects with CONFIG_INVALID when that leaves no single answer.
 */
export function pickCluster(config: OffloadConfig, name?: string): ClusterConfig {
  const names = config.clusters.map((c) => c.name);
  if (name !== undefined) {
    const found = config.clusters.find((c) => c.name === name);
    if (found !== undefined) return found;
    const known = names.length === 0 ? 'none is configured' : `configured: ${names.join(', ')}`;
    throw new OffloadError('CONFIG_INVALID', `cluster ${show(name)} is unknown (${known})`, {
      field: 'cluster',
    });
  }
  if (config.clusters.length === 1) return config.clusters[0]!;
  const chosen = config.clusters.find((c) => c.default);
  if (chosen !== undefined) return chosen;
  const message =
    names.length === 0
      ? `no cluster is configured in ${config.source ?? 'the configuration (no file found)'}`
      : `several clusters are configured (${names.join(', ')}) and none is default; ` +
        'mark one `default: true` or name one';
  throw new OffloadError('CONFIG_INVALID', message, { field: 'clusters' });
}
