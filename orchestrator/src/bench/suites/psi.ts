// psi: ECDH-PSI blinding on ristretto255 and X25519, one thread, every implementation
// timed in the same run, interleaved round by round (../measure.ts):
//
//   psi-blind    hash_to_ristretto255 + multiply + encode, per identifier:
//                offload-wasm (the kernel on framed chunks) vs @noble/curves
//                (hashToCurve, multiply, toBytes), the reference
//   psi-reblind  decode + multiply + encode, per point: offload-wasm vs @noble/curves
//   x25519       one shared secret: offload-wasm vs node:crypto (diffieHellman with
//                KeyObjects made beforehand), the reference, vs @noble/curves
//
// Settings (`--set`): records (distinct inputs, default 512), slice (kernel records per
// call, default 64), only (comma-separated ops), runs, ms.
import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { OffloadError } from '../../errors.js';
import type { KernelInstance } from '../../kernels/host.js';
import { frameRecords, mapRecords, openKernel } from '../../psi/kernels.js';
import { generateScalar } from '../../psi/secret.js';
import { intSetting, measureInterleaved, timing, type Contender } from '../measure.js';
import type { BenchOptions, BenchResult, Suite } from '../types.js';

const NOBLE = '@noble/curves';
const NODE = 'node:crypto';
const DST = Buffer.from('offload-bench-psi');
// RFC 8410 §7 and §4: DER prefixes of a raw X25519 private and public key.
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

type Noble = typeof import('@noble/curves/ed25519.js');

/** Cycles through `items` a slice per step, calling `each` on every item. */
function cycling<T>(impl: string, op: string, items: T[], slice: number, each: (x: T) => void) {
  let at = 0;
  return {
    impl,
    op,
    step(): number {
      const end = Math.min(at + slice, items.length);
      for (let i = at; i < end; i++) each(items[i]!);
      const done = end - at;
      at = end === items.length ? 0 : end;
      return done;
    },
  };
}

/** The kernel over framed chunks of `slice` records, as the batch runner feeds it. */
function kernelSteps(
  op: string,
  kernel: KernelInstance,
  records: Buffer[],
  slice: number,
  reference: string,
): Contender {
  const chunks: { chunk: Buffer; count: number }[] = [];
  for (let i = 0; i < records.length; i += slice) {
    const part = records.slice(i, i + slice);
    chunks.push({ chunk: frameRecords(part), count: part.length });
  }
  let next = 0;
  return {
    impl: 'offload-wasm',
    op,
    reference,
    extra: { kernel: kernel.entry.sha256.slice(0, 16), chunkRecords: slice },
    step() {
      const { chunk, count } = chunks[next]!;
      next = (next + 1) % chunks.length;
      kernel.map(chunk, count);
      return count;
    },
  };
}

function scalarBigInt(s: Buffer): bigint {
  return BigInt('0x' + Buffer.from(s).reverse().toString('hex'));
}

function disagree(op: string, i: number): OffloadError {
  return new OffloadError(
    'KERNEL_FAILED',
    `psi bench: ${op} implementations disagree on record ${i}`,
  );
}

async function psiContenders(noble: Noble, records: number, slice: number): Promise<Contender[]> {
  const { ristretto255, ristretto255_hasher } = noble;
  const scalar = generateScalar();
  const s = scalarBigInt(scalar);
  const ids = Array.from({ length: records }, (_, i) =>
    Buffer.from(`citizen-${i}-${randomBytes(4).toString('hex')}`),
  );
  const points = ids.map((id) =>
    Buffer.from(ristretto255_hasher.hashToCurve(id, { DST }).toBytes()),
  );
  const blind = await openKernel('psi-blind', { scalar, dst: DST });
  const reblind = await openKernel('psi-reblind', { scalar });
  const nobleBlind = (id: Buffer): Uint8Array =>
    ristretto255_hasher.hashToCurve(id, { DST }).multiply(s).toBytes();
  const nobleReblind = (p: Buffer): Uint8Array =>
    ristretto255.Point.fromBytes(p).multiply(s).toBytes();
  // The kernels must agree with noble before they are timed.
  mapRecords(blind, ids.slice(0, 8)).forEach((r, i) => {
    if (!r.equals(nobleBlind(ids[i]!))) throw disagree('psi-blind', i);
  });
  mapRecords(reblind, points.slice(0, 8)).forEach((r, i) => {
    if (!r.equals(nobleReblind(points[i]!))) throw disagree('psi-reblind', i);
  });
  return [
    kernelSteps('psi-blind', blind, ids, slice, NOBLE),
    cycling(NOBLE, 'psi-blind', ids, 4, nobleBlind),
    kernelSteps('psi-reblind', reblind, points, slice, NOBLE),
    cycling(NOBLE, 'psi-reblind', points, 4, nobleReblind),
  ];
}

async function x25519Contenders(
  noble: Noble,
  records: number,
  slice: number,
): Promise<Contender[]> {
  const scalar = randomBytes(32);
  const peers = Array.from({ length: records }, () => randomBytes(32));
  const kernel = await openKernel('x25519', { scalar });
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_X25519, scalar]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKeys: KeyObject[] = peers.map((u) =>
    createPublicKey({ key: Buffer.concat([SPKI_X25519, u]), format: 'der', type: 'spki' }),
  );
  mapRecords(kernel, peers.slice(0, 8)).forEach((r, i) => {
    if (!r.equals(diffieHellman({ privateKey, publicKey: publicKeys[i]! })))
      throw disagree('x25519', i);
  });
  return [
    kernelSteps('x25519', kernel, peers, slice, NODE),
    cycling(NODE, 'x25519', publicKeys, 32, (publicKey) =>
      diffieHellman({ privateKey, publicKey }),
    ),
    cycling(NOBLE, 'x25519', peers, 4, (u) => noble.x25519.getSharedSecret(scalar, u)),
  ];
}

async function* run(options: BenchOptions): AsyncIterable<BenchResult> {
  const records = intSetting(options, 'records', options.quick ? 128 : 512);
  const slice = intSetting(options, 'slice', 64);
  const only = options.settings.only?.split(',').map((op) => op.trim());
  // A dev dependency: loaded only when the suite runs.
  const noble = await import('@noble/curves/ed25519.js');
  for (const make of [psiContenders, x25519Contenders]) {
    const contenders = (await make(noble, records, slice)).filter(
      (c) => !only || only.includes(c.op),
    );
    if (contenders.length > 0) yield* measureInterleaved('psi', contenders, timing(options));
  }
}

export const suite: Suite = {
  name: 'psi',
  description:
    'ECDH-PSI blinding on ristretto255 vs @noble/curves; X25519 vs node:crypto and noble',
  run,
};
