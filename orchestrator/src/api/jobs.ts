// The unary job calls and the result download.
import * as grpc from '@grpc/grpc-js';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { dirname } from 'node:path';
import { mkdir, stat } from 'node:fs/promises';
import { OffloadError, show } from '../errors.js';
import { confineSpec } from './confine.js';
import { admit, unary, visibleJob, type ApiContext } from './context.js';
import { fromWireState, structToJson, toBatch, toJob } from './convert.js';
import type { CancelJobRequest__Output } from './generated/offload/v1/CancelJobRequest.js';
import type { CancelJobResponse } from './generated/offload/v1/CancelJobResponse.js';
import type * as download from './generated/offload/v1/DownloadResultRequest.js';
import type { DownloadResultResponse } from './generated/offload/v1/DownloadResultResponse.js';
import type { GetJobRequest__Output } from './generated/offload/v1/GetJobRequest.js';
import type { GetJobResponse } from './generated/offload/v1/GetJobResponse.js';
import type { JobServiceHandlers } from './generated/offload/v1/JobService.js';
import type { ListJobsRequest__Output } from './generated/offload/v1/ListJobsRequest.js';
import type { ListJobsResponse } from './generated/offload/v1/ListJobsResponse.js';
import type { SubmitRequest__Output } from './generated/offload/v1/SubmitRequest.js';
import type { SubmitResponse } from './generated/offload/v1/SubmitResponse.js';
import { toServiceError } from './status.js';
import { drained } from './streams.js';
import { uploadDataset } from './uploads.js';
import { watchJob } from './watch.js';

const WRITERS = ['operator', 'admin'] as const;
const READERS = ['operator', 'admin', 'ci'] as const;
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
/** 64 KiB chunks: well under the 4 MiB default message limit, few enough messages. */
const CHUNK_BYTES = 64 * 1024;

export function jobHandlers(ctx: ApiContext): JobServiceHandlers {
  return {
    Submit: unary<SubmitRequest__Output, SubmitResponse>(
      ctx,
      'Submit',
      WRITERS,
      async (req, who) => {
        const userDir = ctx.uploads.userDir(who.user);
        const spec = confineSpec(specOf(req), userDir, ctx.inputRoots);
        ctx.intake.admit(spec);
        // A remote user cannot make folders on the server; the output's folder is theirs.
        await mkdir(outputDir(spec) ?? userDir, { recursive: true, mode: 0o700 });
        const job = await ctx.service.submit(spec, { owner: who.user, baseDir: userDir });
        return { job: toJob(job) };
      },
    ),

    GetJob: unary<GetJobRequest__Output, GetJobResponse>(ctx, 'GetJob', READERS, (req, who) => {
      const job = visibleJob(ctx, who, req.jobId);
      const batches = ctx.service.batches(job.id);
      return { job: toJob(job, batches), batches: batches.map(toBatch) };
    }),

    ListJobs: unary<ListJobsRequest__Output, ListJobsResponse>(
      ctx,
      'ListJobs',
      READERS,
      (req, who) => listJobs(ctx, req, who),
    ),

    CancelJob: unary<CancelJobRequest__Output, CancelJobResponse>(
      ctx,
      'CancelJob',
      WRITERS,
      async (req, who) => {
        const job = visibleJob(ctx, who, req.jobId);
        return { job: toJob(await ctx.service.cancel(job.id)) };
      },
    ),

    WatchJob: watchJob(ctx),
    UploadDataset: uploadDataset(ctx),
    DownloadResult: downloadResult(ctx),
  };
}

function outputDir(spec: unknown): string | undefined {
  const path = (spec as { output?: { path?: unknown } } | null)?.output?.path;
  return typeof path === 'string' ? dirname(path) : undefined;
}

function specOf(req: SubmitRequest__Output): unknown {
  if (req.spec === 'specStruct' && req.specStruct) return structToJson(req.specStruct);
  if (req.spec !== 'specJson' || !req.specJson) {
    throw new OffloadError('SPEC_INVALID', 'spec_json or spec_struct is required', {
      field: 'spec_json',
    });
  }
  try {
    return JSON.parse(req.specJson) as unknown;
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new OffloadError('SPEC_INVALID', `spec_json is not JSON: ${why}`, {
      field: 'spec_json',
      cause,
    });
  }
}

function listJobs(
  ctx: ApiContext,
  req: ListJobsRequest__Output,
  who: { user: string; role: string },
): ListJobsResponse {
  if (who.role === 'operator' && req.owner && req.owner !== who.user) {
    throw new OffloadError(
      'PERMISSION_DENIED',
      `owner: operators list only their own jobs, asked for ${show(req.owner)}`,
      { field: 'owner' },
    );
  }
  const pageSize = req.pageSize === 0 ? DEFAULT_PAGE : req.pageSize;
  if (pageSize < 1 || pageSize > MAX_PAGE) {
    throw new OffloadError(
      'SPEC_INVALID',
      `page_size must be from 1 to ${MAX_PAGE}, got ${req.pageSize}`,
      { field: 'page_size' },
    );
  }
  const owner = who.role === 'operator' ? who.user : req.owner || undefined;
  const states = req.states.map((s, i) => fromWireState(s, `states[${i}]`));
  // One more than the page tells whether another page follows.
  const jobs = ctx.service.list({
    owner,
    states: states.length ? states : undefined,
    kernel: req.kernel || undefined,
    limit: pageSize + 1,
    after: decodePageToken(req.pageToken),
  });
  const page = jobs.slice(0, pageSize);
  const more = jobs.length > pageSize;
  return {
    jobs: page.map((job) => toJob(job)),
    nextPageToken: more ? encodePageToken(page[page.length - 1]!.id) : '',
  };
}

/** Page tokens are opaque to clients; today they wrap the last job id of the page. */
function encodePageToken(jobId: string): string {
  return Buffer.from(JSON.stringify({ after: jobId })).toString('base64url');
}

function decodePageToken(token: string): string | undefined {
  if (!token) return undefined;
  try {
    const { after } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      after?: unknown;
    };
    if (typeof after === 'string' && after) return after;
  } catch {
    // Reported below with the field name.
  }
  throw new OffloadError('SPEC_INVALID', `page_token is not a token this server issued`, {
    field: 'page_token',
  });
}

function downloadResult(
  ctx: ApiContext,
): grpc.handleServerStreamingCall<download.DownloadResultRequest__Output, DownloadResultResponse> {
  return (call) => {
    let log = ctx.log.child({ rpc: 'DownloadResult' });
    const send = async (): Promise<void> => {
      const who = admit(ctx, call.metadata, WRITERS, 'DownloadResult');
      log = log.child({ user: who.user });
      const job = visibleJob(ctx, who, call.request.jobId);
      if (job.state !== 'succeeded' || !job.outputPath || !job.outputSha256) {
        throw new OffloadError(
          'JOB_STATE',
          `job_id: job ${job.id} is ${job.state}; a result exists once it has succeeded`,
          { field: 'job_id' },
        );
      }
      const { size } = await stat(job.outputPath);
      call.write({ part: 'header', header: { jobId: job.id, size, sha256: job.outputSha256 } });
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(job.outputPath, { highWaterMark: CHUNK_BYTES })) {
        if (call.cancelled) return;
        hash.update(chunk as Buffer);
        if (!call.write({ part: 'chunk', chunk })) await drained(call);
      }
      // The client checks the digest too; checking here names the server's disk as the fault.
      if (hash.digest('hex') !== job.outputSha256) {
        throw new OffloadError('OUTPUT_UNVERIFIED', `result of job ${job.id} changed on disk`);
      }
    };
    send().then(
      () => call.end(),
      (err: unknown) => call.emit('error', toServiceError(err, log)),
    );
  };
}
