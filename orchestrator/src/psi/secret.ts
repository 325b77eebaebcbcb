// This party's blinding scalar: drawn uniformly from 1..l-1 and kept as hex text in a
// file of mode 0600 in the job's folder, the form job specs read secrets from
// (`params.scalar: { file }`). The engine reads it from there for each job and keeps no
// copy in its store; it is never logged and never printed.
import { randomBytes } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OffloadError } from '../errors.js';

export const SCALAR_BYTES = 32;
export const SCALAR_FILE = 'scalar.secret';

// The ristretto255 group order l = 2^252 + 27742317777372353535851937790883648493
// (RFC 9496 §4.1), little-endian.
const ORDER_LE = Buffer.from(
  'edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010',
  'hex',
);

/** True when the little-endian scalar is in 1..l-1. */
export function isValidScalar(s: Buffer): boolean {
  if (s.length !== SCALAR_BYTES) return false;
  let below = false;
  for (let i = SCALAR_BYTES - 1; i >= 0; i--) {
    if (s[i] !== ORDER_LE[i]) {
      below = s[i]! < ORDER_LE[i]!;
      break;
    }
  }
  return below && s.some((b) => b !== 0);
}

/**
 * A uniform scalar in 1..l-1 by rejection: 253 random bits are below l with
 * probability about 1/2, so two draws are expected.
 */
export function generateScalar(): Buffer {
  for (;;) {
    const s = randomBytes(SCALAR_BYTES);
    s[31]! &= 0x1f;
    if (isValidScalar(s)) return s;
    s.fill(0);
  }
}

export function scalarPath(jobDir: string): string {
  return join(jobDir, SCALAR_FILE);
}

/** Creates the scalar file (mode 0600); refuses to replace an existing one. */
export async function createScalar(jobDir: string): Promise<string> {
  const path = scalarPath(jobDir);
  const scalar = generateScalar();
  try {
    const file = await open(path, 'wx', 0o600);
    try {
      await file.writeFile(scalar.toString('hex') + '\n');
    } finally {
      await file.close();
    }
  } catch (cause) {
    throw new OffloadError('SECRET_INVALID', `cannot create the scalar file ${path}`, {
      field: 'job',
      cause,
    });
  } finally {
    scalar.fill(0);
  }
  return path;
}

/** Reads the scalar, refusing a file others can read or one that is not a valid scalar. */
export async function readScalar(jobDir: string): Promise<Buffer> {
  const path = scalarPath(jobDir);
  let mode: number;
  let text: string;
  try {
    mode = (await stat(path)).mode & 0o777;
    text = (await readFile(path, 'utf8')).trim();
  } catch (cause) {
    throw new OffloadError('SECRET_INVALID', `no scalar at ${path}; run \`offload psi init\``, {
      field: 'job',
      cause,
    });
  }
  if ((mode & 0o077) !== 0) {
    throw new OffloadError(
      'SECRET_INVALID',
      `${path} has mode ${mode.toString(8)}; the scalar file must be 600`,
      { field: 'job' },
    );
  }
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.alloc(0);
  if (!isValidScalar(bytes)) {
    bytes.fill(0);
    throw new OffloadError(
      'SECRET_INVALID',
      `${path} does not hold a scalar in 1..l-1 as 64 hex digits`,
      { field: 'job' },
    );
  }
  return bytes;
}
