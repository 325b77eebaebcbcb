// A deterministic random bit generator for kernels: SHA-256 in counter mode over the
// 32-byte seed the host places in the seed region. The host derives one seed per
// batch from a job secret, so a batch yields the same bytes wherever it runs.
import { digest } from './sha256';
import { seedAddress } from '../io';

const BLOCK: usize = memory.data(40);
const OUT: usize = memory.data(32);
const STATE: usize = memory.data(32);
let counter: u64 = 0;
let used: u32 = 32;

export function reseed(): void {
  memory.copy(BLOCK, seedAddress(), 32);
  counter = 0;
  used = 32;
}

function refill(): void {
  store<u64>(BLOCK + 32, counter);
  counter++;
  digest(BLOCK, 40, OUT, STATE);
  used = 0;
}

export function nextU64(): u64 {
  if (used + 8 > 32) refill();
  const v = load<u64>(OUT + <usize>used);
  used += 8;
  return v;
}

/** Fills `len` bytes at `dst` with generator output. */
export function fill(dst: usize, len: u32): void {
  let p = dst;
  let left = len;
  while (left > 0) {
    if (used == 32) refill();
    const take = min<u32>(left, 32 - used);
    memory.copy(p, OUT + <usize>used, <usize>take);
    used += take;
    p += <usize>take;
    left -= take;
  }
}
