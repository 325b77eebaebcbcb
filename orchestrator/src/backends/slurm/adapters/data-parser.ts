// The mapping shared by the data_parser versions, v0.0.40 to v0.0.44: the environment as
// `NAME=value` strings, numbers as `{ set, infinite, number }`, states as lists of flags.
// The interfaces below name only the fields Offload reads or writes; each version file
// passes its generated types through them, so the compiler checks that every version
// still has these fields with these shapes.
import type { RawResponse, SlurmResult, SlurmTransport } from '../http.js';
import type {
  ArraySubmitRequest,
  SlurmApiVersion,
  SlurmJob,
  SlurmNode,
  SlurmPartition,
  SlurmPing,
  SubmitResult,
} from '../model.js';
import {
  cancelId,
  defined,
  environmentList,
  fromNoVal,
  listField,
  setNumber,
  splitState,
  time,
  validateSubmit,
  type NoValNumber,
} from './common.js';
import type { SlurmApi } from './types.js';

/** The job description fields Offload sets. */
export interface JobDesc {
  name?: string;
  comment?: string;
  script?: string;
  current_working_directory?: string;
  environment?: string[];
  standard_output?: string;
  standard_error?: string;
  array?: string;
  partition?: string;
  account?: string;
  qos?: string;
  time_limit?: NoValNumber;
  cpus_per_task?: number;
  memory_per_cpu?: NoValNumber;
  requeue?: boolean;
}

/** Builds the job description; `withScript` puts the script inside it (v0.0.41 on). */
export function jobDesc(req: ArraySubmitRequest, withScript: boolean): JobDesc {
  validateSubmit(req);
  const opt = (n: number | undefined) => (n === undefined ? undefined : setNumber(n));
  return defined({
    name: req.name,
    comment: req.comment,
    script: withScript ? req.script : undefined,
    current_working_directory: req.workDir,
    environment: environmentList(req.environment),
    standard_output: req.stdout,
    standard_error: req.stderr,
    array: req.array,
    partition: req.partition,
    account: req.account,
    qos: req.qos,
    time_limit: opt(req.timeLimitMinutes),
    cpus_per_task: req.cpusPerTask,
    memory_per_cpu: opt(req.memoryPerCpuMB),
    requeue: req.requeue ?? false,
  });
}

export interface SubmitResponse {
  job_id?: number;
  job_submit_user_msg?: string;
}

export function parseSubmit(body: SubmitResponse | undefined): SubmitResult {
  if (!Number.isSafeInteger(body?.job_id)) throw new Error('field job_id is missing');
  const out: SubmitResult = { jobId: body?.job_id as number };
  if (body?.job_submit_user_msg) out.userMessage = body.job_submit_user_msg;
  return out;
}

export interface ExitCode {
  status?: string[];
  return_code?: NoValNumber;
  signal?: { id?: NoValNumber; name?: string };
}

export interface JobInfo {
  job_id?: number;
  array_job_id?: NoValNumber;
  array_task_id?: NoValNumber;
  array_task_string?: string;
  name?: string;
  comment?: string;
  job_state?: string[];
  state_reason?: string;
  nodes?: string;
  batch_host?: string;
  partition?: string;
  exit_code?: ExitCode;
  submit_time?: NoValNumber;
  start_time?: NoValNumber;
  end_time?: NoValNumber;
}

function exitStatus(code: ExitCode | undefined): Pick<SlurmJob, 'exitCode' | 'exitSignal'> {
  if (code === undefined) return {};
  const signal = fromNoVal(code.signal?.id);
  if (code.status?.includes('SIGNALED') && signal !== undefined) return { exitSignal: signal };
  // PENDING: the job has no exit status yet.
  if (code.status?.includes('PENDING')) return {};
  const rc = fromNoVal(code.return_code);
  return rc === undefined || !Number.isFinite(rc) ? {} : { exitCode: rc };
}

function positive(n: number | undefined): number | undefined {
  return n === undefined || n === 0 || !Number.isFinite(n) ? undefined : n;
}

export function parseJob(j: JobInfo): SlurmJob {
  const arrayJobId = positive(fromNoVal(j.array_job_id));
  const taskId = fromNoVal(j.array_task_id);
  const job: SlurmJob = {
    jobId: j.job_id as number,
    name: j.name ?? '',
    comment: j.comment ?? '',
    ...splitState(j.job_state ?? []),
    ...exitStatus(j.exit_code),
  };
  const optional: Partial<SlurmJob> = {
    arrayJobId,
    arrayTaskId: arrayJobId !== undefined && Number.isFinite(taskId) ? taskId : undefined,
    arrayPending: arrayJobId !== undefined && j.array_task_string ? j.array_task_string : undefined,
    reason: j.state_reason && j.state_reason !== 'None' ? j.state_reason : undefined,
    nodes: j.nodes || undefined,
    batchHost: j.batch_host || undefined,
    partition: j.partition || undefined,
    submitTime: time(fromNoVal(j.submit_time)),
    startTime: time(fromNoVal(j.start_time)),
    endTime: time(fromNoVal(j.end_time)),
  };
  return { ...job, ...defined(optional) };
}

export interface PartitionInfo {
  name?: string;
  nodes?: { configured?: string; total?: number };
  cpus?: { total?: number };
  maximums?: { time?: NoValNumber };
  partition?: { state?: string[] };
}

export function parsePartition(p: PartitionInfo): SlurmPartition {
  const out: SlurmPartition = { name: p.name ?? '', state: p.partition?.state?.[0] ?? 'UNKNOWN' };
  return {
    ...out,
    ...defined({
      nodes: p.nodes?.configured || undefined,
      totalNodes: p.nodes?.total,
      totalCpus: p.cpus?.total,
      maxTimeMinutes: fromNoVal(p.maximums?.time),
    }),
  };
}

export interface NodeInfo {
  name?: string;
  state?: string[];
  cpus?: number;
  alloc_cpus?: number;
  real_memory?: number;
  partitions?: string[];
  reason?: string;
}

export function parseNode(n: NodeInfo): SlurmNode {
  const out: SlurmNode = {
    name: n.name ?? '',
    state: n.state ?? [],
    partitions: n.partitions ?? [],
  };
  return {
    ...out,
    ...defined({
      cpus: n.cpus,
      allocCpus: n.alloc_cpus,
      realMemoryMB: n.real_memory,
      reason: n.reason || undefined,
    }),
  };
}

export interface ControllerPing {
  hostname?: string;
  pinged?: string;
  responding?: boolean;
  latency?: number;
  mode?: string;
}

export function parsePing(p: ControllerPing): SlurmPing {
  // `responding` arrived in v0.0.42; before it, `pinged` reads "UP" or "DOWN".
  const responding = p.responding ?? p.pinged === 'UP';
  const out: SlurmPing = { hostname: p.hostname ?? '', responding };
  return { ...out, ...defined({ mode: p.mode || undefined, latencyMicros: p.latency }) };
}

export function listOf<T, R>(field: string, map: (item: T) => R): (body: unknown) => R[] {
  return (body) => listField<T>(body, field).map(map);
}

/** The per-version requests; each version file writes them against its typed paths. */
export interface DataParserRequests<Body> {
  ping(): Promise<RawResponse>;
  submit(body: Body): Promise<RawResponse>;
  jobs(): Promise<RawResponse>;
  cancel(jobId: string): Promise<RawResponse>;
  partitions(): Promise<RawResponse>;
  nodes(): Promise<RawResponse>;
}

export interface DataParserParsers<Body> {
  submitBody(req: ArraySubmitRequest): Body;
  parseSubmit(body: unknown): SubmitResult;
  parseJobs(body: unknown): SlurmJob[];
  parsePartitions(body: unknown): SlurmPartition[];
  parseNodes(body: unknown): SlurmNode[];
  parsePings(body: unknown): SlurmPing[];
}

export function bindDataParser<Body>(
  version: SlurmApiVersion,
  transport: SlurmTransport,
  send: DataParserRequests<Body>,
  parse: DataParserParsers<Body>,
): SlurmApi {
  const read = <T>(what: string, go: () => Promise<RawResponse>, map: (b: unknown) => T) =>
    transport.call<T>('read', what, go, map);
  return {
    version,
    ping: () => read('ping', send.ping, parse.parsePings),
    async submitArray(req): Promise<SlurmResult<SubmitResult>> {
      const body = parse.submitBody(req);
      return transport.call('submit', 'submit', () => send.submit(body), parse.parseSubmit);
    },
    listJobs: () => read('list jobs', send.jobs, parse.parseJobs),
    async cancel(jobId): Promise<SlurmResult<void>> {
      const id = cancelId(jobId);
      return transport.call(
        'cancel',
        `cancel ${id}`,
        () => send.cancel(id),
        () => undefined,
      );
    },
    partitions: () => read('list partitions', send.partitions, parse.parsePartitions),
    nodes: () => read('list nodes', send.nodes, parse.parseNodes),
    // None of v0.0.40-44 reports MaxArraySize (it is not in /diag, /partitions or
    // /reconfigure); the caller keeps its configured value.
    limits: async () => ({ ok: true, value: {} }),
  };
}
