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

export function register(program: Command): void {
  program
    .command('decrypt')
    .description('decrypt a result file of Paillier ciphertexts (hex lines) with a private key')
    .requiredOption('--key <file>', 'the private key file, <name>.key.json')
    .argument('<result>', 'result file: one hexadecimal ciphertext a line')
    .option('--scale <n>', 'fixed-point decimals the plaintexts were encoded with', '0')
    .option('--json', 'print a JSON array of decimal strings')
    .action(
      action(async (result: string, opts: { key: string; scale: string; json?: boolean }) => {
        const values = await decryptResultFile(opts.key, result, parseScale(opts.scale));
        if (opts.json) return printJson(values);
        process.stdout.write(values.map((v) => v + '\n').join(''));
      }),
    );
}
