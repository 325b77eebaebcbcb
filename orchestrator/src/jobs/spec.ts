// Job specs: parsed from JSON or YAML, validated field by field with errors that name
// the field and show the bad value, and resolved against the kernel catalogue.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import YAML from 'yaml';
import { OffloadError, show } from '../errors.js';
import type { Catalog, KernelEntry } from '../kernels/catalog.js';
import { resolveParams, type ParamValue } from '../kernels/params.js';
import { codec } from '../datasets/codecs.js';
import { INPUT_FORMATS, type InputSpec } from '../datasets/readers.js';
import { OUTPUT_FORMATS, type OutputSpec } from '../datasets/writers.js';
import type { Target } from './types.js';

/** Where a parameter's value comes from. Secrets come only from files or variables. */
export type ParamSource =
  | number
  | string
  | { file: string }
  | { env: string }
  | { hex: string }
  | { value: number | string };

export interface JobSpec {
  name?: string;
  kernel: string;
  input: InputSpec & { codec?: string };
  params: Record<string, ParamSource>;
  batch: { records: number };
  target: Target;
  cluster?: string;
  /** Seconds a batch may wait in a cluster queue before local workers take it. */
  maxQueueWait?: number;
  /** How many times a failed batch is tried again. */
  retries: number;
  output: OutputSpec & { codec?: string };
}

export const SPEC_DEFAULTS = {
  batchRecords: 50_000,
  maxBatchRecords: 10_000_000,
  retries: 2,
  target: 'local' as Target,
};

const TOP_FIELDS = new Set([
  'name',
  'kernel',
  'input',
  'params',
  'batch',
  'target',
  'cluster',
  'maxQueueWait',
  'retries',
  'output',
  '$schema',
]);

function invalid(field: string, message: string): OffloadError {
  return new OffloadError('SPEC_INVALID', `${field} ${message}`, { field });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(
  obj: Record<string, unknown>,
  key: string,
  field: string,
  required: boolean,
): string | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (required) throw invalid(field, 'is required');
    return undefined;
  }
  if (typeof v !== 'string' || v.trim() === '') {
    throw invalid(field, `must be a non-empty string, got ${show(v)}`);
  }
  return v;
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  field: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) {
    throw invalid(field, `must be one of ${allowed.join(', ')}; got ${show(value)}`);
  }
  return value as T;
}

function positiveInt(v: unknown, field: string, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v > max) {
    throw invalid(field, `must be a positive integer no larger than ${max}, got ${show(v)}`);
  }
  return v;
}

/** Parses spec text: JSON when it looks like JSON, YAML otherwise. */
export function parseSpecText(text: string, file: string): unknown {
  try {
    return text.trimStart().startsWith('{') ? JSON.parse(text) : YAML.parse(text);
  } catch (cause) {
    throw new OffloadError(
      'SPEC_INVALID',
      `${file} is not valid JSON or YAML: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

export async function readSpecFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new OffloadError(
      'INPUT_NOT_FOUND',
      `spec file ${file} cannot be read: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  return parseSpecText(text, file);
}

function validateParamSources(raw: unknown): Record<string, ParamSource> {
  if (raw === undefined) return {};
  if (!isObject(raw)) throw invalid('params', `must be an object, got ${show(raw)}`);
  for (const [name, v] of Object.entries(raw)) {
    const field = `params.${name}`;
    if (typeof v === 'number' || typeof v === 'string') continue;
    if (!isObject(v))
      throw invalid(field, `must be a number, a string or {file|env|hex}, got ${show(v)}`);
    const keys = Object.keys(v);
    if (keys.length !== 1 || !['file', 'env', 'hex', 'value'].includes(keys[0])) {
      throw invalid(field, `must have exactly one of file, env, hex; got ${show(v)}`);
    }
    const inner = v[keys[0]];
    if (keys[0] !== 'value' && (typeof inner !== 'string' || inner === '')) {
      throw invalid(`${field}.${keys[0]}`, `must be a non-empty string, got ${show(inner)}`);
    }
  }
  return raw as Record<string, ParamSource>;
}

/** Validates a raw spec; relative paths resolve against `baseDir`. */
export function validateSpec(raw: unknown, catalog: Catalog, baseDir: string): JobSpec {
  if (!isObject(raw)) throw invalid('spec', `must be an object, got ${show(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!TOP_FIELDS.has(key)) throw invalid(key, 'is not a job spec field');
  }
  const kernelName = str(raw, 'kernel', 'kernel', true)!;
  const entry = catalog.get(kernelName);
  if (entry.localOnly) {
    throw invalid(
      'kernel',
      `${entry.name} needs a private key and runs only on the key holder's machine, ` +
        'never as a job (use `offload decrypt`)',
    );
  }

  if (!isObject(raw.input)) throw invalid('input', `must be an object, got ${show(raw.input)}`);
  const inPath = str(raw.input, 'path', 'input.path', true)!;
  const format = oneOf(
    str(raw.input, 'format', 'input.format', false) ?? 'lines',
    INPUT_FORMATS,
    'input.format',
  )!;
  const input: JobSpec['input'] = { path: absolute(inPath, baseDir), format };
  if (format === 'csv') {
    input.column = str(raw.input, 'column', 'input.column', true);
    const delimiter = str(raw.input, 'delimiter', 'input.delimiter', false);
    if (delimiter !== undefined && delimiter.length !== 1) {
      throw invalid('input.delimiter', `must be one character, got ${show(delimiter)}`);
    }
    if (delimiter) input.delimiter = delimiter;
  }
  if (format === 'ndjson') input.field = str(raw.input, 'field', 'input.field', true);
  const inCodec = str(raw.input, 'codec', 'input.codec', false);
  if (inCodec) {
    codec(inCodec, 'input.codec');
    input.codec = inCodec;
  }

  if (!isObject(raw.output)) throw invalid('output', `must be an object, got ${show(raw.output)}`);
  const outPath = str(raw.output, 'path', 'output.path', true)!;
  const output: JobSpec['output'] = {
    path: absolute(outPath, baseDir),
    format: oneOf(
      str(raw.output, 'format', 'output.format', false) ?? 'hex-lines',
      OUTPUT_FORMATS,
      'output.format',
    )!,
  };
  const column = str(raw.output, 'column', 'output.column', false);
  if (column) output.column = column;
  const outCodec = str(raw.output, 'codec', 'output.codec', false);
  if (outCodec) {
    codec(outCodec, 'output.codec');
    output.codec = outCodec;
  }
  if (output.path === input.path) throw invalid('output.path', 'must not be the input file');

  let batchRecords = SPEC_DEFAULTS.batchRecords;
  if (raw.batch !== undefined) {
    if (!isObject(raw.batch)) throw invalid('batch', `must be an object, got ${show(raw.batch)}`);
    if (raw.batch.records !== undefined) {
      batchRecords = positiveInt(raw.batch.records, 'batch.records', SPEC_DEFAULTS.maxBatchRecords);
    }
  }
  const target = oneOf(
    str(raw, 'target', 'target', false) ?? SPEC_DEFAULTS.target,
    ['local', 'slurm', 'auto'] as const,
    'target',
  )!;
  const spec: JobSpec = {
    kernel: entry.name,
    input,
    params: validateParamSources(raw.params),
    batch: { records: batchRecords },
    target,
    retries: SPEC_DEFAULTS.retries,
    output,
  };
  const name = str(raw, 'name', 'name', false);
  if (name) spec.name = name;
  const cluster = str(raw, 'cluster', 'cluster', false);
  if (cluster) spec.cluster = cluster;
  if (raw.maxQueueWait !== undefined)
    spec.maxQueueWait = positiveInt(raw.maxQueueWait, 'maxQueueWait', 7 * 86400);
  if (raw.retries !== undefined) {
    if (
      typeof raw.retries !== 'number' ||
      !Number.isInteger(raw.retries) ||
      raw.retries < 0 ||
      raw.retries > 20
    ) {
      throw invalid('retries', `must be an integer from 0 to 20, got ${show(raw.retries)}`);
    }
    spec.retries = raw.retries;
  }
  if (entry.params.length === 0 && Object.keys(spec.params).length > 0 && !hasExpanders(spec)) {
    throw invalid(
      `params.${Object.keys(spec.params)[0]}`,
      `is not a parameter of kernel ${entry.name} (it takes none)`,
    );
  }
  return spec;
}

function absolute(path: string, baseDir: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/**
 * Expands a spec parameter that is not itself a kernel parameter into kernel
 * parameters: a Paillier public key file into `n` and the fixed base, for example.
 */
export type ParamExpander = (
  source: ParamSource,
  field: string,
) => Promise<Record<string, ParamValue>>;

const expanders = new Map<string, ParamExpander>();

export function registerParamExpander(name: string, expander: ParamExpander): void {
  expanders.set(name, expander);
}

function hasExpanders(spec: JobSpec): boolean {
  return Object.keys(spec.params).some((k) => expanders.has(k));
}

async function readHexText(text: string, field: string, what: string): Promise<Buffer> {
  const t = text.trim();
  if (t === '' || !/^(?:[0-9a-fA-F]{2})+$/.test(t)) {
    throw new OffloadError(
      'SECRET_INVALID',
      `${field}: ${what} does not hold the value as hex text`,
      { field },
    );
  }
  return Buffer.from(t, 'hex');
}

async function sourceValue(source: ParamSource, field: string, secret: boolean): Promise<unknown> {
  if (typeof source === 'number') return source;
  if (typeof source === 'string') {
    if (secret)
      throw invalid(field, 'is a secret: give it as {"file": ...} or {"env": ...}, never inline');
    return /^(?:[0-9a-fA-F]{2})+$/.test(source) ? Buffer.from(source, 'hex') : source;
  }
  if ('value' in source) return source.value;
  if ('hex' in source) {
    if (secret)
      throw invalid(field, 'is a secret: give it as {"file": ...} or {"env": ...}, never inline');
    return readHexText(source.hex, `${field}.hex`, 'the value');
  }
  if ('env' in source) {
    const v = process.env[source.env];
    if (v === undefined) {
      throw new OffloadError(
        'SECRET_INVALID',
        `${field}.env: environment variable ${source.env} is not set`,
        {
          field: `${field}.env`,
        },
      );
    }
    return readHexText(v, `${field}.env`, `variable ${source.env}`);
  }
  let text: string;
  try {
    text = await readFile(source.file, 'utf8');
  } catch (cause) {
    throw new OffloadError(
      'SECRET_INVALID',
      `${field}.file: cannot read ${source.file}: ${(cause as Error).message}`,
      {
        field: `${field}.file`,
        cause,
      },
    );
  }
  return readHexText(text, `${field}.file`, `file ${source.file}`);
}

/** Makes file sources absolute, so a stored spec resolves the same from anywhere. */
export function anchorParamFiles(spec: JobSpec, baseDir: string): void {
  for (const [name, src] of Object.entries(spec.params)) {
    if (typeof src === 'object' && 'file' in src)
      spec.params[name] = { file: absolute(src.file, baseDir) };
  }
}

/** Reads every parameter's value (secrets included) and validates it against the kernel. */
export async function resolveParamValues(
  spec: JobSpec,
  entry: KernelEntry,
): Promise<Record<string, ParamValue>> {
  const raw: Record<string, unknown> = {};
  for (const [name, source] of Object.entries(spec.params)) {
    const expander = expanders.get(name);
    if (expander && !entry.params.some((p) => p.name === name)) {
      Object.assign(raw, await expander(source, `params.${name}`));
      continue;
    }
    const schema = entry.params.find((p) => p.name === name);
    raw[name] = await sourceValue(source, `params.${name}`, schema?.secret ?? false);
  }
  return resolveParams(entry, raw);
}

export function specBaseDir(specFile: string): string {
  return dirname(resolve(specFile));
}
