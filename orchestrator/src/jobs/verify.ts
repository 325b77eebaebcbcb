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
  /** Hand back the verified part's bytes, so that the assembler need not read it again. */
  returnPart?: boolean;
}

export type VerifyOutcome = { ok: true; part?: Uint8Array } | { ok: false; message: string };

type Reader = (path: string) => Promise<Buffer>;

async function readOrMissing(read: Reader, path: string, what: string): Promise<Buffer> {
  try {
    return await read(path);
  } catch {
    throw new OffloadError('OUTPUT_UNVERIFIED', `${what} is missing (${path})`);
  }
}

async function check(task: VerifyTask, read: Reader): Promise<Buffer | undefined> {
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
    const part = await readOrMissing(read, task.partPath, `rendered ${what}`);
    const partDigest = sha256Hex(part);
    if (partDigest !== task.partSha256) {
      throw new OffloadError(
        'OUTPUT_UNVERIFIED',
        `rendered ${what} has SHA-256 ${partDigest}, the runner reported ${task.partSha256}`,
      );
    }
    return part;
  }
  return undefined;
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
    const part = await check(task, read);
    return task.returnPart && part ? { ok: true, part } : { ok: true };
  } catch (err) {
    if (isOffloadError(err)) return { ok: false, message: err.message };
    return { ok: false, message: `output of batch ${task.batchIndex}: ${String(err)}` };
  }
}
