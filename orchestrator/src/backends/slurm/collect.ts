// Judging a Slurm task that has left the queue. Slurm's final state is not trusted
// alone: the runner's report says how the batch went, and the output is fetched and
// checked against the digest in that report before the engine sees it.
import type { SlurmJob } from './model.js';
import type { AttemptFailure, AttemptSpec, RunnerResult } from '../types.js';
import type { Stager } from './staging.js';
import { outputName, reportName, type TaskReport } from './task-manifest.js';

/** Lets tests act between a task's end and the collection of its output. */
export type CollectHook = (info: {
  jobId: string;
  batchIndex: number;
  attempt: number;
  remoteDir: string;
  output: string;
}) => Promise<void>;

/** States that say the node, not the batch, failed. */
const NODE_STATES = new Set(['NODE_FAIL', 'BOOT_FAIL']);

/** A result, a failure, or `later` when the cluster could not be reached to judge. */
export type Verdict = RunnerResult | AttemptFailure | 'later';

export interface FinishedTask {
  jobId: string;
  externalId: string;
  spec: AttemptSpec;
}

export async function judgeTask(
  stager: Stager,
  task: FinishedTask,
  job: SlurmJob | undefined,
  hook?: CollectHook,
): Promise<Verdict> {
  const a = task.spec;
  const read = await stager.read(task.jobId, reportName(a.batchIndex, a.number));
  if (!read.ok) return 'later';
  const report = parseReport(read.value);
  if (report === undefined) {
    const how = job === undefined ? 'left the queue' : `ended ${job.state}`;
    const node = job !== undefined && (NODE_STATES.has(job.state) || job.reason === 'NodeDown');
    return {
      message: `Slurm task ${task.externalId} ${how} without a report of batch ${a.batchIndex}`,
      reason: node ? 'node-failed' : 'output-missing',
      retryable: true,
    };
  }
  if (!report.ok) {
    const bad = report.code === 'RECORD_INVALID' || report.code === 'PARAM_INVALID';
    return {
      message: report.message,
      reason: report.code === 'RECORD_INVALID' ? 'bad-record' : 'runner-error',
      retryable: !bad,
      record: report.record,
    };
  }
  return fetchOutput(stager, task, report, hook);
}

async function fetchOutput(
  stager: Stager,
  task: FinishedTask,
  report: Extract<TaskReport, { ok: true }>,
  hook?: CollectHook,
): Promise<Verdict> {
  const a = task.spec;
  const name = outputName(a.batchIndex, a.number);
  const remoteDir = stager.workDir(task.jobId);
  await hook?.({
    jobId: task.jobId,
    batchIndex: a.batchIndex,
    attempt: a.number,
    remoteDir,
    output: name,
  });
  const got = await stager.download(task.jobId, [
    { name, local: a.outputPath, sha256: report.sha256 },
  ]);
  if (!got.ok) return 'later';
  const outcome = got.value[0]!;
  if (!outcome.ok) {
    return {
      message: `output of batch ${a.batchIndex} from ${task.externalId}: ${outcome.error.message}`,
      reason: outcome.error.reason === 'digest' ? 'output-corrupt' : 'output-missing',
      retryable: true,
    };
  }
  const { records, sha256, bytes, seconds, host } = report;
  return { records, sha256, bytes, seconds, host };
}

function parseReport(buf: Buffer | undefined): TaskReport | undefined {
  if (buf === undefined) return undefined;
  try {
    return JSON.parse(buf.toString('utf8')) as TaskReport;
  } catch {
    return undefined;
  }
}
