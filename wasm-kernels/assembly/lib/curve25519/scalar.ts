// Scalars of ristretto255: integers modulo the group order
// l = 2^252 + 27742317777372353535851937790883648493 (RFC 9496 §4.1).

// l, little-endian.
const ORDER: usize = memory.data<u8>([
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
]);

/**
 * 1 when the 32-byte little-endian scalar at s is in 1..l-1, else 0. Constant time:
 * a borrow-propagating subtraction of l and an OR over the bytes, without branches,
 * so checking a secret scalar reveals only whether it was accepted.
 */
export function scalarIsCanonicalNonZero(s: usize): u32 {
  let borrow: i32 = 0;
  let any: u32 = 0;
  for (let i: usize = 0; i < 32; i++) {
    const b = <i32>load<u8>(s + i);
    borrow = (b - <i32>load<u8>(ORDER + i) - borrow) >>> 31; // 1 while s < l so far
    any |= <u32>b;
  }
  const nonZero = <u32>((<u64>any - 1) >> 63) ^ 1;
  return <u32>borrow & nonZero;
}
