// Plaintext encoding: a signed 64-bit integer m stands for M = m mod n (a negative m
// is n - |m|), and (1 + n)^M = 1 + M*n mod n² (the binomial theorem; n² kills the
// rest), so encryption needs no exponentiation for the message part.
import { LIMB_BITS, LIMB_MASK, limb, setLimb, subLimbs } from '../bigint/limbs';
import { PublicKey } from './key';

/**
 * f = 1 + M*n mod n² for the int64 m. Constant time in m: the product runs over all
 * limbs, and both the positive form 1 + |m|*n and the negative form n² + 1 - |m|*n
 * are computed and one is kept by a mask. `lanes` holds k + 4 u64, `tmp` k limbs.
 */
export function messageFactor(f: usize, m: i64, key: PublicKey, lanes: usize, tmp: usize): void {
  const k = key.k;
  const neg = <u64>(m >>> 63);
  const abs = (<u64>m ^ (0 - neg)) + neg; // |m|, 2^63 for the most negative m
  const v0 = <u64>(<u32>abs & LIMB_MASK);
  const v1 = <u64>(<u32>(abs >> LIMB_BITS) & LIMB_MASK);
  const v2 = abs >> (2 * LIMB_BITS);
  memory.fill(lanes, 0, <usize>(k + 4) << 3);
  for (let i: u32 = 0; i < k; i++) {
    const ni = <u64>limb(key.n, i);
    const p = lanes + (<usize>i << 3);
    store<u64>(p, load<u64>(p) + ni * v0);
    store<u64>(p, load<u64>(p, 8) + ni * v1, 8);
    store<u64>(p, load<u64>(p, 16) + ni * v2, 16);
  }
  // t = |m| * n, below 2^63 * n < n²; lanes beyond k are zero.
  let c: u64 = 0;
  for (let i: u32 = 0; i < k; i++) {
    const v = load<u64>(lanes + (<usize>i << 3)) + c;
    setLimb(tmp, i, <u32>v & LIMB_MASK);
    c = v >> LIMB_BITS;
  }
  subLimbs(f, key.n2, tmp, k); // n² - t
  const keepNeg = <u32>0 - <u32>neg;
  for (let i: u32 = 0; i < k; i++) {
    setLimb(f, i, (limb(f, i) & keepNeg) | (limb(tmp, i) & ~keepNeg));
  }
  // + 1: carries through at most the limbs that were all ones, but run every limb.
  let carry: u32 = 1;
  for (let i: u32 = 0; i < k; i++) {
    const s = limb(f, i) + carry;
    setLimb(f, i, s & LIMB_MASK);
    carry = s >> LIMB_BITS;
  }
}

