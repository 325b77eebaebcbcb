// Plaintext encoding: Paillier plaintexts live in Z_n; Offload maps signed 64-bit
// integers into it (a negative m is n - |m|) and fixed-point decimals onto integers
// with a declared scale ("1234.56" at scale 2 is 123456). Decoding maps residues above
// n/2 back to negatives and refuses anything outside the int64 range: a sum or product
// that left that range has wrapped mod n or will be decoded to a wrong number.
import { OffloadError, show } from '../../errors.js';

export const INT64_MIN = -(1n << 63n);
export const INT64_MAX = (1n << 63n) - 1n;
export const MAX_SCALE = 18;

export function checkScale(scale: number, field = 'scale'): number {
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
    throw new OffloadError(
      'PARAM_INVALID',
      `${field} must be an integer from 0 to ${MAX_SCALE}, got ${show(scale)}`,
      { field },
    );
  }
  return scale;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * A decimal string as an integer of `scale` fractional digits: "1234.56" at scale 2 is
 * 123456n. More fractional digits than the scale are refused rather than rounded.
 */
export function parseFixed(text: string, scale: number, where = 'value'): bigint {
  checkScale(scale);
  const match = DECIMAL.exec(text.trim());
  if (!match)
    throw new OffloadError(
      'RECORD_INVALID',
      `${where}: expected a decimal number, got ${show(text)}`,
    );
  const [, sign, whole, frac = ''] = match;
  if (frac.length > scale) {
    throw new OffloadError(
      'RECORD_INVALID',
      `${where}: ${show(text)} has ${frac.length} decimal places, more than the scale ${scale}`,
    );
  }
  const digits = BigInt(whole + frac.padEnd(scale, '0'));
  const v = sign === '-' ? -digits : digits;
  if (v < INT64_MIN || v > INT64_MAX) {
    throw new OffloadError(
      'RECORD_INVALID',
      `${where}: ${show(text)} at scale ${scale} is outside the signed 64-bit range`,
    );
  }
  return v;
}

/** An integer of `scale` fractional digits as a decimal string: 123456n, 2 -> "1234.56". */
export function formatFixed(v: bigint, scale: number): string {
  checkScale(scale);
  if (scale === 0) return v.toString();
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  return `${neg ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** The residue of m in Z_n for a signed 64-bit m. */
export function encodeSigned(m: bigint, n: bigint): bigint {
  if (m < INT64_MIN || m > INT64_MAX) {
    throw new OffloadError('RECORD_INVALID', `plaintext ${m} is outside the signed 64-bit range`);
  }
  return m < 0n ? n + m : m;
}

/**
 * A residue in [0, n) as a signed integer: values above n/2 stand for negatives.
 * Refuses results outside the int64 range (an overflowed sum), naming the record.
 */
export function decodeSigned(residue: bigint, n: bigint, record?: number): bigint {
  if (residue < 0n || residue >= n) {
    throw new OffloadError('RECORD_INVALID', `${where(record)}plaintext is not below n`, {
      record,
    });
  }
  const v = residue > n / 2n ? residue - n : residue;
  if (v < INT64_MIN || v > INT64_MAX) {
    throw new OffloadError(
      'RECORD_INVALID',
      `${where(record)}plaintext ${v} is outside the signed 64-bit range: ` +
        'the computation overflowed (a sum or product left int64), so it cannot be decoded',
      { record },
    );
  }
  return v;
}

function where(record: number | undefined): string {
  return record === undefined ? '' : `record ${record}: `;
}
