// Interleaved timing: every contender of a suite runs once per round (A B C A B C ...),
// so load from the other sessions on a shared machine falls on all of them alike and
// their ratio stays meaningful even when the absolute rates swing.
import { OffloadError, show } from '../errors.js';
import type { BenchOptions, BenchResult } from './types.js';

export interface Contender {
  impl: string;
  op: string;
  /** Does one slice of work (a chunk, a few hundred operations) and returns how many ops. */
  step(): number;
  /** The impl this one's speed is judged against in `--compare` (same suite and op). */
  reference?: string;
  /** Extra fields copied into the result. */
  extra?: Record<string, unknown>;
}

export interface Timing {
  runs: number;
  /** Length of one run, in milliseconds. */
  runMs: number;
}

const DEFAULTS = { runs: 7, runMs: 250 } as const;
const QUICK = { runs: 3, runMs: 60 } as const;

/** Reads an integer `--set name=value`, naming the setting when it is not one. */
export function intSetting(options: BenchOptions, name: string, fallback: number, min = 1): number {
  const text = options.settings[name];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new OffloadError(
      'CONFIG_INVALID',
      `--set ${name} must be an integer of at least ${min}, got ${show(text)}`,
      { field: name },
    );
  }
  return value;
}

/** Runs and run length from `--quick` and `--set runs=N --set ms=N`. */
export function timing(options: BenchOptions): Timing {
  const base = options.quick ? QUICK : DEFAULTS;
  return {
    runs: intSetting(options, 'runs', base.runs),
    runMs: intSetting(options, 'ms', base.runMs),
  };
}

/** Runs `step` until `ms` have passed and returns the rate in ops per second. */
function timeRun(c: Contender, ms: number): number {
  const start = process.hrtime.bigint();
  const limit = start + BigInt(Math.round(ms * 1e6));
  let ops = 0;
  let now: bigint;
  do {
    ops += c.step();
    now = process.hrtime.bigint();
  } while (now < limit);
  return ops / (Number(now - start) / 1e9);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Measures the contenders round by round after one warm-up run each (which lets the JIT
 * settle), and reports each one's median, slowest and fastest rate.
 */
export function measureInterleaved(
  suite: string,
  contenders: Contender[],
  { runs, runMs }: Timing,
): BenchResult[] {
  for (const c of contenders) timeRun(c, runMs);
  const rates = contenders.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    contenders.forEach((c, i) => rates[i]!.push(timeRun(c, runMs)));
  }
  return contenders.map((c, i) => ({
    suite,
    op: c.op,
    impl: c.impl,
    opsPerSec: median(rates[i]!),
    runs,
    minOpsPerSec: Math.min(...rates[i]!),
    maxOpsPerSec: Math.max(...rates[i]!),
    ...(c.reference === undefined ? {} : { reference: c.reference }),
    ...c.extra,
  }));
}
