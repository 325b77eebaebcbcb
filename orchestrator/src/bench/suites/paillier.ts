// Paillier: encrypt, homomorphic sum, scale and decrypt at 2048- and 3072-bit keys,
// Offload's kernels against paillier-bigint and a plain BigInt reference, one thread.
// Each run measures every implementation in turn, so machine noise hits them alike;
// results give the median rate and the slowest and fastest run.
//
// Settings: bits=2048|3072 (default both), runs=N, records=N (encryptions per run).
//
// Medians of 3 runs on a 2-core machine shared with other work (load 1.5-2.5), wall
// clock, offload-wasm / paillier-bigint / BigInt reference (cpuOpsPerSec agreed within
// a few percent at this load; at load 5-10 wall rates fell to 40-70% of them):
//   2048 bits  encrypt 759 / 11.1 / 19.3     sum 91,300 / 50,100 / 49,900
//              scale 2,200 / 814 / 867      decrypt 179 / 24.7 / 16.8
//   3072 bits  encrypt 219 / 3.9 / 6.6       sum 40,300 / 26,600 / 24,300
//              scale 962 / 418 / 432        decrypt 52.1 / 8.0 / 5.4
// Opening the encryption kernel builds its fixed-base table: 0.38 s at 2048 bits, 1.1 s
// at 3072 (encrypt-init).
import * as pb from 'paillier-bigint';
import {
  frameChunks,
  mapRecords,
  openKernel,
  reduceRecords,
} from '../../crypto/paillier/kernel-run.js';
import {
  generateKey,
  privateKeyBlob,
  publicKeyBlob,
  type PaillierPrivateKey,
} from '../../crypto/paillier/keys.js';
import { encodeSigned } from '../../crypto/paillier/encoding.js';
import { fromBytes, toBytes } from '../../crypto/paillier/math.js';
import * as ref from '../../crypto/paillier/reference.js';
import type { KernelInstance } from '../../kernels/host.js';
import type { BenchOptions, BenchResult, Suite } from '../types.js';

const SEED = Buffer.alloc(32, 1);
const WARM_UP_MS = 400;

/** A plaintext factor of 31 bits, the size of a typical fixed-point weight. */
const FACTOR = 0x7fffffffn;

interface Plan {
  runs: number;
  /** Operations per run for each operation, for the fast (wasm) and slow (BigInt) sides. */
  fast: Record<Op, number>;
  slow: Record<Op, number>;
}

type Op = 'encrypt' | 'sum' | 'scale' | 'decrypt';

function plan(options: BenchOptions, bits: number): Plan {
  const quick = options.quick;
  const shrink = bits === 3072 ? 2 : 1;
  const records = Math.floor(Number(options.settings.records ?? (quick ? 60 : 200)) / shrink);
  const part = (x: number): number => Math.max(2, Math.floor(x));
  return {
    runs: Number(options.settings.runs ?? (quick ? 2 : 3)),
    fast: {
      encrypt: records,
      sum: records * 20,
      scale: part(records / 4),
      decrypt: part(records / 2),
    },
    slow: {
      encrypt: part(8 / shrink),
      sum: records * 5,
      scale: part(records / 8),
      decrypt: part(8 / shrink),
    },
  };
}

/**
 * Each operation takes its inputs and returns the work to time: inputs arrive in the
 * form each side keeps them in (framed chunks, as in batch files, for the kernels;
 * BigInts for the others), so conversions stay out of the measurement.
 */
interface Impl {
  name: string;
  encrypt(values: bigint[]): () => unknown;
  sum(cts: Buffer[]): () => unknown;
  scale(cts: Buffer[]): () => unknown;
  decrypt(cts: Buffer[]): () => unknown;
}

function int64(m: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(m);
  return b;
}

function mapper(kernel: KernelInstance, records: Buffer[]): () => Buffer[] {
  const chunks = [...frameChunks(records)];
  return () => chunks.map(([chunk, count, first]) => kernel.map(chunk, count, first));
}

async function wasmImpl(key: PaillierPrivateKey): Promise<Impl & { init: number }> {
  const pub = { paillierPublicKey: publicKeyBlob(key) };
  const started = performance.now();
  const encrypt = await openKernel('paillier-encrypt', pub, SEED);
  const init = (performance.now() - started) / 1000;
  const sum = await openKernel('paillier-sum', pub);
  const scale = await openKernel('paillier-scale', { ...pub, k: FACTOR });
  const decrypt = await openKernel('paillier-decrypt', { paillierPrivateKey: privateKeyBlob(key) });
  return {
    name: 'offload-wasm',
    init,
    encrypt: (values) => mapper(encrypt, values.map(int64)),
    sum: (cts) => {
      const chunks = [...frameChunks(cts)];
      return () => {
        for (const [chunk, count, first] of chunks) sum.reduce(chunk, count, first);
        return sum.finish();
      };
    },
    scale: (cts) => mapper(scale, cts),
    decrypt: (cts) => mapper(decrypt, cts),
  };
}

function paillierBigintImpl(key: PaillierPrivateKey): Impl {
  const pub = new pb.PublicKey(key.n, key.n + 1n);
  const priv = new pb.PrivateKey(key.lambda, key.mu, pub, key.p, key.q);
  return {
    name: 'paillier-bigint',
    encrypt: (values) => () => values.map((m) => pub.encrypt(encodeSigned(m, key.n))),
    sum: (cts) => {
      const cs = cts.map(fromBytes);
      return () => pub.addition(...cs);
    },
    scale: (cts) => {
      const cs = cts.map(fromBytes);
      return () => cs.map((c) => pub.multiply(c, FACTOR));
    },
    decrypt: (cts) => {
      const cs = cts.map(fromBytes);
      return () => cs.map((c) => priv.decrypt(c));
    },
  };
}

/** Textbook Paillier in plain BigInt (full-size r, no CRT). */
function referenceImpl(key: PaillierPrivateKey): Impl {
  return {
    name: 'bigint-reference',
    encrypt: (values) => () => values.map((m) => ref.encrypt(key, encodeSigned(m, key.n))),
    sum: (cts) => {
      const cs = cts.map(fromBytes);
      return () => cs.reduce((a, c) => ref.add(key, a, c), 1n);
    },
    scale: (cts) => {
      const cs = cts.map(fromBytes);
      return () => cs.map((c) => ref.scale(key, c, FACTOR));
    },
    decrypt: (cts) => {
      const cs = cts.map(fromBytes);
      return () => cs.map((c) => ref.decrypt(key, c));
    },
  };
}

function values(count: number): bigint[] {
  return Array.from({ length: count }, (_, i) => BigInt(i * 7919 - 100_000));
}

interface Timing {
  wall: number;
  /** This process's CPU seconds: on a shared machine, what the work itself cost. */
  cpu: number;
}

function time(work: () => unknown): Timing {
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  work();
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu0);
  return { wall, cpu: (used.user + used.system) / 1e6 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function summarise(bits: number, op: Op, impl: string, runs: Timing[], count: number): BenchResult {
  const rates = runs.map((t) => count / t.wall);
  return {
    suite: 'paillier',
    op: `${op}-${bits}`,
    impl,
    opsPerSec: median(rates),
    runs: rates.length,
    minOpsPerSec: Math.min(...rates),
    maxOpsPerSec: Math.max(...rates),
    cpuOpsPerSec: median(runs.map((t) => count / t.cpu)),
    opsPerRun: count,
    // The kernels are judged, and checked against a baseline, as a multiple of the
    // implementation people use today, measured in the same run.
    ...(impl === 'offload-wasm' ? { reference: 'paillier-bigint' } : {}),
  };
}

async function* benchBits(bits: number, options: BenchOptions): AsyncIterable<BenchResult> {
  const key = await generateKey(bits);
  const p = plan(options, bits);
  const wasm = await wasmImpl(key);
  const impls: Impl[] = [wasm, paillierBigintImpl(key), referenceImpl(key)];
  const cts = mapRecords(
    await openKernel('paillier-encrypt', { paillierPublicKey: publicKeyBlob(key) }, SEED),
    values(Math.max(p.fast.sum, p.slow.sum)).map(int64),
  );
  const timings = new Map<string, Timing[]>();
  const counts = new Map<string, number>();
  const record = (op: Op, impl: Impl, count: number, t: Timing): void => {
    const id = `${op}\u0000${impl.name}`;
    timings.set(id, [...(timings.get(id) ?? []), t]);
    counts.set(id, count);
  };
  // V8 first runs wasm through its baseline compiler and swaps in optimised code from a
  // background thread; on a busy machine that takes a while, so warm up for real time.
  const warm = [
    wasm.encrypt(values(4)),
    wasm.sum(cts.slice(0, 200)),
    wasm.scale(cts.slice(0, 2)),
    wasm.decrypt(cts.slice(0, 2)),
  ];
  for (const work of warm) {
    const until = performance.now() + WARM_UP_MS;
    while (performance.now() < until) work();
  }
  for (let run = 0; run < p.runs; run++) {
    for (const impl of impls) {
      const n = impl === wasm ? p.fast : p.slow;
      record('encrypt', impl, n.encrypt, time(impl.encrypt(values(n.encrypt))));
      record('sum', impl, n.sum, time(impl.sum(cts.slice(0, n.sum))));
      record('scale', impl, n.scale, time(impl.scale(cts.slice(0, n.scale))));
      record('decrypt', impl, n.decrypt, time(impl.decrypt(cts.slice(0, n.decrypt))));
    }
  }
  await checkAgreement(key, cts);
  yield {
    suite: 'paillier',
    op: `encrypt-init-${bits}`,
    impl: 'offload-wasm',
    opsPerSec: 1 / wasm.init,
    runs: 1,
    minOpsPerSec: 1 / wasm.init,
    maxOpsPerSec: 1 / wasm.init,
    seconds: wasm.init,
  };
  for (const op of ['encrypt', 'sum', 'scale', 'decrypt'] as Op[]) {
    for (const impl of impls) {
      const id = `${op}\u0000${impl.name}`;
      yield summarise(bits, op, impl.name, timings.get(id)!, counts.get(id)!);
    }
  }
}

/** A benchmark of wrong answers is worthless: the kernels and the reference must agree. */
async function checkAgreement(key: PaillierPrivateKey, cts: Buffer[]): Promise<void> {
  const sample = cts.slice(0, 4);
  const want = values(4).map((m) => encodeSigned(m, key.n));
  const decrypt = await openKernel('paillier-decrypt', { paillierPrivateKey: privateKeyBlob(key) });
  const got = mapRecords(decrypt, sample).map(fromBytes);
  const theirs = sample.map((c) => ref.decrypt(key, fromBytes(c)));
  for (let i = 0; i < want.length; i++) {
    if (got[i] !== want[i] || theirs[i] !== want[i]) {
      throw new Error(`paillier bench: implementations disagree on record ${i}`);
    }
  }
  const sum = await openKernel('paillier-sum', { paillierPublicKey: publicKeyBlob(key) });
  const total = reduceRecords(sum, sample);
  const product = sample.map(fromBytes).reduce((a, c) => (a * c) % key.n2, 1n);
  if (!total.equals(toBytes(product, key.bits / 4))) {
    throw new Error('paillier bench: the wasm sum is not the product of the ciphertexts');
  }
}

export const suite: Suite = {
  name: 'paillier',
  description:
    'Paillier encrypt, sum, scale and decrypt at 2048/3072 bits: offload-wasm vs ' +
    'paillier-bigint vs a plain BigInt reference, one thread',
  async *run(options: BenchOptions): AsyncIterable<BenchResult> {
    const chosen = options.settings.bits ? [Number(options.settings.bits)] : [2048, 3072];
    for (const bits of chosen) yield* benchBits(bits, options);
  },
};
