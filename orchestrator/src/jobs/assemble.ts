// Reassembly: verified batch outputs become the job's result, in input order for a
// map and combined into one partial for a reduce. The result is written under a
// temporary name and renamed into place, so a half-written result never shows.
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

async function readVerified(path: string, expected: string, what: string): Promise<Buffer> {
  const buf = await readFile(path);
  if (sha256(buf) !== expected) {
    throw new OffloadError('OUTPUT_UNVERIFIED', `${what} (${path}) no longer matches its SHA-256`);
  }
  return buf;
}

export function outputCodec(spec: JobSpec, entry: KernelEntry): string {
  return spec.output.codec ?? entry.codecs.output;
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
