#!/usr/bin/env node
// Two agencies find the citizens they both hold without showing each other anyone
// else: two synthetic sets of 200,000 identifiers sharing exactly 37,000, joined with
// `offload psi` steps (ECDH on ristretto255): blind and reblind run as jobs of an
// embedded engine on local worker threads, the intersection as an external sort-merge
// join. Files, and the engine's state folder, go to examples/psi/out/.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalBackend } from '../../orchestrator/dist/src/backends/local/local.js';
import { Home } from '../../orchestrator/dist/src/home.js';
import { Engine } from '../../orchestrator/dist/src/jobs/engine.js';
import { Catalog } from '../../orchestrator/dist/src/kernels/catalog.js';
import { createLogger } from '../../orchestrator/dist/src/logging.js';
import { blindSet, initJob, intersect, reblindSet } from '../../orchestrator/dist/src/psi/index.js';

// Options (for quick trials): --size N, --overlap M, --out DIR.
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZE = Number(option('--size', '200000'));
const OVERLAP = Number(option('--overlap', '37000'));
const out = option('--out', join(dirname(fileURLToPath(import.meta.url)), 'out'));
const file = (name) => join(out, name);

/** xorshift128+: a seeded generator, so every run builds the same sets. */
function generator(seed) {
  let s0 = 0x9e3779b97f4a7c15n ^ BigInt(seed);
  let s1 = 0xbf58476d1ce4e5b9n;
  return () => {
    let x = s0;
    const y = s1;
    s0 = y;
    x ^= (x << 23n) & 0xffffffffffffffffn;
    s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    return Number((s1 + y) & 0xffffffffn);
  };
}

function shuffle(items, next) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Distinct identifiers: A takes SIZE, B takes OVERLAP of A's and SIZE - OVERLAP new. */
function buildSets() {
  const next = generator(2026);
  const seen = new Set();
  while (seen.size < 2 * SIZE - OVERLAP) {
    seen.add(`CN${String(next() % 1_000_000_000).padStart(9, '0')}-${next() % 10}`);
  }
  const all = [...seen];
  const a = all.slice(0, SIZE);
  const b = [...a.slice(0, OVERLAP), ...all.slice(SIZE)];
  const common = new Set(a.slice(0, OVERLAP));
  return { a: shuffle(a, next), b: shuffle(b, next), common };
}

async function step(label, run) {
  const t = performance.now();
  const result = await run();
  console.log(`${label.padEnd(48)} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return result;
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const { a, b, common } = buildSets();
await writeFile(file('agency-a.txt'), a.join('\n') + '\n');
await writeFile(file('agency-b.txt'), b.join('\n') + '\n');

const engine = new Engine({
  home: new Home(file('home')),
  catalog: Catalog.load(),
  log: createLogger({ level: 'warn' }),
  backends: [new LocalBackend()],
});
const viaEngine = { engine };

const dst = `offload-example-psi-${new Date().toISOString().slice(0, 10)}`;
await initJob(file('job-a'), dst);
await initJob(file('job-b'), dst);
console.log(`scalars kept in ${file('job-a')} and ${file('job-b')} (mode 0600)`);

await step(`A blinds its ${SIZE} identifiers`, () =>
  blindSet(file('job-a'), file('agency-a.txt'), file('a-blinded.hex'), viaEngine),
);
await step(`B blinds its ${SIZE} identifiers`, () =>
  blindSet(file('job-b'), file('agency-b.txt'), file('b-blinded.hex'), viaEngine),
);
await step('B re-blinds A’s set and sends it back', () =>
  reblindSet(file('job-b'), file('a-blinded.hex'), file('a-double.hex'), viaEngine),
);
await step('A re-blinds B’s set', () =>
  reblindSet(file('job-a'), file('b-blinded.hex'), file('b-double.hex'), viaEngine),
);
const result = await step('A intersects (external sort-merge join)', () =>
  intersect(file('job-a'), {
    ids: file('agency-a.txt'),
    mineDouble: file('a-double.hex'),
    peerDouble: file('b-double.hex'),
    output: file('common.txt'),
  }),
);

await engine.close();

const found = (await readFile(file('common.txt'), 'utf8')).split('\n').filter(Boolean);
const inOrder = a.filter((x) => common.has(x));
const exact = found.length === OVERLAP && found.every((x, i) => x === inOrder[i]);
console.log(`found ${result.matches} common identifiers; expected exactly ${OVERLAP}`);
if (!exact) {
  console.error('the intersection is wrong');
  process.exit(1);
}
console.log('the intersection is exactly the known overlap, in A’s order');
