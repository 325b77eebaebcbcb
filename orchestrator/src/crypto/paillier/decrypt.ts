// Decryption on the data owner's machine: the paillier-decrypt kernel (CRT mod p² and
// q²) run in this process, never as a job, then signed or fixed-point decoding.
import { readFile } from 'node:fs/promises';
import { OffloadError, show } from '../../errors.js';
import type { Catalog } from '../../kernels/catalog.js';
import { decodeSigned, formatFixed } from './encoding.js';
import { mapRecords, openKernel } from './kernel-run.js';
import { loadPrivateKey, privateKeyBlob, type PaillierPrivateKey } from './keys.js';
import { fromBytes } from './math.js';

/** Plaintext residues in [0, n) of big-endian ciphertexts. */
export async function decryptResidues(
  key: PaillierPrivateKey,
  ciphertexts: Buffer[],
  catalog?: Catalog,
): Promise<bigint[]> {
  const kernel = await openKernel(
    'paillier-decrypt',
    { paillierPrivateKey: privateKeyBlob(key) },
    undefined,
    catalog,
  );
  return mapRecords(kernel, ciphertexts).map(fromBytes);
}

/** Signed 64-bit plaintexts of ciphertexts; refuses overflowed values, naming the record. */
export async function decryptSigned(
  key: PaillierPrivateKey,
  ciphertexts: Buffer[],
  catalog?: Catalog,
): Promise<bigint[]> {
  const residues = await decryptResidues(key, ciphertexts, catalog);
  return residues.map((r, i) => decodeSigned(r, key.n, i));
}

/** Reads a result file of ciphertexts: one hexadecimal ciphertext a line (blank lines skipped). */
export async function readCiphertextFile(file: string, key: { bits: number }): Promise<Buffer[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new OffloadError(
      'INPUT_NOT_FOUND',
      `cannot read result file ${file}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  const size = key.bits / 4;
  const out: Buffer[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].trim();
    if (line === '') continue;
    if (line.startsWith('"')) line = String(JSON.parse(line));
    if (!/^[0-9a-fA-F]+$/.test(line) || line.length !== size * 2) {
      throw new OffloadError(
        'RECORD_INVALID',
        `${file}:${i + 1}: expected a ${size}-byte ciphertext in hexadecimal, got ${show(line)}`,
        { record: out.length },
      );
    }
    out.push(Buffer.from(line, 'hex'));
  }
  return out;
}

/** Decrypts a result file with a private key file into decimal strings (fixed point at `scale`). */
export async function decryptResultFile(
  keyFile: string,
  resultFile: string,
  scale = 0,
  catalog?: Catalog,
): Promise<string[]> {
  const key = await loadPrivateKey(keyFile);
  const values = await decryptSigned(key, await readCiphertextFile(resultFile, key), catalog);
  return values.map((v) => formatFixed(v, scale));
}
