// The commands that talk to an `offload serve` daemon over gRPC:
//   offload --server host:port --token-file f submit|upload|watch|jobs|show|result|cancel|queue
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { ask, downloadResult, uploadFile, watchJob, type OffloadClient } from '../../api/client.js';
import type { JobEvent__Output } from '../../api/generated/offload/v1/JobEvent.js';
import type { JobState } from '../../api/generated/offload/v1/JobState.js';
import { OffloadError } from '../../errors.js';
import { addGlobalOptions, withClient, type RemoteOptions } from '../remote/connection.js';
import { jobDetails, jobsTable, queueTable } from '../remote/format.js';
import { ProgressBar, progressLine, stateName } from '../remote/progress.js';

const JOB_STATES = [
  'pending',
  'splitting',
  'running',
  'assembling',
  'succeeded',
  'failed',
  'cancelled',
];

function print(opts: RemoteOptions, json: unknown, text: () => string): void {
  process.stdout.write(opts.json ? `${JSON.stringify(json, null, 2)}\n` : `${text()}\n`);
}

async function readSpec(path: string): Promise<unknown> {
  let text: string;
  try {
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (cause) {
    throw new OffloadError('INPUT_NOT_FOUND', `spec: cannot read ${path}`, {
      field: 'spec',
      cause,
    });
  }
  try {
    // YAML 1.2 is a superset of JSON, so one parser reads both.
    return parseYaml(text) as unknown;
  } catch (cause) {
    throw new OffloadError('SPEC_INVALID', `spec: ${path} is not YAML or JSON`, {
      field: 'spec',
      cause,
    });
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function wireStates(list: string | undefined): JobState[] {
  if (!list) return [];
  return list.split(',').map((state) => {
    const plain = state.trim().toLowerCase();
    if (!JOB_STATES.includes(plain)) {
      throw new OffloadError(
        'SPEC_INVALID',
        `--state must be among ${JOB_STATES.join(', ')}, got ${JSON.stringify(state)}`,
        { field: '--state' },
      );
    }
    return `JOB_STATE_${plain.toUpperCase()}` as JobState;
  });
}

/** Follows a job to its end; exits non-zero when it did not succeed. */
async function follow(
  client: OffloadClient,
  jobId: string,
  opts: RemoteOptions & { after?: string },
) {
  const bar = !opts.json && process.stderr.isTTY ? new ProgressBar(process.stderr) : undefined;
  let last: JobEvent__Output | undefined;
  await watchJob(
    client,
    jobId,
    (event) => {
      last = event;
      if (opts.json) process.stdout.write(`${JSON.stringify(event)}\n`);
      else if (bar) {
        if (event.type.includes('fallback') || event.type.includes('fail')) {
          bar.note(`${event.type} ${event.dataJson}`);
        }
        bar.update(event);
      } else process.stdout.write(`${event.id} ${event.type} ${progressLine(event)}\n`);
    },
    { afterEventId: opts.after ? Number(opts.after) : 0 },
  );
  bar?.done();
  const state = last ? stateName(last.state) : 'unknown';
  if (!opts.json) process.stderr.write(`job ${jobId} ${state}\n`);
  if (state === 'failed') process.exitCode = 5;
  if (state === 'cancelled') process.exitCode = 7;
}

export function register(program: Command): void {
  addGlobalOptions(program);

  program
    .command('submit')
    .description('submit a job spec (YAML or JSON; - reads stdin) to the daemon')
    .argument('<spec>', 'job spec file')
    .option('--watch', 'follow the job until it ends')
    .option('--json', 'print the job as JSON')
    .action(async (specPath: string, _o: unknown, command: Command) =>
      withClient(command, async (client, opts) => {
        const spec = await readSpec(specPath);
        const { job } = await ask(client.jobs, 'Submit', {
          specJson: JSON.stringify(spec),
        });
        print(opts, job, () => job!.id);
        if (command.opts().watch) await follow(client, job!.id, opts);
      }),
    );

  program
    .command('upload')
    .description('upload a dataset; prints the server path to use as a job input')
    .argument('<file>', 'local dataset file')
    .option('--name <name>', 'file name on the server (default: the local name)')
    .option('--json', 'print the answer as JSON')
    .action(async (file: string, o: { name?: string }, command: Command) =>
      withClient(command, async (client, opts) => {
        const uploaded = await uploadFile(client, file, o.name);
        print(opts, uploaded, () => `${uploaded.datasetId} ${uploaded.path}`);
      }),
    );

  program
    .command('watch')
    .description("follow a job's events until it ends (a progress bar on a terminal)")
    .argument('<job>', 'job id')
    .option('--after <event-id>', 'start after this event id')
    .option('--json', 'print each event as a JSON line')
    .action(async (jobId: string, _o: unknown, command: Command) =>
      withClient(command, (client, opts) => follow(client, jobId, opts)),
    );

  program
    .command('jobs')
    .description('list jobs, newest first')
    .option('--state <states>', 'only these states, comma-separated')
    .option('--kernel <name>', 'only jobs of this kernel')
    .option('--owner <user>', "another user's jobs (admins)")
    .option('--limit <n>', 'page size', '50')
    .option('--page-token <token>', 'continue from a previous page')
    .option('--json', 'print the page as JSON')
    .action(async (o: Record<string, string>, command: Command) =>
      withClient(command, async (client, opts) => {
        const page = await ask(client.jobs, 'ListJobs', {
          states: wireStates(o.state),
          kernel: o.kernel ?? '',
          owner: o.owner ?? '',
          pageSize: Number(o.limit),
          pageToken: o.pageToken ?? '',
        });
        print(opts, page, () => {
          const more = page.nextPageToken ? `\nmore: --page-token ${page.nextPageToken}` : '';
          return jobsTable(page.jobs) + more;
        });
      }),
    );

  program
    .command('show')
    .description('one job with its batches')
    .argument('<job>', 'job id')
    .option('--json', 'print the job as JSON')
    .action(async (jobId: string, _o: unknown, command: Command) =>
      withClient(command, async (client, opts) => {
        const answer = await ask(client.jobs, 'GetJob', { jobId });
        print(opts, answer, () => jobDetails(answer.job!, answer.batches));
      }),
    );

  program
    .command('result')
    .description("download a job's result, checking its SHA-256")
    .argument('<job>', 'job id')
    .requiredOption('-o, --output <file>', 'where to write the result')
    .option('--json', 'print size and digest as JSON')
    .action(async (jobId: string, o: { output: string }, command: Command) =>
      withClient(command, async (client, opts) => {
        const header = await downloadResult(client, jobId, o.output);
        print(opts, header, () => `${o.output} ${header.size} bytes sha256 ${header.sha256}`);
      }),
    );

  program
    .command('cancel')
    .description('cancel a job')
    .argument('<job>', 'job id')
    .option('--json', 'print the job as JSON')
    .action(async (jobId: string, _o: unknown, command: Command) =>
      withClient(command, async (client, opts) => {
        const { job } = await ask(client.jobs, 'CancelJob', { jobId });
        print(opts, job, () => `${job!.id} ${stateName(job!.state)}`);
      }),
    );

  registerQueue(program);
}

function registerQueue(program: Command): void {
  const queue = program
    .command('queue')
    .description('the active queue (admin, ci); pause, resume or drain with subcommands')
    .option('--limit <n>', 'jobs to show', '200')
    .option('--json', 'print the view as JSON')
    .action(async (o: { limit: string }, command: Command) =>
      withClient(command, async (client, opts) => {
        const view = await ask(client.admin, 'QueueView', { limit: Number(o.limit) });
        print(opts, view, () => queueTable(view));
      }),
    );

  queue
    .command('pause')
    .description('refuse new jobs until resumed (admin)')
    .argument('[reason...]', 'why, shown to users whose submissions are refused')
    .action(async (reason: string[], _o: unknown, command: Command) =>
      withClient(command, async (client, opts) => {
        const intake = await ask(client.admin, 'PauseIntake', {
          reason: reason.join(' '),
        });
        print(opts, intake, () => `intake paused by ${intake.pausedBy}`);
      }),
    );

  queue
    .command('resume')
    .description('take new jobs again (admin)')
    .action(async (_o: unknown, command: Command) =>
      withClient(command, async (client, opts) => {
        const intake = await ask(client.admin, 'ResumeIntake', {});
        print(opts, intake, () => 'intake open');
      }),
    );

  queue
    .command('drain')
    .description('refuse new jobs for a cluster and list the jobs still on it (admin)')
    .argument('<cluster>', 'cluster name as job specs give it')
    .option('--undo', 'let the cluster take new jobs again')
    .action(async (cluster: string, o: { undo?: boolean }, command: Command) =>
      withClient(command, async (client, opts) => {
        const answer = await ask(client.admin, 'DrainCluster', {
          cluster,
          drain: !o.undo,
        });
        print(opts, answer, () =>
          o.undo
            ? `${cluster} takes new jobs`
            : `${cluster} draining; ${answer.activeJobs.length} jobs still active\n` +
              (answer.activeJobs.length ? jobsTable(answer.activeJobs) : ''),
        );
      }),
    );
}
