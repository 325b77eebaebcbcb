// An engine that shuts down mid-job (a daemon stopped with SIGTERM) leaves the job
// unfinished, not failed, and the next engine on the same store finishes it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { LocalBackend } from '../../src/backends/local/local.js';
import { Home } from '../../src/home.js';
import { Engine } from '../../src/jobs/engine.js';
import { Catalog } from '../../src/kernels/catalog.js';
import { createLogger } from '../../src/logging.js';
import { hmacHex, identifiers, tempDir, writeKey, writeLines } from '../helpers.js';

function openEngine(home: string): Engine {
  return new Engine({
    home: new Home(home),
    catalog: Catalog.load(),
    log: createLogger({ level: 'silent' }),
    backends: [new LocalBackend({ workers: 1 })],
  });
}

describe('an engine shutting down mid-job', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('leaves the job to resume, and the next engine completes it', async () => {
    const ids = identifiers(60_000, 7);
    writeLines(join(tmp.dir, 'ids.txt'), ids);
    const key = writeKey(join(tmp.dir, 'hmac.key'));
    const home = join(tmp.dir, 'home');
    const first = openEngine(home);
    const job = await first.submit(
      {
        kernel: 'hmac-sha256',
        input: { path: 'ids.txt', format: 'lines' },
        params: { key: { file: 'hmac.key' } },
        batch: { records: 2000 },
        output: { path: 'out.txt', format: 'hex-lines' },
      },
      { owner: 'o', baseDir: tmp.dir },
    );
    await new Promise<void>((resolve) => {
      const stop = first.subscribe((e) => {
        if (e.jobId === job.id && e.type === 'batch.done') {
          stop();
          resolve();
        }
      });
    });
    await first.close();

    const second = openEngine(home);
    try {
      const left = second.get(job.id)!;
      assert.ok(['splitting', 'running'].includes(left.state), `left ${left.state}: ${left.error}`);
      assert.ok(left.batchesDone >= 1 && left.batchesDone < 30, `${left.batchesDone} done`);
      assert.deepEqual(await second.resumeAll(), [job.id]);
      const done = await second.wait(job.id);
      assert.equal(done.state, 'succeeded', done.error ?? undefined);
      const lines = readFileSync(join(tmp.dir, 'out.txt'), 'utf8').split('\n');
      assert.equal(lines.length, ids.length + 1);
      ids.forEach((id, i) => assert.equal(lines[i], hmacHex(key, id), `line ${i + 1}`));
    } finally {
      await second.close();
    }
  });
});
