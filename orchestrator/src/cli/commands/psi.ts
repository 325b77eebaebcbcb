// `offload psi`: the two-party ECDH-PSI flow over files (orchestrator/src/psi/flow.ts).
//
//   offload psi init      --job DIR --dst TAG          my scalar and the run's DST
//   offload psi blind     --job DIR --ids FILE --out FILE
//   offload psi reblind   --job DIR --in FILE --out FILE
//   offload psi intersect --job DIR --ids FILE --mine FILE --peer FILE --out FILE
//
// Blind and reblind run as jobs of the embedded engine on local workers (global
// --workers, --home); intersect runs in this process with bounded memory.
import { Command, InvalidArgumentError, Option } from 'commander';
import { blindSet, initJob, intersect, reblindSet } from '../../psi/index.js';
import { globals, openEngine } from '../context.js';
import type { Engine } from '../../jobs/engine.js';

interface Common {
  job: string;
  json?: boolean;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError(`must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return n;
}

function report(json: boolean | undefined, data: Record<string, unknown>, text: string): void {
  process.stdout.write(json ? JSON.stringify(data) + '\n' : text + '\n');
}

function withCommon(cmd: Command): Command {
  return cmd
    .requiredOption('--job <dir>', 'this party’s PSI job folder (holds the scalar)')
    .option('--json', 'print the result as one JSON object');
}

/** Runs a kernel step as a job of the embedded engine, closing it afterwards. */
async function withEngine<T>(cmd: Command, run: (engine: Engine) => Promise<T>): Promise<T> {
  // The PSI steps run as local jobs.
  const engine = await openEngine(globals(cmd), { use: false });
  try {
    return await run(engine);
  } finally {
    await engine.close();
  }
}

export function register(program: Command): void {
  const psi = program
    .command('psi')
    .description('private set intersection (ECDH on ristretto255) between two parties');

  withCommon(psi.command('init'))
    .description('create my blinding scalar and record the run’s domain separation tag')
    .requiredOption('--dst <tag>', 'domain separation tag both parties use for this run')
    .action(async (o: Common & { dst: string }) => {
      const { scalarPath } = await initJob(o.job, o.dst);
      report(
        o.json,
        { job: o.job, scalarFile: scalarPath, mode: '0600' },
        `scalar kept in ${scalarPath} (mode 0600); it is never printed or logged`,
      );
    });

  withCommon(psi.command('blind'))
    .description('blind my identifiers (one a line) as H(x)·a, one hex point a line')
    .requiredOption('--ids <file>', 'my identifiers, UTF-8, one a line')
    .requiredOption('--out <file>', 'where to write my blinded set (send it to the peer)')
    .action(async (o: Common & { ids: string; out: string }, cmd: Command) => {
      const n = await withEngine(cmd, (engine) => blindSet(o.job, o.ids, o.out, { engine }));
      report(o.json, { records: n, output: o.out }, `blinded ${n} identifiers into ${o.out}`);
    });

  withCommon(psi.command('reblind'))
    .description('re-blind the peer’s blinded set as P·a, keeping its order')
    .requiredOption('--in <file>', 'the peer’s blinded set, one hex point a line')
    .requiredOption('--out <file>', 'where to write it re-blinded (send it back)')
    .action(async (o: Common & { in: string; out: string }, cmd: Command) => {
      const n = await withEngine(cmd, (engine) => reblindSet(o.job, o.in, o.out, { engine }));
      report(o.json, { records: n, output: o.out }, `re-blinded ${n} points into ${o.out}`);
    });

  withCommon(psi.command('intersect'))
    .description('write my identifiers that are in both sets, in my order')
    .requiredOption('--ids <file>', 'my identifiers, as given to blind')
    .requiredOption('--mine <file>', 'my blinded set as re-blinded by the peer')
    .requiredOption('--peer <file>', 'the peer’s blinded set as re-blinded by me')
    .requiredOption('--out <file>', 'where to write the common identifiers')
    .addOption(
      new Option('--run-records <n>', 'records per in-memory sort run').argParser(positiveInt),
    )
    .action(
      async (
        o: Common & { ids: string; mine: string; peer: string; out: string; runRecords?: number },
      ) => {
        const r = await intersect(
          o.job,
          { ids: o.ids, mineDouble: o.mine, peerDouble: o.peer, output: o.out },
          o.runRecords === undefined ? {} : { runRecords: o.runRecords },
        );
        report(
          o.json,
          { ...r, output: o.out },
          `${r.matches} of my ${r.mine} identifiers are in the peer's set of ${r.peer}; ` +
            `written to ${o.out}`,
        );
      },
    );
}
