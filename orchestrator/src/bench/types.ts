// The shape every benchmark suite and result shares. `npm run bench -- --json` prints
// one BenchResult a line, so results of peers measured in the same run can be compared
// as ratios on a noisy, shared machine.

export interface BenchResult {
  suite: string;
  /** What was measured: `hmac-18B`, `encrypt-2048`, `pipeline-1e6`. */
  op: string;
  /** Who did it: `offload-wasm`, `node:crypto`, `@noble/hashes`, `paillier-bigint`. */
  impl: string;
  /** Median rate over the runs. */
  opsPerSec: number;
  runs: number;
  /** Slowest and fastest run's rate: the machine's variance. */
  minOpsPerSec: number;
  maxOpsPerSec: number;
  /** The impl this one is judged against by `--compare` (same suite and op). */
  reference?: string;
  /** opsPerSec over the reference's in the same run; added by the runner. */
  ratio?: number;
  /** opsPerSec over each peer's (same suite and op) in the same run; added by the runner. */
  ratios?: Record<string, number>;
  [extra: string]: unknown;
}

export interface BenchOptions {
  /** Fewer, shorter runs (CI smoke runs). */
  quick: boolean;
  /** Extra options a suite documents, from `--set key=value`. */
  settings: Record<string, string>;
}

export interface Suite {
  name: string;
  description: string;
  run(options: BenchOptions): AsyncIterable<BenchResult>;
}
