// One job's life: split the dataset into batch files, hand batches to backends,
// verify every output, retry what failed, and reassemble. Every step is recorded in
// the store first, so a process killed at any moment resumes without losing or
// redoing verified work.
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { sha256Hex } from '../digest.js';
import { OffloadError, isOffloadError, type ErrorCode } from '../errors.js';
import { codec } from '../datasets/codecs.js';
import { readBatches } from '../datasets/readers.js';
import { scanLineRanges, type FrameTask, type LineRange } from '../datasets/ranges.js';
import type { FrameOutcome } from '../runner/worker.js';
import type { Catalog, KernelEntry } from '../kernels/catalog.js';
import { writeAtomic } from '../runner/run-batch.js';
import type { Store, StoredBatch } from '../store/store.js';
import type {
  AttemptFailure,
  AttemptSink,
  AttemptSpec,
  Backend,
  JobContext,
  RunnerResult,
} from '../backends/types.js';
import { MapAssembler, assemble, outputCodec, type AssemblyWork } from './assemble.js';
import type { JobSpec } from './spec.js';
import { verifyOutput, type VerifyOutcome, type VerifyTask } from './verify.js';
import type { EventRecord, JobRecord, JobState } from './types.js';

export interface RunDeps {
  store: Store;
  catalog: Catalog;
  log: Logger;
  /** Picks the backend for a batch: the dispatcher's policy lives with the engine. */
  backendFor(run: JobRun, batchIndex: number): Backend;
  backends: Map<string, Backend>;
  /**
   * Where a failed batch should go instead of being retried where it failed, and why;
   * undefined to retry as the dispatcher picks. Every answer becomes a fallback event.
   */
  fallbackFor?(
    run: JobRun,
    batchIndex: number,
    from: Backend,
    failure: AttemptFailure,
  ): { to: Backend; reason: string } | undefined;
  emit(event: EventRecord): void;
  /** Frames a byte range of a lines dataset off the main thread, when a pool is there. */
  framer?: (task: FrameTask) => Promise<FrameOutcome>;
  /** How many framing tasks may be queued at once (the local pool's size). */
  framingAhead?: number;
  /** Verifies batch outputs off the main thread, when a pool is there. */
  verifier?: (task: VerifyTask) => Promise<VerifyOutcome>;
  /** Copies parts into a map job's result and hashes it off the main thread, likewise. */
  assembly?: AssemblyWork;
}

/** How often a running job checks whether another process cancelled it. */
const CANCEL_POLL_MS = 500;

function pad(i: number): string {
  return String(i).padStart(6, '0');
}

interface InFlight {
  attemptId: number;
  batchIndex: number;
  backend: Backend;
}

export class JobRun {
  readonly id: string;
  readonly spec: JobSpec;
  readonly entry: KernelEntry;
  readonly ctx: JobContext;
  readonly log: Logger;
  private readonly deps: RunDeps;
  private readonly inflight = new Map<number, InFlight>();
  private splitDone = false;
  private total = 0;
  private done = 0;
  private finished = false;
  private settle!: (err?: Error) => void;
  private readonly allDone: Promise<void>;
  /** Removal of the work folder after success; the engine awaits it when it closes. */
  cleanup: Promise<void> = Promise.resolve();
  /** Builds a map job's result as batches finish in order. */
  private readonly assembler: MapAssembler | undefined;

  constructor(
    deps: RunDeps,
    job: JobRecord,
    spec: JobSpec,
    entry: KernelEntry,
    params: Buffer,
    seed: Buffer,
    workDir: string,
  ) {
    this.deps = deps;
    this.id = job.id;
    this.spec = spec;
    this.entry = entry;
    this.log = deps.log.child({ jobId: job.id });
    this.ctx = {
      jobId: job.id,
      kernel: entry,
      kernelPath: deps.catalog.path(entry),
      module: () => deps.catalog.module(entry),
      params,
      seed,
      workDir,
      cluster: spec.cluster,
      maxQueueWait: spec.maxQueueWait,
      render:
        entry.kind === 'map' ? { output: spec.output, codec: outputCodec(spec, entry) } : undefined,
      log: this.log,
    };
    this.assembler =
      entry.kind === 'map' ? new MapAssembler(job.id, spec, entry, deps.assembly) : undefined;
    this.allDone = new Promise<void>((resolve, reject) => {
      this.settle = (err) => (err ? reject(err) : resolve());
    });
    this.allDone.catch(() => undefined);
  }

  private event(type: string, data: Record<string, unknown> = {}): void {
    this.deps.emit(this.deps.store.addEvent(this.id, type, data));
  }

  private setState(state: JobState, extra: Record<string, unknown> = {}): void {
    const now = Date.now();
    const fields: Parameters<Store['updateJob']>[1] = { state };
    if (state === 'splitting' || state === 'running') {
      const job = this.deps.store.job(this.id);
      if (job && job.startedAt === null) fields.startedAt = now;
    }
    if (state === 'succeeded' || state === 'failed' || state === 'cancelled') fields.endedAt = now;
    this.deps.store.updateJob(this.id, fields);
    this.event('job.state', { state, ...extra });
  }

  /** Runs the job to a terminal state; never rejects. */
  async execute(): Promise<void> {
    const { store } = this.deps;
    const started = Date.now();
    const watch = setInterval(() => this.noticeOutsideCancel(), CANCEL_POLL_MS);
    watch.unref();
    try {
      await mkdir(join(this.ctx.workDir, 'batches'), { recursive: true, mode: 0o700 });
      await mkdir(join(this.ctx.workDir, 'outputs'), { recursive: true, mode: 0o700 });
      await this.recoverAttempts();
      const job = store.job(this.id)!;
      this.done = job.batchesDone;
      if (job.batches === null) {
        this.setState('splitting');
        await this.split();
      } else {
        this.total = job.batches;
        this.splitDone = true;
        this.setState('running');
        this.scheduleRemaining();
      }
      this.checkDone();
      await this.allDone;
      if (this.finished) return;
      this.setState('assembling');
      const batches = store.batches(this.id);
      const totalRecords = store.job(this.id)!.records ?? 0;
      const result = this.assembler
        ? await this.assembler.finish(batches, totalRecords)
        : await assemble({
            jobId: this.id,
            spec: this.spec,
            entry: this.entry,
            catalog: this.deps.catalog,
            params: this.ctx.params,
            batches,
          });
      if (this.finished) return;
      this.finished = true;
      store.updateJob(this.id, { outputSha256: result.sha256 });
      store.deleteSecrets(this.id);
      const seconds = (Date.now() - started) / 1000;
      this.setState('succeeded', { output: this.spec.output.path, sha256: result.sha256, seconds });
      this.log.info({ output: this.spec.output.path, seconds }, 'job succeeded');
      // The job is done once its result is in place; its batch files go afterwards.
      this.cleanup = rm(this.ctx.workDir, { recursive: true, force: true }).catch((err: Error) =>
        this.log.warn({ err: err.message }, 'work folder not removed'),
      );
    } catch (err) {
      await this.fail(err);
    } finally {
      clearInterval(watch);
    }
  }

  private async fail(err: unknown): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.assembler?.abort();
    const message = isOffloadError(err)
      ? err.message
      : `internal error: ${(err as Error)?.stack ?? err}`;
    await this.stopInflight('cancelled');
    this.deps.store.updateJob(this.id, { error: message });
    this.setState('failed', { error: message });
    this.log.error({ err: message }, 'job failed');
  }

  /**
   * `offload cancel` from another process marks the job cancelled in the store; the
   * process running it notices here and stops its batches.
   */
  private noticeOutsideCancel(): void {
    if (this.finished || this.deps.store.job(this.id)?.state !== 'cancelled') return;
    this.finished = true;
    this.log.info('job cancelled from another process');
    this.stopInflight('cancelled')
      .then(() => this.assembler?.abort())
      .finally(() => this.settle());
  }

  /**
   * Lets go of the job without ending it, as the process shuts down: attempts stay
   * open in the store, so the next process reattaches to those that can outlive this
   * one (Slurm tasks) and redoes the rest, as after a crash. Later reports are ignored.
   */
  async detach(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.inflight.clear();
    await this.assembler?.abort();
    this.log.info('job left for the next process to resume');
    this.settle();
  }

  async cancel(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.stopInflight('cancelled');
    await this.assembler?.abort();
    this.deps.store.deleteSecrets(this.id);
    this.setState('cancelled');
    this.log.info('job cancelled');
    this.settle();
  }

  private async stopInflight(state: 'cancelled'): Promise<void> {
    const byBackend = new Map<Backend, number[]>();
    for (const f of this.inflight.values()) {
      byBackend.set(f.backend, [...(byBackend.get(f.backend) ?? []), f.attemptId]);
      this.deps.store.closeAttempt(f.attemptId, state);
    }
    this.inflight.clear();
    for (const [backend, ids] of byBackend) {
      await backend
        .cancel(this.ctx, ids)
        .catch((e: Error) => this.log.warn({ err: e.message }, 'cancel failed'));
    }
  }

  /** Attempts left running by a previous process: reattach where possible, else redo. */
  private async recoverAttempts(): Promise<void> {
    const { store } = this.deps;
    const byBackend = new Map<Backend, AttemptSpec[]>();
    for (const a of store.runningAttempts(this.id)) {
      const backend = this.deps.backends.get(a.backend);
      const batch = store.batch(this.id, a.batchIndex)!;
      if (backend?.reattach && a.externalId && batch.state !== 'done') {
        const spec = this.attemptSpec(a.id, a.batchIndex, a.number);
        spec.externalId = a.externalId;
        this.inflight.set(a.id, { attemptId: a.id, batchIndex: a.batchIndex, backend });
        byBackend.set(backend, [...(byBackend.get(backend) ?? []), spec]);
        continue;
      }
      store.closeAttempt(a.id, 'lost', 'the orchestrator stopped while it ran');
      if (batch.state === 'running') store.setBatchState(this.id, a.batchIndex, 'pending');
      this.event('attempt.lost', { batch: a.batchIndex, attempt: a.number, backend: a.backend });
    }
    for (const [backend, specs] of byBackend) {
      await backend.reattach!(this.ctx, specs, this.sink(backend));
      this.event('job.reattached', { backend: backend.name, attempts: specs.length });
    }
  }

  private async split(): Promise<void> {
    const { store } = this.deps;
    const existing = new Map(store.batches(this.id).map((b) => [b.index, b]));
    const inCodec = codec(this.spec.input.codec ?? this.entry.codecs.input, 'input.codec');
    try {
      await stat(this.spec.input.path);
    } catch (cause) {
      throw new OffloadError('INPUT_NOT_FOUND', `input.path: cannot read ${this.spec.input.path}`, {
        field: 'input.path',
        cause,
      });
    }
    if (this.spec.input.format === 'lines' && this.deps.framer) {
      await this.splitRanges(existing, inCodec.name);
      return;
    }
    let index = 0;
    let records = 0;
    for await (const batch of readBatches(this.spec.input, inCodec, this.spec.batch.records)) {
      if (this.finished) return;
      const known = existing.get(index);
      const path = join(this.ctx.workDir, 'batches', `${pad(index)}.in`);
      const digest = sha256Hex(batch.file);
      if (!known) {
        await writeAtomic(path, batch.file);
        store.insertBatch({
          jobId: this.id,
          index,
          records: batch.count,
          firstRecord: batch.firstRecord,
          inputPath: path,
          inputSha256: digest,
        });
        this.schedule(index);
      } else if (known.inputSha256 !== digest) {
        throw new OffloadError(
          'INPUT_NOT_FOUND',
          `input.path: ${this.spec.input.path} changed since the job began ` +
            `(batch ${index} differs)`,
          { field: 'input.path' },
        );
      } else if (known.state !== 'done' && !this.isInflight(index)) {
        await writeAtomic(path, batch.file);
        this.schedule(index);
      }
      index++;
      records += batch.count;
    }
    this.splitFinished(index, records);
  }

  /** Splits a lines dataset by byte ranges that worker threads frame in parallel. */
  private async splitRanges(existing: Map<number, StoredBatch>, codecName: string): Promise<void> {
    const framing: Promise<void>[] = [];
    const active = new Set<Promise<void>>();
    let index = 0;
    let records = 0;
    for await (const range of scanLineRanges(this.spec.input.path, this.spec.batch.records)) {
      if (this.finished) return;
      const known = existing.get(range.index);
      if (!known) {
        // Frame only a little ahead, so that batch runs queue between the framing
        // tasks and the first results come early instead of after the whole split.
        while (active.size >= (this.deps.framingAhead ?? 2)) await Promise.race(active);
        const task = this.frameAndSchedule(range, codecName);
        active.add(task);
        task.then(
          () => active.delete(task),
          () => active.delete(task),
        );
        framing.push(task);
      } else if (known.state !== 'done' && !this.isInflight(range.index))
        this.schedule(range.index);
      index++;
      records += range.count;
    }
    await Promise.all(framing);
    this.splitFinished(index, records);
  }

  private async frameAndSchedule(range: LineRange, codecName: string): Promise<void> {
    const path = join(this.ctx.workDir, 'batches', `${pad(range.index)}.in`);
    const framed = await this.deps.framer!({
      op: 'frame',
      path: this.spec.input.path,
      range,
      codec: codecName,
      outPath: path,
    });
    if (!framed.ok) {
      throw new OffloadError(framed.code as ErrorCode, framed.message, { record: framed.record });
    }
    if (this.finished) return;
    this.deps.store.insertBatch({
      jobId: this.id,
      index: range.index,
      records: framed.count,
      firstRecord: range.firstRecord,
      inputPath: path,
      inputSha256: framed.sha256,
    });
    this.schedule(range.index);
  }

  private splitFinished(index: number, records: number): void {
    // A batch may have failed the job while the last ranges were being framed: its
    // state is final, and must not turn back to running.
    if (this.finished) return;
    const { store } = this.deps;
    if (index === 0) {
      throw new OffloadError(
        'RECORD_INVALID',
        `input.path: ${this.spec.input.path} holds no records`,
        {
          field: 'input.path',
        },
      );
    }
    this.total = index;
    store.updateJob(this.id, { records, batches: index });
    this.splitDone = true;
    this.event('job.split', { records, batches: index });
    this.setState('running');
    this.log.info({ records, batches: index }, 'job split');
  }

  private isInflight(index: number): boolean {
    for (const f of this.inflight.values()) if (f.batchIndex === index) return true;
    return false;
  }

  private scheduleRemaining(): void {
    for (const b of this.deps.store.batches(this.id)) {
      if (b.state !== 'done' && !this.isInflight(b.index)) this.schedule(b.index);
    }
  }

  private attemptSpec(attemptId: number, batchIndex: number, number: number): AttemptSpec {
    const b = this.deps.store.batch(this.id, batchIndex)!;
    const outputPath = join(this.ctx.workDir, 'outputs', `${pad(batchIndex)}.a${number}.out`);
    return {
      attemptId,
      batchIndex,
      number,
      inputPath: b.inputPath,
      inputSha256: b.inputSha256,
      records: b.records,
      firstRecord: b.firstRecord,
      outputPath,
      partPath: `${outputPath}.part`,
    };
  }

  /** Opens an attempt at a batch on the backend the dispatcher picks, and starts it. */
  schedule(batchIndex: number, backend?: Backend): void {
    if (this.finished) return;
    const chosen = backend ?? this.deps.backendFor(this, batchIndex);
    const attempt = this.deps.store.openAttempt(this.id, batchIndex, chosen.name);
    this.inflight.set(attempt.id, { attemptId: attempt.id, batchIndex, backend: chosen });
    const spec = this.attemptSpec(attempt.id, batchIndex, attempt.number);
    chosen.start(this.ctx, [spec], this.sink(chosen)).catch((err: Error) => {
      this.sink(chosen).failed(attempt.id, {
        message: err.message,
        reason: 'refused',
        retryable: true,
      });
    });
  }

  private sink(backend: Backend): AttemptSink {
    return {
      started: (attemptId, info) => {
        if (!this.inflight.has(attemptId)) return;
        this.deps.store.setAttemptStarted(attemptId, info.where, info.externalId);
        const a = this.deps.store.attempt(attemptId)!;
        this.event('batch.started', {
          batch: a.batchIndex,
          attempt: a.number,
          backend: backend.name,
          where: info.where,
        });
      },
      finished: (attemptId, result) => {
        this.onFinished(backend, attemptId, result).catch((err) => this.fail(err));
      },
      failed: (attemptId, failure) => this.onFailed(backend, attemptId, failure),
    };
  }

  /** Checks the output (and rendered part) on disk against what the runner reported. */
  private async verify(spec: AttemptSpec, result: RunnerResult): Promise<void> {
    const task: VerifyTask = {
      op: 'verify',
      batchIndex: spec.batchIndex,
      outputPath: spec.outputPath,
      sha256: result.sha256,
      records: this.entry.kind === 'map' ? spec.records : 1,
    };
    if (result.partSha256 && spec.partPath) {
      task.partPath = spec.partPath;
      task.partSha256 = result.partSha256;
    }
    const outcome = await (this.deps.verifier ?? verifyOutput)(task);
    if (!outcome.ok) throw new OffloadError('OUTPUT_UNVERIFIED', outcome.message);
  }

  private async onFinished(
    backend: Backend,
    attemptId: number,
    result: RunnerResult,
  ): Promise<void> {
    const flight = this.inflight.get(attemptId);
    if (!flight || this.finished) return;
    const { store } = this.deps;
    const a = store.attempt(attemptId)!;
    const spec = this.attemptSpec(attemptId, a.batchIndex, a.number);
    try {
      await this.verify(spec, result);
    } catch (err) {
      this.onFailed(backend, attemptId, {
        message: (err as Error).message,
        reason: 'output-unverified',
        retryable: true,
      });
      return;
    }
    if (!this.inflight.delete(attemptId) || this.finished) return;
    const won = store.tx(() => {
      store.closeAttempt(attemptId, 'succeeded');
      const first = store.completeBatch({
        jobId: this.id,
        index: a.batchIndex,
        outputPath: spec.outputPath,
        outputSha256: result.sha256,
        partSha256: result.partSha256 ?? null,
        backend: backend.name,
        where: result.host,
        seconds: result.seconds,
      });
      if (first) store.updateJob(this.id, { batchesDone: store.job(this.id)!.batchesDone + 1 });
      return first;
    });
    if (!won) return;
    this.assembler?.verified(a.batchIndex);
    this.done = store.job(this.id)!.batchesDone;
    await this.cancelRivals(a.batchIndex);
    this.event('batch.done', {
      batch: a.batchIndex,
      attempt: a.number,
      backend: backend.name,
      where: result.host,
      seconds: result.seconds,
      records: result.records,
      batchesDone: this.done,
      batches: this.splitDone ? this.total : null,
    });
    this.pumpAssembly();
    this.checkDone();
  }

  private pumpAssembly(): void {
    if (!this.assembler || this.finished) return;
    const { store } = this.deps;
    const total = this.splitDone ? store.job(this.id)!.records : null;
    this.assembler.pump((i) => store.batch(this.id, i), total).catch((err) => this.fail(err));
  }

  /** The first verified output of a batch wins; other attempts at it are stopped. */
  private async cancelRivals(batchIndex: number): Promise<void> {
    for (const f of [...this.inflight.values()]) {
      if (f.batchIndex !== batchIndex) continue;
      this.inflight.delete(f.attemptId);
      this.deps.store.closeAttempt(f.attemptId, 'cancelled', 'another attempt finished first');
      await f.backend.cancel(this.ctx, [f.attemptId]).catch(() => undefined);
    }
  }

  private onFailed(backend: Backend, attemptId: number, failure: AttemptFailure): void {
    const flight = this.inflight.get(attemptId);
    if (!flight || this.finished) return;
    this.inflight.delete(attemptId);
    const { store } = this.deps;
    store.closeAttempt(attemptId, 'failed', failure.message);
    const a = store.attempt(attemptId)!;
    const batch = store.batch(this.id, a.batchIndex)!;
    if (batch.state === 'done') return;
    // A move to another backend (the cluster is down, say) is the dispatcher's policy,
    // not a retry of the batch: it happens with `retries: 0` too.
    const fallback = failure.retryable
      ? this.deps.fallbackFor?.(this, a.batchIndex, backend, failure)
      : undefined;
    const willRetry =
      fallback !== undefined || (failure.retryable && batch.attempts <= this.spec.retries);
    this.event('batch.failed', {
      batch: a.batchIndex,
      attempt: a.number,
      backend: backend.name,
      reason: failure.reason,
      message: failure.message,
      willRetry,
    });
    this.log.warn(
      { batch: a.batchIndex, attempt: a.number, reason: failure.reason },
      'batch attempt failed',
    );
    if (this.isInflight(a.batchIndex)) return;
    if (fallback) {
      this.moveBatch(a.batchIndex, fallback.to, fallback.reason, backend.name);
      return;
    }
    if (willRetry) {
      this.schedule(a.batchIndex);
      return;
    }
    store.setBatchState(this.id, a.batchIndex, 'failed');
    const err = new OffloadError(
      failure.reason === 'bad-record' ? 'RECORD_INVALID' : 'KERNEL_FAILED',
      failure.message,
      {
        record: failure.record,
      },
    );
    this.fail(err).finally(() => this.settle(err));
  }

  private checkDone(): void {
    if (this.splitDone && this.done >= this.total) this.settle();
  }

  /** Batches verified and batches in all, for progress displays. */
  progress(): { done: number; total: number | null } {
    return { done: this.done, total: this.splitDone ? this.total : null };
  }

  /** Moves one batch to another backend, recording why (fallback). */
  moveBatch(batchIndex: number, to: Backend, reason: string, from: string): void {
    this.event('fallback', { batch: batchIndex, from, to: to.name, reason });
    this.log.warn({ batch: batchIndex, from, to: to.name, reason }, 'batch falls back');
    this.schedule(batchIndex, to);
  }
}
