// The Slurm backend: the batches a job hands over in one burst become one job array
// (or a few, past MaxArraySize), staged into the job's work folder on the cluster and
// submitted through slurmrestd. One tracker polls the whole queue with a single list
// call per interval for every job it follows; a task that has left the queue is judged
// by its output files, which are fetched and checked against the runner's report.
import { randomBytes } from 'node:crypto';
import type { ClusterConfig } from '../../config/types.js';
import type { AttemptSink, AttemptSpec, Backend, JobContext, RunnerResult } from '../types.js';
import { judgeTask, type CollectHook } from './collect.js';
import { clientForRest, type SlurmClient, type SlurmError } from './client.js';
import { expandArrayIndexes, jobPhase, type SlurmJob } from './model.js';
import { runnerBundle } from './runner-bundle.js';
import { Stager, type UploadItem } from './staging.js';
import { arraySubmission, planArrays, type ArrayPlan } from './submission.js';
import {
  inputName,
  KERNEL_FILE,
  manifestName,
  MANIFEST_VERSION,
  PARAMS_FILE,
  SEED_FILE,
  TASK_ENTRY,
  type TaskManifest,
} from './task-manifest.js';
import { readArrayTemplate } from './template.js';

/** One attempt as the tracker and the dispatcher see it. */
export interface TrackedTask {
  jobId: string;
  attemptId: number;
  batchIndex: number;
  /** `<arrayJobId>_<taskId>`. */
  externalId: string;
  phase: 'pending' | 'running' | 'finished' | 'unknown';
  /** Slurm's pending reason (`Priority`, `Resources`) while it waits. */
  reason?: string;
  /** When the array was submitted (ms since the epoch); 0 for a reattached attempt. */
  submittedAt: number;
  /** When the task was first seen waiting (ms), for the queue-wait limit. */
  pendingSince?: number;
}

/** What the dispatcher hears from the backend, to move batches elsewhere. */
export interface SlurmListener {
  /** slurmrestd has not answered for `unhealthyAfterMs`: these may never report. */
  unreachable?(tasks: TrackedTask[]): void;
  /** A task has waited in the queue longer than its job's maxQueueWait. */
  queueWaitExceeded?(task: TrackedTask): void;
  /** After each good poll: the tasks still pending in the Slurm queue. */
  polled?(pending: TrackedTask[]): void;
}

export type { CollectHook } from './collect.js';

export interface SlurmBackendOptions {
  /** Milliseconds the backend waits for more batches before it submits an array. */
  gatherMs?: number;
  /** slurmrestd failing for this long marks the cluster unhealthy. */
  unhealthyAfterMs?: number;
  /** How long a refused submission keeps the cluster marked unhealthy. */
  refusalCooldownMs?: number;
  /** The longest pause between polls while slurmrestd fails (backoff ceiling). */
  maxBackoffMs?: number;
  beforeCollect?: CollectHook;
  /** Uses this client instead of connecting from the configuration. */
  client?: SlurmClient;
  stager?: Stager;
}

const DEFAULTS = {
  gatherMs: 300,
  unhealthyAfterMs: 15_000,
  refusalCooldownMs: 30_000,
  maxBackoffMs: 30_000,
};

const STAGING_RETRIES = 2;
/** slurm_errno.h ESLURM_ALREADY_DONE: cancelling a job that has already ended. */
const ALREADY_DONE = 2017;

interface JobEntry {
  ctx: JobContext;
  sink: AttemptSink;
  buffer: AttemptSpec[];
  timer?: NodeJS.Timeout;
  flushing: Promise<void>;
  /** The kernel, secrets and runner, uploaded once per job and process. */
  shared?: Promise<string | undefined>;
}

interface Task extends TrackedTask {
  arrayJobId: number;
  taskId: number;
  spec: AttemptSpec;
  collecting: boolean;
  queueWaitReported: boolean;
}

export class SlurmBackend implements Backend {
  readonly name = 'slurm';
  readonly cluster: ClusterConfig;
  readonly stager: Stager;
  listener: SlurmListener = {};
  private readonly opts: Required<Omit<SlurmBackendOptions, 'beforeCollect' | 'client' | 'stager'>>;
  private readonly beforeCollect?: CollectHook;
  private client?: SlurmClient;
  private connecting?: Promise<SlurmClient | SlurmError>;
  private readonly jobs = new Map<string, JobEntry>();
  private readonly tasks = new Map<number, Task>();
  /** Task or array ids whose cancellation did not reach Slurm yet. */
  private readonly pendingCancels = new Set<string>();
  private timer?: NodeJS.Timeout;
  private polling = false;
  private failingSince?: number;
  private failures = 0;
  private refusedAt?: number;
  private unhealthyReported = false;
  private closed = false;
  private template?: Promise<string>;
  /** List calls made, for the admin view and the polling-load check. */
  polls = 0;
  /** The last good listing, for `offload queue`. */
  lastListing: SlurmJob[] = [];

  constructor(cluster: ClusterConfig, options: SlurmBackendOptions = {}) {
    this.cluster = cluster;
    this.stager = options.stager ?? Stager.forCluster(cluster);
    this.client = options.client;
    this.beforeCollect = options.beforeCollect;
    this.opts = {
      gatherMs: options.gatherMs ?? DEFAULTS.gatherMs,
      unhealthyAfterMs: options.unhealthyAfterMs ?? DEFAULTS.unhealthyAfterMs,
      refusalCooldownMs: options.refusalCooldownMs ?? DEFAULTS.refusalCooldownMs,
      maxBackoffMs: options.maxBackoffMs ?? DEFAULTS.maxBackoffMs,
    };
  }

  private get pollMs(): number {
    return this.cluster.slurm.pollInterval * 1000;
  }

  /** False while slurmrestd fails to answer, or shortly after it refused a submission. */
  get healthy(): boolean {
    const now = Date.now();
    if (this.refusedAt !== undefined && now - this.refusedAt < this.opts.refusalCooldownMs) {
      return false;
    }
    return this.failingSince === undefined || now - this.failingSince < this.opts.unhealthyAfterMs;
  }

  /** The attempts the tracker follows, for the admin view and the dispatcher. */
  tracked(): TrackedTask[] {
    return [...this.tasks.values()].map((t) => view(t));
  }

  /** HTTP requests sent to slurmrestd so far (0 before the first connection). */
  requests(): number {
    return this.client?.requests() ?? 0;
  }

  /** The client, connecting on first use; an error value while slurmrestd is away. */
  async connect(): Promise<SlurmClient | SlurmError> {
    if (this.client) return this.client;
    this.connecting ??= this.openClient().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async openClient(): Promise<SlurmClient | SlurmError> {
    const created = await clientForRest(this.cluster.rest);
    if (!created.ok) return created.error;
    this.client = created.value;
    return this.client;
  }

  async start(ctx: JobContext, attempts: AttemptSpec[], sink: AttemptSink): Promise<void> {
    if (!this.healthy) {
      const message = `cluster ${this.cluster.name}: slurmrestd is not answering`;
      for (const a of attempts)
        sink.failed(a.attemptId, { message, reason: 'unreachable', retryable: true });
      return;
    }
    const entry = this.entry(ctx, sink);
    entry.buffer.push(...attempts);
    // The engine hands batches over one at a time as the split goes; gathering them for
    // a moment makes one array of a job instead of one per batch.
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      // One flush at a time per job: two uploads racing in one work folder were seen
      // to lose a temporary file, and arrays then follow the order of the batches.
      entry.flushing = entry.flushing.then(() => this.flush(ctx.jobId));
    }, this.opts.gatherMs);
  }

  private entry(ctx: JobContext, sink: AttemptSink): JobEntry {
    let entry = this.jobs.get(ctx.jobId);
    if (!entry) {
      entry = { ctx, sink, buffer: [], flushing: Promise.resolve() };
      this.jobs.set(ctx.jobId, entry);
    }
    entry.ctx = ctx;
    entry.sink = sink;
    return entry;
  }

  private async flush(jobId: string): Promise<void> {
    const entry = this.jobs.get(jobId);
    if (!entry || entry.buffer.length === 0) return;
    const batch = entry.buffer.splice(0).sort((a, b) => a.batchIndex - b.batchIndex);
    let problem = await this.stage(entry, batch);
    // An SSH connection dropped or refused (sshd's MaxStartups under load) is worth a
    // second try before the attempts are failed.
    for (let retry = 1; problem !== undefined && retry <= STAGING_RETRIES; retry++) {
      entry.ctx.log.warn({ retry, err: problem }, 'slurm staging failed; trying again');
      await new Promise((resolve) => setTimeout(resolve, 1000 * retry));
      problem = await this.stage(entry, batch);
    }
    if (problem !== undefined) {
      this.failAll(entry, batch, `staging on ${this.cluster.name} failed: ${problem}`, 'staging');
      return;
    }
    const live = batch.filter((a) => this.isLive(entry, a));
    if (live.length === 0) return;
    const token = randomBytes(6).toString('hex');
    const manifest: TaskManifest = {
      version: MANIFEST_VERSION,
      jobId,
      kernel: entry.ctx.kernel,
      tasks: live.map((a) => ({
        batchIndex: a.batchIndex,
        attempt: a.number,
        firstRecord: a.firstRecord,
        input: inputName(a.batchIndex),
        inputSha256: a.inputSha256,
      })),
    };
    const up = await this.stager.upload(jobId, [
      { name: manifestName(token), source: Buffer.from(JSON.stringify(manifest)) },
    ]);
    if (!up.ok) {
      this.failAll(entry, live, `staging the task list failed: ${up.error.message}`, 'staging');
      return;
    }
    const max = this.cluster.slurm.maxArraySize ?? 1001;
    for (const plan of planArrays(live.length, max)) {
      await this.submit(entry, token, plan, live.slice(plan.offset, plan.offset + plan.count));
    }
  }

  /** Attempts cancelled while they waited in the buffer are dropped. */
  private isLive(entry: JobEntry, a: AttemptSpec): boolean {
    if (this.cancelledBuffered.delete(a.attemptId)) return false;
    return this.jobs.get(entry.ctx.jobId) === entry;
  }

  private readonly cancelledBuffered = new Set<number>();

  /** Uploads what the batches need; an error message when staging failed. */
  private async stage(entry: JobEntry, batch: AttemptSpec[]): Promise<string | undefined> {
    const { jobId } = entry.ctx;
    entry.shared ??= this.stageShared(entry.ctx);
    const shared = await entry.shared;
    if (shared !== undefined) {
      entry.shared = undefined;
      return shared;
    }
    const items: UploadItem[] = batch.map((a) => ({
      name: inputName(a.batchIndex),
      source: a.inputPath,
    }));
    const up = await this.stager.upload(jobId, items);
    return up.ok ? undefined : up.error.message;
  }

  private async stageShared(ctx: JobContext): Promise<string | undefined> {
    const items: UploadItem[] = [
      { name: KERNEL_FILE, source: ctx.kernelPath, mode: 0o600 },
      // Parameters may hold a job secret (an HMAC key): readable by the owner only.
      { name: PARAMS_FILE, source: ctx.params, mode: 0o600 },
      { name: SEED_FILE, source: ctx.seed, mode: 0o600 },
      ...(await runnerBundle()),
    ];
    const prepared = await this.stager.prepare(ctx.jobId);
    if (!prepared.ok) return prepared.error.message;
    const up = await this.stager.upload(ctx.jobId, items);
    return up.ok ? undefined : up.error.message;
  }

  private failAll(entry: JobEntry, batch: AttemptSpec[], message: string, reason: string): void {
    entry.ctx.log.warn({ reason, batches: batch.length }, message);
    for (const a of batch) entry.sink.failed(a.attemptId, { message, reason, retryable: true });
  }

  private async submit(
    entry: JobEntry,
    token: string,
    plan: ArrayPlan,
    attempts: AttemptSpec[],
  ): Promise<void> {
    const { jobId } = entry.ctx;
    const s = this.cluster.slurm;
    const remoteDir = this.stager.workDir(jobId);
    const comment = `offload ${jobId} ${token}.${plan.offset}`;
    this.template ??= readArrayTemplate();
    const memory =
      s.memPerCpu ?? (s.memory === undefined ? undefined : Math.ceil(s.memory / s.cpusPerTask));
    const request = arraySubmission(await this.template, {
      jobName: `offload-${jobId}`,
      comment,
      workDir: remoteDir,
      stdout: `${remoteDir}/slurm-%A_%a.out`,
      stderr: `${remoteDir}/slurm-%A_%a.err`,
      plan,
      partition: s.partition,
      account: s.account,
      qos: s.qos,
      timeLimitMinutes: s.timeLimit,
      cpusPerTask: s.cpusPerTask,
      memoryPerCpuMB: memory,
      modules: s.modules,
      nodeBinary: s.nodeBinary,
      runner: TASK_ENTRY,
      runnerArgs: [manifestName(token)],
      extraSbatch: s.extraSbatch,
      environment: { OFFLOAD_JOB_ID: jobId },
    });
    const submitted = await this.submitOnce(request, comment);
    if (typeof submitted !== 'number') {
      if (submitted.kind === 'refused' || submitted.kind === 'unreachable') this.noteFailure();
      else this.refusedAt = Date.now();
      const reason =
        submitted.kind === 'slurm' || submitted.kind === 'http' ? 'refused' : 'unreachable';
      this.failAll(entry, attempts, submitted.message, reason);
      return;
    }
    const now = Date.now();
    entry.ctx.log.info({ arrayJobId: submitted, tasks: attempts.length }, 'slurm array submitted');
    attempts.forEach((a, taskId) => {
      if (this.cancelledBuffered.delete(a.attemptId)) {
        this.pendingCancels.add(`${submitted}_${taskId}`);
        return;
      }
      this.track(entry, a, submitted, taskId, now);
    });
    this.schedulePoll(this.pollMs);
  }

  /**
   * Submits once. A submission whose answer was lost may still have queued the array,
   * so before trying again the queue is searched for its unique comment.
   */
  private async submitOnce(
    request: Parameters<SlurmClient['submitArray']>[0],
    comment: string,
  ): Promise<number | SlurmError> {
    const client = await this.connect();
    if (!('submitArray' in client)) return client;
    const first = await client.submitArray(request);
    if (first.ok) return first.value.jobId;
    if (first.error.kind !== 'unreachable') return first.error;
    const listed = await client.listJobs();
    if (!listed.ok) return first.error;
    const found = listed.value.find((j) => j.comment === comment);
    if (found) return found.arrayJobId ?? found.jobId;
    const again = await client.submitArray(request);
    return again.ok ? again.value.jobId : again.error;
  }

  private track(
    entry: JobEntry,
    a: AttemptSpec,
    arrayJobId: number,
    taskId: number,
    submittedAt: number,
  ): void {
    const externalId = `${arrayJobId}_${taskId}`;
    this.tasks.set(a.attemptId, {
      jobId: entry.ctx.jobId,
      attemptId: a.attemptId,
      batchIndex: a.batchIndex,
      externalId,
      phase: 'pending',
      submittedAt,
      arrayJobId,
      taskId,
      spec: a,
      collecting: false,
      queueWaitReported: false,
    });
    entry.sink.started(a.attemptId, { where: `slurm:${this.cluster.name}`, externalId });
  }

  /** Follows attempts a previous process submitted; never submits anything. */
  async reattach(ctx: JobContext, attempts: AttemptSpec[], sink: AttemptSink): Promise<void> {
    const entry = this.entry(ctx, sink);
    for (const a of attempts) {
      const m = /^(\d+)_(\d+)$/.exec(a.externalId ?? '');
      if (!m) {
        const message = `attempt ${a.number} of batch ${a.batchIndex} has no Slurm task id`;
        sink.failed(a.attemptId, { message, reason: 'lost', retryable: true });
        continue;
      }
      const task: Task = {
        jobId: ctx.jobId,
        attemptId: a.attemptId,
        batchIndex: a.batchIndex,
        externalId: a.externalId!,
        phase: 'unknown',
        submittedAt: 0,
        arrayJobId: Number(m[1]),
        taskId: Number(m[2]),
        spec: a,
        collecting: false,
        queueWaitReported: false,
      };
      this.tasks.set(a.attemptId, task);
    }
    entry.ctx.log.info({ attempts: attempts.length }, 'following slurm tasks again');
    this.schedulePoll(0);
  }

  // ------------------------------------------------------------------ tracking

  private schedulePoll(delayMs: number): void {
    if (this.closed || this.timer || this.polling) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, delayMs);
  }

  private needsPolling(): boolean {
    return this.tasks.size > 0 || this.pendingCancels.size > 0 || this.failingSince !== undefined;
  }

  private async poll(): Promise<void> {
    this.polling = true;
    // A poll that throws (a listener's bug) must not stop the tracker for every job.
    const next = await this.pollOnce().catch(() => this.pollMs);
    this.polling = false;
    if (this.needsPolling()) this.schedulePoll(next);
  }

  /** One list call for everything tracked; returns the delay before the next poll. */
  private async pollOnce(): Promise<number> {
    const askedAt = Date.now();
    const client = await this.connect();
    const listed = 'listJobs' in client ? await client.listJobs() : undefined;
    this.polls++;
    if (listed === undefined || !listed.ok) return this.pollFailed();
    this.failingSince = undefined;
    this.failures = 0;
    this.unhealthyReported = false;
    this.lastListing = listed.value;
    await this.retryCancels(client as SlurmClient);
    const index = indexTasks(listed.value);
    const pending: TrackedTask[] = [];
    for (const task of [...this.tasks.values()]) {
      if (task.collecting) continue;
      const job = index.get(`${task.arrayJobId}_${task.taskId}`);
      if (job === undefined) {
        // A task missing from a listing asked for after its submission has ended and
        // aged out (no accounting database keeps it); its files say how.
        if (askedAt > task.submittedAt) void this.collect(task, undefined);
        continue;
      }
      const phase = jobPhase(job);
      if (phase === 'finished') {
        void this.collect(task, job);
        continue;
      }
      this.observe(task, phase, job, pending);
    }
    this.listener.polled?.(pending);
    return this.pollMs;
  }

  private observe(task: Task, phase: Task['phase'], job: SlurmJob, pending: TrackedTask[]): void {
    task.phase = phase;
    task.reason = job.reason;
    if (phase !== 'pending') return;
    task.pendingSince ??= Date.now();
    pending.push(view(task));
    const limit = this.jobs.get(task.jobId)?.ctx.maxQueueWait;
    const since = task.submittedAt || task.pendingSince;
    if (limit !== undefined && !task.queueWaitReported && Date.now() - since > limit * 1000) {
      task.queueWaitReported = true;
      this.listener.queueWaitExceeded?.(view(task));
    }
  }

  private pollFailed(): number {
    const now = Date.now();
    this.failingSince ??= now;
    this.failures++;
    if (!this.healthy && !this.unhealthyReported && this.tasks.size > 0) {
      this.unhealthyReported = true;
      this.listener.unreachable?.(this.tracked());
    }
    return Math.min(this.opts.maxBackoffMs, this.pollMs * 2 ** Math.min(this.failures, 5));
  }

  private noteFailure(): void {
    this.failingSince ??= Date.now();
    this.schedulePoll(this.pollMs);
  }

  /** Judges a task that has left the queue by its report and output. */
  private async collect(task: Task, job: SlurmJob | undefined): Promise<void> {
    task.collecting = true;
    const entry = this.jobs.get(task.jobId);
    if (!entry) {
      this.tasks.delete(task.attemptId);
      return;
    }
    const verdict = await judgeTask(this.stager, task, job, this.beforeCollect);
    if (verdict === 'later')
      task.collecting = false; // staging failed: next poll
    else this.settle(task, entry, verdict);
  }

  private settle(
    task: Task,
    entry: JobEntry,
    outcome: RunnerResult | Parameters<AttemptSink['failed']>[1],
  ): void {
    if (!this.tasks.delete(task.attemptId)) return;
    if ('sha256' in outcome) entry.sink.finished(task.attemptId, outcome);
    else entry.sink.failed(task.attemptId, outcome);
  }

  // ------------------------------------------------------------------ cancelling

  async cancel(ctx: JobContext, attemptIds: number[]): Promise<void> {
    const entry = this.jobs.get(ctx.jobId);
    const wanted = new Set(attemptIds);
    if (entry) entry.buffer = entry.buffer.filter((a) => !wanted.has(a.attemptId));
    const byArray = new Map<number, number[]>();
    for (const id of attemptIds) {
      const task = this.tasks.get(id);
      if (!task) {
        // Not submitted yet (buffered, or being staged): it is dropped before submission.
        this.cancelledBuffered.add(id);
        continue;
      }
      this.tasks.delete(id);
      byArray.set(task.arrayJobId, [...(byArray.get(task.arrayJobId) ?? []), task.taskId]);
    }
    for (const [arrayJobId, taskIds] of byArray) {
      const rest = [...this.tasks.values()].some((t) => t.arrayJobId === arrayJobId);
      // When nothing else of the array is followed, one call cancels all its tasks.
      const targets = rest ? taskIds.map((t) => `${arrayJobId}_${t}`) : [String(arrayJobId)];
      for (const target of targets) this.pendingCancels.add(target);
    }
    const client = await this.connect();
    if ('cancel' in client) await this.retryCancels(client);
    if (this.pendingCancels.size > 0) this.schedulePoll(this.pollMs);
  }

  private async retryCancels(client: SlurmClient): Promise<void> {
    for (const target of [...this.pendingCancels]) {
      const res = await client.cancel(target);
      const gone = !res.ok && res.error.slurmErrors?.some((e) => e.number === ALREADY_DONE);
      if (res.ok || gone) this.pendingCancels.delete(target);
      else if (res.error.kind === 'slurm' || res.error.kind === 'http') {
        this.pendingCancels.delete(target);
      } else break;
    }
  }

  /** The job has ended: its work folder goes as the cluster's policy says. */
  endJob(jobId: string, outcome: 'succeeded' | 'failed'): Promise<void> {
    const ending = this.finishJob(jobId, outcome);
    this.ending.add(ending);
    return ending.finally(() => this.ending.delete(ending));
  }

  private readonly ending = new Set<Promise<void>>();

  private async finishJob(jobId: string, outcome: 'succeeded' | 'failed'): Promise<void> {
    const entry = this.jobs.get(jobId);
    if (!entry) return;
    const left = [...this.tasks.values()].filter((t) => t.jobId === jobId).map((t) => t.attemptId);
    if (left.length > 0) await this.cancel(entry.ctx, left);
    if (entry.timer) clearTimeout(entry.timer);
    this.jobs.delete(jobId);
    const done = await this.stager.finish(jobId, outcome);
    if (!done.ok) entry.ctx.log.warn({ err: done.error.message }, 'slurm work folder not removed');
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.ending]);
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const entry of this.jobs.values()) if (entry.timer) clearTimeout(entry.timer);
    this.jobs.clear();
    this.tasks.clear();
    await this.client?.close();
    await this.stager.close();
  }
}

function view(t: TrackedTask): TrackedTask {
  return {
    jobId: t.jobId,
    attemptId: t.attemptId,
    batchIndex: t.batchIndex,
    externalId: t.externalId,
    phase: t.phase,
    reason: t.reason,
    submittedAt: t.submittedAt,
    pendingSince: t.pendingSince,
  };
}

/** Every listed array task by `<arrayJobId>_<taskId>`, pending ranges expanded. */
export function indexTasks(jobs: SlurmJob[]): Map<string, SlurmJob> {
  const index = new Map<string, SlurmJob>();
  for (const job of jobs) {
    if (job.arrayJobId === undefined) continue;
    if (job.arrayTaskId !== undefined) index.set(`${job.arrayJobId}_${job.arrayTaskId}`, job);
    if (job.arrayPending !== undefined) {
      for (const i of expandArrayIndexes(job.arrayPending)) {
        index.set(`${job.arrayJobId}_${i}`, job);
      }
    }
  }
  return index;
}
