// Renders the array-job batch script (slurm-templates/array-job.sh.tmpl). Values reach
// two parsers: bash, for the commands, and sbatch's own tokenizer, for the #SBATCH lines
// (bash skips those as comments, so shell quoting does nothing there). Shell words are
// single-quoted; #SBATCH values are double-quoted the way sbatch reads them; anything
// either cannot carry safely (newlines, control characters) is refused, naming the field.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OffloadError, show } from '../../errors.js';

export const TEMPLATE_FILE = 'array-job.sh.tmpl';

/** What the array script needs; the Slurm-side options mirror the REST submission. */
export interface ArrayScriptParams {
  jobName: string;
  /** Index expression, `0-999%50`. */
  array?: string;
  workDir?: string;
  stdout?: string;
  stderr?: string;
  partition?: string;
  account?: string;
  qos?: string;
  timeLimitMinutes?: number;
  cpusPerTask?: number;
  memoryPerCpuMB?: number;
  /** Environment modules to load before the runner starts (`module load <name>`). */
  modules?: string[];
  /** The node binary on the compute nodes: an absolute path, or a name found on PATH. */
  nodeBinary: string;
  /** The bundled task runner script, staged with the kernel. */
  runner: string;
  /** Arguments for the runner, before the batch index, which always comes last. */
  runnerArgs?: string[];
  /** Extra sbatch options from the cluster configuration, one per line: `--constraint=avx2`. */
  extraSbatch?: string[];
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function refuse(field: string, message: string, value: unknown): never {
  throw new OffloadError('SPEC_INVALID', `template.${field} ${message}, got ${show(value)}`, {
    field: `template.${field}`,
  });
}

/** One shell word: single quotes keep everything literal; a `'` is closed, escaped, reopened. */
export function shellQuote(field: string, value: string): string {
  if (typeof value !== 'string') refuse(field, 'must be a string', value);
  if (value.includes('\u0000')) refuse(field, 'must not hold NUL', value);
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * One #SBATCH value. sbatch splits a directive line at unquoted blanks, starts a comment
 * at an unquoted `#`, and honours backslash escapes inside quotes, but it ends a line at
 * a newline whatever the quoting; so the value goes inside double quotes with `\` and `"`
 * escaped, and line breaks and other control characters are refused.
 */
export function sbatchValue(field: string, value: string): string {
  if (typeof value !== 'string' || value === '') refuse(field, 'must be a non-empty string', value);
  if (CONTROL.test(value)) refuse(field, 'must not hold newlines or control characters', value);
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

function positive(field: string, value: number): string {
  if (!Number.isSafeInteger(value) || value < 1) refuse(field, 'must be a positive integer', value);
  return String(value);
}

function sbatchLines(p: ArrayScriptParams): string[] {
  const text: Array<[string, string, string | undefined]> = [
    ['job-name', 'jobName', p.jobName],
    ['array', 'array', p.array],
    ['chdir', 'workDir', p.workDir],
    ['output', 'stdout', p.stdout],
    ['error', 'stderr', p.stderr],
    ['partition', 'partition', p.partition],
    ['account', 'account', p.account],
    ['qos', 'qos', p.qos],
  ];
  const lines = text
    .filter(([, , value]) => value !== undefined)
    .map(([option, field, value]) => `#SBATCH --${option}=${sbatchValue(field, value as string)}`);
  const numbers: Array<[string, string, number | undefined, string]> = [
    ['time', 'timeLimitMinutes', p.timeLimitMinutes, ''],
    ['cpus-per-task', 'cpusPerTask', p.cpusPerTask, ''],
    ['mem-per-cpu', 'memoryPerCpuMB', p.memoryPerCpuMB, 'M'],
  ];
  for (const [option, field, value, unit] of numbers) {
    if (value !== undefined) lines.push(`#SBATCH --${option}=${positive(field, value)}${unit}`);
  }
  // Offload numbers its own attempts; a requeue by Slurm would rerun a batch behind it.
  lines.push('#SBATCH --no-requeue');
  return [...lines, ...extraLines(p.extraSbatch ?? [])];
}

/** Admin-written options pass as written, once checked to be one line of options. */
function extraLines(extra: string[]): string[] {
  return extra.map((option, i) => {
    const field = `extraSbatch[${i}]`;
    if (typeof option !== 'string' || !option.startsWith('-')) {
      refuse(field, 'must be an sbatch option starting with -', option);
    }
    if (CONTROL.test(option)) refuse(field, 'must not hold newlines or control characters', option);
    return `#SBATCH ${option}`;
  });
}

function moduleLines(modules: string[]): string {
  if (modules.length === 0) return '';
  const loads = modules.map((m, i) => {
    if (typeof m !== 'string' || m === '' || CONTROL.test(m)) {
      refuse(`modules[${i}]`, 'must be a module name on one line', m);
    }
    return `module load ${shellQuote(`modules[${i}]`, m)}`;
  });
  // Batch shells are not login shells, so `module` may need the profile that defines it.
  const setup = [
    'if ! type module >/dev/null 2>&1; then',
    '  set +u; source /etc/profile; set -u',
    'fi',
  ];
  return [...setup, ...loads].join('\n');
}

function commandWords(p: ArrayScriptParams): string {
  if (typeof p.nodeBinary !== 'string' || p.nodeBinary === '') {
    refuse('nodeBinary', 'must be a non-empty string', p.nodeBinary);
  }
  if (typeof p.runner !== 'string' || p.runner === '') {
    refuse('runner', 'must be a non-empty string', p.runner);
  }
  const args = (p.runnerArgs ?? []).map((a, i) => shellQuote(`runnerArgs[${i}]`, a));
  return [shellQuote('nodeBinary', p.nodeBinary), shellQuote('runner', p.runner), ...args].join(
    ' ',
  );
}

/** Fills the template; every placeholder must be known and every one is filled. */
export function renderArrayScript(template: string, params: ArrayScriptParams): string {
  const values: Record<string, string> = {
    sbatch: sbatchLines(params).join('\n'),
    modules: moduleLines(params.modules ?? []),
    command: commandWords(params),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new Error(`array template has an unknown placeholder {{${name}}}`);
    return value;
  });
}

/** The template shipped in slurm-templates/, found from this module's location. */
export function defaultTemplatePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const candidate = join(dir, 'slurm-templates', TEMPLATE_FILE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new OffloadError('CONFIG_INVALID', `cannot find slurm-templates/${TEMPLATE_FILE}`, {
    field: 'slurm.template',
  });
}

export async function readArrayTemplate(path = defaultTemplatePath()): Promise<string> {
  return readFile(path, 'utf8');
}
