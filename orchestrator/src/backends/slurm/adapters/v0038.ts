// openapi/v0.0.38 (Slurm 22.05): the script at the top level of the submission, the
// environment as an object, states as single strings, numbers as plain integers in which
// NO_VAL and INFINITE stand for "unset" and "unlimited".
import type { components, paths } from '../generated/v0038.js';
import type { SlurmTransport } from '../http.js';
import {
  jobPhase,
  type ArraySubmitRequest,
  type SlurmJob,
  type SlurmNode,
  type SlurmPartition,
  type SlurmPing,
  type SubmitResult,
} from '../model.js';
import {
  cancelId,
  defined,
  fromPlain,
  listField,
  splitState,
  time,
  validateSubmit,
} from './common.js';
import type { SlurmAdapter, SlurmApi } from './types.js';

type Schemas = components['schemas'];
type SubmitBody = Schemas['v0.0.38_job_submission'];
type JobRecord = Schemas['v0.0.38_job_response_properties'];
// Only the paths used: typing the client over all of them costs the type checker more
// (214k instantiations for the six adapters, against 193k with these picks).
type UsedPaths = Pick<
  paths,
  | '/slurm/v0.0.38/ping'
  | '/slurm/v0.0.38/job/submit'
  | '/slurm/v0.0.38/jobs'
  | '/slurm/v0.0.38/job/{job_id}'
  | '/slurm/v0.0.38/partitions'
  | '/slurm/v0.0.38/nodes'
>;

function submitBody(req: ArraySubmitRequest): SubmitBody {
  validateSubmit(req);
  const job: Schemas['v0.0.38_job_properties'] = defined({
    name: req.name,
    comment: req.comment,
    current_working_directory: req.workDir,
    environment: { ...req.environment },
    standard_output: req.stdout,
    standard_error: req.stderr,
    array: req.array,
    partition: req.partition,
    account: req.account,
    qos: req.qos,
    time_limit: req.timeLimitMinutes,
    cpus_per_task: req.cpusPerTask,
    memory_per_cpu: req.memoryPerCpuMB,
    requeue: req.requeue ?? false,
  });
  return { script: req.script, job };
}

function parseSubmit(body: unknown): SubmitResult {
  const b = body as Schemas['v0.0.38_job_submission_response'];
  if (!Number.isSafeInteger(b?.job_id)) throw new Error('field job_id is missing');
  const out: SubmitResult = { jobId: b.job_id as number };
  if (b.job_submit_user_msg) out.userMessage = b.job_submit_user_msg;
  return out;
}

/**
 * The raw wait status slurmctld keeps (exit code in bits 8-15, signal in bits 0-6), which
 * v0.0.38 passes on unchanged: the recorded task that ran `exit 1` shows 256. It reads 0
 * until the job ends, so it is only taken from finished jobs.
 */
function exitStatus(raw: number | undefined): Pick<SlurmJob, 'exitCode' | 'exitSignal'> {
  const value = fromPlain(raw);
  if (value === undefined || !Number.isFinite(value)) return {};
  const signal = value & 0x7f;
  return signal === 0 ? { exitCode: (value >> 8) & 0xff } : { exitSignal: signal };
}

function parseJob(j: JobRecord): SlurmJob {
  const arrayJobId = j.array_job_id ? j.array_job_id : undefined;
  const taskId = fromPlain(j.array_task_id);
  const job: SlurmJob = {
    jobId: j.job_id as number,
    name: j.name ?? '',
    comment: j.comment ?? '',
    ...splitState(j.job_state ? [j.job_state] : []),
  };
  if (jobPhase(job) === 'finished') Object.assign(job, exitStatus(j.exit_code));
  const optional: Partial<SlurmJob> = {
    arrayJobId,
    arrayTaskId: arrayJobId !== undefined && Number.isFinite(taskId) ? taskId : undefined,
    arrayPending: arrayJobId !== undefined && j.array_task_string ? j.array_task_string : undefined,
    reason: j.state_reason && j.state_reason !== 'None' ? j.state_reason : undefined,
    nodes: j.nodes || undefined,
    batchHost: j.batch_host || undefined,
    partition: j.partition || undefined,
    submitTime: time(j.submit_time),
    startTime: time(j.start_time),
    endTime: time(j.end_time),
  };
  return { ...job, ...defined(optional) };
}

function parseJobs(body: unknown): SlurmJob[] {
  return listField<JobRecord>(body, 'jobs').map(parseJob);
}

function parsePartitions(body: unknown): SlurmPartition[] {
  return listField<Schemas['v0.0.38_partition']>(body, 'partitions').map((p) => {
    const out: SlurmPartition = {
      name: p.name ?? '',
      state: p.state ?? 'UNKNOWN',
      isDefault: (p.flags ?? []).includes('default'),
    };
    return {
      ...out,
      ...defined({
        nodes: p.nodes || undefined,
        totalNodes: p.total_nodes,
        totalCpus: p.total_cpus,
        maxTimeMinutes: fromPlain(p.max_time_limit),
      }),
    };
  });
}

function parseNodes(body: unknown): SlurmNode[] {
  return listField<Schemas['v0.0.38_node']>(body, 'nodes').map((n) => {
    const out: SlurmNode = {
      name: n.name ?? '',
      state: [(n.state ?? 'unknown').toUpperCase(), ...(n.state_flags ?? [])],
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
  });
}

function parsePings(body: unknown): SlurmPing[] {
  return listField<Schemas['v0.0.38_ping']>(body, 'pings').map((p) => {
    const out: SlurmPing = { hostname: p.hostname ?? '', responding: p.ping === 'UP' };
    return p.mode ? { ...out, mode: p.mode } : out;
  });
}

function bind(transport: SlurmTransport): SlurmApi {
  const api = transport.typed<UsedPaths>();
  return {
    version: 'v0.0.38',
    ping: () => transport.call('read', 'ping', () => api.GET('/slurm/v0.0.38/ping'), parsePings),
    async submitArray(req) {
      const body = submitBody(req);
      const send = () => api.POST('/slurm/v0.0.38/job/submit', { body });
      return transport.call('submit', 'submit', send, parseSubmit);
    },
    listJobs: () =>
      transport.call('read', 'list jobs', () => api.GET('/slurm/v0.0.38/jobs'), parseJobs),
    async cancel(jobId) {
      const params = { path: { job_id: cancelId(jobId) } };
      const send = () => api.DELETE('/slurm/v0.0.38/job/{job_id}', { params });
      return transport.call('cancel', `cancel ${jobId}`, send, () => undefined);
    },
    partitions: () =>
      transport.call(
        'read',
        'list partitions',
        () => api.GET('/slurm/v0.0.38/partitions'),
        parsePartitions,
      ),
    nodes: () =>
      transport.call('read', 'list nodes', () => api.GET('/slurm/v0.0.38/nodes'), parseNodes),
    // No v0.0.38 endpoint reports MaxArraySize.
    limits: async () => ({ ok: true, value: {} }),
  };
}

export const v0038: SlurmAdapter = {
  version: 'v0.0.38',
  submitBody,
  parseSubmit,
  parseJobs,
  parsePartitions,
  parseNodes,
  parsePings,
  bind,
};
