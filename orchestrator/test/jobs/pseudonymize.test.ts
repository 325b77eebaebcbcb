import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  hmacHex,
  identifiers,
  lastJsonLine,
  readLinesOf,
  runCli,
  tempDir,
  writeKey,
  writeLines,
  writeSpec,
} from '../helpers.js';

describe('a pseudonymization job on local workers', () => {
  const tmp = tempDir();
  const home = join(tmp.dir, 'home');
  const ids = identifiers(100_000, 7);
  let key: Buffer;

  before(() => {
    writeLines(join(tmp.dir, 'ids.txt'), ids);
    key = writeKey(join(tmp.dir, 'hmac.key'));
  });
  after(() => tmp.cleanup());

  it('turns every one of 100,000 lines into the HMAC-SHA256 that node:crypto computes', () => {
    const spec = writeSpec(join(tmp.dir, 'job.json'), {
      kernel: 'hmac-sha256',
      input: { path: 'ids.txt', format: 'lines' },
      params: { key: { file: 'hmac.key' } },
      batch: { records: 7_000 },
      target: 'local',
      output: { path: 'pseudonyms.txt', format: 'hex-lines' },
    });
    const r = runCli(['run', spec, '--json'], { OFFLOAD_HOME: home });
    assert.equal(r.status, 0, r.stderr);
    const summary = lastJsonLine(r.stdout);
    assert.equal(summary.state, 'succeeded');
    assert.equal(summary.records, 100_000);
    assert.equal(summary.batches, 15);
    assert.equal(summary.output, join(tmp.dir, 'pseudonyms.txt'));
    assert.equal(typeof summary.seconds, 'number');
    const out = readLinesOf(join(tmp.dir, 'pseudonyms.txt'));
    assert.equal(out.length, ids.length);
    ids.forEach((id, i) => assert.equal(out[i], hmacHex(key, id), `line ${i + 1}`));
  });

  it('reads a CSV column and writes NDJSON with the same pseudonyms', () => {
    const rows = ids.slice(0, 500).map((id, i) => `${i},"Name, ${i}",${id}`);
    writeLines(join(tmp.dir, 'people.csv'), ['row,name,national_id', ...rows]);
    const spec = writeSpec(join(tmp.dir, 'csv.json'), {
      kernel: 'hmac-sha256',
      input: { path: 'people.csv', format: 'csv', column: 'national_id' },
      params: { key: { env: 'TEST_HMAC_KEY' } },
      batch: { records: 128 },
      output: { path: 'people.ndjson', format: 'ndjson', column: 'pseudonym' },
    });
    const r = runCli(['run', spec, '--json'], {
      OFFLOAD_HOME: home,
      TEST_HMAC_KEY: key.toString('hex'),
    });
    assert.equal(r.status, 0, r.stderr);
    const out = readLinesOf(join(tmp.dir, 'people.ndjson')).map((l) => JSON.parse(l));
    assert.equal(out.length, 500);
    out.forEach((row, i) => assert.deepEqual(row, { pseudonym: hmacHex(key, ids[i]) }));
  });

  it('lists the job, shows where each batch ran and copies the verified result', () => {
    const list = runCli(['jobs', '--json'], { OFFLOAD_HOME: home });
    assert.equal(list.status, 0, list.stderr);
    const jobs = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    assert.equal(jobs.length, 2);
    const first = jobs.find((j) => j.records === 100_000)!;
    assert.equal(first.state, 'succeeded');

    const show = runCli(['show', String(first.jobId), '--json'], { OFFLOAD_HOME: home });
    assert.equal(show.status, 0, show.stderr);
    const detail = JSON.parse(show.stdout);
    assert.equal(detail.batches.length, 15);
    for (const b of detail.batches) {
      assert.equal(b.state, 'done');
      assert.equal(b.backend, 'local');
      assert.ok(b.where, 'each batch says where it ran');
      assert.ok(b.seconds >= 0);
    }
    assert.ok(detail.events.some((e: { type: string }) => e.type === 'job.split'));
    assert.equal(JSON.stringify(detail).includes(key.toString('hex')), false, 'no key in show');

    const copy = join(tmp.dir, 'copy.txt');
    const res = runCli(['result', String(first.jobId), '-o', copy], { OFFLOAD_HOME: home });
    assert.equal(res.status, 0, res.stderr);
    const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    assert.equal(sha(copy), sha(join(tmp.dir, 'pseudonyms.txt')));
    assert.equal(sha(copy), detail.job.outputSha256);
  });

  it('keeps the key out of the store', () => {
    const db = readFileSync(join(home, 'offload.db'));
    const wal = (() => {
      try {
        return readFileSync(join(home, 'offload.db-wal'));
      } catch {
        return Buffer.alloc(0);
      }
    })();
    for (const file of [db, wal]) {
      assert.equal(file.includes(key), false);
      assert.equal(file.includes(Buffer.from(key.toString('hex'))), false);
    }
  });
});
