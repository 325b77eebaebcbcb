import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { hashToken, newToken, parseTokens, TokenStore } from '../../src/api/auth.js';
import { addToken } from '../../src/cli/commands/serve.js';
import { tempDir } from '../helpers.js';
import { sha256Hex, writeTokens } from './harness.js';

describe('the tokens file', () => {
  const tmp = tempDir('offload-tokens-');
  after(() => tmp.cleanup());

  it('hashes tokens with SHA-256, as node:crypto does', () => {
    assert.equal(hashToken('abc'), sha256Hex('abc'));
    assert.equal(
      hashToken('abc'),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', // FIPS 180-2 B.1
    );
  });

  it('makes tokens of 32 random bytes', () => {
    const a = newToken();
    assert.match(a, /^offload_[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(a.slice('offload_'.length), 'base64url').length, 32);
    assert.notEqual(a, newToken());
  });

  it('revokes a token removed from the file without a restart', () => {
    const file = join(tmp.dir, 'tokens.yaml');
    writeTokens(file, {
      ann: { token: 't-ann', role: 'operator' },
      ben: { token: 't-ben', role: 'ci' },
    });
    const store = new TokenStore(file, 0);
    assert.deepEqual(store.lookup('t-ben'), { user: 'ben', role: 'ci' });
    writeTokens(file, { ann: { token: 't-ann', role: 'admin' } });
    assert.equal(store.lookup('t-ben'), undefined);
    assert.deepEqual(store.lookup('t-ann'), { user: 'ann', role: 'admin' });
  });

  it('names the entry and field of a bad file', () => {
    const hash = sha256Hex('x');
    const cases: [string, RegExp][] = [
      ['tokens: []', /tokens must be a map of hash to user/],
      [`tokens:\n  ABC: { user: a, role: ci }`, /tokens\.ABC must be a lower-case hex SHA-256/],
      [`tokens:\n  ${hash}: { user: "a/b", role: ci }`, /\.user must be a plain user name/],
      [
        `tokens:\n  ${hash}: { user: a, role: root }`,
        /\.role must be one of operator, admin, ci, got "root"/,
      ],
    ];
    for (const [text, message] of cases) {
      assert.throws(() => parseTokens(text, 'tokens.yaml'), message);
    }
  });

  it('adds tokens to a file, keeping only their hashes', () => {
    const file = join(tmp.dir, 'added.yaml');
    const first = addToken(file, 'dora', 'operator');
    const second = addToken(file, 'eli', 'admin');
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes(first) && !text.includes(second));
    const store = new TokenStore(file);
    assert.deepEqual(store.lookup(first), { user: 'dora', role: 'operator' });
    assert.deepEqual(store.lookup(second), { user: 'eli', role: 'admin' });
    assert.equal(store.lookup(first.slice(0, -1)), undefined);
  });
});
