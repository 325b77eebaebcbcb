// Kernel-side helpers for Offload's kernel ABI, version 1 (see wasm-kernels/README.md):
// the memory regions the host writes into, the output region, parameter and record
// readers and error codes. Only `abi.ts` is exported from a module; kernels import
// these helpers.
export const ABI_VERSION: u32 = 1;

// Error codes returned by entry points. The host maps each to a typed error.
export const OK: i32 = 0;
export const ERR_PARAMS: i32 = -1;
export const ERR_RECORD_LENGTH: i32 = -2;
export const ERR_RECORD_ENCODING: i32 = -3;
export const ERR_RECORD_RANGE: i32 = -4;
export const ERR_FRAMING: i32 = -5;
export const ERR_STATE: i32 = -6;

export const REGION_PARAMS: u32 = 0;
export const REGION_INPUT: u32 = 1;
export const REGION_SEED: u32 = 2;
export const SEED_BYTES: u32 = 32;
/**
 * Readable bytes past the end of the input region: vector code may load a whole 64-byte
 * block starting at any record (lib/sha256-lanes.ts) and mask off what is not its own.
 */
export const INPUT_SLACK: u32 = 64;

let paramsPtr: usize = 0;
let paramsCap: u32 = 0;
let inputPtr: usize = 0;
let inputCap: u32 = 0;
let outputPtr: usize = 0;
let outputCap: u32 = 0;
let outputLen: u32 = 0;
let errorRecord: u32 = 0;
const seedPtr: usize = memory.data(32);

function grow(ptr: usize, cap: u32, want: u32): usize {
  if (want <= cap && ptr != 0) return ptr;
  return heap.alloc(<usize>want);
}

function roundUp(bytes: u32): u32 {
  let cap: u32 = 4096;
  while (cap < bytes) cap <<= 1;
  return cap;
}

/** Returns an address where the host may write `bytes` bytes of the given region. */
export function offload_reserve(region: u32, bytes: u32): usize {
  if (region == REGION_SEED) return bytes <= SEED_BYTES ? seedPtr : 0;
  const cap = roundUp(bytes);
  if (region == REGION_PARAMS) {
    if (bytes > paramsCap) {
      paramsPtr = grow(paramsPtr, paramsCap, cap);
      paramsCap = cap;
    }
    return paramsPtr;
  }
  if (region == REGION_INPUT) {
    if (bytes > inputCap) {
      inputPtr = grow(inputPtr, inputCap, cap + INPUT_SLACK);
      inputCap = cap;
    }
    return inputPtr;
  }
  return 0;
}

export function offload_abi_version(): u32 {
  return ABI_VERSION;
}

export function offload_output_ptr(): usize {
  return outputPtr;
}

export function offload_output_len(): u32 {
  return outputLen;
}

/** Index, within the last chunk, of the record that made an entry point fail. */
export function offload_error_record(): u32 {
  return errorRecord;
}

// ---- helpers for kernels (not exported by the module) ----

export function paramsAddress(): usize {
  return paramsPtr;
}

export function inputAddress(): usize {
  return inputPtr;
}

export function seedAddress(): usize {
  return seedPtr;
}

/** Fails the current call, blaming record `index` of the chunk. */
export function fail(code: i32, index: u32): i32 {
  errorRecord = index;
  return code;
}

export function resetOutput(): void {
  outputLen = 0;
}

/**
 * Makes the output region exactly `bytes` long and returns its address, for kernels
 * whose output frames all have one size and are written in place.
 */
export function reserveOutput(bytes: u32): usize {
  if (bytes > outputCap) {
    const cap = roundUp(bytes);
    outputPtr = heap.alloc(<usize>cap);
    outputCap = cap;
  }
  outputLen = bytes;
  return outputPtr;
}

/**
 * Appends a record frame of `len` bytes to the output region and returns the
 * address of its payload, which the caller fills.
 */
export function appendRecord(len: u32): usize {
  const need = outputLen + 4 + len;
  if (need > outputCap) {
    const cap = roundUp(need);
    const next = heap.alloc(<usize>cap);
    if (outputLen > 0) memory.copy(next, outputPtr, <usize>outputLen);
    outputPtr = next;
    outputCap = cap;
  }
  const at = outputPtr + <usize>outputLen;
  store<u32>(at, len);
  outputLen = need;
  return at + 4;
}

/**
 * Reads the parameter block written by the host: fields in the manifest's order,
 * `bytes` as a u32 length then the bytes, integers little-endian.
 */
export class ParamReader {
  private at: usize;
  private end: usize;
  ok: bool = true;

  constructor(len: u32) {
    this.at = paramsPtr;
    this.end = paramsPtr + <usize>len;
  }

  u32(): u32 {
    if (this.at + 4 > this.end) {
      this.ok = false;
      return 0;
    }
    const v = load<u32>(this.at);
    this.at += 4;
    return v;
  }

  u64(): u64 {
    if (this.at + 8 > this.end) {
      this.ok = false;
      return 0;
    }
    const v = load<u64>(this.at);
    this.at += 8;
    return v;
  }

  /** Returns the address of a length-prefixed byte field; its length is in `lastLength`. */
  bytes(): usize {
    const len = this.u32();
    if (!this.ok || this.at + <usize>len > this.end) {
      this.ok = false;
      this.lastLength = 0;
      return 0;
    }
    const p = this.at;
    this.at += <usize>len;
    this.lastLength = len;
    return p;
  }

  lastLength: u32 = 0;

  done(): bool {
    return this.ok && this.at == this.end;
  }
}

/**
 * Walks the framed records of the input region: each is a little-endian u32 length
 * and that many bytes. `next()` returns false at the end or on a frame that runs past
 * the chunk, which `broken` then reports.
 */
export class RecordCursor {
  private at: usize;
  private end: usize;
  index: u32 = 0;
  ptr: usize = 0;
  len: u32 = 0;
  broken: bool = false;
  private remaining: u32;

  constructor(count: u32, bytes: u32) {
    this.at = inputPtr;
    this.end = inputPtr + <usize>bytes;
    this.remaining = count;
    this.index = <u32>-1;
  }

  next(): bool {
    if (this.remaining == 0) return false;
    if (this.at + 4 > this.end) {
      this.broken = true;
      return false;
    }
    const len = load<u32>(this.at);
    // Compared as a difference: `at + 4 + len` can wrap around for a huge length.
    if (len > <u32>(this.end - this.at - 4)) {
      this.broken = true;
      return false;
    }
    this.ptr = this.at + 4;
    this.len = len;
    this.at += 4 + <usize>len;
    this.remaining--;
    this.index++;
    return true;
  }
}
