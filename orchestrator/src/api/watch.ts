// WatchJob: the store is the one source of events. A subscription only says "look
// again"; the stream then reads every event after the last one it sent, in id order.
// Replay and live events thus go through one path, and a client that resumes with
// the last id it saw gets each later event exactly once, across server restarts.
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { OffloadError } from '../errors.js';
import { TERMINAL_STATES, type JobRecord } from '../jobs/types.js';
import { admit, visibleJob, type ApiContext } from './context.js';
import { toEvent } from './convert.js';
import type { JobEvent } from './generated/offload/v1/JobEvent.js';
import type { WatchJobRequest__Output } from './generated/offload/v1/WatchJobRequest.js';
import { toServiceError } from './status.js';
import { drained } from './streams.js';

/** Events read from the store per query. */
const PAGE = 500;

type Status = { code: grpc.status; details: string };

class Watch {
  private lastId: number;
  private ended = false;
  private pumping = false;
  private again = false;
  private unsubscribe: (() => void) | undefined;
  private readonly stop = (status: Status): void => this.finish(status);

  constructor(
    private readonly ctx: ApiContext,
    private readonly call: grpc.ServerWritableStream<WatchJobRequest__Output, JobEvent>,
    private readonly jobId: string,
    private readonly log: Logger,
  ) {
    this.lastId = call.request.afterEventId;
  }

  start(): void {
    this.ctx.streams.add(this.stop);
    this.call.on('cancelled', () => this.finish(undefined));
    this.unsubscribe = this.ctx.service.subscribe((event) => {
      if (event.jobId === this.jobId && event.id > this.lastId) this.kick();
    });
    this.kick();
  }

  private kick(): void {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    this.pump().then(
      () => {
        this.pumping = false;
      },
      (err: unknown) => {
        this.pumping = false;
        this.finish(toServiceError(err, this.log) as Status);
      },
    );
  }

  private async pump(): Promise<void> {
    do {
      this.again = false;
      while (!this.ended && (await this.sendPage()) > 0);
      if (this.ended) return;
      const job = this.ctx.service.get(this.jobId);
      // The engine stores a state and its event in one synchronous step, so one more
      // read after seeing the terminal state gets the terminal event too.
      if (job && TERMINAL_STATES.includes(job.state) && (await this.sendPage()) === 0) {
        this.finish({ code: grpc.status.OK, details: 'OK' });
        return;
      }
    } while (this.again && !this.ended);
  }

  /** Sends the next page of stored events; returns how many it sent. */
  private async sendPage(): Promise<number> {
    const events = this.ctx.service.events(this.jobId, this.lastId, PAGE);
    if (events.length === 0) return 0;
    const job = this.ctx.service.get(this.jobId) as JobRecord;
    const batches = this.ctx.service.batches(this.jobId);
    for (const event of events) {
      if (this.ended) break;
      const more = this.call.write(toEvent(event, job, batches));
      this.lastId = event.id;
      if (!more) await drained(this.call);
    }
    return events.length;
  }

  /** Ends the stream once; `undefined` when the client went away and hears nothing. */
  finish(status: Status | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.unsubscribe?.();
    this.ctx.streams.delete(this.stop);
    if (!status) return;
    if (status.code === grpc.status.OK) this.call.end();
    else this.call.emit('error', this.withResumePoint(status));
  }

  private withResumePoint(status: Status): Status {
    if (status.code !== grpc.status.UNAVAILABLE) return status;
    return { ...status, details: `${status.details}; resume after event id ${this.lastId}` };
  }
}

export function watchJob(
  ctx: ApiContext,
): grpc.handleServerStreamingCall<WatchJobRequest__Output, JobEvent> {
  return (call) => {
    let log = ctx.log.child({ rpc: 'WatchJob' });
    try {
      const who = admit(ctx, call.metadata, ['operator', 'admin', 'ci'], 'WatchJob');
      log = log.child({ user: who.user });
      const job = visibleJob(ctx, who, call.request.jobId);
      if (!Number.isSafeInteger(call.request.afterEventId) || call.request.afterEventId < 0) {
        throw new OffloadError('SPEC_INVALID', 'after_event_id must be a non-negative id', {
          field: 'after_event_id',
        });
      }
      new Watch(ctx, call, job.id, log).start();
    } catch (err) {
      call.emit('error', toServiceError(err, log));
    }
  };
}
