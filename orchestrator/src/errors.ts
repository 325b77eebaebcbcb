// Every error Offload reports on purpose, in one registry: a code, the gRPC status
// it maps to and the exit code the CLI uses. Messages name the field and the value.

/** gRPC status codes (grpc/doc/statuscodes.md), kept here so the core needs no gRPC import. */
export const GrpcStatus = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;

const REGISTRY = {
  SPEC_INVALID: { grpc: GrpcStatus.INVALID_ARGUMENT, exit: 2 },
  CONFIG_INVALID: { grpc: GrpcStatus.INVALID_ARGUMENT, exit: 2 },
  PARAM_INVALID: { grpc: GrpcStatus.INVALID_ARGUMENT, exit: 2 },
  SECRET_INVALID: { grpc: GrpcStatus.INVALID_ARGUMENT, exit: 2 },
  INPUT_NOT_FOUND: { grpc: GrpcStatus.NOT_FOUND, exit: 3 },
  RECORD_INVALID: { grpc: GrpcStatus.INVALID_ARGUMENT, exit: 4 },
  KERNEL_UNKNOWN: { grpc: GrpcStatus.NOT_FOUND, exit: 2 },
  KERNEL_INVALID: { grpc: GrpcStatus.FAILED_PRECONDITION, exit: 5 },
  KERNEL_FAILED: { grpc: GrpcStatus.INTERNAL, exit: 5 },
  JOB_NOT_FOUND: { grpc: GrpcStatus.NOT_FOUND, exit: 3 },
  JOB_STATE: { grpc: GrpcStatus.FAILED_PRECONDITION, exit: 6 },
  JOB_CANCELLED: { grpc: GrpcStatus.CANCELLED, exit: 7 },
  OUTPUT_UNVERIFIED: { grpc: GrpcStatus.DATA_LOSS, exit: 8 },
  BACKEND_UNAVAILABLE: { grpc: GrpcStatus.UNAVAILABLE, exit: 9 },
  STORE_FAILED: { grpc: GrpcStatus.INTERNAL, exit: 10 },
  KEY_INVALID: { grpc: GrpcStatus.INVALID_ARGUMENT, exit: 2 },
  UNAUTHENTICATED: { grpc: GrpcStatus.UNAUTHENTICATED, exit: 11 },
  PERMISSION_DENIED: { grpc: GrpcStatus.PERMISSION_DENIED, exit: 11 },
  RESOURCE_EXHAUSTED: { grpc: GrpcStatus.RESOURCE_EXHAUSTED, exit: 12 },
  INTERNAL: { grpc: GrpcStatus.INTERNAL, exit: 1 },
} as const;

export type ErrorCode = keyof typeof REGISTRY;

export interface ErrorDetails {
  /** The spec or request field at fault, as a dotted path: `batch.records`. */
  field?: string;
  /** The record at fault: its index in the dataset, from 0. */
  record?: number;
  cause?: unknown;
}

export class OffloadError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly record: number | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'OffloadError';
    this.code = code;
    this.field = details.field;
    this.record = details.record;
  }

  get grpcStatus(): number {
    return REGISTRY[this.code].grpc;
  }

  get exitCode(): number {
    return REGISTRY[this.code].exit;
  }
}

export function isOffloadError(err: unknown): err is OffloadError {
  return err instanceof OffloadError;
}

/** Shows a value in an error message without flooding it. */
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'bigint') text = `${value}`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
