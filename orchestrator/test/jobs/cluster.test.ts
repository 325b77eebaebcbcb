// A job that names a cluster runs there or nowhere: an engine that submits to another
// cluster refuses it at submission instead of sending its batches elsewhere.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LocalBackend } from '../../src/backends/local/local.js';
import { Dispatcher } from '../../src/jobs/dispatch.js';
import { SlurmBackend } from '../../src/backends/slurm/backend.js';
import { loadConfig, pickCluster } from '../../src/config/index.js';
import { Home } from '../../src/home.js';
import { Engine } from '../../src/jobs/engine.js';
import { Catalog } from '../../src/kernels/catalog.js';
import { createLogger } from '../../src/logging.js';
import type { OffloadError } from '../../src/errors.js';
import { identifiers, tempDir, writeKey, writeLines } from '../helpers.js';

describe('a spec that names a cluster', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  it('is refused, naming the field, by an engine that submits to another cluster', async () => {
    const file = join(tmp.dir, 'config.yaml');
    writeFileSync(
      file,
      'clusters: [{ name: dev, rest: { socket: /nonexistent/slurmrestd.sock }, ' +
        `staging: { mode: shared, remoteRoot: ${JSON.stringify(join(tmp.dir, 'remote'))} } }]\n`,
    );
    const slurm = new SlurmBackend(pickCluster(await loadConfig({ file })));
    const engine = new Engine({
      home: new Home(join(tmp.dir, 'home')),
      catalog: Catalog.load(),
      log: createLogger({ level: 'silent' }),
      backends: [new LocalBackend({ workers: 1 }), slurm],
    });
    try {
      writeLines(join(tmp.dir, 'ids.txt'), identifiers(10));
      writeKey(join(tmp.dir, 'hmac.key'));
      const spec = (target: string, cluster: string) => ({
        kernel: 'hmac-sha256',
        input: { path: 'ids.txt', format: 'lines' },
        params: { key: { file: 'hmac.key' } },
        target,
        cluster,
        output: { path: `out-${target}.txt`, format: 'hex-lines' },
      });
      for (const target of ['slurm', 'auto']) {
        await assert.rejects(
          engine.submit(spec(target, 'prod'), { owner: 'o', baseDir: tmp.dir }),
          (err: OffloadError) =>
            err.code === 'BACKEND_UNAVAILABLE' &&
            err.field === 'cluster' &&
            /"prod" is not the cluster this Offload submits to \(dev\)/.test(err.message),
        );
      }
      assert.equal(engine.list({}).length, 0, 'nothing was stored');
      const local = await engine.submit(spec('local', 'prod'), { owner: 'o', baseDir: tmp.dir });
      assert.equal((await engine.wait(local.id)).state, 'succeeded');
    } finally {
      await engine.close();
    }
  });

  it('falls back to local workers with retries: 0 when the cluster does not answer', async () => {
    const file = join(tmp.dir, 'dead.yaml');
    writeFileSync(
      file,
      'clusters: [{ name: dev, rest: { socket: /nonexistent/slurmrestd.sock }, ' +
        `staging: { mode: shared, remoteRoot: ${JSON.stringify(join(tmp.dir, 'remote'))} } }]\n`,
    );
    const local = new LocalBackend({ workers: 1 });
    const slurm = new SlurmBackend(pickCluster(await loadConfig({ file })));
    const dispatcher = new Dispatcher({ local, slurm });
    const engine = new Engine({
      home: new Home(join(tmp.dir, 'home-dead')),
      catalog: Catalog.load(),
      log: createLogger({ level: 'silent' }),
      backends: dispatcher.backends(),
      backendFor: dispatcher.backendFor,
      fallbackFor: dispatcher.fallbackFor,
    });
    dispatcher.attach(engine);
    try {
      writeLines(join(tmp.dir, 'ids2.txt'), identifiers(30));
      writeKey(join(tmp.dir, 'hmac2.key'));
      const job = await engine.submit(
        {
          kernel: 'hmac-sha256',
          input: { path: 'ids2.txt', format: 'lines' },
          params: { key: { file: 'hmac2.key' } },
          batch: { records: 10 },
          target: 'auto',
          retries: 0,
          output: { path: 'out-auto.txt', format: 'hex-lines' },
        },
        { owner: 'o', baseDir: tmp.dir },
      );
      const done = await engine.wait(job.id);
      assert.equal(done.state, 'succeeded', done.error ?? undefined);
      const moves = engine.events(job.id, 0).filter((e) => e.type === 'fallback');
      assert.equal(moves.length, 3, 'each of the three batches moved once');
      for (const m of moves) assert.equal(m.data.reason, 'slurmrestd-unreachable');
      const local = engine.attempts(job.id).filter((a) => a.backend === 'local');
      assert.deepEqual(
        local.map((a) => a.state),
        ['succeeded', 'succeeded', 'succeeded'],
      );
    } finally {
      await engine.close();
    }
  });
});
