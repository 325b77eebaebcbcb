// sha256: each record becomes its 32-byte SHA-256 digest.
import { OK, ERR_PARAMS, ParamReader } from '../io';
import { mapDigests } from '../lib/digests';
export * from '../abi';

export function offload_init(paramsLen: u32): i32 {
  return new ParamReader(paramsLen).done() ? OK : ERR_PARAMS;
}

export function offload_map(count: u32, bytes: u32): i32 {
  return mapDigests(count, bytes, false);
}
