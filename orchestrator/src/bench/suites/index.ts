// Every benchmark suite `npm run bench` knows, by name. A suite is a module exporting
// `suite: Suite` (../types.ts); add it here to make it runnable.
import type { Suite } from '../types.js';
import { suite as hmac } from './hmac.js';
import { suite as paillier } from './paillier.js';
import { suite as pipeline } from './pipeline.js';
import { suite as psi } from './psi.js';

export const SUITES: readonly Suite[] = [hmac, pipeline, psi, paillier];

export function findSuite(name: string): Suite | undefined {
  return SUITES.find((s) => s.name === name);
}
