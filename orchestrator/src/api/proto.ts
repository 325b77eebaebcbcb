// Loads proto/*.proto at run time. The options decide the shape of every message
// object, so they must agree with the flags in scripts/gen-proto.mjs, which generates
// the types in ./generated/ from the same files.
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProtoGrpcType as AdminProto } from './generated/admin.js';
import type { ProtoGrpcType as HealthProto } from './generated/health.js';
import type { ProtoGrpcType as JobsProto } from './generated/jobs.js';
import type { ProtoGrpcType as KernelsProto } from './generated/kernels.js';

const here = dirname(fileURLToPath(import.meta.url));
/** proto/, from orchestrator/dist/src/api. */
export const PROTO_DIR = resolve(here, '../../../../proto');

export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

const FILES = [
  'offload/v1/jobs.proto',
  'offload/v1/admin.proto',
  'offload/v1/kernels.proto',
  'grpc/health/v1/health.proto',
];

export type OffloadProto = JobsProto & AdminProto & KernelsProto & HealthProto;

let cached: OffloadProto | undefined;

/** The loaded services and message types; parsed once per process. */
export function loadProto(): OffloadProto {
  if (!cached) {
    const definition = protoLoader.loadSync(FILES, LOADER_OPTIONS);
    cached = grpc.loadPackageDefinition(definition) as unknown as OffloadProto;
  }
  return cached;
}
