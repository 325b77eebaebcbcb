// A one-line progress bar on a terminal's stderr; silent when stderr is not a TTY.
import type { EventRecord } from '../jobs/types.js';

export class ProgressBar {
  private readonly enabled: boolean;
  private readonly started = Date.now();
  private done = 0;
  private total: number | null = null;
  private records = 0;
  private state = 'pending';
  private fallbacks = 0;
  private lastDraw = 0;

  constructor(enabled = process.stderr.isTTY === true) {
    this.enabled = enabled;
  }

  update(e: EventRecord): void {
    const d = e.data;
    if (e.type === 'job.state') this.state = String(d.state);
    if (e.type === 'job.split') this.total = Number(d.batches);
    if (e.type === 'fallback') this.fallbacks++;
    if (e.type === 'batch.done') {
      this.done = Number(d.batchesDone);
      this.records += Number(d.records ?? 0);
      if (d.batches !== null && d.batches !== undefined) this.total = Number(d.batches);
    }
    this.draw(e.type === 'job.state');
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 30;
    const frac = this.total ? this.done / this.total : 0;
    const filled = Math.round(frac * width);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    const secs = ((now - this.started) / 1000).toFixed(1);
    const of = this.total === null ? '?' : String(this.total);
    const extra = this.fallbacks ? `  ${this.fallbacks} fallbacks` : '';
    process.stderr.write(
      `\r[${bar}] ${this.done}/${of} batches  ${this.state}  ${secs}s${extra}\x1b[K`,
    );
  }

  finish(): void {
    if (this.enabled) {
      this.draw(true);
      process.stderr.write('\n');
    }
  }
}
