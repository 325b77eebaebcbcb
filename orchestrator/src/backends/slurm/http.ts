// The wire under the Slurm client: openapi-fetch over undici (a Unix socket or HTTP(S)),
// slurmrestd's error lists turned into values, and retries where repeating is safe.
import createClient, { type Client } from 'openapi-fetch';
import { Agent, fetch as undiciFetch } from 'undici';

/**
 * Why a call failed:
 * - `refused`: no connection was made (socket missing, connection refused, name not
 *   resolved, connect timeout); the request surely did not reach slurmrestd.
 * - `unreachable`: the connection broke or timed out after the request may have been
 *   sent, or the answer was cut short; the request may or may not have taken effect.
 * - `http`: slurmrestd answered with an HTTP error and no Slurm error list (bad token,
 *   unknown path, overload).
 * - `slurm`: slurmrestd or slurmctld reported errors in the body (`errors[]`).
 */
export type SlurmErrorKind = 'unreachable' | 'refused' | 'http' | 'slurm';

export interface SlurmErrorEntry {
  /** Slurm's error number (slurm/slurm_errno.h), when it gave one. */
  number?: number;
  message: string;
}

export interface SlurmError {
  kind: SlurmErrorKind;
  status?: number;
  message: string;
  /** Whether trying again later may succeed; false when it would repeat a side effect. */
  retryable: boolean;
  /** The body's error list, for `slurm` errors. */
  slurmErrors?: SlurmErrorEntry[];
}

export type SlurmResult<T> = { ok: true; value: T } | { ok: false; error: SlurmError };

export function ok<T>(value: T): SlurmResult<T> {
  return { ok: true, value };
}

export function fail<T>(error: SlurmError): SlurmResult<T> {
  return { ok: false, error };
}

/**
 * How a call may be repeated after a failure:
 * - `read`: GETs and pings; any transient failure is retried.
 * - `cancel`: cancelling twice is harmless, so it is retried like a read.
 * - `submit`: retried only when the request surely never reached slurmctld. After a
 *   reset or a timeout the job may already be queued, and a blind resubmission would
 *   run the whole array twice; the caller must look for it (by comment) in the job list.
 */
export type CallKind = 'read' | 'cancel' | 'submit';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 5_000 };

/** Per-request limit; listing every job of a large cluster can take seconds. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface TransportOptions {
  /** slurmrestd's Unix socket (rest_auth/local authenticates the caller's uid). */
  socketPath?: string;
  /** slurmrestd's base URL, `http://host:6820` or `https://...`, with a JWT. */
  url?: string;
  user?: string;
  token?: string;
  /** Extra CA certificates (PEM) for an HTTPS endpoint. */
  ca?: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

// slurm/slurm_errno.h: errors raised before slurmctld received the RPC (could not
// connect, or it shed the RPC under load), so even a submission can be repeated.
const NOT_DELIVERED_ERRNOS = new Set([1001, 1800, 1804, 1805]);
// Communication errors that may strike after slurmctld got the RPC: reads only.
const TRANSIENT_ERRNOS = new Set([1001, 1002, 1003, 1004, 1800, 1801, 1802, 1803, 1804, 1805]);
const SOCKET_ERRNOS_MIN = 5000; // SLURM_PROTOCOL_SOCKET_IMPL_* are 5000-5005
const SOCKET_ERRNOS_MAX = 5005;

// Connection-stage failures: the request was never written to a socket.
const REFUSED_CODES = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EACCES',
  'ENOTDIR',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** The openapi-fetch result shape every adapter call returns. */
export interface RawResponse {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export class SlurmTransport {
  readonly endpoint: string;
  private readonly agent: Agent;
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private closed = false;

  constructor(options: TransportOptions) {
    const unix = options.socketPath !== undefined;
    this.endpoint = unix ? `unix:${options.socketPath}` : String(options.url);
    this.baseUrl = unix ? 'http://slurmrestd' : String(options.url).replace(/\/+$/, '');
    this.agent = new Agent({
      connect: unix ? { socketPath: options.socketPath } : { ca: options.ca },
      keepAliveTimeout: 4_000,
    });
    this.headers = {};
    if (options.user !== undefined) this.headers['X-SLURM-USER-NAME'] = options.user;
    if (options.token !== undefined) this.headers['X-SLURM-USER-TOKEN'] = options.token;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** A typed openapi-fetch client for one API version's paths, sharing this connection. */
  typed<Paths extends object>(): Client<Paths> {
    const agent = this.agent;
    const timeoutMs = this.timeoutMs;
    return createClient<Paths>({
      baseUrl: this.baseUrl,
      headers: this.headers,
      fetch: (request: Request) => forward(request, agent, timeoutMs),
    });
  }

  /** An untyped GET, for the paths no single version's types describe (`/openapi/v3`). */
  async get(path: string): Promise<RawResponse> {
    const request = new Request(this.baseUrl + path, { headers: this.headers });
    const response = await forward(request, this.agent, this.timeoutMs);
    const text = await response.text();
    if (response.ok) return { data: text === '' ? undefined : JSON.parse(text), response };
    // slurmrestd answers an unknown path with a plain-text 404.
    return { error: parseOrText(text), response };
  }

  /**
   * Runs one call with retries as `kind` allows and maps the outcome to a value:
   * the parsed body on success (after checking it carries no Slurm errors).
   */
  async call<T>(
    kind: CallKind,
    what: string,
    send: () => Promise<RawResponse>,
    parse: (body: unknown) => T,
  ): Promise<SlurmResult<T>> {
    let last: SlurmError | undefined;
    for (let attempt = 0; attempt < this.retry.attempts; attempt++) {
      if (attempt > 0) await sleep(backoffDelay(attempt, this.retry));
      const result = await this.once(kind, what, send, parse);
      if (result.ok) return result;
      last = result.error;
      if (!mayRepeat(kind, last)) break;
    }
    return fail(last as SlurmError);
  }

  /** Closes the connections; closing twice is harmless. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent.close();
  }

  private async once<T>(
    kind: CallKind,
    what: string,
    send: () => Promise<RawResponse>,
    parse: (body: unknown) => T,
  ): Promise<SlurmResult<T>> {
    let raw: RawResponse;
    try {
      raw = await send();
    } catch (err) {
      return fail(networkError(kind, what, this.endpoint, err));
    }
    const status = raw.response.status;
    const body = raw.response.ok ? raw.data : raw.error;
    const slurmErrors = errorList(body);
    if (slurmErrors.length > 0) return fail(slurmError(kind, what, status, slurmErrors));
    if (!raw.response.ok) return fail(httpError(kind, what, status, body));
    try {
      return ok(parse(body));
    } catch (err) {
      const message = `${what}: unexpected response: ${(err as Error).message}`;
      return fail({ kind: 'http', status, message, retryable: false });
    }
  }
}

/** Hands openapi-fetch's Request to undici's fetch with our dispatcher and a deadline. */
async function forward(request: Request, agent: Agent, timeoutMs: number): Promise<Response> {
  const body = request.body === null ? undefined : await request.arrayBuffer();
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => headers.push([name, value]));
  const response = await undiciFetch(request.url, {
    method: request.method,
    headers,
    body,
    signal,
    dispatcher: agent,
  });
  return response as unknown as Response;
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function mayRepeat(kind: CallKind, error: SlurmError): boolean {
  if (!error.retryable) return false;
  if (kind !== 'submit') return true;
  if (error.kind === 'refused') return true;
  return error.kind === 'slurm' && notDelivered(error.slurmErrors ?? []);
}

function notDelivered(errors: SlurmErrorEntry[]): boolean {
  return errors.every((e) => e.number !== undefined && NOT_DELIVERED_ERRNOS.has(e.number));
}

function transientErrno(n: number | undefined): boolean {
  if (n === undefined) return false;
  return TRANSIENT_ERRNOS.has(n) || (n >= SOCKET_ERRNOS_MIN && n <= SOCKET_ERRNOS_MAX);
}

/** Exponential backoff with jitter: a random delay in [d/2, d], d = base * 2^(attempt-1). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e !== null && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function networkError(kind: CallKind, what: string, endpoint: string, err: unknown): SlurmError {
  const code = errorCode(err);
  const name = (err as Error)?.name;
  const detail = code ?? (name === 'TimeoutError' ? 'timed out' : (err as Error)?.message);
  if (code !== undefined && REFUSED_CODES.has(code)) {
    const message = `${what}: cannot connect to slurmrestd at ${endpoint} (${detail})`;
    return { kind: 'refused', message, retryable: true };
  }
  const message = `${what}: slurmrestd at ${endpoint} did not answer (${detail})`;
  const warn = kind === 'submit' ? '; the job may have been queued, look for it first' : '';
  return { kind: 'unreachable', message: message + warn, retryable: kind !== 'submit' };
}

function errorList(body: unknown): SlurmErrorEntry[] {
  if (body === null || typeof body !== 'object') return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e: Record<string, unknown>) => {
    const parts = [e.error, e.description].filter((p) => typeof p === 'string' && p !== '');
    // Slurm 22.05 names the number `error_code` in submission errors, despite its document.
    const code = e.error_number ?? e.error_code;
    const number = typeof code === 'number' ? code : undefined;
    return { number, message: parts.join(': ') || 'unspecified error' };
  });
}

function slurmError(
  kind: CallKind,
  what: string,
  status: number,
  errors: SlurmErrorEntry[],
): SlurmError {
  const text = errors.map((e) =>
    e.number === undefined ? e.message : `${e.message} [${e.number}]`,
  );
  const retryable =
    kind === 'submit' ? notDelivered(errors) : errors.every((e) => transientErrno(e.number));
  const message = `${what}: slurm error: ${text.join('; ')}`;
  return { kind: 'slurm', status, message, retryable, slurmErrors: errors };
}

function httpError(kind: CallKind, what: string, status: number, body: unknown): SlurmError {
  const snippet = typeof body === 'string' ? body.slice(0, 200) : JSON.stringify(body ?? '');
  const message = `${what}: HTTP ${status}${snippet ? `: ${snippet.slice(0, 200)}` : ''}`;
  return {
    kind: 'http',
    status,
    message,
    retryable: kind !== 'submit' && RETRYABLE_STATUSES.has(status),
  };
}
