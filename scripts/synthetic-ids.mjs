// Synthetic 18-character national ID numbers (GB 11643-1999 layout: a 6-digit region
// code, an 8-digit birth date, a 3-digit sequence number and an ISO 7064 MOD 11-2
// check character). They are made up from a seeded generator; none is a real person's.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const REGIONS = ['110101', '310104', '440305', '510107', '330106', '420102', '610113', '320102'];

/** A small seeded generator (xorshift32), so the same seed gives the same dataset. */
function generator(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

export function checkCharacter(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export function* identifiers(count, seed) {
  const next = generator(seed);
  for (let i = 0; i < count; i++) {
    const region = REGIONS[next() % REGIONS.length];
    const year = 1940 + (next() % 70);
    const month = String(1 + (next() % 12)).padStart(2, '0');
    const day = String(1 + (next() % 28)).padStart(2, '0');
    const seq = String(next() % 1000).padStart(3, '0');
    const body = `${region}${year}${month}${day}${seq}`;
    yield body + checkCharacter(body);
  }
}

export async function writeIdentifiers(path, count, seed) {
  const out = createWriteStream(path);
  let chunk = [];
  for (const id of identifiers(count, seed)) {
    chunk.push(id);
    if (chunk.length === 10000) {
      if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length) out.write(chunk.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}
