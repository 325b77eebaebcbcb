#!/usr/bin/env node
// Salary statistics without seeing a salary: a data owner encrypts 100,000 salaries
// (fixed point, 2 decimals) under a fresh Paillier key on local workers, the sum is
// computed on the ciphertexts alone (a paillier-sum reduce), and only the owner's
// private key opens the total, which is checked against the plaintext sum.
// Options: --records N (default 100000), --dir D (default examples/salary-stats/out).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'orchestrator/bin/offload.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const records = Number(option('--records', '100000'));
if (!Number.isInteger(records) || records < 1) {
  process.stderr.write(`--records must be a positive integer, got ${option('--records')}\n`);
  process.exit(2);
}
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

/** Monthly salaries in cents, 2,000.00 to 40,000.00, from a fixed xorshift sequence. */
function salaries(count) {
  const cents = [];
  let x = 0x2545f491;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    cents.push(200_000n + BigInt(x % 3_800_001));
  }
  return cents;
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
