import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ask, uploadFile, watchJob } from '../../src/api/client.js';
import type { JobEvent__Output } from '../../src/api/generated/offload/v1/JobEvent.js';
import { TERMINAL_STATES } from '../../src/jobs/types.js';
import { identifiers } from '../helpers.js';
import { startDaemon, type Daemon } from './harness.js';

/** Resolves once the engine has stored `count` more events of the job, or the job ended. */
function moreEvents(d: Daemon, jobId: string, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const stop = d.engine.subscribe((event) => {
      if (event.jobId !== jobId) return;
      seen += 1;
      const state = event.data.state as string | undefined;
      const ended = event.type === 'job.state' && TERMINAL_STATES.some((s) => s === state);
      if (seen >= count || ended) {
        stop();
        resolve();
      }
    });
    if (TERMINAL_STATES.includes(d.engine.get(jobId)!.state)) {
      stop();
      resolve();
    }
  });
}

describe('watching a job', () => {
  let d: Daemon;
  let jobId: string;

  before(async () => {
    d = await startDaemon();
    const alice = d.client('alice');
    const input = join(d.dir, 'ids.txt');
    writeFileSync(input, identifiers(20_000, 3).join('\n') + '\n');
    const { path } = await uploadFile(alice, input);
    // 40 batches on one worker: the job is still running when the server restarts.
    const spec = {
      kernel: 'sha256',
      input: { path },
      batch: { records: 500 },
      output: { path: 'out.txt' },
    };
    jobId = (await ask(alice.jobs, 'Submit', { specJson: JSON.stringify(spec) })).job!.id;
  });
  after(() => d.stop());

  it('gets every event in order across a server restart, none lost or repeated', async () => {
    const alice = d.client('alice');
    const events: JobEvent__Output[] = [];
    const resumedAfter: number[] = [];
    let storedWhileDown = 0;
    let restart: Promise<void> | undefined;

    // A second, raw stream shows how the server ends a watch when it shuts down.
    const raw = alice.jobs.WatchJob({ jobId, afterEventId: 0 });
    let rawLast = 0;
    raw.on('data', (e: JobEvent__Output) => (rawLast = e.id));
    const rawEnd = new Promise<grpc.ServiceError>((resolve) => raw.on('error', resolve));

    const restartWhileRunning = async (): Promise<void> => {
      await d.server.close(1000);
      const lastSent = events[events.length - 1]!.id;
      await moreEvents(d, jobId, 5);
      storedWhileDown = d.engine.events(jobId, lastSent).length;
      await d.restart();
    };

    await watchJob(
      alice,
      jobId,
      (event) => {
        events.push(event);
        if (!restart && event.type === 'batch.done') restart = restartWhileRunning();
      },
      { onResume: (id) => resumedAfter.push(id), retries: 40 },
    );
    await restart;

    const stored = d.engine.events(jobId, 0, 10_000);
    assert.ok(resumedAfter.length >= 1, 'the watch reconnected');
    assert.ok(storedWhileDown > 0, 'events were stored while no server ran');
    assert.deepEqual(
      events.map((e) => e.id),
      stored.map((e) => e.id),
      'the client saw exactly the stored events, in order',
    );
    assert.deepEqual(
      events.filter((e) => e.type === 'job.state').map((e) => JSON.parse(e.dataJson).state),
      ['splitting', 'running', 'assembling', 'succeeded'],
    );
    assert.equal(events[events.length - 1]!.state, 'JOB_STATE_SUCCEEDED');
    assert.equal(events[events.length - 1]!.progress?.batchesDone, 40);
    assert.equal(events[events.length - 1]!.progress?.recordsDone, 20_000);

    const ended = await rawEnd;
    assert.equal(ended.code, grpc.status.UNAVAILABLE);
    assert.equal(ended.details, `server shutting down; resume after event id ${rawLast}`);
  });

  it('replays the history of a finished job from any event id, then ends', async () => {
    const alice = d.client('alice');
    const stored = d.engine.events(jobId, 0, 10_000).map((e) => e.id);
    const all: number[] = [];
    await watchJob(alice, jobId, (e) => all.push(e.id), { retries: 0 });
    assert.deepEqual(all, stored);
    const middle = stored[Math.floor(stored.length / 2)]!;
    const rest: number[] = [];
    const last = await watchJob(alice, jobId, (e) => rest.push(e.id), {
      afterEventId: middle,
      retries: 0,
    });
    assert.deepEqual(
      rest,
      stored.filter((id) => id > middle),
    );
    assert.equal(last, stored[stored.length - 1]);
  });
});
