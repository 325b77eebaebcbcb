// A worker thread that holds one kernel instance and maps framed chunks through it.
// The parameters (the secret scalar among them) arrive in workerData, in memory only.
import { parentPort, workerData } from 'node:worker_threads';
import { isOffloadError } from '../errors.js';
import { openKernel, type PsiKernelName } from './kernels.js';

interface Setup {
  kernel: PsiKernelName;
  params: Record<string, Uint8Array>;
}

export interface ChunkRequest {
  id: number;
  chunk: Uint8Array;
  count: number;
  firstRecord: number;
}

export type ChunkReply =
  | { id: number; output: Uint8Array }
  | { id: number; error: { code: string; message: string; record?: number } };

const setup = workerData as Setup;
const params = Object.fromEntries(
  Object.entries(setup.params).map(([k, v]) => [k, Buffer.from(v)] as const),
);
const kernel = await openKernel(setup.kernel, params);
for (const v of Object.values(params)) v.fill(0);

parentPort!.on('message', (req: ChunkRequest) => {
  let reply: ChunkReply;
  try {
    const output = kernel.map(Buffer.from(req.chunk), req.count, req.firstRecord);
    reply = { id: req.id, output };
  } catch (err) {
    const e = isOffloadError(err) ? err : undefined;
    reply = {
      id: req.id,
      error: {
        code: e?.code ?? 'KERNEL_FAILED',
        message: (err as Error).message,
        ...(e?.record === undefined ? {} : { record: e.record }),
      },
    };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ id: -1, ready: true });
