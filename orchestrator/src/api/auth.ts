// Bearer tokens and roles. The tokens file maps the SHA-256 of each token to a user
// and a role, so a stolen copy of the file gives no token away. It is read again when
// it changes on disk, so a token can be revoked without a restart.
//
//   tokens:
//     <hex sha256 of the token>: { user: alice, role: operator }
//
import type * as grpc from '@grpc/grpc-js';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { OffloadError, show } from '../errors.js';

export type Role = 'operator' | 'admin' | 'ci';

export const ROLES: readonly Role[] = ['operator', 'admin', 'ci'];

export interface Principal {
  user: string;
  role: Role;
  /** Hex SHA-256 of the token: the rate limiter's key, safe to log. */
  tokenHash: string;
}

interface Entry {
  hash: Buffer;
  user: string;
  role: Role;
}

/** User names end up in paths (each user's upload folder), so they stay plain. */
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
/** How often, at most, the file's modification time is checked. */
const RECHECK_MS = 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new token: 32 random bytes, base64url, with a prefix that secret scanners can spot. */
export function newToken(): string {
  return `offload_${randomBytes(32).toString('base64url')}`;
}

export function parseTokens(text: string, source: string): Entry[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (cause) {
    throw new OffloadError('CONFIG_INVALID', `${source}: not YAML or JSON`, { cause });
  }
  const tokens = (doc as { tokens?: unknown } | null)?.tokens;
  if (typeof tokens !== 'object' || tokens === null || Array.isArray(tokens)) {
    throw new OffloadError('CONFIG_INVALID', `${source}: tokens must be a map of hash to user`, {
      field: 'tokens',
    });
  }
  return Object.entries(tokens).map(([hash, value]) => parseEntry(hash, value, source));
}

function parseEntry(hash: string, value: unknown, source: string): Entry {
  const field = `tokens.${hash.slice(0, 12)}`;
  const fail = (message: string): never => {
    throw new OffloadError('CONFIG_INVALID', `${source}: ${message}`, { field });
  };
  if (!HEX_SHA256.test(hash)) fail(`${field} must be a lower-case hex SHA-256, got ${show(hash)}`);
  const { user, role } = (value ?? {}) as { user?: unknown; role?: unknown };
  if (typeof user !== 'string' || !USER_NAME.test(user)) {
    fail(`${field}.user must be a plain user name, got ${show(user)}`);
  }
  if (!ROLES.includes(role as Role)) {
    fail(`${field}.role must be one of ${ROLES.join(', ')}, got ${show(role)}`);
  }
  return { hash: Buffer.from(hash, 'hex'), user: user as string, role: role as Role };
}

export class TokenStore {
  private entries: Entry[] = [];
  private mtimeMs = -1;
  private checkedAt = 0;

  /** `recheckMs`: how often, at most, the file's modification time is looked at. */
  constructor(
    private readonly file: string,
    private readonly recheckMs = RECHECK_MS,
  ) {
    this.reload();
  }

  /** Who holds `token`, or undefined. Every entry is compared, in constant time. */
  lookup(token: string): Omit<Principal, 'tokenHash'> | undefined {
    this.refresh();
    const digest = createHash('sha256').update(token, 'utf8').digest();
    let found: Entry | undefined;
    for (const entry of this.entries) {
      // No early exit: the time taken does not depend on which entry matched.
      if (timingSafeEqual(entry.hash, digest) && !found) found = entry;
    }
    return found && { user: found.user, role: found.role };
  }

  private refresh(): void {
    const now = Date.now();
    if (now - this.checkedAt < this.recheckMs) return;
    this.checkedAt = now;
    try {
      if (statSync(this.file).mtimeMs !== this.mtimeMs) this.reload();
    } catch {
      // A file being replaced may be missing for a moment: keep the tokens we have.
    }
  }

  private reload(): void {
    let text: string;
    try {
      this.mtimeMs = statSync(this.file).mtimeMs;
      text = readFileSync(this.file, 'utf8');
    } catch (cause) {
      throw new OffloadError('CONFIG_INVALID', `tokens file ${this.file} cannot be read`, {
        field: 'tokensFile',
        cause,
      });
    }
    this.entries = parseTokens(text, this.file);
  }
}

/** The bearer token of a call, from `authorization: Bearer <token>` (RFC 6750 §2.1). */
export function bearerToken(metadata: grpc.Metadata): string | undefined {
  const value = metadata.get('authorization')[0];
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}

/** Checks the call's token; throws UNAUTHENTICATED without saying which part was wrong. */
export function authenticate(tokens: TokenStore, metadata: grpc.Metadata): Principal {
  const token = bearerToken(metadata);
  if (!token) {
    throw new OffloadError('UNAUTHENTICATED', 'authorization: a bearer token is required', {
      field: 'authorization',
    });
  }
  const who = tokens.lookup(token);
  if (!who) {
    throw new OffloadError('UNAUTHENTICATED', 'authorization: the bearer token is not valid', {
      field: 'authorization',
    });
  }
  return { ...who, tokenHash: hashToken(token) };
}

export function requireRole(who: Principal, allowed: readonly Role[], method: string): void {
  if (!allowed.includes(who.role)) {
    throw new OffloadError(
      'PERMISSION_DENIED',
      `${method} needs role ${allowed.join(' or ')}; ${who.user} has role ${who.role}`,
    );
  }
}
