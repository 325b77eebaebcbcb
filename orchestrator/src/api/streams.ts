// Back-pressure for server streams: wait until grpc-js has flushed what it buffered.
import type * as grpc from '@grpc/grpc-js';

/** Resolves on 'drain', or on 'close' when the client went away meanwhile. */
export function drained(call: grpc.ServerWritableStream<unknown, unknown>): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      call.off('close', done);
      resolve();
    };
    call.once('drain', done);
    call.once('close', done);
  });
}
