// Turns errors into gRPC statuses. OffloadErrors carry their own status and a message
// that names the field; anything else is a fault of ours, logged and answered INTERNAL
// without details, so no stack trace or path reaches a client.
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { isOffloadError, OffloadError, type ErrorCode } from '../errors.js';

/** Trailing metadata keys a client can read to tell errors apart without parsing text. */
export const ERROR_CODE_KEY = 'offload-error-code';
export const ERROR_FIELD_KEY = 'offload-error-field';

export function toServiceError(err: unknown, log: Logger): Partial<grpc.ServiceError> {
  if (!isOffloadError(err)) {
    log.error({ err }, 'rpc failed');
    return statusError(grpc.status.INTERNAL, 'internal error', 'INTERNAL');
  }
  if (err.code === 'INTERNAL' || err.code === 'STORE_FAILED') log.error({ err }, 'rpc failed');
  return statusError(err.grpcStatus, err.message, err.code, err.field);
}

function statusError(
  code: grpc.status,
  details: string,
  offloadCode: ErrorCode,
  field?: string,
): Partial<grpc.ServiceError> {
  const metadata = new grpc.Metadata();
  metadata.set(ERROR_CODE_KEY, offloadCode);
  if (field) metadata.set(ERROR_FIELD_KEY, field);
  return { code, details, metadata };
}

/** Rebuilds an OffloadError from a status a client received, for the CLI's exit codes. */
export function fromServiceError(err: grpc.ServiceError): OffloadError {
  const code = err.metadata?.get(ERROR_CODE_KEY)[0];
  const field = err.metadata?.get(ERROR_FIELD_KEY)[0];
  const known = typeof code === 'string' ? (code as ErrorCode) : codeFor(err.code);
  const details = err.details || err.message;
  return new OffloadError(known, details, {
    field: typeof field === 'string' ? field : undefined,
    cause: err,
  });
}

function codeFor(status: grpc.status): ErrorCode {
  switch (status) {
    case grpc.status.UNAUTHENTICATED:
      return 'UNAUTHENTICATED';
    case grpc.status.PERMISSION_DENIED:
      return 'PERMISSION_DENIED';
    case grpc.status.RESOURCE_EXHAUSTED:
      return 'RESOURCE_EXHAUSTED';
    case grpc.status.NOT_FOUND:
      return 'JOB_NOT_FOUND';
    case grpc.status.UNAVAILABLE:
    case grpc.status.DEADLINE_EXCEEDED:
      return 'BACKEND_UNAVAILABLE';
    case grpc.status.INVALID_ARGUMENT:
      return 'SPEC_INVALID';
    case grpc.status.FAILED_PRECONDITION:
      return 'JOB_STATE';
    default:
      return 'INTERNAL';
  }
}
