// Acceptance of batch outputs: the checks the engine runs on every output, and the
// local pool that runs them ahead of queued batch runs.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { queueOptionsSymbol, type TaskQueue } from 'piscina';
import { batchHeader } from '../../src/datasets/framing.js';
import { PRIORITY, PriorityTaskQueue, withPriority } from '../../src/backends/local/queue.js';
import { LocalBackend } from '../../src/backends/local/local.js';
import { verifyOutput, type VerifyTask } from '../../src/jobs/verify.js';
import { tempDir } from '../helpers.js';

type Task = Parameters<TaskQueue['push']>[0];

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function framed(records: Buffer[]): Buffer {
  const frames = records.map((r) => {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(r.length);
    return Buffer.concat([len, r]);
  });
  return Buffer.concat([batchHeader(records.length), ...frames]);
}

describe('verifying a batch output', () => {
  const tmp = tempDir();
  const output = framed([randomBytes(32), randomBytes(32), randomBytes(32)]);
  const part = Buffer.from('aa\nbb\ncc\n');
  const task = (over: Partial<VerifyTask> = {}): VerifyTask => ({
    op: 'verify',
    batchIndex: 7,
    outputPath: join(tmp.dir, 'out'),
    sha256: sha256(output),
    records: 3,
    partPath: join(tmp.dir, 'part'),
    partSha256: sha256(part),
    ...over,
  });
  before(() => {
    writeFileSync(join(tmp.dir, 'out'), output);
    writeFileSync(join(tmp.dir, 'part'), part);
  });
  after(() => tmp.cleanup());

  it('accepts an output and a part that match what the runner reported', async () => {
    assert.deepEqual(await verifyOutput(task()), { ok: true });
  });

  it('refuses an output whose bytes changed, naming the batch and both digests', async () => {
    const altered = Buffer.from(output);
    altered[altered.length - 1]! ^= 1;
    writeFileSync(join(tmp.dir, 'altered'), altered);
    const got = await verifyOutput(task({ outputPath: join(tmp.dir, 'altered') }));
    assert.equal(got.ok, false);
    assert.match(!got.ok ? got.message : '', /^output of batch 7 has SHA-256 [0-9a-f]{64}/);
    assert.ok(!got.ok && got.message.includes(sha256(altered)));
    assert.ok(!got.ok && got.message.includes(sha256(output)));
  });

  it('refuses an output holding another number of records', async () => {
    const got = await verifyOutput(task({ records: 4 }));
    assert.deepEqual(got, { ok: false, message: 'output of batch 7 holds 3 records, expected 4' });
  });

  it('refuses a missing output and a missing part, naming the path', async () => {
    const gone = join(tmp.dir, 'gone');
    assert.deepEqual(await verifyOutput(task({ outputPath: gone })), {
      ok: false,
      message: `output of batch 7 is missing (${gone})`,
    });
    assert.deepEqual(await verifyOutput(task({ partPath: gone })), {
      ok: false,
      message: `rendered output of batch 7 is missing (${gone})`,
    });
  });

  it('refuses a rendered part whose bytes changed', async () => {
    writeFileSync(join(tmp.dir, 'part2'), 'aa\nbb\ncd\n');
    const got = await verifyOutput(task({ partPath: join(tmp.dir, 'part2') }));
    assert.equal(got.ok, false);
    assert.match(!got.ok ? got.message : '', /^rendered output of batch 7 has SHA-256/);
  });

  it('gives the same answers on a worker thread of the local pool', async () => {
    const local = new LocalBackend({ workers: 1 });
    try {
      await local.warm();
      assert.deepEqual(await local.verify(task()), { ok: true });
      const got = await local.verify(task({ records: 2 }));
      assert.deepEqual(got, {
        ok: false,
        message: 'output of batch 7 holds 3 records, expected 2',
      });
    } finally {
      await local.close();
    }
  });
});

describe("the local pool's task queue", () => {
  const entry = (name: string, priority?: number): Task =>
    ({
      name,
      [queueOptionsSymbol]: priority === undefined ? null : { priority },
    }) as unknown as Task;
  const names = (q: PriorityTaskQueue) => {
    const out: string[] = [];
    for (let t = q.shift(); t; t = q.shift()) out.push((t as unknown as { name: string }).name);
    return out;
  };

  it('serves verifications, then framing, then runs, each in arrival order', () => {
    const q = new PriorityTaskQueue();
    q.push(entry('run1', PRIORITY.run));
    q.push(entry('frame1', PRIORITY.frame));
    q.push(entry('run2')); // no mark: a run
    q.push(entry('verify1', PRIORITY.verify));
    q.push(entry('frame2', PRIORITY.frame));
    q.push(entry('verify2', PRIORITY.verify));
    assert.equal(q.size, 6);
    assert.deepEqual(names(q), ['verify1', 'verify2', 'frame1', 'frame2', 'run1', 'run2']);
    assert.equal(q.size, 0);
    assert.equal(q.shift(), null);
  });

  it('removes a task wherever it waits and puts a returned one first in its level', () => {
    const q = new PriorityTaskQueue();
    const a = entry('a', PRIORITY.run);
    const b = entry('b', PRIORITY.frame);
    q.push(a);
    q.push(b);
    q.push(entry('c', PRIORITY.run));
    q.remove(a);
    q.unshift(entry('d', PRIORITY.run));
    assert.equal(q.size, 3);
    assert.deepEqual(names(q), ['b', 'd', 'c']);
  });

  it('marks a task without changing what the worker receives', () => {
    const task = withPriority({ op: 'verify' }, PRIORITY.verify);
    assert.deepEqual(structuredClone(task), { op: 'verify' });
    assert.deepEqual((task as Record<symbol, unknown>)[queueOptionsSymbol], { priority: 0 });
  });
});
