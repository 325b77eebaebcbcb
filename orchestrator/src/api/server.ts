// The gRPC daemon: JobService, AdminService, KernelService and grpc.health.v1 over
// TLS (optionally mutual), bearer tokens with roles, per-token rate limits, upload
// quotas, and a Prometheus endpoint on its own HTTP port.
import * as grpc from '@grpc/grpc-js';
import { join, resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import { Registry } from 'prom-client';
import { OffloadError, show } from '../errors.js';
import { Catalog } from '../kernels/catalog.js';
import type { JobService } from '../jobs/types.js';
import { adminHandlers, kernelHandlers } from './admin.js';
import { TokenStore } from './auth.js';
import type { ApiContext } from './context.js';
import { healthHandlers, HealthState } from './health.js';
import { Intake } from './intake.js';
import { jobHandlers } from './jobs.js';
import { registerMetrics, startMetricsServer, type MetricsServer } from './metrics.js';
import { loadProto } from './proto.js';
import { RateLimiter } from './ratelimit.js';
import { UploadStore } from './uploads.js';

export interface TlsOptions {
  /** PEM certificate chain and private key of the server. */
  cert: Buffer | string;
  key: Buffer | string;
  /** PEM CA bundle that client certificates must chain to. */
  clientCa?: Buffer | string;
  /** Refuse clients without a certificate signed by clientCa (mutual TLS). */
  requireClientCert?: boolean;
}

export interface ServerLimits {
  /** Largest message either way, in bytes; uploads and downloads stream in chunks below it. */
  maxMessageBytes: number;
  /** Bytes of uploaded datasets each user may keep. */
  uploadQuotaBytes: number;
  /** Calls per second per token once its burst is spent. */
  requestsPerSecond: number;
  requestBurst: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxMessageBytes: 4 * 1024 * 1024,
  uploadQuotaBytes: 1024 * 1024 * 1024,
  requestsPerSecond: 20,
  requestBurst: 40,
};

export interface ServerOptions {
  /** host:port; port 0 picks a free port. */
  address: string;
  tls?: TlsOptions;
  /** Allows plain text on a non-loopback address (tokens would cross the network in clear). */
  insecure?: boolean;
  tokensFile: string;
  service: JobService;
  /** Uploaded datasets and the intake switch live here. */
  dataDir: string;
  catalog?: Catalog;
  /** Folders remote jobs may read inputs from besides the user's own (a shared data set). */
  inputRoots?: string[];
  limits?: Partial<ServerLimits>;
  /** Serve Prometheus metrics over HTTP on this port (0 picks one). */
  metrics?: { port: number; host?: string };
  log?: Logger;
}

export interface RunningServer {
  port: number;
  metricsPort: number | undefined;
  registry: Registry;
  /** Stops taking calls, ends open streams with UNAVAILABLE, and waits up to graceMs. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const limits = checkLimits({ ...DEFAULT_LIMITS, ...opts.limits });
  const credentials = serverCredentials(opts);
  const log = opts.log ?? pino({ level: 'silent' });
  let catalog = opts.catalog;
  const ctx: ApiContext = {
    service: opts.service,
    tokens: new TokenStore(opts.tokensFile),
    limiter: new RateLimiter({ perSecond: limits.requestsPerSecond, burst: limits.requestBurst }),
    uploads: new UploadStore(join(opts.dataDir, 'uploads'), {
      quotaBytes: limits.uploadQuotaBytes,
    }),
    intake: new Intake(join(opts.dataDir, 'intake.json')),
    catalog: () => (catalog ??= Catalog.load()),
    inputRoots: (opts.inputRoots ?? []).map((root) => resolve(root)),
    log,
    streams: new Set(),
  };

  const health = new HealthState();
  const server = new grpc.Server({
    'grpc.max_receive_message_length': limits.maxMessageBytes,
    'grpc.max_send_message_length': limits.maxMessageBytes,
  });
  const proto = loadProto();
  server.addService(proto.offload.v1.JobService.service, jobHandlers(ctx));
  server.addService(proto.offload.v1.AdminService.service, adminHandlers(ctx));
  server.addService(proto.offload.v1.KernelService.service, kernelHandlers(ctx));
  server.addService(proto.grpc.health.v1.Health.service, healthHandlers(health));

  const registry = new Registry();
  const stopMetrics = registerMetrics(opts.service, registry);
  const port = await bind(server, opts.address, credentials);
  let metrics: MetricsServer | undefined;
  try {
    if (opts.metrics) metrics = await startMetricsServer(opts.metrics, registry);
  } catch (err) {
    server.forceShutdown();
    stopMetrics();
    throw err;
  }
  log.info({ port, metricsPort: metrics?.port, tls: Boolean(opts.tls) }, 'api listening');

  let closing: Promise<void> | undefined;
  const close = (graceMs = 5000): Promise<void> =>
    (closing ??= shutdown(server, ctx, health, graceMs).finally(async () => {
      stopMetrics();
      await metrics?.close();
      log.info({ port }, 'api closed');
    }));
  return { port, metricsPort: metrics?.port, registry, close };
}

function checkLimits(limits: ServerLimits): ServerLimits {
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
      throw new OffloadError(
        'CONFIG_INVALID',
        `limits.${name} must be a positive number, got ${show(value)}`,
        { field: `limits.${name}` },
      );
    }
  }
  return limits;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1)$/;

function serverCredentials(opts: ServerOptions): grpc.ServerCredentials {
  if (!opts.tls) {
    const host = opts.address.replace(/:\d+$/, '');
    if (!opts.insecure && !LOOPBACK.test(host)) {
      throw new OffloadError(
        'CONFIG_INVALID',
        `address ${show(opts.address)} is not loopback: set tls, or insecure to send ` +
          'bearer tokens in clear',
        { field: 'tls' },
      );
    }
    return grpc.ServerCredentials.createInsecure();
  }
  const { cert, key, clientCa, requireClientCert = false } = opts.tls;
  if (requireClientCert && !clientCa) {
    throw new OffloadError('CONFIG_INVALID', 'tls.requireClientCert needs tls.clientCa', {
      field: 'tls.clientCa',
    });
  }
  return grpc.ServerCredentials.createSsl(
    clientCa ? Buffer.from(clientCa) : null,
    [{ cert_chain: Buffer.from(cert), private_key: Buffer.from(key) }],
    requireClientCert,
  );
}

function bind(
  server: grpc.Server,
  address: string,
  credentials: grpc.ServerCredentials,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, credentials, (err, port) => {
      if (err) {
        reject(
          new OffloadError('CONFIG_INVALID', `address ${show(address)}: ${err.message}`, {
            field: 'address',
            cause: err,
          }),
        );
      } else resolve(port);
    });
  });
}

async function shutdown(
  server: grpc.Server,
  ctx: ApiContext,
  health: HealthState,
  graceMs: number,
): Promise<void> {
  health.set('NOT_SERVING');
  // Watches end with UNAVAILABLE and the last event id they sent, so clients resume.
  for (const stop of [...ctx.streams]) {
    stop({ code: grpc.status.UNAVAILABLE, details: 'server shutting down' });
  }
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  // Cut-off uploads delete their partial files; the server is closed once they have.
  await ctx.uploads.settled();
}
