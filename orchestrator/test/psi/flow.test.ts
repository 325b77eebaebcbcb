// The two-party flow over real files, with real worker threads and an external sort
// forced into many runs.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { blindSet, initJob, intersect, reblindSet } from '../../src/psi/flow.js';
import { sortRecords } from '../../src/psi/external-sort.js';
import { readScalar, scalarPath } from '../../src/psi/secret.js';
import { LocalBackend } from '../../src/backends/local/local.js';
import { Home } from '../../src/home.js';
import { Engine } from '../../src/jobs/engine.js';
import { Catalog } from '../../src/kernels/catalog.js';
import { createLogger } from '../../src/logging.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offload-psi-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = async (path: string): Promise<string[]> =>
  (await readFile(path, 'utf8')).split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);

describe('external sort', () => {
  it('sorts more records than one run holds, as an in-memory sort would', async () => {
    const size = 40;
    const data = randomBytes(size * 1000);
    await writeFile(join(dir, 'unsorted'), data);
    const n = await sortRecords(join(dir, 'unsorted'), join(dir, 'sorted'), size, {
      runRecords: 37,
      tmpDir: dir,
    });
    const want = Array.from({ length: 1000 }, (_, i) =>
      data.subarray(i * size, (i + 1) * size),
    ).sort(Buffer.compare);
    assert.equal(n, 1000);
    assert.deepEqual(await readFile(join(dir, 'sorted')), Buffer.concat(want));
  });
});

describe('psi flow', () => {
  it('keeps the scalar in a mode 0600 file and refuses it once others can read it', async () => {
    const job = join(dir, 'mode');
    await initJob(job, 'offload-psi-test');
    assert.equal((await stat(scalarPath(job))).mode & 0o777, 0o600);
    assert.equal((await readScalar(job)).length, 32);
    await chmod(scalarPath(job), 0o644);
    await assert.rejects(readScalar(job), /has mode 644; the scalar file must be 600/);
  });

  it('finds exactly the common identifiers, in my order, with duplicates kept', async () => {
    const dst = 'offload-psi-test-run';
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    await initJob(a, dst);
    await initJob(b, dst);
    const mine = Array.from({ length: 300 }, (_, i) => `person-${(i * 7919) % 1000}`);
    mine.push('person-7', 'ünïcode-shared', 'only-mine', 'person-7');
    const theirs = Array.from({ length: 250 }, (_, i) => `person-${(i * 13) % 1000}`);
    theirs.push('ünïcode-shared', 'person-7', 'person-7');
    await writeFile(join(dir, 'x.txt'), mine.join('\n') + '\n');
    await writeFile(join(dir, 'y.txt'), theirs.join('\n') + '\n');
    const opts = { threads: 2, batchRecords: 64, runRecords: 50 };

    await blindSet(a, join(dir, 'x.txt'), join(dir, 'xa.hex'), opts);
    await blindSet(b, join(dir, 'y.txt'), join(dir, 'yb.hex'), opts);
    await reblindSet(b, join(dir, 'xa.hex'), join(dir, 'xab.hex'), opts);
    await reblindSet(a, join(dir, 'yb.hex'), join(dir, 'yba.hex'), opts);
    const result = await intersect(
      a,
      {
        ids: join(dir, 'x.txt'),
        mineDouble: join(dir, 'xab.hex'),
        peerDouble: join(dir, 'yba.hex'),
        output: join(dir, 'common.txt'),
      },
      opts,
    );

    const theirSet = new Set(theirs);
    const want = mine.filter((x) => theirSet.has(x));
    assert.deepEqual(await lines(join(dir, 'common.txt')), want);
    assert.deepEqual(result, { mine: mine.length, peer: theirs.length, matches: want.length });
    // The fixture itself: a real overlap, repeats on both sides, non-ASCII text.
    assert.ok(want.length > 20 && want.includes('ünïcode-shared'));
    assert.equal(want.filter((x) => x === 'person-7').length, 2);
  });

  it('stops every worker when a kernel refuses its parameters', async () => {
    const { KernelPool } = await import('../../src/psi/pool.js');
    await assert.rejects(
      KernelPool.open('psi-reblind', { scalar: Buffer.alloc(32) }, 2),
      /psi worker: .*parameters rejected by the kernel/,
    );
  });

  it('refuses an invalid point in the peer set, naming the file and line', async () => {
    const job = join(dir, 'c');
    await initJob(job, 'offload-psi-test');
    const good = 'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76';
    const bad = 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f';
    await writeFile(join(dir, 'peer.hex'), [good, good, bad, good].join('\n') + '\n');
    await assert.rejects(
      reblindSet(job, join(dir, 'peer.hex'), join(dir, 'out.hex'), { threads: 2 }),
      (err: Error) =>
        /peer\.hex line 3: record 2: record is not a valid encoding/.test(err.message),
    );
  });

  it('runs blind and reblind as engine jobs on local workers, as the pool does', async () => {
    const engine = new Engine({
      home: new Home(join(dir, 'home')),
      catalog: Catalog.load(),
      log: createLogger({ level: 'silent' }),
      backends: [new LocalBackend({ workers: 2 })],
    });
    try {
      const job = join(dir, 'e');
      await initJob(job, 'offload-psi-engine-test');
      const ids = Array.from({ length: 500 }, (_, i) => `row-${i}`);
      await writeFile(join(dir, 'e.txt'), ids.join('\n') + '\n');
      const viaEngine = { engine, batchRecords: 120 };
      assert.equal(await blindSet(job, join(dir, 'e.txt'), join(dir, 'e1.hex'), viaEngine), 500);
      await blindSet(job, join(dir, 'e.txt'), join(dir, 'e2.hex'), { threads: 2 });
      assert.deepEqual(await lines(join(dir, 'e1.hex')), await lines(join(dir, 'e2.hex')));

      const bad = 'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f';
      const points = await lines(join(dir, 'e1.hex'));
      points.splice(321, 0, bad);
      await writeFile(join(dir, 'bad.hex'), points.join('\n') + '\n');
      await assert.rejects(
        reblindSet(job, join(dir, 'bad.hex'), join(dir, 'bad-out.hex'), viaEngine),
        (err: Error) => /psi-reblind job \S+ failed: .*record 321/.test(err.message),
      );
    } finally {
      await engine.close();
    }
  });
});
