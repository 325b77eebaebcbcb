// Compiles the test-only probe module (wasm-kernels/assembly/test/curve25519-probe.ts)
// with the kernels' compiler options, once per source version, into the temp folder.
// Run `npm run build:kernels` first.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const assembly = join(root, 'wasm-kernels/assembly');

export interface Probe {
  memory(): Uint8Array;
  in: number;
  aux: number;
  out: number;
  sha512(len: number): void;
  expand(len: number, dstLen: number, outLen: number): number;
  fromUniform(): void;
  mult(): number;
  scalarOk(): number;
  x25519Iterate(n: number): void;
  pair(): void;
}

async function sourcesDigest(): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else hash.update(p).update(await readFile(p));
    }
  };
  await walk(assembly);
  return hash.digest('hex').slice(0, 16);
}

async function build(): Promise<Buffer> {
  const out = join(tmpdir(), 'offload-probe', `curve25519-probe-${await sourcesDigest()}.wasm`);
  try {
    return await readFile(out);
  } catch {
    // not built yet for these sources
  }
  await mkdir(dirname(out), { recursive: true });
  // The kernel build records its compiler options in the manifest; use the same ones.
  const manifest = JSON.parse(
    await readFile(join(root, 'wasm-kernels/build/manifest.json'), 'utf8'),
  ) as { compiler: { options: string[] } };
  const asc = (await import('assemblyscript/asc')) as unknown as {
    main(argv: string[], opts: object): Promise<{ error: Error | null }>;
  };
  const tmp = `${out}.${process.pid}.tmp`;
  const errors: string[] = [];
  const { error } = await asc.main(
    [join(assembly, 'test/curve25519-probe.ts'), '--outFile', tmp, ...manifest.compiler.options],
    { stderr: { write: (s: string) => errors.push(String(s)) }, stdout: { write: () => {} } },
  );
  if (error) throw new Error(`probe build failed: ${error.message}\n${errors.join('')}`);
  // Test files run concurrently: publish the module whole, by rename.
  await rename(tmp, out);
  return readFile(out);
}

export async function loadProbe(): Promise<Probe> {
  const module = await WebAssembly.compile(new Uint8Array(await build()));
  const instance = await WebAssembly.instantiate(module, {
    env: {
      abort: () => {
        throw new Error('probe aborted');
      },
    },
  });
  const x = instance.exports as Record<string, CallableFunction> & { memory: WebAssembly.Memory };
  return {
    memory: () => new Uint8Array(x.memory.buffer),
    in: x.probe_in!() as number,
    aux: x.probe_aux!() as number,
    out: x.probe_out!() as number,
    sha512: (len) => x.probe_sha512!(len),
    expand: (len, dstLen, outLen) => x.probe_expand!(len, dstLen, outLen) as number,
    fromUniform: () => x.probe_from_uniform!(),
    mult: () => x.probe_mult!() as number,
    scalarOk: () => x.probe_scalar_ok!() as number,
    x25519Iterate: (n) => x.probe_x25519_iterate!(n),
    pair: () => x.probe_pair!(),
  };
}
