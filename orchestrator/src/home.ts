// Offload's local state lives under one folder: $OFFLOAD_HOME, or ~/.offload.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export class Home {
  readonly root: string;

  constructor(root: string = process.env.OFFLOAD_HOME ?? join(homedir(), '.offload')) {
    this.root = resolve(root);
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    mkdirSync(join(this.root, 'jobs'), { recursive: true, mode: 0o700 });
  }

  get database(): string {
    return join(this.root, 'offload.db');
  }

  get masterKey(): string {
    return join(this.root, 'master.key');
  }

  get defaultConfig(): string {
    return join(this.root, 'config.yaml');
  }

  jobDir(jobId: string): string {
    return join(this.root, 'jobs', jobId);
  }
}
