// The local backend: batches run on a piscina pool of worker threads on this machine,
// through the same runner a Slurm task uses.
import { hostname } from 'node:os';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { FrameTask } from '../../datasets/ranges.js';
import type { AppendOutcome, AppendTask, DigestOutcome, DigestTask } from '../../jobs/append.js';
import type { VerifyOutcome, VerifyTask } from '../../jobs/verify.js';
import type { RunnerOutcome, RunnerTask } from '../../runner/run-batch.js';
import type { FrameOutcome } from '../../runner/worker.js';
import { PRIORITY, PriorityTaskQueue, withPriority } from './queue.js';
import type { AttemptSink, AttemptSpec, Backend, JobContext } from '../types.js';

export interface LocalOptions {
  /** Worker threads; defaults to os.availableParallelism(). */
  workers?: number;
}

const WORKER = fileURLToPath(new URL('../../runner/worker.js', import.meta.url));

export class LocalBackend implements Backend {
  readonly name = 'local';
  readonly workers: number;
  private readonly pool: Piscina;
  private readonly running = new Map<number, AbortController>();

  constructor(options: LocalOptions = {}) {
    this.workers = options.workers ?? availableParallelism();
    this.pool = new Piscina({
      filename: WORKER,
      // All threads start with the pool, so a job's first batches wait for no thread.
      minThreads: this.workers,
      maxThreads: this.workers,
      idleTimeout: 30_000,
      taskQueue: new PriorityTaskQueue(),
    });
    // A worker that dies outside a task (terminated while the pool shuts down, for
    // one) is reported as an 'error' event; unheard, that event would end the process.
    this.pool.on('error', (err: Error) => {
      this.lastError = err.message;
    });
  }

  /** The last error a worker reported outside any task. */
  lastError: string | undefined;

  /** Threads busy and tasks waiting, for the admin view. */
  usage(): { workers: number; busy: number; queued: number } {
    return {
      workers: this.workers,
      busy: this.running.size - this.pool.queueSize,
      queued: this.pool.queueSize,
    };
  }

  get idle(): boolean {
    return this.running.size < this.workers;
  }

  /**
   * Resolves once every thread has started and loaded the runner. Threads start with
   * the pool but load their modules in the background; a caller that times a job, or
   * a daemon that should answer its first job at full speed, waits for them here.
   */
  async warm(): Promise<void> {
    const pings = Array.from({ length: this.workers }, () =>
      this.pool.run(withPriority({ op: 'ping' }, PRIORITY.verify)),
    );
    await Promise.all(pings);
  }

  /** Frames one byte range of a lines dataset on a worker thread (splitting). */
  frame(task: FrameTask): Promise<FrameOutcome> {
    return this.pool.run(withPriority(task, PRIORITY.frame)) as Promise<FrameOutcome>;
  }

  /** Verifies a batch output on a worker thread, ahead of any queued batch run. */
  verify(task: VerifyTask): Promise<VerifyOutcome> {
    return this.pool.run(withPriority(task, PRIORITY.verify)) as Promise<VerifyOutcome>;
  }

  /** Copies a verified part into a job's result on a worker thread, ahead of batch runs. */
  append(task: AppendTask): Promise<AppendOutcome> {
    return this.pool.run(withPriority(task, PRIORITY.verify)) as Promise<AppendOutcome>;
  }

  /** Hashes a job's assembled result on a worker thread. */
  digest(task: DigestTask): Promise<DigestOutcome> {
    return this.pool.run(withPriority(task, PRIORITY.verify)) as Promise<DigestOutcome>;
  }

  async start(ctx: JobContext, attempts: AttemptSpec[], sink: AttemptSink): Promise<void> {
    for (const a of attempts) this.startOne(ctx, a, sink);
  }

  private startOne(ctx: JobContext, a: AttemptSpec, sink: AttemptSink): void {
    const abort = new AbortController();
    this.running.set(a.attemptId, abort);
    const task: RunnerTask = {
      kernel: ctx.kernel,
      kernelPath: ctx.kernelPath,
      params: ctx.params,
      seed: ctx.seed,
      batchIndex: a.batchIndex,
      firstRecord: a.firstRecord,
      inputPath: a.inputPath,
      inputSha256: a.inputSha256,
      outputPath: a.outputPath,
    };
    if (ctx.render && a.partPath) task.render = { ...ctx.render, partPath: a.partPath };
    sink.started(a.attemptId, { where: `local:${hostname()}` });
    ctx
      .module()
      .then((module) => {
        // Compiled here, the module is shared: a thread that already has it ignores it.
        task.module = module;
        if (abort.signal.aborted) throw abort.signal.reason;
        return this.pool.run(withPriority(task, PRIORITY.run), { signal: abort.signal });
      })
      .then(
        (outcome: RunnerOutcome) => {
          if (!this.running.delete(a.attemptId)) return;
          if (outcome.ok) {
            const { ok: _ok, ...result } = outcome;
            sink.finished(a.attemptId, result);
          } else {
            sink.failed(a.attemptId, {
              message: outcome.message,
              reason: outcome.code === 'RECORD_INVALID' ? 'bad-record' : 'runner-error',
              retryable: outcome.code !== 'RECORD_INVALID' && outcome.code !== 'PARAM_INVALID',
              record: outcome.record,
            });
          }
        },
        (err: Error) => {
          if (!this.running.delete(a.attemptId)) return;
          sink.failed(a.attemptId, {
            message: err.message,
            reason: 'worker-error',
            retryable: true,
          });
        },
      );
  }

  async cancel(_ctx: JobContext, attemptIds: number[]): Promise<void> {
    for (const id of attemptIds) {
      const abort = this.running.get(id);
      if (abort) {
        this.running.delete(id);
        abort.abort();
      }
    }
  }

  async close(): Promise<void> {
    for (const abort of this.running.values()) abort.abort();
    this.running.clear();
    await this.pool.destroy();
  }
}
