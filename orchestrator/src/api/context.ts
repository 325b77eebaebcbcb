// What every handler shares: the engine, the token store, the limits, and the
// bookkeeping that lets the server end its streams cleanly on shutdown.
import type * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { OffloadError, show } from '../errors.js';
import type { Catalog } from '../kernels/catalog.js';
import type { JobRecord, JobService } from '../jobs/types.js';
import { authenticate, requireRole, type Principal, type Role, type TokenStore } from './auth.js';
import type { Intake } from './intake.js';
import type { RateLimiter } from './ratelimit.js';
import { toServiceError } from './status.js';
import type { UploadStore } from './uploads.js';

export interface ApiContext {
  service: JobService;
  tokens: TokenStore;
  limiter: RateLimiter;
  uploads: UploadStore;
  intake: Intake;
  catalog: () => Catalog;
  /** Folders (besides each user's own) that remote jobs may read inputs from. */
  inputRoots: readonly string[];
  log: Logger;
  /** Streams to end when the server shuts down; each ends itself with a status. */
  streams: Set<(status: { code: grpc.status; details: string }) => void>;
}

/** Authenticates the call, charges its token's rate bucket and checks the role. */
export function admit(
  ctx: ApiContext,
  metadata: grpc.Metadata,
  roles: readonly Role[],
  method: string,
): Principal {
  const who = authenticate(ctx.tokens, metadata);
  const waitMs = ctx.limiter.take(who.tokenHash);
  if (waitMs > 0) {
    throw new OffloadError(
      'RESOURCE_EXHAUSTED',
      `authorization: request rate over the limit for ${who.user}; retry in ${waitMs} ms`,
      { field: 'authorization' },
    );
  }
  requireRole(who, roles, method);
  return who;
}

/**
 * The job if this caller may see it. Another operator's job answers exactly like a
 * job that does not exist, so its id, owner and state stay unknown.
 */
export function visibleJob(ctx: ApiContext, who: Principal, jobId: string): JobRecord {
  if (!jobId) {
    throw new OffloadError('SPEC_INVALID', 'job_id is required', { field: 'job_id' });
  }
  const job = ctx.service.get(jobId);
  if (!job || (who.role === 'operator' && job.owner !== who.user)) {
    throw new OffloadError('JOB_NOT_FOUND', `job_id: no job ${show(jobId)}`, {
      field: 'job_id',
    });
  }
  return job;
}

type Handler<Req, Res> = (request: Req, who: Principal, log: Logger) => Promise<Res> | Res;

/** A unary handler with authentication, rate limiting, roles and error mapping. */
export function unary<Req, Res>(
  ctx: ApiContext,
  method: string,
  roles: readonly Role[],
  handler: Handler<Req, Res>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    let log = ctx.log.child({ rpc: method });
    new Promise<Res>((resolve) => {
      const who = admit(ctx, call.metadata, roles, method);
      log = log.child({ user: who.user });
      resolve(handler(call.request, who, log));
    }).then(
      (response) => callback(null, response),
      (err: unknown) => callback(toServiceError(err, log)),
    );
  };
}
