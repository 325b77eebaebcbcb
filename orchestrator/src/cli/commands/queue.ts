// `offload queue`: the admin's view of what Offload has in flight. Each unfinished job
// with its Slurm array tasks (state, pending reason, node) and its local attempts, the
// cluster's partitions and nodes, and Slurm jobs Offload submitted that no unfinished
// job claims. It reads the store and makes three list calls per refresh, whatever the
// number of jobs.
import type { Command } from 'commander';
import type { SlurmClient } from '../../backends/slurm/client.js';
import { jobPhase, type SlurmJob } from '../../backends/slurm/model.js';
import { pickCluster, type ClusterConfig, type OffloadConfig } from '../../config/index.js';
import type { Store } from '../../store/store.js';
import { action, configOf, globals, openStore, printJson } from '../context.js';

export interface QueueTask {
  batch: number;
  attempt: number;
  backend: string;
  /** `<arrayJobId>_<taskId>` for Slurm attempts. */
  externalId?: string;
  /** Slurm's state, `LEFT-QUEUE` once it is no longer listed, or `LOCAL`. */
  state: string;
  reason?: string;
  node?: string;
}

export interface QueueJob {
  jobId: string;
  name: string;
  state: string;
  target: string;
  batches: number | null;
  batchesDone: number;
  slurmArrays: number[];
  tasks: QueueTask[];
  localRunning: number;
}

export interface QueueSnapshot {
  at: string;
  cluster?: {
    name: string;
    endpoint: string;
    error?: string;
    partitions: Array<{ name: string; state: string; nodes?: string; cpus?: number }>;
    nodes: Array<{ name: string; state: string; cpus?: number; allocCpus?: number }>;
  };
  jobs: QueueJob[];
  /** Slurm jobs of Offload still queued or running whose job is not unfinished here. */
  orphans: Array<{ slurmJobId: string; name: string; state: string; comment: string }>;
  local: { workers: number; running: number };
}

function slurmId(j: SlurmJob): string {
  if (j.arrayJobId === undefined) return String(j.jobId);
  return `${j.arrayJobId}_${j.arrayTaskId ?? `[${j.arrayPending}]`}`;
}

function jobView(store: Store, jobId: string, index: Map<string, SlurmJob>): QueueJob {
  const job = store.job(jobId)!;
  const running = store.runningAttempts(jobId);
  const tasks: QueueTask[] = running.map((a) => {
    const listed = a.externalId ? index.get(a.externalId) : undefined;
    const base = { batch: a.batchIndex, attempt: a.number, backend: a.backend };
    if (a.backend !== 'slurm') return { ...base, state: 'LOCAL' };
    return {
      ...base,
      externalId: a.externalId ?? undefined,
      state: listed ? listed.state : a.externalId ? 'LEFT-QUEUE' : 'SUBMITTING',
      reason: listed && jobPhase(listed) === 'pending' ? listed.reason : undefined,
      node: listed?.nodes,
    };
  });
  const arrays = new Set<number>();
  for (const a of store.attempts(jobId)) {
    const m = /^(\d+)_/.exec(a.externalId ?? '');
    if (a.backend === 'slurm' && m) arrays.add(Number(m[1]));
  }
  return {
    jobId,
    name: job.name,
    state: job.state,
    target: job.target,
    batches: job.batches,
    batchesDone: job.batchesDone,
    slurmArrays: [...arrays].sort((x, y) => x - y),
    tasks,
    localRunning: tasks.filter((t) => t.backend === 'local').length,
  };
}

async function clusterView(
  client: SlurmClient | undefined,
  cluster: ClusterConfig,
  connectError: string | undefined,
): Promise<{ view: NonNullable<QueueSnapshot['cluster']>; listing: SlurmJob[] }> {
  const view: NonNullable<QueueSnapshot['cluster']> = {
    name: cluster.name,
    endpoint: cluster.rest.socket ?? cluster.rest.url ?? '',
    partitions: [],
    nodes: [],
  };
  if (!client) return { view: { ...view, error: connectError }, listing: [] };
  const [jobs, parts, nodes] = await Promise.all([
    client.listJobs(),
    client.partitions(),
    client.nodes(),
  ]);
  const errors = [jobs, parts, nodes].flatMap((r) => (r.ok ? [] : [r.error.message]));
  if (errors.length > 0) view.error = errors.join('; ');
  if (parts.ok) {
    view.partitions = parts.value.map((p) => ({
      name: p.name,
      state: p.state,
      nodes: p.nodes,
      cpus: p.totalCpus,
    }));
  }
  if (nodes.ok) {
    view.nodes = nodes.value.map((n) => ({
      name: n.name,
      state: n.state.join('+'),
      cpus: n.cpus,
      allocCpus: n.allocCpus,
    }));
  }
  return { view, listing: jobs.ok ? jobs.value : [] };
}

/** One picture of the queue: the store's unfinished jobs against Slurm's listing. */
export async function queueSnapshot(
  store: Store,
  config: OffloadConfig,
  client?: SlurmClient,
  connectError?: string,
): Promise<QueueSnapshot> {
  const cluster = config.clusters.length > 0 ? pickCluster(config) : undefined;
  const seen = cluster ? await clusterView(client, cluster, connectError) : undefined;
  const listing = seen?.listing ?? [];
  // The Slurm modules load only for this view: other commands start faster without them.
  const { indexTasks } = await import('../../backends/slurm/backend.js');
  const index = indexTasks(listing);
  const jobs = store.unfinishedJobs().map((j) => jobView(store, j.id, index));
  const claimed = new Set(jobs.map((j) => j.jobId));
  const orphans = listing
    .filter((j) => j.comment.startsWith('offload ') && jobPhase(j) !== 'finished')
    .filter((j) => !claimed.has(j.comment.split(' ')[1]!))
    .map((j) => ({ slurmJobId: slurmId(j), name: j.name, state: j.state, comment: j.comment }));
  return {
    at: new Date().toISOString(),
    cluster: seen?.view,
    jobs,
    orphans,
    local: {
      workers: config.local.workers,
      running: jobs.reduce((n, j) => n + j.localRunning, 0),
    },
  };
}

function render(s: QueueSnapshot): string {
  const out: string[] = [`offload queue  ${s.at}`];
  if (s.cluster) {
    const c = s.cluster;
    out.push(`cluster ${c.name} (${c.endpoint})${c.error ? `  UNREACHABLE: ${c.error}` : ''}`);
    for (const p of c.partitions) {
      out.push(`  partition ${p.name.padEnd(12)} ${p.state.padEnd(8)} ${p.nodes ?? ''}`);
    }
    for (const n of c.nodes) {
      out.push(`  node ${n.name.padEnd(17)} ${n.state.padEnd(8)} cpus ${n.allocCpus}/${n.cpus}`);
    }
  } else {
    out.push('cluster: none configured (local workers only)');
  }
  out.push(`local pool: ${s.local.running} of ${s.local.workers} workers busy`, '');
  if (s.jobs.length === 0) out.push('no unfinished jobs');
  for (const j of s.jobs) {
    const arrays = j.slurmArrays.length > 0 ? `  slurm ${j.slurmArrays.join(',')}` : '';
    out.push(
      `${j.jobId}  ${j.name}  ${j.state}  target ${j.target}  ` +
        `${j.batchesDone}/${j.batches ?? '?'} batches${arrays}`,
    );
    for (const t of j.tasks) {
      const where = t.externalId ? ` ${t.externalId}` : '';
      const why = t.reason ? ` (${t.reason})` : t.node ? ` on ${t.node}` : '';
      out.push(`  batch ${t.batch} attempt ${t.attempt} ${t.backend}${where} ${t.state}${why}`);
    }
  }
  if (s.orphans.length > 0) {
    out.push('', 'Slurm jobs of Offload that no unfinished job claims:');
    for (const o of s.orphans) out.push(`  ${o.slurmJobId}  ${o.state}  ${o.comment}`);
  }
  return out.join('\n') + '\n';
}

async function connect(config: OffloadConfig): Promise<{ client?: SlurmClient; error?: string }> {
  if (config.clusters.length === 0) return {};
  const { clientForRest } = await import('../../backends/slurm/client.js');
  const created = await clientForRest(pickCluster(config).rest);
  return created.ok ? { client: created.value } : { error: created.error.message };
}

export function register(program: Command): void {
  program
    .command('queue')
    .description(
      'Offload jobs with their Slurm array tasks, the cluster and the local pool ' +
        "(with --server, the daemon's queue)",
    )
    .option('--watch', 'redraw every poll interval until interrupted')
    .option('--json', 'print JSON (one line per refresh with --watch)')
    .action(
      action(async (opts: { watch?: boolean; json?: boolean }, cmd: Command) => {
        const config = await configOf(globals(cmd));
        const store = openStore(globals(cmd));
        const { client, error } = await connect(config);
        const interval = config.clusters.length > 0 ? pickCluster(config).slurm.pollInterval : 2;
        try {
          for (;;) {
            const snap = await queueSnapshot(store, config, client, error);
            if (opts.json) printJson(snap);
            else process.stdout.write(`${opts.watch ? '\x1b[2J\x1b[H' : ''}${render(snap)}`);
            if (!opts.watch) break;
            await new Promise((resolve) => setTimeout(resolve, interval * 1000));
          }
        } finally {
          store.close();
          await client?.close();
        }
      }),
    );
}
