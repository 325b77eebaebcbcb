// The commands that talk to an `offload serve` daemon over gRPC:
//   offload --server host:port --token-file f submit|upload|watch|jobs|show|result|cancel|queue
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import type { OffloadClient } from '../../api/client.js';
import type { JobEvent__Output } from '../../api/generated/offload/v1/JobEvent.js';
import type { JobState } from '../../api/generated/offload/v1/JobState.js';
import { OffloadError } from '../../errors.js';
import { action } from '../context.js';
import { addGlobalOptions, withClient, type RemoteOptions } from '../remote/connection.js';
import { JOB_STATES } from '../../jobs/types.js';
import { jobDetails, jobsTable, queueTable } from '../remote/format.js';
import { ProgressBar, progressLine, stateName } from '../remote/progress.js';

/** The gRPC client module, loaded by the commands that use it and not at start-up. */
const api = () => import('../../api/client.js');

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
    if (!(JOB_STATES as readonly string[]).includes(plain)) {
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
  await (
    await api()
  ).watchJob(
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
  if (state === 'failed') process.exitCode = 4;
  if (state === 'cancelled') process.exitCode = 7;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commander passes varied arguments
type Handler = (...args: any[]) => Promise<void>;

interface RemoteCommand {
  name: string;
  description: string;
  args?: [string, string][];
  options: Option[];
  run: Handler;
}

const JSON_OPTION = (what: string): Option => new Option('--json', `print ${what} as JSON`);

/**
 * Adds a remote command. When an embedded command of the same name exists (`jobs`,
 * `show`, `result`, `cancel` read the local store), it stays, gains the remote
 * options it lacks, and gives way to the remote action when a server is named.
 */
function define(program: Command, takeovers: Map<string, Handler>, def: RemoteCommand): void {
  const existing = program.commands.find((c) => c.name() === def.name);
  if (existing) {
    for (const option of def.options) {
      if (!existing.options.some((o) => o.long === option.long)) existing.addOption(option);
    }
    takeovers.set(def.name, def.run);
    return;
  }
  const cmd = program.command(def.name).description(def.description);
  for (const [name, description] of def.args ?? []) cmd.argument(name, description);
  for (const option of def.options) cmd.addOption(option);
  cmd.action(action(def.run));
}

export function register(program: Command): void {
  addGlobalOptions(program);
  const takeovers = new Map<string, Handler>();
  for (const def of remoteCommands()) define(program, takeovers, def);
  program.hook('preSubcommand', (thisCommand, sub) => {
    const run = takeovers.get(sub.name());
    if (run && thisCommand.opts<RemoteOptions>().server) sub.action(action(run));
  });
  registerQueue(program, takeovers);
}

function remoteCommands(): RemoteCommand[] {
  return [
    {
      name: 'submit',
      description: 'submit a job spec (YAML or JSON; - reads stdin) to the daemon',
      args: [['<spec>', 'job spec file; paths are inside your folder on the server']],
      options: [new Option('--watch', 'follow the job until it ends'), JSON_OPTION('the job')],
      run: (specPath: string, o: { watch?: boolean }, command: Command) =>
        withClient(command, async (client, opts) => {
          const spec = await readSpec(specPath);
          const { job } = await (
            await api()
          ).ask(client.jobs, 'Submit', { specJson: JSON.stringify(spec) });
          print(opts, job, () => job!.id);
          if (o.watch) await follow(client, job!.id, opts);
        }),
    },
    {
      name: 'upload',
      description: 'upload a dataset or key file; prints the server path to use in a spec',
      args: [['<file>', 'local file']],
      options: [
        new Option('--name <name>', 'file name on the server (default: the local name)'),
        JSON_OPTION('the answer'),
      ],
      run: (file: string, o: { name?: string }, command: Command) =>
        withClient(command, async (client, opts) => {
          const uploaded = await (await api()).uploadFile(client, file, o.name);
          print(opts, uploaded, () => `${uploaded.datasetId} ${uploaded.path}`);
        }),
    },
    {
      name: 'watch',
      description: "follow a job's events on the daemon until it ends",
      args: [['<job>', 'job id']],
      options: [
        new Option('--after <event-id>', 'start after this event id'),
        new Option('--json', 'print each event as a JSON line'),
      ],
      run: (jobId: string, o: { after?: string }, command: Command) =>
        withClient(command, (client, opts) => follow(client, jobId, { ...opts, ...o })),
    },
    {
      name: 'jobs',
      description: 'list jobs, newest first',
      options: [
        new Option('--state <states>', 'only these states, comma-separated'),
        new Option('--kernel <name>', 'only jobs of this kernel (with --server)'),
        new Option('--owner <user>', "another user's jobs (with --server, admins)"),
        new Option('--limit <n>', 'how many').default('50'),
        new Option('--page-token <token>', 'continue from a previous page (with --server)'),
        JSON_OPTION('the list'),
      ],
      run: (o: Record<string, string>, command: Command) =>
        withClient(command, async (client, opts) => {
          const page = await (
            await api()
          ).ask(client.jobs, 'ListJobs', {
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
    },
    {
      name: 'show',
      description: 'one job with its batches',
      args: [['<job>', 'job id']],
      options: [JSON_OPTION('the job')],
      run: (jobId: string, _o: unknown, command: Command) =>
        withClient(command, async (client, opts) => {
          const answer = await (await api()).ask(client.jobs, 'GetJob', { jobId });
          print(opts, answer, () => jobDetails(answer.job!, answer.batches));
        }),
    },
    {
      name: 'result',
      description: "download a job's result, checking its SHA-256",
      args: [['<job>', 'job id']],
      options: [
        new Option('-o, --output <file>', 'where to write the result').makeOptionMandatory(),
        JSON_OPTION('size and digest'),
      ],
      run: (jobId: string, o: { output: string }, command: Command) =>
        withClient(command, async (client, opts) => {
          const header = await (await api()).downloadResult(client, jobId, o.output);
          print(opts, header, () => `${o.output} ${header.size} bytes sha256 ${header.sha256}`);
        }),
    },
    {
      name: 'cancel',
      description: 'cancel a job',
      args: [['<job>', 'job id']],
      options: [JSON_OPTION('the job')],
      run: (jobId: string, _o: unknown, command: Command) =>
        withClient(command, async (client, opts) => {
          const { job } = await (await api()).ask(client.jobs, 'CancelJob', { jobId });
          print(opts, job, () => `${job!.id} ${stateName(job!.state)}`);
        }),
    },
  ];
}

/**
 * `offload queue`: with --server, the daemon's view; without, the embedded view of this
 * machine's store and cluster (commands/queue.ts) stays and gains the remote options.
 */
function registerQueue(program: Command, takeovers: Map<string, Handler>): void {
  const remoteView = async (o: { limit: string }, command: Command) =>
    withClient(command, async (client, opts) => {
      const view = await (await api()).ask(client.admin, 'QueueView', { limit: Number(o.limit) });
      print(opts, view, () => queueTable(view));
    });
  const existing = program.commands.find((c) => c.name() === 'queue');
  const queue =
    existing ??
    program
      .command('queue')
      .description('the active queue (admin, ci); pause, resume or drain with subcommands')
      .option('--json', 'print the view as JSON')
      .action(action(remoteView));
  queue.option('--limit <n>', 'jobs to show (with --server)', '200');
  if (existing) takeovers.set('queue', remoteView as Handler);

  queue
    .command('pause')
    .description('refuse new jobs until resumed (admin)')
    .argument('[reason...]', 'why, shown to users whose submissions are refused')
    .action(
      action(async (reason: string[], _o: unknown, command: Command) =>
        withClient(command, async (client, opts) => {
          const intake = await (
            await api()
          ).ask(client.admin, 'PauseIntake', {
            reason: reason.join(' '),
          });
          print(opts, intake, () => `intake paused by ${intake.pausedBy}`);
        }),
      ),
    );

  queue
    .command('resume')
    .description('take new jobs again (admin)')
    .action(
      action(async (_o: unknown, command: Command) =>
        withClient(command, async (client, opts) => {
          const intake = await (await api()).ask(client.admin, 'ResumeIntake', {});
          print(opts, intake, () => 'intake open');
        }),
      ),
    );

  queue
    .command('drain')
    .description('refuse new jobs for a cluster and list the jobs still on it (admin)')
    .argument('<cluster>', 'cluster name as job specs give it')
    .option('--undo', 'let the cluster take new jobs again')
    .action(
      action(async (cluster: string, o: { undo?: boolean }, command: Command) =>
        withClient(command, async (client, opts) => {
          const answer = await (
            await api()
          ).ask(client.admin, 'DrainCluster', {
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
      ),
    );
}
