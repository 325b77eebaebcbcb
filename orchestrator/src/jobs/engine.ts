// The job engine: validates and stores submitted jobs, runs each as a JobRun, and
// answers the queries of the CLI and the gRPC service. It picks a backend per batch
// but knows nothing of how a backend runs one.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { stat } from 'node:fs/promises';
import type { Logger } from 'pino';
import { OffloadError, show } from '../errors.js';
import type { Backend } from '../backends/types.js';
import type { Catalog } from '../kernels/catalog.js';
import { encodeParams } from '../kernels/params.js';
import type { Home } from '../home.js';
import { MasterKey } from '../store/secrets.js';
import { Store } from '../store/store.js';
import { JobRun, type RunDeps } from './run.js';
import { LocalBackend } from '../backends/local/local.js';
import { anchorParamFiles, resolveParamValues, validateSpec, type JobSpec } from './spec.js';
import { fingerprint } from './fingerprint.js';
import { registerPaillierParams } from '../crypto/paillier/expander.js';
import {
  TERMINAL_STATES,
  type AttemptRecord,
  type BatchRecord,
  type EventRecord,
  type JobFilter,
  type JobRecord,
  type JobService,
} from './types.js';

export interface EngineOptions {
  home: Home;
  catalog: Catalog;
  log: Logger;
  backends: Backend[];
  /** Overrides the dispatcher: which backend runs a batch of a job. */
  backendFor?: (run: JobRun, batchIndex: number) => Backend;
  /** Where a failed batch goes instead of a plain retry (see RunDeps.fallbackFor). */
  fallbackFor?: RunDeps['fallbackFor'];
}

const SEED_SECRET = 'seed';

export class Engine implements JobService {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly home: Home;
  readonly log: Logger;
  readonly backends: Map<string, Backend>;
  private readonly master: MasterKey;
  private readonly cleanups = new Set<Promise<void>>();
  private readonly runs = new Map<string, { run: JobRun; done: Promise<void> }>();
  private readonly bus = new EventEmitter();
  private readonly pickBackend: (run: JobRun, batchIndex: number) => Backend;
  private readonly fallbackFor: RunDeps['fallbackFor'];

  constructor(options: EngineOptions) {
    // Specs may name a Paillier public key file however they reach the engine.
    registerPaillierParams();
    this.home = options.home;
    this.catalog = options.catalog;
    this.log = options.log;
    this.store = new Store(options.home.database);
    this.master = MasterKey.open(options.home.masterKey);
    this.backends = new Map(options.backends.map((b) => [b.name, b]));
    this.bus.setMaxListeners(0);
    this.pickBackend = options.backendFor ?? ((run) => this.defaultBackend(run.spec));
    this.fallbackFor = options.fallbackFor;
  }

  private defaultBackend(spec: JobSpec): Backend {
    const wanted =
      spec.target === 'auto' ? (this.backends.has('slurm') ? 'slurm' : 'local') : spec.target;
    const backend = this.backends.get(wanted);
    if (!backend) {
      throw new OffloadError('BACKEND_UNAVAILABLE', `target: no ${wanted} backend is configured`, {
        field: 'target',
      });
    }
    if (spec.cluster !== undefined && backend.name !== 'local') {
      const serves = (backend as { cluster?: { name: string } }).cluster?.name;
      if (serves !== spec.cluster) {
        throw new OffloadError(
          'BACKEND_UNAVAILABLE',
          `cluster: ${show(spec.cluster)} is not the cluster this Offload submits to ` +
            `(${serves ?? 'none'}); name it in the configuration or drop the field`,
          { field: 'cluster' },
        );
      }
    }
    return backend;
  }

  async submit(raw: unknown, options: { owner: string; baseDir?: string }): Promise<JobRecord> {
    const baseDir = options.baseDir ?? process.cwd();
    const spec = validateSpec(raw, this.catalog, baseDir);
    anchorParamFiles(spec, baseDir);
    const entry = this.catalog.get(spec.kernel);
    this.defaultBackend(spec);
    const values = await resolveParamValues(spec, entry);
    let info;
    try {
      info = await stat(spec.input.path);
    } catch (cause) {
      throw new OffloadError(
        'INPUT_NOT_FOUND',
        `input.path: cannot read ${show(spec.input.path)}`,
        {
          field: 'input.path',
          cause,
        },
      );
    }
    if (!info.isFile()) {
      throw new OffloadError(
        'INPUT_NOT_FOUND',
        `input.path: ${show(spec.input.path)} is not a file`,
        {
          field: 'input.path',
        },
      );
    }
    const params = encodeParams(entry, values);
    const fp = fingerprint(spec, entry, info, this.master.digest(params));
    const existing = this.store.unfinishedByFingerprint(fp);
    if (existing && existing.owner === options.owner) {
      this.log.info({ jobId: existing.id }, 'same spec as an unfinished job: resuming it');
      await this.resume(existing.id);
      return this.store.job(existing.id)!;
    }

    const id = `j-${randomBytes(6).toString('hex')}`;
    const seed = randomBytes(32);
    this.store.tx(() => {
      this.store.insertJob({
        id,
        name: spec.name ?? spec.kernel,
        owner: options.owner,
        kernel: entry.name,
        kernelSha256: entry.sha256,
        state: 'pending',
        target: spec.target,
        spec,
        fingerprint: fp,
        outputPath: spec.output.path,
      });
      this.store.putSecret(id, SEED_SECRET, this.master.seal(seed, `${id}/${SEED_SECRET}`));
    });
    this.emit(
      this.store.addEvent(id, 'job.submitted', { kernel: entry.name, target: spec.target }),
    );
    this.log.info({ jobId: id, kernel: entry.name, target: spec.target }, 'job submitted');
    this.launch(this.store.job(id)!, spec, params, seed);
    return this.store.job(id)!;
  }

  /** Continues an unfinished job, reading its secrets again from their sources. */
  async resume(jobId: string): Promise<JobRecord> {
    const job = this.require(jobId);
    if (this.runs.has(jobId)) return job;
    if (TERMINAL_STATES.includes(job.state)) {
      throw new OffloadError(
        'JOB_STATE',
        `job ${jobId} is ${job.state}; only unfinished jobs resume`,
      );
    }
    const spec = job.spec as JobSpec;
    const entry = this.catalog.get(spec.kernel);
    if (entry.sha256 !== job.kernelSha256) {
      throw new OffloadError(
        'KERNEL_INVALID',
        `job ${jobId} ran kernel ${entry.name} with SHA-256 ${job.kernelSha256}; ` +
          `the catalogue now has ${entry.sha256}`,
      );
    }
    const params = encodeParams(entry, await resolveParamValues(spec, entry));
    const sealed = this.store.secret(jobId, SEED_SECRET);
    if (!sealed) throw new OffloadError('STORE_FAILED', `job ${jobId} has lost its seed`);
    const seed = this.master.open(sealed, `${jobId}/${SEED_SECRET}`);
    this.emit(this.store.addEvent(jobId, 'job.resumed', {}));
    this.launch(job, spec, params, seed);
    return job;
  }

  /** Resumes every unfinished job (a daemon at start-up). */
  async resumeAll(): Promise<string[]> {
    const ids: string[] = [];
    for (const job of this.store.unfinishedJobs()) {
      try {
        await this.resume(job.id);
        ids.push(job.id);
      } catch (err) {
        this.log.error({ jobId: job.id, err: (err as Error).message }, 'job cannot resume');
      }
    }
    return ids;
  }

  private launch(job: JobRecord, spec: JobSpec, params: Buffer, seed: Buffer): void {
    const run = new JobRun(
      {
        store: this.store,
        catalog: this.catalog,
        log: this.log,
        backends: this.backends,
        backendFor: this.pickBackend,
        fallbackFor: this.fallbackFor,
        emit: (e) => this.emit(e),
        framer: this.framer(),
        framingAhead: this.localWorkers(),
        verifier: this.verifier(),
        assembly: this.assembly(),
      },
      job,
      spec,
      this.catalog.get(spec.kernel),
      params,
      seed,
      this.home.jobDir(job.id),
    );
    const done = run.execute().finally(() => {
      this.runs.delete(job.id);
      this.cleanups.add(run.cleanup);
      run.cleanup.finally(() => this.cleanups.delete(run.cleanup));
    });
    this.runs.set(job.id, { run, done });
  }

  /** The local pool, which also splits, verifies and assembles for every job. */
  private localPool(): LocalBackend | undefined {
    const local = this.backends.get('local');
    return local instanceof LocalBackend ? local : undefined;
  }

  private localWorkers(): number | undefined {
    return this.localPool()?.workers;
  }

  /** Splitting runs on the local pool when there is one. */
  private framer(): RunDeps['framer'] {
    const local = this.localPool();
    return local && ((task) => local.frame(task));
  }

  /** So does the verification of batch outputs. */
  private verifier(): RunDeps['verifier'] {
    const local = this.localPool();
    return local && ((task) => local.verify(task));
  }

  /** And the copying and hashing that build a map job's result. */
  private assembly(): RunDeps['assembly'] {
    const local = this.localPool();
    return local && { append: (task) => local.append(task), digest: (task) => local.digest(task) };
  }

  private emit(event: EventRecord): void {
    this.bus.emit('event', event);
  }

  private require(jobId: string): JobRecord {
    const job = this.store.job(jobId);
    if (!job) throw new OffloadError('JOB_NOT_FOUND', `no job ${show(jobId)}`, { field: 'job' });
    return job;
  }

  get(jobId: string): JobRecord | undefined {
    return this.store.job(jobId);
  }

  list(filter: JobFilter): JobRecord[] {
    return this.store.jobs(filter);
  }

  counts(): { jobs: Record<string, number>; activeBatches: Record<string, number> } {
    return this.store.counts();
  }

  batches(jobId: string): BatchRecord[] {
    return this.store.batches(jobId);
  }

  attempts(jobId: string): AttemptRecord[] {
    return this.store.attempts(jobId);
  }

  events(jobId: string | undefined, afterId: number, limit?: number): EventRecord[] {
    return this.store.events(jobId, afterId, limit);
  }

  subscribe(listener: (event: EventRecord) => void): () => void {
    this.bus.on('event', listener);
    return () => this.bus.off('event', listener);
  }

  async cancel(jobId: string): Promise<JobRecord> {
    const job = this.require(jobId);
    const active = this.runs.get(jobId);
    if (active) {
      await active.run.cancel();
      await active.done;
    } else if (!TERMINAL_STATES.includes(job.state)) {
      this.store.updateJob(jobId, { state: 'cancelled', endedAt: Date.now() });
      this.store.deleteSecrets(jobId);
      this.emit(this.store.addEvent(jobId, 'job.state', { state: 'cancelled' }));
    }
    return this.require(jobId);
  }

  async wait(jobId: string): Promise<JobRecord> {
    const active = this.runs.get(jobId);
    if (active) await active.done;
    return this.require(jobId);
  }

  /** The running JobRun of a job, for dispatch policies and the admin view. */
  active(jobId: string): JobRun | undefined {
    return this.runs.get(jobId)?.run;
  }

  /**
   * Shuts down: running jobs are left unfinished, as a restart finds them (`resume`,
   * or `resumeAll` in a daemon), and only then do the backends stop.
   */
  async close(): Promise<void> {
    const active = [...this.runs.values()];
    await Promise.all(active.map(({ run }) => run.detach()));
    await Promise.all(active.map(({ done }) => done));
    await Promise.all(this.cleanups);
    for (const b of this.backends.values()) await b.close();
    this.store.close();
  }
}
