// The benchmark runner behind `npm run bench` (and `offload kernels bench`): runs the
// chosen suites, prints one JSON result a line with --json or a table without, and
// with --compare fails when a kernel lost ground against its reference implementation.
import { parseArgs } from 'node:util';
import { OffloadError, isOffloadError, show } from '../errors.js';
import { addRatios, compareToBaseline, describeComparison, readBaseline } from './compare.js';
import { SUITES, findSuite } from './suites/index.js';
import type { BenchOptions, BenchResult, Suite } from './types.js';

export interface BenchArgs {
  suites: Suite[];
  help: boolean;
  json: boolean;
  options: BenchOptions;
  compare?: string;
  tolerancePct: number;
}

export const USAGE = `usage: bench [--suite <name>]... [--json] [--quick] [--set key=value]...
             [--compare <baseline.json> [--tolerance <percent>]] [-h | --help]
suites: ${SUITES.map((s) => `${s.name} (${s.description})`).join('; ')}`;

/** Parses the runner's arguments; errors name the option and show the bad value. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      suite: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      set: { type: 'string', multiple: true },
      compare: { type: 'string' },
      tolerance: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const names = values.suite ?? SUITES.map((s) => s.name);
  const suites = names.map((name) => {
    const suite = findSuite(name);
    if (!suite) {
      const known = SUITES.map((s) => s.name).join(', ');
      throw new OffloadError(
        'CONFIG_INVALID',
        `--suite: unknown suite ${show(name)}; known: ${known}`,
        {
          field: 'suite',
        },
      );
    }
    return suite;
  });
  const tolerancePct = Number(values.tolerance);
  if (!Number.isFinite(tolerancePct) || tolerancePct < 0) {
    throw new OffloadError(
      'CONFIG_INVALID',
      `--tolerance must be a percentage of at least 0, got ${show(values.tolerance)}`,
      { field: 'tolerance' },
    );
  }
  const settings: Record<string, string> = {};
  for (const pair of values.set ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new OffloadError('CONFIG_INVALID', `--set must be key=value, got ${show(pair)}`, {
        field: 'set',
      });
    }
    settings[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return {
    suites,
    help: values.help === true,
    json: values.json === true,
    options: { quick: values.quick === true, settings },
    ...(values.compare === undefined ? {} : { compare: values.compare }),
    tolerancePct,
  };
}

function formatRate(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)}M/s`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)}k/s`;
  return `${x.toFixed(1)}/s`;
}

function tableLine(r: BenchResult): string {
  const ratios = Object.entries(r.ratios ?? {})
    .map(([impl, x]) => `${x}x ${impl}`)
    .join(', ');
  const cpu = typeof r.cpuOpsPerSec === 'number' ? `, ${formatRate(r.cpuOpsPerSec)} of CPU` : '';
  const spread = `(${formatRate(r.minOpsPerSec)} .. ${formatRate(r.maxOpsPerSec)}, ${r.runs} runs${cpu})`;
  return `${r.suite.padEnd(10)} ${r.op.padEnd(14)} ${r.impl.padEnd(16)} ${formatRate(r.opsPerSec).padStart(10)} ${spread} ${ratios}`.trimEnd();
}

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

const STDIO: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Runs the suites and returns every result, with ratios to the reference impls. */
export async function runSuites(suites: Suite[], options: BenchOptions): Promise<BenchResult[]> {
  const all: BenchResult[] = [];
  for (const suite of suites) {
    const results: BenchResult[] = [];
    for await (const r of suite.run(options)) results.push(r);
    all.push(...addRatios(results));
  }
  return all;
}

/** Runs the benchmark as the command line asks and returns the process exit code. */
export async function runBench(argv: string[], io: Output = STDIO): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  try {
    const baseline = args.compare === undefined ? undefined : await readBaseline(args.compare);
    const results = await runSuites(args.suites, args.options);
    for (const r of results) io.out(args.json ? JSON.stringify(r) : tableLine(r));
    if (!baseline) return 0;
    return reportComparison(results, baseline, args.tolerancePct, io);
  } catch (err) {
    io.err(`bench: ${(err as Error).message}`);
    return isOffloadError(err) ? err.exitCode : 1;
  }
}

function reportComparison(
  results: BenchResult[],
  baseline: BenchResult[],
  tolerancePct: number,
  io: Output,
): number {
  const { comparisons, unmatched } = compareToBaseline(results, baseline, tolerancePct);
  for (const c of comparisons) io.err(describeComparison(c));
  for (const u of unmatched) io.err(`not in baseline: ${u}`);
  const regressed = comparisons.filter((c) => c.regressed);
  if (regressed.length === 0) return 0;
  io.err(`${regressed.length} result(s) fell more than ${tolerancePct}% against the baseline`);
  return 1;
}
