// `offload config show` prints the configuration in effect and where it came from;
// `offload config check` tries each cluster's staging end to end.
import type { Command } from 'commander';
import { stringify } from 'yaml';
import type { StagingCheck } from '../../backends/slurm/staging-check.js';
import { loadConfig, pickCluster } from '../../config/index.js';
import type { OffloadConfig } from '../../config/index.js';
import { OffloadError } from '../../errors.js';
import { action, globals, printJson } from '../context.js';

async function load(cmd: Command): Promise<OffloadConfig> {
  const opts = globals(cmd);
  return loadConfig({ file: opts.config, home: opts.home });
}

function printCheck(check: StagingCheck): void {
  const verdict = check.ok ? 'ok' : `FAILED (${check.error?.reason})`;
  process.stdout.write(
    `${check.cluster.padEnd(12)} staging ${check.mode.padEnd(6)} ${check.target}  ` +
      `${verdict}  ${check.seconds.toFixed(2)} s\n`,
  );
  if (check.error !== undefined) process.stdout.write(`${''.padEnd(12)} ${check.error.message}\n`);
}

export function register(program: Command): Command {
  const config = program.command('config').description('show and check the configuration');

  config
    .command('show')
    .description('print the configuration in effect, defaults filled in')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const loaded = await load(cmd);
        if (opts.json) return printJson(loaded);
        const { source, ...rest } = loaded;
        process.stdout.write(`# from ${source ?? 'defaults (no configuration file found)'}\n`);
        process.stdout.write(stringify(rest));
      }),
    );

  config
    .command('check')
    .description("send a probe file through each cluster's staging and back")
    .option('--cluster <name>', 'check only this cluster')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { cluster?: string; json?: boolean }, cmd: Command) => {
        const loaded = await load(cmd);
        const clusters =
          opts.cluster === undefined ? loaded.clusters : [pickCluster(loaded, opts.cluster)];
        // With no cluster at all, pickCluster rejects naming the file that has none.
        if (clusters.length === 0) pickCluster(loaded);
        const checks: StagingCheck[] = [];
        const { checkStaging } = await import('../../backends/slurm/staging-check.js');
        for (const cluster of clusters) checks.push(await checkStaging(cluster));
        if (opts.json) printJson(checks);
        else checks.forEach(printCheck);
        const failed = checks.filter((c) => !c.ok).map((c) => c.cluster);
        if (failed.length > 0) {
          throw new OffloadError('BACKEND_UNAVAILABLE', `staging failed for ${failed.join(', ')}`);
        }
      }),
    );
  return config;
}
