// ECDH-PSI on ristretto255: the two-party flow over files and its building blocks.
export { blindSet, initJob, intersect, reblindSet } from './flow.js';
export type { InitResult, IntersectResult, StepOptions } from './flow.js';
export { sortRecords } from './external-sort.js';
export { KernelPool } from './pool.js';
export { generateScalar, isValidScalar, readScalar, scalarPath } from './secret.js';
