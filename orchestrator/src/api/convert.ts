// Converts between the engine's records and protocol messages.
import { OffloadError, show } from '../errors.js';
import type { KernelEntry } from '../kernels/catalog.js';
import {
  JOB_STATES as STATES,
  type BatchRecord,
  type EventRecord,
  type JobRecord,
  type JobState,
} from '../jobs/types.js';
import type { Struct__Output } from './generated/google/protobuf/Struct.js';
import type { Value__Output } from './generated/google/protobuf/Value.js';
import type { Batch } from './generated/offload/v1/Batch.js';
import type { Job } from './generated/offload/v1/Job.js';
import type { JobEvent } from './generated/offload/v1/JobEvent.js';
import type { JobState__Output as WireState } from './generated/offload/v1/JobState.js';
import type { Kernel } from './generated/offload/v1/Kernel.js';
import type { Progress } from './generated/offload/v1/Progress.js';

export function toWireState(state: JobState): WireState {
  return `JOB_STATE_${state.toUpperCase()}` as WireState;
}

export function fromWireState(state: string | number, field: string): JobState {
  const name = typeof state === 'number' ? STATES[state - 1] : state;
  const plain = typeof name === 'string' ? name.replace(/^JOB_STATE_/, '').toLowerCase() : '';
  if (!STATES.includes(plain as JobState)) {
    throw new OffloadError(
      'SPEC_INVALID',
      `${field} must be one of ${STATES.join(', ')}, got ${show(state)}`,
      { field },
    );
  }
  return plain as JobState;
}

/** Records done comes from the batches; callers pass it when they have them. */
export function toProgress(job: JobRecord, batches?: BatchRecord[]): Progress {
  const recordsDone = batches
    ? batches.filter((b) => b.state === 'done').reduce((sum, b) => sum + b.records, 0)
    : job.state === 'succeeded'
      ? (job.records ?? 0)
      : 0;
  return {
    batchesDone: job.batchesDone,
    batchesTotal: job.batches ?? 0,
    recordsDone,
    recordsTotal: job.records ?? 0,
  };
}

export function toJob(job: JobRecord, batches?: BatchRecord[]): Job {
  return {
    id: job.id,
    name: job.name,
    owner: job.owner,
    kernel: job.kernel,
    kernelSha256: job.kernelSha256,
    state: toWireState(job.state),
    target: job.target,
    specJson: JSON.stringify(job.spec ?? null),
    progress: toProgress(job, batches),
    outputSha256: job.outputSha256 ?? '',
    error: job.error ?? '',
    createdAtMs: job.createdAt,
    updatedAtMs: job.updatedAt,
    startedAtMs: job.startedAt ?? 0,
    endedAtMs: job.endedAt ?? 0,
  };
}

export function toBatch(batch: BatchRecord): Batch {
  return {
    index: batch.index,
    state: batch.state,
    records: batch.records,
    firstRecord: batch.firstRecord,
    inputSha256: batch.inputSha256,
    outputSha256: batch.outputSha256 ?? '',
    backend: batch.backend ?? '',
    where: batch.where ?? '',
    attempts: batch.attempts,
    seconds: batch.seconds ?? 0,
  };
}

export function toEvent(event: EventRecord, job: JobRecord, batches?: BatchRecord[]): JobEvent {
  return {
    id: event.id,
    jobId: event.jobId,
    atMs: event.at,
    type: event.type,
    dataJson: JSON.stringify(event.data ?? {}),
    state: toWireState(job.state),
    progress: toProgress(job, batches),
  };
}

export function toKernel(entry: KernelEntry): Kernel {
  return {
    name: entry.name,
    version: entry.version,
    kind: entry.kind,
    sha256: entry.sha256,
    abi: entry.abi,
    description: entry.description,
    inputCodec: entry.codecs.input,
    outputCodec: entry.codecs.output,
    params: entry.params.map((p) => ({
      name: p.name,
      type: p.type,
      secret: p.secret ?? false,
      description: p.description ?? '',
    })),
  };
}

/** google.protobuf.Struct as proto-loader decodes it, back to plain JSON. */
export function structToJson(struct: Struct__Output): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(struct.fields ?? {})) out[key] = valueToJson(value);
  return out;
}

function valueToJson(value: Value__Output): unknown {
  switch (value.kind) {
    case 'structValue':
      return value.structValue ? structToJson(value.structValue) : {};
    case 'listValue':
      return (value.listValue?.values ?? []).map(valueToJson);
    case 'stringValue':
      return value.stringValue;
    case 'numberValue':
      return value.numberValue;
    case 'boolValue':
      return value.boolValue;
    default:
      return null;
  }
}

/** Plain JSON to google.protobuf.Struct, for clients that send the structured form. */
export function jsonToStruct(json: Record<string, unknown>): Struct__Output {
  const fields: Record<string, Value__Output> = {};
  for (const [key, value] of Object.entries(json)) fields[key] = jsonToValue(value);
  return { fields };
}

function jsonToValue(value: unknown): Value__Output {
  if (value === null || value === undefined) return { kind: 'nullValue', nullValue: 'NULL_VALUE' };
  if (Array.isArray(value)) {
    return { kind: 'listValue', listValue: { values: value.map(jsonToValue) } };
  }
  switch (typeof value) {
    case 'string':
      return { kind: 'stringValue', stringValue: value };
    case 'number':
      return { kind: 'numberValue', numberValue: value };
    case 'boolean':
      return { kind: 'boolValue', boolValue: value };
    case 'object':
      return { kind: 'structValue', structValue: jsonToStruct(value as Record<string, unknown>) };
    default:
      return { kind: 'stringValue', stringValue: String(value) };
  }
}
