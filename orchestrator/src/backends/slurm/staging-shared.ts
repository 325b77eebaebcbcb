// Staging for an orchestrator that mounts the cluster's file system: the same steps
// as over SFTP, done with local file operations.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  chmod,
  copyFile,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { StagingError, type Transport } from './staging-transport.js';

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

export class SharedTransport implements Transport {
  readonly kind = 'shared' as const;

  async ensureDir(path: string, mode: number): Promise<boolean> {
    // mkdir with `recursive` resolves to the first folder it made, undefined if none.
    const made = await mkdir(path, { recursive: true });
    await chmod(path, mode);
    return made !== undefined;
  }

  async digests(dir: string, names: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const name of names) {
      try {
        found.set(name, await fileSha256(join(dir, name)));
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
    }
    return found;
  }

  async putFile(local: string, path: string, mode: number): Promise<void> {
    await copyFile(local, path);
    await chmod(path, mode);
  }

  async putData(data: Buffer, path: string, mode: number): Promise<void> {
    await writeFile(path, data, { mode });
    await chmod(path, mode);
  }

  async rename(from: string, to: string): Promise<void> {
    await rename(from, to);
  }

  async getFile(path: string, local: string): Promise<void> {
    await copyFile(path, local);
  }

  async read(path: string, limit: number): Promise<Buffer | undefined> {
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
    if (size > limit) {
      throw new StagingError('too-large', `${path} has ${size} bytes, over the limit of ${limit}`);
    }
    return readFile(path);
  }

  async list(dir: string): Promise<string[]> {
    try {
      return (await readdir(dir)).sort();
    } catch (err) {
      if (isMissing(err)) return [];
      throw err;
    }
  }

  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  async removeTree(path: string): Promise<void> {
    await rm(path, { recursive: true, force: true });
  }

  async close(): Promise<void> {}
}
