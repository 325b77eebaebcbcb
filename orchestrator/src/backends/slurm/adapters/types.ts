// What every version adapter provides: pure mappings between the internal model and one
// API version's bodies (checked by the contract tests against that version's schemas),
// and the calls themselves once bound to a transport.
import type { SlurmResult, SlurmTransport } from '../http.js';
import type {
  ArraySubmitRequest,
  SlurmApiVersion,
  SlurmJob,
  SlurmLimits,
  SlurmNode,
  SlurmPartition,
  SlurmPing,
  SubmitResult,
} from '../model.js';

/** The Slurm operations Offload uses, in the internal model, failures as values. */
export interface SlurmApi {
  readonly version: SlurmApiVersion;
  ping(): Promise<SlurmResult<SlurmPing[]>>;
  /** Submits one job array; rejects (does not return an error) when `req` is invalid. */
  submitArray(req: ArraySubmitRequest): Promise<SlurmResult<SubmitResult>>;
  /** Every job slurmctld still lists, in one call: poll with this, never per batch. */
  listJobs(): Promise<SlurmResult<SlurmJob[]>>;
  /** Cancels a job, a whole array (its array job id) or one task (`"123_4"`). */
  cancel(jobId: number | string): Promise<SlurmResult<void>>;
  partitions(): Promise<SlurmResult<SlurmPartition[]>>;
  nodes(): Promise<SlurmResult<SlurmNode[]>>;
  /** What the cluster reports of its limits; empty fields mean "use the configuration". */
  limits(): Promise<SlurmResult<SlurmLimits>>;
}

export interface SlurmAdapter {
  readonly version: SlurmApiVersion;
  /** The body of `POST /slurm/<version>/job/submit`. Throws when `req` is invalid. */
  submitBody(req: ArraySubmitRequest): object;
  parseSubmit(body: unknown): SubmitResult;
  parseJobs(body: unknown): SlurmJob[];
  parsePartitions(body: unknown): SlurmPartition[];
  parseNodes(body: unknown): SlurmNode[];
  parsePings(body: unknown): SlurmPing[];
  bind(transport: SlurmTransport): SlurmApi;
}
