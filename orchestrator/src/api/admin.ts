// The admin service (queue, intake, draining) and the kernel list.
import { OffloadError, show } from '../errors.js';
import type { BatchRecord, JobService, JobState } from '../jobs/types.js';
import { unary, type ApiContext } from './context.js';
import { toJob, toKernel, toWireState } from './convert.js';
import type { AdminServiceHandlers } from './generated/offload/v1/AdminService.js';
import type { BackendCount } from './generated/offload/v1/BackendCount.js';
import type { DrainClusterRequest__Output } from './generated/offload/v1/DrainClusterRequest.js';
import type { DrainClusterResponse } from './generated/offload/v1/DrainClusterResponse.js';
import type { IntakeStatus } from './generated/offload/v1/IntakeStatus.js';
import type { KernelServiceHandlers } from './generated/offload/v1/KernelService.js';
import type { ListKernelsRequest__Output } from './generated/offload/v1/ListKernelsRequest.js';
import type { ListKernelsResponse } from './generated/offload/v1/ListKernelsResponse.js';
import type { PauseIntakeRequest__Output } from './generated/offload/v1/PauseIntakeRequest.js';
import type { QueueEntry } from './generated/offload/v1/QueueEntry.js';
import type { QueueViewRequest__Output } from './generated/offload/v1/QueueViewRequest.js';
import type { QueueViewResponse } from './generated/offload/v1/QueueViewResponse.js';
import type { ResumeIntakeRequest__Output } from './generated/offload/v1/ResumeIntakeRequest.js';
import { clusterOf, type IntakeState } from './intake.js';

export const ACTIVE_STATES: readonly JobState[] = ['pending', 'splitting', 'running', 'assembling'];
const DEFAULT_QUEUE = 200;
const MAX_QUEUE = 1000;
/** Enough to count the active jobs of any queue this server can hold. */
const COUNT_LIMIT = 1_000_000;

export function adminHandlers(ctx: ApiContext): AdminServiceHandlers {
  return {
    QueueView: unary<QueueViewRequest__Output, QueueViewResponse>(
      ctx,
      'QueueView',
      ['admin', 'ci'],
      (req) => queueView(ctx, req.limit),
    ),
    PauseIntake: unary<PauseIntakeRequest__Output, IntakeStatus>(
      ctx,
      'PauseIntake',
      ['admin'],
      (req, who, log) => {
        log.warn({ reason: req.reason }, 'intake paused');
        return toIntake(ctx.intake.pause(who.user, req.reason));
      },
    ),
    ResumeIntake: unary<ResumeIntakeRequest__Output, IntakeStatus>(
      ctx,
      'ResumeIntake',
      ['admin'],
      (_req, _who, log) => {
        log.info('intake resumed');
        return toIntake(ctx.intake.resume());
      },
    ),
    DrainCluster: unary<DrainClusterRequest__Output, DrainClusterResponse>(
      ctx,
      'DrainCluster',
      ['admin'],
      (req, _who, log) => {
        if (!req.cluster) {
          throw new OffloadError('SPEC_INVALID', 'cluster is required', { field: 'cluster' });
        }
        log.warn({ cluster: req.cluster, drain: req.drain }, 'cluster drain changed');
        const intake = ctx.intake.drain(req.cluster, req.drain);
        const active = activeJobs(ctx.service, COUNT_LIMIT).filter(
          (job) => clusterOf(job.spec) === req.cluster,
        );
        return { intake: toIntake(intake), activeJobs: active.map((job) => toJob(job)) };
      },
    ),
  };
}

export function kernelHandlers(ctx: ApiContext): KernelServiceHandlers {
  return {
    ListKernels: unary<ListKernelsRequest__Output, ListKernelsResponse>(
      ctx,
      'ListKernels',
      ['operator', 'admin', 'ci'],
      () => ({ kernels: ctx.catalog().list().map(toKernel) }),
    ),
  };
}

function activeJobs(service: JobService, limit: number) {
  return service.list({ states: [...ACTIVE_STATES], limit });
}

function queueView(ctx: ApiContext, requested: number): QueueViewResponse {
  const limit = requested === 0 ? DEFAULT_QUEUE : requested;
  if (limit < 1 || limit > MAX_QUEUE) {
    throw new OffloadError(
      'SPEC_INVALID',
      `limit must be from 1 to ${MAX_QUEUE}, got ${show(requested)}`,
      { field: 'limit' },
    );
  }
  const active = activeJobs(ctx.service, COUNT_LIMIT);
  const counts = ACTIVE_STATES.map((state) => ({
    state: toWireState(state),
    jobs: active.filter((job) => job.state === state).length,
  }));
  // The engine lists newest first; a queue reads oldest first.
  const entries = active
    .slice(-limit)
    .reverse()
    .map((job): QueueEntry => {
      const batches = ctx.service.batches(job.id);
      const externalIds = ctx.service
        .attempts(job.id)
        .filter((a) => a.state === 'running' && a.externalId)
        .map((a) => a.externalId as string);
      return {
        job: toJob(job, batches),
        backends: countByBackend(batches),
        externalIds: [...new Set(externalIds)],
        cluster: clusterOf(job.spec) ?? '',
      };
    });
  return { entries, counts, intake: toIntake(ctx.intake.current) };
}

function countByBackend(batches: BatchRecord[]): BackendCount[] {
  const rows = new Map<string, Required<BackendCount>>();
  for (const batch of batches) {
    const backend = batch.backend ?? 'unassigned';
    const row = rows.get(backend) ?? { backend, pending: 0, running: 0, done: 0, failed: 0 };
    if (batch.state === 'cancelled') continue;
    row[batch.state] += 1;
    rows.set(backend, row);
  }
  return [...rows.values()].sort((a, b) => a.backend.localeCompare(b.backend));
}

function toIntake(state: IntakeState): IntakeStatus {
  return { ...state };
}
