// The one model of Slurm that the rest of Offload sees. Each REST API version has an
// adapter (adapters/v00XX.ts) that maps this model to that version's request bodies and
// maps its responses back; nothing outside the adapters knows how a version spells it.

/** The slurmrestd plugin versions Offload speaks, oldest first. */
export const SLURM_API_VERSIONS = [
  'v0.0.38',
  'v0.0.40',
  'v0.0.41',
  'v0.0.42',
  'v0.0.43',
  'v0.0.44',
] as const;

export type SlurmApiVersion = (typeof SLURM_API_VERSIONS)[number];

export function isSlurmApiVersion(value: unknown): value is SlurmApiVersion {
  return (SLURM_API_VERSIONS as readonly unknown[]).includes(value);
}

/** One job array: the batch script runs once per index in `array`. */
export interface ArraySubmitRequest {
  name: string;
  /** Free text kept by Slurm and listed back; Offload puts its job id here. */
  comment: string;
  /** The whole batch script, starting with `#!`. */
  script: string;
  workDir: string;
  /** Must not be empty: slurmctld refuses a batch job without an environment. */
  environment: Record<string, string>;
  /** Output paths; Slurm expands `%A` (array job id) and `%a` (array index). */
  stdout: string;
  stderr: string;
  /** Index expression: `0-99`, `0-99%10` (at most 10 at once), `1,3,5`. */
  array: string;
  partition?: string;
  account?: string;
  qos?: string;
  timeLimitMinutes?: number;
  cpusPerTask?: number;
  memoryPerCpuMB?: number;
  /**
   * Whether Slurm may requeue a task on its own (node failure, preemption). Off by
   * default: Offload numbers its own attempts, and a Slurm requeue behind its back would
   * run the same batch again under the same attempt.
   */
  requeue?: boolean;
}

export interface SubmitResult {
  jobId: number;
  /** What a job_submit plugin told the user, if anything. */
  userMessage?: string;
}

/** Slurm's base job states (slurm.h `enum job_states`). */
export const SLURM_BASE_STATES = [
  'PENDING',
  'RUNNING',
  'SUSPENDED',
  'COMPLETED',
  'CANCELLED',
  'FAILED',
  'TIMEOUT',
  'NODE_FAIL',
  'PREEMPTED',
  'BOOT_FAIL',
  'DEADLINE',
  'OUT_OF_MEMORY',
] as const;

export type SlurmBaseState = (typeof SLURM_BASE_STATES)[number];

export function isSlurmBaseState(value: string): value is SlurmBaseState {
  return (SLURM_BASE_STATES as readonly string[]).includes(value);
}

/** One record of the job list: a plain job, one array task, or an array's pending rest. */
export interface SlurmJob {
  jobId: number;
  /** Set for array jobs: the id every task of the array shares (`%A`). */
  arrayJobId?: number;
  /** Set for an array task that has left the queue (`%a`). */
  arrayTaskId?: number;
  /**
   * Set on the one record that stands for an array's tasks still pending, which Slurm
   * lists as a single job (`1-99%10`); expand it with `expandArrayIndexes`.
   */
  arrayPending?: string;
  name: string;
  comment: string;
  /**
   * The base state, or `UNKNOWN` when the version reports only a flag: v0.0.38 gives one
   * string and a flag such as `COMPLETING` hides the base state behind it.
   */
  state: SlurmBaseState | 'UNKNOWN';
  /** State flags (`COMPLETING`, `CONFIGURING`, `REQUEUED`, ...). */
  flags: string[];
  /** Why the job waits or why it failed (`Priority`, `Resources`, `NonZeroExitCode`). */
  reason?: string;
  /** Allocated nodes as a Slurm hostlist (`node[1-3]`). */
  nodes?: string;
  batchHost?: string;
  partition?: string;
  /** The batch script's exit status, once it has one. */
  exitCode?: number;
  /** The signal that ended the batch script, if one did. */
  exitSignal?: number;
  /** Unix seconds. */
  submitTime?: number;
  /** Unix seconds: the actual start, or while pending the start Slurm expects. */
  startTime?: number;
  endTime?: number;
}

/** Where a job stands, as far as the orchestrator cares. */
export type SlurmJobPhase = 'pending' | 'running' | 'finished' | 'unknown';

const ENDING_FLAGS = ['COMPLETING', 'STAGE_OUT'];
const WAITING_FLAGS = ['REQUEUED', 'REQUEUE_HOLD', 'REQUEUE_FED', 'RESV_DEL_HOLD'];

/**
 * Reduces state and flags to a phase. `finished` says the batch script ended, not that
 * it succeeded: the output files decide that.
 */
export function jobPhase(job: SlurmJob): SlurmJobPhase {
  if (job.flags.some((f) => WAITING_FLAGS.includes(f))) return 'pending';
  if (job.flags.some((f) => ENDING_FLAGS.includes(f))) return 'finished';
  switch (job.state) {
    case 'PENDING':
      return 'pending';
    case 'RUNNING':
    case 'SUSPENDED':
      return 'running';
    case 'UNKNOWN':
      return job.flags.includes('CONFIGURING') ? 'running' : 'unknown';
    default:
      return 'finished';
  }
}

export interface SlurmPartition {
  name: string;
  /** `UP`, `DOWN`, `DRAIN`, `INACTIVE`. */
  state: string;
  /** Nodes as a Slurm hostlist. */
  nodes?: string;
  totalNodes?: number;
  totalCpus?: number;
  /** Minutes; `Infinity` when the partition has no limit, undefined when not reported. */
  maxTimeMinutes?: number;
  /** Whether jobs without a partition land here; only v0.0.38 reports it. */
  isDefault?: boolean;
}

export interface SlurmNode {
  name: string;
  /** The base state and its flags, base first: `['IDLE']`, `['MIXED', 'DRAIN']`. */
  state: string[];
  cpus?: number;
  allocCpus?: number;
  realMemoryMB?: number;
  partitions: string[];
  reason?: string;
}

export interface SlurmPing {
  hostname: string;
  /** Whether slurmrestd could reach this controller. */
  responding: boolean;
  /** `primary`, `backup1`, ... */
  mode?: string;
  /** Round trip from slurmrestd to slurmctld, microseconds (v0.0.40 and later). */
  latencyMicros?: number;
}

/**
 * Limits the cluster reports through the REST API. No supported version exposes
 * MaxArraySize (it is in `scontrol show config`, not in any slurmrestd v0.0.38-44
 * endpoint), so callers use the configured value; an adapter that learns it from a
 * later version fills it in here.
 */
export interface SlurmLimits {
  maxArraySize?: number;
}

/** An index expression as Slurm accepts it (`0-9`, `1,3,5-7`, `0-99:3`, `0-99%4`). */
export function expandArrayIndexes(spec: string): number[] {
  const body = spec.replace(/%\d+$/, '');
  const out: number[] = [];
  for (const part of body.split(',')) {
    const m = /^(\d+)(?:-(\d+)(?::(\d+))?)?$/.exec(part.trim());
    if (!m) throw new RangeError(`array index expression ${JSON.stringify(spec)} is invalid`);
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    const step = m[3] === undefined ? 1 : Number(m[3]);
    if (last < first || step < 1) {
      throw new RangeError(`array index range ${JSON.stringify(part)} is invalid`);
    }
    for (let i = first; i <= last; i += step) out.push(i);
  }
  return out;
}
