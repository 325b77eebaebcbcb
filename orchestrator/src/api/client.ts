// A client for the daemon, used by the remote CLI commands and by the tests: channel
// credentials, the bearer token on every call, and the streaming calls (upload,
// download, watch with resume) wrapped in promises.
import * as grpc from '@grpc/grpc-js';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { OffloadError } from '../errors.js';
import type { HealthClient } from './generated/grpc/health/v1/Health.js';
import type { AdminServiceClient } from './generated/offload/v1/AdminService.js';
import type { JobEvent__Output } from './generated/offload/v1/JobEvent.js';
import type { JobServiceClient } from './generated/offload/v1/JobService.js';
import type { KernelServiceClient } from './generated/offload/v1/KernelService.js';
import type { ResultHeader__Output } from './generated/offload/v1/ResultHeader.js';
import type * as upload from './generated/offload/v1/UploadDatasetResponse.js';
import { loadProto } from './proto.js';
import { fromServiceError } from './status.js';

export interface ClientOptions {
  /** host:port of the daemon. */
  address: string;
  token?: string;
  /** TLS with these PEMs (ca: the server's CA; cert/key: a client certificate). */
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer };
  maxMessageBytes?: number;
  /** Extra grpc-js channel options. */
  channelOptions?: grpc.ChannelOptions;
}

export interface OffloadClient {
  jobs: JobServiceClient;
  admin: AdminServiceClient;
  kernels: KernelServiceClient;
  health: HealthClient;
  close(): void;
}

/** Upload chunk size: 64 KiB keeps each message far below the 4 MiB default limit. */
const CHUNK_BYTES = 64 * 1024;

export function connect(opts: ClientOptions): OffloadClient {
  const proto = loadProto();
  const credentials = opts.tls
    ? grpc.credentials.createSsl(opts.tls.ca ?? null, opts.tls.key ?? null, opts.tls.cert ?? null)
    : grpc.credentials.createInsecure();
  const options: grpc.ClientOptions = {
    interceptors: opts.token ? [bearer(opts.token)] : [],
    'grpc.max_receive_message_length': opts.maxMessageBytes ?? 4 * 1024 * 1024,
    // A restarted daemon is back in about a second; grpc-js would otherwise wait up to
    // two minutes between reconnection tries.
    'grpc.initial_reconnect_backoff_ms': 200,
    'grpc.max_reconnect_backoff_ms': 5000,
    ...opts.channelOptions,
  };
  const jobs = new proto.offload.v1.JobService(opts.address, credentials, options);
  // One channel for all services: the others reuse the first client's.
  const shared = { ...options, channelOverride: grpc.getClientChannel(jobs) };
  const admin = new proto.offload.v1.AdminService(opts.address, credentials, shared);
  const kernels = new proto.offload.v1.KernelService(opts.address, credentials, shared);
  const health = new proto.grpc.health.v1.Health(opts.address, credentials, shared);
  return { jobs, admin, kernels, health, close: () => jobs.close() };
}

/**
 * Adds `authorization: Bearer <token>` to every call. An interceptor rather than call
 * credentials, because grpc-js sends call credentials only over TLS and a loopback
 * daemon may run without it.
 */
function bearer(token: string): grpc.Interceptor {
  return (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        metadata.set('authorization', `Bearer ${token}`);
        next(metadata, listener);
      },
    });
}

/* eslint-disable @typescript-eslint/no-explicit-any -- matching any request or response */
// Generated clients overload each method; inference reads the last overload,
// `(request, callback)`, which gives the request and response types.
type RequestOf<M> = M extends (req: infer R, cb: grpc.requestCallback<any>) => unknown ? R : never;
type ResponseOf<M> = M extends (req: any, cb: grpc.requestCallback<infer R>) => unknown ? R : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Calls a unary method by name: `ask(client.jobs, 'GetJob', { jobId })`. */
export function ask<C extends grpc.Client, K extends keyof C & string>(
  client: C,
  method: K,
  request: RequestOf<C[K]>,
  deadlineMs = 30_000,
): Promise<ResponseOf<C[K]>> {
  const fn = client[method] as unknown as (
    request: unknown,
    options: grpc.CallOptions,
    callback: (err: grpc.ServiceError | null, response?: unknown) => void,
  ) => grpc.ClientUnaryCall;
  return new Promise((resolve, reject) => {
    fn.call(client, request, { deadline: Date.now() + deadlineMs }, (err, response) => {
      if (err) reject(fromServiceError(err));
      else resolve(response as ResponseOf<C[K]>);
    });
  });
}

export async function uploadFile(
  client: OffloadClient,
  path: string,
  name = basename(path),
): Promise<upload.UploadDatasetResponse__Output> {
  const { size } = await stat(path);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const sha256 = hash.digest('hex');
  return new Promise((resolve, reject) => {
    const call = client.jobs.UploadDataset((err, response) => {
      if (err) reject(fromServiceError(err));
      else resolve(response as upload.UploadDatasetResponse__Output);
    });
    void (async () => {
      call.write({ header: { name, size, sha256 } });
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
        if (!call.write({ chunk })) await new Promise((r) => call.once('drain', r));
      }
      call.end();
    })().catch(() => call.cancel());
  });
}

/** Downloads a job's result to `outPath`, checking size and SHA-256 before it lands there. */
export async function downloadResult(
  client: OffloadClient,
  jobId: string,
  outPath: string,
): Promise<ResultHeader__Output> {
  const tmp = `${outPath}.part-${process.pid}`;
  const file = await open(tmp, 'w');
  const hash = createHash('sha256');
  let header: ResultHeader__Output | undefined;
  let bytes = 0;
  try {
    const stream = client.jobs.DownloadResult({ jobId });
    try {
      for await (const message of stream) {
        if (message.part === 'header') header = message.header ?? undefined;
        else if (message.chunk) {
          hash.update(message.chunk);
          bytes += message.chunk.length;
          await file.write(message.chunk);
        }
      }
    } catch (err) {
      throw fromServiceError(err as grpc.ServiceError);
    }
    await file.close();
    const sha256 = hash.digest('hex');
    if (!header || header.size !== bytes || header.sha256 !== sha256) {
      throw new OffloadError(
        'OUTPUT_UNVERIFIED',
        `result of ${jobId}: received ${bytes} bytes with SHA-256 ${sha256}, ` +
          `the server announced ${header?.size} bytes with ${header?.sha256}`,
      );
    }
    await rename(tmp, outPath);
    return header;
  } finally {
    await file.close().catch(() => undefined);
    await rm(tmp, { force: true });
  }
}

export interface WatchOptions {
  /** Resume after this event id (0: from the job's first event). */
  afterEventId?: number;
  /** Reconnect after UNAVAILABLE (a server restart) this many times; 0 to give up at once. */
  retries?: number;
  signal?: AbortSignal;
  /** Called before each reconnection with the event id the watch resumes after. */
  onResume?: (afterEventId: number) => void;
}

/**
 * Follows a job's events until it ends, resuming after the last event seen when the
 * server goes away; returns the last event id. `onEvent` sees each event once.
 */
export async function watchJob(
  client: OffloadClient,
  jobId: string,
  onEvent: (event: JobEvent__Output) => void,
  opts: WatchOptions = {},
): Promise<number> {
  let lastId = opts.afterEventId ?? 0;
  let retries = opts.retries ?? 30;
  for (let attempt = 0; ; attempt += 1) {
    const stream = client.jobs.WatchJob({ jobId, afterEventId: lastId });
    const abort = (): void => stream.cancel();
    opts.signal?.addEventListener('abort', abort);
    try {
      for await (const event of stream as AsyncIterable<JobEvent__Output>) {
        lastId = event.id;
        onEvent(event);
      }
      return lastId;
    } catch (err) {
      const status = (err as grpc.ServiceError).code;
      if (status !== grpc.status.UNAVAILABLE || retries <= 0 || opts.signal?.aborted) {
        throw fromServiceError(err as grpc.ServiceError);
      }
      retries -= 1;
      // 100 ms, doubling to 5 s: a restarting daemon is usually back within a second.
      await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** attempt)));
      opts.onResume?.(lastId);
    } finally {
      opts.signal?.removeEventListener('abort', abort);
    }
  }
}
