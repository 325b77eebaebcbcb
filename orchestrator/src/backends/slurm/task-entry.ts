// The Slurm array task's entry point, run on a compute node from the staged runner:
//
//   node runner/src/backends/slurm/task-entry.js tasks/<name>.json
//
// It runs the manifest's entry SLURM_ARRAY_TASK_ID + OFFLOAD_ARRAY_OFFSET through the
// same runner a local worker uses, writes the output and a report beside it, and exits
// 0 when the batch worked, 1 when the runner reported a failure (the report says why),
// 2 when the task could not even start (its message goes to the task's stderr).
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runBatch, writeAtomic } from '../../runner/run-batch.js';
import {
  KERNEL_FILE,
  MANIFEST_VERSION,
  PARAMS_FILE,
  SEED_FILE,
  outputName,
  reportName,
  type TaskManifest,
  type TaskReport,
} from './task-manifest.js';

export class TaskSetupError extends Error {
  override name = 'TaskSetupError';
}

function indexFrom(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined || !/^\d+$/.test(value)) {
    throw new TaskSetupError(
      `${name} must be a non-negative integer, got ${JSON.stringify(value)}`,
    );
  }
  return Number(value);
}

async function readManifest(path: string): Promise<TaskManifest> {
  let manifest: TaskManifest;
  try {
    manifest = JSON.parse(await readFile(path, 'utf8')) as TaskManifest;
  } catch (err) {
    throw new TaskSetupError(`cannot read the task manifest ${path}: ${(err as Error).message}`);
  }
  if (manifest.version !== MANIFEST_VERSION || !Array.isArray(manifest.tasks)) {
    throw new TaskSetupError(`${path} is not a version ${MANIFEST_VERSION} task manifest`);
  }
  return manifest;
}

/** Runs entry `offset + arrayTaskId` of the manifest; resolves to the report it wrote. */
export async function runArrayTask(
  manifestPath: string,
  arrayTaskId: number,
  offset = 0,
): Promise<TaskReport> {
  const path = resolve(manifestPath);
  // Manifests live in <work>/tasks/, so every other name is relative to two levels up.
  const work = dirname(dirname(path));
  const manifest = await readManifest(path);
  const entry = manifest.tasks[offset + arrayTaskId];
  if (entry === undefined) {
    throw new TaskSetupError(
      `${path} has ${manifest.tasks.length} tasks; there is no task ${offset}+${arrayTaskId}`,
    );
  }

  const [params, seed] = await Promise.all([
    readFile(join(work, PARAMS_FILE)),
    readFile(join(work, SEED_FILE)),
  ]);
  const outputPath = join(work, outputName(entry.batchIndex, entry.attempt));
  await mkdir(dirname(outputPath), { recursive: true });
  const outcome = await runBatch({
    kernel: manifest.kernel,
    kernelPath: join(work, KERNEL_FILE),
    params,
    seed,
    batchIndex: entry.batchIndex,
    firstRecord: entry.firstRecord,
    inputPath: join(work, entry.input),
    inputSha256: entry.inputSha256,
    outputPath,
  });

  const env = process.env;
  const slurm = {
    jobId: env.SLURM_JOB_ID,
    arrayJobId: env.SLURM_ARRAY_JOB_ID,
    arrayTaskId: env.SLURM_ARRAY_TASK_ID,
  };
  const base = { batchIndex: entry.batchIndex, attempt: entry.attempt, slurm };
  const report: TaskReport = outcome.ok
    ? {
        ...base,
        ok: true,
        records: outcome.records,
        sha256: outcome.sha256,
        bytes: outcome.bytes,
        seconds: outcome.seconds,
        host: outcome.host,
      }
    : { ...base, ok: false, code: outcome.code, message: outcome.message, record: outcome.record };
  const text = `${JSON.stringify(report)}\n`;
  await writeAtomic(join(work, reportName(entry.batchIndex, entry.attempt)), Buffer.from(text));
  return report;
}

async function main(): Promise<number> {
  const manifest = process.argv[2];
  if (manifest === undefined) throw new TaskSetupError('usage: task-entry.js <manifest.json>');
  const taskId = indexFrom(process.env.SLURM_ARRAY_TASK_ID, 'SLURM_ARRAY_TASK_ID');
  const offset = indexFrom(process.env.OFFLOAD_ARRAY_OFFSET, 'OFFLOAD_ARRAY_OFFSET', 0);
  const report = await runArrayTask(manifest, taskId, offset);
  if (!report.ok) process.stderr.write(`offload task: ${report.code}: ${report.message}\n`);
  return report.ok ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`offload task: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
