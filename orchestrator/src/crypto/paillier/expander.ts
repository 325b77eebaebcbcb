// Lets a job spec name a Paillier public key file instead of raw kernel parameters:
//   "params": { "publicKey": { "file": "k.pub.json" } }
// expands into the kernels' paillierPublicKey blob.
import { OffloadError, show } from '../../errors.js';
import { registerParamExpander, type ParamSource } from '../../jobs/spec.js';
import { paillierKernelParams } from './keys.js';

export async function expandPublicKey(source: ParamSource, field: string) {
  if (typeof source !== 'object' || !('file' in source)) {
    throw new OffloadError(
      'PARAM_INVALID',
      `${field} must be {"file": "<name>.pub.json"}, got ${show(source)}`,
      { field },
    );
  }
  return paillierKernelParams(source.file);
}

export function registerPaillierParams(): void {
  registerParamExpander('publicKey', expandPublicKey);
}
