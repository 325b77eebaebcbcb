// pino to stderr: readable lines on a terminal, JSON otherwise. Secrets are redacted
// by the logger itself, whatever a call site passes.
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export const REDACT_PATHS = [
  'key',
  '*.key',
  'secret',
  '*.secret',
  'secrets',
  'params',
  '*.params',
  'seed',
  '*.seed',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'scalar',
  '*.scalar',
  'privateKey',
  '*.privateKey',
];

export function createLogger(
  options: { level?: string; destination?: NodeJS.WritableStream; pretty?: boolean } = {},
): Logger {
  const level = options.level ?? process.env.OFFLOAD_LOG_LEVEL ?? 'info';
  const base = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined };
  const usePretty = options.pretty ?? (!options.destination && process.stderr.isTTY === true);
  if (usePretty) {
    return pino(
      base,
      pretty({ destination: 2, sync: true, ignore: 'pid,hostname', colorize: true }),
    );
  }
  return pino(base, options.destination ?? pino.destination({ fd: 2, sync: true }));
}
