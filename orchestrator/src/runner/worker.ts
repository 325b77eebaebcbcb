// The piscina worker entry: a task runs one batch (the runner), frames one byte range
// of a lines dataset into a batch file, verifies a batch output, copies a batch's part
// into a job's result or hashes the result; all but the first keep per-byte work off
// the orchestrator's thread.
import { OffloadError, isOffloadError } from '../errors.js';
import { frameRange, type FrameTask } from '../datasets/ranges.js';
import {
  appendPart,
  digestFile,
  type AppendOutcome,
  type AppendTask,
  type DigestOutcome,
  type DigestTask,
} from '../jobs/append.js';
import { verifyOutput, type VerifyOutcome, type VerifyTask } from '../jobs/verify.js';
import {
  runBatch,
  writeAtomicSync,
  type RunnerFailure,
  type RunnerOutcome,
  type RunnerTask,
} from './run-batch.js';
import { SLOT, readFileInto } from './scratch.js';

/**
 * Reads on this thread, into its scratch buffers: a pool worker has nothing else to do
 * while it waits. The verifier reads the output, then the part, each into a slot of its own.
 */
const readNow = async (path: string, second: boolean): Promise<Buffer> =>
  readFileInto(path, second ? SLOT.read2 : SLOT.read);

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

export type PoolTask = RunnerTask | FrameTask | VerifyTask | AppendTask | DigestTask | PingTask;
type PoolOutcome =
  RunnerOutcome | FrameOutcome | VerifyOutcome | AppendOutcome | DigestOutcome | { ok: true };

export default async function (task: PoolTask): Promise<PoolOutcome> {
  if ('op' in task && task.op === 'ping') return { ok: true };
  if ('op' in task && task.op === 'frame') return frame(task);
  if ('op' in task && task.op === 'verify') return verifyOutput(task, readNow);
  if ('op' in task && task.op === 'append') return appendPart(task);
  if ('op' in task && task.op === 'digest') return digestFile(task);
  return runBatch(task as RunnerTask);
}
