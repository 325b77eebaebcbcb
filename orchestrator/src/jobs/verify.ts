// Acceptance of a batch output: the file on disk must hash to the digest its producer
// reported and hold the expected number of records, and so must the rendered part when
// the backend made one. Reading and hashing every output is per-byte work; with a local
// pool the engine runs it there as a task of its own, so that the orchestrator's thread
// stays free and the pipeline scales with the workers.
import { readFile } from 'node:fs/promises';
import { sha256Hex } from '../digest.js';
import { OffloadError, isOffloadError } from '../errors.js';
import { readBatchHeader } from '../datasets/framing.js';

export interface VerifyTask {
  op: 'verify';
  batchIndex: number;
  outputPath: string;
  sha256: string;
  records: number;
  partPath?: string;
  partSha256?: string;
}

export type VerifyOutcome = { ok: true } | { ok: false; message: string };

/** Reads a whole file; `second` is true for the part, read while the output is held. */
type Reader = (path: string, second: boolean) => Promise<Buffer>;

async function readOrMissing(
  read: Reader,
  path: string,
  what: string,
  second = false,
): Promise<Buffer> {
  try {
    return await read(path, second);
  } catch {
    throw new OffloadError('OUTPUT_UNVERIFIED', `${what} is missing (${path})`);
  }
}

async function check(task: VerifyTask, read: Reader): Promise<void> {
  const what = `output of batch ${task.batchIndex}`;
  const buf = await readOrMissing(read, task.outputPath, what);
  const digest = sha256Hex(buf);
  if (digest !== task.sha256) {
    throw new OffloadError(
      'OUTPUT_UNVERIFIED',
      `${what} has SHA-256 ${digest}, the runner reported ${task.sha256}`,
    );
  }
  const count = readBatchHeader(buf, what);
  if (count !== task.records) {
    throw new OffloadError(
      'OUTPUT_UNVERIFIED',
      `${what} holds ${count} records, expected ${task.records}`,
    );
  }
  if (task.partPath && task.partSha256) {
    const part = await readOrMissing(read, task.partPath, `rendered ${what}`, true);
    const partDigest = sha256Hex(part);
    if (partDigest !== task.partSha256) {
      throw new OffloadError(
        'OUTPUT_UNVERIFIED',
        `rendered ${what} has SHA-256 ${partDigest}, the runner reported ${task.partSha256}`,
      );
    }
  }
}

/**
 * Checks one batch output; failures come back as values, to cross a thread boundary.
 * `read` reads a whole file (a pool worker passes a synchronous one).
 */
export async function verifyOutput(
  task: VerifyTask,
  read: Reader = (path) => readFile(path),
): Promise<VerifyOutcome> {
  try {
    await check(task, read);
    return { ok: true };
  } catch (err) {
    if (isOffloadError(err)) return { ok: false, message: err.message };
    return { ok: false, message: `output of batch ${task.batchIndex}: ${String(err)}` };
  }
}
