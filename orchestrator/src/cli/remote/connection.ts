// How a remote command reaches the daemon: global options (or OFFLOAD_* variables)
// name the server, the token file and the TLS material.
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { OffloadClient } from '../../api/client.js';
import { OffloadError } from '../../errors.js';

export interface RemoteOptions {
  server?: string;
  tokenFile?: string;
  ca?: string;
  cert?: string;
  key?: string;
  plaintext?: boolean;
  json?: boolean;
}

const GLOBAL_OPTIONS = [
  new Option('--server <address>', 'host:port of an offload daemon').env('OFFLOAD_SERVER'),
  new Option('--token-file <file>', 'file holding the bearer token').env('OFFLOAD_TOKEN_FILE'),
  new Option('--ca <file>', "PEM CA bundle for the daemon's certificate").env('OFFLOAD_CA'),
  new Option('--cert <file>', 'PEM client certificate, for mutual TLS'),
  new Option('--key <file>', 'PEM private key of the client certificate'),
  new Option('--plaintext', 'talk to a loopback daemon without TLS'),
];

/** Adds the connection options to the program, unless another module already did. */
export function addGlobalOptions(program: Command): void {
  for (const option of GLOBAL_OPTIONS) {
    if (!program.options.some((o) => o.long === option.long)) program.addOption(option);
  }
}

function readFile(path: string, field: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new OffloadError('INPUT_NOT_FOUND', `${field}: cannot read ${path}`, { field, cause });
  }
}

/** The first line of the token file; the file itself should be mode 0600. */
function readToken(path: string): string {
  const token = readFile(path, '--token-file').toString('utf8').split(/\r?\n/)[0]?.trim();
  if (!token) {
    throw new OffloadError('CONFIG_INVALID', `--token-file: ${path} holds no token`, {
      field: '--token-file',
    });
  }
  return token;
}

export async function openClient(opts: RemoteOptions): Promise<OffloadClient> {
  if (!opts.server) {
    throw new OffloadError('CONFIG_INVALID', '--server is required (or set OFFLOAD_SERVER)', {
      field: '--server',
    });
  }
  if (!opts.tokenFile) {
    throw new OffloadError(
      'CONFIG_INVALID',
      '--token-file is required (or set OFFLOAD_TOKEN_FILE)',
      { field: '--token-file' },
    );
  }
  // gRPC loads only for the commands that talk to a daemon.
  const { connect } = await import('../../api/client.js');
  return connect({
    address: opts.server,
    token: readToken(opts.tokenFile),
    tls: opts.plaintext
      ? undefined
      : {
          ca: opts.ca ? readFile(opts.ca, '--ca') : undefined,
          cert: opts.cert ? readFile(opts.cert, '--cert') : undefined,
          key: opts.key ? readFile(opts.key, '--key') : undefined,
        },
  });
}

/** Runs `fn` with a client built from the command's global options, then closes it. */
export async function withClient<T>(
  command: Command,
  fn: (client: OffloadClient, opts: RemoteOptions) => Promise<T>,
): Promise<T> {
  const opts = command.optsWithGlobals<RemoteOptions>();
  const client = await openClient(opts);
  try {
    return await fn(client, opts);
  } finally {
    client.close();
  }
}
