// Multi-precision numbers as little-endian arrays of 27-bit limbs, one limb per u32.
//
// Why 27 bits and not 32: WebAssembly has no 64x64->128 multiply, so a limb product
// must fit a u64. With 32-bit limbs every product needs its carry split off at once, a
// serial add-shift chain per limb. With 27-bit limbs a product is below 2^54 and a u64
// lane absorbs a whole Montgomery column: at most 2k products plus a carry, and for
// k = 228 limbs (6144-bit moduli, 3072-bit keys) 456 * 2^54 < 2^63. Carries are then
// resolved once per row and the inner loop is pure SIMD (montgomery.ts).
//
// Tried and dropped: 21-bit limbs held in f64 lanes (f64x2.mul needs no shuffles,
// unlike i64x2.extmul): a 4096-bit product took 16.2 us against 12.1 us here (best of
// 8 runs of 400, CPU time, on a shared AMD EPYC core).
//
// A number of k limbs occupies 4k bytes; k is a multiple of 4 so that the Montgomery
// loop reads whole v128 vectors. Numbers are normalised (every limb below 2^27)
// between operations.
export const LIMB_BITS: u32 = 27;
export const LIMB_MASK: u32 = (1 << LIMB_BITS) - 1;

/** Limbs for a modulus of `bits` bits: 2 spare bits (R > 4m, montgomery.ts), rounded to 4. */
export function limbsFor(bits: u32): u32 {
  const n = (bits + 2 + LIMB_BITS - 1) / LIMB_BITS;
  return (n + 3) & ~3;
}

/** Bytes of a k-limb number. */
@inline export function limbBytes(k: u32): usize {
  return <usize>k << 2;
}

/** Zeroed space of `bytes` bytes, 16-byte aligned, never freed (stub runtime). */
export function allocBytes(bytes: usize): usize {
  const p = heap.alloc(bytes + 16);
  const aligned = (p + 15) & ~(<usize>15);
  memory.fill(aligned, 0, bytes);
  return aligned;
}

export function allocLimbs(k: u32): usize {
  return allocBytes(limbBytes(k));
}

@inline export function limb(a: usize, i: u32): u32 {
  return load<u32>(a + (<usize>i << 2));
}

@inline export function setLimb(a: usize, i: u32, v: u32): void {
  store<u32>(a + (<usize>i << 2), v);
}

export function copyLimbs(dst: usize, src: usize, k: u32): void {
  memory.copy(dst, src, limbBytes(k));
}

export function zeroLimbs(dst: usize, k: u32): void {
  memory.fill(dst, 0, limbBytes(k));
}

export function setSmall(dst: usize, k: u32, v: u64): void {
  zeroLimbs(dst, k);
  let x = v;
  for (let i: u32 = 0; x != 0 && i < k; i++) {
    setLimb(dst, i, <u32>x & LIMB_MASK);
    x >>= LIMB_BITS;
  }
}

/**
 * Reads `len` big-endian bytes into k limbs. Returns false when the value does not
 * fit (the caller reports the record as out of range).
 */
export function fromBytesBE(dst: usize, k: u32, src: usize, len: u32): bool {
  zeroLimbs(dst, k);
  let acc: u64 = 0;
  let accBits: u32 = 0;
  let i: u32 = 0;
  for (let at = <i32>len - 1; at >= 0; at--) {
    acc |= <u64>load<u8>(src + <usize>at) << accBits;
    accBits += 8;
    if (accBits >= LIMB_BITS) {
      if (i >= k) return false;
      setLimb(dst, i++, <u32>acc & LIMB_MASK);
      acc >>= LIMB_BITS;
      accBits -= LIMB_BITS;
    }
  }
  if (acc != 0) {
    if (i >= k) return false;
    setLimb(dst, i, <u32>acc);
  }
  return true;
}

/** Writes k limbs as exactly `len` big-endian bytes (bits above 8*len are dropped). */
export function toBytesBE(dst: usize, len: u32, src: usize, k: u32): void {
  let acc: u64 = 0;
  let accBits: u32 = 0;
  let i: u32 = 0;
  for (let at = <i32>len - 1; at >= 0; at--) {
    if (accBits < 8) {
      if (i < k) acc |= <u64>limb(src, i) << accBits;
      i++;
      accBits += LIMB_BITS;
    }
    store<u8>(dst + <usize>at, <u8>acc);
    acc >>= 8;
    accBits -= 8;
  }
}

/** True when bits above 8*len are all zero (the value fits in `len` bytes). */
export function fitsBytes(src: usize, k: u32, len: u32): bool {
  const bits = len << 3;
  for (let i: u32 = bits / LIMB_BITS; i < k; i++) {
    const lo = i * LIMB_BITS;
    const v = limb(src, i);
    if (lo >= bits ? v != 0 : (v >> (bits - lo)) != 0) return false;
  }
  return true;
}

/** -1, 0 or 1 as a < b, a == b, a > b. Variable time: for public values only. */
export function compare(a: usize, b: usize, k: u32): i32 {
  for (let i = <i32>k - 1; i >= 0; i--) {
    const x = limb(a, <u32>i);
    const y = limb(b, <u32>i);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

export function isZero(a: usize, k: u32): bool {
  let acc: u32 = 0;
  for (let i: u32 = 0; i < k; i++) acc |= limb(a, i);
  return acc == 0;
}

/** r = a - b over k limbs; returns the borrow (0 or 1). r may alias a or b. */
export function subLimbs(r: usize, a: usize, b: usize, k: u32): u32 {
  let borrow: i32 = 0;
  for (let i: u32 = 0; i < k; i++) {
    const d = <i32>limb(a, i) - <i32>limb(b, i) - borrow;
    setLimb(r, i, <u32>d & LIMB_MASK);
    borrow = <i32>(<u32>d >> 31);
  }
  return <u32>borrow;
}

/** r = a + b over k limbs; returns the carry out of the top limb. */
export function addLimbs(r: usize, a: usize, b: usize, k: u32): u32 {
  let carry: u32 = 0;
  for (let i: u32 = 0; i < k; i++) {
    const s = limb(a, i) + limb(b, i) + carry;
    setLimb(r, i, s & LIMB_MASK);
    carry = s >> LIMB_BITS;
  }
  return carry;
}

/**
 * a = a - m when a >= m, in constant time: the subtraction always runs and a mask
 * picks the result, so no branch depends on a (which may be secret).
 */
export function condSubCT(a: usize, m: usize, k: u32, scratch: usize): void {
  const borrow = subLimbs(scratch, a, m, k);
  const keep = <u32>0 - borrow; // all ones when a < m
  for (let i: u32 = 0; i < k; i++) {
    setLimb(a, i, (limb(a, i) & keep) | (limb(scratch, i) & ~keep));
  }
}

/** a = 2a mod m for a < m. */
export function doubleMod(a: usize, m: usize, k: u32, scratch: usize): void {
  let carry: u32 = 0;
  for (let i: u32 = 0; i < k; i++) {
    const s = (limb(a, i) << 1) | carry;
    setLimb(a, i, s & LIMB_MASK);
    carry = s >> LIMB_BITS;
  }
  condSubCT(a, m, k, scratch);
}

/** Bit length of a (public values). */
export function bitLength(a: usize, k: u32): u32 {
  for (let i = <i32>k - 1; i >= 0; i--) {
    const x = limb(a, <u32>i);
    if (x != 0) return <u32>i * LIMB_BITS + (32 - <u32>clz(x));
  }
  return 0;
}

/** r = a * s for a small s (below 2^31), over k limbs; returns the carry out. */
export function mulSmall(r: usize, a: usize, s: u32, k: u32): u64 {
  let carry: u64 = 0;
  for (let i: u32 = 0; i < k; i++) {
    const v = <u64>limb(a, i) * <u64>s + carry;
    setLimb(r, i, <u32>v & LIMB_MASK);
    carry = v >> LIMB_BITS;
  }
  return carry;
}

/**
 * r = a * b for k-limb a and b, into 2k limbs (no reduction), through u64 lanes: a
 * lane sums at most k products below 2^54, under 2^63 for k <= 256. Constant time.
 */
export function mulPlain(r: usize, a: usize, b: usize, k: u32, lanes: usize): void {
  memory.fill(lanes, 0, <usize>(2 * k) << 3);
  for (let i: u32 = 0; i < k; i++) {
    const ai = <u64>limb(a, i);
    const row = lanes + (<usize>i << 3);
    for (let j: u32 = 0; j < k; j++) {
      const p = row + (<usize>j << 3);
      store<u64>(p, load<u64>(p) + ai * <u64>limb(b, j));
    }
  }
  let c: u64 = 0;
  for (let i: u32 = 0; i < 2 * k; i++) {
    const v = load<u64>(lanes + (<usize>i << 3)) + c;
    setLimb(r, i, <u32>v & LIMB_MASK);
    c = v >> LIMB_BITS;
  }
}
