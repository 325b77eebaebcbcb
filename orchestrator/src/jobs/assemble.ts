// Reassembly: verified batch outputs become the job's result, in input order for a
// map and combined into one partial for a reduce. The result is written under a
// temporary name and renamed into place, so a half-written result never shows.
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sha256Hex } from '../digest.js';
import { OffloadError } from '../errors.js';
import { codec as codecNamed } from '../datasets/codecs.js';
import { HEADER_BYTES, readBatchHeader } from '../datasets/framing.js';
import { outputPrologue, renderFrames } from '../datasets/writers.js';
import type { Catalog, KernelEntry } from '../kernels/catalog.js';
import { KernelInstance } from '../kernels/host.js';
import type { StoredBatch } from '../store/store.js';
import type { JobSpec } from './spec.js';

export interface AssembleInput {
  jobId: string;
  spec: JobSpec;
  entry: KernelEntry;
  catalog: Catalog;
  params: Buffer;
  batches: StoredBatch[];
  totalRecords: number;
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

/** Verified parts held in memory at most, by count ahead of the next one and by bytes. */
const HELD_PARTS = 16;
const HELD_BYTES = 64 << 20;

function partialPath(jobId: string, output: string): string {
  return join(dirname(output), `.${basename(output)}.${jobId}.partial`);
}

/**
 * A batch's output in the job's format: its rendered part, or rendered here. A part
 * verified by this process when its batch finished is read without hashing it again.
 */
async function renderedBatch(
  b: StoredBatch,
  spec: JobSpec,
  codecName: string,
  verified: boolean | Buffer,
): Promise<Buffer> {
  const what = `output of batch ${b.index}`;
  if (b.partSha256 && Buffer.isBuffer(verified)) return verified;
  if (b.partSha256 && verified) return readFile(`${b.outputPath}.part`);
  if (b.partSha256) return readVerified(`${b.outputPath}.part`, b.partSha256, `rendered ${what}`);
  const framed = await readVerified(b.outputPath!, b.outputSha256!, what);
  readBatchHeader(framed, what);
  return renderFrames(framed.subarray(HEADER_BYTES), spec.output, codecNamed(codecName));
}

/**
 * Builds a map job's result while the job runs: each batch is appended as soon as
 * every batch before it is done, so that little is left to write when the last batch
 * lands. The file keeps a temporary name until `finish` renames it into place.
 */
export class MapAssembler {
  private file: FileHandle | undefined;
  private readonly hash = createHash('sha256');
  private next = 0;
  private records = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly tmp: string;
  /** Batches verified by this process: their parts, held while they wait their turn. */
  private readonly verified = new Map<number, Buffer | true>();
  private heldBytes = 0;

  constructor(
    private readonly jobId: string,
    private readonly spec: JobSpec,
    private readonly entry: KernelEntry,
  ) {
    this.tmp = partialPath(jobId, spec.output.path);
  }

  /**
   * Whether the assembler would hold batch `index`'s verified part in memory rather
   * than read it back from disk: only parts near the front of the line, within
   * HELD_BYTES, so that memory stays flat however long a slow batch holds the line up.
   */
  wants(index: number): boolean {
    return index - this.next < HELD_PARTS && this.heldBytes < HELD_BYTES;
  }

  /** Notes that this process verified batch `index`'s output and part (its bytes, if kept). */
  verifiedBatch(index: number, part?: Buffer): void {
    if (part && this.heldBytes + part.length <= HELD_BYTES) {
      this.verified.set(index, part);
      this.heldBytes += part.length;
    } else {
      this.verified.set(index, true);
    }
  }

  private takeVerified(index: number): Buffer | boolean {
    const held = this.verified.get(index);
    this.verified.delete(index);
    if (Buffer.isBuffer(held)) this.heldBytes -= held.length;
    return held ?? false;
  }

  private async write(buf: Buffer): Promise<void> {
    this.hash.update(buf);
    await this.file!.write(buf);
  }

  /**
   * Appends the done batches that follow the last one appended. `totalRecords` is
   * needed before the first append only for framed output, whose header counts them.
   */
  pump(
    batch: (index: number) => StoredBatch | undefined,
    totalRecords: number | null,
  ): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (!this.file) {
        if (this.spec.output.format === 'framed' && totalRecords === null) return;
        this.file = await open(this.tmp, 'w', 0o644);
        await this.write(outputPrologue(this.spec.output, totalRecords ?? 0));
      }
      const before = this.next;
      for (let b = batch(this.next); b?.state === 'done'; b = batch(this.next)) {
        const codecName = outputCodec(this.spec, this.entry);
        await this.write(await renderedBatch(b, this.spec, codecName, this.takeVerified(b.index)));
        this.records += b.records;
        this.next++;
      }
      // Flushing as we go leaves little for the final sync: a 65 MB result took 90 ms
      // to sync in one go after the last batch, time no worker could overlap.
      if (this.next > before) await this.file.datasync();
    });
    return this.chain;
  }

  /** Appends what is left, syncs the file and renames it into place. */
  async finish(
    batches: StoredBatch[],
    totalRecords: number,
  ): Promise<{ sha256: string; records: number }> {
    const byIndex = new Map(batches.map((b) => [b.index, b]));
    try {
      await this.pump((i) => byIndex.get(i), totalRecords);
      if (this.next !== batches.length) {
        throw new OffloadError(
          'OUTPUT_UNVERIFIED',
          `batch ${this.next} has no verified output to assemble`,
        );
      }
      await this.file!.sync();
      await this.file!.close();
      this.file = undefined;
      await rename(this.tmp, this.spec.output.path);
    } catch (err) {
      await this.abort();
      throw err;
    }
    return { sha256: this.hash.digest('hex'), records: this.records };
  }

  async abort(): Promise<void> {
    await this.chain.catch(() => undefined);
    await this.file?.close().catch(() => undefined);
    this.file = undefined;
    await rm(this.tmp, { force: true });
  }
}

/** Writes the job's result and returns its SHA-256 and record count. */
export async function assemble(a: AssembleInput): Promise<{ sha256: string; records: number }> {
  const out = a.spec.output;
  const tmp = join(dirname(out.path), `.${basename(out.path)}.${a.jobId}.partial`);
  const codec = codecNamed(outputCodec(a.spec, a.entry));
  const hash = createHash('sha256');
  const file = await open(tmp, 'w', 0o644);
  let records = 0;
  const write = async (buf: Buffer): Promise<void> => {
    hash.update(buf);
    await file.write(buf);
  };
  try {
    if (a.entry.kind === 'map') {
      await write(outputPrologue(out, a.totalRecords));
      for (const b of a.batches) {
        const what = `output of batch ${b.index}`;
        const partPath = `${b.outputPath}.part`;
        if (b.partSha256) {
          await write(await readVerified(partPath, b.partSha256, `rendered ${what}`));
        } else {
          const framed = await readVerified(b.outputPath!, b.outputSha256!, what);
          readBatchHeader(framed, what);
          await write(renderFrames(framed.subarray(HEADER_BYTES), out, codec));
        }
        records += b.records;
      }
    } else {
      const kernel = await KernelInstance.create(
        a.entry,
        await a.catalog.module(a.entry),
        a.params,
      );
      for (const b of a.batches) {
        const framed = await readVerified(
          b.outputPath!,
          b.outputSha256!,
          `partial of batch ${b.index}`,
        );
        kernel.combine(
          framed.subarray(HEADER_BYTES),
          readBatchHeader(framed, `partial of batch ${b.index}`),
        );
      }
      const partial = kernel.finish();
      await write(outputPrologue(out, 1));
      await write(renderFrames(partial, out, codec));
      records = 1;
    }
    await file.sync();
    await file.close();
    await rename(tmp, out.path);
  } catch (err) {
    await file.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
  return { sha256: hash.digest('hex'), records };
}
