// The sha256 and hmac-sha256 kernels against node:crypto as an independent oracle, on
// seeded random keys and messages of every length from 0 to 300 bytes: one-block
// records take the four-lane vector path, longer ones the scalar path, and a chunk
// mixes both in any order.
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { frame, kernel, seededBytes, seededInt, unframe } from './helpers.js';

const lengths = [...Array(301).keys()];

function shuffled<T>(items: T[], label: string): T[] {
  const int = seededInt(label);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function assertDigests(got: Buffer, messages: Buffer[], expected: (m: Buffer) => Buffer): void {
  const outputs = unframe(got);
  assert.equal(outputs.length, messages.length);
  messages.forEach((m, i) => {
    assert.equal(
      outputs[i]!.toString('hex'),
      expected(m).toString('hex'),
      `record ${i} (${m.length} bytes)`,
    );
  });
}

describe('sha256 kernel', () => {
  it('agrees with node:crypto on messages of 0 to 300 bytes in one chunk', async () => {
    const bytes = seededBytes('sha256 lengths');
    const messages = shuffled(lengths, 'sha256 order').map((n) => bytes(n));
    const k = await kernel('sha256');
    assertDigests(k.map(frame(messages), messages.length), messages, (m) =>
      createHash('sha256').update(m).digest(),
    );
  });

  it('agrees with node:crypto when records cross chunk and lane boundaries', async () => {
    const bytes = seededBytes('sha256 chunks');
    const int = seededInt('sha256 chunk sizes');
    const k = await kernel('sha256');
    for (let chunk = 0; chunk < 20; chunk++) {
      const messages = Array.from({ length: int(1, 13) }, () => bytes(int(0, 70)));
      assertDigests(k.map(frame(messages), messages.length), messages, (m) =>
        createHash('sha256').update(m).digest(),
      );
    }
  });
});

describe('hmac-sha256 kernel', () => {
  const keyLengths = [32, 33, 63, 64, 65, 100, 131, 200, 1024];

  for (const keyLength of keyLengths) {
    it(`agrees with node:crypto under a ${keyLength}-byte key on messages of 0 to 300 bytes`, async () => {
      const bytes = seededBytes(`hmac ${keyLength}`);
      const key = bytes(keyLength);
      const messages = shuffled(lengths, `hmac order ${keyLength}`).map((n) => bytes(n));
      const k = await kernel('hmac-sha256', { key });
      assertDigests(k.map(frame(messages), messages.length), messages, (m) =>
        createHmac('sha256', key).update(m).digest(),
      );
    });
  }

  it('gives the same pseudonyms whatever the chunking', async () => {
    const bytes = seededBytes('hmac chunking');
    const key = bytes(32);
    const ids = Array.from({ length: 103 }, (_, i) => Buffer.from(String(i).padStart(18, '0')));
    const k = await kernel('hmac-sha256', { key });
    const whole = unframe(k.map(frame(ids), ids.length));
    const pieces: Buffer[] = [];
    for (let i = 0; i < ids.length; i += 7) {
      const part = ids.slice(i, i + 7);
      pieces.push(...unframe(k.map(frame(part), part.length)));
    }
    assert.deepEqual(pieces, whole);
    assertDigests(frame(whole), ids, (m) => createHmac('sha256', key).update(m).digest());
  });

  it('hashes a short last record that ends exactly at the end of the input region', async () => {
    // 4096 bytes is a whole reserved region: the vector path reads a block past the
    // last record, which must land in the region's slack and not change the result.
    const bytes = seededBytes('hmac region end');
    const key = bytes(32);
    const messages = [bytes(4096 - 4 - 4 - 5), bytes(5)];
    const chunk = frame(messages);
    assert.equal(chunk.length, 4096);
    const k = await kernel('hmac-sha256', { key });
    assertDigests(k.map(chunk, 2), messages, (m) => createHmac('sha256', key).update(m).digest());
  });

  it('keeps working after a large chunk grows memory and a small one follows', async () => {
    const bytes = seededBytes('hmac growth');
    const key = bytes(48);
    const k = await kernel('hmac-sha256', { key });
    const big = Array.from({ length: 40000 }, (_, i) => bytes(i % 40));
    const small = [bytes(3), bytes(300)];
    for (const messages of [big, small]) {
      assertDigests(k.map(frame(messages), messages.length), messages, (m) =>
        createHmac('sha256', key).update(m).digest(),
      );
    }
  });
});
