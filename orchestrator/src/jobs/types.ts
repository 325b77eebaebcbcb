// The job model shared by the engine, the store, the CLI and the gRPC service.

export type JobState =
  'pending' | 'splitting' | 'running' | 'assembling' | 'succeeded' | 'failed' | 'cancelled';

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
