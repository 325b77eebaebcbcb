// The `offload` command line.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { register as registerConfig } from './commands/config.js';
import { register as registerJobs } from './commands/jobs.js';
import { register as registerKernels } from './commands/kernels.js';
import { register as registerPsi } from './commands/psi.js';
import { register as registerQueue } from './commands/queue.js';
import { register as registerRemote } from './commands/remote.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerKeys } from './commands/keys.js';
import { register as registerDecrypt } from './commands/decrypt.js';
import { reportError } from './context.js';

/** The version in the package's manifest, three folders up from orchestrator/dist/src/cli. */
function packageVersion(): string {
  const manifest = new URL('../../../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export function buildProgram(): Command {
  const program = new Command('offload')
    .description(
      'Runs privacy-computation batch jobs (keyed pseudonyms, secret shares, Paillier, PSI) ' +
        'as WebAssembly kernels on local worker threads or a Slurm cluster.',
    )
    .option('--home <dir>', 'state folder (default $OFFLOAD_HOME or ~/.offload)')
    .option(
      '--config <file>',
      'configuration file (default $OFFLOAD_CONFIG or $OFFLOAD_HOME/config.yaml)',
    )
    .option(
      '--log-level <level>',
      'fatal, error, warn, info, debug or trace',
      process.env.OFFLOAD_LOG_LEVEL ?? 'warn',
    )
    .option('--workers <n>', 'local worker threads (default: available parallelism)')
    .version(packageVersion(), '-V, --version', 'print the version of offload')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: false });
  registerJobs(program);
  registerKernels(program);
  registerConfig(program);
  registerPsi(program);
  registerQueue(program);
  registerServe(program);
  registerKeys(program);
  registerDecrypt(program);
  // After the embedded job commands: with --server, the remote ones take their place.
  registerRemote(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    reportError(err);
  }
}
