// The per-byte steps of reassembly that run on pool threads: copying a batch's part into
// the result at its offset, rendering a part from framed output on the way, and hashing
// the result; and the reusable buffers those steps read into.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { batchHeader, FrameBuilder } from '../../src/datasets/framing.js';
import { appendPart, digestFile, type AppendTask } from '../../src/jobs/append.js';
import { readFileInto, scratch, SLOT } from '../../src/runner/scratch.js';
import { tempDir } from '../helpers.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function framed(records: Buffer[]): Buffer {
  const b = new FrameBuilder();
  for (const r of records) b.push(r);
  return b.take().file;
}

describe('copying parts into a result', () => {
  const tmp = tempDir();

  it('writes each part at its offset, in whatever order the copies run', () => {
    const result = join(tmp.dir, 'result');
    const parts = [Buffer.from('one\n'), Buffer.from('two two\n'), Buffer.from('three\n')];
    writeFileSync(result, 'HEAD\n');
    let offset = 5;
    const tasks: AppendTask[] = parts.map((part, i) => {
      const partPath = join(tmp.dir, `p${i}`);
      writeFileSync(partPath, part);
      const task: AppendTask = {
        op: 'append',
        batchIndex: i,
        path: result,
        offset,
        partPath,
        partSha256: sha256(part),
        bytes: part.length,
      };
      offset += part.length;
      return task;
    });
    for (const task of [tasks[2], tasks[0], tasks[1]]) {
      assert.deepEqual(appendPart(task), { ok: true, bytes: task.bytes });
    }
    assert.equal(readFileSync(result, 'utf8'), 'HEAD\none\ntwo two\nthree\n');
    assert.deepEqual(digestFile({ op: 'digest', path: result }), {
      ok: true,
      sha256: sha256(Buffer.from('HEAD\none\ntwo two\nthree\n')),
      bytes: 23,
    });
  });

  it('refuses a part that no longer matches its digest, or is not the size expected', () => {
    const result = join(tmp.dir, 'result2');
    writeFileSync(result, '');
    const partPath = join(tmp.dir, 'altered');
    writeFileSync(partPath, 'changed\n');
    const base = { op: 'append', batchIndex: 4, path: result, offset: 0, partPath } as const;
    const altered = appendPart({ ...base, partSha256: sha256(Buffer.from('original\n')) });
    assert.equal(altered.ok, false);
    assert.match(!altered.ok ? altered.message : '', /rendered output of batch 4 .* SHA-256/);
    const short = appendPart({ ...base, bytes: 9 });
    assert.deepEqual(short, {
      ok: false,
      message: 'output of batch 4 is 8 bytes, expected 9',
    });
    const missing = appendPart({ ...base, partPath: join(tmp.dir, 'nope') });
    assert.match(!missing.ok ? missing.message : '', /rendered output of batch 4 is missing/);
    assert.equal(readFileSync(result).length, 0, 'nothing was written');
  });

  it('renders framed output as hex lines when the batch has no part', () => {
    const records = [randomBytes(32), randomBytes(32)];
    const out = framed(records);
    const outputPath = join(tmp.dir, 'framed');
    writeFileSync(outputPath, out);
    const result = join(tmp.dir, 'result3');
    writeFileSync(result, '');
    const got = appendPart({
      op: 'append',
      batchIndex: 0,
      path: result,
      offset: 0,
      outputPath,
      outputSha256: sha256(out),
      render: { output: { path: 'x', format: 'hex-lines' }, codec: 'hex' },
    });
    assert.deepEqual(got, { ok: true, bytes: 130 });
    assert.equal(
      readFileSync(result, 'utf8'),
      records.map((r) => r.toString('hex') + '\n').join(''),
    );
  });

  it('hashes a result larger than its read buffer, and names a file it cannot read', () => {
    const big = randomBytes((9 << 20) + 123);
    const path = join(tmp.dir, 'big');
    writeFileSync(path, big);
    assert.deepEqual(digestFile({ op: 'digest', path }), {
      ok: true,
      sha256: sha256(big),
      bytes: big.length,
    });
    const gone = digestFile({ op: 'digest', path: join(tmp.dir, 'gone') });
    assert.equal(gone.ok, false);
    assert.match(!gone.ok ? gone.message : '', /cannot read .*gone/);
  });
});

describe('scratch buffers', () => {
  const tmp = tempDir();

  it('reads files of any size whole, reusing one buffer for the small ones', () => {
    const a = randomBytes(100_000);
    const b = randomBytes(50_000);
    writeFileSync(join(tmp.dir, 'a'), a);
    writeFileSync(join(tmp.dir, 'b'), b);
    const first = readFileInto(join(tmp.dir, 'a'), SLOT.read);
    assert.deepEqual(Buffer.from(first), a);
    const second = readFileInto(join(tmp.dir, 'b'), SLOT.read);
    assert.deepEqual(Buffer.from(second), b);
    assert.equal(first.buffer, second.buffer, 'the same memory serves both reads');
    const other = readFileInto(join(tmp.dir, 'a'), SLOT.read2);
    assert.notEqual(other.buffer, second.buffer, 'each slot has its own');
  });

  it('does not keep a buffer larger than its limit', () => {
    const huge = scratch(SLOT.part, 32 << 20);
    assert.equal(huge.length, 32 << 20);
    assert.notEqual(scratch(SLOT.part, 1024).buffer, huge.buffer);
  });

  it('builds a batch file in place with the same bytes as a copied one', () => {
    const records = [Buffer.from('a'), Buffer.from('bb'), Buffer.from('ccc')];
    const copied = new FrameBuilder();
    const inPlace = new FrameBuilder(16, scratch(SLOT.frames, 64));
    for (const r of records) {
      copied.push(r);
      inPlace.push(r);
    }
    const built = inPlace.finish();
    assert.deepEqual(Buffer.from(built.file), copied.take().file);
    assert.deepEqual(built.file.subarray(0, 16), batchHeader(3));
  });
});
