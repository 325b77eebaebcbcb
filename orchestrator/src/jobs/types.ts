// The job model shared by the engine, the store, the CLI and the gRPC service.

export type JobState =
  'pending' | 'splitting' | 'running' | 'assembling' | 'succeeded' | 'failed' | 'cancelled';

export const JOB_STATES: readonly JobState[] = [
  'pending',
  'splitting',
  'running',
  'assembling',
  'succeeded',
  'failed',
  'cancelled',
];

export const TERMINAL_STATES: readonly JobState[] = ['succeeded', 'failed', 'cancelled'];

export type BatchState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export type AttemptState = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'lost';

export type Target = 'local' | 'slurm' | 'auto';

export interface JobRecord {
  id: string;
  name: string;
  owner: string;
  kernel: string;
  kernelSha256: string;
  state: JobState;
  target: Target;
  /** The spec as submitted, with secret sources (files, variables) but no secret values. */
  spec: unknown;
  fingerprint: string;
  records: number | null;
  batches: number | null;
  batchesDone: number;
  outputPath: string | null;
  outputSha256: string | null;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  endedAt: number | null;
}

export interface BatchRecord {
  jobId: string;
  index: number;
  state: BatchState;
  records: number;
  firstRecord: number;
  inputPath: string;
  inputSha256: string;
  outputPath: string | null;
  outputSha256: string | null;
  /** Backend and host of the attempt whose output was kept. */
  backend: string | null;
  where: string | null;
  attempts: number;
  seconds: number | null;
}

export interface AttemptRecord {
  id: number;
  jobId: string;
  batchIndex: number;
  number: number;
  backend: string;
  state: AttemptState;
  externalId: string | null;
  where: string | null;
  startedAt: number;
  endedAt: number | null;
  error: string | null;
}

export interface EventRecord {
  /** Grows across all jobs; a watcher resumes after the last id it saw. */
  id: number;
  jobId: string;
  at: number;
  type: string;
  data: Record<string, unknown>;
}

export interface JobFilter {
  owner?: string;
  states?: JobState[];
  kernel?: string;
  /** Page size and the id to continue after (jobs are listed newest first). */
  limit?: number;
  after?: string;
}

/**
 * What the engine offers the CLI and the gRPC service. Submission validates the spec
 * and returns once the job is stored; the job then runs in the background.
 */
export interface JobService {
  submit(spec: unknown, options: { owner: string; baseDir?: string }): Promise<JobRecord>;
  get(jobId: string): JobRecord | undefined;
  list(filter: JobFilter): JobRecord[];
  /** Jobs by state, and batches of unfinished jobs by state. */
  counts(): { jobs: Record<string, number>; activeBatches: Record<string, number> };
  batches(jobId: string): BatchRecord[];
  attempts(jobId: string): AttemptRecord[];
  /** Events with id greater than `afterId`, oldest first. */
  events(jobId: string | undefined, afterId: number, limit?: number): EventRecord[];
  /** Calls `listener` for every new event; returns a function that stops it. */
  subscribe(listener: (event: EventRecord) => void): () => void;
  cancel(jobId: string): Promise<JobRecord>;
  /** Resolves when the job reaches a terminal state. */
  wait(jobId: string): Promise<JobRecord>;
}
