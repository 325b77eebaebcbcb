// Shared test helpers: temporary folders, datasets, keys and a real `offload` process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = join(ROOT, 'orchestrator/bin/offload.js');

export function tempDir(prefix = 'offload-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Identifiers shaped like 18-character national ID numbers, deterministic per seed. */
export function identifiers(count: number, seed = 1): string[] {
  const out: string[] = [];
  let x = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out.push(`1101011990${String(x % 100000000).padStart(8, '0')}`);
  }
  return out;
}

export function writeLines(path: string, lines: string[]): void {
  writeFileSync(path, lines.join('\n') + '\n');
}

export function writeKey(path: string, bytes = 32): Buffer {
  const key = randomBytes(bytes);
  writeFileSync(path, key.toString('hex') + '\n', { mode: 0o600 });
  return key;
}

export function hmacHex(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}, cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, OFFLOAD_LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function startCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, OFFLOAD_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function writeSpec(path: string, spec: unknown): string {
  writeFileSync(path, JSON.stringify(spec, null, 2));
  return path;
}

export function lastJsonLine(text: string): Record<string, unknown> {
  const lines = text.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

export function readLinesOf(path: string): string[] {
  return readFileSync(path, 'utf8').trimEnd().split('\n');
}
