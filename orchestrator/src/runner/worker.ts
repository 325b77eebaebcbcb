// The piscina worker entry: a task runs one batch (the runner), frames one byte range
// of a lines dataset into a batch file, or verifies a batch output; the last two keep
// per-byte work off the orchestrator's thread.
import { readFileSync } from 'node:fs';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { OffloadError, isOffloadError } from '../errors.js';
import { frameRange, type FrameTask } from '../datasets/ranges.js';
import { verifyOutput, type VerifyOutcome, type VerifyTask } from '../jobs/verify.js';
import {
  runBatch,
  writeAtomicSync,
  type RunnerFailure,
  type RunnerOutcome,
  type RunnerTask,
} from './run-batch.js';

/** Reads on this thread: a pool worker has nothing else to do while it waits. */
const readNow = async (path: string): Promise<Buffer> => readFileSync(path);

/** Verifies on this thread and moves the part's bytes to the caller instead of copying. */
async function verify(task: VerifyTask): Promise<VerifyOutcome> {
  const outcome = await verifyOutput(task, readNow);
  if (!outcome.ok || !outcome.part) return outcome;
  const src = outcome.part;
  // Only a buffer that owns its whole ArrayBuffer can be moved; a pooled one is copied.
  const part =
    src.byteOffset === 0 && src.byteLength === src.buffer.byteLength ? src : new Uint8Array(src);
  return move({
    get [transferableSymbol]() {
      return [part.buffer];
    },
    get [valueSymbol]() {
      return { ok: true, part };
    },
  }) as unknown as VerifyOutcome;
}

export type FrameOutcome = { ok: true; count: number; sha256: string } | RunnerFailure;

async function frame(task: FrameTask): Promise<FrameOutcome> {
  try {
    const { file, count, sha256 } = await frameRange(task);
    if (count !== task.range.count) {
      throw new OffloadError(
        'INPUT_NOT_FOUND',
        `input changed while it was read (batch ${task.range.index})`,
      );
    }
    writeAtomicSync(task.outPath, file);
    return { ok: true, count, sha256 };
  } catch (err) {
    if (isOffloadError(err))
      return { ok: false, code: err.code, message: err.message, record: err.record };
    return { ok: false, code: 'INTERNAL', message: (err as Error)?.message ?? String(err) };
  }
}

/** Answered at once: the pool sends one to each thread to wait until all have started. */
export interface PingTask {
  op: 'ping';
}

export type PoolTask = RunnerTask | FrameTask | VerifyTask | PingTask;
type PoolOutcome = RunnerOutcome | FrameOutcome | VerifyOutcome | { ok: true };

export default async function (task: PoolTask): Promise<PoolOutcome> {
  if ('op' in task && task.op === 'ping') return { ok: true };
  if ('op' in task && task.op === 'frame') return frame(task);
  if ('op' in task && task.op === 'verify') return verify(task);
  return runBatch(task as RunnerTask);
}
