// Job commands run embedded, in this process: run, resume, jobs, show, result, cancel.
import { copyFile, readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { sha256Hex } from '../../digest.js';
import { OffloadError, show } from '../../errors.js';
import type { Engine } from '../../jobs/engine.js';
import { readSpecFile, specBaseDir } from '../../jobs/spec.js';
import { JOB_STATES, type JobRecord, type JobState } from '../../jobs/types.js';
import { action, clusterOf, globals, openEngine, openStore, printJson } from '../context.js';
import { ProgressBar } from '../progress.js';

function summary(job: JobRecord): Record<string, unknown> {
  const seconds = job.startedAt && job.endedAt ? (job.endedAt - job.startedAt) / 1000 : null;
  return {
    jobId: job.id,
    state: job.state,
    records: job.records,
    batches: job.batches,
    output: job.outputPath,
    seconds,
    ...(job.error ? { error: job.error } : {}),
  };
}

/** Follows a job to its end with a progress bar, then reports it and sets the exit code. */
async function follow(engine: Engine, jobId: string, json: boolean): Promise<void> {
  const bar = new ProgressBar(!json && process.stderr.isTTY === true);
  const stop = engine.subscribe((e) => e.jobId === jobId && bar.update(e));
  const interrupt = (): void => {
    process.stderr.write(`\noffload: interrupted; continue with \`offload resume ${jobId}\`\n`);
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  try {
    const job = await engine.wait(jobId);
    bar.finish();
    if (json) printJson(summary(job));
    else if (job.state === 'succeeded') {
      const s = summary(job);
      process.stdout.write(
        `job ${job.id} succeeded: ${job.records} records in ${job.batches} batches, ` +
          `${s.seconds}s\n` +
          `output: ${job.outputPath}\n`,
      );
    } else {
      process.stdout.write(`job ${job.id} ${job.state}\n`);
    }
    if (job.state === 'failed')
      process.stderr.write(`offload: job ${job.id} failed: ${job.error}\n`);
    if (job.state !== 'succeeded') process.exitCode = job.state === 'cancelled' ? 7 : 4;
  } finally {
    stop();
    process.off('SIGINT', interrupt);
    await engine.close();
  }
}

function pad(text: unknown, width: number): string {
  const s = text === null || text === undefined ? '-' : String(text);
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

function seconds(from: number | null, to: number | null): string {
  return from && to ? `${((to - from) / 1000).toFixed(2)}s` : '-';
}

function jobState(value: string): JobState {
  if (!(JOB_STATES as readonly string[]).includes(value)) {
    throw new OffloadError(
      'SPEC_INVALID',
      `--state must be one of ${JOB_STATES.join(', ')}; got ${show(value)}`,
      { field: 'state' },
    );
  }
  return value as JobState;
}

function limitOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new OffloadError(
      'SPEC_INVALID',
      `--limit must be an integer from 1 to 100000; got ${show(value)}`,
      { field: 'limit' },
    );
  }
  return n;
}

export function register(program: Command): void {
  program
    .command('run')
    .description('run one job embedded, in this process, with no server')
    .argument('<spec>', 'job spec file (JSON or YAML)')
    .option('--json', 'print a final line of JSON instead of text')
    .addHelpText(
      'after',
      '\nRunning the same spec again resumes its unfinished job instead of starting over.\n' +
        'Example spec:\n' +
        '  { "kernel": "hmac-sha256",\n' +
        '    "input": { "path": "ids.txt", "format": "lines" },\n' +
        '    "params": { "key": { "file": "hmac.key" } },\n' +
        '    "batch": { "records": 50000 },\n' +
        '    "output": { "path": "pseudonyms.txt", "format": "hex-lines" } }',
    )
    .action(
      action(async (specFile: string, opts: { json?: boolean }, cmd: Command) => {
        const raw = await readSpecFile(specFile);
        const engine = await openEngine(globals(cmd), clusterOf(raw));
        let job: JobRecord;
        try {
          job = await engine.submit(raw, {
            owner: process.env.USER ?? 'local',
            baseDir: specBaseDir(specFile),
          });
        } catch (err) {
          await engine.close();
          throw err;
        }
        if (!opts.json) process.stderr.write(`job ${job.id}\n`);
        await follow(engine, job.id, opts.json === true);
      }),
    );

  program
    .command('resume')
    .description('continue an unfinished job without redoing its verified batches')
    .argument('<job>', 'job id')
    .option('--json', 'print a final line of JSON instead of text')
    .action(
      action(async (jobId: string, opts: { json?: boolean }, cmd: Command) => {
        const store = openStore(globals(cmd));
        const spec = store.job(jobId)?.spec;
        store.close();
        const engine = await openEngine(globals(cmd), clusterOf(spec));
        try {
          await engine.resume(jobId);
        } catch (err) {
          await engine.close();
          throw err;
        }
        await follow(engine, jobId, opts.json === true);
      }),
    );

  program
    .command('jobs')
    .description('list jobs, newest first')
    .option('--state <state>', `only jobs in this state: ${JOB_STATES.join(', ')}`)
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { state?: string; limit: string; json?: boolean }, cmd: Command) => {
        const state = opts.state === undefined ? undefined : jobState(opts.state);
        const store = openStore(globals(cmd));
        const jobs = store.jobs({
          states: state ? [state] : undefined,
          limit: limitOf(opts.limit),
        });
        store.close();
        if (opts.json) return printJson(jobs.map(summary));
        process.stdout.write(
          `${pad('JOB', 16)}${pad('STATE', 11)}${pad('KERNEL', 18)}` +
            `${pad('RECORDS', 10)}${pad('BATCHES', 9)}CREATED\n`,
        );
        for (const j of jobs) {
          process.stdout.write(
            `${pad(j.id, 16)}${pad(j.state, 11)}${pad(j.kernel, 18)}${pad(j.records, 10)}` +
              `${pad(j.batches === null ? null : `${j.batchesDone}/${j.batches}`, 9)}` +
              `${new Date(j.createdAt).toISOString()}\n`,
          );
        }
      }),
    );

  program
    .command('show')
    .description('show a job: its batches, where and how long each ran, and its events')
    .argument('<job>', 'job id')
    .option('--json', 'print JSON')
    .action(
      action(async (jobId: string, opts: { json?: boolean }, cmd: Command) => {
        const store = openStore(globals(cmd));
        const job = store.job(jobId);
        if (!job) {
          store.close();
          throw new OffloadError('JOB_NOT_FOUND', `no job ${show(jobId)}`);
        }
        const batches = store.batches(jobId);
        const attempts = store.attempts(jobId);
        const events = store.events(jobId, 0, 100_000);
        store.close();
        if (opts.json)
          return printJson({ job: { ...job, spec: job.spec }, batches, attempts, events });
        const out: string[] = [];
        out.push(`job ${job.id} (${job.name})  ${job.state}`);
        out.push(`kernel ${job.kernel} ${job.kernelSha256.slice(0, 16)}…  target ${job.target}`);
        out.push(`records ${job.records ?? '-'}  batches ${job.batchesDone}/${job.batches ?? '-'}`);
        out.push(
          `output ${job.outputPath}${job.outputSha256 ? `  sha256 ${job.outputSha256}` : ''}`,
        );
        if (job.error) out.push(`error ${job.error}`);
        out.push('');
        out.push(
          `${pad('BATCH', 7)}${pad('STATE', 10)}${pad('RECORDS', 9)}${pad('ATTEMPTS', 9)}` +
            `${pad('BACKEND', 9)}${pad('WHERE', 24)}SECONDS`,
        );
        for (const b of batches) {
          out.push(
            `${pad(b.index, 7)}${pad(b.state, 10)}${pad(b.records, 9)}${pad(b.attempts, 9)}` +
              `${pad(b.backend, 9)}${pad(b.where, 24)}` +
              `${b.seconds === null ? '-' : b.seconds.toFixed(3)}`,
          );
        }
        const notable = attempts.filter((a) => a.state !== 'succeeded');
        if (notable.length) {
          out.push('', 'attempts that did not succeed:');
          for (const a of notable) {
            out.push(
              `  batch ${a.batchIndex} attempt ${a.number} on ${a.backend}` +
                `${a.externalId ? ` (${a.externalId})` : ''}: ` +
                `${a.state}${a.error ? `, ${a.error}` : ''} ` +
                `after ${seconds(a.startedAt, a.endedAt)}`,
            );
          }
        }
        out.push('', 'events:');
        for (const e of events) {
          if (e.type === 'batch.started' || e.type === 'batch.done') continue;
          out.push(`  ${new Date(e.at).toISOString()}  ${e.type}  ${JSON.stringify(e.data)}`);
        }
        process.stdout.write(out.join('\n') + '\n');
      }),
    );

  program
    .command('result')
    .description("copy a finished job's result, checking it against its recorded SHA-256")
    .argument('<job>', 'job id')
    .requiredOption('-o, --output <file>', 'where to write the result')
    .action(
      action(async (jobId: string, opts: { output: string }, cmd: Command) => {
        const store = openStore(globals(cmd));
        const job = store.job(jobId);
        store.close();
        if (!job) throw new OffloadError('JOB_NOT_FOUND', `no job ${show(jobId)}`);
        if (job.state !== 'succeeded' || !job.outputPath || !job.outputSha256) {
          throw new OffloadError('JOB_STATE', `job ${jobId} is ${job.state}; it has no result yet`);
        }
        const bytes = await readFile(job.outputPath).catch((cause) => {
          throw new OffloadError('OUTPUT_UNVERIFIED', `the result ${job.outputPath} is gone`, {
            cause,
          });
        });
        const digest = sha256Hex(bytes);
        if (digest !== job.outputSha256) {
          throw new OffloadError(
            'OUTPUT_UNVERIFIED',
            `the result ${job.outputPath} changed since the job ended ` +
              `(SHA-256 ${digest}, recorded ${job.outputSha256})`,
          );
        }
        await copyFile(job.outputPath, opts.output);
        process.stderr.write(`wrote ${opts.output} (sha256 ${digest})\n`);
      }),
    );

  program
    .command('cancel')
    .description('cancel a job; its running batches are stopped')
    .argument('<job>', 'job id')
    .option('--json', 'print JSON')
    .action(
      action(async (jobId: string, opts: { json?: boolean }, cmd: Command) => {
        const store = openStore(globals(cmd));
        const spec = store.job(jobId)?.spec;
        store.close();
        const engine = await openEngine(globals(cmd), clusterOf(spec));
        try {
          const job = await engine.cancel(jobId);
          if (opts.json) printJson(summary(job));
          else process.stdout.write(`job ${job.id} ${job.state}\n`);
        } finally {
          await engine.close();
        }
      }),
    );
}
