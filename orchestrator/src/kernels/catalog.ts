// The kernel catalogue: what `npm run build:kernels` wrote to wasm-kernels/build,
// read once and checked, with modules compiled on demand and cached by hash.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../digest.js';
import { OffloadError, show } from '../errors.js';

export const ABI_VERSION = 1;

export type KernelKind = 'map' | 'reduce';

export interface ParamSpec {
  name: string;
  type: 'bytes' | 'u32' | 'u64';
  secret?: boolean;
  minBytes?: number;
  maxBytes?: number;
  /** Exact byte length, when the parameter has one (a 32-byte scalar). */
  bytes?: number;
  min?: number;
  max?: number;
  default?: number | string;
  description?: string;
}

export interface KernelEntry {
  name: string;
  version: string;
  kind: KernelKind;
  abi: number;
  description: string;
  codecs: { input: string; output: string };
  params: ParamSpec[];
  /** True when the kernel draws from the seeded generator. */
  entropy?: boolean;
  /** True for kernels that need a private key: run in-process by their command, never as jobs. */
  localOnly?: boolean;
  file: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  abi: number;
  compiler: { name: string; version: string; options: string[] };
  kernels: KernelEntry[];
}

const here = dirname(fileURLToPath(import.meta.url));
/** wasm-kernels/build, from orchestrator/dist/src/kernels. */
export const DEFAULT_KERNEL_DIR = resolve(here, '../../../../wasm-kernels/build');

export class Catalog {
  readonly dir: string;
  readonly manifest: Manifest;
  private readonly modules = new Map<string, Promise<WebAssembly.Module>>();

  constructor(dir: string, manifest: Manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  static load(dir: string = process.env.OFFLOAD_KERNEL_DIR ?? DEFAULT_KERNEL_DIR): Catalog {
    let text: string;
    try {
      text = readFileSync(join(dir, 'manifest.json'), 'utf8');
    } catch (cause) {
      throw new OffloadError(
        'KERNEL_INVALID',
        `no kernel manifest in ${dir}; run \`npm run build:kernels\``,
        { cause },
      );
    }
    const manifest = JSON.parse(text) as Manifest;
    if (manifest.abi !== ABI_VERSION) {
      throw new OffloadError(
        'KERNEL_INVALID',
        `kernel manifest ABI ${show(manifest.abi)} is not the host's ${ABI_VERSION}`,
      );
    }
    return new Catalog(dir, manifest);
  }

  list(): KernelEntry[] {
    return this.manifest.kernels;
  }

  get(name: string, field = 'kernel'): KernelEntry {
    const entry = this.manifest.kernels.find((k) => k.name === name);
    if (!entry) {
      const known = this.manifest.kernels.map((k) => k.name).join(', ');
      throw new OffloadError(
        'KERNEL_UNKNOWN',
        `${field}: unknown kernel ${show(name)}; known: ${known}`,
        {
          field,
        },
      );
    }
    return entry;
  }

  byHash(sha256: string): KernelEntry | undefined {
    return this.manifest.kernels.find((k) => k.sha256 === sha256);
  }

  path(entry: KernelEntry): string {
    return join(this.dir, entry.file);
  }

  /** Compiles a kernel's module after checking its bytes against the manifest hash. */
  module(entry: KernelEntry): Promise<WebAssembly.Module> {
    let cached = this.modules.get(entry.sha256);
    if (!cached) {
      cached = compileVerified(this.path(entry), entry.sha256);
      this.modules.set(entry.sha256, cached);
      cached.catch(() => this.modules.delete(entry.sha256));
    }
    return cached;
  }
}

export async function compileVerified(file: string, sha256: string): Promise<WebAssembly.Module> {
  const bytes = await readFile(file);
  const actual = sha256Hex(bytes);
  if (actual !== sha256) {
    throw new OffloadError(
      'KERNEL_INVALID',
      `kernel module ${file} has SHA-256 ${actual}, expected ${sha256}`,
    );
  }
  return WebAssembly.compile(bytes);
}
