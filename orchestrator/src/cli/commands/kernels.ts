// Kernel commands: build the WebAssembly modules, list the catalogue.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { OffloadError } from '../../errors.js';
import { runBench, USAGE as BENCH_USAGE } from '../../bench/run.js';
import { Catalog } from '../../kernels/catalog.js';
import { runVectors } from '../../kernels/vectors.js';
import { action, printJson } from '../context.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');

function runNode(script: string, args: string[]): Promise<number> {
  return new Promise((resolveCode, reject) => {
    const child = spawn(process.execPath, [resolve(root, script), ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolveCode(code ?? 1));
  });
}

export function register(program: Command): Command {
  const kernels = program.command('kernels').description('build, list, test and benchmark kernels');

  kernels
    .command('build')
    .description('compile every kernel (or the named ones) and write the manifest')
    .argument('[names...]', 'kernels to rebuild')
    .action(
      action(async (names: string[]) => {
        const code = await runNode('scripts/build-kernels.mjs', names);
        if (code !== 0) throw new OffloadError('KERNEL_INVALID', 'the kernel build failed');
      }),
    );

  kernels
    .command('list')
    .description('list kernels with their kind, codecs, parameters and SHA-256')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        const list = Catalog.load().list();
        if (opts.json) return printJson(list);
        for (const k of list) {
          const params = k.params
            .map((p) => `${p.name}:${p.type}${p.secret ? ' (secret)' : ''}`)
            .join(', ');
          process.stdout.write(
            `${k.name.padEnd(20)} ${k.version.padEnd(7)} ${k.kind.padEnd(7)} ` +
              `${k.codecs.input} -> ${k.codecs.output}  ${k.sha256}\n` +
              `${''.padEnd(20)} ${k.description}${params ? `  params: ${params}` : ''}\n`,
          );
        }
      }),
    );
  kernels
    .command('test')
    .description("run every kernel's known-answer vectors (wasm-kernels/vectors)")
    .argument('[names...]', 'only these kernels')
    .option('--json', 'print every result as JSON')
    .action(
      action(async (names: string[], opts: { json?: boolean }) => {
        const report = await runVectors(Catalog.load(), names.length ? names : undefined);
        if (opts.json) printJson(report.results);
        else {
          for (const r of report.results) {
            process.stdout.write(
              `${r.ok ? 'ok  ' : 'FAIL'} ${r.kernel}: ${r.name}` +
                `${r.message ? ` (${r.message})` : ''}\n`,
            );
          }
        }
        process.stdout.write(`${report.passed} passed, ${report.failed} failed\n`);
        if (report.failed > 0) process.exitCode = 1;
      }),
    );

  kernels
    .command('bench')
    .description('benchmark kernels against peer implementations in the same run')
    .argument('[options...]', 'benchmark options, see below')
    .allowUnknownOption()
    .helpOption('-h, --help-kernels-bench', 'show this help')
    .addHelpText('after', `\n${BENCH_USAGE}`)
    .action(
      action(async (args: string[]) => {
        process.exitCode = await runBench(args);
      }),
    );
  return kernels;
}
