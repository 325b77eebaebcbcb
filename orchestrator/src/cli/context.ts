// What CLI commands share: global options, the engine for embedded commands, the
// store for read-only ones, and one way to print results and errors.
import type { Command } from 'commander';
import { LocalBackend } from '../backends/local/local.js';
import { loadConfig, pickCluster, type OffloadConfig } from '../config/index.js';
import { Dispatcher } from '../jobs/dispatch.js';
import { isOffloadError } from '../errors.js';
import { Home } from '../home.js';
import { Engine } from '../jobs/engine.js';
import { Catalog } from '../kernels/catalog.js';
import { createLogger } from '../logging.js';
import { Store } from '../store/store.js';

export interface GlobalOptions {
  home?: string;
  config?: string;
  logLevel?: string;
  workers?: string;
}

export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

export function homeOf(opts: GlobalOptions): Home {
  return new Home(opts.home);
}

export function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1024) {
    throw new Error(
      `--workers must be a whole number from 1 to 1024, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** The configuration named by --config, $OFFLOAD_CONFIG or $OFFLOAD_HOME/config.yaml. */
export function configOf(opts: GlobalOptions): Promise<OffloadConfig> {
  return loadConfig({ file: opts.config, home: opts.home });
}

/** Whether a command needs a Slurm backend, and for which cluster (else the default). */
export type ClusterChoice = { use: false } | { use: true; name?: string };

/**
 * An engine for commands that run jobs in this process: local workers, and a Slurm
 * backend for the configured cluster when there is one and the job may go there: the
 * cluster a job's spec names, else the only or the default one. A local job does not
 * depend on the cluster settings at all.
 */
export async function openEngine(
  opts: GlobalOptions,
  choice: ClusterChoice = { use: true },
): Promise<Engine> {
  const log = createLogger({ level: opts.logLevel });
  const config = await configOf(opts);
  const workers = parseWorkers(opts.workers) ?? (config.source ? config.local.workers : undefined);
  const local = new LocalBackend({ workers });
  // The Slurm backend (HTTP and SSH clients) loads only when a cluster is configured.
  const slurm =
    choice.use && config.clusters.length > 0
      ? new (await import('../backends/slurm/backend.js')).SlurmBackend(
          pickCluster(config, choice.name),
        )
      : undefined;
  const dispatcher = new Dispatcher({ local, slurm });
  const engine = new Engine({
    home: homeOf(opts),
    catalog: Catalog.load(),
    log,
    backends: dispatcher.backends(),
    backendFor: dispatcher.backendFor,
    fallbackFor: dispatcher.fallbackFor,
  });
  dispatcher.attach(engine);
  return engine;
}

/** What a raw spec needs of the cluster configuration: nothing for a local job. */
export function clusterOf(spec: unknown): ClusterChoice {
  if (typeof spec !== 'object' || spec === null) return { use: true };
  const { cluster, target } = spec as { cluster?: unknown; target?: unknown };
  if (target === undefined || target === 'local') return { use: false }; // local by default
  return typeof cluster === 'string' ? { use: true, name: cluster } : { use: true };
}

/** The store alone, for commands that only read. */
export function openStore(opts: GlobalOptions): Store {
  return new Store(homeOf(opts).database);
}

export function printJson(value: unknown): void {
  process.stdout.write(
    JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) + '\n',
  );
}

/** Reports an error on stderr and sets the exit code it maps to. */
export function reportError(err: unknown): void {
  if (isOffloadError(err)) {
    process.stderr.write(`offload: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`offload: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.OFFLOAD_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
    process.exitCode = 1;
  }
}

/** Wraps an action so that errors are reported, not thrown. */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      reportError(err);
    }
  };
}
