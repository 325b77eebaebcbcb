#!/usr/bin/env node
// Measures the Slurm backend on the dev cluster (after `npx tsc` and
// `bash scripts/dev-cluster.sh up`):
//   1. REST requests per poll interval with 10 jobs in flight (tasks held running or
//      pending by a node wrapper that sleeps), counted by the client's transport;
//   2. the time of one 1,000,000-identifier HMAC job on Slurm and on local workers.
// Usage: node scripts/measure-slurm.mjs [polling|timing]...
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { writeIdentifiers } from './synthetic-ids.mjs';

const dist = new URL('../orchestrator/dist/src/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);
const { LocalBackend } = await load('backends/local/local.js');
const { SlurmBackend } = await load('backends/slurm/backend.js');
const { loadConfig, pickCluster } = await load('config/index.js');
const { Dispatcher } = await load('jobs/dispatch.js');
const { Engine } = await load('jobs/engine.js');
const { Catalog } = await load('kernels/catalog.js');
const { Home } = await load('home.js');
const { createLogger } = await load('logging.js');

const configFile = process.env.OFFLOAD_DEV_CONFIG ?? '/tmp/offload-dev-cluster/offload.yaml';
const cluster = pickCluster(await loadConfig({ file: configFile }), 'dev');
const dir = mkdtempSync(join(tmpdir(), 'offload-measure-'));
writeFileSync(join(dir, 'hmac.key'), randomBytes(32).toString('hex') + '\n', { mode: 0o600 });

function engineWith(clusterConfig, home) {
  const local = new LocalBackend();
  const slurm = new SlurmBackend(clusterConfig);
  const dispatcher = new Dispatcher({ local, slurm });
  const engine = new Engine({
    home: new Home(join(dir, home)),
    catalog: Catalog.load(),
    log: createLogger({ level: 'silent' }),
    backends: dispatcher.backends(),
    backendFor: dispatcher.backendFor,
    fallbackFor: dispatcher.fallbackFor,
  });
  dispatcher.attach(engine);
  return { engine, slurm };
}

const spec = (target, input, output, records) => ({
  kernel: 'hmac-sha256',
  target,
  input: { path: input, format: 'lines' },
  params: { key: { file: 'hmac.key' } },
  batch: { records },
  output: { path: output, format: 'hex-lines' },
});

async function polling() {
  const wrapper = join(dir, 'node-after-60s');
  writeFileSync(wrapper, '#!/bin/sh\nsleep 60\nexec /usr/bin/node "$@"\n');
  chmodSync(wrapper, 0o755);
  const slow = { ...cluster, slurm: { ...cluster.slurm, nodeBinary: wrapper } };
  const { engine, slurm } = engineWith(slow, 'home-poll');
  const started = new Set();
  engine.subscribe((e) => e.type === 'batch.started' && started.add(e.jobId));
  const ids = [];
  for (let i = 0; i < 10; i++) {
    await writeIdentifiers(join(dir, `ids-${i}.txt`), 2000, i + 1);
    const job = await engine.submit(spec('slurm', `ids-${i}.txt`, `poll-${i}.txt`, 1000), {
      owner: 'measure',
      baseDir: dir,
    });
    ids.push(job.id);
  }
  while (started.size < 10) await delay(100);
  const tracked = slurm.tracked().length;
  const [r0, p0, t0] = [slurm.requests(), slurm.polls, Date.now()];
  await delay(10 * cluster.slurm.pollInterval * 1000 + 100);
  const [r1, p1, t1] = [slurm.requests(), slurm.polls, Date.now()];
  const intervals = (t1 - t0) / (cluster.slurm.pollInterval * 1000);
  console.log(
    `polling: 10 jobs, ${tracked} tasks tracked; ${r1 - r0} requests in ${p1 - p0} polls ` +
      `over ${intervals.toFixed(1)} intervals = ${((r1 - r0) / intervals).toFixed(2)} per interval`,
  );
  for (const id of ids) await engine.cancel(id);
  await engine.close();
}

async function timeJob(target, input) {
  const { engine } = engineWith(cluster, `home-${target}`);
  const t0 = Date.now();
  const job = await engine.submit(spec(target, input, `out-${target}.txt`, 50_000), {
    owner: 'measure',
    baseDir: dir,
  });
  const done = await engine.wait(job.id);
  const seconds = (Date.now() - t0) / 1000;
  await engine.close();
  if (done.state !== 'succeeded') throw new Error(`${target} job ${done.state}: ${done.error}`);
  const sha = createHash('sha256')
    .update(readFileSync(join(dir, `out-${target}.txt`)))
    .digest('hex');
  return { seconds, sha };
}

async function timing() {
  await writeIdentifiers(join(dir, 'ids-1m.txt'), 1_000_000, 42);
  const slurm = await timeJob('slurm', 'ids-1m.txt');
  const local = await timeJob('local', 'ids-1m.txt');
  console.log(
    `timing: 1,000,000 ids in 20 batches: slurm ${slurm.seconds.toFixed(1)} s, ` +
      `local ${local.seconds.toFixed(1)} s, slurm/local ${(slurm.seconds / local.seconds).toFixed(2)}; ` +
      `outputs ${slurm.sha === local.sha ? 'identical' : 'DIFFER'}`,
  );
}

const wanted = process.argv.slice(2);
try {
  if (wanted.length === 0 || wanted.includes('polling')) await polling();
  if (wanted.length === 0 || wanted.includes('timing')) await timing();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
