// Prometheus metrics. Counters are fed from the engine's events as they happen;
// gauges of jobs and batches by state are read from the engine when scraped, so they
// are right after a restart without replaying history.
import { createServer, type Server } from 'node:http';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { JOB_STATES, type EventRecord, type JobService, type JobState } from '../jobs/types.js';

const ACTIVE: readonly JobState[] = ['pending', 'splitting', 'running', 'assembling'];

/** What one event means to the metrics; the engine's event vocabulary is mapped here. */
export interface EventFacts {
  jobState?: JobState;
  batch?: { state: string; backend?: string; records?: number; seconds?: number };
  fallbackReason?: string;
}

/**
 * Registers Offload's metrics in `registry`, fed from `service`'s events. Returns a
 * function that stops listening (the metrics stay registered).
 */
export function registerMetrics(
  service: JobService,
  registry: Registry,
  read: (event: EventRecord) => EventFacts = eventFacts,
): () => void {
  const kernelOf = new Map<string, string>();
  const m = defineMetrics(service, registry);
  return service.subscribe((event) => {
    const facts = read(event);
    if (facts.jobState) m.jobTransitions.inc({ state: facts.jobState });
    if (facts.fallbackReason) m.fallbacks.inc({ reason: facts.fallbackReason });
    const batch = facts.batch;
    if (!batch) return;
    m.batches.inc({ state: batch.state, backend: batch.backend ?? 'unknown' });
    if (batch.records !== undefined && batch.seconds && batch.seconds > 0) {
      let kernel = kernelOf.get(event.jobId);
      if (!kernel) {
        kernel = service.get(event.jobId)?.kernel ?? 'unknown';
        kernelOf.set(event.jobId, kernel);
      }
      m.kernelRecords.inc({ kernel }, batch.records);
      m.kernelRate.observe({ kernel }, batch.records / batch.seconds);
    }
  });
}

function defineMetrics(service: JobService, registry: Registry) {
  const registers = [registry];
  new Gauge({
    name: 'offload_jobs',
    help: 'Jobs in the store by state.',
    labelNames: ['state'],
    registers,
    collect() {
      const { jobs } = service.counts();
      for (const state of JOB_STATES) this.set({ state }, jobs[state] ?? 0);
    },
  });
  new Gauge({
    name: 'offload_active_batches',
    help: 'Batches of unfinished jobs by state.',
    labelNames: ['state'],
    registers,
    collect() {
      const counts = {
        pending: 0,
        running: 0,
        done: 0,
        failed: 0,
        ...service.counts().activeBatches,
      };
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    },
  });
  new Gauge({
    name: 'offload_queue_depth',
    help: 'Jobs accepted and not yet finished.',
    registers,
    collect() {
      const { jobs } = service.counts();
      this.set(ACTIVE.reduce((sum, state) => sum + (jobs[state] ?? 0), 0));
    },
  });
  return {
    jobTransitions: new Counter({
      name: 'offload_job_transitions_total',
      help: 'Jobs that entered each state since the server started.',
      labelNames: ['state'],
      registers,
    }),
    batches: new Counter({
      name: 'offload_batches_total',
      help: 'Batch attempts started, done, failed or lost, by the backend that ran them.',
      labelNames: ['state', 'backend'],
      registers,
    }),
    fallbacks: new Counter({
      name: 'offload_fallbacks_total',
      help: 'Batches moved from one backend to another, by reason.',
      labelNames: ['reason'],
      registers,
    }),
    kernelRecords: new Counter({
      name: 'offload_kernel_records_total',
      help: 'Records processed by each kernel.',
      labelNames: ['kernel'],
      registers,
    }),
    kernelRate: new Histogram({
      name: 'offload_kernel_records_per_second',
      help: 'Records per second of each finished batch, by kernel.',
      labelNames: ['kernel'],
      // Decades from 10 to 10^7 records/s: a Paillier batch sits near the bottom,
      // SHA-256 of short records near the top.
      buckets: [10, 100, 1e3, 1e4, 1e5, 1e6, 1e7],
      registers,
    }),
  };
}

/** The engine's events (orchestrator/src/jobs/run.ts), read into metric facts. */
export function eventFacts(event: EventRecord): EventFacts {
  const data = event.data ?? {};
  const str = (key: string): string | undefined =>
    typeof data[key] === 'string' ? (data[key] as string) : undefined;
  const num = (key: string): number | undefined =>
    typeof data[key] === 'number' ? (data[key] as number) : undefined;
  switch (event.type) {
    case 'job.submitted':
      return { jobState: 'pending' };
    case 'job.state': {
      const state = str('state') as JobState | undefined;
      return state && JOB_STATES.includes(state) ? { jobState: state } : {};
    }
    case 'batch.started':
      return { batch: { state: 'running', backend: str('backend') } };
    case 'batch.done':
      return {
        batch: {
          state: 'done',
          backend: str('backend'),
          records: num('records'),
          seconds: num('seconds'),
        },
      };
    case 'batch.failed':
      return { batch: { state: 'failed', backend: str('backend') } };
    case 'attempt.lost':
      return { batch: { state: 'lost', backend: str('backend') } };
    case 'fallback':
      return { fallbackReason: str('reason') ?? 'unknown' };
    default:
      return {};
  }
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/** Serves `registry` at /metrics over plain HTTP, as Prometheus scrapes it. */
export function startMetricsServer(
  opts: { port: number; host?: string },
  registry: Registry,
): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end('metrics failed\n'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : opts.port;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Scrapers keep connections alive; close() alone would wait for them.
            server.closeAllConnections();
          }),
      });
    });
  });
}
