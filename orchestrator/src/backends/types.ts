// The one small interface between the job engine and the places batches run. The
// engine knows nothing of threads or Slurm; a backend knows nothing of datasets.
import type { Logger } from 'pino';
import type { OutputSpec } from '../datasets/writers.js';
import type { KernelEntry } from '../kernels/catalog.js';

/** Everything a backend needs to run a job's batches. */
export interface JobContext {
  jobId: string;
  kernel: KernelEntry;
  /** Local path of the verified kernel module. */
  kernelPath: string;
  /** The module compiled in this process (the catalogue's cached copy). */
  module(): Promise<WebAssembly.Module>;
  /** Encoded kernel parameters; may hold secrets, so never logged or stored in clear. */
  params: Buffer;
  /** 32-byte job seed; the runner derives each batch's seed from it. */
  seed: Buffer;
  /** The job's local work folder (batch inputs and outputs live under it). */
  workDir: string;
  /** Cluster name from the spec, for backends that have several. */
  cluster?: string;
  /** Seconds a batch may wait in a remote queue before the engine falls back. */
  maxQueueWait?: number;
  /**
   * How outputs are rendered into the job's format. A backend that runs batches on
   * this machine may render each batch's part as it goes; others leave it to the engine.
   */
  render?: { output: OutputSpec; codec: string };
  log: Logger;
}

/** One attempt at one batch. Attempt numbers grow per batch and never repeat. */
export interface AttemptSpec {
  attemptId: number;
  batchIndex: number;
  number: number;
  inputPath: string;
  inputSha256: string;
  records: number;
  /** Index in the dataset of the batch's first record, for error messages. */
  firstRecord: number;
  /** Where the backend must leave the output file, on the orchestrator's disk. */
  outputPath: string;
  /** Where a rendered part goes, when the backend renders (see JobContext.render). */
  partPath?: string;
  /** Set when reattaching: what the backend said identifies the attempt remotely. */
  externalId?: string;
}

/** What the runner reports for a finished batch (before the engine verifies it). */
export interface RunnerResult {
  records: number;
  sha256: string;
  bytes: number;
  seconds: number;
  host: string;
  /** SHA-256 of the rendered part, when the backend rendered one. */
  partSha256?: string;
}

export interface AttemptFailure {
  message: string;
  /** A short machine-readable reason: `node-failed`, `output-missing`, `refused`. */
  reason: string;
  /** False when running the batch again cannot help (a bad record). */
  retryable: boolean;
  /** For record errors: the record's index in the dataset. */
  record?: number;
}

/** How a backend reports progress; calls may come from any callback, in any order. */
export interface AttemptSink {
  started(attemptId: number, info: { where: string; externalId?: string }): void;
  finished(attemptId: number, result: RunnerResult): void;
  failed(attemptId: number, failure: AttemptFailure): void;
}

export interface Backend {
  readonly name: string;
  /** Starts the attempts; returns once they are handed over (queued, submitted). */
  start(ctx: JobContext, attempts: AttemptSpec[], sink: AttemptSink): Promise<void>;
  /** Picks up attempts a previous orchestrator process left running. */
  reattach?(ctx: JobContext, attempts: AttemptSpec[], sink: AttemptSink): Promise<void>;
  /** Stops attempts; their sink gets no further calls. */
  cancel(ctx: JobContext, attemptIds: number[]): Promise<void>;
  close(): Promise<void>;
}
