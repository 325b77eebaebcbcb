// hash_to_ristretto255 (RFC 9380 Appendix B): 64 bytes from expand_message_xmd with
// SHA-512 under the run's DST, then the one-way map of RFC 9496 §4.3.4.
import { expandMessageXmd } from '../expand-message-xmd';
import { ristrettoFromUniform } from './ristretto';

const UNIFORM: usize = memory.data(64);

/** p = hash_to_ristretto255(msg) under the DST set with `xmdSetDst`. */
export function hashToRistretto(p: usize, msg: usize, len: u32): void {
  expandMessageXmd(msg, len, UNIFORM, 64);
  ristrettoFromUniform(p, UNIFORM);
}
