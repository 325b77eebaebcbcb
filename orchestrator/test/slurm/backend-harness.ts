// An embedded engine wired as `offload run` wires it (local workers, the Slurm backend
// for the dev cluster, the dispatcher), with hooks the backend tests need: waiting on
// store events, a node wrapper that slows tasks down, and the dev cluster's daemons.
import { execFile } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { LocalBackend } from '../../src/backends/local/local.js';
import { SlurmBackend, type SlurmBackendOptions } from '../../src/backends/slurm/backend.js';
import { createSlurmClient, type SlurmClient } from '../../src/backends/slurm/client.js';
import { jobPhase, type SlurmJob } from '../../src/backends/slurm/model.js';
import type { ClusterConfig } from '../../src/config/index.js';
import { Dispatcher, type DispatchOptions } from '../../src/jobs/dispatch.js';
import { Engine } from '../../src/jobs/engine.js';
import type { EventRecord } from '../../src/jobs/types.js';
import { Catalog } from '../../src/kernels/catalog.js';
import { Home } from '../../src/home.js';
import { createLogger } from '../../src/logging.js';
import { ROOT } from '../helpers.js';

const run = promisify(execFile);
export const DEV_DIR = process.env.OFFLOAD_DEV_CLUSTER_DIR ?? '/tmp/offload-dev-cluster';

export interface Harness {
  engine: Engine;
  slurm: SlurmBackend;
  local: LocalBackend;
  events: EventRecord[];
  /** Resolves once `test` holds for the events seen so far (checked on every event). */
  until(test: (events: EventRecord[]) => boolean, what: string, limitMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function openHarness(
  home: string,
  cluster: ClusterConfig,
  options: { slurm?: SlurmBackendOptions; dispatch?: DispatchOptions; workers?: number } = {},
): Harness {
  const local = new LocalBackend({ workers: options.workers ?? 2 });
  const slurm = new SlurmBackend(cluster, options.slurm);
  const dispatcher = new Dispatcher({ local, slurm }, options.dispatch);
  const engine = new Engine({
    home: new Home(home),
    catalog: Catalog.load(),
    log: createLogger({ level: process.env.OFFLOAD_LOG_LEVEL ?? 'silent' }),
    backends: dispatcher.backends(),
    backendFor: dispatcher.backendFor,
    fallbackFor: dispatcher.fallbackFor,
  });
  dispatcher.attach(engine);
  const events: EventRecord[] = [];
  const waiters = new Set<() => void>();
  engine.subscribe((e) => {
    events.push(e);
    for (const w of [...waiters]) w();
  });
  const until = (test: (ev: EventRecord[]) => boolean, what: string, limitMs = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, limitMs);
      const check = () => {
        if (!test(events)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  return { engine, slurm, local, events, until, close: () => engine.close() };
}

/** A node "binary" that waits before running node, so tasks stay queued or running. */
export function slowNode(dir: string, seconds: number): string {
  const path = join(dir, `node-after-${seconds}s`);
  writeFileSync(path, `#!/bin/sh\nsleep ${seconds}\nexec /usr/bin/node "$@"\n`);
  chmodSync(path, 0o755);
  return path;
}

export function withSlurm(cluster: ClusterConfig, slurm: Partial<ClusterConfig['slurm']>) {
  return { ...cluster, slurm: { ...cluster.slurm, ...slurm } };
}

/** The dev cluster's configuration file with the node binary replaced. */
export function configFileWith(dir: string, nodeBinary: string): string {
  const text = readFileSync(join(DEV_DIR, 'offload.yaml'), 'utf8');
  const path = join(dir, 'offload.yaml');
  writeFileSync(path, text.replace(/nodeBinary: .*/, `nodeBinary: ${nodeBinary}`));
  return path;
}

export async function devClient(cluster: ClusterConfig): Promise<SlurmClient> {
  const created = await createSlurmClient({ socketPath: cluster.rest.socket });
  if (!created.ok) throw new Error(`slurmrestd: ${created.error.message}`);
  return created.value;
}

/** Slurm tasks of an Offload job still pending or running. */
export async function activeTasks(client: SlurmClient, jobId: string): Promise<SlurmJob[]> {
  const listed = await client.listJobs();
  if (!listed.ok) throw new Error(`listing jobs: ${listed.error.message}`);
  return listed.value.filter((j) => j.name === `offload-${jobId}` && jobPhase(j) !== 'finished');
}

export function daemonPid(name: string): number {
  return Number(readFileSync(join(DEV_DIR, 'run', `${name}.pid`), 'utf8').trim());
}

/** `bash scripts/dev-cluster.sh up`, which starts any daemon that is not running. */
export async function clusterUp(env: Record<string, string> = {}): Promise<void> {
  // Other suites share the cluster and may restart it at the same moment; a port still
  // held by the daemon they start makes `up` fail, and the next try finds it running.
  for (let attempt = 1; ; attempt++) {
    try {
      await run('bash', [join(ROOT, 'scripts/dev-cluster.sh'), 'up'], {
        env: { ...process.env, ...env },
        timeout: 180_000,
      });
      return;
    } catch (err) {
      if (attempt === 5) throw err;
      await delay(2000 * attempt);
    }
  }
}

export function distinctArrays(externalIds: Array<string | null>): Set<string> {
  return new Set(externalIds.filter((x): x is string => x !== null).map((x) => x.split('_')[0]!));
}
