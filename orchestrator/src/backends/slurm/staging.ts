// Moves a job's files to the cluster and its outputs back, verified by SHA-256 on both
// ends. Each job gets one work folder (mode 0700) under the cluster's remoteRoot.
//
// Digests of remote files come from `sha256sum` run on the cluster over an exec channel,
// not from downloading the files again: one round trip hashes up to 200 files, and a
// batch of a million records is not sent twice. Uploads go to a hidden temporary name
// and are renamed only once their remote digest matches, so an interrupted upload
// never leaves a wrong file under a real name, and the next upload skips every file
// already there with the right digest.
//
// Remote failures come back as values ({ ok: false, error }); a rejection means a bug
// in the caller (a bad job id or file name).
import { createHash } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { OffloadError, show } from '../../errors.js';
import type { ClusterConfig, KeepWorkDir } from '../../config/types.js';
import { fileSha256, SharedTransport } from './staging-shared.js';
import { SftpTransport } from './staging-sftp.js';
import { asStagingError, StagingError, type Transport } from './staging-transport.js';

export { StagingError, type StagingReason, type Transport } from './staging-transport.js';
export { SftpTransport, type SftpOptions } from './staging-sftp.js';
export { SharedTransport, fileSha256 } from './staging-shared.js';

export type Staged<T> = { ok: true; value: T } | { ok: false; error: StagingError };

export interface UploadItem {
  /** Path inside the work folder: `kernel.wasm`, `in/00042.bin`. */
  name: string;
  /** A local file, or the bytes themselves (for generated scripts and secrets). */
  source: string | Buffer;
  /** Defaults to 0600: the folder is private and nothing staged needs to be shared. */
  mode?: number;
}

export interface UploadReport {
  uploaded: string[];
  /** Already present with the right digest, from an earlier, interrupted upload. */
  skipped: string[];
  /** Bytes sent. */
  bytes: number;
}

export interface DownloadItem {
  name: string;
  local: string;
  /** The digest the producer reported; the download fails when the bytes differ. */
  sha256?: string;
}

export type DownloadOutcome =
  | { name: string; ok: true; local: string; sha256: string; bytes: number }
  | { name: string; ok: false; error: StagingError };

export type JobOutcome = 'succeeded' | 'failed';

export interface UploadOptions {
  /** Called as each file is in place or found in place. */
  onFile?: (name: string, action: 'uploaded' | 'skipped') => void;
  /** Files in flight at once; each file already uses parallel SFTP requests. */
  concurrency?: number;
}

const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Segments of letters, digits, `.`, `_`, `-`, not starting with a dot (kept for temps). */
const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const DEFAULT_READ_LIMIT = 1 << 20;

export class Stager {
  readonly transport: Transport;
  readonly remoteRoot: string;
  readonly keepWorkDir: KeepWorkDir;

  constructor(transport: Transport, opts: { remoteRoot: string; keepWorkDir: KeepWorkDir }) {
    this.transport = transport;
    this.remoteRoot = opts.remoteRoot;
    this.keepWorkDir = opts.keepWorkDir;
  }

  /** A stager for a configured cluster, over SFTP or on the shared file system. */
  static forCluster(cluster: ClusterConfig): Stager {
    const s = cluster.staging;
    if (s.mode === 'shared') return new Stager(new SharedTransport(), s);
    const transport = new SftpTransport({
      host: s.host!,
      port: s.port,
      user: s.user!,
      privateKey: s.privateKey!,
      knownHosts: s.knownHosts!,
    });
    return new Stager(transport, s);
  }

  /** The job's work folder on the cluster. */
  workDir(jobId: string): string {
    checkJobId(jobId);
    return posix.join(this.remoteRoot, jobId);
  }

  /** Creates the job's work folder, private to the staging user. */
  async prepare(jobId: string): Promise<Staged<{ dir: string }>> {
    const dir = this.workDir(jobId);
    return attempt(`creating ${dir}`, async () => {
      await this.transport.ensureDir(dir, 0o700);
      return { dir };
    });
  }

  async upload(
    jobId: string,
    items: UploadItem[],
    opts: UploadOptions = {},
  ): Promise<Staged<UploadReport>> {
    const dir = this.workDir(jobId);
    items.forEach((item) => checkName(item.name));
    return attempt(`uploading to ${dir}`, async () => {
      const wanted = await Promise.all(items.map(localDigest));
      const fresh = await this.transport.ensureDir(dir, 0o700);
      await this.makeParents(dir, items);
      // A folder made just now holds nothing to resume from; skip the remote hashing.
      const present = fresh
        ? new Map<string, string>()
        : await this.transport.digests(
            dir,
            items.map((i) => i.name),
          );

      const report: UploadReport = { uploaded: [], skipped: [], bytes: 0 };
      const todo = items.filter((item, i) => {
        if (present.get(item.name) !== wanted[i]) return true;
        report.skipped.push(item.name);
        opts.onFile?.(item.name, 'skipped');
        return false;
      });
      const digestOf = new Map(items.map((item, i) => [item.name, wanted[i]!]));
      await mapLimit(todo, opts.concurrency ?? 4, async (item) => {
        // Awaited first: `report.bytes += await ...` would read the total before the await.
        const sent = await this.sendToTemp(dir, item);
        report.bytes += sent;
      });
      await this.commit(dir, todo, digestOf, (name) => {
        report.uploaded.push(name);
        opts.onFile?.(name, 'uploaded');
      });
      return report;
    });
  }

  private async makeParents(dir: string, items: UploadItem[]): Promise<void> {
    const parents = new Set(items.map((i) => posix.dirname(i.name)).filter((p) => p !== '.'));
    for (const parent of parents) await this.transport.ensureDir(posix.join(dir, parent), 0o700);
  }

  /** Sends one file under its temporary name; returns the bytes sent. */
  private async sendToTemp(dir: string, item: UploadItem): Promise<number> {
    const temp = posix.join(dir, tempName(item.name));
    const mode = item.mode ?? 0o600;
    if (typeof item.source === 'string') {
      await this.transport.putFile(item.source, temp, mode);
      return (await stat(item.source)).size;
    }
    await this.transport.putData(item.source, temp, mode);
    return item.source.length;
  }

  /**
   * Hashes every temporary file in one pass and renames those that match; a file that
   * does not is removed and fails the upload (the others stay, to be skipped next time).
   */
  private async commit(
    dir: string,
    sent: UploadItem[],
    digestOf: Map<string, string>,
    done: (name: string) => void,
  ): Promise<void> {
    const arrived = await this.transport.digests(
      dir,
      sent.map((i) => tempName(i.name)),
    );
    const bad: string[] = [];
    for (const { name } of sent) {
      const temp = posix.join(dir, tempName(name));
      const got = arrived.get(tempName(name));
      if (got !== digestOf.get(name)) {
        await this.transport.remove(temp);
        bad.push(`${name} (${got ?? 'no file'}, expected ${digestOf.get(name)})`);
        continue;
      }
      await this.transport.rename(temp, posix.join(dir, name));
      done(name);
    }
    if (bad.length > 0) {
      throw new StagingError(
        'digest',
        `in ${dir}, ${bad.length} file(s) arrived altered: ${bad.join('; ')}`,
      );
    }
  }

  /** SHA-256 of the named files in the work folder; files absent are left out. */
  async digests(jobId: string, names: string[]): Promise<Staged<Map<string, string>>> {
    const dir = this.workDir(jobId);
    names.forEach(checkName);
    return attempt(`hashing files in ${dir}`, () => this.transport.digests(dir, names));
  }

  /** Names in the work folder or one of its subfolders. */
  async list(jobId: string, subdir?: string): Promise<Staged<string[]>> {
    const dir = this.workDir(jobId);
    if (subdir !== undefined) checkName(subdir);
    const path = subdir === undefined ? dir : posix.join(dir, subdir);
    return attempt(`listing ${path}`, () => this.transport.list(path));
  }

  /** Reads a small file (a task's result record); undefined when it is not there. */
  async read(
    jobId: string,
    name: string,
    limit = DEFAULT_READ_LIMIT,
  ): Promise<Staged<Buffer | undefined>> {
    const dir = this.workDir(jobId);
    checkName(name);
    const path = posix.join(dir, name);
    return attempt(`reading ${path}`, () => this.transport.read(path, limit));
  }

  /**
   * Fetches outputs. A file that is missing or whose bytes do not match gets a failed
   * outcome of its own; a broken connection fails the whole call.
   */
  async download(
    jobId: string,
    items: DownloadItem[],
    concurrency = 4,
  ): Promise<Staged<DownloadOutcome[]>> {
    const dir = this.workDir(jobId);
    for (const item of items) {
      checkName(item.name);
      if (item.sha256 !== undefined && !SHA256_HEX.test(item.sha256)) {
        return Promise.reject(
          new OffloadError(
            'INTERNAL',
            `download sha256 must be 64 hex digits, got ${show(item.sha256)}`,
          ),
        );
      }
    }
    return attempt(`downloading from ${dir}`, async () => {
      const remote = await this.transport.digests(
        dir,
        items.map((i) => i.name),
      );
      const outcomes = new Array<DownloadOutcome>(items.length);
      const indexed = items.map((item, i) => ({ item, i }));
      await mapLimit(indexed, concurrency, async ({ item, i }) => {
        outcomes[i] = await this.fetchOne(dir, item, remote.get(item.name));
      });
      return outcomes;
    });
  }

  private async fetchOne(
    dir: string,
    item: DownloadItem,
    remoteSha: string | undefined,
  ): Promise<DownloadOutcome> {
    const path = posix.join(dir, item.name);
    const fail = (reason: 'missing' | 'digest', message: string): DownloadOutcome => ({
      name: item.name,
      ok: false,
      error: new StagingError(reason, message),
    });
    if (remoteSha === undefined) return fail('missing', `${path} does not exist`);
    if (item.sha256 !== undefined && remoteSha !== item.sha256) {
      return fail('digest', `${path} has SHA-256 ${remoteSha}, expected ${item.sha256}`);
    }

    const temp = `${item.local}.part`;
    await this.transport.getFile(path, temp);
    const local = await fileSha256(temp);
    if (local !== remoteSha) {
      await rm(temp, { force: true });
      return fail('digest', `${path} arrived with SHA-256 ${local}, the cluster has ${remoteSha}`);
    }
    await rename(temp, item.local);
    const bytes = (await stat(item.local)).size;
    return { name: item.name, ok: true, local: item.local, sha256: local, bytes };
  }

  /** Removes the work folder or keeps it, as keepWorkDir says for this outcome. */
  async finish(jobId: string, outcome: JobOutcome): Promise<Staged<{ removed: boolean }>> {
    const keep =
      this.keepWorkDir === 'always' || (this.keepWorkDir === 'onFailure' && outcome === 'failed');
    if (keep) {
      this.workDir(jobId);
      return { ok: true, value: { removed: false } };
    }
    const removed = await this.remove(jobId);
    return removed.ok ? { ok: true, value: { removed: true } } : removed;
  }

  /** Removes the work folder whatever the policy (a deleted job). */
  async remove(jobId: string): Promise<Staged<void>> {
    const dir = this.workDir(jobId);
    return attempt(`removing ${dir}`, () => this.transport.removeTree(dir));
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

async function attempt<T>(doing: string, work: () => Promise<T>): Promise<Staged<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: asStagingError(err, doing) };
  }
}

function checkJobId(jobId: string): void {
  if (!JOB_ID.test(jobId)) {
    throw new OffloadError('INTERNAL', `staging job id must match ${JOB_ID}, got ${show(jobId)}`);
  }
}

function checkName(name: string): void {
  if (!NAME.test(name) || name.split('/').some((s) => s === '.' || s === '..')) {
    throw new OffloadError(
      'INTERNAL',
      `staging file name must be a relative path of plain segments, got ${show(name)}`,
    );
  }
}

function tempName(name: string): string {
  const dir = posix.dirname(name);
  const temp = `.${posix.basename(name)}.part`;
  return dir === '.' ? temp : `${dir}/${temp}`;
}

async function localDigest(item: UploadItem): Promise<string> {
  if (typeof item.source !== 'string') {
    return createHash('sha256').update(item.source).digest('hex');
  }
  try {
    return await fileSha256(item.source);
  } catch (err) {
    throw new StagingError('io', `cannot read ${item.source} to upload it as ${item.name}`, err);
  }
}

/**
 * Runs `fn` over `items` with at most `limit` in flight. After a failure no new item
 * starts; it waits for those in flight, then rejects with the first failure.
 */
async function mapLimit<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      try {
        await fn(items[next++]!);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure !== undefined) throw failure.err;
}
