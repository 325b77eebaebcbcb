import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { codec } from '../../src/datasets/codecs.js';
import {
  HEADER_BYTES,
  batchHeader,
  forEachFrame,
  readBatchHeader,
} from '../../src/datasets/framing.js';
import { findNewlines, frameRange, scanLineRanges } from '../../src/datasets/ranges.js';
import { readBatches, type InputSpec } from '../../src/datasets/readers.js';
import { renderFrames } from '../../src/datasets/writers.js';
import { tempDir } from '../helpers.js';

async function records(input: InputSpec, codecName: string, size = 3): Promise<string[]> {
  const out: string[] = [];
  for await (const b of readBatches(input, codec(codecName), size)) {
    assert.equal(readBatchHeader(b.file, 'batch'), b.count);
    assert.ok(b.count <= size);
    forEachFrame(b.file.subarray(HEADER_BYTES), (r) => out.push(codec(codecName).render(r)));
  }
  return out;
}

describe('dataset readers', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());
  const file = (name: string, text: string | Buffer) => {
    const p = join(tmp.dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('reads lines with CRLF endings and no final newline, keeping empty lines as records', async () => {
    const path = file('a.txt', 'one\r\ntwo\n\nfour');
    assert.deepEqual(await records({ path, format: 'lines' }, 'utf8'), ['one', 'two', '', 'four']);
  });

  it('refuses a line that is not UTF-8, naming its record and line', async () => {
    const path = file(
      'bad.txt',
      Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]),
    );
    await assert.rejects(
      records({ path, format: 'lines' }, 'utf8'),
      /input record 1 \(line 2\): not valid UTF-8/,
    );
  });

  it('reads an RFC 4180 CSV column with quotes, commas and newlines inside fields', async () => {
    const path = file(
      'p.csv',
      'id,note,value\r\n1,"a, ""quoted"" note",10\n2,"two\nlines",-20\n3,plain,30\n',
    );
    assert.deepEqual(await records({ path, format: 'csv', column: 'value' }, 'int64'), [
      '10',
      '-20',
      '30',
    ]);
    assert.deepEqual(await records({ path, format: 'csv', column: 'note' }, 'utf8'), [
      'a, "quoted" note',
      'two\nlines',
      'plain',
    ]);
  });

  it('reads signed 64-bit integers at their limits and refuses one past them', async () => {
    const ok = file('i64.txt', '9223372036854775807\n-9223372036854775808\n');
    assert.deepEqual(await records({ path: ok, format: 'lines' }, 'int64'), [
      '9223372036854775807',
      '-9223372036854775808',
    ]);
    for (const value of ['9223372036854775808', '-9223372036854775809']) {
      const past = file(`past${value}.txt`, `1\n${value}\n`);
      await assert.rejects(
        records({ path: past, format: 'lines' }, 'int64'),
        (err: Error) =>
          err.message.startsWith('input record 1 (line 2)') && err.message.includes(value),
      );
    }
  });

  it('refuses a CSV column that is not in the header, and a row of the wrong width', async () => {
    const path = file('q.csv', 'id,value\n1,2\n3\n');
    await assert.rejects(
      records({ path, format: 'csv', column: 'amount' }, 'u64'),
      /input\.column: "amount" is not in the CSV header/,
    );
    await assert.rejects(
      records({ path, format: 'csv', column: 'value' }, 'u64'),
      /input record 1 \(line 3\): has 1 fields, the header has 2/,
    );
  });

  it('reads an NDJSON field given as a string or a safe integer, skipping blank lines', async () => {
    const path = file('r.ndjson', '{"v":"18446744073709551615"}\n\n{"v":7}\n');
    assert.deepEqual(await records({ path, format: 'ndjson', field: 'v' }, 'u64'), [
      '18446744073709551615',
      '7',
    ]);
    const lossy = file('s.ndjson', '{"v":18446744073709551615}\n');
    await assert.rejects(
      records({ path: lossy, format: 'ndjson', field: 'v' }, 'u64'),
      /must be a string or a safe integer/,
    );
  });

  it('reads framed files and refuses a truncated one', async () => {
    const body = Buffer.concat([Buffer.from([2, 0, 0, 0, 0xab, 0xcd]), Buffer.from([0, 0, 0, 0])]);
    const path = file('f.bin', Buffer.concat([batchHeader(2), body]));
    assert.deepEqual(await records({ path, format: 'framed' }, 'hex'), ['abcd', '']);
    const cut = file('g.bin', Buffer.concat([batchHeader(2), body.subarray(0, 5)]));
    await assert.rejects(records({ path: cut, format: 'framed' }, 'hex'), /ends inside a frame/);
  });

  it('splits by byte ranges exactly as the streaming reader batches', async () => {
    const lines = Array.from({ length: 1003 }, (_, i) => `id-${i}`);
    const path = file('big.txt', lines.join('\n'));
    const ranges = [];
    for await (const r of scanLineRanges(path, 100)) ranges.push(r);
    assert.equal(ranges.length, 11);
    assert.equal(ranges[10].count, 3);
    let i = 0;
    for await (const b of readBatches({ path, format: 'lines' }, codec('utf8'), 100)) {
      const framed = await frameRange({
        op: 'frame',
        path,
        range: ranges[i],
        codec: 'utf8',
        outPath: '',
      });
      assert.ok(framed.file.equals(b.file), `range ${i} frames like batch ${i}`);
      assert.equal(ranges[i].firstRecord, b.firstRecord);
      i++;
    }
  });

  it('finds the n-th newline four bytes at a time exactly as a byte loop does', () => {
    // Seeded so that a failure repeats; bytes 0x0a and 0x8a (0x0a with the top bit set)
    // are frequent, and buffers start at every alignment of their ArrayBuffer.
    let x = 0x2545f491;
    const next = () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 4000; trial++) {
      const len = Math.floor(next() * 120);
      const backing = Buffer.alloc(len + 4);
      for (let i = 0; i < backing.length; i++) {
        const r = next();
        backing[i] = r < 0.25 ? 10 : r < 0.45 ? 0x8a : Math.floor(next() * 256);
      }
      const shift = trial % 4;
      const buf = backing.subarray(shift, shift + len);
      const from = Math.floor(next() * (len + 1));
      const want = 1 + Math.floor(next() * 30);
      let found = 0;
      let stop = buf.length;
      for (let i = from; i < buf.length; i++) {
        if (buf[i] === 10 && ++found === want) {
          stop = i + 1;
          break;
        }
      }
      assert.deepEqual(findNewlines(buf, from, want), { found, next: stop }, `trial ${trial}`);
    }
  });

  it('renders hex lines, CSV and NDJSON from frames', () => {
    const body = Buffer.from([1, 0, 0, 0, 0x0f, 2, 0, 0, 0, 0xff, 0x00]);
    assert.equal(
      renderFrames(body, { path: '', format: 'hex-lines' }, codec('hex')).toString(),
      '0f\nff00\n',
    );
    const u = Buffer.alloc(12);
    u.writeUInt32LE(8, 0);
    u.writeBigUInt64LE(18446744073709551615n, 4);
    assert.equal(
      renderFrames(u, { path: '', format: 'ndjson' }, codec('u64')).toString(),
      '{"value":"18446744073709551615"}\n',
    );
    assert.equal(renderFrames(u, { path: '', format: 'lines' }, codec('int64')).toString(), '-1\n');
  });
});
