// The dispatcher: which backend runs a batch, and when a batch leaves Slurm for the
// local workers. With `target: auto` batches go to Slurm while it is healthy; they fall
// back when slurmrestd stops answering, a submission is refused, a batch waits in the
// queue past the job's maxQueueWait, or a batch keeps failing on the cluster. Idle
// local workers also take batches still pending in the Slurm queue; the first verified
// output wins and JobRun cancels the other attempt. Every move goes through
// JobRun.moveBatch, which records a `fallback` event with its reason.
import { OffloadError } from '../errors.js';
import type { LocalBackend } from '../backends/local/local.js';
import type { SlurmBackend, TrackedTask } from '../backends/slurm/backend.js';
import type { AttemptFailure, Backend } from '../backends/types.js';
import type { Engine } from './engine.js';
import type { JobRun } from './run.js';
import { TERMINAL_STATES, type JobState } from './types.js';

export interface DispatchOptions {
  /** Failed Slurm attempts at one batch before it moves to local workers. */
  slurmFailuresBeforeFallback?: number;
  /** Whether idle local workers take batches still pending in the Slurm queue. */
  idleLocalTakesPending?: boolean;
}

export type FallbackReason =
  'slurmrestd-unreachable' | 'submission-refused' | 'queue-wait' | 'keeps-failing' | 'local-idle';

export class Dispatcher {
  readonly local?: LocalBackend;
  readonly slurm?: SlurmBackend;
  private readonly failuresBeforeFallback: number;
  private readonly steal: boolean;
  private engine?: Engine;
  /** Slurm attempts already given a local rival, so each moves once. */
  private readonly moved = new Set<number>();

  constructor(
    backends: { local?: LocalBackend; slurm?: SlurmBackend },
    options: DispatchOptions = {},
  ) {
    this.local = backends.local;
    this.slurm = backends.slurm;
    this.failuresBeforeFallback = options.slurmFailuresBeforeFallback ?? 2;
    this.steal = options.idleLocalTakesPending ?? true;
  }

  /** Every backend the dispatcher may pick, for the engine's list. */
  backends(): Backend[] {
    return [this.local, this.slurm].filter((b): b is NonNullable<typeof b> => b !== undefined);
  }

  /** The engine's `backendFor`: the job's target decides; `auto` prefers Slurm. */
  readonly backendFor = (run: JobRun): Backend => {
    const target = run.spec.target;
    const wanted = target === 'auto' ? (this.slurm ?? this.local) : this[target];
    if (!wanted) {
      throw new OffloadError('BACKEND_UNAVAILABLE', `target: no ${target} backend is configured`, {
        field: 'target',
      });
    }
    return wanted;
  };

  /** The engine's `fallbackFor`: a failed Slurm attempt of an `auto` job may move. */
  readonly fallbackFor = (
    run: JobRun,
    batchIndex: number,
    from: Backend,
    failure: AttemptFailure,
  ): { to: Backend; reason: FallbackReason } | undefined => {
    if (run.spec.target !== 'auto' || from !== this.slurm || !this.local) return undefined;
    if (failure.reason === 'refused') return { to: this.local, reason: 'submission-refused' };
    if (failure.reason === 'unreachable') {
      return { to: this.local, reason: 'slurmrestd-unreachable' };
    }
    const failed = this.engine
      ?.attempts(run.id)
      .filter((a) => a.batchIndex === batchIndex && a.backend === from.name)
      .filter((a) => a.state === 'failed').length;
    if ((failed ?? 0) >= this.failuresBeforeFallback) {
      return { to: this.local, reason: 'keeps-failing' };
    }
    return undefined;
  };

  /** Connects the dispatcher to the engine it serves: Slurm's troubles and job ends. */
  attach(engine: Engine): void {
    this.engine = engine;
    const slurm = this.slurm;
    if (!slurm) return;
    slurm.listener = {
      unreachable: (tasks) => tasks.forEach((t) => this.move(t, 'slurmrestd-unreachable')),
      queueWaitExceeded: (task) => this.move(task, 'queue-wait'),
      polled: (pending) => this.takePending(pending),
    };
    engine.subscribe((event) => {
      const state = event.data.state as JobState | undefined;
      if (event.type !== 'job.state' || state === undefined) return;
      if (!TERMINAL_STATES.includes(state)) return;
      // A cancelled job leaves nothing worth examining: only a failure may keep its folder.
      void slurm.endJob(event.jobId, state === 'failed' ? 'failed' : 'succeeded');
    });
  }

  private takePending(pending: TrackedTask[]): void {
    if (!this.steal || !this.local) return;
    const oldest = [...pending].sort((a, b) => a.batchIndex - b.batchIndex);
    for (const task of oldest) {
      if (!this.local.idle) return;
      this.move(task, 'local-idle');
    }
  }

  /** Gives a Slurm attempt a local rival; the first verified output wins. */
  private move(task: TrackedTask, reason: FallbackReason): void {
    const run = this.engine?.active(task.jobId);
    if (!run || run.spec.target !== 'auto' || !this.local || this.moved.has(task.attemptId)) {
      return;
    }
    this.moved.add(task.attemptId);
    run.moveBatch(task.batchIndex, this.local, reason, 'slurm');
  }
}
