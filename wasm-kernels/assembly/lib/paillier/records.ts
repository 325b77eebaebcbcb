// Reading ciphertext records and refusing malformed ones.
import { ERR_RECORD_LENGTH, ERR_RECORD_RANGE, OK } from '../../io';
import { allocLimbs, compare, fromBytesBE, setLimb, zeroLimbs } from '../bigint/limbs';
import { coprime } from '../bigint/gcd';
import { montMul } from '../bigint/montgomery';
import { PublicKey } from './key';

/**
 * Reads one ciphertext (n2Bytes big-endian bytes) into k limbs: ERR_RECORD_LENGTH for
 * another size, ERR_RECORD_RANGE for a value not below n².
 */
export function readCiphertext(
  dst: usize, ptr: usize, len: u32, k: u32, n2: usize, n2Bytes: u32,
): i32 {
  if (len != n2Bytes) return ERR_RECORD_LENGTH;
  fromBytesBE(dst, k, ptr, len);
  return compare(dst, n2, k) < 0 ? OK : ERR_RECORD_RANGE;
}

/**
 * Checks that ciphertexts are units mod n² (coprime to n) a chunk at a time: the
 * product of the chunk is a unit exactly when every factor is (p and q are prime), so
 * one GCD per chunk replaces one per record, which at about 1 ms each would cost
 * more than a homomorphic addition. Only when the product fails are the chunk's
 * records tested one by one, to name the culprit.
 */
export class UnitScreen {
  key: PublicKey;
  product: usize;
  u: usize;
  v: usize;

  constructor(key: PublicKey) {
    this.key = key;
    this.product = allocLimbs(key.k);
    this.u = allocLimbs(key.k);
    this.v = allocLimbs(key.k);
    this.reset();
  }

  reset(): void {
    zeroLimbs(this.product, this.key.k);
    setLimb(this.product, 0, 1);
  }

  /** Folds in a ciphertext (normal form; the product picks up powers of R^-1, units). */
  add(c: usize): void {
    montMul(this.product, this.product, c, this.key.mont);
  }

  allUnits(): bool {
    return coprime(this.product, this.key.n, this.key.k, this.u, this.v);
  }

  isUnit(c: usize): bool {
    return coprime(c, this.key.n, this.key.k, this.u, this.v);
  }
}

