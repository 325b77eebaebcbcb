// Checks and conversions every adapter shares.
import { OffloadError, show } from '../../../errors.js';
import { isSlurmBaseState, type ArraySubmitRequest, type SlurmJob } from '../model.js';

// Slurm's NO_VAL and INFINITE (slurm.h) for 32-bit fields, which v0.0.38 passes as is.
export const NO_VAL = 0xfffffffe;
export const INFINITE = 0xffffffff;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ARRAY_SPEC = /^\d+(-\d+(:\d+)?)?(,\d+(-\d+(:\d+)?)?)*(%\d+)?$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function invalid(field: string, message: string, value: unknown): never {
  throw new OffloadError('SPEC_INVALID', `submit.${field} ${message}, got ${show(value)}`, {
    field: `submit.${field}`,
  });
}

function checkText(field: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || (required && value === '')) {
    invalid(field, 'must be a non-empty string', value);
  }
  if (CONTROL.test(value)) invalid(field, 'must not hold control characters', value);
}

function checkCount(field: string, value: unknown): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) >= NO_VAL) {
    invalid(field, 'must be a positive integer', value);
  }
}

/** Refuses a request slurmctld would refuse, or that could smuggle in other fields. */
export function validateSubmit(req: ArraySubmitRequest): void {
  for (const f of ['name', 'workDir', 'stdout', 'stderr', 'array'] as const) {
    checkText(f, req[f], true);
  }
  for (const f of ['partition', 'account', 'qos'] as const) checkText(f, req[f], false);
  if (typeof req.comment !== 'string' || CONTROL.test(req.comment)) {
    invalid('comment', 'must be a string without control characters', req.comment);
  }
  if (!req.workDir.startsWith('/')) invalid('workDir', 'must be an absolute path', req.workDir);
  if (!ARRAY_SPEC.test(req.array)) invalid('array', 'must be a Slurm index expression', req.array);
  if (typeof req.script !== 'string' || !req.script.startsWith('#!')) {
    invalid('script', 'must start with #!', req.script?.slice?.(0, 20));
  }
  checkEnvironment(req.environment);
  checkCount('timeLimitMinutes', req.timeLimitMinutes);
  checkCount('cpusPerTask', req.cpusPerTask);
  checkCount('memoryPerCpuMB', req.memoryPerCpuMB);
}

function checkEnvironment(env: Record<string, string>): void {
  if (env === null || typeof env !== 'object' || Object.keys(env).length === 0) {
    // slurmctld refuses a batch job without any environment variable.
    invalid('environment', 'must hold at least one variable', env);
  }
  for (const [name, value] of Object.entries(env)) {
    if (!ENV_NAME.test(name)) invalid('environment', 'names must be shell identifiers', name);
    if (typeof value !== 'string' || value.includes('\u0000')) {
      invalid(`environment.${name}`, 'must be a string without NUL', value);
    }
  }
}

/** From v0.0.39 the environment is a list of `NAME=value` strings. */
export function environmentList(env: Record<string, string>): string[] {
  return Object.entries(env).map(([name, value]) => `${name}=${value}`);
}

/** A job id as the cancel path takes it: `123` or one array task, `123_4`. */
export function cancelId(jobId: number | string): string {
  const text = String(jobId);
  if (!/^\d+(_\d+)?$/.test(text) || text.length > 21) {
    throw new OffloadError(
      'SPEC_INVALID',
      `cancel.jobId must be 123 or 123_4, got ${show(jobId)}`,
      {
        field: 'cancel.jobId',
      },
    );
  }
  return text;
}

/** The `{ set, infinite, number }` numbers of v0.0.40 and later. */
export interface NoValNumber {
  set?: boolean;
  infinite?: boolean;
  number?: number;
}

/** A set number, `Infinity` for an infinite one, undefined for an unset one. */
export function fromNoVal(value: NoValNumber | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value.infinite === true) return Infinity;
  return value.set === true ? value.number : undefined;
}

export function setNumber(n: number): { set: true; infinite: false; number: number } {
  return { set: true, infinite: false, number: n };
}

/**
 * A v0.0.38 number. Slurm 22.05 writes an unset (NO_VAL) number as `null` and an
 * unlimited (INFINITE) one as -1, though its document declares plain integers (seen in
 * the recorded fixtures); the raw sentinels are mapped too, in case a field escapes that.
 */
export function fromPlain(value: number | null | undefined): number | undefined {
  if (value === undefined || value === null || value === NO_VAL) return undefined;
  return value === INFINITE || value === -1 ? Infinity : value;
}

/** Unix seconds, where 0 means "not yet". */
export function time(value: number | null | undefined): number | undefined {
  return typeof value !== 'number' || value <= 0 || !Number.isFinite(value) ? undefined : value;
}

/** Splits a state given as a list of names into the base state and its flags. */
export function splitState(names: readonly string[]): Pick<SlurmJob, 'state' | 'flags'> {
  const base = names.find(isSlurmBaseState);
  return { state: base ?? 'UNKNOWN', flags: names.filter((n) => n !== base) };
}

/** The array of a response field, or a thrown error the transport reports as a bad body. */
export function listField<T>(body: unknown, field: string): T[] {
  const value = (body as Record<string, unknown> | null)?.[field];
  if (!Array.isArray(value)) throw new Error(`field ${field} is not a list`);
  return value as T[];
}

/**
 * Drops undefined fields, so request bodies hold only what was asked for, and null ones,
 * which v0.0.38 writes for unset values.
 */
export function defined<T extends object>(value: T): T {
  const kept = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
  return Object.fromEntries(kept) as T;
}
