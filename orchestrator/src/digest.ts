// SHA-256 as hex, the digest Offload records for batch files, outputs and results.
import { createHash } from 'node:crypto';

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
