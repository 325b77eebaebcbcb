// The batch runner: one kernel over one batch file into one output file, nothing else.
// The same code runs inside a local worker thread and as a Slurm task on an HPC node,
// so a batch gives the same bytes wherever it ran.
import { createHmac } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { sha256Hex } from '../digest.js';
import { OffloadError, isOffloadError } from '../errors.js';
import { codec } from '../datasets/codecs.js';
import { batchHeader, chunkFrames, readBatchHeader, HEADER_BYTES } from '../datasets/framing.js';
import { renderFrames, type OutputSpec } from '../datasets/writers.js';
import { compileVerified, type KernelEntry } from '../kernels/catalog.js';
import { KernelInstance } from '../kernels/host.js';
import { SLOT, readFileInto, scratch } from './scratch.js';

/** Records handed to the kernel per call: large enough that call overhead vanishes. */
export const CHUNK_BYTES = 1 << 20;

export interface RenderSpec {
  output: OutputSpec;
  codec: string;
  partPath: string;
}

export interface RunnerTask {
  kernel: KernelEntry;
  kernelPath: string;
  /**
   * The module compiled already, when the caller has it: threads of one process then
   * share its code, and its optimised tier, instead of each compiling its own.
   */
  module?: WebAssembly.Module;
  params: Uint8Array;
  seed: Uint8Array;
  batchIndex: number;
  firstRecord: number;
  inputPath: string;
  inputSha256: string;
  outputPath: string;
  render?: RenderSpec;
}

export interface RunnerOk {
  ok: true;
  records: number;
  sha256: string;
  bytes: number;
  seconds: number;
  host: string;
  partSha256?: string;
}

export interface RunnerFailure {
  ok: false;
  code: string;
  message: string;
  record?: number;
}

export type RunnerOutcome = RunnerOk | RunnerFailure;

/** Per-batch seed: HMAC-SHA256(job seed, "offload batch seed" || u32 index). */
export function batchSeed(jobSeed: Uint8Array, index: number): Buffer {
  const label = Buffer.alloc(22);
  label.write('offload batch seed', 0, 'latin1');
  label.writeUInt32BE(index, 18);
  return createHmac('sha256', jobSeed).update(label).digest();
}

const modules = new Map<string, Promise<WebAssembly.Module>>();

function moduleFor(task: RunnerTask): Promise<WebAssembly.Module> {
  let m = modules.get(task.kernel.sha256);
  if (!m && task.module) {
    m = Promise.resolve(task.module);
    modules.set(task.kernel.sha256, m);
  }
  if (!m) {
    m = compileVerified(task.kernelPath, task.kernel.sha256);
    modules.set(task.kernel.sha256, m);
    m.catch(() => modules.delete(task.kernel.sha256));
  }
  return m;
}

/**
 * The instance of the last batch on this thread, kept for the next batch of the same
 * kernel and parameters when none of them is secret: instantiating and initialising
 * again cost 3 ms a batch for a small kernel and 0.3 s for Paillier encryption,
 * whose initialisation builds a table from the public key.
 */
let kept: { key: string; kernel: KernelInstance } | undefined;

/**
 * How long a kept instance waits for the next batch. An idle daemon's threads then let
 * go of it: a Paillier encryption instance holds 38 MiB of memory at 2048 bits and
 * 86 MiB at 3072, most of it its table.
 */
const KEEP_IDLE_MS = 30_000;
let release: NodeJS.Timeout | undefined;

function reuseKey(task: RunnerTask): string | undefined {
  if (task.kernel.kind !== 'map' || task.kernel.params.some((p) => p.secret)) return undefined;
  return `${task.kernel.sha256}:${sha256Hex(Buffer.from(task.params))}`;
}

async function kernelFor(task: RunnerTask, seed: Buffer): Promise<KernelInstance> {
  const key = reuseKey(task);
  const reuse = key !== undefined && kept?.key === key ? kept.kernel : undefined;
  // Taken either way: a batch that fails leaves no half-used instance behind.
  kept = undefined;
  clearTimeout(release);
  if (reuse) {
    reuse.reseed(seed);
    return reuse;
  }
  return KernelInstance.create(task.kernel, await moduleFor(task), Buffer.from(task.params), seed);
}

function keep(task: RunnerTask, kernel: KernelInstance): void {
  const key = reuseKey(task);
  if (key === undefined || !kernel.reusable) return;
  kept = { key, kernel };
  release = setTimeout(() => (kept = undefined), KEEP_IDLE_MS);
  release.unref();
}

function tmpName(path: string): string {
  return `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Writes a file under a temporary name and renames it, so no reader sees half of it. */
export async function writeAtomic(path: string, data: Buffer | Buffer[]): Promise<void> {
  const tmp = tmpName(path);
  await writeFile(tmp, Array.isArray(data) ? Buffer.concat(data) : data);
  await rename(tmp, path);
}

/**
 * writeAtomic for a thread that does nothing else meanwhile (a pool worker, a task on
 * a node): the copy runs on this thread instead of bouncing through libuv's pool,
 * which on a busy machine cost a fifth of a local job's CPU outside the workers.
 */
export function writeAtomicSync(path: string, data: Buffer): void {
  const tmp = tmpName(path);
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Framed output built in a thread's scratch buffer, moved to a larger one if it outgrows it. */
class OutputFrames {
  private buf: Buffer;
  len = HEADER_BYTES;

  constructor(estimate: number) {
    this.buf = scratch(SLOT.frames, HEADER_BYTES + estimate);
  }

  push(bytes: Uint8Array): void {
    if (this.len + bytes.length > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(2 * this.buf.length, this.len + bytes.length));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  finish(count: number): Buffer {
    batchHeader(count).copy(this.buf, 0);
    return this.buf.subarray(0, this.len);
  }
}

async function run(task: RunnerTask): Promise<RunnerOk> {
  const started = performance.now();
  const what = `batch ${task.batchIndex}`;
  const seed = batchSeed(task.seed, task.batchIndex);
  const kernel = await kernelFor(task, seed);
  // From here on nothing awaits: the batch's bytes live in this thread's scratch buffers.
  const input = readFileInto(task.inputPath, SLOT.read);
  if (sha256Hex(input) !== task.inputSha256) {
    throw new OffloadError(
      'OUTPUT_UNVERIFIED',
      `${what}: input file ${task.inputPath} does not match its SHA-256`,
    );
  }
  const count = readBatchHeader(input, what);
  const body = input.subarray(HEADER_BYTES);

  const out = new OutputFrames(2 * body.length);
  let records = 0;
  for (const { chunk, count: n, first } of chunkFrames(body, count, CHUNK_BYTES, what)) {
    if (task.kernel.kind === 'map') {
      out.push(kernel.mapView(chunk, n, task.firstRecord + first));
    } else {
      kernel.reduce(chunk, n, task.firstRecord + first);
    }
    records += n;
  }
  if (task.kernel.kind === 'reduce') out.push(kernel.finish());
  const outCount = task.kernel.kind === 'map' ? records : 1;
  const framed = out.finish(outCount);
  writeAtomicSync(task.outputPath, framed);

  const result: RunnerOk = {
    ok: true,
    records: outCount,
    sha256: sha256Hex(framed),
    bytes: framed.length,
    seconds: 0,
    host: hostname(),
  };
  if (task.render && task.kernel.kind === 'map') {
    const part = renderFrames(
      framed.subarray(HEADER_BYTES),
      task.render.output,
      codec(task.render.codec),
      (size) => scratch(SLOT.part, size),
    );
    writeAtomicSync(task.render.partPath, part);
    result.partSha256 = sha256Hex(part);
  }
  keep(task, kernel);
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** Runs a batch; errors come back as values so that they survive a thread boundary. */
export async function runBatch(task: RunnerTask): Promise<RunnerOutcome> {
  try {
    return await run(task);
  } catch (err) {
    if (isOffloadError(err)) {
      return { ok: false, code: err.code, message: err.message, record: err.record };
    }
    return { ok: false, code: 'INTERNAL', message: (err as Error)?.message ?? String(err) };
  }
}
