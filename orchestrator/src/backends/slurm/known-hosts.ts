// Host-key checking against an OpenSSH known_hosts file (sshd(8), "SSH_KNOWN_HOSTS FILE
// FORMAT"): plain and hashed host names, `[host]:port` for non-default ports, wildcard
// patterns with negation, and the @revoked marker. Lines marked @cert-authority are
// ignored: staging trusts plain host keys only.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface KnownKey {
  type: string;
  /** The key blob as it travels in the SSH protocol (RFC 4253 §6.6). */
  blob: Buffer;
  revoked: boolean;
}

export type HostKeyVerdict =
  | { ok: true; type: string }
  | { ok: false; reason: 'unknown' | 'changed' | 'revoked'; offered: string };

/** The name a host is looked up under: `host`, or `[host]:port` off port 22. */
export function hostEntryName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** Every key the file lists for the host, in file order. */
export function keysForHost(text: string, host: string, port: number): KnownKey[] {
  const name = hostEntryName(host, port);
  const keys: KnownKey[] = [];
  for (const line of text.split('\n')) {
    const key = parseLine(line.trim(), name);
    if (key !== undefined) keys.push(key);
  }
  return keys;
}

function parseLine(line: string, name: string): KnownKey | undefined {
  if (line === '' || line.startsWith('#')) return undefined;
  const fields = line.split(/\s+/);
  let revoked = false;
  if (fields[0]?.startsWith('@')) {
    if (fields[0] !== '@revoked') return undefined;
    revoked = true;
    fields.shift();
  }
  const [hosts, type, data] = fields;
  if (hosts === undefined || type === undefined || data === undefined) return undefined;
  if (!hostsMatch(hosts, name)) return undefined;
  return { type, blob: Buffer.from(data, 'base64'), revoked };
}

function hostsMatch(field: string, name: string): boolean {
  if (field.startsWith('|1|')) return hashedMatch(field, name);
  let matched = false;
  for (const pattern of field.split(',')) {
    const negated = pattern.startsWith('!');
    if (!globMatch(negated ? pattern.slice(1) : pattern, name)) continue;
    // A matching negated pattern rules the line out whatever else matches.
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** `|1|salt|hash`: the hash is HMAC-SHA1 of the host name keyed by the salt. */
function hashedMatch(field: string, name: string): boolean {
  const [, , salt, hash] = field.split('|');
  if (salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function globMatch(pattern: string, name: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern.toLowerCase() === name.toLowerCase();
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(name);
}

/** The key type named inside a key blob: a uint32 length, then the name (RFC 4253 §6.6). */
export function blobType(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  return length > 0 && 4 + length <= blob.length
    ? blob.subarray(4, 4 + length).toString('latin1')
    : 'unknown';
}

/** Judges the key a server offered against the keys known for it. */
export function verifyHostKey(known: KnownKey[], offered: Buffer): HostKeyVerdict {
  const type = blobType(offered);
  const same = known.filter((k) => k.blob.equals(offered));
  if (same.some((k) => k.revoked)) return { ok: false, reason: 'revoked', offered: type };
  if (same.length > 0) return { ok: true, type };
  const trusted = known.filter((k) => !k.revoked);
  return { ok: false, reason: trusted.length === 0 ? 'unknown' : 'changed', offered: type };
}

/**
 * The host-key algorithms to offer, limited to the types known for the host, so a
 * server with several keys presents one we can check rather than an unknown one.
 */
export function hostKeyAlgorithms(known: KnownKey[]): string[] {
  const algorithms: string[] = [];
  for (const { type, revoked } of known) {
    if (revoked) continue;
    // One RSA key signs with SHA-2 (RFC 8332 §3) or, on old servers, SHA-1.
    const names = type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type];
    for (const n of names) if (!algorithms.includes(n)) algorithms.push(n);
  }
  return algorithms;
}
