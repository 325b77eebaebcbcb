// Runs the PSI kernels in this thread through the kernel host: parameters checked
// against the catalogue's schema, records framed into chunks of about a mebibyte.
import { Catalog } from '../kernels/catalog.js';
import { KernelInstance } from '../kernels/host.js';
import { encodeParams, resolveParams } from '../kernels/params.js';

export type PsiKernelName = 'psi-blind' | 'psi-reblind' | 'x25519';

/** Bytes of framed input handed to a kernel per call (wasm-kernels/README.md). */
export const CHUNK_BYTES = 1 << 20;

export async function openKernel(
  name: PsiKernelName,
  params: Record<string, unknown>,
  catalog: Catalog = Catalog.load(),
): Promise<KernelInstance> {
  const entry = catalog.get(name);
  const encoded = encodeParams(entry, resolveParams(entry, params));
  try {
    return await KernelInstance.create(entry, await catalog.module(entry), encoded);
  } finally {
    encoded.fill(0); // the block holds the secret scalar
  }
}

export function frameRecords(records: readonly Buffer[]): Buffer {
  let size = 0;
  for (const r of records) size += 4 + r.length;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const r of records) {
    out.writeUInt32LE(r.length, at);
    r.copy(out, at + 4);
    at += 4 + r.length;
  }
  return out;
}

export function unframeRecords(framed: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  while (at < framed.length) {
    const len = framed.readUInt32LE(at);
    out.push(framed.subarray(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return out;
}

/**
 * Maps records through a kernel, a chunk per call; `firstRecord` is the index of the
 * first record in its dataset, so an error names the record the user knows.
 */
export function mapRecords(
  kernel: KernelInstance,
  records: readonly Buffer[],
  firstRecord = 0,
): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  while (start < records.length) {
    let end = start;
    let bytes = 0;
    while (
      end < records.length &&
      (end === start || bytes + 4 + records[end]!.length <= CHUNK_BYTES)
    ) {
      bytes += 4 + records[end]!.length;
      end++;
    }
    const chunk = frameRecords(records.slice(start, end));
    for (const r of unframeRecords(kernel.map(chunk, end - start, firstRecord + start)))
      out.push(r);
    start = end;
  }
  return out;
}
