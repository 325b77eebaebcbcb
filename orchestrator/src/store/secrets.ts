// Job secrets at rest: AES-256-GCM under a master key kept beside the database in a
// file of mode 0600. The store holds only nonces, ciphertexts and tags.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { OffloadError } from '../errors.js';

export interface Sealed {
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export class MasterKey {
  private constructor(private readonly key: Buffer) {}

  /** Reads the key file, creating it (mode 0600) on first use. */
  static open(file: string): MasterKey {
    if (!existsSync(file)) {
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length !== 32) {
      throw new OffloadError('STORE_FAILED', `${file} does not hold a 32-byte hex master key`);
    }
    return new MasterKey(key);
  }

  /** Seals `plain`, binding it to `context` (job and name) as associated data. */
  seal(plain: Buffer, context: string): Sealed {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return { nonce, ciphertext, tag: cipher.getAuthTag() };
  }

  open(sealed: Sealed, context: string): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.nonce);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(sealed.tag);
    try {
      return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
    } catch (cause) {
      throw new OffloadError(
        'STORE_FAILED',
        `secret ${context} does not open with this master key`,
        {
          cause,
        },
      );
    }
  }

  /**
   * A keyed digest of a secret, for fingerprints: equal secrets give equal digests,
   * but a digest reveals nothing of a low-entropy secret without the master key.
   */
  digest(secret: Buffer): string {
    return createHmac('sha256', this.key).update(secret).digest('hex');
  }
}
