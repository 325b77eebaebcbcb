// A job that names a cluster runs there or nowhere: an engine that submits to another
// cluster refuses it at submission instead of sending its batches elsewhere.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LocalBackend } from '../../src/backends/local/local.js';
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
});
