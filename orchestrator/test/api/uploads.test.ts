import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connect, uploadFile, type OffloadClient } from '../../src/api/client.js';
import { startServer } from '../../src/api/server.js';
import type { UploadHeader } from '../../src/api/generated/offload/v1/UploadHeader.js';
import { fromServiceError } from '../../src/api/status.js';
import { refusal, sha256Hex, startDaemon, USERS, type Daemon } from './harness.js';

const QUOTA = 256 * 1024;
const CHUNK = 16 * 1024;
const MAX_MESSAGE = 48 * 1024;

/** Sends a header and chunks as they are, whatever they claim; resolves with the answer. */
function rawUpload(client: OffloadClient, header: UploadHeader, body: Buffer, chunk = CHUNK) {
  return new Promise<{ sent: number; answer: unknown }>((resolve, reject) => {
    let sent = 0;
    const call = client.jobs.UploadDataset((err, answer) => {
      if (err) reject(fromServiceError(err));
      else resolve({ sent, answer });
    });
    call.write({ header });
    for (let at = 0; at < body.length; at += chunk) {
      call.write({ chunk: body.subarray(at, at + chunk) });
      sent += Math.min(chunk, body.length - at);
    }
    call.end();
  });
}

/** Every file and folder under the user's upload folder, temporary files included. */
function stored(d: Daemon, user: string): string[] {
  const dir = join(d.dir, 'api', 'uploads', user);
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

describe('dataset uploads', () => {
  let d: Daemon;
  let alice: OffloadClient;

  before(async () => {
    d = await startDaemon({ limits: { uploadQuotaBytes: QUOTA } });
    alice = d.client('alice');
  });
  after(() => d.stop());

  it('stores a dataset whose size and digest match, under a new id', async () => {
    const file = join(d.dir, 'ids.txt');
    writeFileSync(file, 'a\nb\nc\n');
    const answer = await uploadFile(alice, file);
    assert.match(answer.datasetId, /^ds_[A-Za-z0-9_-]{12}$/);
    assert.equal(answer.sha256, sha256Hex('a\nb\nc\n'));
    assert.equal(answer.size, 6);
    assert.equal(readFileSync(answer.path, 'utf8'), 'a\nb\nc\n');
    assert.deepEqual(stored(d, 'alice'), [answer.datasetId, join(answer.datasetId, 'ids.txt')]);
  });

  it('rejects an upload whose digest does not match and stores nothing', async () => {
    const before = stored(d, 'alice');
    const body = randomBytes(40 * 1024);
    const header = { name: 'tampered.bin', size: body.length, sha256: sha256Hex('other') };
    const r = await refusal(() => rawUpload(alice, header, body));
    assert.equal(r.status, grpc.status.INVALID_ARGUMENT);
    assert.match(r.details, /^header\.sha256: the bytes received have SHA-256 [0-9a-f]{64}/);
    assert.ok(r.details.includes(sha256Hex(body)), 'the message shows the digest received');
    assert.deepEqual(stored(d, 'alice'), before);
  });

  it('rejects an upload that ends short of its declared size and stores nothing', async () => {
    const before = stored(d, 'alice');
    const body = randomBytes(1000);
    const header = { name: 'short.bin', size: 2000, sha256: sha256Hex(body) };
    const r = await refusal(() => rawUpload(alice, header, body));
    assert.equal(r.status, grpc.status.INVALID_ARGUMENT);
    assert.match(r.details, /^header\.size: the upload ended after 1000 of 2000 bytes/);
    assert.deepEqual(stored(d, 'alice'), before);
  });

  it('refuses an upload over quota from its header, before any byte is stored', async () => {
    const before = stored(d, 'alice');
    const body = randomBytes(QUOTA + 1);
    const header = { name: 'big.bin', size: body.length, sha256: sha256Hex(body) };
    const r = await refusal(() => rawUpload(alice, header, body));
    assert.equal(r.status, grpc.status.RESOURCE_EXHAUSTED);
    assert.match(r.details, /^header\.size: 262145 bytes would put alice over the upload quota/);
    assert.deepEqual(stored(d, 'alice'), before);
  });

  it('stops reading an upload that sends more than it declared and deletes the part', async () => {
    const before = stored(d, 'alice');
    // Declares 64 KiB (inside the quota), then streams four times the quota.
    const body = randomBytes(4 * QUOTA);
    const header = { name: 'liar.bin', size: 64 * 1024, sha256: sha256Hex(body) };
    const r = await refusal(() => rawUpload(alice, header, body));
    assert.equal(r.status, grpc.status.INVALID_ARGUMENT);
    assert.match(r.details, /^chunk: the upload passes header\.size 65536 bytes/);
    assert.deepEqual(stored(d, 'alice'), before);
  });

  it('counts what a user already stored against the quota, per user', async () => {
    const first = randomBytes(QUOTA / 2);
    const ok = await rawUpload(
      alice,
      {
        name: 'half.bin',
        size: first.length,
        sha256: sha256Hex(first),
      },
      first,
    );
    assert.ok(ok.answer);
    const second = randomBytes(QUOTA / 2);
    const header = { name: 'more.bin', size: second.length, sha256: sha256Hex(second) };
    const r = await refusal(() => rawUpload(alice, header, second));
    assert.equal(r.status, grpc.status.RESOURCE_EXHAUSTED);
    // Bob has his own quota.
    const bob = d.client('bob');
    const answer = await rawUpload(bob, header, second);
    assert.ok(answer.answer);
    assert.equal(stored(d, 'bob').length, 2);
  });

  it('refuses a message larger than the limit and leaves nothing once closed', async () => {
    const server = await startServer({
      address: '127.0.0.1:0',
      tls: { cert: d.pki.serverCert, key: d.pki.serverKey },
      tokensFile: d.tokensFile,
      service: d.engine,
      dataDir: join(d.dir, 'small-messages'),
      limits: { maxMessageBytes: MAX_MESSAGE },
    });
    const client = connect({
      address: `localhost:${server.port}`,
      token: USERS.alice.token,
      tls: { ca: d.pki.ca },
    });
    try {
      const body = randomBytes(MAX_MESSAGE + 1024);
      const header = { name: 'huge.bin', size: body.length, sha256: sha256Hex(body) };
      // One chunk larger than a message may be; grpc-js refuses it before the handler.
      const r = await refusal(() => rawUpload(client, header, body, body.length));
      assert.equal(r.status, grpc.status.RESOURCE_EXHAUSTED);
      assert.match(r.details, /larger than max/);
    } finally {
      client.close();
      await server.close(1000);
    }
    const folder = join(d.dir, 'small-messages', 'uploads', 'alice');
    assert.deepEqual(existsSync(folder) ? readdirSync(folder) : [], []);
  });

  it('names the field of a bad header', async () => {
    const body = Buffer.from('x');
    const cases: [UploadHeader, RegExp][] = [
      [{ name: '../escape', size: 1, sha256: sha256Hex(body) }, /^header\.name must be a plain/],
      [{ name: 'ok.txt', size: 0, sha256: sha256Hex(body) }, /^header\.size must be a positive/],
      [{ name: 'ok.txt', size: 1, sha256: 'ABC' }, /^header\.sha256 must be 64 lower-case hex/],
    ];
    for (const [header, message] of cases) {
      const r = await refusal(() => rawUpload(alice, header, body));
      assert.equal(r.status, grpc.status.INVALID_ARGUMENT);
      assert.match(r.details, message);
    }
    const noHeader = await refusal(
      () =>
        new Promise((resolve, reject) => {
          const call = alice.jobs.UploadDataset((err, answer) =>
            err ? reject(fromServiceError(err)) : resolve(answer),
          );
          call.write({ chunk: body });
          call.end();
        }),
    );
    assert.match(noHeader.details, /^header: the first message must carry the header/);
  });
});
