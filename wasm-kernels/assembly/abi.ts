// The exports every kernel module shares (Offload kernel ABI, version 1; see
// wasm-kernels/README.md). A kernel's entry file re-exports this module and adds
// `offload_init` plus `offload_map`, or `offload_reduce`, `offload_combine` and
// `offload_finish`.
export {
  offload_abi_version,
  offload_reserve,
  offload_output_ptr,
  offload_output_len,
  offload_error_record,
} from './io';
