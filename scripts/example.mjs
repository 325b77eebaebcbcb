#!/usr/bin/env node
// The quick-start example: makes a synthetic dataset of national ID numbers and a
// fresh HMAC key, then pseudonymizes the IDs on local worker threads with
// `offload run`. Options: --records N (default 1,000,000), --dir D.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIdentifiers } from './synthetic-ids.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const records = Number(option('--records', '1000000'));
const dir = resolve(option('--dir', join(root, 'examples/pseudonymize/out')));
mkdirSync(dir, { recursive: true });

const ids = join(dir, 'ids.txt');
if (!existsSync(ids)) {
  process.stderr.write(`writing ${records} synthetic identifiers to ${ids}\n`);
  await writeIdentifiers(ids, records, 20261203);
}
const keyFile = join(dir, 'hmac.key');
if (!existsSync(keyFile))
  writeFileSync(keyFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
const spec = {
  name: 'pseudonymize-national-ids',
  kernel: 'hmac-sha256',
  input: { path: 'ids.txt', format: 'lines' },
  params: { key: { file: 'hmac.key' } },
  batch: { records: 50000 },
  target: 'local',
  output: { path: 'pseudonyms.txt', format: 'hex-lines' },
};
const specFile = join(dir, 'job.json');
writeFileSync(specFile, JSON.stringify(spec, null, 2) + '\n');

const home = process.env.OFFLOAD_HOME ?? join(dir, 'home');
const run = spawnSync(
  process.execPath,
  [join(root, 'orchestrator/bin/offload.js'), 'run', specFile],
  {
    stdio: 'inherit',
    env: { ...process.env, OFFLOAD_HOME: home },
  },
);
if (run.status === 0) {
  process.stdout.write(
    `\npseudonyms of ${join(dir, 'ids.txt')} are in ${join(dir, 'pseudonyms.txt')}\n` +
      `(key ${keyFile}; job history under ${home}: try OFFLOAD_HOME=${home} npx offload jobs)\n`,
  );
}
process.exit(run.status ?? 1);
