// Key commands for the data owner: make a Paillier key pair, show a key file's public
// parameters. Private keys stay on this machine; only .pub.json files go into jobs.
import type { Command } from 'commander';
import { OffloadError, show } from '../../errors.js';
import { generateKey, loadPublicKey, publicJson, saveKey } from '../../crypto/paillier/keys.js';
import { action, printJson } from '../context.js';

function parseBits(value: string): number {
  const bits = Number(value);
  if (!Number.isInteger(bits)) {
    throw new OffloadError('KEY_INVALID', `--bits must be 2048 or 3072, got ${show(value)}`, {
      field: 'bits',
    });
  }
  return bits;
}

export function register(program: Command): void {
  const keys = program.command('keys').description('make and inspect encryption keys');
  const paillier = keys.command('paillier').description('Paillier keys (additively homomorphic)');

  paillier
    .command('new')
    .description('generate a key pair: <out>.pub.json (public) and <out>.key.json (private, 0600)')
    .requiredOption('--out <name>', 'path prefix of the two key files')
    .option('--bits <bits>', 'modulus size: 2048 or 3072', '2048')
    .option('--json', 'print the written paths as JSON')
    .action(
      action(async (opts: { out: string; bits: string; json?: boolean }) => {
        const key = await generateKey(parseBits(opts.bits));
        const files = await saveKey(key, opts.out);
        if (opts.json) return printJson({ bits: key.bits, ...files });
        process.stdout.write(
          `public key  ${files.pub}\nprivate key ${files.priv} (keep it here; only the public ` +
            'key goes into jobs)\n',
        );
      }),
    );

  keys
    .command('show')
    .description("print a key file's public parameters (never the private ones)")
    .argument('<file>', 'a .pub.json or .key.json file')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, opts: { json?: boolean }) => {
        const key = await loadPublicKey(file);
        const info = publicJson(key);
        if (opts.json) return printJson(info);
        process.stdout.write(
          `format ${String(info.format)}\nbits   ${key.bits}\nn      ${String(info.n)}\n` +
            `hs     ${String(info.hs)}\n`,
        );
      }),
    );
}
