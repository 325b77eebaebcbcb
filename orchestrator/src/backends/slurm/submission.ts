// From one job's batches to the arrays submitted for it: how the batches split into
// arrays when they outnumber MaxArraySize, and the REST request for each array, built
// from the same parameters as its script so the two cannot disagree.
import { OffloadError, show } from '../../errors.js';
import type { ArraySubmitRequest } from './model.js';
import { renderArrayScript, type ArrayScriptParams } from './template.js';

/** The environment variable that carries an array's first batch index to its tasks. */
export const BATCH_OFFSET_ENV = 'OFFLOAD_BATCH_OFFSET';
/** The variable the script exports for the runner: array index plus offset. */
export const BATCH_INDEX_ENV = 'OFFLOAD_BATCH_INDEX';

/**
 * A job submitted through slurmrestd starts with only the environment in the request
 * (sbatch would copy the caller's), so a PATH is always sent.
 */
export const DEFAULT_PATH = '/usr/local/bin:/usr/bin:/bin';

export interface ArrayPlan {
  /** The batch index of the array's task 0. */
  offset: number;
  /** Tasks in this array. */
  count: number;
  /** The index expression: `0-<count-1>`, with `%<throttle>` when limited. */
  array: string;
}

/**
 * Splits `batches` into arrays whose indexes stay below `maxArraySize`: Slurm caps the
 * highest index (MaxArraySize - 1), not the number of tasks, so every array restarts at
 * index 0 and carries its offset instead.
 */
export function planArrays(batches: number, maxArraySize: number, throttle?: number): ArrayPlan[] {
  const positive = (field: string, n: unknown) => {
    if (!Number.isSafeInteger(n) || (n as number) < 1) {
      throw new OffloadError(
        'SPEC_INVALID',
        `${field} must be a positive integer, got ${show(n)}`,
        {
          field,
        },
      );
    }
  };
  positive('batches', batches);
  positive('slurm.maxArraySize', maxArraySize);
  if (throttle !== undefined) positive('slurm.maxRunningTasks', throttle);
  const plans: ArrayPlan[] = [];
  for (let offset = 0; offset < batches; offset += maxArraySize) {
    const count = Math.min(maxArraySize, batches - offset);
    const limit = throttle === undefined ? '' : `%${throttle}`;
    plans.push({ offset, count, array: `${count === 1 ? '0' : `0-${count - 1}`}${limit}` });
  }
  return plans;
}

export interface ArraySubmissionParams extends ArrayScriptParams {
  comment: string;
  workDir: string;
  stdout: string;
  stderr: string;
  plan: ArrayPlan;
  /** Variables for the tasks, besides PATH and the batch offset. */
  environment?: Record<string, string>;
}

/** The script and the REST request for one planned array, from one set of parameters. */
export function arraySubmission(template: string, p: ArraySubmissionParams): ArraySubmitRequest {
  const script = renderArrayScript(template, { ...p, array: p.plan.array });
  const environment = {
    PATH: DEFAULT_PATH,
    ...p.environment,
    [BATCH_OFFSET_ENV]: String(p.plan.offset),
  };
  const optional = {
    partition: p.partition,
    account: p.account,
    qos: p.qos,
    timeLimitMinutes: p.timeLimitMinutes,
    cpusPerTask: p.cpusPerTask,
    memoryPerCpuMB: p.memoryPerCpuMB,
  };
  const request: ArraySubmitRequest = {
    name: p.jobName,
    comment: p.comment,
    script,
    workDir: p.workDir,
    environment,
    stdout: p.stdout,
    stderr: p.stderr,
    array: p.plan.array,
    requeue: false,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(request, { [key]: value });
  }
  return request;
}
