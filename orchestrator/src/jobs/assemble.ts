// Reassembly: verified batch outputs become the job's result, in input order for a
// map and combined into one partial for a reduce. The result is written under a
// temporary name and renamed into place, so a half-written result never shows.
import { open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sha256Hex } from '../digest.js';
import { OffloadError } from '../errors.js';
import { codec as codecNamed } from '../datasets/codecs.js';
import { HEADER_BYTES, readBatchHeader } from '../datasets/framing.js';
import { outputPrologue, renderFrames } from '../datasets/writers.js';
import type { Catalog, KernelEntry } from '../kernels/catalog.js';
import { KernelInstance } from '../kernels/host.js';
import type { StoredBatch } from '../store/store.js';
import {
  appendPart,
  digestFile,
  type AppendOutcome,
  type AppendTask,
  type DigestOutcome,
  type DigestTask,
} from './append.js';
import type { JobSpec } from './spec.js';

export interface AssembleInput {
  jobId: string;
  spec: JobSpec;
  entry: KernelEntry;
  catalog: Catalog;
  params: Buffer;
  batches: StoredBatch[];
}

async function readVerified(path: string, expected: string, what: string): Promise<Buffer> {
  const buf = await readFile(path);
  if (sha256Hex(buf) !== expected) {
    throw new OffloadError('OUTPUT_UNVERIFIED', `${what} (${path}) no longer matches its SHA-256`);
  }
  return buf;
}

export function outputCodec(spec: JobSpec, entry: KernelEntry): string {
  return spec.output.codec ?? entry.codecs.output;
}

function partialPath(jobId: string, output: string): string {
  return join(dirname(output), `.${basename(output)}.${jobId}.partial`);
}

/** Where a map job's per-byte assembly steps run: a pool thread, or this one. */
export interface AssemblyWork {
  append(task: AppendTask): Promise<AppendOutcome>;
  digest(task: DigestTask): Promise<DigestOutcome>;
}

/** The same steps on this thread, for an engine without a local pool. */
export const IN_PROCESS: AssemblyWork = {
  append: async (task) => appendPart(task),
  digest: async (task) => digestFile(task),
};

/**
 * Builds a map job's result while the job runs. Each batch gets its offset as soon as
 * every batch before it is done, and a pool thread copies its part there; this thread
 * only keeps the count. The file keeps a temporary name until `finish` hashes it,
 * syncs it and renames it into place.
 */
export class MapAssembler {
  private file: FileHandle | undefined;
  private next = 0;
  /** Where the next part goes: after the prologue and every part before it. */
  private offset = 0;
  private records = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly tmp: string;
  /** Batches whose part this process verified when they ended: not hashed again. */
  private readonly verifiedHere = new Set<number>();

  constructor(
    private readonly jobId: string,
    private readonly spec: JobSpec,
    private readonly entry: KernelEntry,
    private readonly work: AssemblyWork = IN_PROCESS,
  ) {
    this.tmp = partialPath(jobId, spec.output.path);
  }

  /** Notes that this process has just verified batch `index`'s part. */
  verified(index: number): void {
    this.verifiedHere.add(index);
  }

  private async append(task: AppendTask): Promise<number> {
    const outcome = await this.work.append(task);
    if (!outcome.ok) throw new OffloadError('OUTPUT_UNVERIFIED', outcome.message);
    return outcome.bytes;
  }

  /**
   * Places the done batches that follow the last one placed. `totalRecords` is needed
   * before the first one only for framed output, whose header counts them.
   */
  pump(
    batch: (index: number) => StoredBatch | undefined,
    totalRecords: number | null,
  ): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (!this.file) {
        if (this.spec.output.format === 'framed' && totalRecords === null) return;
        this.file = await open(this.tmp, 'w', 0o644);
        const prologue = outputPrologue(this.spec.output, totalRecords ?? 0);
        await this.file.write(prologue);
        this.offset = prologue.length;
      }
      const before = this.next;
      const copies: Promise<number>[] = [];
      for (let b = batch(this.next); b?.state === 'done'; b = batch(this.next)) {
        const task: AppendTask = {
          op: 'append',
          batchIndex: b.index,
          path: this.tmp,
          offset: this.offset,
        };
        const verifiedHere = this.verifiedHere.delete(b.index);
        if (b.partSha256) {
          // A rendered part's size is known before it is copied, so the copies of
          // several parts can run at once.
          task.partPath = `${b.outputPath}.part`;
          if (!verifiedHere) task.partSha256 = b.partSha256;
          task.bytes = (await stat(task.partPath)).size;
          copies.push(this.append(task));
          this.offset += task.bytes;
        } else {
          // Rendered during the copy: the next offset waits for its size.
          task.outputPath = b.outputPath!;
          if (!verifiedHere) task.outputSha256 = b.outputSha256!;
          task.render = { output: this.spec.output, codec: outputCodec(this.spec, this.entry) };
          this.offset += await this.append(task);
        }
        this.records += b.records;
        this.next++;
      }
      if (this.next === before) return;
      // Every copy ends before the first failure is reported, so none writes to a file
      // that abort() has already removed.
      const settled = await Promise.allSettled(copies);
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw failed.reason;
      // Syncing as we go leaves little for the final sync: a 65 MB result took 90 ms
      // to sync in one go after the last batch, time no worker could overlap.
      await this.file.datasync();
    });
    return this.chain;
  }

  /** Places what is left, hashes and syncs the file, and renames it into place. */
  async finish(
    batches: StoredBatch[],
    totalRecords: number,
  ): Promise<{ sha256: string; records: number }> {
    const byIndex = new Map(batches.map((b) => [b.index, b]));
    let sha256: string;
    try {
      await this.pump((i) => byIndex.get(i), totalRecords);
      if (this.next !== batches.length) {
        throw new OffloadError(
          'OUTPUT_UNVERIFIED',
          `batch ${this.next} has no verified output to assemble`,
        );
      }
      const digest = await this.work.digest({ op: 'digest', path: this.tmp });
      if (!digest.ok) throw new OffloadError('OUTPUT_UNVERIFIED', digest.message);
      if (digest.bytes !== this.offset) {
        throw new OffloadError(
          'OUTPUT_UNVERIFIED',
          `the assembled result is ${digest.bytes} bytes, expected ${this.offset}`,
        );
      }
      sha256 = digest.sha256;
      await this.file!.sync();
      await this.file!.close();
      this.file = undefined;
      await rename(this.tmp, this.spec.output.path);
    } catch (err) {
      await this.abort();
      throw err;
    }
    return { sha256, records: this.records };
  }

  async abort(): Promise<void> {
    await this.chain.catch(() => undefined);
    await this.file?.close().catch(() => undefined);
    this.file = undefined;
    await rm(this.tmp, { force: true });
  }
}

/** Combines a reduce job's partials into its result; returns its SHA-256 and record count. */
export async function assemble(a: AssembleInput): Promise<{ sha256: string; records: number }> {
  const out = a.spec.output;
  const tmp = partialPath(a.jobId, out.path);
  const codec = codecNamed(outputCodec(a.spec, a.entry));
  const kernel = await KernelInstance.create(a.entry, await a.catalog.module(a.entry), a.params);
  for (const b of a.batches) {
    const what = `partial of batch ${b.index}`;
    const framed = await readVerified(b.outputPath!, b.outputSha256!, what);
    kernel.combine(framed.subarray(HEADER_BYTES), readBatchHeader(framed, what));
  }
  const result = Buffer.concat([outputPrologue(out, 1), renderFrames(kernel.finish(), out, codec)]);
  const file = await open(tmp, 'w', 0o644);
  try {
    await file.writeFile(result);
    await file.sync();
    await file.close();
    await rename(tmp, out.path);
  } catch (err) {
    await file.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
  return { sha256: sha256Hex(result), records: 1 };
}
