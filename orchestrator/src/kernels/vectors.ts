// Known-answer vectors (wasm-kernels/vectors/<kernel>.json) run through KernelInstance,
// the same host path a batch takes: `offload kernels test` calls runVectors and prints
// `N passed, N failed`.
//
// A vector gives input records, optional parameters and seed, and the expected output
// records. Records are written `{ "<codec>": "<text>" }` with any codec of
// datasets/codecs.ts, or `{ "repeat": <record>, "times": n }`; an expected record may be
// `{ "hexPrefix": "..." }` when the specification gives only a truncated value. `steps`
// chains kernels (the output records of one are the input of the next), which states
// properties such as reconstruct(split(x)) == x; a reduce step folds every record into one
// partial, or with `columns` folds each 8-byte column separately and combines the partials.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codec } from '../datasets/codecs.js';
import { OffloadError, show } from '../errors.js';
import type { Catalog, KernelEntry } from './catalog.js';
import { KernelInstance } from './host.js';
import { encodeParams, resolveParams } from './params.js';

const here = dirname(fileURLToPath(import.meta.url));
/** wasm-kernels/vectors, from orchestrator/dist/src/kernels. */
export const DEFAULT_VECTOR_DIR = resolve(here, '../../../../wasm-kernels/vectors');

export type RecordJson = { [codecName: string]: string } | { repeat: RecordJson; times: number };
export type ExpectJson = RecordJson | { hexPrefix: string };

export interface StepJson {
  kernel: string;
  params?: Record<string, unknown>;
  seed?: RecordJson;
  /** Reduce steps: fold each 8-byte column of the records separately, then combine. */
  columns?: boolean;
  /** Reduce steps: records per chunk (default: all in one). */
  chunkRecords?: number;
}

export interface VectorJson extends Omit<StepJson, 'kernel'> {
  name: string;
  steps?: StepJson[];
  input: RecordJson[];
  output: ExpectJson[];
}

export interface VectorFile {
  kernel: string;
  vectors: VectorJson[];
}

export interface VectorResult {
  kernel: string;
  name: string;
  ok: boolean;
  message?: string;
}

export interface VectorReport {
  passed: number;
  failed: number;
  results: VectorResult[];
}

export interface VectorOptions {
  /** Where the vector files are; default wasm-kernels/vectors. */
  dir?: string;
}

function bad(where: string, message: string): OffloadError {
  return new OffloadError('SPEC_INVALID', `${where}: ${message}`, { field: where });
}

export function decodeRecord(json: RecordJson, where: string): Buffer {
  if (json && typeof json === 'object' && 'repeat' in json) {
    const times = (json as { times: unknown }).times;
    if (!Number.isInteger(times) || (times as number) < 0) {
      throw bad(where, `times must be a non-negative integer, got ${show(times)}`);
    }
    const unit = decodeRecord(json.repeat as RecordJson, `${where}.repeat`);
    return unit.length === 0 ? unit : Buffer.alloc(unit.length * (times as number), unit);
  }
  const keys = json && typeof json === 'object' ? Object.keys(json) : [];
  if (keys.length !== 1 || typeof (json as Record<string, unknown>)[keys[0]!] !== 'string') {
    throw bad(where, `expected { "<codec>": "<text>" } or a repeat, got ${show(json)}`);
  }
  return codec(keys[0]!, where).parse((json as Record<string, string>)[keys[0]!]!, where);
}

function frame(records: Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const r of records) {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(r.length);
    parts.push(len, r);
  }
  return Buffer.concat(parts);
}

function unframe(chunk: Buffer): Buffer[] {
  const records: Buffer[] = [];
  for (let at = 0; at < chunk.length;) {
    const len = chunk.readUInt32LE(at);
    records.push(chunk.subarray(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return records;
}

/**
 * The entry with its policy minimum on byte parameters dropped: vectors use the
 * specifications' own keys (RFC 4231 has 4- and 20-byte HMAC keys) while the catalogue
 * asks jobs for at least 32 bytes. Types, maximums and exact sizes still apply.
 */
function withoutPolicyMinimums(entry: KernelEntry): KernelEntry {
  return { ...entry, params: entry.params.map(({ minBytes: _minBytes, ...spec }) => spec) };
}

function decodeParams(step: StepJson, where: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(step.params ?? {})) {
    if (typeof value === 'object' && value !== null) {
      values[name] = decodeRecord(value as RecordJson, `${where}.params.${name}`);
    } else {
      values[name] = typeof value === 'string' ? BigInt(value) : value;
    }
  }
  return values;
}

async function instance(catalog: Catalog, step: StepJson, where: string): Promise<KernelInstance> {
  const entry = catalog.get(step.kernel, `${where}.kernel`);
  const relaxed = withoutPolicyMinimums(entry);
  const params = encodeParams(relaxed, resolveParams(relaxed, decodeParams(step, where), where));
  const seed = step.seed === undefined ? undefined : decodeRecord(step.seed, `${where}.seed`);
  if (entry.entropy && seed?.length !== 32) {
    throw bad(`${where}.seed`, `kernel ${entry.name} draws entropy and needs a 32-byte seed`);
  }
  return KernelInstance.create(entry, await catalog.module(entry), params, seed);
}

async function reduceAll(catalog: Catalog, step: StepJson, records: Buffer[], where: string) {
  const kernel = await instance(catalog, step, where);
  const per = step.chunkRecords ?? Math.max(records.length, 1);
  for (let i = 0; i < records.length; i += per) {
    const part = records.slice(i, i + per);
    kernel.reduce(frame(part), part.length, i);
  }
  return unframe(kernel.finish());
}

async function reduceColumns(catalog: Catalog, step: StepJson, records: Buffer[], where: string) {
  const width = (records[0]?.length ?? 0) / 8;
  const partials: Buffer[] = [];
  for (let j = 0; j < width; j++) {
    const column = records.map((r) => r.subarray(j * 8, j * 8 + 8));
    partials.push(...(await reduceAll(catalog, { ...step, columns: false }, column, where)));
  }
  const combiner = await instance(catalog, step, where);
  combiner.combine(frame(partials), partials.length);
  return unframe(combiner.finish());
}

async function runStep(
  catalog: Catalog,
  step: StepJson,
  records: Buffer[],
  where: string,
): Promise<Buffer[]> {
  const entry = catalog.get(step.kernel, `${where}.kernel`);
  if (entry.kind === 'reduce') {
    return step.columns
      ? reduceColumns(catalog, step, records, where)
      : reduceAll(catalog, step, records, where);
  }
  const kernel = await instance(catalog, step, where);
  return unframe(kernel.map(frame(records), records.length));
}

function hexOf(b: Buffer): string {
  const hex = b.toString('hex');
  return hex.length > 72 ? `${hex.slice(0, 72)}... (${b.length} bytes)` : hex;
}

/** Compares outputs with the expected records; returns a message for the first mismatch. */
function mismatch(got: Buffer[], expected: ExpectJson[], where: string): string | undefined {
  if (got.length !== expected.length) {
    return `expected ${expected.length} output records, got ${got.length}`;
  }
  for (let i = 0; i < got.length; i++) {
    const e = expected[i]!;
    const g = got[i]!;
    if ('hexPrefix' in e && typeof e.hexPrefix === 'string') {
      const prefix = decodeRecord({ hex: e.hexPrefix }, `${where}.output[${i}]`);
      if (g.length < prefix.length || !g.subarray(0, prefix.length).equals(prefix)) {
        return `record ${i}: expected a value starting ${hexOf(prefix)}, got ${hexOf(g)}`;
      }
    } else {
      const want = decodeRecord(e as RecordJson, `${where}.output[${i}]`);
      if (!want.equals(g)) return `record ${i}: expected ${hexOf(want)}, got ${hexOf(g)}`;
    }
  }
  return undefined;
}

async function runVector(catalog: Catalog, kernel: string, v: VectorJson, where: string) {
  const steps = v.steps ?? [{ ...v, kernel }];
  let records = v.input.map((r, i) => decodeRecord(r, `${where}.input[${i}]`));
  for (const [i, step] of steps.entries()) {
    records = await runStep(catalog, step, records, v.steps ? `${where}.steps[${i}]` : where);
  }
  return mismatch(records, v.output, where);
}

async function loadFile(dir: string, kernel: string): Promise<VectorFile> {
  const file = join(dir, `${kernel}.json`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new OffloadError('INPUT_NOT_FOUND', `no known-answer vectors for ${kernel} at ${file}`, {
      cause,
    });
  }
  const parsed = JSON.parse(text) as VectorFile;
  if (parsed.kernel !== kernel || !Array.isArray(parsed.vectors)) {
    throw bad(file, `expected vectors for kernel ${show(kernel)}, got ${show(parsed.kernel)}`);
  }
  return parsed;
}

async function runKernel(catalog: Catalog, kernel: string, dir: string): Promise<VectorResult[]> {
  let file: VectorFile;
  try {
    file = await loadFile(dir, kernel);
  } catch (err) {
    return [{ kernel, name: 'vector file', ok: false, message: (err as Error).message }];
  }
  const results: VectorResult[] = [];
  for (const [i, v] of file.vectors.entries()) {
    const name = v.name ?? `vector ${i}`;
    try {
      const message = await runVector(catalog, kernel, v, `${kernel}.vectors[${i}]`);
      results.push(
        message === undefined ? { kernel, name, ok: true } : { kernel, name, ok: false, message },
      );
    } catch (err) {
      results.push({ kernel, name, ok: false, message: (err as Error).message });
    }
  }
  return results;
}

/**
 * Runs the known-answer vectors of the named kernels (default: every kernel in the
 * catalogue). An unknown name is an error (KERNEL_UNKNOWN); a kernel without a vector
 * file counts as a failure, so every kernel must ship vectors.
 */
export async function runVectors(
  catalog: Catalog,
  names?: string[],
  options: VectorOptions = {},
): Promise<VectorReport> {
  const kernels = names ?? catalog.list().map((k) => k.name);
  for (const name of kernels) catalog.get(name);
  const results: VectorResult[] = [];
  for (const name of kernels) {
    results.push(...(await runKernel(catalog, name, options.dir ?? DEFAULT_VECTOR_DIR)));
  }
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, results };
}
