// PSI and X25519 throughput, one thread, every implementation measured in the same
// run and interleaved round by round, so ratios hold on a noisy shared machine:
//
//   psi-blind    hash_to_ristretto255 + multiply + encode, per identifier:
//                offload-wasm (kernel) vs @noble/curves (hashToCurve, multiply)
//   psi-reblind  decode + multiply + encode, per point: offload-wasm vs @noble/curves
//   x25519       one shared secret: offload-wasm vs node:crypto (diffieHellman with
//                KeyObjects) vs @noble/curves
//
// Settings: `runs` (rounds), `records` (operations per round and implementation),
// `only` (comma-separated ops to measure, all by default).
import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { ristretto255, ristretto255_hasher, x25519 } from '@noble/curves/ed25519.js';
import { generateScalar } from '../../psi/secret.js';
import { frameRecords, openKernel } from '../../psi/kernels.js';
import type { BenchOptions, BenchResult, Suite } from '../types.js';

type Op = () => void;

interface Contender {
  op: string;
  impl: string;
  /** Runs `records` operations. */
  run: Op;
}

const DST = Buffer.from('offload-bench-psi');
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex'); // RFC 8410
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

function scalarBigInt(s: Buffer): bigint {
  return BigInt('0x' + Buffer.from(s).reverse().toString('hex'));
}

async function psiContenders(records: number): Promise<Contender[]> {
  const scalar = generateScalar();
  const s = scalarBigInt(scalar);
  const ids = Array.from({ length: records }, (_, i) =>
    Buffer.from(`citizen-${i}-${randomBytes(4).toString('hex')}`),
  );
  const blind = await openKernel('psi-blind', { scalar, dst: DST });
  const reblind = await openKernel('psi-reblind', { scalar });
  const idChunk = frameRecords(ids);
  const points = ids.map((id) =>
    Buffer.from(ristretto255_hasher.hashToCurve(id, { DST }).toBytes()),
  );
  const pointChunk = frameRecords(points);
  return [
    { op: 'psi-blind', impl: 'offload-wasm', run: () => void blind.map(idChunk, records) },
    {
      op: 'psi-blind',
      impl: '@noble/curves',
      run: () => {
        for (const id of ids) ristretto255_hasher.hashToCurve(id, { DST }).multiply(s).toBytes();
      },
    },
    { op: 'psi-reblind', impl: 'offload-wasm', run: () => void reblind.map(pointChunk, records) },
    {
      op: 'psi-reblind',
      impl: '@noble/curves',
      run: () => {
        for (const p of points) ristretto255.Point.fromBytes(p).multiply(s).toBytes();
      },
    },
  ];
}

async function x25519Contenders(records: number): Promise<Contender[]> {
  const scalar = randomBytes(32);
  const peers = Array.from({ length: records }, () => randomBytes(32));
  const kernel = await openKernel('x25519', { scalar });
  const chunk = frameRecords(peers);
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_X25519, scalar]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKeys: KeyObject[] = peers.map((u) =>
    createPublicKey({ key: Buffer.concat([SPKI_X25519, u]), format: 'der', type: 'spki' }),
  );
  return [
    { op: 'x25519', impl: 'offload-wasm', run: () => void kernel.map(chunk, records) },
    {
      op: 'x25519',
      impl: 'node:crypto',
      run: () => {
        for (const publicKey of publicKeys) diffieHellman({ privateKey, publicKey });
      },
    },
    {
      op: 'x25519',
      impl: '@noble/curves',
      run: () => {
        for (const u of peers) x25519.getSharedSecret(scalar, u);
      },
    },
  ];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function setting(options: BenchOptions, name: string, fallback: number): number {
  const raw = options.settings[name];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`bench setting ${name} must be a positive integer, got ${raw}`);
  }
  return n;
}

/** Rates (ops/s) of every contender, round by round in alternation after a warm-up. */
function measure(contenders: Contender[], records: number, runs: number): number[][] {
  for (const c of contenders) c.run(); // warm-up: tier-up of wasm and JIT of JS
  const rates = contenders.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    contenders.forEach((c, i) => {
      const t = performance.now();
      c.run();
      rates[i]!.push(records / ((performance.now() - t) / 1000));
    });
  }
  return rates;
}

function results(contenders: Contender[], rates: number[][], records: number): BenchResult[] {
  const out = contenders.map((c, i) => ({
    suite: 'psi',
    op: c.op,
    impl: c.impl,
    opsPerSec: median(rates[i]!),
    runs: rates[i]!.length,
    minOpsPerSec: Math.min(...rates[i]!),
    maxOpsPerSec: Math.max(...rates[i]!),
    records,
  }));
  // Ratios to each peer of the same op, from the medians of the same run.
  return out.map((r) => {
    const peers = out.filter((p) => p.op === r.op && p !== r);
    const ratios = Object.fromEntries(peers.map((p) => [p.impl, r.opsPerSec / p.opsPerSec]));
    return { ...r, ratioTo: ratios };
  });
}

export const suite: Suite = {
  name: 'psi',
  description:
    'ECDH-PSI blinding on ristretto255 vs @noble/curves, and X25519 vs node:crypto and ' +
    '@noble/curves, one thread',
  async *run(options: BenchOptions): AsyncIterable<BenchResult> {
    const runs = setting(options, 'runs', options.quick ? 3 : 7);
    const records = setting(options, 'records', options.quick ? 20 : 100);
    const only = options.settings.only?.split(',').map((op) => op.trim());
    const wanted = (c: Contender): boolean => !only || only.includes(c.op);
    for (const make of [psiContenders, x25519Contenders]) {
      const contenders = (await make(records)).filter(wanted);
      if (contenders.length > 0)
        yield* results(contenders, measure(contenders, records, runs), records);
    }
  },
};
