// Raising ciphertexts to plaintext scalars: Enc(m)^k = Enc(k*m). Scalars are public
// (a factor, a model weight), so the exponentiation may take variable time.
import { allocBytes, allocLimbs, setLimb, zeroLimbs } from '../bigint/limbs';
import { fromMont, toMont } from '../bigint/montgomery';
import { PowScratch, montPowPublic } from '../bigint/exp';
import { invertMod } from '../bigint/gcd';
import { PublicKey } from './key';

export class ScalarPow {
  key: PublicKey;
  scratch: PowScratch;
  e: usize;
  base: usize;
  inv: usize;
  gcdScratch: usize;

  constructor(key: PublicKey) {
    this.key = key;
    // 4-bit windows: a 64-bit exponent costs 14 table products, 60 squarings and at
    // most 16 products; wider windows cost more to build than they save.
    this.scratch = new PowScratch(key.mont, 4);
    this.e = allocBytes(16);
    this.base = allocLimbs(key.k);
    this.inv = allocLimbs(key.k);
    this.gcdScratch = allocLimbs(4 * key.k);
  }

  /**
   * r = c^s (both plain, mod n²) for a signed s, Montgomery form when `mont` is set.
   * A negative s inverts c first; returns false when c is not invertible.
   */
  pow(r: usize, c: usize, s: i64, mont: bool): bool {
    const abs: u64 = s < 0 ? <u64>0 - <u64>s : <u64>s;
    if (s >= 0) {
      this.powAbs(r, c, abs, mont);
      return true;
    }
    const pk = this.key;
    if (!invertMod(this.inv, c, pk.n2, pk.k, this.gcdScratch)) return false;
    this.powAbs(r, this.inv, abs, mont);
    return true;
  }

  /** r = c^e for an unsigned e (r in Montgomery form when `mont` is set). */
  powAbs(r: usize, c: usize, e: u64, mont: bool): void {
    const pk = this.key;
    if (e == 0) {
      zeroLimbs(r, pk.k);
      setLimb(r, 0, 1);
      if (mont) toMont(r, r, pk.mont);
      return;
    }
    toMont(this.base, c, pk.mont);
    store<u64>(this.e, e);
    montPowPublic(r, this.base, this.e, 64 - <u32>clz(e), pk.mont, this.scratch);
    if (!mont) fromMont(r, r, pk.mont);
  }
}
