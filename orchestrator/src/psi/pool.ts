// Runs a PSI kernel on worker threads until the job engine's local backend runs these
// steps: each batch of records is split into one framed chunk per worker.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { OffloadError, type ErrorCode } from '../errors.js';
import { frameRecords, unframeRecords, type PsiKernelName } from './kernels.js';
import type { ChunkReply, ChunkRequest } from './worker.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

export class KernelPool {
  private readonly pending = new Map<number, (reply: ChunkReply) => void>();
  private nextId = 0;

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on('message', (reply: ChunkReply) => {
        this.pending.get(reply.id)?.(reply);
        this.pending.delete(reply.id);
      });
    }
  }

  static async open(
    kernel: PsiKernelName,
    params: Record<string, Buffer>,
    threads = availableParallelism(),
  ): Promise<KernelPool> {
    const workers = Array.from(
      { length: Math.max(1, threads) },
      () => new Worker(WORKER_URL, { workerData: { kernel, params } }),
    );
    try {
      await Promise.all(workers.map(waitReady));
    } catch (err) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    }
    return new KernelPool(workers);
  }

  get threads(): number {
    return this.workers.length;
  }

  /** Maps records in order; `firstRecord` is the first one's index in its dataset. */
  async map(records: readonly Buffer[], firstRecord: number): Promise<Buffer[]> {
    const per = Math.ceil(records.length / this.workers.length);
    const parts = await Promise.all(
      this.workers.map((w, i) => {
        const slice = records.slice(i * per, (i + 1) * per);
        return slice.length === 0 ? [] : this.send(w, slice, firstRecord + i * per);
      }),
    );
    return parts.flat();
  }

  private send(worker: Worker, records: readonly Buffer[], firstRecord: number): Promise<Buffer[]> {
    const id = this.nextId++;
    const req: ChunkRequest = {
      id,
      chunk: frameRecords(records),
      count: records.length,
      firstRecord,
    };
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => {
        if ('output' in reply) resolve(unframeRecords(Buffer.from(reply.output)));
        else reject(toError(reply.error));
      });
      worker.postMessage(req);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Resolves once the worker's kernel is initialised; errors cross threads as copies. */
function waitReady(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', (err) =>
      reject(new OffloadError('KERNEL_FAILED', `psi worker: ${err.message}`, { cause: err })),
    );
  });
}

function toError(e: { code: string; message: string; record?: number }): OffloadError {
  return new OffloadError(
    e.code as ErrorCode,
    e.message,
    e.record === undefined ? {} : { record: e.record },
  );
}
