// Slurm's spellings of durations and sizes, turned into the units slurmrestd takes:
// minutes for time limits, megabytes for memory.

/**
 * Parses a time limit as sbatch(1) `--time` accepts it: `M`, `M:S`, `H:M:S`, `D-H`,
 * `D-H:M`, `D-H:M:S`. Returns whole minutes, rounding seconds up so a limit never
 * shrinks; undefined when the text is none of those forms.
 */
export function parseTimeLimit(text: string): number | undefined {
  const match = /^(?:(\d+)-)?(\d+)(?::(\d+))?(?::(\d+))?$/.exec(text.trim());
  if (match === null) return undefined;
  const [, days, first, second, third] = match;
  const n = (s: string | undefined): number => (s === undefined ? 0 : Number(s));
  let seconds: number;
  if (days !== undefined) {
    // With days, the fields after the dash are hours, minutes, seconds.
    seconds = n(days) * 86_400 + n(first) * 3600 + n(second) * 60 + n(third);
  } else if (third !== undefined) {
    seconds = n(first) * 3600 + n(second) * 60 + n(third);
  } else {
    seconds = n(first) * 60 + n(second);
  }
  return Math.ceil(seconds / 60);
}

const MEMORY_UNITS: Record<string, number> = { K: 1 / 1024, M: 1, G: 1024, T: 1024 * 1024 };

/** Parses `4000`, `500M`, `2G` (sbatch's `--mem` units, megabytes by default) into MB. */
export function parseMemory(text: string): number | undefined {
  const match = /^(\d+)([KMGT])?$/i.exec(text.trim());
  if (match === null) return undefined;
  const unit = MEMORY_UNITS[(match[2] ?? 'M').toUpperCase()];
  return unit === undefined ? undefined : Math.ceil(Number(match[1]) * unit);
}
