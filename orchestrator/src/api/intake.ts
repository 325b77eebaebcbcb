// Whether the server takes new jobs. Kept in a small file beside the uploads so that
// an admin's pause outlives a restart of the daemon.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { OffloadError, show } from '../errors.js';

export interface IntakeState {
  paused: boolean;
  reason: string;
  pausedBy: string;
  pausedAtMs: number;
  drainingClusters: string[];
}

const OPEN: IntakeState = {
  paused: false,
  reason: '',
  pausedBy: '',
  pausedAtMs: 0,
  drainingClusters: [],
};

export class Intake {
  private state: IntakeState;

  constructor(private readonly file: string) {
    this.state = readState(file);
  }

  get current(): IntakeState {
    return { ...this.state, drainingClusters: [...this.state.drainingClusters] };
  }

  pause(by: string, reason: string): IntakeState {
    return this.save({ ...this.state, paused: true, reason, pausedBy: by, pausedAtMs: Date.now() });
  }

  resume(): IntakeState {
    return this.save({ ...this.state, paused: false, reason: '', pausedBy: '', pausedAtMs: 0 });
  }

  drain(cluster: string, on: boolean): IntakeState {
    const others = this.state.drainingClusters.filter((c) => c !== cluster);
    const drainingClusters = on ? [...others, cluster].sort() : others;
    return this.save({ ...this.state, drainingClusters });
  }

  /** Throws when a job with this spec may not start now. */
  admit(spec: unknown): void {
    if (this.state.paused) {
      const why = this.state.reason ? `: ${this.state.reason}` : '';
      throw new OffloadError('BACKEND_UNAVAILABLE', `intake is paused by an admin${why}`);
    }
    const cluster = clusterOf(spec);
    if (cluster && this.state.drainingClusters.includes(cluster)) {
      throw new OffloadError(
        'BACKEND_UNAVAILABLE',
        `cluster: ${show(cluster)} is being drained and takes no new jobs`,
        { field: 'cluster' },
      );
    }
  }

  private save(next: IntakeState): IntakeState {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2));
    renameSync(tmp, this.file);
    this.state = next;
    return this.current;
  }
}

export function clusterOf(spec: unknown): string | undefined {
  const cluster = (spec as { cluster?: unknown } | null)?.cluster;
  return typeof cluster === 'string' && cluster ? cluster : undefined;
}

function readState(file: string): IntakeState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ...OPEN };
    throw new OffloadError('CONFIG_INVALID', `intake state ${file} cannot be read`, { cause: err });
  }
  try {
    return { ...OPEN, ...(JSON.parse(text) as Partial<IntakeState>) };
  } catch (cause) {
    // Opening intake on a file we cannot read would undo an admin's pause silently.
    throw new OffloadError('CONFIG_INVALID', `intake state ${file} is not JSON`, { cause });
  }
}
