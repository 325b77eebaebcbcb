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
const WARMUP_MS = 300;

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

interface Rate {
  wall: number;
  cpu: number;
}

/**
 * Runs `step` until `ms` have passed and returns the rate in ops per second of wall
 * time and of this process's CPU time. On a machine shared with other jobs the CPU
 * rate moves less, since time spent descheduled does not count against it.
 */
function timeRun(c: Contender, ms: number): Rate {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const limit = start + BigInt(Math.round(ms * 1e6));
  let ops = 0;
  let now: bigint;
  do {
    ops += c.step();
    now = process.hrtime.bigint();
  } while (now < limit);
  const cpu = process.cpuUsage(cpuStart);
  return { wall: ops / (Number(now - start) / 1e9), cpu: ops / ((cpu.user + cpu.system) / 1e6) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Measures the contenders round by round after one warm-up run each (which lets the JIT
 * settle), and reports each one's median, slowest and fastest rate, and its median rate
 * per second of CPU time (`cpuOpsPerSec`).
 */
export function measureInterleaved(
  suite: string,
  contenders: Contender[],
  { runs, runMs }: Timing,
): BenchResult[] {
  // V8 runs a fresh wasm module as Liftoff code (about 6x slower here) until TurboFan
  // has compiled its hot functions, roughly 100 ms in; the warm-up outlasts that.
  for (const c of contenders) timeRun(c, Math.max(runMs, WARMUP_MS));
  const rates = contenders.map(() => [] as Rate[]);
  for (let r = 0; r < runs; r++) {
    contenders.forEach((c, i) => rates[i]!.push(timeRun(c, runMs)));
  }
  return contenders.map((c, i) => {
    const wall = rates[i]!.map((r) => r.wall);
    return {
      suite,
      op: c.op,
      impl: c.impl,
      opsPerSec: median(wall),
      runs,
      minOpsPerSec: Math.min(...wall),
      maxOpsPerSec: Math.max(...wall),
      cpuOpsPerSec: median(rates[i]!.map((r) => r.cpu)),
      ...pairedRatio(c, contenders, rates, i),
      ...c.extra,
    };
  });
}

/**
 * The median over rounds of this contender's rate over its reference's in the same
 * round: runs side by side in time share the machine's load, so their quotient swings
 * far less than the quotient of two medians taken over the whole measurement.
 */
function pairedRatio(
  c: Contender,
  contenders: Contender[],
  rates: Rate[][],
  i: number,
): { reference?: string; ratio?: number } {
  if (c.reference === undefined) return {};
  const j = contenders.findIndex((p) => p.impl === c.reference && p.op === c.op);
  if (j < 0) return { reference: c.reference };
  const ratios = rates[i]!.map((r, round) => r.wall / rates[j]![round]!.wall);
  return { reference: c.reference, ratio: Math.round(median(ratios) * 1000) / 1000 };
}
