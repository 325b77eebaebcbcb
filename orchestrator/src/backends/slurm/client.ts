// The Slurm REST client: connects to slurmrestd (Unix socket or HTTP(S) with a JWT),
// finds which API version it speaks unless told, and hands back that version's adapter
// bound to the connection. Every remote failure is a value (SlurmResult).
import { readFile } from 'node:fs/promises';
import type { RestConfig } from '../../config/types.js';
import { OffloadError, show } from '../../errors.js';
import { ADAPTERS } from './adapters/index.js';
import type { SlurmApi } from './adapters/types.js';
import { fail, ok, SlurmTransport, type SlurmResult, type TransportOptions } from './http.js';
import { isSlurmApiVersion, SLURM_API_VERSIONS, type SlurmApiVersion } from './model.js';

export type { SlurmApi } from './adapters/types.js';
export type { SlurmError, SlurmErrorKind, SlurmResult, RetryPolicy } from './http.js';

export interface SlurmClientOptions extends TransportOptions {
  /** Skip detection and speak this version. */
  version?: SlurmApiVersion;
}

export interface SlurmClient extends SlurmApi {
  /** `unix:/path` or the base URL, for messages. */
  readonly endpoint: string;
  /** HTTP requests sent so far, retries included. */
  requests(): number;
  /** Closes the connections; calls made afterwards fail. */
  close(): Promise<void>;
}

function checkOptions(options: SlurmClientOptions): void {
  const where = [options.socketPath, options.url].filter((v) => v !== undefined);
  if (where.length !== 1) {
    throw new OffloadError('CONFIG_INVALID', 'slurm.rest needs exactly one of socket and url', {
      field: 'slurm.rest',
    });
  }
  if (options.url !== undefined && !/^https?:\/\/[^/\s]+/.test(options.url)) {
    throw new OffloadError(
      'CONFIG_INVALID',
      `slurm.rest.url must be http(s)://host[:port], got ${show(options.url)}`,
      {
        field: 'slurm.rest.url',
      },
    );
  }
  if (options.version !== undefined && !isSlurmApiVersion(options.version)) {
    const known = SLURM_API_VERSIONS.join(', ');
    throw new OffloadError(
      'CONFIG_INVALID',
      `slurm.rest.version must be one of ${known}, got ${show(options.version)}`,
      {
        field: 'slurm.rest.version',
      },
    );
  }
}

/**
 * Connects and settles the API version. Rejects on bad options (a programmer or
 * configuration error); a server that cannot be reached or speaks no supported version
 * is an error value.
 */
/**
 * A client for a cluster's `rest` configuration: the socket, or the URL with the user
 * and the token read from its file or environment variable when the client is made.
 */
export async function clientForRest(rest: RestConfig): Promise<SlurmResult<SlurmClient>> {
  let token: string | undefined;
  if (rest.tokenFile !== undefined) {
    try {
      token = (await readFile(rest.tokenFile, 'utf8')).trim();
    } catch (err) {
      const message = `rest.tokenFile: cannot read ${rest.tokenFile}: ${(err as Error).message}`;
      return { ok: false, error: { kind: 'refused', message, retryable: false } };
    }
  }
  if (rest.tokenEnv !== undefined) token = process.env[rest.tokenEnv];
  return createSlurmClient({
    socketPath: rest.socket,
    url: rest.url,
    user: rest.url !== undefined ? rest.user : undefined,
    token,
    version: rest.apiVersion as never,
  });
}

export async function createSlurmClient(
  options: SlurmClientOptions,
): Promise<SlurmResult<SlurmClient>> {
  checkOptions(options);
  const transport = new SlurmTransport(options);
  let version = options.version;
  if (version === undefined) {
    const detected = await detectVersion(transport);
    if (!detected.ok) {
      await transport.close();
      return detected;
    }
    version = detected.value;
  }
  const api = ADAPTERS[version].bind(transport);
  return ok({
    ...api,
    endpoint: transport.endpoint,
    requests: () => transport.requests,
    close: () => transport.close(),
  });
}

/** The newest supported `/slurm/v0.0.XX/` among the given paths. */
export function newestVersion(pathNames: Iterable<string>): SlurmApiVersion | undefined {
  const served = new Set<string>();
  for (const p of pathNames) {
    const m = /^\/slurm\/(v0\.0\.\d+)\//.exec(p);
    if (m) served.add(m[1] as string);
  }
  return [...SLURM_API_VERSIONS].reverse().find((v) => served.has(v));
}

/**
 * Asks slurmrestd which plugin versions it serves: `GET /openapi/v3` lists every loaded
 * plugin's paths. When that document is unavailable (HTTP error), pings each supported
 * version, newest first, and takes the first that answers.
 */
export async function detectVersion(
  transport: SlurmTransport,
): Promise<SlurmResult<SlurmApiVersion>> {
  const send = () => transport.get('/openapi/v3');
  const doc = await transport.call('read', 'read OpenAPI document', send, (body) =>
    Object.keys((body as { paths?: object } | undefined)?.paths ?? {}),
  );
  if (doc.ok) {
    const version = newestVersion(doc.value);
    if (version !== undefined) return ok(version);
    const served = doc.value.filter((p) => p.startsWith('/slurm/')).slice(0, 3);
    const known = SLURM_API_VERSIONS.join(', ');
    const message = `slurmrestd at ${transport.endpoint} serves none of ${known}: ${show(served)}`;
    return fail({ kind: 'http', message, retryable: false });
  }
  if (doc.error.kind !== 'http') return doc;
  return probeByPing(transport);
}

async function probeByPing(transport: SlurmTransport): Promise<SlurmResult<SlurmApiVersion>> {
  for (const version of [...SLURM_API_VERSIONS].reverse()) {
    const slash = version === 'v0.0.38' ? '' : '/';
    const path = `/slurm/${version}/ping${slash}`;
    const send = () => transport.get(path);
    const res = await transport.call('read', `ping ${version}`, send, () => version);
    if (res.ok) return res;
    // A Slurm error list (slurmctld down, say) still proves slurmrestd serves the path;
    // an unknown path is a plain-text 404.
    if (res.error.kind === 'slurm') return ok(version);
    if (res.error.status !== 404) return res;
  }
  const known = SLURM_API_VERSIONS.join(', ');
  const message = `slurmrestd at ${transport.endpoint} answered no ping of ${known}`;
  return fail({ kind: 'http', message, retryable: false });
}
