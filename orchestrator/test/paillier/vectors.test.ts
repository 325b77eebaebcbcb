import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from '../helpers.js';

describe('Paillier known-answer vectors', () => {
  it('are what scripts/gen-paillier-vectors.mjs computes with BigInt', async () => {
    const script = join(ROOT, 'scripts/gen-paillier-vectors.mjs');
    // Rejects (exit 1, naming the file) when a vector file differs from the generator.
    await promisify(execFile)(process.execPath, [script, '--check']);
  });
});
