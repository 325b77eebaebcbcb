// One adapter per supported API version.
import type { SlurmApiVersion } from '../model.js';
import type { SlurmAdapter } from './types.js';
import { v0038 } from './v0038.js';
import { v0040 } from './v0040.js';
import { v0041 } from './v0041.js';
import { v0042 } from './v0042.js';
import { v0043 } from './v0043.js';
import { v0044 } from './v0044.js';

export const ADAPTERS: Record<SlurmApiVersion, SlurmAdapter> = {
  'v0.0.38': v0038,
  'v0.0.40': v0040,
  'v0.0.41': v0041,
  'v0.0.42': v0042,
  'v0.0.43': v0043,
  'v0.0.44': v0044,
};
