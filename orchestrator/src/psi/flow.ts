// The two-party ECDH-PSI flow over files, one step per call:
//
//   party A                                   party B
//   init (scalar a, shared DST)               init (scalar b, same DST)
//   blind X -> X_a = H(x) a  ───────────────▶ reblind X_a -> X_ab = H(x) a b
//   reblind Y_b -> Y_ba  ◀────────────────────  blind Y -> Y_b = H(y) b
//   intersect(X, X_ab returned by B, Y_ba) -> the x in X whose H(x) a b is in Y_ba
//
// Each step streams its input in batches, so no set needs to fit in memory; the
// intersection is an external sort-merge join (external-sort.ts). Blind and reblind
// run as engine jobs when given an engine, else on worker threads of this process.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codec } from '../datasets/codecs.js';
import { OffloadError, isOffloadError, show } from '../errors.js';
import { sortRecords } from './external-sort.js';
import { LineWriter, lineBatches } from './lines.js';
import { KernelPool } from './pool.js';
import { RecordReader, RecordWriter } from './records.js';
import { createScalar, readScalar, scalarPath } from './secret.js';
import type { JobService } from '../jobs/types.js';

export interface StepOptions {
  /**
   * Runs blind and reblind as local jobs of this engine (its worker pool, with the
   * engine's store, events and resume); without one they run on worker threads here.
   */
  engine?: JobService;
  /** Worker threads for the kernel steps; default os.availableParallelism(). */
  threads?: number;
  /** Records per batch read from a file. */
  batchRecords?: number;
  /** Records per in-memory run of the external sort. */
  runRecords?: number;
}

const DEFAULTS = { batchRecords: 16384, runRecords: 262144 };
const JOB_FILE = 'psi.json';
const POINT_BYTES = 32;

interface JobFile {
  version: 1;
  dst: string;
  createdAt: string;
}

export interface InitResult {
  scalarPath: string;
}

/** Creates the job folder, this party's scalar (mode 0600) and the run's DST. */
export async function initJob(dir: string, dst: string): Promise<InitResult> {
  if (dst.length === 0 || Buffer.byteLength(dst) > 255) {
    throw new OffloadError('PARAM_INVALID', `dst must be 1 to 255 bytes, got ${show(dst)}`, {
      field: 'dst',
    });
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const scalarPath = await createScalar(dir);
  const job: JobFile = { version: 1, dst, createdAt: new Date().toISOString() };
  await writeFile(join(dir, JOB_FILE), JSON.stringify(job, null, 2) + '\n', { mode: 0o600 });
  return { scalarPath };
}

async function readJob(dir: string): Promise<JobFile> {
  try {
    return JSON.parse(await readFile(join(dir, JOB_FILE), 'utf8')) as JobFile;
  } catch (cause) {
    throw new OffloadError('INPUT_NOT_FOUND', `${dir} is not a PSI job folder; run init`, {
      field: 'job',
      cause,
    });
  }
}

/** Names the file and line of a record the kernel refused. */
function atLine(err: unknown, path: string): unknown {
  if (!isOffloadError(err) || err.record === undefined) return err;
  return new OffloadError(err.code, `${path} line ${err.record + 1}: ${err.message}`, {
    record: err.record,
    cause: err,
  });
}

async function mapFile(
  pool: KernelPool,
  input: string,
  output: string,
  parse: (line: string, index: number) => Buffer,
  batchRecords: number,
): Promise<number> {
  const out = new LineWriter(output);
  let done = 0;
  try {
    for await (const lines of lineBatches(input, batchRecords)) {
      const records = lines.map((line, i) => parse(line, done + i));
      const mapped = await pool
        .map(records, done)
        .catch((err) => Promise.reject(atLine(err, input)));
      await out.write(mapped.map((r) => r.toString('hex')));
      done += lines.length;
    }
  } finally {
    await out.close();
  }
  return done;
}

async function withPool<T>(
  dir: string,
  kernel: 'psi-blind' | 'psi-reblind',
  threads: number | undefined,
  run: (pool: KernelPool) => Promise<T>,
): Promise<T> {
  const job = await readJob(dir);
  const scalar = await readScalar(dir);
  const params: Record<string, Buffer> =
    kernel === 'psi-blind' ? { scalar, dst: Buffer.from(job.dst) } : { scalar };
  const pool = await KernelPool.open(kernel, params, threads).finally(() => scalar.fill(0));
  try {
    return await run(pool);
  } finally {
    await pool.close();
  }
}

/** Runs one step as an engine job and returns its record count. */
async function runJob(
  engine: JobService,
  dir: string,
  kernel: 'psi-blind' | 'psi-reblind',
  input: string,
  output: string,
  options: StepOptions,
): Promise<number> {
  const job = await readJob(dir);
  await readScalar(dir).then((s) => s.fill(0)); // refuse a bad scalar file up front
  const params: Record<string, unknown> = { scalar: { file: scalarPath(dir) } };
  if (kernel === 'psi-blind') params.dst = { hex: Buffer.from(job.dst).toString('hex') };
  const spec = {
    name: `${kernel} ${input}`,
    kernel,
    input: { path: input, format: 'lines' },
    params,
    batch: { records: options.batchRecords ?? 50_000 },
    target: 'local',
    output: { path: output, format: 'hex-lines' },
  };
  const submitted = await engine.submit(spec, { owner: process.env.USER ?? 'local' });
  const done = await engine.wait(submitted.id);
  if (done.state !== 'succeeded') {
    throw new OffloadError(
      'KERNEL_FAILED',
      `${kernel} job ${done.id} ${done.state}: ${done.error ?? 'no error recorded'}`,
    );
  }
  return done.records ?? 0;
}

/** Blinds each identifier (a line of `ids`) as H(x) * scalar, one hex line each. */
export async function blindSet(
  dir: string,
  ids: string,
  output: string,
  options: StepOptions = {},
): Promise<number> {
  if (options.engine) return runJob(options.engine, dir, 'psi-blind', ids, output, options);
  const utf8 = codec('utf8');
  return withPool(dir, 'psi-blind', options.threads, (pool) =>
    mapFile(pool, ids, output, (line) => utf8.parse(line, ids), batchSize(options)),
  );
}

/** Re-blinds each of the peer's points (hex lines) as P * scalar, keeping their order. */
export async function reblindSet(
  dir: string,
  peerBlinded: string,
  output: string,
  options: StepOptions = {},
): Promise<number> {
  if (options.engine)
    return runJob(options.engine, dir, 'psi-reblind', peerBlinded, output, options);
  const hex = codec('hex');
  return withPool(dir, 'psi-reblind', options.threads, (pool) =>
    mapFile(
      pool,
      peerBlinded,
      output,
      (line, i) => hex.parse(line, `${peerBlinded} line ${i + 1}`),
      batchSize(options),
    ),
  );
}

function batchSize(options: StepOptions): number {
  return options.batchRecords ?? DEFAULTS.batchRecords;
}

function parsePoint(line: string, where: string): Buffer {
  const p = codec('hex').parse(line, where);
  if (p.length !== POINT_BYTES) {
    throw new OffloadError('RECORD_INVALID', `${where}: expected 32 bytes, got ${p.length}`);
  }
  return p;
}

/** Writes a points file as binary records, each point followed by its line index. */
async function pointsToRecords(path: string, output: string, withIndex: boolean): Promise<number> {
  const out = await RecordWriter.create(output);
  let n = 0;
  try {
    for await (const lines of lineBatches(path, DEFAULTS.batchRecords)) {
      for (const line of lines) {
        const point = parsePoint(line, `${path} line ${n + 1}`);
        if (withIndex) {
          const rec = Buffer.allocUnsafe(POINT_BYTES + 8);
          point.copy(rec);
          rec.writeBigUInt64BE(BigInt(n), POINT_BYTES); // big-endian: sorts as bytes
          await out.write(rec);
        } else {
          await out.write(point);
        }
        n++;
      }
    }
  } finally {
    await out.close();
  }
  return n;
}

/** Merge-joins sorted (point, index) and sorted points; writes each matching index. */
async function joinSorted(mine: string, peer: string, output: string): Promise<number> {
  const a = await RecordReader.open(mine, POINT_BYTES + 8);
  const b = await RecordReader.open(peer, POINT_BYTES);
  const out = await RecordWriter.create(output);
  try {
    let x = await a.next();
    let y = await b.next();
    while (x && y) {
      const c = x.compare(y, 0, POINT_BYTES, 0, POINT_BYTES);
      if (c < 0) x = await a.next();
      else if (c > 0) y = await b.next();
      else {
        // Keep y: repeated identifiers of mine all match the same peer point.
        await out.write(Buffer.from(x.subarray(POINT_BYTES)));
        x = await a.next();
      }
    }
  } finally {
    await Promise.all([a.close(), b.close(), out.close()]);
  }
  return out.count;
}

/** Copies the lines of `ids` whose index is in the sorted index file, in order. */
async function selectLines(
  ids: string,
  indices: string,
  output: string,
): Promise<{ lines: number; written: number }> {
  const wanted = await RecordReader.open(indices, 8);
  const out = new LineWriter(output);
  let next = await wanted.next();
  let index = 0n;
  let written = 0;
  try {
    for await (const lines of lineBatches(ids, DEFAULTS.batchRecords)) {
      const keep: string[] = [];
      for (const line of lines) {
        while (next && next.readBigUInt64BE(0) === index) {
          keep.push(line);
          next = await wanted.next();
        }
        index++;
      }
      written += keep.length;
      await out.write(keep);
    }
  } finally {
    await Promise.all([wanted.close(), out.close()]);
  }
  return { lines: Number(index), written };
}

export interface IntersectResult {
  mine: number;
  peer: number;
  matches: number;
}

/**
 * The identifiers of `ids` (my set) in the intersection, in my order: those whose
 * doubly blinded point (line for line in `mineDouble`) appears in `peerDouble`.
 */
export async function intersect(
  dir: string,
  files: { ids: string; mineDouble: string; peerDouble: string; output: string },
  options: StepOptions = {},
): Promise<IntersectResult> {
  const tmp = join(dir, 'tmp');
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true, mode: 0o700 });
  const sort = { runRecords: options.runRecords ?? DEFAULTS.runRecords, tmpDir: tmp };
  const f = (name: string): string => join(tmp, name);
  try {
    const mine = await pointsToRecords(files.mineDouble, f('mine.bin'), true);
    const peer = await pointsToRecords(files.peerDouble, f('peer.bin'), false);
    await sortRecords(f('mine.bin'), f('mine.sorted'), POINT_BYTES + 8, sort);
    await sortRecords(f('peer.bin'), f('peer.sorted'), POINT_BYTES, sort);
    await joinSorted(f('mine.sorted'), f('peer.sorted'), f('matches.bin'));
    await sortRecords(f('matches.bin'), f('matches.sorted'), 8, sort);
    const { lines, written } = await selectLines(files.ids, f('matches.sorted'), files.output);
    if (lines !== mine) {
      throw new OffloadError(
        'SPEC_INVALID',
        `${files.mineDouble} has ${mine} points but ${files.ids} has ${lines} identifiers; ` +
          'they must correspond line for line',
        { field: 'mine' },
      );
    }
    return { mine, peer, matches: written };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
