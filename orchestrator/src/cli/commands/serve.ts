// `offload serve`: the daemon. The engine with local workers behind the gRPC API,
// a Prometheus endpoint, and graceful shutdown on SIGINT/SIGTERM. `offload token add`
// makes bearer tokens for it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { isMap, parse as parseYaml, parseDocument } from 'yaml';
import { hashToken, newToken, parseTokens, ROLES, type Role } from '../../api/auth.js';
import type { ServerLimits, TlsOptions } from '../../api/server.js';
import { OffloadError, show } from '../../errors.js';
import { createLogger } from '../../logging.js';
import { action, globals, homeOf, openEngine } from '../context.js';

/** The `serve:` section of the configuration file; flags override it. */
export interface ServeConfig {
  listen?: string;
  tls?: { cert?: string; key?: string; clientCa?: string; requireClientCert?: boolean };
  insecure?: boolean;
  tokens?: string;
  dataDir?: string;
  inputRoots?: string[];
  metrics?: { port?: number; host?: string };
  limits?: Partial<ServerLimits>;
  /** Milliseconds open calls get to finish on shutdown. */
  graceMs?: number;
}

interface ServeFlags {
  listen?: string;
  tlsCert?: string;
  tlsKey?: string;
  clientCa?: string;
  requireClientCert?: boolean;
  insecure?: boolean;
  tokens?: string;
  dataDir?: string;
  inputRoot?: string[];
  metricsPort?: string;
  metricsHost?: string;
}

const DEFAULT_LISTEN = '127.0.0.1:50051';
const DEFAULT_GRACE_MS = 10_000;
const NEW_TOKENS_FILE =
  '# Bearer tokens of `offload serve`: SHA-256 of the token -> user and role.\n' +
  '# Add one with `offload token add --user <name> --role operator|admin|ci`.\n' +
  'tokens: {}\n';

function readConfig(file: string | undefined, required: boolean): ServeConfig {
  if (!file || (!required && !existsSync(file))) return {};
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new OffloadError('CONFIG_INVALID', `--config: cannot read ${file} as YAML`, { cause });
  }
  const serve = (doc as { serve?: unknown } | null)?.serve ?? {};
  if (typeof serve !== 'object' || serve === null || Array.isArray(serve)) {
    throw new OffloadError('CONFIG_INVALID', `${file}: serve must be a map, got ${show(serve)}`, {
      field: 'serve',
    });
  }
  checkKeys(file, serve, 'serve', SERVE_KEYS);
  return serve as ServeConfig;
}

const SERVE_KEYS: Record<string, readonly string[] | null> = {
  listen: null,
  tls: ['cert', 'key', 'clientCa', 'requireClientCert'],
  insecure: null,
  tokens: null,
  dataDir: null,
  inputRoots: null,
  metrics: ['port', 'host'],
  limits: null,
  graceMs: null,
};

/** Refuses a key the daemon does not read (a typo would otherwise be ignored). */
function checkKeys(file: string, map: object, path: string, known: typeof SERVE_KEYS): void {
  for (const [key, value] of Object.entries(map)) {
    if (!(key in known)) {
      const field = `${path}.${key}`;
      throw new OffloadError(
        'CONFIG_INVALID',
        `${file}: ${field} is not a setting of offload serve ` +
          `(known: ${Object.keys(known).join(', ')})`,
        { field },
      );
    }
    const nested = known[key];
    if (nested && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      checkKeys(file, value, `${path}.${key}`, Object.fromEntries(nested.map((k) => [k, null])));
    }
  }
}

function port(value: string | number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new OffloadError(
      'CONFIG_INVALID',
      `${field} must be a port from 0 to 65535, got ${show(value)}`,
      {
        field,
      },
    );
  }
  return n;
}

function pem(path: string | undefined, field: string, base: string): Buffer | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(resolve(base, path));
  } catch (cause) {
    throw new OffloadError('CONFIG_INVALID', `${field}: cannot read ${path}`, { field, cause });
  }
}

/** A flag's file (relative to the working folder), else the configuration's (to its folder). */
function pemOf(
  flag: string | undefined,
  flagName: string,
  configured: string | undefined,
  field: string,
  base: string,
): Buffer | undefined {
  return flag !== undefined ? pem(flag, flagName, process.cwd()) : pem(configured, field, base);
}

function tlsOf(config: ServeConfig, flags: ServeFlags, base: string): TlsOptions | undefined {
  const cert = pemOf(flags.tlsCert, '--tls-cert', config.tls?.cert, 'serve.tls.cert', base);
  const key = pemOf(flags.tlsKey, '--tls-key', config.tls?.key, 'serve.tls.key', base);
  if (!cert && !key) return undefined;
  if (!cert || !key) {
    throw new OffloadError('CONFIG_INVALID', 'tls.cert and tls.key go together', {
      field: cert ? 'tls.key' : 'tls.cert',
    });
  }
  return {
    cert,
    key,
    clientCa: pemOf(
      flags.clientCa,
      '--client-ca',
      config.tls?.clientCa,
      'serve.tls.clientCa',
      base,
    ),
    requireClientCert: flags.requireClientCert ?? config.tls?.requireClientCert ?? false,
  };
}

async function serve(flags: ServeFlags, cmd: Command): Promise<void> {
  const g = globals(cmd);
  const home = homeOf(g);
  const configFile = g.config ?? process.env.OFFLOAD_CONFIG;
  const config = readConfig(configFile ?? home.defaultConfig, configFile !== undefined);
  const base = configFile ? dirname(resolve(configFile)) : home.root;
  const log = createLogger({ level: g.logLevel ?? 'info' });
  const metricsPort = port(flags.metricsPort ?? config.metrics?.port, 'metrics.port');

  const engine = await openEngine(g);
  const resumed = await engine.resumeAll();
  if (resumed.length) log.info({ jobs: resumed.length }, 'unfinished jobs resumed');
  // The gRPC server's modules load only for this command.
  const { DEFAULT_LIMITS, startServer } = await import('../../api/server.js');
  let server;
  try {
    server = await startServer({
      address: flags.listen ?? config.listen ?? DEFAULT_LISTEN,
      tls: tlsOf(config, flags, base),
      insecure: flags.insecure ?? config.insecure ?? false,
      tokensFile: flags.tokens
        ? resolve(flags.tokens)
        : resolve(base, config.tokens ?? join(home.root, 'tokens.yaml')),
      service: engine,
      catalog: engine.catalog,
      dataDir: flags.dataDir
        ? resolve(flags.dataDir)
        : resolve(base, config.dataDir ?? join(home.root, 'api')),
      inputRoots: flags.inputRoot
        ? flags.inputRoot.map((r) => resolve(r))
        : (config.inputRoots ?? []).map((r) => resolve(base, r)),
      limits: { ...DEFAULT_LIMITS, ...config.limits },
      metrics:
        metricsPort === undefined
          ? undefined
          : { port: metricsPort, host: flags.metricsHost ?? config.metrics?.host },
      log,
    });
  } catch (err) {
    await engine.close();
    throw err;
  }
  process.stderr.write(
    `offload: serving on port ${server.port}` +
      (server.metricsPort === undefined ? '' : `, metrics on port ${server.metricsPort}`) +
      '\n',
  );
  await new Promise<void>((done) => {
    const stop = (signal: string): void => {
      log.info({ signal }, 'shutting down');
      server
        .close(config.graceMs ?? DEFAULT_GRACE_MS)
        .then(() => engine.close())
        .then(done, done);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

/** Adds a token for `user` to the tokens file and returns it; only its hash is stored. */
export function addToken(file: string, user: string, role: Role): string {
  const doc = parseDocument(existsSync(file) ? readFileSync(file, 'utf8') : NEW_TOKENS_FILE);
  const map = doc.get('tokens', true);
  if (isMap(map)) map.flow = false;
  const token = newToken();
  doc.setIn(['tokens', hashToken(token)], doc.createNode({ user, role }, { flow: true }));
  const text = doc.toString();
  parseTokens(text, file); // the file must still load after the edit
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
  return token;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description(
      'run the daemon: the gRPC API over the job engine, its local workers and the configured cluster',
    )
    .option('--listen <address>', `host:port to listen on (default ${DEFAULT_LISTEN})`)
    .option('--tls-cert <file>', 'PEM certificate chain of the server')
    .option('--tls-key <file>', 'PEM private key of the server')
    .option('--client-ca <file>', 'PEM CA bundle for client certificates')
    .option('--require-client-cert', 'refuse clients without a certificate (mutual TLS)')
    .option('--insecure', 'allow plain text on a non-loopback address')
    .option('--tokens <file>', 'tokens file (default $OFFLOAD_HOME/tokens.yaml)')
    .option('--data-dir <dir>', 'uploads and state of the API (default $OFFLOAD_HOME/api)')
    .option('--input-root <dir...>', 'folders remote jobs may read inputs from')
    .option('--metrics-port <port>', 'serve Prometheus metrics over HTTP on this port')
    .option('--metrics-host <host>', 'address of the metrics endpoint (default 127.0.0.1)')
    .addHelpText(
      'after',
      '\nSettings may also come from the `serve:` section of the configuration file\n' +
        '(listen, tls, tokens, dataDir, inputRoots, metrics, limits, graceMs).',
    )
    .action(action(serve));

  const token = program.command('token').description('bearer tokens of the daemon');
  token
    .command('add')
    .description('make a token for a user; prints it once, stores only its SHA-256')
    .requiredOption('--user <name>', 'who the token belongs to')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--tokens <file>', 'tokens file (default $OFFLOAD_HOME/tokens.yaml)')
    .action(
      action(async (o: { user: string; role: string; tokens?: string }, cmd: Command) => {
        if (!ROLES.includes(o.role as Role)) {
          throw new OffloadError(
            'CONFIG_INVALID',
            `--role must be one of ${ROLES.join(', ')}, got ${show(o.role)}`,
            { field: '--role' },
          );
        }
        const file = resolve(o.tokens ?? join(homeOf(globals(cmd)).root, 'tokens.yaml'));
        process.stdout.write(`${addToken(file, o.user, o.role as Role)}\n`);
        process.stderr.write(`offload: token for ${o.user} (${o.role}) added to ${file}\n`);
      }),
    );
}
