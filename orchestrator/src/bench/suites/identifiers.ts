// Deterministic test identifiers shaped like 18-character national ID numbers (GB 11643:
// 6-digit region, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check
// character), the typical input of keyed pseudonymisation.

/** A small seeded generator (mulberry32), so every run hashes the same identifiers. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** ISO 7064 MOD 11-2 over 17 digits: weights 2^(17-i) mod 11, check 'X' stands for 10. */
export function checkCharacter(digits: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(digits[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

export function nationalIds(count: number, seed = 1): Buffer[] {
  const rand = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  const ids: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const region = pad(int(110000, 659999), 6);
    const date = `${int(1940, 2010)}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`;
    const body = region + date + pad(int(0, 999), 3);
    ids.push(Buffer.from(body + checkCharacter(body), 'latin1'));
  }
  return ids;
}

/** Frames records (u32 little-endian length, bytes) into chunks of at most `chunkBytes`. */
export function frameChunks(
  records: Buffer[],
  chunkBytes: number,
): Array<{ chunk: Buffer; count: number }> {
  const chunks: Array<{ chunk: Buffer; count: number }> = [];
  let parts: Buffer[] = [];
  let size = 0;
  const flush = (): void => {
    if (parts.length) chunks.push({ chunk: Buffer.concat(parts), count: parts.length / 2 });
    parts = [];
    size = 0;
  };
  for (const r of records) {
    if (size + 4 + r.length > chunkBytes && size > 0) flush();
    const len = Buffer.allocUnsafe(4);
    len.writeUInt32LE(r.length);
    parts.push(len, r);
    size += 4 + r.length;
  }
  flush();
  return chunks;
}
