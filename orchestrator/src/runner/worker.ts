// The piscina worker entry: a task either runs one batch (the runner) or frames one
// byte range of a lines dataset into a batch file (splitting off the main thread).
import { OffloadError, isOffloadError } from '../errors.js';
import { frameRange, type FrameTask } from '../datasets/ranges.js';
import {
  runBatch,
  writeAtomic,
  type RunnerFailure,
  type RunnerOutcome,
  type RunnerTask,
} from './run-batch.js';

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
    await writeAtomic(task.outPath, file);
    return { ok: true, count, sha256 };
  } catch (err) {
    if (isOffloadError(err))
      return { ok: false, code: err.code, message: err.message, record: err.record };
    return { ok: false, code: 'INTERNAL', message: (err as Error)?.message ?? String(err) };
  }
}

export default function (task: RunnerTask | FrameTask): Promise<RunnerOutcome | FrameOutcome> {
  return 'op' in task && task.op === 'frame' ? frame(task) : runBatch(task as RunnerTask);
}
