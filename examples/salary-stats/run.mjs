#!/usr/bin/env node
// Salary statistics without seeing a salary: a data owner encrypts 100,000 salaries
// (fixed point, 2 decimals) under a fresh Paillier key on local workers, the sum is
// computed on the ciphertexts alone (a paillier-sum reduce), and only the owner's
// private key opens the total, which is checked against the plaintext sum.
// Then a linear credit score over encrypted features: each applicant's features are
// encrypted, a scorer who holds only the public key and a plaintext weight vector
// computes every applicant's encrypted score (a paillier-dot map), and the owner
// decrypts the scores and checks them against the plaintext ones.
// Options: --records N (default 100000), --applicants N (default 1000),
// --dir D (default examples/salary-stats/out).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'orchestrator/bin/offload.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
function count(name, fallback) {
  const n = Number(option(name, fallback));
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`${name} must be a positive integer, got ${option(name)}\n`);
    process.exit(2);
  }
  return n;
}
const records = count('--records', '100000');
const applicants = count('--applicants', '1000');
const dir = resolve(option('--dir', join(root, 'examples/salary-stats/out')));
mkdirSync(dir, { recursive: true });
const home = process.env.OFFLOAD_HOME ?? join(dir, 'home');

function offload(argv) {
  const run = spawnSync(process.execPath, [cli, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, OFFLOAD_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) {
    process.stderr.write(`offload ${argv.join(' ')} failed (exit ${run.status})\n`);
    process.exit(run.status ?? 1);
  }
  return run.stdout;
}

/** A fixed xorshift32 sequence, so every run sees the same synthetic people. */
function sequence(seed) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** Monthly salaries in cents, 2,000.00 to 40,000.00. */
function salaries(n) {
  const next = sequence(0x2545f491);
  return Array.from({ length: n }, () => 200_000n + BigInt(next() % 3_800_001));
}

const cents = salaries(records);
writeFileSync(join(dir, 'salaries.txt'), cents.map(String).join('\n') + '\n');
const keyName = join(dir, 'payroll');
if (!existsSync(`${keyName}.key.json`)) {
  process.stderr.write('generating a 2048-bit Paillier key\n');
  offload(['keys', 'paillier', 'new', '--bits', '2048', '--out', keyName]);
}

const job = (name, spec) => {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(spec, null, 2) + '\n');
  const started = performance.now();
  const lines = offload(['run', file, '--json']).trim().split('\n');
  const summary = JSON.parse(lines[lines.length - 1]);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`${name}: ${summary.records} records in ${seconds.toFixed(1)} s\n`);
  return summary;
};

const publicKey = { file: 'payroll.pub.json' };
job('encrypt', {
  name: 'encrypt-salaries',
  kernel: 'paillier-encrypt',
  input: { path: 'salaries.txt', format: 'lines' },
  params: { publicKey },
  batch: { records: 5000 },
  target: 'local',
  output: { path: 'salaries.enc', format: 'hex-lines' },
});
job('sum', {
  name: 'sum-encrypted-salaries',
  kernel: 'paillier-sum',
  input: { path: 'salaries.enc', format: 'lines' },
  params: { publicKey },
  batch: { records: 20000 },
  target: 'local',
  output: { path: 'total.enc', format: 'hex-lines' },
});

const [total] = JSON.parse(
  offload([
    'decrypt',
    '--key',
    `${keyName}.key.json`,
    join(dir, 'total.enc'),
    '--scale',
    '2',
    '--json',
  ]),
);
const expected = cents.reduce((a, b) => a + b, 0n);
const want = `${expected / 100n}.${String(expected % 100n).padStart(2, '0')}`;
process.stdout.write(`decrypted total ${total}\nplaintext total ${want}\n`);
if (total !== want) {
  process.stderr.write('MISMATCH: the decrypted total is not the plaintext total\n');
  process.exit(1);
}
const mean = Number(expected) / 100 / records;
process.stdout.write(`mean monthly salary ${mean.toFixed(2)} over ${records} employees: ok\n`);

// A linear score over encrypted features: income and debt in hundreds, years employed.
const FEATURES = ['income', 'debt', 'years employed'];
const WEIGHTS = [3n, -4n, 25n];
const draw = sequence(0x9e3779b9);
const people = Array.from({ length: applicants }, () => [
  BigInt(draw() % 5_000),
  BigInt(draw() % 3_000),
  BigInt(draw() % 40),
]);
// Applicant by applicant, feature by feature: line i·d + j holds feature j of applicant i.
writeFileSync(join(dir, 'features.txt'), people.flat().map(String).join('\n') + '\n');
job('encrypt-features', {
  name: 'encrypt-features',
  kernel: 'paillier-encrypt',
  input: { path: 'features.txt', format: 'lines' },
  params: { publicKey },
  batch: { records: 1500 },
  target: 'local',
  output: { path: 'features.enc', format: 'hex-lines' },
});
// The owner hands over one line per applicant: its d ciphertexts side by side.
const cipherLines = readFileSync(join(dir, 'features.enc'), 'utf8').trim().split('\n');
const vectors = people.map((_, i) =>
  cipherLines.slice(i * FEATURES.length, (i + 1) * FEATURES.length).join(''),
);
writeFileSync(join(dir, 'vectors.enc'), vectors.join('\n') + '\n');
const weights = Buffer.alloc(8 * WEIGHTS.length);
WEIGHTS.forEach((w, i) => weights.writeBigInt64LE(w, 8 * i));
job('score', {
  name: 'score-encrypted-applicants',
  kernel: 'paillier-dot',
  input: { path: 'vectors.enc', format: 'lines' },
  params: { publicKey, weights: weights.toString('hex') },
  batch: { records: 250 },
  target: 'local',
  output: { path: 'scores.enc', format: 'hex-lines' },
});
const scores = JSON.parse(
  offload(['decrypt', '--key', `${keyName}.key.json`, join(dir, 'scores.enc'), '--json']),
);
const plain = people.map((f) => f.reduce((sum, x, j) => sum + x * WEIGHTS[j], 0n).toString());
const wrong = plain.findIndex((want, i) => scores[i] !== want);
const shown = WEIGHTS.map(
  (w, j) => `${w < 0n ? '- ' : j ? '+ ' : ''}${w < 0n ? -w : w} ${FEATURES[j]}`,
).join(' ');
process.stdout.write(`scores (${shown}) of ${applicants} applicants, first three: `);
process.stdout.write(
  `${scores.slice(0, 3).join(', ')}; plaintext: ${plain.slice(0, 3).join(', ')}\n`,
);
if (scores.length !== applicants || wrong >= 0) {
  process.stderr.write(`MISMATCH: decrypted score ${wrong} is not the plaintext score\n`);
  process.exit(1);
}
process.stdout.write(`all ${applicants} decrypted scores equal the plaintext scores: ok\n`);
