import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ask,
  connect,
  downloadResult,
  uploadFile,
  watchJob,
  type OffloadClient,
} from '../../src/api/client.js';
import { identifiers } from '../helpers.js';
import { percentile, sha256Hex, startDaemon, USERS, type Daemon } from './harness.js';

const CLIENTS = 50;
const RECORDS = 20;
const BATCH = 10;

interface Outcome {
  jobId: string;
  submitMs: number;
  /** Milliseconds from an event's store time to its arrival, for events after the watch began. */
  deliveryMs: number[];
  ok: boolean;
}

/** One platform client: its own connection, upload, submit, watch to the end, download. */
async function platform(d: Daemon, i: number, client: OffloadClient): Promise<Outcome> {
  const ids = identifiers(RECORDS, 100 + i);
  const input = join(d.dir, `ids-${i}.txt`);
  writeFileSync(input, ids.join('\n') + '\n');
  const { path } = await uploadFile(client, input);
  const spec = {
    kernel: 'sha256',
    input: { path },
    batch: { records: BATCH },
    output: { path: `out-${i}.txt` },
  };

  const t0 = performance.now();
  const { job } = await ask(client.jobs, 'Submit', { specJson: JSON.stringify(spec) });
  const submitMs = performance.now() - t0;

  const deliveryMs: number[] = [];
  const watchedFrom = Date.now();
  await watchJob(client, job!.id, (e) => {
    const now = Date.now();
    if (e.atMs >= watchedFrom) deliveryMs.push(now - e.atMs);
  });

  const out = join(d.dir, `result-${i}.txt`);
  await downloadResult(client, job!.id, out);
  const ok = readFileSync(out, 'utf8') === ids.map((id) => sha256Hex(id)).join('\n') + '\n';
  return { jobId: job!.id, submitMs, deliveryMs, ok };
}

function metric(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe(`${CLIENTS} platform clients at once`, () => {
  let d: Daemon;
  let outcomes: Outcome[];

  before(async () => {
    d = await startDaemon(
      { limits: { requestsPerSecond: 1000, requestBurst: 1000 }, metrics: { port: 0 } },
      { workers: 2 },
    );
  });
  after(() => d.stop());

  it('runs every submitted job exactly once to success', async (t) => {
    const clients = Array.from({ length: CLIENTS }, (_, i) =>
      connect({
        address: `localhost:${d.server.port}`,
        token: i % 2 ? USERS.alice.token : USERS.bob.token,
        tls: { ca: d.pki.ca },
        // Each client its own connection, as 50 separate platforms would have.
        channelOptions: { 'grpc.use_local_subchannel_pool': 1 },
      }),
    );
    const started = performance.now();
    try {
      outcomes = await Promise.all(clients.map((c, i) => platform(d, i, c)));
    } finally {
      for (const c of clients) c.close();
    }
    const seconds = (performance.now() - started) / 1000;

    const ids = new Set(outcomes.map((o) => o.jobId));
    assert.equal(ids.size, CLIENTS, 'every submission made its own job');
    assert.deepEqual(
      outcomes.filter((o) => !o.ok).map((o) => o.jobId),
      [],
      'every result holds the SHA-256 of each of its records',
    );
    const stored = d.engine.list({ limit: 1000 });
    assert.equal(stored.length, CLIENTS, 'the store holds exactly the submitted jobs');
    for (const job of stored) {
      assert.ok(ids.has(job.id));
      assert.equal(job.state, 'succeeded', job.id);
      const won = d.engine.attempts(job.id).filter((a) => a.state === 'succeeded');
      assert.deepEqual(
        won.map((a) => a.batchIndex).sort(),
        [0, 1],
        `${job.id}: one kept attempt per batch`,
      );
      const done = d.engine.events(job.id, 0).filter((e) => e.type === 'batch.done');
      assert.equal(done.length, RECORDS / BATCH, `${job.id}: each batch finished once`);
    }

    const submit = outcomes.map((o) => o.submitMs).sort((a, b) => a - b);
    const delivery = outcomes.flatMap((o) => o.deliveryMs).sort((a, b) => a - b);
    assert.ok(delivery.length >= CLIENTS, 'live events were measured');
    t.diagnostic(
      `${CLIENTS} jobs in ${seconds.toFixed(2)} s; submit latency ms p50 ` +
        `${percentile(submit, 50).toFixed(1)} p99 ${percentile(submit, 99).toFixed(1)}; ` +
        `event delivery ms p50 ${percentile(delivery, 50)} p99 ${percentile(delivery, 99)} ` +
        `over ${delivery.length} events`,
    );
  });

  it("lists one owner's jobs page by page, each once, newest first", async () => {
    const alice = d.client('alice');
    const seen: string[] = [];
    let pageToken = '';
    do {
      const page = await ask(alice.jobs, 'ListJobs', {
        pageSize: 7,
        pageToken,
        kernel: 'sha256',
        states: ['JOB_STATE_SUCCEEDED'],
      });
      assert.ok(page.jobs.length <= 7);
      seen.push(...page.jobs.map((j) => j.id));
      pageToken = page.nextPageToken;
    } while (pageToken);
    const expected = d.engine.list({ owner: 'alice', limit: 1000 }).map((j) => j.id);
    assert.equal(expected.length, CLIENTS / 2);
    assert.deepEqual(seen, expected);
    const none = await ask(alice.jobs, 'ListJobs', { states: ['JOB_STATE_FAILED'] });
    assert.deepEqual(none.jobs, []);
  });

  it('reports the jobs it ran on the metrics endpoint', async () => {
    const response = await fetch(`http://127.0.0.1:${d.server.metricsPort}/metrics`);
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.equal(metric(text, 'offload_jobs{state="succeeded"}'), CLIENTS);
    assert.equal(metric(text, 'offload_jobs{state="failed"}'), 0);
    assert.equal(metric(text, 'offload_job_transitions_total{state="pending"}'), CLIENTS);
    assert.equal(metric(text, 'offload_job_transitions_total{state="succeeded"}'), CLIENTS);
    const batches = (CLIENTS * RECORDS) / BATCH;
    assert.equal(metric(text, 'offload_batches_total{state="done",backend="local"}'), batches);
    assert.equal(metric(text, 'offload_kernel_records_total{kernel="sha256"}'), CLIENTS * RECORDS);
    assert.equal(metric(text, 'offload_kernel_records_per_second_count{kernel="sha256"}'), batches);
    assert.equal(metric(text, 'offload_queue_depth'), 0);
    const missing = await fetch(`http://127.0.0.1:${d.server.metricsPort}/other`);
    assert.equal(missing.status, 404);
  });
});
