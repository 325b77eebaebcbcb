// grpc.health.v1 (grpc/doc/health-checking.md): probes call Check with no token.
// The server as a whole ("") and each Offload service report SERVING until shutdown
// begins; an unknown service name answers NOT_FOUND from Check, as the protocol says.
import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
import type { HealthHandlers } from './generated/grpc/health/v1/Health.js';
import type { HealthCheckRequest__Output } from './generated/grpc/health/v1/HealthCheckRequest.js';
import type { HealthCheckResponse } from './generated/grpc/health/v1/HealthCheckResponse.js';

export const SERVICES = [
  '',
  'offload.v1.JobService',
  'offload.v1.AdminService',
  'offload.v1.KernelService',
];

type Serving = 'SERVING' | 'NOT_SERVING';

export class HealthState extends EventEmitter {
  private status: Serving = 'SERVING';

  get current(): Serving {
    return this.status;
  }

  set(status: Serving): void {
    if (status === this.status) return;
    this.status = status;
    this.emit('change', status);
  }
}

export function healthHandlers(health: HealthState): HealthHandlers {
  return {
    Check: (call, callback) => {
      if (!SERVICES.includes(call.request.service)) {
        callback({ code: grpc.status.NOT_FOUND, details: `service: unknown service` });
        return;
      }
      callback(null, { status: health.current });
    },
    Watch: (call: grpc.ServerWritableStream<HealthCheckRequest__Output, HealthCheckResponse>) => {
      if (!SERVICES.includes(call.request.service)) {
        // The protocol asks Watch to answer this and keep the stream open.
        call.write({ status: 'SERVICE_UNKNOWN' });
        return;
      }
      const send = (status: Serving): void => {
        call.write({ status });
        if (status === 'NOT_SERVING') call.end();
      };
      health.on('change', send);
      call.on('close', () => health.off('change', send));
      call.on('cancelled', () => health.off('change', send));
      call.write({ status: health.current });
    },
  };
}
