// A one-line progress bar for `offload watch` on a terminal: redrawn in place on
// stderr, so stdout stays clean for whatever a script pipes it into.
import type { JobEvent__Output } from '../../api/generated/offload/v1/JobEvent.js';

const WIDTH = 30;

export function stateName(state: string): string {
  return state.replace(/^JOB_STATE_/, '').toLowerCase();
}

function count(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  return String(n);
}

export function progressLine(event: JobEvent__Output): string {
  const p = event.progress ?? { batchesDone: 0, batchesTotal: 0, recordsDone: 0, recordsTotal: 0 };
  const ratio = p.batchesTotal > 0 ? p.batchesDone / p.batchesTotal : 0;
  const filled = Math.round(ratio * WIDTH);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
  const records =
    p.recordsTotal > 0 ? `  ${count(p.recordsDone)}/${count(p.recordsTotal)} records` : '';
  return (
    `[${bar}] ${String(Math.round(ratio * 100)).padStart(3)}%  ` +
    `${p.batchesDone}/${p.batchesTotal} batches${records}  ${stateName(event.state)}`
  );
}

export class ProgressBar {
  private last = '';

  constructor(private readonly out: NodeJS.WriteStream) {}

  update(event: JobEvent__Output): void {
    const line = progressLine(event);
    if (line === this.last) return;
    this.last = line;
    this.out.write(`\r\x1b[2K${line}`);
  }

  /** Prints a message above the bar (a fallback, a failed batch) and redraws the bar. */
  note(message: string): void {
    this.out.write(`\r\x1b[2K${message}\n${this.last}`);
  }

  done(): void {
    if (this.last) this.out.write('\n');
  }
}
