// Runs one kernel instance: copies framed records into its linear memory a chunk at
// a time, calls one entry point per chunk and copies the framed results out. Kernel
// error codes become OffloadErrors that name the record.
import { OffloadError } from '../errors.js';
import { ABI_VERSION, type KernelEntry } from './catalog.js';

interface KernelExports {
  memory: WebAssembly.Memory;
  offload_abi_version(): number;
  offload_reserve(region: number, bytes: number): number;
  offload_init(paramsLen: number): number;
  offload_output_ptr(): number;
  offload_output_len(): number;
  offload_error_record(): number;
  offload_map?(count: number, bytes: number): number;
  offload_reduce?(count: number, bytes: number): number;
  offload_combine?(count: number, bytes: number): number;
  offload_finish?(): number;
  offload_reseed?(): number;
}

const REGION_PARAMS = 0;
const REGION_INPUT = 1;
const REGION_SEED = 2;

/** ABI error codes (wasm-kernels/README.md) and what they mean to a user. */
const KERNEL_CODES: Record<number, string> = {
  [-1]: 'parameters rejected by the kernel',
  [-2]: 'record has the wrong length',
  [-3]: 'record is not a valid encoding',
  [-4]: 'record is out of range',
  [-5]: 'record frame runs past the end of the chunk',
  [-6]: 'kernel called before it was initialised',
};

export function describeKernelCode(code: number): string {
  return KERNEL_CODES[code] ?? `kernel error code ${code}`;
}

export class KernelInstance {
  readonly entry: KernelEntry;
  private readonly x: KernelExports;

  private constructor(entry: KernelEntry, exports: KernelExports) {
    this.entry = entry;
    this.x = exports;
  }

  /** Instantiates a module, checks its ABI and initialises it with encoded parameters. */
  static async create(
    entry: KernelEntry,
    module: WebAssembly.Module,
    params: Buffer,
    seed?: Buffer,
  ): Promise<KernelInstance> {
    const instance = await WebAssembly.instantiate(module, {
      env: {
        abort: () => {
          throw new OffloadError('KERNEL_FAILED', `kernel ${entry.name} aborted`);
        },
      },
    });
    const x = instance.exports as unknown as KernelExports;
    const abi = typeof x.offload_abi_version === 'function' ? x.offload_abi_version() : -1;
    if (abi !== ABI_VERSION) {
      throw new OffloadError(
        'KERNEL_INVALID',
        `kernel ${entry.name} speaks ABI ${abi}, the host speaks ${ABI_VERSION}`,
      );
    }
    const needed =
      entry.kind === 'map'
        ? ['offload_map']
        : ['offload_reduce', 'offload_combine', 'offload_finish'];
    for (const name of needed) {
      if (typeof (x as unknown as Record<string, unknown>)[name] !== 'function') {
        throw new OffloadError('KERNEL_INVALID', `kernel ${entry.name} does not export ${name}`);
      }
    }
    const kernel = new KernelInstance(entry, x);
    if (seed) kernel.write(REGION_SEED, seed);
    kernel.write(REGION_PARAMS, params);
    const rc = x.offload_init(params.length);
    // Parameters may hold secrets: clear the copy the kernel no longer needs.
    kernel.write(REGION_PARAMS, Buffer.alloc(params.length));
    if (rc !== 0) {
      throw new OffloadError('PARAM_INVALID', `kernel ${entry.name}: ${describeKernelCode(rc)}`, {
        field: 'params',
      });
    }
    return kernel;
  }

  /**
   * Whether the instance can serve another batch with another seed (see "Reuse" in
   * wasm-kernels/README.md): a kernel without entropy always can, one with entropy
   * when it exports offload_reseed.
   */
  get reusable(): boolean {
    return !this.entry.entropy || typeof this.x.offload_reseed === 'function';
  }

  /** Restarts the kernel's generator from `seed` for the next batch. */
  reseed(seed: Buffer): void {
    if (!this.entry.entropy) return;
    if (typeof this.x.offload_reseed !== 'function') {
      throw new OffloadError('KERNEL_INVALID', `kernel ${this.entry.name} cannot be reseeded`);
    }
    this.write(REGION_SEED, seed);
    const rc = this.x.offload_reseed();
    if (rc !== 0) {
      throw new OffloadError(
        'KERNEL_FAILED',
        `kernel ${this.entry.name}: ${describeKernelCode(rc)}`,
      );
    }
  }

  private write(region: number, bytes: Buffer): void {
    const at = this.x.offload_reserve(region, bytes.length);
    if (at === 0 && bytes.length > 0) {
      throw new OffloadError(
        'KERNEL_FAILED',
        `kernel ${this.entry.name} refused ${bytes.length} bytes for region ${region}`,
      );
    }
    new Uint8Array(this.x.memory.buffer, at, bytes.length).set(bytes);
  }

  private output(): Buffer {
    const at = this.x.offload_output_ptr();
    const len = this.x.offload_output_len();
    return Buffer.from(new Uint8Array(this.x.memory.buffer, at, len));
  }

  private check(rc: number, firstRecord: number): void {
    if (rc === 0) return;
    const index = firstRecord + this.x.offload_error_record();
    throw new OffloadError(
      rc === -1 ? 'PARAM_INVALID' : 'RECORD_INVALID',
      `record ${index}: ${describeKernelCode(rc)} (kernel ${this.entry.name})`,
      { record: index },
    );
  }

  /**
   * Maps one chunk of `count` framed records; `firstRecord` is the index of its first
   * record, for error messages. Returns a copy of the framed outputs.
   */
  map(chunk: Buffer, count: number, firstRecord = 0): Buffer {
    this.write(REGION_INPUT, chunk);
    this.check(this.x.offload_map!(count, chunk.length), firstRecord);
    return this.output();
  }

  /**
   * As `map`, but returns a view of the kernel's output region instead of a copy: it
   * holds until the next call on this instance.
   */
  mapView(chunk: Buffer, count: number, firstRecord = 0): Uint8Array {
    this.write(REGION_INPUT, chunk);
    this.check(this.x.offload_map!(count, chunk.length), firstRecord);
    return new Uint8Array(
      this.x.memory.buffer,
      this.x.offload_output_ptr(),
      this.x.offload_output_len(),
    );
  }

  reduce(chunk: Buffer, count: number, firstRecord = 0): void {
    this.write(REGION_INPUT, chunk);
    this.check(this.x.offload_reduce!(count, chunk.length), firstRecord);
  }

  combine(chunk: Buffer, count: number): void {
    this.write(REGION_INPUT, chunk);
    this.check(this.x.offload_combine!(count, chunk.length), 0);
  }

  /** Returns the framed partial (one record) and resets the running partial. */
  finish(): Buffer {
    this.check(this.x.offload_finish!(), 0);
    return this.output();
  }
}
