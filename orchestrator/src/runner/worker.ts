// The piscina worker entry: each task is one batch for the runner.
import { runBatch, type RunnerOutcome, type RunnerTask } from './run-batch.js';

export default function (task: RunnerTask): Promise<RunnerOutcome> {
  return runBatch(task);
}
