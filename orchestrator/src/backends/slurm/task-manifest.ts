// What a Slurm array task reads to find its batch, and where it leaves the result.
// The orchestrator writes one manifest per array submission into the job's work
// folder; task i of the array runs the manifest's entry `offset + i`, so a job larger
// than MaxArraySize is several arrays over one manifest, and a retry of a few batches
// is a small array over a manifest of its own.
//
// Work folder layout (all names relative to it):
//   kernel.wasm              the kernel module, checked against kernel.sha256 on load
//   params.bin, seed.bin     kernel parameters and job seed, mode 0600 (may hold secrets)
//   runner/                  the staged runner (runnerBundle), entry TASK_ENTRY
//   in/<batch>.bin           framed input batches
//   tasks/<name>.json        manifests
//   out/<batch>.<attempt>.bin and .json   output batch and the runner's report on it
import type { KernelEntry } from '../../kernels/catalog.js';

export const MANIFEST_VERSION = 1;
export const KERNEL_FILE = 'kernel.wasm';
export const PARAMS_FILE = 'params.bin';
export const SEED_FILE = 'seed.bin';
export const RUNNER_DIR = 'runner';
/** The entry script, relative to the work folder. */
export const TASK_ENTRY = `${RUNNER_DIR}/src/backends/slurm/task-entry.js`;

export interface ManifestTask {
  batchIndex: number;
  /** The attempt number; outputs carry it, so a retry never overwrites another try. */
  attempt: number;
  /** Index in the dataset of the batch's first record, for error messages and seeds. */
  firstRecord: number;
  /** Input batch, relative to the work folder. */
  input: string;
  inputSha256: string;
}

export interface TaskManifest {
  version: typeof MANIFEST_VERSION;
  jobId: string;
  kernel: KernelEntry;
  tasks: ManifestTask[];
}

/** The runner's report, written next to the output whether the batch worked or not. */
export type TaskReport = {
  batchIndex: number;
  attempt: number;
  /** SLURM_JOB_ID and SLURM_ARRAY_JOB_ID/TASK_ID of the run that wrote it. */
  slurm: { jobId?: string; arrayJobId?: string; arrayTaskId?: string };
} & (
  | { ok: true; records: number; sha256: string; bytes: number; seconds: number; host: string }
  | { ok: false; code: string; message: string; record?: number }
);

const pad = (n: number): string => String(n).padStart(6, '0');

export function inputName(batchIndex: number): string {
  return `in/${pad(batchIndex)}.bin`;
}

export function outputName(batchIndex: number, attempt: number): string {
  return `out/${pad(batchIndex)}.${attempt}.bin`;
}

export function reportName(batchIndex: number, attempt: number): string {
  return `out/${pad(batchIndex)}.${attempt}.json`;
}

export function manifestName(name: string): string {
  return `tasks/${name}.json`;
}
