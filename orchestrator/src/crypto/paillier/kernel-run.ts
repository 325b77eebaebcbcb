// Runs a Paillier kernel over records held in memory, in framed chunks of about a
// mebibyte, through the ordinary kernel host: for decryption on the data owner's
// machine, for tests and for benchmarks.
import { Catalog } from '../../kernels/catalog.js';
import { KernelInstance } from '../../kernels/host.js';
import { encodeParams, resolveParams, type ParamValue } from '../../kernels/params.js';

const CHUNK_BYTES = 1 << 20;

export async function openKernel(
  name: string,
  params: Record<string, ParamValue>,
  seed?: Buffer,
  catalog: Catalog = Catalog.load(),
): Promise<KernelInstance> {
  const entry = catalog.get(name);
  const encoded = encodeParams(entry, resolveParams(entry, params));
  return KernelInstance.create(entry, await catalog.module(entry), encoded, seed);
}

/** Frames records into chunks: [buffer, count, index of the first record]. */
export function* frameChunks(records: Buffer[]): Generator<[Buffer, number, number]> {
  let parts: Buffer[] = [];
  let size = 0;
  let first = 0;
  for (let i = 0; i < records.length; i++) {
    const head = Buffer.alloc(4);
    head.writeUInt32LE(records[i].length);
    parts.push(head, records[i]);
    size += 4 + records[i].length;
    if (size >= CHUNK_BYTES) {
      yield [Buffer.concat(parts), i + 1 - first, first];
      parts = [];
      size = 0;
      first = i + 1;
    }
  }
  if (parts.length > 0) yield [Buffer.concat(parts), records.length - first, first];
}

export function unframe(framed: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < framed.length;) {
    const len = framed.readUInt32LE(at);
    out.push(framed.subarray(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return out;
}

export function mapRecords(kernel: KernelInstance, records: Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  for (const [chunk, count, first] of frameChunks(records)) {
    out.push(...unframe(kernel.map(chunk, count, first)));
  }
  return out;
}

/** Reduces all records to the kernel's one framed partial. */
export function reduceRecords(kernel: KernelInstance, records: Buffer[]): Buffer {
  for (const [chunk, count, first] of frameChunks(records)) kernel.reduce(chunk, count, first);
  return unframe(kernel.finish())[0];
}
