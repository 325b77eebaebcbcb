// Ratios between implementations measured in the same run, and the regression check of
// `--compare`: absolute rates on a shared machine swing by 2x from one minute to the
// next, while a kernel's ratio to a reference measured alongside it holds steady.
import { readFile } from 'node:fs/promises';
import { OffloadError, show } from '../errors.js';
import type { BenchResult } from './types.js';

const key = (r: BenchResult, impl = r.impl): string => `${r.suite}\u0000${r.op}\u0000${impl}`;

/**
 * Adds `ratios` (to every peer of the same suite and op, from the medians) to each result
 * that names a reference, and `ratio` (to the reference) where the suite did not already
 * measure it round by round.
 */
export function addRatios(results: BenchResult[]): BenchResult[] {
  const byKey = new Map(results.map((r) => [key(r), r]));
  return results.map((r) => {
    if (typeof r.reference !== 'string') return r;
    const ref = byKey.get(key(r, r.reference));
    const peers = results.filter((p) => p.suite === r.suite && p.op === r.op && p !== r);
    const ratios = Object.fromEntries(peers.map((p) => [p.impl, round(r.opsPerSec / p.opsPerSec)]));
    const ratio = r.ratio ?? (ref ? round(r.opsPerSec / ref.opsPerSec) : undefined);
    return ratio === undefined ? { ...r, ratios } : { ...r, ratio, ratios };
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A result's ratio to its reference, recomputed from the peers when not recorded. */
function ratioOf(r: BenchResult, all: BenchResult[]): number | undefined {
  if (typeof r.ratio === 'number') return r.ratio;
  if (typeof r.reference !== 'string') return undefined;
  const ref = all.find((p) => key(p) === key(r, r.reference as string));
  return ref ? r.opsPerSec / ref.opsPerSec : undefined;
}

/** Reads a baseline written by `--json`: one result a line, or one JSON array. */
export async function readBaseline(file: string): Promise<BenchResult[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new OffloadError('INPUT_NOT_FOUND', `--compare: cannot read ${show(file)}`, {
      field: 'compare',
      cause,
    });
  }
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('[')) return JSON.parse(trimmed) as BenchResult[];
    return trimmed
      .split('\n')
      .filter((line) => line.trim().startsWith('{'))
      .map((line) => JSON.parse(line) as BenchResult);
  } catch (cause) {
    throw new OffloadError('CONFIG_INVALID', `--compare: ${show(file)} is not bench JSON`, {
      field: 'compare',
      cause,
    });
  }
}

export interface Comparison {
  suite: string;
  op: string;
  impl: string;
  reference: string;
  baselineRatio: number;
  ratio: number;
  /** Change of the ratio in percent; negative is slower relative to the reference. */
  changePct: number;
  regressed: boolean;
}

/**
 * Compares every result that has a reference with the same suite, op and impl in the
 * baseline. A ratio that fell by more than `tolerancePct` percent is a regression.
 */
export function compareToBaseline(
  current: BenchResult[],
  baseline: BenchResult[],
  tolerancePct: number,
): { comparisons: Comparison[]; unmatched: string[] } {
  const comparisons: Comparison[] = [];
  const unmatched: string[] = [];
  for (const r of current) {
    const ratio = ratioOf(r, current);
    if (ratio === undefined) continue;
    const base = baseline.find((b) => key(b) === key(r) && b.reference === r.reference);
    const baselineRatio = base && ratioOf(base, baseline);
    if (baselineRatio === undefined || !base) {
      unmatched.push(`${r.suite} ${r.op} ${r.impl}`);
      continue;
    }
    const changePct = round((ratio / baselineRatio - 1) * 100);
    const regressed = changePct < -tolerancePct;
    const reference = r.reference as string;
    comparisons.push({
      suite: r.suite,
      op: r.op,
      impl: r.impl,
      reference,
      baselineRatio,
      ratio,
      changePct,
      regressed,
    });
  }
  return { comparisons, unmatched };
}

export function describeComparison(c: Comparison): string {
  const verdict = c.regressed ? 'REGRESSED' : 'ok';
  return (
    `${verdict} ${c.suite} ${c.op} ${c.impl}: ${round(c.ratio)}x ${c.reference} ` +
    `(baseline ${round(c.baselineRatio)}x, ${c.changePct >= 0 ? '+' : ''}${c.changePct}%)`
  );
}
