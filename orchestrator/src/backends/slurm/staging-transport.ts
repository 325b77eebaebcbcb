// The few file operations staging needs, done either over SFTP or on a shared file
// system. Transports reject on failure; the Stager turns rejections into values.
import { OffloadError, type ErrorCode } from '../../errors.js';

export interface Transport {
  readonly kind: 'sftp' | 'shared';
  /**
   * Creates the folder and its parents; sets the folder's own mode even if it existed.
   * Resolves to true when the folder did not exist before.
   */
  ensureDir(path: string, mode: number): Promise<boolean>;
  /** SHA-256 (hex) of the named files in `dir` that exist; absent files are left out. */
  digests(dir: string, names: string[]): Promise<Map<string, string>>;
  putFile(local: string, path: string, mode: number): Promise<void>;
  putData(data: Buffer, path: string, mode: number): Promise<void>;
  /** Renames, replacing the target when it exists. */
  rename(from: string, to: string): Promise<void>;
  getFile(path: string, local: string): Promise<void>;
  /** Reads a file of at most `limit` bytes; undefined when it does not exist. */
  read(path: string, limit: number): Promise<Buffer | undefined>;
  /** Names in a folder (one level); empty when the folder does not exist. */
  list(dir: string): Promise<string[]>;
  remove(path: string): Promise<void>;
  removeTree(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Why staging failed, for the caller to decide between retrying and giving up. */
export type StagingReason =
  | 'connect' // the server did not answer or the connection dropped
  | 'auth' // the server refused our key
  | 'host-key' // the server's key is unknown, changed or revoked: never retried
  | 'io' // a remote or local file operation failed
  | 'digest' // a file arrived with other bytes than were sent
  | 'missing' // a file to download is not there
  | 'too-large'; // a file to read is over its limit

const CODES: Record<StagingReason, ErrorCode> = {
  connect: 'BACKEND_UNAVAILABLE',
  auth: 'BACKEND_UNAVAILABLE',
  'host-key': 'UNAUTHENTICATED',
  io: 'BACKEND_UNAVAILABLE',
  digest: 'OUTPUT_UNVERIFIED',
  missing: 'OUTPUT_UNVERIFIED',
  'too-large': 'OUTPUT_UNVERIFIED',
};

export class StagingError extends OffloadError {
  readonly reason: StagingReason;

  constructor(reason: StagingReason, message: string, cause?: unknown) {
    super(CODES[reason], message, cause === undefined ? {} : { cause });
    this.name = 'StagingError';
    this.reason = reason;
  }

  /** A host key mismatch needs a person; anything else may pass on another try. */
  get retryable(): boolean {
    return this.reason !== 'host-key' && this.reason !== 'auth';
  }
}

/** Wraps any rejection as a StagingError, keeping one that already is. */
export function asStagingError(err: unknown, doing: string): StagingError {
  if (err instanceof StagingError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new StagingError('io', `${doing}: ${message}`, err);
}
