// `offload decrypt`: opens a result of Paillier ciphertexts with the private key, on
// the data owner's machine, in this process (the decrypt kernel is never a job).
import type { Command } from 'commander';
import { OffloadError, show } from '../../errors.js';
import { decryptResultFile } from '../../crypto/paillier/decrypt.js';
import { checkScale } from '../../crypto/paillier/encoding.js';
import { action, printJson } from '../context.js';

function parseScale(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n)) {
    throw new OffloadError('PARAM_INVALID', `--scale must be an integer, got ${show(value)}`, {
      field: 'scale',
    });
  }
  return checkScale(n, '--scale');
}

interface DecryptOptions {
  key?: string;
  scale: string;
  json?: boolean;
}

/**
 * The --key value. The program also has a global --key (a TLS client key for remote
 * commands) which commander may claim first, so both places are read.
 */
function keyFile(opts: DecryptOptions, cmd: Command): string {
  const key = opts.key ?? (cmd.optsWithGlobals() as { key?: string }).key;
  if (!key) {
    throw new OffloadError('PARAM_INVALID', '--key <name>.key.json is required', {
      field: 'key',
    });
  }
  return key;
}

export function register(program: Command): void {
  program
    .command('decrypt')
    .description('decrypt a result file of Paillier ciphertexts (hex lines) with a private key')
    .option('--key <file>', 'the private key file, <name>.key.json (required)')
    .argument('<result>', 'result file: one hexadecimal ciphertext a line')
    .option('--scale <n>', 'fixed-point decimals the plaintexts were encoded with', '0')
    .option('--json', 'print a JSON array of decimal strings')
    .action(
      action(async (result: string, opts: DecryptOptions, cmd: Command) => {
        const values = await decryptResultFile(keyFile(opts, cmd), result, parseScale(opts.scale));
        if (opts.json) return printJson(values);
        process.stdout.write(values.map((v) => v + '\n').join(''));
      }),
    );
}
