// Datasets uploaded over the API. Bytes go to a temporary file in the user's folder;
// only when the size and SHA-256 match the header is the file renamed into place, so
// a broken or lying upload leaves nothing behind. Each user has a byte quota, checked
// against the header before any byte is written and again as bytes arrive.
import * as grpc from '@grpc/grpc-js';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { OffloadError, show } from '../errors.js';
import { admit, type ApiContext } from './context.js';
import type { UploadDatasetRequest__Output } from './generated/offload/v1/UploadDatasetRequest.js';
import type { UploadDatasetResponse } from './generated/offload/v1/UploadDatasetResponse.js';
import type { UploadHeader__Output } from './generated/offload/v1/UploadHeader.js';
import { toServiceError } from './status.js';

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const TMP_PREFIX = '.upload-';

export interface UploadLimits {
  /** Bytes a user may keep in uploaded datasets, all uploads together. */
  quotaBytes: number;
}

export class UploadStore {
  /** Bytes promised to uploads still streaming, per user, so two cannot share a quota. */
  private readonly reserved = new Map<string, number>();
  /** Uploads being received or cleaned up; shutdown waits for them. */
  private readonly active = new Set<Promise<void>>();

  constructor(
    readonly root: string,
    readonly limits: UploadLimits,
  ) {}

  userDir(user: string): string {
    return join(this.root, user);
  }

  /** Bytes of finished datasets in the user's folder. */
  async used(user: string): Promise<number> {
    let total = 0;
    for (const id of await readdir(this.userDir(user)).catch(() => [] as string[])) {
      if (id.startsWith(TMP_PREFIX)) continue;
      const dir = join(this.userDir(user), id);
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        total += (await stat(join(dir, name))).size;
      }
    }
    return total;
  }

  track(upload: Promise<void>): void {
    this.active.add(upload);
    void upload.finally(() => this.active.delete(upload));
  }

  /** Resolves once every upload under way has been stored or its partial file deleted. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.active]);
  }

  /** Holds `bytes` of the user's quota for an upload; throws when it would not fit. */
  async reserve(user: string, bytes: number): Promise<() => void> {
    const used = (await this.used(user)) + (this.reserved.get(user) ?? 0);
    if (used + bytes > this.limits.quotaBytes) {
      throw new OffloadError(
        'RESOURCE_EXHAUSTED',
        `header.size: ${bytes} bytes would put ${user} over the upload quota of ` +
          `${this.limits.quotaBytes} bytes (${used} in use)`,
        { field: 'header.size' },
      );
    }
    this.reserved.set(user, (this.reserved.get(user) ?? 0) + bytes);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.reserved.get(user) ?? 0) - bytes;
      if (left > 0) this.reserved.set(user, left);
      else this.reserved.delete(user);
    };
  }
}

export function checkHeader(header: UploadHeader__Output | null | undefined): UploadHeader__Output {
  if (!header) {
    throw new OffloadError('SPEC_INVALID', 'header: the first message must carry the header', {
      field: 'header',
    });
  }
  if (!FILE_NAME.test(header.name)) {
    throw new OffloadError(
      'SPEC_INVALID',
      `header.name must be a plain file name (letters, digits, '.', '_', '-'), ` +
        `got ${show(header.name)}`,
      { field: 'header.name' },
    );
  }
  if (!Number.isSafeInteger(header.size) || header.size <= 0) {
    throw new OffloadError(
      'SPEC_INVALID',
      `header.size must be a positive byte count, got ${show(header.size)}`,
      { field: 'header.size' },
    );
  }
  if (!HEX_SHA256.test(header.sha256)) {
    throw new OffloadError(
      'SPEC_INVALID',
      `header.sha256 must be 64 lower-case hex digits, got ${show(header.sha256)}`,
      { field: 'header.sha256' },
    );
  }
  return header;
}

/** One upload in progress: a temporary file, a running digest and a byte count. */
class Receiver {
  private readonly hash = createHash('sha256');
  private bytes = 0;

  private constructor(
    readonly header: UploadHeader__Output,
    readonly tmpPath: string,
    private readonly file: FileHandle,
  ) {}

  static async open(dir: string, header: UploadHeader__Output): Promise<Receiver> {
    await mkdir(dir, { recursive: true });
    const tmpPath = join(dir, `${TMP_PREFIX}${randomBytes(8).toString('hex')}`);
    return new Receiver(header, tmpPath, await open(tmpPath, 'wx', 0o600));
  }

  async write(chunk: Buffer): Promise<void> {
    // Refuse the chunk that would pass the declared size before writing any of it:
    // the quota was reserved for the declared size, not for what a client sends.
    if (this.bytes + chunk.length > this.header.size) {
      throw new OffloadError(
        'SPEC_INVALID',
        `chunk: the upload passes header.size ${this.header.size} bytes`,
        { field: 'chunk' },
      );
    }
    this.bytes += chunk.length;
    this.hash.update(chunk);
    await this.file.write(chunk);
  }

  /** Checks size and digest, then moves the file into `finalPath`. */
  async commit(finalPath: string): Promise<void> {
    await this.file.sync();
    await this.file.close();
    if (this.bytes !== this.header.size) {
      throw new OffloadError(
        'SPEC_INVALID',
        `header.size: the upload ended after ${this.bytes} of ${this.header.size} bytes`,
        { field: 'header.size' },
      );
    }
    const actual = this.hash.digest('hex');
    if (actual !== this.header.sha256) {
      throw new OffloadError(
        'SPEC_INVALID',
        `header.sha256: the bytes received have SHA-256 ${actual}, not ${this.header.sha256}`,
        { field: 'header.sha256' },
      );
    }
    await mkdir(join(finalPath, '..'), { recursive: true });
    await rename(this.tmpPath, finalPath);
  }

  async discard(): Promise<void> {
    await this.file.close().catch(() => undefined);
    await rm(this.tmpPath, { force: true });
  }
}

export function uploadDataset(
  ctx: ApiContext,
): grpc.handleClientStreamingCall<UploadDatasetRequest__Output, UploadDatasetResponse> {
  return (call, callback) => {
    let log = ctx.log.child({ rpc: 'UploadDataset' });
    let receiver: Receiver | undefined;
    let release: (() => void) | undefined;
    let finished = false;

    const fail = async (err: unknown): Promise<void> => {
      if (finished) return;
      finished = true;
      // Stop reading: the client's remaining chunks are dropped, not buffered.
      call.pause();
      // The partial file is gone before the client hears of the failure.
      await receiver?.discard();
      release?.();
      callback(toServiceError(err, log));
    };

    const receive = async (): Promise<UploadDatasetResponse> => {
      const who = admit(ctx, call.metadata, ['operator', 'admin'], 'UploadDataset');
      log = log.child({ user: who.user });
      const dir = ctx.uploads.userDir(who.user);
      for await (const message of call as AsyncIterable<UploadDatasetRequest__Output>) {
        if (finished) break;
        if (!receiver) {
          const header = checkHeader(message.part === 'header' ? message.header : undefined);
          release = await ctx.uploads.reserve(who.user, header.size);
          receiver = await Receiver.open(dir, header);
          continue;
        }
        if (message.part !== 'chunk' || !message.chunk) {
          throw new OffloadError('SPEC_INVALID', 'chunk: only chunks may follow the header', {
            field: 'chunk',
          });
        }
        await receiver.write(message.chunk);
      }
      if (!receiver) checkHeader(undefined);
      const datasetId = `ds_${randomBytes(9).toString('base64url')}`;
      const path = join(dir, datasetId, receiver!.header.name);
      await receiver!.commit(path);
      log.info({ datasetId, bytes: receiver!.header.size }, 'dataset uploaded');
      return {
        datasetId,
        path,
        size: receiver!.header.size,
        sha256: receiver!.header.sha256,
      };
    };

    const done = receive().then((response) => {
      if (finished) return;
      finished = true;
      release?.();
      callback(null, response);
    }, fail);
    ctx.uploads.track(done);
  };
}
