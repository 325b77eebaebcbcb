// A real daemon for the API tests: the engine on a SQLite file in a temporary folder
// with local worker threads, behind the gRPC server on port 0 over TLS made by a
// throwaway CA. Tokens for two operators, an admin and CI.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { hashToken } from '../../src/api/auth.js';
import { connect, type OffloadClient } from '../../src/api/client.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/api/server.js';
import { LocalBackend } from '../../src/backends/local/local.js';
import { Home } from '../../src/home.js';
import { Engine } from '../../src/jobs/engine.js';
import { Catalog } from '../../src/kernels/catalog.js';
import { tempDir } from '../helpers.js';
import { makePki, type Pki } from './pki.js';

export const USERS = {
  alice: { token: 'token-of-alice', role: 'operator' },
  bob: { token: 'token-of-bob', role: 'operator' },
  root: { token: 'token-of-root', role: 'admin' },
  ci: { token: 'token-of-ci', role: 'ci' },
} as const;

export type UserName = keyof typeof USERS;

export interface Daemon {
  dir: string;
  pki: Pki;
  engine: Engine;
  server: RunningServer;
  tokensFile: string;
  /** A client over TLS with this user's token (or none, or any string). */
  client(user: UserName | { token?: string }): OffloadClient;
  /** Starts the server again (same port unless told) over the same engine. */
  restart(overrides?: Partial<ServerOptions>): Promise<RunningServer>;
  stop(): Promise<void>;
}

export function writeTokens(path: string, users: Record<string, { token: string; role: string }>) {
  const lines = Object.entries(users).map(
    ([user, { token, role }]) => `  ${hashToken(token)}: { user: ${user}, role: ${role} }`,
  );
  writeFileSync(path, `tokens:\n${lines.join('\n')}\n`);
}

export function openEngine(home: string, workers = 1): Engine {
  return new Engine({
    home: new Home(home),
    catalog: Catalog.load(),
    log: pino({ level: 'silent' }),
    backends: [new LocalBackend({ workers })],
  });
}

export async function startDaemon(
  overrides: Partial<ServerOptions> = {},
  opts: { workers?: number } = {},
): Promise<Daemon> {
  const tmp = tempDir('offload-api-');
  const pki = makePki(tmp.dir);
  const tokensFile = join(tmp.dir, 'tokens.yaml');
  writeTokens(tokensFile, USERS);
  const engine = openEngine(join(tmp.dir, 'home'), opts.workers);
  const options = (extra: Partial<ServerOptions>): ServerOptions => ({
    address: '127.0.0.1:0',
    tls: { cert: pki.serverCert, key: pki.serverKey },
    tokensFile,
    service: engine,
    catalog: engine.catalog,
    dataDir: join(tmp.dir, 'api'),
    ...overrides,
    ...extra,
  });
  const clients: OffloadClient[] = [];
  const daemon: Daemon = {
    dir: tmp.dir,
    pki,
    engine,
    tokensFile,
    server: await startServer(options({})),
    client(user) {
      const token = typeof user === 'string' ? USERS[user].token : user.token;
      const client = connect({
        address: `localhost:${daemon.server.port}`,
        token,
        tls: { ca: pki.ca },
      });
      clients.push(client);
      return client;
    },
    async restart(extra = {}) {
      daemon.server = await startServer(
        options({ address: `127.0.0.1:${daemon.server.port}`, ...extra }),
      );
      return daemon.server;
    },
    async stop() {
      for (const client of clients) client.close();
      await daemon.server.close(1000);
      await engine.close();
      tmp.cleanup();
    },
  };
  return daemon;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface Refusal {
  /** The gRPC status code the server sent. */
  status: number;
  /** The status message. */
  details: string;
  /** Offload's error code, from the trailing metadata. */
  code: string;
}

/** Runs `fn` and returns the status it was refused with; fails if it succeeded. */
export async function refusal(fn: () => Promise<unknown>): Promise<Refusal> {
  try {
    await fn();
  } catch (err) {
    const cause = (err as { cause?: { code?: number; details?: string } }).cause;
    if (typeof cause?.code !== 'number') throw err;
    return {
      status: cause.code,
      details: cause.details ?? '',
      code: (err as { code: string }).code,
    };
  }
  throw new Error('expected the call to be refused, and it succeeded');
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}
